/**
 * Time for the simulator. Everything that waits (idle timeouts, scenario delays, scheduled faults) goes
 * through a SimClock, so tests can run the same code on a virtual clock (advanced by hand) or an
 * accelerated one (real timers, shortened) instead of waiting real seconds.
 */
export interface SimTimer {
  cancel(): void;
}

export interface SimClock {
  /** Milliseconds since 1970 as this clock sees it. */
  now(): number;
  /** Runs `fn` after `ms` of this clock's time. */
  setTimer(ms: number, fn: () => void): SimTimer;
  /** Resolves after `ms` of this clock's time. */
  sleep(ms: number): Promise<void>;
}

/** Wall-clock time, real timers. */
export class RealClock implements SimClock {
  now(): number {
    return Date.now();
  }
  setTimer(ms: number, fn: () => void): SimTimer {
    const t = setTimeout(fn, Math.max(0, ms));
    return { cancel: () => clearTimeout(t) };
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  }
}

/**
 * Real timers running `factor` times faster: a 20 s idle timeout takes 20 ms at factor 1000.
 * now() advances at the same accelerated rate from the moment the clock was created.
 */
export class AcceleratedClock implements SimClock {
  private readonly startReal = Date.now();
  constructor(readonly factor: number) {
    if (!(factor > 0)) throw new RangeError('AcceleratedClock factor must be > 0');
  }
  now(): number {
    return this.startReal + (Date.now() - this.startReal) * this.factor;
  }
  setTimer(ms: number, fn: () => void): SimTimer {
    const t = setTimeout(fn, Math.max(0, ms / this.factor));
    return { cancel: () => clearTimeout(t) };
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / this.factor)));
  }
}

interface PendingTimer {
  due: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * Time stands still until advance() moves it; due timers then fire in order. Fully deterministic.
 */
export class VirtualClock implements SimClock {
  private current: number;
  private seq = 0;
  private timers: PendingTimer[] = [];

  constructor(startMs = Date.UTC(2025, 0, 1)) {
    this.current = startMs;
  }
  now(): number {
    return this.current;
  }
  setTimer(ms: number, fn: () => void): SimTimer {
    const t: PendingTimer = { due: this.current + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.timers.push(t);
    return {
      cancel: () => {
        t.cancelled = true;
      },
    };
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(ms, resolve));
  }
  /** Number of timers still waiting. */
  get pendingTimers(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }
  /**
   * Moves time forward by `ms`, firing each due timer in due order; between timers it yields to the
   * event loop so that work a timer starts (socket writes, promise chains) can run.
   */
  async advance(ms: number): Promise<void> {
    const target = this.current + Math.max(0, ms);
    for (;;) {
      this.timers = this.timers.filter((t) => !t.cancelled);
      this.timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
      const next = this.timers[0];
      if (next === undefined || next.due > target) break;
      this.timers.shift();
      this.current = Math.max(this.current, next.due);
      next.fn();
      await new Promise<void>((r) => setImmediate(r));
    }
    this.current = target;
  }
}

/** Parses "500ms", "10s", "2m", "1.5s" or a bare number of milliseconds. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(text);
  if (m === null) throw new RangeError(`not a duration: "${text}" (use e.g. 500ms, 10s, 2m)`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'ms').toLowerCase();
  const factor = unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60000 : 3600000;
  return Math.round(n * factor);
}
