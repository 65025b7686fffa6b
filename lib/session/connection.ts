/**
 * One TCP (or TLS) link to one CTI Server side: connect with a timeout, keepalive and no-delay, cut the
 * byte stream into frames, decode them, encode and write outgoing messages. It reports through callbacks
 * (not events) so nothing can be left listening on it once it is closed; it never throws from a socket
 * callback.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';
import {
  CtiProtocolError,
  FrameReader,
  decodeMessage,
  encodeMessage,
  type CodecOptions,
  type CtiMessage,
  type DecodeWarning,
} from '../protocol';
import { CtiConnectionError } from './errors';
import type { CtiEndpoint, CtiTlsOptions } from './options';

export interface ConnectionHandlers {
  onMessage(msg: CtiMessage): void;
  /** A single frame that could not be decoded; the stream itself is still in step. */
  onDecodeError(err: CtiProtocolError, frame: Buffer): void;
  /** A deviation in a frame that was decoded all the same (liberal decoding); called before its onMessage. */
  onDecodeWarning(w: DecodeWarning): void;
  /** The link is gone (error, end, reset, bad framing, destroy()). Called once. */
  onClose(err: Error | undefined): void;
  /** Every whole frame, header included, as read or written (recording). The buffer may be reused afterwards. */
  onFrame?(dir: 'in' | 'out', frame: Buffer): void;
}

export interface ConnectionOptions {
  endpoint: CtiEndpoint;
  side: 'A' | 'B';
  version: number;
  connectTimeoutMs: number;
  maxMessageLength: number;
  tls?: CtiTlsOptions;
}

export class CtiConnection {
  private socket: net.Socket | null = null;
  private readonly reader: FrameReader;
  private closed = false;
  private closeWaiters: Array<() => void> = [];
  /** While connect() is pending: settles it when the link is torn down first. */
  private abortConnect: ((err: Error) => void) | null = null;
  /** Milliseconds timestamp of the last frame received. */
  lastReceivedAt = 0;
  /** One options object for every decode: no allocation per frame. */
  private readonly decodeOptions: CodecOptions;

  constructor(
    private readonly opts: ConnectionOptions,
    private readonly handlers: ConnectionHandlers,
  ) {
    this.reader = new FrameReader({ maxMessageLength: opts.maxMessageLength });
    this.decodeOptions = {
      maxMessageLength: opts.maxMessageLength,
      onWarning: (w) => this.handlers.onDecodeWarning(w),
    };
  }

  get side(): 'A' | 'B' {
    return this.opts.side;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Resolves once connected (TLS: after the handshake); rejects with CtiConnectionError. */
  connect(): Promise<void> {
    const { endpoint, side, connectTimeoutMs } = this.opts;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (err: Error): void => {
        if (settled) return;
        settled = true;
        this.abortConnect = null;
        clearTimeout(timer);
        this.teardown(err, false);
        reject(err);
      };
      this.abortConnect = fail;
      const timer = setTimeout(
        () =>
          fail(
            new CtiConnectionError(
              side,
              `connect to ${endpoint.host}:${endpoint.port} timed out after ${connectTimeoutMs} ms`,
              undefined,
              'connect-timeout',
            ),
          ),
        connectTimeoutMs,
      );
      const sock = this.opts.tls
        ? tls.connect({
            host: endpoint.host,
            port: endpoint.port,
            ca: this.opts.tls.ca,
            cert: this.opts.tls.cert,
            key: this.opts.tls.key,
            servername: this.opts.tls.servername ?? (net.isIP(endpoint.host) ? undefined : endpoint.host),
            rejectUnauthorized: this.opts.tls.rejectUnauthorized ?? true,
          })
        : net.connect({ host: endpoint.host, port: endpoint.port });
      this.socket = sock;
      sock.setNoDelay(true);
      sock.setKeepAlive(true, 10000);
      sock.on('error', (err) => {
        const e = new CtiConnectionError(side, `${endpoint.host}:${endpoint.port}: ${this.describe(err)}`, err);
        if (!settled) fail(e);
        else this.teardown(e, true);
      });
      sock.on('close', () => {
        if (!settled)
          fail(
            new CtiConnectionError(
              side,
              `${endpoint.host}:${endpoint.port} closed the connection while connecting`,
              undefined,
              'closed-while-connecting',
            ),
          );
        else
          this.teardown(
            new CtiConnectionError(side, 'connection closed by the server', undefined, 'closed-by-server'),
            true,
          );
      });
      sock.on('data', (chunk: Buffer) => this.onData(chunk));
      sock.once(this.opts.tls ? 'secureConnect' : 'connect', () => {
        if (settled) return;
        settled = true;
        this.abortConnect = null;
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Encodes and writes. Throws CtiProtocolError (bad message) or CtiConnectionError (link gone). */
  send(msg: CtiMessage): void {
    if (this.closed || !this.socket)
      throw new CtiConnectionError(this.opts.side, 'not connected', undefined, 'not-connected');
    const frame = encodeMessage(msg, this.opts.version);
    this.handlers.onFrame?.('out', frame);
    this.socket.write(frame);
  }

  /** Ends gracefully (FIN), waiting at most `waitMs` for the socket to close before resetting it. */
  end(waitMs: number): Promise<void> {
    if (this.closed || !this.socket) return Promise.resolve();
    const sock = this.socket;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.destroy(), waitMs);
      this.closeWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
      sock.end();
    });
  }

  /** Resets the link at once (the guide: reset the TCP connection). onClose gets `reason`. */
  destroy(reason?: Error): void {
    this.teardown(reason, true);
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.lastReceivedAt = Date.now();
    try {
      this.reader.feed(chunk, (frame) => this.onFrame(frame));
    } catch (err) {
      // A bad MessageLength: the stream cannot be resynchronised, drop the link. The key leaves out the random
      // length and type the detail carries, so the same fault is logged once however often it comes.
      const code = err instanceof CtiProtocolError ? err.code : 'unknown';
      const message = err instanceof Error ? err.message : String(err);
      this.teardown(
        new CtiConnectionError(this.opts.side, `unusable frame from the server: ${message}`, err, `bad-frame:${code}`),
        true,
      );
    }
  }

  /** A socket error in one line; a TLS failure says it is one (raw OpenSSL text names neither TLS nor a cause). */
  private describe(err: Error & { code?: unknown }): string {
    const text = err.message.replace(/\s*\n\s*/g, ' ').trim();
    const code = typeof err.code === 'string' ? err.code : '';
    if (this.opts.tls && (code.startsWith('ERR_SSL') || /SSL|TLS|certificate/i.test(text))) {
      return `TLS handshake failed (does the server speak TLS on this port? is its certificate trusted?): ${text}`;
    }
    return text;
  }

  private onFrame(frame: Buffer): void {
    if (this.closed) return;
    this.handlers.onFrame?.('in', frame);
    let msg: CtiMessage;
    try {
      msg = decodeMessage(frame, this.opts.version, this.decodeOptions);
    } catch (err) {
      if (err instanceof CtiProtocolError) {
        this.handlers.onDecodeError(err, Buffer.from(frame));
        return;
      }
      throw err;
    }
    this.handlers.onMessage(msg);
  }

  private teardown(err: Error | undefined, notify: boolean): void {
    if (this.closed) return;
    const abort = this.abortConnect;
    if (abort) {
      // destroy() while connecting: the rejected connect() is the only notification.
      this.abortConnect = null;
      abort(err ?? new CtiConnectionError(this.opts.side, 'connection attempt aborted', undefined, 'aborted'));
      return;
    }
    this.closed = true;
    const sock = this.socket;
    if (sock) {
      sock.removeAllListeners('data');
      sock.removeAllListeners('connect');
      sock.removeAllListeners('secureConnect');
      sock.removeAllListeners('close');
      sock.removeAllListeners('error');
      // A late socket error after teardown must not become an uncaught 'error'.
      sock.on('error', () => undefined);
      if (!sock.destroyed) {
        if (
          typeof (sock as net.Socket).resetAndDestroy === 'function' &&
          !this.opts.tls &&
          sock.readyState === 'open'
        ) {
          (sock as net.Socket).resetAndDestroy();
        } else {
          sock.destroy();
        }
      }
    }
    this.reader.reset();
    const waiters = this.closeWaiters;
    this.closeWaiters = [];
    for (const w of waiters) w();
    if (notify) this.handlers.onClose(err);
  }
}
