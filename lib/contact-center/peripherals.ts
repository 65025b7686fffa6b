/**
 * Many peripherals (PGs) in one view: each PG's state is kept apart (its own ContactCenterState, its own skill
 * groups) and the views are merged here — every agent, call, team and skill group tagged with its peripheralId,
 * `peripherals[]` with each PG's link and own summary, and the top-level summary across every PG.
 */
import type { SkillGroupView } from './skill-group-board';
import type { ContactCenterView, PeripheralView, StateOrigin, StateSummary } from './types';

/** One PG's part of the merged view. */
export interface PeripheralPart {
  peripheral: Omit<PeripheralView, 'summary' | 'origin'>;
  view: ContactCenterView & { skillGroups?: SkillGroupView[] };
}

export type ManyPeripheralsView = ContactCenterView & {
  skillGroups?: Array<SkillGroupView & { peripheralId?: number }>;
  peripherals: PeripheralView[];
};

export interface MergeOptions {
  /**
   * Several PGs: prefix call keys (and agents' activeCall) with "<peripheralId>:" so two PGs' calls never share a
   * key, and tag teams with their PG. Off for a single PG: its view stays what it always was.
   */
  prefixCallKeys: boolean;
  /** When the merged view was made (ms since epoch). */
  at: number;
}

/** The views of several PGs as one: entries tagged by peripheral, the summary across, one entry per PG. */
export function mergePeripheralViews(parts: readonly PeripheralPart[], opts: MergeOptions): ManyPeripheralsView {
  const out: ManyPeripheralsView = {
    agents: [],
    teams: [],
    calls: [],
    summary: sumSummaries(parts.map((p) => p.view.summary)),
    origin: mergeOrigins(
      parts.map((p) => p.view.origin),
      opts.at,
    ),
    at: opts.at,
    peripherals: [],
  };
  let withGroups = false;
  const groups: NonNullable<ManyPeripheralsView['skillGroups']> = [];
  for (const { peripheral, view } of parts) {
    const pid = peripheral.peripheralId;
    const key = (k: string): string => (opts.prefixCallKeys ? `${pid ?? '?'}:${k}` : k);
    for (const a of view.agents) {
      const agent = { ...a };
      if (agent.peripheralId === undefined && pid !== undefined) agent.peripheralId = pid;
      if (agent.activeCall !== undefined) agent.activeCall = key(agent.activeCall);
      out.agents.push(agent);
    }
    for (const c of view.calls) {
      const call = { ...c, key: key(c.key) };
      if (call.peripheralId === undefined && pid !== undefined) call.peripheralId = pid;
      out.calls.push(call);
    }
    // Teams carry their PG only when there are several (a single PG's view stays as it always was).
    for (const t of view.teams)
      out.teams.push(!opts.prefixCallKeys || pid === undefined ? t : { ...t, peripheralId: pid });
    if (view.skillGroups !== undefined) {
      withGroups = true;
      for (const g of view.skillGroups) groups.push(pid === undefined ? g : { ...g, peripheralId: pid });
    }
    out.peripherals.push({ ...peripheral, summary: view.summary, origin: view.origin });
  }
  // Sorted as a single PG's view is (agents by ID, calls by start), the PG deciding between equal IDs.
  const pidOf = (x: { peripheralId?: number }): number => x.peripheralId ?? -1;
  out.agents.sort(
    (x, y) => compare(x.agentId ?? x.extension ?? '', y.agentId ?? y.extension ?? '') || pidOf(x) - pidOf(y),
  );
  out.calls.sort((x, y) => x.since - y.since);
  out.teams.sort((x, y) => x.teamId - y.teamId || pidOf(x) - pidOf(y));
  if (withGroups) {
    groups.sort((x, y) => x.skillGroupNumber - y.skillGroupNumber || pidOf(x) - pidOf(y));
    out.skillGroups = groups;
  }
  return out;
}

/**
 * The summary across PGs: counts add up; the longest wait is the longest of any PG. A PG whose link is down
 * contributes its agents as AGENT_STATE_UNKNOWN (its view says so), never as available.
 */
export function sumSummaries(list: readonly StateSummary[]): StateSummary {
  const agentsByState: Record<string, number> = {};
  const sum: StateSummary = {
    agentsByState,
    agentsLoggedIn: 0,
    callsInProgress: 0,
    callsQueued: 0,
    longestQueuedSeconds: 0,
    callsLastInterval: 0,
    callsEndedLastInterval: 0,
    intervalSeconds: list[0]?.intervalSeconds ?? 60,
  };
  for (const s of list) {
    for (const [state, n] of Object.entries(s.agentsByState)) agentsByState[state] = (agentsByState[state] ?? 0) + n;
    sum.agentsLoggedIn += s.agentsLoggedIn;
    sum.callsInProgress += s.callsInProgress;
    sum.callsQueued += s.callsQueued;
    sum.longestQueuedSeconds = Math.max(sum.longestQueuedSeconds, s.longestQueuedSeconds);
    sum.callsLastInterval += s.callsLastInterval;
    sum.callsEndedLastInterval += s.callsEndedLastInterval;
  }
  return sum;
}

/**
 * How the merged state came to be: the least continuous of the PGs' origins (a reconnect anywhere means events
 * may have been missed somewhere), tracked since the latest PG (re)started.
 */
export function mergeOrigins(list: readonly StateOrigin[], now: number): StateOrigin {
  if (list.length === 1) return { ...list[0], rebuiltBy: [...list[0].rebuiltBy] };
  const rank = { open: 0, attach: 1, reconnect: 2 } as const;
  let kind: StateOrigin['kind'] = 'open';
  const rebuiltBy: StateOrigin['rebuiltBy'] = [];
  let since = list.length === 0 ? now : 0;
  let missed = false;
  for (const o of list) {
    if (rank[o.kind] > rank[kind]) kind = o.kind;
    for (const r of o.rebuiltBy) if (!rebuiltBy.includes(r)) rebuiltBy.push(r);
    since = Math.max(since, o.since);
    missed ||= o.eventsMayHaveBeenMissed;
  }
  return { since, kind, rebuiltBy, eventsMayHaveBeenMissed: missed };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
