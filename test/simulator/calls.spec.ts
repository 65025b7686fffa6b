import assert from 'node:assert/strict';
import {
  AgentState,
  CallEventMask,
  encodeMessage,
  ControlFailureCode,
  EventCause,
  LocalConnectionState,
  StatusCode,
} from '../../lib/protocol';
import { agentClient, bridgeClient, Fixture, types } from './helpers';
import { SVC } from './raw-client';

const S = StatusCode.byName;
const LCS = LocalConnectionState.byName;
const AS = AgentState.byName;
const CALL_EVENTS = /^(BEGIN_CALL|END_CALL|CALL_|AGENT_PRE_CALL)/;

describe('simulator: calls and requests', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  it('inbound ACD call, Client Events view: the guide sequence with correct fields', async () => {
    const sim = await fx.sim({ agents: '1001-1003' });
    const desk = await agentClient(fx, sim.port, '1001');
    const call = await sim.startInboundCall({
      agentId: '1001',
      ani: '4085551234',
      dnis: '8005551000',
      callVariables: { 1: 'ACCT-1' },
      namedVariables: [{ name: 'user.case', value: 'C-1' }],
    });
    await sim.answerCall(call);
    await sim.setCallData(call, { callVariables: { 5: 'done' } });
    await sim.releaseCall(call);
    const seq = await desk.until(
      (m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentState === AS.AGENT_STATE_AVAILABLE,
    );
    assert.deepEqual(types(seq), [
      'AGENT_PRE_CALL_EVENT',
      'AGENT_STATE:RESERVED',
      'BEGIN_CALL_EVENT',
      'CALL_DELIVERED_EVENT',
      'CALL_ESTABLISHED_EVENT',
      'AGENT_STATE:TALKING',
      'CALL_DATA_UPDATE_EVENT',
      'CALL_CONNECTION_CLEARED_EVENT',
      'CALL_CLEARED_EVENT',
      'END_CALL_EVENT',
      'AGENT_STATE:AVAILABLE',
    ]);
    const [pre, , begin, delivered, established, , update] = seq;
    assert.equal(pre.agentInstrument, '1001');
    assert.equal(pre.routerCallKeyCallId, begin.routerCallKeyCallId);
    assert.equal(begin.ani, '4085551234');
    assert.equal(begin.dnis, '8005551000');
    assert.equal(begin.callVariable1, 'ACCT-1');
    assert.deepEqual(begin.namedVariables, [{ name: 'user.case', value: 'C-1' }]);
    assert.notEqual(begin.monitorId, 0);
    assert.equal(begin.peripheralId, 5000);
    for (const m of seq.filter((x) => x.connectionCallId !== undefined)) {
      assert.equal(m.connectionCallId, call.connectionCallId);
      assert.equal(m.connectionDeviceId, call.connectionDeviceId);
    }
    assert.equal(delivered.localConnectionState, LCS.LCS_ALERTING);
    assert.equal(delivered.alertingDeviceId, '1001');
    assert.equal(delivered.callingDeviceId, '4085551234');
    assert.equal(established.localConnectionState, LCS.LCS_CONNECT);
    assert.equal(established.answeringDeviceId, '1001');
    assert.equal(update.callVariable5, 'done');
    assert.deepEqual(update.namedVariables, [{ name: 'user.case', value: 'C-1' }], 'v24: full ECC set');
  });

  it('inbound call, All Events view: trunk delivery, queue, translation route, MonitorID 0; agents only see their own calls', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const bridge = await bridgeClient(fx, sim.port);
    const other = await agentClient(fx, sim.port, '1002');
    const call = await sim.startInboundCall({ agentId: '1001', queued: true, translationRoute: true, answer: true });
    await sim.releaseCall(call);
    const seq = await bridge.until('END_CALL_EVENT');
    assert.deepEqual(
      types(seq).filter((t) => !t.startsWith('AGENT_STATE')),
      [
        'CALL_TRANSLATION_ROUTE_EVENT',
        'BEGIN_CALL_EVENT',
        'CALL_DELIVERED_EVENT',
        'CALL_QUEUED_EVENT',
        'CALL_DEQUEUED_EVENT',
        'AGENT_PRE_CALL_EVENT',
        'CALL_DELIVERED_EVENT',
        'CALL_ESTABLISHED_EVENT',
        'CALL_CONNECTION_CLEARED_EVENT',
        'CALL_CLEARED_EVENT',
        'END_CALL_EVENT',
      ],
    );
    assert.equal(seq[2].localConnectionState, LCS.LCS_INITIATE);
    assert.equal(seq[0].dnis, '8005551000');
    for (const m of seq) if ('monitorId' in m) assert.equal(m.monitorId, 0);
    // Agent 1002's desk saw nothing of 1001's call.
    const probe = await other.request({ messageType: 'HEARTBEAT_REQ' });
    assert.equal(probe.messageType, 'HEARTBEAT_CONF');
    assert.deepEqual(
      other.messages.filter((m) => CALL_EVENTS.test(m.messageType)),
      [],
    );
  });

  it('CallMsgMask and AgentStateMask filter what a client receives', async () => {
    const sim = await fx.sim();
    const masked = await agentClient(fx, sim.port, '1001', {
      callMsgMask: CallEventMask.maskOf(['BEGIN_CALL_MASK', 'END_CALL_MASK', 'CALL_ESTABLISHED_MASK']),
      agentStateMask: 0x10, // TALKING only
    });
    const call = await sim.startInboundCall({ agentId: '1001', answer: true });
    await sim.releaseCall(call);
    const seq = await masked.until('END_CALL_EVENT');
    assert.deepEqual(types(seq), [
      'BEGIN_CALL_EVENT',
      'CALL_ESTABLISHED_EVENT',
      'AGENT_STATE:TALKING',
      'END_CALL_EVENT',
    ]);
  });

  it('hold / retrieve, divert, failed outbound, outbound with reached network', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const d1 = await agentClient(fx, sim.port, '1001');
    const d2 = await agentClient(fx, sim.port, '1002');
    const c1 = await sim.startInboundCall({ agentId: '1001', answer: true });
    await sim.holdCall(c1);
    await sim.retrieveCall(c1);
    await sim.releaseCall(c1);
    const s1 = await d1.until('END_CALL_EVENT');
    assert.deepEqual(types(s1).slice(-7), [
      'CALL_HELD_EVENT',
      'AGENT_STATE:HOLD',
      'CALL_RETRIEVED_EVENT',
      'AGENT_STATE:TALKING',
      'CALL_CONNECTION_CLEARED_EVENT',
      'CALL_CLEARED_EVENT',
      'END_CALL_EVENT',
    ]);
    assert.equal(s1.find((m) => m.messageType === 'CALL_HELD_EVENT')!.localConnectionState, LCS.LCS_HOLD);

    const c2 = await sim.startInboundCall({ agentId: '1001' });
    await sim.divertCall(c2, '1002');
    const s2 = await d1.until('END_CALL_EVENT');
    assert.deepEqual(
      types(s2).filter((t) => t.startsWith('CALL') || t.endsWith('CALL_EVENT')),
      ['AGENT_PRE_CALL_EVENT', 'BEGIN_CALL_EVENT', 'CALL_DELIVERED_EVENT', 'CALL_DIVERTED_EVENT', 'END_CALL_EVENT'],
    );
    const div = s2.find((m) => m.messageType === 'CALL_DIVERTED_EVENT')!;
    assert.equal(div.divertingDeviceId, '1001');
    assert.equal(div.calledDeviceId, '1002');
    const del2 = await d2.next('CALL_DELIVERED_EVENT');
    assert.equal(del2.lastRedirectDeviceId, '1001');
    await sim.releaseCall(c2);
    await d2.next('END_CALL_EVENT');

    await sim.startOutboundCall({ agentId: '1001', dialedNumber: '5551212', fail: true });
    const s3 = await d1.until('END_CALL_EVENT');
    assert.deepEqual(
      types(s3).filter((t) => !t.startsWith('AGENT_STATE')),
      [
        'BEGIN_CALL_EVENT',
        'CALL_SERVICE_INITIATED_EVENT',
        'CALL_ORIGINATED_EVENT',
        'CALL_REACHED_NETWORK_EVENT',
        'CALL_FAILED_EVENT',
        'CALL_CLEARED_EVENT',
        'END_CALL_EVENT',
      ],
    );
    const failedEv = s3.find((m) => m.messageType === 'CALL_FAILED_EVENT')!;
    assert.equal(failedEv.eventCause, EventCause.byName.CEC_BUSY);
    assert.equal(failedEv.localConnectionState, LCS.LCS_FAIL);

    const out = await sim.startOutboundCall({ agentId: '1001', dialedNumber: '5551212' });
    await sim.releaseCall(out);
    const s4 = await d1.until('END_CALL_EVENT');
    assert.deepEqual(
      types(s4).filter((t) => !t.startsWith('AGENT_STATE')),
      [
        'BEGIN_CALL_EVENT',
        'CALL_SERVICE_INITIATED_EVENT',
        'CALL_ORIGINATED_EVENT',
        'CALL_REACHED_NETWORK_EVENT',
        'CALL_DELIVERED_EVENT',
        'CALL_ESTABLISHED_EVENT',
        'CALL_CONNECTION_CLEARED_EVENT',
        'CALL_CLEARED_EVENT',
        'END_CALL_EVENT',
      ],
    );
    assert.equal(s4.find((m) => m.messageType === 'CALL_SERVICE_INITIATED_EVENT')!.callingDeviceId, '1001');
    assert.equal(s4.find((m) => m.messageType === 'CALL_ORIGINATED_EVENT')!.calledDeviceId, '5551212');
  });

  it('consult + transfer through client-control requests: CONFs, events, the call moves to the second agent', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const d1 = await agentClient(fx, sim.port, '1001');
    const d2 = await agentClient(fx, sim.port, '1002');
    const call = await sim.startInboundCall({ agentId: '1001', callVariables: { 1: 'x' } });
    const id = {
      peripheralId: 5000,
      connectionCallId: call.connectionCallId,
      connectionDeviceIdType: call.connectionDeviceIdType,
      connectionDeviceId: call.connectionDeviceId,
    };
    assert.equal((await d1.request({ messageType: 'ANSWER_CALL_REQ', ...id })).messageType, 'ANSWER_CALL_CONF');
    const cc = await d1.request({
      messageType: 'CONSULTATION_CALL_REQ',
      peripheralId: 5000,
      activeConnectionCallId: call.connectionCallId,
      activeConnectionDeviceIdType: 0,
      callPlacementType: 0,
      callMannerType: 0,
      consultType: 1,
      alertRings: 0,
      callOption: 0,
      facilityType: 0,
      answeringMachine: 0,
      priority: 0,
      postRoute: 0,
      activeConnectionDeviceId: call.connectionDeviceId,
      dialedNumber: '1002',
    });
    assert.equal(cc.messageType, 'CONSULTATION_CALL_CONF');
    const tc = await d1.request({
      messageType: 'TRANSFER_CALL_REQ',
      peripheralId: 5000,
      activeConnectionCallId: cc.newConnectionCallId,
      heldConnectionCallId: call.connectionCallId,
      activeConnectionDeviceIdType: cc.newConnectionDeviceIdType,
      heldConnectionDeviceIdType: 0,
      callPlacementType: 0,
      callMannerType: 0,
      alertRings: 0,
      callOption: 0,
      facilityType: 0,
      answeringMachine: 0,
      priority: 0,
      postRoute: 0,
      activeConnectionDeviceId: cc.newConnectionDeviceId,
      heldConnectionDeviceId: call.connectionDeviceId,
    });
    assert.equal(tc.messageType, 'TRANSFER_CALL_CONF');
    assert.equal(tc.newConnectionCallId, call.connectionCallId);
    assert.ok(tc.connectedPartyDeviceId.includes('1002'));
    const x = d1.messages.find((m) => m.messageType === 'CALL_TRANSFERRED_EVENT')!;
    assert.equal(x.primaryCallId, call.connectionCallId);
    assert.equal(x.secondaryCallId, cc.newConnectionCallId);
    // Agent 2 now has the original call: it was announced to it with its context.
    const begin2 = await d2.next(
      (m) => m.messageType === 'BEGIN_CALL_EVENT' && m.connectionCallId === call.connectionCallId,
    );
    assert.equal(begin2.callVariable1, 'x');
    assert.deepEqual(call.parties, ['1002']);
    assert.equal(sim.model.getAgent('1001').state, AS.AGENT_STATE_AVAILABLE);
    await sim.releaseCall(call);
    await d2.next((m) => m.messageType === 'END_CALL_EVENT' && m.connectionCallId === call.connectionCallId);
  });

  it('consult + conference: both agents on the original call', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const d2 = await agentClient(fx, sim.port, '1002');
    const call = await sim.startInboundCall({ agentId: '1001', answer: true });
    const consult = await sim.consultCall(call, '1002');
    await sim.conferenceCall(call, consult);
    const conf = await d2.next('CALL_CONFERENCED_EVENT');
    assert.equal(conf.primaryCallId, call.connectionCallId);
    assert.equal(conf.numParties, 3);
    assert.deepEqual(call.parties.sort(), ['1001', '1002']);
    await sim.releaseCall(call);
    const ends = await d2.until(
      (m) => m.messageType === 'END_CALL_EVENT' && m.connectionCallId === call.connectionCallId,
    );
    assert.equal(ends.filter((m) => m.messageType === 'CALL_CONNECTION_CLEARED_EVENT').length, 2);
  });

  it('SET_CALL_DATA_REQ: CONF, CALL_DATA_UPDATE_EVENT to a second client; pre-v22 clients get only the changed ECC', async () => {
    const sim = await fx.sim();
    const writer = await agentClient(fx, sim.port, '1001');
    const bridge = await bridgeClient(fx, sim.port);
    const old = await bridgeClient(fx, sim.port, {}, 21);
    const call = await sim.startInboundCall({
      agentId: '1001',
      answer: true,
      namedVariables: [{ name: 'user.a', value: '1' }],
    });
    const ans = await writer.request({
      messageType: 'SET_CALL_DATA_REQ',
      peripheralId: 5000,
      connectionDeviceIdType: call.connectionDeviceIdType,
      connectionCallId: call.connectionCallId,
      callType: 0,
      calledPartyDisposition: 0,
      campaignId: 0,
      queryRuleId: 0,
      connectionDeviceId: call.connectionDeviceId,
      callVariable3: 'three',
      namedVariables: [{ name: 'user.b', value: '2' }],
    });
    assert.equal(ans.messageType, 'SET_CALL_DATA_CONF');
    const upd = await bridge.next('CALL_DATA_UPDATE_EVENT');
    assert.equal(upd.callVariable3, 'three');
    assert.equal(upd.callVariable1, undefined, 'only changed items');
    assert.deepEqual(upd.namedVariables, [
      { name: 'user.a', value: '1' },
      { name: 'user.b', value: '2' },
    ]);
    assert.deepEqual(upd.ctiClientSignature, ['desk-1001']);
    const updOld = await old.next('CALL_DATA_UPDATE_EVENT');
    assert.deepEqual(updOld.namedVariables, [{ name: 'user.b', value: '2' }]);
    assert.equal(call.callVariables[3], 'three');
  });

  it('SET_CALL_DATA_REQ / RELEASE_CALL_REQ failures: unknown call, not a party, ECC over 2000 bytes, no service', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const d1 = await agentClient(fx, sim.port, '1001');
    const d2 = await agentClient(fx, sim.port, '1002');
    const call = await sim.startInboundCall({ agentId: '1001', answer: true });
    const base = {
      messageType: 'SET_CALL_DATA_REQ',
      peripheralId: 5000,
      connectionDeviceIdType: call.connectionDeviceIdType,
      connectionCallId: call.connectionCallId,
      callType: 0,
      calledPartyDisposition: 0,
      campaignId: 0,
      queryRuleId: 0,
      connectionDeviceId: call.connectionDeviceId,
    };
    assert.equal((await d1.request({ ...base, connectionCallId: 1 })).status, S.E_CTI_INVALID_CALLID);
    assert.equal((await d2.request({ ...base, callVariable1: 'x' })).status, S.E_CTI_NOT_CALL_PARTY);
    assert.equal((await d1.request({ ...base, peripheralId: 1 })).status, S.E_CTI_INVALID_PERIPHERAL_ID);
    // ECC just under the encoder's limit, then one more NAMEDVAR appended by hand to pass 2000 bytes.
    const frame = encodeMessage(
      {
        ...base,
        invokeId: 99,
        namedVariables: Array.from({ length: 9 }, (_, i) => ({ name: `user.v${i}`, value: 'x'.repeat(200) })),
      },
      24,
    );
    const extraData = Buffer.from('user.extra\0' + 'y'.repeat(200) + '\0', 'latin1');
    const tlv = Buffer.alloc(4);
    tlv.writeUInt16BE(82, 0);
    tlv.writeUInt16BE(extraData.length, 2);
    const big = Buffer.concat([frame, tlv, extraData]);
    big.writeUInt32BE(big.length - 8, 0);
    big.writeUInt16BE(10, 8 + 14); // NumNamedVariables
    d1.sendRaw(big);
    const tooMuch = await d1.next((m) => m.invokeId === 99);
    assert.equal(tooMuch.status, S.E_CTI_TOO_MUCH_DATA);
    const noSvc = await fx.client(sim.port);
    await noSvc.open({ servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS, clientId: 'ro' });
    assert.equal((await noSvc.request(base)).status, S.E_CTI_FUNCTION_NOT_AVAILABLE);
    await sim.releaseCall(call);
    // After the call: wrap-up data still accepted, and RELEASE_CALL_REQ ends the window.
    assert.equal((await d1.request({ ...base, callWrapupData: 'wrapped' })).messageType, 'SET_CALL_DATA_CONF');
    const rel = {
      messageType: 'RELEASE_CALL_REQ',
      peripheralId: 5000,
      connectionDeviceIdType: call.connectionDeviceIdType,
      connectionCallId: call.connectionCallId,
      connectionDeviceId: call.connectionDeviceId,
    };
    assert.equal((await d1.request(rel)).messageType, 'RELEASE_CALL_CONF');
    assert.equal((await d1.request(rel)).status, S.E_CTI_INVALID_CALLID);
  });

  it('client control: hold/retrieve/clear, MAKE_CALL, SET/QUERY_AGENT_STATE, SNAPSHOT_CALL and CONTROL_FAILURE_CONF', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const d1 = await agentClient(fx, sim.port, '1001');
    const call = await sim.startInboundCall({ agentId: '1001', answer: true, callVariables: { 2: 'two' } });
    const id = {
      peripheralId: 5000,
      connectionCallId: call.connectionCallId,
      connectionDeviceIdType: call.connectionDeviceIdType,
      connectionDeviceId: call.connectionDeviceId,
    };
    const CF = ControlFailureCode.byName;
    const badRetrieve = await d1.request({
      messageType: 'RETRIEVE_CALL_REQ',
      peripheralId: 5000,
      heldConnectionCallId: call.connectionCallId,
      heldConnectionDeviceIdType: 0,
      heldConnectionDeviceId: call.connectionDeviceId,
    });
    assert.equal(badRetrieve.messageType, 'CONTROL_FAILURE_CONF');
    assert.equal(badRetrieve.failureCode, CF.CF_NO_HELD_CALL);
    assert.equal(
      (await d1.request({ messageType: 'HOLD_CALL_REQ', ...id, reservation: 0 })).messageType,
      'HOLD_CALL_CONF',
    );
    assert.equal(
      (
        await d1.request({
          messageType: 'RETRIEVE_CALL_REQ',
          peripheralId: 5000,
          heldConnectionCallId: call.connectionCallId,
          heldConnectionDeviceIdType: 0,
          heldConnectionDeviceId: call.connectionDeviceId,
        })
      ).messageType,
      'RETRIEVE_CALL_CONF',
    );
    const snap = await d1.request({ messageType: 'SNAPSHOT_CALL_REQ', ...id });
    assert.equal(snap.messageType, 'SNAPSHOT_CALL_CONF');
    assert.equal(snap.callVariable2, 'two');
    assert.deepEqual(snap.callDeviceId, ['1001']);
    assert.deepEqual(snap.callDeviceConnectionState, [LCS.LCS_CONNECT]);
    const unknown = await d1.request({ messageType: 'CLEAR_CALL_REQ', ...id, connectionCallId: 42 });
    assert.equal(unknown.failureCode, CF.CF_INVALID_CSTA_CALL_IDENTIFIER);
    assert.equal(
      (await d1.request({ messageType: 'CLEAR_CONNECTION_REQ', ...id, requestingDeviceIdType: 0xffff })).messageType,
      'CLEAR_CONNECTION_CONF',
    );
    assert.ok(
      d1.messages.some((m) => m.messageType === 'END_CALL_EVENT' && m.connectionCallId === call.connectionCallId),
    );
    const others = await d1.request({
      messageType: 'MAKE_CALL_REQ',
      peripheralId: 5000,
      callPlacementType: 0,
      callMannerType: 0,
      alertRings: 0,
      callOption: 0,
      facilityType: 0,
      answeringMachine: 0,
      priority: 0,
      postRoute: 0,
      skillGroupNumber: 0xffffffff,
      agentInstrument: '1002',
      dialedNumber: '555',
    });
    assert.equal(others.failureCode, CF.CF_PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE);
    const mk = await d1.request({
      messageType: 'MAKE_CALL_REQ',
      peripheralId: 5000,
      callPlacementType: 0,
      callMannerType: 0,
      alertRings: 0,
      callOption: 0,
      facilityType: 0,
      answeringMachine: 0,
      priority: 0,
      postRoute: 0,
      skillGroupNumber: 0xffffffff,
      agentInstrument: '1001',
      dialedNumber: '555',
    });
    assert.equal(mk.messageType, 'MAKE_CALL_CONF');
    const begin = d1.messages.filter((m) => m.messageType === 'BEGIN_CALL_EVENT').pop()!;
    assert.equal(begin.connectionCallId, mk.newConnectionCallId);
    assert.equal(
      (
        await d1.request({
          messageType: 'CLEAR_CALL_REQ',
          peripheralId: 5000,
          connectionCallId: mk.newConnectionCallId,
          connectionDeviceIdType: mk.newConnectionDeviceIdType,
          connectionDeviceId: mk.newConnectionDeviceId,
        })
      ).messageType,
      'CLEAR_CALL_CONF',
    );
    const st = await d1.request({
      messageType: 'SET_AGENT_STATE_REQ',
      peripheralId: 5000,
      agentState: AS.AGENT_STATE_NOT_READY,
      agentWorkMode: 0,
      eventReasonCode: 7,
      forcedFlag: 0,
      agentServiceReq: 0,
      agentInstrument: '1001',
    });
    assert.equal(st.messageType, 'SET_AGENT_STATE_CONF');
    await d1.next((m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentState === AS.AGENT_STATE_NOT_READY);
    const q = await d1.request({
      messageType: 'QUERY_AGENT_STATE_REQ',
      peripheralId: 5000,
      mrdid: 1,
      icmAgentId: 0,
      agentId: '1001',
    });
    assert.equal(q.messageType, 'QUERY_AGENT_STATE_CONF');
    assert.equal(q.agentState, AS.AGENT_STATE_NOT_READY);
    assert.equal(q.agentExtension, '1001');
  });
});
