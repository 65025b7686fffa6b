import { parseDuration } from './clock';
import type { AgentSpec, SkillGroupSpec, TeamSpec } from './types';

/**
 * The simulated peripheral's organisation: skill groups (number, ID, name, member agents), agents' names and
 * teams. The model (model.ts) builds its maps from what this file resolves; configuration acquisition
 * (config-acquisition.ts) and the statistics (statistics.ts) read them.
 */

// The option shapes live in types.ts (beside AgentSpec), so that file needs nothing from this one.
export type { SkillGroupSpec, TeamSpec } from './types';

/** A skill group of the running model (names and members can change at run time: a 'config' event says so). */
export interface SimSkillGroup {
  skillGroupNumber: number;
  skillGroupId: number;
  name: string;
  /** AgentIDs of the members, in configuration order. */
  agents: string[];
  /** After-call work for calls routed to this group (ms); undefined: the simulator's default. */
  wrapupMs?: number;
}

/** A team of the running model. */
export interface SimTeam {
  teamId: number;
  name: string;
  members: string[];
  supervisors: string[];
}

/** What a 'config' event of the model says changed. */
export interface SimConfigChange {
  kind: 'agent' | 'skillGroup' | 'team';
  action: 'added' | 'changed' | 'removed';
  /** AgentID, SkillGroupNumber or TeamID. */
  id: string | number;
}

/** The skill groups of `npx cti-sim` with no options. */
export const DEFAULT_SKILL_GROUPS: readonly SkillGroupSpec[] = Object.freeze([
  { skillGroupNumber: 100, skillGroupId: 5100, name: 'Sales', agents: ['1001', '1002', '1003'] },
  { skillGroupNumber: 200, skillGroupId: 5200, name: 'Support', agents: ['1003', '1004', '1005'] },
]);

/** First and last names of the default agents (invented). */
export const DEFAULT_AGENT_NAMES: Readonly<Record<string, readonly [string, string]>> = Object.freeze({
  '1001': ['Alice', 'Martin'],
  '1002': ['Bruno', 'Keller'],
  '1003': ['Carla', 'Novak'],
  '1004': ['David', 'Osei'],
  '1005': ['Emma', 'Lindqvist'],
  '1009': ['Sam', 'Rivera'],
});

/** The supervisor of `npx cti-sim` with no options: extension 1009, logged in, Not Ready, in no skill group. */
export const DEFAULT_SUPERVISOR: Readonly<AgentSpec> = Object.freeze({
  agentId: '1009',
  state: 'AGENT_STATE_NOT_READY',
});

/** The team of `npx cti-sim` with no options: team 1 "Team Blue", members 1001–1005, supervisor 1009. */
export const DEFAULT_TEAMS: readonly TeamSpec[] = Object.freeze([
  { teamId: 1, name: 'Team Blue', members: ['1001', '1002', '1003', '1004', '1005'], supervisors: ['1009'] },
]);

/** The name an agent gets when none is configured: "Agent" and its ID. */
export function generatedName(agentId: string): { firstName: string; lastName: string } {
  const known = DEFAULT_AGENT_NAMES[agentId];
  return known !== undefined ? { firstName: known[0], lastName: known[1] } : { firstName: 'Agent', lastName: agentId };
}

/** A name of a configuration item: printable, 1–32 characters (the CONFIG events' name fields hold 32 + NUL). */
function checkName(what: string, name: string): string {
  const n = name.trim();
  if (n.length === 0 || n.length > 32) throw new RangeError(`${what}: a name of 1-32 characters, got "${name}"`);
  return n;
}

function positiveInt(what: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0x7fffffff)
    throw new RangeError(`${what}: a whole number 0-2147483647, got ${JSON.stringify(v)}`);
  return v;
}

/** The running model's group of a (parsed) spec. */
export function simSkillGroup(g: SkillGroupSpec): SimSkillGroup {
  const out: SimSkillGroup = {
    skillGroupNumber: g.skillGroupNumber,
    skillGroupId: g.skillGroupId,
    name: g.name,
    agents: [...g.agents],
  };
  if (g.wrapup !== undefined) out.wrapupMs = wrapupMs(`skill group ${g.skillGroupNumber} wrapup`, g.wrapup);
  return out;
}

/** A wrap-up time in ms from ms or a duration text ("10s"); 0 = none. Throws a RangeError naming `what`. */
export function wrapupMs(what: string, v: number | string): number {
  let ms: number;
  try {
    ms = typeof v === 'number' ? v : parseDuration(v);
  } catch (err) {
    throw new RangeError(`${what}: ${(err as Error).message}`);
  }
  if (!Number.isFinite(ms) || ms < 0 || ms > 86400000)
    throw new RangeError(`${what}: 0 to 24 h (ms or e.g. "10s"), got ${JSON.stringify(v)}`);
  return Math.round(ms);
}

/** "1001-1003" / "1001+1004" → AgentIDs (ranges and single IDs joined by "+"). */
function parseMembers(what: string, text: string): string[] {
  const out: string[] = [];
  for (const part of text
    .split('+')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (m === null) {
      out.push(part);
      continue;
    }
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (to < from || to - from > 10000) throw new RangeError(`${what}: bad agent range "${part}"`);
    for (let n = from; n <= to; n++) out.push(String(n));
  }
  return out;
}

/**
 * Skill groups from options: an array of specs, or the compact CLI form
 * `<number>[:<id>][=<name>]@<agents>` joined by ";" — e.g. `100:5100=Sales@1001-1003;200:5200=Support@1003+1005`.
 * The ID defaults to 5000 + number, the name to "Skill group <number>". Throws a RangeError naming the mistake.
 */
export function parseSkillGroups(spec: string | readonly SkillGroupSpec[]): SkillGroupSpec[] {
  const list: SkillGroupSpec[] = [];
  if (typeof spec === 'string') {
    for (const part of spec
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const m = /^(\d+)(?::(\d+))?(?:=([^@]*))?@(.*)$/.exec(part);
      if (m === null)
        throw new RangeError(
          `skill group "${part}": expected <number>[:<id>][=<name>]@<agents>, e.g. 100:5100=Sales@1001-1003`,
        );
      const skillGroupNumber = Number(m[1]);
      list.push({
        skillGroupNumber,
        skillGroupId: m[2] !== undefined ? Number(m[2]) : 5000 + skillGroupNumber,
        name: m[3] ?? `Skill group ${skillGroupNumber}`,
        agents: parseMembers(`skill group ${skillGroupNumber}`, m[4]),
      });
    }
  } else list.push(...spec);
  if (list.length === 0) throw new RangeError('no skill groups given');
  const numbers = new Set<number>();
  const ids = new Set<number>();
  return list.map((g, i) => {
    const what = `skill group ${i + 1}`;
    if (typeof g !== 'object' || g === null) throw new RangeError(`${what}: an object`);
    const skillGroupNumber = positiveInt(`${what} skillGroupNumber`, g.skillGroupNumber);
    const skillGroupId = positiveInt(`${what} skillGroupId`, g.skillGroupId);
    if (numbers.has(skillGroupNumber)) throw new RangeError(`skill group number ${skillGroupNumber} given twice`);
    if (ids.has(skillGroupId)) throw new RangeError(`skill group ID ${skillGroupId} given twice`);
    numbers.add(skillGroupNumber);
    ids.add(skillGroupId);
    if (!Array.isArray(g.agents) || g.agents.some((a) => typeof a !== 'string'))
      throw new RangeError(`${what}: agents must be a list of agent IDs`);
    const out: SkillGroupSpec = {
      skillGroupNumber,
      skillGroupId,
      name: checkName(what, String(g.name)),
      agents: [...new Set(g.agents)],
    };
    if (g.wrapup !== undefined) out.wrapup = wrapupMs(`${what} wrapup`, g.wrapup);
    return out;
  });
}

/**
 * Teams from options: an array of specs, or the compact CLI form `<id>[=<name>]@<members>[/<supervisors>]`
 * joined by ";" — e.g. `1=Team Blue@1001-1005/1009`. The name defaults to "Team <id>".
 */
export function parseTeams(spec: string | readonly TeamSpec[]): TeamSpec[] {
  const list: TeamSpec[] = [];
  if (typeof spec === 'string') {
    for (const part of spec
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const m = /^(\d+)(?:=([^@]*))?@([^/]*)(?:\/(.*))?$/.exec(part);
      if (m === null)
        throw new RangeError(
          `team "${part}": expected <id>[=<name>]@<members>[/<supervisors>], e.g. 1=Team Blue@1001-1005/1009`,
        );
      const teamId = Number(m[1]);
      list.push({
        teamId,
        name: m[2] ?? `Team ${teamId}`,
        members: parseMembers(`team ${teamId}`, m[3]),
        supervisors: parseMembers(`team ${teamId}`, m[4] ?? ''),
      });
    }
  } else list.push(...spec);
  const ids = new Set<number>();
  return list.map((t, i) => {
    const what = `team ${i + 1}`;
    if (typeof t !== 'object' || t === null) throw new RangeError(`${what}: an object`);
    const teamId = positiveInt(`${what} teamId`, t.teamId);
    if (ids.has(teamId)) throw new RangeError(`team ID ${teamId} given twice`);
    ids.add(teamId);
    for (const key of ['members', 'supervisors'] as const)
      if (!Array.isArray(t[key]) || t[key].some((a) => typeof a !== 'string'))
        throw new RangeError(`${what}: ${key} must be a list of agent IDs`);
    return { teamId, name: checkName(what, String(t.name)), members: [...t.members], supervisors: [...t.supervisors] };
  });
}

/** The organisation the model starts with: agents (with names and skill groups), skill groups, teams. */
export interface ResolvedOrganization {
  agents: (AgentSpec & { firstName: string; lastName: string; skillGroups: number[] })[];
  skillGroups: SkillGroupSpec[];
  teams: TeamSpec[];
}

/**
 * Resolves the options into one consistent organisation:
 * - nothing given: agents 1001–1005 with names, skill groups 100 "Sales" and 200 "Support", the supervisor 1009
 *   (Not Ready, in no skill group) and team 1 "Team Blue" (members 1001–1005, supervisor 1009);
 * - `agents` alone: those agents with generated names, one skill group per SkillGroupNumber the agent specs
 *   name (100 / 5100 "Skill group 100" for agents that name none) — today's behaviour;
 * - `skillGroups` alone: the agents the groups name;
 * - both: the given agents; a group naming an agent that does not exist is an error.
 * An agent's skill groups are those whose member list names it, in configuration order (the first is its
 * primary: AGENT_STATE_EVENT's SkillGroupNumber); a spec's own `skillGroups` adds more.
 */
export function resolveOrganization(
  agentSpecs: AgentSpec[] | undefined,
  skillGroups: string | readonly SkillGroupSpec[] | undefined,
  teams: string | readonly TeamSpec[] | undefined,
  parseAgentList: (spec: string | AgentSpec[] | undefined) => AgentSpec[],
): ResolvedOrganization {
  let groups: SkillGroupSpec[];
  let specs: AgentSpec[];
  /** Nothing given: the default organisation, which has the default team. */
  let defaults = false;
  if (skillGroups !== undefined) {
    groups = parseSkillGroups(skillGroups);
    specs =
      agentSpecs ?? [...new Set(groups.flatMap((g) => g.agents))].map((agentId) => ({ agentId }) satisfies AgentSpec);
  } else if (agentSpecs !== undefined) {
    specs = agentSpecs;
    const byNumber = new Map<number, SkillGroupSpec>();
    for (const s of specs) {
      const number = s.skillGroupNumber ?? 100;
      let g = byNumber.get(number);
      if (g === undefined) {
        g = {
          skillGroupNumber: number,
          skillGroupId: s.skillGroupId ?? 5000 + number,
          name: `Skill group ${number}`,
          agents: [],
        };
        byNumber.set(number, g);
      }
      g.agents.push(s.agentId);
    }
    groups = [...byNumber.values()];
  } else {
    specs = [...parseAgentList('1001-1005'), { ...DEFAULT_SUPERVISOR }];
    groups = DEFAULT_SKILL_GROUPS.map((g) => ({ ...g, agents: [...g.agents] }));
    defaults = true;
  }
  const known = new Set(specs.map((s) => s.agentId));
  for (const g of groups)
    for (const a of g.agents)
      if (!known.has(a))
        throw new RangeError(`skill group ${g.skillGroupNumber} names agent ${a}, which is not configured`);
  const numbers = new Set(groups.map((g) => g.skillGroupNumber));
  const agents = specs.map((s) => {
    const member = groups.filter((g) => g.agents.includes(s.agentId)).map((g) => g.skillGroupNumber);
    for (const n of s.skillGroups ?? []) {
      if (!numbers.has(n)) throw new RangeError(`agent ${s.agentId} names skill group ${n}, which is not configured`);
      if (!member.includes(n)) {
        member.push(n);
        groups.find((g) => g.skillGroupNumber === n)!.agents.push(s.agentId);
      }
    }
    const gen = generatedName(s.agentId);
    return {
      ...s,
      firstName: s.firstName ?? gen.firstName,
      lastName: s.lastName ?? gen.lastName,
      skillGroups: member,
    };
  });
  // Teams: as given; with no options at all the default team (1001–1005, supervisor 1009); else none.
  const teamList = teams !== undefined ? parseTeams(teams) : defaults ? parseTeams(DEFAULT_TEAMS) : [];
  for (const t of teamList)
    for (const a of [...t.members, ...t.supervisors])
      if (!known.has(a)) throw new RangeError(`team ${t.teamId} names agent ${a}, which is not configured`);
  return { agents, skillGroups: groups, teams: teamList };
}
