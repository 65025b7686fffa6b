/**
 * "Nothing a user types can crash Node-RED": a seeded-random stream of hostile messages into cti-set-call-data
 * and cti-request (real runtime, real simulator over TCP). Every message must end in exactly one outcome (one
 * output or one Catch), the session must stay the one open session, and nothing may escape as an uncaught error.
 */
import assert from 'node:assert/strict';
import type { EventEmitter } from 'node:events';
import { helper, NODES, startSim, serverNode, getServer, waitForState, type CtiSimulator } from './harness';
import type { SimCall } from '../../lib/simulator';
import { mulberry32 } from '../support/seeded';
import { watchEscapes } from '../support/process-watch';

type Msg = Record<string, unknown>;

const SEED = 0x5eed2025;
const PER_NODE = 300;
const BATCH = 20;
const VALID_EVERY = 13; // every 13th message of each node is a valid one against the live call

class Hostile {
  constructor(private readonly rnd: () => number) {}

  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }

  // Strings a user might paste: boundary lengths (call variables hold 40), non-Latin-1, NUL, markup, numbers-as-text.
  // None of them names a real agent device (1001-1003), so no fuzz request can disturb the live call or agents.
  string(): string {
    return this.pick([
      '',
      ' ',
      'a',
      'x'.repeat(40),
      'x'.repeat(41),
      'y'.repeat(210),
      'y'.repeat(211),
      'z'.repeat(1000),
      'h'.repeat(200_000),
      '€uro',
      'emoji 😀',
      '\u{1F600}'.repeat(30),
      'nul\0byte',
      '\0',
      'Ünïcödé in Latin-1 ÿ',
      '<script>alert(1)</script>',
      '${process.exit()}',
      '%s%n%x',
      '-1',
      '1e309',
      'NaN',
      '0x10',
      '4294967296',
      '16777301 ',
      'CONNECTION_ID_STATIC',
      'CONNECTION_ID_BOGUS',
      'AGENT_STATE_LOGOUT',
      'constructor',
      '__proto__',
      'toString',
    ]);
  }

  scalar(): unknown {
    return this.pick<unknown>([
      undefined,
      null,
      true,
      false,
      0,
      -0,
      -1,
      1.5,
      NaN,
      Infinity,
      -Infinity,
      2 ** 31,
      2 ** 32,
      2 ** 53 + 2,
      Number.MAX_VALUE,
      BigInt(7),
      Symbol('hostile'),
      () => 'a function',
    ]);
  }

  /** Any value at all, `depth` bounding the nesting. */
  value(depth = 2): unknown {
    switch (this.int(depth > 0 ? 9 : 3)) {
      case 0:
        return this.scalar();
      case 1:
      case 2:
        return this.string();
      case 3:
        return Buffer.from(this.string(), 'utf8');
      case 4:
        return this.arrayWithHoles(depth - 1);
      case 5:
        return this.object(depth - 1);
      case 6:
        return this.pollution();
      case 7: {
        const o: Msg = { a: 1 };
        o.self = o; // a flow can build circular objects in a function node
        return o;
      }
      default:
        return this.pick<unknown>([new Date(0), /re/g, new Map([[1, 2]]), new Set([1]), Object.create(null), [], {}]);
    }
  }

  arrayWithHoles(depth: number): unknown[] {
    const a: unknown[] = new Array(this.pick([0, 1, 3, 257, 300]));
    const filled = Math.min(a.length, 12);
    for (let i = 0; i < filled; i++) if (this.chance(0.6)) a[this.int(a.length)] = this.value(depth);
    return a;
  }

  object(depth: number): Msg {
    const o: Msg = {};
    const n = this.int(5);
    for (let i = 0; i < n; i++) o[this.chance(0.3) ? this.string().slice(0, 50) : `k${i}`] = this.value(depth);
    return o;
  }

  /** Own "__proto__" / "constructor" keys, as JSON.parse makes them (an object literal would set the prototype). */
  pollution(): Msg {
    return JSON.parse(
      this.pick([
        '{"__proto__": {"polluted": "yes"}}',
        '{"constructor": {"prototype": {"polluted": "yes"}}}',
        '{"__proto__": {"toString": "not a function"}, "constructor": "x"}',
        '{"callVariable1": "ok", "__proto__": {"callVariable2": "inherited"}}',
      ]),
    ) as Msg;
  }

  /** Deeply nested: far below what would blow the stack, far beyond anything a flow needs. */
  nested(levels: number): Msg {
    let o: Msg = { leaf: this.string() };
    for (let i = 0; i < levels; i++) o = { nested: o, callVariable1: i % 7 === 0 ? o : undefined };
    return o;
  }

  /** A call id that validation lets through but that names no call on the simulator (its ids start at 16777301). */
  absentCallId(): number {
    return 800_000 + this.int(100_000);
  }

  callId(): unknown {
    return this.pick<unknown>([
      this.absentCallId(),
      String(this.absentCallId()),
      -1,
      -(2 ** 31),
      2 ** 32,
      2 ** 40,
      1.5,
      NaN,
      '',
      'abc',
      null,
      [],
      {},
      this.string(),
    ]);
  }

  ecc(): Msg {
    const ecc: Msg = {};
    const n = this.int(6);
    for (let i = 0; i < n; i++) {
      const name = this.pick<string>([
        '',
        'user.ok',
        'x'.repeat(32),
        'x'.repeat(33),
        'n'.repeat(100_000),
        '€name',
        'nul\0name',
        'user.case',
        `user.v${i}`,
      ]);
      ecc[name] = this.chance(0.5)
        ? this.value(1)
        : this.pick<unknown>(['short', 'v'.repeat(210), 'v'.repeat(211), this.arrayWithHoles(1)]);
    }
    // Keys that are not names: a number, and a symbol (Object.entries skips it; nothing may trip over it).
    if (this.chance(0.1)) ecc[42] = 'numeric name';
    if (this.chance(0.1)) (ecc as Record<symbol, unknown>)[Symbol('ecc')] = 'symbol name';
    if (this.chance(0.15)) {
      // More than 2,000 bytes of ECC in one request.
      for (let i = 0; i < 14; i++) ecc[`user.big${i}`] = 'b'.repeat(200);
    }
    if (this.chance(0.1)) return Object.assign(this.pollution(), ecc);
    return ecc;
  }

  callData(): Msg {
    const p: Msg = {};
    if (this.chance(0.7)) p.connectionCallId = this.callId();
    if (this.chance(0.7)) p.connectionDeviceId = this.chance(0.7) ? this.pick(['8005551000', 'a', '']) : this.value(1);
    if (this.chance(0.3)) {
      p.connectionDeviceIdType = this.pick<unknown>([
        'CONNECTION_ID_STATIC',
        'CONNECTION_ID_BOGUS',
        'T'.repeat(100_000),
        0,
        1,
        -1,
        70000,
        {},
        '12',
      ]);
    }
    if (this.chance(0.2)) p.peripheralId = this.pick<unknown>([5000, -5, 2 ** 33, 'abc', {}, '5000']);
    const vars = this.int(4);
    for (let i = 0; i < vars; i++)
      p[`callVariable${1 + this.int(10)}`] = this.chance(0.7) ? this.string() : this.value(1);
    if (this.chance(0.2)) p.callVariable11 = 'there is no callVariable11';
    if (this.chance(0.15)) p.callWrapupData = this.string();
    if (this.chance(0.15)) p.customerPhoneNumber = this.string();
    if (this.chance(0.4)) p.ecc = this.chance(0.85) ? this.ecc() : this.value(1);
    if (this.chance(0.1)) p.messageType = this.pick<unknown>(['CALL_DELIVERED_EVENT', 7, null]);
    for (const k of [
      'agentId',
      'agentInstrument',
      'agentExtension',
      'agentState',
      'dialedNumber',
      'mrdid',
      'reasonCode',
      'consultType',
    ]) {
      if (this.chance(0.12)) p[k] = this.chance(0.6) ? this.string() : this.value(1);
    }
    if (this.chance(0.1)) p.heldConnectionCallId = this.callId();
    return p;
  }

  payload(): unknown {
    switch (this.int(10)) {
      case 0:
        return this.scalar();
      case 1:
        return this.string();
      case 2:
        return Buffer.from(this.string(), 'latin1');
      case 3:
        return this.arrayWithHoles(2);
      case 4:
        return this.nested(200);
      case 5:
        return this.pollution();
      default:
        return this.callData();
    }
  }

  msgCall(): unknown {
    if (this.chance(0.5)) return undefined;
    if (this.chance(0.3)) return this.value(1);
    const c: Msg = {};
    if (this.chance(0.8)) c.connectionCallId = this.callId();
    if (this.chance(0.7)) c.connectionDeviceId = this.chance(0.6) ? '8005551000' : this.value(0);
    if (this.chance(0.3)) c.connectionDeviceIdType = this.value(0);
    if (this.chance(0.3)) c.peripheralId = this.value(0);
    return c;
  }

  topic(): unknown {
    return this.pick<unknown>([
      'answer',
      'hold',
      'retrieve',
      'clear-call',
      'clear-connection',
      'release-call',
      'snapshot-call',
      'make-call',
      'consultation',
      'transfer',
      'conference',
      'set-agent-state',
      'query-agent-state',
      'HOLD_CALL_REQ',
      'dance',
      '',
      ' ',
      'constructor',
      '__proto__',
      'hasOwnProperty',
      'toString',
      'valueOf',
      'x'.repeat(1000),
      null,
      42,
      {},
      [],
      Object.create(null),
      Symbol('topic'),
      'emoji 😀',
    ]);
  }

  /**
   * Well-formed but wrong: passes the node's own checks (limits exactly at the edge, Latin-1 text, over 2,000
   * bytes of ECC) and names a call the simulator does not have, so the server and codec paths get fuzzed too.
   */
  nearMiss(): Msg {
    const payload: Msg = {
      connectionCallId: this.absentCallId(),
      connectionDeviceId: this.pick(['8005551000', '4085550100', 'x'.repeat(63)]),
    };
    const edge = this.pick(['x'.repeat(40), 'Ünïcödé ÿ', '', '0', 'ok']);
    payload[`callVariable${1 + this.int(10)}`] = edge;
    // eslint-disable-next-line no-sparse-arrays -- a hole in an ECC array is one of the hostile inputs
    if (this.chance(0.3)) payload.ecc = { 'user.ok': 'v'.repeat(210), [`user.${'n'.repeat(27)}`]: ['a', , 'c'] };
    if (this.chance(0.2))
      payload.ecc = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`user.big${i}`, 'b'.repeat(200)]));
    if (this.chance(0.2)) payload.callWrapupData = 'w'.repeat(this.pick([1, 39, 40, 255]));
    const topic = this.pick([
      'hold',
      'retrieve',
      'answer',
      'clear-call',
      'clear-connection',
      'release-call',
      'snapshot-call',
      'transfer',
      'consultation',
    ]);
    if (topic === 'transfer' || topic === 'consultation') payload.dialedNumber = this.pick(['5551212', 'x'.repeat(39)]);
    return this.chance(0.5) ? { topic, payload } : { topic, call: payload, payload: this.chance(0.5) ? 'text' : null };
  }

  /** A whole hostile message (without _msgid). */
  message(): Msg {
    if (this.chance(0.25)) return this.nearMiss();
    const m: Msg = {};
    if (this.chance(0.95)) m.payload = this.payload();
    const call = this.msgCall();
    if (call !== undefined) m.call = call;
    if (this.chance(0.6)) m.topic = this.topic();
    if (this.chance(0.2)) m.crm = this.chance(0.5) ? { name: this.value(1) } : this.value(1); // the editor's msg.crm.name
    if (this.chance(0.15)) m.extra = { ecc: this.arrayWithHoles(1) }; // the editor's ECC row from msg.extra.ecc
    if (this.chance(0.1)) m.agent = { id: this.value(0) }; // cti-request's agentId from msg.agent.id
    if (this.chance(0.1)) m.heldCall = this.value(1);
    if (this.chance(0.1)) m.cti = this.value(1);
    if (this.chance(0.05)) {
      // An own "__proto__" key on the message itself (Object.assign would set the prototype instead).
      Object.defineProperty(m, '__proto__', {
        value: { polluted: 'yes' },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return m;
  }
}

/** Hand-picked inputs that went wrong once; they open the stream for both nodes, the random ones follow. */
function corpus(): Msg[] {
  const circular: Msg = { connectionDeviceId: '8005551000' };
  circular.connectionCallId = circular;
  const at = { connectionCallId: 812345, connectionDeviceId: '8005551000' };
  return [
    { topic: 'constructor', payload: at }, // once resolved to Object.prototype.constructor
    { topic: '__proto__', payload: at },
    { topic: 'hasOwnProperty', payload: at },
    { topic: Object.create(null), payload: at }, // String() of it throws
    { topic: Symbol('topic'), payload: at },
    { topic: 'set-agent-state', payload: { agentInstrument: 'a', agentState: Object.create(null) } },
    { topic: 'hold', call: circular, payload: { callVariable1: 'x' } },
    { topic: 'hold', payload: { ...at, connectionCallId: BigInt(812345), callVariable1: 'x' } },
    { topic: 'hold', payload: { ...at, connectionDeviceIdType: 'T'.repeat(100_000), callVariable1: 'x' } },
    { topic: 'hold', payload: { ...at, connectionCallId: 'h'.repeat(100_000), callVariable1: 'x' } },
    { topic: 'hold', payload: { ...at, ecc: { ['n'.repeat(100_000)]: 'v' } } },
    { topic: 'hold', payload: { ...at, ecc: JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "c"}') } },
    JSON.parse(
      '{"topic": "hold", "payload": {"connectionCallId": 812345, "connectionDeviceId": "8005551000", "__proto__": {"callVariable1": "x"}}}',
    ),
  ];
}

/** Counts outputs and Catch messages per _msgid, and lets a batch wait until each of its messages has one. */
class Outcomes {
  readonly outputs = new Map<string, Msg[]>();
  readonly caught = new Map<string, Msg[]>();
  private waiter: { ids: string[]; resolve: () => void } | undefined;

  listen(node: EventEmitter, into: Map<string, Msg[]>, accept: (msg: Msg) => boolean = () => true): void {
    node.on('input', (msg: Msg) => {
      if (!accept(msg)) return;
      const id = String(msg._msgid);
      const list = into.get(id) ?? [];
      list.push(msg);
      into.set(id, list);
      if (this.waiter && this.waiter.ids.every((x) => this.count(x) > 0)) {
        const w = this.waiter;
        this.waiter = undefined;
        w.resolve();
      }
    });
  }

  count(id: string): number {
    return (this.outputs.get(id)?.length ?? 0) + (this.caught.get(id)?.length ?? 0);
  }

  /** Resolves once every id has at least one outcome; rejects naming the ids still waiting. */
  waitFor(ids: string[], timeoutMs: number): Promise<void> {
    if (ids.every((x) => this.count(x) > 0)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(
          new Error(`no outcome within ${timeoutMs} ms for: ${ids.filter((x) => this.count(x) === 0).join(', ')}`),
        );
      }, timeoutMs);
      this.waiter = {
        ids,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
  }
}

const addressOf = (call: SimCall): Msg => ({
  connectionCallId: call.connectionCallId,
  connectionDeviceId: call.connectionDeviceId,
});

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

/** Error texts that mean the code tripped over the input instead of refusing it in words. */
const PROGRAMMING_ERROR =
  /^(TypeError|RangeError|ReferenceError|SyntaxError)\b|Cannot read propert|is not a function|Cannot convert|undefined \(reading/;

describe('hostile input into cti-set-call-data and cti-request (seeded fuzz, real runtime)', function () {
  let sim: CtiSimulator;
  const escapes = watchEscapes();
  const escaped = escapes.escaped;

  before(async function () {
    escapes.start();
    await helper.startServer();
    sim = await startSim();
  });

  after(async function () {
    escapes.stop();
    await helper.unload();
    await helper.stopServer();
    await sim.stop();
  });

  function flow(): object[] {
    return [
      { id: 'f1', type: 'tab' },
      serverNode(sim),
      {
        id: 'set',
        type: 'cti-set-call-data',
        z: 'f1',
        server: 'srv',
        callVariable2: 'crm.name',
        callVariable2Type: 'msg',
        callVariable9: 'topic',
        callVariable9Type: 'jsonata',
        ecc: [{ name: 'user.fromMsg', value: 'extra.ecc', valueType: 'msg' }],
        wires: [['hs']],
      },
      { id: 'hs', type: 'helper', z: 'f1' },
      // One Catch for both: the test helper loads a core module once per node of its type, and a second
      // catch node would register the type twice. msg.error.source.id tells the two apart.
      { id: 'c', type: 'catch', z: 'f1', scope: ['set', 'req'], uncaught: false, wires: [['hc']] },
      { id: 'hc', type: 'helper', z: 'f1' },
      {
        id: 'req',
        type: 'cti-request',
        z: 'f1',
        server: 'srv',
        request: '',
        agentId: 'agent.id',
        agentIdType: 'msg',
        timeout: 3,
        wires: [['hr']],
      },
      { id: 'hr', type: 'helper', z: 'f1' },
    ];
  }

  it(`${PER_NODE} hostile messages per node: one outcome each, no crash, one open session, valid calls still work`, async function () {
    this.timeout(30000);
    await helper.load(NODES, flow());
    await waitForState(getServer(), 'open');
    assert.equal(sim.openSessionCount, 1);

    const set = new Outcomes();
    const req = new Outcomes();
    set.listen(helper.getNode('hs'), set.outputs);
    const from =
      (id: string) =>
      (msg: Msg): boolean =>
        ((msg.error as Msg | undefined)?.source as Msg | undefined)?.id === id;
    set.listen(helper.getNode('hc'), set.caught, from('set'));
    req.listen(helper.getNode('hr'), req.outputs);
    req.listen(helper.getNode('hc'), req.caught, from('req'));

    const gen = new Hostile(mulberry32(SEED));
    const known = { set: corpus(), req: corpus() }; // one copy each: no object is shared by two messages
    let call: SimCall = await sim.startInboundCall({ agentId: '1001' });
    /** _msgid → what a valid message must produce (checked after its batch). */
    const expectations = new Map<string, (out: Msg) => void>();
    const started = Date.now();

    for (let base = 0; base < PER_NODE; base += BATCH) {
      const setIds: string[] = [];
      const reqIds: string[] = [];
      for (let i = base; i < Math.min(PER_NODE, base + BATCH); i++) {
        const setId = `set-${String(i).padStart(3, '0')}`;
        const reqId = `req-${String(i).padStart(3, '0')}`;
        setIds.push(setId);
        reqIds.push(reqId);
        if (i < known.set.length) {
          helper.getNode('set').receive({ ...known.set[i], _msgid: setId } as Msg);
          helper.getNode('req').receive({ ...known.req[i], _msgid: reqId } as Msg);
        } else if (i % VALID_EVERY === VALID_EVERY - 1) {
          const value = `ok-${i}`;
          const n = 1 + (i % 10); // two valid messages in one batch set different variables
          const target = call;
          helper.getNode('set').receive({
            _msgid: setId,
            payload: { ...addressOf(target), [`callVariable${n}`]: value },
          } as Msg);
          expectations.set(setId, (out) => {
            assert.equal((out.payload as Msg).messageType, 'SET_CALL_DATA_CONF', `${setId}: valid SET_CALL_DATA`);
            assert.equal(target.callVariables[n], value, `${setId}: the value reached the simulator's call`);
          });
          helper
            .getNode('req')
            .receive({ _msgid: reqId, topic: 'query-agent-state', payload: { agentId: '1002' } } as Msg);
          expectations.set(reqId, (out) => {
            assert.equal((out.payload as Msg).messageType, 'QUERY_AGENT_STATE_CONF', `${reqId}: valid query`);
          });
        } else {
          helper.getNode('set').receive({ ...gen.message(), _msgid: setId } as Msg);
          helper.getNode('req').receive({ ...gen.message(), _msgid: reqId } as Msg);
        }
      }
      await Promise.all([set.waitFor(setIds, 12000), req.waitFor(reqIds, 12000)]);
      assert.equal(sim.openSessionCount, 1, `after batch ${base / BATCH}: still exactly one open session`);
      assert.equal(getServer().currentState().state, 'open', `after batch ${base / BATCH}: session still open`);
      if (base % (BATCH * 4) === 0) {
        // A fresh live call now and then, as a flow would see in production.
        await sim.releaseCall(call);
        call = await sim.startInboundCall({ agentId: '1001' });
      }
      for (const id of [...setIds, ...reqIds]) {
        const check = expectations.get(id);
        if (!check) continue;
        const outs = (id.startsWith('set') ? set : req).outputs.get(id);
        const caughtErr = (id.startsWith('set') ? set : req).caught.get(id)?.[0]?.error as Msg | undefined;
        assert.ok(
          outs && outs.length === 1,
          `${id}: a valid message gave no output${caughtErr ? `: ${String(caughtErr.message)}` : ''}`,
        );
        check(outs[0]);
      }
    }

    // Late duplicates (a second done(), an output after a Catch) would arrive after the last batch settled.
    await flush();
    const summary: Record<string, number> = { outputs: 0, caught: 0, refusedByServer: 0 };
    const problems: string[] = [];
    for (const [name, o] of [
      ['set', set],
      ['req', req],
    ] as const) {
      for (let i = 0; i < PER_NODE; i++) {
        const id = `${name}-${String(i).padStart(3, '0')}`;
        const outs = o.outputs.get(id)?.length ?? 0;
        const caught = o.caught.get(id) ?? [];
        if (outs + caught.length !== 1)
          problems.push(`${id}: ${outs} outputs and ${caught.length} catches; want exactly one outcome`);
        summary.outputs += outs;
        summary.caught += caught.length;
        for (const c of caught) {
          const text = String((c.error as Msg | undefined)?.message ?? '');
          // "<REQUEST> failed: …" = it passed the node's checks and the CTI server (or the codec) said no.
          if (/^Error: [A-Z_]+ failed: /.test(text)) summary.refusedByServer++;
          if (text.length === 0) problems.push(`${id}: the Catch message has no error text`);
          // A refusal must not echo huge input back into msg.error and the log.
          if (text.length > 1000)
            problems.push(`${id}: the error text is ${text.length} characters: ${text.slice(0, 120)}…`);
          if (PROGRAMMING_ERROR.test(text))
            problems.push(`${id}: a programming error, not a refusal in words: ${text.slice(0, 200)}`);
        }
      }
      const strays = [...o.outputs.keys(), ...o.caught.keys()].filter((id) => !id.startsWith(`${name}-`));
      if (strays.length > 0) problems.push(`${name}: outcomes for messages nobody sent: ${strays.join(', ')}`);
    }
    assert.deepEqual(problems, []);
    const caughtText = (id: string): string =>
      String(((req.caught.get(id) ?? [])[0]?.error as Msg | undefined)?.message);
    for (const id of ['req-000', 'req-001', 'req-002']) assert.match(caughtText(id), /^Error: unknown request "/, id);
    for (const id of ['req-003', 'req-004']) assert.match(caughtText(id), /^Error: msg\.topic must name a request/, id);
    assert.ok(summary.outputs >= expectations.size, 'every valid message gave an output');
    assert.ok(summary.caught > PER_NODE, 'most hostile messages were refused');
    assert.ok(summary.refusedByServer > 20, 'some hostile messages got past the node checks to the server');

    // The runtime is still up: a last valid message through each node succeeds.
    const lastSet = new Promise<Msg>((resolve) => helper.getNode('hs').once('input', resolve));
    helper.getNode('set').receive({ payload: { ...addressOf(call), callVariable3: 'final' } });
    assert.equal(((await lastSet).payload as Msg).messageType, 'SET_CALL_DATA_CONF');
    assert.equal(call.callVariables[3], 'final');
    const lastReq = new Promise<Msg>((resolve) => helper.getNode('hr').once('input', resolve));
    helper.getNode('req').receive({ topic: 'snapshot-call', call: addressOf(call) });
    assert.equal(((await lastReq).payload as Msg).messageType, 'SNAPSHOT_CALL_CONF');

    assert.equal(sim.openSessionCount, 1, 'exactly one session at the end');
    assert.equal(({} as Msg).polluted, undefined, 'Object.prototype was not polluted');
    assert.equal(typeof ({} as { toString: unknown }).toString, 'function', 'Object.prototype.toString intact');
    assert.deepEqual(escaped, [], 'no uncaught exception or unhandled rejection');
    console.log(
      `      fuzz: ${2 * PER_NODE} messages (seed 0x${SEED.toString(16)}): ${summary.outputs} outputs, ` +
        `${summary.caught} caught (${summary.refusedByServer} by the server or codec), ` +
        `${Date.now() - started} ms`,
    );
  });
});
