/**
 * `npm run bench:mqtt-pgs` — many PGs into one Node-RED, fanned out over MQTT (issue 26), every part in its own
 * process as at a site:
 *
 * - PGS simulators (bench/pgs/sim-child.ts), one child process each, PG 5001, 5002 …: a CtiSimulator that writes
 *   call events into Node-RED's session at RATE events/s, MonitorID = the event's sequence number on that PG;
 * - one Node-RED, started as `npm start` starts it (node-red/red.js, a user directory and settings.js loading this
 *   package), with one cti-server + cti-event per PG and the MQTT example owner flow's *To MQTT* + publish node;
 * - a throw-away mosquitto on a free port;
 * - a consumer (bench/pgs/consumer-child.ts) subscribed to cti/# (QoS 1, v5) that parses every message and notes
 *   when each sequence number arrived.
 *
 * Per rate it prints what each PG offered (sent) against what the consumer got (received, lost, duplicated, out of
 * sequence), events/s offered and delivered, the latency from the simulator's write to the consumer's receive
 * (p50/p90/p99/max: CLOCK_MONOTONIC in both processes, one machine), the CPU each process used and the load
 * average. A rate is *sustained* when nothing is lost, duplicated or out of sequence, the delivered rate is at
 * least 95 % of the offered one and the p99 stays under BOUND_MS.
 *
 *   PGS=10 RATE=1000 SECONDS=10 npm run bench:mqtt-pgs            the issue's figure
 *   PGS=10 RATES=100,200,400,600,800,1000 npm run bench:mqtt-pgs  one phase per rate (each RATE per PG), in one run
 *   PROFILE=1 …                                                   Node-RED under node --cpu-prof (PROFILE_DIR,
 *                                                                 default ./bench-profile); then
 *                                                                 node -r tsx/cjs bench/pgs/profile-summary.ts <file>
 *
 * TICK_MS (default 5): how often a simulator writes what is due. BENCH_RESULTS: the results file (see results.ts).
 * Needs Debian's mosquitto (.ci/deps.sh). `npm test` runs it once small (test/bench/mqtt-pgs-smoke.spec.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBroker } from '../test/mqtt/broker';
import { exampleOnTab, freePort, startRed } from '../test/support/red-process';
import { EVENTS_PER_CALL, nowMs } from './feeder';
import { forkChild, type Child } from './pgs/ipc';
import { printTable, writeResults, type BenchRow } from './results';

const PGS = Number(process.env.PGS ?? 10);
const RATES = (process.env.RATES ?? process.env.RATE ?? '1000').split(',').map(Number);
const SECONDS = Number(process.env.SECONDS ?? 10);
const TICK_MS = Number(process.env.TICK_MS ?? 5);
const BOUND_MS = Number(process.env.BOUND_MS ?? 1000);
/** The drain ends when nothing more arrived for this long (what is still missing then is lost). */
const QUIET_MS = Number(process.env.QUIET_MS ?? 10000);
/** mosquitto's max_inflight_messages (QoS 1 messages on their way to the consumer unacknowledged; its default 20). */
const INFLIGHT = process.env.INFLIGHT;
const FIRST_PERIPHERAL = 5001;
const PROFILE_DIR = path.resolve(process.env.PROFILE_DIR ?? 'bench-profile');

interface SimRun {
  sent: number;
  seconds: number;
  sentAt: number[];
}

interface PgCount {
  received: number;
  duplicates: number;
  outOfOrder: number;
  stale: number;
  at: Array<number | null>;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/** CPU seconds (user + system) a process used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (fields 14, 15) in clock ticks
  } catch {
    return NaN;
  }
}

/** The flow: the example owner flow's To MQTT, publish and broker nodes; one cti-server + cti-event per PG. */
function flow(brokerPort: number, simPorts: number[]): Array<Record<string, unknown>> {
  const example = exampleOnTab('mqtt/Session owner.json', 'owner', 0);
  const publish = example.find((n) => n.id === 'mqo-publish')!;
  const out = example.find((n) => n.id === 'mqo-out')!;
  const brokerNode = { ...example.find((n) => n.type === 'mqtt-broker')!, port: String(brokerPort) };
  const flows: Array<Record<string, unknown>> = [{ id: 'owner', type: 'tab', label: `${PGS} PGs` }, brokerNode, out];
  flows.push({ ...publish, wires: [[out.id]] });
  simPorts.forEach((port, i) => {
    flows.push({
      id: `srv-${i}`,
      type: 'cti-server',
      name: `PG ${FIRST_PERIPHERAL + i}`,
      hostA: '127.0.0.1',
      portA: port,
      peripheralId: FIRST_PERIPHERAL + i,
      clientId: 'bench-pgs',
      version: 24,
      services: ['ALL_EVENTS'],
      heartbeat: 30,
    });
    flows.push({ id: `ev-${i}`, type: 'cti-event', z: 'owner', server: `srv-${i}`, events: [], wires: [[publish.id]] });
  });
  return flows;
}

interface PhaseResult {
  rows: BenchRow[];
  sustained: boolean;
}

/** One rate: every simulator writes `count` events at `rate`/s from `firstSeq` on; the consumer counts them. */
async function phase(
  sims: Child[],
  consumer: Child,
  pids: Record<string, number[]>,
  rate: number,
  firstSeq: number,
): Promise<PhaseResult> {
  const count = Math.ceil((rate * SECONDS) / EVENTS_PER_CALL) * EVENTS_PER_CALL;
  const peripherals = sims.map((_, i) => FIRST_PERIPHERAL + i);
  await consumer.call('phase', { pgs: peripherals, firstSeq, count });
  await Promise.all(sims.map((s) => s.call('prepare', { firstSeq, count })));
  const cpu0 = Object.fromEntries(
    Object.entries(pids).map(([k, ps]) => [k, ps.reduce((a, p) => a + cpuSeconds(p), 0)]),
  );
  const wall0 = nowMs();
  const runs = await Promise.all(sims.map((s) => s.call<SimRun>('run', { rate, tickMs: TICK_MS })));
  const total = runs.reduce((n, r) => n + r.sent, 0);
  // Drain: until everything arrived, or nothing more did for QUIET_MS.
  for (let seen = -1, since = nowMs(); ;) {
    const { received } = await consumer.call<{ received: number }>('progress');
    if (received >= total) break;
    if (received !== seen) [seen, since] = [received, nowMs()];
    else if (nowMs() - since > QUIET_MS) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const wallSeconds = (nowMs() - wall0) / 1000;
  const cpuUsed = Object.fromEntries(
    Object.entries(pids).map(([k, ps]) => [k, ps.reduce((a, p) => a + cpuSeconds(p), 0) - cpu0[k]]),
  );
  const load = os.loadavg()[0];
  const counts = await consumer.call<Record<string, PgCount>>('collect');

  const latencies: number[] = [];
  let firstSent = Infinity;
  let lastArrival = 0;
  let received = 0;
  let lost = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  const at = `${PGS}×${rate}/s`;
  const perPg: string[] = [];
  const pgRows: BenchRow[] = [];
  runs.forEach((run, i) => {
    const pg = peripherals[i];
    const c = counts[pg];
    for (let k = 0; k < run.sent; k++) {
      firstSent = Math.min(firstSent, run.sentAt[k]);
      const at = c.at[k];
      if (at === null) continue;
      latencies.push(at - run.sentAt[k]);
      lastArrival = Math.max(lastArrival, at);
    }
    const pgLost = run.sent - c.received;
    received += c.received;
    lost += pgLost;
    duplicates += c.duplicates;
    outOfOrder += c.outOfOrder;
    pgRows.push(
      { name: `${at}: PG ${pg} sent`, value: run.sent, unit: 'events' },
      { name: `${at}: PG ${pg} received`, value: c.received, unit: 'events' },
    );
    perPg.push(
      `  PG ${pg}: offered ${(run.sent / run.seconds).toFixed(0)}/s, sent ${run.sent}, received ${c.received}, lost ${pgLost}` +
        `, duplicates ${c.duplicates}, out of sequence ${c.outOfOrder}${c.stale > 0 ? `, from an earlier phase ${c.stale}` : ''}`,
    );
  });
  const sorted = Float64Array.from(latencies).sort();
  const offered = total / Math.max(...runs.map((r) => r.seconds));
  const delivered = received / ((lastArrival - firstSent) / 1000);
  const p99 = percentile(sorted, 99);
  const sustained =
    lost === 0 && duplicates === 0 && outOfOrder === 0 && delivered >= 0.95 * offered && p99 <= BOUND_MS;
  const rows: BenchRow[] = [
    { name: `${at}: offered (simulators' writes)`, value: offered, unit: 'events/s', target: `${PGS * rate}` },
    {
      name: `${at}: delivered to the consumer`,
      value: delivered,
      unit: 'events/s',
      ratio: delivered / offered,
      baseline: 'of offered',
    },
    { name: `${at}: events sent`, value: total, unit: 'events' },
    { name: `${at}: lost`, value: lost, unit: 'events', target: '0' },
    { name: `${at}: duplicated`, value: duplicates, unit: 'events', target: '0' },
    { name: `${at}: out of sequence`, value: outOfOrder, unit: 'events', target: '0' },
    { name: `${at}: latency p50`, value: percentile(sorted, 50), unit: 'ms' },
    { name: `${at}: latency p90`, value: percentile(sorted, 90), unit: 'ms' },
    { name: `${at}: latency p99`, value: p99, unit: 'ms', target: `≤ ${BOUND_MS}` },
    { name: `${at}: latency max`, value: sorted[sorted.length - 1] ?? NaN, unit: 'ms' },
    ...Object.entries(cpuUsed).map(([k, v]) => ({
      name: `${at}: CPU ${k}`,
      value: (v / wallSeconds) * 100,
      unit: '% of a core',
    })),
    { name: `${at}: Node-RED CPU per event`, value: (cpuUsed['Node-RED'] / total) * 1e6, unit: 'µs' },
    { name: `${at}: load average (1 min) at the end`, value: load, unit: '' },
    { name: `${at}: sustained`, value: sustained ? 1 : 0, unit: sustained ? '(yes)' : '(no)' },
  ];
  printTable(`${PGS} PGs × ${rate} events/s for ${SECONDS} s (load average ${load.toFixed(1)})`, rows);
  console.log(perPg.join('\n'));
  return { rows: [...rows, ...pgRows], sustained };
}

async function main(): Promise<void> {
  const started = nowMs();
  const step = (what: string): void => console.log(`${((nowMs() - started) / 1000).toFixed(1)} s: ${what}`);
  const broker = await startBroker(undefined, INFLIGHT === undefined ? [] : [`max_inflight_messages ${INFLIGHT}`]);
  // Everything starts at once: the simulators on ports picked here, so Node-RED's flow can name them already.
  const simPorts = await Promise.all(Array.from({ length: PGS }, () => freePort()));
  const sims = simPorts.map((port, i) =>
    forkChild(`simulator PG ${FIRST_PERIPHERAL + i}`, 'sim-child.ts', {
      PG: String(FIRST_PERIPHERAL + i),
      PORT: String(port),
    }),
  );
  const consumer = forkChild('consumer', 'consumer-child.ts', { BROKER_URL: `mqtt://127.0.0.1:${broker.port}` });
  const redStarted = startRed({
    flows: flow(broker.port, simPorts),
    readyTimeoutMs: 120000,
    nodeArgs: process.env.PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
  });
  try {
    await Promise.all([...sims.map((s) => s.event('listening')), consumer.event('subscribed')]);
    step(`mosquitto on port ${broker.port}, ${PGS} simulators listening, the consumer subscribed`);
    const red = await redStarted;
    await Promise.all(sims.map((s) => s.event('open')));
    // Events published before the publish node's broker connection would wait in Node-RED: not what is measured.
    for (const since = nowMs(); !/Connected to broker/.test(red.output());) {
      if (nowMs() - since > 30000) throw new Error(`Node-RED's publish node never connected:\n${red.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    step(`Node-RED (pid ${red.child.pid}) has a session with every simulator and is connected to the broker`);
    const pids = {
      'Node-RED': [red.child.pid!],
      mosquitto: [broker.pid],
      consumer: [consumer.proc.pid!],
      [`${PGS} simulators`]: sims.map((s) => s.proc.pid!),
      'bench process': [process.pid],
    };
    const rows: BenchRow[] = [];
    const verdicts: string[] = [];
    let seq = 0;
    for (const rate of RATES) {
      const r = await phase(sims, consumer, pids, rate, seq);
      rows.push(...r.rows);
      verdicts.push(`${PGS}×${rate}/s ${r.sustained ? 'sustained' : 'NOT sustained'}`);
      seq += Math.ceil((rate * SECONDS) / EVENTS_PER_CALL) * EVENTS_PER_CALL;
    }
    if (process.env.VERBOSE) console.log(`\nNode-RED's output:\n${red.output()}`);
    console.log(`\n${verdicts.join('; ')} (p99 bound ${BOUND_MS} ms, ${os.cpus().length} cores)`);
    writeResults('mqtt-pgs', rows);
  } finally {
    await (await redStarted.catch(() => undefined))?.stop();
    if (process.env.PROFILE) console.log(`Node-RED profile in ${PROFILE_DIR}`);
    await Promise.all([...sims, consumer].map((c) => c.call('stop').catch(() => undefined)));
    await Promise.all([...sims, consumer].map((c) => c.stop()));
    await broker.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
