/**
 * One growable output buffer reused for every message, so encoding allocates only the final copy.
 * `buf` and `off` are public so the encoder's hot loops can write bytes without a call per byte.
 */
export class BufferWriter {
  buf: Buffer;
  off = 0;

  constructor(initialSize = 16384) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  get length(): number {
    return this.off;
  }

  reset(): void {
    this.off = 0;
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    const need = this.off + n;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.off);
    this.buf = next;
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.off++] = v;
  }

  u16(v: number): void {
    this.ensure(2);
    const b = this.buf;
    const o = this.off;
    b[o] = v >>> 8;
    b[o + 1] = v & 0xff;
    this.off = o + 2;
  }

  u32(v: number): void {
    this.ensure(4);
    const b = this.buf;
    const o = this.off;
    b[o] = v >>> 24;
    b[o + 1] = (v >>> 16) & 0xff;
    b[o + 2] = (v >>> 8) & 0xff;
    b[o + 3] = v & 0xff;
    this.off = o + 4;
  }

  bytes(src: Uint8Array): void {
    this.ensure(src.length);
    this.buf.set(src, this.off);
    this.off += src.length;
  }

  zeros(n: number): void {
    this.ensure(n);
    this.buf.fill(0, this.off, this.off + n);
    this.off += n;
  }

  /** Overwrites a UINT32 at an earlier position (the header's MessageLength). */
  patchU32(at: number, v: number): void {
    this.buf.writeUInt32BE(v, at);
  }

  patchU16(at: number, v: number): void {
    this.buf[at] = v >>> 8;
    this.buf[at + 1] = v & 0xff;
  }

  patchU8(at: number, v: number): void {
    this.buf[at] = v;
  }

  /** A copy of everything written: the writer's buffer is reused by the next message. */
  copy(): Buffer {
    const out = Buffer.allocUnsafe(this.off);
    this.buf.copy(out, 0, 0, this.off);
    return out;
  }
}
