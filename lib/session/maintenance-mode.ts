/**
 * PG maintenance mode, the client's side (cti-protocol-supervisor-config.md §23.2): the answer to
 * ACTIVE_MAINTENANCE_REQ and whether the session is moving. It accepts when the other side can take over — a
 * standby session is held there, or being opened (it will be, well within the guide's 5 s) — and the
 * acceptMaintenance option allows; otherwise it rejects, and says why once per reason (a rejection cancels the
 * maintenance for every client of the PG, so an administrator needs to find out which client and why).
 * From an acceptance until the maintenance is cancelled or the move is done, `moving` is true: the standby
 * session's STANDBY_ACTIVE_EVENT is then the planned switchover, not a failover.
 */
import { type CtiMessage, ServiceMask } from '../protocol';
import { CtiSessionError } from './errors';
import type { ResolvedOptions } from './options';
import type { StandbyStatus } from './standby-link';

export interface MaintenanceAnswer {
  reply: CtiMessage;
  accepted: boolean;
  /** Why it was rejected (undefined when accepted). */
  why?: string;
}

export class MaintenanceMode {
  private accepted = false;
  private readonly told = new Set<string>();

  constructor(
    private readonly o: Readonly<ResolvedOptions>,
    /** Said once per reason: the session's 'warning'. */
    private readonly warn: (err: Error) => void,
  ) {}

  /** Accepted and neither cancelled nor done: a STANDBY_ACTIVE_EVENT on the standby session is the planned move. */
  get moving(): boolean {
    return this.accepted;
  }

  /**
   * The ACTIVE_MAINTENANCE_RESP for the REQ `req`, the link's side being `side`. `force`: accepted whatever (the
   * session is closing). A rejection is reported once per reason.
   */
  answer(req: CtiMessage, side: 'A' | 'B', standby: StandbyStatus, force = false): MaintenanceAnswer {
    const why = force ? undefined : this.cannotMove(standby);
    const accepted = why === undefined;
    this.accepted = accepted && !force;
    const reply: CtiMessage = {
      messageType: 'ACTIVE_MAINTENANCE_RESP_MSG',
      invokeId: req.invokeId,
      maintenanceModeAccepted: accepted ? 1 : 0,
    };
    if (why !== undefined && !this.told.has(why)) {
      this.told.add(why);
      this.warn(
        new CtiSessionError(
          `side ${side} asked to go into maintenance mode: rejected (${why}); this cancels the maintenance for every client of the PG`,
          'maintenance-rejected',
        ),
      );
    }
    return { reply, accepted, why };
  }

  /** The maintenance was cancelled, or the move is done. */
  forget(): void {
    this.accepted = false;
  }

  /** Why the session cannot move to the other side now; undefined when it can. */
  private cannotMove(standby: StandbyStatus): string | undefined {
    const o = this.o;
    if (!o.acceptMaintenance) return 'this client is configured to reject it: acceptMaintenance off';
    if (o.sides.length < 2) return 'no side B is configured to move to';
    if ((o.servicesRequested & ServiceMask.byName.CTI_SERVICE_ACTIVE_STANDBY) === 0)
      return 'the ACTIVE_STANDBY service was not requested, so no standby session can be held';
    if (!o.hotStandby) return 'hot standby is off: no standby session is held on the other side';
    switch (standby) {
      case 'held':
      case 'opening':
        return undefined;
      case 'refused':
        return 'the other side refused a standby session';
      case 'maintenance':
        return 'the other side is in maintenance mode itself (its standby session is asked for again)';
      default:
        return 'no standby session is held on the other side right now (it dropped and is being reopened)';
    }
  }
}
