/**
 * The many-PG bench's consumer in its own process: subscribes to `cti/#` (QoS 1, MQTT v5) as a consumer flow
 * would, parses every message and keeps, per PG, when each event (by its sequence number, the MonitorID the
 * simulator wrote) arrived, and whether it came in order.
 *
 * Orders: `phase { pgs, firstSeq, count }` (start counting), `progress` → events received in the phase,
 * `collect` → per PG { received, duplicates, outOfOrder, stale, at } (at[i]: arrival of firstSeq + i, null when
 * it never came).
 */
import mqtt from 'mqtt';
import { nowMs } from '../feeder';
import { serve } from './ipc';

/** The event types the simulators send (bench/feeder.ts's call): anything else on cti/# is not counted. */
const TYPES = new Set([
  'BEGIN_CALL_EVENT',
  'CALL_DELIVERED_EVENT',
  'CALL_ESTABLISHED_EVENT',
  'CALL_DATA_UPDATE_EVENT',
  'CALL_CLEARED_EVENT',
  'END_CALL_EVENT',
]);

interface PgCount {
  received: number;
  duplicates: number;
  /** Arrivals whose sequence number was not the one after the previous arrival's. */
  outOfOrder: number;
  /** Events of an earlier phase (a sequence number below this phase's first). */
  stale: number;
  last: number;
  at: Float64Array;
}

let firstSeq = 0;
let count = 0;
let received = 0;
let counts = new Map<number, PgCount>();

function onMessage(topic: string, payload: Buffer): void {
  const now = nowMs();
  const parts = topic.split('/');
  if (parts.length !== 3 || !TYPES.has(parts[2])) return;
  const pg = counts.get(Number(parts[1]));
  if (pg === undefined) return;
  const m = JSON.parse(payload.toString()) as { payload: { monitorId: number } };
  const seq = m.payload.monitorId;
  const i = seq - firstSeq;
  if (i < 0 || i >= count) {
    pg.stale++;
    return;
  }
  if (seq !== pg.last + 1) pg.outOfOrder++;
  pg.last = seq;
  if (pg.at[i] > 0) {
    pg.duplicates++;
    return;
  }
  pg.at[i] = now;
  pg.received++;
  received++;
}

async function main(): Promise<void> {
  const client = await mqtt.connectAsync(process.env.BROKER_URL!, {
    protocolVersion: 5,
    clientId: 'bench-pgs-consumer',
    clean: true,
  });
  client.on('message', onMessage);
  await client.subscribeAsync('cti/#', { qos: 1 });
  serve({
    phase(args) {
      firstSeq = args.firstSeq as number;
      count = args.count as number;
      received = 0;
      counts = new Map(
        (args.pgs as number[]).map((p) => [
          p,
          { received: 0, duplicates: 0, outOfOrder: 0, stale: 0, last: firstSeq - 1, at: new Float64Array(count) },
        ]),
      );
    },
    progress: () => ({ received }),
    collect: () =>
      Object.fromEntries([...counts].map(([p, c]) => [p, { ...c, at: Array.from(c.at, (t) => (t > 0 ? t : null)) }])),
    async stop() {
      await client.endAsync();
      setImmediate(() => process.exit(0));
    },
  });
  process.send!({ event: 'subscribed' });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
