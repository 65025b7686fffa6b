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
 *
 * Context from before the call (§2.2, §3.1, §6.5): AGENT_PRE_CALL_EVENT / CALL_TRANSLATION_ROUTE_EVENT are kept
 * in `preCalls` by RouterCallKey until a call event with that key arrives; the call then takes what its own
 * events did not say. If the call is already tracked (the pre-call came late) it takes it at once.
 *
 * New calls and renames from CONFs (§6.4): MAKE_CALL / CONSULTATION_CALL / CONFERENCE_CALL / TRANSFER_CALL CONFs
 * name the resulting call's connection (NewConnection*); the tracker attaches it to its call, creating the call
 * for MAKE / CONSULTATION if no event announced it yet. A consult call inherits the active call's call variables
 * and ECC (§5.9, §6.3), overridden by the request's fields; values from the call's own events always win.
 */
import { CallType, LocalConnectionState, type CtiMessage } from '../protocol';
import {
  PreCallStore,
  routerCallBase,
  routerCallKeyOf,
  sameRouterCall,
  type PreCallContext,
  type PreCalls,
  type RouterCallKey,
} from './pre-calls';

export type { PreCallSnapshot, PreCalls, RouterCallKey } from './pre-calls';

export interface CallConnection {
  readonly callId: number;
  readonly deviceIdType: number;
  readonly deviceId: string;
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

export interface CallTrackerOptions {
  maxCalls?: number;
  maxAgeMs?: number;
  /** Pending pre-calls kept at most (default 1000) and for how long without being taken (default 5 min). */
  maxPreCalls?: number;
  maxPreCallAgeMs?: number;
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
  preCallFrom: string[];
  madeBy?: string;
  consultOf?: string;
  /** Created by a CONF; no event for it yet (a BEGIN_CALL with another connection may adopt it). */
  awaitingBegin: boolean;
  /** routerCallBase of routerCallKey, as indexed in byRouterCall. */
  routerBase?: string;
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
  'customerPhoneNumber',
  'customerAccountNumber',
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

/** CONFs whose NewConnection* is a call the request created. */
const NEW_CALL_CONFS = new Set(['MAKE_CALL_CONF', 'MAKE_PREDICTIVE_CALL_CONF', 'CONSULTATION_CALL_CONF']);
/** CONFs whose NewConnection* is the call resulting from joining the held and the active call. */
const JOIN_CONFS = new Set(['CONFERENCE_CALL_CONF', 'TRANSFER_CALL_CONF']);
/** Request fields that become the new call's context (MAKE_CALL_REQ, CONSULTATION_CALL_REQ). */
const REQUEST_CONTEXT_FIELDS = ['dialedNumber', 'userToUserInfo', 'callWrapupData', 'agentInstrument'] as const;
/**
 * What a consult call inherits from the active call.
 * Unsure: §5.9 says "inherits the active call's context data" without a list; chose call variables, ECC and
 * CallWrapupData (the call data SET_CALL_DATA works on). ANI, DNIS, CED and RouterCallKey describe the consult
 * leg's own origin and routing, so they are not copied.
 */
const INHERITED_FIELDS = ['callWrapupData'] as const;

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

/** Call variables and ECC a MAKE_CALL_REQ / CONSULTATION_CALL_REQ gives its new call. */
function requestContext(request: CtiMessage): Pick<PreCallContext, 'callVariables' | 'namedVariables' | 'namedArrays'> {
  const callVariables: Record<number, string> = {};
  for (let i = 1; i <= 10; i++) {
    const v = request[`callVariable${i}`];
    if (typeof v === 'string') callVariables[i] = v;
  }
  const namedVariables: Record<string, string> = {};
  if (Array.isArray(request.namedVariables)) {
    for (const v of request.namedVariables as Array<{ name: string; value: string }>) namedVariables[v.name] = v.value;
  }
  const namedArrays: Record<string, Record<number, string>> = {};
  if (Array.isArray(request.namedArrays)) {
    for (const a of request.namedArrays as Array<{ name: string; index: number; value: string }>) (namedArrays[a.name] ??= {})[a.index] = a.value;
  }
  return { callVariables, namedVariables, namedArrays };
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
  /** routerCallBase ("day/callId") → call keys having that RouterCallKey. */
  private readonly byRouterCall = new Map<string, Set<string>>();
  private readonly pending: PreCallStore;
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
    // Unsure: the guide gives no time between a pre-call and its call; routing to an agent and a translation
    // route both complete in seconds, so 5 minutes only drops announcements whose call never came here.
    this.pending = new PreCallStore(opts.maxPreCalls ?? 1000, opts.maxPreCallAgeMs ?? 5 * 60 * 1000);
  }

  /** Calls announced by AGENT_PRE_CALL_EVENT / CALL_TRANSLATION_ROUTE_EVENT that have not arrived yet. */
  get preCalls(): PreCalls {
    return this.pending;
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
    this.byRouterCall.clear();
    this.pending.clear();
  }

  /**
   * Feeds one inbound message. Returns the call's snapshot after the message for call events, undefined
   * for anything else. `request` is the request a CONF answers (for connection renames in CONFs).
   */
  update(msg: CtiMessage, request?: CtiMessage): CallSnapshot | undefined {
    this.evictOld();
    const t = msg.messageType;
    if (t === 'AGENT_PRE_CALL_EVENT' || t === 'CALL_TRANSLATION_ROUTE_EVENT') return this.onPreCall(msg);
    if (t === 'AGENT_PRE_CALL_ABORT_EVENT') {
      const rck = routerCallKeyOf(msg);
      if (rck) this.pending.drop(rck);
      return undefined;
    }
    if (t === 'CALL_CONFERENCED_EVENT' || t === 'CALL_TRANSFERRED_EVENT') return this.onJoin(msg);
    if (NEW_CALL_CONFS.has(t) || JOIN_CONFS.has(t)) return this.onConf(msg, request);
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
    let rec = isBegin ? this.byConnectionOf(conn) ?? this.announcedFor(conn) : this.find(conn, t);
    if (!rec) rec = this.create(conn, !isBegin);
    else this.attach(rec, conn);
    rec.awaitingBegin = false;

    if (t === 'CALL_DATA_UPDATE_EVENT') {
      const renamed = connectionOf(msg, 'newConnection');
      if (renamed && connectionKey(renamed) !== connectionKey(conn)) this.rename(rec, conn, renamed);
    }
    this.absorb(rec, msg);
    if (rec.data.routerCallKey !== undefined) {
      const pre = this.pending.take(rec.data.routerCallKey as RouterCallKey);
      if (pre) this.mergePreCall(rec, pre);
    }
    this.touch(rec, t);
    this.enforceMax();
    const current = t === 'CALL_DATA_UPDATE_EVENT' ? connectionOf(msg, 'newConnection') ?? conn : conn;
    return this.snapshot(rec, current, false);
  }

  private byConnectionOf(conn: CallConnection): CallRecord | undefined {
    const key = this.byConnection.get(connectionKey(conn));
    return key === undefined ? undefined : this.calls.get(key);
  }

  /**
   * A call a CONF announced that has had no event yet, with this ConnectionCallID: a BEGIN_CALL naming another
   * connection of it takes it over.
   * Unsure: the guide does not say the CONF's NewConnectionDeviceID equals the BEGIN_CALL's ConnectionDeviceID;
   * chose to match on ConnectionCallID for a call still waiting for its BEGIN_CALL (the most recent one).
   */
  private announcedFor(conn: CallConnection): CallRecord | undefined {
    const keys = this.byCallId.get(conn.callId);
    if (!keys) return undefined;
    const waiting = [...keys].map((k) => this.calls.get(k)).filter((r): r is CallRecord => r !== undefined && r.awaitingBegin);
    return waiting.sort((a, b) => b.seq - a.seq)[0];
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
      preCallFrom: [],
      awaitingBegin: false,
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
    this.indexRouterCall(rec, undefined);
    this.calls.delete(rec.key);
  }

  /** Keeps byRouterCall in step with the call's RouterCallKey (it can change, e.g. through SET_CALL_DATA). */
  private indexRouterCall(rec: CallRecord, rck: RouterCallKey | undefined): void {
    const base = rck === undefined ? undefined : routerCallBase(rck);
    if (base === rec.routerBase) return;
    if (rec.routerBase !== undefined) {
      const set = this.byRouterCall.get(rec.routerBase);
      set?.delete(rec.key);
      if (set && set.size === 0) this.byRouterCall.delete(rec.routerBase);
    }
    rec.routerBase = base;
    if (base !== undefined) {
      let set = this.byRouterCall.get(base);
      if (!set) this.byRouterCall.set(base, (set = new Set()));
      set.add(rec.key);
    }
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
    const rck = routerCallKeyOf(msg);
    if (rck) {
      d.routerCallKey = rck;
      this.indexRouterCall(rec, rck);
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

  /**
   * AGENT_PRE_CALL_EVENT / CALL_TRANSLATION_ROUTE_EVENT: kept until the call arrives; if the call is already
   * tracked (the guide allows the pre-call after BEGIN_CALL), the call takes the context now.
   */
  private onPreCall(msg: CtiMessage): CallSnapshot | undefined {
    const rck = routerCallKeyOf(msg);
    if (!rck) return undefined;
    const rec = this.callWithRouterKey(rck);
    if (!rec) {
      this.pending.add(msg, this.now());
      return undefined;
    }
    this.mergePreCall(rec, PreCallStore.contextOf(msg));
    this.touch(rec, msg.messageType);
    return this.snapshot(rec, rec.connections[0], false);
  }

  private callWithRouterKey(rck: RouterCallKey): CallRecord | undefined {
    const keys = this.byRouterCall.get(routerCallBase(rck));
    if (!keys) return undefined;
    const matches = [...keys]
      .map((k) => this.calls.get(k))
      .filter((r): r is CallRecord => r !== undefined && sameRouterCall(r.data.routerCallKey as RouterCallKey, rck));
    return matches.sort((a, b) => b.seq - a.seq)[0];
  }

  /** The call's own events said it first: the pre-call only fills what is missing. */
  private mergePreCall(rec: CallRecord, pre: PreCallContext): void {
    this.fillMissing(rec, pre.fields, CONTEXT_FIELDS, pre);
    for (const src of pre.sources) if (!rec.preCallFrom.includes(src)) rec.preCallFrom.push(src);
  }

  private fillMissing(
    rec: CallRecord,
    fields: Readonly<Record<string, unknown>>,
    names: readonly string[],
    ctx: Pick<PreCallContext, 'callVariables' | 'namedVariables' | 'namedArrays'>,
  ): void {
    for (const f of names) {
      const v = fields[f];
      if (v === undefined || v === '' || rec.data[f] !== undefined) continue;
      rec.data[f] = Buffer.isBuffer(v) ? Buffer.from(v) : v;
    }
    for (const [k, v] of Object.entries(ctx.callVariables)) rec.callVariables[Number(k)] ??= v;
    for (const [k, v] of Object.entries(ctx.namedVariables)) rec.namedVariables[k] ??= v;
    for (const [name, elems] of Object.entries(ctx.namedArrays)) {
      const into = (rec.namedArrays[name] ??= {});
      for (const [i, v] of Object.entries(elems)) into[Number(i)] ??= v;
    }
  }

  /**
   * The four call-creating CONFs, handled alike: NewConnection* names the resulting call's connection; the
   * call that has it (or, for MAKE / CONSULTATION, a new one) gets it, so the events that follow find their
   * call whichever comes first (the guide leaves CONF vs event order open).
   */
  private onConf(conf: CtiMessage, request?: CtiMessage): CallSnapshot | undefined {
    const result = connectionOf(conf, 'newConnection');
    if (!result) return undefined;
    const t = conf.messageType;
    let rec = this.byConnectionOf(result);
    if (JOIN_CONFS.has(t)) {
      const held = request ? connectionOf(request, 'heldConnection') : undefined;
      const active = request ? connectionOf(request, 'activeConnection') : undefined;
      rec ??= (held ? this.find(held, t) : undefined) ?? (active ? this.find(active, t) : undefined);
      // Neither joined call is tracked: still know the resulting connection (its start was missed).
      // Unsure: the request's call variables / ECC are not applied to a joined call; the server reports the
      // result of a transfer / conference through the call's events (CALL_DATA_UPDATE).
      if (!rec) rec = this.create(result, true);
      else this.attach(rec, result);
      const parties = this.partyList(conf);
      if (parties.length > 0) {
        for (const p of parties) this.attach(rec, p);
        rec.parties.connected = parties;
      }
    } else {
      if (!rec) {
        rec = this.create(result, false);
        rec.awaitingBegin = true;
      }
      rec.madeBy ??= t;
      const source =
        t === 'CONSULTATION_CALL_CONF' && request ? this.findIfAny(connectionOf(request, 'activeConnection'), t) : undefined;
      // The request's own fields override the inherited context; the call's events (already seen or still to
      // come) override both.
      if (request) this.fillMissing(rec, request, REQUEST_CONTEXT_FIELDS, requestContext(request));
      if (source && source !== rec) {
        rec.consultOf = source.key;
        this.fillMissing(rec, source.data, INHERITED_FIELDS, source);
      }
    }
    this.touch(rec, t);
    this.enforceMax();
    return this.snapshot(rec, result, false);
  }

  private findIfAny(conn: CallConnection | undefined, eventType: string): CallRecord | undefined {
    return conn ? this.find(conn, eventType) : undefined;
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
    for (const src of from.preCallFrom) if (!into.preCallFrom.includes(src)) into.preCallFrom.push(src);
    const conns = [...from.connections];
    into.merged.add(from.key);
    for (const k of from.merged) into.merged.add(k);
    this.forget(from);
    for (const c of conns) this.attach(into, c);
  }

  private evictOld(): void {
    this.pending.evictOld(this.now());
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
    const from: Record<string, unknown> = {};
    if (rec.preCallFrom.length > 0) from.preCall = [...rec.preCallFrom];
    if (rec.madeBy !== undefined) from.madeBy = rec.madeBy;
    if (rec.consultOf !== undefined) from.consultOf = rec.consultOf;
    if (Object.keys(from).length > 0) snap.contextFrom = from;
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
