/**
 * Which event a failure is, and the words users read about it: the session reports a failure here and fires what
 * comes back. What the event then does depends on the state, and that is the table's business (transitions.ts).
 */
import { CtiProtocolError } from '../protocol';
import { CtiSessionError, type CtiOpenError, type CtiServerEndedError } from './errors';
import { policyFor } from './failure-policy';
import type { ResolvedOptions } from './options';
import type { EventDetail } from './state-machine';
import type { SessionEvent } from './transitions';

/** An event to fire, with its details. */
export interface EventWithDetail {
  event: SessionEvent;
  detail: EventDetail;
}

/** The normalised reason of an error (see SessionStateInfo.reasonKey). */
export function reasonKeyOf(err: Error): string {
  if (err instanceof CtiSessionError) return err.reasonKey;
  if (err instanceof CtiProtocolError) return `protocol:${err.code}`;
  return 'error';
}

/**
 * The link (or the attempt) failed: the next attempt goes to the other side, unless reconnecting is disabled.
 * `configRefused`: the server refused the configuration; the next attempts wait the capped interval.
 */
export function linkLost(err: Error, o: Readonly<ResolvedOptions>, configRefused = false): EventWithDetail {
  if (!o.reconnect.enabled) {
    const reason = `link lost and reconnect is disabled: ${err.message}`;
    return {
      event: 'give-up',
      detail: { reason, key: `gave-up:${reasonKeyOf(err)}`, error: err, stopReason: 'gave-up', rejectsOpen: true },
    };
  }
  return { event: 'link-failed', detail: { reason: err.message, error: err, configRefused } };
}

/** The session ends for good (taken over, or a status that says stop): closed, no automatic reconnect. */
export function stopped(err: CtiSessionError, stopReason: 'gave-up' | 'taken-over'): EventWithDetail {
  const takenOver = stopReason === 'taken-over';
  const reason = takenOver
    ? `${err.message}; not reconnecting (that would take the session back from the other client) until open() is called again`
    : `${err.message}; not reconnecting until open() is called again`;
  const key = takenOver ? 'taken-over' : `gave-up:${err.reasonKey}`;
  return { event: 'give-up', detail: { reason, key, error: err, stopReason, rejectsOpen: true } };
}

/** A FAILURE_EVENT or a refused HEARTBEAT_REQ: fail over, or stop, as failure-policy.ts says. */
export function serverEnded(err: CtiServerEndedError, o: Readonly<ResolvedOptions>): EventWithDetail {
  if (policyFor(err.status).event === 'stop') return stopped(err, err.takenOver ? 'taken-over' : 'gave-up');
  return linkLost(err, o);
}

/**
 * A FAILURE_CONF to OPEN_REQ (other than a version 'auto' step-down): what follows depends on the status
 * (failure-policy.ts). `refusals` counts the consecutive refusals, this one included, for those the give-up limit
 * applies to.
 */
export function openRefused(err: CtiOpenError, o: Readonly<ResolvedOptions>, refusals: () => number): EventWithDetail {
  const action = policyFor(err.status).open;
  if (action === 'other-side') return linkLost(err, o);
  if (action === 'stop') return stopped(err, 'gave-up');
  const count = refusals();
  const max = o.reconnect.maxOpenFailures;
  if (max > 0 && count >= max) {
    const reason = `gave up after ${count} refused OPEN_REQs: ${err.message}`;
    return {
      event: 'give-up',
      detail: { reason, key: `gave-up:${err.reasonKey}`, error: err, stopReason: 'gave-up', rejectsOpen: true },
    };
  }
  const failure = linkLost(err, o, action === 'config');
  // A refusal is an answer: the open() caller hears it at once (the session keeps retrying in the background).
  return { event: failure.event, detail: { ...failure.detail, rejectsOpen: true } };
}
