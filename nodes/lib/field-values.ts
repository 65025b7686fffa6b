/**
 * Checks values a user supplies against the codec's own field limits before anything is sent, so the error
 * names the field the user knows ("callVariable3 is 52 characters; the limit is 40").
 */
import { getPlan, messageTypeId } from '../../lib/protocol';
import { InputError } from './errors';

const NOT_LATIN1 = /[^\x00-\xff]/;

/** Longest text the codec accepts for `key` in `messageType` at `version` (NUL excluded). */
export function textLimit(messageType: string, key: string, version: number): number | undefined {
  const id = messageTypeId(messageType);
  if (id === undefined) return undefined;
  const plan = getPlan(id, version);
  const f = plan?.floats.find((x) => x.key === key);
  return f === undefined ? undefined : f.max - 1;
}

/**
 * A value as CTI text: strings as they are, numbers and booleans as their text. `undefined` / `null` mean
 * "not given". Anything else (objects, arrays, functions) is refused.
 */
export function toText(value: unknown, label: string, limit?: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') s = String(value);
  else if (Buffer.isBuffer(value)) s = value.toString('latin1');
  else
    throw new InputError(
      `${label} must be text or a number, not ${Array.isArray(value) ? 'an array' : `a ${typeof value}`}`,
    );
  if (limit !== undefined && s.length > limit) {
    throw new InputError(`${label} is ${s.length} characters; the limit is ${limit}`);
  }
  if (NOT_LATIN1.test(s)) {
    throw new InputError(`${label} contains a character the CTI protocol cannot carry (only Latin-1 text is allowed)`);
  }
  if (s.includes('\0')) throw new InputError(`${label} contains a NUL character`);
  return s;
}

/**
 * A user's value as it appears in an error message: never throws (BigInt, circular objects, objects without a
 * prototype) and stays short, so a pasted megabyte does not become a megabyte-long log line.
 */
export function showValue(value: unknown, max = 40): string {
  let s: string;
  if (typeof value === 'string') s = JSON.stringify(value);
  else if (typeof value === 'bigint') s = `${value}n (a BigInt)`;
  else if (value === null || value === undefined || typeof value !== 'object')
    s = typeof value === 'function' ? 'a function' : String(value);
  else if (Buffer.isBuffer(value)) s = `a Buffer of ${value.length} bytes`;
  else if (Array.isArray(value)) s = `an array of ${value.length}`;
  else {
    try {
      s = JSON.stringify(value) ?? 'an object';
    } catch {
      s = 'an object';
    }
  }
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** An unsigned 32-bit integer from a number or a numeric string. */
export function toUint(value: unknown, label: string, max = 0xffffffff): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max) {
    throw new InputError(`${label} must be a whole number 0–${max}, got ${showValue(value)}`);
  }
  return n;
}

/** The fields that name an agent in a request, each at the codec's limit; only those given (not empty). */
export interface AgentFields {
  agentExtension?: string;
  agentId?: string;
  agentInstrument?: string;
}

/** AgentExtension / AgentID / AgentInstrument from a flow's values, checked; the ones not given are left out. */
export function agentFields(p: {
  agentExtension?: unknown;
  agentId?: unknown;
  agentInstrument?: unknown;
}): AgentFields {
  const out: AgentFields = {};
  const ext = toText(p.agentExtension, 'agentExtension', 15);
  const id = toText(p.agentId, 'agentId', 11);
  const inst = toText(p.agentInstrument, 'agentInstrument', 63);
  if (ext) out.agentExtension = ext;
  if (id) out.agentId = id;
  if (inst) out.agentInstrument = inst;
  return out;
}
