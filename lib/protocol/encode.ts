import type { CodecOptions, CtiMessage } from './types';
import { CtiProtocolError } from './errors';
import { getPlan, messageTypeId, type MessagePlan } from './catalog';
import { DEFAULT_MAX_MESSAGE_LENGTH } from './decode';
import type { CompiledEncoder } from './encoder-source';
import { ENCODERS } from './generated/encoders';
import { generatedFor } from './generated-codec';
import { writer } from './encode-helpers';

export { MAX_ECC_BYTES } from './encode-helpers';

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
  const row = encoderRows[version];
  let entry = row === undefined ? undefined : row.get(msg.messageType);
  if (entry === undefined) entry = entryFor(msg, version);
  writer.off = 0;
  if (entry === null) writeRaw(msg, version);
  else entry.encoder(msg, writer, entry.plan);
  const total = writer.off;
  const max =
    opts === undefined || opts.maxMessageLength === undefined ? DEFAULT_MAX_MESSAGE_LENGTH : opts.maxMessageLength;
  if (total > max) {
    throw new CtiProtocolError(
      'E_CTI_INVALID_MESSAGE_LENGTH',
      `${msg.messageType} would be ${total} bytes; the limit is ${max}`,
      msg.messageType,
    );
  }
  return writer.copy();
}

/** Encoders by version and message name, with their plans; null: the message has no layout there (raw body). */
const encoderRows: (Map<string, EncoderEntry | null> | undefined)[] = [];

interface EncoderEntry {
  plan: MessagePlan;
  encoder: CompiledEncoder;
}

function entryFor(msg: CtiMessage, version: number): EncoderEntry | null {
  const plan = getPlan(typeId(msg), version);
  const entry = plan === undefined ? null : { plan, encoder: generatedFor<CompiledEncoder>(ENCODERS, plan, 'encoder') };
  // 'UNKNOWN' names no one type: its id comes from each message.
  if (msg.messageType !== 'UNKNOWN') {
    let row = encoderRows[version];
    if (row === undefined) row = encoderRows[version] = new Map();
    row.set(msg.messageType, entry);
  }
  return entry;
}

function typeId(msg: CtiMessage): number {
  const id = msg.messageType === 'UNKNOWN' ? msg.messageTypeId : messageTypeId(msg.messageType);
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > 0xffffffff) {
    throw new CtiProtocolError('E_CTI_BAD_MESSAGE_FORMAT', `unknown messageType "${msg.messageType}"`, msg.messageType);
  }
  return id;
}

/** A message without a layout in this version: header + `body` as given. */
function writeRaw(msg: CtiMessage, version: number): void {
  const body = msg.body;
  if (!(body instanceof Uint8Array)) {
    throw new CtiProtocolError(
      'E_CTI_BAD_MESSAGE_FORMAT',
      `${msg.messageType} has no field layout for protocol version ${version}; give its body as a Buffer`,
      msg.messageType,
      'body',
    );
  }
  writer.u32(body.length);
  writer.u32(typeId(msg));
  writer.bytes(body);
}
