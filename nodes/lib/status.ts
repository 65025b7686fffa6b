/**
 * The status every node that uses a CTI server shows, derived from the session state. Colours: green dot open,
 * yellow dot peripheral offline, yellow ring on the way up (no failure yet), red ring while failing or stopped —
 * a failing session stays red through its retries (no red → yellow → red flicker on every attempt).
 */
import type { NodeStatus } from 'node-red';
import { tr, type Translate } from './i18n';

// The flow nodes build their translators here too.
export { translator } from './i18n';

export interface StatusInput {
  state: string;
  side?: 'A' | 'B';
  /** While connecting: TCP not up yet, or waiting for OPEN_CONF. */
  phase?: 'tcp' | 'handshake';
  /** The protocol version in use (shown once open). */
  version?: number;
  /** Hot standby: the side on which a standby session is held (shown once open: "connected A (v24), B standby"). */
  standbySide?: 'A' | 'B';
  /** Short text of the failure since the last open, if any (e.g. "ECONNREFUSED 10.0.0.5:42027"). */
  failure?: string;
  configRefused?: boolean;
  stopReason?: 'close' | 'gave-up' | 'taken-over' | 'invalid-config';
  nextAttemptInMs?: number;
}

/** "7 s", "0.5 s": how long until the next attempt, as a person reads it. */
export function formatDelay(ms: number): string {
  if (ms < 1000) return `${Math.max(0.1, Math.ceil(ms / 100) / 10)} s`;
  return `${Math.round(ms / 1000)} s`;
}

const red = (text: string): NodeStatus => ({ fill: 'red', shape: 'ring', text });
const yellowRing = (text: string): NodeStatus => ({ fill: 'yellow', shape: 'ring', text });

export function statusFor(s: StatusInput, t: Translate = tr): NodeStatus {
  const side = s.side ?? '';
  switch (s.state) {
    case 'open': {
      const text =
        s.version === undefined
          ? t('cti-server.status.connected', { side })
          : t('cti-server.status.connected-version', { side, version: s.version });
      const standby = s.standbySide === undefined ? '' : t('cti-server.status.and-standby', { side: s.standbySide });
      return { fill: 'green', shape: 'dot', text: text + standby };
    }
    case 'peripheral-offline':
      return { fill: 'yellow', shape: 'dot', text: t('cti-server.status.peripheral-offline', { side }) };
    case 'standby':
      return yellowRing(t('cti-server.status.standby', { side }));
    case 'connecting':
      if (s.failure !== undefined) {
        return red(
          s.phase === 'handshake'
            ? t('cti-server.status.retry-handshake', { side, failure: s.failure })
            : t('cti-server.status.retrying-now', { side, failure: s.failure }),
        );
      }
      return yellowRing(
        s.phase === 'handshake'
          ? t('cti-server.status.handshake', { side })
          : t('cti-server.status.connecting', { side }),
      );
    case 'failover': {
      const failure = s.failure ?? t('cti-server.status.unknown-failure');
      const delay = formatDelay(s.nextAttemptInMs ?? 0);
      return red(
        s.configRefused
          ? t('cti-server.status.config-refused', { failure, delay })
          : t('cti-server.status.retrying', { failure, delay }),
      );
    }
    case 'closing':
      return yellowRing(t('cti-server.status.closing'));
    case 'closed':
      if (s.stopReason === 'taken-over') return red(t('cti-server.status.taken-over'));
      if (s.stopReason === 'invalid-config') {
        return red(t('cti-server.status.invalid-config', { fields: s.failure ?? '' }));
      }
      if (s.stopReason === 'gave-up') {
        return red(t('cti-server.status.gave-up', { failure: s.failure ?? t('cti-server.status.unknown-failure') }));
      }
      return red(t('cti-server.status.closed'));
    default:
      return { fill: 'grey', shape: 'ring', text: t('cti-server.status.not-started') };
  }
}
