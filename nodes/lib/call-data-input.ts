/**
 * The call data a flow can set (call variables, ECC, wrap-up data, customer numbers): gathered from the editor's
 * typed inputs and msg.payload, checked against the codec's limits, and laid out as SET_CALL_DATA_REQ fields
 * (the call-creating control requests take the same fields).
 */
import { InputError } from './errors';
import { showValue, textLimit, toText } from './field-values';

export const CALL_DATA_TEXT_FIELDS = [
  'callVariable1',
  'callVariable2',
  'callVariable3',
  'callVariable4',
  'callVariable5',
  'callVariable6',
  'callVariable7',
  'callVariable8',
  'callVariable9',
  'callVariable10',
  'callWrapupData',
  'customerPhoneNumber',
  'customerAccountNumber',
] as const;

export type CallDataTextField = (typeof CALL_DATA_TEXT_FIELDS)[number];

/** What a user supplied before checking: text fields by name, ECC by name (an array = an ECC array). */
export interface RawCallData {
  text: Partial<Record<CallDataTextField, unknown>>;
  ecc: Record<string, unknown>;
}

export interface CallDataFields {
  [key: string]: unknown;
  namedVariables?: Array<{ name: string; value: string }>;
  namedArrays?: Array<{ name: string; index: number; value: string }>;
}

type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => v !== null && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v);

/**
 * Values from msg.payload. A payload that is itself a CTI message (a cti-event output wired straight in) only
 * names the call: its call variables are what the call already has, not what to set.
 */
export function callDataFromPayload(payload: unknown): RawCallData {
  const raw: RawCallData = { text: {}, ecc: {} };
  if (!isBag(payload) || typeof payload.messageType === 'string') return raw;
  for (const f of CALL_DATA_TEXT_FIELDS) if (payload[f] !== undefined) raw.text[f] = payload[f];
  if (payload.ecc !== undefined) {
    if (!isBag(payload.ecc))
      throw new InputError('msg.payload.ecc must be an object {name: value}; use an array value for an ECC array');
    Object.assign(raw.ecc, payload.ecc);
  }
  return raw;
}

/** Editor values win over payload values, field by field and ECC name by ECC name. */
export function mergeCallData(editor: RawCallData, payload: RawCallData): RawCallData {
  const text: RawCallData['text'] = { ...payload.text };
  for (const [k, v] of Object.entries(editor.text)) if (v !== undefined) text[k as CallDataTextField] = v;
  const ecc: Bag = { ...payload.ecc };
  for (const [k, v] of Object.entries(editor.ecc)) if (v !== undefined) ecc[k] = v;
  return { text, ecc };
}

export function isEmpty(raw: RawCallData): boolean {
  return Object.values(raw.text).every((v) => v === undefined || v === null) && Object.keys(raw.ecc).length === 0;
}

/** Checks every value and returns the message fields; throws InputError naming the first bad value. */
export function toCallDataFields(raw: RawCallData, messageType: string, version: number): CallDataFields {
  const out: CallDataFields = {};
  for (const f of CALL_DATA_TEXT_FIELDS) {
    const limit = textLimit(messageType, f, version);
    const v = raw.text[f];
    if (v === undefined || v === null) continue;
    if (limit === undefined) throw new InputError(`${f} cannot be sent with ${messageType}`);
    out[f] = toText(v, f, limit);
  }
  const namedVariables: Array<{ name: string; value: string }> = [];
  const namedArrays: Array<{ name: string; index: number; value: string }> = [];
  for (const [name, value] of Object.entries(raw.ecc)) {
    if (value === undefined || value === null) continue;
    // The name is user input too: keep it short in messages (showValue quotes it).
    const label = `ECC variable ${showValue(name)}`;
    if (name.length === 0) throw new InputError('an ECC variable needs a name');
    toText(name, `${label} name`, 32);
    if (Array.isArray(value)) {
      if (value.length > 256)
        throw new InputError(`${label} has ${value.length} elements; the limit is 256 (index 0-255)`);
      value.forEach((element, index) => {
        const text = toText(element, `${label}[${index}]`, 210);
        if (text !== undefined) namedArrays.push({ name, index, value: text });
      });
    } else {
      namedVariables.push({ name, value: toText(value, label, 210) as string });
    }
  }
  if (namedVariables.length > 0) out.namedVariables = namedVariables;
  if (namedArrays.length > 0) out.namedArrays = namedArrays;
  return out;
}

/** Short names for the status line: callVariable3 → var3. */
const SHORT_NAMES: Record<CallDataTextField, string> = {
  callVariable1: 'var1',
  callVariable2: 'var2',
  callVariable3: 'var3',
  callVariable4: 'var4',
  callVariable5: 'var5',
  callVariable6: 'var6',
  callVariable7: 'var7',
  callVariable8: 'var8',
  callVariable9: 'var9',
  callVariable10: 'var10',
  callWrapupData: 'wrap-up',
  customerPhoneNumber: 'phone',
  customerAccountNumber: 'account',
};

/** The values in the shape msg.payload takes them: text fields by name, ECC under `ecc` (arrays as arrays). */
export type WrittenCallData = Partial<Record<CallDataTextField, string>> & {
  ecc?: Record<string, string | Array<string | null>>;
};

/**
 * What a request wrote, for msg.written (the same shape as msg.payload's input, so it can be sent again) and
 * for the status line ("var3, var4, user.case").
 */
export function describeWritten(fields: CallDataFields): { written: WrittenCallData; names: string[] } {
  const written: WrittenCallData = {};
  const names: string[] = [];
  for (const f of CALL_DATA_TEXT_FIELDS) {
    if (typeof fields[f] !== 'string') continue;
    written[f] = fields[f] as string;
    names.push(SHORT_NAMES[f]);
  }
  const ecc: Record<string, string | Array<string | null>> = {};
  for (const v of fields.namedVariables ?? []) ecc[v.name] = v.value;
  for (const a of fields.namedArrays ?? []) {
    const list = Array.isArray(ecc[a.name]) ? (ecc[a.name] as Array<string | null>) : [];
    while (list.length < a.index) list.push(null);
    list[a.index] = a.value;
    ecc[a.name] = list;
  }
  if (Object.keys(ecc).length > 0) {
    written.ecc = ecc;
    names.push(...Object.keys(ecc));
  }
  return { written, names };
}

/** "var3, var4, user.case" shortened to fit under a node. */
export function summariseNames(names: string[], max = 40): string {
  let out = '';
  for (let i = 0; i < names.length; i++) {
    const next = out === '' ? names[i] : `${out}, ${names[i]}`;
    if (next.length > max) {
      const rest = names.length - i - (i === 0 ? 1 : 0);
      const head = i === 0 ? `${names[0].slice(0, max - 1)}…` : out;
      return rest > 0 ? `${head} +${rest}` : head;
    }
    out = next;
  }
  return out;
}
