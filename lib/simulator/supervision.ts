import {
  AgentState,
  CallType,
  ControlFailureCode,
  type CtiMessage,
  EventCause,
  LineType,
  LocalConnectionState,
  ServiceMask,
  StatusCode,
  SupervisoryAction,
} from '../protocol';
import { CONTROL_HANDLERS, requireControl } from './control-requests';
import * as ev from './events';
import { type SimAgent, SimCall, type SimModel } from './model';
import {
  checkPeripheral,
  conf,
  control,
  failure,
  type RequestContext,
  type RequestHandler,
  type RequestSession,
} from './request-context';
import {
  hasSupervisorService,
  isSupervisorSessionOf,
  supervises,
  type TeamSessionView,
  teamConfigEvent,
  teamConfigEventsFor,
  teamOf,
  teamsSupervisedBy,
} from './teams';
import type { SimEvent } from './types';

/**
 * Supervisor service of the simulator (cti-protocol-supervisor-config.md §20, cti-protocol-statistics-teams.md
 * §13): team list and team monitors, SUPERVISE_CALL (silent monitor, barge-in, intercept, clear), help and
 * emergency requests, and a supervisor changing a team member's agent state. The guide gives no event sequences
 * for supervision; the ones here follow the reference's model (§20.6), each choice marked Unsure where it is one.
 */

const S = StatusCode.byName;
const CF = ControlFailureCode.byName;
const CEC = EventCause.byName;
const LCS = LocalConnectionState.byName;
const AS = AgentState.byName;
const SA = SupervisoryAction.byName;
const NONE = 0xffffffff;
/** UCCE's predefined reason code for a state change a supervisor forced (Database Schema Handbook). */
export const SUPERVISOR_FORCED_REASON = 999;

/** One supervisor's supervision of an agent call. */
interface Supervision {
  supervisor: SimAgent;
  agent: SimAgent;
  /** The supervised (customer) call. */
  call: SimCall;
  /** monitor: listening on the monitor call; barge: a party of the call; intercepted: the agent has left it. */
  mode: 'monitor' | 'barge' | 'intercepted';
  /** The silent-monitor call (CallType SUPERVISOR_MONITOR), while monitoring. */
  monitorCall?: SimCall;
}

/** The supervisor state of one model (both sides of a pair share it, as they share the model). */
interface SupervisionStore {
  /** The model's 'dissociate' listener is registered (once the simulator's flows are known). */
  watching: boolean;
  /** Open sessions with SUPERVISOR granted, by the supervisor's AgentID. */
  readonly supervisorSessions: Map<string, Set<object>>;
  /** Active supervisions, by the supervisor's AgentID. */
  readonly bySupervisor: Map<string, Supervision>;
}

const stores = new WeakMap<SimModel, SupervisionStore>();
/** Team monitors of a session (MONITOR_AGENT_TEAM_START): MonitorID → TeamID. */
const teamMonitors = new WeakMap<object, Map<number, number>>();
/** MonitorIDs of team monitors: far above session MonitorIDs (the session ids), unique in the process. */
let nextTeamMonitorId = 0x10000;

/** The flows a handler can reach: the simulator's CallFlows. */
type Flows = RequestContext['host']['flows'];

function storeOf(model: SimModel, flows?: Flows): SupervisionStore {
  let s = stores.get(model);
  if (s === undefined) {
    s = { watching: false, supervisorSessions: new Map(), bySupervisor: new Map() };
    stores.set(model, s);
  }
  if (flows !== undefined && !s.watching) {
    // A supervised call that ends, or that the agent leaves, ends or changes the supervision (Finesse: a silent
    // monitor ends when the agent drops or transfers the call). Registered once per model.
    s.watching = true;
    const store = s;
    model.on('dissociate', (call, agentId) => callLeft(model, flows, store, call, agentId));
  }
  return s;
}

// ---- hooks of the simulator ----------------------------------------------------------------------------

/** After OPEN_CONF: a supervisor session is registered and receives its teams (AGENT_TEAM_CONFIG_EVENT). */
export function supervisorSessionOpened(
  s: TeamSessionView & { sendEvent(msg: CtiMessage): void },
  model: SimModel,
): void {
  if (!hasSupervisorService(s) || s.agent === undefined) return;
  const sessions = storeOf(model).supervisorSessions;
  let set = sessions.get(s.agent.agentId);
  if (set === undefined) sessions.set(s.agent.agentId, (set = new Set()));
  set.add(s);
  for (const msg of teamConfigEventsFor(model, s)) s.sendEvent(msg);
}

export function supervisorSessionClosed(s: TeamSessionView, model: SimModel): void {
  teamMonitors.delete(s);
  if (s.agent === undefined) return;
  stores.get(model)?.supervisorSessions.get(s.agent.agentId)?.delete(s);
}

/** A team changed at run time: its supervisor sessions receive the team again. */
export function teamChanged(
  sessions: readonly (TeamSessionView & { sendEvent(msg: CtiMessage): void })[],
  model: SimModel,
  teamId: number,
): void {
  const team = model.teams.get(teamId);
  if (team === undefined) return;
  const msg = teamConfigEvent(model, team);
  for (const s of sessions) if (isSupervisorSessionOf(s, team)) s.sendEvent(msg);
}

/**
 * The MonitorID of a team monitor of `s` that covers the agent of an AGENT_STATE_EVENT, if any.
 * Unsure: the guide does not say which MonitorID these events carry; chose the team monitor's (as other monitors
 * put theirs in their events). No initial burst of states is sent: AGENT_TEAM_CONFIG_EVENT carries them.
 */
export function teamMonitorIdFor(s: object, model: SimModel, e: SimEvent): number | undefined {
  if (e.msg.messageType !== 'AGENT_STATE_EVENT') return undefined;
  const monitors = teamMonitors.get(s);
  if (monitors === undefined) return undefined;
  for (const [monitorId, teamId] of monitors) {
    const team = model.teams.get(teamId);
    if (team !== undefined && e.agents.some((a) => team.members.includes(a))) return monitorId;
  }
  return undefined;
}

// ---- request handlers --------------------------------------------------------------------------------

/** Every supervisor-service request needs CTI_SERVICE_SUPERVISOR (§20.7: else E_CTI_FUNCTION_NOT_AVAILABLE). */
function requireSupervisor(c: RequestContext): void {
  if (!hasSupervisorService(c.session)) throw failure(S.E_CTI_FUNCTION_NOT_AVAILABLE, 'Supervisor service not granted');
}

export const SUPERVISION_HANDLERS = {
  LIST_AGENT_TEAM_REQ: listAgentTeam,
  MONITOR_AGENT_TEAM_START_REQ: monitorTeamStart,
  MONITOR_AGENT_TEAM_STOP_REQ: monitorTeamStop,
  SUPERVISE_CALL_REQ: superviseCall,
  SUPERVISOR_ASSIST_REQ: (c) => assistOrEmergency(c, 'assist'),
  EMERGENCY_CALL_REQ: (c) => assistOrEmergency(c, 'emergency'),
  // A Client Events supervisor may change a team member's state (§20.5); every other case is Client Control's.
  SET_AGENT_STATE_REQ: (c) => {
    if (!supervisorSetsAgentState(c)) CONTROL_HANDLERS.SET_AGENT_STATE_REQ(c);
  },
  // No layout is published for AGENT_TEAM_CONFIG_REQ (§13.6): refused as a function this server does not offer.
} satisfies Record<`${string}_REQ`, RequestHandler>;

/**
 * LIST_AGENT_TEAM_REQ: the teams the supervisor supervises, up to 64 TeamIDs per CONF (SegmentNumber from 1,
 * More = 1 on all but the last). SupervisorID is the supervisor's skill target ID (ICMAgentID).
 * Unsure: SupervisorID 0 is read as "this session's own agent" (a desktop seldom knows its skill target ID);
 * an unknown one gets E_CTI_SUPERVISOR_NOT_FOUND.
 */
function listAgentTeam(c: RequestContext): void {
  requireSupervisor(c);
  const model = c.host.model;
  const id = c.msg.supervisorId as number;
  const sup = id === 0 ? c.session.agent : [...model.agents.values()].find((a) => a.skillTargetId === id && id !== 0);
  if (sup === undefined) throw failure(S.E_CTI_SUPERVISOR_NOT_FOUND, `no supervisor with skill target ID ${id}`);
  if (!c.session.isAllEvents && sup !== c.session.agent)
    throw failure(S.E_CTI_SUPERVISOR_NOT_FOUND, `skill target ID ${id} is not this session's agent`);
  const ids = teamsSupervisedBy(model, sup.agentId).map((t) => t.teamId);
  let segment = 1;
  for (let i = 0; i === 0 || i < ids.length; i += 64) {
    const part = ids.slice(i, i + 64);
    c.session.send({
      messageType: 'LIST_AGENT_TEAM_CONF',
      invokeId: c.invokeId,
      segmentNumber: segment++,
      more: i + 64 < ids.length ? 1 : 0,
      teamId: part,
    });
  }
}

/**
 * MONITOR_AGENT_TEAM_START_REQ: a new team monitor; the members' AGENT_STATE_EVENTs then reach this session
 * (with the monitor's MonitorID) until STOP. Refusals (Unsure, the guide names none): unknown team, or one this
 * supervisor does not supervise → E_CTI_TEAM_NOT_FOUND; the same team twice → E_CTI_AGENT_TEAM_MONITOR_ALREADY_EXISTS.
 */
function monitorTeamStart(c: RequestContext): void {
  requireSupervisor(c);
  const teamId = c.msg.teamId as number;
  const team = c.host.model.teams.get(teamId);
  if (team === undefined || (!c.session.isAllEvents && !isSupervisorSessionOf(c.session, team)))
    throw failure(S.E_CTI_TEAM_NOT_FOUND, `team ${teamId} is not one this session supervises`);
  let monitors = teamMonitors.get(c.session);
  if (monitors === undefined) teamMonitors.set(c.session, (monitors = new Map()));
  if ([...monitors.values()].includes(teamId))
    throw failure(S.E_CTI_AGENT_TEAM_MONITOR_ALREADY_EXISTS, `team ${teamId} is already monitored`);
  const monitorId = nextTeamMonitorId++;
  monitors.set(monitorId, teamId);
  c.session.send({ messageType: 'MONITOR_AGENT_TEAM_START_CONF', invokeId: c.invokeId, monitorId });
}

/** MONITOR_AGENT_TEAM_STOP_REQ; an unknown MonitorID → E_CTI_INVALID_MONITORID (Unsure). */
function monitorTeamStop(c: RequestContext): void {
  requireSupervisor(c);
  const monitorId = c.msg.monitorId as number;
  if (teamMonitors.get(c.session)?.delete(monitorId) !== true)
    throw failure(S.E_CTI_INVALID_MONITORID, `no team monitor ${monitorId} on this session`);
  conf(c, 'MONITOR_AGENT_TEAM_STOP_CONF');
}

/** The agent a request names by AgentExtension / AgentID / AgentInstrument, if it names one. */
function namedAgent(c: RequestContext): SimAgent | undefined {
  const m = c.msg;
  const model = c.host.model;
  return (
    (m.agentId ? model.findAgent({ agentId: m.agentId }) : undefined) ??
    (m.agentExtension ? model.findAgent({ extension: m.agentExtension }) : undefined) ??
    (m.agentInstrument
      ? (model.findAgent({ instrument: m.agentInstrument }) ?? model.findAgent({ extension: m.agentInstrument }))
      : undefined)
  );
}

/** The supervisor of a SUPERVISE_CALL_REQ: the session's agent, or (bridge) the SupervisorInstrument's. */
function supervisorOf(c: RequestContext): SimAgent {
  if (!c.session.isAllEvents && c.session.agent !== undefined) return c.session.agent;
  const instrument = c.msg.supervisorInstrument as string | undefined;
  if (!instrument) throw failure(S.E_CTI_REQUIRED_DATA_MISSING, 'SupervisorInstrument is required from a bridge');
  const model = c.host.model;
  const sup = model.findAgent({ instrument }) ?? model.findAgent({ extension: instrument });
  if (sup === undefined) throw failure(S.E_CTI_SUPERVISOR_NOT_FOUND, `no supervisor at "${instrument}"`);
  return sup;
}

/**
 * The agent call a SUPERVISE_CALL_REQ names: (AgentConnectionCallID, …DeviceIDType, …DeviceID), or with
 * AgentConnectionCallID 0xFFFFFFFF the named agent's connected call. CLEAR / BARGE_IN / INTERCEPT that name
 * nothing act on the supervisor's current supervision.
 */
function agentCallOf(c: RequestContext, current: Supervision | undefined): { call: SimCall; agent: SimAgent } {
  const m = c.msg;
  const model = c.host.model;
  const named = namedAgent(c);
  if (m.agentConnectionCallId !== NONE) {
    const call = model.findCall(
      m.agentConnectionCallId,
      m.agentConnectionDeviceIdType,
      m.agentConnectionDeviceId ?? '',
    );
    if (call === undefined)
      throw control(
        CF.CF_INVALID_CSTA_CALL_IDENTIFIER,
        `no call ${m.agentConnectionCallId}/${m.agentConnectionDeviceId}`,
      );
    const agentId = named?.agentId ?? (current?.call === call ? current.agent.agentId : call.agentId);
    if (agentId === undefined) throw failure(S.E_CTI_REQUIRED_DATA_MISSING, 'the call has no agent; name one');
    return { call, agent: model.getAgent(agentId) };
  }
  if (named === undefined) {
    if (current !== undefined && m.supervisoryAction !== SA.SUPERVISOR_MONITOR)
      return { call: current.call, agent: current.agent };
    throw failure(S.E_CTI_REQUIRED_DATA_MISSING, 'name the agent (AgentExtension, AgentID or AgentInstrument)');
  }
  if (current !== undefined && current.agent === named) return { call: current.call, agent: named };
  const call = model.callsOf(named.agentId).find((x) => x.connections.get(named.agentId) === LCS.LCS_CONNECT);
  if (call === undefined) throw failure(S.E_CTI_NO_CALL_ACTIVE, `agent ${named.agentId} has no active call`);
  return { call, agent: named };
}

/**
 * SUPERVISE_CALL_REQ (§20.1): events first, then SUPERVISE_CALL_CONF naming the supervised agent call (the
 * reference's reading of "the agent device that is being supervised").
 */
function superviseCall(c: RequestContext): void {
  requireSupervisor(c);
  checkPeripheral(c);
  const action = c.msg.supervisoryAction as number;
  if (!(action >= SA.SUPERVISOR_CLEAR && action <= SA.SUPERVISOR_INTERCEPT))
    throw failure(S.E_CTI_INVALID_SUPERVISORY_ACTION, `SupervisoryAction ${action} is not 0-4`);
  // Unsure whether UCCE supports whisper at all (§20.1); refused like a switch that does not.
  if (action === SA.SUPERVISOR_WHISPER)
    throw control(CF.CF_GENERIC_UNSPECIFIED_REJECTION, 'whisper is not supported by this peripheral');
  const model = c.host.model;
  const flows = c.host.flows;
  const store = storeOf(model, flows);
  const sup = supervisorOf(c);
  const current = store.bySupervisor.get(sup.agentId);
  if (action === SA.SUPERVISOR_CLEAR && current === undefined)
    throw control(CF.CF_NO_ACTIVE_CALL, `supervisor ${sup.agentId} is supervising no call`);
  const { call, agent } = agentCallOf(c, current);
  if (!supervises(model, sup.agentId, agent.agentId))
    // Unsure: the guide names no code for an agent outside the supervisor's teams; chose a privilege violation.
    throw control(
      CF.CF_PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE,
      `agent ${agent.agentId} is not in ${sup.agentId}'s team`,
    );
  const s: SupervisionFlow = { model, flows, store, sup, agent, call };
  switch (action) {
    case SA.SUPERVISOR_MONITOR:
      monitor(s, current);
      break;
    case SA.SUPERVISOR_BARGE_IN:
      bargeIn(s, current);
      break;
    case SA.SUPERVISOR_INTERCEPT:
      intercept(s, current);
      break;
    default:
      clear(s, current!);
  }
  c.session.send({
    messageType: 'SUPERVISE_CALL_CONF',
    invokeId: c.invokeId,
    connectionCallId: call.connectionCallId,
    connectionDeviceIdType: call.connectionDeviceIdType,
    connectionDeviceId: call.connectionDeviceId,
  });
}

interface SupervisionFlow {
  model: SimModel;
  flows: Flows;
  store: SupervisionStore;
  sup: SimAgent;
  agent: SimAgent;
  call: SimCall;
}

function emit(model: SimModel, msg: CtiMessage, agents: string[], calls: SimCall[]): void {
  model.emitEvent({ msg, agents, calls });
}

/** The supervisor returns to its state from before the supervision once it has no call left. */
function rememberSupervisorState(s: SupervisionFlow): void {
  if (!s.flows.stateAfterCalls.has(s.sup.agentId))
    s.flows.stateAfterCalls.set(s.sup.agentId, { state: s.sup.state, reasonCode: s.sup.reasonCode });
}

/**
 * SUPERVISOR_MONITOR (§20.6, UCM-based silent monitor): a second call, the monitor call (CallType
 * SUPERVISOR_MONITOR, LineType SILENT_MONITOR), appears at the agent's and the supervisor's desktops: BEGIN_CALL
 * and CALL_ESTABLISHED (EventCause CEC_SUPERVISOR_MONITOR); the customer call is unchanged; the supervisor goes
 * TALKING. Preconditions (Finesse / CTI OS): the agent is talking on the call, the supervisor is Not Ready and
 * supervises nothing else, one monitoring supervisor per agent, a monitor call is not monitored.
 * The monitor call's only connection is the supervisor's: the agent's desktop is told about it, but the agent's
 * state and calls are the customer call's alone.
 */
function monitor(s: SupervisionFlow, current: Supervision | undefined): void {
  const { model, sup, agent, call } = s;
  if (current !== undefined)
    throw control(CF.CF_INVALID_OBJECT_STATE, `supervisor ${sup.agentId} is already supervising a call`);
  if (call.connections.get(agent.agentId) !== LCS.LCS_CONNECT)
    throw control(CF.CF_INVALID_OBJECT_STATE, `agent ${agent.agentId} is not talking on call ${call.key}`);
  if (call.callType === CallType.byName.CALLTYPE_SUPERVISOR_MONITOR)
    throw control(CF.CF_INVALID_OBJECT_STATE, 'a monitor call cannot be monitored');
  if (sup.state !== AS.AGENT_STATE_NOT_READY)
    throw control(CF.CF_INVALID_OBJECT_STATE, `supervisor ${sup.agentId} must be Not Ready to monitor`);
  for (const other of s.store.bySupervisor.values())
    if (other.agent === agent) throw control(CF.CF_RESOURCE_BUSY, `agent ${agent.agentId} is already monitored`);
  const m = new SimCall(model.nextConnectionCallId(), sup.extension, CallType.byName.CALLTYPE_SUPERVISOR_MONITOR);
  m.ani = sup.extension;
  m.dialedNumber = agent.extension;
  m.agentId = sup.agentId;
  m.connections.set(sup.agentId, LCS.LCS_CONNECT);
  m.state = 'connected';
  model.calls.add(m);
  rememberSupervisorState(s);
  emit(
    model,
    {
      ...ev.established(model, m, agent, { cause: CEC.CEC_SUPERVISOR_MONITOR }),
      lineType: LineType.byName.LINETYPE_SILENT_MONITOR,
      callingDeviceType: ev.DEVID_DEVICE,
      calledDeviceType: ev.DEVID_DEVICE,
      callingDeviceId: sup.extension,
      calledDeviceId: agent.extension,
    },
    [agent.agentId, sup.agentId],
    [m],
  );
  s.flows.setAgentState(sup, AS.AGENT_STATE_TALKING);
  s.store.bySupervisor.set(sup.agentId, { supervisor: sup, agent, call, mode: 'monitor', monitorCall: m });
}

/** The monitor call ends: CALL_CONNECTION_CLEARED (the supervisor's), CALL_CLEARED, END_CALL at both desktops. */
function endMonitorCall(model: SimModel, sv: Supervision, cause: number): void {
  const m = sv.monitorCall;
  if (m === undefined || !model.calls.has(m)) return;
  const agents = [sv.agent.agentId, sv.supervisor.agentId];
  emit(model, ev.connectionCleared(model, m, { deviceId: sv.supervisor.extension, external: false }, cause), agents, [
    m,
  ]);
  emit(model, ev.cleared(model, m, cause), agents, [m]);
  m.state = 'cleared';
  m.connections.clear();
  model.calls.delete(m);
  model.recordEnded(m);
  model.dissociate(m);
  sv.monitorCall = undefined;
}

/**
 * SUPERVISOR_BARGE_IN, only from an active silent monitor of this call (Finesse): the monitor call ends, then the
 * CTI OS model, "essentially a consultative conference from the agent's device": CALL_HELD of the customer call at
 * the agent, a leg from the agent to the supervisor (BEGIN_CALL CallType SUPERVISOR_BARGEIN + CALL_ESTABLISHED),
 * CALL_CONFERENCED_EVENT (controller the agent, added party the supervisor, EventCause CEC_SUPERVISOR_BARGE_IN),
 * END_CALL of the leg. The supervisor stays TALKING, now a party of the customer call.
 */
function bargeIn(s: SupervisionFlow, current: Supervision | undefined): void {
  const { model, flows, sup, agent, call } = s;
  if (current === undefined || current.mode !== 'monitor' || current.call !== call)
    throw control(CF.CF_INVALID_OBJECT_STATE, 'barge-in only while silently monitoring this call');
  if (call.connections.get(agent.agentId) !== LCS.LCS_CONNECT)
    throw control(CF.CF_INVALID_OBJECT_STATE, `agent ${agent.agentId} is not talking on call ${call.key}`);
  const cause = CEC.CEC_SUPERVISOR_BARGE_IN;
  endMonitorCall(model, current, cause);
  flows.hold(call, agent.agentId, false, cause);
  const leg = new SimCall(model.nextConnectionCallId(), agent.extension, CallType.byName.CALLTYPE_SUPERVISOR_BARGEIN);
  leg.consultOf = call;
  leg.ani = agent.extension;
  leg.dialedNumber = sup.extension;
  leg.callVariables = { ...call.callVariables };
  leg.namedVariables = call.namedVariables.map((v) => ({ ...v }));
  leg.namedArrays = call.namedArrays.map((v) => ({ ...v }));
  leg.agentId = agent.agentId;
  leg.connections.set(agent.agentId, LCS.LCS_CONNECT);
  leg.connections.set(sup.agentId, LCS.LCS_CONNECT);
  leg.state = 'connected';
  model.calls.add(leg);
  emit(model, ev.established(model, leg, sup, { cause }), [agent.agentId, sup.agentId], [leg]);
  const parties: ev.Party[] = [];
  const party = (deviceId: string): void => {
    parties.push({ callId: call.connectionCallId, deviceIdType: call.connectionDeviceIdType, deviceId });
  };
  if (call.ani !== '') party(call.ani);
  for (const p of call.parties) party(model.getAgent(p).extension);
  party(sup.extension);
  const agents = [...new Set([...call.parties, sup.agentId])];
  emit(model, { ...ev.joined('conference', model, call, leg, agent, sup, parties), eventCause: cause }, agents, [
    call,
    leg,
  ]);
  call.connections.set(agent.agentId, LCS.LCS_CONNECT);
  call.connections.set(sup.agentId, LCS.LCS_CONNECT);
  call.state = 'connected';
  leg.state = 'cleared';
  leg.connections.clear();
  model.calls.delete(leg);
  model.dissociate(leg);
  current.mode = 'barge';
}

/**
 * SUPERVISOR_INTERCEPT, only after a barge-in (CTI OS): the agent's connection is dropped
 * (CALL_CONNECTION_CLEARED, EventCause CEC_SUPERVISOR_INTERCEPT; END_CALL to the agent, who leaves TALKING); the
 * customer stays with the supervisor.
 */
function intercept(s: SupervisionFlow, current: Supervision | undefined): void {
  const { flows, agent, call } = s;
  if (current === undefined || current.mode !== 'barge' || current.call !== call)
    throw control(CF.CF_INVALID_OBJECT_STATE, 'intercept only after barging in on this call');
  flows.clearConnection(call, agent.agentId, CEC.CEC_SUPERVISOR_INTERCEPT);
  current.mode = 'intercepted';
}

/**
 * SUPERVISOR_CLEAR: the supervisor's device leaves: the monitor call ends, or (barge-in / intercept) the
 * supervisor's connection clears (the whole call when nobody else is left). The supervisor returns to its state
 * from before the supervision.
 */
function clear(s: SupervisionFlow, current: Supervision): void {
  const { model, flows, store, sup } = s;
  store.bySupervisor.delete(sup.agentId);
  const cause = CEC.CEC_SUPERVISOR_CLEAR;
  if (current.mode === 'monitor') {
    endMonitorCall(model, current, cause);
    flows.settleAgent(sup);
  } else if (model.calls.has(current.call) && current.call.connections.has(sup.agentId)) {
    flows.clearConnection(current.call, sup.agentId, cause);
  } else {
    flows.settleAgent(sup);
  }
}

/** The model's 'dissociate': a supervised call ended, or the agent left it. */
function callLeft(
  model: SimModel,
  flows: Flows,
  store: SupervisionStore,
  call: SimCall,
  agentId: string | undefined,
): void {
  for (const sv of [...store.bySupervisor.values()]) {
    if (sv.call !== call) continue;
    const ended = !model.calls.has(call);
    if (!ended && agentId !== sv.agent.agentId) continue;
    if (sv.mode === 'monitor') {
      // The agent dropped or transferred the call: the silent monitor ends with it.
      store.bySupervisor.delete(sv.supervisor.agentId);
      endMonitorCall(model, sv, CEC.CEC_NONE);
      flows.settleAgent(sv.supervisor);
    } else if (ended) {
      store.bySupervisor.delete(sv.supervisor.agentId);
    } else {
      sv.mode = 'intercepted';
    }
  }
}

// ---- help and emergency --------------------------------------------------------------------------------

/** Open supervisor sessions of `team`'s supervisors (primary first), by AgentID. */
function availableSupervisors(model: SimModel, team: { supervisors: string[] }): string[] {
  const sessions = storeOf(model).supervisorSessions;
  return team.supervisors.filter((id) => (sessions.get(id)?.size ?? 0) > 0);
}

/**
 * SUPERVISOR_ASSIST_REQ / EMERGENCY_CALL_REQ from an agent's session (§20.2, §20.3): the CONF to the agent and
 * SUPERVISOR_ASSIST_EVENT / EMERGENCY_CALL_EVENT to the supervisor sessions of the agent's team (the emergency
 * also to every All Events client, even when no supervisor is there). A supervisor counts as available when it
 * has an open supervisor session. Refusals: no team → E_CTI_TEAM_NOT_FOUND, no supervisor →
 * E_CTI_SUPERVISOR_NOT_FOUND (both Unsure).
 * Unsure: the real PIM also sets up an assist / emergency call to the supervisor (consultative or blind
 * conference by desk settings); the simulator makes no call, and the CONF names the call the agent asked about
 * (0xFFFFFFFF: none), which the reference allows for EMERGENCY_CALL_CONF.
 */
function assistOrEmergency(c: RequestContext, kind: 'assist' | 'emergency'): void {
  requireControl(c);
  const model = c.host.model;
  const agent = c.session.isAllEvents ? namedAgent(c) : c.session.agent;
  if (agent === undefined)
    throw failure(S.E_CTI_REQUIRED_DATA_MISSING, 'name the agent (AgentExtension, AgentID or AgentInstrument)');
  const callId = c.msg.connectionCallId as number;
  const call =
    callId === NONE ? undefined : model.findCall(callId, c.msg.connectionDeviceIdType, c.msg.connectionDeviceId ?? '');
  if (callId !== NONE && call === undefined)
    throw control(CF.CF_INVALID_CSTA_CALL_IDENTIFIER, `no call ${callId}/${c.msg.connectionDeviceId}`);
  const team = teamOf(model, agent.agentId);
  if (team === undefined) throw failure(S.E_CTI_TEAM_NOT_FOUND, `agent ${agent.agentId} is in no agent team`);
  const supervisors = availableSupervisors(model, team);
  const head = {
    peripheralId: model.peripheralId,
    connectionCallId: call?.connectionCallId ?? NONE,
    connectionDeviceIdType: call?.connectionDeviceIdType ?? 0,
    sessionId: c.session.id,
    connectionDeviceId: call?.connectionDeviceId ?? '',
    clientId: c.session.clientId ?? '',
  };
  const agentFields = { agentExtension: agent.extension, agentId: agent.agentId, agentInstrument: agent.instrument };
  const toSupervisors = (s: Parameters<NonNullable<SimEvent['to']>>[0]): boolean =>
    (s.services & ServiceMask.byName.CTI_SERVICE_SUPERVISOR) !== 0 &&
    s.agent !== undefined &&
    team.supervisors.includes(s.agent.agentId);
  if (kind === 'emergency') {
    model.emitEvent({
      msg: {
        messageType: 'EMERGENCY_CALL_EVENT',
        ...head,
        // The client's address, without the port (ClientAddress: "IP address of the client").
        clientAddress: c.session.remote.replace(/:\d+$/, '').replace(/^::ffff:/, ''),
        ...agentFields,
      },
      agents: [],
      to: (s) => s.isAllEvents || toSupervisors(s),
    });
  } else if (supervisors.length > 0) {
    model.emitEvent({
      msg: {
        messageType: 'SUPERVISOR_ASSIST_EVENT',
        ...head,
        text: `agent ${agent.agentId} asks for help`,
        ...agentFields,
      },
      agents: [],
      to: toSupervisors,
    });
  }
  if (supervisors.length === 0)
    throw failure(S.E_CTI_SUPERVISOR_NOT_FOUND, `no supervisor of team ${team.teamId} is logged in`);
  c.session.send({
    messageType: kind === 'assist' ? 'SUPERVISOR_ASSIST_CONF' : 'EMERGENCY_CALL_CONF',
    invokeId: c.invokeId,
    connectionCallId: head.connectionCallId,
    connectionDeviceIdType: head.connectionDeviceIdType,
    lineHandle: 0xffff,
    // Unsure which LineType the PIM reports; chose SUPERVISOR for help, HELP for an emergency.
    lineType: kind === 'assist' ? LineType.byName.LINETYPE_SUPERVISOR : LineType.byName.LINETYPE_HELP,
    connectionDeviceId: head.connectionDeviceId,
  });
}

// ---- a supervisor changes a team member's state ---------------------------------------------------------

/**
 * SET_AGENT_STATE_REQ from a Client Events supervisor session for a member of one of its teams (§20.5; the
 * reference's model, not stated by Cisco). Returns false when the request is not that (Client Control handles it).
 * EventReasonCode: the request's; 0 becomes 999, UCCE's "supervisor forced the state change".
 * A talking agent is not logged out (or made Not Ready) before its calls end: AGENT_STATE_EVENT keeps its state
 * and says NextAgentState; the change happens when the last call ends.
 */
function supervisorSetsAgentState(c: RequestContext): boolean {
  const session: RequestSession = c.session;
  if (session.isAllEvents || session.agent === undefined || !hasSupervisorService(session)) return false;
  const target = namedAgent(c);
  if (target === undefined || target === session.agent) return false;
  requireControl(c);
  const model = c.host.model;
  if (!supervises(model, session.agent.agentId, target.agentId))
    throw control(
      CF.CF_PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE,
      `agent ${target.agentId} is not in this supervisor's team`,
    );
  const want = c.msg.agentState as number;
  const allowed = [
    AS.AGENT_STATE_LOGOUT,
    AS.AGENT_STATE_NOT_READY,
    AS.AGENT_STATE_AVAILABLE,
    AS.AGENT_STATE_WORK_NOT_READY,
    AS.AGENT_STATE_WORK_READY,
  ];
  if (!allowed.includes(want))
    throw control(CF.CF_VALUE_OUT_OF_RANGE, `AgentState ${want} cannot be set by a supervisor`);
  const busy = model.callsOf(target.agentId).length > 0;
  if (busy && want === AS.AGENT_STATE_AVAILABLE)
    throw control(CF.CF_INVALID_OBJECT_STATE, `agent ${target.agentId} is on a call`);
  conf(c, 'SET_AGENT_STATE_CONF');
  const reasonCode = (c.msg.eventReasonCode as number) || SUPERVISOR_FORCED_REASON;
  const flows = c.host.flows;
  if (busy && (want === AS.AGENT_STATE_LOGOUT || want === AS.AGENT_STATE_NOT_READY)) {
    flows.stateAfterCalls.set(target.agentId, { state: want, reasonCode });
    model.emitEvent({
      msg: { ...ev.agentState(model, target, model.callsOf(target.agentId).length), nextAgentState: want },
      agents: [target.agentId],
    });
  } else {
    flows.setAgentState(target, want, { reasonCode });
  }
  return true;
}
