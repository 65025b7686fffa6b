import assert from 'node:assert/strict';
import { AgentState, ControlFailureCode, type CtiMessage, StatusCode } from '../../lib/protocol';
import type { SimCall } from '../../lib/simulator';
import { agentClient, bridgeClient, Fixture } from './helpers';
import type { RawClient } from './raw-client';

const S = StatusCode.byName;
const CF = ControlFailureCode.byName;
const AS = AgentState.byName;

/** Everything a client receives from now until a heartbeat round trip (events written before are read first). */
async function receivedUntilHeartbeat(c: RawClient, from: number): Promise<CtiMessage[]> {
  await c.request({ messageType: 'HEARTBEAT_REQ' });
  return c.messages.slice(from).filter((m) => m.messageType !== 'HEARTBEAT_CONF');
}

const callId = (call: SimCall) => ({
  peripheralId: 5000,
  connectionCallId: call.connectionCallId,
  connectionDeviceIdType: call.connectionDeviceIdType,
  connectionDeviceId: call.connectionDeviceId,
});

function setCallData(call: SimCall, extra: Partial<CtiMessage> = {}): CtiMessage {
  return {
    messageType: 'SET_CALL_DATA_REQ',
    ...callId(call),
    callType: 0,
    calledPartyDisposition: 0,
    campaignId: 0,
    queryRuleId: 0,
    callVariable3: 'late',
    ...extra,
  };
}

describe('simulator: calls that cannot start or no longer exist', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  for (const [what, prepare, agentId] of [
    [
      'a NOT_READY agent',
      (s: { setAgentState: (a: string, st: string) => Promise<void> }) =>
        s.setAgentState('1001', 'AGENT_STATE_NOT_READY'),
      '1001',
    ],
    ['an unknown agent', async () => undefined, '9999'],
  ] as const) {
    it(`startInboundCall to ${what} is refused before anything is announced`, async () => {
      const sim = await fx.sim({ agents: '1001-1002' });
      await prepare(sim);
      const bridge = await bridgeClient(fx, sim.port);
      const from = bridge.messages.length;
      await assert.rejects(sim.startInboundCall({ agentId, translationRoute: true }), /not available|no agent/);
      assert.deepEqual(await receivedUntilHeartbeat(bridge, from), []);
      assert.equal(sim.model.calls.size, 0);
    });
  }

  it('startInboundCall to an agent already ringing is refused; startOutboundCall by a talking agent too', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const first = await sim.startInboundCall({ agentId: '1001' });
    const bridge = await bridgeClient(fx, sim.port);
    const from = bridge.messages.length;
    await assert.rejects(sim.startInboundCall({ agentId: '1001' }), /agent 1001 is not available/);
    await sim.answerCall(first);
    await assert.rejects(sim.startOutboundCall({ agentId: '1001' }), /cannot make a call in state AGENT_STATE_TALKING/);
    const got = await receivedUntilHeartbeat(bridge, from);
    assert.deepEqual(
      got.map((m) => m.messageType),
      // The bridge opened after the call began: it learns of the call with its next event.
      ['BEGIN_CALL_EVENT', 'CALL_ESTABLISHED_EVENT', 'AGENT_STATE_EVENT'],
    );
    assert.deepEqual([...sim.model.calls], [first]);
  });

  it('requests naming a consult call that a transfer merged away are refused, and nothing revives it', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const d1 = await agentClient(fx, sim.port, '1001');
    const bridge = await bridgeClient(fx, sim.port);
    const call = await sim.startInboundCall({ agentId: '1001', answer: true });
    const consult = await sim.consultCall(call, '1002');
    await sim.transferCall(call, consult);
    await d1.next((m) => m.messageType === 'END_CALL_EVENT' && m.connectionCallId === call.connectionCallId);
    await bridge.next((m) => m.messageType === 'END_CALL_EVENT' && m.connectionCallId === consult.connectionCallId);
    const fromBridge = bridge.messages.length;
    const fromDesk = d1.messages.length;

    // Call Data Update service: FAILURE_CONF E_CTI_INVALID_CALLID, from the bridge and from the desktop.
    for (const c of [bridge, d1]) {
      assert.equal((await c.request(setCallData(consult))).status, S.E_CTI_INVALID_CALLID);
      const release = await c.request({ messageType: 'RELEASE_CALL_REQ', ...callId(consult) });
      assert.equal(release.status, S.E_CTI_INVALID_CALLID);
    }
    // Client Control: CONTROL_FAILURE_CONF CF_INVALID_CSTA_CALL_IDENTIFIER.
    const controls: CtiMessage[] = [
      { messageType: 'HOLD_CALL_REQ', ...callId(consult), reservation: 0 },
      { messageType: 'CLEAR_CALL_REQ', ...callId(consult) },
      { messageType: 'CLEAR_CONNECTION_REQ', ...callId(consult), requestingDeviceIdType: 0xffff },
      { messageType: 'SNAPSHOT_CALL_REQ', ...callId(consult) },
    ];
    for (const req of controls) {
      const ans = await bridge.request(req);
      assert.equal(ans.messageType, 'CONTROL_FAILURE_CONF', req.messageType);
      assert.equal(ans.failureCode, CF.CF_INVALID_CSTA_CALL_IDENTIFIER, req.messageType);
    }
    // The library calls refuse it as well.
    await assert.rejects(sim.setCallData(consult, { callVariables: { 3: 'late' } }), /no longer exists/);
    await assert.rejects(sim.failCall(consult), /no longer exists/);
    await assert.rejects(sim.holdCall(consult), /no longer exists/);
    await assert.rejects(sim.transferCall(call, consult), /no longer exists/);

    const sent = [
      ...(await receivedUntilHeartbeat(bridge, fromBridge)),
      ...(await receivedUntilHeartbeat(d1, fromDesk)),
    ];
    assert.deepEqual(
      sent.filter((m) => !/_CONF$/.test(m.messageType)),
      [],
      'no event (no BEGIN_CALL_EVENT) about the merged call',
    );
    assert.equal(sim.model.calls.has(consult), false);
    assert.equal(sim.model.getAgent('1001').state, AS.AGENT_STATE_AVAILABLE);
  });

  it('a call that ended: control requests are refused, call data within the wrap-up window is stored silently', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const bridge = await bridgeClient(fx, sim.port);
    const call = await sim.startInboundCall({ agentId: '1001', answer: true });
    await sim.releaseCall(call);
    await bridge.next((m) => m.messageType === 'END_CALL_EVENT');
    const from = bridge.messages.length;
    const ans = await bridge.request({ messageType: 'HOLD_CALL_REQ', ...callId(call), reservation: 0 });
    assert.equal(ans.failureCode, CF.CF_INVALID_CSTA_CALL_IDENTIFIER);
    const wrapup = await bridge.request(setCallData(call, { callVariable3: undefined, callWrapupData: 'done' }));
    assert.equal(wrapup.messageType, 'SET_CALL_DATA_CONF');
    assert.equal(call.callWrapupData, 'done');
    await assert.rejects(sim.setCallData(call, { callVariables: { 3: 'late' } }), /no longer exists/);
    const sent = await receivedUntilHeartbeat(bridge, from);
    assert.deepEqual(
      sent.map((m) => m.messageType),
      ['CONTROL_FAILURE_CONF', 'SET_CALL_DATA_CONF'],
    );
  });
});
