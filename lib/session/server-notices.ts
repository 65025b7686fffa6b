/**
 * Messages in which the CTI Server tells the session about itself rather than about calls or agents
 * (SYSTEM_EVENT, FAILURE_EVENT, STANDBY_ACTIVE_EVENT, ACTIVE_MAINTENANCE_REQ). This reads what one means for
 * the session; the session decides what that does to its state.
 */
import { StatusCode, SystemEventId, type CtiMessage } from '../protocol';
import { policyFor } from './failure-policy';
import { NO_PERIPHERAL } from './options';

export type ServerNotice =
  /** The server is going away: the link is as good as lost. */
  | { kind: 'server-offline'; reason: string }
  /**
   * FAILURE_EVENT: the server ends this session. `stop`: it must not be re-opened automatically (taken over by
   * another client with the same ClientID); otherwise open again, the other side first. See failure-policy.ts.
   */
  | { kind: 'session-ended'; status: number; stop: boolean; reason: string }
  | { kind: 'peripheral-offline'; reason: string }
  | { kind: 'peripheral-online'; reason: string }
  /** The standby server this session waits on has become active. */
  | { kind: 'standby-active'; reason: string }
  /** The server asks to go into maintenance mode (ACTIVE_MAINTENANCE_REQ, `request`). */
  | { kind: 'maintenance-request'; reason: string; request: CtiMessage }
  /** ACTIVE_MAINTENANCE_EVENT: every client accepted, the other side takes over. */
  | { kind: 'maintenance-continues'; reason: string }
  /** ACTIVE_MAINTENANCE_EVENT: some client rejected (or was silent); nothing moves. */
  | { kind: 'maintenance-cancelled'; reason: string };

const SYS = SystemEventId.byName;

/**
 * `peripheralId` is the one the session opened for: events about other peripherals do not concern it, and a
 * session opened for no particular peripheral is concerned by all.
 */
export function readServerNotice(msg: CtiMessage, peripheralId: number): ServerNotice | undefined {
  switch (msg.messageType) {
    case 'SYSTEM_EVENT':
      return readSystemEvent(msg, peripheralId);
    case 'FAILURE_EVENT':
      return readFailureEvent(msg.status);
    case 'STANDBY_ACTIVE_EVENT_MSG':
      return { kind: 'standby-active', reason: 'the standby CTI Server became active (STANDBY_ACTIVE_EVENT)' };
    case 'ACTIVE_MAINTENANCE_REQ_MSG':
      // The answer depends on whether the session can move (maintenance-mode.ts) and on the state (transitions.ts).
      return {
        kind: 'maintenance-request',
        reason: 'the CTI Server asks to go into maintenance mode (ACTIVE_MAINTENANCE_REQ)',
        request: msg,
      };
    case 'ACTIVE_MAINTENANCE_EVENT_MSG':
      return msg.maintenanceModeContinue
        ? { kind: 'maintenance-continues', reason: 'maintenance mode continues (ACTIVE_MAINTENANCE_EVENT)' }
        : { kind: 'maintenance-cancelled', reason: 'maintenance mode cancelled (ACTIVE_MAINTENANCE_EVENT)' };
    default:
      return undefined;
  }
}

function readSystemEvent(msg: CtiMessage, peripheralId: number): ServerNotice | undefined {
  const ev = msg.systemEventId;
  const mine = peripheralId === NO_PERIPHERAL || msg.systemEventArg1 === peripheralId;
  if (ev === SYS.SYS_CTI_SERVER_OFFLINE) {
    return { kind: 'server-offline', reason: 'CTI Server went offline (SYSTEM_EVENT SYS_CTI_SERVER_OFFLINE)' };
  }
  if (ev === SYS.SYS_PERIPHERAL_GATEWAY_OFFLINE || (ev === SYS.SYS_PERIPHERAL_OFFLINE && mine)) {
    return { kind: 'peripheral-offline', reason: `${SystemEventId.nameOf(ev)} (peripheral ${msg.systemEventArg1})` };
  }
  if (ev === SYS.SYS_PERIPHERAL_ONLINE && mine) {
    return { kind: 'peripheral-online', reason: `SYS_PERIPHERAL_ONLINE (peripheral ${msg.systemEventArg1})` };
  }
  return undefined;
}

/** The reasons users read for the FAILURE_EVENTs that end a session. */
const ENDED_BY: Readonly<Record<string, string>> = {
  E_CTI_CTI_SERVER_OFFLINE: 'CTI Server went offline',
  E_CTI_NEW_SESSION_OPENED: 'taken over by another client with the same ClientID',
  E_CTI_SERVER_IN_MAINTENANCE_MODE: 'CTI Server went into maintenance mode',
};

function readFailureEvent(status: number): ServerNotice | undefined {
  const action = policyFor(status).event;
  if (action === 'ignore') return undefined;
  const name = StatusCode.nameOf(status) ?? `status ${status}`;
  const what = ENDED_BY[name] ?? 'CTI Server ended the session';
  return { kind: 'session-ended', status, stop: action === 'stop', reason: `${what} (FAILURE_EVENT ${name})` };
}
