/**
 * What a cti-event node sends for one event: the payload with enumeration names, and the call as the tracker
 * made it (`msg.call` is the session's CallSnapshot itself: one frozen object per event, no copy per node).
 */
import { withEnumNames, type CtiMessage } from '../../lib/protocol';
import type { CallSnapshot } from '../../lib/calls';

/** What the cti-event nodes send for one event: the payload with enumeration names and msg.call. */
export interface EventView {
  readonly payload: CtiMessage;
  readonly call: CallSnapshot | undefined;
}

let lastEvent: CtiMessage | undefined;
let lastView: EventView | undefined;

/**
 * The payload of an event, built once and shared by every cti-event node the event reaches (the session hands
 * all of them the same event object, one event at a time): N nodes cost one conversion, not N.
 * The nodes' messages therefore share these two objects, as messages that Node-RED itself passes along one
 * wire share theirs; see README "Performance" for what a flow may change in place.
 */
export function eventView(event: CtiMessage, call: CallSnapshot | undefined): EventView {
  if (event !== lastEvent || lastView === undefined) {
    lastView = { payload: withEnumNames(event), call };
    lastEvent = event;
  }
  return lastView;
}
