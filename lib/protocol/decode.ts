import type { CodecOptions, CtiMessage } from './types';
import { CtiProtocolError } from './errors';
import { getPlan, messageTypeName, type MessagePlan } from './catalog';
import { compileDecoder, type CompiledDecoder } from './compile-decoder';

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
  if (frame.length - HEADER_SIZE < plan.fixedSize) {
    throw new CtiProtocolError(
      'E_CTI_BAD_MESSAGE_FORMAT',
      `${plan.name}: fixed part is ${frame.length - HEADER_SIZE} bytes; protocol version ${version} needs ${plan.fixedSize}`,
      plan.name,
    );
  }
  let decoder = decoders.get(plan);
  if (decoder === undefined) {
    decoder = compileDecoder(plan);
    decoders.set(plan, decoder);
  }
  return decoder(frame, frame.length, opts?.strict === true);
}

const decoders = new WeakMap<MessagePlan, CompiledDecoder>();
