/**
 * Chaos: a CtiSession follows a busy hour on the simulator while faults hit the link on a seeded schedule and
 * requests fly the whole time. Every request must settle with a result or a typed error, the session must end
 * open on exactly one simulator session with nothing pending, the call tracker must stay bounded, and after
 * close() nothing (socket, timer) may be left behind — all without an 'error' listener.
 */
import assert from 'node:assert/strict';
import { AcceleratedClock, CtiSimulator } from '../../lib/simulator';
import {
  CtiConnectionError,
  CtiNotOpenError,
  CtiRequestError,
  CtiSession,
  CtiTimeoutError,
  type SessionStateInfo,
} from '../../lib/session';
import type { CallSnapshot } from '../../lib/calls';
import type { CtiMessage } from '../../lib/protocol';
import { settle, waitForEvent, waitForState } from './helpers';
import { mulberry32 } from '../support/seeded';
import { trackHandles, watchEscapes } from '../support/process-watch';

const SEED = 0xc4a05;
const PERIPHERAL = 5000;
const MAX_CALLS = 50;
/** Simulator time runs 4× faster: the busy hour's ~14 s of calls take ~3.5 s; its 20 s IdleTimeout stays 5 s away. */
const SPEED = 4;
const HEARTBEAT_MS = 100; // dead link declared after 3 silent intervals

type Fault = 'drop' | 'garbage' | 'newer-type' | 'oversized' | 'silent' | 'peripheral' | 'server-offline';
const FAULTS: Fault[] = ['drop', 'garbage', 'newer-type', 'oversized', 'silent', 'peripheral', 'server-offline'];
/** Faults after which the link is gone and the session must re-open. */
const DROPS_LINK: ReadonlySet<Fault> = new Set(['drop', 'oversized', 'silent', 'server-offline']);

/** Resolves with the name of whichever event comes first (and matches); removes every listener and the timer. */
function firstOf(
  emitter: NodeJS.EventEmitter,
  events: Record<string, (...args: never[]) => boolean>,
  timeoutMs = 5000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const done = (): void => {
      clearTimeout(timer);
      for (const [name, l] of listeners) emitter.off(name, l);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`none of ${Object.keys(events).join(', ')} within ${timeoutMs} ms`));
    }, timeoutMs);
    for (const [name, match] of Object.entries(events)) {
      const l = (...args: unknown[]): void => {
        if (!(match as (...a: unknown[]) => boolean)(...args)) return;
        done();
        resolve(name);
      };
      listeners.set(name, l);
      emitter.on(name, l);
    }
  });
}

function agentQuery(agentId: string): CtiMessage {
  return { messageType: 'QUERY_AGENT_STATE_REQ', peripheralId: PERIPHERAL, mrdid: 1, icmAgentId: 0, agentId };
}

/** A typed rejection is one of the session's documented request errors. */
const TYPED_ERRORS = [CtiRequestError, CtiTimeoutError, CtiNotOpenError, CtiConnectionError] as const;

describe('CtiSession chaos: busy hour + injected faults + concurrent requests', function () {
  let sim: CtiSimulator | undefined;
  let s: CtiSession | undefined;
  const escapes = watchEscapes();
  const escaped = escapes.escaped;

  before(() => {
    escapes.start();
  });

  after(async () => {
    escapes.stop();
    // Only on failure is anything still running here.
    await s?.close();
    await sim?.stop();
  });

  it('every request settles with a typed outcome; the session ends open, bounded and leak-free', async function () {
    this.timeout(30000);
    const started = Date.now();
    await settle();
    const handles = trackHandles();

    // 100 agents: the busy hour's calls never wait for a free agent, so far more than MAX_CALLS are up at once.
    sim = new CtiSimulator({
      host: '127.0.0.1',
      port: 0,
      peripheralId: PERIPHERAL,
      agents: '1001-1100',
      clock: new AcceleratedClock(SPEED),
    });
    await sim.start();
    const simOpens = { n: 0 };
    sim.on('session-open', () => simOpens.n++);

    s = new CtiSession({
      sideA: { host: '127.0.0.1', port: sim.port },
      clientId: 'chaos',
      peripheralId: PERIPHERAL,
      services: ['ALL_EVENTS', 'CALL_DATA_UPDATE', 'CLIENT_CONTROL'],
      heartbeatIntervalMs: HEARTBEAT_MS,
      openTimeoutMs: 2000,
      requestTimeoutMs: 2000,
      maxCalls: MAX_CALLS,
      reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
    });
    const session = s;
    const simulator = sim;

    // What the session saw, for the call-loss accounting at the end.
    const begun = new Set<string>();
    const ended = new Set<string>();
    let messages = 0;
    let mostTracked = 0;
    session.on('message', (m: CtiMessage, call?: CallSnapshot) => {
      messages++;
      mostTracked = Math.max(mostTracked, session.calls.size);
      if (call && m.messageType === 'BEGIN_CALL_EVENT') begun.add(call.key);
      if (call && m.messageType === 'END_CALL_EVENT' && call.ended) ended.add(call.key);
    });
    const states: SessionStateInfo[] = [];
    session.on('state', (i: SessionStateInfo) => states.push(i));
    let protocolErrors = 0;
    session.on('protocol-error', () => protocolErrors++);

    await session.open();
    assert.equal(simulator.openSessionCount, 1);

    // ---- requests, fired from event handlers for as long as the chaos lasts -------------------------------
    const pick = mulberry32(SEED ^ 0x9e3779b9);
    const settled: Promise<void>[] = [];
    const outcome = { ok: 0, rejected: {} as Record<string, number>, untyped: [] as string[] };
    let pumping = true;

    const track = (p: Promise<CtiMessage>): void => {
      settled.push(
        p.then(
          () => {
            outcome.ok++;
          },
          (err: unknown) => {
            const typed = TYPED_ERRORS.find((T) => err instanceof T);
            if (typed) outcome.rejected[typed.name] = (outcome.rejected[typed.name] ?? 0) + 1;
            else outcome.untyped.push(String(err));
          },
        ),
      );
    };
    const queryAgent = (timeoutMs?: number): void =>
      track(
        session.request(
          agentQuery(String(1001 + Math.floor(pick() * 100))),
          timeoutMs === undefined ? {} : { timeoutMs },
        ),
      );
    const setCallData = (): void => {
      const calls = session.calls.all();
      if (calls.length === 0) return queryAgent();
      const c = calls[Math.floor(pick() * calls.length)];
      track(
        session.request({
          messageType: 'SET_CALL_DATA_REQ',
          peripheralId: PERIPHERAL,
          connectionDeviceIdType: c.connectionDeviceIdType,
          connectionCallId: c.connectionCallId,
          connectionDeviceId: c.connectionDeviceId,
          callType: 0,
          calledPartyDisposition: 0,
          campaignId: 0,
          queryRuleId: 0,
          callVariable4: `chaos-${settled.length}`,
        }),
      );
    };
    session.on('message', () => {
      if (!pumping || messages % 5 !== 0) return;
      if (pick() < 0.6) setCallData();
      else queryAgent();
    });
    // A request on every state change: the ones made while the link is down must reject with CtiNotOpenError.
    session.on('state', () => {
      if (pumping) queryAgent();
    });

    // ---- the busy hour, and faults on a seeded schedule ---------------------------------------------------
    let scenarioDone = false;
    const scenario = simulator.runScenario('busy-hour', { rate: 20, calls: 150 }).then(() => {
      scenarioDone = true;
    });

    const rnd = mulberry32(SEED);
    const plan = [...FAULTS, ...FAULTS];
    for (let i = plan.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [plan[i], plan[j]] = [plan[j], plan[i]];
    }
    const gaps = plan.map(() => 20 + Math.floor(rnd() * 60));

    /** Resolves after `n` more inbound messages (just one once the scenario is over: heartbeats keep coming). */
    const afterMessages = (n: number): Promise<void> => {
      const target = messages + (scenarioDone ? 1 : n);
      return waitForEvent(session, 'message', () => messages >= target, 5000).then(() => undefined);
    };
    const nextState = (want: (i: SessionStateInfo) => boolean): Promise<SessionStateInfo> =>
      waitForEvent<[SessionStateInfo]>(session, 'state', want, 5000).then(([i]) => i);

    const injected: string[] = [];
    for (const [k, fault] of plan.entries()) {
      await afterMessages(gaps[k]);
      injected.push(`${fault}${scenarioDone ? '(after scenario)' : ''}`);
      switch (fault) {
        case 'drop': {
          const back = nextState((i) => i.state === 'open');
          simulator.faults.dropConnections();
          await back;
          break;
        }
        case 'oversized':
        case 'server-offline': {
          const back = nextState((i) => i.state === 'open');
          if (fault === 'oversized') simulator.faults.sendOversizedLength();
          else simulator.faults.sendServerOffline();
          await back;
          break;
        }
        case 'garbage': {
          // A bad body inside an intact frame: reported, the link stays (or, if it was reset, it comes back).
          const seen = firstOf(session, {
            'protocol-error': () => true,
            state: (i: SessionStateInfo) => i.state === 'failover',
          });
          simulator.faults.sendGarbage();
          await seen;
          if (session.state !== 'open') await waitForState(session, 'open');
          break;
        }
        case 'newer-type': {
          const seen = waitForEvent<[CtiMessage]>(session, 'message', (m) => m.messageType === 'UNKNOWN', 5000);
          simulator.faults.sendNewerMessageType();
          await seen;
          break;
        }
        case 'silent': {
          const dead = nextState((i) => i.state === 'failover' && /dead link/.test(i.reason));
          simulator.faults.setSilent(true);
          // Requests into a silent server: each times out or is rejected when the dead link is declared.
          for (let q = 0; q < 3; q++) queryAgent(50);
          await dead;
          const back = nextState((i) => i.state === 'open');
          simulator.faults.setSilent(false);
          await back;
          break;
        }
        case 'peripheral': {
          const off = nextState((i) => i.state === 'peripheral-offline');
          simulator.setPeripheralOnline(false);
          await off;
          const on = nextState((i) => i.state === 'open');
          simulator.setPeripheralOnline(true);
          await on;
          break;
        }
      }
    }

    let scenarioBound: NodeJS.Timeout | undefined;
    await Promise.race([
      scenario,
      new Promise((_, reject) => {
        scenarioBound = setTimeout(() => reject(new Error('the busy-hour scenario did not finish within 10 s')), 10000);
      }),
    ]);
    clearTimeout(scenarioBound);
    // The scenario's last END_CALLs: one heartbeat round trip later they have been read.
    await afterMessages(1);
    pumping = false;

    // ---- every request settled, within a bound ----------------------------------------------------------
    let bound: NodeJS.Timeout | undefined;
    const all = await Promise.race([
      Promise.allSettled(settled).then(() => 'settled' as const),
      new Promise<'hung'>((resolve) => (bound = setTimeout(() => resolve('hung'), 5000))),
    ]);
    clearTimeout(bound);
    assert.equal(all, 'settled', 'some request promise never settled');
    assert.deepEqual(outcome.untyped, [], 'every rejection is a typed session error');
    assert.ok(outcome.ok > 0, 'requests succeeded between the faults');
    assert.ok((outcome.rejected.CtiNotOpenError ?? 0) > 0, 'requests made while the link was down were refused');

    // ---- the session recovered -----------------------------------------------------------------------
    if (session.state !== 'open') await waitForState(session, 'open');
    assert.equal(session.pendingRequests, 0);
    const final = await session.request(agentQuery('1001'));
    assert.equal(final.messageType, 'QUERY_AGENT_STATE_CONF');
    // The simulator closes a reset session when it reads the reset; wait for that rather than assume it.
    while (simulator.openSessionCount > 1) await waitForEvent(simulator, 'session-close', () => true, 2000);
    assert.equal(simulator.openSessionCount, 1, 'exactly one session on the simulator');
    const linkFaults = plan.filter((f) => DROPS_LINK.has(f)).length;
    assert.ok(
      session.stats.reconnects >= linkFaults,
      `${session.stats.reconnects} reconnects for ${linkFaults} link faults`,
    );
    assert.equal(simOpens.n, session.stats.reconnects + 1, 'one simulator session per (re)open, none extra');
    assert.ok(protocolErrors >= 2, 'both garbage frames were reported');

    // ---- bounded call tracking -------------------------------------------------------------------------
    assert.ok(mostTracked <= MAX_CALLS, `up to ${mostTracked} calls were tracked at once; the bound is ${MAX_CALLS}`);
    const lost = [...begun].filter((k) => !ended.has(k));
    // A call whose END_CALL never arrived is either still tracked or was evicted: none may vanish silently.
    assert.ok(
      session.calls.size + session.calls.evicted >= lost.length,
      `${lost.length} calls lost, ${session.calls.size} tracked, ${session.calls.evicted} evicted`,
    );
    if (lost.length > MAX_CALLS)
      assert.ok(session.calls.evicted > 0, 'more calls lost than the bound: some were evicted');

    // ---- no 'error' listener was needed, nothing escaped -------------------------------------------------
    assert.equal(session.listenerCount('error'), 0);
    assert.deepEqual(escaped, [], 'no uncaught exception or unhandled rejection');

    console.log(
      `      chaos: faults ${injected.join(', ')}\n` +
        `      chaos: ${session.stats.reconnects} reconnects (${session.stats.deadLinks} dead links), ${protocolErrors} protocol errors; ` +
        `requests ${outcome.ok} ok, rejected ${JSON.stringify(outcome.rejected)}; calls begun ${begun.size}, lost ${lost.length}, ` +
        `evicted ${session.calls.evicted}, tracked ${session.calls.size} (at most ${mostTracked}); ${Date.now() - started} ms`,
    );

    // ---- nothing left behind ------------------------------------------------------------------------------
    await session.close();
    await simulator.stop();
    s = undefined;
    sim = undefined;
    assert.deepEqual(await handles.leftBehind(), {}, 'no socket or timer left behind');
  });
});
