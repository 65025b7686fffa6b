/**
 * Everything a link of the session reports, routed (handlers()): answers to this link's own OPEN_REQ and
 * HEARTBEAT_REQs go back to the session; CONFs settle their requests; call and agent events feed the trackers;
 * every message is published to listeners (with the call's snapshot); messages about the server itself are read
 * as notices (server-notices.ts) for the session to act on; a failed link is the session's failure. Decoding
 * deviations are counted here, each kind reported once. The taps ('frame', 'link-message') cost one
 * listenerCount() while nobody listens.
 */
import { decodeWarningKey, type CtiMessage, type CtiProtocolError, type DecodeWarning } from '../protocol';
import type { CallSnapshot, Tracking } from '../calls';
import { CtiProtocolWarning } from './errors';
import type { AttemptHandlers, LinkAttempt } from './link-attempt';
import type { SessionRequests } from './requests';
import { readServerNotice, type ServerNotice } from './server-notices';
import type { ProtocolWarningCounts, SessionStats } from './session-state';

export interface InboundSession {
  readonly options: { peripheralId: number };
  readonly tracking: Tracking;
  /** The link whose messages are the session's (a notice from an older one is ignored). */
  currentLink(): LinkAttempt | null;
  /** The answer to the link's OPEN_REQ (OPEN_CONF or FAILURE_CONF), or a FAILURE_CONF to a HEARTBEAT_REQ. */
  onAnswer(msg: CtiMessage, answers: 'OPEN_REQ' | 'HEARTBEAT_REQ', link: LinkAttempt): void;
  onNotice(notice: ServerNotice, link: LinkAttempt): void;
  /** The link failed (or is gone). */
  onFailed(err: Error): void;
  /** Someone listens for `event` (a tap costs nothing more while nobody does). */
  listens(event: 'frame' | 'link-message'): boolean;
  /** Emits without letting a throwing listener out (safe-emit.ts). */
  emitSafely(event: string, ...args: unknown[]): void;
}

export class Inbound {
  readonly warnings: ProtocolWarningCounts = { total: 0, dropped: 0, byKind: {} };

  constructor(
    private readonly session: InboundSession,
    private readonly requests: SessionRequests,
    private readonly stats: SessionStats,
  ) {}

  /** What the session's own link reports to (a link it connected, or a standby session it took over). */
  handlers(link: () => LinkAttempt): AttemptHandlers {
    return {
      onConnected: () => undefined,
      onMessage: (msg, answers) => this.onMessage(msg, link(), answers),
      onDecodeError: (err, frame) => this.onDecodeError(err, frame),
      onDecodeWarning: (w) => this.onDecodeWarning(link().side, w),
      onFailed: (err, kind) => {
        if (kind === 'dead-link') this.stats.deadLinks++;
        this.session.onFailed(err);
      },
      onFrame: (dir, frame) => {
        // Only copied when someone listens (a recorder): the hot path pays one listenerCount().
        if (this.session.listens('frame')) {
          this.session.emitSafely('frame', {
            dir,
            type: frame.readUInt32BE(4),
            frame: Buffer.from(frame),
            at: Date.now(),
          });
        }
      },
    };
  }

  /** 'link-message': every message with the link it came on, before anything else is done with it. */
  tap(msg: CtiMessage, link: LinkAttempt, role: 'active' | 'standby'): void {
    if (this.session.listens('link-message'))
      this.session.emitSafely('link-message', msg, { id: link.id, side: link.side, role });
  }

  onMessage(msg: CtiMessage, link: LinkAttempt, answers?: 'OPEN_REQ' | 'HEARTBEAT_REQ'): void {
    const s = this.session;
    const t = msg.messageType;
    this.tap(msg, link, 'active');
    if (answers !== undefined) {
      s.onAnswer(msg, answers, link);
      this.publish(msg, undefined);
      return;
    }
    const id = msg.invokeId;
    let call: CallSnapshot | undefined;
    if (typeof id === 'number' && (t.endsWith('_CONF') || t === 'FAILURE_CONF')) {
      call = this.safeTrack(msg, this.requests.requestFor(id));
      const closeAnswer = this.requests.settle(msg);
      this.publish(msg, closeAnswer ? undefined : call);
      return;
    }
    call = this.safeTrack(msg);
    this.publish(msg, call);
    // A listener may have closed the session or the link: a notice is about a link that is no longer ours.
    if (link !== s.currentLink()) return;
    const notice = readServerNotice(msg, s.options.peripheralId);
    if (notice !== undefined) s.onNotice(notice, link);
  }

  /** Counted per key; the first of each key is reported ('protocol-warning' and 'warning'), later ones only counted. */
  onDecodeWarning(side: 'A' | 'B', w: DecodeWarning): void {
    const key = decodeWarningKey(w);
    const counts = this.warnings;
    const seen = counts.byKind[key];
    counts.total++;
    counts.byKind[key] = (seen ?? 0) + 1;
    if (seen !== undefined) return;
    this.session.emitSafely('protocol-warning', { ...w, count: 1 });
    this.session.emitSafely('warning', new CtiProtocolWarning(side, w));
  }

  onDecodeError(err: CtiProtocolError, frame: Buffer): void {
    this.stats.decodeErrors++;
    this.warnings.dropped++;
    this.session.emitSafely('protocol-error', err, frame);
  }

  private safeTrack(msg: CtiMessage, request?: CtiMessage): CallSnapshot | undefined {
    try {
      return this.session.tracking.feed(msg, request);
    } catch (err) {
      this.session.emitSafely('warning', err);
      return undefined;
    }
  }

  /** To the session's listeners: 'message' and the message's type (also an event the session inferred). */
  publish(msg: CtiMessage, call: CallSnapshot | undefined): void {
    const emit = this.session;
    if (call) {
      emit.emitSafely('message', msg, call);
      emit.emitSafely(msg.messageType, msg, call);
    } else {
      emit.emitSafely('message', msg);
      emit.emitSafely(msg.messageType, msg);
    }
  }
}
