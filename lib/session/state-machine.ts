/**
 * Applies the transition table (transitions.ts): looks up the event in the current state, refuses it when it is
 * not legal there, and carries out the transition's effects through the session's hooks in one fixed order. The
 * event's details (reason, error, the OPEN_CONF …) travel with it: every hook of the transition gets the same
 * Step, so nothing is handed over through a field of the session.
 *
 * Re-entrancy: listeners run inside announce(), and a listener may call close() or open(), which fires another
 * event. Each transition bumps `generation`; whatever a transition still has to do after the announcement (connect
 * a new link) is skipped when a listener moved the machine on meanwhile. This is the one place that guards
 * against "the session was closed from inside its own listener".
 */
import type { CtiMessage } from '../protocol';
import type { NextAttempt } from './reconnect-plan';
import type { SessionState, SessionStateInfo } from './session-state';
import { transitionFor, type SessionEvent, type Transition } from './transitions';

/** What the session knows about an event when it fires it. */
export interface EventDetail {
  reason: string;
  /** reasonKey; default: the error's, else the state's name. */
  key?: string;
  error?: Error;
  /** The server refused the configuration: retrying waits the capped interval. */
  configRefused?: boolean;
  stopReason?: SessionStateInfo['stopReason'];
  phase?: SessionStateInfo['phase'];
  /** A failure the open() caller hears at once (otherwise only once every side has been tried). */
  rejectsOpen?: boolean;
  /** The OPEN_CONF an 'accept' row takes. */
  conf?: CtiMessage;
  /** The ACTIVE_MAINTENANCE_REQ a 'maintenance' row answers. */
  request?: CtiMessage;
}

/** One transition being taken: the hooks read it, and the retry hook writes where the next attempt goes. */
export interface Step {
  readonly from: SessionState;
  readonly event: SessionEvent;
  readonly transition: Transition;
  readonly detail: EventDetail;
  /** Set by armRetryTimer for a 'backoff' row. */
  next?: NextAttempt;
}

/** What the session does for each effect; the machine decides when. */
export interface MachineHooks {
  clearRetryTimer(): void;
  /** 'restart' or 'backoff'. */
  armRetryTimer(step: Step): void;
  /** Sends OPEN_REQ and arms the wait for its answer. */
  armOpenTimer(): void;
  clearOpenTimer(): void;
  startHeartbeat(): void;
  stopHeartbeat(): void;
  retireLink(): void;
  /** link 'drain': the current link goes to the draining part (it is not retired). */
  drainLink(step: Step): void;
  /** link 'promote' or 'drain': the standby session held on the other side becomes the link. */
  promoteStandby(): void;
  /** standby 'drop'. */
  dropStandby(): void;
  /** openTimer 'wait'. */
  armActivationDeadline(): void;
  /** standby 'hold' (after the announcement). */
  holdStandby(): void;
  /** 'lost' or 'closed'. */
  rejectPending(step: Step): void;
  /** conf 'hold': the standby OPEN_CONF of the detail is kept. */
  holdConf(step: Step): void;
  /** conf 'accept' or 'move' (after the announcement: it may fire the next event itself). */
  acceptConf(step: Step): void;
  /** maintenance 'answer' / 'accept' / 'forget' (after the announcement, before acceptConf). */
  maintenance(step: Step): void;
  /** A row with `lost`: the failure is recorded (counters, last error, 'error'). */
  recordFailure(step: Step): void;
  /** Called with the state already set, for every transition (announced or not). */
  announce(step: Step): void;
  /** conf 'resolve' / 'refuse'. */
  answerOpen(step: Step): void;
  connectLink(): void;
}

export interface FiredTransition {
  from: SessionState;
  event: SessionEvent;
  transition: Transition;
}

export class SessionMachine {
  private current: SessionState;
  private gen = 0;

  constructor(
    private readonly hooks: MachineHooks,
    /** Every transition taken (for the 'transition' debug event and the transition-walk test). */
    private readonly onTransition?: (t: FiredTransition) => void,
    /** A session starts idle; the transition-walk test starts a machine in each state. */
    initial: SessionState = 'idle',
  ) {
    this.current = initial;
  }

  get state(): SessionState {
    return this.current;
  }

  /** Bumped by every transition: a step that finds it changed knows a listener moved the machine on. */
  get generation(): number {
    return this.gen;
  }

  /** Whether `event` is legal in the current state. */
  accepts(event: SessionEvent): boolean {
    return transitionFor(this.current, event) !== undefined;
  }

  /**
   * Takes the transition for `event` with its details. Returns the transition taken, or undefined (having done
   * nothing) when the event is not legal in the current state.
   */
  fire(event: SessionEvent, detail: EventDetail): Transition | undefined {
    const from = this.current;
    const tr = transitionFor(from, event);
    if (tr === undefined) return undefined;
    const step: Step = { from, event, transition: tr, detail };
    const gen = ++this.gen;
    const h = this.hooks;
    if (tr.retryTimer === 'clear') h.clearRetryTimer();
    if (tr.openTimer === 'clear') h.clearOpenTimer();
    if (tr.heartbeat === 'stop') h.stopHeartbeat();
    if (tr.link === 'retire' || tr.link === 'replace' || tr.link === 'promote') h.retireLink();
    if (tr.link === 'drain') h.drainLink(step);
    if (tr.link === 'promote' || tr.link === 'drain') h.promoteStandby();
    if (tr.standby === 'drop') h.dropStandby();
    if (tr.pending !== 'keep') h.rejectPending(step);
    if (tr.openTimer === 'arm') h.armOpenTimer();
    if (tr.openTimer === 'wait') h.armActivationDeadline();
    if (tr.heartbeat === 'start') h.startHeartbeat();
    if (tr.retryTimer === 'restart' || tr.retryTimer === 'backoff') h.armRetryTimer(step);
    if (tr.conf === 'hold') h.holdConf(step);
    this.current = tr.to;
    this.onTransition?.({ from, event, transition: tr });
    if (tr.lost !== 'none') h.recordFailure(step);
    if (gen !== this.gen) return tr;
    h.announce(step);
    if (tr.conf === 'resolve' || tr.conf === 'refuse') h.answerOpen(step);
    if (tr.standby === 'hold') h.holdStandby();
    if (tr.maintenance !== 'keep') h.maintenance(step);
    // May fire 'opened' at once (nothing to restore): like a listener, it moves the machine on.
    if (tr.conf === 'accept' || tr.conf === 'move') h.acceptConf(step);
    if (gen !== this.gen) return tr;
    if (tr.link === 'connect' || tr.link === 'replace') h.connectLink();
    return tr;
  }
}
