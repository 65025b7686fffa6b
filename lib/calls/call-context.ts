/**
 * How a call's context grows. The call's own events are the latest word: their values overwrite, except
 * empty and NULL values, which say nothing. ECC merges by name, except that from PV22 a CALL_DATA_UPDATE_EVENT
 * carries the call's whole ECC set and so replaces it. Context from anywhere else (a pre-call announcement,
 * the request that made the call, the call a consult call was made from, a call joined by a transfer) only
 * fills what the call's own events did not say.
 */
import { fieldKey, getMessageDef, type CtiMessage } from '../protocol';
import {
  copyBuffer,
  copyOf,
  fillMissingEcc,
  frozenEcc,
  hasCallVariables,
  hasEcc,
  isNoValue,
  readCallVariables,
  readEcc,
  type CallDataSets,
  type Ecc,
} from './call-data';
import type { CallRecord } from './call-record';
import { shared, sharedValue } from './call-strings';
import { routerCallKeyOf, type PreCallContext, type RouterCallKey } from './pre-calls';

/** Event fields the call keeps as they come (CallSnapshot has one property each). */
export const CONTEXT_FIELDS = [
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

/** Event field → CallParties property. */
const PARTY_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['callingDeviceId', 'calling'],
  ['calledDeviceId', 'called'],
  ['alertingDeviceId', 'alerting'],
  ['answeringDeviceId', 'answering'],
  ['lastRedirectDeviceId', 'lastRedirect'],
  ['holdingDeviceId', 'holding'],
  ['releasingDeviceId', 'releasing'],
  ['transferringDeviceId', 'transferring'],
  ['transferredDeviceId', 'transferred'],
  ['controllerDeviceId', 'controller'],
  ['addedPartyDeviceId', 'addedParty'],
  ['divertingDeviceId', 'diverting'],
];

/** The context and party fields a message type can carry (all of them for a type the catalog does not know). */
interface TypeFields {
  readonly context: readonly string[];
  readonly parties: ReadonlyArray<readonly [string, string]>;
}

const ALL_FIELDS: TypeFields = { context: CONTEXT_FIELDS, parties: PARTY_FIELDS };
const fieldsByType = new Map<string, TypeFields>();

/**
 * Looking up only the fields a message type has: each event would otherwise be asked for some thirty properties
 * it never carries, a lookup that cannot be cached across the many message shapes.
 */
function fieldsOf(type: string): TypeFields {
  let f = fieldsByType.get(type);
  if (f === undefined) {
    const def = getMessageDef(type);
    if (def === undefined) f = ALL_FIELDS;
    else {
      const keys = new Set([...def.fixed, ...def.floating].map((x) => fieldKey(x.name)));
      f = {
        context: CONTEXT_FIELDS.filter((k) => keys.has(k)),
        parties: PARTY_FIELDS.filter(([k]) => keys.has(k)),
      };
    }
    fieldsByType.set(type, f);
  }
  return f;
}

/**
 * Takes what one of the call's events says. Returns the event's RouterCallKey, if it has one, for the caller
 * to index.
 */
export function absorbEvent(rec: CallRecord, msg: CtiMessage, version: number): RouterCallKey | undefined {
  const d = rec.data;
  const fields = fieldsOf(msg.messageType);
  for (const f of fields.context) {
    const v = msg[f];
    if (!isNoValue(f, v) && d[f] !== v) d[f] = sharedValue(v);
  }
  if (typeof msg.callType === 'number') d.callType = msg.callType;
  const rck = routerCallKeyOf(msg);
  if (rck && !sameKey(d.routerCallKey as RouterCallKey | undefined, rck)) d.routerCallKey = Object.freeze(rck);
  if (hasCallVariables(msg)) {
    const cv = copyOf(rec.callVariables);
    if (readCallVariables(msg, cv)) rec.callVariables = Object.freeze(cv);
  }
  absorbEcc(rec, msg, version);
  if (typeof msg.localConnectionState === 'number') d.localConnectionState = msg.localConnectionState;
  if (typeof msg.eventCause === 'number') d.lastEventCause = msg.eventCause;
  for (const [from, to] of fields.parties) {
    const v = msg[from];
    if (typeof v === 'string' && v !== '' && rec.parties[to] !== v) rec.parties[to] = shared(v);
  }
  if (msg.messageType === 'CALL_ESTABLISHED_EVENT') rec.established = true;
  // The party a transfer / conference brought in is the call's answering device from now on.
  const joined = msg.transferredDeviceId ?? msg.addedPartyDeviceId;
  if (typeof joined === 'string' && joined !== '') rec.parties.answering = joined;
  // The transferring device let go of the call: it no longer holds it.
  if (msg.transferringDeviceId !== undefined && rec.parties.holding === msg.transferringDeviceId)
    delete rec.parties.holding;
  return rck;
}

function sameKey(a: RouterCallKey | undefined, b: RouterCallKey): boolean {
  return a !== undefined && a.day === b.day && a.callId === b.callId && a.sequenceNumber === b.sequenceNumber;
}

/**
 * The record's sets are frozen and replaced when an event changes them (copy on write): every snapshot of the
 * call shares them instead of copying them per event.
 */
function absorbEcc(rec: CallRecord, msg: CtiMessage, version: number): void {
  // From PV22 CALL_DATA_UPDATE_EVENT always carries every ECC variable of the call: replace the set.
  const replace = msg.messageType === 'CALL_DATA_UPDATE_EVENT' && version >= 22;
  if (!replace && !hasEcc(msg)) return;
  const ecc: Ecc = replace ? {} : copyOf(rec.ecc);
  if (readEcc(msg, ecc) || replace) rec.ecc = frozenEcc(ecc);
}

/** Copies `names` from `fields`, and the call data of `ctx`, where the call has no value yet. */
export function fillMissing(
  rec: CallRecord,
  fields: Readonly<Record<string, unknown>>,
  names: readonly string[],
  ctx: CallDataSets,
): void {
  for (const f of names) {
    const v = fields[f];
    if (v === undefined || v === '' || rec.data[f] !== undefined) continue;
    rec.data[f] = copyBuffer(v);
  }
  // Copy on write, as in absorbEcc.
  const cv: Record<number, string> = copyOf(rec.callVariables);
  for (const [k, v] of Object.entries(ctx.callVariables)) cv[Number(k)] ??= v;
  rec.callVariables = Object.freeze(cv);
  const ecc: Ecc = copyOf(rec.ecc);
  fillMissingEcc(ecc, ctx.ecc);
  rec.ecc = frozenEcc(ecc);
}

/** The call's own events said it first: the pre-call only fills what is missing. */
export function mergePreCall(rec: CallRecord, pre: PreCallContext): void {
  fillMissing(rec, pre.fields, CONTEXT_FIELDS, pre);
  addPreCallSources(rec, pre.sources);
}

/** A consult call joined into `into` by a transfer / conference: it adds the context `into` lacks. */
export function mergeMissingContext(into: CallRecord, from: CallRecord): void {
  // ECC arrays too: a consult call's array elements are as much its context as its scalars.
  fillMissing(into, from.data, Object.keys(from.data), from);
  addPreCallSources(into, from.preCallFrom);
}

function addPreCallSources(rec: CallRecord, sources: readonly string[]): void {
  const added = sources.filter((src) => !rec.preCallFrom.includes(src));
  if (added.length > 0) rec.preCallFrom = [...rec.preCallFrom, ...added];
}
