/**
 * What the answer to a link's own OPEN_REQ (or a refused HEARTBEAT_REQ) is for the session, as the event to fire:
 * an active OPEN_CONF, a standby one (stay, or try the other side once), a version to step down from (version
 * 'auto'), or a refusal as failure-policy.ts reads it.
 */
import { StatusCode, type CtiMessage } from '../protocol';
import { CtiServerEndedError, CtiSessionError } from './errors';
import { linkLost, openRefused, serverEnded, type EventWithDetail } from './failure-events';
import { openRefusedError } from './open-handshake';
import type { OpenProgress } from './open-progress';
import type { ResolvedOptions } from './options';

export function answerEvent(
  msg: CtiMessage,
  answers: 'OPEN_REQ' | 'HEARTBEAT_REQ',
  side: 'A' | 'B',
  progress: OpenProgress,
  o: Readonly<ResolvedOptions>,
  /** Counts one more refused OPEN_REQ and returns the count. */
  refusals: () => number,
): EventWithDetail | undefined {
  const t = msg.messageType;
  if (answers === 'HEARTBEAT_REQ') {
    if (t !== 'FAILURE_CONF') return undefined;
    const text = `HEARTBEAT_REQ refused with ${StatusCode.nameOf(msg.status) ?? msg.status}; resetting the connection`;
    return serverEnded(new CtiServerEndedError(side, msg.status, text, 'HEARTBEAT_REQ'), o);
  }
  if (t === 'OPEN_CONF') return confEvent(msg, side, progress, o);
  if (t !== 'FAILURE_CONF') return undefined;
  const refused = progress.version;
  const err = openRefusedError(msg.status, o, side, refused);
  const lower = msg.status === StatusCode.byName.E_CTI_INVALID_VERSION && o.versionAuto;
  if (lower && progress.stepDown() !== undefined) {
    const reason = `side ${side} refused protocol version ${refused} (E_CTI_INVALID_VERSION); offering version ${progress.version}`;
    return {
      event: 'version-refused',
      detail: { reason, key: 'connecting:version-refused', phase: 'tcp', error: err },
    };
  }
  return openRefused(err, o, refusals);
}

function confEvent(
  conf: CtiMessage,
  side: 'A' | 'B',
  progress: OpenProgress,
  o: Readonly<ResolvedOptions>,
): EventWithDetail {
  switch (progress.bounceFromStandby(conf)) {
    case 'other-side': {
      const err = new CtiSessionError(`side ${side} is the standby CTI Server; trying the other side`, 'standby-side');
      return linkLost(err, o);
    }
    case 'stay': {
      const reason = `side ${side} is the standby CTI Server; waiting for it to become active`;
      return { event: 'standby-conf', detail: { reason, key: 'standby', conf } };
    }
    case 'active':
      return { event: 'conf-accepted', detail: { reason: `side ${side}: OPEN_CONF received`, conf } };
  }
}
