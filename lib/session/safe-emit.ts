/**
 * A listener that throws is reported on 'warning' instead of unwinding into a socket callback. Each listener
 * is called on its own: with a plain emit() one throwing listener would also hide the event from every
 * listener registered after it (another node sharing the session).
 */
import type { EventEmitter } from 'node:events';

export function emitSafely(emitter: EventEmitter, event: string, args: unknown[]): void {
  // rawListeners: once() wrappers stay wrapped, so they still remove themselves.
  for (const listener of emitter.rawListeners(event) as Array<(...a: unknown[]) => void>) {
    try {
      listener.apply(emitter, args);
    } catch (err) {
      // A throwing 'warning' listener is ignored (no recursion).
      if (event !== 'warning') emitSafely(emitter, 'warning', [err]);
    }
  }
}
