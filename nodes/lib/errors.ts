/**
 * Turns what the session and codec throw into one sentence a flow author can act on. The session's error
 * classes are recognised by shape (name and fields), so this file keeps working if a class moves.
 */

/** Plain-words hints for the status codes a flow author is most likely to meet. */
const HINTS: Record<string, string> = {
  E_CTI_INVALID_CALLID: 'the call no longer exists',
  E_CTI_NOT_CALL_PARTY: 'the device is not a party to this call',
  E_CTI_NO_CALL_ACTIVE: 'there is no active call',
  E_CTI_PROTECTED_VARIABLE: 'the peripheral does not let CTI clients change this variable (CallControlVariableMap)',
  E_CTI_FUNCTION_NOT_AVAILABLE:
    'the session was not opened with the service this needs; tick it under Services on the CTI server node',
  E_CTI_INVALID_PERIPHERAL_ID: 'the peripheral ID is not known to this CTI Server',
  E_CTI_AGENT_NOT_LOGGED_ON: 'the agent is not logged on',
  E_CTI_INVALID_AGENT_DATA: 'check the agent ID / extension / instrument',
  E_CTI_NAMED_VARIABLE_NOT_CONFIGURED: 'that ECC variable is not configured in Unified CCE',
  E_CTI_NAMED_ARRAY_NOT_CONFIGURED: 'that ECC array is not configured in Unified CCE',
  E_CTI_INVALID_ARRAY_INDEX: 'the ECC array index is out of range',
  E_CTI_TIMEOUT: 'the peripheral did not answer in time',
  E_CTI_SESSION_NOT_OPEN: 'the session is not open',
  CF_INVALID_CSTA_CALL_IDENTIFIER: 'the call no longer exists',
  CF_INVALID_CSTA_CONNECTION_IDENTIFIER: 'the connection no longer exists',
  CF_INVALID_CSTA_DEVICE_IDENTIFIER: 'the device is not known to the peripheral',
  CF_INVALID_OBJECT_STATE: 'the call or agent is not in a state that allows this',
  CF_GENERIC_STATE_INCOMPATIBILITY: 'the call or agent is not in a state that allows this',
  CF_INVALID_DESTINATION: 'the number cannot be dialled',
  CF_INVALID_CALLED_DEVICE: 'the number cannot be dialled',
  CF_RESOURCE_BUSY: 'the device is busy',
};

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  statusName?: unknown;
  state?: unknown;
  timeoutMs?: unknown;
  code?: unknown;
  messageType?: unknown;
  field?: unknown;
}

/** "E_CTI_INVALID_CALLID (the call no longer exists)" — the code name plus a hint where one is known. */
export function explainStatus(statusName: string): string {
  const hint = HINTS[statusName];
  return hint === undefined ? statusName : `${statusName} (${hint})`;
}

/**
 * The reason part of "<WHAT> failed: <reason>" for an error thrown by session.request() or the codec.
 * Returns undefined for errors whose own message should be shown unchanged.
 */
export function describeFailure(err: unknown): string {
  const e = (err ?? {}) as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  if (typeof e.statusName === 'string' && name !== 'CtiOpenError') return explainStatus(e.statusName);
  if (name === 'CtiTimeoutError' || (typeof e.timeoutMs === 'number' && /timeout/i.test(name))) {
    return `no answer from the CTI Server within ${Math.round(Number(e.timeoutMs) / 100) / 10} s`;
  }
  if (name === 'CtiNotOpenError') {
    const state = typeof e.state === 'string' ? e.state : 'unknown';
    return `not connected to the CTI server (state: ${state})`;
  }
  if (name === 'CtiProtocolError' && typeof e.message === 'string') {
    // The codec prefixes the message type ("SET_CALL_DATA_REQ: callVariable3 is …"); the caller names the request.
    return e.message.replace(/^[A-Z_]+_REQ: /, '');
  }
  return typeof e.message === 'string' && e.message !== '' ? e.message : String(err);
}

/** An Error for done(err) whose text is "<what> failed: <reason>", keeping the original as `cause`. */
export function failure(what: string, err: unknown): Error {
  const out = new Error(`${what} failed: ${describeFailure(err)}`) as Error & { cause?: unknown; code?: string };
  out.cause = err;
  const e = (err ?? {}) as ErrorShape;
  if (typeof e.statusName === 'string') out.code = e.statusName;
  else if (typeof e.code === 'string') out.code = e.code;
  return out;
}

/** A user-input problem found before anything is sent. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    // Node-RED shows an error as String(err): keep the usual "Error: <message>".
    this.name = 'Error';
  }
}
