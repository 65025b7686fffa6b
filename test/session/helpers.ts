/** Small awaitables for session tests: wait for an event instead of sleeping. */
import type { EventEmitter } from 'node:events';
import * as net from 'node:net';
import { CtiSimulator } from '../../lib/simulator';
import type { CtiSession, SessionState, SessionStateInfo } from '../../lib/session';

/** Resolves with the arguments of the first `event` whose arguments satisfy `match`; rejects after `timeoutMs`. */
export function waitForEvent<T extends unknown[] = unknown[]>(
  emitter: EventEmitter,
  event: string,
  match: (...args: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for "${event}"`));
    }, timeoutMs);
    const listener = (...args: unknown[]): void => {
      if (!match(...(args as T))) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(args as T);
    };
    emitter.on(event, listener);
  });
}

export async function waitForState(
  session: CtiSession,
  state: SessionState,
  timeoutMs = 5000,
): Promise<SessionStateInfo> {
  const [info] = await waitForEvent<[SessionStateInfo]>(session, 'state', (i) => i.state === state, timeoutMs);
  return info;
}

/** Records every state event of a session. */
export function recordStates(session: CtiSession): SessionStateInfo[] {
  const seen: SessionStateInfo[] = [];
  session.on('state', (i: SessionStateInfo) => seen.push(i));
  return seen;
}

/** Lets handles that were closed finish closing (a destroyed socket leaves the handle list a tick later). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A port nothing listens on: bound by the OS, then released. */
export async function refusingPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A simulator on a port from the OS (peripheral 5000, agents 1001-1005 unless `over` says otherwise), started
 * and added to `into` so the test's teardown stops it.
 */
export async function startSimulator(
  into: CtiSimulator[],
  over: ConstructorParameters<typeof CtiSimulator>[0] = {},
): Promise<CtiSimulator> {
  const sim = new CtiSimulator({ host: '127.0.0.1', port: 0, peripheralId: 5000, agents: '1001-1005', ...over });
  into.push(sim);
  await sim.start();
  return sim;
}
