/**
 * Log a fault once, not on every retry of the same fault (Home Assistant add-on issue #98) — and, for a fault
 * that only a configuration change fixes, again at a low rate so it is not forgotten in a long-running log.
 */
export class LogGate {
  private readonly lastLogged = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True when `key` has not been logged yet, or (with repeatAfterMs) was last logged that long ago. */
  allow(key: string, repeatAfterMs?: number): boolean {
    const at = this.lastLogged.get(key);
    const now = this.now();
    if (at !== undefined && (repeatAfterMs === undefined || now - at < repeatAfterMs)) return false;
    this.lastLogged.set(key, now);
    return true;
  }

  /** After a success: the next failure is news again, whatever it is. */
  reset(): void {
    this.lastLogged.clear();
  }
}
