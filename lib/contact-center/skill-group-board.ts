import type { CtiMessage } from '../protocol';
import { ConfigurationNames } from './configuration-names';

/** One skill group as a wallboard shows it: identity, name, the server's counters and figures computed from them. */
export interface SkillGroupView {
  skillGroupNumber: number;
  skillGroupId?: number;
  /** From configuration acquisition (CONFIG_SKILL_GROUP_EVENT PeripheralName); undefined until it arrived. */
  name?: string;
  /** Real-time counters (QUERY_SKILL_GROUP_STATISTICS_CONF "Now" block). */
  agentsLoggedOn?: number;
  agentsAvail?: number;
  agentsNotReady?: number;
  agentsReady?: number;
  agentsTalkingIn?: number;
  agentsTalkingOut?: number;
  agentsTalkingOther?: number;
  agentsReserved?: number;
  agentsHold?: number;
  agentsWorkReady?: number;
  agentsWorkNotReady?: number;
  /** Agents on a call of any kind: talking in / out / other, on hold. */
  agentsTalking?: number;
  callsQNow?: number;
  longestCallQNow?: number;
  routerCallsQNow?: number;
  longestRouterCallQNow?: number;
  /** "Today" counters (since midnight). */
  handledCallsToday?: number;
  handledCallsTalkTimeToday?: number;
  handledCallsAfterCallTimeToday?: number;
  handledCallsTimeToday?: number;
  callsQToday?: number;
  callsQTimeToday?: number;
  longestCallQToday?: number;
  /** Average handle time today, seconds: HandledCallsTimeToday / HandledCallsToday (undefined with no call). */
  averageHandleTimeToday?: number;
  /**
   * Average speed of answer today, seconds: CallsQTimeToday / CallsQToday — the average wait of the calls that
   * left the queue today. Unsure: it includes calls abandoned in queue (the counters do not separate them).
   */
  averageSpeedOfAnswerToday?: number;
  /** When the counters were read (ms since the epoch); undefined before the first answer. */
  updatedAt?: number;
  /** The last query failed (e.g. E_CTI_INVALID_SKILL_GROUP). */
  error?: string;
}

const NOW_KEYS = [
  'agentsLoggedOn',
  'agentsAvail',
  'agentsNotReady',
  'agentsReady',
  'agentsTalkingIn',
  'agentsTalkingOut',
  'agentsTalkingOther',
  'agentsReserved',
  'agentsHold',
  'agentsWorkReady',
  'agentsWorkNotReady',
  'callsQNow',
  'longestCallQNow',
  'routerCallsQNow',
  'longestRouterCallQNow',
  'handledCallsToday',
  'handledCallsTalkTimeToday',
  'handledCallsAfterCallTimeToday',
  'handledCallsTimeToday',
  'callsQToday',
  'callsQTimeToday',
  'longestCallQToday',
] as const;

/** 0xFFFFFFFF: the server does not know the value (queue counters, §12.5). */
const UNKNOWN = 0xffffffff;

/**
 * Skill groups and names for a wallboard: names from configuration acquisition (skill groups and agents, kept
 * current by update blocks — a ConfigurationNames, shared by every board of one session when given, else the
 * board's own fed by applyConfig), counters from QUERY_SKILL_GROUP_STATISTICS_CONF.
 */
export class SkillGroupBoard {
  /** Counters and errors by SkillGroupNumber (names are looked up in `names` when a view is made). */
  private readonly stats = new Map<number, SkillGroupView>();

  constructor(readonly names: ConfigurationNames = new ConfigurationNames()) {}

  private group(n: number): SkillGroupView {
    let g = this.stats.get(n);
    if (g === undefined) {
      g = { skillGroupNumber: n };
      this.stats.set(n, g);
    }
    return g;
  }

  /** A configuration message (CONFIG_SKILL_GROUP_EVENT, CONFIG_AGENT_EVENT); true when a name changed. */
  applyConfig(msg: CtiMessage): boolean {
    return this.names.apply(msg);
  }

  /** A QUERY_SKILL_GROUP_STATISTICS_CONF. */
  applyStatistics(conf: CtiMessage, at: number): void {
    const g = this.group(conf.skillGroupNumber as number);
    g.skillGroupId = conf.skillGroupId as number;
    for (const k of NOW_KEYS) {
      const v = conf[k] as number | undefined;
      g[k] = v === undefined || v === UNKNOWN ? undefined : v;
    }
    g.agentsTalking =
      (g.agentsTalkingIn ?? 0) + (g.agentsTalkingOut ?? 0) + (g.agentsTalkingOther ?? 0) + (g.agentsHold ?? 0);
    g.averageHandleTimeToday = g.handledCallsToday
      ? Math.round((g.handledCallsTimeToday ?? 0) / g.handledCallsToday)
      : undefined;
    g.averageSpeedOfAnswerToday = g.callsQToday ? Math.round((g.callsQTimeToday ?? 0) / g.callsQToday) : undefined;
    g.updatedAt = at;
    delete g.error;
  }

  /** A query for group `n` failed. */
  failed(n: number, error: string): void {
    this.group(n).error = error;
  }

  /** Skill group numbers the configuration named. */
  configuredGroups(): number[] {
    return this.names.configuredGroups();
  }

  /** "First Last" of an agent the configuration named. */
  agentName(agentId: string | undefined): string | undefined {
    return this.names.agentName(agentId);
  }

  /**
   * The skill groups (of `only` when given; else every group the configuration names or that was polled, but
   * none the configuration deleted or renumbered), by number, each a copy with its name.
   */
  view(only?: number[]): SkillGroupView[] {
    const numbers =
      only !== undefined && only.length > 0
        ? only
        : [...this.names.configuredGroups(), ...[...this.stats.keys()].filter((n) => !this.names.isGone(n))];
    return [...new Set(numbers)]
      .sort((a, b) => a - b)
      .map((n) => {
        const g: SkillGroupView = { ...(this.stats.get(n) ?? { skillGroupNumber: n }) };
        const c = this.names.skillGroup(n);
        if (c?.name !== undefined) g.name = c.name;
        if (g.skillGroupId === undefined && c?.skillGroupId !== undefined) g.skillGroupId = c.skillGroupId;
        return g;
      });
  }
}
