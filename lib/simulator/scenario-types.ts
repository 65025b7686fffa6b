import type { NamedArrayElement, NamedVariable } from '../protocol';
import type { SkillGroupSpec, TeamSpec } from './organization';
import type { AgentSpec } from './types';

/** The JSON scenario format (SCENARIOS.md): scenarios.ts plays it, built-in-scenarios.ts is written in it. */

/** What a scenario step can do (SCENARIOS.md explains each). */
export const SCENARIO_ACTIONS = [
  'answer',
  'hold',
  'retrieve',
  'setCallData',
  'consult',
  'transfer',
  'conference',
  'release',
  'divert',
  'fail',
  'fault',
  'waitForAnswer',
  'hangUp',
  'addAgent',
  'renameAgent',
  'addSkillGroup',
  'renameSkillGroup',
] as const;
/** The steps that change the organisation (sim.config): they need no call. */
export const CONFIG_ACTIONS: ReadonlySet<string> = new Set([
  'addAgent',
  'renameAgent',
  'addSkillGroup',
  'renameSkillGroup',
]);
export type ScenarioAction = (typeof SCENARIO_ACTIONS)[number];

/** One step of a scenario call, run after `delay` ms (simulator clock) from the previous step. */
export interface ScenarioStep {
  delay?: number;
  action: ScenarioAction;
  /**
   * waitForAnswer: how long (ms) the call may ring before the caller abandons (default 60000). The step waits
   * until a client (or the simulator) answers; an abandoned call ends and the call's later steps are skipped.
   */
  timeout?: number;
  /** consult / divert: the target agent (default: the first available other agent). */
  agentId?: string;
  /** setCallData */
  callVariables?: { [n: string]: string };
  namedVariables?: NamedVariable[];
  namedArrays?: NamedArrayElement[];
  callWrapupData?: string;
  /** fault: a fault spec, e.g. "silent", "delay=500ms", "garbage". */
  fault?: string;
  /** addAgent: the new agent (logged out unless `state` says otherwise; `skillGroups` it belongs to). */
  agent?: AgentSpec;
  /** renameAgent: the new first and/or last name (`agentId` names the agent). */
  firstName?: string;
  lastName?: string;
  /** addSkillGroup: the new group (its `agents` must exist). */
  skillGroup?: SkillGroupSpec;
  /** renameSkillGroup: the group and its new name. */
  skillGroupNumber?: number;
  name?: string;
}

/** One call of a scenario. */
export interface ScenarioCall {
  /** Start offset (ms) from the start of the scenario run (ignored with a rate). */
  at?: number;
  /** 'none': no call — the entry only runs its steps at `at` (configuration changes, faults). */
  type?: 'inbound' | 'outbound' | 'none';
  agentId?: string;
  ani?: string;
  dnis?: string;
  dialedNumber?: string;
  callVariables?: { [n: string]: string };
  namedVariables?: NamedVariable[];
  namedArrays?: NamedArrayElement[];
  queued?: boolean;
  /** inbound: the skill group (SkillGroupNumber) the call is routed to (default: any agent). */
  skillGroupNumber?: number;
  /**
   * inbound: "queue" (default) waits in queue when no agent is available; "skip" starts no call then (calls go
   * only to available agents; a Not Ready desktop gets none).
   */
  whenNoAgent?: 'queue' | 'skip';
  queueMs?: number;
  routed?: boolean;
  translationRoute?: boolean;
  /** outbound: the far end is busy (CALL_FAILED). */
  fail?: boolean;
  steps?: ScenarioStep[];
}

/** A JSON scenario (see SCENARIOS.md). */
export interface ScenarioDef {
  name?: string;
  /** One line for `cti-sim --help`. */
  description?: string;
  /** Agents the CLI creates the simulator with (runScenario on a running simulator ignores it). */
  agents?: string | AgentSpec[];
  /** Skill groups the CLI creates the simulator with (organization.ts; `--skill-groups` wins). */
  skillGroups?: string | SkillGroupSpec[];
  /** Teams the CLI creates the simulator with (organization.ts; `--teams` wins). */
  teams?: string | TeamSpec[];
  /** After-call work the CLI creates the simulator with: ms or e.g. "10s" (`--wrapup` wins). Default 0. */
  wrapup?: number | string;
  calls: ScenarioCall[];
}
