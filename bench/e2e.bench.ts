/**
 * End-to-end bench (`npm run bench`, after the codec bench): pre-encoded v24 call events written by a feeder
 * (bench/feeder.ts) over TCP → a real Node-RED 4.1 runtime with this package → cti-server → cti-event → a
 * counting function node. Measured in one process and run, side by side:
 *
 * - Node-RED's own function → function hop at saturation (the baseline);
 * - the package's path at saturation with 1 and with 5 cti-event nodes, as events/s and as a ratio of the hop;
 * - latency from the frame written by the feeder to the message at the function node, p50/p99/max, at 1,000 and
 *   10,000 events/s;
 * - heap per tracked call (BEGIN_CALL with call variables + ECC, DELIVERED, ESTABLISHED, CALL_DATA_UPDATE, no
 *   END_CALL) at 10,000 and 100,000 calls, and per tracked agent, after GC (run with --expose-gc).
 *
 * BENCH_PROFILE=N runs only the path with N cti-event nodes (for `node --cpu-prof`); BENCH_EVENTS and BENCH_ROUNDS
 * change the saturation run's size. BENCH_SMOKE=1 runs a few thousand events and skips the 100,000-call figure (a quick check that it all works).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import nodeRed = require('node-red');
import type { EventEmitter } from 'node:events';
import type { Node, NodeMessage } from 'node-red';
import { decodeMessage, encodeMessage, type CtiMessage } from '../lib/protocol';
import { AgentTracker, CallTracker } from '../lib/calls';
import { Feeder, PERIPHERAL_ID, VERSION, callEvents, encodeCalls } from './feeder';
import { report, type BenchRow } from './results';

const SMOKE = process.env.BENCH_SMOKE === '1';
const SATURATION_EVENTS = SMOKE ? 3_000 : Number(process.env.BENCH_EVENTS ?? 120_000);
/** Calls (and agents) tracked for the heap figures (also 100,000 calls outside the smoke run). */
const CALLS = SMOKE ? 2_000 : 10_000;
const ROUNDS = SMOKE ? 1 : Number(process.env.BENCH_ROUNDS ?? 3);

/** Node-RED 4.1 embedded as an application would (no test helper: its spies would be measured too). */
const RED = nodeRed as unknown as {
  init(server: http.Server, settings: object): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  nodes: { getNode(id: string): (Node & EventEmitter) | null };
  runtime: { flows: { setFlows(opts: object): Promise<unknown> } };
};

/** A user directory whose node_modules has this package, as `npm install` in ~/.node-red would. */
function userDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-bench-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(path.resolve(__dirname, '..'), path.join(dir, 'node_modules', 'node-red-contrib-cisco-cti'), 'dir');
  return dir;
}

async function startRuntime(): Promise<string> {
  const dir = userDir();
  RED.init(http.createServer(), {
    userDir: dir,
    httpAdminRoot: false,
    httpNodeRoot: false,
    credentialSecret: false,
    logging: { console: { level: process.env.BENCH_LOG ?? 'error' } },
  });
  await RED.start();
  return dir;
}

const helper = {
  /** Deploys `flows` and resolves once their nodes run (the deploy resolves before the flows have started). */
  async load(flows: object[]): Promise<void> {
    await RED.runtime.flows.setFlows({ flows: { flows }, deploymentType: 'full' });
    const last = (flows[flows.length - 1] as { id: string }).id;
    for (let i = 0; !RED.nodes.getNode(last); i++) {
      if (i > 1000) throw new Error('the flows did not start');
      await new Promise((r) => setTimeout(r, 10));
    }
  },
  unload: (): Promise<unknown> => RED.runtime.flows.setFlows({ flows: { flows: [] }, deploymentType: 'full' }),
  getNode(id: string): Node & EventEmitter {
    const n = RED.nodes.getNode(id);
    if (!n) throw new Error(`node ${id} not running`);
    return n;
  },
};

const fn = (id: string, func: string, wires: string[][] = []): object => ({
  id,
  type: 'function',
  z: 'f1',
  func,
  outputs: 1,
  wires,
});

/** Resolves when `node` has received `n` messages; `onMsg` sees each one. */
function counter(node: EventEmitter, n: number, onMsg?: (msg: NodeMessage & Record<string, unknown>) => void) {
  let count = 0;
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const listener = (msg: NodeMessage & Record<string, unknown>): void => {
    onMsg?.(msg);
    if (++count === n) done();
  };
  node.on('input', listener);
  return {
    finished,
    get count() {
      return count;
    },
  };
}

/** Events per second of wall time and per second of this process's CPU time (user + system). */
interface Rate {
  wall: number;
  cpu: number;
}

/** Starts a clock; its result turns `n` events into rates. */
function clock(): (n: number) => Rate {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return (n) => {
    const used = process.cpuUsage(cpu);
    return { wall: n / ((performance.now() - wall) / 1000), cpu: n / ((used.user + used.system) / 1e6) };
  };
}

async function hopRate(n: number): Promise<Rate> {
  await helper.load([{ id: 'f1', type: 'tab' }, fn('a', 'return msg;', [['b']]), fn('b', 'return null;')]);
  const a = helper.getNode('a') as Node & { receive(msg: object): void };
  const c = counter(helper.getNode('b'), n);
  const stop = clock();
  for (let i = 0; i < n; i += 1000) {
    for (let j = i; j < Math.min(n, i + 1000); j++) a.receive({ topic: 'CALL_DELIVERED_EVENT', payload: { seq: j } });
    await new Promise((r) => setImmediate(r));
  }
  await c.finished;
  const rate = stop(n);
  await helper.unload();
  return rate;
}

/** Loads cti-server + `nodes` cti-event nodes, each wired to its own counting function node. */
async function loadPath(port: number, nodes: number): Promise<void> {
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
  await helper.load(flow);
}

async function withFeeder<T>(nodes: number, run: (feeder: Feeder) => Promise<T>): Promise<T> {
  const feeder = new Feeder();
  const port = await feeder.listen();
  await loadPath(port, nodes);
  await feeder.open;
  try {
    return await run(feeder);
  } finally {
    await helper.unload();
    await feeder.close();
  }
}

const isCallEvent = (msg: NodeMessage): boolean => typeof msg.topic === 'string' && msg.topic !== 'SYSTEM_EVENT';

async function pathRate(frames: Buffer[], nodes: number): Promise<Rate> {
  return withFeeder(nodes, async (feeder) => {
    const counters = [];
    for (let i = 0; i < nodes; i++) counters.push(counter(helper.getNode(`count${i}`), frames.length));
    // The SYSTEM_EVENT after the open is not one of the fed frames: count only from the first fed one.
    const stop = clock();
    await feeder.flood(frames);
    await Promise.all(counters.map((c) => c.finished));
    return stop(frames.length);
  });
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function latency(perSecond: number, seconds: number): Promise<{ p50: number; p99: number; max: number }> {
  const frames = encodeCalls(perSecond * seconds);
  return withFeeder(1, async (feeder) => {
    const lat = new Float64Array(frames.length);
    const c = counter(helper.getNode('count0'), frames.length, (msg) => {
      if (!isCallEvent(msg)) return;
      const seq = (msg.payload as Record<string, unknown>).monitorId as number;
      lat[seq] = performance.now() - feeder.writtenAt[seq];
    });
    await feeder.paced(frames, perSecond);
    await c.finished;
    const sorted = lat.sort();
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
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

async function main(): Promise<void> {
  const dir = await startRuntime();
  const frames = encodeCalls(SATURATION_EVENTS);
  if (!SMOKE) {
    // Warm-up: JIT for both paths.
    await hopRate(20_000);
    await pathRate(encodeCalls(12_000), 1);
  }

  if (process.env.BENCH_PROFILE !== undefined) {
    // `node --cpu-prof`: only the path under study, N cti-event nodes (BENCH_PROFILE=N).
    const r = await pathRate(frames, Number(process.env.BENCH_PROFILE) || 1);
    console.log(`${Math.round(r.wall)} events/s, ${Math.round(r.cpu)} per CPU second`);
    await RED.stop();
    return;
  }
  const hop: Rate[] = [];
  const one: Rate[] = [];
  const five: Rate[] = [];
  // Alternating rounds, so that a busy neighbour on the machine weighs on both sides alike.
  for (let r = 0; r < ROUNDS; r++) {
    hop.push(await hopRate(SATURATION_EVENTS));
    one.push(await pathRate(frames, 1));
    five.push(await pathRate(frames, 5));
  }
  const lat1k = await latency(1_000, SMOKE ? 1 : 3);
  const lat10k = await latency(10_000, SMOKE ? 0.3 : 2);
  await RED.stop();
  fs.rmSync(dir, { recursive: true, force: true });

  // The machine may be shared: rates per CPU second of this process are what the ratios use (wall-clock rates
  // follow, for the record). Both paths run in this one process, so the CPU is theirs (and the feeder's).
  const cpu = (rs: Rate[]): number => median(rs.map((r) => r.cpu));
  const wall = (rs: Rate[]): number => median(rs.map((r) => r.wall));
  const hopCpu = cpu(hop);
  const rows: BenchRow[] = [
    { name: 'Node-RED function → function hop, per CPU second', value: hopCpu, unit: 'msg/s' },
    {
      name: 'end to end, 1 cti-event node, per CPU second',
      value: cpu(one),
      unit: 'events/s',
      ratio: cpu(one) / hopCpu,
      baseline: 'of the hop',
      target: '≥ 0.6×',
    },
    {
      name: 'end to end, 5 cti-event nodes, per CPU second',
      value: cpu(five),
      unit: 'events/s',
      ratio: cpu(five) / hopCpu,
      baseline: 'of the hop',
      target: '≥ 0.3×',
    },
    { name: 'Node-RED function → function hop, wall clock', value: wall(hop), unit: 'msg/s' },
    {
      name: 'end to end, 1 cti-event node, wall clock',
      value: wall(one),
      unit: 'events/s',
      ratio: wall(one) / wall(hop),
      baseline: 'of the hop',
    },
    {
      name: 'end to end, 5 cti-event nodes, wall clock',
      value: wall(five),
      unit: 'events/s',
      ratio: wall(five) / wall(hop),
      baseline: 'of the hop',
    },
    { name: 'latency at 1,000 events/s, p50', value: lat1k.p50, unit: 'ms' },
    { name: 'latency at 1,000 events/s, p99', value: lat1k.p99, unit: 'ms', target: '< 2 ms' },
    { name: 'latency at 1,000 events/s, max', value: lat1k.max, unit: 'ms' },
    { name: 'latency at 10,000 events/s, p50', value: lat10k.p50, unit: 'ms' },
    { name: 'latency at 10,000 events/s, p99', value: lat10k.p99, unit: 'ms', target: '< 10 ms' },
    { name: 'latency at 10,000 events/s, max', value: lat10k.max, unit: 'ms' },
    {
      name: `heap per tracked call (${CALLS.toLocaleString('en-US')} calls)`,
      value: bytesPerCall(CALLS),
      unit: 'bytes',
      target: '≤ 1,000',
    },
  ];
  if (!SMOKE)
    rows.push({
      name: 'heap per tracked call (100,000 calls)',
      value: bytesPerCall(100_000),
      unit: 'bytes',
      target: '≤ 1,000',
    });
  rows.push({
    name: `heap per tracked agent (${CALLS.toLocaleString('en-US')} agents)`,
    value: bytesPerAgent(CALLS),
    unit: 'bytes',
  });
  report(
    SMOKE ? 'e2e-smoke' : 'e2e',
    `End to end (${SATURATION_EVENTS.toLocaleString('en-US')} v24 call events, median of ${ROUNDS} rounds; ` +
      `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`,
    rows,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
