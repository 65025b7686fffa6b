/**
 * Call data as messages carry it: CallVariable1..10, ECC named variables and arrays, and the values that
 * mean "nothing said". The call tracker and the pre-call store read the same fields the same way.
 */
import type { CtiMessage } from '../protocol';
import { shared } from './call-strings';

export type CallVariables = Record<number, string>;
export type NamedVariables = Record<string, string>;
export type NamedArrays = Record<string, Record<number, string>>;

/** The three call-data sets a call (or a pre-call, or a request) holds. */
export interface CallDataSets {
  readonly callVariables: Readonly<CallVariables>;
  readonly namedVariables: Readonly<NamedVariables>;
  readonly namedArrays: Readonly<Record<string, Readonly<Record<number, string>>>>;
}

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

/** Merges the message's ECC into `vars` / `arrays` (element by element for arrays). */
export function readEcc(msg: CtiMessage, vars: NamedVariables, arrays: NamedArrays): void {
  if (Array.isArray(msg.namedVariables)) {
    for (const v of msg.namedVariables as Array<{ name: string; value: string }>)
      if (vars[v.name] !== v.value) vars[shared(v.name)] = shared(v.value);
  }
  if (Array.isArray(msg.namedArrays)) {
    for (const a of msg.namedArrays as Array<{ name: string; index: number; value: string }>) {
      const elems = (arrays[a.name] ??= {});
      if (elems[a.index] !== a.value) elems[a.index] = shared(a.value);
    }
  }
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

/** Frozen: a snapshot may share it, and whoever changes a call's set replaces it (see call-context.ts). */
export const NO_DATA: Readonly<Record<string, never>> = Object.freeze({});

/** A frozen copy of ECC arrays, inner objects included. */
export function frozenArrays(arrays: Readonly<NamedArrays>): Readonly<NamedArrays> {
  const out: NamedArrays = {};
  for (const name of Object.keys(arrays)) out[name] = frozenCopy(arrays[name]) as Record<number, string>;
  return Object.freeze(out);
}

/** Copies of the three sets, so a snapshot does not share them with the live record. */
export function copyCallData(src: CallDataSets): {
  callVariables: CallVariables;
  namedVariables: NamedVariables;
  namedArrays: NamedArrays;
} {
  return {
    callVariables: { ...src.callVariables },
    namedVariables: { ...src.namedVariables },
    namedArrays: Object.fromEntries(Object.entries(src.namedArrays).map(([k, v]) => [k, { ...v }])),
  };
}
