/**
 * PG maintenance mode at the session (issue 24 part 2, cti-protocol-supervisor-config.md §23.2) against a simulator
 * pair over real TCP: accepted when a standby session is held (the planned switchover: requests go to the new side
 * at once, the old link drains — STOPPING_REQUESTS_TO_THIS_SIDE_IND, its pending requests answered or failed with
 * a clear error — and closes), rejected otherwise with the reason said once.
 */
import assert from 'node:assert/strict';
import { CtiSimulatorPair, type SimSessionInfo } from '../../lib/simulator';
import { CtiNotOpenError, CtiSession, type CtiSessionOptions, type SessionStateInfo } from '../../lib/session';
import { StatusCode, type CtiMessage } from '../../lib/protocol';
import { recordStates, refusingPort, waitForEvent } from './helpers';

const PERIPHERAL = 5000;
const QUERY_1001 = {
  messageType: 'QUERY_AGENT_STATE_REQ',
  peripheralId: PERIPHERAL,
  mrdid: 1,
  icmAgentId: 0,
  agentId: '1001',
};

describe('CtiSession maintenance mode (planned switchover)', function () {
  const pairs: CtiSimulatorPair[] = [];
  const sessions: CtiSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    await Promise.all(pairs.splice(0).map((p) => p.stop()));
  });

  async function pair(): Promise<CtiSimulatorPair> {
    const p = new CtiSimulatorPair({ peripheralId: PERIPHERAL, agents: '1001-1002' });
    pairs.push(p);
    await p.start();
    return p;
  }

  function make(p: CtiSimulatorPair, over: Partial<CtiSessionOptions> = {}): CtiSession {
    const s = new CtiSession({
      sideA: { host: '127.0.0.1', port: p.sideA.port },
      sideB: { host: '127.0.0.1', port: p.sideB.port },
      clientId: 'maint',
      peripheralId: PERIPHERAL,
      services: ['ALL_EVENTS', 'CLIENT_CONTROL'],
      heartbeatIntervalMs: 200,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
      ...over,
    });
    sessions.push(s);
    return s;
  }

  /** Open on A with the standby session held on B. */
  async function openWithStandby(s: CtiSession): Promise<void> {
    const held = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'open' && i.standbySide === 'B');
    await s.open();
    await held;
  }

  function onSide(s: CtiSession, side: 'A' | 'B'): Promise<[SessionStateInfo]> {
    return waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'open' && i.side === side);
  }

  /** The simulator's record of the active session of this client on `sim` closing. */
  function closedOn(p: CtiSimulatorPair, side: 'A' | 'B'): Promise<[SimSessionInfo]> {
    const sim = side === 'A' ? p.sideA : p.sideB;
    return waitForEvent<[SimSessionInfo]>(sim, 'session-close', (i) => i.clientId === 'maint' && !i.standby);
  }

  it('accepts, moves to B on its standby session (no new OPEN_REQ), tells A with the IND; nothing counted as lost', async () => {
    const p = await pair();
    const s = make(p);
    await openWithStandby(s);
    const opens: string[] = [];
    p.sideB.on('request', (r) => {
      if (r.messageType === 'OPEN_REQ') opens.push(r.clientId ?? '');
    });
    const states = recordStates(s);
    const warnings: unknown[] = [];
    s.on('warning', (w) => warnings.push(w));
    const call = await p.sideA.startInboundCall({ agentId: '1001', answer: true });
    const ends: CtiMessage[] = [];
    s.on('END_CALL_EVENT', (m: CtiMessage) => ends.push(m));

    const moved = onSide(s, 'B');
    const aClosed = closedOn(p, 'A');
    const outcome = await p.maintenance();
    assert.deepEqual(outcome, { decision: 'continue', asked: 1, accepted: 1, rejected: 0, silent: 0 });
    const [info] = await moved;
    assert.match(info.reason, /moved/);
    assert.equal(info.eventsMayHaveBeenMissed, false);
    assert.equal((await aClosed)[0].reason, 'client stopped using this side', 'A closed on the IND');
    assert.deepEqual(opens, [], 'no OPEN_REQ to B: its standby session became the link');
    assert.ok(!states.some((i) => i.state === 'connecting' || i.state === 'failover'), 'no reconnect');
    assert.equal(s.stats.linkDrops, 0);
    assert.equal(s.stats.reconnects, 0);
    assert.deepEqual(warnings, []);

    const conf = await s.request(QUERY_1001);
    assert.equal(conf.messageType, 'QUERY_AGENT_STATE_CONF');
    assert.equal(
      p.sideB.sessions().find((i) => i.clientId === 'maint' && !i.standby)?.side,
      'B',
      'the request went to B',
    );
    // A call that began on A ends on B: its END_CALL arrives once.
    const ended = waitForEvent(s, 'END_CALL_EVENT');
    await p.sideB.releaseCall(call);
    await ended;
    assert.equal(ends.length, 1);
  });

  /** The standby session's OPEN_REQ refused by `side` because that side is in maintenance mode. */
  function refusedInMaintenance(s: CtiSession, side: 'A' | 'B'): Promise<unknown> {
    return waitForEvent<[CtiMessage, { side: string; role: string }]>(
      s,
      'link-message',
      (m, link) =>
        link.role === 'standby' &&
        link.side === side &&
        m.messageType === 'FAILURE_CONF' &&
        m.status === StatusCode.byName.E_CTI_SERVER_IN_MAINTENANCE_MODE,
    );
  }

  it('two successive maintenances, A then B: the side back from maintenance is held as standby again and the second move is accepted', async () => {
    const p = await pair();
    const s = make(p);
    await openWithStandby(s);
    const warnings: Error[] = [];
    s.on('warning', (w: Error) => warnings.push(w));
    const states = recordStates(s);

    // A into maintenance: the session moves to B; A refuses the standby session while in maintenance.
    const refusedByA = refusedInMaintenance(s, 'A');
    const onB = onSide(s, 'B');
    assert.equal((await p.maintenance()).decision, 'continue');
    assert.match((await onB)[0].reason, /moved/);
    await refusedByA;
    // A comes back (as the standby): asked again, it is held again.
    const heldOnA = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.side === 'B' && i.standbySide === 'A');
    p.endMaintenance();
    await heldOnA;
    assert.equal(p.sideA.sessions().find((i) => i.clientId === 'maint')?.standby, true);

    // B into maintenance: accepted, the session moves back to A.
    const refusedByB = refusedInMaintenance(s, 'B');
    const onA = onSide(s, 'A');
    assert.deepEqual(await p.maintenance(), { decision: 'continue', asked: 1, accepted: 1, rejected: 0, silent: 0 });
    assert.match((await onA)[0].reason, /moved/);
    assert.equal((await s.request(QUERY_1001)).messageType, 'QUERY_AGENT_STATE_CONF');
    await refusedByB;
    const heldOnB = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.side === 'A' && i.standbySide === 'B');
    p.endMaintenance();
    await heldOnB;

    assert.deepEqual(warnings, []);
    assert.equal(s.stats.linkDrops, 0);
    assert.equal(s.stats.reconnects, 0);
    assert.ok(!states.some((i) => i.eventsMayHaveBeenMissed), 'nothing declared missed');
    assert.ok(!states.some((i) => i.state === 'connecting' || i.state === 'failover'), 'no reconnect');
  });

  it('a maintenance asked before the re-ask is due opens the standby on the side back from maintenance at once, and is accepted', async () => {
    const p = await pair();
    // The next re-ask of A would come only after 20 s: the second maintenance must not wait for it.
    const s = make(p, { reconnect: { initialDelayMs: 20000, maxDelayMs: 20000 } });
    await openWithStandby(s);
    const refusedByA = refusedInMaintenance(s, 'A');
    const onB = onSide(s, 'B');
    assert.equal((await p.maintenance()).decision, 'continue');
    await onB;
    await refusedByA;
    p.endMaintenance();
    const onA = onSide(s, 'A');
    assert.deepEqual(await p.maintenance(), { decision: 'continue', asked: 1, accepted: 1, rejected: 0, silent: 0 });
    assert.match((await onA)[0].reason, /moved/);
  });

  it('a request pending on A at the move is answered by A, after the move', async () => {
    const p = await pair();
    const s = make(p);
    await openWithStandby(s);
    // Once A has the RESP, it handles the next frame (the query sent right after the RESP) 500 ms late: the
    // query is still pending on A when the session moves to B.
    p.sideA.once('maintenance-answer', () => p.sideA.faults.setDelay(500));
    let pending: Promise<CtiMessage> | undefined;
    const order: string[] = [];
    s.once('ACTIVE_MAINTENANCE_REQ_MSG', () =>
      setImmediate(() => {
        pending = s.request(QUERY_1001);
        pending.then(
          () => order.push('answered'),
          () => order.push('failed'),
        );
      }),
    );
    const moved = onSide(s, 'B').then(() => order.push('moved'));
    const aClosed = closedOn(p, 'A');
    await p.maintenance();
    await moved;
    assert.ok(pending, 'the query was sent before the move');
    const conf = await pending;
    assert.equal(conf.messageType, 'QUERY_AGENT_STATE_CONF');
    assert.deepEqual(order, ['moved', 'answered']);
    assert.equal((await aClosed)[0].reason, 'client stopped using this side', 'then A got the IND');
  });

  it('a request A never answers fails with a clear error within maintenanceDrainMs; B takes new ones', async () => {
    const p = await pair();
    const s = make(p, { maintenanceDrainMs: 300, requestTimeoutMs: 60000 });
    await openWithStandby(s);
    // A goes silent once it has the answer: the query sent right after the RESP is never answered.
    p.sideA.once('maintenance-answer', () => p.sideA.faults.setSilent(true));
    let pending: Promise<CtiMessage> | undefined;
    s.once('ACTIVE_MAINTENANCE_REQ_MSG', () => setImmediate(() => (pending = s.request(QUERY_1001))));
    const moved = onSide(s, 'B');
    await p.maintenance();
    await moved;
    const t0 = Date.now();
    assert.ok(pending);
    const err = await pending.then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof CtiNotOpenError, String(err));
    assert.match(err.message, /QUERY_AGENT_STATE_REQ .* was pending on side A when the session moved .* not answered/);
    assert.ok(Date.now() - t0 < 5000, 'failed well before its own request timeout');
    assert.equal((await s.request(QUERY_1001)).messageType, 'QUERY_AGENT_STATE_CONF');
  });

  it('rejects when acceptMaintenance is off: the simulator cancels, the reason is said once, nothing moves', async () => {
    const p = await pair();
    const s = make(p, { acceptMaintenance: false });
    await openWithStandby(s);
    const warnings: Error[] = [];
    s.on('warning', (w: Error) => warnings.push(w));
    const cancelled = waitForEvent(s, 'ACTIVE_MAINTENANCE_EVENT_MSG');
    assert.equal((await p.maintenance()).decision, 'cancel');
    await cancelled;
    assert.equal((await p.maintenance()).rejected, 1);
    assert.equal(warnings.length, 1, 'said once');
    assert.match(
      warnings[0].message,
      /side A asked to go into maintenance mode: rejected \(this client is configured to reject it: acceptMaintenance off\)/,
    );
    assert.equal(s.side, 'A');
    assert.equal(p.active, p.sideA);
    assert.equal((await s.request(QUERY_1001)).messageType, 'QUERY_AGENT_STATE_CONF');
  });

  it('hot standby off: a standby session is opened on demand, the maintenance accepted and the move made on it', async () => {
    const p = await pair();
    const s = make(p, { hotStandby: false });
    const opens = { A: 0, B: 0 };
    for (const sim of [p.sideA, p.sideB])
      sim.on('request', (r) => {
        if (r.messageType === 'OPEN_REQ' && r.clientId === 'maint') opens[sim.side]++;
      });
    await s.open();
    assert.deepEqual(p.sideB.sessions(), [], 'no standby session held');
    const warnings: Error[] = [];
    s.on('warning', (w: Error) => warnings.push(w));
    const states = recordStates(s);
    const onB = onSide(s, 'B');
    assert.deepEqual(await p.maintenance(), { decision: 'continue', asked: 1, accepted: 1, rejected: 0, silent: 0 });
    assert.match((await onB)[0].reason, /moved/);
    assert.deepEqual(
      opens,
      { A: 1, B: 1 },
      'one OPEN_REQ to B: the standby session opened for the REQ became the link',
    );
    assert.deepEqual(warnings, []);
    assert.equal(s.stats.linkDrops, 0);
    assert.ok(!states.some((i) => i.eventsMayHaveBeenMissed || i.state === 'connecting'), 'no reconnect');
    assert.equal((await s.request(QUERY_1001)).messageType, 'QUERY_AGENT_STATE_CONF');
    // Hot standby stays off: nothing is held on A when its maintenance ends.
    p.endMaintenance();
    assert.equal(s.options.hotStandby, false);
    assert.equal(opens.A, 1);
  });

  it('hot standby off: a standby that does not open within maintenanceAnswerMs is given up and the maintenance rejected', async () => {
    const p = await pair();
    const s = make(p, { hotStandby: false, maintenanceAnswerMs: 300 });
    await s.open();
    const warnings: Error[] = [];
    s.on('warning', (w: Error) => warnings.push(w));
    // B answers its OPEN_REQ 3 s late: well past the 300 ms the session gives it.
    p.sideB.faults.setDelay(3000);
    const t0 = Date.now();
    const outcome = await p.maintenance();
    assert.deepEqual(outcome, { decision: 'cancel', asked: 1, accepted: 0, rejected: 1, silent: 0 });
    assert.ok(Date.now() - t0 < 3000, 'answered before the standby could have opened');
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0].message,
      /side A asked to go into maintenance mode: rejected \(no standby session opened on the other side within 300 ms\)/,
    );
    // The late standby was given up: with B prompt again, the next maintenance opens a fresh one and moves.
    p.sideB.faults.setDelay(0);
    const onB = onSide(s, 'B');
    assert.equal((await p.maintenance()).decision, 'continue');
    await onB;
    assert.equal(warnings.length, 1);
  });

  it('rejects when no standby session can take over (side B unreachable with hot standby off; one side only)', async () => {
    const p = await pair();
    const sideB = { host: '127.0.0.1', port: await refusingPort() };
    const unreachable = make(p, { hotStandby: false, clientId: 'maint-nohs', sideB });
    await unreachable.open();
    const said: string[] = [];
    unreachable.on('warning', (w: Error) => said.push(w.message));
    assert.equal((await p.maintenance()).decision, 'cancel');
    assert.match(said[0], /rejected \(no standby session could be opened on the other side \(the connection failed/);
    await unreachable.close();

    const oneSide = make(p, { sideB: undefined, clientId: 'maint-one' });
    await oneSide.open();
    const said1: string[] = [];
    oneSide.on('warning', (w: Error) => said1.push(w.message));
    assert.equal((await p.maintenance()).decision, 'cancel');
    assert.match(said1[0], /no side B is configured/);
  });

  it('hot standby off, accepted, then cancelled by another client: the standby opened on demand is closed again', async () => {
    const p = await pair();
    const s = make(p, { hotStandby: false });
    await s.open();
    const refuser = make(p, { acceptMaintenance: false, clientId: 'refuser' });
    await refuser.open();
    const closedOnB = waitForEvent<[SimSessionInfo]>(p.sideB, 'session-close', (i) => i.clientId === 'maint');
    const outcome = await p.maintenance();
    assert.deepEqual(outcome, { decision: 'cancel', asked: 2, accepted: 1, rejected: 1, silent: 0 });
    assert.equal((await closedOnB)[0].standby, true);
    assert.equal(s.side, 'A');
    assert.equal((await s.request(QUERY_1001)).messageType, 'QUERY_AGENT_STATE_CONF');
  });

  it('accepted, then cancelled by another client: stays on A, and a later crash of A is a failover, not a planned move', async () => {
    const p = await pair();
    const s = make(p);
    await openWithStandby(s);
    const refuser = make(p, { acceptMaintenance: false, clientId: 'refuser' });
    await refuser.open();
    const cancelled = waitForEvent(s, 'transition', (t: { event: string }) => t.event === 'maintenance-cancelled');
    const outcome = await p.maintenance();
    assert.deepEqual(outcome, { decision: 'cancel', asked: 2, accepted: 1, rejected: 1, silent: 0 });
    await cancelled;
    const moved = onSide(s, 'B');
    await p.switchover();
    const [info] = await moved;
    assert.doesNotMatch(info.reason, /maintenance/);
    assert.equal(s.stats.linkDrops, 1, 'an unplanned move counts as a lost link');
  });
});
