/**
 * The attempts, as the rows of the table ask: when the next one is due and where (retryTimer 'restart' after
 * open() on a stopped session, 'backoff' after a failure; reconnect-plan.ts picks the side and the delay), what a
 * failure is recorded as (a row with `lost`: counters, the last error, 'error'), and when the open() caller hears
 * of a failure (at once for a refusal, else once every side has been tried).
 */
import type { OpenProgress } from './open-progress';
import type { ReconnectPlan } from './reconnect-plan';
import type { SessionStats } from './session-state';
import type { EventDetail, Step } from './state-machine';

export interface AttemptsHost {
  readonly plan: ReconnectPlan;
  readonly progress: OpenProgress;
  readonly stats: SessionStats;
  fire(event: 'retry-due', detail: EventDetail): void;
  /** The session's 'error' (only emitted when someone listens: an unhandled 'error' would crash Node-RED). */
  error(err: Error): void;
}

export class Attempts {
  /** The side in use, or being tried. */
  side: 'A' | 'B' | undefined;

  constructor(private readonly h: AttemptsHost) {}

  /** retryTimer 'restart' or 'backoff': the timer of the next attempt; a 'backoff' step learns where it goes. */
  arm(step: Step): void {
    const { plan, progress, stats } = this.h;
    let delayMs = 0;
    if (step.transition.retryTimer === 'restart') {
      plan.restart();
      progress.restart();
      stats.openFailures = 0;
    } else {
      step.next = plan.failed(step.transition.lost !== 'attempt', step.detail.configRefused === true);
      delayMs = step.next.delayMs;
      // The first round (every side tried once) failed: tell the open() caller, keep trying in the background.
      if (step.next.firstRoundOver && step.detail.error) progress.reject(step.detail.error);
    }
    plan.arm(delayMs, ({ side, endpoint }) => {
      this.side = side;
      stats.attempts++;
      const reason = `connecting to side ${side} (${endpoint.host}:${endpoint.port})`;
      this.h.fire('retry-due', { reason, key: 'connecting:tcp', phase: 'tcp' });
    });
  }

  /** A row with `lost`: what the failure loses is counted, its error kept and reported. */
  failed(step: Step): void {
    const err = step.detail.error;
    const { stats } = this.h;
    if (step.transition.lost === 'open') stats.linkDrops++;
    if (!err) return;
    stats.lastError = err;
    if (step.detail.rejectsOpen) this.h.progress.reject(err);
    this.h.error(err);
  }
}
