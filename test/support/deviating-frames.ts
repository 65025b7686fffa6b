/**
 * Call events that deviate from the protocol reference the way a real CTI Server might (a string one byte over
 * its documented maximum, a NumNamedVariables count that disagrees with the variables present), built as whole
 * frames for a test to write raw onto a connection.
 */
import assert from 'node:assert/strict';
import { encodeMessage, fieldKey, getMessageDef, HEADER_SIZE, type CtiMessage } from '../../lib/protocol';

/** ANI's tag; its documented maximum is 40 bytes. */
export const ANI_TAG = 8;
export const ANI_MAX = 40;

/** A CALL_DELIVERED_EVENT with every fixed field 0 and the given floating fields. */
export function callDelivered(version: number, callId: number, floating: Record<string, unknown> = {}): Buffer {
  const def = getMessageDef('CALL_DELIVERED_EVENT');
  assert.ok(def);
  const m: CtiMessage = {
    messageType: 'CALL_DELIVERED_EVENT',
    connectionDeviceIdType: 0,
    connectionCallId: callId,
    connectionDeviceId: '1001',
    ...floating,
  };
  for (const f of def.fixed) if (!('countOf' in f && f.countOf)) m[fieldKey(f.name)] ??= 0;
  return encodeMessage(m, version);
}

/** `frame` with one more floating field (USHORT tag and length: version 20+), MessageLength fixed up. */
export function withFloating(frame: Buffer, tag: number, value: Buffer): Buffer {
  const field = Buffer.alloc(4 + value.length);
  field.writeUInt16BE(tag, 0);
  field.writeUInt16BE(value.length, 2);
  value.copy(field, 4);
  const out = Buffer.concat([frame, field]);
  out.writeUInt32BE(out.length - HEADER_SIZE, 0);
  return out;
}

/** The offset of the first byte (after MessageLength) where two frames differ. */
function firstDifference(a: Buffer, b: Buffer): number {
  for (let i = 4; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  throw new Error('the frames do not differ');
}

/** A CALL_DELIVERED_EVENT whose ANI is one byte over its maximum (40 characters and the NUL). */
export function aniTooLong(version: number, callId: number, ani = 'A'.repeat(ANI_MAX)): Buffer {
  return withFloating(callDelivered(version, callId), ANI_TAG, Buffer.from(`${ani}\0`, 'latin1'));
}

/** A CALL_DELIVERED_EVENT with one ECC variable whose NumNamedVariables says 3. */
export function wrongVariableCount(version: number, callId: number): Buffer {
  const one = callDelivered(version, 0, { namedVariables: [{ name: 'user.case', value: 'c-1' }] });
  const two = callDelivered(version, 0, {
    namedVariables: [
      { name: 'user.case', value: 'c-1' },
      { name: 'user.x', value: 'x' },
    ],
  });
  const countAt = firstDifference(one, two);
  const f = callDelivered(version, callId, { namedVariables: [{ name: 'user.case', value: 'c-1' }] });
  f[countAt] = 3;
  return f;
}
