import type { CtiMessage } from './types';
import { CtiProtocolError } from './errors';
import { BufferWriter } from './writer';
import type { FixedPlan, FloatPlan, MessagePlan } from './catalog';

/**
 * What the generated encoders call for everything that is not a plain number in range: strings, floating
 * fields, repeating groups, and the errors naming the field and the limit. All write into `writer`, the one
 * output buffer every encode reuses.
 */

/** Combined limit for NamedVariable + NamedArray fields in one message (guide: 2000 bytes). */
export const MAX_ECC_BYTES = 2000;

export const writer = new BufferWriter();
const NOT_LATIN1 = /[^\x00-\xff]/;

export interface EncoderHelpers {
  /** A fixed field of any type (the generated code inlines the numeric ones). */
  writeScalar(plan: MessagePlan, f: FixedPlan | FloatPlan, v: unknown): void;
  /** A single floating STRING field, header included. */
  writeStringField(plan: MessagePlan, f: FloatPlan, v: unknown, wide: boolean): void;
  /** A single floating field of any type, header included. */
  writeField(plan: MessagePlan, f: FloatPlan, v: unknown, wide: boolean): void;
  /** Every entry of a repeating field; returns the bytes written (for the ECC limit). */
  writeList(plan: MessagePlan, f: FloatPlan, v: unknown, wide: boolean): number;
  /** The members of a repeating group, interleaved by index. */
  writeGroup(plan: MessagePlan, group: readonly FloatPlan[], msg: CtiMessage, wide: boolean): void;
  checkEcc(plan: MessagePlan, eccBytes: number): void;
  missing(plan: MessagePlan, key: string): never;
  /** Throws the error for a fixed field's invalid value. */
  badFixed(plan: MessagePlan, f: FixedPlan, v: unknown): never;
  /** A repeating field's value as an array (absent: empty). */
  listOf(plan: MessagePlan, f: FloatPlan, v: unknown): unknown[];
}

function bad(
  plan: MessagePlan,
  key: string,
  text: string,
  code: ConstructorParameters<typeof CtiProtocolError>[0] = 'E_CTI_BAD_MESSAGE_FORMAT',
): never {
  throw new CtiProtocolError(code, `${plan.name}: ${key} ${text}`, plan.name, key);
}

function writeScalar(plan: MessagePlan, f: FixedPlan | FloatPlan, v: unknown): void {
  switch (f.type) {
    case 'UINT':
    case 'TIME':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff)
        bad(plan, f.key, `must be an integer 0..4294967295, got ${show(v)}`);
      writer.u32(v);
      return;
    case 'INT':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff)
        bad(plan, f.key, `must be an integer -2147483648..2147483647, got ${show(v)}`);
      writer.u32(v >>> 0);
      return;
    case 'USHORT':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffff)
        bad(plan, f.key, `must be an integer 0..65535, got ${show(v)}`);
      writer.u16(v);
      return;
    case 'BOOL':
      if (v === true || v === false) v = v ? 1 : 0;
      if (v !== 0 && v !== 1) bad(plan, f.key, `must be true/false or 0/1, got ${show(v)}`);
      writer.u16(v as number);
      return;
    case 'SHORT':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -0x8000 || v > 0x7fff)
        bad(plan, f.key, `must be an integer -32768..32767, got ${show(v)}`);
      writer.u16(v & 0xffff);
      return;
    case 'UCHAR':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xff)
        bad(plan, f.key, `must be an integer 0..255, got ${show(v)}`);
      writer.u8(v);
      return;
    case 'STRING': {
      // Fixed-size STRING: NUL-padded to its size.
      const n = writeString(plan, f.key, v, (f as FixedPlan).size);
      writer.zeros((f as FixedPlan).size - n);
      return;
    }
    case 'UNSPEC': {
      const b = toBytes(plan, f.key, v);
      const size = (f as FixedPlan).size;
      if (b.length > size) bad(plan, f.key, `is ${b.length} bytes; the limit is ${size}`, 'E_CTI_INVALID_FIELD_LENGTH');
      writer.bytes(b);
      writer.zeros(size - b.length);
      return;
    }
    default:
      bad(plan, f.key, `has type ${f.type}, which a fixed part cannot carry`);
  }
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v instanceof Uint8Array) return `${v.length} bytes`;
  try {
    return String(JSON.stringify(v));
  } catch {
    return typeof v;
  }
}

/**
 * Writes a string one byte per character, checking it on the way: a string, at most `max - 1` characters
 * (`max` counts the NUL), no character above 0xFF, no NUL inside. Returns the number of bytes written.
 */
function writeString(plan: MessagePlan, key: string, v: unknown, max: number): number {
  if (typeof v !== 'string') bad(plan, key, `must be a string, got ${show(v)}`);
  const n = v.length;
  if (n + 1 > max) bad(plan, key, `is ${n} characters; the limit is ${max - 1}`, 'E_CTI_INVALID_FIELD_LENGTH');
  writer.ensure(n);
  const b = writer.buf;
  let o = writer.off;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c > 0xff || c === 0) {
      bad(
        plan,
        key,
        c === 0 ? 'contains a NUL character' : 'has a character outside the one-byte range (code > 255)',
        'E_CTI_INVALID_CHARACTER',
      );
    }
    b[o++] = c;
  }
  writer.off = o;
  return n;
}

function toBytes(plan: MessagePlan, key: string, v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') {
    if (NOT_LATIN1.test(v))
      bad(plan, key, 'has a character outside the one-byte range (code > 255)', 'E_CTI_INVALID_CHARACTER');
    return Buffer.from(v, 'latin1');
  }
  bad(plan, key, `must be a Buffer or a string, got ${show(v)}`);
}

/** A repeating field: every entry; returns the bytes written (for the ECC limit). */
function writeList(plan: MessagePlan, f: FloatPlan, v: unknown, wide: boolean): number {
  const arr = listOf(plan, f, v);
  if (f.required && arr.length === 0) bad(plan, f.key, 'is required', 'E_CTI_REQUIRED_DATA_MISSING');
  const before = writer.off;
  for (const item of arr) writeField(plan, f, item, wide);
  return writer.off - before;
}

/** A repeating group: members interleaved by index (signature[0], timestamp[0], signature[1], …). */
function writeGroup(plan: MessagePlan, group: readonly FloatPlan[], msg: CtiMessage, wide: boolean): void {
  let n = 0;
  for (const f of group) {
    const arr = listOf(plan, f, msg[f.key]);
    if (arr.length > n) n = arr.length;
  }
  for (let i = 0; i < n; i++) {
    for (const f of group) {
      const arr = msg[f.key] as unknown[] | undefined;
      if (arr !== undefined && arr !== null && i < arr.length && arr[i] !== undefined && arr[i] !== null) {
        writeField(plan, f, arr[i], wide);
      }
    }
  }
}

function checkEcc(plan: MessagePlan, eccBytes: number): void {
  // Unsure: whether the 2000-byte ECC limit counts tag+length headers; counting them is the safe side.
  if (eccBytes > MAX_ECC_BYTES) {
    bad(
      plan,
      'namedVariables',
      `and namedArrays take ${eccBytes} bytes; the limit is ${MAX_ECC_BYTES}`,
      'E_CTI_TOO_MUCH_DATA',
    );
  }
}

/** A single STRING field, header and NUL included: the commonest floating field, kept on a short path. */
function writeStringField(plan: MessagePlan, f: FloatPlan, v: unknown, wide: boolean): void {
  if (wide) {
    writer.ensure(4);
    const b = writer.buf;
    const o = writer.off;
    b[o] = f.tag >>> 8;
    b[o + 1] = f.tag & 0xff;
    writer.off = o + 4;
    const n = writeString(plan, f.key, v, f.max) + 1;
    writer.u8(0);
    writer.buf[o + 2] = n >>> 8;
    writer.buf[o + 3] = n & 0xff;
  } else {
    writeField(plan, f, v, wide);
  }
}

function missing(plan: MessagePlan, key: string): never {
  bad(plan, key, 'is required', 'E_CTI_REQUIRED_DATA_MISSING');
}

function badFixed(plan: MessagePlan, f: FixedPlan, v: unknown): never {
  writeScalar(plan, f, v); // throws the type-specific message
  bad(plan, f.key, `has an invalid value ${show(v)}`);
}

function listOf(plan: MessagePlan, f: FloatPlan, v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) bad(plan, f.key, `must be an array (it may occur more than once), got ${show(v)}`);
  return v;
}

function writeField(plan: MessagePlan, f: FloatPlan, v: unknown, wide: boolean): void {
  // Header first with a zero length; patched once the data is written.
  if (wide) writer.u16(f.tag);
  else writer.u8(f.tag);
  const lenAt = writer.length;
  if (wide) writer.u16(0);
  else writer.u8(0);
  const start = writer.length;
  switch (f.type) {
    case 'STRING': {
      writeString(plan, f.key, v, f.max);
      writer.u8(0);
      break;
    }
    case 'UNSPEC': {
      const b = toBytes(plan, f.key, v);
      if (b.length > f.max)
        bad(plan, f.key, `is ${b.length} bytes; the limit is ${f.max}`, 'E_CTI_INVALID_FIELD_LENGTH');
      writer.bytes(b);
      break;
    }
    case 'NAMEDVAR':
    case 'NAMEDARRAY': {
      if (v === null || typeof v !== 'object')
        bad(plan, f.key, `entries must be objects {name, value${f.type === 'NAMEDARRAY' ? ', index' : ''}}`);
      const o = v as { name?: unknown; value?: unknown; index?: unknown };
      if (f.type === 'NAMEDARRAY') {
        const idx = o.index;
        if (typeof idx !== 'number' || !Number.isInteger(idx) || idx < 0 || idx > 255)
          bad(plan, `${f.key}.index`, `must be an integer 0..255, got ${show(idx)}`);
        writer.u8(idx);
      }
      if (writeString(plan, `${f.key}.name`, o.name, 33) === 0) bad(plan, `${f.key}.name`, 'must not be empty');
      writer.u8(0);
      writeString(plan, `${f.key}.value`, o.value === undefined || o.value === null ? '' : String(o.value), 211);
      writer.u8(0);
      const name = o.name as string;
      if (writer.length - start > f.max)
        bad(
          plan,
          f.key,
          `"${name}" takes ${writer.length - start} bytes; the limit is ${f.max}`,
          'E_CTI_INVALID_FIELD_LENGTH',
        );
      break;
    }
    case 'TASKID': {
      const t = v as { taskGroupHigh?: unknown; taskGroupLow?: unknown; sequenceNumber?: unknown };
      for (const k of ['taskGroupHigh', 'taskGroupLow', 'sequenceNumber'] as const) {
        const n = t?.[k];
        if (typeof n !== 'number' || !Number.isInteger(n) || n < -0x80000000 || n > 0x7fffffff)
          bad(plan, `${f.key}.${k}`, `must be an INT, got ${show(n)}`);
        writer.u32(n >>> 0);
      }
      break;
    }
    default:
      writeScalar(plan, f, v);
  }
  const len = writer.length - start;
  if (!wide && len > 0xff)
    bad(
      plan,
      f.key,
      `is ${len} bytes; before protocol version 20 a field holds at most 255`,
      'E_CTI_INVALID_FIELD_LENGTH',
    );
  if (wide) writer.patchU16(lenAt, len);
  else writer.patchU8(lenAt, len);
}

export const encoderHelpers: EncoderHelpers = {
  writeScalar,
  writeStringField,
  writeField,
  writeList,
  writeGroup,
  checkEcc,
  missing,
  badFixed,
  listOf,
};
