/**
 * Which event a server notice (server-notices.ts) is for the session, with its details. A notice that ends the
 * link is a failure: the session reports it as one, so that a standby session it holds may take over instead.
 * The others are fired as they are. What each event then does depends on the state: that is the table's business.
 */
import { StatusCode } from '../protocol';
import { CtiServerEndedError } from './errors';
import { linkLost, serverEnded, type EventWithDetail } from './failure-events';
import type { ResolvedOptions } from './options';
import type { ServerNotice } from './server-notices';

export interface NoticeEvent extends EventWithDetail {
  /** The link is lost or ended by the server: reported as a failure. */
  failure: boolean;
  /** SYSTEM_EVENT peripheral online / offline: what the session knows from now on. */
  peripheralOnline?: boolean;
}

/** The event for `notice`, which came on the session's link to `side`; undefined: nothing to do. */
export function noticeEvent(
  notice: ServerNotice,
  side: 'A' | 'B',
  o: Readonly<ResolvedOptions>,
): NoticeEvent | undefined {
  const reason = notice.reason;
  const ended = (status: number): CtiServerEndedError => new CtiServerEndedError(side, status, reason, 'FAILURE_EVENT');
  switch (notice.kind) {
    case 'server-offline':
      return { ...linkLost(ended(StatusCode.byName.E_CTI_CTI_SERVER_OFFLINE), o), failure: true };
    case 'session-ended':
      return { ...serverEnded(ended(notice.status), o), failure: true };
    case 'peripheral-offline':
    case 'peripheral-online': {
      const online = notice.kind === 'peripheral-online';
      return {
        event: notice.kind,
        detail: { reason, key: online ? 'open' : notice.kind },
        failure: false,
        peripheralOnline: online,
      };
    }
    case 'standby-active':
      return { event: 'standby-active', detail: { reason }, failure: false };
    case 'maintenance-request':
      return { event: 'maintenance-asked', detail: { reason, request: notice.request }, failure: false };
    case 'maintenance-cancelled':
      return { event: 'maintenance-cancelled', detail: { reason }, failure: false };
    case 'maintenance-continues':
      // Nothing to do yet: the move happens on the standby session's STANDBY_ACTIVE_EVENT ('switchover').
      return undefined;
  }
}
