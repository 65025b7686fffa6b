import {
  CallControlMask,
  CallEventMask,
  CallType,
  ClassOfDevice,
  ControlFailureCode,
  EventCause,
  LineType,
  LocalConnectionState,
  OtherFeatureMask,
  StatusCode,
  TransferConferenceSetupMask,
  TypeOfDevice,
} from '../protocol';
import {
  actingAgent,
  agentByInstrument,
  agentIn,
  findCall,
  newConnection,
  requireControl,
  requireEccFitsEveryVersion,
} from './control-requests';
import { type SimAgent, SimCall } from './model';
import { conf, control, cvsOf, failure, type RequestContext, type RequestHandler, runFlow } from './request-context';

const LCS = LocalConnectionState.byName;
const CF = ControlFailureCode.byName;
const S = StatusCode.byName;
const CEC = EventCause.byName;

/**
 * The rest of Client Control (cti-protocol.md §5.4, §5.10, §5.12, §5.13, §5.16, §5.17; event sequences in
 * cti-protocol-supervisor-config.md §21). As for the other call-control requests, the call flow's events go out
 * first and the CONF follows (the guide allows either order).
 */
export const CALL_CONTROL_MORE_HANDLERS = {
  ALTERNATE_CALL_REQ: alternateCall,
  RECONNECT_CALL_REQ: reconnectCall,
  DEFLECT_CALL_REQ: deflectCall,
  SEND_DTMF_SIGNAL_REQ: sendDtmf,
  MAKE_PREDICTIVE_CALL_REQ: makePredictiveCall,
  SNAPSHOT_DEVICE_REQ: snapshotDevice,
  QUERY_DEVICE_INFO_REQ: queryDeviceInfo,
} satisfies Record<`${string}_REQ`, RequestHandler>;

/**
 * §21.2: hold the active call X, then retrieve the held call Y (or answer it when it is alerting), both at the
 * requesting device. CALL_HELD for X, CALL_RETRIEVED (or CALL_ESTABLISHED) for Y; the agent stays TALKING.
 * Unsure: EventCause — chose CEC_ALTERNATE on both events (the guide names none; CEC_NONE is also plausible).
 */
function alternateCall(c: RequestContext): void {
  const active = findCall(c, 'activeConnection');
  const agent = agentIn(c, active, LCS.LCS_CONNECT, CF.CF_NO_ACTIVE_CALL, 'the active call is not connected here');
  const other = findCall(c, 'otherConnection', true);
  if (other === active) throw control(CF.CF_INVALID_CSTA_CONNECTION_IDENTIFIER, 'both connections name one call');
  const otherState = other.connections.get(agent.agentId);
  if (otherState !== LCS.LCS_HOLD && otherState !== LCS.LCS_ALERTING)
    throw control(CF.CF_NO_HELD_CALL, `call ${other.key} is neither held nor alerting at ${agent.extension}`);
  const flows = c.host.flows;
  runFlow(() => {
    flows.hold(active, agent.agentId, false, CEC.CEC_ALTERNATE);
    if (otherState === LCS.LCS_HOLD) flows.retrieve(other, agent.agentId, CEC.CEC_ALTERNATE);
    else flows.answer(other, agent.agentId);
  }, CF.CF_INVALID_OBJECT_STATE);
  conf(c, 'ALTERNATE_CALL_CONF');
}

/**
 * §21.3: clear the active call and retrieve the held one ("back to the customer"). A call between agents only
 * (a consultation) ends when the requester leaves it: its CALL_CONNECTION_CLEARED, CALL_CLEARED, END_CALL, the
 * other agent freed. A call with a customer or a third party (a conference) loses only the requester's
 * connection. Then CALL_RETRIEVED for the held call.
 * The active call may still be ringing at the far end (the requester's connection LCS_INITIATE): dropping an
 * unanswered consultation is the typical use.
 */
function reconnectCall(c: RequestContext): void {
  const active = findCall(c, 'activeConnection');
  const agent = actingAgent(c, active);
  const state = active.connections.get(agent.agentId);
  if (state !== LCS.LCS_CONNECT && state !== LCS.LCS_INITIATE)
    throw control(CF.CF_NO_ACTIVE_CALL, `call ${active.key} is not active at ${agent.extension}`);
  const held = findCall(c, 'heldConnection');
  if (held === active || held.connections.get(agent.agentId) !== LCS.LCS_HOLD)
    throw control(CF.CF_NO_HELD_CALL, `call ${held.key} is not held at ${agent.extension}`);
  const flows = c.host.flows;
  runFlow(() => {
    const agentsOnly = active.callType === CallType.byName.CALLTYPE_CONSULT;
    if (agentsOnly && active.connections.size <= 2) flows.release(active, undefined, agent.agentId);
    else flows.clearConnection(active, agent.agentId);
    flows.retrieve(held, agent.agentId);
  }, CF.CF_INVALID_OBJECT_STATE);
  conf(c, 'RECONNECT_CALL_CONF');
}

/**
 * §21.4: an alerting call moves from the requester's device to CalledDeviceID (an agent's extension or ID):
 * CALL_DIVERTED (CEC_REDIRECTED) and END_CALL at the first device, whose agent returns to AVAILABLE, then
 * delivery at the new one (RESERVED, CALL_DELIVERED with LastRedirectDevice).
 * Unsure: refusal codes — chose CF_INVALID_OBJECT_STATE when the call is not alerting here (CF_NO_CALL_TO_ANSWER
 * would also fit), CF_INVALID_CALLED_DEVICE for a device the peripheral does not know, CF_INVALID_DESTINATION
 * for an agent that cannot take the call. Only an ACD delivery (the call's own agent) can be deflected here; a
 * consultation ringing at its target cannot (the simulator's consult call belongs to the consulting agent).
 */
function deflectCall(c: RequestContext): void {
  const call = findCall(c, 'connection', true);
  const agent = agentIn(c, call, LCS.LCS_ALERTING, CF.CF_INVALID_OBJECT_STATE, 'the call is not alerting here');
  if (call.agentId !== agent.agentId)
    throw control(CF.CF_INVALID_OBJECT_STATE, 'only a call delivered to this agent can be deflected');
  const to = agentAt(c, c.msg.calledDeviceId as string);
  if (to === undefined) throw control(CF.CF_INVALID_CALLED_DEVICE, `no device "${c.msg.calledDeviceId}"`);
  if (to === agent || !c.host.flows.isFree(to))
    throw control(CF.CF_INVALID_DESTINATION, `device ${to.extension} cannot take the call now`);
  runFlow(() => c.host.flows.divert(call, to.agentId), CF.CF_INVALID_OBJECT_STATE);
  conf(c, 'DEFLECT_CALL_CONF');
}

/** DTMF digits the simulator plays. Unsure: whether A–D are allowed (the guide says "DTMF digits"); refused. */
const DTMF = /^[0-9*#]+$/;

/**
 * §21.1: digits played into a connected call (e.g. into an IVR). No call or agent event results; the simulator
 * logs what it would play.
 */
function sendDtmf(c: RequestContext): void {
  const call = findCall(c, 'connection');
  const agent = agentIn(c, call, LCS.LCS_CONNECT, CF.CF_NO_ACTIVE_CALL, 'the call is not connected here');
  const digits = String(c.msg.dtmfString ?? '');
  if (digits === '') throw failure(S.E_CTI_REQUIRED_DATA_MISSING, 'DTMFString is empty');
  if (!DTMF.test(digits)) throw failure(S.E_CTI_INVALID_DIGITS, `DTMFString "${digits}" has digits other than 0-9 * #`);
  c.host.log(`call ${call.key}: ${agent.extension} sends DTMF "${digits}"`);
  conf(c, 'SEND_DTMF_SIGNAL_CONF');
}

/**
 * MAKE_PREDICTIVE_CALL_REQ (§5.12): the peripheral dials DialedNumber and, once the customer answers, rings the
 * originating device with the call. Played as that delivery: RESERVED, CALL_DELIVERED (LCS_ALERTING) at the
 * agent, CallType CALLTYPE_AUTO_OUT, ANI = the customer's number; the agent (or a flow) answers it.
 * Unsure: the guide gives no event list for predictive calls; the dialling itself (not visible at the agent) is
 * not announced, and the originating agent must be AVAILABLE (else CF_INVALID_OBJECT_STATE).
 */
function makePredictiveCall(c: RequestContext): void {
  requireControl(c);
  const agent = agentByInstrument(c, c.msg.originatingDeviceId as string);
  if (!c.host.flows.isFree(agent))
    throw control(CF.CF_INVALID_OBJECT_STATE, `agent ${agent.agentId} is not available for a predictive call`);
  requireEccFitsEveryVersion(c);
  const m = c.host.model;
  const call = new SimCall(m.nextConnectionCallId(), agent.extension, CallType.byName.CALLTYPE_AUTO_OUT);
  call.ani = c.msg.dialedNumber as string;
  call.dialedNumber = c.msg.dialedNumber as string;
  call.callVariables = cvsOf(c.msg);
  call.namedVariables = ((c.msg.namedVariables ?? []) as { name: string; value: string }[]).map((v) => ({ ...v }));
  call.namedArrays = ((c.msg.namedArrays ?? []) as { name: string; index: number; value: string }[]).map((v) => ({
    ...v,
  }));
  m.calls.add(call);
  c.host.flows.deliverTo(call, agent, false);
  c.session.send({
    messageType: 'MAKE_PREDICTIVE_CALL_CONF',
    invokeId: c.invokeId,
    ...newConnection(call),
    lineHandle: 0,
    lineType: LineType.byName.LINETYPE_OUTBOUND_ACD,
  });
}

/** SNAPSHOT_DEVICE (§5.17): the calls at an agent's device (≤ 16) and the device's connection state on each. */
function snapshotDevice(c: RequestContext): void {
  requireControl(c);
  const agent = agentByInstrument(c, c.msg.agentInstrument as string);
  const calls = c.host.model.callsOf(agent.agentId).slice(0, 16);
  c.session.send({
    messageType: 'SNAPSHOT_DEVICE_CONF',
    invokeId: c.invokeId,
    callConnectionCallId: calls.map((x) => x.connectionCallId),
    callConnectionDeviceIdType: calls.map((x) => x.connectionDeviceIdType),
    callConnectionDeviceId: calls.map((x) => x.connectionDeviceId),
    callState: calls.map((x) => x.connections.get(agent.agentId) ?? LCS.LCS_NULL),
    // Nobody monitors silently in this simulator: 0 = normal.
    silentMonitorStatus: calls.map(() => 0),
  });
}

/** The call events this simulator produces (QUERY_DEVICE_INFO_CONF CallEventsSupported). */
const EVENTS_SUPPORTED = CallEventMask.maskOf([
  'CALL_DELIVERED_MASK',
  'CALL_QUEUED_MASK',
  'CALL_ESTABLISHED_MASK',
  'CALL_HELD_MASK',
  'CALL_RETRIEVED_MASK',
  'CALL_CLEARED_MASK',
  'CALL_CONNECTION_CLEARED_MASK',
  'CALL_ORIGINATED_MASK',
  'CALL_CONFERENCED_MASK',
  'CALL_TRANSFERRED_MASK',
  'CALL_DIVERTED_MASK',
  'CALL_SERVICE_INITIATED_MASK',
  'CALL_TRANSLATION_ROUTE_MASK',
  'BEGIN_CALL_MASK',
  'END_CALL_MASK',
  'CALL_DATA_UPDATE_MASK',
  'CALL_FAILED_MASK',
  'CALL_REACHED_NETWORK_MASK',
  'CALL_DEQUEUED_MASK',
  'AGENT_PRE_CALL_MASK',
]);

/**
 * QUERY_DEVICE_INFO (§5.16): an agent's phone. Every Client Control request is implemented, so every
 * CallControlSupported bit is set (test/simulator/call-control-more.spec.ts checks the bits against the handlers).
 * Unsure: MakeCallSetup has no bit names in the reference; chose 0. MaxHeldCalls 1 (one consultation at a time),
 * MaxDevicesInConference 6 (a common UCM default).
 */
function queryDeviceInfo(c: RequestContext): void {
  requireControl(c);
  agentByInstrument(c, c.msg.agentInstrument as string);
  const TCS = TransferConferenceSetupMask.byName;
  c.session.send({
    messageType: 'QUERY_DEVICE_INFO_CONF',
    invokeId: c.invokeId,
    peripheralType: c.host.model.peripheralType,
    typeOfDevice: TypeOfDevice.byName.DEVT_STATION,
    classOfDevice: ClassOfDevice.byName.DEVC_VOICE,
    maxActiveCalls: 1,
    maxHeldCalls: 1,
    maxDevicesInConference: 6,
    makeCallSetup: 0,
    transferConferenceSetup:
      TCS.CONF_SETUP_CONSULT_SPECIFIC | TCS.CONF_SETUP_SINGLE_ACD_CALL | TCS.TRANS_SETUP_SINGLE_ACD_CALL,
    callEventsSupported: EVENTS_SUPPORTED,
    callControlSupported: CallControlMask.allBits,
    otherFeaturesSupported: OtherFeatureMask.byName.FEATURE_UNIQUE_CONSULT_CALLID,
    lineHandle: [0],
    lineType: [LineType.byName.LINETYPE_INBOUND_ACD],
  });
}

/** The agent at a device named by extension, instrument or agent ID. */
function agentAt(c: RequestContext, device: string): SimAgent | undefined {
  const m = c.host.model;
  return m.findAgent({ extension: device }) ?? m.findAgent({ instrument: device }) ?? m.findAgent({ agentId: device });
}
