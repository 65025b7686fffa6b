/**
 * Follows each call through its events and keeps what the events said about it (ANI, DNIS, call
 * variables, ECC, router call key, agent, parties, state), so a flow handling CALL_ESTABLISHED still knows
 * the DNIS that came in BEGIN_CALL.
 *
 * Which call an event belongs to is call-index.ts; how its context grows, call-context.ts; calls made or
 * joined by a request's CONF, call-confs.ts; what callers get, call-snapshot.ts.
 *
 * Bounded: at most `maxCalls` calls, and a call with no event for `maxAgeMs` is dropped, so a lost
 * END_CALL_EVENT cannot grow memory without limit. Eviction runs on each event (no timer).
 *
 * Context from before the call (§2.2, §3.1, §6.5): AGENT_PRE_CALL_EVENT / CALL_TRANSLATION_ROUTE_EVENT are kept
 * in `preCalls` by RouterCallKey until a call event with that key arrives; the call then takes what its own
 * events did not say. If the call is already tracked (the pre-call came late) it takes it at once.
 */
import { LocalConnectionState, type CtiMessage } from '../protocol';
import { connectedParties, connectionKey, connectionOf, type CallConnection } from './call-connection';
import { moveAgents, snapshotDevices } from './call-agents';
import { applyCallConf, inheritFromConsulted, isCallConf } from './call-confs';
import { absorbEvent, mergeMissingContext, mergePreCall } from './call-context';
import { CallIndex } from './call-index';
import { markRestatement, RESTATING_TYPES } from './call-restated';
import type { CallRecord } from './call-record';
import { callSnapshot, type AgentAtDevice, type CallSnapshot } from './call-snapshot';
import { PreCallStore, routerCallKeyOf, type PreCalls, type RouterCallKey } from './pre-calls';

export type { PreCallSnapshot, PreCalls, RouterCallKey } from './pre-calls';

const LCS_ALERTING = LocalConnectionState.byName.LCS_ALERTING;
export { connectionKey, type CallConnection } from './call-connection';
export type { CallContextSources, CallParties, CallSnapshot, CallSnapshotConnection, CallVisit } from './call-snapshot';
export type { CallVariables, Ecc, EccArray } from './call-data';
export type { CallRestatement } from './call-restated';

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
  agentAt?: AgentAtDevice;
}

export class CallTracker {
  private readonly index: CallIndex;
  private readonly pending: PreCallStore;
  private readonly maxCalls: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  /**
   * Records keep times as ms since this moment, not since 1970: a number that small is stored in the field itself,
   * a time since 1970 in an object of its own (16 bytes per time a call keeps). Snapshots add it back.
   */
  private readonly epoch: number;
  private readonly agentAt: AgentAtDevice | undefined;
  /** Time of the message being fed (one reading per message: history and updatedAt agree). */
  private eventAt = 0;
  /** Calls dropped by the maxCalls / maxAgeMs bounds so far. */
  evicted = 0;
  /** Link changes so far (linkChanged): a call restated on the current link has restatedOn === link. */
  private link = 0;
  /** Calls whose seq is at most this were tracked before the current link. */
  private seqAtLink = 0;
  version: number;

  constructor(opts: CallTrackerOptions = {}) {
    this.maxCalls = opts.maxCalls ?? 5000;
    this.maxAgeMs = opts.maxAgeMs ?? 4 * 3600 * 1000;
    this.version = opts.version ?? 24;
    this.now = opts.now ?? Date.now;
    this.epoch = this.now();
    this.agentAt = opts.agentAt;
    this.index = new CallIndex(() => this.sinceEpoch());
    // Unsure: the guide gives no time between a pre-call and its call; routing to an agent and a translation
    // route both complete in seconds, so 5 minutes only drops announcements whose call never came here.
    this.pending = new PreCallStore(opts.maxPreCalls ?? 1000, opts.maxPreCallAgeMs ?? 5 * 60 * 1000);
  }

  /** Calls announced by AGENT_PRE_CALL_EVENT / CALL_TRANSLATION_ROUTE_EVENT that have not arrived yet. */
  get preCalls(): PreCalls {
    return this.pending;
  }

  get size(): number {
    return this.index.size;
  }

  /** The call one of whose current connections this is. */
  get(connection: CallConnection): CallSnapshot | undefined {
    const rec = this.index.at(connection);
    return rec ? this.snapshot(rec, connection, false) : undefined;
  }

  /** By CallSnapshot.key. */
  getByKey(key: string): CallSnapshot | undefined {
    const rec = this.index.byKey(key);
    return rec ? this.snapshot(rec, rec.connections[0], false) : undefined;
  }

  /** Every call being tracked. */
  all(): CallSnapshot[] {
    return [...this.index.records()].map((r) => this.snapshot(r, r.connections[0], false));
  }

  clear(): void {
    this.index.clear();
    this.pending.clear();
  }

  /**
   * The session's link changed: an open after a lost link, or a switchover to the other side (Tracking.opened). The
   * calls tracked so far are unconfirmed until the new side restates them (or stale-sweep.ts asks about them).
   */
  linkChanged(): void {
    this.link++;
    this.seqAtLink = this.index.lastSeq;
  }

  /** Keys of the calls tracked before the current link that it has not restated: whom stale-sweep.ts asks about. */
  unconfirmed(): string[] {
    const keys: string[] = [];
    for (const rec of this.index.records()) if (this.isUnconfirmed(rec)) keys.push(rec.key);
    return keys;
  }

  /** Call `key` while it is still unconfirmed (tracked, not restated since the link changed); else undefined. */
  unconfirmedCall(key: string): CallSnapshot | undefined {
    const rec = this.index.byKey(key);
    return rec !== undefined && this.isUnconfirmed(rec) ? this.snapshot(rec, rec.connections[0], false) : undefined;
  }

  /**
   * The server no longer has call `key` (stale-sweep.ts asked): it is forgotten, and its last snapshot comes back
   * marked `endedWhileDown`. Only while it is still unconfirmed: a call restated meanwhile is left alone.
   */
  endWhileDown(key: string): CallSnapshot | undefined {
    const rec = this.index.byKey(key);
    if (rec === undefined || !this.isUnconfirmed(rec)) return undefined;
    const snap = this.snapshot(rec, rec.connections[0], 'while-down');
    this.index.forget(rec);
    return snap;
  }

  private isUnconfirmed(rec: CallRecord): boolean {
    return rec.seq <= this.seqAtLink && rec.restatedOn !== this.link;
  }

  /**
   * Feeds one inbound message. Returns the call's snapshot after the message for call events, undefined
   * for anything else. `request` is the request a CONF answers (for connection renames in CONFs).
   */
  update(msg: CtiMessage, request?: CtiMessage): CallSnapshot | undefined {
    this.eventAt = this.sinceEpoch();
    this.evictOld();
    const t = msg.messageType;
    if (t === 'AGENT_PRE_CALL_EVENT' || t === 'CALL_TRANSLATION_ROUTE_EVENT') return this.onPreCall(msg);
    if (t === 'AGENT_PRE_CALL_ABORT_EVENT') {
      const rck = routerCallKeyOf(msg);
      if (rck) this.pending.drop(rck);
      return undefined;
    }
    if (t === 'CALL_CONFERENCED_EVENT' || t === 'CALL_TRANSFERRED_EVENT') return this.onJoin(msg);
    if (isCallConf(t)) return this.onConf(msg, request);
    if (t === 'SNAPSHOT_CALL_CONF') return request === undefined ? undefined : this.onSnapshot(msg, request);
    if (!t.endsWith('_EVENT')) return undefined;
    const conn = connectionOf(msg);
    if (!conn) return undefined;
    if (t === 'END_CALL_EVENT') return this.onEndCall(conn);

    // BEGIN_CALL_EVENT announces a call: an unknown connection is a new call even if its ConnectionCallID is
    // shared (consult calls on some ACDs reuse the original call's id).
    const isBegin = t === 'BEGIN_CALL_EVENT';
    let rec = isBegin ? (this.index.at(conn) ?? this.index.awaitingBeginAt(conn)) : this.index.find(conn, t);
    // A call restated after a switchover is this same record (call-restated.ts): refreshed, and marked.
    const existed = rec !== undefined && !rec.awaitingBegin;
    if (!rec) rec = this.index.create(conn, !isBegin);
    else this.index.attach(rec, conn);
    rec.awaitingBegin = false;
    markRestatement(rec, msg, existed);
    if (rec.restated !== undefined) rec.restatedOn = this.link;

    if (t === 'CALL_DATA_UPDATE_EVENT') {
      const renamed = connectionOf(msg, 'newConnection');
      if (renamed && connectionKey(renamed) !== connectionKey(conn)) this.index.rename(rec, conn, renamed);
    }
    this.absorb(rec, msg);
    if (rec.data.routerCallKey !== undefined) {
      const pre = this.pending.take(rec.data.routerCallKey as RouterCallKey);
      if (pre) mergePreCall(rec, pre);
    }
    this.linkConsult(rec, msg);
    this.moveAgents(rec, msg);
    this.touch(rec, t);
    this.enforceMax();
    const current = t === 'CALL_DATA_UPDATE_EVENT' ? (connectionOf(msg, 'newConnection') ?? conn) : conn;
    return this.snapshot(rec, current, false);
  }

  private onEndCall(conn: CallConnection): CallSnapshot | undefined {
    const t = 'END_CALL_EVENT';
    const rec = this.index.find(conn, t);
    if (!rec) return undefined;
    this.touch(rec, t);
    const ck = connectionKey(conn);
    if (rec.merged?.delete(ck)) {
      // The END_CALL of a consult call that a transfer / conference merged into this call: only that
      // connection goes; the surviving call keeps its context.
      this.index.detach(rec, ck);
      return this.snapshot(rec, rec.connections[0], false);
    }
    const snap = this.snapshot(rec, conn, true);
    this.index.forget(rec);
    return snap;
  }

  /** CALL_CONFERENCED / CALL_TRANSFERRED: the connected parties now belong to the primary call. */
  private onJoin(msg: CtiMessage): CallSnapshot | undefined {
    const primary = connectionOf(msg, 'primary');
    const secondary = connectionOf(msg, 'secondary');
    if (!primary) return undefined;
    const t = msg.messageType;
    let rec = this.index.find(primary, t);
    const secRec = secondary ? this.index.find(secondary, t) : undefined;
    if (!rec) rec = secRec ?? this.index.create(primary, true);
    else this.index.attach(rec, primary);
    if (secRec && secRec !== rec) {
      mergeMissingContext(rec, secRec);
      this.index.merge(rec, secRec);
    }
    const parties = connectedParties(msg);
    for (const p of parties) this.index.attach(rec, p);
    rec.parties.connected = parties;
    this.absorb(rec, msg);
    this.moveAgents(rec, msg);
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
    const rec = this.index.withRouterCall(rck);
    if (!rec) {
      this.pending.add(msg, this.now());
      return undefined;
    }
    mergePreCall(rec, PreCallStore.contextOf(msg));
    this.touch(rec, msg.messageType);
    return this.snapshot(rec, rec.connections[0], false);
  }

  private onConf(conf: CtiMessage, request?: CtiMessage): CallSnapshot | undefined {
    const applied = applyCallConf(this.index, conf, request);
    if (!applied) return undefined;
    this.touch(applied.rec, conf.messageType);
    this.enforceMax();
    return this.snapshot(applied.rec, applied.result, false);
  }

  /**
   * SNAPSHOT_CALL_CONF: the server's present word on the call the request named — a call this tracker may never
   * have seen begin (a new HA owner rebuilding, nodes/lib/server/rebuild.ts). It becomes (or updates) the call at
   * that connection, so the call's later events find the same record. Its context is taken as an event's would
   * be; its devices and their states say who has the call and in what state.
   * Unsure: devices the call had here but the snapshot no longer lists are left as they are (no "left" time).
   */
  private onSnapshot(conf: CtiMessage, request: CtiMessage): CallSnapshot | undefined {
    const conn = connectionOf(request);
    if (!conn) return undefined;
    const t = conf.messageType;
    let rec = this.index.find(conn, t);
    if (!rec) rec = this.index.create(conn, true);
    else this.index.attach(rec, conn);
    rec.awaitingBegin = false;
    this.absorb(rec, conf);
    const ids = Array.isArray(conf.callDeviceId) ? (conf.callDeviceId as unknown[]) : [];
    const states = Array.isArray(conf.callDeviceConnectionState) ? (conf.callDeviceConnectionState as unknown[]) : [];
    const devices = ids.map((d, i) => ({
      device: typeof d === 'string' ? d : '',
      state: typeof states[i] === 'number' ? (states[i] as number) : -1,
    }));
    const d = rec.data;
    const state = snapshotDevices(
      rec,
      devices,
      this.eventAt,
      (dev) => this.agentAt?.(dev) !== undefined || d.agentInstrument === dev || d.agentExtension === dev,
    );
    if (state !== undefined) {
      d.localConnectionState = state;
      if (state !== LCS_ALERTING) rec.established = true;
    }
    this.touch(rec, t);
    this.enforceMax();
    return this.snapshot(rec, conn, false);
  }

  private absorb(rec: CallRecord, msg: CtiMessage): void {
    const rck = absorbEvent(rec, msg, this.version);
    if (rck) this.index.setRouterCall(rec, rck);
  }

  /** The agent at a device is known (from AGENT_STATE_EVENTs or the call's own pre-call announcement). */
  private moveAgents(rec: CallRecord, msg: CtiMessage): void {
    const d = rec.data;
    moveAgents(
      rec,
      msg,
      this.eventAt,
      (dev) => this.agentAt?.(dev) !== undefined || d.agentInstrument === dev || d.agentExtension === dev,
    );
  }

  /**
   * A consult call names the call it was made from (CALL_SERVICE_INITIATED's COCConnectionCallID /
   * COCCallConnectionDeviceID(Type), §1.14): link it at once rather than waiting for CONSULTATION_CALL_CONF,
   * which may come after all of the consult call's events (§7.2: CONF vs event order is open).
   * Unsure: the guide gives CALL_ORIGINATED no field naming the held call, and CALL_DELIVERED's
   * SecondaryConnectionCallID is described only for UCCX (a CTI port's consult call), so neither links here; any
   * event that carries the COC fields does.
   */
  private linkConsult(rec: CallRecord, msg: CtiMessage): void {
    const callId = msg.cocConnectionCallId;
    if (rec.consultOf !== undefined || typeof callId !== 'number') return;
    const type = msg.cocCallConnectionDeviceIdType;
    const dev = msg.cocCallConnectionDeviceId;
    const named = typeof type === 'number' && typeof dev === 'string' && dev !== '';
    // Without the device part (the PV25 table omits it), the ConnectionCallID alone picks the call.
    const source = named
      ? (this.index.at({ callId, deviceIdType: type, deviceId: dev }) ?? this.index.withCallId(callId, rec))
      : this.index.withCallId(callId, rec);
    if (source !== undefined && source !== rec) inheritFromConsulted(rec, source);
  }

  /**
   * ms since the epoch, as a small integer while it fits one (about 12 days): a difference of two times since
   * 1970 is a double, which V8 would store as an object of its own even when its value is small.
   */
  private sinceEpoch(): number {
    const t = this.now() - this.epoch;
    return t >= 0 && t < 0x3fffffff ? t | 0 : t;
  }

  private touch(rec: CallRecord, eventType: string): void {
    // Transfers, conferences, CONFs, END_CALL: the call moves on (call events were marked in update()).
    if (!RESTATING_TYPES.has(eventType)) rec.restating = rec.restated = undefined;
    const previous = rec.updatedAt;
    rec.lastEvent = eventType;
    rec.eventCount++;
    rec.updatedAt = this.eventAt;
    this.index.touched(rec, previous);
  }

  private evictOld(): void {
    this.pending.evictOld(this.now());
    const limit = this.now() - this.epoch - this.maxAgeMs;
    for (const rec of this.index.records()) {
      if (rec.updatedAt > limit) break; // least recently updated first
      this.index.forget(rec);
      this.evicted++;
    }
  }

  private enforceMax(): void {
    while (this.index.size > this.maxCalls) {
      this.index.forget(this.index.records().next().value as CallRecord);
      this.evicted++;
    }
  }

  private snapshot(rec: CallRecord, current: CallConnection | undefined, ended: boolean | 'while-down'): CallSnapshot {
    return callSnapshot(rec, current, ended, this.agentAt, this.epoch);
  }
}
