/**
 * Calls told again after a switchover. When the standby CTI Server becomes active (a crash of the other side, or PG
 * maintenance), it tells each All Events client the state of every call in progress: BEGIN_CALL_EVENT, then
 * CALL_DELIVERED_EVENT / CALL_ESTABLISHED_EVENT with EventCause CEC_CALL_PARTY_UPDATE_IND (cti-protocol.md Part 1,
 * "Active / standby CTI Servers"). Nothing happened to those calls: the events restate them.
 *
 * Chosen: the tracker follows a restated call as the call it already knows (the same record, key and context: a
 * state refresh, not a new call), every event is still delivered (a flow that missed something while the link was
 * down learns the present state from it), and the snapshot of each restating event says so in `restated`:
 * - 'known': the call was known before — a flow that already acted on it (a screen pop, a CRM note) must not act
 *   again;
 * - 'new': the call is known only from the restatement — it began (or came here) while the link was down; a flow
 *   sees it for the first time, in the middle of its life. Its BEGIN_CALL_EVENT carries no mark: to a flow it is
 *   the start of a call, as for any call it had not seen.
 * Unsure: the guide names the events but not their order per call, nor whether BEGIN_CALL_EVENT is repeated for a
 * call the client already had; a restating event without a BEGIN before it is taken as 'known' when the call was
 * tracked. A BEGIN_CALL_EVENT for a connection already tracked is only ever a restatement, switchover or not.
 * Calls tracked before the switchover that the new side does not restate are asked about once the session is open
 * again (stale-sweep.ts): the replay has no end marker, so only the server can say which of them ended meanwhile.
 */
import { EventCause, type CtiMessage } from '../protocol';

export type CallRestatement = 'known' | 'new';

const PARTY_UPDATE = EventCause.byName.CEC_CALL_PARTY_UPDATE_IND;

/** The only event types that can restate a call; any other event about it ends a restatement. */
export const RESTATING_TYPES: ReadonlySet<string> = new Set([
  'BEGIN_CALL_EVENT',
  'CALL_DELIVERED_EVENT',
  'CALL_ESTABLISHED_EVENT',
]);

/** What the tracker keeps for it per call. */
export interface RestatementState {
  /** Set by a BEGIN_CALL_EVENT: what the restating events after it (one per connection) are. */
  restating: CallRestatement | undefined;
  /** The mark of the call's last event (the snapshot shows it as `restated`). */
  restated: CallRestatement | undefined;
  /** The link (CallTracker.linkChanged count) on which the call was last restated; -1 never (stale-sweep.ts). */
  restatedOn: number;
}

/**
 * The mark of call event `msg` for call `rec`, which `existed` before it (tracked, not merely expected by a CONF).
 * Updates `rec`; called once per call event, before the event is absorbed.
 */
export function markRestatement(rec: RestatementState, msg: CtiMessage, existed: boolean): void {
  const t = msg.messageType;
  if (t === 'BEGIN_CALL_EVENT') {
    rec.restating = existed ? 'known' : 'new';
    rec.restated = existed ? 'known' : undefined;
    return;
  }
  if ((t === 'CALL_DELIVERED_EVENT' || t === 'CALL_ESTABLISHED_EVENT') && msg.eventCause === PARTY_UPDATE) {
    rec.restated = existed ? (rec.restating ?? 'known') : 'new';
    return;
  }
  // The call moves on: what follows really happened.
  rec.restating = undefined;
  rec.restated = undefined;
}
