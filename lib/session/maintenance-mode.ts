/**
 * PG maintenance mode, the client's side (cti-protocol-supervisor-config.md §23.2): the answer to
 * ACTIVE_MAINTENANCE_REQ and whether the session is moving. It accepts when the other side can take over and the
 * acceptMaintenance option allows: a standby session is held there, or one opens there within
 * `maintenanceAnswerMs` (the guide: "it has or can open a standby session" — one is opened on demand when none is
 * held: hot standby off, or it dropped, or its side was in maintenance and is asked again now). Otherwise it
 * rejects, and says why once per reason (a rejection cancels the maintenance for every client of the PG, so an
 * administrator needs to find out which client and why).
 * From an acceptance until the maintenance is cancelled or the move is done, `moving` is true: the standby
 * session's STANDBY_ACTIVE_EVENT is then the planned switchover, not a failover.
 * Unsure: the guide's window is 5 s from the server's REQ; the default 4000 ms leaves the rest for the answer's
 * way back and a busy event loop.
 */
import { type CtiMessage, ServiceMask } from '../protocol';
import { CtiSessionError } from './errors';
import type { LinkAttempt } from './link-attempt';
import type { ResolvedOptions } from './options';
import type { StandbyLink, StandbyStatus } from './standby-link';

/** What a 'maintenance' row of the table asks (transitions.ts). */
export type MaintenanceRow = 'answer' | 'accept' | 'forget';

/** The session's side of it: where to answer, and the standby session to move to. */
export interface MaintenanceLinks {
  /** The session's link (the REQ came on it; the answer goes back on it while it still is). */
  readonly current: LinkAttempt | null;
  readonly standby: StandbyLink;
  /** The version in use: a standby session opened on demand asks for it. */
  version(): number;
}

export class MaintenanceMode {
  private accepted = false;
  private readonly told = new Set<string>();

  constructor(
    private readonly o: Readonly<ResolvedOptions>,
    /** Said once per reason, and a failed send: the session's 'warning'. */
    private readonly warn: (err: Error) => void,
  ) {}

  /** Accepted and neither cancelled nor done: a STANDBY_ACTIVE_EVENT on the standby session is the planned move. */
  get moving(): boolean {
    return this.accepted;
  }

  /**
   * A 'maintenance' row: 'answer' the REQ (accepted when the session can move), 'accept' it whatever (the session
   * is closing: leaving this side anyway), or 'forget' an accepted one (cancelled, or the move is done).
   */
  onRow(how: MaintenanceRow | 'keep', req: CtiMessage | undefined, links: MaintenanceLinks): void {
    if (how === 'forget') {
      this.accepted = false;
      // A standby session opened on demand only for this maintenance is not kept.
      if (!this.o.hotStandby) links.standby.drop();
      return;
    }
    const link = links.current;
    if (how === 'keep' || req === undefined || link === null) return;
    if (how === 'accept') {
      this.reply(link, req, true);
      return;
    }
    const why = this.cannotMove();
    if (why !== undefined) {
      this.reject(link, req, why);
      return;
    }
    if (links.standby.status === 'held') {
      this.accepted = true;
      this.reply(link, req, true);
      return;
    }
    void this.whenOpened(link, req, links);
  }

  /** No standby session is held: one is opened now, and the REQ answered when it is held, fails, or time is up. */
  private async whenOpened(link: LinkAttempt, req: CtiMessage, links: MaintenanceLinks): Promise<void> {
    const ms = this.o.maintenanceAnswerMs;
    const standby = links.standby;
    standby.openNow(link.side, links.version());
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
    const status = await Promise.race([standby.settled(), late]);
    clearTimeout(timer);
    // The link the REQ came on is no longer the session's (lost, closed): there is nobody to answer for.
    if (links.current !== link) return;
    if (status === 'held') {
      this.accepted = true;
      this.reply(link, req, true);
      return;
    }
    // Not kept for nothing when hot standby is off (with it on, the standby goes on being asked for).
    if (!this.o.hotStandby) standby.drop();
    this.reject(
      link,
      req,
      status === 'late' ? `no standby session opened on the other side within ${ms} ms` : whyNot(status),
    );
  }

  private reject(link: LinkAttempt, req: CtiMessage, why: string): void {
    this.reply(link, req, false);
    if (this.told.has(why)) return;
    this.told.add(why);
    this.warn(
      new CtiSessionError(
        `side ${link.side} asked to go into maintenance mode: rejected (${why}); this cancels the maintenance for every client of the PG`,
        'maintenance-rejected',
      ),
    );
  }

  private reply(link: LinkAttempt, req: CtiMessage, accepted: boolean): void {
    const err = link.sendQuietly({
      messageType: 'ACTIVE_MAINTENANCE_RESP_MSG',
      invokeId: req.invokeId,
      maintenanceModeAccepted: accepted ? 1 : 0,
    });
    if (err) this.warn(err);
  }

  /** Why the configuration cannot move to the other side at all; undefined when it can. */
  private cannotMove(): string | undefined {
    const o = this.o;
    if (!o.acceptMaintenance) return 'this client is configured to reject it: acceptMaintenance off';
    if (o.sides.length < 2) return 'no side B is configured to move to';
    if ((o.servicesRequested & ServiceMask.byName.CTI_SERVICE_ACTIVE_STANDBY) === 0)
      return 'the ACTIVE_STANDBY service was not requested, so no standby session can be held';
    return undefined;
  }
}

/** Why the standby session asked for is not held. */
function whyNot(status: Exclude<StandbyStatus, 'held' | 'opening'>): string {
  switch (status) {
    case 'refused':
      return 'the other side refused a standby session';
    case 'maintenance':
      return 'the other side is in maintenance mode itself';
    case 'waiting':
      return 'no standby session could be opened on the other side (the connection failed or dropped)';
    case 'off':
      return 'the standby session was given up';
  }
}
