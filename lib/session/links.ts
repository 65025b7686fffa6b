/**
 * The session's links: the one it uses (the current attempt), the hot-standby session held on the other side
 * (standby-link.ts), and — after a planned switchover — the old link still answering what it was asked
 * (draining). Which link is the session's, and how a standby session becomes it, is decided here; what that means
 * for the state is the table's business.
 */
import type { CtiMessage } from '../protocol';
import { DrainingLink } from './draining-link';
import type { InvokeTable } from './invoke';
import { LinkAttempt, type AttemptHandlers } from './link-attempt';
import { openRequest } from './open-handshake';
import type { CtiEndpoint, ResolvedOptions } from './options';
import { StandbyLink, type StandbyHandlers } from './standby-link';

export interface LinksHost {
  readonly options: Readonly<ResolvedOptions>;
  readonly invokes: InvokeTable;
  /** The version to offer (or in use). */
  version(): number;
  /** What the session's own link reports to (a link it connected, or a standby session it took over). */
  handlers(link: () => LinkAttempt): AttemptHandlers;
  /** The current attempt's TCP (TLS) is up. */
  onTcpUp(side: 'A' | 'B'): void;
  /** A heartbeat tick came late: the event loop was blocked. */
  onLoopStall(): void;
  readonly standby: StandbyHandlers;
}

export class SessionLinks {
  /** The session's link: requests go out on it, its messages are the session's. */
  current: LinkAttempt | null = null;
  readonly standby: StandbyLink;
  /** Old links after planned moves, until each has had its answers (or its time) and is closed. */
  private readonly draining = new Set<DrainingLink>();

  constructor(private readonly host: LinksHost) {
    this.standby = new StandbyLink(host.options, host.invokes, host.standby);
  }

  /** The version to offer (or in use). */
  version(): number {
    return this.host.version();
  }

  /** A new attempt on `side`. */
  connect(side: 'A' | 'B', endpoint: CtiEndpoint): void {
    const h = this.host;
    const attempt: LinkAttempt = new LinkAttempt(side, endpoint, h.version(), h.options, h.invokes, {
      ...h.handlers(() => attempt),
      onConnected: () => h.onTcpUp(side),
    });
    this.current = attempt;
    attempt.connect();
  }

  retire(): void {
    const attempt = this.current;
    this.current = null;
    attempt?.retire();
  }

  /**
   * A planned move: the current link stops being the session's and drains (draining-link.ts): it is told
   * STOPPING_REQUESTS_TO_THIS_SIDE_IND and answers what was pending on it (`pending`, InvokeIDs), then closes.
   */
  drain(pending: number[]): void {
    const old = this.current;
    this.current = null;
    if (old === null) return;
    const h = this.host;
    const d = new DrainingLink(
      old,
      pending,
      h.invokes,
      h.handlers(() => old),
      h.options.maintenanceDrainMs,
      (done) => this.draining.delete(done),
    );
    this.draining.add(d);
    d.start({ messageType: 'STOPPING_REQUESTS_TO_THIS_SIDE_IND', invokeId: h.invokes.allocate() });
  }

  /** The session closes: old links still draining fail what they wait for and close now. */
  stopDraining(): void {
    for (const d of [...this.draining]) d.stop();
  }

  /** The standby session becomes the session's link; returns its OPEN_CONF (SessionType 2). */
  promote(): CtiMessage | undefined {
    const ref: { link?: LinkAttempt } = {};
    const taken = this.standby.take(this.host.handlers(() => ref.link as LinkAttempt));
    ref.link = taken?.link;
    this.current = taken?.link ?? null;
    return taken?.conf;
  }

  /** OPEN_REQ on the current attempt, and the wait for its answer. */
  sendOpenRequest(): void {
    const o = this.host.options;
    const version = this.host.version();
    this.current?.armOpenTimer(o.openTimeoutMs);
    this.current?.sendOpenRequest((invokeId) => openRequest(o, invokeId, version));
  }

  /** A standby session taken over must become active within the open timeout. */
  armActivationDeadline(): void {
    const ms = this.host.options.openTimeoutMs;
    const side = this.current?.side;
    this.current?.armDeadline(ms, `side ${side}: the standby session did not become active within ${ms} ms`);
  }

  startHeartbeat(): void {
    const o = this.host.options;
    this.current?.startHeartbeat({
      intervalMs: o.heartbeatMs,
      deadAfterIntervals: o.deadAfterIntervals,
      onLoopStall: () => this.host.onLoopStall(),
    });
  }

  /** Open on the current link's side: a standby session on the other side, where allowed. */
  holdStandby(): void {
    if (this.current) this.standby.hold(this.current.side, this.host.version());
  }
}
