import assert from 'node:assert/strict';
import * as net from 'node:net';
import { launch } from '../../cli/cti-sim';
import { type CtiMessage, SessionType, StatusCode } from '../../lib/protocol';
import { CtiSimulatorPair, type MaintenanceOutcome, VirtualClock } from '../../lib/simulator';
import { Fixture } from './helpers';
import { type RawClient, SVC } from './raw-client';

const IN_MAINTENANCE = StatusCode.byName.E_CTI_SERVER_IN_MAINTENANCE_MODE;
const QUERY_1001: CtiMessage = {
  messageType: 'QUERY_AGENT_STATE_REQ',
  peripheralId: 5000,
  mrdid: 1,
  icmAgentId: 0,
  agentId: '1001',
};
const MOVABLE = (SVC.CTI_SERVICE_ALL_EVENTS | SVC.CTI_SERVICE_CLIENT_CONTROL | SVC.CTI_SERVICE_ACTIVE_STANDBY) >>> 0;

/** A raw client that answers every ACTIVE_MAINTENANCE_REQ as told (or not at all), with the REQ's InvokeID. */
function answerMaintenance(c: RawClient, accept: boolean | 'silent', invokeOffset = 0): void {
  c.socket.on('data', () => {
    for (const m of c.messages) {
      if (m.messageType !== 'ACTIVE_MAINTENANCE_REQ_MSG' || m.answered === true || accept === 'silent') continue;
      m.answered = true;
      c.send({
        messageType: 'ACTIVE_MAINTENANCE_RESP_MSG',
        invokeId: (m.invokeId as number) + invokeOffset,
        maintenanceModeAccepted: accept ? 1 : 0,
      });
    }
  });
}

/** Resolves when a port refuses connections (the listener is gone). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });
}

describe('simulator: PG maintenance mode on a pair (§23)', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  async function pairOf(clock?: VirtualClock): Promise<CtiSimulatorPair> {
    const pair = new CtiSimulatorPair({ agents: '1001-1002', clock, logger: (l) => fx.logs.push(l) });
    fx.sims.push(pair);
    await pair.start();
    return pair;
  }

  /** A well-behaved client: active session on A, standby session on B (SessionType 2). */
  async function movableClient(pair: CtiSimulatorPair): Promise<{ onA: RawClient; onB: RawClient }> {
    const onA = await fx.client(pair.sideA.port);
    const confA = await onA.open({ servicesRequested: MOVABLE, clientId: 'mover' });
    assert.equal(confA.messageType, 'OPEN_CONF');
    assert.equal(confA.sessionType, SessionType.byName.SESSION_TYPE_ACTIVE);
    await onA.next('SYSTEM_EVENT');
    const onB = await fx.client(pair.sideB.port);
    const confB = await onB.open({ servicesRequested: MOVABLE, clientId: 'mover' });
    assert.equal(confB.messageType, 'OPEN_CONF');
    assert.equal(confB.sessionType, SessionType.byName.SESSION_TYPE_STANDBY);
    return { onA, onB };
  }

  it('all accept: ACTIVE_MAINTENANCE_EVENT continue, B active with the calls replayed, A closes on the IND and refuses OPEN_REQ', async () => {
    const pair = await pairOf();
    const { onA, onB } = await movableClient(pair);
    answerMaintenance(onA, true);
    // A PV23 client and a PV24 client without the standby service are not asked; they lose their session.
    const old = await fx.client(pair.sideA.port, 23);
    assert.equal((await old.open({ servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS })).messageType, 'OPEN_CONF');
    const plain = await fx.client(pair.sideA.port);
    assert.equal((await plain.open({ servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS })).messageType, 'OPEN_CONF');
    const call = await pair.sideA.startInboundCall({ agentId: '1001', answer: true });

    const outcome = await pair.maintenance();
    assert.deepEqual(outcome, { decision: 'continue', asked: 1, accepted: 1, rejected: 0, silent: 0 });
    assert.equal(pair.active, pair.sideB);
    assert.equal(onA.messages.filter((m) => m.messageType === 'ACTIVE_MAINTENANCE_REQ_MSG').length, 1);
    const event = await onA.next('ACTIVE_MAINTENANCE_EVENT_MSG');
    assert.equal(event.maintenanceModeContinue, 1);
    for (const c of [old, plain]) {
      assert.equal((await c.next('FAILURE_EVENT')).status, IN_MAINTENANCE);
      await c.closed;
      assert.equal(
        c.messages.some((m) => m.messageType === 'ACTIVE_MAINTENANCE_REQ_MSG'),
        false,
        'not asked',
      );
    }

    // The standby session becomes active and is told the call in progress.
    await onB.next('STANDBY_ACTIVE_EVENT_MSG');
    const begin = await onB.next('BEGIN_CALL_EVENT');
    assert.equal(begin.connectionCallId, call.connectionCallId);
    const answered = await onB.request(QUERY_1001);
    assert.equal(answered.messageType, 'QUERY_AGENT_STATE_CONF', 'B takes requests');

    // A still answers a request sent before the IND, then closes on the IND.
    const before = await onA.request({ messageType: 'HEARTBEAT_REQ' });
    assert.equal(before.messageType, 'HEARTBEAT_CONF');
    const eventsOnA = onA.messages.length;
    await pair.sideB.releaseCall(call);
    await onB.next('END_CALL_EVENT');
    assert.deepEqual(onA.typesSince(eventsOnA), [], 'the side in maintenance sends no more events');
    onA.send({ messageType: 'STOPPING_REQUESTS_TO_THIS_SIDE_IND', invokeId: onA.nextInvokeId() });
    await onA.closed;
    assert.equal(
      onA.messages.some((m) => m.messageType === 'FAILURE_EVENT'),
      false,
      'closed on the IND, not by the timeout',
    );

    const late = await fx.client(pair.sideA.port);
    const no = await late.open({ servicesRequested: MOVABLE });
    assert.equal(no.messageType, 'FAILURE_CONF');
    assert.equal(no.status, IN_MAINTENANCE);

    // Maintenance over: A takes sessions again, as the standby.
    pair.endMaintenance();
    const back = await fx.client(pair.sideA.port);
    const conf = await back.open({ servicesRequested: MOVABLE });
    assert.equal(conf.messageType, 'OPEN_CONF');
    assert.equal(conf.sessionType, SessionType.byName.SESSION_TYPE_STANDBY);
  });

  it('one rejection cancels for everybody: ACTIVE_MAINTENANCE_EVENT cancel to every asked client, nothing moves', async () => {
    const pair = await pairOf();
    const { onA: yes, onB } = await movableClient(pair);
    answerMaintenance(yes, true);
    const no = await fx.client(pair.sideA.port);
    assert.equal((await no.open({ servicesRequested: MOVABLE, clientId: 'refuser' })).messageType, 'OPEN_CONF');
    answerMaintenance(no, false);

    const outcome = await pair.maintenance();
    assert.deepEqual(outcome, { decision: 'cancel', asked: 2, accepted: 1, rejected: 1, silent: 0 });
    for (const c of [yes, no]) assert.equal((await c.next('ACTIVE_MAINTENANCE_EVENT_MSG')).maintenanceModeContinue, 0);
    assert.equal(pair.active, pair.sideA);
    const again = await fx.client(pair.sideA.port);
    assert.equal(
      (await again.open({ servicesRequested: MOVABLE })).sessionType,
      SessionType.byName.SESSION_TYPE_ACTIVE,
    );
    const still = await yes.request(QUERY_1001);
    assert.equal(still.messageType, 'QUERY_AGENT_STATE_CONF');
    assert.equal(
      onB.messages.some((m) => m.messageType === 'STANDBY_ACTIVE_EVENT_MSG'),
      false,
    );
    assert.equal(pair.sessions().filter((s) => s.side === 'B' && s.standby).length, 1, 'B still standby');
  });

  it('an answer with another InvokeID counts as a rejection', async () => {
    const pair = await pairOf();
    const { onA } = await movableClient(pair);
    answerMaintenance(onA, true, 1);
    const outcome = await pair.maintenance();
    assert.equal(outcome.decision, 'cancel');
    assert.equal(outcome.rejected, 1);
  });

  it('the answer window runs on the simulator clock: silence cancels exactly when it ends', async () => {
    const clock = new VirtualClock();
    const pair = await pairOf(clock);
    const { onA } = await movableClient(pair);
    answerMaintenance(onA, 'silent');
    let outcome: MaintenanceOutcome | undefined;
    const running = pair.maintenance().then((o) => (outcome = o));
    await onA.next('ACTIVE_MAINTENANCE_REQ_MSG');
    await clock.advance(4999);
    assert.equal(outcome, undefined, 'still waiting 1 ms before the window ends');
    await clock.advance(1);
    await running;
    assert.deepEqual(outcome, { decision: 'cancel', asked: 1, accepted: 0, rejected: 0, silent: 1 });
    assert.equal((await onA.next('ACTIVE_MAINTENANCE_EVENT_MSG')).maintenanceModeContinue, 0);
    assert.equal(pair.active, pair.sideA);
  });

  it('a client that accepted but sends no IND is closed with E_CTI_SERVER_IN_MAINTENANCE_MODE when the window ends', async () => {
    const clock = new VirtualClock();
    const pair = await pairOf(clock);
    const { onA, onB } = await movableClient(pair);
    answerMaintenance(onA, true);
    assert.equal((await pair.maintenance()).decision, 'continue');
    await onB.next('STANDBY_ACTIVE_EVENT_MSG');
    await clock.advance(4999);
    assert.equal(onA.ended, false);
    assert.equal(
      onA.messages.some((m) => m.messageType === 'FAILURE_EVENT'),
      false,
    );
    await clock.advance(1);
    assert.equal((await onA.next('FAILURE_EVENT')).status, IN_MAINTENANCE);
    await onA.closed;
  });

  it('a custom window (pair.maintenance(windowMs)) is honoured', async () => {
    const clock = new VirtualClock();
    const pair = await pairOf(clock);
    const { onA } = await movableClient(pair);
    answerMaintenance(onA, 'silent');
    let outcome: MaintenanceOutcome | undefined;
    const running = pair.maintenance(200).then((o) => (outcome = o));
    await onA.next('ACTIVE_MAINTENANCE_REQ_MSG');
    await clock.advance(199);
    assert.equal(outcome, undefined);
    await clock.advance(1);
    assert.equal((await running).silent, 1);
  });

  it('pair.stop() during the answer window settles maintenance(): cancel, stopped, the silent counted, nothing switched', async () => {
    const clock = new VirtualClock();
    const pair = await pairOf(clock);
    const { onA } = await movableClient(pair);
    answerMaintenance(onA, true);
    const quiet = await fx.client(pair.sideA.port);
    assert.equal((await quiet.open({ servicesRequested: MOVABLE, clientId: 'quiet' })).messageType, 'OPEN_CONF');
    const accepted = new Promise((resolve) => pair.sideA.once('maintenance-answer', resolve));
    const running = pair.maintenance();
    await quiet.next('ACTIVE_MAINTENANCE_REQ_MSG');
    await accepted;
    // The window never ends on this clock: only the stop can end the question.
    await pair.stop();
    const outcome = await running;
    assert.deepEqual(outcome, { decision: 'cancel', asked: 2, accepted: 1, rejected: 0, silent: 1, stopped: true });
    assert.equal(pair.active, pair.sideA, 'nothing switched');
    assert.equal(pair.sideA.inMaintenanceMode, false);
  });

  it('the other side stopping during the window cancels: the asked clients are told, the active side keeps serving', async () => {
    const clock = new VirtualClock();
    const pair = await pairOf(clock);
    const quiet = await fx.client(pair.sideA.port);
    assert.equal((await quiet.open({ servicesRequested: MOVABLE, clientId: 'quiet' })).messageType, 'OPEN_CONF');
    const running = pair.maintenance();
    await quiet.next('ACTIVE_MAINTENANCE_REQ_MSG');
    await pair.sideB.stop();
    assert.deepEqual(await running, {
      decision: 'cancel',
      asked: 1,
      accepted: 0,
      rejected: 0,
      silent: 1,
      stopped: true,
    });
    assert.equal((await quiet.next('ACTIVE_MAINTENANCE_EVENT_MSG')).maintenanceModeContinue, 0);
    assert.equal((await quiet.request(QUERY_1001)).messageType, 'QUERY_AGENT_STATE_CONF');
  });

  it('nobody to ask: maintenance continues at once', async () => {
    const pair = await pairOf();
    const outcome = await pair.maintenance();
    assert.deepEqual(outcome, { decision: 'continue', asked: 0, accepted: 0, rejected: 0, silent: 0 });
    assert.equal(pair.active, pair.sideB);
  });

  it('a second maintenance while the other side is in maintenance is refused with a clear error', async () => {
    const pair = await pairOf();
    await pair.maintenance();
    await assert.rejects(pair.maintenance(), /side A is in maintenance/);
    assert.equal(pair.active, pair.sideB);
    pair.endMaintenance();
    assert.equal((await pair.maintenance()).decision, 'continue');
    assert.equal(pair.active, pair.sideA);
  });

  it('many clients asked at once: each gets its own REQ and the decision waits for all of them', async () => {
    const pair = await pairOf();
    const clients: RawClient[] = [];
    for (let i = 0; i < 12; i++) {
      const c = await fx.client(pair.sideA.port);
      assert.equal((await c.open({ servicesRequested: MOVABLE, clientId: `c${i}` })).messageType, 'OPEN_CONF');
      answerMaintenance(c, true);
      clients.push(c);
    }
    const warnings: Error[] = [];
    const onWarning = (w: Error): void => void warnings.push(w);
    process.on('warning', onWarning);
    try {
      const outcome = await pair.maintenance();
      assert.deepEqual(outcome, { decision: 'continue', asked: 12, accepted: 12, rejected: 0, silent: 0 });
      const ids = new Set<number>();
      for (const c of clients) ids.add((await c.next('ACTIVE_MAINTENANCE_REQ_MSG')).invokeId as number);
      assert.equal(ids.size, 12, 'a fresh InvokeID per session');
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(
        warnings.map((w) => w.name),
        [],
      );
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('crashActive: connections reset, A stops listening, B becomes active after the takeover delay', async () => {
    const pair = await pairOf();
    const { onA, onB } = await movableClient(pair);
    const portA = pair.sideA.port;
    await pair.crashActive(50);
    await onA.closed;
    assert.equal(
      onA.messages.some((m) => m.messageType === 'FAILURE_EVENT'),
      false,
      'a crash says nothing before the reset',
    );
    assert.equal(await refused(portA), true, 'A no longer listens');
    assert.equal(pair.active, pair.sideB);
    await onB.next('STANDBY_ACTIVE_EVENT_MSG');
    const answered = await onB.request(QUERY_1001);
    assert.equal(answered.messageType, 'QUERY_AGENT_STATE_CONF');
  });

  it('cti-sim --fault maintenance-after=…: the pair goes into maintenance on its own clock', async () => {
    const lines: string[] = [];
    const run = await launch(
      ['--port', '0', '--side-b-port', '0', '--scenario', 'none', '--fault', 'maintenance-after=300ms'],
      (l) => lines.push(l),
    );
    fx.sims.push(run);
    const [a, b] = run.addresses;
    const onA = await fx.client(a.port);
    assert.equal((await onA.open({ servicesRequested: MOVABLE })).messageType, 'OPEN_CONF');
    answerMaintenance(onA, true);
    const onB = await fx.client(b.port);
    assert.equal((await onB.open({ servicesRequested: MOVABLE })).sessionType, SessionType.byName.SESSION_TYPE_STANDBY);
    assert.equal((await onA.next('ACTIVE_MAINTENANCE_EVENT_MSG', 10000)).maintenanceModeContinue, 1);
    await onB.next('STANDBY_ACTIVE_EVENT_MSG');
    assert.equal(run.sim, run.pair?.sideB, 'run.sim follows the active side');
    onA.send({ messageType: 'STOPPING_REQUESTS_TO_THIS_SIDE_IND', invokeId: onA.nextInvokeId() });
    await onA.closed;
    const late = await fx.client(a.port);
    const no: CtiMessage = await late.open({ servicesRequested: MOVABLE });
    assert.equal(no.status, IN_MAINTENANCE);
    assert.ok(
      lines.some((l) => /maintenance continues: 1 accepted/.test(l)),
      lines.join('\n'),
    );
  });

  it('cti-sim --fault maintenance on a single simulator: a clear error, the simulator keeps running', async () => {
    const lines: string[] = [];
    const run = await launch(['--port', '0', '--scenario', 'none', '--fault', 'maintenance'], (l) => lines.push(l));
    fx.sims.push(run);
    assert.ok(
      lines.some((l) => /fault not applied: .*needs a duplexed pair/.test(l)),
      lines.join('\n'),
    );
    const c = await fx.client(run.addresses[0].port);
    assert.equal((await c.open()).messageType, 'OPEN_CONF');
  });
});
