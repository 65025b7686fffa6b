/**
 * The golden-vector check the hand-written byte specs share: one message, its reference bytes built with the
 * codec-independent builder (test-buffers.ts), both directions asserted at each listed protocol version.
 */
import { strict as assert } from 'assert';
import { decodeMessage, encodeMessage, type CtiMessage } from '../../lib/protocol';
import { type Bytes, frame } from './test-buffers';

export interface Vector {
  msg: CtiMessage;
  body: Bytes;
}

/** encodeMessage(msg) gives exactly the frame, and decodeMessage(frame) gives exactly the message. */
export function golden(label: string, versions: number[], type: number, make: (v: number) => Vector): void {
  for (const v of versions) {
    describe(`${label} v${v}`, () => {
      const { msg, body } = make(v);
      const bytes = frame(type, body);
      it('encodes to the reference bytes', () => {
        assert.equal(encodeMessage(msg, v).toString('hex'), bytes.toString('hex'));
      });
      it('decodes the reference bytes to the message', () => {
        assert.deepStrictEqual(decodeMessage(bytes, v), msg);
      });
    });
  }
}
