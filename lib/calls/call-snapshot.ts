/**
 * The one form of a call that leaves the tracker: what a session's listeners get with each call event and what a
 * flow sees as `msg.call`, the same object for every node and listener. Built once per event that changes the
 * call, frozen all the way down as it is built (a flow may keep it; nothing a flow does reaches the tracker or
 * another flow). Field names are the protocol's, in camelCase; enumerations that describe the call (type, state,
 * cause) are names, as in `msg.payload`; the connection fields stay numbers, as requests take them.
 */
import { CallType, EventCause, LocalConnectionState } from '../protocol';
import { resolveAgents, type AgentAtDevice, type CallAgentVisit } from './call-agents';
import type { CallConnection } from './call-connection';
import type { CallVariables, Ecc } from './call-data';
import type { CallRecord } from './call-record';
import type { RouterCallKey } from './pre-calls';
import type { CallSupervisor } from './call-supervision';
import type { CallRestatement } from './call-restated';

/** The devices on the call by role (the last event that named each role). */
export interface CallParties {
  readonly calling?: string;
  readonly called?: string;
  readonly alerting?: string;
  readonly answering?: string;
  readonly lastRedirect?: string;
  readonly holding?: string;
  readonly releasing?: string;
  /** Transfer (CALL_TRANSFERRED_EVENT), conference (CALL_CONFERENCED_EVENT) and diversion (CALL_DIVERTED_EVENT) parties. */
  readonly transferring?: string;
  readonly transferred?: string;
  readonly controller?: string;
  readonly addedParty?: string;
  readonly diverting?: string;
  /** ConnectedParty list of the last CALL_CONFERENCED / CALL_TRANSFERRED / CONF. */
  readonly connected?: readonly CallSnapshotConnection[];
}

/** One connection (leg) of the call, as a request names it (ConnectionCallID, ConnectionDeviceIDType, ConnectionDeviceID). */
export interface CallSnapshotConnection {
  readonly connectionCallId: number;
  /** ConnectionDeviceIDType as a number (0 static, 1 dynamic): what a request takes. */
  readonly connectionDeviceIdType: number;
  readonly connectionDeviceId: string;
}

/** Where context that the call's own events did not carry came from. */
export interface CallContextSources {
  /** Pre-call announcements merged into the call (AGENT_PRE_CALL_EVENT, CALL_TRANSLATION_ROUTE_EVENT). */
  readonly preCall?: readonly string[];
  /** The CONF of the request that made this call (MAKE_CALL_CONF, MAKE_PREDICTIVE_CALL_CONF, CONSULTATION_CALL_CONF). */
  readonly madeBy?: string;
  /** Key of the call this consult call was made from (its call variables / ECC were inherited). */
  readonly consultOf?: string;
}

/** One device (and its agent) the call passed. */
export interface CallVisit {
  /** The agent at the device, when known. */
  readonly agentId?: string;
  readonly device: string;
  /** When the device joined the call (ms since the epoch); absent when this client saw only its leaving. */
  readonly from?: number;
  /** When it left. */
  readonly to?: number;
  /** The event that took the call away from the device (e.g. CALL_TRANSFERRED_EVENT). */
  readonly cause?: string;
}

/**
 * What the tracker knows about one call after an event: `msg.call` in a flow, the second argument of a session's
 * call-event listeners. Frozen all the way down; a new object per event that changes the call, shared by every
 * node and listener of that event. A property is present only when some message said it.
 */
export interface CallSnapshot {
  /** Stable id for the life of the call in this tracker ("callId/deviceIdType/deviceId" of its first connection). */
  readonly key: string;
  /** ConnectionCallID of the event this snapshot was made for (or of the call's first connection). */
  readonly connectionCallId: number;
  /**
   * ConnectionDeviceIDType of that connection as a number (0 CONNECTION_ID_STATIC, 1 CONNECTION_ID_DYNAMIC): the
   * three connection fields are the call's address, copied as they are into a request.
   */
  readonly connectionDeviceIdType: number;
  /** ConnectionDeviceID of that connection. */
  readonly connectionDeviceId: string;
  /** Every current connection of the call (renames by CALL_DATA_UPDATE_EVENT and by CONFs are followed). */
  readonly connections: readonly CallSnapshotConnection[];
  /** PeripheralID. */
  readonly peripheralId?: number;
  /** CallType by name (e.g. CALLTYPE_PREROUTE_ACD_IN); the number if it has none. */
  readonly callType?: string | number;
  /** ANI: the caller's number. */
  readonly ani?: string;
  /** DNIS: the number the call was delivered to. */
  readonly dnis?: string;
  /** DialedNumber: the number the caller dialed. */
  readonly dialedNumber?: string;
  /** CallerEnteredDigits (CED): what the caller keyed in (e.g. in an IVR). */
  readonly callerEnteredDigits?: string;
  /** CallWrapupData. */
  readonly callWrapupData?: string;
  /** CustomerPhoneNumber (CALL_DATA_UPDATE_EVENT / SET_CALL_DATA). */
  readonly customerPhoneNumber?: string;
  /** CustomerAccountNumber (CALL_DATA_UPDATE_EVENT / SET_CALL_DATA). */
  readonly customerAccountNumber?: string;
  /** UserToUserInfo as received (a copy of its own per snapshot: a Buffer cannot be frozen). */
  readonly userToUserInfo?: Buffer;
  /** CallReferenceID as received (a copy of its own per snapshot). */
  readonly callReferenceId?: Buffer;
  /** CallVariable1..10 by number: `{ 1: "…", 10: "…" }`. */
  readonly callVariables: Readonly<CallVariables>;
  /** Expanded Call Context variables by name; an ECC array is an array (an element never set is null). */
  readonly ecc: Readonly<Ecc>;
  /** RouterCallKeyDay / RouterCallKeyCallID / RouterCallKeySequenceNumber. */
  readonly routerCallKey?: RouterCallKey;
  /**
   * AgentID of the agent at the device that has the call now (answering, alerting, the transfer's or
   * conference's new party), else the agent an announcement or the call's own events named.
   */
  readonly agentId?: string;
  /** AgentExtension of that agent. */
  readonly agentExtension?: string;
  /** AgentInstrument of that agent. */
  readonly agentInstrument?: string;
  /** SkillGroupNumber the call was delivered through. */
  readonly skillGroupNumber?: number;
  /** ServiceNumber. */
  readonly serviceNumber?: number;
  /** The devices (and their agents) the call passed, oldest first; the agent fields above are those of the current one. */
  readonly history: readonly CallVisit[];
  /** LocalConnectionState of the last event that had one, by name (LCS_ALERTING …); the number if it has none. */
  readonly state?: string | number;
  /** EventCause of the last event that had one, by name (CEC_NEW_CALL …); the number if it has none. */
  readonly lastEventCause?: string | number;
  /** The devices on the call by role. */
  readonly parties: CallParties;
  /** The supervisor monitoring, barged in on or having intercepted this call (call-supervision.ts). */
  readonly supervisor?: CallSupervisor;
  /** Present when some context came from elsewhere than the call's own events. */
  readonly contextFrom?: CallContextSources;
  /** An ESTABLISHED event was seen (the call has a destination connection). */
  readonly established: boolean;
  /** The call was created by an event other than BEGIN_CALL_EVENT (its start was missed). */
  readonly partial: boolean;
  /** The call ended with this event (END_CALL_EVENT); the tracker has forgotten it. */
  readonly ended: boolean;
  /**
   * Present (true) only on the END_CALL_EVENT the session infers after a switchover or reconnect: the call was
   * tracked before it, the new active side did not restate it, and SNAPSHOT_CALL said the server no longer has it —
   * it ended while the link was down and its own END_CALL_EVENT was never received (stale-sweep.ts).
   */
  readonly endedWhileDown?: true;
  /** The message type of the last event about the call. */
  readonly lastEvent: string;
  /**
   * Present when that event only restates the call after a switchover (the new active side tells the state of
   * calls in progress: BEGIN_CALL_EVENT, CALL_DELIVERED / CALL_ESTABLISHED with CEC_CALL_PARTY_UPDATE_IND):
   * 'known' — this client knew the call, nothing happened to it (don't act on it twice); 'new' — the call began
   * while the link was down and is seen here for the first time, mid-life (call-restated.ts).
   */
  readonly restated?: CallRestatement;
  /** How many messages were about the call. */
  readonly eventCount: number;
  /** When the tracker first saw the call (ms since the epoch). */
  readonly startedAt: number;
  /** When the last message about the call arrived (ms since the epoch). */
  readonly updatedAt: number;
}

export type { AgentAtDevice } from './call-agents';

/**
 * `current` is the connection of the event the snapshot is for. Call events name the agent's device, not the
 * agent, so the agent fields come from `agentAt` for the device that has the call (call-agents.ts).
 *
 * Frozen as it is built, not by walking it afterwards: the call-data sets, connections, router call key and
 * connected parties are frozen in the record and shared by every snapshot of the call; what the record changes
 * in place (parties, history) is copied.
 */
export function callSnapshot(
  rec: CallRecord,
  current: CallConnection | undefined,
  ended: boolean | 'while-down',
  agentAt: AgentAtDevice | undefined,
  epoch = 0,
): CallSnapshot {
  const d = rec.data;
  const conn = current ?? rec.connections[0] ?? NO_CONNECTION;
  const snap: Record<string, unknown> = {
    key: rec.key,
    connectionCallId: conn.callId,
    connectionDeviceIdType: conn.deviceIdType,
    connectionDeviceId: conn.deviceId,
    connections: connectionsOf(rec.connections),
  };
  for (const k in d) {
    const v = d[k];
    if (v === undefined) continue;
    if (k === 'localConnectionState') snap.state = nameOr(LocalConnectionState, v as number);
    else if (k === 'callType') snap.callType = nameOr(CallType, v as number);
    else if (k === 'lastEventCause') snap.lastEventCause = nameOr(EventCause, v as number);
    else snap[k] = Buffer.isBuffer(v) ? Buffer.from(v) : v; // objects in data are frozen (routerCallKey)
  }
  snap.callVariables = rec.callVariables;
  snap.ecc = rec.ecc;
  snap.parties = partiesOf(rec.parties);
  if (rec.preCallFrom.length > 0 || rec.madeBy !== undefined || rec.consultOf !== undefined) {
    const from: Record<string, unknown> = {};
    if (rec.preCallFrom.length > 0) from.preCall = Object.freeze(rec.preCallFrom.slice());
    if (rec.madeBy !== undefined) from.madeBy = rec.madeBy;
    if (rec.consultOf !== undefined) from.consultOf = rec.consultOf;
    snap.contextFrom = Object.freeze(from);
  }
  setAgentFields(snap, rec, agentAt, epoch);
  snap.established = rec.established;
  snap.partial = rec.partial;
  snap.ended = ended !== false;
  if (ended === 'while-down') snap.endedWhileDown = true;
  snap.lastEvent = rec.lastEvent;
  if (rec.restated !== undefined) snap.restated = rec.restated;
  snap.eventCount = rec.eventCount;
  snap.startedAt = epoch + rec.startedAt;
  snap.updatedAt = epoch + rec.updatedAt;
  return Object.freeze(snap) as unknown as CallSnapshot;
}

const NO_CONNECTION: CallConnection = Object.freeze({ callId: 0, deviceIdType: 0, deviceId: '' });

function nameOr(e: { nameOf(v: number): string | undefined }, v: number): string | number {
  return e.nameOf(v) ?? v;
}

function connectionOf(c: CallConnection): CallSnapshotConnection {
  return Object.freeze({
    connectionCallId: c.callId,
    connectionDeviceIdType: c.deviceIdType,
    connectionDeviceId: c.deviceId,
  });
}

function connectionsOf(list: readonly CallConnection[]): readonly CallSnapshotConnection[] {
  const out = new Array<CallSnapshotConnection>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = connectionOf(list[i]);
  return Object.freeze(out);
}

/** The record's parties (changed in place by the tracker) as they are now, connected parties named as requests name them. */
function partiesOf(p: Record<string, unknown>): CallParties {
  const out: Record<string, unknown> = {};
  for (const k in p) {
    const v = p[k];
    out[k] = k === 'connected' ? connectionsOf(v as CallConnection[]) : v;
  }
  return Object.freeze(out) as CallParties;
}

/** A visit as snapshots show it: times since 1970 (the record counts from the tracker's epoch). */
function visitOf(v: CallAgentVisit, epoch: number): CallVisit {
  const out: { -readonly [K in keyof CallVisit]: CallVisit[K] } = { device: v.device };
  if (v.agentId !== undefined) out.agentId = v.agentId;
  if (v.from !== undefined) out.from = epoch + v.from;
  if (v.to !== undefined) out.to = epoch + v.to;
  if (v.cause !== undefined) out.cause = v.cause;
  return Object.freeze(out);
}

/** agentId / agentExtension / agentInstrument of the device that has the call, and the call's history. */
function setAgentFields(
  snap: Record<string, unknown>,
  rec: CallRecord,
  agentAt: AgentAtDevice | undefined,
  epoch: number,
): void {
  const d = rec.data;
  const a = rec;
  resolveAgents(a, agentAt, d);
  const history = new Array<CallVisit>(a.history.length);
  for (let i = 0; i < history.length; i++) history[i] = visitOf(a.history[i], epoch);
  snap.history = Object.freeze(history);
  const cur = a.currentVisit >= 0 ? a.history[a.currentVisit] : undefined;
  if (cur === undefined) return; // the announced agent (data fields), if any, stands
  const known = agentAt?.(cur.device);
  const announced = cur.agentId !== undefined && cur.agentId === d.agentId;
  setOrDelete(snap, 'agentId', cur.agentId);
  setOrDelete(snap, 'agentExtension', known?.agentExtension ?? (announced ? d.agentExtension : undefined));
  setOrDelete(snap, 'agentInstrument', known?.agentInstrument ?? (announced ? d.agentInstrument : undefined));
}

function setOrDelete(o: Record<string, unknown>, k: string, v: unknown): void {
  if (v === undefined) delete o[k];
  else o[k] = v;
}
