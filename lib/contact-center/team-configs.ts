/**
 * The agent teams a supervisor session was told about (AGENT_TEAM_CONFIG_EVENT), kept for later readers: the CTI
 * Server sends a team only after OPEN and when it changes, so a board started beside an already open session would
 * otherwise see no team until the next change. One per CTI session (the cti-server node keeps it, beside the
 * configuration's names); each member keeps the state the team event reported and when it arrived.
 */
import type { CtiMessage } from '../protocol';

interface Member {
  agentId: string;
  flags: number;
  state?: number;
  /** AtcStateDuration as reported (seconds in that state when the event was sent). */
  duration?: number;
  /** When the event that reported this member arrived (ms since epoch). */
  at: number;
}

interface Team {
  teamId: number;
  name?: string;
  peripheralId?: number;
  members: Member[];
}

/** AGENT_TEAM_CONFIG_EVENT ConfigOperation: 1 adds the listed agents, 2 removes them, anything else is the whole list. */
const ADD = 1;
const REMOVE = 2;

export class TeamConfigs {
  private readonly teams = new Map<number, Team>();

  get size(): number {
    return this.teams.size;
  }

  /** An inbound message; true when it was an AGENT_TEAM_CONFIG_EVENT that changed what is kept. */
  apply(msg: CtiMessage, at: number = Date.now()): boolean {
    if (msg.messageType !== 'AGENT_TEAM_CONFIG_EVENT' || typeof msg.teamId !== 'number') return false;
    const op = msg.configOperation;
    const old = this.teams.get(msg.teamId);
    const team: Team =
      (op === ADD || op === REMOVE) && old !== undefined
        ? old
        : { teamId: msg.teamId, name: old?.name, peripheralId: old?.peripheralId, members: [] };
    if (typeof msg.agentTeamName === 'string' && msg.agentTeamName !== '') team.name = msg.agentTeamName;
    if (typeof msg.peripheralId === 'number') team.peripheralId = msg.peripheralId;
    const ids = list(msg.atcAgentId);
    const flags = list(msg.agentFlags);
    const states = list(msg.atcAgentState);
    const durations = list(msg.atcStateDuration);
    ids.forEach((raw, i) => {
      if (typeof raw !== 'string' || raw === '') return;
      const at0 = team.members.findIndex((m) => m.agentId === raw);
      if (op === REMOVE) {
        if (at0 >= 0) team.members.splice(at0, 1);
        return;
      }
      const member: Member = { agentId: raw, flags: num(flags[i]) ?? 0, at };
      const state = num(states[i]);
      if (state !== undefined) member.state = state;
      const duration = num(durations[i]);
      if (duration !== undefined) member.duration = duration;
      if (at0 >= 0) team.members[at0] = member;
      else team.members.push(member);
    });
    this.teams.set(msg.teamId, team);
    return true;
  }

  /** The session ended: a new one is told its teams anew. */
  clear(): void {
    this.teams.clear();
  }

  /**
   * Each team as one whole-list AGENT_TEAM_CONFIG_EVENT (ConfigOperation 0), as it would read now: a member's
   * AtcStateDuration grown by the time since it was reported. `newerThan(agentId, at)`: true when something fresher
   * than the team event (e.g. a later AGENT_STATE_EVENT) already tells the agent's state — that member's state is
   * left out, so a replay never puts an agent back into an older state.
   */
  replay(now: number = Date.now(), newerThan: (agentId: string, at: number) => boolean = () => false): CtiMessage[] {
    return [...this.teams.values()]
      .sort((a, b) => a.teamId - b.teamId)
      .map((t) => {
        const msg: CtiMessage = {
          messageType: 'AGENT_TEAM_CONFIG_EVENT',
          teamId: t.teamId,
          configOperation: 0,
          atcAgentId: t.members.map((m) => m.agentId),
          agentFlags: t.members.map((m) => m.flags),
          atcAgentState: t.members.map((m) => (newerThan(m.agentId, m.at) ? undefined : m.state)),
          atcStateDuration: t.members.map((m) =>
            m.duration === undefined ? undefined : m.duration + Math.max(0, Math.floor((now - m.at) / 1000)),
          ),
        };
        if (t.name !== undefined) msg.agentTeamName = t.name;
        if (t.peripheralId !== undefined) msg.peripheralId = t.peripheralId;
        return msg;
      });
  }
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}
