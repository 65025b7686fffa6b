/** The payload of the 'state' event, from the transition taken and what the session knows at that moment. */
import { reasonKeyOf } from './failure-events';
import type { Step } from './state-machine';
import type { ProtocolWarningCounts, SessionStateInfo } from './session-state';

export interface SessionFacts {
  side: 'A' | 'B' | undefined;
  version: number;
  reconnects: number;
  lastError: Error | undefined;
  eventsMayHaveBeenMissed: boolean;
  standbySide: 'A' | 'B' | undefined;
  protocolWarnings: ProtocolWarningCounts;
}

export function stateInfo(step: Step, facts: SessionFacts): SessionStateInfo {
  const { transition: tr, detail, next } = step;
  const info: SessionStateInfo = {
    state: tr.to,
    previous: step.from,
    reason: tr.says?.reason ?? detail.reason,
    reasonKey: tr.says?.key ?? detail.key ?? (detail.error ? reasonKeyOf(detail.error) : tr.to),
    side: facts.side,
    version: facts.version,
    reconnects: facts.reconnects,
    lastError: facts.lastError,
    // A closed session knows nothing current: nothing can have been missed until it opens again.
    eventsMayHaveBeenMissed: tr.to !== 'closed' && facts.eventsMayHaveBeenMissed,
    protocolWarnings: facts.protocolWarnings,
    at: Date.now(),
  };
  if (facts.standbySide !== undefined) info.standbySide = facts.standbySide;
  if (tr.to === 'connecting') info.phase = detail.phase ?? 'tcp';
  if (next !== undefined) {
    // The reason (and `side`) stay about the side that failed; nextSide says where the next attempt goes.
    info.reason = detail.configRefused
      ? `${detail.reason}; the server refused the configuration; retrying at the capped interval, next attempt on side ${next.side} in ${next.delayMs} ms`
      : `${detail.reason}; next attempt on side ${next.side} in ${next.delayMs} ms`;
    info.nextAttemptInMs = next.delayMs;
    info.nextSide = next.side;
    info.configRefused = detail.configRefused === true;
  }
  if (tr.to === 'closed') info.stopReason = detail.stopReason ?? 'close';
  return info;
}
