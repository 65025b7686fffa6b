/**
 * Follows each call through its events and keeps what the events said about it (ANI, DNIS, call
 * variables, ECC, router call key, agent, parties, state), so a flow handling CALL_ESTABLISHED still knows
 * the DNIS that came in BEGIN_CALL.
 *
 * Identity (cti-protocol.md Part 2 §6.4): a call connection is (ConnectionCallID, ConnectionDeviceIDType,
 * ConnectionDeviceID). A call has a set of connections; an event's connection picks the call. Several
 * live calls may share a ConnectionCallID (consult calls on some ACDs): a connection not yet known is then
 * added to the call that has no destination connection yet when the event is CALL_ESTABLISHED, otherwise
 * to the most recently begun call with that ConnectionCallID.
 *
 * Bounded: at most `maxCalls` calls, and a call with no event for `maxAgeMs` is dropped, so a lost
 * END_CALL_EVENT cannot grow memory without limit. Eviction runs on each event (no timer).
 */
import { CallType, LocalConnectionState, type CtiMessage } from '../protocol';

export interface CallConnection {
  readonly callId: number;
  readonly deviceIdType: number;
  readonly deviceId: string;
}

export interface RouterCallKey {
  readonly day: number;
  readonly callId: number;
  readonly sequenceNumber?: number;
}

export interface CallParties {
  readonly calling?: string;
  readonly called?: string;
  readonly alerting?: string;
  readonly answering?: string;
  readonly lastRedirect?: string;
  readonly holding?: string;
  readonly releasing?: string;
  /** ConnectedParty list of the last CALL_CONFERENCED / CALL_TRANSFERRED / CONF. */
  readonly connected?: readonly CallConnection[];
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
  readonly userToUserInfo?: Buffer;
  readonly callReferenceId?: Buffer;
  /** CallVariable1..10 by number. */
  readonly callVariables: Readonly<Record<number, string>>;
  /** ECC scalars by name. */
  readonly namedVariables: Readonly<Record<string, string>>;
  /** ECC arrays by name, then index. */
  readonly namedArrays: Readonly<Record<string, Readonly<Record<number, string>>>>;
  readonly routerCallKey?: RouterCallKey;
  readonly agentId?: string;
  readonly agentExtension?: string;
  readonly agentInstrument?: string;
  readonly skillGroupNumber?: number;
  readonly serviceNumber?: number;
  /** LocalConnectionState of the last event that had one (name, e.g. LCS_ALERTING). */
  readonly state?: string;
  readonly localConnectionState?: number;
  readonly lastEventCause?: number;
  readonly parties: CallParties;
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

export interface CallTrackerOptions {
  maxCalls?: number;
  maxAgeMs?: number;
  /** Protocol version: from 22 CALL_DATA_UPDATE_EVENT carries the whole ECC set (replace, not merge). */
  version?: number;
  now?: () => number;
  /**
   * Finds the agent at a device (extension or instrument). Call events name the agent's device, not the
   * agent, so without this a call's agentId is known only from messages that carry it.
   */
  agentAt?: (device: string) => { agentId?: string; agentExtension?: string; agentInstrument?: string } | undefined;
}

interface CallRecord {
  key: string;
  connections: CallConnection[];
  data: Record<string, unknown>;
  callVariables: Record<number, string>;
  namedVariables: Record<string, string>;
  namedArrays: Record<string, Record<number, string>>;
  parties: Record<string, unknown>;
  established: boolean;
  partial: boolean;
  lastEvent: string;
  eventCount: number;
  startedAt: number;
  updatedAt: number;
  seq: number;
  /** Key connections of consult calls merged into this one by a transfer / conference. */
  merged: Set<string>;
}

const CONTEXT_FIELDS = [
  'peripheralId',
  'ani',
  'dnis',
  'dialedNumber',
  'callerEnteredDigits',
  'callWrapupData',
  'userToUserInfo',
  'callReferenceId',
  'agentId',
  'agentExtension',
  'agentInstrument',
  'skillGroupNumber',
  'serviceNumber',
] as const;

const PARTY_FIELDS: Array<[string, string]> = [
  ['callingDeviceId', 'calling'],
  ['calledDeviceId', 'called'],
  ['alertingDeviceId', 'alerting'],
  ['answeringDeviceId', 'answering'],
  ['lastRedirectDeviceId', 'lastRedirect'],
  ['holdingDeviceId', 'holding'],
  ['releasingDeviceId', 'releasing'],
];

const NULL_SKILL = 0xffffffff;

export function connectionKey(c: CallConnection): string {
  return `${c.callId}/${c.deviceIdType}/${c.deviceId}`;
}

function connectionOf(msg: CtiMessage, prefix = 'connection'): CallConnection | undefined {
  const callId = msg[`${prefix}CallId`];
  const deviceIdType = msg[`${prefix}DeviceIdType`];
  if (typeof callId !== 'number' || typeof deviceIdType !== 'number') return undefined;
  const deviceId = msg[`${prefix}DeviceId`];
  return { callId, deviceIdType, deviceId: typeof deviceId === 'string' ? deviceId : '' };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Buffer.isBuffer(o) && !Object.isFrozen(o)) {
    for (const v of Object.values(o as object)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

export class CallTracker {
  /** Insertion order = least recently updated first (records are re-inserted on each event). */
  private readonly calls = new Map<string, CallRecord>();
  /** Connection key → call key. */
  private readonly byConnection = new Map<string, string>();
  /** ConnectionCallID → call keys having a connection with that id. */
  private readonly byCallId = new Map<number, Set<string>>();
  private readonly maxCalls: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly agentAt: CallTrackerOptions['agentAt'];
  private seq = 0;
  /** Calls dropped by the maxCalls / maxAgeMs bounds so far. */
  evicted = 0;
  version: number;

  constructor(opts: CallTrackerOptions = {}) {
    this.maxCalls = opts.maxCalls ?? 5000;
    this.maxAgeMs = opts.maxAgeMs ?? 4 * 3600 * 1000;
    this.version = opts.version ?? 24;
    this.now = opts.now ?? Date.now;
    this.agentAt = opts.agentAt;
  }

  get size(): number {
    return this.calls.size;
  }

  /** The call one of whose current connections this is. */
  get(connection: CallConnection): CallSnapshot | undefined {
    const key = this.byConnection.get(connectionKey(connection));
    const rec = key === undefined ? undefined : this.calls.get(key);
    return rec ? this.snapshot(rec, connection, false) : undefined;
  }

  /** By CallSnapshot.key. */
  getByKey(key: string): CallSnapshot | undefined {
    const rec = this.calls.get(key);
    return rec ? this.snapshot(rec, rec.connections[0], false) : undefined;
  }

  /** Every call being tracked. */
  all(): CallSnapshot[] {
    return [...this.calls.values()].map((r) => this.snapshot(r, r.connections[0], false));
  }

  clear(): void {
    this.calls.clear();
    this.byConnection.clear();
    this.byCallId.clear();
  }

  /**
   * Feeds one inbound message. Returns the call's snapshot after the message for call events, undefined
   * for anything else. `request` is the request a CONF answers (for connection renames in CONFs).
   */
  update(msg: CtiMessage, request?: CtiMessage): CallSnapshot | undefined {
    this.evictOld();
    const t = msg.messageType;
    if (t === 'CALL_CONFERENCED_EVENT' || t === 'CALL_TRANSFERRED_EVENT') return this.onJoin(msg);
    if (t === 'CONFERENCE_CALL_CONF' || t === 'TRANSFER_CALL_CONF') return this.onJoinConf(msg, request);
    if (!t.endsWith('_EVENT')) return undefined;
    const conn = connectionOf(msg);
    if (!conn) return undefined;

    if (t === 'END_CALL_EVENT') {
      const rec = this.find(conn, t);
      if (!rec) return undefined;
      this.touch(rec, t);
      const ck = connectionKey(conn);
      if (rec.merged.delete(ck)) {
        // The END_CALL of a consult call that a transfer / conference merged into this call: only that
        // connection goes; the surviving call keeps its context.
        this.detach(rec, ck);
        return this.snapshot(rec, rec.connections[0], false);
      }
      const snap = this.snapshot(rec, conn, true);
      this.forget(rec);
      return snap;
    }

    // BEGIN_CALL_EVENT announces a call: an unknown connection is a new call even if its ConnectionCallID is
    // shared (consult calls on some ACDs reuse the original call's id).
    const isBegin = t === 'BEGIN_CALL_EVENT';
    let rec = isBegin ? this.calls.get(this.byConnection.get(connectionKey(conn)) ?? '') : this.find(conn, t);
    if (!rec) rec = this.create(conn, !isBegin);
    else this.attach(rec, conn);

    if (t === 'CALL_DATA_UPDATE_EVENT') {
      const renamed = connectionOf(msg, 'newConnection');
      if (renamed && connectionKey(renamed) !== connectionKey(conn)) this.rename(rec, conn, renamed);
    }
    this.absorb(rec, msg);
    this.touch(rec, t);
    this.enforceMax();
    const current = t === 'CALL_DATA_UPDATE_EVENT' ? connectionOf(msg, 'newConnection') ?? conn : conn;
    return this.snapshot(rec, current, false);
  }

  private find(conn: CallConnection, eventType: string): CallRecord | undefined {
    const key = this.byConnection.get(connectionKey(conn));
    if (key !== undefined) return this.calls.get(key);
    const keys = this.byCallId.get(conn.callId);
    if (!keys || keys.size === 0) return undefined;
    const candidates = [...keys].map((k) => this.calls.get(k)!).filter(Boolean);
    if (candidates.length === 1) return candidates[0];
    if (eventType === 'CALL_ESTABLISHED_EVENT') {
      const open = candidates.filter((c) => !c.established);
      if (open.length >= 1) return open.sort((a, b) => b.seq - a.seq)[0];
    }
    // Unsure: the guide gives the rule only for CALL_ESTABLISHED; chose the most recently begun call.
    return candidates.sort((a, b) => b.seq - a.seq)[0];
  }

  private create(conn: CallConnection, partial: boolean): CallRecord {
    const now = this.now();
    const rec: CallRecord = {
      key: connectionKey(conn),
      connections: [],
      data: {},
      callVariables: {},
      namedVariables: {},
      namedArrays: {},
      parties: {},
      established: false,
      partial,
      lastEvent: '',
      eventCount: 0,
      startedAt: now,
      updatedAt: now,
      seq: ++this.seq,
      merged: new Set(),
    };
    // A stale call (lost END_CALL) whose key is reused by a new call is replaced.
    const old = this.calls.get(rec.key);
    if (old) this.forget(old);
    this.calls.set(rec.key, rec);
    this.attach(rec, conn);
    return rec;
  }

  private attach(rec: CallRecord, conn: CallConnection): void {
    const ck = connectionKey(conn);
    const owner = this.byConnection.get(ck);
    if (owner === rec.key) return;
    if (owner !== undefined) {
      const other = this.calls.get(owner);
      if (other) this.detach(other, ck);
    }
    rec.connections.push(conn);
    this.byConnection.set(ck, rec.key);
    let set = this.byCallId.get(conn.callId);
    if (!set) this.byCallId.set(conn.callId, (set = new Set()));
    set.add(rec.key);
  }

  private detach(rec: CallRecord, ck: string): void {
    const i = rec.connections.findIndex((c) => connectionKey(c) === ck);
    if (i < 0) return;
    const [c] = rec.connections.splice(i, 1);
    this.byConnection.delete(ck);
    if (!rec.connections.some((x) => x.callId === c.callId)) {
      const set = this.byCallId.get(c.callId);
      set?.delete(rec.key);
      if (set && set.size === 0) this.byCallId.delete(c.callId);
    }
  }

  private rename(rec: CallRecord, from: CallConnection, to: CallConnection): void {
    this.detach(rec, connectionKey(from));
    this.attach(rec, to);
  }

  private forget(rec: CallRecord): void {
    for (const c of [...rec.connections]) this.detach(rec, connectionKey(c));
    this.calls.delete(rec.key);
  }

  private touch(rec: CallRecord, eventType: string): void {
    rec.lastEvent = eventType;
    rec.eventCount++;
    rec.updatedAt = this.now();
    // Re-insert so the Map's order stays least-recently-updated first.
    this.calls.delete(rec.key);
    this.calls.set(rec.key, rec);
  }

  private absorb(rec: CallRecord, msg: CtiMessage): void {
    const d = rec.data;
    for (const f of CONTEXT_FIELDS) {
      const v = msg[f];
      if (v === undefined || v === '') continue;
      if ((f === 'skillGroupNumber' || f === 'serviceNumber') && v === NULL_SKILL) continue;
      d[f] = v;
    }
    if (typeof msg.callType === 'number') d.callType = msg.callType;
    if (typeof msg.routerCallKeyDay === 'number' && typeof msg.routerCallKeyCallId === 'number') {
      const rck: RouterCallKey = { day: msg.routerCallKeyDay, callId: msg.routerCallKeyCallId };
      d.routerCallKey =
        typeof msg.routerCallKeySequenceNumber === 'number' ? { ...rck, sequenceNumber: msg.routerCallKeySequenceNumber } : rck;
    }
    for (let i = 1; i <= 10; i++) {
      const v = msg[`callVariable${i}`];
      if (typeof v === 'string') rec.callVariables[i] = v;
    }
    this.absorbEcc(rec, msg);
    if (typeof msg.localConnectionState === 'number') d.localConnectionState = msg.localConnectionState;
    if (typeof msg.eventCause === 'number') d.lastEventCause = msg.eventCause;
    for (const [from, to] of PARTY_FIELDS) {
      const v = msg[from];
      if (typeof v === 'string' && v !== '') rec.parties[to] = v;
    }
    if (msg.messageType === 'CALL_ESTABLISHED_EVENT') rec.established = true;
  }

  private absorbEcc(rec: CallRecord, msg: CtiMessage): void {
    const vars = Array.isArray(msg.namedVariables) ? (msg.namedVariables as Array<{ name: string; value: string }>) : [];
    const arrays = Array.isArray(msg.namedArrays)
      ? (msg.namedArrays as Array<{ name: string; index: number; value: string }>)
      : [];
    // From PV22 CALL_DATA_UPDATE_EVENT always carries every ECC variable of the call: replace the set.
    if (msg.messageType === 'CALL_DATA_UPDATE_EVENT' && this.version >= 22) {
      rec.namedVariables = {};
      rec.namedArrays = {};
    }
    for (const v of vars) rec.namedVariables[v.name] = v.value;
    for (const a of arrays) (rec.namedArrays[a.name] ??= {})[a.index] = a.value;
  }

  /** CALL_CONFERENCED / CALL_TRANSFERRED: the connected parties now belong to the primary call. */
  private onJoin(msg: CtiMessage): CallSnapshot | undefined {
    const primary = connectionOf(msg, 'primary');
    const secondary = connectionOf(msg, 'secondary');
    if (!primary) return undefined;
    const t = msg.messageType;
    let rec = this.find(primary, t);
    const secRec = secondary ? this.find(secondary, t) : undefined;
    if (!rec) rec = secRec ?? this.create(primary, true);
    else this.attach(rec, primary);
    if (secRec && secRec !== rec) this.mergeInto(rec, secRec);
    const parties = this.partyList(msg);
    for (const p of parties) this.attach(rec, p);
    rec.parties.connected = parties;
    this.absorb(rec, msg);
    this.touch(rec, t);
    this.enforceMax();
    return this.snapshot(rec, primary, false);
  }

  /** CONFERENCE_CALL_CONF / TRANSFER_CALL_CONF: NewConnection* names the resulting call's connection. */
  private onJoinConf(conf: CtiMessage, request?: CtiMessage): CallSnapshot | undefined {
    const result = connectionOf(conf, 'newConnection');
    if (!result || !request) return undefined;
    const held = connectionOf(request, 'heldConnection');
    const active = connectionOf(request, 'activeConnection');
    const rec =
      this.calls.get(this.byConnection.get(connectionKey(result)) ?? '') ??
      (held ? this.find(held, conf.messageType) : undefined) ??
      (active ? this.find(active, conf.messageType) : undefined);
    if (!rec) return undefined;
    this.attach(rec, result);
    const parties = this.partyList(conf);
    if (parties.length > 0) {
      for (const p of parties) this.attach(rec, p);
      rec.parties.connected = parties;
    }
    this.touch(rec, conf.messageType);
    return this.snapshot(rec, result, false);
  }

  private partyList(msg: CtiMessage): CallConnection[] {
    const ids = Array.isArray(msg.connectedPartyCallId) ? (msg.connectedPartyCallId as number[]) : [];
    const types = Array.isArray(msg.connectedPartyDeviceIdType) ? (msg.connectedPartyDeviceIdType as number[]) : [];
    const devs = Array.isArray(msg.connectedPartyDeviceId) ? (msg.connectedPartyDeviceId as string[]) : [];
    return ids.map((callId, i) => ({ callId, deviceIdType: types[i] ?? 0, deviceId: devs[i] ?? '' }));
  }

  /** The consult call joins the primary call: its connections and any context the primary lacks move over. */
  private mergeInto(into: CallRecord, from: CallRecord): void {
    for (const [k, v] of Object.entries(from.data)) if (into.data[k] === undefined) into.data[k] = v;
    for (const [k, v] of Object.entries(from.callVariables)) into.callVariables[Number(k)] ??= v;
    for (const [k, v] of Object.entries(from.namedVariables)) into.namedVariables[k] ??= v;
    const conns = [...from.connections];
    into.merged.add(from.key);
    for (const k of from.merged) into.merged.add(k);
    this.forget(from);
    for (const c of conns) this.attach(into, c);
  }

  private evictOld(): void {
    const limit = this.now() - this.maxAgeMs;
    for (const rec of this.calls.values()) {
      if (rec.updatedAt > limit) break; // Map order: least recently updated first
      this.forget(rec);
      this.evicted++;
    }
  }

  private enforceMax(): void {
    while (this.calls.size > this.maxCalls) {
      const oldest = this.calls.values().next().value as CallRecord;
      this.forget(oldest);
      this.evicted++;
    }
  }

  private snapshot(rec: CallRecord, current: CallConnection | undefined, ended: boolean): CallSnapshot {
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
    snap.callVariables = { ...rec.callVariables };
    snap.namedVariables = { ...rec.namedVariables };
    snap.namedArrays = Object.fromEntries(Object.entries(rec.namedArrays).map(([k, v]) => [k, { ...v }]));
    const parties: Record<string, unknown> = { ...rec.parties };
    if (Array.isArray(parties.connected)) parties.connected = (parties.connected as CallConnection[]).map((c) => ({ ...c }));
    snap.parties = parties;
    if (snap.agentId === undefined && this.agentAt !== undefined) {
      const device = (parties.answering ?? parties.alerting ?? parties.holding) as string | undefined;
      const agent = device === undefined ? undefined : this.agentAt(device);
      if (agent !== undefined) {
        if (agent.agentId !== undefined) snap.agentId = agent.agentId;
        if (snap.agentExtension === undefined && agent.agentExtension !== undefined) snap.agentExtension = agent.agentExtension;
        if (snap.agentInstrument === undefined && agent.agentInstrument !== undefined) snap.agentInstrument = agent.agentInstrument;
      }
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
}
