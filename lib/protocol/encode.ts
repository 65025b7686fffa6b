import type { CodecOptions, CtiMessage } from './types';
import { CtiProtocolError } from './errors';
import { BufferWriter } from './writer';
import { getPlan, messageTypeId, type FixedPlan, type FloatPlan, type MessagePlan } from './catalog';
import { DEFAULT_MAX_MESSAGE_LENGTH, HEADER_SIZE } from './decode';

/** Combined limit for NamedVariable + NamedArray fields in one message (guide: 2000 bytes). */
export const MAX_ECC_BYTES = 2000;

const writer = new BufferWriter();
const NOT_LATIN1 = /[^\x00-\xff]/;

/**
 * Encodes a message object into a whole frame (header included) for the given protocol version.
 * Everything is checked before the frame is returned: a missing required field, a wrong type or an
 * over-long value throws a CtiProtocolError naming the field and the limit.
 *
 * Known-by-name messages without a layout, and `{ messageType: 'UNKNOWN', messageTypeId, body }`, are sent
 * with `body` as raw bytes.
 */
export function encodeMessage(msg: CtiMessage, version: number, opts?: CodecOptions): Buffer {
  if (msg === null || typeof msg !== 'object' || typeof msg.messageType !== 'string') {
    throw new CtiProtocolError('E_CTI_BAD_MESSAGE_FORMAT', 'a message needs a string messageType');
  }
  const id = msg.messageType === 'UNKNOWN' ? msg.messageTypeId : messageTypeId(msg.messageType);
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > 0xffffffff) {
    throw new CtiProtocolError('E_CTI_BAD_MESSAGE_FORMAT', `unknown messageType "${msg.messageType}"`, msg.messageType);
  }
  const max = opts?.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH;
  const plan = getPlan(id, version);
  writer.reset();
  writer.u32(0);
  writer.u32(id);
  if (plan === undefined) {
    const body = msg.body;
    if (!(body instanceof Uint8Array)) {
      throw new CtiProtocolError(
        'E_CTI_BAD_MESSAGE_FORMAT',
        `${msg.messageType} has no field layout for protocol version ${version}; give its body as a Buffer`,
        msg.messageType,
        'body',
      );
    }
    writer.bytes(body);
  } else {
    writeFixed(plan, msg);
    writeFloating(plan, msg, version);
  }
  const total = writer.length;
  if (total > max) {
    throw new CtiProtocolError(
      'E_CTI_INVALID_MESSAGE_LENGTH',
      `${msg.messageType} would be ${total} bytes; the limit is ${max}`,
      msg.messageType,
    );
  }
  writer.patchU32(0, total - HEADER_SIZE);
  return writer.copy();
}

function bad(plan: MessagePlan, key: string, text: string, code: ConstructorParameters<typeof CtiProtocolError>[0] = 'E_CTI_BAD_MESSAGE_FORMAT'): never {
  throw new CtiProtocolError(code, `${plan.name}: ${key} ${text}`, plan.name, key);
}

function writeFixed(plan: MessagePlan, msg: CtiMessage): void {
  for (const f of plan.fixed) {
    let v = msg[f.key];
    if (f.countOf !== undefined) {
      const arr = msg[f.countOf];
      if (arr !== undefined && arr !== null) {
        if (!Array.isArray(arr)) bad(plan, f.countOf, 'must be an array');
        v = arr.length;
      } else if (v === undefined || v === null) {
        v = 0;
      }
    }
    if (v === undefined || v === null) {
      if (f.default === undefined) bad(plan, f.key, 'is required', 'E_CTI_REQUIRED_DATA_MISSING');
      v = f.default;
    }
    writeScalar(plan, f, v);
  }
}

function writeScalar(plan: MessagePlan, f: FixedPlan | FloatPlan, v: unknown): void {
  switch (f.type) {
    case 'UINT':
    case 'TIME':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) bad(plan, f.key, `must be an integer 0..4294967295, got ${show(v)}`);
      writer.u32(v);
      return;
    case 'INT':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) bad(plan, f.key, `must be an integer -2147483648..2147483647, got ${show(v)}`);
      writer.i32(v);
      return;
    case 'USHORT':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffff) bad(plan, f.key, `must be an integer 0..65535, got ${show(v)}`);
      writer.u16(v);
      return;
    case 'BOOL':
      if (v === true || v === false) v = v ? 1 : 0;
      if (v !== 0 && v !== 1) bad(plan, f.key, `must be true/false or 0/1, got ${show(v)}`);
      writer.u16(v as number);
      return;
    case 'SHORT':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -0x8000 || v > 0x7fff) bad(plan, f.key, `must be an integer -32768..32767, got ${show(v)}`);
      writer.i16(v);
      return;
    case 'UCHAR':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xff) bad(plan, f.key, `must be an integer 0..255, got ${show(v)}`);
      writer.u8(v);
      return;
    case 'STRING': {
      // Fixed-size STRING: NUL-padded to its size.
      const s = checkString(plan, f.key, v, (f as FixedPlan).size);
      writer.latin1(s);
      writer.zeros((f as FixedPlan).size - s.length);
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

function checkString(plan: MessagePlan, key: string, v: unknown, max: number): string {
  if (typeof v !== 'string') bad(plan, key, `must be a string, got ${show(v)}`);
  if (v.length + 1 > max) bad(plan, key, `is ${v.length} characters; the limit is ${max - 1}`, 'E_CTI_INVALID_FIELD_LENGTH');
  if (NOT_LATIN1.test(v)) bad(plan, key, 'has a character outside the one-byte range (code > 255)', 'E_CTI_INVALID_CHARACTER');
  if (v.indexOf('\0') !== -1) bad(plan, key, 'contains a NUL character', 'E_CTI_INVALID_CHARACTER');
  return v;
}

function toBytes(plan: MessagePlan, key: string, v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') {
    if (NOT_LATIN1.test(v)) bad(plan, key, 'has a character outside the one-byte range (code > 255)', 'E_CTI_INVALID_CHARACTER');
    return Buffer.from(v, 'latin1');
  }
  bad(plan, key, `must be a Buffer or a string, got ${show(v)}`);
}

function writeFloating(plan: MessagePlan, msg: CtiMessage, version: number): void {
  const wide = version >= 20;
  let eccBytes = 0;
  for (const step of plan.encodeSteps) {
    if (Array.isArray(step)) {
      let n = 0;
      for (const f of step) {
        const arr = listOf(plan, f, msg[f.key]);
        if (arr.length > n) n = arr.length;
      }
      for (let i = 0; i < n; i++) {
        for (const f of step) {
          const arr = msg[f.key] as unknown[] | undefined;
          if (arr !== undefined && arr !== null && i < arr.length && arr[i] !== undefined) {
            writeField(plan, f, arr[i], wide);
          }
        }
      }
      continue;
    }
    const f = step;
    const v = msg[f.key];
    if (v === undefined || v === null) {
      if (f.required) bad(plan, f.key, 'is required', 'E_CTI_REQUIRED_DATA_MISSING');
      continue;
    }
    if (f.repeats) {
      const arr = listOf(plan, f, v);
      if (f.required && arr.length === 0) bad(plan, f.key, 'is required', 'E_CTI_REQUIRED_DATA_MISSING');
      for (const item of arr) {
        const before = writer.length;
        writeField(plan, f, item, wide);
        if (f.type === 'NAMEDVAR' || f.type === 'NAMEDARRAY') eccBytes += writer.length - before;
      }
    } else {
      writeField(plan, f, v, wide);
    }
  }
  // Unsure: whether the 2000-byte ECC limit counts tag+length headers; counting them is the safe side.
  if (eccBytes > MAX_ECC_BYTES) {
    bad(plan, 'namedVariables', `and namedArrays take ${eccBytes} bytes; the limit is ${MAX_ECC_BYTES}`, 'E_CTI_TOO_MUCH_DATA');
  }
}

function listOf(plan: MessagePlan, f: FloatPlan, v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) bad(plan, f.key, `must be an array (it may occur more than once), got ${show(v)}`);
  return v;
}

function writeField(plan: MessagePlan, f: FloatPlan, v: unknown, wide: boolean): void {
  if (!wide && f.tag > 0xff) {
    bad(plan, f.key, `(tag ${f.tag}) cannot be sent before protocol version 20: tags are one byte there`);
  }
  // Header first with a zero length; patched once the data is written.
  if (wide) writer.u16(f.tag);
  else writer.u8(f.tag);
  const lenAt = writer.length;
  if (wide) writer.u16(0);
  else writer.u8(0);
  const start = writer.length;
  switch (f.type) {
    case 'STRING': {
      const s = checkString(plan, f.key, v, f.max);
      writer.latin1(s);
      writer.u8(0);
      break;
    }
    case 'UNSPEC': {
      const b = toBytes(plan, f.key, v);
      if (b.length > f.max) bad(plan, f.key, `is ${b.length} bytes; the limit is ${f.max}`, 'E_CTI_INVALID_FIELD_LENGTH');
      writer.bytes(b);
      break;
    }
    case 'NAMEDVAR':
    case 'NAMEDARRAY': {
      if (v === null || typeof v !== 'object') bad(plan, f.key, `entries must be objects {name, value${f.type === 'NAMEDARRAY' ? ', index' : ''}}`);
      const o = v as { name?: unknown; value?: unknown; index?: unknown };
      if (f.type === 'NAMEDARRAY') {
        const idx = o.index;
        if (typeof idx !== 'number' || !Number.isInteger(idx) || idx < 0 || idx > 255) bad(plan, `${f.key}.index`, `must be an integer 0..255, got ${show(idx)}`);
        writer.u8(idx);
      }
      const name = checkString(plan, `${f.key}.name`, o.name, 33);
      if (name.length === 0) bad(plan, `${f.key}.name`, 'must not be empty');
      const value = checkString(plan, `${f.key}.value`, o.value === undefined ? '' : String(o.value), 211);
      writer.latin1(name);
      writer.u8(0);
      writer.latin1(value);
      writer.u8(0);
      if (writer.length - start > f.max) bad(plan, f.key, `"${name}" takes ${writer.length - start} bytes; the limit is ${f.max}`, 'E_CTI_INVALID_FIELD_LENGTH');
      break;
    }
    case 'TASKID': {
      const t = v as { taskGroupHigh?: unknown; taskGroupLow?: unknown; sequenceNumber?: unknown };
      for (const k of ['taskGroupHigh', 'taskGroupLow', 'sequenceNumber'] as const) {
        const n = t?.[k];
        if (typeof n !== 'number' || !Number.isInteger(n) || n < -0x80000000 || n > 0x7fffffff) bad(plan, `${f.key}.${k}`, `must be an INT, got ${show(n)}`);
        writer.i32(n);
      }
      break;
    }
    default:
      writeScalar(plan, f, v);
  }
  const len = writer.length - start;
  if (!wide && len > 0xff) bad(plan, f.key, `is ${len} bytes; before protocol version 20 a field holds at most 255`, 'E_CTI_INVALID_FIELD_LENGTH');
  if (wide) writer.patchU16(lenAt, len);
  else writer.patchU8(lenAt, len);
}
