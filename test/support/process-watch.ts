/** What a test leaves behind, and what escapes it. */
import { createHook, type AsyncHook } from 'node:async_hooks';

/**
 * The resource kinds that keep a process busy and that code under test opens: sockets, servers, pipes, timers.
 * TLSWRAP is left out (its socket's TCPWRAP already counts, and its own destroy waits for GC); so are FSREQ*
 * (the TypeScript loader reads files in the background) and Immediates (they end by themselves).
 */
const TRACKED = new Set([
  'TCPWRAP',
  'TCPSERVERWRAP',
  'PIPEWRAP',
  'PIPESERVERWRAP',
  'UDPWRAP',
  'PROCESSWRAP',
  'Timeout',
]);

/** Node's Timeout object says itself whether it was cleared or has fired for the last time. */
interface TimeoutLike {
  _destroyed?: boolean;
}

/** Sockets, servers and timers created since the tracker started, by identity, still open. */
export interface HandleTracker {
  /** Kinds and counts of the tracked resources still open now, e.g. `{ TCPWRAP: 1 }`; `{}` when none. */
  live(): Record<string, number>;
  /**
   * Turns the event loop (setImmediate, no timer) until everything created since start is closed, at most
   * `maxTurns` times (a reset socket's peer leaves a few turns later), stops tracking and returns what is still
   * open: `{}` means nothing was left behind.
   */
  leftBehind(maxTurns?: number): Promise<Record<string, number>>;
  /** Stops tracking (idempotent; leftBehind() does it too). */
  stop(): void;
}

/**
 * Starts tracking, by identity, every socket, server and timer created from now on. A handle that existed before
 * and ended during the test is not this test's business — comparing process-wide counts made that a false leak
 * (`{ Timeout: 1 }` vs `{ Timeout: 2 }` when mocha's or another test's timer ended meanwhile).
 */
export function trackHandles(): HandleTracker {
  // Tests run one at a time: a tracker a failed test never stopped must not keep its hook on for the rest.
  current?.stop();
  const stacks = Boolean(process.env.HANDLE_STACKS);
  const open = new Map<number, { type: string; resource: unknown; stack?: string }>();
  const hook: AsyncHook = createHook({
    init(asyncId, type, _trigger, resource) {
      if (TRACKED.has(type)) open.set(asyncId, { type, resource, stack: stacks ? new Error().stack : undefined });
    },
    destroy(asyncId) {
      open.delete(asyncId);
    },
  });
  hook.enable();
  const live = (): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const [id, { type, resource }] of open) {
      // A timer's destroy hook is queued; its own flag is already set when it was cleared or has fired.
      if (resource === runningTest?.timer) continue;
      if (type === 'Timeout' && (resource as TimeoutLike)._destroyed) {
        open.delete(id);
        continue;
      }
      out[type] = (out[type] ?? 0) + 1;
    }
    return out;
  };
  let stopped = false;
  const stop = (): void => {
    if (!stopped) hook.disable();
    stopped = true;
  };
  current = { live, stop, leftBehind };
  return current;

  async function leftBehind(maxTurns = 200): Promise<Record<string, number>> {
    for (let i = 0; i < maxTurns && Object.keys(live()).length > 0; i++) await new Promise((r) => setImmediate(r));
    stop();
    const left = live();
    if (stacks)
      for (const r of open.values())
        if (r.resource !== runningTest?.timer) console.log(`left behind: ${r.type}`, r.stack);
    return left;
  }
}

let current: HandleTracker | undefined;
/** Mocha arms its own timer for a test (Runnable#timer) just after the test function starts: not the test's. */
let runningTest: { timer?: unknown } | undefined;

if (typeof beforeEach === 'function') {
  beforeEach(function () {
    runningTest = this.currentTest as { timer?: unknown } | undefined;
  });
  // A test that failed before its leftBehind() still has its tracker stopped right after it.
  afterEach(() => current?.stop());
}

/** Collects uncaught exceptions and unhandled rejections between start() and stop(). */
export function watchEscapes(): { readonly escaped: unknown[]; start(): void; stop(): void } {
  const escaped: unknown[] = [];
  const onEscape = (err: unknown): void => {
    escaped.push(err);
  };
  return {
    escaped,
    start(): void {
      process.on('uncaughtException', onEscape);
      process.on('unhandledRejection', onEscape);
    },
    stop(): void {
      process.off('uncaughtException', onEscape);
      process.off('unhandledRejection', onEscape);
    },
  };
}
