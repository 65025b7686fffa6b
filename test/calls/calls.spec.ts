/**
 * Call context through the session: every call event carries the tracker's snapshot; context from
 * BEGIN_CALL survives transfer / conference; calls are forgotten at END_CALL.
 */
import assert from 'node:assert/strict';
import { AcceleratedClock, CtiSimulator } from '../../lib/simulator';
import type { CallSnapshot, PreCallSnapshot, RouterCallKey } from '../../lib/calls';
import { CtiSession } from '../../lib/session';
import type { CtiMessage } from '../../lib/protocol';
import { waitForEvent } from '../session/helpers';

interface Seen {
  msg: CtiMessage;
  call?: CallSnapshot;
}

describe('CtiSession call tracking', function () {
  let sim: CtiSimulator;
  let s: CtiSession;
  let seen: Seen[];
  /** Sessions a test opens besides `s`; closed in afterEach. */
  let extra: CtiSession[];

  beforeEach(async () => {
    // Scenario talk times run 20× faster; the session's IdleTimeout (120 s → 6 s at this rate) stays far away.
    sim = new CtiSimulator({ peripheralId: 5000, agents: '1001-1006', clock: new AcceleratedClock(20) });
    await sim.start();
    s = new CtiSession({ sideA: { host: '127.0.0.1', port: sim.port }, clientId: 'calls-test', peripheralId: 5000 });
    seen = [];
    extra = [];
    s.on('message', (msg: CtiMessage, call?: CallSnapshot) => seen.push({ msg, call }));
    await s.open();
  });

  afterEach(async () => {
    for (const x of extra) await x.close();
    await s.close();
    await sim.stop();
  });

  /** A Client Events session signed on as one agent: it gets AGENT_PRE_CALL for calls routed to that agent. */
  async function openAgentSession(agentId: string, services = ['CLIENT_EVENTS']): Promise<CtiSession> {
    const a = new CtiSession({
      sideA: { host: '127.0.0.1', port: sim.port },
      clientId: `agent-${agentId}`,
      peripheralId: 5000,
      services,
      agentId,
    });
    extra.push(a);
    await a.open();
    return a;
  }

  const keyOf = (m: CtiMessage): RouterCallKey => ({
    day: m.routerCallKeyDay as number,
    callId: m.routerCallKeyCallId as number,
    sequenceNumber: m.routerCallKeySequenceNumber as number,
  });

  const isCallEvent = (m: CtiMessage): boolean =>
    m.messageType.endsWith('_EVENT') && (typeof m.connectionCallId === 'number' || typeof m.primaryCallId === 'number');

  /** Runs a scenario and waits until every call it began has ended at the session. */
  async function run(name: 'transfer' | 'conference' | 'inbound'): Promise<void> {
    const done = waitForEvent(s, 'END_CALL_EVENT', () => s.calls.size === 0, 10000);
    await sim.runScenario(name, { calls: 1 });
    await done;
  }

  function checkCommon(): void {
    const callEvents = seen.filter((x) => isCallEvent(x.msg));
    assert.ok(callEvents.length > 0);
    for (const x of callEvents) {
      assert.ok(x.call, `${x.msg.messageType} came without a call snapshot`);
      assert.ok(Object.isFrozen(x.call));
    }
    // The last END_CALL's snapshot is marked ended and the tracker is empty afterwards. (The END_CALL of a
    // consult call merged by a transfer/conference carries the surviving call, not ended.)
    const ends = callEvents.filter((x) => x.msg.messageType === 'END_CALL_EVENT');
    assert.ok(ends.length >= 1 && ends[ends.length - 1].call!.ended);
    assert.equal(s.calls.size, 0);
    // Snapshots never change after the fact.
    const first = callEvents[0].call!;
    assert.equal(first.eventCount, 1);
  }

  it('transfer: the transferred call keeps its BEGIN_CALL context and gains the target as connected party', async () => {
    await run('transfer');
    checkCommon();
    const xfer = seen.find((x) => x.msg.messageType === 'CALL_TRANSFERRED_EVENT');
    assert.ok(xfer, 'no CALL_TRANSFERRED_EVENT seen');
    const snap = xfer.call!;
    const begins = seen.filter((x) => x.msg.messageType === 'BEGIN_CALL_EVENT');
    const original = begins.find((b) => b.call!.key === snap.key);
    assert.ok(original, 'the transferred call is the one begun first (primary)');
    assert.equal(snap.ani, original.msg.ani);
    assert.equal(snap.dnis, original.msg.dnis);
    assert.ok(snap.parties.connected && snap.parties.connected.length > 0);
    assert.ok(snap.connections.length >= 1);
    // The consult call was a separate call in the tracker.
    assert.ok(new Set(begins.map((b) => b.call!.key)).size >= 2, 'consult call tracked separately');
    // The consult call's END_CALL does not end the surviving call: its later events keep the context.
    const later = seen.slice(seen.indexOf(xfer) + 1).filter((x) => x.call && x.call.key === snap.key);
    assert.ok(later.length > 0, 'events after the transfer for the surviving call');
    for (const x of later) {
      assert.equal(x.call!.partial, false, `${x.msg.messageType}: the call was forgotten and re-created`);
      assert.equal(x.call!.ani, original.msg.ani);
      assert.deepEqual(x.call!.callVariables, snap.callVariables);
    }
  });

  it('conference: one call with both agents as connected parties; the consult call is merged', async () => {
    await run('conference');
    checkCommon();
    const conf = seen.find((x) => x.msg.messageType === 'CALL_CONFERENCED_EVENT');
    assert.ok(conf, 'no CALL_CONFERENCED_EVENT seen');
    const snap = conf.call!;
    assert.ok(snap.parties.connected && snap.parties.connected.length >= 3, 'caller + two agents');
    const after = seen.slice(seen.indexOf(conf) + 1).filter((x) => x.call && x.call.key === snap.key);
    assert.ok(after.length > 0, 'events after the conference for the surviving call');
    for (const x of after) {
      assert.equal(x.call!.partial, false, `${x.msg.messageType}: the call was forgotten and re-created`);
      assert.equal(x.call!.ani, snap.ani);
    }
  });

  it('routed call at a Client Events session: AGENT_PRE_CALL comes before BEGIN_CALL; the call takes its context and the pending entry', async () => {
    const agent = await openAgentSession('1001');
    const order: string[] = [];
    let preCallMsg: CtiMessage | undefined;
    let preCallSnapshot: CallSnapshot | undefined;
    let pendingAtPreCall = -1;
    let pending: PreCallSnapshot | undefined;
    agent.on('message', (m: CtiMessage, call?: CallSnapshot) => {
      order.push(m.messageType);
      if (m.messageType !== 'AGENT_PRE_CALL_EVENT') return;
      // What a screen-pop flow sees: the announced call is pending, its context readable by RouterCallKey.
      preCallMsg = m;
      preCallSnapshot = call;
      pendingAtPreCall = agent.calls.preCalls.size;
      pending = agent.calls.preCalls.get(keyOf(m));
    });
    const delivered = waitForEvent<[CtiMessage, CallSnapshot?]>(agent, 'CALL_DELIVERED_EVENT');
    const call = await sim.startInboundCall({
      agentId: '1001',
      routed: true,
      ani: '5550111',
      callVariables: { 1: 'acct-42', 4: 'vip' },
      namedVariables: [{ name: 'user.lang', value: 'de' }],
    });
    const [, dcall] = await delivered;

    assert.ok(preCallMsg, 'no AGENT_PRE_CALL_EVENT at the agent session');
    assert.ok(order.indexOf('AGENT_PRE_CALL_EVENT') < order.indexOf('BEGIN_CALL_EVENT'), order.join(' '));
    assert.equal(preCallSnapshot, undefined, 'no call yet when the pre-call arrives');
    assert.equal(pendingAtPreCall, 1);
    assert.ok(pending);
    assert.equal(pending.agentId, '1001');
    assert.equal(pending.ani, '5550111');
    assert.deepEqual(pending.callVariables, { 1: 'acct-42', 4: 'vip' });

    assert.ok(dcall, 'CALL_DELIVERED without a call snapshot');
    assert.deepEqual(dcall.routerCallKey, keyOf(preCallMsg));
    assert.equal(dcall.ani, '5550111');
    assert.equal(dcall.callVariables[1], 'acct-42');
    assert.equal(dcall.callVariables[4], 'vip');
    assert.equal(dcall.ecc['user.lang'], 'de');
    assert.equal(dcall.agentId, '1001');
    assert.deepEqual(dcall.contextFrom?.preCall, ['AGENT_PRE_CALL_EVENT']);
    assert.equal(agent.calls.preCalls.size, 0, 'the pre-call entry was taken by the call');

    const ended = waitForEvent(agent, 'END_CALL_EVENT', () => agent.calls.size === 0, 10000);
    await sim.releaseCall(call);
    await ended;
    assert.equal(agent.calls.preCalls.size, 0);
    assert.equal(agent.calls.preCalls.evicted, 0);
  });

  it('routed call at an All Events session: the translation route is taken by BEGIN_CALL, the later AGENT_PRE_CALL goes to the live call', async () => {
    const delivered = waitForEvent<[CtiMessage, CallSnapshot?]>(
      s,
      'CALL_DELIVERED_EVENT',
      (m) => m.localConnectionState === 2,
    );
    let pendingAfterRoute = -1;
    s.once('CALL_TRANSLATION_ROUTE_EVENT', () => (pendingAfterRoute = s.calls.preCalls.size));
    const call = await sim.startInboundCall({
      agentId: '1002',
      routed: true,
      translationRoute: true,
      callVariables: { 2: 'two' },
    });
    const [, dcall] = await delivered;
    assert.equal(pendingAfterRoute, 1, 'CALL_TRANSLATION_ROUTE_EVENT kept until the call arrived');
    const types = seen.map((x) => x.msg.messageType);
    assert.ok(types.indexOf('BEGIN_CALL_EVENT') < types.indexOf('AGENT_PRE_CALL_EVENT'), types.join(' '));
    const pre = seen.find((x) => x.msg.messageType === 'AGENT_PRE_CALL_EVENT')!;
    assert.ok(pre.call, 'the late AGENT_PRE_CALL carries the call it belongs to');
    assert.equal(pre.call.key, dcall!.key);
    assert.deepEqual(dcall!.contextFrom?.preCall, ['CALL_TRANSLATION_ROUTE_EVENT', 'AGENT_PRE_CALL_EVENT']);
    assert.equal(dcall!.callVariables[2], 'two');
    assert.equal(s.calls.preCalls.size, 0);
    const done = waitForEvent(s, 'END_CALL_EVENT', () => s.calls.size === 0, 10000);
    await sim.releaseCall(call);
    await done;
    assert.equal(s.calls.preCalls.size, 0);
  });

  it('consultation: the CONF links the consult call to the active call it inherits its context from', async () => {
    const agent = await openAgentSession('1001', ['CLIENT_EVENTS', 'CLIENT_CONTROL']);
    const established = waitForEvent<[CtiMessage, CallSnapshot?]>(agent, 'CALL_ESTABLISHED_EVENT');
    await sim.startInboundCall({ agentId: '1001', callVariables: { 3: 'order-7' }, answer: true });
    const [, active] = await established;
    assert.ok(active);
    const consultEstablished = waitForEvent<[CtiMessage, CallSnapshot?]>(
      agent,
      'CALL_ESTABLISHED_EVENT',
      (_m, c) => c?.key !== active.key,
    );
    const confSeen = waitForEvent<[CtiMessage, CallSnapshot?]>(agent, 'CONSULTATION_CALL_CONF');
    const conf = await agent.request({
      messageType: 'CONSULTATION_CALL_REQ',
      peripheralId: 5000,
      activeConnectionCallId: active.connectionCallId,
      activeConnectionDeviceIdType: active.connectionDeviceIdType,
      activeConnectionDeviceId: active.connectionDeviceId,
      callPlacementType: 0,
      callMannerType: 0,
      consultType: 0,
      alertRings: 0,
      callOption: 0,
      facilityType: 0,
      answeringMachine: 0,
      priority: 0,
      postRoute: 0,
      dialedNumber: '1002',
      callVariable5: 'from-request',
    });
    const [, consult] = await confSeen;
    assert.ok(consult, 'the CONF carries the consult call');
    assert.equal(consult.connectionCallId, conf.newConnectionCallId);
    assert.equal(consult.connectionDeviceId, conf.newConnectionDeviceId);
    assert.notEqual(consult.key, active.key);
    assert.equal(consult.contextFrom?.consultOf, active.key);
    assert.equal(consult.contextFrom?.madeBy, 'CONSULTATION_CALL_CONF');
    assert.equal(consult.callVariables[3], 'order-7');
    assert.equal(consult.callVariables[5], 'from-request', 'the request fills what the BEGIN_CALL did not carry');
    assert.equal(consult.partial, false, 'its BEGIN_CALL was seen (events before CONF here)');
    // Later events of the consult call find the same call.
    const [, later] = await consultEstablished;
    assert.equal(later?.key, consult.key);
  });

  it('inbound call: call variables and ECC from the start are on every later event', async () => {
    const done = waitForEvent(s, 'END_CALL_EVENT', () => s.calls.size === 0, 10000);
    const established = waitForEvent<[CtiMessage, CallSnapshot?]>(s, 'CALL_ESTABLISHED_EVENT');
    const call = await sim.startInboundCall({
      agentId: '1003',
      ani: '5550100',
      dnis: '8001',
      callVariables: { 1: 'cv-one', 7: 'cv-seven' },
      namedVariables: [{ name: 'user.lang', value: 'fr' }],
      answer: true,
    });
    const [, estCall] = await established;
    const est = { call: estCall };
    assert.ok(est.call);
    assert.equal(est.call.ani, '5550100');
    assert.equal(est.call.dnis, '8001');
    assert.equal(est.call.callVariables[1], 'cv-one');
    assert.equal(est.call.callVariables[7], 'cv-seven');
    assert.equal(est.call.ecc['user.lang'], 'fr');
    assert.equal(est.call.state, 'LCS_CONNECT');
    // Call events name the agent's device only; the agent comes from the agent tracker's AGENT_STATE_EVENTs.
    assert.equal(est.call.agentId, '1003');
    await sim.releaseCall(call);
    await done;
    checkCommon();
  });

  it('close() forgets the tracked calls and agents: they would be stale when the session opens again', async () => {
    const established = waitForEvent(s, 'CALL_ESTABLISHED_EVENT');
    await sim.startInboundCall({ agentId: '1002', answer: true });
    await established;
    assert.equal(s.calls.size, 1);
    assert.ok(s.agents.size > 0);
    await s.close();
    assert.equal(s.calls.size, 0);
    assert.equal(s.agents.size, 0);
  });
});
