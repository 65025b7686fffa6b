/**
 * The CtiSession's events and what their listeners receive (a typed emitter: a misspelt event name or a wrong
 * listener signature does not compile). Every message type name is an event too, typed from the catalog.
 */
import type { CtiMessage, CtiMessageMap, CtiProtocolError, DecodeWarning } from '../protocol';
import type { CallSnapshot } from '../calls';
import type { SessionStateInfo } from './session-state';
import type { SessionEvent } from './transitions';
import type { SessionState } from './session-state';

/** A whole frame as it crossed the wire, header included (only computed while someone listens). */
export interface SessionFrameEvent {
  dir: 'in' | 'out';
  /** MessageType from the header. */
  type: number;
  frame: Buffer;
  /** ms since epoch. */
  at: number;
}

export interface SessionLinkInfo {
  id: number;
  side: 'A' | 'B';
  role: 'active' | 'standby';
}

/** The 'transition' debug event: every step the state machine takes, announced or not. */
export interface SessionTransitionInfo {
  from: SessionState;
  event: SessionEvent;
  to: SessionState;
}

/** 'protocol-warning': the first deviation of its kind (later ones are only counted). */
export type SessionProtocolWarning = DecodeWarning & { count: number };

export interface CtiSessionBaseEvents {
  state: [info: SessionStateInfo];
  /** Every message received, with the call's snapshot for call events (trackCalls). */
  message: [message: CtiMessage, call?: CallSnapshot];
  /** Something the session went on past: a throwing listener, a refused registration, a protocol deviation … */
  warning: [warning: Error];
  /** Link failures, only emitted while someone listens (the 'state' event carries them too). */
  error: [error: Error];
  'protocol-warning': [warning: SessionProtocolWarning];
  /** A frame that could not be decoded at all (dropped). */
  'protocol-error': [error: CtiProtocolError, frame: Buffer];
  frame: [frame: SessionFrameEvent];
  /**
   * Every message with the link it came on: `id` is unique per connection; role 'standby' = the hot-standby session
   * on the other side (its messages are not 'message' events). For exact accounting in tests and tools.
   */
  'link-message': [message: CtiMessage, link: SessionLinkInfo];
  transition: [transition: SessionTransitionInfo];
}

/** Each message type name: the message (typed from the catalog) and, for call events, the call's snapshot. */
export type CtiSessionMessageEvents = {
  [K in keyof CtiMessageMap]: [message: CtiMessageMap[K], call?: CallSnapshot];
};

export type CtiSessionEvents = CtiSessionBaseEvents & CtiSessionMessageEvents;
