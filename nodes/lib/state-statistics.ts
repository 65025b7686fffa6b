/**
 * cti-state's skill group statistics, ONE poll per cti-server node: every cti-state that lists a server joins that
 * server's poll (as the configuration is asked for once per server, nodes/lib/server/config-acquisition.ts), so two
 * boards on one server cost the CTI Server one QUERY_SKILL_GROUP_STATISTICS_REQ per group per interval, not two.
 * The counters land on one board per peripheral; each node shows its own groups from it.
 *
 * Kept beside the server node (a WeakMap keyed by it) rather than in it: the poll lives while some cti-state uses
 * it, and a redeployed server node is a new object with a new poll.
 */
import { SkillGroupBoard } from '../../lib/contact-center';
import { SkillGroupPoller } from './skill-group-poller';
import type { CtiServerNode } from './server-api';

/** At most this many statistics requests wait for their answer at once, per server. */
const MAX_OUTSTANDING = 2;
const NULL_ID = 0xffffffff;

export interface StatisticsUser {
  /** The editor's groups; empty = every group the configuration names. */
  readonly groups: readonly number[];
  readonly intervalMs: number;
  /** The PeripheralID this user's requests name (its PG's or its filter's); undefined while unknown. */
  peripheralId(): number | undefined;
  /** New counters arrived (or a query failed). */
  changed(): void;
}

const polls = new WeakMap<CtiServerNode, ServerStatistics>();

export class ServerStatistics {
  /** The poll of `server`, made at its first user. */
  static of(server: CtiServerNode): ServerStatistics {
    let p = polls.get(server);
    if (p === undefined) {
      p = new ServerStatistics(server);
      polls.set(server, p);
    }
    return p;
  }

  private readonly users = new Set<StatisticsUser>();
  private readonly boards = new Map<number, SkillGroupBoard>();
  private poller: SkillGroupPoller<string> | undefined;

  private constructor(private readonly server: CtiServerNode) {}

  /** Joins the poll (it starts with its first user, at the shortest interval any user asks for). Returns the leave. */
  join(user: StatisticsUser): () => void {
    this.users.add(user);
    this.retime();
    return () => {
      this.users.delete(user);
      this.retime();
    };
  }

  /** The counters and names for the peripheral `user` asks about. */
  board(user: StatisticsUser): SkillGroupBoard {
    return this.boardOf(this.requestPeripheralId(user));
  }

  /**
   * A round now: at an open, when a user joins an open session, or when the configuration upload ended. Groups
   * asked for within the last interval are not asked again.
   */
  kick(): void {
    this.poller?.kick();
  }

  private boardOf(peripheralId: number): SkillGroupBoard {
    let b = this.boards.get(peripheralId);
    if (b === undefined) {
      b = new SkillGroupBoard(this.server.configurationNames?.());
      this.boards.set(peripheralId, b);
    }
    return b;
  }

  /** Before the PG's own ID is known: the one the session's agents carry, else NULL (the server's default). */
  private requestPeripheralId(user: StatisticsUser): number {
    return user.peripheralId() ?? this.server.tracked()?.agents[0]?.peripheralId ?? NULL_ID;
  }

  private retime(): void {
    if (this.users.size === 0) {
      this.poller?.stop();
      this.poller = undefined;
      polls.delete(this.server);
      return;
    }
    // Unsure: boards asking for different intervals share the shortest (each then sees fresher counters than it
    // asked for; the load is one request per group per shortest interval).
    const intervalMs = Math.min(...[...this.users].map((u) => u.intervalMs));
    if (this.poller !== undefined) return this.poller.setInterval(intervalMs);
    this.poller = new SkillGroupPoller<string>({
      intervalMs,
      maxOutstanding: MAX_OUTSTANDING,
      groups: () => this.wanted(),
      isOpen: () => this.server.currentState().state === 'open',
      query: (key) => this.query(key),
    });
    this.poller.start();
  }

  /** Every (peripheral, group) some user shows, once: "<peripheralId>:<number>". */
  private wanted(): string[] {
    const keys = new Set<string>();
    for (const u of this.users) {
      const pid = this.requestPeripheralId(u);
      const groups = u.groups.length > 0 ? u.groups : this.boardOf(pid).configuredGroups();
      for (const n of groups) keys.add(`${pid}:${n}`);
    }
    return [...keys];
  }

  private async query(key: string): Promise<void> {
    const [peripheralId, skillGroupNumber] = key.split(':').map(Number) as [number, number];
    const board = this.boardOf(peripheralId);
    try {
      const conf = await this.server.request({
        messageType: 'QUERY_SKILL_GROUP_STATISTICS_REQ',
        peripheralId,
        skillGroupNumber,
        skillGroupId: NULL_ID,
      });
      board.applyStatistics(conf, Date.now());
    } catch (err) {
      board.failed(skillGroupNumber, (err as Error).message);
    }
    for (const u of [...this.users]) u.changed();
  }
}
