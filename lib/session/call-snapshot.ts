/**
 * The view of a call handed to flows: a new, deep-frozen object per event, so a flow may keep it, and
 * nothing a flow does to it reaches the tracker or another flow.
 */
import { CallType, LocalConnectionState } from '../protocol';
import { resolveAgents, type AgentAtDevice, type CallAgentVisit } from './call-agents';
import type { CallConnection } from './call-connection';
import { copyCallData } from './call-data';
import type { CallRecord } from './call-record';
import { deepFreeze } from './deep-freeze';
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
 * agent, so a call without an agentId of its own borrows it from `agentAt` for the device that has the call.
 */
export function callSnapshot(
  rec: CallRecord,
  current: CallConnection | undefined,
  ended: boolean,
  agentAt: AgentAtDevice | undefined,
): CallSnapshot {
  const d = rec.data;
  const conn = current ?? rec.connections[0] ?? { callId: 0, deviceIdType: 0, deviceId: '' };
  const lcs = d.localConnectionState as number | undefined;
  const callType = d.callType as number | undefined;
  const snap: Record<string, unknown> = {
    key: rec.key,
    connectionCallId: conn.callId,
    connectionDeviceIdType: conn.deviceIdType,
    connectionDeviceId: conn.deviceId,
    connections: rec.connections.map((c) => ({ ...c })),
  };
  for (const [k, v] of Object.entries(d)) {
    if (k === 'localConnectionState' || k === 'callType') continue;
    snap[k] = Buffer.isBuffer(v) ? Buffer.from(v) : typeof v === 'object' && v !== null ? { ...(v as object) } : v;
  }
  if (callType !== undefined) {
    snap.callType = callType;
    snap.callTypeName = CallType.nameOf(callType);
  }
  if (lcs !== undefined) {
    snap.localConnectionState = lcs;
    snap.state = LocalConnectionState.nameOf(lcs) ?? String(lcs);
  }
  Object.assign(snap, copyCallData(rec));
  const parties: Record<string, unknown> = { ...rec.parties };
  if (Array.isArray(parties.connected))
    parties.connected = (parties.connected as CallConnection[]).map((c) => ({ ...c }));
  snap.parties = parties;
  const from: Record<string, unknown> = {};
  if (rec.preCallFrom.length > 0) from.preCall = [...rec.preCallFrom];
  if (rec.madeBy !== undefined) from.madeBy = rec.madeBy;
  if (rec.consultOf !== undefined) from.consultOf = rec.consultOf;
  if (Object.keys(from).length > 0) snap.contextFrom = from;
  for (const [k, v] of Object.entries(agentFields(rec, agentAt))) {
    if (v === undefined) delete snap[k];
    else snap[k] = v;
  }
  snap.established = rec.established;
  snap.partial = rec.partial;
  snap.ended = ended;
  snap.lastEvent = rec.lastEvent;
  snap.eventCount = rec.eventCount;
  snap.startedAt = rec.startedAt;
  snap.updatedAt = rec.updatedAt;
  return deepFreeze(snap) as unknown as CallSnapshot;
}

/** agentId / agentExtension / agentInstrument of the device that has the call, and the call's history. */
function agentFields(rec: CallRecord, agentAt: AgentAtDevice | undefined): Record<string, unknown> {
  const d = rec.data;
  resolveAgents(rec.agents, agentAt, d);
  const out: Record<string, unknown> = { history: rec.agents.history.map((v) => ({ ...v })) };
  const cur = rec.agents.current >= 0 ? rec.agents.history[rec.agents.current] : undefined;
  if (cur === undefined) return out; // the announced agent (data fields), if any, stands
  const known = agentAt?.(cur.device);
  const announced = cur.agentId !== undefined && cur.agentId === d.agentId;
  out.agentId = cur.agentId;
  out.agentExtension = known?.agentExtension ?? (announced ? d.agentExtension : undefined);
  out.agentInstrument = known?.agentInstrument ?? (announced ? d.agentInstrument : undefined);
  return out;
}
