/**
 * One PG of the many-PG bench in its own process: a CtiSimulator (the real handshake, heartbeats and requests)
 * for peripheral PG, and on order a phase of call events written into Node-RED's session at a rate.
 *
 * The events are the end-to-end bench's call (bench/feeder.ts: BEGIN_CALL with call variables and ECC, DELIVERED,
 * ESTABLISHED, CALL_DATA_UPDATE, CLEARED, END_CALL), this PG's PeripheralID, each with its own ConnectionCallID;
 * MonitorID carries the event's sequence number on this PG. They are encoded before the phase starts, so the
 * simulator's CPU goes to writing, not to building events (on two cores it competes with Node-RED). The time each
 * frame was written is kept (CLOCK_MONOTONIC, the consumer's clock too) and handed back with the phase's result.
 *
 * Orders: `prepare { firstSeq, count }`, `run { rate, tickMs }` → { sent, seconds, sentAt }.
 * Event: `open` when Node-RED's session is open.
 */
import { performance } from 'node:perf_hooks';
import { encodeMessage } from '../../lib/protocol';
import { CtiSimulator } from '../../lib/simulator';
import type { ClientSession } from '../../lib/simulator/client-session';
import { EVENTS_PER_CALL, VERSION, callEvents, nowMs } from '../feeder';
import { serve } from './ipc';

const peripheralId = Number(process.env.PG);
// On the port the bench picked (Node-RED's flow names it before this process is up); a port someone took
// meanwhile fails the start, and the bench with it.
const sim = new CtiSimulator({ host: '127.0.0.1', port: Number(process.env.PORT), peripheralId, agents: '2001-2002' });
// Only the bench's events reach the consumer: no SYSTEM_EVENT after the open.
sim.announcesPeripheralStatus = false;
let session: ClientSession | undefined;
let frames: Buffer[] = [];
let firstSeq = 0;

sim.on('session-open', (info) => {
  session = sim.openSessions().find((s) => s.id === info.id);
  process.send!({ event: 'open' });
});

/** Encodes `count` events from sequence number `first` on (whole calls: call n starts at n × 6). */
function prepare({ firstSeq: first, count }: Record<string, unknown>): { count: number } {
  firstSeq = first as number;
  frames = [];
  for (let seq = firstSeq; seq < firstSeq + (count as number);) {
    for (const m of callEvents(Math.floor(seq / EVENTS_PER_CALL), seq)) {
      frames.push(encodeMessage({ ...m, peripheralId }, VERSION));
      seq++;
    }
  }
  frames.length = count as number;
  return { count: frames.length };
}

/** Writes the prepared frames at `rate` per second: every tick what is due by then, as one write. */
async function run({
  rate,
  tickMs,
}: Record<string, unknown>): Promise<{ sent: number; seconds: number; sentAt: number[] }> {
  if (session === undefined) throw new Error('no session open');
  const s = session;
  const sentAt = new Array<number>(frames.length);
  const start = performance.now();
  let i = 0;
  while (i < frames.length && s.state === 'open') {
    const due = Math.min(frames.length, Math.floor(((performance.now() - start) * (rate as number)) / 1000) + 1);
    if (due > i) {
      const at = nowMs();
      for (let j = i; j < due; j++) sentAt[j] = at;
      s.writeRaw(due - i === 1 ? frames[i] : Buffer.concat(frames.slice(i, due)));
      i = due;
    }
    if (i < frames.length) await new Promise((r) => setTimeout(r, tickMs as number));
  }
  return { sent: i, seconds: (performance.now() - start) / 1000, sentAt: sentAt.slice(0, i) };
}

serve({
  prepare,
  run,
  async stop() {
    await sim.stop();
    setImmediate(() => process.exit(0));
  },
});

sim.start().then(
  ({ port }) => process.send!({ event: 'listening', port }),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
