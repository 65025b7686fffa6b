/**
 * Typed session errors. Each says what happened in words a Node-RED user can act on, and carries the
 * machine-readable parts (status name, number, request type) for flows that branch on them.
 */
import { ControlFailureCode, StatusCode, decodeWarningKey, type DecodeWarning } from '../protocol';
import { policyFor } from './failure-policy';

/** Base class: every error the session produces (other than codec errors) is a CtiSessionError. */
export class CtiSessionError extends Error {
  /**
   * The reason normalised for "log once per reason": the same fault gives the same key on every retry and on
   * either side (no side, no random numbers, no timings in it).
   */
  readonly reasonKey: string;

  constructor(message: string, reasonKey = 'session') {
    super(message);
    this.name = new.target.name;
    this.reasonKey = reasonKey;
  }
}

/** Advice for the open rejections a user can fix in the configuration. */
const OPEN_FIXES: Record<string, string> = {
  E_CTI_INVALID_PASSWORD: 'check the client password configured for ClientID "{clientId}"',
  E_CTI_INVALID_VERSION: 'the CTI Server does not speak protocol version {version}; configure a version it supports',
  E_CTI_INVALID_PERIPHERAL_ID: 'check the peripheral ID ({peripheralId}) against the PG configuration',
  E_CTI_INVALID_SERVICE_MASK: 'the requested services are not allowed for this client; check the services setting',
  E_CTI_INVALID_CALL_MSG_MASK: 'check the call message mask',
  E_CTI_INVALID_AGENT_STATE_MASK: 'check the agent state mask',
  E_INVALID_CONFIG_MSG_MASK: 'check the config message mask',
  E_CTI_INVALID_TIMEOUT: 'the idle timeout must be at least 20 seconds',
  E_CTI_REQUIRED_DATA_MISSING:
    'a required field is missing (ClientID, or agent extension/ID/instrument for client events)',
  E_CTI_INVALID_AGENT_DATA: 'check the agent extension / agent ID / instrument',
  E_CTI_INCONSISTENT_AGENT_DATA: 'the agent extension, agent ID and instrument do not belong together',
  E_CTI_AGENT_NOT_LOGGED_ON: 'the agent is not logged on',
  E_CTI_DEVICE_IN_USE: 'another client already uses this agent device',
  E_CTI_SERVER_NOT_MASTER: 'this side is the standby CTI Server; the session tries the other side',
  E_CTI_CTI_SERVER_OFFLINE: 'the CTI Server is offline; the session tries the other side',
  E_CTI_INVALID_CLIENT_FOR_STANDBY: 'this side is the standby CTI Server; the session tries the other side',
  E_CTI_SERVER_IN_MAINTENANCE_MODE: 'the CTI Server is in maintenance mode; the session tries the other side',
};

export interface OpenErrorContext {
  clientId: string;
  version: number;
  peripheralId?: number;
  side: 'A' | 'B';
}

/** OPEN_REQ was answered with FAILURE_CONF. */
export class CtiOpenError extends CtiSessionError {
  readonly statusName: string;
  readonly status: number;
  readonly side: 'A' | 'B';
  /** What to change, in words. */
  readonly fix: string;
  /** Only a configuration change fixes it (failure-policy.ts); the session retries at the capped interval. */
  readonly configRefused: boolean;

  constructor(status: number, ctx: OpenErrorContext) {
    const statusName = StatusCode.nameOf(status) ?? `status ${status}`;
    const fix = (OPEN_FIXES[statusName] ?? 'see the CTI Server log for the reason')
      .replace('{clientId}', ctx.clientId)
      .replace('{version}', String(ctx.version))
      .replace('{peripheralId}', ctx.peripheralId === undefined ? 'none' : String(ctx.peripheralId));
    super(
      `CTI Server side ${ctx.side} refused OPEN_REQ: ${statusName} (${status}) — ${fix}`,
      `open-refused:${statusName}`,
    );
    this.statusName = statusName;
    this.status = status;
    this.side = ctx.side;
    this.fix = fix;
    this.configRefused = policyFor(status).open === 'config';
  }
}

/** A request was answered with FAILURE_CONF or CONTROL_FAILURE_CONF. */
export class CtiRequestError extends CtiSessionError {
  /** E_CTI_* name (FAILURE_CONF) or CF_* name (CONTROL_FAILURE_CONF). */
  readonly statusName: string;
  readonly status: number;
  readonly requestType: string;
  readonly invokeId: number;
  /** CONTROL_FAILURE_CONF only. */
  readonly peripheralErrorCode?: number;
  /** The failure message as received. */
  readonly response: Readonly<Record<string, unknown>>;

  constructor(requestType: string, invokeId: number, response: Record<string, unknown>) {
    const control = response.messageType === 'CONTROL_FAILURE_CONF';
    const status = Number(control ? response.failureCode : response.status);
    const statusName = (control ? ControlFailureCode.nameOf(status) : StatusCode.nameOf(status)) ?? `status ${status}`;
    const pec = control ? Number(response.peripheralErrorCode) : undefined;
    super(
      `${requestType} (invokeId ${invokeId}) failed: ${response.messageType} ${statusName} (${status})` +
        (pec ? `, peripheral error ${pec}` : ''),
      `request-failed:${requestType}:${statusName}`,
    );
    this.statusName = statusName;
    this.status = status;
    this.requestType = requestType;
    this.invokeId = invokeId;
    this.peripheralErrorCode = pec;
    this.response = response;
  }
}

/** No CONF (or OPEN_CONF / CLOSE_CONF / connect) within the time allowed. */
export class CtiTimeoutError extends CtiSessionError {
  readonly requestType: string;
  readonly invokeId?: number;
  readonly timeoutMs: number;
  /** The side that did not answer, when it is about a link (OPEN_REQ). */
  readonly side?: 'A' | 'B';

  constructor(requestType: string, timeoutMs: number, invokeId?: number, what?: string, side?: 'A' | 'B') {
    super(
      what ??
        `${requestType}${invokeId === undefined ? '' : ` (invokeId ${invokeId})`} got no answer within ${timeoutMs} ms`,
      `timeout:${requestType}`,
    );
    this.requestType = requestType;
    this.invokeId = invokeId;
    this.timeoutMs = timeoutMs;
    if (side !== undefined) this.side = side;
  }
}

/**
 * The session is not open: a request made while connecting / reconnecting / closed, or a request that was
 * pending when the link dropped (then `requestType` / `invokeId` say which).
 */
export class CtiNotOpenError extends CtiSessionError {
  readonly state: string;
  readonly requestType?: string;
  readonly invokeId?: number;

  constructor(message: string, state: string, requestType?: string, invokeId?: number) {
    super(message, `not-open:${state}`);
    this.state = state;
    this.requestType = requestType;
    this.invokeId = invokeId;
  }
}

/**
 * The TCP / TLS link failed (refused, reset, timed out, dead link, a frame that cannot be framed). `cause` is the
 * socket (or framing) error when there is one, `code` its code (ECONNREFUSED …). `reasonKey` defaults to
 * `socket:<code>`, or `link` without a code.
 */
export class CtiConnectionError extends CtiSessionError {
  readonly side: 'A' | 'B';
  readonly code?: string;
  readonly cause?: unknown;

  constructor(side: 'A' | 'B', message: string, cause?: unknown, reasonKey?: string) {
    const raw = (cause as { code?: unknown } | undefined)?.code;
    const code = typeof raw === 'string' ? raw : undefined;
    super(`side ${side}: ${message}`, reasonKey ?? (code ? `socket:${code}` : 'link'));
    this.side = side;
    this.cause = cause;
    if (code !== undefined) this.code = code;
  }
}

/**
 * The CTI Server ended the session with a FAILURE_EVENT (or refused a HEARTBEAT_REQ): `statusName` says why.
 * `takenOver`: E_CTI_NEW_SESSION_OPENED — another client with the same ClientID opened a session, and this one
 * must not re-open by itself (it would evict the other in turn).
 */
export class CtiServerEndedError extends CtiConnectionError {
  readonly statusName: string;
  readonly status: number;
  readonly takenOver: boolean;

  constructor(side: 'A' | 'B', status: number, message: string, via: 'FAILURE_EVENT' | 'HEARTBEAT_REQ') {
    const statusName = StatusCode.nameOf(status) ?? `status ${status}`;
    super(side, message, undefined, `${via === 'FAILURE_EVENT' ? 'failure-event' : 'heartbeat-refused'}:${statusName}`);
    this.statusName = statusName;
    this.status = status;
    this.takenOver = status === StatusCode.byName.E_CTI_NEW_SESSION_OPENED;
  }
}

/**
 * A message from the server deviated from the protocol reference but was delivered with what could be read
 * (liberal decoding). Emitted on the session's 'warning' once per `key` (message, field, kind); later ones are
 * only counted (session.protocolWarnings).
 */
export class CtiProtocolWarning extends CtiSessionError {
  readonly side: 'A' | 'B';
  readonly warning: Readonly<DecodeWarning>;
  /** `MESSAGE.field:kind`, as counted in protocolWarnings.byKind. */
  readonly key: string;

  constructor(side: 'A' | 'B', warning: DecodeWarning) {
    const key = decodeWarningKey(warning);
    super(
      `side ${side}: ${warning.messageType} deviates from the protocol reference (${warning.field ?? 'message'}: ` +
        `${warning.kind}: ${warning.detail}); delivered as read — further ones like it are only counted`,
      `protocol-warning:${key}`,
    );
    this.side = side;
    this.warning = warning;
    this.key = key;
  }
}

/** request() was called with something that is not a request (no messageType, a bad timeout). */
export class CtiInvalidRequestError extends CtiSessionError {
  constructor(message: string) {
    super(message, 'invalid-request');
  }
}
