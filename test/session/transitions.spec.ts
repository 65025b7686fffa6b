/**
 * The session's state machine (transitions.ts): every transition of the table, walked twice —
 * 1. on the machine alone: each row does exactly its effects in the documented order and lands in its state; each
 *    event a state does not list is refused without doing anything; a listener that moves the machine on during
 *    the announcement stops the rest of the transition;
 * 2. on a real CtiSession against the simulator (real TCP): scenarios that together take every row of the table,
 *    observed through the session's 'transition' event, each checked for what the user sees.
 */
import assert from 'node:assert/strict';
import { CtiSimulator, CtiSimulatorPair, VirtualClock } from '../../lib/simulator';
import { CtiSession, type CtiSessionOptions, type SessionStateInfo } from '../../lib/session';
import { SessionMachine, type MachineHooks } from '../../lib/session/state-machine';
import {
  SESSION_EVENTS,
  SESSION_STATES,
  TRANSITIONS,
  type SessionEvent,
  type Transition,
} from '../../lib/session/transitions';
import type { SessionTransitionInfo } from '../../lib/session';
import type { SessionState } from '../../lib/session';
import { recordStates, refusingPort, waitForEvent, waitForState } from './helpers';

const PERIPHERAL = 5000;

/** Every (state, event) row of the table as "state:event". */
function tableRows(): string[] {
  const rows: string[] = [];
  for (const state of SESSION_STATES) {
    for (const event of SESSION_EVENTS) if (TRANSITIONS[state][event]) rows.push(`${state}:${event}`);
  }
  return rows;
}

/** The hook calls a transition must make, in the order the machine documents. */
function expectedCalls(tr: Transition): string[] {
  const calls: string[] = [];
  if (tr.retryTimer === 'clear') calls.push('clearRetryTimer');
  if (tr.openTimer === 'clear') calls.push('clearOpenTimer');
  if (tr.heartbeat === 'stop') calls.push('stopHeartbeat');
  if (tr.link === 'retire' || tr.link === 'replace') calls.push('retireLink');
  if (tr.pending === 'reject') calls.push('rejectPending');
  if (tr.openTimer === 'arm') calls.push('armOpenTimer');
  if (tr.heartbeat === 'start') calls.push('startHeartbeat');
  if (tr.retryTimer === 'arm') calls.push('armRetryTimer');
  calls.push(`announce:${tr.to}`);
  if (tr.link === 'connect' || tr.link === 'replace') calls.push('connectLink');
  return calls;
}

function recordingHooks(calls: string[], onAnnounce?: () => void): MachineHooks {
  const rec = (name: string) => () => {
    calls.push(name);
  };
  return {
    clearRetryTimer: rec('clearRetryTimer'),
    armRetryTimer: rec('armRetryTimer'),
    armOpenTimer: rec('armOpenTimer'),
    clearOpenTimer: rec('clearOpenTimer'),
    startHeartbeat: rec('startHeartbeat'),
    stopHeartbeat: rec('stopHeartbeat'),
    retireLink: rec('retireLink'),
    rejectPending: rec('rejectPending'),
    connectLink: rec('connectLink'),
    announce: (tr) => {
      calls.push(`announce:${tr.to}`);
      onAnnounce?.();
    },
  };
}

describe('CtiSession state machine: the table', function () {
  it('every row does its effects in order and lands in its state', () => {
    for (const state of SESSION_STATES) {
      for (const event of SESSION_EVENTS) {
        const tr = TRANSITIONS[state][event];
        if (!tr) continue;
        const calls: string[] = [];
        const seen: string[] = [];
        const m = new SessionMachine(recordingHooks(calls), (t) => seen.push(`${t.from}:${t.event}`), state);
        assert.equal(m.accepts(event), true);
        assert.equal(m.fire(event), true, `${state}:${event}`);
        assert.equal(m.state, tr.to, `${state}:${event} lands in ${tr.to}`);
        assert.deepEqual(calls, expectedCalls(tr), `${state}:${event}`);
        assert.deepEqual(seen, [`${state}:${event}`]);
        assert.ok(tr.why.length > 10, `${state}:${event} says why`);
      }
    }
  });

  it('an event a state does not list is refused and does nothing', () => {
    let refused = 0;
    for (const state of SESSION_STATES) {
      for (const event of SESSION_EVENTS) {
        if (TRANSITIONS[state][event]) continue;
        const calls: string[] = [];
        const m = new SessionMachine(recordingHooks(calls), undefined, state);
        assert.equal(m.accepts(event), false);
        assert.equal(m.fire(event), false, `${state}:${event} is refused`);
        assert.equal(m.state, state);
        assert.equal(m.generation, 0);
        assert.deepEqual(calls, [], `${state}:${event} does nothing`);
        refused++;
      }
    }
    assert.ok(refused > 0);
  });

  it('the table keeps its promises: links only connect from a linkless state, closed is reached only by stopping', () => {
    for (const state of SESSION_STATES) {
      for (const event of SESSION_EVENTS) {
        const tr = TRANSITIONS[state][event];
        if (!tr) continue;
        const where = `${state}:${event}`;
        if (tr.link === 'connect') {
          assert.ok(['idle', 'failover', 'closed'].includes(state), `${where} connects only when no link exists`);
          assert.equal(tr.to, 'connecting', where);
        }
        if (tr.to === 'failover') {
          assert.equal(tr.link, 'retire', `${where}: failover has no link`);
          assert.equal(tr.pending, 'reject', `${where}: nothing stays pending without a link`);
          assert.equal(tr.retryTimer, 'arm', `${where}: failover always has its next attempt scheduled`);
        }
        if (tr.to === 'closed' && state !== 'closed' && state !== 'idle') {
          assert.equal(tr.link, 'retire', `${where}: closed keeps no link`);
          assert.equal(tr.retryTimer, 'clear', `${where}: closed schedules nothing`);
        }
        if (tr.heartbeat === 'start')
          assert.ok(tr.openTimer === 'clear', `${where}: heartbeats start once OPEN_CONF is in`);
      }
    }
  });

  it('a listener that moves the machine on during the announcement stops the rest of the transition', () => {
    const calls: string[] = [];
    let m: SessionMachine | undefined;
    let reentered = false;
    // eslint-disable-next-line prefer-const -- declared apart on purpose: the hook may run before `m` is assigned
    m = new SessionMachine(
      recordingHooks(calls, () => {
        if (!reentered && m?.state === 'connecting') {
          reentered = true;
          m.fire('close');
        }
      }),
      undefined,
      'failover',
    );
    m.fire('retry-due');
    assert.equal(m.state, 'closing');
    assert.ok(!calls.includes('connectLink'), `no connect after the listener closed: ${calls.join(', ')}`);
  });
});

// ------------------------------------------------------------------------------------------ on a real session

describe('CtiSession state machine: every transition on a real session', function () {
  const taken = new Set<string>();
  const sims: Array<CtiSimulator | CtiSimulatorPair> = [];
  const sessions: CtiSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    await Promise.all(sims.splice(0).map((s) => s.stop()));
  });

  async function startSim(over: ConstructorParameters<typeof CtiSimulator>[0] = {}): Promise<CtiSimulator> {
    const sim = new CtiSimulator({ host: '127.0.0.1', port: 0, peripheralId: PERIPHERAL, ...over });
    sims.push(sim);
    await sim.start();
    return sim;
  }

  async function startPair(): Promise<CtiSimulatorPair> {
    const pair = new CtiSimulatorPair({ peripheralId: PERIPHERAL });
    sims.push(pair);
    await pair.start();
    return pair;
  }

  function make(port: number, over: Partial<CtiSessionOptions> = {}): CtiSession {
    const s = new CtiSession({
      sideA: { host: '127.0.0.1', port },
      clientId: 'transition-walk',
      peripheralId: PERIPHERAL,
      heartbeatIntervalMs: 200,
      reconnect: { initialDelayMs: 10, maxDelayMs: 50 },
      ...over,
    });
    s.on('transition', (t: SessionTransitionInfo) => taken.add(`${t.from}:${t.event}`));
    sessions.push(s);
    return s;
  }

  /** Resolves once the session has taken `from:event`. */
  function took(s: CtiSession, from: SessionState, event: SessionEvent): Promise<unknown> {
    return waitForEvent<[SessionTransitionInfo]>(s, 'transition', (t) => t.from === from && t.event === event);
  }

  it('open, peripheral offline/online, drops while open and while peripheral-offline, close', async () => {
    const sim = await startSim();
    const s = make(sim.port);
    const states = recordStates(s);
    await s.open();
    const off = waitForState(s, 'peripheral-offline');
    sim.setPeripheralOnline(false);
    await off;
    const on = waitForState(s, 'open');
    sim.setPeripheralOnline(true);
    await on;
    let reopened = took(s, 'connecting', 'opened');
    sim.faults.dropConnections(); // open:link-failed
    await reopened;
    const offAgain = waitForState(s, 'peripheral-offline');
    sim.setPeripheralOnline(false);
    await offAgain;
    reopened = took(s, 'connecting', 'opened-offline'); // the simulator's OPEN_CONF says the peripheral is offline
    sim.faults.dropConnections(); // peripheral-offline:link-failed
    await reopened;
    assert.equal(s.state, 'peripheral-offline');
    await s.close(); // peripheral-offline:close, closing:close-done
    assert.deepEqual(
      states.map((i) => i.state),
      [
        'connecting',
        'connecting',
        'open',
        'peripheral-offline',
        'open',
        'failover',
        'connecting',
        'connecting',
        'open',
        'peripheral-offline',
        'failover',
        'connecting',
        'connecting',
        'peripheral-offline',
        'closing',
        'closed',
      ],
    );
  });

  it('reconnect disabled: a drop while open, then while peripheral-offline, ends closed; open() again revives it', async () => {
    const sim = await startSim();
    const s = make(sim.port, { reconnect: { enabled: false } });
    await s.open();
    let closed = waitForState(s, 'closed');
    sim.faults.dropConnections(); // open:give-up
    assert.match((await closed).reason, /reconnect is disabled/);
    await s.open(); // closed:open, closed:retry-due
    const off = waitForState(s, 'peripheral-offline');
    sim.setPeripheralOnline(false);
    await off;
    closed = waitForState(s, 'closed');
    sim.faults.dropConnections(); // peripheral-offline:give-up
    await closed;
    await s.close(); // closed:close — quietly
    assert.equal(s.state, 'closed');
  });

  it('failing attempts: refused connect, close in backoff, close while connecting, close before open()', async () => {
    const port = await refusingPort();
    const s = make(port);
    const failover = waitForState(s, 'failover');
    const opening = s.open().catch((e: unknown) => e); // connecting:link-failed
    await failover;
    await took(s, 'failover', 'retry-due');
    await waitForState(s, 'failover');
    await s.close(); // failover:close
    await opening;

    const s2 = make(port);
    const s2Closed = waitForState(s2, 'closed');
    s2.on('state', (i: SessionStateInfo) => {
      if (i.state === 'connecting') void s2.close(); // connecting:close
    });
    await s2.open().catch(() => undefined);
    await s2Closed;

    const s3 = make(port);
    await s3.close(); // idle:close
    assert.equal(s3.state, 'closed');
  });

  it("version 'auto' against an older server: each refused version is replaced by the next one down", async () => {
    const sim = await startSim({ versions: [15, 23] });
    const s = make(sim.port);
    const stepped = took(s, 'connecting', 'version-refused');
    await s.open();
    await stepped;
    assert.equal(s.version, 23);
  });

  it('an OPEN_REQ refused for good: gives up', async () => {
    const sim = await startSim({ password: 'right' });
    const s = make(sim.port, { clientPassword: 'wrong', reconnect: { maxOpenFailures: 1 } });
    const closed = waitForState(s, 'closed');
    await s.open().catch(() => undefined); // connecting:give-up
    assert.match((await closed).reason, /gave up after 1 refused OPEN_REQ/);
  });

  it('the link drops while close() waits for CLOSE_CONF', async () => {
    const sim = await startSim({ clock: new VirtualClock() });
    const s = make(sim.port, { closeTimeoutMs: 60000, heartbeatIntervalMs: 0 });
    await s.open();
    sim.faults.setDelay(1000); // virtual time stands still: CLOSE_CONF never comes
    const closing = s.close();
    const dropped = took(s, 'closing', 'link-failed');
    sim.faults.dropConnections();
    await dropped;
    await closing;
    assert.equal(s.state, 'closed');
  });

  it('standby side: waits, becomes active and opens; close, drop and give-up while standby', async () => {
    const pair = await startPair();
    // Side B is the standby: a session with B as its only side stays there.
    const s = make(pair.sideB.port);
    const standby = waitForState(s, 'standby'); // connecting:standby-conf
    void s.open();
    await standby;
    const opened = took(s, 'standby', 'opened');
    await pair.switchover(); // standby:conf-accepted, standby:opened
    await opened;
    assert.equal(s.state, 'open');

    // A fresh standby session per ending.
    const ending = async (how: 'close' | 'drop' | 'give-up'): Promise<void> => {
      const t = make(pair.standby.port, how === 'give-up' ? { reconnect: { enabled: false } } : {});
      const st = waitForState(t, 'standby');
      void t.open().catch(() => undefined);
      await st;
      if (how === 'close') {
        await t.close(); // standby:close
      } else {
        const next = took(t, 'standby', how === 'drop' ? 'link-failed' : 'give-up');
        pair.standby.faults.dropConnections();
        await next;
      }
    };
    await ending('close');
    await ending('drop');
    await ending('give-up');
  });

  it('standby side whose OPEN_CONF says the peripheral is offline opens as peripheral-offline', async () => {
    const pair = await startPair();
    pair.sideB.setPeripheralOnline(false);
    const s = make(pair.sideB.port);
    const standby = waitForState(s, 'standby');
    void s.open();
    await standby;
    const opened = took(s, 'standby', 'opened-offline');
    await pair.switchover();
    await opened;
    assert.equal(s.state, 'peripheral-offline');
  });

  it('took every transition of the table', () => {
    const missing = tableRows().filter((r) => !taken.has(r));
    assert.deepEqual(missing, [], 'transitions no scenario took');
    const unknown = [...taken].filter((r) => !tableRows().includes(r));
    assert.deepEqual(unknown, [], 'transitions taken that the table does not have');
  });
});
