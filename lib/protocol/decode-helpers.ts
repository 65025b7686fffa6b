import type { CtiMessage, NamedArrayElement, NamedVariable, TaskId } from './types';
import type { DecodeWarning, DecodeWarningKind } from './warnings';
import { CtiProtocolError, type CtiProtocolErrorCode } from './errors';
import type { FixedPlan, FloatPlan, MessagePlan } from './catalog';
import { TAG_BY_NUMBER } from './tags';
// One String.fromCharCode call per short string, one case per length (written by the build: tools/write-codec.ts).
import { latin1 } from './generated/latin1';

/**
 * What the generated decoders call for everything that is not a plain number: strings, ECC fields, and every
 * deviation from the reference. A deviation throws a CtiProtocolError when decoding strictly; otherwise it is
 * recorded in the context as a DecodeWarning and decoding goes on with what could be read.
 */

/** Per-decode state, owned by decodeMessage and handed to the generated decoder. */
export interface DecodeContext {
  strict: boolean;
  /** Deviations seen so far (liberal mode), created on the first. */
  warnings: DecodeWarning[] | undefined;
  /**
   * Something that a fixed part longer than this version's would also produce (stray bytes, a required field
   * missing, tag 0 — which no field has, but a new zero-valued fixed field reads as): worth checking whether
   * skipping bytes reads cleanly. An unknown tag alone is not: a newer server's new floating field reads so too.
   */
  suspect: boolean;
}

/** A helper that reads (or keeps) the field found at [off, off + len) with `tag`, for message `m`. */
type FieldAt<R, Extra extends unknown[] = []> = (
  cx: DecodeContext,
  plan: MessagePlan,
  f: FloatPlan,
  m: CtiMessage,
  tag: number,
  buf: Buffer,
  off: number,
  len: number,
  ...extra: Extra
) => R;

/** A helper that reads a value from [off, off + len). */
type ValueAt<R> = (cx: DecodeContext, plan: MessagePlan, f: FloatPlan, buf: Buffer, off: number, len: number) => R;

export interface DecoderHelpers {
  /** A C string: up to the first NUL or `end` (fixed-part STRINGs, which are NUL-padded). */
  cString(buf: Buffer, start: number, end: number): string;
  str: ValueAt<string>;
  unspec: ValueAt<Buffer>;
  nvar: ValueAt<NamedVariable>;
  /** undefined when too short to hold an element (warned, raw bytes kept). */
  narr: FieldAt<NamedArrayElement | undefined>;
  /** undefined when not 12 bytes (warned, raw bytes kept). */
  taskId: FieldAt<TaskId | undefined>;
  /** A fixed-size field with another length (`want` bytes expected): its raw bytes go to unknownFields. */
  badLength: FieldAt<void, [want: number]>;
  /** A second copy of a single field: kept in unknownFields, the first copy stays the value. */
  duplicate: FieldAt<void>;
  /** A tag this message does not have: kept in unknownFields. */
  unknownTag(
    cx: DecodeContext,
    plan: MessagePlan,
    m: CtiMessage,
    tag: number,
    buf: Buffer,
    off: number,
    len: number,
  ): void;
  /** A group member before the partner it must follow. */
  outOfOrder(cx: DecodeContext, plan: MessagePlan, f: FloatPlan): void;
  /** A repeating field with more entries than the reference allows. */
  tooMany(cx: DecodeContext, plan: MessagePlan, f: FloatPlan): void;
  countMismatch(cx: DecodeContext, plan: MessagePlan, count: FixedPlan, said: number, present: number): void;
  missing(cx: DecodeContext, plan: MessagePlan, f: FloatPlan): void;
  /** 1–3 bytes after the last field, too few for a field header. */
  stray(cx: DecodeContext, plan: MessagePlan, n: number): void;
  /** A field running past the end of the message: cannot be read in any mode. */
  past(plan: MessagePlan, tag: number, len: number, overrun: number): never;
}

function fail(code: CtiProtocolErrorCode, plan: MessagePlan, field: string | undefined, text: string): never {
  throw new CtiProtocolError(code, `${plan.name}${field ? `.${field}` : ''}: ${text}`, plan.name, field);
}

/** Strict: throws `code`. Liberal: records the warning. */
function deviation(
  cx: DecodeContext,
  plan: MessagePlan,
  field: string | undefined,
  kind: DecodeWarningKind,
  detail: string,
  code: CtiProtocolErrorCode,
): void {
  if (cx.strict) fail(code, plan, field, detail);
  const w: DecodeWarning = { messageType: plan.name, messageTypeId: plan.id, field, kind, detail };
  if (cx.warnings === undefined) cx.warnings = [w];
  else cx.warnings.push(w);
}

/** Keeps a field the message cannot hold as a value, with its raw bytes. */
function keep(m: CtiMessage, tag: number, buf: Buffer, off: number, len: number): void {
  const item = { tag, data: Buffer.from(buf.subarray(off, off + len)) };
  if (m.unknownFields === undefined) m.unknownFields = [item];
  else m.unknownFields.push(item);
}

function nulIndex(buf: Buffer, start: number, end: number): number {
  let i = start;
  while (i < end && buf[i] !== 0) i++;
  return i;
}

function cString(buf: Buffer, start: number, end: number): string {
  return latin1(buf, start, nulIndex(buf, start, end));
}

function tooLong(cx: DecodeContext, plan: MessagePlan, f: FloatPlan, len: number): void {
  deviation(cx, plan, f.key, 'string-too-long', `${len} bytes; the limit is ${f.max}`, 'E_CTI_INVALID_FIELD_LENGTH');
}

/**
 * The text of a NUL-terminated string field occupying [off, end): what precedes the first NUL. A missing NUL
 * (all bytes are the text) and characters after the NUL (dropped) are deviations.
 */
function terminated(
  cx: DecodeContext,
  plan: MessagePlan,
  field: string,
  buf: Buffer,
  off: number,
  end: number,
): string {
  const z = nulIndex(buf, off, end);
  if (z === end) {
    deviation(cx, plan, field, 'other', 'STRING is not NUL-terminated', 'E_CTI_BAD_MESSAGE_FORMAT');
  } else {
    // NUL padding after the terminator is harmless; text after it is not part of the value.
    for (let i = z + 1; i < end; i++) {
      if (buf[i] !== 0) {
        deviation(
          cx,
          plan,
          field,
          'invalid-character',
          'characters after the NUL terminator',
          'E_CTI_INVALID_CHARACTER',
        );
        break;
      }
    }
  }
  return latin1(buf, off, z);
}

export const decoderHelpers: DecoderHelpers = {
  cString,
  str(cx, plan, f, buf, off, len) {
    if (len > f.max) tooLong(cx, plan, f, len);
    // Unsure: a zero-length STRING has no NUL; taken as the empty string rather than an error.
    if (len === 0) return '';
    const last = off + len - 1;
    // The common case, a NUL at the end and none before it, costs one scan.
    const z = nulIndex(buf, off, last);
    if (z === last && buf[last] === 0) return latin1(buf, off, last);
    return terminated(cx, plan, f.key, buf, off, off + len);
  },
  unspec(cx, plan, f, buf, off, len) {
    if (len > f.max) tooLong(cx, plan, f, len);
    return Buffer.from(buf.subarray(off, off + len));
  },
  nvar(cx, plan, f, buf, off, len) {
    if (len > f.max) tooLong(cx, plan, f, len);
    const end = off + len;
    const z = nulIndex(buf, off, end);
    const name = latin1(buf, off, z);
    if (z >= end - 1) {
      deviation(
        cx,
        plan,
        f.key,
        'other',
        'expected a NUL-terminated name followed by a NUL-terminated value',
        'E_CTI_BAD_MESSAGE_FORMAT',
      );
      return { name, value: '' };
    }
    return { name, value: terminated(cx, plan, f.key, buf, z + 1, end) };
  },
  narr(cx, plan, f, m, tag, buf, off, len) {
    if (len < 3) {
      deviation(
        cx,
        plan,
        f.key,
        'bad-field-length',
        `NAMEDARRAY element of ${len} bytes is too short`,
        'E_CTI_BAD_MESSAGE_FORMAT',
      );
      keep(m, tag, buf, off, len);
      return undefined;
    }
    const v = decoderHelpers.nvar(cx, plan, f, buf, off + 1, len - 1);
    return { name: v.name, index: buf[off], value: v.value };
  },
  taskId(cx, plan, f, m, tag, buf, off, len) {
    if (len !== 12) {
      decoderHelpers.badLength(cx, plan, f, m, tag, buf, off, len, 12);
      return undefined;
    }
    return {
      taskGroupHigh: buf.readInt32BE(off),
      taskGroupLow: buf.readInt32BE(off + 4),
      sequenceNumber: buf.readInt32BE(off + 8),
    };
  },
  badLength(cx, plan, f, m, tag, buf, off, len, want) {
    deviation(
      cx,
      plan,
      f.key,
      'bad-field-length',
      `${f.type} field has ${len} bytes; it must have ${want}`,
      'E_CTI_INVALID_FIELD_LENGTH',
    );
    keep(m, tag, buf, off, len);
  },
  duplicate(cx, plan, f, m, tag, buf, off, len) {
    deviation(
      cx,
      plan,
      f.key,
      'count-mismatch',
      'field occurs more than once; the first is the value, the others are kept in unknownFields',
      'E_CTI_BAD_MESSAGE_FORMAT',
    );
    keep(m, tag, buf, off, len);
  },
  unknownTag(cx, plan, m, tag, buf, off, len) {
    const known = TAG_BY_NUMBER.get(tag);
    if (known !== undefined) {
      deviation(
        cx,
        plan,
        known.name,
        'unknown-tag',
        `tag ${tag} does not belong to this message; kept in unknownFields`,
        'E_CTI_INVALID_TAG_FOR_MSG_TYPE',
      );
    } else {
      if (cx.strict) fail('E_CTI_INVALID_FIELD_TAG', plan, undefined, `unknown floating tag ${tag}`);
      deviation(
        cx,
        plan,
        `tag ${tag}`,
        'unknown-tag',
        `unknown floating tag ${tag}; kept in unknownFields`,
        'E_CTI_INVALID_FIELD_TAG',
      );
    }
    if (tag === 0) cx.suspect = true;
    // A newer server's or a vendor's field is kept, not dropped.
    keep(m, tag, buf, off, len);
  },
  outOfOrder(cx, plan, f) {
    deviation(
      cx,
      plan,
      f.key,
      'out-of-order',
      `arrived before the ${f.follows?.key ?? 'field'} it must follow`,
      'E_CTI_BAD_MESSAGE_FORMAT',
    );
  },
  tooMany(cx, plan, f) {
    deviation(
      cx,
      plan,
      f.key,
      'count-mismatch',
      `more than ${f.maxCount} entries; all are kept`,
      'E_CTI_BAD_MESSAGE_FORMAT',
    );
  },
  countMismatch(cx, plan, count, said, present) {
    // Unsure: the guide names a status only for the ECC counts; other count mismatches are E_CTI_BAD_MESSAGE_FORMAT.
    const code: CtiProtocolErrorCode =
      count.name === 'NumNamedVariables'
        ? 'E_CTI_INVALID_NUM_NAMED_VARIABLES'
        : count.name === 'NumNamedArrays'
          ? 'E_CTI_INVALID_NUM_NAMED_ARRAYS'
          : 'E_CTI_BAD_MESSAGE_FORMAT';
    deviation(cx, plan, count.key, 'count-mismatch', `says ${said} but ${present} arrived`, code);
  },
  missing(cx, plan, f) {
    deviation(cx, plan, f.key, 'other', 'required field is missing', 'E_CTI_REQUIRED_DATA_MISSING');
    cx.suspect = true;
  },
  stray(cx, plan, n) {
    deviation(
      cx,
      plan,
      undefined,
      'other',
      `${n} stray byte(s) where a floating field header should be`,
      'E_CTI_INVALID_FIELD_LENGTH',
    );
    cx.suspect = true;
  },
  past(plan, tag, len, overrun) {
    fail(
      'E_CTI_INVALID_FIELD_LENGTH',
      plan,
      plan.byTag[tag]?.key ?? `tag ${tag}`,
      `field of ${len} bytes runs ${overrun} byte(s) past the end of the message`,
    );
  },
};
