import { CtiProtocolError } from './errors';
import { DEFAULT_MAX_MESSAGE_LENGTH, HEADER_SIZE } from './decode';
import { messageTypeName } from './catalog';

export interface FrameReaderOptions {
  /** Largest whole message accepted, header included. Default 12,500 (the guide's maximum). */
  maxMessageLength?: number;
}

/**
 * Cuts a TCP byte stream, however it is chunked, into whole frames (header + body).
 *
 * Whole frames inside a chunk are handed out as views of that chunk, without copying. Only a frame that
 * straddles chunks is assembled, into one buffer of its exact size allocated once its header is known,
 * so a large frame arriving in many small chunks is copied once, not re-concatenated per chunk.
 * Emitted frames are never written to afterwards.
 */
export class FrameReader {
  private readonly max: number;
  private readonly head = Buffer.alloc(HEADER_SIZE);
  /** The frame being assembled across chunks, once its header is complete. */
  private partial: Buffer | null = null;
  /** Bytes of the straddling frame received so far (header included). */
  private filled = 0;
  private broken: CtiProtocolError | null = null;

  constructor(opts?: FrameReaderOptions) {
    this.max = opts?.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH;
  }

  /** Bytes held for an incomplete frame. */
  get pendingBytes(): number {
    return this.filled;
  }

  /**
   * Feeds one chunk; `onFrame` is called synchronously for each complete frame, in order.
   * Throws a CtiProtocolError (E_CTI_INVALID_MESSAGE_LENGTH) when a header announces a frame over the
   * limit: the stream cannot be resynchronised after that, so every later call throws the same error and
   * the connection must be dropped.
   */
  feed(chunk: Buffer, onFrame: (frame: Buffer) => void): void {
    if (this.broken !== null) throw this.broken;
    let pos = 0;
    if (this.filled > 0) {
      pos = this.continuePartial(chunk);
      if (this.filled > 0) return; // chunk consumed, frame still incomplete
      const frame = this.partial!;
      this.partial = null;
      onFrame(frame);
    }
    const len = chunk.length;
    while (len - pos >= HEADER_SIZE) {
      const total = this.checkedTotal(chunk.readUInt32BE(pos), chunk.readUInt32BE(pos + 4));
      if (len - pos < total) break;
      const frame = chunk.subarray(pos, pos + total);
      pos += total;
      onFrame(frame);
    }
    if (pos < len) this.startPartial(chunk, pos);
  }

  /** Forgets any incomplete frame (a new connection starts clean). */
  reset(): void {
    this.partial = null;
    this.filled = 0;
    this.broken = null;
  }

  private checkedTotal(bodyLength: number, typeId: number): number {
    const total = bodyLength + HEADER_SIZE;
    if (total > this.max) {
      const name = messageTypeName(typeId) ?? `type ${typeId}`;
      this.broken = new CtiProtocolError(
        'E_CTI_INVALID_MESSAGE_LENGTH',
        `${name}: MessageLength ${bodyLength} (+8 header) exceeds the maximum of ${this.max} bytes; the stream cannot be resynchronised`,
        messageTypeName(typeId),
      );
      this.partial = null;
      this.filled = 0;
      throw this.broken;
    }
    return total;
  }

  private startPartial(chunk: Buffer, pos: number): void {
    const rest = chunk.length - pos;
    if (rest < HEADER_SIZE) {
      chunk.copy(this.head, 0, pos);
      this.filled = rest;
      return;
    }
    const total = this.checkedTotal(chunk.readUInt32BE(pos), chunk.readUInt32BE(pos + 4));
    this.partial = Buffer.allocUnsafe(total);
    chunk.copy(this.partial, 0, pos);
    this.filled = rest;
  }

  /** Adds the chunk's bytes to the straddling frame; returns how many bytes of the chunk were used. */
  private continuePartial(chunk: Buffer): number {
    let pos = 0;
    if (this.partial === null) {
      const need = HEADER_SIZE - this.filled;
      const n = Math.min(need, chunk.length);
      chunk.copy(this.head, this.filled, 0, n);
      this.filled += n;
      pos = n;
      if (this.filled < HEADER_SIZE) return pos;
      const total = this.checkedTotal(this.head.readUInt32BE(0), this.head.readUInt32BE(4));
      this.partial = Buffer.allocUnsafe(total);
      this.head.copy(this.partial, 0, 0, HEADER_SIZE);
    }
    const frame = this.partial;
    const n = Math.min(frame.length - this.filled, chunk.length - pos);
    chunk.copy(frame, this.filled, pos, pos + n);
    this.filled += n;
    pos += n;
    if (this.filled === frame.length) this.filled = 0;
    return pos;
  }
}
