/**
 * Names from configuration acquisition (CONFIG_SKILL_GROUP_EVENT, CONFIG_AGENT_EVENT): skill groups by
 * SkillGroupNumber (with their SkillGroupID and name) and agents by LoginID (first and last name), kept current by
 * the update blocks. One per CTI session: the cti-server node keeps it and every user of that server reads it, so
 * the configuration is asked for once per session, not once per board.
 */
import { configRecords, CONFIG_ITEM, CONFIG_RECORD, type CtiMessage } from '../protocol';

const SKILL_GROUP_ITEM = CONFIG_ITEM.SKILL_GROUP;
const AGENT_ITEM = CONFIG_ITEM.AGENT;

export interface ConfiguredSkillGroup {
  skillGroupNumber: number;
  skillGroupId?: number;
  name?: string;
}

export class ConfigurationNames {
  private readonly groups = new Map<number, ConfiguredSkillGroup>();
  private readonly agents = new Map<string, { firstName?: string; lastName?: string }>();
  /** Skill group numbers the configuration deleted or renumbered: a board drops what it kept for them. */
  private readonly gone = new Set<number>();
  /** During a snapshot (initial upload): the keys it named, so what it no longer names is dropped at its end. */
  private snapshot: { groups: Set<number>; agents: Set<string> } | undefined;

  /** A new initial upload begins (after a reopen): entries it does not name again are dropped when it ends. */
  beginSnapshot(): void {
    this.snapshot = { groups: new Set(), agents: new Set() };
  }

  /**
   * The upload ended. `items`: the ConfigInformation bits it carried (only those items are pruned — an upload
   * without agents leaves the agents' names as they were).
   */
  endSnapshot(items: number): void {
    const seen = this.snapshot;
    this.snapshot = undefined;
    if (seen === undefined) return;
    if ((items & SKILL_GROUP_ITEM) !== 0)
      for (const n of [...this.groups.keys()])
        if (!seen.groups.has(n)) {
          this.groups.delete(n);
          this.gone.add(n);
        }
    if ((items & AGENT_ITEM) !== 0)
      for (const id of [...this.agents.keys()]) if (!seen.agents.has(id)) this.agents.delete(id);
  }

  /** A configuration message (CONFIG_SKILL_GROUP_EVENT, CONFIG_AGENT_EVENT); true when a name changed. */
  apply(msg: CtiMessage): boolean {
    if (msg.messageType === 'CONFIG_SKILL_GROUP_EVENT') return this.applySkillGroups(msg);
    if (msg.messageType === 'CONFIG_AGENT_EVENT') return this.applyAgents(msg);
    return false;
  }

  private applySkillGroups(msg: CtiMessage): boolean {
    let changed = false;
    for (const r of configRecords(msg)) {
      const n = r.peripheralNumber as number | undefined;
      if (n === undefined) continue;
      const old = r.oldPeripheralNumber as number | undefined;
      if (r.recordType === CONFIG_RECORD.DELETE) {
        // Gone even when it was never named here: a board may hold counters polled for it.
        this.groups.delete(n);
        this.gone.add(n);
        changed = true;
        continue;
      }
      if (old !== undefined && old !== n && this.groups.has(old)) {
        this.groups.set(n, { ...this.groups.get(old)!, skillGroupNumber: n });
        this.groups.delete(old);
        this.gone.add(old);
      }
      this.gone.delete(n);
      this.snapshot?.groups.add(n);
      const g = this.groups.get(n) ?? { skillGroupNumber: n };
      if (typeof r.peripheralName === 'string') g.name = r.peripheralName;
      if (typeof r.skillGroupSkillTargetId === 'number') g.skillGroupId = r.skillGroupSkillTargetId;
      this.groups.set(n, g);
      changed = true;
    }
    return changed;
  }

  private applyAgents(msg: CtiMessage): boolean {
    let changed = false;
    for (const r of configRecords(msg)) {
      const id = r.loginId as string | undefined;
      if (id === undefined) continue;
      changed = true;
      if (r.recordType === CONFIG_RECORD.DELETE) this.agents.delete(id);
      else {
        if (typeof r.oldLoginId === 'string') this.agents.delete(r.oldLoginId);
        this.snapshot?.agents.add(id);
        this.agents.set(id, { firstName: r.firstName as string, lastName: r.lastName as string });
      }
    }
    return changed;
  }

  /** The configured skill group `n`, a copy (undefined when the configuration has not named it). */
  skillGroup(n: number): ConfiguredSkillGroup | undefined {
    const g = this.groups.get(n);
    return g === undefined ? undefined : { ...g };
  }

  /** Skill group numbers the configuration named, ascending. */
  configuredGroups(): number[] {
    return [...this.groups.values()]
      .filter((g) => g.name !== undefined)
      .map((g) => g.skillGroupNumber)
      .sort((a, b) => a - b);
  }

  /** True when the configuration deleted or renumbered skill group `n` (and has not named it again). */
  isGone(n: number): boolean {
    return this.gone.has(n);
  }

  /** "First Last" of an agent the configuration named. */
  agentName(agentId: string | undefined): string | undefined {
    const n = agentId === undefined ? undefined : this.agents.get(agentId);
    if (n === undefined) return undefined;
    const name = [n.firstName, n.lastName].filter((s) => s !== undefined && s !== '').join(' ');
    return name === '' ? undefined : name;
  }

  get skillGroupCount(): number {
    return this.groups.size;
  }

  get agentCount(): number {
    return this.agents.size;
  }

  clear(): void {
    this.groups.clear();
    this.agents.clear();
    this.gone.clear();
    this.snapshot = undefined;
  }
}
