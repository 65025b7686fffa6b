/**
 * Applies the transition table (transitions.ts): looks up the event in the current state, refuses it when it is
 * not legal there, and carries out the transition's effects through the session's hooks in one fixed order.
 *
 * Re-entrancy: listeners run inside announce(), and a listener may call close() or open(), which fires another
 * event. Each transition bumps `generation`; whatever a transition still has to do after the announcement (connect
 * a new link) is skipped when a listener moved the machine on meanwhile. This is the one place that guards
 * against "the session was closed from inside its own listener".
 */
import type { SessionState } from './session-state';
import { transitionFor, type SessionEvent, type Transition } from './transitions';

/** What the session does for each effect; the machine decides when. */
export interface MachineHooks {
  clearRetryTimer(): void;
  armRetryTimer(): void;
  armOpenTimer(): void;
  clearOpenTimer(): void;
  startHeartbeat(): void;
  stopHeartbeat(): void;
  retireLink(): void;
  /** `event` says why: a close, or a link lost. */
  rejectPending(event: SessionEvent): void;
  connectLink(): void;
  /** Called with the state already set, for every transition (announced or not). */
  announce(transition: Transition, previous: SessionState): void;
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
   * Takes the transition for `event`. Returns false (and does nothing) when the event is not legal in the
   * current state. `beforeAnnounce` runs after the effects and before the 'state' event (e.g. emitting 'error').
   */
  fire(event: SessionEvent, beforeAnnounce?: () => void): boolean {
    const from = this.current;
    const tr = transitionFor(from, event);
    if (tr === undefined) return false;
    const gen = ++this.gen;
    const h = this.hooks;
    if (tr.retryTimer === 'clear') h.clearRetryTimer();
    if (tr.openTimer === 'clear') h.clearOpenTimer();
    if (tr.heartbeat === 'stop') h.stopHeartbeat();
    if (tr.link === 'retire' || tr.link === 'replace') h.retireLink();
    if (tr.pending === 'reject') h.rejectPending(event);
    if (tr.openTimer === 'arm') h.armOpenTimer();
    if (tr.heartbeat === 'start') h.startHeartbeat();
    if (tr.retryTimer === 'arm') h.armRetryTimer();
    this.current = tr.to;
    this.onTransition?.({ from, event, transition: tr });
    beforeAnnounce?.();
    if (gen !== this.gen) return true;
    h.announce(tr, from);
    if (gen !== this.gen) return true;
    if (tr.link === 'connect' || tr.link === 'replace') h.connectLink();
    return true;
  }
}
