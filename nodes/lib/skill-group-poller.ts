/**
 * cti-state's statistics polling: QUERY_SKILL_GROUP_STATISTICS_REQ for each skill group once per interval (as
 * Finesse does, default 10 s), never more than `maxOutstanding` at once, none while the session is not open, and a
 * group whose previous request is still unanswered is skipped for that interval — so the load on the CTI Server
 * stays at one request per group per interval at most. `K` names a group (its number, or peripheral and number).
 */
export interface PollerOptions<K> {
  intervalMs: number;
  maxOutstanding: number;
  /** The groups to ask for now (the editor's list, or every group the configuration named). */
  groups(): K[];
  isOpen(): boolean;
  query(group: K): Promise<void>;
}

export class SkillGroupPoller<K = number> {
  private timer: NodeJS.Timeout | undefined;
  private readonly outstanding = new Set<K>();
  private queue: K[] = [];
  /** Groups asked for at least once: a group new to the poll is asked for at once, not an interval later. */
  private readonly asked = new Set<K>();
  /** When the last round started: rounds are never closer than the interval. */
  private lastRound = -Infinity;
  private intervalMs: number;

  constructor(private readonly o: PollerOptions<K>) {
    this.intervalMs = o.intervalMs;
  }

  start(): void {
    if (this.timer !== undefined || !(this.intervalMs > 0)) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  /** A new interval (the shortest its users ask for): takes effect from the next tick. */
  setInterval(ms: number): void {
    if (ms === this.intervalMs) return;
    this.intervalMs = ms;
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  /**
   * A round now (e.g. once the configuration has named the groups, or the session opened), the next ones an
   * interval after it. Within an interval of the last round only groups never asked for yet are asked (a second
   * board joining a running poll adds its groups without doubling the others).
   */
  kick(): void {
    if (this.timer === undefined) return;
    if (Date.now() - this.lastRound < this.intervalMs * 0.95) {
      this.round(this.o.groups().filter((n) => !this.asked.has(n)));
      return;
    }
    clearInterval(this.timer);
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.tick();
  }

  /** One round: every group once (unless its last request is still out). */
  tick(): void {
    const now = Date.now();
    // A timer may fire a little early: 5 % slack.
    if (!this.o.isOpen() || now - this.lastRound < this.intervalMs * 0.95) return this.round([]);
    this.lastRound = now;
    this.round(this.o.groups());
  }

  private round(groups: K[]): void {
    if (!this.o.isOpen()) {
      this.queue = [];
      return;
    }
    for (const n of groups)
      if (!this.outstanding.has(n) && !this.queue.includes(n)) {
        this.queue.push(n);
        this.asked.add(n);
      }
    this.pump();
  }

  private pump(): void {
    while (this.outstanding.size < this.o.maxOutstanding && this.queue.length > 0) {
      const n = this.queue.shift()!;
      if (!this.o.isOpen()) {
        this.queue = [];
        return;
      }
      this.outstanding.add(n);
      void this.o.query(n).finally(() => {
        this.outstanding.delete(n);
        this.pump();
      });
    }
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.queue = [];
  }
}
