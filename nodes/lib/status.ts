/**
 * The status dot every node that uses a CTI server shows, derived from the session state:
 * yellow ring connecting, green dot connected A/B, yellow dot peripheral offline, red ring disconnected: reason.
 */
import type { NodeStatus } from 'node-red';

/** Translates a catalog key; falls back to the English template when no catalog answers (e.g. in the test helper). */
export type Translate = (key: string, params: Record<string, string>, fallback: string) => string;

const MAX_REASON = 48;

/**
 * The part of a session reason that fits under a node: the status or socket error code when there is one
 * (E_CTI_INVALID_PASSWORD, ECONNREFUSED), else the first clause, shortened.
 */
export function shortReason(reason: string | undefined): string {
  const r = (reason ?? '').replace(/\s+/g, ' ').trim() || 'closed';
  const code = /\b(E_CTI_[A-Z_]+|E_INVALID_[A-Z_]+|CF_[A-Z_]+|E[A-Z]{4,}|SYS_[A-Z_]+)\b/.exec(r);
  if (code) return code[1];
  const first = r.split(/[;—]/)[0].trim();
  return first.length > MAX_REASON ? `${first.slice(0, MAX_REASON - 1)}…` : first;
}

export function statusForState(
  state: string,
  side: string | undefined,
  reason: string | undefined,
  t: Translate,
): NodeStatus {
  switch (state) {
    case 'open':
      return {
        fill: 'green',
        shape: 'dot',
        text: t('cti-server.status.connected', { side: side ?? '' }, `connected ${side ?? ''}`.trim()),
      };
    case 'peripheral-offline':
      return {
        fill: 'yellow',
        shape: 'dot',
        text: t('cti-server.status.peripheral-offline', {}, 'peripheral offline'),
      };
    case 'connecting':
    case 'standby':
      return { fill: 'yellow', shape: 'ring', text: t('cti-server.status.connecting', {}, 'connecting') };
    default: {
      // failover (link lost or refused; the next attempt is scheduled), idle, closing, closed: say why.
      const why = shortReason(reason ?? (state === 'idle' ? 'not started' : state));
      return {
        fill: 'red',
        shape: 'ring',
        text: t('cti-server.status.disconnected', { reason: why }, `disconnected: ${why}`),
      };
    }
  }
}

/** Builds a Translate over RED._, detecting an untranslated key by the key coming back unchanged. */
export function translator(redUnderscore: (key: string, params?: Record<string, string>) => string): Translate {
  return (key, params, fallback) => {
    try {
      const out = redUnderscore(key, params);
      return typeof out === 'string' && out !== key && !out.endsWith(`:${key}`) && out !== '' ? out : fallback;
    } catch {
      return fallback;
    }
  };
}
