import {
  AgentState,
  type CtiMessage,
  DeviceIdType,
  EventCause,
  LineType,
  LocalConnectionState,
  SystemEventId,
} from '../protocol';
import type { SimAgent, SimCall, SimModel } from './model';

/**
 * Builders for the messages the simulator sends, with every fixed field filled as the guide describes it.
 * MonitorID is 0 here; each session puts its own in (its session monitor for Client Events, 0 for All Events).
 */

export const DEVID_NONE = DeviceIdType.byName.DEVID_NONE;
export const DEVID_DEVICE = DeviceIdType.byName.DEVID_DEVICE_IDENTIFIER;
export const DEVID_EXTERNAL = DeviceIdType.byName.DEVID_EXTERNAL;
export const DEVID_ROUTE_POINT = DeviceIdType.byName.DEVID_ROUTE_POINT;
export const DEVID_QUEUE = DeviceIdType.byName.DEVID_QUEUE;
export const DEVID_TRUNK = DeviceIdType.byName.DEVID_TRUNK_IDENTIFIER;
export const CEC_NONE = EventCause.byName.CEC_NONE;
export const LCS = LocalConnectionState.byName;
export const AS = AgentState.byName;

/** The simulated peripheral has one service; its number and id. */
export const SERVICE_NUMBER = 1000;
export const SERVICE_ID = 6000;
const NO_LINE = 0xffff;
const TRUNK_NUMBER = 1;
const TRUNK_GROUP_NUMBER = 10;

function callBase(m: SimModel, c: SimCall): CtiMessage {
  return {
    messageType: '',
    monitorId: 0,
    peripheralId: m.peripheralId,
    peripheralType: m.peripheralType,
    connectionDeviceIdType: c.connectionDeviceIdType,
    connectionCallId: c.connectionCallId,
    connectionDeviceId: c.connectionDeviceId,
  };
}

/** Call variables as callVariable1..10 properties, only those that are set. */
export function callVariableFields(cvs: { [n: number]: string }): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 1; i <= 10; i++) {
    const v = cvs[i];
    if (v !== undefined) out[`callVariable${i}`] = v;
  }
  return out;
}

function optional(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

function routerKeyFields(c: SimCall): Record<string, number> {
  if (c.routerCallKey === undefined) return {};
  return {
    routerCallKeyDay: c.routerCallKey.day,
    routerCallKeyCallId: c.routerCallKey.callId,
    routerCallKeySequenceNumber: c.routerCallKey.sequenceNumber,
  };
}

function eccFields(c: SimCall): { namedVariables: unknown[]; namedArrays: unknown[] } {
  return {
    namedVariables: c.namedVariables.map((v) => ({ ...v })),
    namedArrays: c.namedArrays.map((v) => ({ ...v })),
  };
}

function clientFields(c: SimCall): Record<string, unknown> {
  const list = c.ctiClients.slice(-16);
  return {
    ctiClientSignature: list.map((x) => x.signature),
    ctiClientTimestamp: list.map((x) => x.timestamp),
  };
}

function lineTypeOf(c: SimCall): number {
  if (c.consultOf !== undefined) return LineType.byName.LINETYPE_INSIDE;
  return c.callType === 8 ? LineType.byName.LINETYPE_OUTBOUND_ACD : LineType.byName.LINETYPE_INBOUND_ACD;
}

function skillFields(a: SimAgent | undefined): Record<string, number> {
  return {
    skillGroupNumber: a?.skillGroupNumber ?? 0xffffffff,
    skillGroupId: a?.skillGroupId ?? 0xffffffff,
    skillGroupPriority: 0,
  };
}

export function beginCall(m: SimModel, c: SimCall): CtiMessage {
  return {
    ...callBase(m, c),
    messageType: 'BEGIN_CALL_EVENT',
    callType: c.callType,
    calledPartyDisposition: c.calledPartyDisposition,
    ...optional({
      ani: c.ani,
      userToUserInfo: c.userToUserInfo,
      dnis: c.dnis,
      dialedNumber: c.dialedNumber,
      callerEnteredDigits: c.callerEnteredDigits,
      callWrapupData: c.callWrapupData,
    }),
    ...routerKeyFields(c),
    ...callVariableFields(c.callVariables),
    ...eccFields(c),
    ...clientFields(c),
  };
}

export function endCall(m: SimModel, c: SimCall): CtiMessage {
  return { ...callBase(m, c), messageType: 'END_CALL_EVENT' };
}

/** The changed scalar items of a CALL_DATA_UPDATE_EVENT (property names as in the message). */
export type CallDataChanges = Record<string, unknown>;

/**
 * CALL_DATA_UPDATE_EVENT with only the changed scalar items; ECC: the changed ones, or (fullEcc, PV22+)
 * the call's whole current set.
 */
export function callDataUpdate(m: SimModel, c: SimCall, changes: CallDataChanges, fullEcc: boolean): CtiMessage {
  const ecc = fullEcc
    ? eccFields(c)
    : {
        namedVariables: (changes.namedVariables as unknown[]) ?? [],
        namedArrays: (changes.namedArrays as unknown[]) ?? [],
      };
  const scalars = { ...changes };
  delete scalars.namedVariables;
  delete scalars.namedArrays;
  return {
    ...callBase(m, c),
    messageType: 'CALL_DATA_UPDATE_EVENT',
    callType: c.callType,
    // Unsure: the guide requires both the old and the new connection id; nothing was renamed, so New* = old.
    newConnectionDeviceIdType: c.connectionDeviceIdType,
    newConnectionCallId: c.connectionCallId,
    newConnectionDeviceId: c.connectionDeviceId,
    calledPartyDisposition: c.calledPartyDisposition,
    campaignId: c.campaignId,
    queryRuleId: c.queryRuleId,
    ...scalars,
    ...ecc,
    ...clientFields(c),
  };
}

/** CALL_DELIVERED_EVENT: at the agent's teleset (LCS_ALERTING) or, agent undefined, trunk seizure (LCS_INITIATE). */
export function delivered(
  m: SimModel,
  c: SimCall,
  agent: SimAgent | undefined,
  opts?: { lcs?: number; cause?: number; lastRedirect?: string },
): CtiMessage {
  const inbound = c.ani !== '' && c.consultOf === undefined && c.callType !== 8;
  return {
    ...callBase(m, c),
    messageType: 'CALL_DELIVERED_EVENT',
    lineHandle: agent === undefined ? NO_LINE : 0,
    lineType: agent === undefined ? NO_LINE : lineTypeOf(c),
    serviceNumber: SERVICE_NUMBER,
    serviceId: SERVICE_ID,
    ...skillFields(agent),
    alertingDeviceType: agent === undefined ? DEVID_TRUNK : DEVID_DEVICE,
    callingDeviceType: c.ani !== '' ? (inbound ? DEVID_EXTERNAL : DEVID_DEVICE) : DEVID_NONE,
    calledDeviceType:
      c.dnis !== '' || c.dialedNumber !== '' ? (inbound ? DEVID_ROUTE_POINT : DEVID_EXTERNAL) : DEVID_NONE,
    lastRedirectDeviceType: opts?.lastRedirect !== undefined ? DEVID_DEVICE : DEVID_NONE,
    localConnectionState: opts?.lcs ?? (agent === undefined ? LCS.LCS_INITIATE : LCS.LCS_ALERTING),
    eventCause: opts?.cause ?? CEC_NONE,
    ...optional({
      alertingDeviceId: agent?.extension ?? String(TRUNK_NUMBER),
      callingDeviceId: c.ani,
      calledDeviceId: inbound ? c.dnis : c.dialedNumber,
      lastRedirectDeviceId: opts?.lastRedirect,
      trunkNumber: inbound ? TRUNK_NUMBER : undefined,
      trunkGroupNumber: inbound ? TRUNK_GROUP_NUMBER : undefined,
      ani: c.ani,
      userToUserInfo: c.userToUserInfo,
      dnis: c.dnis,
      dialedNumber: c.dialedNumber,
      callerEnteredDigits: c.callerEnteredDigits,
      callWrapupData: c.callWrapupData,
    }),
    ...callVariableFields(c.callVariables),
    ...eccFields(c),
  };
}

export function established(
  m: SimModel,
  c: SimCall,
  answering: SimAgent,
  opts?: { cause?: number; lcs?: number },
): CtiMessage {
  const inbound = c.consultOf === undefined && c.callType !== 8;
  return {
    ...callBase(m, c),
    messageType: 'CALL_ESTABLISHED_EVENT',
    lineHandle: 0,
    lineType: lineTypeOf(c),
    serviceNumber: SERVICE_NUMBER,
    serviceId: SERVICE_ID,
    ...skillFields(answering),
    answeringDeviceType: DEVID_DEVICE,
    callingDeviceType: c.ani !== '' ? (inbound ? DEVID_EXTERNAL : DEVID_DEVICE) : DEVID_NONE,
    calledDeviceType: inbound ? DEVID_ROUTE_POINT : DEVID_EXTERNAL,
    lastRedirectDeviceType: DEVID_NONE,
    localConnectionState: opts?.lcs ?? LCS.LCS_CONNECT,
    eventCause: opts?.cause ?? CEC_NONE,
    ...optional({
      answeringDeviceId: answering.extension,
      callingDeviceId: c.ani,
      calledDeviceId: inbound ? c.dnis : c.dialedNumber,
      trunkNumber: inbound ? TRUNK_NUMBER : undefined,
      trunkGroupNumber: inbound ? TRUNK_GROUP_NUMBER : undefined,
    }),
  };
}

export function held(m: SimModel, c: SimCall, agent: SimAgent, cause = CEC_NONE): CtiMessage {
  return {
    ...callBase(m, c),
    messageType: 'CALL_HELD_EVENT',
    holdingDeviceType: DEVID_DEVICE,
    localConnectionState: LCS.LCS_HOLD,
    eventCause: cause,
    holdingDeviceId: agent.extension,
  };
}

export function retrieved(m: SimModel, c: SimCall, agent: SimAgent, cause = CEC_NONE): CtiMessage {
  return {
    ...callBase(m, c),
    messageType: 'CALL_RETRIEVED_EVENT',
    retrievingDeviceType: DEVID_DEVICE,
    localConnectionState: LCS.LCS_CONNECT,
    eventCause: cause,
    retrievingDeviceId: agent.extension,
  };
}

/** A party leaves: `releasing` is the agent's extension or the caller's number. */
export function connectionCleared(
  m: SimModel,
  c: SimCall,
  releasing: { deviceId: string; external: boolean },
  cause = CEC_NONE,
): CtiMessage {
  return {
    ...callBase(m, c),
    messageType: 'CALL_CONNECTION_CLEARED_EVENT',
    releasingDeviceType: releasing.external ? DEVID_EXTERNAL : DEVID_DEVICE,
    localConnectionState: LCS.LCS_NULL,
    eventCause: cause,
    releasingDeviceId: releasing.deviceId,
  };
}

export function cleared(m: SimModel, c: SimCall, cause = CEC_NONE): CtiMessage {
  return {
    ...callBase(m, c),
    messageType: 'CALL_CLEARED_EVENT',
    // Unsure: the guide does not fix LocalConnectionState for CALL_CLEARED; chose LCS_NULL.
    localConnectionState: LCS.LCS_NULL,
    eventCause: cause,
  };
}

export function serviceInitiated(m: SimModel, c: SimCall, agent: SimAgent): CtiMessage {
  const coc = c.consultOf;
  return {
    ...callBase(m, c),
    messageType: 'CALL_SERVICE_INITIATED_EVENT',
    lineHandle: 0,
    lineType: lineTypeOf(c),
    serviceNumber: SERVICE_NUMBER,
    serviceId: SERVICE_ID,
    ...skillFields(agent),
    callingDeviceType: DEVID_DEVICE,
    localConnectionState: LCS.LCS_INITIATE,
    eventCause: coc !== undefined ? EventCause.byName.CEC_CONSULT : CEC_NONE,
    callingDeviceId: agent.extension,
    ...(coc === undefined
      ? {}
      : {
          cocConnectionCallId: coc.connectionCallId,
          cocCallConnectionDeviceIdType: coc.connectionDeviceIdType,
          cocCallConnectionDeviceId: coc.connectionDeviceId,
        }),
  };
}

export function originated(
  m: SimModel,
  c: SimCall,
  agent: SimAgent,
  calledDeviceId: string,
  calledIsAgent: boolean,
): CtiMessage {
  return {
    ...callBase(m, c),
    messageType: 'CALL_ORIGINATED_EVENT',
    lineHandle: 0,
    lineType: lineTypeOf(c),
    serviceNumber: SERVICE_NUMBER,
    serviceId: SERVICE_ID,
    ...skillFields(agent),
    callingDeviceType: DEVID_DEVICE,
    calledDeviceType: calledIsAgent ? DEVID_DEVICE : DEVID_EXTERNAL,
    localConnectionState: LCS.LCS_INITIATE,
    eventCause: c.consultOf !== undefined ? EventCause.byName.CEC_CONSULT : CEC_NONE,
    callingDeviceId: agent.extension,
    calledDeviceId,
  };
}

export function reachedNetwork(m: SimModel, c: SimCall): CtiMessage {
  return {
    ...callBase(m, c),
    messageType: 'CALL_REACHED_NETWORK_EVENT',
    lineHandle: 0,
    lineType: lineTypeOf(c),
    trunkUsedDeviceType: DEVID_TRUNK,
    calledDeviceType: DEVID_EXTERNAL,
    localConnectionState: LCS.LCS_INITIATE,
    eventCause: CEC_NONE,
    trunkUsedDeviceId: String(TRUNK_NUMBER),
    calledDeviceId: c.dialedNumber,
    trunkNumber: TRUNK_NUMBER,
    trunkGroupNumber: TRUNK_GROUP_NUMBER,
  };
}

export function failed(m: SimModel, c: SimCall, cause: number): CtiMessage {
  return {
    ...callBase(m, c),
    messageType: 'CALL_FAILED_EVENT',
    failingDeviceType: DEVID_EXTERNAL,
    calledDeviceType: DEVID_EXTERNAL,
    localConnectionState: LCS.LCS_FAIL,
    eventCause: cause,
    failingDeviceId: c.dialedNumber,
    calledDeviceId: c.dialedNumber,
  };
}

export function queued(
  m: SimModel,
  c: SimCall,
  numQueued: number,
  skillGroup: { number: number; id: number },
): CtiMessage {
  return {
    ...callBase(m, c),
    messageType: 'CALL_QUEUED_EVENT',
    serviceNumber: SERVICE_NUMBER,
    serviceId: SERVICE_ID,
    queueDeviceType: DEVID_QUEUE,
    callingDeviceType: c.ani !== '' ? DEVID_EXTERNAL : DEVID_NONE,
    calledDeviceType: c.dnis !== '' ? DEVID_ROUTE_POINT : DEVID_NONE,
    lastRedirectDeviceType: DEVID_NONE,
    numQueued,
    localConnectionState: LCS.LCS_QUEUED,
    eventCause: CEC_NONE,
    ...optional({ queueDeviceId: String(skillGroup.number), callingDeviceId: c.ani, calledDeviceId: c.dnis }),
    skillGroupNumber: [skillGroup.number],
    skillGroupId: [skillGroup.id],
    skillGroupPriority: [0],
  };
}

export function dequeued(
  m: SimModel,
  c: SimCall,
  numQueued: number,
  skillGroup: { number: number; id: number },
): CtiMessage {
  return {
    ...callBase(m, c),
    messageType: 'CALL_DEQUEUED_EVENT',
    queueDeviceType: DEVID_QUEUE,
    serviceNumber: SERVICE_NUMBER,
    serviceId: SERVICE_ID,
    numQueued,
    // Unsure: the guide leaves LocalConnectionState of CALL_DEQUEUED open; chose LCS_NULL (left the queue).
    localConnectionState: LCS.LCS_NULL,
    eventCause: CEC_NONE,
    skillGroupNumber: [skillGroup.number],
    skillGroupId: [skillGroup.id],
    skillGroupPriority: [0],
  };
}

export function diverted(m: SimModel, c: SimCall, from: SimAgent, toDeviceId: string, cause: number): CtiMessage {
  return {
    ...callBase(m, c),
    messageType: 'CALL_DIVERTED_EVENT',
    serviceNumber: SERVICE_NUMBER,
    serviceId: SERVICE_ID,
    divertingDeviceType: DEVID_DEVICE,
    calledDeviceType: DEVID_DEVICE,
    localConnectionState: LCS.LCS_NULL,
    eventCause: cause,
    divertingDeviceId: from.extension,
    calledDeviceId: toDeviceId,
  };
}

export interface Party {
  callId: number;
  deviceIdType: number;
  deviceId: string;
}

/** CALL_TRANSFERRED_EVENT / CALL_CONFERENCED_EVENT. */
export function joined(
  kind: 'transfer' | 'conference',
  m: SimModel,
  primary: SimCall,
  secondary: SimCall,
  controller: SimAgent,
  added: SimAgent,
  parties: Party[],
): CtiMessage {
  const msg: CtiMessage = {
    messageType: kind === 'transfer' ? 'CALL_TRANSFERRED_EVENT' : 'CALL_CONFERENCED_EVENT',
    monitorId: 0,
    peripheralId: m.peripheralId,
    peripheralType: m.peripheralType,
    primaryDeviceIdType: primary.connectionDeviceIdType,
    primaryCallId: primary.connectionCallId,
    lineHandle: 0,
    lineType: LineType.byName.LINETYPE_INBOUND_ACD,
    ...skillFields(added),
    secondaryDeviceIdType: secondary.connectionDeviceIdType,
    secondaryCallId: secondary.connectionCallId,
    localConnectionState: LCS.LCS_CONNECT,
    eventCause: kind === 'transfer' ? EventCause.byName.CEC_TRANSFER : CEC_NONE,
    primaryDeviceId: primary.connectionDeviceId,
    secondaryDeviceId: secondary.connectionDeviceId,
    connectedPartyCallId: parties.map((p) => p.callId),
    connectedPartyDeviceIdType: parties.map((p) => p.deviceIdType),
    connectedPartyDeviceId: parties.map((p) => p.deviceId),
  };
  if (kind === 'transfer') {
    Object.assign(msg, {
      transferringDeviceType: DEVID_DEVICE,
      transferredDeviceType: DEVID_DEVICE,
      transferringDeviceId: controller.extension,
      transferredDeviceId: added.extension,
    });
  } else {
    Object.assign(msg, {
      controllerDeviceType: DEVID_DEVICE,
      addedPartyDeviceType: DEVID_DEVICE,
      controllerDeviceId: controller.extension,
      addedPartyDeviceId: added.extension,
    });
  }
  return msg;
}

/** AgentAvailabilityStatus: 1 = ICM available (available and routable), else 0. */
function availability(a: SimAgent): number {
  return a.state === AS.AGENT_STATE_AVAILABLE ? 1 : 0;
}

export function agentState(m: SimModel, a: SimAgent, numTasks: number, direction?: number): CtiMessage {
  return {
    messageType: 'AGENT_STATE_EVENT',
    monitorId: 0,
    peripheralId: m.peripheralId,
    sessionId: a.sessionId,
    peripheralType: m.peripheralType,
    skillGroupState: a.state,
    stateDuration: Math.max(0, Math.floor((m.clock.now() - a.stateSince) / 1000)),
    skillGroupNumber: a.skillGroupNumber,
    skillGroupId: a.skillGroupId,
    skillGroupPriority: 0,
    agentState: a.state,
    eventReasonCode: a.reasonCode,
    mrdid: 1,
    numTasks,
    agentMode: 1,
    maxTaskLimit: 1,
    icmAgentId: a.skillTargetId,
    agentAvailabilityStatus: availability(a),
    departmentId: 0,
    ...optional({ ctiClientSignature: a.sessionSignature }),
    agentId: a.agentId,
    agentExtension: a.extension,
    agentInstrument: a.instrument,
    ...(direction === undefined ? {} : { direction }),
    maxBeyondTaskLimit: 0,
  };
}

export function agentPreCall(m: SimModel, c: SimCall, a: SimAgent): CtiMessage {
  const key = c.routerCallKey ?? { day: 0, callId: 0, sequenceNumber: 0 };
  return {
    messageType: 'AGENT_PRE_CALL_EVENT',
    monitorId: 0,
    serviceNumber: SERVICE_NUMBER,
    serviceId: SERVICE_ID,
    skillGroupNumber: a.skillGroupNumber,
    skillGroupId: a.skillGroupId,
    skillGroupPriority: 0,
    mrdid: 1,
    agentSkillTargetId: a.skillTargetId,
    agentInstrument: a.instrument,
    routerCallKeyDay: key.day,
    routerCallKeyCallId: key.callId,
    routerCallKeySequenceNumber: key.sequenceNumber,
    ...optional({
      ani: c.ani,
      userToUserInfo: c.userToUserInfo,
      dialedNumber: c.dialedNumber,
      callerEnteredDigits: c.callerEnteredDigits,
    }),
    ...callVariableFields(c.callVariables),
    ...eccFields(c),
    agentId: a.agentId,
  };
}

export function translationRoute(m: SimModel, c: SimCall): CtiMessage {
  const key = c.routerCallKey ?? { day: 0, callId: 0, sequenceNumber: 0 };
  void m;
  return {
    messageType: 'CALL_TRANSLATION_ROUTE_EVENT',
    ...optional({
      ani: c.ani,
      userToUserInfo: c.userToUserInfo,
      dialedNumber: c.dialedNumber,
      callerEnteredDigits: c.callerEnteredDigits,
    }),
    dnis: c.dnis !== '' ? c.dnis : c.dialedNumber,
    routerCallKeyDay: key.day,
    routerCallKeyCallId: key.callId,
    routerCallKeySequenceNumber: key.sequenceNumber,
    ...callVariableFields(c.callVariables),
    ...eccFields(c),
  };
}

export function systemEvent(m: SimModel, id: number, arg1 = 0, text?: string): CtiMessage {
  return {
    messageType: 'SYSTEM_EVENT',
    pgStatus: m.pgStatus,
    icmCentralControllerTime: m.controllerTime,
    systemEventId: id,
    systemEventArg1: arg1,
    systemEventArg2: 0,
    systemEventArg3: 0,
    eventDeviceType: DEVID_NONE,
    ...(text === undefined ? {} : { text }),
  };
}

/** The SYSTEM_EVENT describing the peripheral's status (sent after OPEN_CONF to All Events clients). */
export function peripheralStatusEvent(m: SimModel): CtiMessage {
  const id = m.peripheralOnline
    ? SystemEventId.byName.SYS_PERIPHERAL_ONLINE
    : SystemEventId.byName.SYS_PERIPHERAL_OFFLINE;
  return systemEvent(m, id, m.peripheralId);
}
