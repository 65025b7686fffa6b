/**
 * Which agent has the call. Call events name devices, not agents, and a call moves between devices: a
 * transfer hands it on (CALL_TRANSFERRED: TransferringDeviceID leaves, TransferredDeviceID takes it), a
 * conference adds a party (CALL_CONFERENCED: AddedPartyDeviceID), a diversion takes it away from a device
 * (CALL_DIVERTED: DivertingDeviceID), a party hangs up (CALL_CONNECTION_CLEARED: ReleasingDeviceID), a device
 * alerts or answers (CALL_DELIVERED / CALL_ESTABLISHED, also as the switchover replay with
 * CEC_CALL_PARTY_UPDATE_IND), an agent dials (CALL_SERVICE_INITIATED / CALL_ORIGINATED). Each of those events
 * moves the call's "current" device here; the agent at that device (from the agents' AGENT_STATE_EVENTs) is
 * the call's agent (cti-protocol.md Part 2 §1.5–1.14, §7).
 *
 * `history` lists every device (and its agent) the call passed, oldest first: `from` when it joined, `to` and
 * `cause` (the event type) when it left. When the last agent leaves, the call keeps that agent as its agent: the
 * CALL_CLEARED / END_CALL that follow are still "that agent's call".
 */
import { LocalConnectionState, type CtiMessage } from '../protocol';
import { appended } from './call-data';

/** Finds the agent at a device (extension or instrument). */
export type AgentAtDevice = (
  device: string,
) => { agentId?: string; agentExtension?: string; agentInstrument?: string } | undefined;

export interface CallAgentVisit {
  /** Resolved when the agent at the device is known (it may become known after the event). */
  agentId?: string;
  readonly device: string;
  /** When the device joined the call; absent when this client saw only its leaving (e.g. a transferring agent). */
  readonly from?: number;
  to?: number;
  /** The event that took the call away from the device (e.g. CALL_TRANSFERRED_EVENT). */
  cause?: string;
}

/** The agent part of a CallRecord (the record itself: no object of its own per call). */
export interface CallAgents {
  /** Index into history of the device that has the call now, -1 when none is known yet. */
  currentVisit: number;
  history: CallAgentVisit[];
}

const LCS_ALERTING = LocalConnectionState.byName.LCS_ALERTING;
/** Switchover replay (§ Active / standby): re-announces parties already on the call. */
const CEC_CALL_PARTY_UPDATE_IND = 50;

function device(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function openVisit(a: CallAgents, dev: string): number {
  for (let i = a.history.length - 1; i >= 0; i--) {
    const v = a.history[i];
    if (v.device === dev && v.to === undefined) return i;
  }
  return -1;
}

/**
 * `dev` joins the call (no-op if it is on it). `take`: it becomes the current device — a new arrival always
 * does; one already on the call does unless the event only replays state after a switchover.
 */
function arrive(a: CallAgents, dev: string | undefined, now: number, take: boolean, replay: boolean): void {
  if (dev === undefined) return;
  let i = openVisit(a, dev);
  const isNew = i < 0;
  if (isNew) {
    a.history = appended(a.history, { device: dev, from: now });
    i = a.history.length - 1;
  }
  if (take && (isNew || !replay || a.currentVisit < 0)) a.currentVisit = i;
  else if (a.currentVisit < 0) a.currentVisit = i;
}

/** `dev` leaves the call; the current device passes to the most recent device still on it, if any. */
function leave(a: CallAgents, dev: string | undefined, now: number, cause: string): void {
  if (dev === undefined) return;
  let i = openVisit(a, dev);
  if (i < 0) {
    // This client did not see the device join (a desktop learns of the transferring agent only now).
    a.history = appended(a.history, { device: dev });
    i = a.history.length - 1;
  }
  a.history[i].to = now;
  a.history[i].cause = cause;
  if (a.currentVisit !== i && a.currentVisit >= 0 && a.history[a.currentVisit].to === undefined) return;
  for (let j = a.history.length - 1; j >= 0; j--) {
    if (a.history[j].to === undefined) {
      a.currentVisit = j;
      return;
    }
  }
  a.currentVisit = i;
}

/**
 * Moves the call's agents for one event. `isAgent` tells whether an agent is known at a device: a device that
 * only might be an agent's (an outbound call's answering party) moves the call only if it is.
 */
export function moveAgents(a: CallAgents, msg: CtiMessage, now: number, isAgent: (dev: string) => boolean): void {
  const t = msg.messageType;
  const replay = msg.eventCause === CEC_CALL_PARTY_UPDATE_IND;
  switch (t) {
    case 'CALL_TRANSFERRED_EVENT':
      leave(a, device(msg.transferringDeviceId), now, t);
      arrive(a, device(msg.transferredDeviceId), now, true, false);
      return;
    case 'CALL_CONFERENCED_EVENT':
      arrive(a, device(msg.controllerDeviceId), now, false, false);
      arrive(a, device(msg.addedPartyDeviceId), now, true, false);
      return;
    case 'CALL_DIVERTED_EVENT':
      leave(a, device(msg.divertingDeviceId), now, t);
      return;
    case 'CALL_CONNECTION_CLEARED_EVENT': {
      const releasing = device(msg.releasingDeviceId);
      // Only a device that was on the call as an agent's (or is an agent's) leaves the list.
      if (releasing !== undefined && (openVisit(a, releasing) >= 0 || isAgent(releasing))) leave(a, releasing, now, t);
      return;
    }
    case 'CALL_DELIVERED_EVENT': {
      // LCS_ALERTING: delivered to an agent's teleset; otherwise a trunk seizure or the far end of an outbound call.
      const alerting = device(msg.alertingDeviceId);
      if (alerting !== undefined && (msg.localConnectionState === LCS_ALERTING || isAgent(alerting)))
        arrive(a, alerting, now, true, replay);
      return;
    }
    case 'CALL_ESTABLISHED_EVENT': {
      const answering = device(msg.answeringDeviceId);
      if (answering !== undefined && (openVisit(a, answering) >= 0 || isAgent(answering)))
        arrive(a, answering, now, true, replay);
      return;
    }
    case 'CALL_SERVICE_INITIATED_EVENT':
    case 'CALL_ORIGINATED_EVENT':
      // At the agent's own teleset: the calling device is the agent's.
      arrive(a, device(msg.callingDeviceId), now, a.currentVisit < 0, false);
      return;
    default:
      if (a.currentVisit >= 0) return;
      for (const f of ['answeringDeviceId', 'alertingDeviceId', 'holdingDeviceId'] as const) {
        const d = device(msg[f]);
        if (d !== undefined && isAgent(d)) {
          arrive(a, d, now, true, false);
          return;
        }
      }
  }
}

/**
 * SNAPSHOT_CALL_CONF (§5.17): the devices on the call now with each one's LocalConnectionState. Each agent's device
 * joins the call (as a replay would: one already on it keeps its place); the first alerting, connected or held
 * agent device is the current one. Returns that device's state, undefined when no agent's device is on the call.
 * Unsure: the guide lists the devices without an order or a "current" mark; a call alerting at one agent while
 * held at another takes the first in the list.
 */
export function snapshotDevices(
  a: CallAgents,
  devices: ReadonlyArray<{ device: string; state: number }>,
  now: number,
  isAgent: (dev: string) => boolean,
): number | undefined {
  let current: { device: string; state: number } | undefined;
  for (const d of devices) {
    if (d.device === '' || !isAgent(d.device)) continue;
    arrive(a, d.device, now, false, true);
    if (current === undefined && ON_CALL.has(d.state)) current = d;
  }
  if (current === undefined) return undefined;
  a.currentVisit = openVisit(a, current.device);
  return current.state;
}

const ON_CALL = new Set(
  (['LCS_ALERTING', 'LCS_CONNECT', 'LCS_HOLD'] as const).map((n) => LocalConnectionState.byName[n]),
);

/** Fills in agents that have become known at their devices since the visit began. */
export function resolveAgents(
  a: CallAgents,
  agentAt: AgentAtDevice | undefined,
  fallback: { agentId?: unknown; agentExtension?: unknown; agentInstrument?: unknown },
): void {
  for (const v of a.history) {
    if (v.agentId !== undefined) continue;
    const known = agentAt?.(v.device)?.agentId;
    if (known !== undefined) v.agentId = known;
    // An announcement (AGENT_PRE_CALL_EVENT) naming this device's agent.
    else if (
      typeof fallback.agentId === 'string' &&
      (fallback.agentInstrument === v.device || fallback.agentExtension === v.device)
    )
      v.agentId = fallback.agentId;
  }
}
