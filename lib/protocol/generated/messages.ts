// Generated from the message catalog (lib/protocol/messages/*.ts) by tools/write-message-types.ts, run by
// `npm run build`. Do not edit: change the catalog and rebuild. A required field may still be missing from a
// message a liberal decode delivered with a DecodeWarning.
import type { NamedArrayElement, NamedVariable, TaskId, UnknownField } from '../types';

/** FAILURE_CONF (MessageType 1), as decoded in protocol versions 15–25. */
export interface FailureConf {
  messageType: 'FAILURE_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Status: UINT, fixed part */
  status: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** FAILURE_EVENT (MessageType 2), as decoded in protocol versions 15–25. */
export interface FailureEvent {
  messageType: 'FAILURE_EVENT';
  /** Status: UINT, fixed part */
  status: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** OPEN_REQ (MessageType 3), as decoded in protocol versions 15–25. */
export interface OpenReq {
  messageType: 'OPEN_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** VersionNumber: UINT, fixed part */
  versionNumber: number;
  /** IdleTimeout: UINT, fixed part */
  idleTimeout: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ServicesRequested: UINT, fixed part */
  servicesRequested: number;
  /** CallMsgMask: UINT, fixed part */
  callMsgMask: number;
  /** AgentStateMask: UINT, fixed part */
  agentStateMask: number;
  /** ConfigMsgMask: UINT, fixed part */
  configMsgMask: number;
  /** Reserved1: UINT, fixed part */
  reserved1: number;
  /** Reserved2: UINT, fixed part */
  reserved2: number;
  /** Reserved3: UINT, fixed part */
  reserved3: number;
  /** ClientID: STRING[64], floating tag 1 */
  clientId: string;
  /** ClientPassword: UNSPEC[64], floating tag 2 */
  clientPassword: Buffer;
  /** ClientSignature: STRING[64], floating tag 3 */
  clientSignature?: string;
  /** AgentExtension: STRING[16], floating tag 4 */
  agentExtension?: string;
  /** AgentID: STRING[12], floating tag 5 */
  agentId?: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** ApplicationPathID: INT, floating tag 97 */
  applicationPathId?: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** OPEN_CONF (MessageType 4), as decoded in protocol versions 15–25. */
export interface OpenConf {
  messageType: 'OPEN_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** ServicesGranted: UINT, fixed part */
  servicesGranted: number;
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PGStatus: UINT, fixed part */
  pgStatus: number;
  /** ICMCentralControllerTime: TIME, fixed part */
  icmCentralControllerTime: number;
  /** PeripheralOnline: BOOL, fixed part */
  peripheralOnline: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** AgentState: USHORT, fixed part */
  agentState: number;
  /** AgentExtension: STRING[16], floating tag 4 */
  agentExtension?: string;
  /** AgentID: STRING[12], floating tag 5 */
  agentId?: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** NumPeripherals: USHORT, floating tag 228 */
  numPeripherals?: number;
  /** FltPeripheralID: UINT, floating tag 208, repeats */
  fltPeripheralId?: number[];
  /** MultilineAgentControl: USHORT, floating tag 224, repeats */
  multilineAgentControl?: number[];
  /** DepartmentID: INT, fixed part | only in protocol versions 19–25 */
  departmentId?: number;
  /** SessionType: USHORT, fixed part | only in protocol versions 24–25 */
  sessionType?: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** HEARTBEAT_REQ (MessageType 5), as decoded in protocol versions 15–25. */
export interface HeartbeatReq {
  messageType: 'HEARTBEAT_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** HEARTBEAT_CONF (MessageType 6), as decoded in protocol versions 15–25. */
export interface HeartbeatConf {
  messageType: 'HEARTBEAT_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CLOSE_REQ (MessageType 7), as decoded in protocol versions 15–25. */
export interface CloseReq {
  messageType: 'CLOSE_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Status: UINT, fixed part */
  status: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CLOSE_CONF (MessageType 8), as decoded in protocol versions 15–25. */
export interface CloseConf {
  messageType: 'CLOSE_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SYSTEM_EVENT (MessageType 31), as decoded in protocol versions 15–25. */
export interface SystemEvent {
  messageType: 'SYSTEM_EVENT';
  /** PGStatus: UINT, fixed part */
  pgStatus: number;
  /** ICMCentralControllerTime: TIME, fixed part */
  icmCentralControllerTime: number;
  /** SystemEventID: UINT, fixed part */
  systemEventId: number;
  /** SystemEventArg1: UINT, fixed part */
  systemEventArg1: number;
  /** SystemEventArg2: UINT, fixed part */
  systemEventArg2: number;
  /** SystemEventArg3: UINT, fixed part */
  systemEventArg3: number;
  /** EventDeviceType: USHORT, fixed part */
  eventDeviceType: number;
  /** Text: STRING[255], floating tag 7 */
  text?: string;
  /** EventDeviceID: STRING[64], floating tag 206 */
  eventDeviceId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** STANDBY_ACTIVE_EVENT_MSG (MessageType 277), as decoded in protocol versions 24–25. */
export interface StandbyActiveEventMsg {
  messageType: 'STANDBY_ACTIVE_EVENT_MSG';
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** ACTIVE_MAINTENANCE_REQ_MSG (MessageType 278), as decoded in protocol versions 24–25. */
export interface ActiveMaintenanceReqMsg {
  messageType: 'ACTIVE_MAINTENANCE_REQ_MSG';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** ACTIVE_MAINTENANCE_RESP_MSG (MessageType 279), as decoded in protocol versions 24–25. */
export interface ActiveMaintenanceRespMsg {
  messageType: 'ACTIVE_MAINTENANCE_RESP_MSG';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** MaintenanceModeAccepted: BOOL, fixed part */
  maintenanceModeAccepted: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** ACTIVE_MAINTENANCE_EVENT_MSG (MessageType 280), as decoded in protocol versions 24–25. */
export interface ActiveMaintenanceEventMsg {
  messageType: 'ACTIVE_MAINTENANCE_EVENT_MSG';
  /** MaintenanceModeContinue: BOOL, fixed part */
  maintenanceModeContinue: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** STOPPING_REQUESTS_TO_THIS_SIDE_IND (MessageType 281), as decoded in protocol versions 24–25. */
export interface StoppingRequestsToThisSideInd {
  messageType: 'STOPPING_REQUESTS_TO_THIS_SIDE_IND';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** BEGIN_CALL_EVENT (MessageType 23), as decoded in protocol versions 15–25. */
export interface BeginCallEvent {
  messageType: 'BEGIN_CALL_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** NumCTIClients: USHORT, fixed part; counts ctiClientSignature */
  numCtiClients: number;
  /** NumNamedVariables: USHORT, fixed part; counts namedVariables */
  numNamedVariables: number;
  /** NumNamedArrays: USHORT, fixed part; counts namedArrays */
  numNamedArrays: number;
  /** CallType: USHORT, fixed part */
  callType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** CalledPartyDisposition: USHORT, fixed part */
  calledPartyDisposition: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** ANI: STRING[40], floating tag 8 */
  ani?: string;
  /** UserToUserInfo: UNSPEC[131], floating tag 9 */
  userToUserInfo?: Buffer;
  /** DNIS: STRING[32], floating tag 10 */
  dnis?: string;
  /** DialedNumber: STRING[40], floating tag 11 */
  dialedNumber?: string;
  /** CallerEnteredDigits: STRING[40], floating tag 12 */
  callerEnteredDigits?: string;
  /** RouterCallKeyDay: UINT, floating tag 72 */
  routerCallKeyDay?: number;
  /** RouterCallKeyCallID: UINT, floating tag 73 */
  routerCallKeyCallId?: number;
  /** RouterCallKeySequenceNumber: UINT, floating tag 110 */
  routerCallKeySequenceNumber?: number;
  /** CallVariable1: STRING[41], floating tag 13 */
  callVariable1?: string;
  /** CallVariable2: STRING[41], floating tag 14 */
  callVariable2?: string;
  /** CallVariable3: STRING[41], floating tag 15 */
  callVariable3?: string;
  /** CallVariable4: STRING[41], floating tag 16 */
  callVariable4?: string;
  /** CallVariable5: STRING[41], floating tag 17 */
  callVariable5?: string;
  /** CallVariable6: STRING[41], floating tag 18 */
  callVariable6?: string;
  /** CallVariable7: STRING[41], floating tag 19 */
  callVariable7?: string;
  /** CallVariable8: STRING[41], floating tag 20 */
  callVariable8?: string;
  /** CallVariable9: STRING[41], floating tag 21 */
  callVariable9?: string;
  /** CallVariable10: STRING[41], floating tag 22 */
  callVariable10?: string;
  /** CallWrapupData: STRING[40], floating tag 46 */
  callWrapupData?: string;
  /** NamedVariable: NAMEDVAR, floating tag 82, repeats */
  namedVariables?: NamedVariable[];
  /** NamedArray: NAMEDARRAY, floating tag 83, repeats */
  namedArrays?: NamedArrayElement[];
  /** CTIClientSignature: STRING[64], floating tag 23, repeats */
  ctiClientSignature?: string[];
  /** CTIClientTimestamp: TIME, floating tag 24, repeats */
  ctiClientTimestamp?: number[];
  /** CallReferenceID: UNSPEC[32], floating tag 223 */
  callReferenceId?: Buffer;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** END_CALL_EVENT (MessageType 24), as decoded in protocol versions 15–25. */
export interface EndCallEvent {
  messageType: 'END_CALL_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_AGENT_GREETING_EVENT (MessageType 248), as decoded in protocol versions 15–25. */
export interface CallAgentGreetingEvent {
  messageType: 'CALL_AGENT_GREETING_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** EventCode: USHORT, fixed part */
  eventCode: number;
  /** PeripheralErrorCode: UINT, fixed part */
  peripheralErrorCode: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** AgentID: STRING[12], floating tag 5 */
  agentId: string;
  /** GreetingType: STRING[32], floating tag 235 */
  greetingType: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_DATA_UPDATE_EVENT (MessageType 25), as decoded in protocol versions 15–25. */
export interface CallDataUpdateEvent {
  messageType: 'CALL_DATA_UPDATE_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** NumCTIClients: USHORT, fixed part; counts ctiClientSignature */
  numCtiClients: number;
  /** NumNamedVariables: USHORT, fixed part; counts namedVariables */
  numNamedVariables: number;
  /** NumNamedArrays: USHORT, fixed part; counts namedArrays */
  numNamedArrays: number;
  /** CallType: USHORT, fixed part */
  callType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** NewConnectionDeviceIDType: USHORT, fixed part */
  newConnectionDeviceIdType: number;
  /** NewConnectionCallID: UINT, fixed part */
  newConnectionCallId: number;
  /** CalledPartyDisposition: USHORT, fixed part */
  calledPartyDisposition: number;
  /** CampaignID: UINT, fixed part */
  campaignId: number;
  /** QueryRuleID: UINT, fixed part */
  queryRuleId: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** NewConnectionDeviceID: STRING[64], floating tag 47 */
  newConnectionDeviceId: string;
  /** ANI: STRING[40], floating tag 8 */
  ani?: string;
  /** UserToUserInfo: UNSPEC[131], floating tag 9 */
  userToUserInfo?: Buffer;
  /** DNIS: STRING[32], floating tag 10 */
  dnis?: string;
  /** DialedNumber: STRING[40], floating tag 11 */
  dialedNumber?: string;
  /** CallerEnteredDigits: STRING[40], floating tag 12 */
  callerEnteredDigits?: string;
  /** RouterCallKeyDay: UINT, floating tag 72 */
  routerCallKeyDay?: number;
  /** RouterCallKeyCallID: UINT, floating tag 73 */
  routerCallKeyCallId?: number;
  /** RouterCallKeySequenceNumber: UINT, floating tag 110 */
  routerCallKeySequenceNumber?: number;
  /** CallVariable1: STRING[41], floating tag 13 */
  callVariable1?: string;
  /** CallVariable2: STRING[41], floating tag 14 */
  callVariable2?: string;
  /** CallVariable3: STRING[41], floating tag 15 */
  callVariable3?: string;
  /** CallVariable4: STRING[41], floating tag 16 */
  callVariable4?: string;
  /** CallVariable5: STRING[41], floating tag 17 */
  callVariable5?: string;
  /** CallVariable6: STRING[41], floating tag 18 */
  callVariable6?: string;
  /** CallVariable7: STRING[41], floating tag 19 */
  callVariable7?: string;
  /** CallVariable8: STRING[41], floating tag 20 */
  callVariable8?: string;
  /** CallVariable9: STRING[41], floating tag 21 */
  callVariable9?: string;
  /** CallVariable10: STRING[41], floating tag 22 */
  callVariable10?: string;
  /** CallWrapupData: STRING[40], floating tag 46 */
  callWrapupData?: string;
  /** NamedVariable: NAMEDVAR, floating tag 82, repeats */
  namedVariables?: NamedVariable[];
  /** NamedArray: NAMEDARRAY, floating tag 83, repeats */
  namedArrays?: NamedArrayElement[];
  /** CustomerPhoneNumber: STRING[20], floating tag 95 */
  customerPhoneNumber?: string;
  /** CustomerAccountNumber: STRING[32], floating tag 96 */
  customerAccountNumber?: string;
  /** CTIClientSignature: STRING[64], floating tag 23, repeats */
  ctiClientSignature?: string[];
  /** CTIClientTimestamp: TIME, floating tag 24, repeats */
  ctiClientTimestamp?: number[];
  /** CallReferenceID: UNSPEC[32], floating tag 223 */
  callReferenceId?: Buffer;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_DELIVERED_EVENT (MessageType 9), as decoded in protocol versions 15–25. */
export interface CallDeliveredEvent {
  messageType: 'CALL_DELIVERED_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** ServiceNumber: UINT, fixed part */
  serviceNumber: number;
  /** ServiceID: UINT, fixed part */
  serviceId: number;
  /** SkillGroupNumber: UINT, fixed part */
  skillGroupNumber: number;
  /** SkillGroupID: UINT, fixed part */
  skillGroupId: number;
  /** SkillGroupPriority: USHORT, fixed part */
  skillGroupPriority: number;
  /** AlertingDeviceType: USHORT, fixed part */
  alertingDeviceType: number;
  /** CallingDeviceType: USHORT, fixed part */
  callingDeviceType: number;
  /** CalledDeviceType: USHORT, fixed part */
  calledDeviceType: number;
  /** LastRedirectDeviceType: USHORT, fixed part */
  lastRedirectDeviceType: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** NumNamedVariables: USHORT, fixed part; counts namedVariables */
  numNamedVariables: number;
  /** NumNamedArrays: USHORT, fixed part; counts namedArrays */
  numNamedArrays: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** AlertingDeviceID: STRING[64], floating tag 26 */
  alertingDeviceId?: string;
  /** CallingDeviceID: STRING[64], floating tag 27 */
  callingDeviceId?: string;
  /** CalledDeviceID: STRING[64], floating tag 28 */
  calledDeviceId?: string;
  /** LastRedirectDeviceID: STRING[64], floating tag 29 */
  lastRedirectDeviceId?: string;
  /** TrunkNumber: UINT, floating tag 121 */
  trunkNumber?: number;
  /** TrunkGroupNumber: UINT, floating tag 122 */
  trunkGroupNumber?: number;
  /** SecondaryConnectionCallID: UINT, floating tag 202 */
  secondaryConnectionCallId?: number;
  /** ANI: STRING[40], floating tag 8 */
  ani?: string;
  /** ANI_II: STRING[2], floating tag 215 */
  aniIi?: string;
  /** UserToUserInfo: UNSPEC[131], floating tag 9 */
  userToUserInfo?: Buffer;
  /** DNIS: STRING[32], floating tag 10 */
  dnis?: string;
  /** DialedNumber: STRING[40], floating tag 11 */
  dialedNumber?: string;
  /** CallerEnteredDigits: STRING[40], floating tag 12 */
  callerEnteredDigits?: string;
  /** CallVariable1: STRING[41], floating tag 13 */
  callVariable1?: string;
  /** CallVariable2: STRING[41], floating tag 14 */
  callVariable2?: string;
  /** CallVariable3: STRING[41], floating tag 15 */
  callVariable3?: string;
  /** CallVariable4: STRING[41], floating tag 16 */
  callVariable4?: string;
  /** CallVariable5: STRING[41], floating tag 17 */
  callVariable5?: string;
  /** CallVariable6: STRING[41], floating tag 18 */
  callVariable6?: string;
  /** CallVariable7: STRING[41], floating tag 19 */
  callVariable7?: string;
  /** CallVariable8: STRING[41], floating tag 20 */
  callVariable8?: string;
  /** CallVariable9: STRING[41], floating tag 21 */
  callVariable9?: string;
  /** CallVariable10: STRING[41], floating tag 22 */
  callVariable10?: string;
  /** CallWrapupData: STRING[40], floating tag 46 */
  callWrapupData?: string;
  /** NamedVariable: NAMEDVAR, floating tag 82, repeats */
  namedVariables?: NamedVariable[];
  /** NamedArray: NAMEDARRAY, floating tag 83, repeats */
  namedArrays?: NamedArrayElement[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_ESTABLISHED_EVENT (MessageType 10), as decoded in protocol versions 15–25. */
export interface CallEstablishedEvent {
  messageType: 'CALL_ESTABLISHED_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** ServiceNumber: UINT, fixed part */
  serviceNumber: number;
  /** ServiceID: UINT, fixed part */
  serviceId: number;
  /** SkillGroupNumber: UINT, fixed part */
  skillGroupNumber: number;
  /** SkillGroupID: UINT, fixed part */
  skillGroupId: number;
  /** SkillGroupPriority: USHORT, fixed part */
  skillGroupPriority: number;
  /** AnsweringDeviceType: USHORT, fixed part */
  answeringDeviceType: number;
  /** CallingDeviceType: USHORT, fixed part */
  callingDeviceType: number;
  /** CalledDeviceType: USHORT, fixed part */
  calledDeviceType: number;
  /** LastRedirectDeviceType: USHORT, fixed part */
  lastRedirectDeviceType: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** AnsweringDeviceID: STRING[64], floating tag 30 */
  answeringDeviceId?: string;
  /** CallingDeviceID: STRING[64], floating tag 27 */
  callingDeviceId?: string;
  /** CalledDeviceID: STRING[64], floating tag 28 */
  calledDeviceId?: string;
  /** LastRedirectDeviceID: STRING[64], floating tag 29 */
  lastRedirectDeviceId?: string;
  /** TrunkNumber: UINT, floating tag 121 */
  trunkNumber?: number;
  /** TrunkGroupNumber: UINT, floating tag 122 */
  trunkGroupNumber?: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_HELD_EVENT (MessageType 11), as decoded in protocol versions 15–25. */
export interface CallHeldEvent {
  messageType: 'CALL_HELD_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** HoldingDeviceType: USHORT, fixed part */
  holdingDeviceType: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** HoldingDeviceID: STRING[64], floating tag 31 */
  holdingDeviceId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_RETRIEVED_EVENT (MessageType 12), as decoded in protocol versions 15–25. */
export interface CallRetrievedEvent {
  messageType: 'CALL_RETRIEVED_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** RetrievingDeviceType: USHORT, fixed part */
  retrievingDeviceType: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** RetrievingDeviceID: STRING[64], floating tag 32 */
  retrievingDeviceId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_CLEARED_EVENT (MessageType 13), as decoded in protocol versions 15–25. */
export interface CallClearedEvent {
  messageType: 'CALL_CLEARED_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_CONNECTION_CLEARED_EVENT (MessageType 14), as decoded in protocol versions 15–25. */
export interface CallConnectionClearedEvent {
  messageType: 'CALL_CONNECTION_CLEARED_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ReleasingDeviceType: USHORT, fixed part */
  releasingDeviceType: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** ReleasingDeviceID: STRING[64], floating tag 33 */
  releasingDeviceId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_ORIGINATED_EVENT (MessageType 15), as decoded in protocol versions 15–25. */
export interface CallOriginatedEvent {
  messageType: 'CALL_ORIGINATED_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** ServiceNumber: UINT, fixed part */
  serviceNumber: number;
  /** ServiceID: UINT, fixed part */
  serviceId: number;
  /** SkillGroupNumber: UINT, fixed part */
  skillGroupNumber: number;
  /** SkillGroupID: UINT, fixed part */
  skillGroupId: number;
  /** SkillGroupPriority: USHORT, fixed part */
  skillGroupPriority: number;
  /** CallingDeviceType: USHORT, fixed part */
  callingDeviceType: number;
  /** CalledDeviceType: USHORT, fixed part */
  calledDeviceType: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** CallingDeviceID: STRING[64], floating tag 27 */
  callingDeviceId?: string;
  /** CalledDeviceID: STRING[64], floating tag 28 */
  calledDeviceId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_FAILED_EVENT (MessageType 16), as decoded in protocol versions 15–25. */
export interface CallFailedEvent {
  messageType: 'CALL_FAILED_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** FailingDeviceType: USHORT, fixed part */
  failingDeviceType: number;
  /** CalledDeviceType: USHORT, fixed part */
  calledDeviceType: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** FailingDeviceID: STRING[64], floating tag 34 */
  failingDeviceId?: string;
  /** CalledDeviceID: STRING[64], floating tag 28 */
  calledDeviceId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_CONFERENCED_EVENT (MessageType 17), as decoded in protocol versions 15–25. */
export interface CallConferencedEvent {
  messageType: 'CALL_CONFERENCED_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** PrimaryDeviceIDType: USHORT, fixed part */
  primaryDeviceIdType: number;
  /** PrimaryCallID: UINT, fixed part */
  primaryCallId: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** SkillGroupNumber: UINT, fixed part */
  skillGroupNumber: number;
  /** SkillGroupID: UINT, fixed part */
  skillGroupId: number;
  /** SkillGroupPriority: USHORT, fixed part */
  skillGroupPriority: number;
  /** NumParties: USHORT, fixed part; counts connectedPartyCallId */
  numParties: number;
  /** SecondaryDeviceIDType: USHORT, fixed part */
  secondaryDeviceIdType: number;
  /** SecondaryCallID: UINT, fixed part */
  secondaryCallId: number;
  /** ControllerDeviceType: USHORT, fixed part */
  controllerDeviceType: number;
  /** AddedPartyDeviceType: USHORT, fixed part */
  addedPartyDeviceType: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** PrimaryDeviceID: STRING[64], floating tag 35 */
  primaryDeviceId: string;
  /** SecondaryDeviceID: STRING[64], floating tag 36 */
  secondaryDeviceId: string;
  /** ControllerDeviceID: STRING[64], floating tag 37 */
  controllerDeviceId?: string;
  /** AddedPartyDeviceID: STRING[64], floating tag 38 */
  addedPartyDeviceId?: string;
  /** ConnectedPartyCallID: UINT, floating tag 39, repeats */
  connectedPartyCallId?: number[];
  /** ConnectedPartyDeviceIDType: USHORT, floating tag 40, repeats */
  connectedPartyDeviceIdType?: number[];
  /** ConnectedPartyDeviceID: STRING[64], floating tag 41, repeats */
  connectedPartyDeviceId?: string[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_TRANSFERRED_EVENT (MessageType 18), as decoded in protocol versions 15–25. */
export interface CallTransferredEvent {
  messageType: 'CALL_TRANSFERRED_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** PrimaryDeviceIDType: USHORT, fixed part */
  primaryDeviceIdType: number;
  /** PrimaryCallID: UINT, fixed part */
  primaryCallId: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** SkillGroupNumber: UINT, fixed part */
  skillGroupNumber: number;
  /** SkillGroupID: UINT, fixed part */
  skillGroupId: number;
  /** SkillGroupPriority: USHORT, fixed part */
  skillGroupPriority: number;
  /** NumParties: USHORT, fixed part; counts connectedPartyCallId */
  numParties: number;
  /** SecondaryDeviceIDType: USHORT, fixed part */
  secondaryDeviceIdType: number;
  /** SecondaryCallID: UINT, fixed part */
  secondaryCallId: number;
  /** TransferringDeviceType: USHORT, fixed part */
  transferringDeviceType: number;
  /** TransferredDeviceType: USHORT, fixed part */
  transferredDeviceType: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** PrimaryDeviceID: STRING[64], floating tag 35 */
  primaryDeviceId: string;
  /** SecondaryDeviceID: STRING[64], floating tag 36 */
  secondaryDeviceId: string;
  /** TransferringDeviceID: STRING[64], floating tag 42 */
  transferringDeviceId?: string;
  /** TransferredDeviceID: STRING[64], floating tag 43 */
  transferredDeviceId?: string;
  /** ConnectedPartyCallID: UINT, floating tag 39, repeats */
  connectedPartyCallId?: number[];
  /** ConnectedPartyDeviceIDType: USHORT, floating tag 40, repeats */
  connectedPartyDeviceIdType?: number[];
  /** ConnectedPartyDeviceID: STRING[64], floating tag 41, repeats */
  connectedPartyDeviceId?: string[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_DIVERTED_EVENT (MessageType 19), as decoded in protocol versions 15–25. */
export interface CallDivertedEvent {
  messageType: 'CALL_DIVERTED_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ServiceNumber: UINT, fixed part */
  serviceNumber: number;
  /** ServiceID: UINT, fixed part */
  serviceId: number;
  /** DivertingDeviceType: USHORT, fixed part */
  divertingDeviceType: number;
  /** CalledDeviceType: USHORT, fixed part */
  calledDeviceType: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** DivertingDeviceID: STRING[64], floating tag 44 */
  divertingDeviceId?: string;
  /** CalledDeviceID: STRING[64], floating tag 28 */
  calledDeviceId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_SERVICE_INITIATED_EVENT (MessageType 20), as decoded in protocol versions 15–25. */
export interface CallServiceInitiatedEvent {
  messageType: 'CALL_SERVICE_INITIATED_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** ServiceNumber: UINT, fixed part */
  serviceNumber: number;
  /** ServiceID: UINT, fixed part */
  serviceId: number;
  /** SkillGroupNumber: UINT, fixed part */
  skillGroupNumber: number;
  /** SkillGroupID: UINT, fixed part */
  skillGroupId: number;
  /** SkillGroupPriority: USHORT, fixed part */
  skillGroupPriority: number;
  /** CallingDeviceType: USHORT, fixed part */
  callingDeviceType: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** CallingDeviceID: STRING[64], floating tag 27 */
  callingDeviceId?: string;
  /** CallReferenceID: UNSPEC[32], floating tag 223 */
  callReferenceId?: Buffer;
  /** COCConnectionCallID: UINT, floating tag 229 */
  cocConnectionCallId?: number;
  /** COCCallConnectionDeviceIDType: USHORT, floating tag 230 */
  cocCallConnectionDeviceIdType?: number;
  /** COCCallConnectionDeviceID: STRING[64], floating tag 231 */
  cocCallConnectionDeviceId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_REACHED_NETWORK_EVENT (MessageType 34), as decoded in protocol versions 15–25. */
export interface CallReachedNetworkEvent {
  messageType: 'CALL_REACHED_NETWORK_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** TrunkUsedDeviceType: USHORT, fixed part */
  trunkUsedDeviceType: number;
  /** CalledDeviceType: USHORT, fixed part */
  calledDeviceType: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** TrunkUsedDeviceID: STRING[64], floating tag 48 */
  trunkUsedDeviceId?: string;
  /** CalledDeviceID: STRING[64], floating tag 28 */
  calledDeviceId?: string;
  /** TrunkNumber: UINT, floating tag 121 */
  trunkNumber?: number;
  /** TrunkGroupNumber: UINT, floating tag 122 */
  trunkGroupNumber?: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_QUEUED_EVENT (MessageType 21), as decoded in protocol versions 15–25. */
export interface CallQueuedEvent {
  messageType: 'CALL_QUEUED_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ServiceNumber: UINT, fixed part */
  serviceNumber: number;
  /** ServiceID: UINT, fixed part */
  serviceId: number;
  /** QueueDeviceType: USHORT, fixed part */
  queueDeviceType: number;
  /** CallingDeviceType: USHORT, fixed part */
  callingDeviceType: number;
  /** CalledDeviceType: USHORT, fixed part */
  calledDeviceType: number;
  /** LastRedirectDeviceType: USHORT, fixed part */
  lastRedirectDeviceType: number;
  /** NumQueued: USHORT, fixed part */
  numQueued: number;
  /** NumSkillGroups: USHORT, fixed part; counts skillGroupNumber */
  numSkillGroups: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** QueueDeviceID: STRING[64], floating tag 45 */
  queueDeviceId?: string;
  /** CallingDeviceID: STRING[64], floating tag 27 */
  callingDeviceId?: string;
  /** CalledDeviceID: STRING[64], floating tag 28 */
  calledDeviceId?: string;
  /** LastRedirectDeviceID: STRING[64], floating tag 29 */
  lastRedirectDeviceId?: string;
  /** SkillGroupNumber: INT, floating tag 62, repeats */
  skillGroupNumber?: number[];
  /** SkillGroupID: UINT, floating tag 63, repeats */
  skillGroupId?: number[];
  /** SkillGroupPriority: USHORT, floating tag 64, repeats */
  skillGroupPriority?: number[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_DEQUEUED_EVENT (MessageType 86), as decoded in protocol versions 15–25. */
export interface CallDequeuedEvent {
  messageType: 'CALL_DEQUEUED_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** QueueDeviceType: USHORT, fixed part */
  queueDeviceType: number;
  /** ServiceNumber: UINT, fixed part */
  serviceNumber: number;
  /** ServiceID: UINT, fixed part */
  serviceId: number;
  /** NumQueued: USHORT, fixed part */
  numQueued: number;
  /** NumSkillGroups: USHORT, fixed part; counts skillGroupNumber */
  numSkillGroups: number;
  /** LocalConnectionState: USHORT, fixed part */
  localConnectionState: number;
  /** EventCause: USHORT, fixed part */
  eventCause: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** QueueDeviceID: STRING[64], floating tag 45 */
  queueDeviceId?: string;
  /** SkillGroupNumber: UINT, floating tag 62, repeats */
  skillGroupNumber?: number[];
  /** SkillGroupID: UINT, floating tag 63, repeats */
  skillGroupId?: number[];
  /** SkillGroupPriority: USHORT, floating tag 64, repeats */
  skillGroupPriority?: number[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_ATTRIBUTE_CHANGE_EVENT (MessageType 240), as decoded in protocol versions 15–25. */
export interface CallAttributeChangeEvent {
  messageType: 'CALL_ATTRIBUTE_CHANGE_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** CallTypeID: UINT, fixed part */
  callTypeId: number;
  /** ServiceNumber: UINT, fixed part */
  serviceNumber: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CALL_TRANSLATION_ROUTE_EVENT (MessageType 22), as decoded in protocol versions 15–25. */
export interface CallTranslationRouteEvent {
  messageType: 'CALL_TRANSLATION_ROUTE_EVENT';
  /** NumNamedVariables: USHORT, fixed part; counts namedVariables */
  numNamedVariables: number;
  /** NumNamedArrays: USHORT, fixed part; counts namedArrays */
  numNamedArrays: number;
  /** ANI: STRING[40], floating tag 8 */
  ani?: string;
  /** UserToUserInfo: UNSPEC[131], floating tag 9 */
  userToUserInfo?: Buffer;
  /** DNIS: STRING[32], floating tag 10 */
  dnis: string;
  /** DialedNumber: STRING[40], floating tag 11 */
  dialedNumber?: string;
  /** CallerEnteredDigits: STRING[40], floating tag 12 */
  callerEnteredDigits?: string;
  /** RouterCallKeyDay: UINT, floating tag 72 */
  routerCallKeyDay: number;
  /** RouterCallKeyCallID: UINT, floating tag 73 */
  routerCallKeyCallId: number;
  /** RouterCallKeySequenceNumber: UINT, floating tag 110 */
  routerCallKeySequenceNumber: number;
  /** CallVariable1: STRING[41], floating tag 13 */
  callVariable1?: string;
  /** CallVariable2: STRING[41], floating tag 14 */
  callVariable2?: string;
  /** CallVariable3: STRING[41], floating tag 15 */
  callVariable3?: string;
  /** CallVariable4: STRING[41], floating tag 16 */
  callVariable4?: string;
  /** CallVariable5: STRING[41], floating tag 17 */
  callVariable5?: string;
  /** CallVariable6: STRING[41], floating tag 18 */
  callVariable6?: string;
  /** CallVariable7: STRING[41], floating tag 19 */
  callVariable7?: string;
  /** CallVariable8: STRING[41], floating tag 20 */
  callVariable8?: string;
  /** CallVariable9: STRING[41], floating tag 21 */
  callVariable9?: string;
  /** CallVariable10: STRING[41], floating tag 22 */
  callVariable10?: string;
  /** NamedVariable: NAMEDVAR, floating tag 82, repeats */
  namedVariables?: NamedVariable[];
  /** NamedArray: NAMEDARRAY, floating tag 83, repeats */
  namedArrays?: NamedArrayElement[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** AGENT_STATE_EVENT (MessageType 30), as decoded in protocol versions 15–25. */
export interface AgentStateEvent {
  messageType: 'AGENT_STATE_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** SessionID: UINT, fixed part */
  sessionId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** SkillGroupState: USHORT, fixed part */
  skillGroupState: number;
  /** StateDuration: UINT, fixed part */
  stateDuration: number;
  /** SkillGroupNumber: UINT, fixed part */
  skillGroupNumber: number;
  /** SkillGroupID: UINT, fixed part */
  skillGroupId: number;
  /** SkillGroupPriority: USHORT, fixed part */
  skillGroupPriority: number;
  /** AgentState: USHORT, fixed part */
  agentState: number;
  /** EventReasonCode: USHORT, fixed part */
  eventReasonCode: number;
  /** MRDID: INT, fixed part */
  mrdid: number;
  /** NumTasks: UINT, fixed part */
  numTasks: number;
  /** AgentMode: USHORT, fixed part */
  agentMode: number;
  /** MaxTaskLimit: UINT, fixed part */
  maxTaskLimit: number;
  /** ICMAgentID: INT, fixed part */
  icmAgentId: number;
  /** AgentAvailabilityStatus: UINT, fixed part */
  agentAvailabilityStatus: number;
  /** NumFltSkillGroups: USHORT, fixed part; counts fltSkillGroupNumber */
  numFltSkillGroups: number;
  /** CTIClientSignature: STRING[64], floating tag 3 */
  ctiClientSignature?: string;
  /** AgentID: STRING[12], floating tag 5 */
  agentId?: string;
  /** AgentExtension: STRING[16], floating tag 4 */
  agentExtension?: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** Duration: UINT, floating tag 150 */
  duration?: number;
  /** NextAgentState: USHORT, floating tag 123 */
  nextAgentState?: number;
  /** FltSkillGroupNumber: INT, floating tag 62, repeats */
  fltSkillGroupNumber?: number[];
  /** FltSkillGroupID: UINT, floating tag 63, repeats */
  fltSkillGroupId?: number[];
  /** FltSkillGroupPriority: USHORT, floating tag 64, repeats */
  fltSkillGroupPriority?: number[];
  /** FltSkillGroupState: USHORT, floating tag 65, repeats */
  fltSkillGroupState?: number[];
  /** Direction: UINT, floating tag 244 | only in protocol versions 16–25 */
  direction?: number;
  /** DepartmentID: INT, fixed part | only in protocol versions 19–25 */
  departmentId?: number;
  /** ActiveTerminal: STRING[64], floating tag 303 | only in protocol versions 20–25 */
  activeTerminal?: string;
  /** MaxBeyondTaskLimit: UINT, floating tag 266 | only in protocol versions 22–25 */
  maxBeyondTaskLimit?: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** AGENT_PRE_CALL_EVENT (MessageType 105), as decoded in protocol versions 15–25. */
export interface AgentPreCallEvent {
  messageType: 'AGENT_PRE_CALL_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** NumNamedVariables: USHORT, fixed part; counts namedVariables */
  numNamedVariables: number;
  /** NumNamedArrays: USHORT, fixed part; counts namedArrays */
  numNamedArrays: number;
  /** ServiceNumber: UINT, fixed part */
  serviceNumber: number;
  /** ServiceID: UINT, fixed part */
  serviceId: number;
  /** SkillGroupNumber: UINT, fixed part */
  skillGroupNumber: number;
  /** SkillGroupID: UINT, fixed part */
  skillGroupId: number;
  /** SkillGroupPriority: USHORT, fixed part */
  skillGroupPriority: number;
  /** MRDID: INT, fixed part */
  mrdid: number;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument: string;
  /** RouterCallKeyDay: UINT, floating tag 72 */
  routerCallKeyDay: number;
  /** RouterCallKeyCallID: UINT, floating tag 73 */
  routerCallKeyCallId: number;
  /** RouterCallKeySequenceNumber: UINT, floating tag 110 */
  routerCallKeySequenceNumber: number;
  /** ANI: STRING[40], floating tag 8 */
  ani?: string;
  /** UserToUserInfo: UNSPEC[131], floating tag 9 */
  userToUserInfo?: Buffer;
  /** DialedNumber: STRING[40], floating tag 11 */
  dialedNumber?: string;
  /** CallerEnteredDigits: STRING[40], floating tag 12 */
  callerEnteredDigits?: string;
  /** FltCallTypeID: UINT, floating tag 210 */
  fltCallTypeId?: number;
  /** PreCallInvokeID: UINT, floating tag 221 */
  preCallInvokeId?: number;
  /** CallVariable1: STRING[41], floating tag 13 */
  callVariable1?: string;
  /** CallVariable2: STRING[41], floating tag 14 */
  callVariable2?: string;
  /** CallVariable3: STRING[41], floating tag 15 */
  callVariable3?: string;
  /** CallVariable4: STRING[41], floating tag 16 */
  callVariable4?: string;
  /** CallVariable5: STRING[41], floating tag 17 */
  callVariable5?: string;
  /** CallVariable6: STRING[41], floating tag 18 */
  callVariable6?: string;
  /** CallVariable7: STRING[41], floating tag 19 */
  callVariable7?: string;
  /** CallVariable8: STRING[41], floating tag 20 */
  callVariable8?: string;
  /** CallVariable9: STRING[41], floating tag 21 */
  callVariable9?: string;
  /** CallVariable10: STRING[41], floating tag 22 */
  callVariable10?: string;
  /** NamedVariable: NAMEDVAR, floating tag 82, repeats */
  namedVariables?: NamedVariable[];
  /** NamedArray: NAMEDARRAY, floating tag 83, repeats */
  namedArrays?: NamedArrayElement[];
  /** AgentSkillTargetID: UINT, fixed part | only in protocol versions 20–25 */
  agentSkillTargetId?: number;
  /** AgentID: STRING[12], floating tag 5 | only in protocol versions 20–25 */
  agentId?: string;
  /** ProtocolReferenceGUID: STRING[40], floating tag 294 | only in protocol versions 23–25 */
  protocolReferenceGuid?: string;
  /** NumOfEnabledServices: USHORT, floating tag 310 | only in protocol versions 24–25 */
  numOfEnabledServices?: number;
  /** FltEnabledServices: USHORT, floating tag 309, repeats | only in protocol versions 24–25 */
  fltEnabledServices?: number[];
  /** CcaiConfigId: STRING[40], floating tag 311 | only in protocol versions 24–25 */
  ccaiConfigId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** AGENT_PRE_CALL_ABORT_EVENT (MessageType 106), as decoded in protocol versions 15–25. */
export interface AgentPreCallAbortEvent {
  messageType: 'AGENT_PRE_CALL_ABORT_EVENT';
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** MRDID: INT, fixed part */
  mrdid: number;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument: string;
  /** RouterCallKeyDay: UINT, floating tag 72 */
  routerCallKeyDay: number;
  /** RouterCallKeyCallID: UINT, floating tag 73 */
  routerCallKeyCallId: number;
  /** RouterCallKeySequenceNumber: UINT, floating tag 110 */
  routerCallKeySequenceNumber: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SET_CALL_DATA_REQ (MessageType 26), as decoded in protocol versions 15–25. */
export interface SetCallDataReq {
  messageType: 'SET_CALL_DATA_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** NumNamedVariables: USHORT, fixed part; counts namedVariables */
  numNamedVariables: number;
  /** NumNamedArrays: USHORT, fixed part; counts namedArrays */
  numNamedArrays: number;
  /** CallType: USHORT, fixed part */
  callType: number;
  /** CalledPartyDisposition: USHORT, fixed part */
  calledPartyDisposition: number;
  /** CampaignID: UINT, fixed part */
  campaignId: number;
  /** QueryRuleID: UINT, fixed part */
  queryRuleId: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** ANI: STRING[40], floating tag 8 */
  ani?: string;
  /** UserToUserInfo: UNSPEC[131], floating tag 9 */
  userToUserInfo?: Buffer;
  /** CallerEnteredDigits: STRING[40], floating tag 12 */
  callerEnteredDigits?: string;
  /** CallVariable1: STRING[41], floating tag 13 */
  callVariable1?: string;
  /** CallVariable2: STRING[41], floating tag 14 */
  callVariable2?: string;
  /** CallVariable3: STRING[41], floating tag 15 */
  callVariable3?: string;
  /** CallVariable4: STRING[41], floating tag 16 */
  callVariable4?: string;
  /** CallVariable5: STRING[41], floating tag 17 */
  callVariable5?: string;
  /** CallVariable6: STRING[41], floating tag 18 */
  callVariable6?: string;
  /** CallVariable7: STRING[41], floating tag 19 */
  callVariable7?: string;
  /** CallVariable8: STRING[41], floating tag 20 */
  callVariable8?: string;
  /** CallVariable9: STRING[41], floating tag 21 */
  callVariable9?: string;
  /** CallVariable10: STRING[41], floating tag 22 */
  callVariable10?: string;
  /** CallWrapupData: STRING[40], floating tag 46 */
  callWrapupData?: string;
  /** NamedVariable: NAMEDVAR, floating tag 82, repeats */
  namedVariables?: NamedVariable[];
  /** NamedArray: NAMEDARRAY, floating tag 83, repeats */
  namedArrays?: NamedArrayElement[];
  /** CustomerPhoneNumber: STRING[20], floating tag 95 */
  customerPhoneNumber?: string;
  /** CustomerAccountNumber: STRING[32], floating tag 96 */
  customerAccountNumber?: string;
  /** RouterCallKeyDay: UINT, floating tag 72 */
  routerCallKeyDay?: number;
  /** RouterCallKeyCallID: UINT, floating tag 73 */
  routerCallKeyCallId?: number;
  /** RouterCallKeySequenceNumber: UINT, floating tag 110 */
  routerCallKeySequenceNumber?: number;
  /** CallOriginatedFrom: UCHAR, floating tag 232 */
  callOriginatedFrom?: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SET_CALL_DATA_CONF (MessageType 27), as decoded in protocol versions 15–25. */
export interface SetCallDataConf {
  messageType: 'SET_CALL_DATA_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** RELEASE_CALL_REQ (MessageType 28), as decoded in protocol versions 15–25. */
export interface ReleaseCallReq {
  messageType: 'RELEASE_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** RELEASE_CALL_CONF (MessageType 29), as decoded in protocol versions 15–25. */
export interface ReleaseCallConf {
  messageType: 'RELEASE_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** REGISTER_VARIABLES_REQ (MessageType 110), as decoded in protocol versions 15–25. */
export interface RegisterVariablesReq {
  messageType: 'REGISTER_VARIABLES_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** CallVariableMask: USHORT, fixed part */
  callVariableMask: number;
  /** NumNamedVariables: USHORT, fixed part; counts namedVariables */
  numNamedVariables: number;
  /** NumNamedArrays: USHORT, fixed part; counts namedArrays */
  numNamedArrays: number;
  /** NamedVariable: NAMEDVAR, floating tag 82, repeats */
  namedVariables?: NamedVariable[];
  /** NamedArray: NAMEDARRAY, floating tag 83, repeats */
  namedArrays?: NamedArrayElement[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** REGISTER_VARIABLES_CONF (MessageType 111), as decoded in protocol versions 15–25. */
export interface RegisterVariablesConf {
  messageType: 'REGISTER_VARIABLES_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONTROL_FAILURE_CONF (MessageType 35), as decoded in protocol versions 15–25. */
export interface ControlFailureConf {
  messageType: 'CONTROL_FAILURE_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** FailureCode: USHORT, fixed part */
  failureCode: number;
  /** PeripheralErrorCode: UINT, fixed part */
  peripheralErrorCode: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** QUERY_AGENT_STATE_REQ (MessageType 36), as decoded in protocol versions 15–25. */
export interface QueryAgentStateReq {
  messageType: 'QUERY_AGENT_STATE_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** MRDID: INT, fixed part */
  mrdid: number;
  /** ICMAgentID: INT, fixed part */
  icmAgentId: number;
  /** AgentExtension: STRING[16], floating tag 4 */
  agentExtension?: string;
  /** AgentID: STRING[12], floating tag 5 */
  agentId?: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** QUERY_AGENT_STATE_CONF (MessageType 37), as decoded in protocol versions 15–25. */
export interface QueryAgentStateConf {
  messageType: 'QUERY_AGENT_STATE_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** AgentState: USHORT, fixed part */
  agentState: number;
  /** NumSkillGroups: USHORT, fixed part; counts skillGroupNumber */
  numSkillGroups: number;
  /** MRDID: INT, fixed part */
  mrdid: number;
  /** NumTasks: UINT, fixed part */
  numTasks: number;
  /** AgentMode: USHORT, fixed part */
  agentMode: number;
  /** MaxTaskLimit: UINT, fixed part */
  maxTaskLimit: number;
  /** ICMAgentID: INT, fixed part */
  icmAgentId: number;
  /** AgentAvailabilityStatus: UINT, fixed part */
  agentAvailabilityStatus: number;
  /** AgentID: STRING[12], floating tag 5 */
  agentId?: string;
  /** AgentExtension: STRING[16], floating tag 4 */
  agentExtension?: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** SkillGroupNumber: UINT, floating tag 62, repeats */
  skillGroupNumber?: number[];
  /** SkillGroupID: UINT, floating tag 63, repeats */
  skillGroupId?: number[];
  /** SkillGroupPriority: USHORT, floating tag 64, repeats */
  skillGroupPriority?: number[];
  /** SkillGroupState: USHORT, floating tag 65, repeats */
  skillGroupState?: number[];
  /** DepartmentID: INT, fixed part | only in protocol versions 19–25 */
  departmentId?: number;
  /** InternalAgentState: USHORT, floating tag 255 | only in protocol versions 19–25 */
  internalAgentState?: number;
  /** MaxBeyondTaskLimit: UINT, floating tag 266 | only in protocol versions 22–25 */
  maxBeyondTaskLimit?: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SET_AGENT_STATE_REQ (MessageType 38), as decoded in protocol versions 15–25. */
export interface SetAgentStateReq {
  messageType: 'SET_AGENT_STATE_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** AgentState: USHORT, fixed part */
  agentState: number;
  /** AgentWorkMode: USHORT, fixed part */
  agentWorkMode: number;
  /** NumSkillGroups: USHORT, fixed part; counts skillGroupNumber */
  numSkillGroups: number;
  /** EventReasonCode: USHORT, fixed part */
  eventReasonCode: number;
  /** ForcedFlag: UCHAR, fixed part */
  forcedFlag: number;
  /** AgentServiceReq: UINT, fixed part */
  agentServiceReq: number;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument: string;
  /** AgentID: STRING[12], floating tag 5 */
  agentId?: string;
  /** AgentPassword: STRING[64], floating tag 49 */
  agentPassword?: string;
  /** PositionID: STRING[12], floating tag 68 */
  positionId?: string;
  /** SupervisorID: STRING[12], floating tag 69 */
  supervisorId?: string;
  /** SkillGroupNumber: INT, floating tag 62, repeats */
  skillGroupNumber?: number[];
  /** SkillGroupPriority: USHORT, floating tag 64, repeats */
  skillGroupPriority?: number[];
  /** ActiveTerminal: STRING[64], floating tag 303 | only in protocol versions 20–25 */
  activeTerminal?: string;
  /** SSOEnabled: USHORT, floating tag 257 | only in protocol versions 20–25 */
  ssoEnabled?: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SET_AGENT_STATE_CONF (MessageType 39), as decoded in protocol versions 15–25. */
export interface SetAgentStateConf {
  messageType: 'SET_AGENT_STATE_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** ALTERNATE_CALL_REQ (MessageType 40), as decoded in protocol versions 15–25. */
export interface AlternateCallReq {
  messageType: 'ALTERNATE_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ActiveConnectionCallID: UINT, fixed part */
  activeConnectionCallId: number;
  /** OtherConnectionCallID: UINT, fixed part */
  otherConnectionCallId: number;
  /** ActiveConnectionDeviceIDType: USHORT, fixed part */
  activeConnectionDeviceIdType: number;
  /** OtherConnectionDeviceIDType: USHORT, fixed part */
  otherConnectionDeviceIdType: number;
  /** ActiveConnectionDeviceID: STRING[64], floating tag 50 */
  activeConnectionDeviceId: string;
  /** OtherConnectionDeviceID: STRING[64], floating tag 52 */
  otherConnectionDeviceId: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** ALTERNATE_CALL_CONF (MessageType 41), as decoded in protocol versions 15–25. */
export interface AlternateCallConf {
  messageType: 'ALTERNATE_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** ANSWER_CALL_REQ (MessageType 42), as decoded in protocol versions 15–25. */
export interface AnswerCallReq {
  messageType: 'ANSWER_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** ANSWER_CALL_CONF (MessageType 43), as decoded in protocol versions 15–25. */
export interface AnswerCallConf {
  messageType: 'ANSWER_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CLEAR_CALL_REQ (MessageType 44), as decoded in protocol versions 15–25. */
export interface ClearCallReq {
  messageType: 'CLEAR_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CLEAR_CALL_CONF (MessageType 45), as decoded in protocol versions 15–25. */
export interface ClearCallConf {
  messageType: 'CLEAR_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CLEAR_CONNECTION_REQ (MessageType 46), as decoded in protocol versions 15–25. */
export interface ClearConnectionReq {
  messageType: 'CLEAR_CONNECTION_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** RequestingDeviceIDType: USHORT, fixed part */
  requestingDeviceIdType: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** RequestingDeviceID: STRING[64], floating tag 219 */
  requestingDeviceId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CLEAR_CONNECTION_CONF (MessageType 47), as decoded in protocol versions 15–25. */
export interface ClearConnectionConf {
  messageType: 'CLEAR_CONNECTION_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFERENCE_CALL_REQ (MessageType 48), as decoded in protocol versions 15–25. */
export interface ConferenceCallReq {
  messageType: 'CONFERENCE_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** HeldConnectionCallID: UINT, fixed part */
  heldConnectionCallId: number;
  /** ActiveConnectionCallID: UINT, fixed part */
  activeConnectionCallId: number;
  /** HeldConnectionDeviceIDType: USHORT, fixed part */
  heldConnectionDeviceIdType: number;
  /** ActiveConnectionDeviceIDType: USHORT, fixed part */
  activeConnectionDeviceIdType: number;
  /** CallPlacementType: USHORT, fixed part */
  callPlacementType: number;
  /** CallMannerType: USHORT, fixed part */
  callMannerType: number;
  /** AlertRings: USHORT, fixed part */
  alertRings: number;
  /** CallOption: USHORT, fixed part */
  callOption: number;
  /** FacilityType: USHORT, fixed part */
  facilityType: number;
  /** AnsweringMachine: USHORT, fixed part */
  answeringMachine: number;
  /** Priority: BOOL, fixed part */
  priority: number;
  /** PostRoute: BOOL, fixed part */
  postRoute: number;
  /** NumNamedVariables: USHORT, fixed part; counts namedVariables */
  numNamedVariables: number;
  /** NumNamedArrays: USHORT, fixed part; counts namedArrays */
  numNamedArrays: number;
  /** ActiveConnectionDeviceID: STRING[64], floating tag 50 */
  activeConnectionDeviceId: string;
  /** HeldConnectionDeviceID: STRING[64], floating tag 53 */
  heldConnectionDeviceId?: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** DialedNumber: STRING[40], floating tag 11 */
  dialedNumber?: string;
  /** UserToUserInfo: UNSPEC[131], floating tag 9 */
  userToUserInfo?: Buffer;
  /** CallVariable1: STRING[41], floating tag 13 */
  callVariable1?: string;
  /** CallVariable2: STRING[41], floating tag 14 */
  callVariable2?: string;
  /** CallVariable3: STRING[41], floating tag 15 */
  callVariable3?: string;
  /** CallVariable4: STRING[41], floating tag 16 */
  callVariable4?: string;
  /** CallVariable5: STRING[41], floating tag 17 */
  callVariable5?: string;
  /** CallVariable6: STRING[41], floating tag 18 */
  callVariable6?: string;
  /** CallVariable7: STRING[41], floating tag 19 */
  callVariable7?: string;
  /** CallVariable8: STRING[41], floating tag 20 */
  callVariable8?: string;
  /** CallVariable9: STRING[41], floating tag 21 */
  callVariable9?: string;
  /** CallVariable10: STRING[41], floating tag 22 */
  callVariable10?: string;
  /** CallWrapupData: STRING[40], floating tag 46 */
  callWrapupData?: string;
  /** NamedVariable: NAMEDVAR, floating tag 82, repeats */
  namedVariables?: NamedVariable[];
  /** NamedArray: NAMEDARRAY, floating tag 83, repeats */
  namedArrays?: NamedArrayElement[];
  /** FacilityCode: STRING[40], floating tag 51 */
  facilityCode?: string;
  /** AuthorizationCode: STRING[40], floating tag 77 */
  authorizationCode?: string;
  /** AccountCode: STRING[40], floating tag 78 */
  accountCode?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFERENCE_CALL_CONF (MessageType 49), as decoded in protocol versions 15–25. */
export interface ConferenceCallConf {
  messageType: 'CONFERENCE_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** NewConnectionCallID: UINT, fixed part */
  newConnectionCallId: number;
  /** NewConnectionDeviceIDType: USHORT, fixed part */
  newConnectionDeviceIdType: number;
  /** NumParties: USHORT, fixed part; counts connectedPartyCallId */
  numParties: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** NewConnectionDeviceID: STRING[64], floating tag 47 */
  newConnectionDeviceId: string;
  /** ConnectedPartyCallID: UINT, floating tag 39, repeats */
  connectedPartyCallId?: number[];
  /** ConnectedPartyDeviceIDType: USHORT, floating tag 40, repeats */
  connectedPartyDeviceIdType?: number[];
  /** ConnectedPartyDeviceID: STRING[64], floating tag 41, repeats */
  connectedPartyDeviceId?: string[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONSULTATION_CALL_REQ (MessageType 50), as decoded in protocol versions 15–25. */
export interface ConsultationCallReq {
  messageType: 'CONSULTATION_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ActiveConnectionCallID: UINT, fixed part */
  activeConnectionCallId: number;
  /** ActiveConnectionDeviceIDType: USHORT, fixed part */
  activeConnectionDeviceIdType: number;
  /** CallPlacementType: USHORT, fixed part */
  callPlacementType: number;
  /** CallMannerType: USHORT, fixed part */
  callMannerType: number;
  /** ConsultType: USHORT, fixed part */
  consultType: number;
  /** AlertRings: USHORT, fixed part */
  alertRings: number;
  /** CallOption: USHORT, fixed part */
  callOption: number;
  /** FacilityType: USHORT, fixed part */
  facilityType: number;
  /** AnsweringMachine: USHORT, fixed part */
  answeringMachine: number;
  /** Priority: BOOL, fixed part */
  priority: number;
  /** PostRoute: BOOL, fixed part */
  postRoute: number;
  /** NumNamedVariables: USHORT, fixed part; counts namedVariables */
  numNamedVariables: number;
  /** NumNamedArrays: USHORT, fixed part; counts namedArrays */
  numNamedArrays: number;
  /** ActiveConnectionDeviceID: STRING[64], floating tag 50 */
  activeConnectionDeviceId: string;
  /** DialedNumber: STRING[40], floating tag 11 */
  dialedNumber: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** UserToUserInfo: UNSPEC[131], floating tag 9 */
  userToUserInfo?: Buffer;
  /** CallVariable1: STRING[41], floating tag 13 */
  callVariable1?: string;
  /** CallVariable2: STRING[41], floating tag 14 */
  callVariable2?: string;
  /** CallVariable3: STRING[41], floating tag 15 */
  callVariable3?: string;
  /** CallVariable4: STRING[41], floating tag 16 */
  callVariable4?: string;
  /** CallVariable5: STRING[41], floating tag 17 */
  callVariable5?: string;
  /** CallVariable6: STRING[41], floating tag 18 */
  callVariable6?: string;
  /** CallVariable7: STRING[41], floating tag 19 */
  callVariable7?: string;
  /** CallVariable8: STRING[41], floating tag 20 */
  callVariable8?: string;
  /** CallVariable9: STRING[41], floating tag 21 */
  callVariable9?: string;
  /** CallVariable10: STRING[41], floating tag 22 */
  callVariable10?: string;
  /** CallWrapupData: STRING[40], floating tag 46 */
  callWrapupData?: string;
  /** NamedVariable: NAMEDVAR, floating tag 82, repeats */
  namedVariables?: NamedVariable[];
  /** NamedArray: NAMEDARRAY, floating tag 83, repeats */
  namedArrays?: NamedArrayElement[];
  /** FacilityCode: STRING[40], floating tag 51 */
  facilityCode?: string;
  /** AuthorizationCode: STRING[40], floating tag 77 */
  authorizationCode?: string;
  /** AccountCode: STRING[40], floating tag 78 */
  accountCode?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONSULTATION_CALL_CONF (MessageType 51), as decoded in protocol versions 15–25. */
export interface ConsultationCallConf {
  messageType: 'CONSULTATION_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** NewConnectionCallID: UINT, fixed part */
  newConnectionCallId: number;
  /** NewConnectionDeviceIDType: USHORT, fixed part */
  newConnectionDeviceIdType: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** NewConnectionDeviceID: STRING[64], floating tag 47 */
  newConnectionDeviceId: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** DEFLECT_CALL_REQ (MessageType 52), as decoded in protocol versions 15–25. */
export interface DeflectCallReq {
  messageType: 'DEFLECT_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** CalledDeviceType: USHORT, fixed part */
  calledDeviceType: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** CalledDeviceID: STRING[64], floating tag 28 */
  calledDeviceId: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** DEFLECT_CALL_CONF (MessageType 53), as decoded in protocol versions 15–25. */
export interface DeflectCallConf {
  messageType: 'DEFLECT_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** HOLD_CALL_REQ (MessageType 54), as decoded in protocol versions 15–25. */
export interface HoldCallReq {
  messageType: 'HOLD_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** Reservation: BOOL, fixed part */
  reservation: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** HOLD_CALL_CONF (MessageType 55), as decoded in protocol versions 15–25. */
export interface HoldCallConf {
  messageType: 'HOLD_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** MAKE_CALL_REQ (MessageType 56), as decoded in protocol versions 15–25. */
export interface MakeCallReq {
  messageType: 'MAKE_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** CallPlacementType: USHORT, fixed part */
  callPlacementType: number;
  /** CallMannerType: USHORT, fixed part */
  callMannerType: number;
  /** AlertRings: USHORT, fixed part */
  alertRings: number;
  /** CallOption: USHORT, fixed part */
  callOption: number;
  /** FacilityType: USHORT, fixed part */
  facilityType: number;
  /** AnsweringMachine: USHORT, fixed part */
  answeringMachine: number;
  /** Priority: BOOL, fixed part */
  priority: number;
  /** PostRoute: BOOL, fixed part */
  postRoute: number;
  /** NumNamedVariables: USHORT, fixed part; counts namedVariables */
  numNamedVariables: number;
  /** NumNamedArrays: USHORT, fixed part; counts namedArrays */
  numNamedArrays: number;
  /** SkillGroupNumber: UINT, fixed part */
  skillGroupNumber: number;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument: string;
  /** DialedNumber: STRING[40], floating tag 11 */
  dialedNumber: string;
  /** UserToUserInfo: UNSPEC[131], floating tag 9 */
  userToUserInfo?: Buffer;
  /** CallVariable1: STRING[41], floating tag 13 */
  callVariable1?: string;
  /** CallVariable2: STRING[41], floating tag 14 */
  callVariable2?: string;
  /** CallVariable3: STRING[41], floating tag 15 */
  callVariable3?: string;
  /** CallVariable4: STRING[41], floating tag 16 */
  callVariable4?: string;
  /** CallVariable5: STRING[41], floating tag 17 */
  callVariable5?: string;
  /** CallVariable6: STRING[41], floating tag 18 */
  callVariable6?: string;
  /** CallVariable7: STRING[41], floating tag 19 */
  callVariable7?: string;
  /** CallVariable8: STRING[41], floating tag 20 */
  callVariable8?: string;
  /** CallVariable9: STRING[41], floating tag 21 */
  callVariable9?: string;
  /** CallVariable10: STRING[41], floating tag 22 */
  callVariable10?: string;
  /** CallWrapupData: STRING[40], floating tag 46 */
  callWrapupData?: string;
  /** NamedVariable: NAMEDVAR, floating tag 82, repeats */
  namedVariables?: NamedVariable[];
  /** NamedArray: NAMEDARRAY, floating tag 83, repeats */
  namedArrays?: NamedArrayElement[];
  /** FacilityCode: STRING[40], floating tag 51 */
  facilityCode?: string;
  /** AuthorizationCode: STRING[40], floating tag 77 */
  authorizationCode?: string;
  /** AccountCode: STRING[40], floating tag 78 */
  accountCode?: string;
  /** CCT: STRING[4], floating tag 84 */
  cct?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** MAKE_CALL_CONF (MessageType 57), as decoded in protocol versions 15–25. */
export interface MakeCallConf {
  messageType: 'MAKE_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** NewConnectionCallID: UINT, fixed part */
  newConnectionCallId: number;
  /** NewConnectionDeviceIDType: USHORT, fixed part */
  newConnectionDeviceIdType: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** NewConnectionDeviceID: STRING[64], floating tag 47 */
  newConnectionDeviceId: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** MAKE_PREDICTIVE_CALL_REQ (MessageType 58), as decoded in protocol versions 15–25. */
export interface MakePredictiveCallReq {
  messageType: 'MAKE_PREDICTIVE_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** CallPlacementType: USHORT, fixed part */
  callPlacementType: number;
  /** CallMannerType: USHORT, fixed part */
  callMannerType: number;
  /** AlertRings: USHORT, fixed part */
  alertRings: number;
  /** CallOption: USHORT, fixed part */
  callOption: number;
  /** FacilityType: USHORT, fixed part */
  facilityType: number;
  /** AnsweringMachine: USHORT, fixed part */
  answeringMachine: number;
  /** Priority: BOOL, fixed part */
  priority: number;
  /** AllocationState: USHORT, fixed part */
  allocationState: number;
  /** DestinationCountry: USHORT, fixed part */
  destinationCountry: number;
  /** AnswerDetectMode: USHORT, fixed part */
  answerDetectMode: number;
  /** AnswerDetectTime: USHORT, fixed part */
  answerDetectTime: number;
  /** AnswerDetectControl1: UINT, fixed part */
  answerDetectControl1: number;
  /** AnswerDetectControl2: UINT, fixed part */
  answerDetectControl2: number;
  /** NumNamedVariables: USHORT, fixed part; counts namedVariables */
  numNamedVariables: number;
  /** NumNamedArrays: USHORT, fixed part; counts namedArrays */
  numNamedArrays: number;
  /** OriginatingDeviceID: STRING[64], floating tag 79 */
  originatingDeviceId: string;
  /** DialedNumber: STRING[40], floating tag 11 */
  dialedNumber: string;
  /** UserToUserInfo: UNSPEC[131], floating tag 9 */
  userToUserInfo?: Buffer;
  /** CallVariable1: STRING[41], floating tag 13 */
  callVariable1?: string;
  /** CallVariable2: STRING[41], floating tag 14 */
  callVariable2?: string;
  /** CallVariable3: STRING[41], floating tag 15 */
  callVariable3?: string;
  /** CallVariable4: STRING[41], floating tag 16 */
  callVariable4?: string;
  /** CallVariable5: STRING[41], floating tag 17 */
  callVariable5?: string;
  /** CallVariable6: STRING[41], floating tag 18 */
  callVariable6?: string;
  /** CallVariable7: STRING[41], floating tag 19 */
  callVariable7?: string;
  /** CallVariable8: STRING[41], floating tag 20 */
  callVariable8?: string;
  /** CallVariable9: STRING[41], floating tag 21 */
  callVariable9?: string;
  /** CallVariable10: STRING[41], floating tag 22 */
  callVariable10?: string;
  /** CallWrapupData: STRING[40], floating tag 46 */
  callWrapupData?: string;
  /** NamedVariable: NAMEDVAR, floating tag 82, repeats */
  namedVariables?: NamedVariable[];
  /** NamedArray: NAMEDARRAY, floating tag 83, repeats */
  namedArrays?: NamedArrayElement[];
  /** FacilityCode: STRING[40], floating tag 51 */
  facilityCode?: string;
  /** AuthorizationCode: STRING[40], floating tag 77 */
  authorizationCode?: string;
  /** AccountCode: STRING[40], floating tag 78 */
  accountCode?: string;
  /** OriginatingLineID: STRING[40], floating tag 80 */
  originatingLineId?: string;
  /** CCT: STRING[4], floating tag 84 */
  cct?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** MAKE_PREDICTIVE_CALL_CONF (MessageType 59), as decoded in protocol versions 15–25. */
export interface MakePredictiveCallConf {
  messageType: 'MAKE_PREDICTIVE_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** NewConnectionCallID: UINT, fixed part */
  newConnectionCallId: number;
  /** NewConnectionDeviceIDType: USHORT, fixed part */
  newConnectionDeviceIdType: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** NewConnectionDeviceID: STRING[64], floating tag 47 */
  newConnectionDeviceId: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** RECONNECT_CALL_REQ (MessageType 60), as decoded in protocol versions 15–25. */
export interface ReconnectCallReq {
  messageType: 'RECONNECT_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ActiveConnectionCallID: UINT, fixed part */
  activeConnectionCallId: number;
  /** HeldConnectionCallID: UINT, fixed part */
  heldConnectionCallId: number;
  /** ActiveConnectionDeviceIDType: USHORT, fixed part */
  activeConnectionDeviceIdType: number;
  /** HeldConnectionDeviceIDType: USHORT, fixed part */
  heldConnectionDeviceIdType: number;
  /** ActiveConnectionDeviceID: STRING[64], floating tag 50 */
  activeConnectionDeviceId: string;
  /** HeldConnectionDeviceID: STRING[64], floating tag 53 */
  heldConnectionDeviceId: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** RECONNECT_CALL_CONF (MessageType 61), as decoded in protocol versions 15–25. */
export interface ReconnectCallConf {
  messageType: 'RECONNECT_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** RETRIEVE_CALL_REQ (MessageType 62), as decoded in protocol versions 15–25. */
export interface RetrieveCallReq {
  messageType: 'RETRIEVE_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** HeldConnectionCallID: UINT, fixed part */
  heldConnectionCallId: number;
  /** HeldConnectionDeviceIDType: USHORT, fixed part */
  heldConnectionDeviceIdType: number;
  /** HeldConnectionDeviceID: STRING[64], floating tag 53 */
  heldConnectionDeviceId: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** RETRIEVE_CALL_CONF (MessageType 63), as decoded in protocol versions 15–25. */
export interface RetrieveCallConf {
  messageType: 'RETRIEVE_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** TRANSFER_CALL_REQ (MessageType 64), as decoded in protocol versions 15–25. */
export interface TransferCallReq {
  messageType: 'TRANSFER_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ActiveConnectionCallID: UINT, fixed part */
  activeConnectionCallId: number;
  /** HeldConnectionCallID: UINT, fixed part */
  heldConnectionCallId: number;
  /** ActiveConnectionDeviceIDType: USHORT, fixed part */
  activeConnectionDeviceIdType: number;
  /** HeldConnectionDeviceIDType: USHORT, fixed part */
  heldConnectionDeviceIdType: number;
  /** CallPlacementType: USHORT, fixed part */
  callPlacementType: number;
  /** CallMannerType: USHORT, fixed part */
  callMannerType: number;
  /** AlertRings: USHORT, fixed part */
  alertRings: number;
  /** CallOption: USHORT, fixed part */
  callOption: number;
  /** FacilityType: USHORT, fixed part */
  facilityType: number;
  /** AnsweringMachine: USHORT, fixed part */
  answeringMachine: number;
  /** Priority: BOOL, fixed part */
  priority: number;
  /** PostRoute: BOOL, fixed part */
  postRoute: number;
  /** NumNamedVariables: USHORT, fixed part; counts namedVariables */
  numNamedVariables: number;
  /** NumNamedArrays: USHORT, fixed part; counts namedArrays */
  numNamedArrays: number;
  /** ActiveConnectionDeviceID: STRING[64], floating tag 50 */
  activeConnectionDeviceId: string;
  /** HeldConnectionDeviceID: STRING[64], floating tag 53 */
  heldConnectionDeviceId?: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** DialedNumber: STRING[40], floating tag 11 */
  dialedNumber?: string;
  /** UserToUserInfo: UNSPEC[131], floating tag 9 */
  userToUserInfo?: Buffer;
  /** CallVariable1: STRING[41], floating tag 13 */
  callVariable1?: string;
  /** CallVariable2: STRING[41], floating tag 14 */
  callVariable2?: string;
  /** CallVariable3: STRING[41], floating tag 15 */
  callVariable3?: string;
  /** CallVariable4: STRING[41], floating tag 16 */
  callVariable4?: string;
  /** CallVariable5: STRING[41], floating tag 17 */
  callVariable5?: string;
  /** CallVariable6: STRING[41], floating tag 18 */
  callVariable6?: string;
  /** CallVariable7: STRING[41], floating tag 19 */
  callVariable7?: string;
  /** CallVariable8: STRING[41], floating tag 20 */
  callVariable8?: string;
  /** CallVariable9: STRING[41], floating tag 21 */
  callVariable9?: string;
  /** CallVariable10: STRING[41], floating tag 22 */
  callVariable10?: string;
  /** CallWrapupData: STRING[40], floating tag 46 */
  callWrapupData?: string;
  /** NamedVariable: NAMEDVAR, floating tag 82, repeats */
  namedVariables?: NamedVariable[];
  /** NamedArray: NAMEDARRAY, floating tag 83, repeats */
  namedArrays?: NamedArrayElement[];
  /** FacilityCode: STRING[40], floating tag 51 */
  facilityCode?: string;
  /** AuthorizationCode: STRING[40], floating tag 77 */
  authorizationCode?: string;
  /** AccountCode: STRING[40], floating tag 78 */
  accountCode?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** TRANSFER_CALL_CONF (MessageType 65), as decoded in protocol versions 15–25. */
export interface TransferCallConf {
  messageType: 'TRANSFER_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** NewConnectionCallID: UINT, fixed part */
  newConnectionCallId: number;
  /** NewConnectionDeviceIDType: USHORT, fixed part */
  newConnectionDeviceIdType: number;
  /** NumParties: USHORT, fixed part; counts connectedPartyCallId */
  numParties: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** NewConnectionDeviceID: STRING[64], floating tag 47 */
  newConnectionDeviceId: string;
  /** ConnectedPartyCallID: UINT, floating tag 39, repeats */
  connectedPartyCallId?: number[];
  /** ConnectedPartyDeviceIDType: USHORT, floating tag 40, repeats */
  connectedPartyDeviceIdType?: number[];
  /** ConnectedPartyDeviceID: STRING[64], floating tag 41, repeats */
  connectedPartyDeviceId?: string[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** QUERY_DEVICE_INFO_REQ (MessageType 78), as decoded in protocol versions 15–25. */
export interface QueryDeviceInfoReq {
  messageType: 'QUERY_DEVICE_INFO_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** Reserved: USHORT, fixed part */
  reserved: number;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** QUERY_DEVICE_INFO_CONF (MessageType 79), as decoded in protocol versions 15–25. */
export interface QueryDeviceInfoConf {
  messageType: 'QUERY_DEVICE_INFO_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralType: USHORT, fixed part */
  peripheralType: number;
  /** TypeOfDevice: USHORT, fixed part */
  typeOfDevice: number;
  /** ClassOfDevice: USHORT, fixed part */
  classOfDevice: number;
  /** NumLines: USHORT, fixed part; counts lineHandle */
  numLines: number;
  /** Reserved: USHORT, fixed part */
  reserved: number;
  /** MaxActiveCalls: USHORT, fixed part */
  maxActiveCalls: number;
  /** MaxHeldCalls: USHORT, fixed part */
  maxHeldCalls: number;
  /** MaxDevicesInConference: USHORT, fixed part */
  maxDevicesInConference: number;
  /** MakeCallSetup: UINT, fixed part */
  makeCallSetup: number;
  /** TransferConferenceSetup: UINT, fixed part */
  transferConferenceSetup: number;
  /** CallEventsSupported: UINT, fixed part */
  callEventsSupported: number;
  /** CallControlSupported: UINT, fixed part */
  callControlSupported: number;
  /** OtherFeaturesSupported: UINT, fixed part */
  otherFeaturesSupported: number;
  /** LineHandle: USHORT, floating tag 70, repeats */
  lineHandle?: number[];
  /** LineType: USHORT, floating tag 71, repeats */
  lineType?: number[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SNAPSHOT_CALL_REQ (MessageType 82), as decoded in protocol versions 15–25. */
export interface SnapshotCallReq {
  messageType: 'SNAPSHOT_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SNAPSHOT_CALL_CONF (MessageType 83), as decoded in protocol versions 15–25. */
export interface SnapshotCallConf {
  messageType: 'SNAPSHOT_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** CallType: USHORT, fixed part */
  callType: number;
  /** NumCTIClients: USHORT, fixed part; counts ctiClientSignature */
  numCtiClients: number;
  /** NumCallDevices: USHORT, fixed part; counts callConnectionCallId */
  numCallDevices: number;
  /** NumNamedVariables: USHORT, fixed part; counts namedVariables */
  numNamedVariables: number;
  /** NumNamedArrays: USHORT, fixed part; counts namedArrays */
  numNamedArrays: number;
  /** CalledPartyDisposition: USHORT, fixed part */
  calledPartyDisposition: number;
  /** ANI: STRING[40], floating tag 8 */
  ani?: string;
  /** UserToUserInfo: UNSPEC[131], floating tag 9 */
  userToUserInfo?: Buffer;
  /** DNIS: STRING[32], floating tag 10 */
  dnis?: string;
  /** DialedNumber: STRING[40], floating tag 11 */
  dialedNumber?: string;
  /** CallerEnteredDigits: STRING[40], floating tag 12 */
  callerEnteredDigits?: string;
  /** RouterCallKeyDay: UINT, floating tag 72 */
  routerCallKeyDay?: number;
  /** RouterCallKeyCallID: UINT, floating tag 73 */
  routerCallKeyCallId?: number;
  /** CallVariable1: STRING[41], floating tag 13 */
  callVariable1?: string;
  /** CallVariable2: STRING[41], floating tag 14 */
  callVariable2?: string;
  /** CallVariable3: STRING[41], floating tag 15 */
  callVariable3?: string;
  /** CallVariable4: STRING[41], floating tag 16 */
  callVariable4?: string;
  /** CallVariable5: STRING[41], floating tag 17 */
  callVariable5?: string;
  /** CallVariable6: STRING[41], floating tag 18 */
  callVariable6?: string;
  /** CallVariable7: STRING[41], floating tag 19 */
  callVariable7?: string;
  /** CallVariable8: STRING[41], floating tag 20 */
  callVariable8?: string;
  /** CallVariable9: STRING[41], floating tag 21 */
  callVariable9?: string;
  /** CallVariable10: STRING[41], floating tag 22 */
  callVariable10?: string;
  /** CallWrapupData: STRING[40], floating tag 46 */
  callWrapupData?: string;
  /** NamedVariable: NAMEDVAR, floating tag 82, repeats */
  namedVariables?: NamedVariable[];
  /** NamedArray: NAMEDARRAY, floating tag 83, repeats */
  namedArrays?: NamedArrayElement[];
  /** CTIClientSignature: STRING[64], floating tag 23, repeats */
  ctiClientSignature?: string[];
  /** CTIClientTimestamp: TIME, floating tag 24, repeats */
  ctiClientTimestamp?: number[];
  /** CallConnectionCallID: UINT, floating tag 56, repeats */
  callConnectionCallId?: number[];
  /** CallConnectionDeviceIDType: USHORT, floating tag 57, repeats */
  callConnectionDeviceIdType?: number[];
  /** CallConnectionDeviceID: STRING[64], floating tag 58, repeats */
  callConnectionDeviceId?: string[];
  /** CallDeviceType: USHORT, floating tag 59, repeats */
  callDeviceType?: number[];
  /** CallDeviceID: STRING[64], floating tag 60, repeats */
  callDeviceId?: string[];
  /** CallDeviceConnectionState: USHORT, floating tag 61, repeats */
  callDeviceConnectionState?: number[];
  /** CallReferenceID: UNSPEC[32], floating tag 223 */
  callReferenceId?: Buffer;
  /** COCConnectionCallID: UINT, floating tag 229 */
  cocConnectionCallId?: number;
  /** COCCallConnectionDeviceIDType: USHORT, floating tag 230 */
  cocCallConnectionDeviceIdType?: number;
  /** COCCallConnectionDeviceID: STRING[64], floating tag 231 */
  cocCallConnectionDeviceId?: string;
  /** ProtocolReferenceGUID: STRING[40], floating tag 294 | only in protocol versions 23–25 */
  protocolReferenceGuid?: string;
  /** CcaiConfigId: STRING[40], floating tag 311 | only in protocol versions 24–25 */
  ccaiConfigId?: string;
  /** NumOfEnabledServices: USHORT, floating tag 310 | only in protocol versions 24–25 */
  numOfEnabledServices?: number;
  /** FltEnabledServices: USHORT, floating tag 309, repeats | only in protocol versions 24–25 */
  fltEnabledServices?: number[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SNAPSHOT_DEVICE_REQ (MessageType 84), as decoded in protocol versions 15–25. */
export interface SnapshotDeviceReq {
  messageType: 'SNAPSHOT_DEVICE_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** SnapshotDeviceType: USHORT, fixed part */
  snapshotDeviceType: number;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SNAPSHOT_DEVICE_CONF (MessageType 85), as decoded in protocol versions 15–25. */
export interface SnapshotDeviceConf {
  messageType: 'SNAPSHOT_DEVICE_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** NumCalls: USHORT, fixed part; counts callConnectionCallId */
  numCalls: number;
  /** CallConnectionCallID: UINT, floating tag 56, repeats */
  callConnectionCallId?: number[];
  /** CallConnectionDeviceIDType: USHORT, floating tag 57, repeats */
  callConnectionDeviceIdType?: number[];
  /** CallConnectionDeviceID: STRING[64], floating tag 58, repeats */
  callConnectionDeviceId?: string[];
  /** CallState: USHORT, floating tag 75, repeats */
  callState?: number[];
  /** SilentMonitorStatus: USHORT, floating tag 218, repeats */
  silentMonitorStatus?: number[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SEND_DTMF_SIGNAL_REQ (MessageType 91), as decoded in protocol versions 15–25. */
export interface SendDtmfSignalReq {
  messageType: 'SEND_DTMF_SIGNAL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ToneDuration: USHORT, fixed part */
  toneDuration: number;
  /** PauseDuration: UINT, fixed part */
  pauseDuration: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** DTMFString: STRING[32], floating tag 67 */
  dtmfString: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SEND_DTMF_SIGNAL_CONF (MessageType 92), as decoded in protocol versions 15–25. */
export interface SendDtmfSignalConf {
  messageType: 'SEND_DTMF_SIGNAL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** QUERY_AGENT_STATISTICS_REQ (MessageType 112), as decoded in protocol versions 15–25. */
export interface QueryAgentStatisticsReq {
  messageType: 'QUERY_AGENT_STATISTICS_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** AgentExtension: STRING[16], floating tag 4 */
  agentExtension?: string;
  /** AgentID: STRING[12], floating tag 5 */
  agentId?: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** QUERY_AGENT_STATISTICS_CONF (MessageType 113), as decoded in protocol versions 15–25. */
export interface QueryAgentStatisticsConf {
  messageType: 'QUERY_AGENT_STATISTICS_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** AvailTimeSession: UINT, fixed part */
  availTimeSession: number;
  /** LoggedOnTimeSession: UINT, fixed part */
  loggedOnTimeSession: number;
  /** NotReadyTimeSession: UINT, fixed part */
  notReadyTimeSession: number;
  /** ICMAvailableTimeSession: UINT, fixed part */
  icmAvailableTimeSession: number;
  /** RoutableTimeSession: UINT, fixed part */
  routableTimeSession: number;
  /** AgentOutCallsSession: UINT, fixed part */
  agentOutCallsSession: number;
  /** AgentOutCallsTalkTimeSession: UINT, fixed part */
  agentOutCallsTalkTimeSession: number;
  /** AgentOutCallsTimeSession: UINT, fixed part */
  agentOutCallsTimeSession: number;
  /** AgentOutCallsHeldSession: UINT, fixed part */
  agentOutCallsHeldSession: number;
  /** AgentOutCallsHeldTimeSession: UINT, fixed part */
  agentOutCallsHeldTimeSession: number;
  /** HandledCallsSession: UINT, fixed part */
  handledCallsSession: number;
  /** HandledCallsTalkTimeSession: UINT, fixed part */
  handledCallsTalkTimeSession: number;
  /** HandledCallsAfterCallTimeSession: UINT, fixed part */
  handledCallsAfterCallTimeSession: number;
  /** HandledCallsTimeSession: UINT, fixed part */
  handledCallsTimeSession: number;
  /** IncomingCallsHeldSession: UINT, fixed part */
  incomingCallsHeldSession: number;
  /** IncomingCallsHeldTimeSession: UINT, fixed part */
  incomingCallsHeldTimeSession: number;
  /** InternalCallsSession: UINT, fixed part */
  internalCallsSession: number;
  /** InternalCallsTimeSession: UINT, fixed part */
  internalCallsTimeSession: number;
  /** InternalCallsRcvdSession: UINT, fixed part */
  internalCallsRcvdSession: number;
  /** InternalCallsRcvdTimeSession: UINT, fixed part */
  internalCallsRcvdTimeSession: number;
  /** InternalCallsHeldSession: UINT, fixed part */
  internalCallsHeldSession: number;
  /** InternalCallsHeldTimeSession: UINT, fixed part */
  internalCallsHeldTimeSession: number;
  /** AutoOutCallsSession: UINT, fixed part */
  autoOutCallsSession: number;
  /** AutoOutCallsTalkTimeSession: UINT, fixed part */
  autoOutCallsTalkTimeSession: number;
  /** AutoOutCallsTimeSession: UINT, fixed part */
  autoOutCallsTimeSession: number;
  /** AutoOutCallsHeldSession: UINT, fixed part */
  autoOutCallsHeldSession: number;
  /** AutoOutCallsHeldTimeSession: UINT, fixed part */
  autoOutCallsHeldTimeSession: number;
  /** PreviewCallsSession: UINT, fixed part */
  previewCallsSession: number;
  /** PreviewCallsTalkTimeSession: UINT, fixed part */
  previewCallsTalkTimeSession: number;
  /** PreviewCallsTimeSession: UINT, fixed part */
  previewCallsTimeSession: number;
  /** PreviewCallsHeldSession: UINT, fixed part */
  previewCallsHeldSession: number;
  /** PreviewCallsHeldTimeSession: UINT, fixed part */
  previewCallsHeldTimeSession: number;
  /** ReservationCallsSession: UINT, fixed part */
  reservationCallsSession: number;
  /** ReservationCallsTalkTimeSession: UINT, fixed part */
  reservationCallsTalkTimeSession: number;
  /** ReservationCallsTimeSession: UINT, fixed part */
  reservationCallsTimeSession: number;
  /** ReservationCallsHeldSession: UINT, fixed part */
  reservationCallsHeldSession: number;
  /** ReservationCallsHeldTimeSession: UINT, fixed part */
  reservationCallsHeldTimeSession: number;
  /** BargeInCallsSession: UINT, fixed part */
  bargeInCallsSession: number;
  /** InterceptCallsSession: UINT, fixed part */
  interceptCallsSession: number;
  /** MonitorCallsSession: UINT, fixed part */
  monitorCallsSession: number;
  /** WhisperCallsSession: UINT, fixed part */
  whisperCallsSession: number;
  /** EmergencyCallsSession: UINT, fixed part */
  emergencyCallsSession: number;
  /** AvailTimeToday: UINT, fixed part */
  availTimeToday: number;
  /** LoggedOnTimeToday: UINT, fixed part */
  loggedOnTimeToday: number;
  /** NotReadyTimeToday: UINT, fixed part */
  notReadyTimeToday: number;
  /** ICMAvailableTimeToday: UINT, fixed part */
  icmAvailableTimeToday: number;
  /** RoutableTimeToday: UINT, fixed part */
  routableTimeToday: number;
  /** AgentOutCallsToday: UINT, fixed part */
  agentOutCallsToday: number;
  /** AgentOutCallsTalkTimeToday: UINT, fixed part */
  agentOutCallsTalkTimeToday: number;
  /** AgentOutCallsTimeToday: UINT, fixed part */
  agentOutCallsTimeToday: number;
  /** AgentOutCallsHeldToday: UINT, fixed part */
  agentOutCallsHeldToday: number;
  /** AgentOutCallsHeldTimeToday: UINT, fixed part */
  agentOutCallsHeldTimeToday: number;
  /** HandledCallsToday: UINT, fixed part */
  handledCallsToday: number;
  /** HandledCallsTalkTimeToday: UINT, fixed part */
  handledCallsTalkTimeToday: number;
  /** HandledCallsAfterCallTimeToday: UINT, fixed part */
  handledCallsAfterCallTimeToday: number;
  /** HandledCallsTimeToday: UINT, fixed part */
  handledCallsTimeToday: number;
  /** IncomingCallsHeldToday: UINT, fixed part */
  incomingCallsHeldToday: number;
  /** IncomingCallsHeldTimeToday: UINT, fixed part */
  incomingCallsHeldTimeToday: number;
  /** InternalCallsToday: UINT, fixed part */
  internalCallsToday: number;
  /** InternalCallsTimeToday: UINT, fixed part */
  internalCallsTimeToday: number;
  /** InternalCallsRcvdToday: UINT, fixed part */
  internalCallsRcvdToday: number;
  /** InternalCallsRcvdTimeToday: UINT, fixed part */
  internalCallsRcvdTimeToday: number;
  /** InternalCallsHeldToday: UINT, fixed part */
  internalCallsHeldToday: number;
  /** InternalCallsHeldTimeToday: UINT, fixed part */
  internalCallsHeldTimeToday: number;
  /** AutoOutCallsToday: UINT, fixed part */
  autoOutCallsToday: number;
  /** AutoOutCallsTalkTimeToday: UINT, fixed part */
  autoOutCallsTalkTimeToday: number;
  /** AutoOutCallsTimeToday: UINT, fixed part */
  autoOutCallsTimeToday: number;
  /** AutoOutCallsHeldToday: UINT, fixed part */
  autoOutCallsHeldToday: number;
  /** AutoOutCallsHeldTimeToday: UINT, fixed part */
  autoOutCallsHeldTimeToday: number;
  /** PreviewCallsToday: UINT, fixed part */
  previewCallsToday: number;
  /** PreviewCallsTalkTimeToday: UINT, fixed part */
  previewCallsTalkTimeToday: number;
  /** PreviewCallsTimeToday: UINT, fixed part */
  previewCallsTimeToday: number;
  /** PreviewCallsHeldToday: UINT, fixed part */
  previewCallsHeldToday: number;
  /** PreviewCallsHeldTimeToday: UINT, fixed part */
  previewCallsHeldTimeToday: number;
  /** ReservationCallsToday: UINT, fixed part */
  reservationCallsToday: number;
  /** ReservationCallsTalkTimeToday: UINT, fixed part */
  reservationCallsTalkTimeToday: number;
  /** ReservationCallsTimeToday: UINT, fixed part */
  reservationCallsTimeToday: number;
  /** ReservationCallsHeldToday: UINT, fixed part */
  reservationCallsHeldToday: number;
  /** ReservationCallsHeldTimeToday: UINT, fixed part */
  reservationCallsHeldTimeToday: number;
  /** BargeInCallsToday: UINT, fixed part */
  bargeInCallsToday: number;
  /** InterceptCallsToday: UINT, fixed part */
  interceptCallsToday: number;
  /** MonitorCallsToday: UINT, fixed part */
  monitorCallsToday: number;
  /** WhisperCallsToday: UINT, fixed part */
  whisperCallsToday: number;
  /** EmergencyCallsToday: UINT, fixed part */
  emergencyCallsToday: number;
  /** AgentExtension: STRING[16], floating tag 4 */
  agentExtension?: string;
  /** AgentID: STRING[12], floating tag 5 */
  agentId?: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** QUERY_SKILL_GROUP_STATISTICS_REQ (MessageType 114), as decoded in protocol versions 15–25. */
export interface QuerySkillGroupStatisticsReq {
  messageType: 'QUERY_SKILL_GROUP_STATISTICS_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** SkillGroupNumber: UINT, fixed part */
  skillGroupNumber: number;
  /** SkillGroupID: UINT, fixed part */
  skillGroupId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** QUERY_SKILL_GROUP_STATISTICS_CONF (MessageType 115), as decoded in protocol versions 15–25. */
export interface QuerySkillGroupStatisticsConf {
  messageType: 'QUERY_SKILL_GROUP_STATISTICS_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** SkillGroupNumber: UINT, fixed part */
  skillGroupNumber: number;
  /** SkillGroupID: UINT, fixed part */
  skillGroupId: number;
  /** AgentsLoggedOn: UINT, fixed part */
  agentsLoggedOn: number;
  /** AgentsAvail: UINT, fixed part */
  agentsAvail: number;
  /** AgentsNotReady: UINT, fixed part */
  agentsNotReady: number;
  /** AgentsReady: UINT, fixed part */
  agentsReady: number;
  /** AgentsTalkingIn: UINT, fixed part */
  agentsTalkingIn: number;
  /** AgentsTalkingOut: UINT, fixed part */
  agentsTalkingOut: number;
  /** AgentsTalkingOther: UINT, fixed part */
  agentsTalkingOther: number;
  /** AgentsWorkNotReady: UINT, fixed part */
  agentsWorkNotReady: number;
  /** AgentsWorkReady: UINT, fixed part */
  agentsWorkReady: number;
  /** AgentsBusyOther: UINT, fixed part */
  agentsBusyOther: number;
  /** AgentsReserved: UINT, fixed part */
  agentsReserved: number;
  /** AgentsHold: UINT, fixed part */
  agentsHold: number;
  /** AgentsICMAvailable: UINT, fixed part */
  agentsIcmAvailable: number;
  /** AgentsApplicationAvailable: UINT, fixed part */
  agentsApplicationAvailable: number;
  /** AgentsTalkingAutoOut: UINT, fixed part */
  agentsTalkingAutoOut: number;
  /** AgentsTalkingPreview: UINT, fixed part */
  agentsTalkingPreview: number;
  /** AgentsTalkingReservation: UINT, fixed part */
  agentsTalkingReservation: number;
  /** RouterCallsQNow: UINT, fixed part */
  routerCallsQNow: number;
  /** LongestRouterCallQNow: UINT, fixed part */
  longestRouterCallQNow: number;
  /** CallsQNow: UINT, fixed part */
  callsQNow: number;
  /** CallsQTimeNow: UINT, fixed part */
  callsQTimeNow: number;
  /** LongestCallQNow: UINT, fixed part */
  longestCallQNow: number;
  /** AvailTimeTo5: UINT, fixed part */
  availTimeTo5: number;
  /** LoggedOnTimeTo5: UINT, fixed part */
  loggedOnTimeTo5: number;
  /** NotReadyTimeTo5: UINT, fixed part */
  notReadyTimeTo5: number;
  /** AgentOutCallsTo5: UINT, fixed part */
  agentOutCallsTo5: number;
  /** AgentOutCallsTalkTimeTo5: UINT, fixed part */
  agentOutCallsTalkTimeTo5: number;
  /** AgentOutCallsTimeTo5: UINT, fixed part */
  agentOutCallsTimeTo5: number;
  /** AgentOutCallsHeldTo5: UINT, fixed part */
  agentOutCallsHeldTo5: number;
  /** AgentOutCallsHeldTimeTo5: UINT, fixed part */
  agentOutCallsHeldTimeTo5: number;
  /** HandledCallsTo5: UINT, fixed part */
  handledCallsTo5: number;
  /** HandledCallsTalkTimeTo5: UINT, fixed part */
  handledCallsTalkTimeTo5: number;
  /** HandledCallsAfterCallTimeTo5: UINT, fixed part */
  handledCallsAfterCallTimeTo5: number;
  /** HandledCallsTimeTo5: UINT, fixed part */
  handledCallsTimeTo5: number;
  /** IncomingCallsHeldTo5: UINT, fixed part */
  incomingCallsHeldTo5: number;
  /** IncomingCallsHeldTimeTo5: UINT, fixed part */
  incomingCallsHeldTimeTo5: number;
  /** InternalCallsRcvdTo5: UINT, fixed part */
  internalCallsRcvdTo5: number;
  /** InternalCallsRcvdTimeTo5: UINT, fixed part */
  internalCallsRcvdTimeTo5: number;
  /** InternalCallsHeldTo5: UINT, fixed part */
  internalCallsHeldTo5: number;
  /** InternalCallsHeldTimeTo5: UINT, fixed part */
  internalCallsHeldTimeTo5: number;
  /** AutoOutCallsTo5: UINT, fixed part */
  autoOutCallsTo5: number;
  /** AutoOutCallsTalkTimeTo5: UINT, fixed part */
  autoOutCallsTalkTimeTo5: number;
  /** AutoOutCallsTimeTo5: UINT, fixed part */
  autoOutCallsTimeTo5: number;
  /** AutoOutCallsHeldTo5: UINT, fixed part */
  autoOutCallsHeldTo5: number;
  /** AutoOutCallsHeldTimeTo5: UINT, fixed part */
  autoOutCallsHeldTimeTo5: number;
  /** PreviewCallsTo5: UINT, fixed part */
  previewCallsTo5: number;
  /** PreviewCallsTalkTimeTo5: UINT, fixed part */
  previewCallsTalkTimeTo5: number;
  /** PreviewCallsTimeTo5: UINT, fixed part */
  previewCallsTimeTo5: number;
  /** PreviewCallsHeldTo5: UINT, fixed part */
  previewCallsHeldTo5: number;
  /** PreviewCallsHeldTimeTo5: UINT, fixed part */
  previewCallsHeldTimeTo5: number;
  /** ReservationCallsTo5: UINT, fixed part */
  reservationCallsTo5: number;
  /** ReservationCallsTalkTimeTo5: UINT, fixed part */
  reservationCallsTalkTimeTo5: number;
  /** ReservationCallsTimeTo5: UINT, fixed part */
  reservationCallsTimeTo5: number;
  /** ReservationCallsHeldTo5: UINT, fixed part */
  reservationCallsHeldTo5: number;
  /** ReservationCallsHeldTimeTo5: UINT, fixed part */
  reservationCallsHeldTimeTo5: number;
  /** BargeInCallsTo5: UINT, fixed part */
  bargeInCallsTo5: number;
  /** InterceptCallsTo5: UINT, fixed part */
  interceptCallsTo5: number;
  /** MonitorCallsTo5: UINT, fixed part */
  monitorCallsTo5: number;
  /** WhisperCallsTo5: UINT, fixed part */
  whisperCallsTo5: number;
  /** EmergencyCallsTo5: UINT, fixed part */
  emergencyCallsTo5: number;
  /** CallsQ5: UINT, fixed part */
  callsQ5: number;
  /** CallsQTime5: UINT, fixed part */
  callsQTime5: number;
  /** LongestCallQ5: UINT, fixed part */
  longestCallQ5: number;
  /** AvailTimeToHalf: UINT, fixed part */
  availTimeToHalf: number;
  /** LoggedOnTimeToHalf: UINT, fixed part */
  loggedOnTimeToHalf: number;
  /** NotReadyTimeToHalf: UINT, fixed part */
  notReadyTimeToHalf: number;
  /** AgentOutCallsToHalf: UINT, fixed part */
  agentOutCallsToHalf: number;
  /** AgentOutCallsTalkTimeToHalf: UINT, fixed part */
  agentOutCallsTalkTimeToHalf: number;
  /** AgentOutCallsTimeToHalf: UINT, fixed part */
  agentOutCallsTimeToHalf: number;
  /** AgentOutCallsHeldToHalf: UINT, fixed part */
  agentOutCallsHeldToHalf: number;
  /** AgentOutCallsHeldTimeToHalf: UINT, fixed part */
  agentOutCallsHeldTimeToHalf: number;
  /** HandledCallsToHalf: UINT, fixed part */
  handledCallsToHalf: number;
  /** HandledCallsTalkTimeToHalf: UINT, fixed part */
  handledCallsTalkTimeToHalf: number;
  /** HandledCallsAfterCallTimeToHalf: UINT, fixed part */
  handledCallsAfterCallTimeToHalf: number;
  /** HandledCallsTimeToHalf: UINT, fixed part */
  handledCallsTimeToHalf: number;
  /** IncomingCallsHeldToHalf: UINT, fixed part */
  incomingCallsHeldToHalf: number;
  /** IncomingCallsHeldTimeToHalf: UINT, fixed part */
  incomingCallsHeldTimeToHalf: number;
  /** InternalCallsRcvdToHalf: UINT, fixed part */
  internalCallsRcvdToHalf: number;
  /** InternalCallsRcvdTimeToHalf: UINT, fixed part */
  internalCallsRcvdTimeToHalf: number;
  /** InternalCallsHeldToHalf: UINT, fixed part */
  internalCallsHeldToHalf: number;
  /** InternalCallsHeldTimeToHalf: UINT, fixed part */
  internalCallsHeldTimeToHalf: number;
  /** AutoOutCallsToHalf: UINT, fixed part */
  autoOutCallsToHalf: number;
  /** AutoOutCallsTalkTimeToHalf: UINT, fixed part */
  autoOutCallsTalkTimeToHalf: number;
  /** AutoOutCallsTimeToHalf: UINT, fixed part */
  autoOutCallsTimeToHalf: number;
  /** AutoOutCallsHeldToHalf: UINT, fixed part */
  autoOutCallsHeldToHalf: number;
  /** AutoOutCallsHeldTimeToHalf: UINT, fixed part */
  autoOutCallsHeldTimeToHalf: number;
  /** PreviewCallsToHalf: UINT, fixed part */
  previewCallsToHalf: number;
  /** PreviewCallsTalkTimeToHalf: UINT, fixed part */
  previewCallsTalkTimeToHalf: number;
  /** PreviewCallsTimeToHalf: UINT, fixed part */
  previewCallsTimeToHalf: number;
  /** PreviewCallsHeldToHalf: UINT, fixed part */
  previewCallsHeldToHalf: number;
  /** PreviewCallsHeldTimeToHalf: UINT, fixed part */
  previewCallsHeldTimeToHalf: number;
  /** ReservationCallsToHalf: UINT, fixed part */
  reservationCallsToHalf: number;
  /** ReservationCallsTalkTimeToHalf: UINT, fixed part */
  reservationCallsTalkTimeToHalf: number;
  /** ReservationCallsTimeToHalf: UINT, fixed part */
  reservationCallsTimeToHalf: number;
  /** ReservationCallsHeldToHalf: UINT, fixed part */
  reservationCallsHeldToHalf: number;
  /** ReservationCallsHeldTimeToHalf: UINT, fixed part */
  reservationCallsHeldTimeToHalf: number;
  /** BargeInCallsToHalf: UINT, fixed part */
  bargeInCallsToHalf: number;
  /** InterceptCallsToHalf: UINT, fixed part */
  interceptCallsToHalf: number;
  /** MonitorCallsToHalf: UINT, fixed part */
  monitorCallsToHalf: number;
  /** WhisperCallsToHalf: UINT, fixed part */
  whisperCallsToHalf: number;
  /** EmergencyCallsToHalf: UINT, fixed part */
  emergencyCallsToHalf: number;
  /** CallsQHalf: UINT, fixed part */
  callsQHalf: number;
  /** CallsQTimeHalf: UINT, fixed part */
  callsQTimeHalf: number;
  /** LongestCallQHalf: UINT, fixed part */
  longestCallQHalf: number;
  /** AvailTimeToday: UINT, fixed part */
  availTimeToday: number;
  /** LoggedOnTimeToday: UINT, fixed part */
  loggedOnTimeToday: number;
  /** NotReadyTimeToday: UINT, fixed part */
  notReadyTimeToday: number;
  /** AgentOutCallsToday: UINT, fixed part */
  agentOutCallsToday: number;
  /** AgentOutCallsTalkTimeToday: UINT, fixed part */
  agentOutCallsTalkTimeToday: number;
  /** AgentOutCallsTimeToday: UINT, fixed part */
  agentOutCallsTimeToday: number;
  /** AgentOutCallsHeldToday: UINT, fixed part */
  agentOutCallsHeldToday: number;
  /** AgentOutCallsHeldTimeToday: UINT, fixed part */
  agentOutCallsHeldTimeToday: number;
  /** HandledCallsToday: UINT, fixed part */
  handledCallsToday: number;
  /** HandledCallsTalkTimeToday: UINT, fixed part */
  handledCallsTalkTimeToday: number;
  /** HandledCallsAfterCallTimeToday: UINT, fixed part */
  handledCallsAfterCallTimeToday: number;
  /** HandledCallsTimeToday: UINT, fixed part */
  handledCallsTimeToday: number;
  /** IncomingCallsHeldToday: UINT, fixed part */
  incomingCallsHeldToday: number;
  /** IncomingCallsHeldTimeToday: UINT, fixed part */
  incomingCallsHeldTimeToday: number;
  /** InternalCallsRcvdToday: UINT, fixed part */
  internalCallsRcvdToday: number;
  /** InternalCallsRcvdTimeToday: UINT, fixed part */
  internalCallsRcvdTimeToday: number;
  /** InternalCallsHeldToday: UINT, fixed part */
  internalCallsHeldToday: number;
  /** InternalCallsHeldTimeToday: UINT, fixed part */
  internalCallsHeldTimeToday: number;
  /** AutoOutCallsToday: UINT, fixed part */
  autoOutCallsToday: number;
  /** AutoOutCallsTalkTimeToday: UINT, fixed part */
  autoOutCallsTalkTimeToday: number;
  /** AutoOutCallsTimeToday: UINT, fixed part */
  autoOutCallsTimeToday: number;
  /** AutoOutCallsHeldToday: UINT, fixed part */
  autoOutCallsHeldToday: number;
  /** AutoOutCallsHeldTimeToday: UINT, fixed part */
  autoOutCallsHeldTimeToday: number;
  /** PreviewCallsToday: UINT, fixed part */
  previewCallsToday: number;
  /** PreviewCallsTalkTimeToday: UINT, fixed part */
  previewCallsTalkTimeToday: number;
  /** PreviewCallsTimeToday: UINT, fixed part */
  previewCallsTimeToday: number;
  /** PreviewCallsHeldToday: UINT, fixed part */
  previewCallsHeldToday: number;
  /** PreviewCallsHeldTimeToday: UINT, fixed part */
  previewCallsHeldTimeToday: number;
  /** ReservationCallsToday: UINT, fixed part */
  reservationCallsToday: number;
  /** ReservationCallsTalkTimeToday: UINT, fixed part */
  reservationCallsTalkTimeToday: number;
  /** ReservationCallsTimeToday: UINT, fixed part */
  reservationCallsTimeToday: number;
  /** ReservationCallsHeldToday: UINT, fixed part */
  reservationCallsHeldToday: number;
  /** ReservationCallsHeldTimeToday: UINT, fixed part */
  reservationCallsHeldTimeToday: number;
  /** BargeInCallsToday: UINT, fixed part */
  bargeInCallsToday: number;
  /** InterceptCallsToday: UINT, fixed part */
  interceptCallsToday: number;
  /** MonitorCallsToday: UINT, fixed part */
  monitorCallsToday: number;
  /** WhisperCallsToday: UINT, fixed part */
  whisperCallsToday: number;
  /** EmergencyCallsToday: UINT, fixed part */
  emergencyCallsToday: number;
  /** CallsQToday: UINT, fixed part */
  callsQToday: number;
  /** CallsQTimeToday: UINT, fixed part */
  callsQTimeToday: number;
  /** LongestCallQToday: UINT, fixed part */
  longestCallQToday: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_REQUEST_KEY_EVENT (MessageType 230), as decoded in protocol versions 15–25. */
export interface ConfigRequestKeyEvent {
  messageType: 'CONFIG_REQUEST_KEY_EVENT';
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** CustomerID: UINT, floating tag 131 */
  customerId?: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_KEY_EVENT (MessageType 231), as decoded in protocol versions 15–25. */
export interface ConfigKeyEvent {
  messageType: 'CONFIG_KEY_EVENT';
  /** ConfigKeyStatus: UINT, fixed part */
  configKeyStatus: number;
  /** ServiceConfigKey: UNSPEC[8], floating tag 177 */
  serviceConfigKey?: Buffer;
  /** SkillGroupConfigKey: UNSPEC[8], floating tag 178 */
  skillGroupConfigKey?: Buffer;
  /** AgentConfigKey: UNSPEC[8], floating tag 179 */
  agentConfigKey?: Buffer;
  /** DeviceConfigKey: UNSPEC[8], floating tag 180 */
  deviceConfigKey?: Buffer;
  /** CallTypeConfigKey: UNSPEC[8], floating tag 209 */
  callTypeConfigKey?: Buffer;
  /** PeripheralConfigKey: UNSPEC[8], floating tag 269 | only in protocol versions 22–25 */
  peripheralConfigKey?: Buffer;
  /** AgentDeskSettingsConfigKey: UNSPEC[8], floating tag 270 | only in protocol versions 22–25 */
  agentDeskSettingsConfigKey?: Buffer;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_REQUEST_EVENT (MessageType 232), as decoded in protocol versions 15–25. */
export interface ConfigRequestEvent {
  messageType: 'CONFIG_REQUEST_EVENT';
  /** ConfigInformation: UINT, fixed part */
  configInformation: number;
  /** ConfigMsgMask: UINT, fixed part */
  configMsgMask: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** CustomerID: UINT, floating tag 131 */
  customerId?: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_BEGIN_EVENT (MessageType 233), as decoded in protocol versions 15–25. */
export interface ConfigBeginEvent {
  messageType: 'CONFIG_BEGIN_EVENT';
  /** ConfigType: USHORT, fixed part */
  configType: number;
  /** ConfigInformation: UINT, fixed part */
  configInformation: number;
  /** ServiceConfigKey: UNSPEC[8], floating tag 177 */
  serviceConfigKey?: Buffer;
  /** SkillGroupConfigKey: UNSPEC[8], floating tag 178 */
  skillGroupConfigKey?: Buffer;
  /** AgentConfigKey: UNSPEC[8], floating tag 179 */
  agentConfigKey?: Buffer;
  /** DeviceConfigKey: UNSPEC[8], floating tag 180 */
  deviceConfigKey?: Buffer;
  /** CallTypeConfigKey: UNSPEC[8], floating tag 209 */
  callTypeConfigKey?: Buffer;
  /** PeripheralConfigKey: UNSPEC[8], floating tag 269 | only in protocol versions 22–25 */
  peripheralConfigKey?: Buffer;
  /** AgentDeskSettingsConfigKey: UNSPEC[8], floating tag 270 | only in protocol versions 22–25 */
  agentDeskSettingsConfigKey?: Buffer;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_END_EVENT (MessageType 234), as decoded in protocol versions 15–25. */
export interface ConfigEndEvent {
  messageType: 'CONFIG_END_EVENT';
  /** ConfigEndStatus: UINT, fixed part */
  configEndStatus: number;
  /** Text: STRING[255], floating tag 7 */
  text?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_SERVICE_EVENT (MessageType 235), as decoded in protocol versions 15–25. */
export interface ConfigServiceEvent {
  messageType: 'CONFIG_SERVICE_EVENT';
  /** NumRecords: USHORT, fixed part; counts recordType */
  numRecords: number;
  /** RecordType: USHORT, floating tag 183, repeats */
  recordType?: number[];
  /** FltPeripheralID: UINT, floating tag 208, repeats */
  fltPeripheralId?: number[];
  /** PeripheralNumber: UINT, floating tag 184, repeats */
  peripheralNumber?: number[];
  /** MaxQueued: UINT, floating tag 129, repeats */
  maxQueued?: number[];
  /** Extension: STRING[16], floating tag 173, repeats */
  extension?: string[];
  /** ServiceSkillTargetID: UINT, floating tag 132, repeats */
  serviceSkillTargetId?: number[];
  /** PeripheralName: STRING[64], floating tag 133, repeats */
  peripheralName?: string[];
  /** Description: STRING[128], floating tag 134, repeats */
  description?: string[];
  /** ServiceLevelThreshold: UINT, floating tag 174, repeats */
  serviceLevelThreshold?: number[];
  /** ServiceLevelType: UINT, floating tag 175, repeats */
  serviceLevelType?: number[];
  /** ConfigParam: STRING[255], floating tag 176, repeats */
  configParam?: string[];
  /** NumServiceMembers: USHORT, floating tag 186, repeats */
  numServiceMembers?: number[];
  /** OldPeripheralNumber: UINT, floating tag 213, repeats */
  oldPeripheralNumber?: number[];
  /** ServiceMember: UINT, floating tag 187, repeats */
  serviceMember?: number[];
  /** ServicePriority: USHORT, floating tag 188, repeats */
  servicePriority?: number[];
  /** FltMRDomainID: UINT, floating tag 216, repeats | only in protocol versions 20–25 */
  fltMrDomainId?: number[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_SKILL_GROUP_EVENT (MessageType 236), as decoded in protocol versions 15–25. */
export interface ConfigSkillGroupEvent {
  messageType: 'CONFIG_SKILL_GROUP_EVENT';
  /** NumRecords: USHORT, fixed part; counts recordType */
  numRecords: number;
  /** RecordType: USHORT, floating tag 183, repeats */
  recordType?: number[];
  /** FltPeripheralID: UINT, floating tag 208, repeats */
  fltPeripheralId?: number[];
  /** PeripheralNumber: UINT, floating tag 184, repeats */
  peripheralNumber?: number[];
  /** FltSkillGroupPriority: USHORT, floating tag 64, repeats */
  fltSkillGroupPriority?: number[];
  /** SkillGroupSkillTargetID: UINT, floating tag 192, repeats */
  skillGroupSkillTargetId?: number[];
  /** AutoWork: BOOL, floating tag 185, repeats */
  autoWork?: number[];
  /** Extension: STRING[16], floating tag 173, repeats */
  extension?: string[];
  /** PeripheralName: STRING[64], floating tag 133, repeats */
  peripheralName?: string[];
  /** Description: STRING[128], floating tag 134, repeats */
  description?: string[];
  /** ConfigParam: STRING[255], floating tag 176, repeats */
  configParam?: string[];
  /** OldPeripheralNumber: UINT, floating tag 213, repeats */
  oldPeripheralNumber?: number[];
  /** ServiceMemberID: UINT, floating tag 135, repeats */
  serviceMemberId?: number[];
  /** ServiceMemberPriority: USHORT, floating tag 136, repeats */
  serviceMemberPriority?: number[];
  /** FltMRDomainID: UINT, floating tag 216, repeats | only in protocol versions 20–25 */
  fltMrDomainId?: number[];
  /** FltPrecisionQueueID: UINT, floating tag 264, repeats | only in protocol versions 22–25 */
  fltPrecisionQueueId?: number[];
  /** FltPrecisionQueueName: STRING[32], floating tag 265, repeats | only in protocol versions 22–25 */
  fltPrecisionQueueName?: string[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_AGENT_EVENT (MessageType 237), as decoded in protocol versions 15–25. */
export interface ConfigAgentEvent {
  messageType: 'CONFIG_AGENT_EVENT';
  /** NumRecords: USHORT, fixed part; counts recordType */
  numRecords: number;
  /** RecordType: USHORT, floating tag 183, repeats */
  recordType?: number[];
  /** FltPeripheralID: UINT, floating tag 208, repeats */
  fltPeripheralId?: number[];
  /** AgentType: USHORT, floating tag 189, repeats */
  agentType?: number[];
  /** LoginID: STRING[64], floating tag 190, repeats */
  loginId?: string[];
  /** LoginName: STRING[32], floating tag 207, repeats | LoginName: STRING[255], floating tag 207, repeats */
  loginName?: string[];
  /** LastName: STRING[32], floating tag 138, repeats */
  lastName?: string[];
  /** FirstName: STRING[32], floating tag 137, repeats */
  firstName?: string[];
  /** Extension: STRING[16], floating tag 173, repeats */
  extension?: string[];
  /** Description: STRING[128], floating tag 134, repeats */
  description?: string[];
  /** AgentSkillTargetID: UINT, floating tag 141, repeats */
  agentSkillTargetId?: number[];
  /** NumSkills: USHORT, floating tag 191, repeats */
  numSkills?: number[];
  /** OldLoginID: STRING[64], floating tag 214, repeats */
  oldLoginId?: string[];
  /** FltSkillGroupNumber: INT, floating tag 62, repeats */
  fltSkillGroupNumber?: number[];
  /** FltSkillGroupPriority: USHORT, floating tag 64, repeats */
  fltSkillGroupPriority?: number[];
  /** SSOEnabled: USHORT, floating tag 257, repeats | only in protocol versions 20–25 */
  ssoEnabled?: number[];
  /** ActiveTerminal: STRING[64], floating tag 303, repeats | only in protocol versions 20–25 */
  activeTerminal?: string[];
  /** NumMRDs: USHORT, floating tag 261, repeats | only in protocol versions 21–25 */
  numMrds?: number[];
  /** FltAgentMRDID: UINT, floating tag 262, repeats | only in protocol versions 21–25 */
  fltAgentMrdIds?: number[];
  /** FltAgentMRDState: USHORT, floating tag 263, repeats | only in protocol versions 21–25 */
  fltAgentMrdStates?: number[];
  /** AgentDeskSettingsID: UINT, floating tag 267, repeats | only in protocol versions 22–25 */
  agentDeskSettingsId?: number[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_DEVICE_EVENT (MessageType 238), as decoded in protocol versions 15–25. */
export interface ConfigDeviceEvent {
  messageType: 'CONFIG_DEVICE_EVENT';
  /** NumRecords: USHORT, fixed part; counts recordType */
  numRecords: number;
  /** RecordType: USHORT, floating tag 183, repeats */
  recordType?: number[];
  /** FltPeripheralID: UINT, floating tag 208, repeats */
  fltPeripheralId?: number[];
  /** PeripheralNumber: UINT, floating tag 184, repeats */
  peripheralNumber?: number[];
  /** DeviceType: USHORT, floating tag 195, repeats */
  deviceType?: number[];
  /** MaxQueued: UINT, floating tag 129, repeats */
  maxQueued?: number[];
  /** FltServiceID: UINT, floating tag 193, repeats */
  fltServiceId?: number[];
  /** DialedNumber: STRING[40], floating tag 11, repeats */
  dialedNumber?: string[];
  /** DNIS: STRING[32], floating tag 10, repeats */
  dnis?: string[];
  /** Extension: STRING[16], floating tag 173, repeats */
  extension?: string[];
  /** Description: STRING[128], floating tag 134, repeats */
  description?: string[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_CALL_TYPE_EVENT (MessageType 245), as decoded in protocol versions 15–25. */
export interface ConfigCallTypeEvent {
  messageType: 'CONFIG_CALL_TYPE_EVENT';
  /** NumRecords: USHORT, fixed part; counts recordType */
  numRecords: number;
  /** RecordType: USHORT, floating tag 183, repeats */
  recordType?: number[];
  /** FltCallTypeID: UINT, floating tag 210, repeats */
  fltCallTypeId?: number[];
  /** CustomerDefinitionID: UINT, floating tag 211, repeats */
  customerDefinitionId?: number[];
  /** EnterpriseName: STRING[32], floating tag 212, repeats */
  enterpriseName?: string[];
  /** Description: STRING[128], floating tag 134, repeats */
  description?: string[];
  /** ServiceLevelThreshold: UINT, floating tag 174, repeats */
  serviceLevelThreshold?: number[];
  /** ServiceLevelType: UINT, floating tag 175, repeats */
  serviceLevelType?: number[];
  /** OldPeripheralNumber: UINT, floating tag 213, repeats */
  oldPeripheralNumber?: number[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_MRD_EVENT (MessageType 254), as decoded in protocol versions 20–25. */
export interface ConfigMrdEvent {
  messageType: 'CONFIG_MRD_EVENT';
  /** NumRecords: USHORT, fixed part; counts recordType */
  numRecords: number;
  /** RecordType: USHORT, floating tag 183, repeats */
  recordType?: number[];
  /** FltMRDomainID: UINT, floating tag 216, repeats */
  fltMrDomainId?: number[];
  /** FltEnterpriseName: STRING[32], floating tag 212, repeats */
  fltEnterpriseName?: string[];
  /** FltDescription: STRING[128], floating tag 134, repeats */
  fltDescription?: string[];
  /** FltMaxTaskDuration: UINT, floating tag 250, repeats */
  fltMaxTaskDuration?: number[];
  /** FltInterruptible: BOOL, floating tag 251, repeats */
  fltInterruptible?: number[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_PERIPHERAL_EVENT (MessageType 260), as decoded in protocol versions 22–25. */
export interface ConfigPeripheralEvent {
  messageType: 'CONFIG_PERIPHERAL_EVENT';
  /** NumRecords: USHORT, fixed part; counts recordType */
  numRecords: number;
  /** RecordType: USHORT, floating tag 183, repeats */
  recordType?: number[];
  /** ConfigPeripheralID: UINT, floating tag 271, repeats */
  configPeripheralId?: number[];
  /** DefaultAgentDeskSettingsID: UINT, floating tag 272, repeats */
  defaultAgentDeskSettingsId?: number[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_AGENT_DESK_SETTINGS_EVENT (MessageType 261), as decoded in protocol versions 22–25. */
export interface ConfigAgentDeskSettingsEvent {
  messageType: 'CONFIG_AGENT_DESK_SETTINGS_EVENT';
  /** NumRecords: USHORT, fixed part; counts recordType */
  numRecords: number;
  /** RecordType: USHORT, floating tag 183, repeats */
  recordType?: number[];
  /** AgentDeskSettingsID: UINT, floating tag 267, repeats */
  agentDeskSettingsId?: number[];
  /** FltDeskSettingsMask: UINT, floating tag 273, repeats */
  fltDeskSettingsMask?: number[];
  /** FltWrapUpDataIncomingMode: UINT, floating tag 274, repeats */
  fltWrapUpDataIncomingMode?: number[];
  /** FltWrapUpDataOutgoingMode: UINT, floating tag 275, repeats */
  fltWrapUpDataOutgoingMode?: number[];
  /** FltLogoutNonActivityTime: UINT, floating tag 276, repeats */
  fltLogoutNonActivityTime?: number[];
  /** FltQualityRecordingRate: UINT, floating tag 277, repeats */
  fltQualityRecordingRate?: number[];
  /** FltRingNoAnswerTime: UINT, floating tag 278, repeats */
  fltRingNoAnswerTime?: number[];
  /** FltSilentMonitorWarningMessage: UINT, floating tag 279, repeats */
  fltSilentMonitorWarningMessage?: number[];
  /** FltSilentMonitorAudibleIndication: UINT, floating tag 280, repeats */
  fltSilentMonitorAudibleIndication?: number[];
  /** FltSupervisorAssistCallMethod: UINT, floating tag 281, repeats */
  fltSupervisorAssistCallMethod?: number[];
  /** FltEmergencyCallMethod: UINT, floating tag 282, repeats */
  fltEmergencyCallMethod?: number[];
  /** FltAutoRecordOnEmergency: UINT, floating tag 283, repeats */
  fltAutoRecordOnEmergency?: number[];
  /** FltRecordingMode: UINT, floating tag 284, repeats */
  fltRecordingMode?: number[];
  /** FltWorkModeTimer: UINT, floating tag 285, repeats */
  fltWorkModeTimer?: number[];
  /** FltRingNoAnswerDnID: UINT, floating tag 286, repeats */
  fltRingNoAnswerDnId?: number[];
  /** FltDefaultDevicePortAddress: STRING[64], floating tag 287, repeats */
  fltDefaultDevicePortAddress?: string[];
  /** PlayZipTone: UINT, floating tag 307, repeats */
  playZipTone?: number[];
  /** ACDSharedLineUsage: UINT, floating tag 306, repeats */
  acdSharedLineUsage?: number[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_TERMINAL_EVENT (MessageType 276), as decoded in protocol versions 20–25. */
export interface ConfigTerminalEvent {
  messageType: 'CONFIG_TERMINAL_EVENT';
  /** NumRecords: USHORT, fixed part; counts recordType */
  numRecords: number;
  /** RecordType: USHORT, floating tag 183, repeats */
  recordType?: number[];
  /** TerminalType: USHORT, floating tag 302, repeats */
  terminalType?: number[];
  /** TerminalDeviceName: STRING[64], floating tag 303, repeats */
  terminalDeviceName?: string[];
  /** TerminalTypeName: STRING[100], floating tag 304, repeats */
  terminalTypeName?: string[];
  /** NumInstruments: USHORT, floating tag 305, repeats */
  numInstruments?: number[];
  /** Instrument: STRING[64], floating tag 6, repeats */
  instrument?: string[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** CONFIG_AGENT_SERVICE_EVENT (MessageType 282), as decoded in protocol versions 24–25. */
export interface ConfigAgentServiceEvent {
  messageType: 'CONFIG_AGENT_SERVICE_EVENT';
  /** NumRecords: USHORT, fixed part; counts recordType */
  numRecords: number;
  /** AgentSkillTargetID: UINT, floating tag 141, repeats */
  agentSkillTargetId?: number[];
  /** NumOfEnabledServices: USHORT, floating tag 310, repeats */
  numOfEnabledServices?: number[];
  /** RecordType: USHORT, floating tag 183, repeats */
  recordType?: number[];
  /** FltEnabledServices: USHORT, floating tag 309, repeats */
  fltEnabledServices?: number[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SUPERVISOR_ASSIST_REQ (MessageType 118), as decoded in protocol versions 15–25. */
export interface SupervisorAssistReq {
  messageType: 'SUPERVISOR_ASSIST_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** AgentExtension: STRING[16], floating tag 4 */
  agentExtension?: string;
  /** AgentID: STRING[12], floating tag 5 */
  agentId?: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** CTIOSCILClientID: STRING[64], floating tag 217 */
  ctiosCilClientId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SUPERVISOR_ASSIST_CONF (MessageType 119), as decoded in protocol versions 15–25. */
export interface SupervisorAssistConf {
  messageType: 'SUPERVISOR_ASSIST_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SUPERVISOR_ASSIST_EVENT (MessageType 120), as decoded in protocol versions 15–25. */
export interface SupervisorAssistEvent {
  messageType: 'SUPERVISOR_ASSIST_EVENT';
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** SessionID: UINT, fixed part */
  sessionId: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId?: string;
  /** ClientID: STRING[64], floating tag 1 */
  clientId?: string;
  /** Text: STRING[255], floating tag 7 */
  text?: string;
  /** AgentExtension: STRING[16], floating tag 4 */
  agentExtension?: string;
  /** AgentID: STRING[12], floating tag 5 */
  agentId?: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** EMERGENCY_CALL_REQ (MessageType 121), as decoded in protocol versions 15–25. */
export interface EmergencyCallReq {
  messageType: 'EMERGENCY_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** AgentExtension: STRING[16], floating tag 4 */
  agentExtension?: string;
  /** AgentID: STRING[12], floating tag 5 */
  agentId?: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** CTIOSCILClientID: STRING[64], floating tag 217 */
  ctiosCilClientId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** EMERGENCY_CALL_CONF (MessageType 122), as decoded in protocol versions 15–25. */
export interface EmergencyCallConf {
  messageType: 'EMERGENCY_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** LineHandle: USHORT, fixed part */
  lineHandle: number;
  /** LineType: USHORT, fixed part */
  lineType: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** EMERGENCY_CALL_EVENT (MessageType 123), as decoded in protocol versions 15–25. */
export interface EmergencyCallEvent {
  messageType: 'EMERGENCY_CALL_EVENT';
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** SessionID: UINT, fixed part */
  sessionId: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** ClientID: STRING[64], floating tag 1 */
  clientId: string;
  /** ClientAddress: STRING[16], floating tag 81 | ClientAddress: STRING[64], floating tag 81 */
  clientAddress: string;
  /** ClientAddressIPV6: STRING[64], floating tag 226 | only in protocol versions 15–18 */
  clientAddressIpv6?: string;
  /** AgentExtension: STRING[16], floating tag 4 */
  agentExtension: string;
  /** AgentID: STRING[12], floating tag 5 */
  agentId: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SUPERVISE_CALL_REQ (MessageType 124), as decoded in protocol versions 15–25. */
export interface SuperviseCallReq {
  messageType: 'SUPERVISE_CALL_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** AgentConnectionCallID: UINT, fixed part */
  agentConnectionCallId: number;
  /** SupervisorConnectionCallID: UINT, fixed part */
  supervisorConnectionCallId: number;
  /** AgentConnectionDeviceIDType: USHORT, fixed part */
  agentConnectionDeviceIdType: number;
  /** SupervisorConnectionDeviceIDType: USHORT, fixed part */
  supervisorConnectionDeviceIdType: number;
  /** SupervisoryAction: USHORT, fixed part */
  supervisoryAction: number;
  /** AgentConnectionDeviceID: STRING[64], floating tag 90 */
  agentConnectionDeviceId?: string;
  /** SupervisorConnectionDeviceID: STRING[64], floating tag 91 */
  supervisorConnectionDeviceId?: string;
  /** AgentExtension: STRING[16], floating tag 4 */
  agentExtension?: string;
  /** AgentID: STRING[12], floating tag 5 */
  agentId?: string;
  /** AgentInstrument: STRING[64], floating tag 6 */
  agentInstrument?: string;
  /** SupervisorInstrument: STRING[64], floating tag 85 */
  supervisorInstrument?: string;
  /** CTIOSCILClientID: STRING[64], floating tag 217 */
  ctiosCilClientId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** SUPERVISE_CALL_CONF (MessageType 125), as decoded in protocol versions 15–25. */
export interface SuperviseCallConf {
  messageType: 'SUPERVISE_CALL_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** ConnectionCallID: UINT, fixed part */
  connectionCallId: number;
  /** ConnectionDeviceIDType: USHORT, fixed part */
  connectionDeviceIdType: number;
  /** ConnectionDeviceID: STRING[64], floating tag 25 */
  connectionDeviceId: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** AGENT_TEAM_CONFIG_EVENT (MessageType 128), as decoded in protocol versions 15–25. */
export interface AgentTeamConfigEvent {
  messageType: 'AGENT_TEAM_CONFIG_EVENT';
  /** PeripheralID: UINT, fixed part */
  peripheralId: number;
  /** TeamID: UINT, fixed part */
  teamId: number;
  /** NumberOfAgents: USHORT, fixed part; counts atcAgentId */
  numberOfAgents: number;
  /** ConfigOperation: USHORT, fixed part */
  configOperation: number;
  /** AtcAgentID: STRING[12], floating tag 86, repeats */
  atcAgentId?: string[];
  /** AgentFlags: USHORT, floating tag 87, repeats */
  agentFlags?: number[];
  /** AtcAgentState: USHORT, floating tag 88, repeats */
  atcAgentState?: number[];
  /** AtcStateDuration: UINT, floating tag 89, repeats */
  atcStateDuration?: number[];
  /** AgentTeamName: STRING[32], floating tag 243 | only in protocol versions 16–25 */
  agentTeamName?: string;
  /** DepartmentID: INT, fixed part | only in protocol versions 19–25 */
  departmentId?: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** LIST_AGENT_TEAM_REQ (MessageType 133), as decoded in protocol versions 15–25. */
export interface ListAgentTeamReq {
  messageType: 'LIST_AGENT_TEAM_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** SupervisorID: UINT, fixed part */
  supervisorId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** LIST_AGENT_TEAM_CONF (MessageType 134), as decoded in protocol versions 15–25. */
export interface ListAgentTeamConf {
  messageType: 'LIST_AGENT_TEAM_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** NumberOfAgentTeams: USHORT, fixed part; counts teamId */
  numberOfAgentTeams: number;
  /** SegmentNumber: USHORT, fixed part */
  segmentNumber: number;
  /** More: USHORT, fixed part */
  more: number;
  /** TeamID: UINT, floating tag 92, repeats */
  teamId?: number[];
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** MONITOR_AGENT_TEAM_START_REQ (MessageType 135), as decoded in protocol versions 15–25. */
export interface MonitorAgentTeamStartReq {
  messageType: 'MONITOR_AGENT_TEAM_START_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** TeamID: UINT, fixed part */
  teamId: number;
  /** CTIOSCILClientID: STRING[64], floating tag 217 */
  ctiosCilClientId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** MONITOR_AGENT_TEAM_START_CONF (MessageType 136), as decoded in protocol versions 15–25. */
export interface MonitorAgentTeamStartConf {
  messageType: 'MONITOR_AGENT_TEAM_START_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** MONITOR_AGENT_TEAM_STOP_REQ (MessageType 137), as decoded in protocol versions 15–25. */
export interface MonitorAgentTeamStopReq {
  messageType: 'MONITOR_AGENT_TEAM_STOP_REQ';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** MonitorID: UINT, fixed part */
  monitorId: number;
  /** CTIOSCILClientID: STRING[64], floating tag 217 */
  ctiosCilClientId?: string;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** MONITOR_AGENT_TEAM_STOP_CONF (MessageType 138), as decoded in protocol versions 15–25. */
export interface MonitorAgentTeamStopConf {
  messageType: 'MONITOR_AGENT_TEAM_STOP_CONF';
  /** InvokeID: UINT, fixed part */
  invokeId: number;
  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */
  unknownFields?: UnknownField[];
}

/** Every laid-out message type, by its `messageType` name. */
export interface CtiMessageMap {
  FAILURE_CONF: FailureConf;
  FAILURE_EVENT: FailureEvent;
  OPEN_REQ: OpenReq;
  OPEN_CONF: OpenConf;
  HEARTBEAT_REQ: HeartbeatReq;
  HEARTBEAT_CONF: HeartbeatConf;
  CLOSE_REQ: CloseReq;
  CLOSE_CONF: CloseConf;
  SYSTEM_EVENT: SystemEvent;
  STANDBY_ACTIVE_EVENT_MSG: StandbyActiveEventMsg;
  ACTIVE_MAINTENANCE_REQ_MSG: ActiveMaintenanceReqMsg;
  ACTIVE_MAINTENANCE_RESP_MSG: ActiveMaintenanceRespMsg;
  ACTIVE_MAINTENANCE_EVENT_MSG: ActiveMaintenanceEventMsg;
  STOPPING_REQUESTS_TO_THIS_SIDE_IND: StoppingRequestsToThisSideInd;
  BEGIN_CALL_EVENT: BeginCallEvent;
  END_CALL_EVENT: EndCallEvent;
  CALL_AGENT_GREETING_EVENT: CallAgentGreetingEvent;
  CALL_DATA_UPDATE_EVENT: CallDataUpdateEvent;
  CALL_DELIVERED_EVENT: CallDeliveredEvent;
  CALL_ESTABLISHED_EVENT: CallEstablishedEvent;
  CALL_HELD_EVENT: CallHeldEvent;
  CALL_RETRIEVED_EVENT: CallRetrievedEvent;
  CALL_CLEARED_EVENT: CallClearedEvent;
  CALL_CONNECTION_CLEARED_EVENT: CallConnectionClearedEvent;
  CALL_ORIGINATED_EVENT: CallOriginatedEvent;
  CALL_FAILED_EVENT: CallFailedEvent;
  CALL_CONFERENCED_EVENT: CallConferencedEvent;
  CALL_TRANSFERRED_EVENT: CallTransferredEvent;
  CALL_DIVERTED_EVENT: CallDivertedEvent;
  CALL_SERVICE_INITIATED_EVENT: CallServiceInitiatedEvent;
  CALL_REACHED_NETWORK_EVENT: CallReachedNetworkEvent;
  CALL_QUEUED_EVENT: CallQueuedEvent;
  CALL_DEQUEUED_EVENT: CallDequeuedEvent;
  CALL_ATTRIBUTE_CHANGE_EVENT: CallAttributeChangeEvent;
  CALL_TRANSLATION_ROUTE_EVENT: CallTranslationRouteEvent;
  AGENT_STATE_EVENT: AgentStateEvent;
  AGENT_PRE_CALL_EVENT: AgentPreCallEvent;
  AGENT_PRE_CALL_ABORT_EVENT: AgentPreCallAbortEvent;
  SET_CALL_DATA_REQ: SetCallDataReq;
  SET_CALL_DATA_CONF: SetCallDataConf;
  RELEASE_CALL_REQ: ReleaseCallReq;
  RELEASE_CALL_CONF: ReleaseCallConf;
  REGISTER_VARIABLES_REQ: RegisterVariablesReq;
  REGISTER_VARIABLES_CONF: RegisterVariablesConf;
  CONTROL_FAILURE_CONF: ControlFailureConf;
  QUERY_AGENT_STATE_REQ: QueryAgentStateReq;
  QUERY_AGENT_STATE_CONF: QueryAgentStateConf;
  SET_AGENT_STATE_REQ: SetAgentStateReq;
  SET_AGENT_STATE_CONF: SetAgentStateConf;
  ALTERNATE_CALL_REQ: AlternateCallReq;
  ALTERNATE_CALL_CONF: AlternateCallConf;
  ANSWER_CALL_REQ: AnswerCallReq;
  ANSWER_CALL_CONF: AnswerCallConf;
  CLEAR_CALL_REQ: ClearCallReq;
  CLEAR_CALL_CONF: ClearCallConf;
  CLEAR_CONNECTION_REQ: ClearConnectionReq;
  CLEAR_CONNECTION_CONF: ClearConnectionConf;
  CONFERENCE_CALL_REQ: ConferenceCallReq;
  CONFERENCE_CALL_CONF: ConferenceCallConf;
  CONSULTATION_CALL_REQ: ConsultationCallReq;
  CONSULTATION_CALL_CONF: ConsultationCallConf;
  DEFLECT_CALL_REQ: DeflectCallReq;
  DEFLECT_CALL_CONF: DeflectCallConf;
  HOLD_CALL_REQ: HoldCallReq;
  HOLD_CALL_CONF: HoldCallConf;
  MAKE_CALL_REQ: MakeCallReq;
  MAKE_CALL_CONF: MakeCallConf;
  MAKE_PREDICTIVE_CALL_REQ: MakePredictiveCallReq;
  MAKE_PREDICTIVE_CALL_CONF: MakePredictiveCallConf;
  RECONNECT_CALL_REQ: ReconnectCallReq;
  RECONNECT_CALL_CONF: ReconnectCallConf;
  RETRIEVE_CALL_REQ: RetrieveCallReq;
  RETRIEVE_CALL_CONF: RetrieveCallConf;
  TRANSFER_CALL_REQ: TransferCallReq;
  TRANSFER_CALL_CONF: TransferCallConf;
  QUERY_DEVICE_INFO_REQ: QueryDeviceInfoReq;
  QUERY_DEVICE_INFO_CONF: QueryDeviceInfoConf;
  SNAPSHOT_CALL_REQ: SnapshotCallReq;
  SNAPSHOT_CALL_CONF: SnapshotCallConf;
  SNAPSHOT_DEVICE_REQ: SnapshotDeviceReq;
  SNAPSHOT_DEVICE_CONF: SnapshotDeviceConf;
  SEND_DTMF_SIGNAL_REQ: SendDtmfSignalReq;
  SEND_DTMF_SIGNAL_CONF: SendDtmfSignalConf;
  QUERY_AGENT_STATISTICS_REQ: QueryAgentStatisticsReq;
  QUERY_AGENT_STATISTICS_CONF: QueryAgentStatisticsConf;
  QUERY_SKILL_GROUP_STATISTICS_REQ: QuerySkillGroupStatisticsReq;
  QUERY_SKILL_GROUP_STATISTICS_CONF: QuerySkillGroupStatisticsConf;
  CONFIG_REQUEST_KEY_EVENT: ConfigRequestKeyEvent;
  CONFIG_KEY_EVENT: ConfigKeyEvent;
  CONFIG_REQUEST_EVENT: ConfigRequestEvent;
  CONFIG_BEGIN_EVENT: ConfigBeginEvent;
  CONFIG_END_EVENT: ConfigEndEvent;
  CONFIG_SERVICE_EVENT: ConfigServiceEvent;
  CONFIG_SKILL_GROUP_EVENT: ConfigSkillGroupEvent;
  CONFIG_AGENT_EVENT: ConfigAgentEvent;
  CONFIG_DEVICE_EVENT: ConfigDeviceEvent;
  CONFIG_CALL_TYPE_EVENT: ConfigCallTypeEvent;
  CONFIG_MRD_EVENT: ConfigMrdEvent;
  CONFIG_PERIPHERAL_EVENT: ConfigPeripheralEvent;
  CONFIG_AGENT_DESK_SETTINGS_EVENT: ConfigAgentDeskSettingsEvent;
  CONFIG_TERMINAL_EVENT: ConfigTerminalEvent;
  CONFIG_AGENT_SERVICE_EVENT: ConfigAgentServiceEvent;
  SUPERVISOR_ASSIST_REQ: SupervisorAssistReq;
  SUPERVISOR_ASSIST_CONF: SupervisorAssistConf;
  SUPERVISOR_ASSIST_EVENT: SupervisorAssistEvent;
  EMERGENCY_CALL_REQ: EmergencyCallReq;
  EMERGENCY_CALL_CONF: EmergencyCallConf;
  EMERGENCY_CALL_EVENT: EmergencyCallEvent;
  SUPERVISE_CALL_REQ: SuperviseCallReq;
  SUPERVISE_CALL_CONF: SuperviseCallConf;
  AGENT_TEAM_CONFIG_EVENT: AgentTeamConfigEvent;
  LIST_AGENT_TEAM_REQ: ListAgentTeamReq;
  LIST_AGENT_TEAM_CONF: ListAgentTeamConf;
  MONITOR_AGENT_TEAM_START_REQ: MonitorAgentTeamStartReq;
  MONITOR_AGENT_TEAM_START_CONF: MonitorAgentTeamStartConf;
  MONITOR_AGENT_TEAM_STOP_REQ: MonitorAgentTeamStopReq;
  MONITOR_AGENT_TEAM_STOP_CONF: MonitorAgentTeamStopConf;
}

/** A decoded message of any laid-out type, discriminated by `messageType`. */
export type AnyCtiMessage = CtiMessageMap[keyof CtiMessageMap];

/** The `messageType` names of the laid-out messages. */
export type CtiMessageType = keyof CtiMessageMap;
