import { AgentState } from '../protocol';
import type { SimModel } from './model';
import {
  generatedName,
  parseSkillGroups,
  simSkillGroup,
  type SimSkillGroup,
  type SkillGroupSpec,
} from './organization';
import type { AgentSpec } from './types';

/**
 * Changes to the organisation while the simulator runs (`sim.config`, or a scenario's "config" step): each one
 * changes the model and announces itself with the model's 'config' event, which configuration acquisition turns
 * into an update block for the clients that asked (config-acquisition.ts).
 */
export class SimConfigChanges {
  constructor(private readonly m: SimModel) {}

  /** Adds an agent (logged out unless `state` says otherwise), in the skill groups `skillGroups` names. */
  addAgent(spec: AgentSpec): void {
    if (this.m.agents.has(spec.agentId)) throw new RangeError(`agent ${spec.agentId} exists already`);
    const groups = spec.skillGroups ?? [];
    for (const n of groups) if (!this.m.skillGroups.has(n)) throw new RangeError(`no skill group ${n}`);
    const st = typeof spec.state === 'string' ? AgentState.valueOf(spec.state) : spec.state;
    if (typeof spec.state === 'string' && st === undefined) throw new RangeError(`unknown agent state "${spec.state}"`);
    const gen = generatedName(spec.agentId);
    const primary = groups.length > 0 ? this.m.skillGroups.get(groups[0]) : undefined;
    const extension = spec.extension ?? spec.agentId;
    const skillTargetId = 5001 + this.m.agents.size;
    this.m.agents.set(spec.agentId, {
      agentId: spec.agentId,
      extension,
      instrument: spec.instrument ?? extension,
      skillGroupNumber: primary?.skillGroupNumber ?? 0xffffffff,
      skillGroupId: primary?.skillGroupId ?? 0xffffffff,
      skillGroupNumbers: [...groups],
      firstName: spec.firstName ?? gen.firstName,
      lastName: spec.lastName ?? gen.lastName,
      skillTargetId,
      state: st ?? AgentState.byName.AGENT_STATE_LOGOUT,
      reasonCode: 0,
      stateSince: this.m.clock.now(),
      sessionId: 0,
    });
    for (const n of groups) this.m.skillGroups.get(n)!.agents.push(spec.agentId);
    this.m.configChanged({ kind: 'agent', action: 'added', id: spec.agentId });
  }

  /** Renames an agent (first and/or last name). */
  renameAgent(agentId: string, name: { firstName?: string; lastName?: string }): void {
    const a = this.m.getAgent(agentId);
    if (name.firstName !== undefined) a.firstName = checkName(name.firstName);
    if (name.lastName !== undefined) a.lastName = checkName(name.lastName);
    this.m.configChanged({ kind: 'agent', action: 'changed', id: agentId });
  }

  /** Adds a skill group (its member agents must exist; they gain it as a further group). */
  addSkillGroup(spec: SkillGroupSpec): void {
    const [g] = parseSkillGroups([spec]);
    if (this.m.skillGroups.has(g.skillGroupNumber))
      throw new RangeError(`skill group ${g.skillGroupNumber} exists already`);
    for (const a of g.agents) this.m.getAgent(a);
    const group: SimSkillGroup = simSkillGroup(g);
    this.m.skillGroups.set(g.skillGroupNumber, group);
    for (const id of g.agents) {
      const a = this.m.getAgent(id);
      a.skillGroupNumbers.push(g.skillGroupNumber);
      if (a.skillGroupNumbers.length === 1) {
        a.skillGroupNumber = g.skillGroupNumber;
        a.skillGroupId = g.skillGroupId;
      }
    }
    this.m.configChanged({ kind: 'skillGroup', action: 'added', id: g.skillGroupNumber });
    for (const id of g.agents) this.m.configChanged({ kind: 'agent', action: 'changed', id });
  }

  /** Renames a skill group. */
  renameSkillGroup(skillGroupNumber: number, name: string): void {
    const g = this.m.skillGroups.get(skillGroupNumber);
    if (g === undefined) throw new RangeError(`no skill group ${skillGroupNumber}`);
    g.name = checkName(name);
    this.m.configChanged({ kind: 'skillGroup', action: 'changed', id: skillGroupNumber });
  }
}

function checkName(n: string): string {
  const t = String(n).trim();
  if (t.length === 0 || t.length > 31) throw new RangeError(`a name of 1-31 characters, got "${n}"`);
  return t;
}
