/**
 * Codec benchmark (`npm run bench`): encode+decode against JSON.stringify+JSON.parse of the same objects, measured
 * in the same run in alternating rounds after a warm-up, on two mixes:
 *  - call events: one call's worth of v24 events (BEGIN_CALL … END_CALL, AGENT_STATE);
 *  - all types: a sample of every laid-out message type of the catalogue at v15 and at v24, cycled one after the
 *    other (small messages and many types in turn: the fixed cost per message and megamorphic call sites).
 * Target (issue 11): codec ≤ 0.35× the JSON round trip on both. Times are CPU time of this process (the machine is
 * shared; waiting for a core is not the codec's cost), median of the rounds after a warm-up that lasts until round
 * times settle. It measures the compiled package in dist/ (built by `npm run bench`). Also times the smallest messages one by
 * one and FrameReader over a 1 MB stream in 1460-byte (one TCP MSS) chunks. Rows also go to bench/results.json.
 *
 *   npm run bench            (ROUNDS=15 npm run bench for steadier medians)
 *
 * A/B: CODEC_AB=<another build's dist/lib/protocol> (e.g. a copy of main's) also runs both codecs and JSON in the
 * same alternating rounds and prints each against JSON and this build against the other (a change measured in one
 * run, on a shared machine).
 */
import type { CtiMessage, FloatPlan, MessagePlan } from '../lib/protocol';
import { writeResults, type BenchRow } from './results';

// What users run: the compiled package (npm run bench builds it first), typed by its sources.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const protocol = require('../dist/lib/protocol') as typeof import('../lib/protocol');
const { DEFAULT_VERSION, FrameReader, MESSAGE_DEFS, decodeMessage, encodeMessage, getPlan } = protocol;

const VERSION = DEFAULT_VERSION;
const ROUNDS = Number(process.env.ROUNDS ?? 9);

interface Sample {
  msg: CtiMessage;
  version: number;
}

function callVariables(prefix: string): Record<string, string> {
  const o: Record<string, string> = {};
  for (let i = 1; i <= 10; i++) o[`callVariable${i}`] = `${prefix}-value-${i}-${'x'.repeat(i * 2)}`;
  return o;
}

const CALL = { peripheralId: 5000, peripheralType: 17, connectionDeviceIdType: 1, connectionCallId: 16777217 };

/** One call's worth of events, in the order a Client Events session sees them (cti-protocol.md §7.2). */
export const EVENT_MIX: CtiMessage[] = [
  {
    messageType: 'BEGIN_CALL_EVENT',
    monitorId: 7,
    ...CALL,
    numCtiClients: 1,
    numNamedVariables: 3,
    numNamedArrays: 2,
    callType: 1,
    calledPartyDisposition: 0,
    connectionDeviceId: '16777217',
    ani: '+4930123456789',
    dnis: '8000',
    dialedNumber: '8005551000',
    callerEnteredDigits: '4711#',
    routerCallKeyDay: 150123,
    routerCallKeyCallId: 98765,
    routerCallKeySequenceNumber: 1,
    ...callVariables('begin'),
    namedVariables: [
      { name: 'user.CustomerID', value: 'C-000123456' },
      { name: 'user.Language', value: 'de-DE' },
      { name: 'user.Segment', value: 'gold' },
    ],
    namedArrays: [
      { name: 'user.Orders', index: 0, value: 'ORD-1001' },
      { name: 'user.Orders', index: 1, value: 'ORD-1002' },
    ],
    ctiClientSignature: ['crm-bridge'],
    ctiClientTimestamp: [1700000000],
  },
  {
    messageType: 'CALL_DELIVERED_EVENT',
    monitorId: 7,
    ...CALL,
    lineHandle: 0,
    lineType: 0,
    serviceNumber: 6001,
    serviceId: 6002,
    skillGroupNumber: 7001,
    skillGroupId: 7002,
    skillGroupPriority: 0,
    alertingDeviceType: 0,
    callingDeviceType: 0,
    calledDeviceType: 0,
    lastRedirectDeviceType: 0,
    localConnectionState: 2,
    eventCause: 0xffff,
    numNamedVariables: 0,
    numNamedArrays: 0,
    connectionDeviceId: '16777217',
    alertingDeviceId: '2001',
    callingDeviceId: '+4930123456789',
    calledDeviceId: '8000',
    ani: '+4930123456789',
    dnis: '8000',
    dialedNumber: '8005551000',
  },
  {
    messageType: 'CALL_ESTABLISHED_EVENT',
    monitorId: 7,
    ...CALL,
    lineHandle: 0,
    lineType: 0,
    serviceNumber: 6001,
    serviceId: 6002,
    skillGroupNumber: 7001,
    skillGroupId: 7002,
    skillGroupPriority: 0,
    answeringDeviceType: 0,
    callingDeviceType: 0,
    calledDeviceType: 0,
    lastRedirectDeviceType: 0,
    localConnectionState: 3,
    eventCause: 0xffff,
    connectionDeviceId: '16777217',
    answeringDeviceId: '2001',
    callingDeviceId: '+4930123456789',
    calledDeviceId: '8000',
  },
  {
    messageType: 'AGENT_STATE_EVENT',
    monitorId: 7,
    peripheralId: 5000,
    sessionId: 42,
    peripheralType: 17,
    skillGroupState: 4,
    stateDuration: 0,
    skillGroupNumber: 7001,
    skillGroupId: 7002,
    skillGroupPriority: 0,
    agentState: 4,
    eventReasonCode: 0,
    mrdid: 1,
    numTasks: 1,
    agentMode: 1,
    maxTaskLimit: 1,
    icmAgentId: 5005,
    agentAvailabilityStatus: 0,
    numFltSkillGroups: 0,
    departmentId: 0,
    ctiClientSignature: 'crm-bridge',
    agentId: '1001',
    agentExtension: '2001',
    agentInstrument: '2001',
    direction: 1,
  },
  {
    messageType: 'CALL_DATA_UPDATE_EVENT',
    monitorId: 7,
    ...CALL,
    numCtiClients: 0,
    numNamedVariables: 3,
    numNamedArrays: 0,
    callType: 1,
    newConnectionDeviceIdType: 1,
    newConnectionCallId: 16777217,
    calledPartyDisposition: 0,
    campaignId: 0,
    queryRuleId: 0,
    connectionDeviceId: '16777217',
    newConnectionDeviceId: '16777217',
    callVariable3: 'updated by the CRM',
    callVariable7: 'ticket 4711',
    namedVariables: [
      { name: 'user.CustomerID', value: 'C-000123456' },
      { name: 'user.Language', value: 'de-DE' },
      { name: 'user.Segment', value: 'platinum' },
    ],
  },
  {
    messageType: 'END_CALL_EVENT',
    monitorId: 7,
    ...CALL,
    connectionDeviceId: '16777217',
  },
];

/** A plausible value for a floating field of the sample (short texts, one or two entries of a repeating field). */
function floatingSample(f: FloatPlan, i: number): unknown {
  switch (f.type) {
    case 'STRING':
      return `${f.key}-${i}`.slice(0, Math.min(f.max - 1, 16));
    case 'UNSPEC':
      return Buffer.from('cafe0102', 'hex').subarray(0, Math.min(4, f.max));
    case 'NAMEDVAR':
      return { name: `user.var${i}`, value: `value ${i}` };
    case 'NAMEDARRAY':
      return { name: 'user.arr', index: i, value: `element ${i}` };
    case 'TASKID':
      return { taskGroupHigh: 1, taskGroupLow: 2, sequenceNumber: i };
    case 'BOOL':
      return 1;
    case 'UCHAR':
      return 7;
    default:
      return 1000 + i;
  }
}

/**
 * One message of `plan` as decodeMessage returns it: every fixed field, every required floating field, every
 * other optional single one; repeating fields with two entries.
 */
function sampleOf(plan: MessagePlan): CtiMessage {
  const msg: CtiMessage = { messageType: plan.name };
  plan.fixed.forEach((f, i) => {
    if (f.type === 'STRING') msg[f.key] = 'fixed'.slice(0, f.size - 1);
    else if (f.type === 'UNSPEC') msg[f.key] = Buffer.alloc(f.size, 1);
    else msg[f.key] = f.type === 'BOOL' ? 1 : f.type === 'UCHAR' ? 3 : i + 1;
  });
  plan.floats.forEach((f, i) => {
    // Repeating fields always (a group member needs its partner), optional single fields every other one.
    if (!f.required && !f.repeats && i % 2 === 1) return;
    msg[f.key] = f.repeats ? [floatingSample(f, 0), floatingSample(f, 1)] : floatingSample(f, 0);
  });
  for (const c of plan.fixed) {
    if (c.countOf !== undefined) msg[c.key] = (msg[c.countOf] as unknown[] | undefined)?.length ?? 0;
  }
  return msg;
}

/** Every laid-out message type at v15 and at v24 (those new in v25 at v25). */
export const ALL_TYPES_MIX: Sample[] = [15, 24].flatMap((v) =>
  MESSAGE_DEFS.map((d) => getPlan(d.id, v) ?? (v === 24 ? getPlan(d.id, 25) : undefined))
    .filter((p): p is MessagePlan => p !== undefined)
    .map((p) => ({ msg: sampleOf(p), version: p.version })),
);

const CALL_EVENTS: Sample[] = EVENT_MIX.map((msg) => ({ msg, version: VERSION }));

type Codec = Pick<typeof protocol, 'encodeMessage' | 'decodeMessage'>;

function codecRound(mix: Sample[], n: number, codec: Codec = protocol): number {
  const { encodeMessage: encode, decodeMessage: decode } = codec;
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const s = mix[i % mix.length];
    const back = decode(encode(s.msg, s.version), s.version);
    sink += back.messageType.length;
  }
  return sink;
}

function jsonRound(mix: Sample[], n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const s = mix[i % mix.length];
    const back = JSON.parse(JSON.stringify(s.msg));
    sink += back.messageType.length;
  }
  return sink;
}

/** CPU time (user + system) of fn, in ms. */
function cpuMs(fn: () => unknown): number {
  const t0 = process.cpuUsage();
  fn();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number): string => Math.round(n).toLocaleString('en').padStart(12);

function sanityCheck(mix: Sample[]): void {
  for (const { msg, version } of mix) {
    const back = decodeMessage(encodeMessage(msg, version), version, { strict: true });
    if (JSON.stringify(back) !== JSON.stringify({ ...back, ...msg }))
      throw new Error(`${msg.messageType} v${version} does not round-trip`);
  }
}

interface Comparison {
  mix: string;
  messages: number;
  codecUsPerMessage: number;
  jsonUsPerMessage: number;
  ratio: number;
  target: number;
  met: boolean;
  codecBytes: number;
  jsonBytes: number;
}

/**
 * Runs codec rounds until two in a row agree within 5%: every (message, version) compiles its encoder and decoder
 * on first use and V8 optimises each separately, which takes a while with 161 of them.
 */
function warmUp(mix: Sample[], n: number): void {
  let last = Infinity;
  for (let i = 0; i < 30; i++) {
    const t = cpuMs(() => codecRound(mix, n));
    if (i >= 2 && Math.abs(t - last) / last < 0.05) break;
    last = t;
  }
  jsonRound(mix, n);
}

/** Alternating rounds of codec and JSON over `mix`; medians. */
function compare(name: string, mix: Sample[], n: number): Comparison {
  warmUp(mix, n);
  const codec: number[] = [];
  const json: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first so neither always runs on a warmer (or more fragmented) heap.
    if (r % 2 === 0) {
      codec.push(cpuMs(() => codecRound(mix, n)));
      json.push(cpuMs(() => jsonRound(mix, n)));
    } else {
      json.push(cpuMs(() => jsonRound(mix, n)));
      codec.push(cpuMs(() => codecRound(mix, n)));
    }
  }
  const c = median(codec);
  const j = median(json);
  const avg = (f: (s: Sample) => number): number => mix.reduce((sum, s) => sum + f(s), 0) / mix.length;
  return {
    mix: name,
    messages: n,
    codecUsPerMessage: (c * 1000) / n,
    jsonUsPerMessage: (j * 1000) / n,
    ratio: c / j,
    target: 0.35,
    met: c / j <= 0.35,
    codecBytes: avg((s) => encodeMessage(s.msg, s.version).length),
    jsonBytes: avg((s) => JSON.stringify(s.msg).length),
  };
}

function printComparisons(rows: Comparison[]): void {
  console.log(`\n${ROUNDS} alternating rounds per mix after warm-up; CPU time, medians.\n`);
  console.log(
    '| mix                           | codec µs/msg | JSON µs/msg | codec/JSON | target ≤ | bytes codec / JSON |',
  );
  console.log(
    '|-------------------------------|-------------:|------------:|-----------:|---------:|-------------------:|',
  );
  for (const r of rows) {
    console.log(
      `| ${r.mix.padEnd(29)} | ${r.codecUsPerMessage.toFixed(3).padStart(12)} | ${r.jsonUsPerMessage.toFixed(3).padStart(11)} | ${r.ratio.toFixed(3).padStart(10)} | ${r.target.toFixed(2).padStart(4)} ${r.met ? 'MET' : 'NOT'} | ${`${r.codecBytes.toFixed(0)} / ${r.jsonBytes.toFixed(0)}`.padStart(18)} |`,
    );
  }
}

interface Single {
  messageType: string;
  version: number;
  codecUs: number;
  jsonUs: number;
}

/** The smallest messages, one type at a time: the fixed cost per message. */
function benchSmall(): Single[] {
  const N = 200_000;
  const rows: Single[] = [];
  for (const [name, version] of [
    ['FAILURE_CONF', 24],
    ['HEARTBEAT_REQ', 24],
    ['END_CALL_EVENT', 24],
  ] as const) {
    const sample = ALL_TYPES_MIX.find((s) => s.msg.messageType === name && s.version === version)!;
    const mix = [sample];
    const codec: number[] = [];
    const json: number[] = [];
    codecRound(mix, N / 4);
    jsonRound(mix, N / 4);
    for (let r = 0; r < 5; r++) {
      codec.push(cpuMs(() => codecRound(mix, N)));
      json.push(cpuMs(() => jsonRound(mix, N)));
    }
    rows.push({ messageType: name, version, codecUs: (median(codec) * 1000) / N, jsonUs: (median(json) * 1000) / N });
  }
  console.log('\nOne message type at a time (the fixed cost per message):');
  console.log('| message            | codec µs | JSON µs | codec/JSON |');
  console.log('|--------------------|---------:|--------:|-----------:|');
  for (const r of rows) {
    console.log(
      `| ${`${r.messageType} v${r.version}`.padEnd(18)} | ${r.codecUs.toFixed(3).padStart(8)} | ${r.jsonUs.toFixed(3).padStart(7)} | ${(r.codecUs / r.jsonUs).toFixed(3).padStart(10)} |`,
    );
  }
  return rows;
}

function benchFrameReader(): { framingMBps: number; framingDecodeMBps: number } {
  const frames = EVENT_MIX.map((m) => encodeMessage(m, VERSION));
  const parts: Buffer[] = [];
  let size = 0;
  let count = 0;
  while (size < 1024 * 1024) {
    const f = frames[count % frames.length];
    parts.push(f);
    size += f.length;
    count++;
  }
  const stream = Buffer.concat(parts);
  const chunks: Buffer[] = [];
  for (let i = 0; i < stream.length; i += 1460) chunks.push(stream.subarray(i, i + 1460));
  const run = (): number => {
    const reader = new FrameReader();
    let n = 0;
    for (const c of chunks) reader.feed(c, () => n++);
    if (n !== count) throw new Error(`FrameReader gave ${n} frames, expected ${count}`);
    return n;
  };
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  for (let r = 0; r < 9; r++) times.push(cpuMs(run));
  const readerMs = median(times);
  // Frame + decode, what a session does per chunk.
  const decodeAll = (): void => {
    const reader = new FrameReader();
    for (const c of chunks) reader.feed(c, (f) => decodeMessage(f, VERSION));
  };
  decodeAll();
  const td: number[] = [];
  for (let r = 0; r < 5; r++) td.push(cpuMs(decodeAll));
  const d = median(td);
  const mb = stream.length / 1048576;
  console.log(
    `\nFrameReader over ${mb.toFixed(2)} MB (${count.toLocaleString('en')} frames) in ${chunks.length} chunks of 1460 bytes:`,
  );
  console.log('| pass                     |   ms | MB/s    | frames/s     |');
  console.log('|--------------------------|-----:|--------:|-------------:|');
  console.log(
    `| framing only             | ${readerMs.toFixed(1).padStart(4)} | ${(mb / (readerMs / 1000)).toFixed(0).padStart(7)} | ${fmt((count / readerMs) * 1000)} |`,
  );
  console.log(
    `| framing + decodeMessage  | ${d.toFixed(1).padStart(4)} | ${(mb / (d / 1000)).toFixed(0).padStart(7)} | ${fmt((count / d) * 1000)} |`,
  );
  return { framingMBps: mb / (readerMs / 1000), framingDecodeMBps: mb / (d / 1000) };
}

/** This build (A) against another (B, CODEC_AB) and JSON, in the same alternating rounds; medians. */
function abCompare(name: string, mix: Sample[], n: number, other: Codec): void {
  warmUp(mix, n);
  for (let i = 0; i < 10; i++) codecRound(mix, n, other);
  const a: number[] = [];
  const b: number[] = [];
  const j: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = [
      () => a.push(cpuMs(() => codecRound(mix, n))),
      () => b.push(cpuMs(() => codecRound(mix, n, other))),
      () => j.push(cpuMs(() => jsonRound(mix, n))),
    ];
    for (let k = 0; k < 3; k++) order[(k + r) % 3]();
  }
  const [ma, mb, mj] = [median(a), median(b), median(j)];
  console.log(
    `| ${name.padEnd(29)} | ${((ma * 1000) / n).toFixed(3).padStart(7)} | ${((mb * 1000) / n).toFixed(3).padStart(7)} | ${((mj * 1000) / n).toFixed(3).padStart(7)} | ${(ma / mj).toFixed(3).padStart(6)} | ${(mb / mj).toFixed(3).padStart(6)} | ${(ma / mb).toFixed(3).padStart(6)} |`,
  );
}

function main(): void {
  const abPath = process.env.CODEC_AB;
  if (abPath !== undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const other = require(abPath) as Codec & Pick<typeof protocol, 'getPlan' | 'messageTypeId'>;
    sanityCheck(ALL_TYPES_MIX);
    // Only the layouts both builds have (a newer build may know more message types).
    const both = ALL_TYPES_MIX.filter((s) => {
      const id = other.messageTypeId(s.msg.messageType);
      return id !== undefined && other.getPlan(id, s.version) !== undefined;
    });
    console.log(`A/B: A = this build, B = ${abPath}; ${ROUNDS} rounds, CPU time, medians (µs/msg).`);
    console.log('| mix                           |       A |       B |    JSON | A/JSON | B/JSON |    A/B |');
    console.log('|-------------------------------|--------:|--------:|--------:|-------:|-------:|-------:|');
    abCompare('call events (v24)', CALL_EVENTS, 60_000, other);
    abCompare(`all types both know (${both.length})`, both, 60_000, other);
    return;
  }
  sanityCheck(CALL_EVENTS);
  sanityCheck(ALL_TYPES_MIX);
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(`Call events: ${EVENT_MIX.map((m) => m.messageType).join(', ')} (v${VERSION})`);
  console.log(
    `All types: ${ALL_TYPES_MIX.length} samples, ${new Set(ALL_TYPES_MIX.map((s) => s.msg.messageType)).size} message types, v15 and v24/25, cycled`,
  );
  const rows = [
    compare('call events (v24)', CALL_EVENTS, 60_000),
    compare('all types (v15 + v24)', ALL_TYPES_MIX, 60_000),
  ];
  printComparisons(rows);
  const small = benchSmall();
  const framing = benchFrameReader();
  const results: BenchRow[] = [
    ...rows.map((r) => ({
      name: `codec encode+decode, ${r.mix}`,
      value: r.codecUsPerMessage,
      unit: 'µs/msg',
      ratio: r.ratio,
      baseline: 'JSON round trip',
      target: `≤ ${r.target}×`,
    })),
    ...small.map((r) => ({
      name: `codec encode+decode, ${r.messageType} v${r.version} alone`,
      value: r.codecUs,
      unit: 'µs/msg',
      ratio: r.codecUs / r.jsonUs,
      baseline: 'JSON round trip',
    })),
    { name: 'FrameReader, framing only', value: framing.framingMBps, unit: 'MB/s' },
    { name: 'FrameReader, framing + decodeMessage', value: framing.framingDecodeMBps, unit: 'MB/s' },
  ];
  writeResults('codec', results);
  console.log('\nwritten to bench/results.json (section "codec")');
}

if (require.main === module) main();
