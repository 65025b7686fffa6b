import type { CodecOptions, CtiMessage, NamedArrayElement, NamedVariable, UnknownField } from './types';
import { CtiProtocolError } from './errors';
import { getPlan, messageTypeName, type FloatPlan, type MessagePlan } from './catalog';
import { TAG_BY_NUMBER } from './tags';

export const HEADER_SIZE = 8;
export const DEFAULT_MAX_MESSAGE_LENGTH = 12500;

/**
 * Decodes one whole frame (8-byte header + body) in the session's protocol version.
 * Every failure is a CtiProtocolError; nothing else is thrown for any input.
 */
export function decodeMessage(frame: Buffer, version: number, opts?: CodecOptions): CtiMessage {
  if (frame.length < HEADER_SIZE) {
    throw new CtiProtocolError(
      'E_CTI_INVALID_MESSAGE_LENGTH',
      `frame of ${frame.length} bytes is shorter than the 8-byte message header`,
    );
  }
  const bodyLength = frame.readUInt32BE(0);
  const typeId = frame.readUInt32BE(4);
  const max = opts?.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH;
  if (bodyLength + HEADER_SIZE > max) {
    throw new CtiProtocolError(
      'E_CTI_INVALID_MESSAGE_LENGTH',
      `MessageLength ${bodyLength} (+8 header) exceeds the maximum of ${max} bytes`,
      messageTypeName(typeId),
    );
  }
  if (bodyLength + HEADER_SIZE !== frame.length) {
    throw new CtiProtocolError(
      'E_CTI_INVALID_MESSAGE_LENGTH',
      `MessageLength says ${bodyLength} body bytes but the frame has ${frame.length - HEADER_SIZE}`,
      messageTypeName(typeId),
    );
  }
  const plan = getPlan(typeId, version);
  if (plan === undefined) {
    const name = messageTypeName(typeId);
    const body = Buffer.from(frame.subarray(HEADER_SIZE));
    return name === undefined
      ? { messageType: 'UNKNOWN', messageTypeId: typeId, body }
      : { messageType: name, messageTypeId: typeId, body };
  }
  return decodeBody(plan, frame, version, opts?.strict === true);
}

function fail(code: ConstructorParameters<typeof CtiProtocolError>[0], plan: MessagePlan, field: string | undefined, text: string): never {
  throw new CtiProtocolError(code, `${plan.name}${field ? `.${field}` : ''}: ${text}`, plan.name, field);
}

function decodeBody(plan: MessagePlan, frame: Buffer, version: number, strict: boolean): CtiMessage {
  const end = frame.length;
  if (end - HEADER_SIZE < plan.fixedSize) {
    fail(
      'E_CTI_BAD_MESSAGE_FORMAT',
      plan,
      undefined,
      `fixed part is ${end - HEADER_SIZE} bytes; protocol version ${version} needs ${plan.fixedSize}`,
    );
  }
  const msg: CtiMessage = { messageType: plan.name };
  let off = HEADER_SIZE;
  for (const f of plan.fixed) {
    switch (f.type) {
      case 'UINT':
      case 'TIME':
        msg[f.key] = frame.readUInt32BE(off);
        break;
      case 'USHORT':
      case 'BOOL':
        msg[f.key] = frame.readUInt16BE(off);
        break;
      case 'INT':
        msg[f.key] = frame.readInt32BE(off);
        break;
      case 'SHORT':
        msg[f.key] = frame.readInt16BE(off);
        break;
      case 'UCHAR':
        msg[f.key] = frame[off];
        break;
      case 'STRING':
        msg[f.key] = cString(frame, off, off + f.size);
        break;
      default:
        msg[f.key] = Buffer.from(frame.subarray(off, off + f.size));
    }
    off += f.size;
  }

  const wide = version >= 20;
  const headerLen = wide ? 4 : 2;
  let unknown: UnknownField[] | undefined;
  while (off < end) {
    if (end - off < headerLen) {
      fail('E_CTI_INVALID_FIELD_LENGTH', plan, undefined, `${end - off} stray byte(s) where a floating field header should be`);
    }
    const tag = wide ? frame.readUInt16BE(off) : frame[off];
    const len = wide ? frame.readUInt16BE(off + 2) : frame[off + 1];
    off += headerLen;
    if (off + len > end) {
      const name = plan.byTag[tag]?.key ?? `tag ${tag}`;
      fail('E_CTI_INVALID_FIELD_LENGTH', plan, name, `field of ${len} bytes runs ${off + len - end} byte(s) past the end of the message`);
    }
    const f = plan.byTag[tag];
    if (f === undefined || (!f.repeats && msg[f.key] !== undefined)) {
      if (strict) {
        if (f !== undefined) fail('E_CTI_BAD_MESSAGE_FORMAT', plan, f.key, 'field occurs more than once');
        if (TAG_BY_NUMBER.has(tag)) {
          fail('E_CTI_INVALID_TAG_FOR_MSG_TYPE', plan, TAG_BY_NUMBER.get(tag)!.name, `tag ${tag} does not belong to this message`);
        }
        fail('E_CTI_INVALID_FIELD_TAG', plan, undefined, `unknown floating tag ${tag}`);
      }
      // Lenient: a newer server's or a vendor's field is kept, not dropped, not fatal.
      (unknown ??= []).push({ tag, data: Buffer.from(frame.subarray(off, off + len)) });
    } else {
      const v = readFloating(plan, f, frame, off, len);
      if (f.repeats) {
        const arr = msg[f.key] as unknown[] | undefined;
        if (arr === undefined) msg[f.key] = [v];
        else arr.push(v);
      } else {
        msg[f.key] = v;
      }
    }
    off += len;
  }
  if (unknown !== undefined) msg.unknownFields = unknown;
  for (const c of plan.counts) {
    const arr = msg[c.countOf!] as unknown[] | undefined;
    const present = arr === undefined ? 0 : arr.length;
    if (present !== msg[c.key]) {
      const code =
        c.name === 'NumNamedVariables'
          ? 'E_CTI_INVALID_NUM_NAMED_VARIABLES'
          : c.name === 'NumNamedArrays'
            ? 'E_CTI_INVALID_NUM_NAMED_ARRAYS'
            : undefined;
      // Unsure: the guide only names a status for the ECC counts; other count mismatches are tolerated
      // unless strict, because the list entries themselves arrived intact.
      if (code !== undefined) fail(code, plan, c.key, `says ${msg[c.key]} but ${present} arrived`);
      if (strict) fail('E_CTI_BAD_MESSAGE_FORMAT', plan, c.key, `says ${msg[c.key]} but ${present} arrived`);
    }
  }
  if (strict) {
    for (const r of plan.required) {
      if (msg[r.key] === undefined) fail('E_CTI_REQUIRED_DATA_MISSING', plan, r.key, 'required field is missing');
    }
  }
  return msg;
}

function readFloating(plan: MessagePlan, f: FloatPlan, buf: Buffer, off: number, len: number): unknown {
  if (len > f.max) fail('E_CTI_INVALID_FIELD_LENGTH', plan, f.key, `${len} bytes; the limit is ${f.max}`);
  switch (f.type) {
    case 'STRING':
      // Unsure: a zero-length STRING has no NUL; taken as the empty string rather than an error.
      if (len === 0) return '';
      if (buf[off + len - 1] !== 0) fail('E_CTI_BAD_MESSAGE_FORMAT', plan, f.key, 'STRING is not NUL-terminated');
      return cString(buf, off, off + len - 1);
    case 'UNSPEC':
      return Buffer.from(buf.subarray(off, off + len));
    case 'UINT':
    case 'TIME':
      expectLen(plan, f, len, 4);
      return buf.readUInt32BE(off);
    case 'INT':
      expectLen(plan, f, len, 4);
      return buf.readInt32BE(off);
    case 'USHORT':
    case 'BOOL':
      expectLen(plan, f, len, 2);
      return buf.readUInt16BE(off);
    case 'SHORT':
      expectLen(plan, f, len, 2);
      return buf.readInt16BE(off);
    case 'UCHAR':
      expectLen(plan, f, len, 1);
      return buf[off];
    case 'NAMEDVAR':
      return readNamedVariable(plan, f, buf, off, off + len);
    case 'NAMEDARRAY':
      return readNamedArray(plan, f, buf, off, off + len);
    case 'TASKID':
      expectLen(plan, f, len, 12);
      return { taskGroupHigh: buf.readInt32BE(off), taskGroupLow: buf.readInt32BE(off + 4), sequenceNumber: buf.readInt32BE(off + 8) };
  }
}

function expectLen(plan: MessagePlan, f: FloatPlan, len: number, want: number): void {
  if (len !== want) fail('E_CTI_INVALID_FIELD_LENGTH', plan, f.key, `${f.type} field has ${len} bytes; it must have ${want}`);
}

/** A string up to the first NUL (C semantics) or `end`, one character per byte. */
function cString(buf: Buffer, start: number, end: number): string {
  const nul = buf.indexOf(0, start);
  return buf.toString('latin1', start, nul !== -1 && nul < end ? nul : end);
}

function twoStrings(plan: MessagePlan, f: FloatPlan, buf: Buffer, start: number, end: number): [string, string] {
  const nameEnd = buf.indexOf(0, start);
  if (nameEnd === -1 || nameEnd >= end - 1 || buf[end - 1] !== 0) {
    fail('E_CTI_BAD_MESSAGE_FORMAT', plan, f.key, 'expected a NUL-terminated name followed by a NUL-terminated value');
  }
  return [buf.toString('latin1', start, nameEnd), cString(buf, nameEnd + 1, end - 1)];
}

function readNamedVariable(plan: MessagePlan, f: FloatPlan, buf: Buffer, start: number, end: number): NamedVariable {
  const [name, value] = twoStrings(plan, f, buf, start, end);
  return { name, value };
}

function readNamedArray(plan: MessagePlan, f: FloatPlan, buf: Buffer, start: number, end: number): NamedArrayElement {
  if (end - start < 3) fail('E_CTI_BAD_MESSAGE_FORMAT', plan, f.key, 'NAMEDARRAY element is too short');
  const index = buf[start];
  const [name, value] = twoStrings(plan, f, buf, start + 1, end);
  return { name, index, value };
}
