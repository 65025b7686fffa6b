import {
  AgentState,
  ControlFailureCode,
  LineType,
  LocalConnectionState,
  MAX_ECC_BYTES,
  MAX_VERSION,
  ServiceMask,
  StatusCode,
} from '../protocol';
import { canMakeCall } from './call-flows';
import { callVariableFields } from './events';
import type { SimAgent, SimCall } from './model';
import {
  checkPeripheral,
  conf,
  control,
  cvsOf,
  eccBytes,
  failure,
  type RequestContext,
  type RequestHandler,
  runFlow,
} from './request-context';

const LCS = LocalConnectionState.byName;
const S = StatusCode.byName;
const CF = ControlFailureCode.byName;
const SVC = ServiceMask.byName;
const AS = AgentState.byName;

/**
 * Client Control service (cti-protocol.md §5): call control, agent state, snapshots. Call-control requests run
 * their call flow first (its events go out) and then answer with the CONF.
 * Unsure: the guide lets events come before or after the CONF; chose events first for call control, CONF first
 * for SET_AGENT_STATE (whose CONF only confirms receipt).
 */
export const CONTROL_HANDLERS = {
  ANSWER_CALL_REQ: (c) => {
    const call = findCall(c, 'connection', true);
    const agent = agentIn(
      c,
      call,
      LCS.LCS_ALERTING,
      CF.CF_NO_CALL_TO_ANSWER,
      'the call is not alerting at this device',
    );
    c.host.flows.answer(call, agent.agentId);
    conf(c, 'ANSWER_CALL_CONF');
  },
  CLEAR_CALL_REQ: (c) => {
    const call = findCall(c, 'connection');
    actingAgent(c, call);
    c.host.flows.release(call);
    conf(c, 'CLEAR_CALL_CONF');
  },
  CLEAR_CONNECTION_REQ: (c) => {
    const call = findCall(c, 'connection');
    const agent = actingAgent(c, call);
    if (!call.connections.has(agent.agentId))
      throw control(CF.CF_NO_CONNECTION_TO_CLEAR, 'the device has no connection to this call');
    c.host.flows.clearConnection(call, agent.agentId);
    conf(c, 'CLEAR_CONNECTION_CONF');
  },
  HOLD_CALL_REQ: (c) => {
    const call = findCall(c, 'connection');
    const agent = agentIn(c, call, LCS.LCS_CONNECT, CF.CF_NO_ACTIVE_CALL, 'the call is not connected at this device');
    c.host.flows.hold(call, agent.agentId);
    conf(c, 'HOLD_CALL_CONF');
  },
  RETRIEVE_CALL_REQ: (c) => {
    const call = findCall(c, 'heldConnection');
    const agent = agentIn(c, call, LCS.LCS_HOLD, CF.CF_NO_HELD_CALL, 'the call is not held at this device');
    c.host.flows.retrieve(call, agent.agentId);
    conf(c, 'RETRIEVE_CALL_CONF');
  },
  MAKE_CALL_REQ: (c) => {
    requireControl(c);
    const agent = agentByInstrument(c, c.msg.agentInstrument);
    if (!canMakeCall(agent)) {
      throw control(
        CF.CF_INVALID_OBJECT_STATE,
        `agent ${agent.agentId} cannot make a call in state ${AgentState.nameOf(agent.state)}`,
      );
    }
    requireEccFitsEveryVersion(c);
    const call = c.host.flows.outbound({
      agent,
      dialedNumber: c.msg.dialedNumber,
      callVariables: cvsOf(c.msg),
      namedVariables: c.msg.namedVariables,
      namedArrays: c.msg.namedArrays,
    });
    c.session.send({
      messageType: 'MAKE_CALL_CONF',
      invokeId: c.invokeId,
      ...newConnection(call),
      lineHandle: 0,
      lineType: LineType.byName.LINETYPE_OUTBOUND_ACD,
    });
  },
  CONSULTATION_CALL_REQ: (c) => {
    const call = findCall(c, 'activeConnection');
    const agent = agentIn(c, call, LCS.LCS_CONNECT, CF.CF_NO_ACTIVE_CALL, 'the call is not connected at this device');
    const consult = runFlow(
      () => c.host.flows.consult(call, agent.agentId, c.msg.dialedNumber),
      CF.CF_INVALID_CALLED_DEVICE,
    );
    c.session.send({
      messageType: 'CONSULTATION_CALL_CONF',
      invokeId: c.invokeId,
      ...newConnection(consult),
      lineHandle: 0,
      lineType: LineType.byName.LINETYPE_INSIDE,
    });
  },
  TRANSFER_CALL_REQ: (c) => joinRequest(c, 'transfer'),
  CONFERENCE_CALL_REQ: (c) => joinRequest(c, 'conference'),
  SET_AGENT_STATE_REQ: setAgentState,
  QUERY_AGENT_STATE_REQ: queryAgentState,
  SNAPSHOT_CALL_REQ: snapshotCall,
} satisfies Record<`${string}_REQ`, RequestHandler>;

export function requireControl(c: RequestContext): void {
  // Unsure: the guide names no status for a request of a service that was not granted; chose
  // E_CTI_FUNCTION_NOT_AVAILABLE.
  if ((c.session.services & SVC.CTI_SERVICE_CLIENT_CONTROL) === 0)
    throw failure(S.E_CTI_FUNCTION_NOT_AVAILABLE, 'Client Control service not granted');
  checkPeripheral(c);
}

/** Where a request names a call: ConnectionCallID / -DeviceIDType / -DeviceID, or the Held… / Active… trio. */
export type CallField = 'connection' | 'heldConnection' | 'activeConnection' | 'otherConnection';

/** Finds the call a control request names (CONTROL_FAILURE_CONF CF_INVALID_CSTA_CALL_IDENTIFIER when unknown). */
export function findCall(c: RequestContext, field: CallField = 'connection', alertingFallback = false): SimCall {
  requireControl(c);
  const callId = c.msg[`${field}CallId`] as number;
  const type = c.msg[`${field}DeviceIdType`] as number;
  const deviceId = c.msg[`${field}DeviceId`] as string;
  let call = c.host.model.findCall(callId, type, deviceId);
  if (call === undefined && alertingFallback && callId === 0xffffffff) {
    const a =
      c.session.agent ??
      (c.msg.agentInstrument ? c.host.model.findAgent({ instrument: c.msg.agentInstrument }) : undefined);
    if (a !== undefined)
      call = c.host.model.callsOf(a.agentId).find((x) => x.connections.get(a.agentId) === LCS.LCS_ALERTING);
  }
  if (call === undefined) throw control(CF.CF_INVALID_CSTA_CALL_IDENTIFIER, `no call ${callId}/${type}/${deviceId}`);
  return call;
}

/** The agent device a request acts for: AgentInstrument, else the session's agent, else the call's agent. */
export function actingAgent(c: RequestContext, call: SimCall): SimAgent {
  const a = c.msg.agentInstrument
    ? agentByInstrument(c, c.msg.agentInstrument)
    : (c.session.agent ?? (call.agentId !== undefined ? c.host.model.getAgent(call.agentId) : undefined));
  if (a === undefined) throw control(CF.CF_INVALID_CSTA_DEVICE_IDENTIFIER, 'no agent device for this request');
  if (!call.connections.has(a.agentId))
    throw control(CF.CF_INVALID_CSTA_CONNECTION_IDENTIFIER, `agent ${a.agentId} is not on call ${call.key}`);
  return a;
}

/** The acting agent, whose connection to `call` must be in state `lcs` (else CONTROL_FAILURE_CONF `code`). */
export function agentIn(c: RequestContext, call: SimCall, lcs: number, code: number, text: string): SimAgent {
  const agent = actingAgent(c, call);
  if (call.connections.get(agent.agentId) !== lcs) throw control(code, text);
  return agent;
}

export function agentByInstrument(c: RequestContext, instrument: string | undefined): SimAgent {
  const a = instrument
    ? (c.host.model.findAgent({ instrument }) ?? c.host.model.findAgent({ extension: instrument }))
    : c.session.agent;
  if (a === undefined) throw control(CF.CF_INVALID_CSTA_DEVICE_IDENTIFIER, `unknown instrument "${instrument ?? ''}"`);
  // Guide: Client Events clients may control only their own agent device; All Events clients any.
  if (!c.session.isAllEvents && c.session.agent !== a)
    throw control(CF.CF_PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE, `device ${instrument} is not this client's`);
  return a;
}

export function newConnection(call: SimCall): Record<string, unknown> {
  return {
    newConnectionCallId: call.connectionCallId,
    newConnectionDeviceIdType: call.connectionDeviceIdType,
    newConnectionDeviceId: call.connectionDeviceId,
  };
}

function joinRequest(c: RequestContext, kind: 'transfer' | 'conference'): void {
  const active = findCall(c, 'activeConnection');
  const agent = actingAgent(c, active);
  let held: SimCall;
  let consult: SimCall;
  if (c.msg.heldConnectionDeviceId === undefined || c.msg.heldConnectionCallId === 0xffffffff) {
    // Single-step (blind) transfer / conference to DialedNumber: played as consult + complete at once.
    if (!c.msg.dialedNumber)
      throw failure(S.E_CTI_REQUIRED_DATA_MISSING, 'HeldConnectionDeviceID or DialedNumber is required');
    held = active;
    consult = runFlow(
      () => c.host.flows.consult(active, agent.agentId, c.msg.dialedNumber),
      CF.CF_INVALID_CALLED_DEVICE,
    );
  } else {
    held = findCall(c, 'heldConnection');
    consult = active;
    if (consult.consultOf !== held && held.consultOf === consult) [held, consult] = [consult, held];
  }
  const parties = () => {
    const list = [];
    if (held.ani !== '') list.push({ id: held.ani });
    for (const p of held.parties) list.push({ id: c.host.model.getAgent(p).extension });
    return list;
  };
  runFlow(
    () => (kind === 'transfer' ? c.host.flows.transfer(held, consult) : c.host.flows.conference(held, consult)),
    CF.CF_INVALID_OBJECT_STATE,
  );
  const list = parties();
  c.session.send({
    messageType: kind === 'transfer' ? 'TRANSFER_CALL_CONF' : 'CONFERENCE_CALL_CONF',
    invokeId: c.invokeId,
    ...newConnection(held),
    lineHandle: 0,
    lineType: LineType.byName.LINETYPE_INBOUND_ACD,
    connectedPartyCallId: list.map(() => held.connectionCallId),
    connectedPartyDeviceIdType: list.map(() => held.connectionDeviceIdType),
    connectedPartyDeviceId: list.map((p) => p.id),
  });
}

/**
 * A call's ECC set goes to clients of every version; one that fits a v15 request's one-byte headers can exceed
 * the 2,000-byte limit with v20+ two-byte headers, and then its events could not be encoded for those clients.
 */
export function requireEccFitsEveryVersion(c: RequestContext): void {
  const ecc = eccBytes(c.msg, MAX_VERSION);
  if (ecc > MAX_ECC_BYTES)
    throw failure(
      S.E_CTI_TOO_MUCH_DATA,
      `ECC variables would take ${ecc} bytes on the wire; the limit is ${MAX_ECC_BYTES}`,
    );
}

const SETTABLE_STATES = new Set<number>([
  AS.AGENT_STATE_LOGIN,
  AS.AGENT_STATE_LOGOUT,
  AS.AGENT_STATE_NOT_READY,
  AS.AGENT_STATE_AVAILABLE,
  AS.AGENT_STATE_WORK_NOT_READY,
  AS.AGENT_STATE_WORK_READY,
]);

function setAgentState(c: RequestContext): void {
  requireControl(c);
  const agent =
    c.msg.agentId && !c.msg.agentInstrument
      ? c.host.model.findAgent({ agentId: c.msg.agentId })
      : agentByInstrument(c, c.msg.agentInstrument);
  if (agent === undefined) throw control(CF.CF_INVALID_CSTA_DEVICE_IDENTIFIER, 'unknown agent');
  if (!c.session.isAllEvents && c.session.agent !== agent)
    throw control(CF.CF_PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE, "not this client's agent");
  const want = c.msg.agentState as number;
  if (!SETTABLE_STATES.has(want)) throw control(CF.CF_VALUE_OUT_OF_RANGE, `AgentState ${want} cannot be requested`);
  const busy = c.host.model.callsOf(agent.agentId).length > 0;
  if (busy && (want === AS.AGENT_STATE_LOGOUT || want === AS.AGENT_STATE_AVAILABLE || want === AS.AGENT_STATE_LOGIN)) {
    throw control(CF.CF_INVALID_OBJECT_STATE, `agent ${agent.agentId} is on a call`);
  }
  conf(c, 'SET_AGENT_STATE_CONF');
  const reasonCode = c.msg.eventReasonCode as number;
  if (want === AS.AGENT_STATE_LOGIN) {
    // Unsure: after LOGIN the agent is NOT_READY (the usual desktop default), with the request's reason code.
    c.host.flows.setAgentState(agent, AS.AGENT_STATE_LOGIN);
    c.host.flows.setAgentState(agent, AS.AGENT_STATE_NOT_READY, { reasonCode });
  } else {
    c.host.flows.setAgentState(agent, want, { reasonCode });
  }
}

function queryAgentState(c: RequestContext): void {
  requireControl(c);
  const m = c.msg;
  const model = c.host.model;
  const agent =
    (m.agentId ? model.findAgent({ agentId: m.agentId }) : undefined) ??
    (m.agentExtension ? model.findAgent({ extension: m.agentExtension }) : undefined) ??
    (m.agentInstrument ? model.findAgent({ instrument: m.agentInstrument }) : undefined) ??
    [...model.agents.values()].find((a) => m.icmAgentId !== 0 && a.skillTargetId === m.icmAgentId);
  if (agent === undefined) throw control(CF.CF_INVALID_CSTA_DEVICE_IDENTIFIER, 'no such agent');
  c.session.send({
    messageType: 'QUERY_AGENT_STATE_CONF',
    invokeId: c.invokeId,
    agentState: agent.state,
    mrdid: m.mrdid ?? 1,
    numTasks: model.callsOf(agent.agentId).length,
    agentMode: 1,
    maxTaskLimit: 1,
    icmAgentId: agent.skillTargetId,
    agentAvailabilityStatus: agent.state === AS.AGENT_STATE_AVAILABLE ? 1 : 0,
    departmentId: 0,
    agentId: agent.agentId,
    agentExtension: agent.extension,
    agentInstrument: agent.instrument,
    skillGroupNumber: [agent.skillGroupNumber],
    skillGroupId: [agent.skillGroupId],
    skillGroupPriority: [0],
    skillGroupState: [agent.state],
    maxBeyondTaskLimit: 0,
  });
}

function snapshotCall(c: RequestContext): void {
  const call = findCall(c, 'connection');
  if (!c.session.isAllEvents && (c.session.agent === undefined || !call.connections.has(c.session.agent.agentId))) {
    throw control(CF.CF_PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE, "not a call of this client's agent");
  }
  const devices = [...call.connections.entries()].map(([agentId, lcs]) => ({
    agent: c.host.model.getAgent(agentId),
    lcs,
  }));
  const clients = call.ctiClients.slice(-16);
  c.session.send({
    messageType: 'SNAPSHOT_CALL_CONF',
    invokeId: c.invokeId,
    callType: call.callType,
    calledPartyDisposition: call.calledPartyDisposition,
    ...(call.ani ? { ani: call.ani } : {}),
    ...(call.dnis ? { dnis: call.dnis } : {}),
    ...(call.dialedNumber ? { dialedNumber: call.dialedNumber } : {}),
    ...(call.callerEnteredDigits ? { callerEnteredDigits: call.callerEnteredDigits } : {}),
    ...(call.routerCallKey
      ? { routerCallKeyDay: call.routerCallKey.day, routerCallKeyCallId: call.routerCallKey.callId }
      : {}),
    ...callVariableFields(call.callVariables),
    ...(call.callWrapupData ? { callWrapupData: call.callWrapupData } : {}),
    namedVariables: call.namedVariables,
    namedArrays: call.namedArrays,
    ctiClientSignature: clients.map((x) => x.signature),
    ctiClientTimestamp: clients.map((x) => x.timestamp),
    callConnectionCallId: devices.map(() => call.connectionCallId),
    callConnectionDeviceIdType: devices.map(() => call.connectionDeviceIdType),
    callConnectionDeviceId: devices.map(() => call.connectionDeviceId),
    callDeviceType: devices.map(() => 0),
    callDeviceId: devices.map((d) => d.agent.extension),
    callDeviceConnectionState: devices.map((d) => d.lcs),
  });
}
