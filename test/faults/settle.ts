/** Awaitables for the fault cases: no sleeps where an event can be awaited. */
import type { EventEmitter } from 'node:events';
import type { CtiSession, SessionStateInfo } from '../../lib/session';
import type { ClientRecord, WireLedger } from './ledger';

/**
 * Resolves once `done()` holds — checked at once and after each `event` of `emitter` (its arguments passed
 * on); rejects after `timeoutMs` naming `what`. With `stall`, the time counts from the last event instead of
 * from the start: a stream still making progress is not failed for being slow (a busy machine), one that stops is.
 */
export function when<A extends unknown[]>(
  emitter: EventEmitter,
  event: string,
  done: (...args: A | []) => boolean,
  what: string,
  timeoutMs = 10000,
  stall = false,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (done()) {
      resolve();
      return;
    }
    const expire = (): void => {
      emitter.off(event, on);
      reject(new Error(`${what}: not within ${timeoutMs} ms${stall ? ' of the last message' : ''}`));
    };
    let timer = setTimeout(expire, timeoutMs);
    const on = (...args: unknown[]): void => {
      if (!done(...(args as A))) {
        if (stall) {
          clearTimeout(timer);
          timer = setTimeout(expire, timeoutMs);
        }
        return;
      }
      clearTimeout(timer);
      emitter.off(event, on);
      resolve();
    };
    emitter.on(event, on);
  });
}

/** The next state event that passes `accept`. */
export async function nextState(
  session: CtiSession,
  accept: (i: SessionStateInfo) => boolean,
  timeoutMs = 10000,
): Promise<SessionStateInfo> {
  let found: SessionStateInfo | undefined;
  await when<[SessionStateInfo]>(
    session,
    'state',
    (i?: SessionStateInfo) => i !== undefined && accept(i) && (found = i) !== undefined,
    `a matching state (now ${session.state})`,
    timeoutMs,
  );
  return found!;
}

/** Resolves once `n` more messages whose type passes `accept` have arrived at the session. */
export function messages(
  session: CtiSession,
  n: number,
  accept: (type: string) => boolean = () => true,
  timeoutMs = 10000,
): Promise<void> {
  let seen = 0;
  return when<[{ messageType: string }]>(
    session,
    'message',
    (m?: { messageType: string }) => m !== undefined && accept(m.messageType) && ++seen >= n,
    `${n} messages`,
    timeoutMs,
  );
}

/**
 * Resolves once the client has decoded everything the server wrote to its current connection (the stream
 * stopped first): a close() before that would cut off events still in flight. The ClientRecord listened
 * first, so it has recorded each message before this checks. Fails only when no message arrives for
 * `timeoutMs`: a backlog drained slowly (one byte per loop turn on a loaded machine) is still drained.
 */
export function caughtUp(
  session: CtiSession,
  wire: WireLedger,
  client: ClientRecord,
  timeoutMs = 10000,
): Promise<void> {
  // Every connection still open on the server side: the client has read all it was sent there.
  const done = (): boolean =>
    wire.connections.length > 0 &&
    wire.connections
      .filter((c) => wire.isOpen(c.id))
      .every((c) => {
        const seg = client.segments.find((s) => s.keys[0] === c.keys[0]);
        return seg !== undefined && seg.keys.length >= c.keys.length;
      });
  return when(session, 'link-message', done, 'the client catching up with the server', timeoutMs, true);
}
