/**
 * CtiSession against the simulator over real TCP (port 0): open, open failures, requests (CONF, failure,
 * timeout, encode error, drop), peripheral state, bad frames, close.
 */
import assert from 'node:assert/strict';
import { CtiSimulator } from '../../lib/simulator';
import {
  CtiNotOpenError,
  CtiOpenError,
  CtiRequestError,
  CtiSession,
  CtiTimeoutError,
  type CtiSessionOptions,
} from '../../lib/session';
import { CtiProtocolError, type CtiMessage } from '../../lib/protocol';
import { recordStates, settle, waitForEvent, waitForState } from './helpers';
import { ClientTap } from './tap';
import { trackHandles } from '../support/process-watch';

const PERIPHERAL = 5000;

function setCallData(callId: number, deviceId: string, extra: Partial<CtiMessage> = {}): CtiMessage {
  return {
    messageType: 'SET_CALL_DATA_REQ',
    peripheralId: PERIPHERAL,
    connectionDeviceIdType: 0,
    connectionCallId: callId,
    callType: 0xffff,
    calledPartyDisposition: 0,
    campaignId: 0,
    queryRuleId: 0,
    connectionDeviceId: deviceId,
    ...extra,
  };
}

const queryAgent: CtiMessage = {
  messageType: 'QUERY_AGENT_STATE_REQ',
  peripheralId: PERIPHERAL,
  mrdid: 1,
  icmAgentId: 0,
  agentId: '1001',
};

describe('CtiSession against the simulator', function () {
  let sim: CtiSimulator;
  const sessions: CtiSession[] = [];
  const taps: ClientTap[] = [];

  /** A relay in front of the simulator that records what the session sends. */
  async function tap(): Promise<ClientTap> {
    const t = new ClientTap(sim.port);
    await t.start();
    taps.push(t);
    return t;
  }

  function make(over: Partial<CtiSessionOptions> = {}): CtiSession {
    const s = new CtiSession({
      sideA: { host: '127.0.0.1', port: sim.port },
      clientId: 'session-test',
      clientPassword: 'secret',
      peripheralId: PERIPHERAL,
      reconnect: { initialDelayMs: 30, maxDelayMs: 200 },
      requestTimeoutMs: 3000,
      ...over,
    });
    sessions.push(s);
    return s;
  }

  beforeEach(async () => {
    sim = new CtiSimulator({ password: 'secret', peripheralId: PERIPHERAL, agents: '1001-1005' });
    await sim.start();
  });

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    await Promise.all(taps.splice(0).map((t) => t.stop()));
    await sim.stop();
  });

  it('opens with every configured OPEN_REQ field and exposes the OPEN_CONF', async () => {
    const t = await tap();
    const s = make({
      sideA: { host: '127.0.0.1', port: t.port },
      clientSignature: 'sig-1',
      services: ['ALL_EVENTS', 'CTI_SERVICE_CALL_DATA_UPDATE', 'CLIENT_CONTROL'],
      callMsgMask: ['CALL_DELIVERED_MASK', 'BEGIN_CALL_MASK', 'END_CALL_MASK'],
      agentStateMask: 0x3f,
      heartbeatInterval: 10,
    });
    const conf = await s.open();
    assert.equal(conf.messageType, 'OPEN_CONF');
    const [req] = t.of('OPEN_REQ').map((x) => ({ message: x.msg }));
    const m = req.message;
    assert.equal(m.versionNumber, 25, "version 'auto' offers the highest first");
    assert.equal(m.clientId, 'session-test');
    assert.equal(Buffer.from(m.clientPassword).toString(), 'secret');
    assert.equal(m.clientSignature, 'sig-1');
    assert.equal(m.idleTimeout, 40, 'IdleTimeout = 4 × heartbeat interval');
    assert.equal(m.peripheralId, PERIPHERAL);
    assert.equal(m.servicesRequested, 0x10 | 0x2 | 0x4 | 0x02000000, 'names → mask, plus ACTIVE_STANDBY for v24');
    assert.equal(m.callMsgMask, 0x1 | 0x2000 | 0x4000);
    assert.equal(m.agentStateMask, 0x3f);
    assert.equal(s.state, 'open');
    assert.equal(s.side, 'A');
    assert.equal(typeof s.servicesGranted, 'number');
    assert.ok(s.servicesGrantedNames.includes('CTI_SERVICE_ALL_EVENTS'));
    assert.equal(typeof s.monitorId, 'number');
    assert.equal(typeof s.pgStatus, 'number');
    assert.equal(typeof s.peripheralType, 'number');
    assert.ok(s.centralControllerTime instanceof Date);
    assert.equal(sim.openSessionCount, 1);
  });

  it('a wrong password rejects open() with E_CTI_INVALID_PASSWORD and the fix, backs off, and gives up when told to', async () => {
    const t = await tap();
    const s = make({
      sideA: { host: '127.0.0.1', port: t.port },
      clientPassword: 'wrong',
      reconnect: { initialDelayMs: 40, maxDelayMs: 1000, jitter: 0, maxOpenFailures: 3 },
    });
    const closed = waitForState(s, 'closed');
    const err = await s.open().then(
      () => assert.fail('open() resolved'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof CtiOpenError);
    assert.equal(err.statusName, 'E_CTI_INVALID_PASSWORD');
    assert.match(err.message, /E_CTI_INVALID_PASSWORD/);
    assert.match(err.message, /check the client password configured for ClientID "session-test"/);
    const info = await closed;
    assert.match(info.reason, /gave up after 3 refused OPEN_REQs/);
    const opens = t.of('OPEN_REQ').map((x) => x.at);
    assert.equal(opens.length, 3);
    // Backoff: 40 ms then 80 ms (jitter 0) between attempts — not hammering.
    assert.ok(opens[1] - opens[0] >= 35, `first retry after ${opens[1] - opens[0]} ms`);
    assert.ok(opens[2] - opens[1] >= 75, `second retry after ${opens[2] - opens[1]} ms`);
    assert.equal(sim.openSessionCount, 0);
  });

  it('an unsupported version rejects open() naming E_CTI_INVALID_VERSION', async () => {
    await sim.stop();
    sim = new CtiSimulator({ password: 'secret', peripheralId: PERIPHERAL, versions: [20, 23] });
    await sim.start();
    const s = make({ version: 24 });
    await assert.rejects(s.open(), (e: unknown) => {
      assert.ok(e instanceof CtiOpenError);
      assert.equal(e.statusName, 'E_CTI_INVALID_VERSION');
      assert.match(e.message, /protocol version 24/);
      return true;
    });
    // It keeps trying in the background (never stuck): the next attempt is scheduled.
    assert.ok(['failover', 'connecting'].includes(s.state), s.state);
  });

  it('open() rejects once every side was tried, and keeps retrying until the server is there', async () => {
    const port = sim.port;
    await sim.stop();
    const s = make({ sideA: { host: '127.0.0.1', port } });
    await assert.rejects(s.open(), /ECONNREFUSED|refused/);
    assert.equal(s.state, 'failover');
    // Server comes back on the same port: the session opens by itself.
    sim = new CtiSimulator({ password: 'secret', peripheralId: PERIPHERAL, port });
    await sim.start();
    await waitForState(s, 'open', 5000);
    assert.equal(sim.openSessionCount, 1);
  });

  it('request() fills the InvokeID and resolves with the matching CONF', async () => {
    const s = make({ services: ['ALL_EVENTS', 'CLIENT_CONTROL'] });
    await s.open();
    const [a, b] = await Promise.all([s.request(queryAgent), s.request({ ...queryAgent, agentId: '1002' })]);
    assert.equal(a.messageType, 'QUERY_AGENT_STATE_CONF');
    assert.equal(b.messageType, 'QUERY_AGENT_STATE_CONF');
    assert.notEqual(a.invokeId, b.invokeId);
    assert.equal(s.pendingRequests, 0);
  });

  it('request() while not open rejects at once with a clear CtiNotOpenError', async () => {
    const s = make();
    await assert.rejects(s.request(queryAgent), (e: unknown) => {
      assert.ok(e instanceof CtiNotOpenError);
      assert.match(e.message, /cannot send QUERY_AGENT_STATE_REQ: the CTI session is idle, not open/);
      return true;
    });
  });

  it('FAILURE_CONF rejects with CtiRequestError naming the status and the request type', async () => {
    const s = make({ services: ['ALL_EVENTS', 'CALL_DATA_UPDATE'] });
    await s.open();
    await assert.rejects(s.request(setCallData(987654, 'no-such-call', { callVariable1: 'x' })), (e: unknown) => {
      assert.ok(e instanceof CtiRequestError, String(e));
      assert.equal(e.requestType, 'SET_CALL_DATA_REQ');
      assert.match(e.statusName, /^E_CTI_/);
      assert.equal(typeof e.status, 'number');
      assert.equal(typeof e.invokeId, 'number');
      return true;
    });
    assert.equal(s.state, 'open');
  });

  it('a request that cannot be encoded rejects (never throws) and the session stays open', async () => {
    const s = make({ services: ['ALL_EVENTS', 'CALL_DATA_UPDATE'] });
    await s.open();
    let p: Promise<CtiMessage> | undefined;
    assert.doesNotThrow(() => {
      p = s.request(setCallData(1, 'x', { callVariable1: 'y'.repeat(100) }));
    });
    await assert.rejects(p!, (e: unknown) => e instanceof CtiProtocolError);
    assert.equal(s.state, 'open');
    assert.equal(s.pendingRequests, 0);
  });

  it('a request with no answer in time rejects with CtiTimeoutError', async () => {
    const s = make({ services: ['ALL_EVENTS', 'CLIENT_CONTROL'] });
    await s.open();
    sim.faults.setDelay(1000);
    await assert.rejects(s.request(queryAgent, { timeoutMs: 100 }), (e: unknown) => {
      assert.ok(e instanceof CtiTimeoutError);
      assert.equal(e.requestType, 'QUERY_AGENT_STATE_REQ');
      assert.match(e.message, /no answer within 100 ms/);
      return true;
    });
    sim.faults.setDelay(0);
    assert.equal(s.pendingRequests, 0);
  });

  it('a dropped link rejects pending requests, re-opens, and says events may have been missed', async () => {
    const s = make({ services: ['ALL_EVENTS', 'CLIENT_CONTROL'] });
    await s.open();
    const reopened = waitForState(s, 'open');
    // Silent: the request is read but not answered; the drop comes before any answer could.
    sim.faults.setSilent(true);
    const pending = s.request(queryAgent, { timeoutMs: 10000 });
    sim.faults.dropConnections();
    sim.faults.setSilent(false);
    await assert.rejects(pending, (e: unknown) => {
      assert.ok(e instanceof CtiNotOpenError);
      assert.match(e.message, /QUERY_AGENT_STATE_REQ \(invokeId \d+\) was pending when the link to side A was lost/);
      return true;
    });
    const info = await reopened;
    assert.equal(info.eventsMayHaveBeenMissed, true);
    assert.equal(info.reconnects, 1);
    assert.equal(s.stats.linkDrops, 1);
    assert.equal(sim.openSessionCount, 1);
    assert.equal((await s.request(queryAgent)).messageType, 'QUERY_AGENT_STATE_CONF');
  });

  it('SYSTEM_EVENT peripheral offline / online moves between peripheral-offline and open', async () => {
    const s = make();
    await s.open();
    const off = waitForState(s, 'peripheral-offline');
    sim.setPeripheralOnline(false);
    assert.match((await off).reason, /SYS_PERIPHERAL_OFFLINE/);
    const on = waitForState(s, 'open');
    sim.setPeripheralOnline(true);
    await on;
    assert.equal(s.isPeripheralOnline, true);
  });

  it('garbage, truncated and oversized frames never crash it (no error listener); it reports and recovers', async () => {
    const s = make({ services: ['ALL_EVENTS', 'CLIENT_CONTROL'] });
    await s.open();
    assert.equal(s.listenerCount('error'), 0);
    const reopened = waitForState(s, 'open');
    sim.faults.sendOversizedLength();
    await reopened; // the stream cannot be resynchronised: dropped and re-opened
    const reopened2 = waitForEvent(s, 'state', (i: { state: string }) => i.state === 'open', 5000).catch(
      () => undefined,
    );
    const problems: unknown[] = [];
    s.on('protocol-error', (e) => problems.push(e));
    sim.faults.sendGarbage();
    // Either reported as a protocol error (frame boundaries intact) or the link is reset; both recover.
    await Promise.race([waitForEvent(s, 'protocol-error'), reopened2]);
    if (s.state !== 'open') await waitForState(s, 'open');
    assert.equal((await s.request(queryAgent)).messageType, 'QUERY_AGENT_STATE_CONF');
  });

  it('close() sends CLOSE_REQ, waits for CLOSE_CONF and leaves no timer, socket or listener behind', async () => {
    const handles = trackHandles();
    const s = make({ heartbeatIntervalMs: 200 });
    await s.open();
    const simClosed = waitForEvent<[{ reason?: string }]>(sim, 'session-close');
    const states = recordStates(s);
    await s.close();
    const [info] = await simClosed;
    assert.equal(info.reason, 'closed by client', 'the simulator got CLOSE_REQ');
    await settle();
    assert.deepEqual(
      states.map((i) => i.state),
      ['closing', 'closed'],
    );
    assert.deepEqual(await handles.leftBehind(), {}, 'no socket or timer left behind');
    assert.equal(s.pendingRequests, 0);
    await assert.rejects(s.request(queryAgent), CtiNotOpenError);
  });

  it('close() while it is still retrying leaves nothing behind', async () => {
    const port = sim.port;
    await sim.stop();
    const handles = trackHandles();
    const s = make({ sideA: { host: '127.0.0.1', port }, reconnect: { initialDelayMs: 20, maxDelayMs: 50 } });
    await s.open().catch(() => undefined);
    await waitForState(s, 'connecting');
    await s.close();
    assert.equal(s.state, 'closed');
    await settle();
    assert.deepEqual(await handles.leftBehind(), {}, 'no socket or timer left behind');
    sim = new CtiSimulator({ password: 'secret' });
    await sim.start();
  });
});
