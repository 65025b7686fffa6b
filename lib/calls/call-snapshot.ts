/**
 * The view of a call handed to flows: a new object per event, frozen all the way down, so a flow may keep it,
 * and nothing a flow does to it reaches the tracker or another flow.
 */
import { CallType, LocalConnectionState } from '../protocol';
import { resolveAgents, type AgentAtDevice, type CallAgentVisit } from './call-agents';
import type { CallConnection } from './call-connection';
import { frozenCopy } from './call-data';
import type { CallRecord } from './call-record';
import type { RouterCallKey } from './pre-calls';

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
  readonly connected?: readonly CallConnection[];
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

/** What the tracker knows about one call; deep-frozen, a new object per event. */
export interface CallSnapshot {
  /** Stable id for the life of the call in this tracker ("callId/deviceIdType/deviceId" of its first connection). */
  readonly key: string;
  /** The connection of the event this snapshot was made for (or the call's first connection). */
  readonly connectionCallId: number;
  readonly connectionDeviceIdType: number;
  readonly connectionDeviceId: string;
  readonly connections: readonly CallConnection[];
  readonly peripheralId?: number;
  readonly callType?: number;
  readonly callTypeName?: string;
  readonly ani?: string;
  readonly dnis?: string;
  readonly dialedNumber?: string;
  readonly callerEnteredDigits?: string;
  readonly callWrapupData?: string;
  /** From CALL_DATA_UPDATE_EVENT / SET_CALL_DATA. */
  readonly customerPhoneNumber?: string;
  readonly customerAccountNumber?: string;
  readonly userToUserInfo?: Buffer;
  readonly callReferenceId?: Buffer;
  /** CallVariable1..10 by number. */
  readonly callVariables: Readonly<Record<number, string>>;
  /** ECC scalars by name. */
  readonly namedVariables: Readonly<Record<string, string>>;
  /** ECC arrays by name, then index. */
  readonly namedArrays: Readonly<Record<string, Readonly<Record<number, string>>>>;
  readonly routerCallKey?: RouterCallKey;
  /**
   * The agent at the device that has the call now (answering, alerting, the transfer's or conference's new
   * party; see call-agents.ts), else the agent an announcement or the call's own events named.
   */
  readonly agentId?: string;
  readonly agentExtension?: string;
  readonly agentInstrument?: string;
  readonly skillGroupNumber?: number;
  readonly serviceNumber?: number;
  /** The devices (and their agents) the call passed, oldest first; the agent fields above are those of the current one. */
  readonly history: readonly Readonly<CallAgentVisit>[];
  /** LocalConnectionState of the last event that had one (name, e.g. LCS_ALERTING). */
  readonly state?: string;
  readonly localConnectionState?: number;
  readonly lastEventCause?: number;
  readonly parties: CallParties;
  /** Present when some context came from elsewhere than the call's own events. */
  readonly contextFrom?: CallContextSources;
  /** An ESTABLISHED event was seen (the call has a destination connection). */
  readonly established: boolean;
  /** The call was created by an event other than BEGIN_CALL_EVENT (its start was missed). */
  readonly partial: boolean;
  readonly ended: boolean;
  readonly lastEvent: string;
  readonly eventCount: number;
  readonly startedAt: number;
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
  ended: boolean,
  agentAt: AgentAtDevice | undefined,
): CallSnapshot {
  const d = rec.data;
  const conn = current ?? rec.connections[0] ?? NO_CONNECTION;
  const snap: Record<string, unknown> = {
    key: rec.key,
    connectionCallId: conn.callId,
    connectionDeviceIdType: conn.deviceIdType,
    connectionDeviceId: conn.deviceId,
    connections: Object.freeze(rec.connections.slice()),
  };
  for (const k in d) {
    const v = d[k];
    if (k === 'localConnectionState') {
      snap.localConnectionState = v;
      snap.state = LocalConnectionState.nameOf(v as number) ?? String(v);
    } else if (k === 'callType') {
      snap.callType = v;
      snap.callTypeName = CallType.nameOf(v as number);
    } else snap[k] = Buffer.isBuffer(v) ? Buffer.from(v) : v; // objects in data are frozen (routerCallKey)
  }
  snap.callVariables = rec.callVariables;
  snap.namedVariables = rec.namedVariables;
  snap.namedArrays = rec.namedArrays;
  snap.parties = frozenCopy(rec.parties);
  if (rec.preCallFrom.length > 0 || rec.madeBy !== undefined || rec.consultOf !== undefined) {
    const from: Record<string, unknown> = {};
    if (rec.preCallFrom.length > 0) from.preCall = Object.freeze(rec.preCallFrom.slice());
    if (rec.madeBy !== undefined) from.madeBy = rec.madeBy;
    if (rec.consultOf !== undefined) from.consultOf = rec.consultOf;
    snap.contextFrom = Object.freeze(from);
  }
  setAgentFields(snap, rec, agentAt);
  snap.established = rec.established;
  snap.partial = rec.partial;
  snap.ended = ended;
  snap.lastEvent = rec.lastEvent;
  snap.eventCount = rec.eventCount;
  snap.startedAt = rec.startedAt;
  snap.updatedAt = rec.updatedAt;
  return Object.freeze(snap) as unknown as CallSnapshot;
}

const NO_CONNECTION: CallConnection = Object.freeze({ callId: 0, deviceIdType: 0, deviceId: '' });

/** agentId / agentExtension / agentInstrument of the device that has the call, and the call's history. */
function setAgentFields(snap: Record<string, unknown>, rec: CallRecord, agentAt: AgentAtDevice | undefined): void {
  const d = rec.data;
  const a = rec;
  resolveAgents(a, agentAt, d);
  const history = new Array<CallAgentVisit>(a.history.length);
  for (let i = 0; i < history.length; i++) history[i] = frozenCopy(a.history[i]);
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
