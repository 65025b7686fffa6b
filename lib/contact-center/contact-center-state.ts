/**
 * ContactCenterState: "who is ready, who is talking, how many calls wait and for how long" — the current state
 * a wallboard shows, kept from the messages a CtiSession delivers (AGENT_STATE_EVENT, QUERY_AGENT_STATE_CONF,
 * call events with the tracker's call snapshot). Plain TypeScript: usable without Node-RED.
 *
 * Bounded: at most `maxCalls` calls (oldest dropped), a call with no event for `maxCallAgeMs` is dropped (a lost
 * END_CALL_EVENT cannot keep a phantom call forever), the started/ended history keeps only one interval.
 */
import { AgentState, type CtiMessage } from '../protocol';
import type { AgentSnapshot, CallSnapshot } from '../calls';
import type { AgentView, CallView, ContactCenterView, StateFilter, StateOrigin, StateSummary, TeamView } from './types';

export interface ContactCenterStateOptions {
  /** The window of summary.callsLastInterval, in seconds. Default 60. */
  intervalSeconds?: number;
  maxCalls?: number;
  maxCallAgeMs?: number;
  now?: () => number;
}

interface AgentEntry {
  agentId?: string;
  extension?: string;
  instrument?: string;
  peripheralId?: number;
  agentState: number;
  reasonCode?: number;
  since: number;
  skillGroups: Set<number>;
}

interface CallEntry {
  view: CallView;
  updatedAt: number;
}

/** SkillGroupNumber's "none" (0xFFFFFFFF as UINT, -1 as INT). */
const NO_SKILL_GROUP = 0xffffffff;
/** An agent whose state nobody can know now (its peripheral's link is down). */
const UNKNOWN_STATE = 'AGENT_STATE_UNKNOWN';
/** Connection states in which the agent at the device is busy with the call. */
const AGENT_ON_CALL = new Set(['LCS_ALERTING', 'LCS_CONNECT', 'LCS_HOLD', 'LCS_INITIATE']);

export class ContactCenterState {
  private readonly agents = new Map<string, AgentEntry>();
  /** Extension / instrument → the agents map key. */
  private readonly alias = new Map<string, string>();
  private readonly calls = new Map<string, CallEntry>();
  private readonly teams = new Map<number, TeamView>();
  private readonly started: number[] = [];
  private readonly ended: number[] = [];
  private readonly intervalMs: number;
  private readonly maxCalls: number;
  private readonly maxCallAgeMs: number;
  private readonly now: () => number;
  private origin: StateOrigin;

  constructor(opts: ContactCenterStateOptions = {}) {
    this.intervalMs = (opts.intervalSeconds ?? 60) * 1000;
    this.maxCalls = opts.maxCalls ?? 5000;
    this.maxCallAgeMs = opts.maxCallAgeMs ?? 4 * 3600 * 1000;
    this.now = opts.now ?? Date.now;
    this.origin = { since: this.now(), kind: 'attach', rebuiltBy: ['events'], eventsMayHaveBeenMissed: false };
  }

  get agentCount(): number {
    return this.agents.size;
  }

  get callCount(): number {
    return this.calls.size;
  }

  /**
   * Starts over from what a session already tracks (a node started on an open session, or a reconnect):
   * calls in progress from the call tracker, agents from the agent tracker. Keeps agents the trackers do not
   * know (from earlier queries) but replaces every call.
   */
  seed(calls: readonly CallSnapshot[], agents: readonly AgentSnapshot[], origin: Omit<StateOrigin, 'since'>): void {
    this.calls.clear();
    for (const call of calls) if (!call.ended) this.upsertCall(call, undefined);
    for (const a of agents) this.applyAgentState(a.event as CtiMessage);
    this.origin = { ...origin, since: this.now() };
  }

  /** Records how the state was (re)built, e.g. after QUERY_AGENT_STATE answers arrived. */
  noteRebuilt(by: StateOrigin['rebuiltBy'][number]): void {
    if (!this.origin.rebuiltBy.includes(by))
      this.origin = { ...this.origin, rebuiltBy: [...this.origin.rebuiltBy, by] };
  }

  /**
   * The link to the peripheral went down: nobody knows whether its calls still go on. Each call listed now is
   * marked `linkDown` and no longer counted as in progress (nor as queued) until the next seed replaces the calls,
   * or an event restates that call.
   */
  markCallsLinkDown(): boolean {
    let changed = false;
    for (const entry of this.calls.values()) {
      if (entry.view.linkDown === true) continue;
      entry.view.linkDown = true;
      changed = true;
    }
    return changed;
  }

  /**
   * One inbound message and the call tracker's snapshot for it (if it is a call event). `request` is the
   * request a CONF answers (a QUERY_AGENT_STATE_CONF names the agent only when one is logged on).
   * Returns true when the state changed.
   */
  apply(msg: CtiMessage, call?: CallSnapshot, request?: CtiMessage): boolean {
    switch (msg.messageType) {
      case 'AGENT_STATE_EVENT':
        return this.applyAgentState(msg);
      case 'QUERY_AGENT_STATE_CONF':
        return this.applyAgentState({ ...request, ...msg } as CtiMessage);
      case 'AGENT_TEAM_CONFIG_EVENT':
        return this.applyTeam(msg);
      default:
        if (call === undefined) return false;
        if (call.lastEvent === 'CALL_REACHED_NETWORK_EVENT') return false;
        return this.upsertCall(call, msg);
    }
  }

  /**
   * The current state, filtered; a new plain object each time (a flow may keep or change it). `linkDown`: the
   * link to the agents' peripheral is down, so nobody knows their state now — each agent shows
   * AGENT_STATE_UNKNOWN with its lastKnownState, and the summary counts none of them as logged in or available.
   */
  view(filter: StateFilter = {}, opts: { linkDown?: boolean } = {}): ContactCenterView {
    const now = this.now();
    this.expire(now);
    const agentsOnCall = new Map<string, string>();
    for (const { view } of this.calls.values())
      if (view.agentId !== undefined && view.state !== undefined && AGENT_ON_CALL.has(view.state))
        agentsOnCall.set(view.agentId, view.key);
    const agents: AgentView[] = [];
    const teamAgents = this.teamAgents(filter);
    for (const a of this.agents.values()) {
      if (!agentMatches(a, filter)) continue;
      if (teamAgents !== undefined && !(a.agentId !== undefined && teamAgents.has(a.agentId))) continue;
      const v: AgentView = {
        state: AgentState.nameOf(a.agentState) ?? String(a.agentState),
        since: a.since,
        skillGroups: [...a.skillGroups].sort((x, y) => x - y),
      };
      if (a.agentId !== undefined) v.agentId = a.agentId;
      if (a.extension !== undefined) v.extension = a.extension;
      if (a.instrument !== undefined) v.instrument = a.instrument;
      if (a.peripheralId !== undefined) v.peripheralId = a.peripheralId;
      if (a.reasonCode !== undefined) v.reasonCode = a.reasonCode;
      const active = a.agentId === undefined ? undefined : agentsOnCall.get(a.agentId);
      if (active !== undefined) v.activeCall = active;
      if (opts.linkDown === true) {
        v.lastKnownState = v.state;
        v.state = UNKNOWN_STATE;
        v.linkDown = true;
      }
      agents.push(v);
    }
    agents.sort(byAgent);
    const shownAgents = new Set(agents.map((a) => a.agentId).filter((id) => id !== undefined));
    const calls: CallView[] = [];
    const byTeam = teamAgents !== undefined ? { ...filter, agents: [...teamAgents] } : filter;
    for (const { view } of this.calls.values()) if (callMatches(view, byTeam, shownAgents)) calls.push(copyCall(view));
    calls.sort((x, y) => x.since - y.since);
    const teams = [...this.teams.values()]
      .filter((t) => filter.teams === undefined || filter.teams.length === 0 || filter.teams.includes(t.teamId))
      .map((t) => ({ ...t, supervisors: [...t.supervisors], members: [...t.members] }))
      .sort((x, y) => x.teamId - y.teamId);
    return {
      agents,
      teams,
      calls,
      summary: this.summarise(agents, calls, now),
      origin: { ...this.origin },
      at: now,
    };
  }

  /** The AgentIDs of the filter's teams (members and supervisors); undefined when the filter names no team. */
  private teamAgents(filter: StateFilter): Set<string> | undefined {
    if (filter.teams === undefined || filter.teams.length === 0) return undefined;
    const ids = new Set<string>();
    for (const id of filter.teams) {
      const t = this.teams.get(id);
      if (t !== undefined) for (const a of [...t.members, ...t.supervisors]) ids.add(a);
    }
    return ids;
  }

  /**
   * AGENT_TEAM_CONFIG_EVENT: the team (members, supervisors by AgentFlags 0x0004) and, from its AtcAgentState /
   * AtcStateDuration, each listed agent's state — so a supervisor's board shows the team from the first event.
   * ConfigOperation 1 / 2 add / remove the listed agents; 0 (the whole list) replaces the team.
   */
  private applyTeam(msg: CtiMessage): boolean {
    if (typeof msg.teamId !== 'number') return false;
    const ids: unknown[] = Array.isArray(msg.atcAgentId) ? msg.atcAgentId : [];
    const flags: unknown[] = Array.isArray(msg.agentFlags) ? msg.agentFlags : [];
    const states: unknown[] = Array.isArray(msg.atcAgentState) ? msg.atcAgentState : [];
    const durations: unknown[] = Array.isArray(msg.atcStateDuration) ? msg.atcStateDuration : [];
    const old = this.teams.get(msg.teamId);
    const op = msg.configOperation;
    const team: TeamView =
      op === 1 || op === 2
        ? (old ?? { teamId: msg.teamId, name: '', supervisors: [], members: [] })
        : { teamId: msg.teamId, name: old?.name ?? '', supervisors: [], members: [] };
    if (typeof msg.agentTeamName === 'string' && msg.agentTeamName !== '') team.name = msg.agentTeamName;
    ids.forEach((raw, i) => {
      const agentId = text(raw);
      if (agentId === undefined) return;
      const list = ((flags[i] as number) & SUPERVISOR_FLAG) !== 0 ? team.supervisors : team.members;
      if (op === 2) {
        const at = list.indexOf(agentId);
        if (at >= 0) list.splice(at, 1);
        return;
      }
      if (!list.includes(agentId)) list.push(agentId);
      if (typeof states[i] === 'number')
        this.applyAgentState({
          messageType: 'AGENT_STATE_EVENT',
          agentId,
          agentState: states[i],
          stateDuration: durations[i],
          peripheralId: msg.peripheralId,
        });
    });
    this.teams.set(msg.teamId, team);
    return true;
  }

  clear(): void {
    this.agents.clear();
    this.teams.clear();
    this.alias.clear();
    this.calls.clear();
    this.started.length = 0;
    this.ended.length = 0;
  }

  private summarise(agents: readonly AgentView[], calls: readonly CallView[], now: number): StateSummary {
    const agentsByState: Record<string, number> = {};
    let loggedIn = 0;
    for (const a of agents) {
      agentsByState[a.state] = (agentsByState[a.state] ?? 0) + 1;
      if (a.state !== 'AGENT_STATE_LOGOUT' && a.state !== 'AGENT_STATE_UNKNOWN') loggedIn++;
    }
    let queued = 0;
    let longest = 0;
    let live = 0;
    for (const c of calls) {
      // A call of a peripheral whose link is down may have ended meanwhile: listed, not counted.
      if (c.linkDown === true) continue;
      live++;
      if (!c.queued) continue;
      queued++;
      longest = Math.max(longest, now - (c.queuedSince ?? c.since));
    }
    return {
      agentsByState,
      agentsLoggedIn: loggedIn,
      callsInProgress: live,
      callsQueued: queued,
      longestQueuedSeconds: Math.floor(longest / 1000),
      callsLastInterval: this.started.length,
      callsEndedLastInterval: this.ended.length,
      intervalSeconds: this.intervalMs / 1000,
    };
  }

  private applyAgentState(msg: CtiMessage): boolean {
    const agentId = text(msg.agentId);
    const extension = text(msg.agentExtension);
    const instrument = text(msg.agentInstrument);
    const key = this.keyOf(agentId, extension, instrument);
    if (key === undefined || typeof msg.agentState !== 'number') return false;
    const now = this.now();
    const old = this.agents.get(key);
    const duration = typeof msg.stateDuration === 'number' && msg.stateDuration > 0 ? msg.stateDuration : 0;
    const changed = old === undefined || old.agentState !== msg.agentState;
    const entry: AgentEntry = old ?? { agentState: msg.agentState, since: now, skillGroups: new Set() };
    // StateDuration (seconds in this state) says when the state began even when we saw no change.
    if (duration > 0) entry.since = now - duration * 1000;
    else if (changed) entry.since = now;
    entry.agentState = msg.agentState;
    entry.agentId = agentId ?? entry.agentId;
    entry.extension = extension ?? entry.extension;
    entry.instrument = instrument ?? entry.instrument;
    if (typeof msg.peripheralId === 'number') entry.peripheralId = msg.peripheralId;
    if (typeof msg.eventReasonCode === 'number') entry.reasonCode = msg.eventReasonCode;
    for (const sg of skillGroupsOf(msg)) entry.skillGroups.add(sg);
    this.agents.set(key, entry);
    for (const a of [entry.extension, entry.instrument]) if (a !== undefined && a !== key) this.alias.set(a, key);
    return true;
  }

  private keyOf(agentId?: string, extension?: string, instrument?: string): string | undefined {
    if (agentId !== undefined) {
      // An agent first seen by extension (a query answered before log-on named no AgentID) keeps one entry.
      for (const a of [extension, instrument]) {
        const k = a === undefined ? undefined : (this.alias.get(a) ?? (this.agents.has(a) ? a : undefined));
        if (k !== undefined && k !== agentId && this.agents.get(k)?.agentId === undefined) {
          const e = this.agents.get(k)!;
          this.agents.delete(k);
          this.agents.set(agentId, e);
        }
      }
      return agentId;
    }
    for (const a of [extension, instrument]) {
      if (a === undefined) continue;
      return this.alias.get(a) ?? a;
    }
    return undefined;
  }

  private upsertCall(call: CallSnapshot, msg: CtiMessage | undefined): boolean {
    const now = this.now();
    const existing = this.calls.get(call.key);
    if (call.ended || msg?.messageType === 'END_CALL_EVENT') {
      if (existing === undefined) return false;
      this.calls.delete(call.key);
      this.ended.push(now);
      return true;
    }
    const type = msg?.messageType;
    const queued =
      type === 'CALL_QUEUED_EVENT'
        ? true
        : type === 'CALL_DEQUEUED_EVENT'
          ? false
          : call.state === 'LCS_QUEUED' || (existing?.view.queued === true && !call.established && !ringsAtAgent(call));
    const view: CallView = {
      key: call.key,
      queued,
      since: existing?.view.since ?? call.startedAt,
      callVariables: { ...call.callVariables },
      ecc: eccOf(call.ecc),
    };
    if (queued) view.queuedSince = existing?.view.queued ? existing.view.queuedSince : now;
    if (call.peripheralId !== undefined) view.peripheralId = call.peripheralId;
    if (call.ani !== undefined) view.ani = call.ani;
    if (call.dnis !== undefined) view.dnis = call.dnis;
    if (call.state !== undefined) view.state = String(call.state);
    if (call.agentId !== undefined) view.agentId = call.agentId;
    if (call.skillGroupNumber !== undefined && call.skillGroupNumber !== NO_SKILL_GROUP)
      view.skillGroupNumber = call.skillGroupNumber;
    if (existing === undefined) {
      this.started.push(now);
      while (this.calls.size >= this.maxCalls) this.calls.delete(this.calls.keys().next().value as string);
    } else {
      this.calls.delete(call.key); // re-insert: the map stays in order of last update, oldest first
    }
    this.calls.set(call.key, { view, updatedAt: now });
    return true;
  }

  private expire(now: number): void {
    const from = now - this.intervalMs;
    trimBefore(this.started, from);
    trimBefore(this.ended, from);
    for (const [key, entry] of this.calls) {
      if (now - entry.updatedAt <= this.maxCallAgeMs) break; // in order of last update
      this.calls.delete(key);
    }
  }
}

function ringsAtAgent(call: CallSnapshot): boolean {
  return call.state === 'LCS_ALERTING' || call.state === 'LCS_CONNECT';
}

function skillGroupsOf(msg: CtiMessage): number[] {
  const out: number[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'number' && v >= 0 && v !== NO_SKILL_GROUP) out.push(v);
  };
  // AGENT_STATE_EVENT: the group the event is about; QUERY_AGENT_STATE_CONF: a repeated SkillGroupNumber.
  if (Array.isArray(msg.skillGroupNumber)) msg.skillGroupNumber.forEach(add);
  else add(msg.skillGroupNumber);
  if (Array.isArray(msg.fltSkillGroupNumber)) msg.fltSkillGroupNumber.forEach(add);
  return out;
}

function eccOf(from: CallSnapshot['ecc']): CallView['ecc'] {
  const ecc: CallView['ecc'] = {};
  for (const [k, val] of Object.entries(from)) ecc[k] = typeof val === 'string' ? val : val.slice();
  return ecc;
}

function copyCall(v: CallView): CallView {
  return { ...v, callVariables: { ...v.callVariables }, ecc: eccOf(v.ecc) };
}

function agentMatches(a: AgentEntry, f: StateFilter): boolean {
  if (f.peripheralId !== undefined && a.peripheralId !== undefined && a.peripheralId !== f.peripheralId) return false;
  if (f.agents !== undefined && f.agents.length > 0) {
    const ids = [a.agentId, a.extension, a.instrument];
    if (!f.agents.some((x) => ids.includes(x))) return false;
  }
  if (f.skillGroups !== undefined && f.skillGroups.length > 0) {
    if (!f.skillGroups.some((sg) => a.skillGroups.has(sg))) return false;
  }
  return true;
}

function callMatches(c: CallView, f: StateFilter, shownAgents: ReadonlySet<string | undefined>): boolean {
  if (f.peripheralId !== undefined && c.peripheralId !== undefined && c.peripheralId !== f.peripheralId) return false;
  const byAgent = f.agents !== undefined && f.agents.length > 0;
  const bySkill = f.skillGroups !== undefined && f.skillGroups.length > 0;
  if (!byAgent && !bySkill) return true;
  if (c.agentId !== undefined && shownAgents.has(c.agentId)) return true;
  // A queued call has no agent yet: it belongs to the skill group it waits for.
  return bySkill && c.skillGroupNumber !== undefined && f.skillGroups!.includes(c.skillGroupNumber);
}

function byAgent(x: AgentView, y: AgentView): number {
  const a = x.agentId ?? x.extension ?? '';
  const b = y.agentId ?? y.extension ?? '';
  return a < b ? -1 : a > b ? 1 : 0;
}

function trimBefore(times: number[], from: number): void {
  let i = 0;
  while (i < times.length && times[i]! < from) i++;
  if (i > 0) times.splice(0, i);
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** AGENT_TEAM_CONFIG_EVENT AgentFlags: the agent is a supervisor of the team. */
const SUPERVISOR_FLAG = 0x0004;
