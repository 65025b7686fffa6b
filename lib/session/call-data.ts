/**
 * Call data as messages carry it: CallVariable1..10, ECC named variables and arrays, and the values that
 * mean "nothing said". The call tracker and the pre-call store read the same fields the same way.
 */
import type { CtiMessage } from '../protocol';

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

export function readCallVariables(msg: CtiMessage, into: CallVariables): void {
  for (let i = 1; i <= 10; i++) {
    const v = msg[`callVariable${i}`];
    if (typeof v === 'string') into[i] = v;
  }
}

/** Merges the message's ECC into `vars` / `arrays` (element by element for arrays). */
export function readEcc(msg: CtiMessage, vars: NamedVariables, arrays: NamedArrays): void {
  if (Array.isArray(msg.namedVariables)) {
    for (const v of msg.namedVariables as Array<{ name: string; value: string }>) vars[v.name] = v.value;
  }
  if (Array.isArray(msg.namedArrays)) {
    for (const a of msg.namedArrays as Array<{ name: string; index: number; value: string }>)
      (arrays[a.name] ??= {})[a.index] = a.value;
  }
}

/** Buffers are mutable: whoever receives one gets a copy of its own. */
export function copyBuffer(v: unknown): unknown {
  return Buffer.isBuffer(v) ? Buffer.from(v) : v;
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
