/**
 * The session's state machine (transitions.ts): every transition of the table, walked twice —
 * 1. on the machine alone, against expectations written out by hand (EXPECTED, not derived from the table): each
 *    row lands in its state and does exactly its effects in the documented order; each event a state does not list
 *    is refused without doing anything; a listener that moves the machine on during the announcement stops the
 *    rest of the transition;
 * 2. on a real CtiSession against the simulator (real TCP): scenarios that together take every row of the table,
 *    observed through the session's 'transition' event, each checked for what the user sees.
 */
import assert from 'node:assert/strict';
import { CtiSimulator, CtiSimulatorPair, VirtualClock } from '../../lib/simulator';
import { CtiSession, type CtiSessionOptions, type SessionStateInfo } from '../../lib/session';
import { SessionMachine, type MachineHooks } from '../../lib/session/state-machine';
import { SESSION_EVENTS, SESSION_STATES, TRANSITIONS, type SessionEvent } from '../../lib/session/transitions';
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

/**
 * What each row must do, written out by hand from what the session needs (not derived from the table or from
 * fire()): the state it lands in, then the hooks in the order the machine documents (retry timer cleared, open
 * timer cleared, heartbeat stopped, link retired, standby session promoted or dropped, pending rejected, OPEN_REQ
 * sent or activation deadline armed, heartbeat started, retry timer armed, standby OPEN_CONF held, failure
 * recorded, announced or quiet, open() answered, standby session held, OPEN_CONF accepted, link connected), and what
 * close() goes on with.
 */
/** What open and peripheral-offline share: failures, close, and the hot standby (they stay where they are). */
function openRows(state: 'open' | 'peripheral-offline'): Record<string, string> {
  return {
    [`${state}:link-failed`]:
      'failover | clearOpenTimer stopHeartbeat retireLink dropStandby rejectPending:lost armRetryTimer:backoff recordFailure:open said',
    [`${state}:give-up`]:
      'closed | clearRetryTimer clearOpenTimer stopHeartbeat retireLink dropStandby rejectPending:lost recordFailure:open said',
    [`${state}:close`]: 'closing | clearRetryTimer clearOpenTimer stopHeartbeat dropStandby said | close:goodbye',
    [`${state}:standby-held`]: `${state} | said`,
    [`${state}:standby-lost`]: `${state} | said`,
    [`${state}:other-side-active`]:
      'standby | retireLink promoteStandby rejectPending:lost recordFailure:open quiet acceptConf',
    [`${state}:active-lost`]:
      'standby | retireLink promoteStandby rejectPending:lost armActivationDeadline recordFailure:open said',
    [`${state}:maintenance-asked`]: `${state} | quiet maintenance:answer`,
    [`${state}:maintenance-cancelled`]: `${state} | quiet maintenance:forget`,
    // The old link drains (not retired, pending requests kept: it still answers them); nothing is a failure.
    [`${state}:switchover`]: 'standby | drainLink promoteStandby quiet maintenance:forget acceptConf:move',
  };
}

const EXPECTED: Readonly<Record<string, string>> = {
  'idle:open': 'idle | armRetryTimer:restart quiet',
  'idle:retry-due': 'connecting | clearRetryTimer said connectLink',
  'idle:close': 'closed | clearRetryTimer said',
  'connecting:tcp-up': 'connecting | armOpenTimer said',
  'connecting:version-refused': 'connecting | clearOpenTimer retireLink rejectPending:lost said connectLink',
  'connecting:conf-accepted': 'connecting | clearOpenTimer startHeartbeat quiet acceptConf',
  'connecting:standby-conf': 'standby | clearOpenTimer startHeartbeat holdConf said',
  'connecting:opened': 'open | said answerOpen:resolve holdStandby',
  'connecting:opened-offline': 'peripheral-offline | said answerOpen:resolve holdStandby',
  'connecting:link-failed':
    'failover | clearOpenTimer stopHeartbeat retireLink dropStandby rejectPending:lost armRetryTimer:backoff recordFailure:attempt said',
  'connecting:give-up':
    'closed | clearRetryTimer clearOpenTimer stopHeartbeat retireLink dropStandby rejectPending:lost recordFailure:attempt said',
  'connecting:close':
    'closing | clearRetryTimer clearOpenTimer stopHeartbeat retireLink dropStandby rejectPending:closed said | close:drop',
  'connecting:maintenance-asked': 'connecting | quiet maintenance:answer',
  'standby:standby-active': 'standby | clearOpenTimer quiet acceptConf',
  'standby:opened': 'open | said answerOpen:resolve holdStandby',
  'standby:opened-offline': 'peripheral-offline | said answerOpen:resolve holdStandby',
  'standby:link-failed':
    'failover | clearOpenTimer stopHeartbeat retireLink dropStandby rejectPending:lost armRetryTimer:backoff recordFailure:standby said',
  'standby:give-up':
    'closed | clearRetryTimer clearOpenTimer stopHeartbeat retireLink dropStandby rejectPending:lost recordFailure:standby said',
  'standby:close': 'closing | clearRetryTimer clearOpenTimer stopHeartbeat dropStandby said | close:goodbye',
  ...openRows('open'),
  'open:open': 'open | quiet answerOpen:resolve',
  'open:peripheral-offline': 'peripheral-offline | said',
  ...openRows('peripheral-offline'),
  'peripheral-offline:open': 'peripheral-offline | quiet answerOpen:resolve',
  'peripheral-offline:peripheral-online': 'open | said',
  'failover:retry-due': 'connecting | clearRetryTimer said connectLink',
  'failover:close':
    'closing | clearRetryTimer clearOpenTimer stopHeartbeat retireLink dropStandby rejectPending:closed said | close:drop',
  'closing:open': 'closing | quiet answerOpen:refuse',
  'closing:link-failed': 'closing | clearOpenTimer stopHeartbeat retireLink dropStandby rejectPending:lost quiet',
  'closing:give-up': 'closing | clearOpenTimer stopHeartbeat retireLink dropStandby rejectPending:lost quiet',
  'closing:maintenance-asked': 'closing | quiet maintenance:accept',
  'closing:close-done':
    'closed | clearRetryTimer clearOpenTimer stopHeartbeat retireLink dropStandby rejectPending:closed said',
  'closed:open': 'closed | armRetryTimer:restart quiet',
  'closed:retry-due': 'connecting | clearRetryTimer said connectLink',
  'closed:close':
    'closed | clearRetryTimer clearOpenTimer stopHeartbeat retireLink dropStandby rejectPending:closed quiet',
};

function recordingHooks(calls: string[], onAnnounce?: () => void): MachineHooks {
  const rec = (name: string) => () => {
    calls.push(name);
  };
  return {
    clearRetryTimer: rec('clearRetryTimer'),
    armRetryTimer: (step) => calls.push(`armRetryTimer:${step.transition.retryTimer}`),
    armOpenTimer: rec('armOpenTimer'),
    clearOpenTimer: rec('clearOpenTimer'),
    startHeartbeat: rec('startHeartbeat'),
    stopHeartbeat: rec('stopHeartbeat'),
    retireLink: rec('retireLink'),
    drainLink: rec('drainLink'),
    promoteStandby: rec('promoteStandby'),
    dropStandby: rec('dropStandby'),
    armActivationDeadline: rec('armActivationDeadline'),
    holdStandby: rec('holdStandby'),
    rejectPending: (step) => calls.push(`rejectPending:${step.transition.pending}`),
    holdConf: rec('holdConf'),
    acceptConf: (step) => calls.push(step.transition.conf === 'move' ? 'acceptConf:move' : 'acceptConf'),
    maintenance: (step) => calls.push(`maintenance:${step.transition.maintenance}`),
    recordFailure: (step) => calls.push(`recordFailure:${step.transition.lost}`),
    announce: (step) => {
      calls.push(step.transition.announce ? 'said' : 'quiet');
      onAnnounce?.();
    },
    answerOpen: (step) => calls.push(`answerOpen:${step.transition.conf}`),
    connectLink: rec('connectLink'),
  };
}

const DETAIL = { reason: 'test' };

describe('CtiSession state machine: the table', function () {
  it('has exactly the rows written out above', () => {
    assert.deepEqual([...tableRows()].sort(), Object.keys(EXPECTED).sort());
  });

  it('every row lands where it should and does what it should, in order', () => {
    for (const row of Object.keys(EXPECTED)) {
      const [state, event] = row.split(':') as [SessionState, SessionEvent];
      const calls: string[] = [];
      const seen: string[] = [];
      const m = new SessionMachine(recordingHooks(calls), (t) => seen.push(`${t.from}:${t.event}`), state);
      assert.equal(m.accepts(event), true, row);
      const tr = m.fire(event, DETAIL);
      assert.ok(tr, row);
      const [to, hooks, close] = EXPECTED[row].split(' | ');
      assert.equal(m.state, to, `${row} lands in ${to}`);
      assert.equal(calls.join(' '), hooks, row);
      assert.equal(`close:${tr.close}`, close ?? 'close:none', row);
      assert.deepEqual(seen, [row]);
      assert.ok(tr.why.length > 10, `${row} says why`);
    }
  });

  it('an event a state does not list is refused and does nothing', () => {
    let refused = 0;
    for (const state of SESSION_STATES) {
      for (const event of SESSION_EVENTS) {
        if (EXPECTED[`${state}:${event}`]) continue;
        const calls: string[] = [];
        const m = new SessionMachine(recordingHooks(calls), undefined, state);
        assert.equal(m.accepts(event), false);
        assert.equal(m.fire(event, DETAIL), undefined, `${state}:${event} is refused`);
        assert.equal(m.state, state);
        assert.equal(m.generation, 0);
        assert.deepEqual(calls, [], `${state}:${event} does nothing`);
        refused++;
      }
    }
    assert.ok(refused > 0);
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
          m.fire('close', DETAIL);
        }
      }),
      undefined,
      'failover',
    );
    m.fire('retry-due', DETAIL);
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
    assert.equal(await s.open(), s.openConf, 'open() on a peripheral-offline session answers at once'); // peripheral-offline:open
    const on = waitForState(s, 'open');
    sim.setPeripheralOnline(true);
    await on;
    assert.equal(await s.open(), s.openConf, 'open() on an open session answers at once'); // open:open
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
    await assert.rejects(s.open(), /while the session is closing/); // closing:open
    const dropped = took(s, 'closing', 'link-failed');
    sim.faults.dropConnections();
    await dropped;
    await closing;
    assert.equal(s.state, 'closed');

    // Reconnect disabled: the drop is a stopping failure, which ends the wait all the same.
    const t = make(sim.port, { closeTimeoutMs: 60000, heartbeatIntervalMs: 0, reconnect: { enabled: false } });
    sim.faults.setDelay(0);
    await t.open();
    sim.faults.setDelay(1000);
    const closingT = t.close();
    const gaveUp = took(t, 'closing', 'give-up');
    sim.faults.dropConnections();
    await gaveUp;
    await closingT;
    assert.equal(t.state, 'closed');
  });

  it('standby side: waits, becomes active and opens; close, drop and give-up while standby', async () => {
    const pair = await startPair();
    // Side B is the standby: a session with B as its only side stays there.
    const s = make(pair.sideB.port);
    const standby = waitForState(s, 'standby'); // connecting:standby-conf
    void s.open();
    await standby;
    const opened = took(s, 'standby', 'opened');
    await pair.switchover(); // standby:standby-active, standby:opened
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

  it('hot standby, open and with the peripheral offline: held, lost and held again, taken over two ways', async () => {
    for (const at of ['open', 'peripheral-offline'] as const) {
      const start = async (): Promise<{ p: CtiSimulatorPair; s: CtiSession }> => {
        const p = await startPair();
        if (at === 'peripheral-offline') p.sideA.setPeripheralOnline(false);
        const s = make(p.sideA.port, { sideB: { host: '127.0.0.1', port: p.sideB.port } });
        const held = took(s, at, 'standby-held');
        await s.open();
        await held;
        return { p, s };
      };
      // The standby session drops and is reopened.
      let { p, s } = await start();
      const lost = took(s, at, 'standby-lost');
      const heldAgain = took(s, at, 'standby-held');
      p.sideB.faults.dropConnections();
      await lost;
      await heldAgain;
      // The other side becomes active while this one still is: its standby session is taken over at once.
      const moved = took(s, at, 'other-side-active');
      const onB = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === at && i.side === 'B');
      p.sideB.setActive(true);
      await moved;
      await onB;
      // The active link is lost with a standby held: that session waits to become active, then opens.
      ({ p, s } = await start());
      const waiting = took(s, at, 'active-lost');
      p.sideA.faults.dropConnections();
      await waiting;
      assert.equal(s.state, 'standby');
      const opened = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === at && i.side === 'B');
      await p.switchover();
      await opened;
    }
  });

  it('maintenance mode: asked and cancelled, then the planned switchover, open and with the peripheral offline; asked while connecting and while closing', async () => {
    for (const at of ['open', 'peripheral-offline'] as const) {
      const p = await startPair();
      if (at === 'peripheral-offline') p.sideA.setPeripheralOnline(false);
      const s = make(p.sideA.port, { sideB: { host: '127.0.0.1', port: p.sideB.port } });
      const held = took(s, at, 'standby-held');
      await s.open();
      await held;
      // Another client refuses: the maintenance is cancelled for this one too.
      const refuser = make(p.sideA.port, { clientId: 'walk-refuser', acceptMaintenance: false });
      await refuser.open();
      const asked = took(s, at, 'maintenance-asked');
      const cancelled = took(s, at, 'maintenance-cancelled');
      assert.equal((await p.maintenance()).decision, 'cancel');
      await asked;
      await cancelled;
      await refuser.close();
      const moved = took(s, at, 'switchover');
      const onB = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === at && i.side === 'B');
      assert.equal((await p.maintenance()).decision, 'continue');
      await moved;
      await onB;
    }

    // Asked while the registration is still being restored after OPEN_CONF (A holds that request back), and asked
    // while CLOSE_CONF is awaited (held back the same way): the simulator's virtual clock never releases them.
    const clock = new VirtualClock();
    const p = new CtiSimulatorPair({ peripheralId: PERIPHERAL, clock });
    sims.push(p);
    await p.start();
    p.sideA.once('session-open', () => p.sideA.faults.setDelay(1000));
    const s = make(p.sideA.port, { registerVariables: { callVariables: [1] }, heartbeatIntervalMs: 0 });
    const restoring = took(s, 'connecting', 'conf-accepted');
    void s.open().catch(() => undefined);
    await restoring;
    const askedConnecting = took(s, 'connecting', 'maintenance-asked');
    void p.maintenance();
    await askedConnecting;

    const q = new CtiSimulatorPair({ peripheralId: PERIPHERAL, clock });
    sims.push(q);
    await q.start();
    const t = make(q.sideA.port, { heartbeatIntervalMs: 0, closeTimeoutMs: 60000 });
    await t.open();
    q.sideA.faults.setDelay(1000);
    const closing = t.close();
    const askedClosing = took(t, 'closing', 'maintenance-asked');
    void q.maintenance();
    await askedClosing;
    q.sideA.faults.dropConnections();
    await closing;
  });

  it('took every transition of the table', () => {
    const missing = tableRows().filter((r) => !taken.has(r));
    assert.deepEqual(missing, [], 'transitions no scenario took');
    const unknown = [...taken].filter((r) => !tableRows().includes(r));
    assert.deepEqual(unknown, [], 'transitions taken that the table does not have');
  });
});
