/**
 * The one place that turns what lib/ throws into words a flow author can act on: request failures for
 * done(err), and session failures for the node status (short), the log and cti-status (whole sentence, advice).
 * Errors are recognised by their class (instanceof), never by name or message text.
 */
import { CtiProtocolError } from '../../lib/protocol';
import {
  CtiConnectionError,
  CtiNotOpenError,
  CtiOpenError,
  CtiOptionsError,
  CtiRequestError,
  CtiServerEndedError,
  CtiSessionError,
  CtiTimeoutError,
} from '../../lib/session';
import { english, tr, type Translate } from './i18n';

/** "E_CTI_INVALID_CALLID (the call no longer exists)" — the code name plus a hint where the catalog has one. */
export function explainStatus(statusName: string, t: Translate = tr): string {
  const key = `cti-server.hint.${statusName}`;
  const hint = t(key);
  return hint === key ? statusName : `${statusName} (${hint})`;
}

/** The reason part of "<WHAT> failed: <reason>" for an error thrown by a request (session, codec or other). */
export function describeFailure(err: unknown, t: Translate = tr): string {
  if (err instanceof CtiRequestError) return explainStatus(err.statusName, t);
  if (err instanceof CtiTimeoutError) {
    return t('cti-server.failure.timeout', { seconds: Math.round(err.timeoutMs / 100) / 10 });
  }
  if (err instanceof CtiNotOpenError) return t('cti-server.failure.not-open', { state: err.state });
  if (err instanceof CtiProtocolError) {
    // The codec names the message and field ("SET_CALL_DATA_REQ: callVariable3 is …"); the caller names the request.
    return err.messageType === undefined ? err.message : withoutPrefix(err.message, `${err.messageType}: `);
  }
  if (err instanceof Error) return err.message !== '' ? err.message : String(err);
  return String(err);
}

/** Display only: the text without a leading `prefix` (the error was recognised by its class already). */
function withoutPrefix(text: string, prefix: string): string {
  return text.slice(0, prefix.length) === prefix ? text.slice(prefix.length) : text;
}

/** An Error for done(err) whose text is "<what> failed: <reason>", keeping the original as `cause`. */
export function failure(what: string, err: unknown, t: Translate = tr): Error {
  const out = new Error(t('cti-server.failure.failed', { what, reason: describeFailure(err, t) })) as Error & {
    cause?: unknown;
    code?: string;
  };
  out.cause = err;
  if (err instanceof CtiRequestError) out.code = err.statusName;
  else if (err instanceof CtiProtocolError || err instanceof CtiConnectionError) out.code = err.code;
  return out;
}

/** A failure in a few words for a node's status: the status or error code when there is one, else its first clause. */
export function shortFailure(err: unknown): string {
  const cause = err instanceof Error ? (err as Error & { cause?: unknown }).cause : undefined;
  for (const e of [err, cause]) {
    if (e instanceof CtiRequestError) return e.statusName;
    if (e instanceof CtiConnectionError && e.code !== undefined) return e.code;
    if (e instanceof CtiProtocolError) return e.code;
  }
  if (cause instanceof CtiTimeoutError) return tr('cti-server.failure.timeout-short');
  if (cause instanceof CtiNotOpenError) return tr('cti-server.failure.not-open-short');
  return firstClause(err instanceof Error ? err.message : String(err));
}

/** A user-input problem found before anything is sent. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    // Node-RED shows an error as String(err): keep the usual "Error: <message>".
    this.name = 'Error';
  }
}

// ---------------------------------------------------------------- session failures

/** A session failure in three forms. */
export interface Explanation {
  /** For the node status: the code and where, e.g. "ECONNREFUSED 10.0.0.5:42027". Never cut mid-word. */
  short: string;
  /** For the log and cti-status: what happened, on which side, and what to do. One line. */
  full: string;
  /** The same fault gives the same key (no timings, counters or random values): the log-once key. */
  key: string;
  /** Only a configuration change can fix it (the server refused what was asked). */
  configRefused: boolean;
}

/** What the explanation needs to know about the configuration. */
export interface ReasonContext {
  /** "host:port" of a side, as configured. */
  endpoint(side: 'A' | 'B'): string;
  host(side: 'A' | 'B'): string;
  clientId: string;
  passwordSet: boolean;
  tls: boolean;
}

/** Socket error codes with their own catalog text (cti-server.socket.<CODE>). */
const SOCKET_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
]);

/** The first clause of a lib message, for a status line: cut at a clause boundary, never inside a word. */
export function firstClause(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const clause = oneLine.split(/[;—]/)[0].trim();
  if (clause.length <= max) return clause;
  const cut = clause.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > max / 2 ? lastSpace : max)}…`;
}

function isTlsCode(code: string | undefined): boolean {
  return code !== undefined && (code.startsWith('ERR_SSL_') || code === 'EPROTO');
}

/** Certificate verification failures (Node's tls error codes). */
function isCertificateCode(code: string | undefined): boolean {
  return (
    code !== undefined &&
    (code.includes('CERT') || code.includes('SIGNATURE') || code === 'ERR_TLS_CERT_ALTNAME_INVALID')
  );
}

function explainConnection(err: CtiConnectionError, ctx: ReasonContext, t: Translate): Explanation {
  const side = err.side;
  const endpoint = ctx.endpoint(side);
  const code = err.code;
  const p = { side, endpoint, host: ctx.host(side), code: code ?? '' };
  if (ctx.tls && isTlsCode(code)) {
    return {
      short: t('cti-server.reason.tls-short', p),
      full: t('cti-server.reason.tls', p),
      key: `tls:${side}:${code}`,
      configRefused: false,
    };
  }
  if (ctx.tls && isCertificateCode(code)) {
    return {
      short: t('cti-server.reason.certificate-short', p),
      full: t('cti-server.reason.certificate', { ...p, detail: firstClause(causeMessage(err), 200) }),
      key: `certificate:${side}:${code}`,
      configRefused: false,
    };
  }
  if (code !== undefined && SOCKET_CODES.has(code)) {
    const target = code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? p.host : endpoint;
    return {
      short: `${code} ${target}`,
      full: t(`cti-server.socket.${code}`, p),
      key: `socket:${side}:${code}`,
      configRefused: false,
    };
  }
  return {
    short: firstClause(err.message),
    full: t('cti-server.reason.link', { side, endpoint, detail: err.message.replace(/\s+/g, ' ').trim() }),
    key: `link:${side}:${code ?? 'other'}`,
    configRefused: false,
  };
}

function causeMessage(err: CtiConnectionError): string {
  return err.cause instanceof Error ? err.cause.message : err.message;
}

function explainOpenRefusal(err: CtiOpenError, ctx: ReasonContext, t: Translate): Explanation {
  const status = err.statusName;
  const configRefused = err.configRefused;
  if (status === 'E_CTI_INVALID_PASSWORD' && !ctx.passwordSet) {
    const p = { side: err.side, status, clientId: ctx.clientId };
    return {
      short: t('cti-server.reason.no-password-short', p),
      full: t('cti-server.reason.no-password', p),
      key: `open:${status}:no-password`,
      configRefused,
    };
  }
  const fixKey = `cti-server.fix.${status}`;
  const fix = english(fixKey) === fixKey ? err.fix : t(fixKey, { clientId: ctx.clientId });
  return {
    short: status,
    full: t(configRefused ? 'cti-server.reason.config-refused' : 'cti-server.reason.open-refused', {
      side: err.side,
      status,
      code: err.status,
      fix,
    }),
    key: `open:${status}`,
    configRefused,
  };
}

/** Explains a session failure (the state's lastError). */
export function explainSessionError(err: unknown, ctx: ReasonContext, t: Translate = tr): Explanation {
  if (err instanceof CtiOpenError) return explainOpenRefusal(err, ctx, t);
  if (err instanceof CtiServerEndedError) {
    const p = {
      side: err.side,
      endpoint: ctx.endpoint(err.side),
      status: err.statusName,
      detail: firstClause(err.message, 200),
    };
    return {
      short: err.statusName,
      full: t(err.takenOver ? 'cti-server.reason.taken-over' : 'cti-server.reason.server-ended', {
        ...p,
        clientId: ctx.clientId,
      }),
      key: `ended:${err.statusName}`,
      configRefused: false,
    };
  }
  if (err instanceof CtiConnectionError) return explainConnection(err, ctx, t);
  if (err instanceof CtiTimeoutError) {
    return {
      short: t('cti-server.reason.no-answer-short', { request: err.requestType }),
      full: t('cti-server.reason.no-answer', { request: err.requestType, detail: err.message }),
      key: `timeout:${err.requestType}`,
      configRefused: false,
    };
  }
  if (err instanceof CtiProtocolError) {
    return {
      short: t('cti-server.reason.protocol-short', { code: err.code }),
      // The message may carry the random type / length of the garbage: fine in the text, kept out of the key.
      full: t('cti-server.reason.protocol', { code: err.code, detail: err.message }),
      key: `protocol:${err.code}`,
      configRefused: false,
    };
  }
  if (err instanceof CtiOptionsError) {
    return {
      short: t('cti-server.reason.invalid-config-short', { fields: err.option }),
      full: t('cti-server.errors.invalid-config', { error: err.message }),
      key: `options:${err.option}`,
      configRefused: true,
    };
  }
  if (err instanceof CtiSessionError || err instanceof Error) {
    return {
      short: firstClause(err.message),
      full: err.message.replace(/\s+/g, ' ').trim(),
      key: `${err.constructor.name}:${firstClause(err.message).replace(/\d+/g, '#')}`,
      configRefused: false,
    };
  }
  const text = String(err);
  return { short: firstClause(text), full: text, key: `other:${text.replace(/\d+/g, '#')}`, configRefused: false };
}
