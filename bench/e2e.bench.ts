/**
 * End-to-end bench (`npm run bench`, after the codec bench): pre-encoded v24 call events written by a feeder
 * (bench/feeder.ts, in this process) over TCP → a real Node-RED runtime in a child process, started with
 * node-red/red.js and a settings file as `npm start` starts it, with this package loaded from the project
 * (settings.nodesDir) → cti-server → cti-event → a counting function node. Measured in that child, in one run:
 *
 * - Node-RED's own function → function hop at saturation (the baseline);
 * - the package's path at saturation with 1 and with 5 cti-event nodes, as events per CPU second of the child and
 *   as a ratio of the hop (both paths in the same child, in alternating rounds);
 * - latency from the frame written by the feeder to the message at the function node, p50/p99/max, at 1,000 and
 *   10,000 events/s (and the rate the child actually kept up with);
 * - heap per tracked call (BEGIN_CALL with call variables + ECC, DELIVERED, ESTABLISHED, CALL_DATA_UPDATE, no
 *   END_CALL) at 10,000 and 100,000 calls, and per tracked agent, after GC, in this process (run with --expose-gc).
 *
 * The child's settings.js loads bench/red-child.js, which takes orders over the IPC channel (deploy a flow, drive
 * the hop, count events) and measures with process.cpuUsage() inside the runtime: the feeder's CPU is not the
 * path's, and the runtime's heap holds only the runtime (the frames stay here).
 *
 * BENCH_AB=<another package directory> (one with package.json and dist/, e.g. a copy of main's build) runs a second
 * child with that package, in the same alternating rounds: before/after in one run. BENCH_PROFILE=N runs only the
 * path with N cti-event nodes with the child under `node --cpu-prof` (profile in BENCH_PROFILE_DIR, default
 * ./bench-profile). BENCH_EVENTS and BENCH_ROUNDS change the saturation run's size. BENCH_SMOKE=1 runs a few
 * thousand events and skips the 100,000-call figure (a quick check that it all works).
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeMessage, encodeMessage, type CtiMessage } from '../lib/protocol';
import { AgentTracker, CallTracker } from '../lib/calls';
import { Feeder, PERIPHERAL_ID, VERSION, callEvents, encodeCalls } from './feeder';
import { printTable, report, type BenchRow } from './results';

const SMOKE = process.env.BENCH_SMOKE === '1';
const SATURATION_EVENTS = SMOKE ? 3_000 : Number(process.env.BENCH_EVENTS ?? 120_000);
/** Calls (and agents) tracked for the heap figures (also 100,000 calls outside the smoke run). */
const CALLS = SMOKE ? 2_000 : 10_000;
const ROUNDS = SMOKE ? 1 : Number(process.env.BENCH_ROUNDS ?? 3);
const ROOT = path.join(__dirname, '..');

/** CPU time and wall time of one run inside the child. */
interface Run {
  cpuUs: number;
  wallMs: number;
}

/** Events per second of wall time and per second of the runtime's CPU time (user + system). */
interface Rate {
  wall: number;
  cpu: number;
}

const rate = (n: number, r: Run): Rate => ({ wall: n / (r.wallMs / 1000), cpu: n / (r.cpuUs / 1e6) });

/** A Node-RED child as `npm start` runs one (red.js, a user directory, settings.js), with `pkg` loaded. */
class RedChild {
  private child!: ChildProcess;
  private nextId = 1;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private onCounted: ((r: Run & { arrivals?: number[] }) => void) | undefined;
  private dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-bench-'));
  private out = '';

  constructor(readonly pkg: string) {}

  async start(): Promise<void> {
    const settings = {
      uiHost: '127.0.0.1',
      flowFile: 'flows.json',
      credentialSecret: false,
      nodesDir: [this.pkg],
      httpAdminRoot: false,
      httpNodeRoot: false,
      telemetry: { enabled: false },
      editorTheme: { tours: false, projects: { enabled: false } },
      logging: { console: { level: process.env.BENCH_LOG ?? 'info', metrics: false, audit: false } },
    };
    fs.writeFileSync(
      path.join(this.dir, 'settings.js'),
      `require(${JSON.stringify(path.join(__dirname, 'red-child.js'))});\nmodule.exports = ${JSON.stringify(settings, null, 2)};\n`,
    );
    fs.writeFileSync(path.join(this.dir, 'flows.json'), '[]');
    const profile = process.env.BENCH_PROFILE === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir()}`];
    const red = require.resolve('node-red/red.js', { paths: [ROOT] });
    this.child = fork(red, ['-u', this.dir, '-s', path.join(this.dir, 'settings.js'), '-p', '0'], {
      cwd: this.dir,
      execArgv: profile,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const keep = (d: Buffer): void => {
      this.out = (this.out + d.toString()).slice(-20000);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.child.on('message', (m: { id?: number; result?: unknown; error?: string; event?: string } & Run) => {
      if (m.event === 'counted') {
        this.onCounted?.(m);
        return;
      }
      const w = this.waiting.get(m.id!);
      this.waiting.delete(m.id!);
      if (m.error !== undefined) w?.reject(new Error(`Node-RED child: ${m.error}`));
      else w?.resolve(m.result);
    });
    this.child.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`Node-RED child exited (${code}):\n${this.out}`));
      this.waiting.clear();
    });
    // Node-RED is ready for flows once it says it has started the (empty) ones.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Node-RED did not start:\n${this.out}`)), 60000);
      const check = (): void => {
        if (!/Started flows/.test(this.out)) return;
        clearTimeout(timer);
        resolve();
      };
      this.child.stdout!.on('data', check);
      this.child.once('exit', () => reject(new Error(`Node-RED exited:\n${this.out}`)));
    });
  }

  call<T>(cmd: string, args: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd, ...args });
    });
  }

  /** Arms the counters, runs `feed`, resolves with the child's figures once every counter is full. */
  async count(
    ids: string[],
    n: number,
    latency: boolean,
    feed: () => Promise<void>,
  ): Promise<Run & { arrivals?: number[] }> {
    const counted = new Promise<Run & { arrivals?: number[] }>((r) => (this.onCounted = r));
    await this.call('arm', { ids, n, latency });
    await feed();
    return counted;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      await this.call('stop').catch(() => undefined);
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function profileDir(): string {
  return path.resolve(process.env.BENCH_PROFILE_DIR ?? 'bench-profile');
}

const fn = (id: string, func: string, wires: string[][] = []): object => ({
  id,
  type: 'function',
  z: 'f1',
  func,
  outputs: 1,
  wires,
});

async function hopRate(red: RedChild, n: number): Promise<Rate> {
  await red.call('deploy', {
    flows: [{ id: 'f1', type: 'tab' }, fn('a', 'return msg;', [['b']]), fn('b', 'return null;')],
  });
  const r = await red.call<Run>('hop', { n });
  await red.call('deploy', { flows: [] });
  return rate(n, r);
}

/** cti-server + `nodes` cti-event nodes, each wired to its own counting function node. */
function pathFlow(port: number, nodes: number): object[] {
  const flow: object[] = [
    { id: 'f1', type: 'tab' },
    {
      id: 'srv',
      type: 'cti-server',
      name: 'bench',
      hostA: '127.0.0.1',
      portA: port,
      clientId: 'e2e-bench',
      peripheralId: String(PERIPHERAL_ID),
      version: VERSION,
      services: ['ALL_EVENTS'],
      heartbeat: 30,
    },
  ];
  for (let i = 0; i < nodes; i++) {
    flow.push({ id: `ev${i}`, type: 'cti-event', z: 'f1', server: 'srv', wires: [[`count${i}`]] });
    flow.push(fn(`count${i}`, 'return null;'));
  }
  return flow;
}

async function withFeeder<T>(red: RedChild, nodes: number, run: (feeder: Feeder) => Promise<T>): Promise<T> {
  const feeder = new Feeder();
  const port = await feeder.listen();
  await red.call('deploy', { flows: pathFlow(port, nodes) });
  await feeder.open;
  try {
    return await run(feeder);
  } finally {
    await red.call('deploy', { flows: [] });
    await feeder.close();
  }
}

const counters = (nodes: number): string[] => Array.from({ length: nodes }, (_, i) => `count${i}`);

async function pathRate(red: RedChild, frames: Buffer[], nodes: number): Promise<Rate> {
  return withFeeder(red, nodes, async (feeder) => {
    const r = await red.count(counters(nodes), frames.length, false, () => feeder.flood(frames));
    return rate(frames.length, r);
  });
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Latency {
  p50: number;
  p99: number;
  max: number;
  /** Events per second of wall time from the first frame written to the last event counted. */
  kept: number;
}

async function latency(red: RedChild, perSecond: number, seconds: number): Promise<Latency> {
  const frames = encodeCalls(perSecond * seconds);
  return withFeeder(red, 1, async (feeder) => {
    const r = await red.count(['count0'], frames.length, true, () => feeder.paced(frames, perSecond));
    const lat = new Float64Array(frames.length);
    for (let i = 0; i < frames.length; i++) lat[i] = r.arrivals![i] - feeder.writtenAt[i];
    const sorted = lat.sort();
    const span = Math.max(...r.arrivals!) - feeder.writtenAt[0];
    return {
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1],
      kept: frames.length / (span / 1000),
    };
  });
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error('run with node --expose-gc (npm run bench does)');
  g();
  g();
}

/**
 * Heap per tracked call: four events per call decoded into a CallTracker, no END_CALL. The frames are encoded
 * before the first reading (they stand for the bytes on the socket; the encoder is not the tracker).
 */
function bytesPerCall(calls: number): number {
  const frames: Buffer[] = [];
  for (let n = 0; n < calls; n++) for (const m of callEvents(n, 0).slice(0, 4)) frames.push(encodeMessage(m, VERSION));
  gc();
  const before = process.memoryUsage().heapUsed;
  const tracker = new CallTracker({ maxCalls: calls + 1, version: VERSION });
  for (const f of frames) tracker.update(decodeMessage(f, VERSION));
  gc();
  const used = process.memoryUsage().heapUsed - before;
  if (tracker.size !== calls) throw new Error(`tracked ${tracker.size} calls, expected ${calls}`);
  return used / calls;
}

function bytesPerAgent(agents: number): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const tracker = new AgentTracker(agents + 1);
  for (let n = 0; n < agents; n++) {
    const id = String(100000 + n);
    const msg: CtiMessage = {
      messageType: 'AGENT_STATE_EVENT',
      monitorId: 0,
      peripheralId: PERIPHERAL_ID,
      sessionId: 0,
      peripheralType: 17,
      skillGroupState: 3,
      stateDuration: 0,
      skillGroupNumber: 7001,
      skillGroupId: 7002,
      skillGroupPriority: 0,
      agentState: 3,
      eventReasonCode: 0,
      mrdid: 1,
      numTasks: 0,
      agentMode: 0,
      maxTaskLimit: 1,
      icmAgentId: n,
      agentAvailabilityStatus: 1,
      numFltSkillGroups: 0,
      departmentId: 0,
      agentId: id,
      agentExtension: id,
      agentInstrument: id,
    };
    tracker.update(decodeMessage(encodeMessage(msg, VERSION), VERSION));
  }
  gc();
  const used = process.memoryUsage().heapUsed - before;
  if (tracker.size !== agents) throw new Error(`tracked ${tracker.size} agents, expected ${agents}`);
  return used / agents;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Figures {
  hop: Rate[];
  one: Rate[];
  five: Rate[];
  lat1k?: Latency;
  lat10k?: Latency;
}

async function main(): Promise<void> {
  const reds = [new RedChild(ROOT)];
  if (process.env.BENCH_AB !== undefined) reds.push(new RedChild(path.resolve(process.env.BENCH_AB)));
  for (const red of reds) await red.start();
  try {
    const frames = encodeCalls(SATURATION_EVENTS);
    if (process.env.BENCH_PROFILE !== undefined) {
      // `node --cpu-prof` in the child: only the path under study, N cti-event nodes (BENCH_PROFILE=N).
      await pathRate(reds[0], encodeCalls(12_000), 1);
      const r = await pathRate(reds[0], frames, Number(process.env.BENCH_PROFILE) || 1);
      console.log(`${Math.round(r.wall)} events/s, ${Math.round(r.cpu)} per CPU second; profile in ${profileDir()}`);
      return;
    }
    const figures: Figures[] = reds.map(() => ({ hop: [], one: [], five: [] }));
    if (!SMOKE) {
      // Warm-up: JIT for both paths.
      for (const red of reds) {
        await hopRate(red, 20_000);
        await pathRate(red, encodeCalls(12_000), 1);
      }
    }
    // Alternating rounds, so that a busy neighbour on the machine weighs on both sides (and both packages) alike.
    for (let r = 0; r < ROUNDS; r++) {
      for (const [k, red] of reds.entries()) {
        figures[k].hop.push(await hopRate(red, SATURATION_EVENTS));
        figures[k].one.push(await pathRate(red, frames, 1));
        figures[k].five.push(await pathRate(red, frames, 5));
      }
    }
    for (const [k, red] of reds.entries()) {
      figures[k].lat1k = await latency(red, 1_000, SMOKE ? 1 : 3);
      figures[k].lat10k = await latency(red, 10_000, SMOKE ? 0.3 : 2);
    }
    const heap = heapRows();
    const title = (k: number): string =>
      `End to end${reds.length > 1 ? ` (${k === 0 ? 'A: this build' : `B: ${reds[k].pkg}`})` : ''}, ` +
      `${SATURATION_EVENTS.toLocaleString('en-US')} v24 call events, median of ${ROUNDS} rounds, Node-RED child ` +
      `process; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`;
    for (const [k, f] of figures.entries()) {
      const rows = [...rateRows(f), ...(k === 0 ? heap : [])];
      if (k === 0) report(SMOKE ? 'e2e-smoke' : 'e2e', title(k), rows);
      else printTable(title(k), rows);
    }
  } finally {
    for (const red of reds) await red.stop();
  }
}

function rateRows(f: Figures): BenchRow[] {
  const cpu = (rs: Rate[]): number => median(rs.map((r) => r.cpu));
  const wall = (rs: Rate[]): number => median(rs.map((r) => r.wall));
  const hopCpu = cpu(f.hop);
  const lat = (l: Latency, at: string, target: string): BenchRow[] => [
    { name: `latency at ${at} events/s, p50`, value: l.p50, unit: 'ms' },
    { name: `latency at ${at} events/s, p99`, value: l.p99, unit: 'ms', target },
    { name: `latency at ${at} events/s, max`, value: l.max, unit: 'ms' },
    { name: `latency at ${at} events/s, rate kept`, value: l.kept, unit: 'events/s' },
  ];
  return [
    { name: 'Node-RED function → function hop, per CPU second', value: hopCpu, unit: 'msg/s' },
    {
      name: 'end to end, 1 cti-event node, per CPU second',
      value: cpu(f.one),
      unit: 'events/s',
      ratio: cpu(f.one) / hopCpu,
      baseline: 'of the hop',
      target: '≥ 0.8×',
    },
    {
      name: 'end to end, 5 cti-event nodes, per CPU second',
      value: cpu(f.five),
      unit: 'events/s',
      ratio: cpu(f.five) / hopCpu,
      baseline: 'of the hop',
      target: '≥ 0.4×',
    },
    { name: 'Node-RED function → function hop, wall clock', value: wall(f.hop), unit: 'msg/s' },
    {
      name: 'end to end, 1 cti-event node, wall clock',
      value: wall(f.one),
      unit: 'events/s',
      ratio: wall(f.one) / wall(f.hop),
      baseline: 'of the hop',
    },
    {
      name: 'end to end, 5 cti-event nodes, wall clock',
      value: wall(f.five),
      unit: 'events/s',
      ratio: wall(f.five) / wall(f.hop),
      baseline: 'of the hop',
    },
    ...lat(f.lat1k!, '1,000', '< 2 ms'),
    ...lat(f.lat10k!, '10,000', '< 10 ms'),
  ];
}

function heapRows(): BenchRow[] {
  const rows: BenchRow[] = [
    {
      name: `heap per tracked call (${CALLS.toLocaleString('en-US')} calls)`,
      value: bytesPerCall(CALLS),
      unit: 'bytes',
      target: '≤ 800',
    },
  ];
  if (!SMOKE)
    rows.push({
      name: 'heap per tracked call (100,000 calls)',
      value: bytesPerCall(100_000),
      unit: 'bytes',
      target: '≤ 800',
    });
  rows.push({
    name: `heap per tracked agent (${CALLS.toLocaleString('en-US')} agents)`,
    value: bytesPerAgent(CALLS),
    unit: 'bytes',
  });
  return rows;
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
