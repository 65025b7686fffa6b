import type { CodecOptions, CtiMessage } from './types';
import type { DecodeWarning } from './warnings';
import { CtiProtocolError } from './errors';
import { getPlan, messageTypeName, type MessagePlan } from './catalog';
import type { CompiledDecoder } from './decoder-source';
import { DECODERS } from './generated/decoders';
import { generatedFor } from './generated-codec';
import type { DecodeContext } from './decode-helpers';

export const HEADER_SIZE = 8;
export const DEFAULT_MAX_MESSAGE_LENGTH = 12500;

/**
 * Decodes one whole frame (8-byte header + body) in the session's protocol version.
 *
 * Liberal by default: a deviation from the reference (an over-long string, a count that disagrees with the
 * entries present, an unknown tag, a fixed part longer than this version's, a group member out of order, …)
 * is reported to `opts.onWarning` and the message is returned with what could be read. Only a frame that
 * cannot be framed, whose fixed part is too short, or whose floating field runs past its end throws.
 * With `{ strict: true }` every deviation throws. Every failure is a CtiProtocolError; nothing else is
 * thrown for any input (an exception thrown by `onWarning` itself passes through).
 */
export function decodeMessage(frame: Buffer, version: number, opts?: CodecOptions): CtiMessage {
  if (frame.length < HEADER_SIZE) {
    throw new CtiProtocolError(
      'E_CTI_INVALID_MESSAGE_LENGTH',
      `frame of ${frame.length} bytes is shorter than the 8-byte message header`,
    );
  }
  const bodyLength = ((frame[0] << 24) | (frame[1] << 16) | (frame[2] << 8) | frame[3]) >>> 0;
  const typeId = ((frame[4] << 24) | (frame[5] << 16) | (frame[6] << 8) | frame[7]) >>> 0;
  const max =
    opts === undefined || opts.maxMessageLength === undefined ? DEFAULT_MAX_MESSAGE_LENGTH : opts.maxMessageLength;
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
  const row = entries[version];
  const entry = (row !== undefined && typeId < TABLE_SIZE ? row[typeId] : undefined) ?? entryFor(typeId, version);
  if (entry === null) {
    const name = messageTypeName(typeId);
    const body = Buffer.from(frame.subarray(HEADER_SIZE));
    return name === undefined
      ? { messageType: 'UNKNOWN', messageTypeId: typeId, body }
      : { messageType: name, messageTypeId: typeId, body };
  }
  const { plan, decoder } = entry;
  if (frame.length - HEADER_SIZE < plan.fixedSize) {
    throw new CtiProtocolError(
      'E_CTI_BAD_MESSAGE_FORMAT',
      `${plan.name}: fixed part is ${frame.length - HEADER_SIZE} bytes; protocol version ${version} needs ${plan.fixedSize}`,
      plan.name,
    );
  }
  const start = HEADER_SIZE + plan.fixedSize;
  const end = frame.length;
  cx.warnings = undefined;
  cx.suspect = false;
  if (opts?.strict === true) {
    cx.strict = true;
    return decoder(frame, start, end, cx, plan);
  }
  cx.strict = false;
  let msg: CtiMessage | undefined;
  let unreadable: unknown;
  try {
    msg = decoder(frame, start, end, cx, plan);
  } catch (err) {
    unreadable = err;
  }
  if (unreadable !== undefined || cx.suspect) {
    const skip = extraFixedBytes(plan, frame, start, end);
    if (skip > 0) {
      cx.warnings = undefined;
      msg = decoder(frame, start + skip, end, cx, plan);
      const longer: DecodeWarning = {
        messageType: plan.name,
        messageTypeId: plan.id,
        kind: 'fixed-part-longer',
        detail: `fixed part has ${skip} byte(s) more than protocol version ${version}'s ${plan.fixedSize}; skipped`,
      };
      cx.warnings = cx.warnings === undefined ? [longer] : [longer, ...cx.warnings];
    } else if (unreadable !== undefined) {
      throw unreadable;
    }
  }
  const warnings = cx.warnings;
  if (warnings !== undefined) {
    cx.warnings = undefined;
    const onWarning = opts?.onWarning;
    if (onWarning !== undefined) for (const w of warnings) onWarning(w);
  }
  return msg!;
}

interface DecoderEntry {
  plan: MessagePlan;
  decoder: CompiledDecoder;
}

/** entries[version][typeId]: null when the type has no layout in that version (its body is kept raw). */
const entries: (DecoderEntry | null | undefined)[][] = [];
/** Type ids below this are cached in the table above; others (none in the catalog) are looked up each time. */
const TABLE_SIZE = 4096;

function entryFor(typeId: number, version: number): DecoderEntry | null {
  const plan = getPlan(typeId, version);
  let entry: DecoderEntry | null = null;
  if (plan !== undefined) {
    entry = { plan, decoder: generatedFor<CompiledDecoder>(DECODERS, plan, 'decoder') };
  }
  if (typeId < TABLE_SIZE) {
    let row = entries[version];
    if (row === undefined) row = entries[version] = [];
    row[typeId] = entry;
  }
  return entry;
}
/** Reused by every decode: decoding is synchronous and warnings are handed out before the next one starts. */
const cx: DecodeContext = { strict: false, warnings: undefined, suspect: false };

/**
 * How far a newer server's fixed part may reach beyond the known one. Unsure: the reference does not say; releases
 * so far added a field or two at a time (PV19 DepartmentID: 4 bytes), so 64 bytes leaves ample room while keeping
 * the search for a damaged frame short.
 */
const MAX_EXTRA_FIXED_BYTES = 64;

/**
 * A newer server's fixed part is longer than the plan's: its floating part starts further on. Returns the
 * smallest number of bytes after the known fixed part from which the rest reads cleanly as floating fields
 * (each one complete, every tag one of this message's, every required field present); 0 when none does.
 */
function extraFixedBytes(plan: MessagePlan, buf: Buffer, start: number, end: number): number {
  const most = Math.min(end - start, MAX_EXTRA_FIXED_BYTES);
  for (let skip = 1; skip <= most; skip++) {
    if (readsCleanly(plan, buf, start + skip, end)) return skip;
  }
  return 0;
}

function readsCleanly(plan: MessagePlan, buf: Buffer, off: number, end: number): boolean {
  const wide = plan.version >= 20;
  const head = wide ? 4 : 2;
  let required = 0;
  while (off < end) {
    if (end - off < head) return false;
    const tag = wide ? (buf[off] << 8) | buf[off + 1] : buf[off];
    const len = wide ? (buf[off + 2] << 8) | buf[off + 3] : buf[off + 1];
    off += head + len;
    if (off > end) return false;
    const f = plan.byTag[tag];
    if (f === undefined) return false;
    // Counting required fields approximates "all present": a duplicated one is a deviation of its own.
    if (f.required) required++;
  }
  return required >= plan.required.length;
}
