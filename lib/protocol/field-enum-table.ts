/**
 * Which enumeration names the values of which message property, so a decoded message can be shown with
 * the guide's names (LCS_ALERTING rather than 2) and a message written with names can be encoded.
 * Bit masks (servicesGranted, callMsgMask, pgStatus, classOfDevice, ...) are not listed: a mask value is a
 * set of names, not one, so it stays a number.
 */
import type { CtiEnum } from './enum';
import {
  AgentInternalState,
  AgentState,
  AgentWorkMode,
  AllocationState,
  AnswerDetectMode,
  AnsweringMachine,
  CallMannerType,
  CallOption,
  CallPlacementType,
  CallType,
  ConnectionDeviceIdType,
  ConsultType,
  ControlFailureCode,
  DestinationCountry,
  DeviceIdType,
  EventCause,
  FacilityType,
  LineType,
  LocalConnectionState,
  PeripheralType,
  SessionType,
  SilentMonitorStatus,
  StatusCode,
  SupervisoryAction,
  SystemEventId,
  TaskState,
  TeamConfigOperation,
  TypeOfDevice,
} from './constants';

function each(keys: readonly string[], e: CtiEnum): Record<string, CtiEnum> {
  return Object.fromEntries(keys.map((k) => [k, e]));
}

export const FIELD_ENUMS: Readonly<Record<string, CtiEnum>> = Object.freeze({
  status: StatusCode,
  eventCause: EventCause,
  systemEventId: SystemEventId,
  failureCode: ControlFailureCode,
  peripheralType: PeripheralType,
  callType: CallType,
  lineType: LineType,
  // SNAPSHOT_DEVICE_CONF CallState: the guide gives it LocalConnectionState values.
  ...each(['localConnectionState', 'callDeviceConnectionState', 'callState'], LocalConnectionState),
  // SkillGroupState / FltSkillGroupState / NextAgentState carry AgentState values (AGENT_STATE_EVENT layout).
  ...each(['agentState', 'skillGroupState', 'fltSkillGroupState', 'nextAgentState', 'atcAgentState'], AgentState),
  internalAgentState: AgentInternalState,
  ...each(
    [
      'connectionDeviceIdType',
      'newConnectionDeviceIdType',
      'connectedPartyDeviceIdType',
      'primaryDeviceIdType',
      'secondaryDeviceIdType',
      'activeConnectionDeviceIdType',
      'heldConnectionDeviceIdType',
      'otherConnectionDeviceIdType',
      'callConnectionDeviceIdType',
      'cocCallConnectionDeviceIdType',
      'agentConnectionDeviceIdType',
      'supervisorConnectionDeviceIdType',
    ],
    ConnectionDeviceIdType,
  ),
  ...each(
    [
      'alertingDeviceType',
      'callingDeviceType',
      'calledDeviceType',
      'lastRedirectDeviceType',
      'answeringDeviceType',
      'holdingDeviceType',
      'retrievingDeviceType',
      'releasingDeviceType',
      'failingDeviceType',
      'controllerDeviceType',
      'addedPartyDeviceType',
      'transferringDeviceType',
      'transferredDeviceType',
      'divertingDeviceType',
      'queueDeviceType',
      'trunkUsedDeviceType',
      'callDeviceType',
      'eventDeviceType',
      // CLEAR_CONNECTION_REQ: "DEVID_NONE when unused", so a device (not connection) ID type.
      'requestingDeviceIdType',
      // Unsure: SNAPSHOT_DEVICE_REQ SnapshotDeviceType has no value table; chose DeviceIDType like the other ...DeviceType fields.
      'snapshotDeviceType',
    ],
    DeviceIdType,
  ),
  callPlacementType: CallPlacementType,
  callMannerType: CallMannerType,
  callOption: CallOption,
  consultType: ConsultType,
  facilityType: FacilityType,
  answeringMachine: AnsweringMachine,
  answerDetectMode: AnswerDetectMode,
  allocationState: AllocationState,
  destinationCountry: DestinationCountry,
  agentWorkMode: AgentWorkMode,
  silentMonitorStatus: SilentMonitorStatus,
  typeOfDevice: TypeOfDevice,
  taskState: TaskState,
  sessionType: SessionType,
  supervisoryAction: SupervisoryAction,
  configOperation: TeamConfigOperation,
});
