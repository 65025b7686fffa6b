import { type CtiMessage, ServiceMask } from '../protocol';
import type { SimAgent, SimModel } from './model';
import type { SimTeam } from './organization';

/**
 * Agent teams of the simulated peripheral (cti-protocol-statistics-teams.md §13, cti-protocol-supervisor-config.md
 * §20.0/§20.4): who supervises whom, the AGENT_TEAM_CONFIG_EVENT a supervisor session receives, run-time team
 * changes, and the supervisor sessions that are open (an assist or emergency request needs one).
 */

const SVC = ServiceMask.byName;

/** AgentFlags bits of AGENT_TEAM_CONFIG_EVENT. */
const FLAG_PRIMARY_SUPERVISOR = 0x0001;
const FLAG_SUPERVISOR = 0x0004;
/** ConfigOperation: the full (permanent) member list. */
const RESTORE_PERMANENT = 0;

/** Teams the agent supervises, in configuration order. */
export function teamsSupervisedBy(model: SimModel, agentId: string): SimTeam[] {
  return [...model.teams.values()].filter((t) => t.supervisors.includes(agentId));
}

/** The team the agent is a member of (the first one, if configured in several). */
export function teamOf(model: SimModel, agentId: string): SimTeam | undefined {
  for (const t of model.teams.values()) if (t.members.includes(agentId)) return t;
  return undefined;
}

/** The supervisor supervises a team that has `agentId` as a member. */
export function supervises(model: SimModel, supervisorId: string, agentId: string): boolean {
  return teamsSupervisedBy(model, supervisorId).some((t) => t.members.includes(agentId));
}

/** What a session must be for team messages (the ClientSession / RequestSession view). */
export interface TeamSessionView {
  readonly services: number;
  readonly agent: SimAgent | undefined;
  readonly isAllEvents: boolean;
}

/** SUPERVISOR was granted to this session. */
export function hasSupervisorService(s: TeamSessionView): boolean {
  return (s.services & SVC.CTI_SERVICE_SUPERVISOR) !== 0;
}

/** A Client Events supervisor session of one of `team`'s supervisors. */
export function isSupervisorSessionOf(s: TeamSessionView, team: SimTeam): boolean {
  return hasSupervisorService(s) && s.agent !== undefined && team.supervisors.includes(s.agent.agentId);
}

/**
 * AGENT_TEAM_CONFIG_EVENT for one team: the members (AgentFlags 0), then the supervisors (0x0004; the first, the
 * primary, also 0x0001), each with its AgentState and the seconds it has been in it.
 * Unsure: whether supervisors are listed — the guide says AtcAgentID is "the agent ID, or the team's SupervisorID",
 * so they are. DepartmentID: the guide gives no value for a team without a department; chose 0.
 * Unsure: the guide does not say which ConfigOperation the initial list carries; chose 0 (Restore Permanent
 * Configuration, i.e. the whole list), and the same whole list after every change.
 */
export function teamConfigEvent(model: SimModel, team: SimTeam): CtiMessage {
  const now = model.clock.now();
  const rows: { agentId: string; flags: number }[] = [
    ...team.members.map((agentId) => ({ agentId, flags: 0 })),
    ...team.supervisors.map((agentId, i) => ({
      agentId,
      flags: FLAG_SUPERVISOR | (i === 0 ? FLAG_PRIMARY_SUPERVISOR : 0),
    })),
  ].slice(0, 64);
  const agents = rows.map((r) => model.agents.get(r.agentId));
  return {
    messageType: 'AGENT_TEAM_CONFIG_EVENT',
    peripheralId: model.peripheralId,
    teamId: team.teamId,
    configOperation: RESTORE_PERMANENT,
    departmentId: 0,
    agentTeamName: team.name,
    atcAgentId: rows.map((r) => r.agentId),
    agentFlags: rows.map((r) => r.flags),
    atcAgentState: agents.map((a) => a?.state ?? 0),
    atcStateDuration: agents.map((a) => (a === undefined ? 0 : Math.max(0, Math.floor((now - a.stateSince) / 1000)))),
  };
}

/** The team events a newly opened supervisor session receives after OPEN_CONF (one per supervised team). */
export function teamConfigEventsFor(model: SimModel, s: TeamSessionView): CtiMessage[] {
  if (!hasSupervisorService(s) || s.agent === undefined) return [];
  return teamsSupervisedBy(model, s.agent.agentId).map((t) => teamConfigEvent(model, t));
}

/** Checks an agent ID list of a team change against the model. */
function checkAgents(model: SimModel, ids: readonly string[], teamId: number): void {
  for (const a of ids)
    if (!model.agents.has(a)) throw new RangeError(`team ${teamId} names agent ${a}, which is not configured`);
}

/**
 * Adds or replaces a team at run time; supervisor sessions of the team receive AGENT_TEAM_CONFIG_EVENT
 * (the simulator listens to the model's 'config' event).
 */
export function setTeam(model: SimModel, team: SimTeam): void {
  checkAgents(model, [...team.members, ...team.supervisors], team.teamId);
  const existed = model.teams.has(team.teamId);
  model.teams.set(team.teamId, {
    teamId: team.teamId,
    name: team.name,
    members: [...team.members],
    supervisors: [...team.supervisors],
  });
  model.configChanged({ kind: 'team', action: existed ? 'changed' : 'added', id: team.teamId });
}

/** Adds an agent to a team's members (nothing happens when it is one already). */
export function addTeamMember(model: SimModel, teamId: number, agentId: string): void {
  const t = requireTeam(model, teamId);
  checkAgents(model, [agentId], teamId);
  if (t.members.includes(agentId)) return;
  t.members.push(agentId);
  model.configChanged({ kind: 'team', action: 'changed', id: teamId });
}

/** Removes an agent from a team's members. */
export function removeTeamMember(model: SimModel, teamId: number, agentId: string): void {
  const t = requireTeam(model, teamId);
  const i = t.members.indexOf(agentId);
  if (i < 0) return;
  t.members.splice(i, 1);
  model.configChanged({ kind: 'team', action: 'changed', id: teamId });
}

function requireTeam(model: SimModel, teamId: number): SimTeam {
  const t = model.teams.get(teamId);
  if (t === undefined) throw new RangeError(`no team ${teamId} on the simulator`);
  return t;
}
