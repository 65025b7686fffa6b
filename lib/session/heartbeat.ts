/**
 * Heartbeats and dead-link detection. HEARTBEAT_REQ goes out once per interval; any frame from the server
 * (a HEARTBEAT_CONF or anything else) is a sign of life. The link is dead when the last `deadAfterIntervals - 1`
 * heartbeats went unanswered, each for at least an interval (the guide: three unconfirmed heartbeats) — TCP
 * alone can take hours to notice a silently vanished peer. A silent server is so detected within
 * `deadAfterIntervals` intervals.
 *
 * The verdict must survive a blocked event loop (a function node parsing for 20 s): after a block Node runs the
 * expired timers *before* it reads the sockets, so the server's answers may be sitting unread.
 * - A tick that comes more than an interval late says the loop was blocked: no verdict on that tick (nothing
 *   could be sent or read meanwhile), a heartbeat goes out and the next tick judges.
 * - A verdict is only given after one more turn of the event loop (setImmediate runs after the poll phase),
 *   so input that was waiting is read first; any sign of life meanwhile cancels it.
 * - Heartbeats that could not be sent (the loop was blocked) are not counted as unanswered: only those sent.
 */
export interface HeartbeatHandlers {
  sendHeartbeat(): void;
  /** No sign of life for `silentMs`. */
  onDead(silentMs: number): void;
  /** A tick came `lateMs` late: the event loop was blocked (no verdict on that tick). */
  onLoopStall?(lateMs: number): void;
}

export class Heartbeat {
  private ticker: NodeJS.Timeout | null = null;
  private verdict: NodeJS.Immediate | null = null;
  private lastLifeAt = 0;
  private lastTickAt = 0;
  /** HEARTBEAT_REQs sent since the last sign of life. */
  private unanswered = 0;
  /** Unanswered heartbeats that mean a dead link (at least one). */
  private readonly deadAfterUnanswered: number;

  constructor(
    private readonly intervalMs: number,
    deadAfterIntervals: number,
    private readonly handlers: HeartbeatHandlers,
  ) {
    this.deadAfterUnanswered = Math.max(1, Math.ceil(deadAfterIntervals) - 1);
  }

  get enabled(): boolean {
    return this.intervalMs > 0;
  }

  start(): void {
    this.stop();
    if (!this.enabled) return;
    this.lastLifeAt = this.lastTickAt = Date.now();
    this.unanswered = 0;
    this.ticker = setInterval(() => this.tick(), this.intervalMs);
  }

  /** Any inbound frame (hot path: two assignments and a clock read). */
  noteLife(): void {
    this.lastLifeAt = Date.now();
    this.unanswered = 0;
  }

  stop(): void {
    if (this.ticker !== null) clearInterval(this.ticker);
    if (this.verdict !== null) clearImmediate(this.verdict);
    this.ticker = null;
    this.verdict = null;
  }

  private tick(): void {
    const now = Date.now();
    const lateMs = now - this.lastTickAt - this.intervalMs;
    this.lastTickAt = now;
    if (lateMs > this.intervalMs) {
      this.handlers.onLoopStall?.(lateMs);
    } else if (this.unanswered >= this.deadAfterUnanswered && this.verdict === null) {
      this.judgeAfterPendingInput();
    }
    this.unanswered++;
    this.handlers.sendHeartbeat();
  }

  /** Dead unless input that was waiting in the socket shows life once it has been read. */
  private judgeAfterPendingInput(): void {
    this.verdict = setImmediate(() => {
      this.verdict = null;
      if (this.ticker === null || this.unanswered < this.deadAfterUnanswered) return;
      this.stop();
      this.handlers.onDead(Date.now() - this.lastLifeAt);
    });
  }
}
