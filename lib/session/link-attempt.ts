/**
 * One attempt at one side, and everything that lives exactly as long as it: the connection, the wait for the
 * OPEN_CONF, the heartbeat and the InvokeIDs of the OPEN_REQ and HEARTBEAT_REQs. The session holds at most one
 * current attempt. retire() ends all of it at once, and from then on nothing the attempt's socket or timers
 * report reaches the session: a late callback of an old link cannot touch the new one.
 */
import type { CtiMessage, CtiProtocolError, DecodeWarning } from '../protocol';
import { CtiConnection } from './connection';
import { CtiConnectionError, CtiTimeoutError } from './errors';
import { Heartbeat } from './heartbeat';
import type { InvokeTable } from './invoke';
import type { CtiEndpoint, ResolvedOptions } from './options';

export interface AttemptHandlers {
  /** TCP (TLS) is up. */
  onConnected(): void;
  /** Every message received. `answers` says when it answers this attempt's own OPEN_REQ or a HEARTBEAT_REQ. */
  onMessage(msg: CtiMessage, answers?: 'OPEN_REQ' | 'HEARTBEAT_REQ'): void;
  onDecodeError(err: CtiProtocolError, frame: Buffer): void;
  /** A deviation in a frame decoded all the same (liberal decoding), before that frame's onMessage. */
  onDecodeWarning(w: DecodeWarning): void;
  /** Every whole frame read or written (the session's 'frame' event, for recorders). */
  onFrame?(dir: 'in' | 'out', frame: Buffer): void;
  /** The attempt failed or its link is gone; called at most once, never after retire(). */
  onFailed(err: Error, kind: 'link' | 'dead-link'): void;
}

export interface HeartbeatSettings {
  intervalMs: number;
  deadAfterIntervals: number;
  /** A heartbeat tick came more than an interval late: the event loop was blocked. */
  onLoopStall?(lateMs: number): void;
}

let nextLinkId = 1;

export class LinkAttempt {
  /** Unique per attempt, for taps that tell links apart ('link-message'). */
  readonly id = nextLinkId++;
  private readonly conn: CtiConnection;
  private retired = false;
  private openInvokeId = -1;
  private openTimer: NodeJS.Timeout | null = null;
  private heartbeat: Heartbeat | null = null;
  private readonly heartbeatIds = new Set<number>();
  private readonly retiredWaiters: Array<() => void> = [];

  constructor(
    readonly side: 'A' | 'B',
    endpoint: CtiEndpoint,
    version: number,
    o: Readonly<ResolvedOptions>,
    private readonly invokes: InvokeTable,
    private handlers: AttemptHandlers,
  ) {
    const { connectTimeoutMs, maxMessageLength, tls } = o;
    this.conn = new CtiConnection(
      { endpoint, side, version, connectTimeoutMs, maxMessageLength, tls },
      {
        onMessage: (msg) => this.onMessage(msg),
        onDecodeError: (err, frame) => {
          if (this.retired) return;
          this.heartbeat?.noteLife();
          this.handlers.onDecodeError(err, frame);
        },
        onDecodeWarning: (w) => {
          if (!this.retired) this.handlers.onDecodeWarning(w);
        },
        onClose: (err) => this.fail(err ?? new CtiConnectionError(side, 'connection closed')),
        onFrame: (dir, frame) => {
          if (!this.retired) this.handlers.onFrame?.(dir, frame);
        },
      },
    );
  }

  get isRetired(): boolean {
    return this.retired;
  }

  /** Connects; reports onConnected or onFailed (unless retired meanwhile). */
  connect(): void {
    this.conn.connect().then(
      () => {
        if (!this.retired) this.handlers.onConnected();
      },
      (err: Error) => this.fail(err),
    );
  }

  /** Allocates the OPEN_REQ's InvokeID and arms the wait for its answer. */
  armOpenTimer(timeoutMs: number): void {
    this.openInvokeId = this.invokes.allocate();
    const invokeId = this.openInvokeId;
    this.clearOpenTimer();
    this.openTimer = setTimeout(() => {
      this.openTimer = null;
      this.fail(
        new CtiTimeoutError(
          'OPEN_REQ',
          timeoutMs,
          invokeId,
          `side ${this.side}: no OPEN_CONF within ${timeoutMs} ms`,
          this.side,
        ),
      );
    }, timeoutMs);
  }

  /**
   * A deadline without an OPEN_REQ: a standby session taken over as the session's link must become active within
   * `timeoutMs`, or the attempt fails with `text`.
   */
  armDeadline(timeoutMs: number, text: string): void {
    this.clearOpenTimer();
    this.openTimer = setTimeout(() => {
      this.openTimer = null;
      this.fail(new CtiTimeoutError('STANDBY_ACTIVE_EVENT', timeoutMs, undefined, text, this.side));
    }, timeoutMs);
  }

  /** From now on this attempt reports to `handlers` (a standby session taken over by the session). */
  handOver(handlers: AttemptHandlers): void {
    this.handlers = handlers;
  }

  /** Sends the OPEN_REQ built for the InvokeID armOpenTimer() allocated; a failure fails the attempt. */
  sendOpenRequest(build: (invokeId: number) => CtiMessage): void {
    const err = this.sendQuietly(build(this.openInvokeId));
    if (err) this.fail(err);
  }

  clearOpenTimer(): void {
    if (this.openTimer) clearTimeout(this.openTimer);
    this.openTimer = null;
  }

  startHeartbeat(s: HeartbeatSettings): void {
    this.stopHeartbeat();
    if (s.intervalMs <= 0 || this.retired) return;
    this.heartbeat = new Heartbeat(s.intervalMs, s.deadAfterIntervals, {
      sendHeartbeat: () => {
        const id = this.invokes.allocate();
        this.heartbeatIds.add(id);
        this.sendQuietly({ messageType: 'HEARTBEAT_REQ', invokeId: id });
      },
      onDead: (silentMs) =>
        this.fail(
          new CtiConnectionError(
            this.side,
            `dead link: no message from the CTI Server for ${silentMs} ms (${s.deadAfterIntervals} heartbeat intervals)`,
          ),
          'dead-link',
        ),
      onLoopStall: s.onLoopStall,
    });
    this.heartbeat.start();
  }

  stopHeartbeat(): void {
    this.heartbeat?.stop();
    this.heartbeat = null;
    this.heartbeatIds.clear();
  }

  /** Encodes and writes; throws CtiProtocolError (bad message) or CtiConnectionError (link gone). */
  send(msg: CtiMessage): void {
    if (this.retired) throw new CtiConnectionError(this.side, 'not connected');
    this.conn.send(msg);
  }

  /** Sends; a failure is returned, not thrown (the caller reports it as a warning). */
  sendQuietly(msg: CtiMessage): Error | undefined {
    try {
      this.send(msg);
      return undefined;
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  /** FIN, waiting at most `waitMs` for the socket to close; then the attempt is retired. */
  async end(waitMs: number): Promise<void> {
    if (!this.retired) await this.conn.end(waitMs);
    this.retire();
  }

  /** Resolves when the attempt is retired (at once if it is). */
  whenRetired(): Promise<void> {
    if (this.retired) return Promise.resolve();
    return new Promise((resolve) => this.retiredWaiters.push(resolve));
  }

  /** Ends the attempt: timers stopped, socket reset, every later callback of it ignored. Idempotent. */
  retire(): void {
    if (this.retired) return;
    this.retired = true;
    this.clearOpenTimer();
    this.stopHeartbeat();
    this.openInvokeId = -1;
    this.conn.destroy();
    for (const w of this.retiredWaiters.splice(0)) w();
  }

  /** A failure is reported once; whatever the session makes of it, the attempt is over. */
  fail(err: Error, kind: 'link' | 'dead-link' = 'link'): void {
    if (this.retired) return;
    this.clearOpenTimer();
    this.stopHeartbeat();
    this.handlers.onFailed(err, kind);
    // Whatever the session did with the failure, this attempt is over.
    this.retire();
  }

  private onMessage(msg: CtiMessage): void {
    if (this.retired) return;
    this.heartbeat?.noteLife();
    const id = msg.invokeId;
    if (typeof id === 'number') {
      if (id === this.openInvokeId) {
        this.openInvokeId = -1;
        this.clearOpenTimer();
        this.handlers.onMessage(msg, 'OPEN_REQ');
        return;
      }
      if (this.heartbeatIds.delete(id)) {
        this.handlers.onMessage(msg, 'HEARTBEAT_REQ');
        return;
      }
    }
    this.handlers.onMessage(msg);
  }
}
