/**
 * Lifecycle races of CtiSession against the real simulator over TCP (port 0): close() at every stage (connecting,
 * backoff, OPEN_REQ pending, requests pending, twice at once, from inside its own listeners), open() twice and
 * after close(), requests during failover, throwing listeners, a simulator restarted on its port, and
 * heartbeats switched off. Every promise must settle, the session must end 'closed' with no state event after
 * it, and no socket or timer may be left behind (so nothing can fire later).
 */
import assert from 'node:assert/strict';
import { CtiSimulator, VirtualClock } from '../../lib/simulator';
import {
  CtiConnectionError,
  CtiNotOpenError,
  CtiOpenError,
  CtiSession,
  type CtiSessionOptions,
  type SessionStateInfo,
} from '../../lib/session';
import type { CtiMessage } from '../../lib/protocol';
import { recordStates, refusingPort, settle, waitForEvent, startSimulator, waitForState } from './helpers';
import { ClientTap } from './tap';
import { trackHandles, watchEscapes, type HandleTracker } from '../support/process-watch';

const PERIPHERAL = 5000;
const NO_IDLE_TIMEOUT = 0xffffffff;

const queryAgent: CtiMessage = {
  messageType: 'QUERY_AGENT_STATE_REQ',
  peripheralId: PERIPHERAL,
  mrdid: 1,
  icmAgentId: 0,
  agentId: '1001',
};

/** Every socket and timer the test opened since `handles` started is closed again (a reset peer may take a few turns). */
async function assertNoLeaks(handles: HandleTracker): Promise<void> {
  assert.deepEqual(await handles.leftBehind(), {}, 'no socket or timer left behind');
}

/** The session reached 'closed' and said nothing after it. */
function assertEndedClosed(s: CtiSession, states: SessionStateInfo[]): void {
  assert.equal(s.state, 'closed');
  const at = states.findIndex((i) => i.state === 'closed');
  assert.ok(at >= 0, `never reached closed: ${states.map((i) => i.state).join(' → ')}`);
  assert.deepEqual(
    states.slice(at + 1).map((i) => `${i.state} (${i.reason})`),
    [],
    'no state event after closed',
  );
}

/** Settles to the error (or fails the test if it resolved). */
function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    (v) => assert.fail(`expected a rejection, got ${JSON.stringify(v)}`),
    (e: unknown) => e,
  );
}

describe('CtiSession lifecycle races', function () {
  const sims: CtiSimulator[] = [];
  const sessions: CtiSession[] = [];
  const taps: ClientTap[] = [];
  const escapes = watchEscapes();
  const escaped = escapes.escaped;

  before(() => {
    escapes.start();
  });

  after(() => {
    escapes.stop();
  });

  afterEach(async () => {
    // Only after a failure is anything still running here.
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    await Promise.all(taps.splice(0).map((t) => t.stop()));
    await Promise.all(sims.splice(0).map((s) => s.stop()));
    assert.deepEqual(escaped.splice(0), [], 'no uncaught exception or unhandled rejection');
  });

  const startSim = (over: ConstructorParameters<typeof CtiSimulator>[0] = {}): Promise<CtiSimulator> =>
    startSimulator(sims, over);

  async function startTap(port: number): Promise<ClientTap> {
    const t = new ClientTap(port);
    taps.push(t);
    await t.start();
    return t;
  }

  function make(port: number, over: Partial<CtiSessionOptions> = {}): CtiSession {
    const s = new CtiSession({
      sideA: { host: '127.0.0.1', port },
      clientId: 'lifecycle-test',
      peripheralId: PERIPHERAL,
      services: ['ALL_EVENTS', 'CLIENT_CONTROL'],
      reconnect: { initialDelayMs: 20, maxDelayMs: 200 },
      requestTimeoutMs: 5000,
      ...over,
    });
    sessions.push(s);
    return s;
  }

  // ------------------------------------------------------------------------------------------ close() races

  for (const target of ['a port that refuses', 'a listening simulator (TCP connect in flight)'] as const) {
    it(`close() twice while connecting to ${target}: open() rejects as closed, one close, nothing left`, async () => {
      const port = target === 'a port that refuses' ? await refusingPort() : (await startSim()).port;
      await settle();
      const handles = trackHandles();
      const s = make(port);
      const states = recordStates(s);
      const opened = rejection(s.open());
      await waitForState(s, 'connecting');
      assert.equal(s.state, 'connecting', 'the connect is still in flight');
      const c1 = s.close();
      const c2 = s.close();
      assert.strictEqual(c2, c1, 'a second close() joins the first');
      await Promise.all([c1, c2]);
      const err = await opened;
      assert.ok(err instanceof CtiNotOpenError, String(err));
      assert.match(err.message, /closed before it opened/);
      assert.deepEqual(
        states.map((i) => i.state),
        ['connecting', 'closing', 'closed'],
      );
      await assertNoLeaks(handles);
      assertEndedClosed(s, states);
      for (const sim of sims) assert.equal(sim.openSessionCount, 0);
    });
  }

  it('close() while waiting in backoff: the pending open() rejects as closed, the retry timer is gone', async () => {
    const port = await refusingPort();
    await settle();
    const handles = trackHandles();
    // A long backoff: only close() can end this wait in time.
    const s = make(port, { reconnect: { initialDelayMs: 60000, maxDelayMs: 60000, jitter: 0 } });
    const states = recordStates(s);
    const firstRound = await rejection(s.open());
    assert.ok(firstRound instanceof CtiConnectionError, String(firstRound));
    assert.equal(s.state, 'failover');
    assert.equal(states[states.length - 1].nextAttemptInMs, 60000);
    // An open() made during the backoff waits for the next attempt; close() must settle it.
    const waiting = rejection(s.open());
    await s.close();
    const err = await waiting;
    assert.ok(err instanceof CtiNotOpenError, String(err));
    assert.match(err.message, /closed before it opened/);
    await assertNoLeaks(handles);
    assertEndedClosed(s, states);
  });

  it('close() while OPEN_REQ waits for its answer (simulator delayed): open() rejects, no session opened', async () => {
    // A virtual clock that never advances: the simulator holds the OPEN_REQ for good and keeps no real timer.
    const sim = await startSim({ clock: new VirtualClock() });
    sim.faults.setDelay(1000);
    const tap = await startTap(sim.port);
    await settle();
    const handles = trackHandles();
    const s = make(tap.port);
    const states = recordStates(s);
    const opened = rejection(s.open());
    await waitForEvent(tap, 'message', (m: CtiMessage) => m.messageType === 'OPEN_REQ');
    assert.equal(s.state, 'connecting');
    await s.close();
    const err = await opened;
    assert.ok(err instanceof CtiNotOpenError, String(err));
    assert.match(err.message, /closed before it opened/);
    await assertNoLeaks(handles);
    assertEndedClosed(s, states);
    assert.equal(sim.openSessionCount, 0);
  });

  it('close() with requests pending: each rejects with CtiNotOpenError, close() resolves, nothing left', async () => {
    const sim = await startSim({ clock: new VirtualClock() });
    await settle();
    const handles = trackHandles();
    const s = make(sim.port, { closeTimeoutMs: 200 });
    const states = recordStates(s);
    await s.open();
    sim.faults.setDelay(1000); // virtual time stands still: no answer, CLOSE_CONF included, ever comes
    const pending = [1001, 1002, 1003].map((a) => rejection(s.request({ ...queryAgent, agentId: String(a) })));
    assert.equal(s.pendingRequests, 3);
    await s.close();
    for (const err of await Promise.all(pending)) {
      assert.ok(err instanceof CtiNotOpenError, String(err));
      assert.match(err.message, /QUERY_AGENT_STATE_REQ \(invokeId \d+\) was pending when the session was closed/);
    }
    assert.equal(s.pendingRequests, 0);
    await assert.rejects(s.request(queryAgent), CtiNotOpenError);
    await assertNoLeaks(handles);
    assertEndedClosed(s, states);
  });

  it('close() twice on an open session: one CLOSE_REQ, one closing → closed, a later close() is a no-op', async () => {
    const sim = await startSim();
    await settle();
    const handles = trackHandles();
    const s = make(sim.port);
    await s.open();
    const states = recordStates(s);
    const closes: string[] = [];
    sim.on('session-close', (i: { reason?: string }) => closes.push(i.reason ?? ''));
    const c1 = s.close();
    const c2 = s.close();
    assert.strictEqual(c2, c1);
    await Promise.all([c1, c2]);
    await s.close();
    assert.deepEqual(
      states.map((i) => i.state),
      ['closing', 'closed'],
    );
    await assertNoLeaks(handles);
    assert.deepEqual(closes, ['closed by client'], 'the simulator got exactly one CLOSE_REQ');
    assertEndedClosed(s, states);
  });

  it('close() racing a dropped link: the drop ends the CLOSE_CONF wait, no failover after closing', async () => {
    const sim = await startSim({ clock: new VirtualClock() });
    await settle();
    const handles = trackHandles();
    // closeTimeoutMs beyond the test timeout: only the drop can end the wait.
    const s = make(sim.port, { closeTimeoutMs: 60000 });
    await s.open();
    const states = recordStates(s);
    sim.faults.setDelay(1000); // CLOSE_REQ is never answered
    const closing = s.close();
    assert.equal(s.state, 'closing');
    sim.faults.dropConnections();
    await closing;
    assert.deepEqual(
      states.map((i) => i.state),
      ['closing', 'closed'],
    );
    await assertNoLeaks(handles);
    assertEndedClosed(s, states);
  });

  // close() from the session's own listeners: the call comes in the middle of the session's own code path, which
  // must not carry on (schedule a retry, connect) once the session is closed.
  for (const where of [
    "a 'state' listener on failover",
    "a 'state' listener on connecting",
    "an 'error' listener",
  ] as const) {
    it(`close() from ${where} leaves the session closed for good`, async () => {
      const sim = await startSim();
      await settle();
      const handles = trackHandles();
      const s = make(sim.port);
      const states = recordStates(s);
      let closing: Promise<void> | undefined;
      if (where === "a 'state' listener on connecting") {
        s.on('state', (i: SessionStateInfo) => {
          if (i.state === 'connecting' && !closing) closing = s.close();
        });
        const err = await rejection(s.open());
        assert.ok(err instanceof CtiNotOpenError, String(err));
      } else {
        await s.open();
        if (where === "an 'error' listener") {
          s.on('error', () => {
            closing ??= s.close();
          });
        } else {
          s.on('state', (i: SessionStateInfo) => {
            if (i.state === 'failover' && !closing) closing = s.close();
          });
        }
        const closed = waitForState(s, 'closed');
        sim.faults.dropConnections();
        await closed;
      }
      assert.ok(closing, 'the listener called close()');
      await closing;
      await assertNoLeaks(handles);
      assertEndedClosed(s, states);
      assert.equal(sim.openSessionCount, 0);
    });
  }

  it('close() after the session gave up resolves without announcing closed a second time', async () => {
    const sim = await startSim({ password: 'right' });
    await settle();
    const handles = trackHandles();
    const s = make(sim.port, { clientPassword: 'wrong', reconnect: { initialDelayMs: 20, maxOpenFailures: 1 } });
    const states = recordStates(s);
    const gaveUp = waitForState(s, 'closed');
    const err = await rejection(s.open());
    assert.ok(err instanceof CtiOpenError, String(err));
    const info = await gaveUp;
    assert.match(info.reason, /gave up after 1 refused OPEN_REQ/);
    await s.close();
    await assertNoLeaks(handles);
    assertEndedClosed(s, states);
    assert.match(states[states.length - 1].reason, /gave up/, 'the last word is still why it gave up');
  });

  // ------------------------------------------------------------------------------------------ open() races

  it('open() twice (at once, and while OPEN_REQ is pending) returns the same promise: one OPEN_REQ, one session', async () => {
    const clock = new VirtualClock();
    const sim = await startSim({ clock });
    sim.faults.setDelay(500);
    const tap = await startTap(sim.port);
    const s = make(tap.port);
    const states = recordStates(s);
    const p1 = s.open();
    const p2 = s.open();
    assert.strictEqual(p2, p1);
    await waitForEvent(tap, 'message', (m: CtiMessage) => m.messageType === 'OPEN_REQ');
    const p3 = s.open();
    assert.strictEqual(p3, p1, 'open() while OPEN_REQ is pending joins it');
    // The tap has seen the OPEN_REQ; release it once the simulator holds it (its delay is then a pending timer).
    for (let i = 0; i < 200 && clock.pendingTimers === 0; i++) await settle();
    assert.equal(clock.pendingTimers, 1, 'the simulator holds the OPEN_REQ');
    const opened = waitForEvent(sim, 'session-open');
    await clock.advance(500);
    await opened;
    const [c1, c3] = await Promise.all([p1, p3]);
    assert.equal(c1.messageType, 'OPEN_CONF');
    assert.strictEqual(c3, c1);
    assert.strictEqual(await s.open(), c1, 'open() once open resolves with the OPEN_CONF');
    assert.equal(tap.of('OPEN_REQ').length, 1);
    assert.deepEqual(
      states.map((i) => (i.phase ? `${i.state} (${i.phase})` : i.state)),
      ['connecting (tcp)', 'connecting (handshake)', 'open'],
    );
    assert.equal(sim.openSessionCount, 1);
  });

  it('open() while closing rejects clearly; open() after close() re-opens cleanly on a fresh session', async () => {
    const sim = await startSim();
    const s = make(sim.port);
    const first = await s.open();
    const closing = s.close();
    const err = await rejection(s.open());
    assert.ok(err instanceof CtiNotOpenError, String(err));
    assert.match(err.message, /open\(\) called while the session is closing/);
    const simClosed = waitForEvent(sim, 'session-close');
    await closing;
    await simClosed;
    assert.equal(sim.openSessionCount, 0);

    const states = recordStates(s);
    const again = await s.open();
    assert.equal(again.messageType, 'OPEN_CONF');
    assert.notStrictEqual(again, first, 'a new OPEN_CONF');
    assert.strictEqual(s.openConf, again);
    assert.deepEqual(
      states.map((i) => (i.phase ? `${i.state} (${i.phase})` : i.state)),
      ['connecting (tcp)', 'connecting (handshake)', 'open'],
    );
    // Events sent while it was closed were not seen (and calls tracked before may be stale): the flag says so.
    assert.equal(states[2].eventsMayHaveBeenMissed, true);
    assert.equal(sim.openSessionCount, 1);
    assert.equal((await s.request(queryAgent)).messageType, 'QUERY_AGENT_STATE_CONF');
    // And it closes again like the first time.
    await s.close();
    assert.equal(s.state, 'closed');
  });

  // ------------------------------------------------------------------------------------------ while running

  it('request() during failover rejects at once with CtiNotOpenError, nothing left pending', async () => {
    const sim = await startSim();
    const s = make(sim.port, { reconnect: { initialDelayMs: 50, maxDelayMs: 200, jitter: 0 } });
    await s.open();
    let during: Promise<unknown> | undefined;
    s.on('state', (i: SessionStateInfo) => {
      if (i.state === 'failover' && !during) during = rejection(s.request(queryAgent));
    });
    const failover = waitForState(s, 'failover');
    const reopened = waitForState(s, 'open');
    sim.faults.dropConnections();
    await failover;
    assert.ok(during, 'a request was made during failover');
    // "At once": settled before the event loop turns, not by a timeout.
    const outcome = await Promise.race([
      during,
      new Promise((resolve) => setImmediate(() => resolve('still pending'))),
    ]);
    assert.ok(outcome instanceof CtiNotOpenError, String(outcome));
    assert.equal(outcome.state, 'failover');
    assert.match(outcome.message, /cannot send QUERY_AGENT_STATE_REQ: the CTI session is failover, not open/);
    assert.equal(s.pendingRequests, 0);
    await reopened;
    assert.equal((await s.request(queryAgent)).messageType, 'QUERY_AGENT_STATE_CONF');
  });

  it("a throwing 'message' / 'state' listener is reported on 'warning'; the session and later listeners carry on", async () => {
    const sim = await startSim();
    const s = make(sim.port);
    const warnings: string[] = [];
    s.on('warning', (e: Error) => warnings.push(e.message));
    s.on('warning', () => {
      throw new Error('even a throwing warning listener is survived');
    });
    s.on('state', () => {
      throw new Error('boom in state');
    });
    s.on('message', () => {
      throw new Error('boom in message');
    });
    s.on('OPEN_CONF', () => {
      throw new Error('boom in OPEN_CONF');
    });
    // Registered after the throwing ones, as a second node on the same session would be.
    const states = recordStates(s);
    const messages: string[] = [];
    s.on('message', (m: CtiMessage) => messages.push(m.messageType));

    const conf = await s.open();
    assert.equal(conf.messageType, 'OPEN_CONF');
    assert.equal(s.state, 'open');
    assert.ok(warnings.includes('boom in state'), warnings.join('; '));
    assert.ok(warnings.includes('boom in message'), warnings.join('; '));
    assert.ok(warnings.includes('boom in OPEN_CONF'), warnings.join('; '));
    assert.ok(
      states.some((i) => i.state === 'open'),
      'a later state listener still saw open',
    );
    assert.ok(messages.includes('OPEN_CONF'), 'a later message listener still saw OPEN_CONF');
    assert.equal((await s.request(queryAgent)).messageType, 'QUERY_AGENT_STATE_CONF');
    assert.ok(messages.includes('QUERY_AGENT_STATE_CONF'));
    // A drop is still handled (failover, re-open) with the throwing listeners in place.
    const reopened = waitForState(s, 'open');
    sim.faults.dropConnections();
    await reopened;
    assert.equal(sim.openSessionCount, 1);
  });

  it('the simulator stopped and restarted on the same port: backoff while it is down, re-open by itself', async () => {
    const sim = await startSim();
    const port = sim.port;
    const s = make(port, {
      heartbeatIntervalMs: 200,
      reconnect: { initialDelayMs: 20, maxDelayMs: 1000, factor: 2, jitter: 0 },
    });
    await s.open();
    const states = recordStates(s);
    const failovers = (): SessionStateInfo[] => states.filter((i) => i.state === 'failover');
    // The drop, then two refused reconnects.
    const thirdFailover = waitForEvent(s, 'state', () => failovers().length >= 3);
    await sim.stop();
    await thirdFailover;
    await sim.start();
    assert.equal(sim.port, port, 'listening again on the port it had');
    const info = await waitForState(s, 'open');
    assert.equal(info.eventsMayHaveBeenMissed, true);
    assert.equal(info.reconnects, 1);
    const delays = failovers().map((i) => i.nextAttemptInMs ?? -1);
    assert.deepEqual(delays.slice(0, 3), [20, 40, 80], 'each refused attempt doubles the wait (jitter 0)');
    assert.ok(s.stats.attempts >= 4, `${s.stats.attempts} attempts`);
    assert.equal(sim.openSessionCount, 1);
    assert.equal((await s.request(queryAgent)).messageType, 'QUERY_AGENT_STATE_CONF');
  });

  it('heartbeats off: OPEN_REQ IdleTimeout is 0xFFFFFFFF and a dropped TCP connection is still detected', async () => {
    const sim = await startSim();
    const s = make(sim.port, { heartbeatInterval: 0 });
    const opens: Array<{ idleTimeout?: number }> = [];
    sim.on('session-open', (i: { idleTimeout?: number }) => opens.push(i));
    await s.open();
    assert.equal(opens[0]?.idleTimeout, NO_IDLE_TIMEOUT, 'IdleTimeout 0xFFFFFFFF: no heartbeats will come');
    const failover = waitForState(s, 'failover');
    const reopened = waitForState(s, 'open');
    sim.faults.dropConnections();
    const dropped = await failover;
    assert.ok(dropped.lastError instanceof CtiConnectionError, String(dropped.lastError));
    assert.equal(s.stats.linkDrops, 1);
    assert.equal(s.stats.deadLinks, 0, 'detected by TCP, not by a heartbeat');
    await reopened;
    assert.equal(opens.length, 2);
    assert.equal(opens[1].idleTimeout, NO_IDLE_TIMEOUT, 'the re-open asks for the same');
    assert.equal(sim.openSessionCount, 1);
  });
});
