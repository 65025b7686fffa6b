/**
 * One growable output buffer reused for every message, so encoding allocates only the final copy.
 */
export class BufferWriter {
  private buf: Buffer;
  private off = 0;

  constructor(initialSize = 4096) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  get length(): number {
    return this.off;
  }

  reset(): void {
    this.off = 0;
  }

  private ensure(n: number): void {
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
    this.buf.writeUInt16BE(v, this.off);
    this.off += 2;
  }

  i16(v: number): void {
    this.ensure(2);
    this.buf.writeInt16BE(v, this.off);
    this.off += 2;
  }

  u32(v: number): void {
    this.ensure(4);
    this.buf.writeUInt32BE(v, this.off);
    this.off += 4;
  }

  i32(v: number): void {
    this.ensure(4);
    this.buf.writeInt32BE(v, this.off);
    this.off += 4;
  }

  /** Writes a string one byte per character (the caller has checked every code is ≤ 0xFF). */
  latin1(s: string): void {
    this.ensure(s.length);
    this.off += this.buf.write(s, this.off, s.length, 'latin1');
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.off);
    this.off += b.length;
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
    this.buf.writeUInt16BE(v, at);
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
