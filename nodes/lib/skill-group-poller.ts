/**
 * cti-state's statistics polling: QUERY_SKILL_GROUP_STATISTICS_REQ for each skill group once per interval (as
 * Finesse does, default 10 s), never more than `maxOutstanding` at once, none while the session is not open, and a
 * group whose previous request is still unanswered is skipped for that interval — so the load on the CTI Server
 * stays at one request per group per interval at most.
 */
export interface PollerOptions {
  intervalMs: number;
  maxOutstanding: number;
  /** The groups to ask for now (the editor's list, or every group the configuration named). */
  groups(): number[];
  isOpen(): boolean;
  query(skillGroupNumber: number): Promise<void>;
}

export class SkillGroupPoller {
  private timer: NodeJS.Timeout | undefined;
  private readonly outstanding = new Set<number>();
  private queue: number[] = [];
  /** When the last round started: rounds are never closer than the interval. */
  private lastRound = -Infinity;

  constructor(private readonly o: PollerOptions) {}

  start(): void {
    if (this.timer !== undefined || !(this.o.intervalMs > 0)) return;
    this.timer = setInterval(() => this.tick(), this.o.intervalMs);
  }

  /** A round now (e.g. once the configuration has named the groups), the next ones an interval after it. */
  kick(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = setInterval(() => this.tick(), this.o.intervalMs);
    this.tick();
  }

  /** One round: every group once (unless its last request is still out). */
  tick(): void {
    if (!this.o.isOpen()) {
      this.queue = [];
      return;
    }
    const now = Date.now();
    // A timer may fire a little early: 5 % slack.
    if (now - this.lastRound < this.o.intervalMs * 0.95) return;
    this.lastRound = now;
    for (const n of this.o.groups()) if (!this.outstanding.has(n) && !this.queue.includes(n)) this.queue.push(n);
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
