/**
 * The simulator's Supervisor service over real TCP (cti-protocol-supervisor-config.md §20,
 * cti-protocol-statistics-teams.md §13): supervisor sessions and their team, team lists and monitors,
 * SUPERVISE_CALL (monitor → barge-in → intercept, clear) with the events at the agent's desktop, the
 * supervisor's desktop and an All Events bridge, the refusals, help / emergency requests and a supervisor
 * changing a team member's state. Against the simulator's defaults (team 1 "Team Blue", supervisor 1009).
 */
import assert from 'node:assert/strict';
import { AgentState, type CtiMessage, EventCause, StatusCode, SupervisoryAction } from '../../lib/protocol';
import { addTeamMember, type CtiSimulator } from '../../lib/simulator';
import { agentClient, bridgeClient, Fixture, types } from './helpers';
import { type RawClient, SVC } from './raw-client';

const S = StatusCode.byName;
const AS = AgentState.byName;
const SA = SupervisoryAction.byName;
const CEC = EventCause.byName;
const NONE = 0xffffffff;
const SUPERVISOR_SERVICES = SVC.CTI_SERVICE_CLIENT_EVENTS | SVC.CTI_SERVICE_CLIENT_CONTROL | SVC.CTI_SERVICE_SUPERVISOR;

/** The supervisor's desktop: Client Events + Client Control + Supervisor for `agentId`. */
async function supervisorClient(fx: Fixture, port: number, agentId = '1009'): Promise<RawClient> {
  const c = await fx.client(port);
  const conf = await c.open({
    clientId: `sup-${agentId}`,
    servicesRequested: SUPERVISOR_SERVICES,
    peripheralId: 5000,
    agentId,
  });
  assert.equal(conf.messageType, 'OPEN_CONF', JSON.stringify(conf));
  return c;
}

function supervise(action: number, fields: Partial<CtiMessage> = {}): CtiMessage {
  return {
    messageType: 'SUPERVISE_CALL_REQ',
    peripheralId: 5000,
    agentConnectionCallId: NONE,
    supervisorConnectionCallId: NONE,
    agentConnectionDeviceIdType: 0,
    supervisorConnectionDeviceIdType: 0,
    supervisoryAction: action,
    ...fields,
  };
}

/** Messages of a client from index `from` on, without heartbeats. */
const since = (c: RawClient, from: number): CtiMessage[] => c.messages.slice(from);

describe('simulator: Supervisor service (teams, supervise call, help / emergency)', function () {
  this.timeout(20000);
  const fx = new Fixture();
  let sim: CtiSimulator;
  beforeEach(async () => {
    sim = await fx.sim();
  });
  afterEach(() => fx.cleanup());

  it('a supervisor session for 1009 opens and receives team 1 (1001-1005); one for 1001 is refused', async () => {
    const sup = await supervisorClient(fx, sim.port);
    assert.equal(sup.messages[0].servicesGranted & SVC.CTI_SERVICE_SUPERVISOR, SVC.CTI_SERVICE_SUPERVISOR);
    const team = await sup.next('AGENT_TEAM_CONFIG_EVENT');
    assert.equal(team.teamId, 1);
    assert.equal(team.agentTeamName, 'Team Blue');
    assert.equal(team.configOperation, 0);
    assert.deepEqual(team.atcAgentId, ['1001', '1002', '1003', '1004', '1005', '1009']);
    assert.deepEqual(team.agentFlags, [0, 0, 0, 0, 0, 0x0005], 'the supervisor is flagged primary supervisor');
    assert.deepEqual(team.atcAgentState, [3, 3, 3, 3, 3, AS.AGENT_STATE_NOT_READY]);
    assert.equal(team.numberOfAgents, 6);

    const c = await fx.client(sim.port);
    const refused = await c.open({
      clientId: 'x',
      servicesRequested: SUPERVISOR_SERVICES,
      peripheralId: 5000,
      agentId: '1001',
    });
    assert.equal(refused.messageType, 'FAILURE_CONF');
    assert.equal(refused.status, S.E_CTI_FUNCTION_NOT_AVAILABLE);
  });

  it('the team comes again when it changes; without the AGENT_TEAM_CONFIG mask bit it does not come', async () => {
    const sup = await supervisorClient(fx, sim.port);
    await sup.next('AGENT_TEAM_CONFIG_EVENT');
    addTeamMember(sim.model, 1, '1009');
    const again = await sup.next('AGENT_TEAM_CONFIG_EVENT');
    assert.deepEqual(again.atcAgentId, ['1001', '1002', '1003', '1004', '1005', '1009', '1009']);
    sup.close();

    const masked = await fx.client(sim.port);
    const conf = await masked.open({
      clientId: 'sup-masked',
      servicesRequested: SUPERVISOR_SERVICES,
      peripheralId: 5000,
      agentId: '1009',
      callMsgMask: 0x0fffffff & ~0x00800000,
    });
    assert.equal(conf.messageType, 'OPEN_CONF');
    // The next thing the session receives is the answer to a heartbeat: no team event was queued before it.
    const hb = await masked.request({ messageType: 'HEARTBEAT_REQ' });
    assert.deepEqual(types(masked.messages), ['OPEN_CONF', hb.messageType]);
  });

  it("LIST_AGENT_TEAM, MONITOR_AGENT_TEAM_START (members' states arrive with the MonitorID) and STOP", async () => {
    const sup = await supervisorClient(fx, sim.port);
    const list = await sup.request({ messageType: 'LIST_AGENT_TEAM_REQ', supervisorId: 0 });
    assert.deepEqual(
      [list.messageType, list.teamId, list.segmentNumber, list.more],
      ['LIST_AGENT_TEAM_CONF', [1], 1, 0],
    );
    const bySkillTarget = await sup.request({
      messageType: 'LIST_AGENT_TEAM_REQ',
      supervisorId: sim.model.getAgent('1009').skillTargetId,
    });
    assert.deepEqual(bySkillTarget.teamId, [1]);
    assert.equal(
      (await sup.request({ messageType: 'LIST_AGENT_TEAM_REQ', supervisorId: 424242 })).status,
      S.E_CTI_SUPERVISOR_NOT_FOUND,
    );

    assert.equal(
      (await sup.request({ messageType: 'MONITOR_AGENT_TEAM_START_REQ', teamId: 9 })).status,
      S.E_CTI_TEAM_NOT_FOUND,
    );
    const start = await sup.request({ messageType: 'MONITOR_AGENT_TEAM_START_REQ', teamId: 1 });
    assert.equal(start.messageType, 'MONITOR_AGENT_TEAM_START_CONF');
    const twice = await sup.request({ messageType: 'MONITOR_AGENT_TEAM_START_REQ', teamId: 1 });
    assert.equal(twice.status, S.E_CTI_AGENT_TEAM_MONITOR_ALREADY_EXISTS);

    await sim.setAgentState('1002', AS.AGENT_STATE_NOT_READY, 4);
    const st = await sup.next((m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentId === '1002');
    assert.equal(st.agentState, AS.AGENT_STATE_NOT_READY);
    assert.equal(st.monitorId, start.monitorId);

    const stop = await sup.request({ messageType: 'MONITOR_AGENT_TEAM_STOP_REQ', monitorId: start.monitorId });
    assert.equal(stop.messageType, 'MONITOR_AGENT_TEAM_STOP_CONF');
    assert.equal(
      (await sup.request({ messageType: 'MONITOR_AGENT_TEAM_STOP_REQ', monitorId: start.monitorId })).status,
      S.E_CTI_INVALID_MONITORID,
    );
    const mark = sup.messages.length;
    await sim.setAgentState('1002', AS.AGENT_STATE_AVAILABLE);
    // The supervisor's own state change is the marker: nothing about 1002 arrived before it.
    await sim.setAgentState('1009', AS.AGENT_STATE_NOT_READY, 1);
    await sup.next((m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentId === '1009');
    assert.ok(!since(sup, mark).some((m) => m.agentId === '1002'), types(since(sup, mark)).join());

    const desk = await agentClient(fx, sim.port, '1003');
    assert.equal(
      (await desk.request({ messageType: 'LIST_AGENT_TEAM_REQ', supervisorId: 0 })).status,
      S.E_CTI_FUNCTION_NOT_AVAILABLE,
    );
  });

  it('monitor → barge-in → intercept leaves the customer with the supervisor; each step reaches agent, supervisor and bridge', async () => {
    const bridge = await bridgeClient(fx, sim.port);
    const sup = await supervisorClient(fx, sim.port);
    await sup.next('AGENT_TEAM_CONFIG_EVENT');
    const desk = await agentClient(fx, sim.port, '1001');
    const call = await sim.startInboundCall({ agentId: '1001', answer: true });
    await desk.next((m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentState === AS.AGENT_STATE_TALKING);
    await bridge.next((m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentState === AS.AGENT_STATE_TALKING);

    // 1. Silent monitor: a monitor call (CallType 21) appears at the agent and the supervisor.
    let d = desk.messages.length;
    let b = bridge.messages.length;
    let s = sup.messages.length;
    const mon = await sup.request(supervise(SA.SUPERVISOR_MONITOR, { agentId: '1001' }));
    assert.equal(mon.messageType, 'SUPERVISE_CALL_CONF', JSON.stringify(mon));
    assert.equal(mon.connectionCallId, call.connectionCallId, 'the CONF names the supervised call');
    const supMon = since(sup, s);
    assert.deepEqual(types(supMon), [
      'BEGIN_CALL_EVENT',
      'CALL_ESTABLISHED_EVENT',
      'AGENT_STATE:TALKING',
      'SUPERVISE_CALL_CONF',
    ]);
    assert.equal(supMon[0].callType, 21);
    assert.equal(supMon[1].eventCause, CEC.CEC_SUPERVISOR_MONITOR);
    const monitorCallId = supMon[0].connectionCallId;
    await desk.next((m) => m.messageType === 'CALL_ESTABLISHED_EVENT' && m.connectionCallId === monitorCallId);
    assert.deepEqual(types(since(desk, d)), ['BEGIN_CALL_EVENT', 'CALL_ESTABLISHED_EVENT']);
    await bridge.next((m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentId === '1009');
    assert.deepEqual(types(since(bridge, b)), ['BEGIN_CALL_EVENT', 'CALL_ESTABLISHED_EVENT', 'AGENT_STATE:TALKING']);

    // 2. Barge-in: the monitor call ends, the supervisor is conferenced into the customer call.
    d = desk.messages.length;
    b = bridge.messages.length;
    s = sup.messages.length;
    const barge = await sup.request(supervise(SA.SUPERVISOR_BARGE_IN, { agentId: '1001' }));
    assert.equal(barge.messageType, 'SUPERVISE_CALL_CONF', JSON.stringify(barge));
    const supBarge = since(sup, s);
    assert.deepEqual(types(supBarge), [
      'CALL_CONNECTION_CLEARED_EVENT',
      'CALL_CLEARED_EVENT',
      'END_CALL_EVENT',
      'BEGIN_CALL_EVENT', // the leg from the agent (CallType 23)
      'CALL_ESTABLISHED_EVENT',
      'BEGIN_CALL_EVENT', // the customer call, new to the supervisor
      'CALL_CONFERENCED_EVENT',
      'END_CALL_EVENT', // the leg
      'SUPERVISE_CALL_CONF',
    ]);
    assert.equal(supBarge[3].callType, 23);
    const conferenced = supBarge[6];
    assert.equal(conferenced.eventCause, CEC.CEC_SUPERVISOR_BARGE_IN);
    assert.equal(conferenced.controllerDeviceId, '1001');
    assert.equal(conferenced.addedPartyDeviceId, '1009');
    assert.equal(conferenced.primaryCallId, call.connectionCallId);
    await desk.next((m) => m.messageType === 'END_CALL_EVENT' && m.connectionCallId === supBarge[3].connectionCallId);
    assert.deepEqual(types(since(desk, d)), [
      'CALL_CONNECTION_CLEARED_EVENT',
      'CALL_CLEARED_EVENT',
      'END_CALL_EVENT',
      'CALL_HELD_EVENT',
      'BEGIN_CALL_EVENT',
      'CALL_ESTABLISHED_EVENT',
      'CALL_CONFERENCED_EVENT',
      'END_CALL_EVENT',
    ]);
    await bridge.next((m) => m.messageType === 'END_CALL_EVENT' && m.connectionCallId === supBarge[3].connectionCallId);
    assert.deepEqual(types(since(bridge, b)), types(since(desk, d)));
    assert.deepEqual([...call.connections.keys()].sort(), ['1001', '1009']);

    // 3. Intercept: the agent's connection is dropped; the customer stays with the supervisor.
    d = desk.messages.length;
    b = bridge.messages.length;
    s = sup.messages.length;
    const icp = await sup.request(supervise(SA.SUPERVISOR_INTERCEPT, { agentId: '1001' }));
    assert.equal(icp.messageType, 'SUPERVISE_CALL_CONF', JSON.stringify(icp));
    assert.deepEqual(types(since(sup, s)), ['CALL_CONNECTION_CLEARED_EVENT', 'SUPERVISE_CALL_CONF']);
    assert.equal(sup.messages[s].eventCause, CEC.CEC_SUPERVISOR_INTERCEPT);
    assert.equal(sup.messages[s].releasingDeviceId, '1001');
    await desk.next((m) => m.messageType === 'AGENT_STATE_EVENT');
    assert.deepEqual(types(since(desk, d)), [
      'CALL_CONNECTION_CLEARED_EVENT',
      'END_CALL_EVENT',
      'AGENT_STATE:AVAILABLE',
    ]);
    await bridge.next((m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentId === '1001');
    assert.deepEqual(types(since(bridge, b)), ['CALL_CONNECTION_CLEARED_EVENT', 'AGENT_STATE:AVAILABLE']);
    assert.deepEqual([...call.connections.keys()], ['1009']);
    assert.equal(call.agentId, '1009');
    assert.ok(sim.model.calls.has(call));

    // The customer hangs up: the supervisor goes back to Not Ready (its state before monitoring).
    s = sup.messages.length;
    await sim.hangUpCaller(call);
    await sup.next((m) => m.messageType === 'AGENT_STATE_EVENT');
    assert.deepEqual(types(since(sup, s)), [
      'CALL_CONNECTION_CLEARED_EVENT',
      'CALL_CLEARED_EVENT',
      'END_CALL_EVENT',
      'AGENT_STATE:NOT_READY',
    ]);
  });

  it('clear ends a silent monitor (and the supervisor returns to Not Ready); a monitor ends when the call ends', async () => {
    const sup = await supervisorClient(fx, sim.port);
    const desk = await agentClient(fx, sim.port, '1002');
    const call = await sim.startInboundCall({ agentId: '1002', answer: true });
    assert.equal(
      (await sup.request(supervise(SA.SUPERVISOR_MONITOR, { agentExtension: '1002' }))).messageType,
      'SUPERVISE_CALL_CONF',
    );
    let s = sup.messages.length;
    const d = desk.messages.length;
    const cleared = await sup.request(supervise(SA.SUPERVISOR_CLEAR));
    assert.equal(cleared.messageType, 'SUPERVISE_CALL_CONF', JSON.stringify(cleared));
    assert.deepEqual(types(since(sup, s)), [
      'CALL_CONNECTION_CLEARED_EVENT',
      'CALL_CLEARED_EVENT',
      'END_CALL_EVENT',
      'AGENT_STATE:NOT_READY',
      'SUPERVISE_CALL_CONF',
    ]);
    assert.equal(sup.messages[s].eventCause, CEC.CEC_SUPERVISOR_CLEAR);
    await desk.next('END_CALL_EVENT');
    assert.deepEqual(types(since(desk, d)), ['CALL_CONNECTION_CLEARED_EVENT', 'CALL_CLEARED_EVENT', 'END_CALL_EVENT']);
    assert.ok(sim.model.calls.has(call), 'the customer call goes on');

    // Monitor again; the customer hangs up: the monitor call ends with it.
    assert.equal(
      (await sup.request(supervise(SA.SUPERVISOR_MONITOR, { agentId: '1002' }))).messageType,
      'SUPERVISE_CALL_CONF',
    );
    s = sup.messages.length;
    await sim.hangUpCaller(call);
    await sup.next((m) => m.messageType === 'AGENT_STATE_EVENT');
    assert.deepEqual(types(since(sup, s)), [
      'CALL_CONNECTION_CLEARED_EVENT',
      'CALL_CLEARED_EVENT',
      'END_CALL_EVENT',
      'AGENT_STATE:NOT_READY',
    ]);
    assert.equal(sim.model.getAgent('1002').state, AS.AGENT_STATE_AVAILABLE);
    assert.equal(sim.model.calls.size, 0);
  });

  it('refusals of §20.7', async () => {
    const sup = await supervisorClient(fx, sim.port);
    const desk = await agentClient(fx, sim.port, '1001');
    // No active call at the agent.
    const noCall = await sup.request(supervise(SA.SUPERVISOR_MONITOR, { agentId: '1001' }));
    assert.deepEqual([noCall.messageType, noCall.status], ['FAILURE_CONF', S.E_CTI_NO_CALL_ACTIVE]);
    // Not a supervisory action.
    const bad = await sup.request(supervise(7, { agentId: '1001' }));
    assert.deepEqual([bad.messageType, bad.status], ['FAILURE_CONF', S.E_CTI_INVALID_SUPERVISORY_ACTION]);
    // A session without the Supervisor service.
    const notSup = await desk.request(supervise(SA.SUPERVISOR_MONITOR, { agentId: '1001' }));
    assert.deepEqual([notSup.messageType, notSup.status], ['FAILURE_CONF', S.E_CTI_FUNCTION_NOT_AVAILABLE]);
    // No agent named, nothing supervised.
    const nobody = await sup.request(supervise(SA.SUPERVISOR_MONITOR));
    assert.deepEqual([nobody.messageType, nobody.status], ['FAILURE_CONF', S.E_CTI_REQUIRED_DATA_MISSING]);
    const nothing = await sup.request(supervise(SA.SUPERVISOR_CLEAR));
    assert.equal(nothing.messageType, 'CONTROL_FAILURE_CONF');

    await sim.startInboundCall({ agentId: '1001', answer: true });
    // Barge-in only while monitoring; intercept only after barge-in.
    const barge = await sup.request(supervise(SA.SUPERVISOR_BARGE_IN, { agentId: '1001' }));
    assert.deepEqual(
      [barge.messageType, barge.failureCode],
      ['CONTROL_FAILURE_CONF', 22 /* CF_INVALID_OBJECT_STATE */],
    );
    const icp = await sup.request(supervise(SA.SUPERVISOR_INTERCEPT, { agentId: '1001' }));
    assert.deepEqual([icp.messageType, icp.failureCode], ['CONTROL_FAILURE_CONF', 22]);
    // Whisper is refused by the peripheral.
    const whisper = await sup.request(supervise(SA.SUPERVISOR_WHISPER, { agentId: '1001' }));
    assert.equal(whisper.messageType, 'CONTROL_FAILURE_CONF');
    assert.equal(
      (await sup.request(supervise(SA.SUPERVISOR_MONITOR, { agentId: '1001' }))).messageType,
      'SUPERVISE_CALL_CONF',
    );
    const intercept = await sup.request(supervise(SA.SUPERVISOR_INTERCEPT, { agentId: '1001' }));
    assert.deepEqual([intercept.messageType, intercept.failureCode], ['CONTROL_FAILURE_CONF', 22]);
    const monitorTwice = await sup.request(supervise(SA.SUPERVISOR_MONITOR, { agentId: '1001' }));
    assert.equal(monitorTwice.messageType, 'CONTROL_FAILURE_CONF');
  });

  it('a bridge supervises with SupervisorInstrument and a named call', async () => {
    const bridge = await bridgeClient(fx, sim.port, {
      servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS | SVC.CTI_SERVICE_CLIENT_CONTROL | SVC.CTI_SERVICE_SUPERVISOR,
    });
    const call = await sim.startInboundCall({ agentId: '1004', answer: true });
    const req = supervise(SA.SUPERVISOR_MONITOR, {
      agentConnectionCallId: call.connectionCallId,
      agentConnectionDeviceIdType: call.connectionDeviceIdType,
      agentConnectionDeviceId: call.connectionDeviceId,
    });
    const missing = await bridge.request(req);
    assert.deepEqual([missing.messageType, missing.status], ['FAILURE_CONF', S.E_CTI_REQUIRED_DATA_MISSING]);
    const ok = await bridge.request({ ...req, supervisorInstrument: '1009' });
    assert.equal(ok.messageType, 'SUPERVISE_CALL_CONF', JSON.stringify(ok));
    assert.equal(sim.model.getAgent('1009').state, AS.AGENT_STATE_TALKING);
  });

  it('EMERGENCY_CALL_REQ from 1001 reaches the supervisor session and the bridge; SUPERVISOR_ASSIST_REQ only the supervisor', async () => {
    const bridge = await bridgeClient(fx, sim.port);
    const desk = await agentClient(fx, sim.port, '1001');
    // No supervisor logged in: the emergency still reaches the bridge; the agent gets E_CTI_SUPERVISOR_NOT_FOUND.
    const alone = await desk.request({
      messageType: 'EMERGENCY_CALL_REQ',
      peripheralId: 5000,
      connectionCallId: NONE,
      connectionDeviceIdType: 0,
      connectionDeviceId: '',
    });
    assert.deepEqual([alone.messageType, alone.status], ['FAILURE_CONF', S.E_CTI_SUPERVISOR_NOT_FOUND]);
    const first = await bridge.next('EMERGENCY_CALL_EVENT');
    assert.equal(first.agentId, '1001');

    const sup = await supervisorClient(fx, sim.port);
    const call = await sim.startInboundCall({ agentId: '1001', answer: true });
    const assist = await desk.request({
      messageType: 'SUPERVISOR_ASSIST_REQ',
      peripheralId: 5000,
      connectionCallId: call.connectionCallId,
      connectionDeviceIdType: call.connectionDeviceIdType,
      connectionDeviceId: call.connectionDeviceId,
    });
    assert.equal(assist.messageType, 'SUPERVISOR_ASSIST_CONF', JSON.stringify(assist));
    assert.equal(assist.connectionCallId, call.connectionCallId);
    const help = await sup.next('SUPERVISOR_ASSIST_EVENT');
    assert.deepEqual(
      [help.agentId, help.connectionCallId, help.clientId],
      ['1001', call.connectionCallId, 'desk-1001'],
    );

    const emergency = await desk.request({
      messageType: 'EMERGENCY_CALL_REQ',
      peripheralId: 5000,
      connectionCallId: NONE,
      connectionDeviceIdType: 0,
      connectionDeviceId: '',
    });
    assert.equal(emergency.messageType, 'EMERGENCY_CALL_CONF', JSON.stringify(emergency));
    const atSup = await sup.next('EMERGENCY_CALL_EVENT');
    assert.deepEqual([atSup.agentId, atSup.agentExtension, atSup.clientAddress], ['1001', '1001', '127.0.0.1']);
    const atBridge = await bridge.next(
      (m) => m.messageType === 'EMERGENCY_CALL_EVENT' || m.messageType === 'SUPERVISOR_ASSIST_EVENT',
    );
    assert.equal(atBridge.messageType, 'EMERGENCY_CALL_EVENT', 'the help request did not go to the bridge');

    // An agent in no team.
    await sim.stop();
    sim = await fx.sim({ teams: '2=Red@1002/1009' });
    const lone = await agentClient(fx, sim.port, '1001');
    const noTeam = await lone.request({
      messageType: 'SUPERVISOR_ASSIST_REQ',
      peripheralId: 5000,
      connectionCallId: NONE,
      connectionDeviceIdType: 0,
      connectionDeviceId: '',
    });
    assert.deepEqual([noTeam.messageType, noTeam.status], ['FAILURE_CONF', S.E_CTI_TEAM_NOT_FOUND]);
  });

  it('a supervisor sets 1002 Not Ready with reason 7, and logs out a talking 1003 when its call ends', async () => {
    const sup = await supervisorClient(fx, sim.port);
    const desk = await agentClient(fx, sim.port, '1002');
    const r = await sup.request({
      messageType: 'SET_AGENT_STATE_REQ',
      peripheralId: 5000,
      agentState: AS.AGENT_STATE_NOT_READY,
      agentWorkMode: 0,
      eventReasonCode: 7,
      forcedFlag: 0,
      agentServiceReq: 0,
      agentInstrument: '1002',
      agentId: '1002',
    });
    assert.equal(r.messageType, 'SET_AGENT_STATE_CONF', JSON.stringify(r));
    const st = await desk.next('AGENT_STATE_EVENT');
    assert.deepEqual([st.agentId, st.agentState, st.eventReasonCode], ['1002', AS.AGENT_STATE_NOT_READY, 7]);

    const desk3 = await agentClient(fx, sim.port, '1003');
    const call = await sim.startInboundCall({ agentId: '1003', answer: true });
    await desk3.next((m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentState === AS.AGENT_STATE_TALKING);
    const out = await sup.request({
      messageType: 'SET_AGENT_STATE_REQ',
      peripheralId: 5000,
      agentState: AS.AGENT_STATE_LOGOUT,
      agentWorkMode: 0,
      eventReasonCode: 0,
      forcedFlag: 0,
      agentServiceReq: 0,
      agentInstrument: '1003',
    });
    assert.equal(out.messageType, 'SET_AGENT_STATE_CONF');
    const pending = await desk3.next('AGENT_STATE_EVENT');
    assert.deepEqual([pending.agentState, pending.nextAgentState], [AS.AGENT_STATE_TALKING, AS.AGENT_STATE_LOGOUT]);
    await sim.hangUpCaller(call);
    const loggedOut = await desk3.next('AGENT_STATE_EVENT');
    assert.deepEqual([loggedOut.agentState, loggedOut.eventReasonCode], [AS.AGENT_STATE_LOGOUT, 999]);

    // Outside the team: refused.
    await sim.stop();
    sim = await fx.sim({ teams: '2=Red@1002/1009' });
    const sup2 = await supervisorClient(fx, sim.port);
    const outside = await sup2.request({
      messageType: 'SET_AGENT_STATE_REQ',
      peripheralId: 5000,
      agentState: AS.AGENT_STATE_NOT_READY,
      agentWorkMode: 0,
      eventReasonCode: 7,
      forcedFlag: 0,
      agentServiceReq: 0,
      agentInstrument: '1004',
    });
    assert.deepEqual([outside.messageType, outside.failureCode], ['CONTROL_FAILURE_CONF', 8]);
  });

  it('--agents alone has no team and no 1009; teams from code or the compact form', async () => {
    const plain = await fx.sim({ agents: '1001-1003' });
    assert.equal(plain.model.teams.size, 0);
    assert.equal(plain.model.agents.has('1009'), false);
    const custom = await fx.sim({
      teams: [{ teamId: 7, name: 'Night', members: ['1001', '1002'], supervisors: ['1005'] }],
    });
    const sup = await supervisorClient(fx, custom.port, '1005');
    const team = await sup.next('AGENT_TEAM_CONFIG_EVENT');
    assert.deepEqual([team.teamId, team.agentTeamName, team.atcAgentId], [7, 'Night', ['1001', '1002', '1005']]);
  });
});
