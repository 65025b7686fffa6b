/**
 * When cti-state sends: on change, at most once per throttle window (the first change at once, the last one of a
 * burst at the window's end, so a dashboard never shows a stale figure), and/or every N seconds.
 */

export interface StateOutputConfig {
  /** Send when the state changes. Default true. */
  onChange?: boolean | string;
  /** Least time between two change messages, ms. Default 500. */
  throttleMs?: number | string;
  /** Also send every N seconds (0 = never). Default 0. */
  everySeconds?: number | string;
}

export interface StateEmitter {
  changed(): void;
  stop(): void;
}

const MAX_EVERY_SECONDS = 86400;

export function stateOutputs(config: StateOutputConfig): { start(send: () => void): StateEmitter } {
  const onChange = config.onChange === undefined || config.onChange === true || config.onChange === 'true';
  const throttleMs = numberIn(config.throttleMs, 500, 0, 3_600_000, 'throttle (ms)');
  const everySeconds = numberIn(config.everySeconds, 0, 0, MAX_EVERY_SECONDS, 'every (s)');
  return {
    start(send: () => void): StateEmitter {
      let lastSent = 0;
      let pending: NodeJS.Timeout | undefined;
      const fire = (): void => {
        pending = undefined;
        lastSent = Date.now();
        send();
      };
      const every = everySeconds > 0 ? setInterval(fire, everySeconds * 1000) : undefined;
      return {
        changed(): void {
          if (!onChange || pending !== undefined) return;
          const wait = lastSent + throttleMs - Date.now();
          if (wait <= 0) fire();
          else pending = setTimeout(fire, wait);
        },
        stop(): void {
          if (pending !== undefined) clearTimeout(pending);
          if (every !== undefined) clearInterval(every);
          pending = undefined;
        },
      };
    },
  };
}

function numberIn(v: unknown, dflt: number, min: number, max: number, what: string): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new RangeError(`${what} must be a number from ${min} to ${max}`);
  return n;
}
