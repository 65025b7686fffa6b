import { CallType, type CtiMessage } from '../protocol';
import {
  AGENT_STATISTICS_COUNTERS,
  SKILL_GROUP_INTERVAL_COUNTERS,
  SKILL_GROUP_INTERVALS,
  SKILL_GROUP_NOW_FIELDS,
} from '../protocol/messages/statistics';
import { fieldKey } from '../protocol/naming';
import { AS } from './events';
import type { SimAgent, SimCall, SimModel } from './model';
import type { SimSkillGroup } from './organization';
import type { SimEvent } from './types';

/**
 * Statistics of the simulated peripheral (cti-protocol-statistics-teams.md §12.5), kept from the model's own
 * events on the simulator's clock (so --speed shortens the intervals too):
 * - "Now" values are computed from the agents' states and the queues at the moment of the request;
 * - time-in-state counters (AvailTime, NotReadyTime, LoggedOnTime …) accumulate when an agent's state changes
 *   (a query adds the time of the present state so far);
 * - call counts and times move when the call's after-call work ends: when the agent leaves the call, its handling
 *   waits (pending) until the agent settles — at once when no wrap-up follows (AfterCallTime 0), else when the
 *   agent leaves WORK_READY / WORK_NOT_READY (call-flows.ts agentWrapsUp), with the time spent there as
 *   HandledCallsAfterCallTime (and in …Time; TalkTime ends when the call does).
 * Windows: To5 and ToHalf restart at every 5-minute / half-hour boundary of the clock, Today at midnight, an
 * agent's Session at its login. Unsure: whose midnight (the guide does not say) — UTC of the simulator's clock.
 * A window that turns over while a state lasts gets the whole of that state's time (the time is added when the
 * state ends).
 */

const DAY = 86400000;
const WINDOW_MS = { To5: 300000, ToHalf: 1800000, Today: DAY } as const;
type Counters = Record<string, number>;

/** A set of counters that restarts when its window (a clock interval, or a login) turns over. */
class Bucket {
  private key = NaN;
  private values: Counters = {};

  constructor(private readonly windowOf: (now: number) => number) {}

  private roll(now: number): Counters {
    const k = this.windowOf(now);
    if (k !== this.key) {
      this.key = k;
      this.values = {};
    }
    return this.values;
  }
  add(name: string, v: number, now: number): void {
    const c = this.roll(now);
    c[name] = (c[name] ?? 0) + v;
  }
  max(name: string, v: number, now: number): void {
    const c = this.roll(now);
    c[name] = Math.max(c[name] ?? 0, v);
  }
  read(now: number): Counters {
    return this.roll(now);
  }
  restart(): void {
    this.key = NaN;
    this.values = {};
  }
}

const clockWindow = (ms: number) => (now: number) => Math.floor(now / ms);

/** One agent's "Session" and "Today" counters. */
interface AgentStats {
  session: Bucket;
  today: Bucket;
  /** The state the time counters last accounted for, and since when. */
  state: number;
  since: number;
}

/** One skill group's interval counters. */
interface GroupStats {
  To5: Bucket;
  ToHalf: Bucket;
  Today: Bucket;
}

/** A call an agent is handling, until its after-call work ends. */
interface Handling {
  agentId: string;
  group: number | undefined;
  outbound: boolean;
  answeredAt: number;
  held: boolean;
  holdMs: number;
  holdSince?: number;
  /** When the agent's part of the call ended (talk time ends here). */
  endedAt?: number;
}

const LOGGED_OUT = new Set<number>([AS.AGENT_STATE_LOGOUT, AS.AGENT_STATE_UNKNOWN]);
const TALKING = new Set<number>([AS.AGENT_STATE_TALKING, AS.AGENT_STATE_HOLD]);
const WORK = new Set<number>([AS.AGENT_STATE_WORK_READY, AS.AGENT_STATE_WORK_NOT_READY]);
const secs = (ms: number): number => Math.max(0, Math.round(ms / 1000));

export class SimStatistics {
  private readonly agents = new Map<string, AgentStats>();
  private readonly groups = new Map<number, GroupStats>();
  /** Calls waiting in a skill group's queue, since when. */
  private readonly queued = new Map<object, { group: number; since: number }>();
  /** The skill group each call was routed to (from its CALL_QUEUED_EVENT). */
  private readonly callGroup = new WeakMap<object, number>();
  private readonly handling = new Map<object, Handling[]>();
  /** Calls an agent has left whose after-call work has not ended yet, by AgentID; since when in wrap-up. */
  private readonly pending = new Map<string, { calls: Handling[]; wrapSince?: number }>();

  constructor(private readonly model: SimModel) {
    model.on('event', (e) => this.onEvent(e));
  }

  private get now(): number {
    return this.model.clock.now();
  }

  private agentStats(a: SimAgent): AgentStats {
    let s = this.agents.get(a.agentId);
    if (s === undefined) {
      s = { session: new Bucket(() => 0), today: new Bucket(clockWindow(DAY)), state: a.state, since: a.stateSince };
      this.agents.set(a.agentId, s);
    }
    return s;
  }

  private groupStats(n: number): GroupStats {
    let g = this.groups.get(n);
    if (g === undefined) {
      g = {
        To5: new Bucket(clockWindow(WINDOW_MS.To5)),
        ToHalf: new Bucket(clockWindow(WINDOW_MS.ToHalf)),
        Today: new Bucket(clockWindow(WINDOW_MS.Today)),
      };
      this.groups.set(n, g);
    }
    return g;
  }

  /** Adds to an agent's counters and to those of each of its skill groups (only `groups` when given). */
  private add(a: SimAgent, values: Counters, groups: number[] = a.skillGroupNumbers, agentOnly = false): void {
    const now = this.now;
    const s = this.agentStats(a);
    for (const [k, v] of Object.entries(values)) {
      s.session.add(k, v, now);
      s.today.add(k, v, now);
    }
    if (agentOnly) return;
    for (const n of groups) {
      const g = this.groupStats(n);
      for (const [k, v] of Object.entries(values)) for (const b of [g.To5, g.ToHalf, g.Today]) b.add(k, v, now);
    }
  }

  /**
   * Counts one supervisory action or emergency (supervision.ts): BargeInCalls, InterceptCalls, MonitorCalls,
   * EmergencyCalls — for the agent and its skill groups.
   */
  countFor(a: SimAgent, counter: 'BargeInCalls' | 'InterceptCalls' | 'MonitorCalls' | 'EmergencyCalls'): void {
    this.add(a, { [counter]: 1 });
  }

  /** Seconds of each time-in-state counter that `ms` in `state` earns. */
  private static stateTimes(state: number, ms: number): Counters {
    const out: Counters = {};
    if (LOGGED_OUT.has(state)) return out;
    const t = ms / 1000;
    out.LoggedOnTime = t;
    if (state === AS.AGENT_STATE_AVAILABLE) {
      out.AvailTime = t;
      // Unsure: ICM-available and routable taken as Available (the simulator has no routable flag).
      out.ICMAvailableTime = t;
      out.RoutableTime = t;
    }
    if (state === AS.AGENT_STATE_NOT_READY) out.NotReadyTime = t;
    return out;
  }

  private onEvent(e: SimEvent): void {
    const msg = e.msg;
    switch (msg.messageType) {
      case 'AGENT_STATE_EVENT':
        this.agentStateChanged(msg);
        break;
      case 'CALL_QUEUED_EVENT': {
        const call = e.calls?.[0];
        const group = Array.isArray(msg.skillGroupNumber) ? (msg.skillGroupNumber[0] as number) : undefined;
        if (call !== undefined && group !== undefined) {
          this.queued.set(call, { group, since: this.now });
          this.callGroup.set(call, group);
        }
        break;
      }
      case 'CALL_DEQUEUED_EVENT':
        this.leaveQueue(e.calls?.[0]);
        break;
      case 'CALL_ESTABLISHED_EVENT':
        this.answered(e.calls?.[0] as SimCall | undefined);
        break;
      case 'CALL_HELD_EVENT':
      case 'CALL_RETRIEVED_EVENT':
        this.hold(e.calls?.[0], msg);
        break;
      case 'CALL_CONNECTION_CLEARED_EVENT':
        this.connectionEnded(e.calls?.[0], msg.releasingDeviceId as string | undefined);
        break;
      case 'CALL_CLEARED_EVENT':
        this.leaveQueue(e.calls?.[0]);
        this.callEnded(e.calls?.[0]);
        break;
      case 'CALL_TRANSFERRED_EVENT':
        this.transferred(e.calls, msg.transferringDeviceId as string | undefined);
        break;
    }
  }

  private agentStateChanged(msg: CtiMessage): void {
    const a = this.model.agents.get(msg.agentId as string);
    if (a === undefined) return;
    const s = this.agentStats(a);
    const now = this.now;
    this.add(a, SimStatistics.stateTimes(s.state, now - s.since));
    // A login starts a new Session.
    if (LOGGED_OUT.has(s.state) && !LOGGED_OUT.has(a.state)) s.session.restart();
    s.state = a.state;
    s.since = now;
    const p = this.pending.get(a.agentId);
    if (p === undefined) return;
    // Entering wrap-up starts the after-call work; any other state ends it (or there was none).
    if (WORK.has(a.state)) p.wrapSince ??= now;
    else this.settle(a.agentId);
  }

  /** The agent has left a call and taken its state after it (call-flows.ts): unless wrapping up, count now. */
  agentFreed(a: SimAgent): void {
    const p = this.pending.get(a.agentId);
    if (p !== undefined && !(p.wrapSince !== undefined && WORK.has(a.state))) this.settle(a.agentId);
  }

  /** Counts the agent's pending calls: their after-call work ends now. */
  private settle(agentId: string): void {
    const p = this.pending.get(agentId);
    if (p === undefined) return;
    this.pending.delete(agentId);
    const afterCall = p.wrapSince === undefined ? 0 : this.now - p.wrapSince;
    for (const h of p.calls) this.completed(h, afterCall);
  }

  /** The agent's part of a call is over: its after-call work may follow (counted when it ends). */
  private left(h: Handling): void {
    const now = this.now;
    if (h.holdSince !== undefined) {
      h.holdMs += now - h.holdSince;
      h.holdSince = undefined;
    }
    h.endedAt = now;
    const p = this.pending.get(h.agentId) ?? { calls: [] };
    p.calls.push(h);
    this.pending.set(h.agentId, p);
  }

  private leaveQueue(call: object | undefined): void {
    const q = call === undefined ? undefined : this.queued.get(call);
    if (q === undefined) return;
    this.queued.delete(call!);
    const now = this.now;
    const waited = secs(now - q.since);
    const g = this.groupStats(q.group);
    for (const b of SKILL_GROUP_INTERVALS) {
      const bucket = g[b.suffix];
      const [count, time, longest] = b.queue;
      bucket.add(count, 1, now);
      bucket.add(time, waited, now);
      bucket.max(longest, waited, now);
    }
  }

  private answered(call: SimCall | undefined): void {
    if (call === undefined || call.agentId === undefined) return;
    const list = this.handling.get(call) ?? [];
    if (list.some((h) => h.agentId === call.agentId)) return;
    const outbound = call.callType === CallType.byName.CALLTYPE_AGENT_OUT;
    // A call routed to a group without queueing (no CALL_QUEUED_EVENT) counts there too.
    if (!this.callGroup.has(call) && call.skillGroupNumber !== undefined)
      this.callGroup.set(call, call.skillGroupNumber);
    list.push({
      agentId: call.agentId,
      group: this.callGroup.get(call),
      outbound,
      answeredAt: this.now,
      held: false,
      holdMs: 0,
    });
    this.handling.set(call, list);
  }

  private hold(call: object | undefined, msg: CtiMessage): void {
    for (const h of (call && this.handling.get(call)) || []) {
      const a = this.model.agents.get(h.agentId);
      const device = msg.messageType === 'CALL_HELD_EVENT' ? msg.holdingDeviceId : msg.retrievingDeviceId;
      if (a === undefined || (device !== undefined && device !== a.extension)) continue;
      if (msg.messageType === 'CALL_HELD_EVENT' && h.holdSince === undefined) {
        h.held = true;
        h.holdSince = this.now;
      } else if (msg.messageType === 'CALL_RETRIEVED_EVENT' && h.holdSince !== undefined) {
        h.holdMs += this.now - h.holdSince;
        h.holdSince = undefined;
      }
    }
  }

  private connectionEnded(call: object | undefined, device: string | undefined): void {
    const list = call === undefined ? undefined : this.handling.get(call);
    if (list === undefined || device === undefined) return;
    const left = list.filter((h) => this.model.agents.get(h.agentId)?.extension === device);
    for (const h of left) this.left(h);
    this.handling.set(
      call!,
      list.filter((h) => !left.includes(h)),
    );
  }

  private callEnded(call: object | undefined): void {
    if (call === undefined) return;
    for (const h of this.handling.get(call) ?? []) this.left(h);
    this.handling.delete(call);
  }

  /**
   * A consult transfer: the transferring agent's part of the original call ends (its after-call work may follow);
   * the consultation call ends without CALL_CLEARED — its handling (an internal call) is dropped.
   */
  private transferred(calls: object[] | undefined, device: string | undefined): void {
    const [held, consult] = calls ?? [];
    if (consult !== undefined) this.handling.delete(consult);
    const list = held === undefined ? undefined : this.handling.get(held);
    if (list === undefined || device === undefined) return;
    const from = list.filter((h) => this.model.agents.get(h.agentId)?.extension === device);
    for (const h of from) this.left(h);
    this.handling.set(
      held!,
      list.filter((h) => !from.includes(h)),
    );
  }

  /** The call's after-call work has ended (`afterCallMs` of wrap-up, 0 when none followed): count it. */
  private completed(h: Handling, afterCallMs: number): void {
    const a = this.model.agents.get(h.agentId);
    if (a === undefined) return;
    const talk = secs((h.endedAt ?? this.now) - h.answeredAt);
    const afterCall = secs(afterCallMs);
    const family = h.outbound ? 'AgentOutCalls' : 'HandledCalls';
    const values: Counters = {
      [family]: 1,
      [`${family}TalkTime`]: talk,
      [`${family}Time`]: talk + afterCall,
    };
    if (!h.outbound) values.HandledCallsAfterCallTime = afterCall;
    const heldFamily = h.outbound ? 'AgentOutCalls' : 'IncomingCalls';
    if (h.held) {
      values[`${heldFamily}Held`] = 1;
      values[`${heldFamily}HeldTime`] = secs(h.holdMs);
    }
    // Counted for the skill group the call was routed to; a call delivered without one counts for the agent's
    // primary group (Unsure: real servers attribute by the routing script's skill group).
    const group = h.group ?? (a.skillGroupNumbers[0] as number | undefined);
    this.add(a, values, group === undefined ? [] : [group]);
  }

  /** Calls waiting in `group` now: how many, their summed and longest wait (seconds). */
  queueNow(group: number): { count: number; total: number; longest: number } {
    const now = this.now;
    let count = 0;
    let total = 0;
    let longest = 0;
    for (const q of this.queued.values()) {
      if (q.group !== group) continue;
      const w = secs(now - q.since);
      count++;
      total += w;
      longest = Math.max(longest, w);
    }
    return { count, total, longest };
  }

  /** QUERY_SKILL_GROUP_STATISTICS_CONF's fields (lowerCamelCase) for a skill group, as of now. */
  skillGroupStatistics(g: SimSkillGroup): Record<string, number> {
    const out: Record<string, number> = {};
    for (const f of SKILL_GROUP_NOW_FIELDS) out[fieldKey(f)] = 0;
    const members = g.agents.map((id) => this.model.agents.get(id)).filter((a): a is SimAgent => a !== undefined);
    const count = (pred: (a: SimAgent) => boolean): number => members.filter(pred).length;
    const onCallFor = (a: SimAgent): SimCall | undefined =>
      this.model.callsOf(a.agentId).find((c) => c.connections.size > 0);
    const forOtherGroup = (a: SimAgent): boolean => {
      const c = onCallFor(a);
      const cg = c === undefined ? undefined : this.callGroup.get(c);
      return cg !== undefined && cg !== g.skillGroupNumber;
    };
    const talking = (a: SimAgent, outbound: boolean): boolean => {
      if (a.state !== AS.AGENT_STATE_TALKING || forOtherGroup(a)) return false;
      const c = onCallFor(a);
      return c !== undefined && (c.callType === CallType.byName.CALLTYPE_AGENT_OUT) === outbound;
    };
    out.agentsLoggedOn = count((a) => !LOGGED_OUT.has(a.state));
    out.agentsAvail = count((a) => a.state === AS.AGENT_STATE_AVAILABLE);
    out.agentsNotReady = count((a) => a.state === AS.AGENT_STATE_NOT_READY);
    // AgentsReady as the CTI OS guides define it: logged on and not Not Ready (§12.5).
    out.agentsReady = out.agentsLoggedOn - out.agentsNotReady;
    out.agentsTalkingIn = count((a) => talking(a, false));
    out.agentsTalkingOut = count((a) => talking(a, true));
    out.agentsWorkNotReady = count((a) => a.state === AS.AGENT_STATE_WORK_NOT_READY);
    out.agentsWorkReady = count((a) => a.state === AS.AGENT_STATE_WORK_READY);
    out.agentsBusyOther = count((a) => TALKING.has(a.state) && forOtherGroup(a));
    out.agentsReserved = count((a) => a.state === AS.AGENT_STATE_RESERVED);
    out.agentsHold = count((a) => a.state === AS.AGENT_STATE_HOLD);
    out.agentsIcmAvailable = out.agentsAvail;
    const q = this.queueNow(g.skillGroupNumber);
    // Unsure (§12.5): which of the two queue counters a UCCE fills; the simulator's one queue is in both.
    out.routerCallsQNow = q.count;
    out.longestRouterCallQNow = q.longest;
    out.callsQNow = q.count;
    out.callsQTimeNow = q.total;
    out.longestCallQNow = q.longest;
    const stats = this.groupStats(g.skillGroupNumber);
    const now = this.now;
    // Time-in-state of the present states so far, summed over the members.
    const partial: Counters = {};
    for (const a of members) {
      const s = this.agentStats(a);
      for (const [k, v] of Object.entries(SimStatistics.stateTimes(s.state, now - s.since)))
        partial[k] = (partial[k] ?? 0) + v;
    }
    for (const b of SKILL_GROUP_INTERVALS) {
      const values = stats[b.suffix].read(now);
      for (const c of SKILL_GROUP_INTERVAL_COUNTERS)
        out[fieldKey(`${c}${b.suffix}`)] = Math.floor((values[c] ?? 0) + (partial[c] ?? 0));
      for (const c of b.queue) out[fieldKey(c)] = values[c] ?? 0;
    }
    return out;
  }

  /** QUERY_AGENT_STATISTICS_CONF's counters (lowerCamelCase) for an agent, as of now. */
  agentStatistics(a: SimAgent): Record<string, number> {
    const s = this.agentStats(a);
    const now = this.now;
    const partial = SimStatistics.stateTimes(s.state, now - s.since);
    const out: Record<string, number> = {};
    for (const [suffix, bucket] of [
      ['Session', s.session],
      ['Today', s.today],
    ] as const) {
      const values = bucket.read(now);
      for (const c of AGENT_STATISTICS_COUNTERS)
        out[fieldKey(`${c}${suffix}`)] = Math.floor((values[c] ?? 0) + (partial[c] ?? 0));
    }
    return out;
  }
}

const attached = new WeakMap<SimModel, SimStatistics>();

/** The statistics of a model (one per model: both sides of a pair share them). */
export function statisticsOf(model: SimModel): SimStatistics {
  let s = attached.get(model);
  if (s === undefined) {
    s = new SimStatistics(model);
    attached.set(model, s);
  }
  return s;
}
