/** Session states and the payload of the 'state' event. */

/**
 * - idle: constructed, open() not called yet
 * - connecting: a TCP connect + OPEN_REQ to one side is in progress
 * - standby: connected to a standby CTI Server (PV24 active/standby), waiting for STANDBY_ACTIVE_EVENT
 * - open: OPEN_CONF received, requests allowed
 * - peripheral-offline: open, but the PG / peripheral reports offline (requests still allowed; events may stop)
 * - failover: the link was lost or refused; the next attempt (the other side first) is scheduled
 * - closing: close() is running (CLOSE_REQ sent)
 * - closed: close() finished, or the session gave up (reason says why)
 */
export type SessionState =
  'idle' | 'connecting' | 'standby' | 'open' | 'peripheral-offline' | 'failover' | 'closing' | 'closed';

export interface SessionStateInfo {
  state: SessionState;
  previous: SessionState;
  /** Why, in words. */
  reason: string;
  /** The side in use or being tried. */
  side?: 'A' | 'B';
  /** Successful re-opens after a lost link. */
  reconnects: number;
  lastError?: Error;
  /**
   * true from a re-open following a lost link: events sent while the link was down are gone (call
   * snapshots may be stale until the next event for each call).
   */
  eventsMayHaveBeenMissed: boolean;
  /** In 'failover': milliseconds until the next attempt. */
  nextAttemptInMs?: number;
  /** In 'failover': the side of the next attempt (`side` is the one the reason is about). */
  nextSide?: 'A' | 'B';
  /** Hot standby: the side on which a standby session (SessionType 2) is held, ready to take over. */
  standbySide?: 'A' | 'B';
  /** Protocol version in use, or being tried. */
  version?: number;
  /** While 'connecting': 'tcp' = no TCP connection yet; 'handshake' = TCP up, waiting for OPEN_CONF. */
  phase?: 'tcp' | 'handshake';
  /**
   * The reason normalised for "log once per reason": the same fault gives the same key on every retry and on
   * either side — no side, no random numbers, no timings (e.g. `socket:ECONNREFUSED`,
   * `open-refused:E_CTI_INVALID_PASSWORD`, `dead-link`, `bad-frame:…`).
   */
  reasonKey: string;
  /**
   * In 'failover': the server refused the configuration (password, peripheral ID, a mask …) — only a
   * configuration change fixes it; retrying goes on at the capped interval.
   */
  configRefused?: boolean;
  /**
   * With 'closed': why it stopped. 'close' = close() (or closed before open()); 'gave-up' = the give-up limit, or
   * reconnect disabled; 'taken-over' = FAILURE_EVENT E_CTI_NEW_SESSION_OPENED (another client with the same
   * ClientID): no automatic reconnect, which would evict the other client in turn.
   */
  stopReason?: 'close' | 'gave-up' | 'taken-over';
  /** Deviations met while decoding what the server sent (see the 'protocol-warning' event). */
  protocolWarnings: ProtocolWarningCounts;
  /** When the state was entered (ms since epoch). */
  at: number;
}

export interface ProtocolWarningCounts {
  /** Deviations counted (each message can have several). */
  total: number;
  /** Frames that could not be decoded at all and were dropped. */
  dropped: number;
  /** Count per warning key (`MESSAGE.field:kind`). */
  byKind: Record<string, number>;
}

export interface SessionStats {
  /** Connect attempts (each side try counts). */
  attempts: number;
  reconnects: number;
  /** OPEN_REQs refused by FAILURE_CONF (consecutive, reset by a successful open). */
  openFailures: number;
  /** Links lost after the session was open (drops, dead links, server offline). */
  linkDrops: number;
  /** Dead links detected by the heartbeat. */
  deadLinks: number;
  /** Frames that could not be decoded (reported through 'protocol-error'). */
  decodeErrors: number;
  /**
   * Heartbeat ticks that came more than an interval late: Node-RED's event loop was blocked (a long synchronous
   * job in a flow). No dead-link verdict is given on such a tick.
   */
  loopStalls: number;
  lastError?: Error;
  openedAt?: number;
}

/** The counters of a new session. */
export function newStats(): SessionStats {
  return { attempts: 0, reconnects: 0, openFailures: 0, linkDrops: 0, deadLinks: 0, decodeErrors: 0, loopStalls: 0 };
}
