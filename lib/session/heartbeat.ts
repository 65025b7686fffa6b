/**
 * Heartbeats and dead-link detection. HEARTBEAT_REQ goes out once per interval; any frame from the server
 * (a HEARTBEAT_CONF or anything else) is a sign of life. When `deadAfterIntervals` intervals pass without
 * one, the link is dead — TCP alone can take hours to notice a silently vanished peer.
 */
export interface HeartbeatHandlers {
  sendHeartbeat(): void;
  /** No sign of life for `silentMs`. */
  onDead(silentMs: number): void;
}

export class Heartbeat {
  private beatTimer: NodeJS.Timeout | null = null;
  private lifeTimer: NodeJS.Timeout | null = null;
  private lastLifeAt = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly deadAfterIntervals: number,
    private readonly handlers: HeartbeatHandlers,
  ) {}

  get enabled(): boolean {
    return this.intervalMs > 0;
  }

  start(): void {
    this.stop();
    if (!this.enabled) return;
    this.lastLifeAt = Date.now();
    this.beatTimer = setInterval(() => this.handlers.sendHeartbeat(), this.intervalMs);
    const deadMs = this.intervalMs * this.deadAfterIntervals;
    this.lifeTimer = setTimeout(() => {
      this.stop();
      this.handlers.onDead(Date.now() - this.lastLifeAt);
    }, deadMs);
  }

  /** Any inbound frame: push the dead-link deadline out again (timer.refresh() costs no allocation). */
  noteLife(): void {
    if (this.lifeTimer === null) return;
    this.lastLifeAt = Date.now();
    this.lifeTimer.refresh();
  }

  stop(): void {
    if (this.beatTimer !== null) clearInterval(this.beatTimer);
    if (this.lifeTimer !== null) clearTimeout(this.lifeTimer);
    this.beatTimer = null;
    this.lifeTimer = null;
  }
}
