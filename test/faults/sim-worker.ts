/**
 * A simulator in a worker thread: its own event loop keeps serving (and streaming calls) while the main
 * thread — the client, or Node-RED — is blocked. Reports every message it writes to the client as
 * { kind: 'sent', connId, key } and events it could not send as { kind: 'unsent', at }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CtiSimulator, type CtiSimulatorOptions } from '../../lib/simulator';
import { messageKey } from './ledger';
import { streamCalls, type CallStream } from './stream';

const port = parentPort!;
const { clientId, options } = workerData as { clientId: string; options: CtiSimulatorOptions };
const sim = new CtiSimulator({ host: '127.0.0.1', port: 0, ...options });
const mine = new Set<number>();
let stream: CallStream | undefined;

sim.on('request', (r: { sessionId: number; clientId?: string; messageType: string }) => {
  if (r.messageType === 'OPEN_REQ' && r.clientId === clientId) mine.add(r.sessionId);
});
sim.on('message-sent', ({ sessionId, message }) => {
  if (mine.has(sessionId))
    port.postMessage({ kind: 'sent', connId: `${sim.side}:${sessionId}`, key: messageKey(message) });
});
sim.model.on('event', (e: { msg: { messageType: string } }) => {
  if (!sim.sessions().some((i) => i.clientId === clientId))
    port.postMessage({ kind: 'unsent', at: Date.now(), type: e.msg.messageType });
});

port.on('message', async (cmd: { op: string; id: number; perSecond?: number }) => {
  const reply = (value: unknown): void => port.postMessage({ kind: 'reply', id: cmd.id, value });
  switch (cmd.op) {
    case 'start':
      reply((await sim.start()).port);
      break;
    case 'stream':
      stream = streamCalls(sim, cmd.perSecond ?? 20);
      reply(true);
      break;
    case 'stopStream':
      await stream?.stop();
      reply(stream?.calls ?? 0);
      break;
    case 'sync':
      reply(true);
      break;
    case 'stop':
      await stream?.stop();
      await sim.stop();
      reply(true);
      break;
  }
});
