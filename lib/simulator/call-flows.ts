import { AgentState, CallType, type CtiMessage, EventCause } from '../protocol';
import * as ev from './events';
import { AS, LCS } from './events';
import type { SimTimer } from './clock';
import { type SimAgent, SimCall, type SimModel } from './model';
import { statisticsOf } from './statistics';
import type { InboundCallOptions, OutboundCallOptions, SimEvent } from './types';

/** The states the guide gives an EventReasonCode to (AGENT_STATE_EVENT: "only for Not Ready and Logged Off"). */
const REASON_STATES = new Set<number>([AS.AGENT_STATE_NOT_READY, AS.AGENT_STATE_LOGOUT]);

/** AGENT_STATE_EVENT Direction values (§2.1). */
const DIRECTION_IN = 1;
const DIRECTION_OUT = 2;
const DIRECTION_OTHER_IN = 3;

/**
 * States an agent chose that outlast a call: after its last call ends the agent stays in them instead of
 * becoming AVAILABLE (so a call routed to "available agents only" never reaches it).
 * Unsure: the guide leaves the state after a call to the desk settings; chose to keep NOT_READY and LOGOUT.
 */
const STICKY_STATES = new Set<number>([AS.AGENT_STATE_NOT_READY, AS.AGENT_STATE_LOGOUT]);

/** Connection states of an agent that took part in the call (answered it): after-call work follows those. */
const TALKED = new Set<number>([LCS.LCS_CONNECT, LCS.LCS_HOLD]);

/** startInboundCall({ ifAgentAvailable: true }) found no available agent: no call was started. */
export class NoAgentAvailableError extends Error {
  constructor() {
    super('no agent is available; the call was not started');
    this.name = 'NoAgentAvailableError';
  }
}

/** Call context items that SET_CALL_DATA_REQ replaces as they come (text and UserToUserInfo). */
export const CALL_DATA_TEXT_FIELDS = [
  'ani',
  'userToUserInfo',
  'callerEnteredDigits',
  'callWrapupData',
  'customerPhoneNumber',
  'customerAccountNumber',
] as const;

/** An agent can place a call when it is not busy with another: AVAILABLE or NOT_READY. */
export function canMakeCall(a: SimAgent): boolean {
  return a.state === AS.AGENT_STATE_AVAILABLE || a.state === AS.AGENT_STATE_NOT_READY;
}

/**
 * The guide's call sequences (cti-protocol.md Part 2, 7.2 and variants), played on the model.
 * Each operation changes the model and emits its events synchronously, in the order listed, so a caller
 * that awaits it knows every event has been handed to the sessions.
 */
export class CallFlows {
  private queuedCount = 0;
  private readonly claimed = new Set<string>();

  constructor(private readonly m: SimModel) {}

  private emit(
    msg: CtiMessage,
    agents: string[],
    calls: SimCall[] = [],
    allEventsOnly = false,
    forAgent?: SimEvent['forAgent'],
  ): void {
    // A call that has ended (or was merged away by a transfer / conference) is never announced again: sessions
    // would answer an event about it with a fresh BEGIN_CALL_EVENT. Entry points refuse such calls first.
    const gone = calls.find((c) => !this.m.calls.has(c));
    if (gone !== undefined) throw new Error(`internal: ${msg.messageType} about call ${gone.key}, which has ended`);
    this.m.emitEvent({ msg, agents, calls, allEventsOnly, ...(forAgent === undefined ? {} : { forAgent }) });
  }

  /**
   * Changes an agent's state and announces it (AGENT_STATE_EVENT with the reason code of a NOT_READY / LOGOUT
   * and the seconds spent in the state).
   * Unsure: the guide says StateDuration is "typically 0"; chose the seconds since the agent entered the state it
   * reports, so a change reports 0 and a repeated state (e.g. NOT_READY with a new reason) reports its time so far.
   */
  setAgentState(a: SimAgent, state: number, opts: { direction?: number; reasonCode?: number } = {}): void {
    if (state !== a.state) a.stateSince = this.m.clock.now();
    a.state = state;
    a.reasonCode = REASON_STATES.has(state) ? (opts.reasonCode ?? 0) : 0;
    this.emit(ev.agentState(this.m, a, this.m.callsOf(a.agentId).length, opts.direction), [a.agentId]);
    if (state === AS.AGENT_STATE_AVAILABLE && !this.claimed.has(a.agentId)) {
      // The longest-waiting call this agent can take: one for any agent, or for a skill group the agent is in.
      const i = this.waiters.findIndex((w) => w.group === undefined || a.skillGroupNumbers.includes(w.group));
      if (i >= 0) {
        const [waiter] = this.waiters.splice(i, 1);
        // Claimed at once so that no other call takes the agent before the waiting call continues.
        this.claimed.add(a.agentId);
        waiter.resolve(a);
      }
    }
  }
  private readonly waiters: { group?: number; resolve: (a: SimAgent) => void }[] = [];

  /**
   * The state an agent takes when its last call ends, instead of the usual one (supervision.ts: a supervisor
   * goes back to its state before it joined a call; a supervisor's "log out" of a talking agent waits here).
   */
  readonly stateAfterCalls = new Map<string, { state: number; reasonCode: number }>();

  /** An AVAILABLE agent nobody has claimed yet (of skill group `group` when given). */
  private freeAgent(group?: number): SimAgent | undefined {
    for (const a of this.m.agents.values()) {
      if (group !== undefined && !a.skillGroupNumbers.includes(group)) continue;
      if (a.state === AS.AGENT_STATE_AVAILABLE && !this.claimed.has(a.agentId)) return a;
    }
    return undefined;
  }

  /** Unsure: routing is first come, first served to the first available agent; real routing scripts vary. */
  private waitForAgent(group?: number): Promise<SimAgent> {
    const free = this.freeAgent(group);
    if (free !== undefined) {
      this.claimed.add(free.agentId);
      return Promise.resolve(free);
    }
    return new Promise((resolve) => this.waiters.push({ group, resolve }));
  }

  /** Calls waiting for an agent. */
  get waitingCalls(): number {
    return this.waiters.length;
  }

  /**
   * Inbound ACD call. Order chosen (the guide leaves the relative order of agent-state and call events open):
   * [TRANSLATION_ROUTE] → trunk CALL_DELIVERED (LCS_INITIATE, All Events) → [QUEUED … DEQUEUED] →
   * [AGENT_PRE_CALL] → AGENT_STATE RESERVED → CALL_DELIVERED (LCS_ALERTING) → [answer].
   */
  async inbound(o: InboundCallOptions): Promise<SimCall> {
    // Refused before anything is announced: a call that cannot be delivered as asked leaves no trace.
    const named = o.agentId !== undefined ? this.m.getAgent(o.agentId) : undefined;
    if (named !== undefined && (named.state !== AS.AGENT_STATE_AVAILABLE || this.claimed.has(named.agentId))) {
      const state = this.claimed.has(named.agentId) ? 'claimed by another call' : AgentState.nameOf(named.state);
      throw new Error(`agent ${named.agentId} is not available (${state}); the call was not started`);
    }
    // A call for a skill group (statistics.ts counts it there) goes to that group's agents only.
    const target = o.skillGroupNumber !== undefined ? this.m.skillGroups.get(o.skillGroupNumber) : undefined;
    if (o.skillGroupNumber !== undefined && target === undefined)
      throw new RangeError(`no skill group ${o.skillGroupNumber} on the simulator`);
    let agent = named ?? this.freeAgent(target?.skillGroupNumber);
    if (agent === undefined && o.ifAgentAvailable === true) throw new NoAgentAvailableError();
    const routed = o.routed ?? true;
    const dnis = o.dnis ?? '8005551000';
    const callType = routed ? CallType.byName.CALLTYPE_PREROUTE_ACD_IN : CallType.byName.CALLTYPE_ACD_IN;
    // Unsure: ConnectionDeviceID of an inbound call; chose the DNIS (the route point the call arrived at),
    // stable from trunk seizure to the end of the call.
    const call = new SimCall(this.m.nextConnectionCallId(), dnis, callType);
    call.ani = o.ani ?? `40855501${String(call.connectionCallId % 100).padStart(2, '0')}`;
    call.dnis = dnis;
    call.dialedNumber = o.dialedNumber ?? dnis;
    call.callerEnteredDigits = o.callerEnteredDigits;
    call.callVariables = { ...(o.callVariables ?? {}) };
    call.namedVariables = (o.namedVariables ?? []).map((v) => ({ ...v }));
    call.namedArrays = (o.namedArrays ?? []).map((v) => ({ ...v }));
    if (routed || o.translationRoute === true) call.routerCallKey = this.m.nextRouterCallKey();
    call.skillGroupNumber = target?.skillGroupNumber;
    this.m.calls.add(call);

    if (o.translationRoute === true) this.emit(ev.translationRoute(this.m, call), [], [], true);
    this.emit(ev.delivered(this.m, call, undefined), [], [call], true);

    if (o.queued === true || agent === undefined) {
      const sg = agent ?? [...this.m.agents.values()][0];
      const group =
        target !== undefined
          ? { number: target.skillGroupNumber, id: target.skillGroupId }
          : { number: sg.skillGroupNumber, id: sg.skillGroupId };
      call.state = 'queued';
      this.queuedCount++;
      this.emit(ev.queued(this.m, call, this.queuedCount, group), [], [call], true);
      if (agent !== undefined) this.claimed.add(agent.agentId);
      if ((o.queueMs ?? 0) > 0) await this.m.clock.sleep(o.queueMs!);
      if (agent === undefined) agent = await this.waitForAgent(target?.skillGroupNumber);
      this.claimed.delete(agent.agentId);
      this.queuedCount--;
      if ((call.state as string) === 'cleared') return call;
      this.emit(ev.dequeued(this.m, call, this.queuedCount, group), [], [call], true);
    }
    this.deliverTo(call, agent, routed);
    if (o.answer === true) this.answer(call);
    return call;
  }

  /** An agent nobody's waiting call has claimed, AVAILABLE: one a new delivery may go to. */
  isFree(a: SimAgent): boolean {
    return a.state === AS.AGENT_STATE_AVAILABLE && !this.claimed.has(a.agentId);
  }

  /** Rings `agent` with `call` (RESERVED, CALL_DELIVERED LCS_ALERTING), after an AGENT_PRE_CALL when `preCall`. */
  deliverTo(call: SimCall, agent: SimAgent, preCall: boolean, lastRedirect?: string): void {
    if (preCall) this.emit(ev.agentPreCall(this.m, call, agent), [agent.agentId]);
    call.agentId = agent.agentId;
    call.connections.set(agent.agentId, LCS.LCS_ALERTING);
    call.state = 'alerting';
    this.setAgentState(agent, AS.AGENT_STATE_RESERVED, { direction: DIRECTION_IN });
    this.emit(ev.delivered(this.m, call, agent, { lastRedirect }), [agent.agentId], [call]);
  }

  /** The alerting agent answers: CALL_ESTABLISHED then AGENT_STATE TALKING. */
  answer(call: SimCall, agentId = call.agentId): void {
    const a = this.requireConnection(call, agentId, LCS.LCS_ALERTING, 'answer');
    call.connections.set(a.agentId, LCS.LCS_CONNECT);
    call.state = 'connected';
    this.emit(ev.established(this.m, call, a), call.parties, [call]);
    this.setAgentState(a, AS.AGENT_STATE_TALKING, { direction: DIRECTION_IN });
  }

  hold(call: SimCall, agentId = call.agentId, changeAgentState = true, cause = ev.CEC_NONE): void {
    const a = this.requireConnection(call, agentId, LCS.LCS_CONNECT, 'hold');
    call.connections.set(a.agentId, LCS.LCS_HOLD);
    call.state = 'held';
    this.emit(ev.held(this.m, call, a, cause), call.parties, [call]);
    if (changeAgentState) this.setAgentState(a, AS.AGENT_STATE_HOLD);
  }

  retrieve(call: SimCall, agentId = call.agentId, cause = ev.CEC_NONE): void {
    const a = this.requireConnection(call, agentId, LCS.LCS_HOLD, 'retrieve');
    call.connections.set(a.agentId, LCS.LCS_CONNECT);
    call.state = 'connected';
    this.emit(ev.retrieved(this.m, call, a, cause), call.parties, [call]);
    if (a.state !== AS.AGENT_STATE_TALKING) this.setAgentState(a, AS.AGENT_STATE_TALKING);
  }

  /**
   * The whole call ends: one CALL_CONNECTION_CLEARED per agent connection, CALL_CLEARED, END_CALL to every
   * associated client, then each agent's AGENT_STATE (AVAILABLE when it has no other call, or the after-call
   * work state first when a wrap-up time is configured: see agentFreed).
   */
  release(call: SimCall, cause = ev.CEC_NONE, releasingAgentId?: string): void {
    if (call.state === 'cleared') return;
    const parties = call.parties;
    // One agent hanging up a call between agents: only its connection clears, then the call (§21.3).
    for (const agentId of releasingAgentId === undefined ? parties : [releasingAgentId]) {
      const a = this.m.getAgent(agentId);
      this.emit(ev.connectionCleared(this.m, call, { deviceId: a.extension, external: false }, cause), parties, [call]);
    }
    this.emit(ev.cleared(this.m, call, cause), parties, [call]);
    this.finish(call, parties);
  }

  private finish(call: SimCall, agents: string[]): void {
    const talked = new Set(agents.filter((id) => TALKED.has(call.connections.get(id) ?? -1)));
    call.state = 'cleared';
    call.connections.clear();
    this.m.calls.delete(call);
    this.m.recordEnded(call);
    this.m.dissociate(call);
    for (const agentId of agents) this.agentFreed(this.m.getAgent(agentId), talked.has(agentId) ? call : undefined);
  }

  /** An agent left a call outside these flows (supervision.ts): its state follows as after any call. */
  settleAgent(a: SimAgent): void {
    this.agentFreed(a);
  }

  /**
   * An agent left a call: `handled` is the call when the agent was connected to it (answered, held), which is
   * what after-call work follows. With no other call the agent takes its state after calls: a supervisor's
   * pending change, else the wrap-up (agentWrapsUp) when one is configured, else AVAILABLE (NOT_READY and LOGOUT
   * stay). The statistics count the handled call once this settles (statistics.ts: at the end of the wrap-up).
   */
  private agentFreed(a: SimAgent, handled?: SimCall): void {
    const others = this.m.callsOf(a.agentId);
    if (others.length === 0) {
      const after = this.stateAfterCalls.get(a.agentId);
      this.stateAfterCalls.delete(a.agentId);
      if (after !== undefined) this.setAgentState(a, after.state, { reasonCode: after.reasonCode });
      else if (!this.agentWrapsUp(a, handled) && !STICKY_STATES.has(a.state))
        this.setAgentState(a, AS.AGENT_STATE_AVAILABLE);
    } else if (others.some((c) => c.connections.get(a.agentId) === LCS.LCS_CONNECT))
      this.setAgentState(a, AS.AGENT_STATE_TALKING);
    statisticsOf(this.m).agentFreed(a);
  }

  /**
   * After-call work (wrap-up, cti-protocol.md 7.2 step 12 "WORK_READY / WORK_NOT_READY … per desk settings"):
   * after a handled call (not a consultation: internal calls have none) with a wrap-up time configured (the
   * call's skill group's, else the simulator's), the agent goes to WORK_READY — WORK_NOT_READY when it asked for
   * Not Ready (or a work state) during the call — and when the time is up to AVAILABLE (NOT_READY with the reason
   * it asked for). A state change in between (the agent ends its wrap-up early, logs out, a supervisor acts)
   * ends the wrap-up; the timer then does nothing. False when no wrap-up applies.
   * Unsure: real peripherals follow the desk settings' work mode (required / optional) and the agent may ask
   * for WORK_READY or WORK_NOT_READY itself; the simulator always wraps up for the configured time.
   */
  private agentWrapsUp(a: SimAgent, handled: SimCall | undefined): boolean {
    if (handled === undefined || handled.callType === CallType.byName.CALLTYPE_CONSULT) return false;
    if (a.state === AS.AGENT_STATE_LOGOUT) return false;
    const ms = this.m.wrapupMsFor(a, handled);
    if (ms <= 0) return false;
    const notReady = a.state === AS.AGENT_STATE_NOT_READY || a.state === AS.AGENT_STATE_WORK_NOT_READY;
    const reasonCode = a.state === AS.AGENT_STATE_NOT_READY ? a.reasonCode : 0;
    const work = notReady ? AS.AGENT_STATE_WORK_NOT_READY : AS.AGENT_STATE_WORK_READY;
    this.setAgentState(a, work);
    const since = a.stateSince;
    this.wrapups.get(a.agentId)?.cancel();
    const timer = this.m.clock.setTimer(ms, () => {
      this.wrapups.delete(a.agentId);
      // Ended already (another state since): nothing to do.
      if (a.state !== work || a.stateSince !== since) return;
      if (notReady) this.setAgentState(a, AS.AGENT_STATE_NOT_READY, { reasonCode });
      else this.setAgentState(a, AS.AGENT_STATE_AVAILABLE);
    });
    this.wrapups.set(a.agentId, timer);
    return true;
  }

  /** Agents in wrap-up and the timer that ends it. */
  private readonly wrapups = new Map<string, SimTimer>();
  /** The simulators serving this model (both sides of a pair): wrap-up timers run while one of them does. */
  private readonly holders = new Set<object>();

  /** A simulator started serving these flows. */
  attach(holder: object): void {
    this.holders.add(holder);
  }

  /** A simulator stopped: with none left, pending wrap-ups are dropped (their timers would outlive it). */
  detach(holder: object): void {
    this.holders.delete(holder);
    if (this.holders.size > 0) return;
    for (const t of this.wrapups.values()) t.cancel();
    this.wrapups.clear();
  }

  /**
   * The customer hangs up (or, still ringing, abandons): the caller's CALL_CONNECTION_CLEARED, CALL_CLEARED with
   * `cause`, END_CALL to every associated client, the agents freed. Nothing happens to a call that already ended.
   * Unsure: the guide gives no per-party sequence for a caller hanging up; chose the caller's connection cleared,
   * then the call (the agents' connections end with it), and CECX_ABAND_RING on CALL_CLEARED for a call that
   * was still ringing.
   */
  callerHangsUp(call: SimCall, cause = ev.CEC_NONE): void {
    if (!this.m.calls.has(call)) return;
    const parties = call.parties;
    // The customer's side: the caller of an inbound call, the dialled party of an agent's outbound call.
    const outbound = call.callType === CallType.byName.CALLTYPE_AGENT_OUT;
    const caller = { deviceId: outbound ? call.dialedNumber : call.ani, external: true };
    this.emit(ev.connectionCleared(this.m, call, caller), parties, [call]);
    this.emit(ev.cleared(this.m, call, cause), parties, [call]);
    this.finish(call, parties);
  }

  /** One agent leaves; a call with no agent left is cleared. `cause`: the EventCause of its events. */
  clearConnection(call: SimCall, agentId: string, cause = ev.CEC_NONE): void {
    if (!call.connections.has(agentId)) throw new Error(`agent ${agentId} is not on call ${call.key}`);
    if (call.connections.size <= 1) {
      this.release(call, cause);
      return;
    }
    const a = this.m.getAgent(agentId);
    const parties = call.parties;
    const talked = TALKED.has(call.connections.get(agentId) ?? -1);
    this.emit(ev.connectionCleared(this.m, call, { deviceId: a.extension, external: false }, cause), parties, [call]);
    call.connections.delete(agentId);
    if (call.agentId === agentId) call.agentId = call.parties[0];
    this.m.dissociate(call, agentId);
    this.agentFreed(a, talked ? call : undefined);
  }

  /**
   * Consultation: the active call is held and a consult call (inheriting the context) is made to another
   * agent: CALL_HELD → CALL_SERVICE_INITIATED → CALL_ORIGINATED → target RESERVED → CALL_DELIVERED →
   * [CALL_ESTABLISHED + target TALKING].
   */
  consult(call: SimCall, fromAgentId: string | undefined, targetAgentId: string, answer = true): SimCall {
    const from = this.requireConnection(call, fromAgentId ?? call.agentId, LCS.LCS_CONNECT, 'consult');
    const target = this.m.findAgent({ agentId: targetAgentId }) ?? this.m.findAgent({ extension: targetAgentId });
    if (target === undefined) throw new Error(`no agent or extension "${targetAgentId}" to consult`);
    if (target.state !== AS.AGENT_STATE_AVAILABLE || this.claimed.has(target.agentId))
      throw new Error(`agent ${target.agentId} is not available`);
    // Unsure: whether the consulting agent's state changes while its call is on consult hold; chose no change.
    this.hold(call, from.agentId, false);
    const c2 = new SimCall(this.m.nextConnectionCallId(), from.extension, CallType.byName.CALLTYPE_CONSULT);
    c2.consultOf = call;
    c2.ani = from.extension;
    c2.dialedNumber = target.extension;
    c2.callVariables = { ...call.callVariables };
    c2.namedVariables = call.namedVariables.map((v) => ({ ...v }));
    c2.namedArrays = call.namedArrays.map((v) => ({ ...v }));
    c2.agentId = from.agentId;
    c2.connections.set(from.agentId, LCS.LCS_INITIATE);
    this.m.calls.add(c2);
    this.emit(ev.serviceInitiated(this.m, c2, from), [from.agentId], [c2]);
    this.emit(ev.originated(this.m, c2, from, target.extension, true), [from.agentId], [c2]);
    c2.connections.set(target.agentId, LCS.LCS_ALERTING);
    c2.state = 'alerting';
    this.setAgentState(target, AS.AGENT_STATE_RESERVED, { direction: DIRECTION_OTHER_IN });
    this.emit(ev.delivered(this.m, c2, target), c2.parties, [c2]);
    if (answer) {
      c2.connections.set(target.agentId, LCS.LCS_CONNECT);
      c2.connections.set(from.agentId, LCS.LCS_CONNECT);
      c2.state = 'connected';
      this.emit(ev.established(this.m, c2, target), c2.parties, [c2]);
      this.setAgentState(target, AS.AGENT_STATE_TALKING, { direction: DIRECTION_OTHER_IN });
    }
    return c2;
  }

  /** Common checks of transfer / conference: the held original and its connected consult call. */
  private joinParties(held: SimCall, consult: SimCall): { from: SimAgent; target: SimAgent } {
    this.requireLive(held, 'join');
    this.requireLive(consult, 'join');
    if (consult.consultOf !== held) throw new Error(`call ${consult.key} is not a consultation of ${held.key}`);
    const from = this.m.getAgent(consult.agentId!);
    const targetId = consult.parties.find((p) => p !== from.agentId);
    if (targetId === undefined || consult.state !== 'connected')
      throw new Error('the consultation call is not connected');
    return { from, target: this.m.getAgent(targetId) };
  }

  private partiesOf(call: SimCall, agents: SimAgent[]): ev.Party[] {
    const list: ev.Party[] = [];
    if (call.ani !== '')
      list.push({ callId: call.connectionCallId, deviceIdType: call.connectionDeviceIdType, deviceId: call.ani });
    for (const a of agents)
      list.push({ callId: call.connectionCallId, deviceIdType: call.connectionDeviceIdType, deviceId: a.extension });
    return list;
  }

  /**
   * Consult transfer: CALL_TRANSFERRED_EVENT (primary = original call, which survives; secondary = consult
   * call), END_CALL of the consult call to everyone, END_CALL of the original call to the transferring agent,
   * who becomes AVAILABLE.
   * Unsure: the guide does not say which call id survives; chose the primary (original).
   */
  transfer(held: SimCall, consult: SimCall): void {
    const { from, target } = this.joinParties(held, consult);
    const msg = ev.joined('transfer', this.m, held, consult, from, target, this.partiesOf(held, [target]));
    // Guide (TRANSFER_CALL_REQ): "after transfer both connections at the common device go NULL". The
    // transferring agent's desktop is told its local connection is gone; the others see the call connected.
    // Unsure: All Events clients (no local device) get the transferred party's view, LCS_CONNECT.
    const localView = (agentId: string, m: CtiMessage): CtiMessage =>
      agentId === from.agentId ? { ...m, localConnectionState: LCS.LCS_NULL } : m;
    this.emit(msg, [from.agentId, target.agentId], [held, consult], false, localView);
    held.connections.delete(from.agentId);
    held.connections.set(target.agentId, LCS.LCS_CONNECT);
    held.agentId = target.agentId;
    held.state = 'connected';
    consult.state = 'cleared';
    consult.connections.clear();
    this.m.calls.delete(consult);
    this.m.dissociate(consult);
    this.m.dissociate(held, from.agentId);
    this.agentFreed(from, held);
  }

  /** Consult conference: CALL_CONFERENCED_EVENT; the original call now has both agents; the consult call ends. */
  conference(held: SimCall, consult: SimCall): void {
    const { from, target } = this.joinParties(held, consult);
    const msg = ev.joined('conference', this.m, held, consult, from, target, this.partiesOf(held, [from, target]));
    this.emit(msg, [from.agentId, target.agentId], [held, consult]);
    held.connections.set(from.agentId, LCS.LCS_CONNECT);
    held.connections.set(target.agentId, LCS.LCS_CONNECT);
    held.state = 'connected';
    held.callType = CallType.byName.CALLTYPE_CONFERENCE;
    consult.state = 'cleared';
    consult.connections.clear();
    this.m.calls.delete(consult);
    this.m.dissociate(consult);
  }

  /**
   * An alerting call is taken away from its agent (e.g. ring-no-answer) and delivered to another:
   * CALL_DIVERTED → END_CALL to the first agent → first agent AVAILABLE → delivery to the new agent.
   * Unsure: a real peripheral may make the first agent NOT_READY (RONA); chose AVAILABLE.
   */
  divert(call: SimCall, toAgentId: string): void {
    const from = this.requireConnection(call, call.agentId, LCS.LCS_ALERTING, 'divert');
    const to = this.m.getAgent(toAgentId);
    if (to.state !== AS.AGENT_STATE_AVAILABLE || this.claimed.has(to.agentId))
      throw new Error(`agent ${toAgentId} is not available`);
    this.claimed.add(to.agentId);
    this.emit(ev.diverted(this.m, call, from, to.extension, EventCause.byName.CEC_REDIRECTED), [from.agentId], [call]);
    call.connections.delete(from.agentId);
    this.m.dissociate(call, from.agentId);
    this.agentFreed(from);
    this.claimed.delete(to.agentId);
    this.deliverTo(call, to, false, from.extension);
  }

  /**
   * Outbound call by an agent: CALL_SERVICE_INITIATED → CALL_ORIGINATED → AGENT_STATE TALKING (direction Out)
   * → CALL_REACHED_NETWORK → CALL_DELIVERED (far end alerting; local connection still LCS_INITIATE) →
   * CALL_ESTABLISHED; or, when the far end is busy, CALL_FAILED → CALL_CLEARED → END_CALL.
   */
  outbound(o: OutboundCallOptions & { agent: SimAgent }): SimCall {
    const a = o.agent;
    if (!canMakeCall(a))
      throw new Error(`agent ${a.agentId} cannot make a call in state ${AgentState.nameOf(a.state)}`);
    const call = new SimCall(this.m.nextConnectionCallId(), a.extension, CallType.byName.CALLTYPE_AGENT_OUT);
    call.ani = a.extension;
    call.dialedNumber = o.dialedNumber ?? '9005550100';
    call.callVariables = { ...(o.callVariables ?? {}) };
    call.namedVariables = (o.namedVariables ?? []).map((v) => ({ ...v }));
    call.namedArrays = (o.namedArrays ?? []).map((v) => ({ ...v }));
    call.agentId = a.agentId;
    call.connections.set(a.agentId, LCS.LCS_INITIATE);
    this.m.calls.add(call);
    this.emit(ev.serviceInitiated(this.m, call, a), [a.agentId], [call]);
    this.emit(ev.originated(this.m, call, a, call.dialedNumber, false), [a.agentId], [call]);
    this.setAgentState(a, AS.AGENT_STATE_TALKING, { direction: DIRECTION_OUT });
    this.emit(ev.reachedNetwork(this.m, call), [a.agentId], [call]);
    if (o.fail === true) {
      this.fail(call, EventCause.byName.CEC_BUSY);
      return call;
    }
    call.state = 'alerting';
    this.emit(
      {
        ...ev.delivered(this.m, call, undefined, { lcs: LCS.LCS_INITIATE }),
        alertingDeviceType: ev.DEVID_EXTERNAL,
        alertingDeviceId: call.dialedNumber,
      },
      [a.agentId],
      [call],
    );
    if (o.answer !== false) {
      call.connections.set(a.agentId, LCS.LCS_CONNECT);
      call.state = 'connected';
      this.emit(
        {
          ...ev.established(this.m, call, a),
          answeringDeviceType: ev.DEVID_EXTERNAL,
          answeringDeviceId: call.dialedNumber,
        },
        [a.agentId],
        [call],
      );
    }
    return call;
  }

  /** The call cannot be completed: CALL_FAILED → CALL_CLEARED → END_CALL, agents freed. */
  fail(call: SimCall, cause: number = EventCause.byName.CEC_BUSY): void {
    this.requireLive(call, 'fail');
    const parties = call.parties;
    this.emit(ev.failed(this.m, call, cause), parties, [call]);
    this.emit(ev.cleared(this.m, call, cause), parties, [call]);
    this.finish(call, parties);
  }

  /**
   * Applies call data (only the supplied items change) and sends CALL_DATA_UPDATE_EVENT to every entitled
   * client: the changed items, plus from PV22 the call's full ECC set (before PV22 only the changed ECC items).
   */
  setCallData(call: SimCall, changes: Record<string, unknown>, signature?: string): void {
    this.requireLive(call, 'change the call data of');
    const applied: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) continue;
      const cv = /^callVariable(\d+)$/.exec(k);
      if (cv !== null) {
        call.callVariables[Number(cv[1])] = String(v);
        applied[k] = v;
      } else if (k === 'namedVariables') {
        for (const nv of v as { name: string; value: string }[]) {
          const i = call.namedVariables.findIndex((x) => x.name === nv.name);
          if (i >= 0) call.namedVariables[i] = { name: nv.name, value: nv.value };
          else call.namedVariables.push({ name: nv.name, value: nv.value });
        }
        applied[k] = v;
      } else if (k === 'namedArrays') {
        for (const na of v as { name: string; index: number; value: string }[]) {
          const i = call.namedArrays.findIndex((x) => x.name === na.name && x.index === na.index);
          if (i >= 0) call.namedArrays[i] = { ...na };
          else call.namedArrays.push({ ...na });
        }
        applied[k] = v;
      } else if (k === 'routerCallKeyDay' || k === 'routerCallKeyCallId' || k === 'routerCallKeySequenceNumber') {
        const key = call.routerCallKey ?? { day: 0, callId: 0, sequenceNumber: 0 };
        if (k === 'routerCallKeyDay') key.day = v as number;
        else if (k === 'routerCallKeyCallId') key.callId = v as number;
        else key.sequenceNumber = v as number;
        call.routerCallKey = key;
        applied[k] = v;
      } else if (k === 'callType' || k === 'calledPartyDisposition' || k === 'campaignId' || k === 'queryRuleId') {
        // Unsure: the guide does not say what 0 means here; chose "leave unchanged".
        if (v !== 0) {
          (call as unknown as Record<string, unknown>)[k] = v;
        }
      } else if ((CALL_DATA_TEXT_FIELDS as readonly string[]).includes(k)) {
        (call as unknown as Record<string, unknown>)[k] = v;
        applied[k] = v;
      }
    }
    if (signature !== undefined) {
      const existing = call.ctiClients.find((c) => c.signature === signature);
      if (existing !== undefined) existing.timestamp = this.m.controllerTime;
      else call.ctiClients.push({ signature, timestamp: this.m.controllerTime });
    }
    const partial = ev.callDataUpdate(this.m, call, applied, false);
    const full = ev.callDataUpdate(this.m, call, applied, true);
    this.m.emitEvent({ msg: full, agents: call.parties, calls: [call], forVersion: (v) => (v >= 22 ? full : partial) });
  }

  /** Refuses an operation on a call that has ended or was merged into another by a transfer / conference. */
  private requireLive(call: SimCall, what: string): void {
    if (!this.m.calls.has(call)) throw new Error(`cannot ${what} call ${call.key}: it no longer exists`);
  }

  private requireConnection(call: SimCall, agentId: string | undefined, lcs: number, what: string): SimAgent {
    this.requireLive(call, what);
    if (agentId === undefined || call.connections.get(agentId) !== lcs) {
      throw new Error(`cannot ${what} call ${call.key}: ${agentId ?? 'no agent'} is not in the right state`);
    }
    return this.m.getAgent(agentId);
  }
}
