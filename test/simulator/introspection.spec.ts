import assert from 'node:assert/strict';
import { messageTypeId, StatusCode } from '../../lib/protocol';
import { CtiSimulatorPair, HANDLED_REQUESTS, type SimRequestInfo, type SimSessionInfo } from '../../lib/simulator';
import { Fixture } from './helpers';
import { RawClient, SVC } from './raw-client';

const S = StatusCode.byName;
const ALL_EVENTS_STANDBY = (SVC.CTI_SERVICE_ALL_EVENTS | SVC.CTI_SERVICE_ACTIVE_STANDBY) >>> 0;

describe('simulator: request log and session introspection', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  it("'request' covers OPEN_REQ, HEARTBEAT_REQ and CLOSE_REQ with the decoded message, before the answer", async () => {
    const sim = await fx.sim({ password: 'pw' });
    const seen: SimRequestInfo[] = [];
    sim.on('request', (r: SimRequestInfo) => seen.push(r));

    const wrong = await fx.client(sim.port);
    assert.equal((await wrong.open({ clientId: 'intruder', clientPassword: 'nope' })).status, S.E_CTI_INVALID_PASSWORD);
    assert.equal(seen.length, 1, 'the refused OPEN_REQ is reported');
    assert.equal(seen[0].messageType, 'OPEN_REQ');
    assert.equal(seen[0].clientId, 'intruder');
    assert.equal(seen[0].refusedStatus, S.E_CTI_INVALID_PASSWORD);

    const c = await fx.client(sim.port);
    const conf = await c.open({ clientId: 'intro', clientPassword: 'pw', callMsgMask: 0x2001, agentStateMask: 0x18 });
    assert.equal(conf.messageType, 'OPEN_CONF');
    const open = seen[1];
    assert.equal(open.messageType, 'OPEN_REQ');
    assert.equal(open.sessionId, sim.sessions()[0].id);
    assert.equal(open.clientId, 'intro');
    assert.equal(open.invokeId, conf.invokeId);
    assert.equal(open.refusedStatus, undefined);
    assert.equal(open.message.callMsgMask, 0x2001);
    assert.equal(open.message.versionNumber, 24);

    const hb = await c.request({ messageType: 'HEARTBEAT_REQ' });
    const q = await c.request({
      messageType: 'QUERY_AGENT_STATE_REQ',
      peripheralId: 5000,
      mrdid: 1,
      icmAgentId: 0,
      agentId: '1001',
    });
    const closeId = c.nextInvokeId();
    c.send({ messageType: 'CLOSE_REQ', invokeId: closeId, status: S.E_CTI_NO_ERROR });
    await c.next('CLOSE_CONF');
    assert.deepEqual(
      seen.slice(2).map((r) => [r.messageType, r.invokeId, r.clientId, r.refusedStatus]),
      [
        ['HEARTBEAT_REQ', hb.invokeId, 'intro', undefined],
        ['QUERY_AGENT_STATE_REQ', q.invokeId, 'intro', undefined],
        ['CLOSE_REQ', closeId, 'intro', undefined],
      ],
    );
    assert.equal(seen[4].message.status, S.E_CTI_NO_ERROR);
  });

  it("'request' reports requests a standby session refuses, with the status", async () => {
    const pair = new CtiSimulatorPair({ agents: '1001-1002' });
    fx.sims.push(pair);
    await pair.start();
    const seen: SimRequestInfo[] = [];
    pair.sideB.on('request', (r: SimRequestInfo) => seen.push(r));
    const c = await fx.client(pair.sideB.port);
    await c.open({ servicesRequested: ALL_EVENTS_STANDBY });
    const refused = await c.request({
      messageType: 'QUERY_AGENT_STATE_REQ',
      peripheralId: 5000,
      mrdid: 1,
      icmAgentId: 0,
      agentId: '1001',
    });
    assert.equal(refused.status, S.E_CTI_CTI_SERVER_OFFLINE);
    await c.request({ messageType: 'HEARTBEAT_REQ' });
    assert.deepEqual(
      seen.map((r) => [r.messageType, r.refusedStatus]),
      [
        ['OPEN_REQ', undefined],
        ['QUERY_AGENT_STATE_REQ', S.E_CTI_CTI_SERVER_OFFLINE],
        ['HEARTBEAT_REQ', undefined],
      ],
    );
    assert.equal(seen[1].message.agentId, '1001');
  });

  it("'session-open' and sim.sessions() carry what the client opened with; sessions() is a snapshot of open sessions", async () => {
    const sim = await fx.sim({
      agents: [{ agentId: '1001', extension: '2001', instrument: 'SEP2001' }, { agentId: '1002' }],
    });
    const opened: SimSessionInfo[] = [];
    sim.on('session-open', (i: SimSessionInfo) => opened.push(i));
    assert.deepEqual(sim.sessions(), []);

    const agent = await fx.client(sim.port, 22);
    const services = (SVC.CTI_SERVICE_CLIENT_EVENTS | SVC.CTI_SERVICE_CLIENT_CONTROL | SVC.CTI_SERVICE_DEBUG) >>> 0;
    const conf = await agent.open({
      clientId: 'desk',
      clientSignature: 'desk-sig',
      servicesRequested: services,
      peripheralId: 5000,
      agentExtension: '2001',
      callMsgMask: 0x7,
      agentStateMask: 0x3,
      configMsgMask: 0,
      idleTimeout: 90,
    });
    assert.equal(conf.messageType, 'OPEN_CONF');
    const monitor = await fx.client(sim.port);
    await monitor.open({
      clientId: 'wall',
      servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS,
      callMsgMask: 0x2005,
      agentStateMask: 0x8,
      idleTimeout: 0xffffffff,
    });

    assert.equal(opened.length, 2);
    const a = opened[0];
    assert.equal(a.clientId, 'desk');
    assert.equal(a.clientSignature, 'desk-sig');
    assert.equal(a.version, 22);
    assert.equal(a.side, 'A');
    assert.equal(a.servicesRequested, services);
    assert.equal(a.servicesGranted, conf.servicesGranted);
    assert.notEqual(a.servicesGranted, a.servicesRequested, 'DEBUG is requested, not granted');
    assert.equal(a.callMsgMask, 0x7);
    assert.equal(a.agentStateMask, 0x3);
    assert.equal(a.configMsgMask, 0);
    assert.equal(a.peripheralId, 5000);
    assert.equal(a.idleTimeout, 90);
    assert.equal(a.monitorId, conf.monitorId);
    assert.deepEqual(
      [a.agentId, a.agentExtension, a.agentInstrument],
      ['1001', '2001', 'SEP2001'],
      'the agent found from the extension',
    );
    assert.equal(a.standby, false);
    const w = opened[1];
    assert.deepEqual(
      [
        w.clientId,
        w.servicesRequested,
        w.callMsgMask,
        w.agentStateMask,
        w.peripheralId,
        w.idleTimeout,
        w.agentId,
        w.monitorId,
      ],
      ['wall', SVC.CTI_SERVICE_ALL_EVENTS, 0x2005, 0x8, 0xffffffff, 0xffffffff, undefined, 0],
    );

    const list = sim.sessions();
    assert.deepEqual(list, opened);
    list[0].callMsgMask = 0;
    list.pop();
    assert.equal(sim.sessions().length, 2);
    assert.equal(sim.sessions()[0].callMsgMask, 0x7, 'a copy: changing it changes nothing');

    const closed = new Promise<SimSessionInfo>((resolve) => sim.once('session-close', resolve));
    agent.close();
    const gone = await closed;
    assert.equal(gone.callMsgMask, 0x7, 'session-close carries the same fields');
    assert.deepEqual(
      sim.sessions().map((i) => i.clientId),
      ['wall'],
    );
  });

  it('pair.sessions() lists both sides, standby sessions marked', async () => {
    const pair = new CtiSimulatorPair({ agents: '1001' });
    fx.sims.push(pair);
    await pair.start();
    const onA = await fx.client(pair.sideA.port);
    await onA.open({ clientId: 'a' });
    const onB = await RawClient.connect(pair.sideB.port, 25);
    fx.clients.push(onB);
    await onB.open({ clientId: 'b', servicesRequested: ALL_EVENTS_STANDBY });
    assert.deepEqual(
      pair.sessions().map((i) => [i.clientId, i.side, i.standby, i.version]),
      [
        ['a', 'A', false, 24],
        ['b', 'B', true, 25],
      ],
    );
    await pair.switchover();
    await onB.next('STANDBY_ACTIVE_EVENT_MSG');
    assert.deepEqual(
      pair.sessions().map((i) => [i.clientId, i.side, i.standby]),
      [['b', 'B', false]],
    );
  });

  it('is a typed emitter: listeners get typed payloads, a misspelt event name does not compile', async () => {
    const sim = await fx.sim();
    const opened = new Promise<string | undefined>((resolve) =>
      sim.once('session-open', (info) => resolve(info.clientId)),
    );
    // @ts-expect-error 'sesion-open' is not an event of the simulator
    sim.on('sesion-open', () => undefined);
    // @ts-expect-error a 'request' listener receives SimRequestInfo, which has no 'status'
    sim.on('request', (info) => info.status);
    const c = await fx.client(sim.port);
    await c.open({ clientId: 'typed' });
    assert.equal(await opened, 'typed');
  });

  it('every request type in the handler table is a message type the codec knows', () => {
    assert.ok(HANDLED_REQUESTS.length >= 15);
    for (const name of HANDLED_REQUESTS) assert.ok(messageTypeId(name) !== undefined, name);
  });
});
