/**
 * Which call an event belongs to. A call has a set of connections and an event's connection picks the call
 * (cti-protocol.md Part 2 §6.4). Several live calls may share a ConnectionCallID (consult calls on some ACDs):
 * a connection not yet known is then given to the call that has no destination connection yet when the event
 * is CALL_ESTABLISHED, otherwise to the most recently begun call with that ConnectionCallID.
 *
 * Calls are kept least recently updated first, so the tracker's bounds can drop the oldest without sorting.
 */
import { connectionKey, type CallConnection } from './call-connection';
import { appended, frozenCopy } from './call-data';
import { newCallRecord, type CallRecord } from './call-record';
import { MultiMap } from './multi-map';
import { sameRouterCall, type RouterCallKey } from './pre-calls';

/**
 * Day and CallID of a RouterCallKey as one number: a key without a string per call. Exact while the day fits
 * in 21 bits (days since 1900 stay below 2^21 for thousands of years).
 */
function routerCallNumber(k: RouterCallKey): number {
  return (k.day % 0x200000) * 0x100000000 + (k.callId >>> 0);
}

const REORDER_MS = 1000;

export class CallIndex {
  /** Insertion order = least recently updated first (records are re-inserted by touched()). */
  private readonly calls = new Map<string, CallRecord>();
  /**
   * Connection key → call key, for connections other than the one a call is keyed by. Most calls only ever have
   * that one: `calls` finds it (CallRecord.ownsKey says whether the call still has it), one map entry per call
   * fewer.
   */
  private readonly byConnection = new Map<string, string>();
  /** ConnectionCallID → call keys having a connection with that id. */
  private readonly byCallId = new MultiMap<number, string>();
  /** routerCallNumber (day and callId) → call keys having that RouterCallKey. */
  private readonly byRouterCall = new MultiMap<number, string>();
  /** Creation order: "most recently begun" must not depend on update order. */
  private seq = 0;

  constructor(private readonly now: () => number) {}

  get size(): number {
    return this.calls.size;
  }

  /** Least recently updated first. */
  /** The sequence number of the last call created (records created later have a higher one). */
  get lastSeq(): number {
    return this.seq;
  }

  records(): IterableIterator<CallRecord> {
    return this.calls.values();
  }

  byKey(key: string): CallRecord | undefined {
    return this.calls.get(key);
  }

  /** The call one of whose current connections this is (no ConnectionCallID guessing). */
  at(conn: CallConnection): CallRecord | undefined {
    return this.ownerOf(connectionKey(conn));
  }

  /** The call that has the connection with this key. */
  private ownerOf(ck: string): CallRecord | undefined {
    const key = this.byConnection.get(ck);
    if (key !== undefined) return this.calls.get(key);
    const rec = this.calls.get(ck);
    return rec !== undefined && rec.ownsKey ? rec : undefined;
  }

  /** The call an event with this connection belongs to: by the connection, else by the guide's rule above. */
  find(conn: CallConnection, eventType: string): CallRecord | undefined {
    const owner = this.ownerOf(connectionKey(conn));
    if (owner !== undefined) return owner;
    const keys = this.byCallId.get(conn.callId);
    if (!keys || keys.length === 0) return undefined;
    const candidates = [...keys].map((k) => this.calls.get(k)!).filter(Boolean);
    if (candidates.length === 1) return candidates[0];
    if (eventType === 'CALL_ESTABLISHED_EVENT') {
      const open = candidates.filter((c) => !c.established);
      if (open.length >= 1) return open.sort((a, b) => b.seq - a.seq)[0];
    }
    // Unsure: the guide gives the rule only for CALL_ESTABLISHED; chose the most recently begun call.
    return candidates.sort((a, b) => b.seq - a.seq)[0];
  }

  /** The most recently begun call other than `not` having a connection with this ConnectionCallID. */
  withCallId(callId: number, not?: CallRecord): CallRecord | undefined {
    const keys = this.byCallId.get(callId);
    if (!keys) return undefined;
    let best: CallRecord | undefined;
    for (const k of keys) {
      const r = this.calls.get(k);
      if (r !== undefined && r !== not && (best === undefined || r.seq > best.seq)) best = r;
    }
    return best;
  }

  /**
   * A call a CONF announced that has had no event yet, with this ConnectionCallID: a BEGIN_CALL naming another
   * connection of it takes it over.
   * Unsure: the guide does not say the CONF's NewConnectionDeviceID equals the BEGIN_CALL's ConnectionDeviceID;
   * chose to match on ConnectionCallID for a call still waiting for its BEGIN_CALL (the most recent one).
   */
  awaitingBeginAt(conn: CallConnection): CallRecord | undefined {
    const keys = this.byCallId.get(conn.callId);
    if (!keys) return undefined;
    const waiting = [...keys]
      .map((k) => this.calls.get(k))
      .filter((r): r is CallRecord => r !== undefined && r.awaitingBegin);
    return waiting.sort((a, b) => b.seq - a.seq)[0];
  }

  /** The most recently begun call with this RouterCallKey. */
  withRouterCall(rck: RouterCallKey): CallRecord | undefined {
    const keys = this.byRouterCall.get(routerCallNumber(rck));
    if (!keys) return undefined;
    const matches = [...keys]
      .map((k) => this.calls.get(k))
      .filter((r): r is CallRecord => r !== undefined && sameRouterCall(r.data.routerCallKey as RouterCallKey, rck));
    return matches.sort((a, b) => b.seq - a.seq)[0];
  }

  create(conn: CallConnection, partial: boolean): CallRecord {
    const key = connectionKey(conn);
    const rec = newCallRecord(key, partial, this.now(), ++this.seq);
    // A stale call (lost END_CALL) whose key is reused by a new call is replaced.
    const old = this.calls.get(rec.key);
    if (old) this.forget(old);
    this.calls.set(rec.key, rec);
    this.attach(rec, conn, key);
    return rec;
  }

  /** Gives the connection to this call, taking it from the call that had it. */
  attach(rec: CallRecord, conn: CallConnection, ck = connectionKey(conn)): void {
    const owner = this.ownerOf(ck);
    if (owner === rec) return;
    if (owner !== undefined) this.detach(owner, ck);
    // Frozen: snapshots share the connection objects.
    rec.connections = appended(rec.connections, Object.isFrozen(conn) ? conn : frozenCopy(conn));
    if (ck === rec.key) rec.ownsKey = true;
    else this.byConnection.set(ck, rec.key);
    this.byCallId.add(conn.callId, rec.key);
  }

  detach(rec: CallRecord, ck: string): void {
    const i = rec.connections.findIndex((c) => connectionKey(c) === ck);
    if (i < 0) return;
    const [c] = rec.connections.splice(i, 1);
    if (ck === rec.key) rec.ownsKey = false;
    else this.byConnection.delete(ck);
    if (!rec.connections.some((x) => x.callId === c.callId)) this.byCallId.delete(c.callId, rec.key);
  }

  rename(rec: CallRecord, from: CallConnection, to: CallConnection): void {
    this.detach(rec, connectionKey(from));
    this.attach(rec, to);
  }

  /** Keeps byRouterCall in step with the call's RouterCallKey (it can change, e.g. through SET_CALL_DATA). */
  setRouterCall(rec: CallRecord, rck: RouterCallKey | undefined): void {
    const base = rck === undefined ? undefined : routerCallNumber(rck);
    if (base === rec.routerBase) return;
    if (rec.routerBase !== undefined) this.byRouterCall.delete(rec.routerBase, rec.key);
    rec.routerBase = base;
    if (base !== undefined) this.byRouterCall.add(base, rec.key);
  }

  /**
   * The call was just updated (`previous`: its update time before): it becomes the newest. Moved to the end only
   * when its last move is more than a second old: each move leaves a deleted slot in the map's table until the
   * table is rebuilt, and a call's events come in bursts (delivered, established, data update within a second).
   * The order is then by last update to within a second, which is all the bounds (hours, thousands) need.
   */
  touched(rec: CallRecord, previous: number): void {
    if (rec.updatedAt - previous < REORDER_MS) return;
    this.calls.delete(rec.key);
    this.calls.set(rec.key, rec);
  }

  /**
   * A transfer / conference joined `from` (the consult call) into `into`: `from`'s connections move over and
   * its END_CALL will later remove only its own connection (see CallRecord.merged).
   */
  merge(into: CallRecord, from: CallRecord): void {
    const conns = [...from.connections];
    const merged = (into.merged ??= new Set());
    merged.add(from.key);
    for (const k of from.merged ?? []) merged.add(k);
    this.forget(from);
    for (const c of conns) this.attach(into, c);
  }

  forget(rec: CallRecord): void {
    for (const c of [...rec.connections]) this.detach(rec, connectionKey(c));
    this.setRouterCall(rec, undefined);
    this.calls.delete(rec.key);
  }

  clear(): void {
    this.calls.clear();
    this.byConnection.clear();
    this.byCallId.clear();
    this.byRouterCall.clear();
  }
}
