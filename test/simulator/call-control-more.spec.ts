import assert from 'node:assert/strict';
import {
  AgentState,
  CallControlMask,
  CallType,
  ControlFailureCode,
  type CtiMessage,
  EventCause,
  LocalConnectionState,
  StatusCode,
} from '../../lib/protocol';
import { HANDLED_REQUESTS, type SimCall } from '../../lib/simulator';
import { agentClient, bridgeClient, Fixture } from './helpers';
import type { RawClient } from './raw-client';

const LCS = LocalConnectionState.byName;
const CF = ControlFailureCode.byName;
const S = StatusCode.byName;

/**
 * ALTERNATE / RECONNECT / DEFLECT / SEND_DTMF_SIGNAL / MAKE_PREDICTIVE_CALL / SNAPSHOT_DEVICE / QUERY_DEVICE_INFO
 * over real TCP, with the event sequences of cti-protocol-supervisor-config.md §21 and their refusals.
 */
function sequence(c: RawClient, calls: Record<string, SimCall>, from: number): string[] {
  const label = (id: number): string => Object.keys(calls).find((k) => calls[k].connectionCallId === id) ?? String(id);
  return c.messages.slice(from).flatMap((m) => {
    if (m.messageType === 'AGENT_STATE_EVENT')
      return [`AGENT_STATE ${m.agentId} ${AgentState.nameOf(m.agentState)!.replace('AGENT_STATE_', '')}`];
    if (m.messageType === 'HEARTBEAT_CONF') return [];
    const id = m.connectionCallId;
    return [`${m.messageType.replace(/_EVENT$/, '')}${id === undefined ? '' : ` ${label(id)}`}`];
  });
}

/** Everything the simulator sent before a heartbeat answer has arrived (one TCP stream, in order). */
async function settle(...clients: RawClient[]): Promise<void> {
  for (const c of clients) await c.request({ messageType: 'HEARTBEAT_REQ' });
}

const conn = (prefix: string, call: SimCall): Record<string, string | number> => ({
  [`${prefix}CallId`]: call.connectionCallId,
  [`${prefix}DeviceIdType`]: call.connectionDeviceIdType,
  [`${prefix}DeviceId`]: call.connectionDeviceId,
});

describe('simulator: the rest of call control (§21)', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  /** Customer call A at 1001, consultation B from 1001 to 1002 (A held, B connected). */
  async function consulted() {
    const sim = await fx.sim({ agents: '1001-1003' });
    const bridge = await bridgeClient(fx, sim.port);
    const d1 = await agentClient(fx, sim.port, '1001');
    const d2 = await agentClient(fx, sim.port, '1002');
    const A = await sim.startInboundCall({ agentId: '1001', answer: true });
    const B = await sim.consultCall(A, '1002');
    await settle(bridge, d1, d2);
    return { sim, bridge, d1, d2, A, B };
  }

  it('ALTERNATE_CALL: CALL_HELD for the active call, CALL_RETRIEVED for the held one, the agent stays TALKING', async () => {
    const { d1, d2, A, B } = await consulted();
    const mark = d1.messages.length;
    const mark2 = d2.messages.length;
    const confirm = await d1.request({
      messageType: 'ALTERNATE_CALL_REQ',
      peripheralId: 5000,
      ...conn('activeConnection', B),
      ...conn('otherConnection', A),
    });
    assert.equal(confirm.messageType, 'ALTERNATE_CALL_CONF');
    await settle(d1, d2);
    assert.deepEqual(sequence(d1, { A, B }, mark), ['CALL_HELD B', 'CALL_RETRIEVED A', 'ALTERNATE_CALL_CONF']);
    const held = d1.messages.slice(mark).find((m) => m.messageType === 'CALL_HELD_EVENT')!;
    assert.equal(held.holdingDeviceId, '1001');
    assert.equal(held.localConnectionState, LCS.LCS_HOLD);
    assert.equal(held.eventCause, EventCause.byName.CEC_ALTERNATE);
    const retrieved = d1.messages.slice(mark).find((m) => m.messageType === 'CALL_RETRIEVED_EVENT')!;
    assert.equal(retrieved.retrievingDeviceId, '1001');
    assert.equal(retrieved.localConnectionState, LCS.LCS_CONNECT);
    assert.deepEqual(sequence(d2, { A, B }, mark2), ['CALL_HELD B'], 'the consulted agent sees its call held');

    // And back: the consultation is active again.
    const back = await d1.request({
      messageType: 'ALTERNATE_CALL_REQ',
      peripheralId: 5000,
      ...conn('activeConnection', A),
      ...conn('otherConnection', B),
    });
    assert.equal(back.messageType, 'ALTERNATE_CALL_CONF');
    assert.equal(B.connections.get('1001'), LCS.LCS_CONNECT);
    assert.equal(A.connections.get('1001'), LCS.LCS_HOLD);
  });

  it('ALTERNATE_CALL refusals: the other call neither held nor alerting, the active one not connected, unknown ids', async () => {
    const { d1, A, B } = await consulted();
    const ask = (active: SimCall, other: Record<string, string | number>) =>
      d1.request({
        messageType: 'ALTERNATE_CALL_REQ',
        peripheralId: 5000,
        ...conn('activeConnection', active),
        ...other,
      });
    const held = await ask(A, conn('otherConnection', B));
    assert.deepEqual([held.messageType, held.failureCode], ['CONTROL_FAILURE_CONF', CF.CF_NO_ACTIVE_CALL]);
    const same = await ask(B, conn('otherConnection', B));
    assert.equal(same.failureCode, CF.CF_INVALID_CSTA_CONNECTION_IDENTIFIER);
    const unknown = await ask(B, { ...conn('otherConnection', A), otherConnectionCallId: 999999 });
    assert.equal(unknown.failureCode, CF.CF_INVALID_CSTA_CALL_IDENTIFIER);
    assert.equal(B.connections.get('1001'), LCS.LCS_CONNECT, 'nothing changed');
    assert.equal(A.connections.get('1001'), LCS.LCS_HOLD);
  });

  it('RECONNECT_CALL: the consultation ends (CONNECTION_CLEARED, CLEARED, END_CALL) and the customer call is retrieved', async () => {
    const { sim, bridge, d1, d2, A, B } = await consulted();
    const marks = [bridge, d1, d2].map((c) => c.messages.length);
    const confirm = await d1.request({
      messageType: 'RECONNECT_CALL_REQ',
      peripheralId: 5000,
      ...conn('activeConnection', B),
      ...conn('heldConnection', A),
    });
    assert.equal(confirm.messageType, 'RECONNECT_CALL_CONF');
    await settle(bridge, d1, d2);
    assert.deepEqual(sequence(d1, { A, B }, marks[1]), [
      'CALL_CONNECTION_CLEARED B',
      'CALL_CLEARED B',
      'END_CALL B',
      'CALL_RETRIEVED A',
      'RECONNECT_CALL_CONF',
    ]);
    assert.deepEqual(sequence(d2, { A, B }, marks[2]), [
      'CALL_CONNECTION_CLEARED B',
      'CALL_CLEARED B',
      'END_CALL B',
      'AGENT_STATE 1002 AVAILABLE',
    ]);
    assert.deepEqual(sequence(bridge, { A, B }, marks[0]), [
      'CALL_CONNECTION_CLEARED B',
      'CALL_CLEARED B',
      'END_CALL B',
      'AGENT_STATE 1002 AVAILABLE',
      'CALL_RETRIEVED A',
    ]);
    const cleared = d1.messages.slice(marks[1]).find((m) => m.messageType === 'CALL_CONNECTION_CLEARED_EVENT')!;
    assert.equal(cleared.releasingDeviceId, '1001');
    assert.equal(cleared.localConnectionState, LCS.LCS_NULL);
    assert.equal(A.connections.get('1001'), LCS.LCS_CONNECT);
    assert.equal(sim.model.getAgent('1001').state, AgentState.byName.AGENT_STATE_TALKING);
  });

  it('RECONNECT_CALL refusals: no held call, no active call — nothing changes', async () => {
    const { d1, A, B } = await consulted();
    const ask = (active: SimCall, held: SimCall) =>
      d1.request({
        messageType: 'RECONNECT_CALL_REQ',
        peripheralId: 5000,
        ...conn('activeConnection', active),
        ...conn('heldConnection', held),
      });
    const noHeld = await ask(B, B);
    assert.deepEqual([noHeld.messageType, noHeld.failureCode], ['CONTROL_FAILURE_CONF', CF.CF_NO_HELD_CALL]);
    const noActive = await ask(A, B);
    assert.equal(noActive.failureCode, CF.CF_NO_ACTIVE_CALL);
    assert.equal(B.connections.size, 2);
  });

  it('DEFLECT_CALL: CALL_DIVERTED and END_CALL at the first agent, delivery at the new one; refusals', async () => {
    const sim = await fx.sim({ agents: '1001-1003' });
    const d1 = await agentClient(fx, sim.port, '1001');
    const d2 = await agentClient(fx, sim.port, '1002');
    const busy = await sim.startInboundCall({ agentId: '1003', answer: true });
    const A = await sim.startInboundCall({ agentId: '1001' });
    await settle(d1, d2);
    const deflect = (to: string, call: SimCall = A) =>
      d1.request({
        messageType: 'DEFLECT_CALL_REQ',
        peripheralId: 5000,
        ...conn('connection', call),
        calledDeviceType: 0,
        calledDeviceId: to,
      });
    assert.equal((await deflect('4711')).failureCode, CF.CF_INVALID_CALLED_DEVICE);
    assert.equal((await deflect('1003')).failureCode, CF.CF_INVALID_DESTINATION, '1003 is talking');
    assert.equal((await deflect('1001')).failureCode, CF.CF_INVALID_DESTINATION, 'not to itself');
    assert.equal(A.connections.get('1001'), LCS.LCS_ALERTING, 'refusals change nothing');

    const marks = [d1, d2].map((c) => c.messages.length);
    assert.equal((await deflect('1002')).messageType, 'DEFLECT_CALL_CONF');
    await settle(d1, d2);
    assert.deepEqual(sequence(d1, { A }, marks[0]), [
      'CALL_DIVERTED A',
      'END_CALL A',
      'AGENT_STATE 1001 AVAILABLE',
      'DEFLECT_CALL_CONF',
    ]);
    assert.deepEqual(sequence(d2, { A }, marks[1]), ['AGENT_STATE 1002 RESERVED', 'BEGIN_CALL A', 'CALL_DELIVERED A']);
    const diverted = d1.messages.slice(marks[0]).find((m) => m.messageType === 'CALL_DIVERTED_EVENT')!;
    assert.deepEqual([diverted.divertingDeviceId, diverted.calledDeviceId], ['1001', '1002']);
    const delivered = d2.messages.slice(marks[1]).find((m) => m.messageType === 'CALL_DELIVERED_EVENT')!;
    assert.equal(delivered.localConnectionState, LCS.LCS_ALERTING);
    assert.equal(delivered.lastRedirectDeviceId, '1001');

    // A connected call cannot be deflected.
    const d3 = await agentClient(fx, sim.port, '1003');
    const connected = await d3.request({
      messageType: 'DEFLECT_CALL_REQ',
      peripheralId: 5000,
      ...conn('connection', busy),
      calledDeviceType: 0,
      calledDeviceId: '1001',
    });
    assert.equal(connected.failureCode, CF.CF_INVALID_OBJECT_STATE);
  });

  it('SEND_DTMF_SIGNAL: CONF and no call or agent event; bad digits and a held call refused', async () => {
    const { sim, bridge, d1, A, B } = await consulted();
    const seen: CtiMessage[] = [];
    sim.on('request', (r) => {
      if (r.messageType === 'SEND_DTMF_SIGNAL_REQ') seen.push(r.message);
    });
    const dtmf = (call: SimCall, digits: string) =>
      d1.request({
        messageType: 'SEND_DTMF_SIGNAL_REQ',
        peripheralId: 5000,
        ...conn('connection', call),
        toneDuration: 0,
        pauseDuration: 0,
        dtmfString: digits,
      });
    const marks = [bridge, d1].map((c) => c.messages.length);
    assert.equal((await dtmf(B, '1234#')).messageType, 'SEND_DTMF_SIGNAL_CONF');
    await settle(bridge, d1);
    assert.deepEqual(sequence(d1, { A, B }, marks[1]), ['SEND_DTMF_SIGNAL_CONF']);
    assert.deepEqual(sequence(bridge, { A, B }, marks[0]), [], 'no event at the bridge');
    assert.equal(seen[0].dtmfString, '1234#');
    assert.ok(fx.logs.some((l) => l.includes('sends DTMF "1234#"')));

    const bad = await dtmf(B, '12x');
    assert.deepEqual([bad.messageType, bad.status], ['FAILURE_CONF', S.E_CTI_INVALID_DIGITS]);
    const held = await dtmf(A, '1');
    assert.deepEqual([held.messageType, held.failureCode], ['CONTROL_FAILURE_CONF', CF.CF_NO_ACTIVE_CALL]);
  });

  it('MAKE_PREDICTIVE_CALL: the customer call rings at the originating agent (CALLTYPE_AUTO_OUT) and can be answered', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const bridge = await bridgeClient(fx, sim.port);
    const d1 = await agentClient(fx, sim.port, '1001');
    const mark = d1.messages.length;
    const predictive = (device: string, client: RawClient = bridge) =>
      client.request({
        messageType: 'MAKE_PREDICTIVE_CALL_REQ',
        peripheralId: 5000,
        callPlacementType: 0,
        callMannerType: 0,
        alertRings: 0,
        callOption: 0,
        facilityType: 0,
        answeringMachine: 0,
        priority: false,
        allocationState: 0,
        destinationCountry: 0,
        answerDetectMode: 0,
        answerDetectTime: 0,
        answerDetectControl1: 0,
        answerDetectControl2: 0,
        originatingDeviceId: device,
        dialedNumber: '9005550123',
        callVariable1: 'campaign-7',
      });
    const confirm = await predictive('1001');
    assert.equal(confirm.messageType, 'MAKE_PREDICTIVE_CALL_CONF');
    await settle(d1);
    const call = sim.model.findCall(
      confirm.newConnectionCallId,
      confirm.newConnectionDeviceIdType,
      confirm.newConnectionDeviceId,
    )!;
    assert.ok(call, 'the CONF names the new call');
    assert.deepEqual(sequence(d1, { P: call }, mark), [
      'AGENT_STATE 1001 RESERVED',
      'BEGIN_CALL P',
      'CALL_DELIVERED P',
    ]);
    const delivered = d1.messages.slice(mark).find((m) => m.messageType === 'CALL_DELIVERED_EVENT')!;
    const begin = d1.messages.slice(mark).find((m) => m.messageType === 'BEGIN_CALL_EVENT')!;
    assert.equal(begin.callType, CallType.byName.CALLTYPE_AUTO_OUT);
    assert.equal(delivered.ani, '9005550123');
    assert.equal(delivered.callVariable1, 'campaign-7');
    assert.equal(delivered.localConnectionState, LCS.LCS_ALERTING);

    const answered = await d1.request({
      messageType: 'ANSWER_CALL_REQ',
      peripheralId: 5000,
      ...conn('connection', call),
    });
    assert.equal(answered.messageType, 'ANSWER_CALL_CONF');

    assert.equal((await predictive('1001')).failureCode, CF.CF_INVALID_OBJECT_STATE, '1001 is talking');
    assert.equal((await predictive('4711')).failureCode, CF.CF_INVALID_CSTA_DEVICE_IDENTIFIER);
    assert.equal((await predictive('1002', d1)).failureCode, CF.CF_PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE);
  });

  it('SNAPSHOT_DEVICE: the calls at a device with its connection state on each; privilege of a desktop', async () => {
    const { bridge, d1, A, B } = await consulted();
    const snap = await bridge.request({
      messageType: 'SNAPSHOT_DEVICE_REQ',
      peripheralId: 5000,
      snapshotDeviceType: 0,
      agentInstrument: '1001',
    });
    assert.equal(snap.messageType, 'SNAPSHOT_DEVICE_CONF');
    assert.equal(snap.numCalls, 2);
    const byId = new Map((snap.callConnectionCallId as number[]).map((id, i) => [id, (snap.callState as number[])[i]]));
    assert.deepEqual([byId.get(A.connectionCallId), byId.get(B.connectionCallId)], [LCS.LCS_HOLD, LCS.LCS_CONNECT]);
    const other = await d1.request({
      messageType: 'SNAPSHOT_DEVICE_REQ',
      peripheralId: 5000,
      snapshotDeviceType: 0,
      agentInstrument: '1002',
    });
    assert.equal(other.failureCode, CF.CF_PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE);
    const idle = await bridge.request({
      messageType: 'SNAPSHOT_DEVICE_REQ',
      peripheralId: 5000,
      snapshotDeviceType: 0,
      agentInstrument: '1003',
    });
    assert.equal(idle.numCalls, 0);
  });

  it('QUERY_DEVICE_INFO: an agent phone; CallControlSupported names exactly the requests the simulator implements', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const bridge = await bridgeClient(fx, sim.port);
    const info = await bridge.request({
      messageType: 'QUERY_DEVICE_INFO_REQ',
      peripheralId: 5000,
      agentInstrument: '1001',
    });
    assert.equal(info.messageType, 'QUERY_DEVICE_INFO_CONF');
    assert.equal(info.numLines, 1);
    assert.equal(info.peripheralType, sim.model.peripheralType);
    const supported = Object.entries(CallControlMask.byName)
      .filter(([, bit]) => (info.callControlSupported & bit) !== 0)
      .map(([name]) => `${name}_REQ`)
      .sort();
    const controlRequests = HANDLED_REQUESTS.filter(
      (t) => `${t.replace(/_REQ$/, '')}` in CallControlMask.byName,
    ).sort();
    assert.deepEqual(supported, controlRequests);
    assert.equal(supported.length, Object.keys(CallControlMask.byName).length, 'every Client Control request');
    const unknown = await bridge.request({
      messageType: 'QUERY_DEVICE_INFO_REQ',
      peripheralId: 5000,
      agentInstrument: '4711',
    });
    assert.equal(unknown.failureCode, CF.CF_INVALID_CSTA_DEVICE_IDENTIFIER);
  });
});
