import assert from 'node:assert/strict';
import { SessionType, StatusCode, SystemEventId } from '../../lib/protocol';
import { CtiSimulatorPair, NEWER_MESSAGE_TYPE, parseFaultSpec, VirtualClock } from '../../lib/simulator';
import { Fixture } from './helpers';
import { RawClient, SVC } from './raw-client';

const S = StatusCode.byName;

describe('simulator: faults', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  it('drop: every client connection is reset', async () => {
    const sim = await fx.sim();
    const a = await fx.client(sim.port);
    const b = await fx.client(sim.port);
    await a.open();
    await b.open();
    sim.faults.dropConnections();
    await Promise.all([a.closed, b.closed]);
    assert.equal(sim.openSessionCount, 0);
  });

  it('silent: no heartbeat answers until switched off; delay: answers come after the delay (virtual clock)', async () => {
    const clock = new VirtualClock();
    const sim = await fx.sim({ clock });
    const c = await fx.client(sim.port);
    await c.open();
    sim.faults.setSilent(true);
    c.send({ messageType: 'HEARTBEAT_REQ', invokeId: 1 });
    const probe = await fx.client(sim.port); // a round trip on another socket proves the first request was handled
    probe.send({ messageType: 'HEARTBEAT_REQ', invokeId: 9 });
    await assert.rejects(probe.next('FAILURE_CONF', 200));
    assert.equal(c.messages.filter((m) => m.messageType === 'HEARTBEAT_CONF').length, 0);
    sim.faults.setSilent(false);
    sim.faults.setDelay(5000);
    c.send({ messageType: 'HEARTBEAT_REQ', invokeId: 2 });
    await new Promise((r) => setImmediate(r));
    await clock.advance(4999);
    assert.equal(c.messages.filter((m) => m.messageType === 'HEARTBEAT_CONF').length, 0);
    await clock.advance(1);
    assert.equal((await c.next('HEARTBEAT_CONF')).invokeId, 2);
  });

  it('garbage, newer message type, oversized length, truncated frame reach the client as such', async () => {
    const sim = await fx.sim();
    const c = await fx.client(sim.port);
    await c.open();
    sim.faults.sendGarbage();
    assert.equal((await c.next('DECODE_ERROR')).error.code, 'E_CTI_BAD_MESSAGE_FORMAT');
    sim.faults.sendNewerMessageType();
    const unk = await c.next('UNKNOWN');
    assert.equal(unk.messageTypeId, NEWER_MESSAGE_TYPE);
    assert.equal((await c.request({ messageType: 'HEARTBEAT_REQ' })).messageType, 'HEARTBEAT_CONF');
    sim.faults.sendOversizedLength();
    assert.equal((await c.next('STREAM_ERROR')).error.code, 'E_CTI_INVALID_MESSAGE_LENGTH');

    const t = await fx.client(sim.port);
    await t.open();
    await t.next('SYSTEM_EVENT');
    const before = Buffer.concat(t.chunks).length;
    sim.faults.sendTruncatedFrame();
    await t.closed;
    const tail = Buffer.concat(t.chunks).subarray(before);
    assert.ok(tail.length >= 8);
    assert.ok(tail.readUInt32BE(0) + 8 > tail.length, 'frame announced longer than what arrived');
  });

  it('peripheral and PG offline / online: SYSTEM_EVENTs to All Events clients, OPEN_CONF reflects it', async () => {
    const sim = await fx.sim();
    const c = await fx.client(sim.port);
    await c.open();
    await c.next('SYSTEM_EVENT');
    sim.setPeripheralOnline(false);
    const off = await c.next('SYSTEM_EVENT');
    assert.equal(off.systemEventId, SystemEventId.byName.SYS_PERIPHERAL_OFFLINE);
    assert.equal(off.systemEventArg1, 5000);
    assert.notEqual(off.pgStatus, 0);
    const late = await fx.client(sim.port);
    assert.equal((await late.open()).peripheralOnline, 0);
    sim.setPeripheralOnline(true);
    assert.equal((await c.next('SYSTEM_EVENT')).systemEventId, SystemEventId.byName.SYS_PERIPHERAL_ONLINE);
    sim.setPgOnline(false);
    assert.equal((await c.next('SYSTEM_EVENT')).systemEventId, SystemEventId.byName.SYS_PERIPHERAL_GATEWAY_OFFLINE);
    sim.setPgOnline(true);
    const on = await c.next('SYSTEM_EVENT');
    assert.equal(on.pgStatus, 0);
  });

  it('fault specs parse, and applyFault runs them (after a delay on the clock)', async () => {
    assert.deepEqual(parseFaultSpec('silent-after=10s'), { name: 'silent', afterMs: 10000 });
    assert.deepEqual(parseFaultSpec('delay=500ms'), { name: 'delay', valueMs: 500 });
    assert.throws(() => parseFaultSpec('explode'), /unknown fault/);
    const clock = new VirtualClock();
    const sim = await fx.sim({ clock });
    const c = await fx.client(sim.port);
    await c.open();
    sim.applyFault('drop-after=3s');
    await clock.advance(2999);
    assert.equal(c.ended, false);
    await clock.advance(1);
    await c.closed;
  });

  it('duplexed pair: standby rules, switchover with STANDBY_ACTIVE_EVENT_MSG, shared calls', async () => {
    const pair = new CtiSimulatorPair({ agents: '1001-1002' });
    fx.sims.push(pair);
    await pair.start();
    const std = { servicesRequested: (SVC.CTI_SERVICE_ALL_EVENTS | SVC.CTI_SERVICE_ACTIVE_STANDBY) >>> 0 };
    const onA = await fx.client(pair.sideA.port);
    assert.equal((await onA.open(std)).sessionType, SessionType.byName.SESSION_TYPE_ACTIVE);
    const old = await RawClient.connect(pair.sideB.port, 23);
    fx.clients.push(old);
    assert.equal((await old.open(std)).status, S.E_CTI_CTI_SERVER_OFFLINE);
    const noMask = await fx.client(pair.sideB.port);
    assert.equal((await noMask.open()).status, S.E_CTI_INVALID_CLIENT_FOR_STANDBY);
    const onB = await fx.client(pair.sideB.port);
    const confB = await onB.open(std);
    assert.equal(confB.sessionType, SessionType.byName.SESSION_TYPE_STANDBY);
    assert.equal((await onB.request({ messageType: 'HEARTBEAT_REQ' })).messageType, 'HEARTBEAT_CONF');
    const refused = await onB.request({
      messageType: 'QUERY_AGENT_STATE_REQ',
      peripheralId: 5000,
      mrdid: 1,
      icmAgentId: 0,
      agentId: '1001',
    });
    assert.equal(refused.status, S.E_CTI_CTI_SERVER_OFFLINE);
    const call = await pair.sideA.startInboundCall({ agentId: '1001', answer: true });
    await onA.next('CALL_ESTABLISHED_EVENT');
    assert.equal(
      onB.messages.some((m) => m.messageType === 'BEGIN_CALL_EVENT'),
      false,
    );

    await pair.switchover();
    await onB.next('STANDBY_ACTIVE_EVENT_MSG');
    assert.equal((await onA.next('FAILURE_EVENT')).status, S.E_CTI_CTI_SERVER_OFFLINE);
    await onA.closed;
    assert.equal(pair.active, pair.sideB);
    // The shared call goes on, now seen through side B.
    await pair.sideB.releaseCall(call);
    await onB.next('CALL_CLEARED_EVENT');
    const q = await onB.request({
      messageType: 'QUERY_AGENT_STATE_REQ',
      peripheralId: 5000,
      mrdid: 1,
      icmAgentId: 0,
      agentId: '1001',
    });
    assert.equal(q.messageType, 'FAILURE_CONF', 'no Client Control granted');
    assert.equal(q.status, S.E_CTI_FUNCTION_NOT_AVAILABLE);
  });
});
