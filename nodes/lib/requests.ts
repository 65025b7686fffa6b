/**
 * The cti-request node's requests: which CTI message each one sends and how it is filled from the call
 * address, the editor's typed inputs and msg.payload. Fixed fields the user does not choose get the guide's
 * "unspecified" values.
 */
import {
  AgentState,
  AgentWorkMode,
  ConnectionDeviceIdType,
  ConsultType,
  NULL_CALL_ID,
  NULL_SKILL_GROUP,
  type CtiMessage,
} from '../../lib/protocol';
import { agentStateQuery } from './agent-state-query';
import { findHeldAddress, requireCallAddress, type CallAddress } from './call-address';
import { isEmpty, toCallDataFields, type RawCallData } from './call-data-input';
import { InputError } from './errors';
import { agentFields, showValue, toText, toUint } from './field-values';
import {
  SUPERVISOR_PARAM_KEYS,
  SUPERVISOR_REQUEST_TYPES,
  buildSupervisorRequest,
  isSupervisorRequest,
} from './supervisor-requests';

export const REQUEST_TYPES = {
  answer: 'ANSWER_CALL_REQ',
  'clear-connection': 'CLEAR_CONNECTION_REQ',
  'clear-call': 'CLEAR_CALL_REQ',
  hold: 'HOLD_CALL_REQ',
  retrieve: 'RETRIEVE_CALL_REQ',
  'make-call': 'MAKE_CALL_REQ',
  consultation: 'CONSULTATION_CALL_REQ',
  transfer: 'TRANSFER_CALL_REQ',
  conference: 'CONFERENCE_CALL_REQ',
  'set-agent-state': 'SET_AGENT_STATE_REQ',
  'query-agent-state': 'QUERY_AGENT_STATE_REQ',
  'snapshot-call': 'SNAPSHOT_CALL_REQ',
  'release-call': 'RELEASE_CALL_REQ',
  'alternate-call': 'ALTERNATE_CALL_REQ',
  'reconnect-call': 'RECONNECT_CALL_REQ',
  'deflect-call': 'DEFLECT_CALL_REQ',
  'send-dtmf': 'SEND_DTMF_SIGNAL_REQ',
  'make-predictive-call': 'MAKE_PREDICTIVE_CALL_REQ',
  'snapshot-device': 'SNAPSHOT_DEVICE_REQ',
  'query-device-info': 'QUERY_DEVICE_INFO_REQ',
  ...SUPERVISOR_REQUEST_TYPES,
  'query-skill-group-statistics': 'QUERY_SKILL_GROUP_STATISTICS_REQ',
  'query-agent-statistics': 'QUERY_AGENT_STATISTICS_REQ',
} as const;

export type RequestName = keyof typeof REQUEST_TYPES;
export const REQUEST_NAMES = Object.keys(REQUEST_TYPES) as RequestName[];

/** "hold", "HOLD", "HOLD_CALL_REQ", "release" → a request name; throws InputError otherwise. */
export function resolveRequestName(configured: string | undefined, topic: unknown): RequestName {
  const raw = configured !== undefined && configured !== '' && configured !== 'topic' ? configured : topic;
  if (raw === undefined || raw === null || raw === '') {
    throw new InputError('no request chosen: choose one in the node or send msg.topic (answer, hold, retrieve, …)');
  }
  // Only text or a number can name a request (String() of an object without a prototype throws).
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    throw new InputError(`msg.topic must name a request (text such as "hold"), not ${showValue(raw)}`);
  }
  const s = String(raw).trim();
  const lower = s.toLowerCase().replace(/_/g, '-');
  if ((REQUEST_NAMES as string[]).includes(lower)) return lower as RequestName;
  const byType = REQUEST_NAMES.find((n) => REQUEST_TYPES[n] === s.toUpperCase());
  if (byType) return byType;
  const aliases: Record<string, RequestName> = {
    release: 'clear-connection',
    hangup: 'clear-connection',
    dial: 'make-call',
    consult: 'consultation',
    alternate: 'alternate-call',
    reconnect: 'reconnect-call',
    deflect: 'deflect-call',
    dtmf: 'send-dtmf',
    'send-dtmf-signal': 'send-dtmf',
    'skill-group-statistics': 'query-skill-group-statistics',
    'agent-statistics': 'query-agent-statistics',
  };
  // Own keys only: "constructor" must not find Object.prototype.constructor.
  if (Object.prototype.hasOwnProperty.call(aliases, lower)) return aliases[lower];
  throw new InputError(
    `unknown request "${s.length > 40 ? `${s.slice(0, 40)}…` : s}"; use one of: ${REQUEST_NAMES.join(', ')}`,
  );
}

/** Parameters after editor/payload merging (editor wins). */
export interface RequestParams {
  dialedNumber?: unknown;
  agentInstrument?: unknown;
  agentId?: unknown;
  agentExtension?: unknown;
  agentState?: unknown;
  agentWorkMode?: unknown;
  agentPassword?: unknown;
  reasonCode?: unknown;
  consultType?: unknown;
  mrdid?: unknown;
  skillGroupNumber?: unknown;
  skillGroupId?: unknown;
  dtmfString?: unknown;
  toneDuration?: unknown;
  pauseDuration?: unknown;
  calledDeviceId?: unknown;
  supervisoryAction?: unknown;
  supervisorInstrument?: unknown;
  supervisorId?: unknown;
  teamId?: unknown;
  monitorId?: unknown;
  callData: RawCallData;
}

export const REQUEST_PARAM_KEYS = [
  'dialedNumber',
  'agentInstrument',
  'agentId',
  'agentExtension',
  'agentState',
  'agentWorkMode',
  'agentPassword',
  'reasonCode',
  'consultType',
  'mrdid',
  'skillGroupNumber',
  'skillGroupId',
  'dtmfString',
  'toneDuration',
  'pauseDuration',
  'calledDeviceId',
  ...SUPERVISOR_PARAM_KEYS,
] as const;

function enumValue(
  e: { valueOf(n: string): number | undefined; byName: Record<string, number> },
  v: unknown,
  label: string,
  prefix: string,
  dflt?: number,
): number {
  if (v === undefined || v === null || v === '') {
    if (dflt === undefined) throw new InputError(`${label} is required`);
    return dflt;
  }
  if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))) return toUint(v, label, 0xffff) as number;
  if (typeof v !== 'string') throw new InputError(`${label} must be a name or a number, not ${showValue(v)}`);
  const s = v.trim().toUpperCase();
  const n = e.valueOf(s) ?? e.valueOf(prefix + s) ?? e.valueOf(prefix + s.replace(/-/g, '_'));
  if (n === undefined)
    throw new InputError(`${label} ${showValue(v)} is not one of ${Object.keys(e.byName).join(', ')}`);
  return n;
}

function requiredText(v: unknown, label: string, limit: number): string {
  const s = toText(v, label, limit);
  if (s === undefined || s === '') throw new InputError(`${label} is required for this request`);
  return s;
}

const DIAL_DEFAULTS = {
  callPlacementType: 0,
  callMannerType: 0,
  alertRings: 0,
  callOption: 0,
  facilityType: 0,
  answeringMachine: 0,
  priority: 0,
  postRoute: 0,
};

function connection(a: CallAddress): Record<string, unknown> {
  return {
    connectionCallId: a.connectionCallId,
    connectionDeviceIdType: a.connectionDeviceIdType,
    connectionDeviceId: a.connectionDeviceId,
  };
}

function withInstrument(m: CtiMessage, p: RequestParams): CtiMessage {
  const inst = toText(p.agentInstrument, 'agentInstrument', 63);
  if (inst !== undefined && inst !== '') m.agentInstrument = inst;
  return m;
}

/** The call the request also names (held, or for alternate-call the other call); `what` says why it is needed. */
function requireHeldAddress(msg: Record<string, unknown>, name: string, what: string): CallAddress {
  const held = findHeldAddress(msg);
  if (held === undefined) {
    throw new InputError(
      `${name} needs ${what}: msg.heldCall (the msg.call of that call) or msg.payload.heldConnectionCallId / ` +
        'heldConnectionDeviceId / heldConnectionDeviceIdType',
    );
  }
  return held;
}

function prefixed(prefix: string, a: CallAddress): Record<string, unknown> {
  return {
    [`${prefix}CallId`]: a.connectionCallId,
    [`${prefix}DeviceIdType`]: a.connectionDeviceIdType,
    [`${prefix}DeviceId`]: a.connectionDeviceId,
  };
}

function callData(p: RequestParams, messageType: string, version: number): Record<string, unknown> {
  return isEmpty(p.callData) ? {} : toCallDataFields(p.callData, messageType, version);
}

/**
 * The request message (without invokeId). `msg` supplies the call address; `peripheralId` is already resolved.
 */
export function buildRequest(
  name: RequestName,
  msg: Record<string, unknown>,
  p: RequestParams,
  peripheralId: number | undefined,
  version: number,
): CtiMessage {
  const messageType = REQUEST_TYPES[name];
  if (peripheralId === undefined) {
    throw new InputError(
      'no peripheral ID: set it on the CTI server node, or send a message from a CTI event node (msg.call)',
    );
  }
  if (isSupervisorRequest(name)) return buildSupervisorRequest(name, msg, p, peripheralId);
  const base: CtiMessage = { messageType, peripheralId };
  switch (name) {
    case 'answer':
    case 'clear-call':
    case 'clear-connection':
      return withInstrument({ ...base, ...connection(requireCallAddress(msg)) }, p);
    case 'hold':
      return withInstrument({ ...base, ...connection(requireCallAddress(msg)), reservation: 0 }, p);
    case 'snapshot-call':
    case 'release-call':
      return { ...base, ...connection(requireCallAddress(msg)) };
    case 'retrieve': {
      const a = requireCallAddress(msg);
      return withInstrument(
        {
          ...base,
          heldConnectionCallId: a.connectionCallId,
          heldConnectionDeviceIdType: a.connectionDeviceIdType,
          heldConnectionDeviceId: a.connectionDeviceId,
        },
        p,
      );
    }
    case 'make-call':
      return {
        ...base,
        ...DIAL_DEFAULTS,
        skillGroupNumber: toUint(p.skillGroupNumber, 'skillGroupNumber') ?? NULL_SKILL_GROUP,
        agentInstrument: requiredText(p.agentInstrument, 'agentInstrument', 63),
        dialedNumber: requiredText(p.dialedNumber, 'dialedNumber', 39),
        ...callData(p, messageType, version),
      };
    case 'consultation': {
      const a = requireCallAddress(msg);
      const m: CtiMessage = {
        ...base,
        ...DIAL_DEFAULTS,
        activeConnectionCallId: a.connectionCallId,
        activeConnectionDeviceIdType: a.connectionDeviceIdType,
        activeConnectionDeviceId: a.connectionDeviceId,
        // Unsure: the guide gives no default consult type; chose CT_UNSPECIFIED unless the flow says transfer/conference.
        consultType: enumValue(ConsultType, p.consultType, 'consultType', 'CT_', ConsultType.byName.CT_UNSPECIFIED),
        dialedNumber: requiredText(p.dialedNumber, 'dialedNumber', 39),
        ...callData(p, messageType, version),
      };
      return withInstrument(m, p);
    }
    case 'transfer':
    case 'conference': {
      const active = requireCallAddress(msg);
      const held = findHeldAddress(msg);
      const m: CtiMessage = {
        ...base,
        ...DIAL_DEFAULTS,
        activeConnectionCallId: active.connectionCallId,
        activeConnectionDeviceIdType: active.connectionDeviceIdType,
        activeConnectionDeviceId: active.connectionDeviceId,
        ...callData(p, messageType, version),
      };
      if (held) {
        m.heldConnectionCallId = held.connectionCallId;
        m.heldConnectionDeviceIdType = held.connectionDeviceIdType;
        m.heldConnectionDeviceId = held.connectionDeviceId;
      } else {
        // Single-step transfer / conference of the active call to a number.
        const dialed = toText(p.dialedNumber, 'dialedNumber', 39);
        if (dialed === undefined || dialed === '') {
          throw new InputError(
            `${name} needs the held call (msg.payload.heldConnectionCallId / heldConnectionDeviceId, or msg.heldCall) ` +
              'or a dialed number for a single-step transfer',
          );
        }
        m.heldConnectionCallId = NULL_CALL_ID;
        m.heldConnectionDeviceIdType = ConnectionDeviceIdType.byName.CONNECTION_ID_NONE;
        m.dialedNumber = dialed;
      }
      if (held && p.dialedNumber !== undefined && p.dialedNumber !== '')
        m.dialedNumber = toText(p.dialedNumber, 'dialedNumber', 39);
      return withInstrument(m, p);
    }
    case 'set-agent-state': {
      const m: CtiMessage = {
        ...base,
        agentState: enumValue(AgentState, p.agentState, 'agentState', 'AGENT_STATE_'),
        agentWorkMode: enumValue(
          AgentWorkMode,
          p.agentWorkMode,
          'agentWorkMode',
          'AWM_',
          AgentWorkMode.byName.AWM_UNSPECIFIED,
        ),
        eventReasonCode: toUint(p.reasonCode, 'reasonCode', 0xffff) ?? 0,
        forcedFlag: 0,
        agentServiceReq: 0,
        agentInstrument: requiredText(p.agentInstrument, 'agentInstrument', 63),
      };
      const agentId = toText(p.agentId, 'agentId', 11);
      if (agentId) m.agentId = agentId;
      const pw = toText(p.agentPassword, 'agentPassword', 63);
      if (pw) m.agentPassword = pw;
      // A supervisor changing a team member's state names itself (SUPERVISOR_ID_TAG; CTI OS does the same).
      const supervisorId = toText(p.supervisorId, 'supervisorId', 11);
      if (supervisorId) m.supervisorId = supervisorId;
      return m;
    }
    case 'alternate-call':
      return withInstrument(
        {
          ...base,
          ...prefixed('activeConnection', requireCallAddress(msg)),
          ...prefixed('otherConnection', requireHeldAddress(msg, name, 'the other call (held or ringing)')),
        },
        p,
      );
    case 'reconnect-call':
      return withInstrument(
        {
          ...base,
          ...prefixed('activeConnection', requireCallAddress(msg)),
          ...prefixed('heldConnection', requireHeldAddress(msg, name, 'the held call to go back to')),
        },
        p,
      );
    case 'deflect-call':
      return withInstrument(
        {
          ...base,
          ...connection(requireCallAddress(msg)),
          calledDeviceType: 0,
          // The editor's dialed-number field names the destination; msg.payload.calledDeviceId works too.
          calledDeviceId: requiredText(p.calledDeviceId ?? p.dialedNumber, 'dialedNumber (the destination)', 63),
        },
        p,
      );
    case 'send-dtmf':
      return withInstrument(
        {
          ...base,
          ...connection(requireCallAddress(msg)),
          toneDuration: toUint(p.toneDuration, 'toneDuration', 0xffff) ?? 0,
          pauseDuration: toUint(p.pauseDuration, 'pauseDuration') ?? 0,
          // Which characters the peripheral plays is its business (0-9 * #, maybe A-D): only the length is checked.
          dtmfString: requiredText(p.dtmfString, 'dtmfString (the digits)', 31),
        },
        p,
      );
    case 'make-predictive-call': {
      // MAKE_PREDICTIVE_CALL_REQ has no PostRoute field.
      const { postRoute: _unused, ...dial } = DIAL_DEFAULTS;
      return {
        ...base,
        ...dial,
        allocationState: 0,
        destinationCountry: 0,
        answerDetectMode: 0,
        answerDetectTime: 0,
        answerDetectControl1: 0,
        answerDetectControl2: 0,
        originatingDeviceId: requiredText(p.agentInstrument, 'agentInstrument (the originating device)', 63),
        dialedNumber: requiredText(p.dialedNumber, 'dialedNumber', 39),
        ...callData(p, messageType, version),
      };
    }
    case 'snapshot-device':
      return {
        ...base,
        snapshotDeviceType: 0,
        agentInstrument: requiredText(p.agentInstrument, 'agentInstrument', 63),
      };
    case 'query-device-info':
      return { ...base, agentInstrument: requiredText(p.agentInstrument, 'agentInstrument', 63) };
    case 'query-skill-group-statistics': {
      // By SkillGroupNumber or SkillGroupID; the other is NULL_SKILL_GROUP (the server fills in both).
      const skillGroupNumber = toUint(p.skillGroupNumber, 'skillGroupNumber');
      const skillGroupId = toUint(p.skillGroupId, 'skillGroupId');
      if (skillGroupNumber === undefined && skillGroupId === undefined)
        throw new InputError('query-skill-group-statistics needs msg.payload.skillGroupNumber or skillGroupId');
      return {
        ...base,
        skillGroupNumber: skillGroupNumber ?? NULL_SKILL_GROUP,
        skillGroupId: skillGroupId ?? NULL_SKILL_GROUP,
      };
    }
    case 'query-agent-statistics':
      // An agent desktop (Client Events) session may name no agent: the server answers for its own.
      return { ...base, ...agentFields(p) };
    case 'query-agent-state': {
      const agent = agentFields(p);
      if (Object.keys(agent).length === 0)
        throw new InputError('query-agent-state needs an agent extension, agent ID or agent instrument');
      // The flow may name another media routing domain with msg.payload.mrdid (the default: agent-state-query.ts).
      return agentStateQuery(peripheralId, agent, toUint(p.mrdid, 'mrdid', 0x7fffffff));
    }
  }
}
