/**
 * FrameReader: a TCP byte stream, however it is chunked, becomes the same sequence of whole frames; a header
 * announcing more than the maximum breaks the stream for good (it cannot be resynchronised).
 */
import { strict as assert } from 'assert';
import { CtiProtocolError, FrameReader, decodeMessage } from '../../lib/protocol';
import { Bytes, frame, fstr } from './test-buffers';

/** Frames of several shapes, built independently of the codec: empty body, small, odd sizes, a larger one. */
function sampleFrames(): Buffer[] {
  return [
    frame(5, new Bytes().u32(1)), // HEARTBEAT_REQ
    frame(277, new Bytes()), // header only (empty body)
    frame(
      24,
      new Bytes()
        .u32(7)
        .u32(5000)
        .u16(17)
        .u16(1)
        .u32(0x01000001)
        .bytes(fstr(24, 25, '16777217')),
    ), // END_CALL_EVENT
    frame(9999, new Bytes().raw('01')), // unknown type, 1-byte body
    frame(31, new Bytes().raw('00'.repeat(300))), // bigger than a 1-byte length could say
    frame(2, new Bytes().u32(0x11)), // FAILURE_EVENT
  ];
}

function collect(reader: FrameReader, chunks: Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  // Copy each frame so the test does not depend on whether the reader hands out views.
  for (const c of chunks) reader.feed(c, (f) => out.push(Buffer.from(f)));
  return out;
}

function hexes(frames: Buffer[]): string[] {
  return frames.map((f) => f.toString('hex'));
}

function expectLengthError(fn: () => void, messageType?: string): CtiProtocolError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof CtiProtocolError, `expected a CtiProtocolError, got ${String(caught)}`);
  assert.equal(caught.code, 'E_CTI_INVALID_MESSAGE_LENGTH');
  if (messageType !== undefined) assert.equal(caught.messageType, messageType);
  return caught;
}

describe('FrameReader', () => {
  const frames = sampleFrames();
  const stream = Buffer.concat(frames);
  const expected = hexes(frames);

  it('yields every frame from one chunk', () => {
    assert.deepStrictEqual(hexes(collect(new FrameReader(), [stream])), expected);
  });

  it('yields identical frames for a two-piece split at every byte boundary', () => {
    for (let i = 0; i <= stream.length; i++) {
      const got = hexes(collect(new FrameReader(), [stream.subarray(0, i), stream.subarray(i)]));
      assert.deepStrictEqual(got, expected, `split at ${i}`);
    }
  });

  it('yields identical frames for a three-piece split at every pair of boundaries in the first frames', () => {
    const limit = frames[0].length + frames[1].length + frames[2].length + 2;
    for (let i = 0; i <= limit; i++) {
      for (let j = i; j <= limit; j++) {
        const got = hexes(
          collect(new FrameReader(), [stream.subarray(0, i), stream.subarray(i, j), stream.subarray(j)]),
        );
        assert.deepStrictEqual(got, expected, `split at ${i}, ${j}`);
      }
    }
  });

  it('yields identical frames from 1-byte chunks', () => {
    const chunks = Array.from(stream, (b) => Buffer.from([b]));
    const reader = new FrameReader();
    assert.deepStrictEqual(hexes(collect(reader, chunks)), expected);
    assert.equal(reader.pendingBytes, 0);
  });

  it('accepts empty chunks anywhere', () => {
    const chunks: Buffer[] = [];
    for (let i = 0; i < stream.length; i += 7) chunks.push(Buffer.alloc(0), stream.subarray(i, i + 7));
    chunks.push(Buffer.alloc(0));
    assert.deepStrictEqual(hexes(collect(new FrameReader(), chunks)), expected);
  });

  it('reports the bytes held for an incomplete frame', () => {
    const reader = new FrameReader();
    const got = collect(reader, [stream.subarray(0, frames[0].length + 3)]);
    assert.equal(got.length, 1);
    assert.equal(reader.pendingBytes, 3);
  });

  it('frames handed out stay intact after the reader goes on', () => {
    const reader = new FrameReader();
    const seen: Buffer[] = [];
    const chunks = Array.from(stream, (b) => Buffer.from([b]));
    for (const c of chunks) reader.feed(c, (f) => seen.push(f)); // no copy
    assert.deepStrictEqual(hexes(seen), expected);
  });

  it('a 12,500-byte frame (the default maximum) arriving in 1-byte chunks is delivered whole and decodes', () => {
    const big = frame(9000, new Bytes().raw('ab'.repeat(12500 - 8)));
    assert.equal(big.length, 12500);
    const reader = new FrameReader();
    const out: Buffer[] = [];
    for (let i = 0; i < big.length; i++) reader.feed(big.subarray(i, i + 1), (f) => out.push(f));
    assert.equal(out.length, 1);
    assert.ok(out[0].equals(big));
    const msg = decodeMessage(out[0], 24);
    assert.equal(msg.messageType, 'UNKNOWN');
    assert.equal(msg.messageTypeId, 9000);
    assert.equal(msg.body.length, 12492);
  });

  describe('oversized MessageLength', () => {
    const tooBig = new Bytes()
      .u32(12500 - 8 + 1)
      .u32(9)
      .build(); // CALL_DELIVERED_EVENT header, 12,501 bytes total

    it('throws E_CTI_INVALID_MESSAGE_LENGTH naming the message type, and keeps throwing', () => {
      const reader = new FrameReader();
      expectLengthError(() => reader.feed(tooBig, () => assert.fail('no frame expected')), 'CALL_DELIVERED_EVENT');
      expectLengthError(() => reader.feed(frames[0], () => assert.fail('stream is broken')));
      expectLengthError(() => reader.feed(Buffer.alloc(0), () => assert.fail('stream is broken')));
    });

    it('throws when the oversized header arrives one byte at a time', () => {
      const reader = new FrameReader();
      for (let i = 0; i < 7; i++) reader.feed(tooBig.subarray(i, i + 1), () => assert.fail('no frame expected'));
      expectLengthError(() => reader.feed(tooBig.subarray(7, 8), () => assert.fail('no frame expected')));
      expectLengthError(() => reader.feed(frames[0], () => assert.fail('stream is broken')));
    });

    it('delivers the good frames before the bad header, then throws', () => {
      const reader = new FrameReader();
      const got: Buffer[] = [];
      expectLengthError(() =>
        reader.feed(Buffer.concat([frames[0], frames[2], tooBig]), (f) => got.push(Buffer.from(f))),
      );
      assert.deepStrictEqual(
        hexes(got),
        [frames[0], frames[2]].map((f) => f.toString('hex')),
      );
    });

    it('an unknown type in the bad header still gives a typed error', () => {
      const reader = new FrameReader();
      const e = expectLengthError(() =>
        reader.feed(new Bytes().u32(0xffffffff).u32(0xdeadbeef).build(), () => undefined),
      );
      assert.equal(e.messageType, undefined);
    });

    it('reset() makes the reader usable for a new connection', () => {
      const reader = new FrameReader();
      expectLengthError(() => reader.feed(tooBig, () => undefined));
      reader.reset();
      assert.deepStrictEqual(hexes(collect(reader, [stream])), expected);
    });

    it('exactly the maximum is accepted', () => {
      const reader = new FrameReader();
      const header = new Bytes()
        .u32(12500 - 8)
        .u32(9)
        .build();
      reader.feed(header, () => assert.fail('frame is incomplete'));
      assert.equal(reader.pendingBytes, 8);
    });
  });

  describe('configurable maximum', () => {
    it('maxMessageLength: 100 accepts a 100-byte frame and refuses a 101-byte one', () => {
      const ok = frame(9999, new Bytes().raw('00'.repeat(92)));
      const bad = frame(9999, new Bytes().raw('00'.repeat(93)));
      const reader = new FrameReader({ maxMessageLength: 100 });
      assert.equal(collect(reader, [ok]).length, 1);
      expectLengthError(() => reader.feed(bad, () => assert.fail('over the configured maximum')));
    });

    it('a raised maximum lets a 20,000-byte frame through in 1460-byte chunks', () => {
      const big = frame(9000, new Bytes().raw('5a'.repeat(20000 - 8)));
      const reader = new FrameReader({ maxMessageLength: 20000 });
      const chunks: Buffer[] = [];
      for (let i = 0; i < big.length; i += 1460) chunks.push(big.subarray(i, i + 1460));
      const got = collect(reader, chunks);
      assert.equal(got.length, 1);
      assert.ok(got[0].equals(big));
      expectLengthError(() => new FrameReader().feed(big, () => undefined));
    });
  });
});
