/**
 * The session's state machine as data: for every state, the events that are legal in it, the state each one
 * leads to, and what the transition does to the link (the current attempt's connection), its timers, the
 * requests waiting for an answer, the open() caller and the counters. An event not listed for a state is refused
 * (ignored): that is how a late answer after close(), or a second failure report for a link already given up, can
 * do no harm. Whatever depends on the state is written here, as a row: the session never asks which state it is in.
 *
 * The session (session.ts) decides *which* event happened and hands its details (reason, error, the OPEN_CONF …)
 * to fire(); this table decides what it does. state-machine.ts applies it.
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
  /** OPEN_CONF from the active side: heartbeats run, the registration is restored. */
  | 'conf-accepted'
  /** OPEN_CONF from the standby side, staying there until it becomes active. */
  | 'standby-conf'
  /** STANDBY_ACTIVE_EVENT on the session's link: the side it waited on has become active. */
  | 'standby-active'
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
  | 'close-done'
  /** Hot standby (standby-link.ts): a standby session (SessionType 2) is now held on the other side. */
  | 'standby-held'
  /** The standby session dropped; it is reopened after a delay. */
  | 'standby-lost'
  /** STANDBY_ACTIVE_EVENT on the standby session: the other side has become active (not planned by us). */
  | 'other-side-active'
  /** The active link was lost while a standby session is held: that session is taken over and waits to become active. */
  | 'active-lost'
  /** ACTIVE_MAINTENANCE_REQ on the session's link: the side asks to go into maintenance mode (§23.2 step 2). */
  | 'maintenance-asked'
  /** ACTIVE_MAINTENANCE_EVENT cancel after this session accepted: nothing moves (§23.2 step 4). */
  | 'maintenance-cancelled'
  /**
   * Maintenance mode accepted, and STANDBY_ACTIVE_EVENT on the standby session: the planned move (§23.2): requests go
   * to the new side, the old side is told STOPPING_REQUESTS_TO_THIS_SIDE_IND and keeps answering what it was asked.
   */
  | 'switchover';

export const SESSION_EVENTS: readonly SessionEvent[] = [
  'open',
  'retry-due',
  'tcp-up',
  'version-refused',
  'conf-accepted',
  'standby-conf',
  'standby-active',
  'opened',
  'opened-offline',
  'peripheral-offline',
  'peripheral-online',
  'link-failed',
  'give-up',
  'close',
  'close-done',
  'standby-held',
  'standby-lost',
  'other-side-active',
  'active-lost',
  'maintenance-asked',
  'maintenance-cancelled',
  'switchover',
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
 * What a transition does. Applied in this order (state-machine.ts): retry timer cleared, open timer cleared,
 * heartbeat stopped, link retired, the standby session promoted to the link or dropped, pending requests rejected,
 * OPEN_REQ sent (or the activation deadline armed), heartbeat started, retry timer armed, a standby OPEN_CONF
 * held, state set, the failure recorded, the state announced, the open() caller answered, a standby session
 * held, the OPEN_CONF accepted, and last (only if nothing re-entered the machine meanwhile) a new link connected.
 */
export interface TransitionEffects {
  /**
   * 'connect': a new attempt on the side whose turn it is; 'retire': the current attempt's link is destroyed;
   * 'replace': both (retired first, the new one connected after the announcement); 'promote': retired, and the
   * standby session held on the other side becomes the session's link (no new connection, no OPEN_REQ); 'drain':
   * like promote, but the old link is not retired: it goes to the draining part (draining-link.ts), which tells
   * its side STOPPING_REQUESTS_TO_THIS_SIDE_IND, delivers its last events and answers, then closes it.
   */
  link: 'keep' | 'connect' | 'retire' | 'replace' | 'promote' | 'drain';
  /**
   * 'arm': OPEN_REQ goes out and its answer is awaited (attempt-scoped); 'clear': the wait is over; 'wait': a
   * standby session taken over must become active within the open timeout (no OPEN_REQ: it is open already).
   */
  openTimer: 'keep' | 'arm' | 'clear' | 'wait';
  /** HEARTBEAT_REQ cadence and dead-link detection (attempt-scoped). */
  heartbeat: 'keep' | 'start' | 'stop';
  /**
   * The timer of the next attempt. 'restart': open() on a stopped session: a fresh reconnect plan (side A first),
   * the first attempt on a 0 ms timer; 'backoff': after a failure, the reconnect plan gives side and delay (and
   * ends the open() caller's wait once every side has been tried).
   */
  retryTimer: 'keep' | 'clear' | 'restart' | 'backoff';
  /** Requests waiting for their CONF: 'lost' = the link went; 'closed' = close() ended them. */
  pending: 'keep' | 'lost' | 'closed';
  /**
   * 'accept': the OPEN_CONF in the event's detail (or the one the standby session got) is taken: counters, the
   * reconnect plan, and the variable registration restored before 'opened'. 'resolve': the open() caller gets it.
   * 'refuse': the open() caller is told the session is closing. 'hold': a standby OPEN_CONF is kept until the
   * side becomes active. 'move': like accept, for a planned move: not a re-open (nothing was missed).
   */
  conf: 'keep' | 'accept' | 'resolve' | 'refuse' | 'hold' | 'move';
  /**
   * A failure of what this state holds: 'attempt' (nothing was open yet), 'standby' (a standby session), 'open'
   * (a working session: counted in linkDrops). The error is recorded and reported; 'none': not a failure here.
   */
  lost: 'none' | 'attempt' | 'standby' | 'open';
  /** For close(): 'goodbye' = CLOSE_REQ on the link first; 'drop' = nothing to say goodbye to; 'none' = done. */
  close: 'none' | 'goodbye' | 'drop';
  /**
   * The hot standby (standby-link.ts): 'hold' = hold a standby session on the other side (when the configuration
   * and the server allow one); 'drop' = close it (the session is no longer open on this side).
   */
  standby: 'keep' | 'hold' | 'drop';
  /**
   * PG maintenance mode (maintenance-mode.ts): 'answer' = ACTIVE_MAINTENANCE_RESP accepted when the other side can
   * take over and the option allows, otherwise rejected (the reason logged once); 'accept' = accepted whatever
   * (the session is leaving this side anyway); 'forget' = the accepted maintenance is over (cancelled or done).
   */
  maintenance: 'keep' | 'answer' | 'accept' | 'forget';
}

export interface Transition extends TransitionEffects {
  to: SessionState;
  /** false: an internal step users need not see (no 'state' event). */
  announce: boolean;
  /** The reason (and its key) users read, when this row fixes it (otherwise the event's detail says it). */
  says?: { reason: string; key: string };
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
  conf: 'keep',
  lost: 'none',
  close: 'none',
  standby: 'keep',
  maintenance: 'keep',
};
/** Everything the current link holds goes, and the standby session held beside it. */
const DROP_LINK: Partial<TransitionEffects> = {
  link: 'retire',
  openTimer: 'clear',
  heartbeat: 'stop',
  pending: 'lost',
  standby: 'drop',
};

type Extra = Partial<TransitionEffects> & Pick<Transition, 'says'>;

function t(to: SessionState, announce: boolean, effects: Extra, why: string): Transition {
  return { to, announce, ...NOTHING, ...effects, why };
}

const start = t(
  'idle',
  false,
  { retryTimer: 'restart' },
  'the first attempt runs on a 0 ms timer, so listeners added right after open() see it',
);
const connect = t(
  'connecting',
  true,
  { retryTimer: 'clear', link: 'connect' },
  'a new attempt on the side whose turn it is',
);
function failover(lost: TransitionEffects['lost']): Transition {
  return t(
    'failover',
    true,
    { ...DROP_LINK, retryTimer: 'backoff', lost },
    'the link is gone; the next attempt waits for the backoff (none after a working link: the other side at once)',
  );
}
function giveUp(lost: TransitionEffects['lost']): Transition {
  return t(
    'closed',
    true,
    { ...DROP_LINK, retryTimer: 'clear', lost },
    'stopped for good until open() is called again',
  );
}
const closeUnlinked = t(
  'closing',
  true,
  { ...DROP_LINK, retryTimer: 'clear', pending: 'closed', close: 'drop' },
  'no session on the server to close: drop what there is',
);
const closeLinked = t(
  'closing',
  true,
  { openTimer: 'clear', heartbeat: 'stop', retryTimer: 'clear', close: 'goodbye', standby: 'drop' },
  'CLOSE_REQ goes out on the link; pending requests wait for the CLOSE_CONF or its timeout',
);
const opened = t(
  'open',
  true,
  { conf: 'resolve', standby: 'hold' },
  'requests allowed; a standby session is held on the other side where the server allows one',
);
const alreadyOpen = t('open', false, { conf: 'resolve' }, 'open() on an open session: answered with its OPEN_CONF');
const openedOffline = t(
  'peripheral-offline',
  true,
  { conf: 'resolve', standby: 'hold' },
  'requests allowed; the peripheral is offline; a standby session is held on the other side where allowed',
);
/** The rows of the hot standby while the session is open (or open with the peripheral offline). */
function hotStandby(state: 'open' | 'peripheral-offline'): Partial<Record<SessionEvent, Transition>> {
  return {
    'standby-held': t(state, true, {}, 'a standby session is held on the other side: the status says so'),
    'standby-lost': t(state, true, {}, 'the standby session dropped and is reopened later: the status says so'),
    'other-side-active': t(
      'standby',
      false,
      { link: 'promote', pending: 'lost', conf: 'accept', lost: 'open' },
      'the other side became active unasked: its standby session becomes the link (requests pending on the old one fail), the registration is restored, then open',
    ),
    'active-lost': t(
      'standby',
      true,
      { link: 'promote', pending: 'lost', openTimer: 'wait', lost: 'open' },
      'the active link is gone: the standby session becomes the link and waits (open timeout) for STANDBY_ACTIVE_EVENT; no new connection',
    ),
    'maintenance-asked': answerMaintenance(state),
    'maintenance-cancelled': t(
      state,
      false,
      { maintenance: 'forget' },
      'ACTIVE_MAINTENANCE_EVENT cancel: another client refused; the session stays on this side',
    ),
    switchover: t(
      'standby',
      false,
      { link: 'drain', conf: 'move', maintenance: 'forget' },
      'maintenance accepted and the other side is active: its standby session becomes the link at once (new requests go there), the old link drains (IND, its last events and answers), the registration is restored, then open; nothing counted as lost',
    ),
  };
}
/** ACTIVE_MAINTENANCE_REQ while the session's link is the active one: accepted only when it can move. */
function answerMaintenance(state: SessionState): Transition {
  return t(
    state,
    false,
    { maintenance: 'answer' },
    'accepted when a standby session is held on the other side, or opens there within maintenanceAnswerMs, and the option allows; otherwise rejected, which cancels the maintenance for everybody',
  );
}

export const TRANSITIONS: TransitionTable = {
  idle: {
    open: start,
    'retry-due': connect,
    close: t(
      'closed',
      true,
      { retryTimer: 'clear', says: { reason: 'closed before open()', key: 'close' } },
      'closed before open(): nothing to tear down',
    ),
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
      { link: 'replace', openTimer: 'clear', pending: 'lost' },
      'the guide: reset the connection after a refusal; the next version down is offered at once on the same side',
    ),
    'conf-accepted': t(
      'connecting',
      false,
      { openTimer: 'clear', heartbeat: 'start', conf: 'accept' },
      'OPEN_CONF: the registration is restored before announcing open',
    ),
    'standby-conf': t(
      'standby',
      true,
      { openTimer: 'clear', heartbeat: 'start', conf: 'hold' },
      'a standby side keeps the session (heartbeats) until it becomes active',
    ),
    opened,
    'opened-offline': openedOffline,
    'link-failed': failover('attempt'),
    'give-up': giveUp('attempt'),
    close: closeUnlinked,
    // OPEN_CONF taken, the registration still being restored: the link is the active one already.
    'maintenance-asked': answerMaintenance('connecting'),
  },
  standby: {
    'standby-active': t(
      'standby',
      false,
      { openTimer: 'clear', conf: 'accept' },
      'STANDBY_ACTIVE_EVENT: the heartbeat already runs; the standby OPEN_CONF is taken, the registration restored',
    ),
    opened,
    'opened-offline': openedOffline,
    'link-failed': failover('standby'),
    'give-up': giveUp('standby'),
    close: closeLinked,
  },
  open: {
    'peripheral-offline': t(
      'peripheral-offline',
      true,
      {},
      'SYSTEM_EVENT: the peripheral went offline; requests still allowed',
    ),
    'link-failed': failover('open'),
    'give-up': giveUp('open'),
    close: closeLinked,
    open: alreadyOpen,
    ...hotStandby('open'),
  },
  'peripheral-offline': {
    'peripheral-online': t('open', true, {}, 'SYSTEM_EVENT: the peripheral is back'),
    'link-failed': failover('open'),
    'give-up': giveUp('open'),
    close: closeLinked,
    open: { ...alreadyOpen, to: 'peripheral-offline' },
    ...hotStandby('peripheral-offline'),
  },
  failover: {
    'retry-due': connect,
    close: closeUnlinked,
  },
  closing: {
    open: t('closing', false, { conf: 'refuse' }, 'open() while close() runs: refused, the close goes on'),
    'link-failed': t('closing', false, DROP_LINK, 'the link dropped while CLOSE_CONF was awaited: that ends the wait'),
    'give-up': t('closing', false, DROP_LINK, 'a stopping failure while CLOSE_CONF was awaited ends the wait too'),
    'maintenance-asked': t(
      'closing',
      false,
      { maintenance: 'accept' },
      'leaving this side anyway: a rejection (or silence) would cancel the maintenance for every client of the PG',
    ),
    'close-done': t(
      'closed',
      true,
      { ...DROP_LINK, pending: 'closed', retryTimer: 'clear' },
      'nothing of the session is left running',
    ),
  },
  closed: {
    open: t('closed', false, { retryTimer: 'restart' }, 'open() after close(): the first attempt runs on a 0 ms timer'),
    'retry-due': connect,
    close: t(
      'closed',
      false,
      { ...DROP_LINK, retryTimer: 'clear', pending: 'closed' },
      'already closed: a second closed event would hide why it closed',
    ),
  },
};

/** The transition for `event` in `state`, or undefined when the event is not legal there. */
export function transitionFor(state: SessionState, event: SessionEvent): Transition | undefined {
  return TRANSITIONS[state][event];
}

/** The states in which requests may be sent (the server has an active session for this client). */
export const REQUEST_STATES: ReadonlySet<SessionState> = new Set<SessionState>(['open', 'peripheral-offline']);
