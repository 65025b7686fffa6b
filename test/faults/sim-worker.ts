/**
 * A simulator — or a duplexed pair (`pair: true`) — in a worker thread: its own event loop keeps serving (and
 * streaming calls) while the main thread (the client, or Node-RED) is busy or blocked, so a rate asked for is the
 * rate offered. What it writes to the client's sessions is recorded by a WireLedger here (the same rule as in one
 * process: only sessions of `clientId`, events produced while none of them could be sent counted as unsent) and
 * reported, with its time, as { kind: 'sent', connId, key, at } / { kind: 'unsent', at, type }; OPEN_REQs of the
 * client a side refused as { kind: 'open-refused', side, status }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CtiSimulator, CtiSimulatorPair, type CtiSimulatorOptions, type SimRequestInfo } from '../../lib/simulator';
import { WireLedger } from './ledger';
import { streamCalls, type CallStream } from './stream';

const port = parentPort!;
const { clientId, options, pair } = workerData as { clientId: string; options: CtiSimulatorOptions; pair: boolean };
const duplex = pair ? new CtiSimulatorPair(options) : undefined;
const sims = duplex ? [duplex.sideA, duplex.sideB] : [new CtiSimulator({ host: '127.0.0.1', port: 0, ...options })];
let stream: CallStream | undefined;

/** Reports instead of keeping. */
class PostingLedger extends WireLedger {
  override add(connId: string, key: string, at = Date.now()): void {
    port.postMessage({ kind: 'sent', connId, key, at });
  }
  override addUnsent(at: number, type: string): void {
    port.postMessage({ kind: 'unsent', at, type });
  }
}
const ledger = new PostingLedger().watch(sims, clientId);
// OPEN_REQs of the client that a side refused (e.g. E_CTI_SERVER_IN_MAINTENANCE_MODE for a standby session).
for (const sim of sims)
  sim.on('request', (r: SimRequestInfo) => {
    if (r.messageType === 'OPEN_REQ' && r.clientId === clientId && r.refusedStatus !== undefined)
      port.postMessage({ kind: 'open-refused', side: sim.side, status: r.refusedStatus });
  });

function side(letter: unknown): CtiSimulator {
  return sims.find((s) => s.side === letter) ?? sims[0];
}

type Command = { op: string; id: number; perSecond?: number; side?: 'A' | 'B' };

async function run(cmd: Command): Promise<unknown> {
  switch (cmd.op) {
    case 'start':
      if (duplex) await duplex.start();
      else await sims[0].start();
      return sims.map((s) => s.port);
    case 'stream':
      // On side A throughout: the peripheral is shared, each side sends its sessions what it is active for.
      stream = streamCalls(sims[0], cmd.perSecond ?? 20);
      return true;
    case 'stopStream':
      await stream?.stop();
      return stream?.calls ?? 0;
    case 'sync':
      return true;
    case 'active':
      return (duplex?.active ?? sims[0]).side;
    case 'crashActive': {
      // The time of the crash on this thread's clock (the same wall clock as the main thread's).
      const crashed = duplex!.active.side;
      const at = Date.now();
      await duplex!.crashActive();
      return { side: crashed, at };
    }
    case 'restart':
      await side(cmd.side).start();
      return true;
    case 'maintenance':
      return duplex!.maintenance();
    case 'endMaintenance':
      duplex!.endMaintenance();
      return true;
    case 'stop':
      await stream?.stop();
      ledger.stop();
      await (duplex ? duplex.stop() : sims[0].stop());
      return true;
    default:
      throw new Error(`unknown op ${cmd.op}`);
  }
}

port.on('message', (cmd: Command) => {
  run(cmd).then(
    (value) => port.postMessage({ kind: 'reply', id: cmd.id, value }),
    (err: Error) => port.postMessage({ kind: 'reply', id: cmd.id, error: err.message }),
  );
});
