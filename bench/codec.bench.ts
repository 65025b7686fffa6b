/**
 * Codec benchmark (`npm run bench`): encode+decode of a realistic event mix against JSON.stringify+JSON.parse
 * of the same objects, measured in the same run, alternating rounds after a warm-up. Target: the codec takes
 * ≤ 0.5× the JSON round trip's time. Also times FrameReader over a 1 MB stream in 1460-byte (one TCP MSS) chunks.
 */
import { DEFAULT_VERSION, FrameReader, decodeMessage, encodeMessage, type CtiMessage } from '../lib/protocol';

const VERSION = DEFAULT_VERSION;

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

function codecRound(n: number): number {
  let sink = 0;
  const mix = EVENT_MIX;
  for (let i = 0; i < n; i++) {
    const m = mix[i % mix.length];
    const back = decodeMessage(encodeMessage(m, VERSION), VERSION);
    sink += back.monitorId ?? 0;
  }
  return sink;
}

function jsonRound(n: number): number {
  let sink = 0;
  const mix = EVENT_MIX;
  for (let i = 0; i < n; i++) {
    const m = mix[i % mix.length];
    const back = JSON.parse(JSON.stringify(m));
    sink += back.monitorId ?? 0;
  }
  return sink;
}

function timeMs(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number): string => Math.round(n).toLocaleString('en').padStart(12);

function sanityCheck(): void {
  for (const m of EVENT_MIX) {
    const back = decodeMessage(encodeMessage(m, VERSION), VERSION);
    if (JSON.stringify(back) !== JSON.stringify({ ...back, ...m }))
      throw new Error(`${m.messageType} does not round-trip`);
  }
}

function benchCodecVsJson(): number {
  const N = 60_000; // messages per round
  const ROUNDS = 7;
  codecRound(30_000);
  jsonRound(30_000);
  const codec: number[] = [];
  const json: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first so neither always runs on a warmer (or more fragmented) heap.
    if (r % 2 === 0) {
      codec.push(timeMs(() => codecRound(N)));
      json.push(timeMs(() => jsonRound(N)));
    } else {
      json.push(timeMs(() => jsonRound(N)));
      codec.push(timeMs(() => codecRound(N)));
    }
  }
  const c = median(codec);
  const j = median(json);
  const wireBytes = EVENT_MIX.reduce((s, m) => s + encodeMessage(m, VERSION).length, 0) / EVENT_MIX.length;
  const jsonBytes = EVENT_MIX.reduce((s, m) => s + JSON.stringify(m).length, 0) / EVENT_MIX.length;
  console.log(`\nEvent mix: ${EVENT_MIX.map((m) => m.messageType).join(', ')}`);
  console.log(
    `Protocol version ${VERSION}; ${ROUNDS} alternating rounds of ${N.toLocaleString('en')} messages after warm-up; medians.\n`,
  );
  console.log('| round trip                         |   messages/s | µs/message | avg bytes |');
  console.log('|------------------------------------|-------------:|-----------:|----------:|');
  console.log(
    `| codec encodeMessage+decodeMessage  | ${fmt((N / c) * 1000)} | ${((c * 1000) / N).toFixed(3).padStart(10)} | ${wireBytes.toFixed(0).padStart(9)} |`,
  );
  console.log(
    `| JSON.stringify+JSON.parse          | ${fmt((N / j) * 1000)} | ${((j * 1000) / N).toFixed(3).padStart(10)} | ${jsonBytes.toFixed(0).padStart(9)} |`,
  );
  const ratio = c / j;
  console.log(
    `\nratio codec_time / json_time = ${ratio.toFixed(3)}  (target ≤ 0.5: ${ratio <= 0.5 ? 'MET' : 'NOT MET'})`,
  );
  console.log(
    `rounds codec ms: ${codec.map((x) => x.toFixed(0)).join(' ')}; json ms: ${json.map((x) => x.toFixed(0)).join(' ')}`,
  );
  return ratio;
}

function benchFrameReader(): void {
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
  for (let r = 0; r < 9; r++) times.push(timeMs(run));
  const t = median(times);
  const readerMs = t;
  // Frame + decode, what a session does per chunk.
  const decodeAll = (): void => {
    const reader = new FrameReader();
    for (const c of chunks) reader.feed(c, (f) => decodeMessage(f, VERSION));
  };
  decodeAll();
  const td: number[] = [];
  for (let r = 0; r < 5; r++) td.push(timeMs(decodeAll));
  const d = median(td);
  console.log(
    `\nFrameReader over ${(stream.length / 1048576).toFixed(2)} MB (${count.toLocaleString('en')} frames) in ${chunks.length} chunks of 1460 bytes:`,
  );
  console.log('| pass                     |   ms | MB/s    | frames/s     |');
  console.log('|--------------------------|-----:|--------:|-------------:|');
  console.log(
    `| framing only             | ${readerMs.toFixed(1).padStart(4)} | ${(stream.length / 1048576 / (readerMs / 1000)).toFixed(0).padStart(7)} | ${fmt((count / readerMs) * 1000)} |`,
  );
  console.log(
    `| framing + decodeMessage  | ${d.toFixed(1).padStart(4)} | ${(stream.length / 1048576 / (d / 1000)).toFixed(0).padStart(7)} | ${fmt((count / d) * 1000)} |`,
  );
}

sanityCheck();
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
benchCodecVsJson();
benchFrameReader();
