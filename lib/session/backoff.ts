/**
 * Reconnect schedule: alternate sides A/B; the other side is tried at once, a whole failed round (every side
 * tried once) waits a capped, jittered, exponentially growing delay. So two sides are never hammered, and a
 * failover to the healthy side costs no delay.
 */
import type { CtiReconnectOptions } from './options';

export class Backoff {
  private failures = 0;

  constructor(
    private readonly opts: Required<CtiReconnectOptions>,
    private readonly sideCount: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Consecutive failed attempts since the last successful open. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /** Records a failed attempt and returns how long to wait before the next one. */
  nextDelayMs(): number {
    this.failures++;
    if (this.failures % this.sideCount !== 0) return 0; // the other side has not been tried in this round
    const round = this.failures / this.sideCount - 1;
    return this.jittered(Math.min(this.opts.maxDelayMs, this.opts.initialDelayMs * Math.pow(this.opts.factor, round)));
  }

  /** Records a failed attempt and returns the cap (jittered): for failures that waiting less cannot fix. */
  cappedDelayMs(): number {
    this.failures++;
    return this.jittered(this.opts.maxDelayMs);
  }

  private jittered(base: number): number {
    const spread = base * this.opts.jitter;
    return Math.max(0, Math.round(base - spread + 2 * spread * this.random()));
  }

  reset(): void {
    this.failures = 0;
  }
}
