/**
 * The session's state machine as data: for every state, the events that are legal in it, the state each one
 * leads to, and what the transition does to the link (the current attempt's connection), its timers and the
 * requests waiting for an answer. An event not listed for a state is refused (ignored): that is how a late
 * answer after close(), or a second failure report for a link already given up, can do no harm.
 *
 * The session (session.ts) decides *which* event happened (e.g. a refused OPEN_REQ is 'link-failed' or
 * 'give-up' depending on the give-up limit); this table decides what it does. state-machine.ts applies it.
 */
import type { SessionState } from './session-state';

export type SessionEvent =
  /** open() on a session that is not running: the first attempt is scheduled (timer 0). */
  | 'open'
  /** The reconnect timer fired: connect to the side whose turn it is. */
  | 'retry-due'
  /** TCP (TLS) is up: OPEN_REQ goes out and its answer is awaited. */
  | 'tcp-up'
  /** version 'auto': the server refused the version offered; the same side is tried at once one version lower. */
  | 'version-refused'
  /** OPEN_CONF from the active side (or the standby became active): heartbeats run, the registration is restored. */
  | 'conf-accepted'
  /** OPEN_CONF from the standby side, staying there until it becomes active. */
  | 'standby-conf'
  /** Ready for requests (registration restored or none), peripheral online. */
  | 'opened'
  /** Ready for requests, but the peripheral reports offline. */
  | 'opened-offline'
  | 'peripheral-offline'
  | 'peripheral-online'
  /** The attempt or the link failed (connect error, drop, dead link, refused OPEN_REQ, server offline …); retry. */
  | 'link-failed'
  /** A failure after which the session stops on its own (give-up limit, reconnect disabled, taken over). */
  | 'give-up'
  /** close() */
  | 'close'
  /** The close procedure finished (CLOSE_CONF, its timeout, or the link dropped meanwhile). */
  | 'close-done';

export const SESSION_EVENTS: readonly SessionEvent[] = [
  'open',
  'retry-due',
  'tcp-up',
  'version-refused',
  'conf-accepted',
  'standby-conf',
  'opened',
  'opened-offline',
  'peripheral-offline',
  'peripheral-online',
  'link-failed',
  'give-up',
  'close',
  'close-done',
];

export const SESSION_STATES: readonly SessionState[] = [
  'idle',
  'connecting',
  'standby',
  'open',
  'peripheral-offline',
  'failover',
  'closing',
  'closed',
];

/**
 * What a transition does. Applied in this order: retry timer cleared, open timer, heartbeat, link retired,
 * pending requests rejected, retry timer armed, state set and announced, and last (only if nothing re-entered
 * the machine meanwhile) a new link connected.
 */
export interface TransitionEffects {
  /**
   * 'connect': a new attempt on the side whose turn it is; 'retire': the current attempt's link is destroyed;
   * 'replace': both (retired first, the new one connected after the announcement).
   */
  link: 'keep' | 'connect' | 'retire' | 'replace';
  /** The wait for OPEN_CONF (attempt-scoped). */
  openTimer: 'keep' | 'arm' | 'clear';
  /** HEARTBEAT_REQ cadence and dead-link detection (attempt-scoped). */
  heartbeat: 'keep' | 'start' | 'stop';
  /** The timer of the next attempt (backoff). */
  retryTimer: 'keep' | 'arm' | 'clear';
  /** Requests waiting for their CONF. */
  pending: 'keep' | 'reject';
}

export interface Transition extends TransitionEffects {
  to: SessionState;
  /** false: an internal step users need not see (no 'state' event). */
  announce: boolean;
  /** Why the transition looks the way it does. */
  why: string;
}

export type TransitionTable = { readonly [S in SessionState]: Readonly<Partial<Record<SessionEvent, Transition>>> };

const NOTHING: TransitionEffects = {
  link: 'keep',
  openTimer: 'keep',
  heartbeat: 'keep',
  retryTimer: 'keep',
  pending: 'keep',
};
/** Everything the current link holds goes. */
const DROP_LINK: Partial<TransitionEffects> = {
  link: 'retire',
  openTimer: 'clear',
  heartbeat: 'stop',
  pending: 'reject',
};

function t(to: SessionState, announce: boolean, effects: Partial<TransitionEffects>, why: string): Transition {
  return { to, announce, ...NOTHING, ...effects, why };
}

const start = t(
  'idle',
  false,
  { retryTimer: 'arm' },
  'the first attempt runs on a 0 ms timer, so listeners added right after open() see it',
);
const connect = t(
  'connecting',
  true,
  { retryTimer: 'clear', link: 'connect' },
  'a new attempt on the side whose turn it is',
);
const failover = t(
  'failover',
  true,
  { ...DROP_LINK, retryTimer: 'arm' },
  'the link is gone; the next attempt waits for the backoff',
);
const giveUp = t(
  'closed',
  true,
  { ...DROP_LINK, retryTimer: 'clear' },
  'stopped for good until open() is called again',
);
const closeUnlinked = t(
  'closing',
  true,
  { ...DROP_LINK, retryTimer: 'clear' },
  'no session on the server to close: drop what there is',
);
const closeLinked = t(
  'closing',
  true,
  { openTimer: 'clear', heartbeat: 'stop', retryTimer: 'clear' },
  'CLOSE_REQ goes out on the link; pending requests wait for the CLOSE_CONF or its timeout',
);
const opened = t('open', true, {}, 'requests allowed');
const openedOffline = t('peripheral-offline', true, {}, 'requests allowed; the peripheral is offline');

export const TRANSITIONS: TransitionTable = {
  idle: {
    open: start,
    'retry-due': connect,
    close: t('closed', true, { retryTimer: 'clear' }, 'closed before open(): nothing to tear down'),
  },
  connecting: {
    'tcp-up': t(
      'connecting',
      true,
      { openTimer: 'arm' },
      'TCP up, OPEN_REQ sent: announced (phase handshake) so users can tell a server that accepts TCP but never answers from no TCP at all',
    ),
    'version-refused': t(
      'connecting',
      true,
      { link: 'replace', openTimer: 'clear', pending: 'reject' },
      'the guide: reset the connection after a refusal; the next version down is offered at once on the same side',
    ),
    'conf-accepted': t(
      'connecting',
      false,
      { openTimer: 'clear', heartbeat: 'start' },
      'OPEN_CONF: the registration is restored before announcing open',
    ),
    'standby-conf': t(
      'standby',
      true,
      { openTimer: 'clear', heartbeat: 'start' },
      'a standby side keeps the session (heartbeats) until it becomes active',
    ),
    opened,
    'opened-offline': openedOffline,
    'link-failed': failover,
    'give-up': giveUp,
    close: closeUnlinked,
  },
  standby: {
    'conf-accepted': t(
      'standby',
      false,
      {},
      'STANDBY_ACTIVE_EVENT: the heartbeat already runs; restore the registration',
    ),
    opened,
    'opened-offline': openedOffline,
    'link-failed': failover,
    'give-up': giveUp,
    close: closeLinked,
  },
  open: {
    'peripheral-offline': t(
      'peripheral-offline',
      true,
      {},
      'SYSTEM_EVENT: the peripheral went offline; requests still allowed',
    ),
    'link-failed': failover,
    'give-up': giveUp,
    close: closeLinked,
  },
  'peripheral-offline': {
    'peripheral-online': t('open', true, {}, 'SYSTEM_EVENT: the peripheral is back'),
    'link-failed': failover,
    'give-up': giveUp,
    close: closeLinked,
  },
  failover: {
    'retry-due': connect,
    close: closeUnlinked,
  },
  closing: {
    'link-failed': t('closing', false, DROP_LINK, 'the link dropped while CLOSE_CONF was awaited: that ends the wait'),
    'close-done': t('closed', true, { ...DROP_LINK, retryTimer: 'clear' }, 'nothing of the session is left running'),
  },
  closed: {
    open: t('closed', false, { retryTimer: 'arm' }, 'open() after close(): the first attempt runs on a 0 ms timer'),
    'retry-due': connect,
    close: t(
      'closed',
      false,
      { ...DROP_LINK, retryTimer: 'clear' },
      'already closed: a second closed event would hide why it closed',
    ),
  },
};

/** The transition for `event` in `state`, or undefined when the event is not legal there. */
export function transitionFor(state: SessionState, event: SessionEvent): Transition | undefined {
  return TRANSITIONS[state][event];
}
