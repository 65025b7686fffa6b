/**
 * Taking an OPEN_CONF (a row with conf 'accept': the active side's, or a standby session that became active), or
 * the other side's after a planned move (conf 'move'): the counters, what opening taught (open-progress.ts), the
 * check of the masks against the version, the tracker told the version, and the variable registration restored —
 * and only then 'opened' (or 'opened-offline'), so a flow never sees an open session that delivers variables it did
 * not register for. Whether the session then takes requests is the table's business.
 */
import type { Tracking } from '../calls';
import type { LinkAttempt } from './link-attempt';
import { MaskVersionCheck } from './mask-warning';
import type { OpenProgress } from './open-progress';
import type { ResolvedOptions } from './options';
import type { ReconnectPlan } from './reconnect-plan';
import type { SessionRequests } from './requests';
import type { SessionStats } from './session-state';
import type { EventDetail, Step } from './state-machine';

export interface AcceptHost {
  readonly options: Readonly<ResolvedOptions>;
  readonly tracking: Tracking;
  readonly plan: ReconnectPlan;
  readonly progress: OpenProgress;
  readonly requests: SessionRequests;
  readonly stats: SessionStats;
  /** The session's link: an answer that comes after the link changed is about a link no longer ours. */
  currentLink(): LinkAttempt | null;
  fire(event: 'opened' | 'opened-offline', detail: EventDetail): void;
  /** The session's 'warning'. */
  warn(err: Error): void;
}

export class OpenAccept {
  private readonly masks: MaskVersionCheck;

  constructor(private readonly h: AcceptHost) {
    this.masks = new MaskVersionCheck(h.options.explicitMasks, h.options.versionAuto);
  }

  accept(step: Step): void {
    const { progress, stats } = this.h;
    const conf = step.detail.conf ?? progress.conf;
    const attempt = this.h.currentLink();
    if (!conf || !attempt) return;
    // The tracker reads version-dependent semantics (from 22 CALL_DATA_UPDATE carries the whole ECC set).
    this.h.tracking.opened(progress.version, step.transition.conf === 'move');
    this.h.plan.opened();
    stats.openFailures = 0;
    stats.openedAt = Date.now();
    const moved = step.transition.conf === 'move';
    let reopened = false;
    if (moved) progress.moved(conf);
    else reopened = progress.accepted(conf);
    if (reopened) stats.reconnects++;
    const masks = this.masks.opened(progress.version);
    if (masks) this.h.warn(masks);
    const how = moved
      ? 'moved (the other side went into maintenance mode; nothing missed)'
      : reopened
        ? 're-opened (events may have been missed while down)'
        : 'opened';
    const opened = (note: string): void => {
      if (this.h.currentLink() !== attempt) return;
      const online = progress.peripheralOnline;
      const reason = `session ${how} on side ${attempt.side}` + (online ? '' : '; peripheral offline') + note;
      this.h.fire(online ? 'opened' : 'opened-offline', { reason, key: online ? 'open' : 'open:peripheral-offline' });
    };
    const restoring = this.h.requests.restoreRegistration(attempt, reopened);
    if (restoring === undefined) return opened('');
    restoring.then(opened, (err: Error) => {
      if (this.h.currentLink() !== attempt) return;
      this.h.warn(err);
      opened(`; variable registration refused: ${err.message}`);
    });
  }
}
