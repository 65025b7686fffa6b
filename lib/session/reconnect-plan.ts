/**
 * Which side the next attempt goes to and when: sides alternate A, B, A …; after a working link drops the other
 * side is tried at once (single side: the first backoff step); failed attempts back off per backoff.ts. It holds
 * the timer of the next attempt.
 */
import { Backoff } from './backoff';
import type { CtiEndpoint, ResolvedOptions } from './options';

export interface NextAttempt {
  side: 'A' | 'B';
  delayMs: number;
  /** Every side has been tried at least once since the last successful open. */
  firstRoundOver: boolean;
}

export class ReconnectPlan {
  private readonly backoff: Backoff;
  private turn = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: Readonly<ResolvedOptions>) {
    this.backoff = new Backoff(options.reconnect, options.sides.length);
  }

  /** The side and endpoint whose turn it is. */
  current(): { side: 'A' | 'B'; endpoint: CtiEndpoint } {
    const idx = this.turn % this.options.sides.length;
    return { side: idx === 0 ? 'A' : 'B', endpoint: this.options.sides[idx] };
  }

  /** open() on a stopped session: side A first, a fresh backoff. */
  restart(): void {
    this.turn = 0;
    this.backoff.reset();
  }

  /** OPEN_CONF: the next failure starts a fresh backoff. */
  opened(): void {
    this.backoff.reset();
  }

  /**
   * The attempt (or, with `wasUp`, a working link) failed: the other side's turn, after the returned delay.
   * `capped`: the server refused the configuration — retrying sooner than the backoff cap cannot help.
   */
  failed(wasUp: boolean, capped = false): NextAttempt {
    this.turn++;
    if (wasUp) this.backoff.reset();
    const delayMs = capped ? this.backoff.cappedDelayMs() : this.backoff.nextDelayMs();
    return {
      side: this.current().side,
      delayMs,
      firstRoundOver: this.backoff.consecutiveFailures >= this.options.sides.length,
    };
  }

  /** The next attempt: after `delayMs`, `due` is called with the side (and endpoint) whose turn it is then. */
  arm(delayMs: number, due: (next: { side: 'A' | 'B'; endpoint: CtiEndpoint }) => void): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      due(this.current());
    }, delayMs);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
