/**
 * The session under faults, every event accounted for (ledger.ts): a stream of calls runs through the
 * simulator while the fault happens; afterwards each event the server wrote arrived exactly once, in order,
 * or was lost inside an outage the session declared (eventsMayHaveBeenMissed). Real TCP, real simulator.
 */
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CtiSession, type CtiSessionOptions, type SessionStateInfo } from '../../lib/session';
import { CtiSimulator, CtiSimulatorPair, type CtiSimulatorOptions } from '../../lib/simulator';
import { watchEscapes } from '../support/process-watch';
import { ByteProxy } from './byte-proxy';
import { assertNeverLeftOpen, ClientRecord, WireLedger, account, figures } from './ledger';
import { CALLS_PER_SECOND, HEARTBEAT_MS } from './mode';
import { caughtUp, messages, nextState } from './settle';
import { streamCalls, type CallStream } from './stream';

const CLIENT = 'faults-test';
const PERIPHERAL = 5000;
const isCallEvent = (t: string): boolean => t.startsWith('CALL_') && t.endsWith('_EVENT');
/** Enough call events to say "mid-stream". */
const SOME = 20;

describe('faults: the session, every event accounted for', function () {
  this.timeout(60000);
  const escapes = watchEscapes();
  const cleanup: Array<() => unknown> = [];

  beforeEach(() => escapes.start());
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
    escapes.stop();
    assert.deepEqual(escapes.escaped.splice(0), [], 'no uncaught exception or unhandled rejection');
  });

  async function startSim(opts: CtiSimulatorOptions = {}): Promise<CtiSimulator> {
    const sim = new CtiSimulator({ host: '127.0.0.1', port: 0, peripheralId: PERIPHERAL, ...opts });
    await sim.start();
    cleanup.push(() => sim.stop());
    return sim;
  }

  /** A simulator behind a ByteProxy (the client connects to proxy.port). */
  async function startProxiedSim(): Promise<{ sim: CtiSimulator; proxy: ByteProxy }> {
    const sim = await startSim();
    const proxy = new ByteProxy(sim.port);
    await proxy.start();
    cleanup.push(() => proxy.stop());
    return { sim, proxy };
  }

  function makeSession(portA: number, portB?: number, extra: Partial<CtiSessionOptions> = {}): CtiSession {
    const s = new CtiSession({
      sideA: { host: '127.0.0.1', port: portA },
      sideB: portB === undefined ? undefined : { host: '127.0.0.1', port: portB },
      clientId: CLIENT,
      peripheralId: PERIPHERAL,
      services: ['ALL_EVENTS'],
      heartbeatIntervalMs: HEARTBEAT_MS,
      reconnect: { initialDelayMs: 50, maxDelayMs: 400, jitter: 0 },
      ...extra,
    });
    s.on('error', () => undefined); // reported through 'state'; the ledger judges
    cleanup.push(() => s.close());
    return s;
  }

  /** A session of CLIENT on `sims`, its ledger (what the servers wrote to it) and its record (what it decoded). */
  function watched(
    sims: CtiSimulator[],
    portA: number,
    portB?: number,
    extra: Partial<CtiSessionOptions> = {},
  ): { wire: WireLedger; s: CtiSession; rec: ClientRecord } {
    const wire = new WireLedger().watch(sims, CLIENT);
    const s = makeSession(portA, portB, extra);
    return { wire, s, rec: new ClientRecord(s) };
  }

  /** Starts the call stream on `sim`; resolves once it is flowing (mid-stream from here on). */
  async function streaming(sim: CtiSimulator, s: CtiSession, perSecond = CALLS_PER_SECOND): Promise<CallStream> {
    const st = streamCalls(sim, perSecond);
    cleanup.push(() => st.stop());
    await messages(s, SOME, isCallEvent);
    return st;
  }

  /** Ends the case: stream stopped, session closed (CLOSE_CONF is the barrier), every event accounted. */
  async function settleAndAccount(
    name: string,
    s: CtiSession,
    st: { stop(): Promise<unknown> },
    wire: WireLedger,
    rec: ClientRecord,
    extra = '',
  ): Promise<ReturnType<typeof account>> {
    await st.stop();
    await caughtUp(s, wire, rec);
    await s.close();
    wire.stop();
    const a = account(wire, rec);
    console.log(figures(name, a, extra));
    assert.deepEqual(a.problems.slice(0, 10), [], `${name}: every event accounted for`);
    assert.ok(a.delivered > 0, `${name}: events flowed`);
    return a;
  }

  it('server killed and restarted mid-stream: reopens, declares the outage, nothing duplicated', async () => {
    const sim = await startSim();
    const { wire, s, rec } = watched([sim], sim.port);
    await s.open();
    const st = await streaming(sim, s);
    const down = nextState(s, (i) => i.state !== 'open');
    await sim.stop();
    await down;
    const calls = st.calls;
    await until(() => st.calls >= calls + 3); // calls while the server is down
    const up = nextState(s, (i) => i.state === 'open');
    await sim.start();
    const reopened = await up;
    assert.equal(reopened.eventsMayHaveBeenMissed, true);
    await messages(s, SOME, isCallEvent);
    const a = await settleAndAccount('killed and restarted', s, st, wire, rec);
    assert.equal(a.declaredOutages, 1);
    assert.ok(a.declaredMissed > 0, 'calls made while the server was down are declared missed');
  });

  it('A → B failover mid-stream: moves to B, declares the outage, nothing duplicated', async () => {
    const pair = new CtiSimulatorPair({ peripheralId: PERIPHERAL });
    await pair.start();
    cleanup.push(() => pair.stop());
    const { wire, s, rec } = watched([pair.sideA, pair.sideB], pair.sideA.port, pair.sideB.port);
    await s.open();
    const st = await streaming(pair.sideA, s);
    const onB = nextState(s, (i) => i.state === 'open' && i.side === 'B');
    const t0 = Date.now();
    await pair.switchover();
    const info = await onB;
    assert.equal(info.eventsMayHaveBeenMissed, true);
    await messages(s, SOME, isCallEvent);
    const a = await settleAndAccount('A → B failover', s, st, wire, rec, `on B after ${info.at - t0} ms`);
    assert.equal(a.declaredOutages, 1);
  });

  it(`a silent server is declared dead within 3 heartbeat intervals (${HEARTBEAT_MS} ms) of its last message`, async () => {
    const sim = await startSim();
    const { wire, s, rec } = watched([sim], sim.port);
    await s.open();
    const st = await streaming(sim, s);
    const dead = nextState(s, (i) => i.state !== 'open');
    // How late this thread's timers ran meanwhile (a busy machine): the only slack the verdict gets.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    sim.faults.setSilent(true);
    const verdict = await dead;
    lag.disable();
    const lagMs = Math.ceil(lag.max / 1e6);
    const silentMs = verdict.at - lastMessageBefore(rec, verdict.at);
    // Two unanswered heartbeats, each for a whole interval, make the verdict: never before 2 intervals.
    assert.ok(silentMs >= 2 * HEARTBEAT_MS, `declared dead after only ${silentMs} ms`);
    assert.ok(
      silentMs <= 3 * HEARTBEAT_MS + lagMs + 20,
      `declared dead only after ${silentMs} ms (loop lag ${lagMs} ms)`,
    );
    const up = nextState(s, (i) => i.state === 'open');
    sim.faults.setSilent(false);
    assert.equal((await up).eventsMayHaveBeenMissed, true);
    await messages(s, SOME, isCallEvent);
    await settleAndAccount(
      'silent server',
      s,
      st,
      wire,
      rec,
      `dead link declared ${silentMs} ms after the last message (event loop lag at most ${lagMs} ms)`,
    );
  });

  it('a slow but alive server (heartbeats answered late, within the interval) is never declared dead', async () => {
    const sim = await startSim();
    const { wire, s, rec } = watched([sim], sim.port);
    await s.open();
    sim.faults.setDelay(Math.round(HEARTBEAT_MS * 0.9));
    // Five intervals with nothing but late heartbeat answers: the only sign of life.
    await messages(s, 5, (t) => t === 'HEARTBEAT_CONF', 20 * HEARTBEAT_MS);
    const st = await streaming(sim, s);
    const a = await settleAndAccount('slow but alive server', s, st, wire, rec);
    assertNeverLeftOpen(rec);
    assert.equal(a.declaredOutages, 0);
  });

  it('frames split at every byte: every event arrives whole, once', async () => {
    const { sim, proxy } = await startProxiedSim();
    const { wire, s, rec } = watched([sim], proxy.port);
    proxy.mode = 'split';
    await s.open();
    // One write per byte, one loop turn each: a rate that split stream can carry in both modes.
    const st = await streaming(sim, s, 30);
    const a = await settleAndAccount(
      'split at every byte',
      s,
      st,
      wire,
      rec,
      `${proxy.singleByteWrites} one-byte writes`,
    );
    assert.equal(a.declaredOutages, 0);
    assert.equal(a.declaredMissed, 0);
    assert.ok(proxy.singleByteWrites > 1000, `only ${proxy.singleByteWrites} one-byte writes`);
  });

  for (const fault of ['garbage', 'oversized', 'truncated'] as const) {
    it(`${fault} frame from the server: reported, the session carries on or resets cleanly, the process stays up`, async () => {
      const sim = await startSim();
      const { wire, s, rec } = watched([sim], sim.port);
      const protocolErrors: unknown[] = [];
      s.on('protocol-error', (e: unknown) => protocolErrors.push(e));
      await s.open();
      const st = await streaming(sim, s);
      if (fault === 'garbage') {
        const reported = new Promise((r) => s.once('protocol-error', r));
        sim.faults.sendGarbage();
        await reported;
      } else {
        const reset = nextState(s, (i) => i.state !== 'open');
        const back = nextState(s, (i) => i.state === 'open');
        if (fault === 'oversized') sim.faults.sendOversizedLength();
        else sim.faults.sendTruncatedFrame();
        await reset;
        assert.equal((await back).eventsMayHaveBeenMissed, true);
      }
      await messages(s, SOME, isCallEvent);
      const a = await settleAndAccount(`${fault} frame`, s, st, wire, rec, `${protocolErrors.length} protocol errors`);
      if (fault === 'garbage') assert.equal(a.declaredOutages, 0, 'a readable frame boundary: no reset needed');
      else assert.equal(a.declaredOutages, 1);
    });
  }

  it('a slow-loris server (one byte per 100 ms) cannot hold the session: declared dead, recovers', async () => {
    const { sim, proxy } = await startProxiedSim();
    const { wire, s, rec } = watched([sim], proxy.port);
    await s.open();
    const st = await streaming(sim, s);
    const dead = nextState(s, (i) => i.state !== 'open');
    proxy.mode = 'trickle';
    const verdict = await dead;
    const silentMs = verdict.at - lastMessageBefore(rec, verdict.at);
    assert.ok(silentMs <= 4 * HEARTBEAT_MS, `a trickling link was declared dead only after ${silentMs} ms`);
    proxy.mode = 'pass';
    const up = await nextState(s, (i) => i.state === 'open');
    assert.equal(up.eventsMayHaveBeenMissed, true);
    await messages(s, SOME, isCallEvent);
    await settleAndAccount(
      'slow-loris server',
      s,
      st,
      wire,
      rec,
      `declared dead ${silentMs} ms after the last whole message`,
    );
  });

  it('server-side session refused, later accepted: retries, then every event arrives once', async () => {
    const sim = await startSim();
    // Another client holds agent 1001's Client Events session: ours is refused (E_CTI_DEVICE_IN_USE) until it goes.
    const holder = new CtiSession({
      sideA: { host: '127.0.0.1', port: sim.port },
      clientId: 'holder',
      peripheralId: PERIPHERAL,
      services: ['CLIENT_EVENTS'],
      agentId: '1001',
      agentExtension: '1001',
      heartbeatIntervalMs: HEARTBEAT_MS,
    });
    cleanup.push(() => holder.close());
    await holder.open();
    const { wire, s, rec } = watched([sim], sim.port, undefined, {
      services: ['CLIENT_EVENTS'],
      agentId: '1001',
      agentExtension: '1001',
    });
    const refusals: SessionStateInfo[] = [];
    s.on('state', (i: SessionStateInfo) => {
      if (i.state === 'failover') refusals.push(i);
    });
    // open() rejects with the first refusal; the session keeps retrying.
    const firstRefusal = await s.open().then(
      () => assert.fail('opened while the device was in use'),
      (err: Error) => err,
    );
    assert.match(firstRefusal.message, /DEVICE_IN_USE/);
    await until(() => refusals.length >= 2);
    const accepted = nextState(s, (i) => i.state === 'open');
    await holder.close();
    await accepted;
    const st = await streaming(sim, s);
    const a = await settleAndAccount('refused, then accepted', s, st, wire, rec, `${refusals.length} refusals first`);
    assert.equal(a.declaredOutages, 0);
    assert.equal(a.declaredMissed, 0);
  });
});

/** Time of the last message the client decoded before `t`. */
function lastMessageBefore(rec: ClientRecord, t: number): number {
  let last = 0;
  for (const seg of rec.segments) for (const at of seg.at) if (at <= t && at > last) last = at;
  return last;
}

/** Turns the loop (a timer of 5 ms per turn, the condition is driven by other timers) until `cond` holds. */
async function until(cond: () => boolean, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
