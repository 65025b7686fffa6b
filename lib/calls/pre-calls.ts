/**
 * Calls announced before they exist at the agent: AGENT_PRE_CALL_EVENT (routed to an agent) and
 * CALL_TRANSLATION_ROUTE_EVENT (routed via a translation route) carry the context the call will have, keyed by
 * its RouterCallKey (cti-protocol.md Part 2 §2.2, §3.1, §6.5). The CallTracker keeps them here until a call
 * event with the same RouterCallKey takes them, AGENT_PRE_CALL_ABORT_EVENT drops them, or the bounds do.
 *
 * Bounded like the calls: at most `maxEntries`, and an entry older than `maxAgeMs` is dropped (a routed call
 * that never shows up at this client cannot grow memory). Eviction runs on each message (no timer).
 */
import type { CtiMessage } from '../protocol';
import {
  copyBuffer,
  copyCallData,
  isNoValue,
  readCallVariables,
  readEcc,
  type CallDataSets,
  type CallVariables,
  type Ecc,
} from './call-data';
import { deepFreeze } from './deep-freeze';
import { MultiMap } from './multi-map';

export interface RouterCallKey {
  readonly day: number;
  readonly callId: number;
  readonly sequenceNumber?: number;
}

/** What the pre-call announcements said about a call that has not arrived yet; deep-frozen. */
export interface PreCallSnapshot {
  /** "day/callId/sequenceNumber" ("day/callId" without a sequence number). */
  readonly key: string;
  readonly routerCallKey: RouterCallKey;
  /** Message types merged into this entry, oldest first (e.g. CALL_TRANSLATION_ROUTE_EVENT, AGENT_PRE_CALL_EVENT). */
  readonly sources: readonly string[];
  readonly ani?: string;
  readonly dnis?: string;
  readonly dialedNumber?: string;
  readonly callerEnteredDigits?: string;
  readonly userToUserInfo?: Buffer;
  readonly agentId?: string;
  readonly agentInstrument?: string;
  readonly agentSkillTargetId?: number;
  readonly serviceNumber?: number;
  readonly serviceId?: number;
  readonly skillGroupNumber?: number;
  readonly skillGroupId?: number;
  readonly skillGroupPriority?: number;
  readonly mrdid?: number;
  readonly fltCallTypeId?: number;
  readonly preCallInvokeId?: number;
  readonly callVariables: Readonly<Record<number, string>>;
  /** ECC variables by name, an ECC array as an array (as in CallSnapshot.ecc). */
  readonly ecc: Readonly<Ecc>;
  readonly receivedAt: number;
  readonly updatedAt: number;
}

/** Read-only view of the pending pre-calls (what CallTracker.preCalls exposes). */
export interface PreCalls {
  readonly size: number;
  /** Entries dropped by the bounds so far (aborted and consumed entries are not counted). */
  readonly evicted: number;
  /** By RouterCallKey (a missing sequence number on either side matches any) or by PreCallSnapshot.key. */
  get(key: RouterCallKey | string): PreCallSnapshot | undefined;
  all(): PreCallSnapshot[];
}

/** Context handed to the tracker when a call takes its pre-call entry. */
export interface PreCallContext extends CallDataSets {
  readonly sources: readonly string[];
  readonly fields: Readonly<Record<string, unknown>>;
}

interface Entry {
  key: string;
  routerCallKey: RouterCallKey;
  sources: string[];
  fields: Record<string, unknown>;
  callVariables: CallVariables;
  ecc: Ecc;
  receivedAt: number;
  updatedAt: number;
}

const FIELDS = [
  'ani',
  'dnis',
  'dialedNumber',
  'callerEnteredDigits',
  'userToUserInfo',
  'agentId',
  'agentInstrument',
  'agentSkillTargetId',
  'serviceNumber',
  'serviceId',
  'skillGroupNumber',
  'skillGroupId',
  'skillGroupPriority',
  'mrdid',
  'fltCallTypeId',
  'preCallInvokeId',
] as const;

export function routerCallKeyOf(msg: CtiMessage): RouterCallKey | undefined {
  const day = msg.routerCallKeyDay;
  const callId = msg.routerCallKeyCallId;
  if (typeof day !== 'number' || typeof callId !== 'number') return undefined;
  const seq = msg.routerCallKeySequenceNumber;
  return typeof seq === 'number' ? { day, callId, sequenceNumber: seq } : { day, callId };
}

/** "day/callId": what every form of one router call key shares. */
export function routerCallBase(k: RouterCallKey): string {
  return `${k.day}/${k.callId}`;
}

export function routerCallKeyString(k: RouterCallKey): string {
  return k.sequenceNumber === undefined ? routerCallBase(k) : `${routerCallBase(k)}/${k.sequenceNumber}`;
}

/**
 * Same routed call: Day + CallID equal, and the sequence numbers equal when both sides have one.
 * Unsure: BEGIN_CALL's RouterCallKeySequenceNumber is "(not marked)" and may be absent (§1.1); chose to match
 * on Day + CallID alone then. Different sequence numbers are different tasks (a re-route), not a match.
 */
export function sameRouterCall(a: RouterCallKey, b: RouterCallKey): boolean {
  return (
    a.day === b.day &&
    a.callId === b.callId &&
    (a.sequenceNumber === undefined || b.sequenceNumber === undefined || a.sequenceNumber === b.sequenceNumber)
  );
}

export class PreCallStore implements PreCalls {
  /** Insertion order = least recently updated first (entries are re-inserted on each update). */
  private readonly entries = new Map<string, Entry>();
  /** routerCallBase → entry keys. */
  private readonly byBase = new MultiMap<string, string>();
  private _evicted = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get evicted(): number {
    return this._evicted;
  }

  get(key: RouterCallKey | string): PreCallSnapshot | undefined {
    const e = typeof key === 'string' ? this.entries.get(key) : this.find(key);
    return e ? this.snapshot(e) : undefined;
  }

  all(): PreCallSnapshot[] {
    return [...this.entries.values()].map((e) => this.snapshot(e));
  }

  /**
   * Keeps an announcement. A second one for the same key (CALL_TRANSLATION_ROUTE then AGENT_PRE_CALL) merges
   * into the first; the newer message's values win, since it is the later word on the call.
   */
  add(msg: CtiMessage, now: number): PreCallSnapshot | undefined {
    const rck = routerCallKeyOf(msg);
    if (!rck) return undefined;
    const key = routerCallKeyString(rck);
    let e = this.entries.get(key);
    if (!e) {
      e = {
        key,
        routerCallKey: rck,
        sources: [],
        fields: {},
        callVariables: {},
        ecc: {},
        receivedAt: now,
        updatedAt: now,
      };
      this.byBase.add(routerCallBase(rck), key);
    }
    absorbContext(e, msg);
    if (!e.sources.includes(msg.messageType)) e.sources.push(msg.messageType);
    e.updatedAt = now;
    this.entries.delete(key);
    this.entries.set(key, e);
    this.enforceMax();
    return this.snapshot(e);
  }

  /** Removes and returns the entry of this routed call (the most recent one if several match). */
  take(rck: RouterCallKey): PreCallContext | undefined {
    const e = this.find(rck);
    if (!e) return undefined;
    this.remove(e);
    return e;
  }

  /** AGENT_PRE_CALL_ABORT_EVENT: the announced call will not come. Returns how many entries went. */
  drop(rck: RouterCallKey): number {
    const matches = this.matching(rck);
    for (const e of matches) this.remove(e);
    return matches.length;
  }

  /** Context of an announcement that is not kept (its call is already tracked). */
  static contextOf(msg: CtiMessage): PreCallContext {
    const e = { fields: {}, callVariables: {}, ecc: {} };
    absorbContext(e, msg);
    return { ...e, sources: [msg.messageType] };
  }

  evictOld(now: number): void {
    const limit = now - this.maxAgeMs;
    for (const e of this.entries.values()) {
      if (e.updatedAt > limit) break; // Map order: least recently updated first
      this.remove(e);
      this._evicted++;
    }
  }

  clear(): void {
    this.entries.clear();
    this.byBase.clear();
  }

  private enforceMax(): void {
    while (this.entries.size > this.maxEntries) {
      this.remove(this.entries.values().next().value as Entry);
      this._evicted++;
    }
  }

  private matching(rck: RouterCallKey): Entry[] {
    const keys = this.byBase.get(routerCallBase(rck));
    if (!keys) return [];
    return [...keys]
      .map((k) => this.entries.get(k)!)
      .filter((e) => e !== undefined && sameRouterCall(e.routerCallKey, rck));
  }

  private find(rck: RouterCallKey): Entry | undefined {
    const exact = this.entries.get(routerCallKeyString(rck));
    if (exact) return exact;
    const matches = this.matching(rck);
    return matches.sort((a, b) => b.updatedAt - a.updatedAt)[0];
  }

  private remove(e: Entry): void {
    this.entries.delete(e.key);
    this.byBase.delete(routerCallBase(e.routerCallKey), e.key);
  }

  private snapshot(e: Entry): PreCallSnapshot {
    const snap: Record<string, unknown> = {
      key: e.key,
      routerCallKey: { ...e.routerCallKey },
      sources: [...e.sources],
    };
    for (const [k, v] of Object.entries(e.fields)) snap[k] = copyBuffer(v);
    Object.assign(snap, copyCallData(e));
    snap.receivedAt = e.receivedAt;
    snap.updatedAt = e.updatedAt;
    return deepFreeze(snap) as unknown as PreCallSnapshot;
  }
}

function absorbContext(e: Pick<Entry, 'fields' | 'callVariables' | 'ecc'>, msg: CtiMessage): void {
  for (const f of FIELDS) {
    const v = msg[f];
    if (!isNoValue(f, v)) e.fields[f] = copyBuffer(v);
  }
  readCallVariables(msg, e.callVariables);
  readEcc(msg, e.ecc);
}
