/**
 * Which enumeration names the values of which message property, so a decoded message can be shown with
 * the guide's names (LCS_ALERTING rather than 2) and a message written with names can be encoded.
 * Bit masks (servicesGranted, callMsgMask, pgStatus, classOfDevice, ...) are not listed: a mask value is a
 * set of names, not one, so it stays a number.
 */
import type { CtiEnum } from './enum';
import type { CtiMessage } from './types';
import { getMessageDef } from './catalog';
import { generatedName, prop } from './codegen';
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
  ...each(['localConnectionState', 'callDeviceConnectionState'], LocalConnectionState),
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

/**
 * A shallow copy of `msg` with each enumerated number replaced by its guide name. Values the enumeration
 * does not name stay numbers; arrays (repeating fields) are mapped element by element.
 *
 * It runs for every event a node delivers, so it is compiled once per message type (like the codec's encoders
 * and decoders): straight-line reads of the enumerated properties, each site seeing one message shape.
 */
export function withEnumNames(msg: CtiMessage): CtiMessage {
  let namer = namers.get(msg.messageType);
  if (namer === undefined) {
    // Only catalogue names get their own copy; anything else shares one (the set of names stays bounded).
    namer = getMessageDef(msg.messageType) === undefined ? sharedNamer() : compileNamer(msg.messageType);
    namers.set(msg.messageType, namer);
  }
  return namer(msg);
}

type Namer = (msg: CtiMessage) => CtiMessage;
type NamerFactory = (enums: readonly CtiEnum[]) => Namer;

const namers = new Map<string, Namer>();
let shared: Namer | undefined;

function sharedNamer(): Namer {
  return (shared ??= compileNamer('other'));
}

/** The source of a namer: every enumerated property is looked at (a message may carry any of them). */
export function namerSource(label: string): string {
  const keys = Object.keys(FIELD_ENUMS);
  const L = ['var out = { ...msg }, v;'];
  keys.forEach((key, i) => {
    const p = prop('out', key);
    L.push(`v = ${p};`);
    L.push(
      `if (typeof v === 'number') { v = enums[${i}].byValue.get(v); if (v !== undefined) ${p} = v; }` +
        ` else if (Array.isArray(v)) ${p} = v.map(function (x) { return typeof x === 'number' ? (enums[${i}].byValue.get(x) ?? x) : x; });`,
    );
  });
  L.push('return out;');
  return `return function ${generatedName('name', label, 0)}(msg) {\n  ${L.join('\n  ')}\n};`;
}

function compileNamer(label: string): Namer {
  // eslint-disable-next-line no-new-func -- generated from the enumeration table, never from input
  const factory = new Function('enums', namerSource(label)) as NamerFactory;
  return factory(Object.values(FIELD_ENUMS));
}

/**
 * The reverse of withEnumNames: a shallow copy with each name string replaced by its value.
 * Numbers pass through. Throws RangeError for a string that is not a name of the field's enumeration.
 */
export function fromEnumNames(msg: CtiMessage): CtiMessage {
  const out: CtiMessage = { ...msg };
  for (const [key, e] of Object.entries(FIELD_ENUMS)) {
    if (!Object.prototype.hasOwnProperty.call(out, key)) continue;
    const toValue = (v: unknown): unknown => {
      if (typeof v !== 'string') return v;
      const n = e.valueOf(v);
      if (n === undefined) throw new RangeError(`${msg.messageType}.${key}: "${v}" is not a known name for this field`);
      return n;
    };
    const value: unknown = out[key];
    out[key] = Array.isArray(value) ? value.map(toValue) : toValue(value);
  }
  return out;
}
