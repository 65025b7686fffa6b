/**
 * The cti-request node's Supervisor-service requests (cti-protocol-supervisor-config.md §20): supervise-call,
 * supervisor-assist, emergency-call, list-agent-team, monitor-agent-team-start / -stop. requests.ts registers
 * them with one spread and hands their building here.
 */
import { NULL_CALL_ID, SupervisoryAction, type CtiMessage } from '../../lib/protocol';
import { findCallAddress } from './call-address';
import { InputError } from './errors';
import { agentFields, showValue, toText, toUint } from './field-values';

export const SUPERVISOR_REQUEST_TYPES = {
  'supervise-call': 'SUPERVISE_CALL_REQ',
  'supervisor-assist': 'SUPERVISOR_ASSIST_REQ',
  'emergency-call': 'EMERGENCY_CALL_REQ',
  'list-agent-team': 'LIST_AGENT_TEAM_REQ',
  'monitor-agent-team-start': 'MONITOR_AGENT_TEAM_START_REQ',
  'monitor-agent-team-stop': 'MONITOR_AGENT_TEAM_STOP_REQ',
} as const;

export type SupervisorRequestName = keyof typeof SUPERVISOR_REQUEST_TYPES;

export function isSupervisorRequest(name: string): name is SupervisorRequestName {
  return Object.prototype.hasOwnProperty.call(SUPERVISOR_REQUEST_TYPES, name);
}

/** Requests that need CTI_SERVICE_SUPERVISOR on the server (help and emergency come from an agent's session). */
export function needsSupervisorService(name: string): boolean {
  return name === 'supervise-call' || name === 'list-agent-team' || name.startsWith('monitor-agent-team-');
}

/** The parameters these requests read (besides the agent fields every request has). */
export const SUPERVISOR_PARAM_KEYS = [
  'supervisoryAction',
  'supervisorInstrument',
  'supervisorId',
  'teamId',
  'monitorId',
] as const;

type Params = Partial<
  Record<(typeof SUPERVISOR_PARAM_KEYS)[number] | 'agentId' | 'agentExtension' | 'agentInstrument', unknown>
>;

/** "monitor", "barge-in", "intercept", "clear" (or the guide's SUPERVISOR_… names, or 0–4). */
const ACTIONS: Record<string, number> = {
  clear: SupervisoryAction.byName.SUPERVISOR_CLEAR,
  monitor: SupervisoryAction.byName.SUPERVISOR_MONITOR,
  'silent-monitor': SupervisoryAction.byName.SUPERVISOR_MONITOR,
  whisper: SupervisoryAction.byName.SUPERVISOR_WHISPER,
  'barge-in': SupervisoryAction.byName.SUPERVISOR_BARGE_IN,
  intercept: SupervisoryAction.byName.SUPERVISOR_INTERCEPT,
};

export function supervisoryAction(v: unknown): number {
  if (v === undefined || v === null || v === '')
    throw new InputError('supervise-call needs supervisoryAction: monitor, barge-in, intercept or clear');
  if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)))
    return toUint(v, 'supervisoryAction', 0xffff)!;
  if (typeof v === 'string') {
    const s = v.trim();
    const key = s
      .toLowerCase()
      .replace(/_/g, '-')
      .replace(/^supervisor-/, '')
      .replace(/^bargein$/, 'barge-in');
    if (Object.prototype.hasOwnProperty.call(ACTIONS, key)) return ACTIONS[key];
    const byName = SupervisoryAction.valueOf(s.toUpperCase());
    if (byName !== undefined) return byName;
  }
  throw new InputError(`supervisoryAction ${showValue(v)} is not one of monitor, barge-in, intercept, clear`);
}

function required(v: unknown, label: string, name: string): number {
  const n = toUint(v, label);
  if (n === undefined) throw new InputError(`${name} needs ${label}`);
  return n;
}

/**
 * The request message (without invokeId). supervise-call: the agent's call from msg.call / msg.payload's
 * connection fields, else "the agent's current call" (AgentConnectionCallID 0xFFFFFFFF) of the agent named by
 * agentId / agentExtension / agentInstrument; "clear" may name nothing (the supervisor's current supervision).
 * supervisor-assist / emergency-call: the call the agent asks about (msg.call), or none.
 */
export function buildSupervisorRequest(
  name: SupervisorRequestName,
  msg: Record<string, unknown>,
  p: Params,
  peripheralId: number,
): CtiMessage {
  const messageType = SUPERVISOR_REQUEST_TYPES[name];
  switch (name) {
    case 'supervise-call': {
      const action = supervisoryAction(p.supervisoryAction);
      const call = findCallAddress(msg);
      const agent = agentFields(p);
      if (call === undefined && Object.keys(agent).length === 0 && action !== SupervisoryAction.byName.SUPERVISOR_CLEAR)
        throw new InputError('supervise-call needs the agent: msg.call, or agentId / agentExtension / agentInstrument');
      const m: CtiMessage = {
        messageType,
        peripheralId,
        agentConnectionCallId: call?.connectionCallId ?? NULL_CALL_ID,
        supervisorConnectionCallId: NULL_CALL_ID,
        agentConnectionDeviceIdType: call?.connectionDeviceIdType ?? 0,
        supervisorConnectionDeviceIdType: 0,
        supervisoryAction: action,
        ...agent,
      };
      if (call !== undefined) m.agentConnectionDeviceId = call.connectionDeviceId;
      const sup = toText(p.supervisorInstrument, 'supervisorInstrument', 63);
      if (sup) m.supervisorInstrument = sup;
      return m;
    }
    case 'supervisor-assist':
    case 'emergency-call': {
      const call = findCallAddress(msg);
      return {
        messageType,
        peripheralId,
        connectionCallId: call?.connectionCallId ?? NULL_CALL_ID,
        connectionDeviceIdType: call?.connectionDeviceIdType ?? 0,
        connectionDeviceId: call?.connectionDeviceId ?? '',
        ...agentFields(p),
      };
    }
    case 'list-agent-team':
      // SupervisorID is the supervisor's skill target ID; 0 (the default) asks for the session's own agent.
      return { messageType, supervisorId: toUint(p.supervisorId, 'supervisorId') ?? 0 };
    case 'monitor-agent-team-start':
      return { messageType, teamId: required(p.teamId, 'teamId', name) };
    case 'monitor-agent-team-stop':
      return { messageType, monitorId: required(p.monitorId, 'monitorId', name) };
  }
}
