import type { CodecOptions, CtiMessage } from './types';
import { CtiProtocolError } from './errors';
import { getPlan, messageTypeId, type MessagePlan } from './catalog';
import { DEFAULT_MAX_MESSAGE_LENGTH, HEADER_SIZE } from './decode';
import { compileEncoder, type CompiledEncoder } from './compile-encoder';
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
    let encoder = encoders.get(plan);
    if (encoder === undefined) {
      encoder = compileEncoder(plan);
      encoders.set(plan, encoder);
    }
    encoder(msg, writer);
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

const encoders = new WeakMap<MessagePlan, CompiledEncoder>();
