import * as net from 'node:net';
import { type CtiMessage, decodeMessage, encodeMessage, FrameReader, ServiceMask } from '../../lib/protocol';

/** A bare CTI client on the codec, for tests: send messages, await the next one of a type. */
export class RawClient {
  readonly messages: CtiMessage[] = [];
  readonly chunks: Buffer[] = [];
  private cursor = 0;
  private readonly reader = new FrameReader();
  private wake: (() => void)[] = [];
  ended = false;
  readonly closed: Promise<void>;
  private invoke = 1;

  private constructor(
    readonly socket: net.Socket,
    public version: number,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.chunks.push(Buffer.from(chunk));
      try {
        this.reader.feed(chunk, (frame) => {
          try {
            this.messages.push(decodeMessage(Buffer.from(frame), this.version));
          } catch (err) {
            this.messages.push({ messageType: 'DECODE_ERROR', error: err, typeId: frame.readUInt32BE(4) });
          }
        });
      } catch (err) {
        this.messages.push({ messageType: 'STREAM_ERROR', error: err });
        socket.destroy();
      }
      this.notify();
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.ended = true;
        this.notify();
        resolve();
      }),
    );
  }

  static connect(port: number, version = 24, host = '127.0.0.1'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, host, () => resolve(new RawClient(s, version)));
      s.once('error', reject);
    });
  }

  nextInvokeId(): number {
    return this.invoke++;
  }

  private notify(): void {
    const w = this.wake;
    this.wake = [];
    for (const f of w) f();
  }

  send(msg: CtiMessage): void {
    this.socket.write(encodeMessage(msg, this.version));
  }

  sendRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** The next message (after the previous one returned) matching type or predicate. */
  async next(match: string | ((m: CtiMessage) => boolean), timeoutMs = 3000): Promise<CtiMessage> {
    const pred = typeof match === 'string' ? (m: CtiMessage) => m.messageType === match : match;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = this.cursor; i < this.messages.length; i++) {
        if (pred(this.messages[i])) {
          this.cursor = i + 1;
          return this.messages[i];
        }
      }
      if (this.ended)
        throw new Error(`connection closed while waiting for ${String(match)}; got ${this.typesSince(0).join(', ')}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${String(match)}; got ${this.typesSince(0).join(', ')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.wake.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Messages from the cursor up to and including the first matching one. */
  async until(match: string | ((m: CtiMessage) => boolean), timeoutMs = 3000): Promise<CtiMessage[]> {
    const start = this.cursor;
    await this.next(match, timeoutMs);
    return this.messages.slice(start, this.cursor);
  }

  typesSince(from: number): string[] {
    return this.messages.slice(from).map((m) => m.messageType);
  }

  /** Sends OPEN_REQ and returns the answer (OPEN_CONF or FAILURE_CONF). */
  async open(fields: Partial<CtiMessage> = {}): Promise<CtiMessage> {
    const invokeId = this.nextInvokeId();
    this.send({
      messageType: 'OPEN_REQ',
      invokeId,
      versionNumber: this.version,
      idleTimeout: 120,
      peripheralId: 0xffffffff,
      servicesRequested: ServiceMask.byName.CTI_SERVICE_ALL_EVENTS,
      callMsgMask: this.version >= 23 ? 0xffffffff : 0x0fffffff,
      agentStateMask: 0x3fff,
      configMsgMask: 0,
      clientId: 'test',
      clientPassword: Buffer.alloc(0),
      ...fields,
    });
    return this.next(
      (m) => (m.messageType === 'OPEN_CONF' || m.messageType === 'FAILURE_CONF') && m.invokeId === invokeId,
    );
  }

  /** Sends a request with a fresh InvokeID and awaits the message answering it. */
  async request(msg: CtiMessage): Promise<CtiMessage> {
    const invokeId = this.nextInvokeId();
    this.send({ ...msg, invokeId });
    return this.next((m) => m.invokeId === invokeId && m.messageType !== msg.messageType);
  }

  close(): void {
    this.socket.destroy();
  }
}

export const SVC = ServiceMask.byName;

/**
 * A copy of a whole frame without one floating field (found by walking the floating part after `fixedBodyLength`
 * bytes of fixed body): how a client that leaves an optional-looking field out lays out its message.
 */
export function withoutFloatingField(frame: Buffer, fixedBodyLength: number, tag: number, version: number): Buffer {
  const wide = version >= 20;
  const head = wide ? 4 : 2;
  const parts: Buffer[] = [frame.subarray(0, 8 + fixedBodyLength)];
  for (let at = 8 + fixedBodyLength; at < frame.length;) {
    const t = wide ? frame.readUInt16BE(at) : frame[at];
    const len = wide ? frame.readUInt16BE(at + 2) : frame[at + 1];
    if (t !== tag) parts.push(frame.subarray(at, at + head + len));
    at += head + len;
  }
  const out = Buffer.concat(parts);
  out.writeUInt32BE(out.length - 8, 0);
  return out;
}
