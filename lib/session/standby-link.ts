/**
 * The hot standby (cti-protocol-supervisor-config.md §23.2 step 1): while the session is open on one side, a
 * second session is held open on the other side — OPEN_REQ at the same version with CTI_SERVICE_ACTIVE_STANDBY,
 * answered by OPEN_CONF SessionType 2 — and heartbeated like the first. When the other side becomes active (its
 * STANDBY_ACTIVE_EVENT arrives here) or the active link is lost, the session takes this link over as its own: no
 * new TCP connection, no new OPEN_REQ.
 *
 * A side that refuses the standby session (a PV<24 server, E_CTI_CTI_SERVER_OFFLINE, E_CTI_INVALID_CLIENT_FOR_STANDBY,
 * or an OPEN_CONF that is not SessionType 2) is not asked again while the active link lasts: the session behaves as
 * it did without a standby, and says nothing about it. A standby session that drops is reopened after a delay that
 * doubles per failure (the reconnect options' initial delay up to their cap).
 * A side that refuses with E_CTI_SERVER_IN_MAINTENANCE_MODE is in PG maintenance (typically the side the session
 * just moved away from, §23.2 step 8): it comes back as the standby when the maintenance ends, so it is asked again
 * on the same doubling delay ('maintenance' meanwhile) — once it answers SessionType 2 the standby is held again and
 * a maintenance of the side now active can be accepted.
 */
import { ServiceMask, SessionType, StatusCode, type CtiMessage } from '../protocol';
import { CtiConnectionError, CtiSessionError } from './errors';
import type { EventWithDetail } from './failure-events';
import type { InvokeTable } from './invoke';
import { LinkAttempt, type AttemptHandlers } from './link-attempt';
import { openRequest } from './open-handshake';
import type { ResolvedOptions } from './options';

/**
 * 'off': none wanted or none yet; 'opening'; 'held' (SessionType 2); 'waiting' to reopen; 'refused' by the side;
 * 'maintenance': the side is in maintenance mode, asked again later.
 */
export type StandbyStatus = 'off' | 'opening' | 'held' | 'waiting' | 'refused' | 'maintenance';

export interface StandbyHandlers {
  /**
   * What happened to it, as the session's event: 'standby-held', 'standby-lost' (reopened later), and on its
   * STANDBY_ACTIVE_EVENT 'other-side-active' — or 'switchover' when `planned()` says the session is moving there.
   */
  fire(e: EventWithDetail): void;
  /** The session accepted maintenance mode and is moving to the other side (maintenance.ts). */
  planned(): boolean;
  /** Every message on it (the session's 'link-message' tap). */
  onMessage(msg: CtiMessage, link: LinkAttempt): void;
}

export class StandbyLink {
  private link: LinkAttempt | null = null;
  private conf: CtiMessage | undefined;
  private timer: NodeJS.Timeout | null = null;
  private current: StandbyStatus = 'off';
  private failures = 0;
  private readonly waiters: Array<(status: Exclude<StandbyStatus, 'opening'>) => void> = [];

  constructor(
    private readonly o: Readonly<ResolvedOptions>,
    private readonly invokes: InvokeTable,
    private readonly handlers: StandbyHandlers,
  ) {}

  get status(): StandbyStatus {
    return this.current;
  }

  /**
   * The status once it is no longer 'opening' (at once when it is not): 'held', or what became of the attempt —
   * 'refused', 'maintenance', 'waiting' (it failed; reopened later), 'off' (dropped).
   */
  settled(): Promise<Exclude<StandbyStatus, 'opening'>> {
    const now = this.current;
    if (now !== 'opening') return Promise.resolve(now);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * A standby session wanted now (maintenance mode asks, maintenance-mode.ts), whether hotStandby is on or not:
   * opened on the other side of `activeSide` at once, unless one is held or being opened or the side refused one.
   * One reopened later (it failed, or its side was in maintenance) is opened now instead.
   */
  openNow(activeSide: 'A' | 'B', version: number): void {
    if (this.current === 'held' || this.current === 'opening' || this.current === 'refused') return;
    this.open(activeSide === 'A' ? 'B' : 'A', version);
  }

  /** The side of the standby session held, if one is. */
  get heldSide(): 'A' | 'B' | undefined {
    return this.current === 'held' ? this.link?.side : undefined;
  }

  /**
   * The session is open on `activeSide` at `version`: hold a standby session on the other side, unless one is held
   * or being opened, the side refused it, or the configuration cannot have one (one side, hotStandby off, no
   * active/standby service, version below 24).
   */
  hold(activeSide: 'A' | 'B', version: number): void {
    const o = this.o;
    const asked = (o.servicesRequested & ServiceMask.byName.CTI_SERVICE_ACTIVE_STANDBY) !== 0;
    if (!o.hotStandby || o.sides.length < 2 || !asked || version < 24) return;
    if (this.current !== 'off') return;
    const side = activeSide === 'A' ? 'B' : 'A';
    this.open(side, version);
  }

  /** Hands the held standby session over (its link and OPEN_CONF): the session makes it its own link. */
  take(handlers: AttemptHandlers): { link: LinkAttempt; conf: CtiMessage } | undefined {
    const link = this.link;
    const conf = this.conf;
    if (this.current !== 'held' || !link || !conf) return undefined;
    this.link = null;
    this.conf = undefined;
    this.become('off');
    this.failures = 0;
    link.handOver(handlers);
    return { link, conf };
  }

  /** The active link is gone or the session closes: the standby session goes too (CLOSE_REQ, then FIN). */
  drop(): void {
    this.clearTimer();
    const link = this.link;
    this.link = null;
    this.conf = undefined;
    this.become('off');
    this.failures = 0;
    if (link !== null) this.close(link);
  }

  private open(side: 'A' | 'B', version: number): void {
    const o = this.o;
    this.clearTimer();
    this.become('opening');
    const endpoint = o.sides[side === 'A' ? 0 : 1];
    const link: LinkAttempt = new LinkAttempt(side, endpoint, version, o, this.invokes, {
      onConnected: () => {
        link.armOpenTimer(o.openTimeoutMs);
        link.sendOpenRequest((invokeId) => openRequest(o, invokeId, version));
      },
      onMessage: (msg, answers) => this.onMessage(link, msg, version, answers),
      // A standby session carries no events: a frame it cannot decode changes nothing here.
      onDecodeError: () => undefined,
      onDecodeWarning: () => undefined,
      onFailed: (err) => this.onFailed(link, err, version),
    });
    this.link = link;
    link.connect();
  }

  private onMessage(link: LinkAttempt, msg: CtiMessage, version: number, answers?: string): void {
    this.handlers.onMessage(msg, link);
    const t = msg.messageType;
    if (answers === 'OPEN_REQ') {
      if (t === 'OPEN_CONF' && msg.sessionType === SessionType.byName.SESSION_TYPE_STANDBY) {
        this.conf = msg;
        this.become('held');
        this.failures = 0;
        link.startHeartbeat({ intervalMs: this.o.heartbeatMs, deadAfterIntervals: this.o.deadAfterIntervals });
        this.handlers.fire({
          event: 'standby-held',
          detail: { reason: `standby session held on side ${link.side}`, key: 'open' },
        });
        return;
      }
      // Moving there (maintenance accepted) and the side answers as active: it has become active meanwhile.
      if (t === 'OPEN_CONF' && this.handlers.planned()) {
        this.become('held');
        this.failures = 0;
        link.startHeartbeat({ intervalMs: this.o.heartbeatMs, deadAfterIntervals: this.o.deadAfterIntervals });
        this.activated(link.side, msg);
        return;
      }
      // In maintenance mode: it comes back as the standby; ask again later.
      if (t === 'FAILURE_CONF' && msg.status === StatusCode.byName.E_CTI_SERVER_IN_MAINTENANCE_MODE) {
        this.link = null;
        link.retire();
        this.retryLater(link.side, version, 'maintenance');
        return;
      }
      // Refused, or the side says it is active too: no standby session while this active link lasts.
      this.link = null;
      this.become('refused');
      if (t === 'OPEN_CONF') this.close(link);
      else link.retire();
      return;
    }
    if (answers === 'HEARTBEAT_REQ' && t === 'FAILURE_CONF') {
      const name = StatusCode.nameOf(msg.status) ?? String(msg.status);
      link.fail(new CtiConnectionError(link.side, `standby session: HEARTBEAT_REQ refused with ${name}`));
      return;
    }
    if (t === 'STANDBY_ACTIVE_EVENT_MSG' && this.current === 'held' && this.conf) this.activated(link.side, this.conf);
  }

  private onFailed(link: LinkAttempt, err: Error, version: number): void {
    if (link !== this.link) return;
    const wasHeld = this.current === 'held';
    this.link = null;
    this.conf = undefined;
    const delayMs = this.retryLater(link.side, version, 'waiting');
    if (!wasHeld) return;
    const reason = `standby session lost: ${err.message}; reopening it in ${delayMs} ms`;
    this.handlers.fire({ event: 'standby-lost', detail: { reason, key: 'open' } });
  }

  /** Opens it again on `side` after a delay that doubles per failure (reconnect options: initial delay, cap). */
  private retryLater(side: 'A' | 'B', version: number, status: 'waiting' | 'maintenance'): number {
    this.become(status);
    const r = this.o.reconnect;
    const delayMs = Math.min(r.maxDelayMs, r.initialDelayMs * Math.pow(2, this.failures++));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.open(side, version);
    }, delayMs);
    return delayMs;
  }

  /** STANDBY_ACTIVE_EVENT: the session moves here, as planned (maintenance) or not. */
  private activated(side: 'A' | 'B', conf: CtiMessage): void {
    this.conf = conf;
    if (this.handlers.planned()) {
      const reason = `side ${side} became active (maintenance mode of the other side); requests go to side ${side}`;
      this.handlers.fire({ event: 'switchover', detail: { reason, key: 'open', conf } });
      return;
    }
    const error = new CtiSessionError(`side ${side} became active (STANDBY_ACTIVE_EVENT)`, 'switchover');
    this.handlers.fire({
      event: 'other-side-active',
      detail: { reason: `${error.message}; moving to it`, error, conf },
    });
  }

  /**
   * A failure of the active link, as the session would fire it: with a standby session held, losing the active
   * link is 'active-lost' (the standby session takes over); undefined when there is none to take over.
   */
  insteadOf(f: EventWithDetail): EventWithDetail | undefined {
    const side = this.heldSide;
    if (f.event !== 'link-failed' || side === undefined) return undefined;
    return {
      event: 'active-lost',
      detail: { ...f.detail, reason: `${f.detail.reason}; the standby session on side ${side} takes over` },
    };
  }

  /** CLOSE_REQ, then FIN without waiting for the CLOSE_CONF: nothing depends on it. */
  private close(link: LinkAttempt): void {
    link.stopHeartbeat();
    link.clearOpenTimer();
    const invokeId = this.invokes.allocate();
    link.sendQuietly({ messageType: 'CLOSE_REQ', invokeId, status: StatusCode.byName.E_CTI_NO_ERROR });
    void link.end(1000);
  }

  private become(status: StandbyStatus): void {
    this.current = status;
    if (status === 'opening') return;
    for (const resolve of this.waiters.splice(0)) resolve(status);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
