/**
 * Call data as messages carry it: CallVariable1..10, ECC named variables and arrays, and the values that
 * mean "nothing said". The call tracker and the pre-call store read the same fields the same way.
 */
import type { CtiMessage } from '../protocol';
import { shared } from './call-strings';

export type CallVariables = Record<number, string>;
/** An ECC array's elements by index; an element no message has set is null. */
export type EccArray = readonly (string | null)[];
/**
 * Expanded Call Context variables by name: a scalar (NamedVariable) is its value, an array (NamedArray) an array
 * of its elements. The form flows see in `msg.call.ecc` and give cti-set-call-data in `msg.payload.ecc`.
 */
export type Ecc = Record<string, string | EccArray>;

/** The call data a call (or a pre-call, or a request) holds. */
export interface CallDataSets {
  readonly callVariables: Readonly<CallVariables>;
  readonly ecc: Readonly<Ecc>;
}

/** ECC array indexes are one byte (ECC arrays have at most 255 elements). */
const MAX_ECC_INDEX = 255;

/** NULL_SKILL_GROUP / NULL_SERVICE: "no value", not a value. */
const NULL_ID = 0xffffffff;

/** An empty field, or the NULL skill group / service, must not overwrite what an earlier message said. */
export function isNoValue(field: string, v: unknown): boolean {
  return v === undefined || v === '' || ((field === 'skillGroupNumber' || field === 'serviceNumber') && v === NULL_ID);
}

const CALL_VARIABLE_KEYS = Array.from({ length: 10 }, (_, i) => `callVariable${i + 1}`);

/** Whether the message carries any CallVariable (most call events carry none). */
export function hasCallVariables(msg: CtiMessage): boolean {
  for (const k of CALL_VARIABLE_KEYS) if (typeof msg[k] === 'string') return true;
  return false;
}

/** Returns whether anything changed. */
export function readCallVariables(msg: CtiMessage, into: CallVariables): boolean {
  let changed = false;
  for (let i = 1; i <= 10; i++) {
    const v = msg[CALL_VARIABLE_KEYS[i - 1]];
    if (typeof v === 'string' && into[i] !== v) {
      into[i] = shared(v);
      changed = true;
    }
  }
  return changed;
}

/** Whether the message carries any ECC variable. */
export function hasEcc(msg: CtiMessage): boolean {
  return Array.isArray(msg.namedVariables) || Array.isArray(msg.namedArrays);
}

/**
 * Merges the message's ECC into `into` (element by element for arrays). An array it changes is replaced by a
 * new one, so `into` may hold frozen arrays shared with earlier snapshots. Returns whether anything changed.
 */
export function readEcc(msg: CtiMessage, into: Ecc): boolean {
  let changed = false;
  if (Array.isArray(msg.namedVariables)) {
    for (const v of msg.namedVariables as Array<{ name: string; value: string }>) {
      if (into[v.name] === v.value) continue;
      into[shared(v.name)] = shared(v.value);
      changed = true;
    }
  }
  if (Array.isArray(msg.namedArrays)) {
    const copied = new Set<string>();
    for (const a of msg.namedArrays as Array<{ name: string; index: number; value: string }>) {
      if (!Number.isInteger(a.index) || a.index < 0 || a.index > MAX_ECC_INDEX) continue;
      const old = into[a.name];
      if (Array.isArray(old) && old[a.index] === a.value) continue;
      let elems: (string | null)[];
      if (copied.has(a.name)) elems = old as (string | null)[];
      else {
        elems = Array.isArray(old) ? old.slice() : [];
        into[shared(a.name)] = elems;
        copied.add(a.name);
      }
      for (let i = elems.length; i < a.index; i++) elems[i] = null;
      elems[a.index] = shared(a.value);
      changed = true;
    }
  }
  return changed;
}

/** Fills, in `into`, what it lacks from `from`: missing names, and missing elements of arrays both have. */
export function fillMissingEcc(into: Ecc, from: Readonly<Ecc>): void {
  for (const name of Object.keys(from)) {
    const v = from[name];
    const have = into[name];
    if (have === undefined) into[name] = v;
    else if (Array.isArray(have) && Array.isArray(v)) {
      let merged: (string | null)[] | undefined;
      for (let i = 0; i < v.length; i++) {
        if (v[i] === null || (i < have.length && have[i] !== null)) continue;
        merged ??= have.slice();
        for (let j = merged.length; j < i; j++) merged[j] = null;
        merged[i] = v[i];
      }
      if (merged !== undefined) into[name] = merged;
    }
  }
}

/** `ecc` frozen, arrays included (arrays already frozen are shared as they are). */
export function frozenEcc(ecc: Ecc): Readonly<Ecc> {
  let empty = true;
  for (const name in ecc) {
    empty = false;
    const v = ecc[name];
    if (Array.isArray(v) && !Object.isFrozen(v)) Object.freeze(v);
  }
  return empty ? NO_DATA : Object.freeze(ecc);
}

/** Buffers are mutable: whoever receives one gets a copy of its own. */
export function copyBuffer(v: unknown): unknown {
  return Buffer.isBuffer(v) ? Buffer.from(v) : v;
}

/**
 * A copy made property by property. Not `{...o}`: V8 gives a spread copy of a frozen object (and a frozen spread
 * copy) a hidden class of its own, which costs memory for every call that keeps one and time for every snapshot.
 */
export function copyOf<T extends object>(o: T): T {
  const out = {} as Record<string, unknown>;
  for (const k in o) out[k] = (o as Record<string, unknown>)[k];
  return out as T;
}

/** copyOf, frozen. */
export function frozenCopy<T extends object>(o: T): Readonly<T> {
  return Object.freeze(copyOf(o));
}

/**
 * `list` with `item` added, as a new array of exactly that length. Arrays a call keeps (connections, history)
 * grow by one now and then; a push onto an empty array reserves 16 slots (about 130 bytes a call would carry
 * unused), a copy reserves none.
 */
export function appended<T>(list: readonly T[], item: T): T[] {
  const out = new Array<T>(list.length + 1);
  for (let i = 0; i < list.length; i++) out[i] = list[i];
  out[list.length] = item;
  return out;
}

/** Frozen: a snapshot may share it, and whoever changes a call's set replaces it (see call-context.ts). */
export const NO_DATA: Readonly<Record<string, never>> = Object.freeze({});

/** Copies of the sets, so a snapshot does not share them with a live entry. */
export function copyCallData(src: CallDataSets): { callVariables: CallVariables; ecc: Ecc } {
  const ecc: Ecc = {};
  for (const name of Object.keys(src.ecc)) {
    const v = src.ecc[name];
    ecc[name] = typeof v === 'string' ? v : v.slice();
  }
  return { callVariables: { ...src.callVariables }, ecc };
}
