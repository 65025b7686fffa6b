import { type CtiMessage, StatusCode } from '../protocol';
import type { CallFlows } from './call-flows';
import type { SimAgent, SimModel } from './model';
import type { SimVariableRegistration } from './types';

const S = StatusCode.byName;

/**
 * What a request handler may see and do of the session the request came on: its identity and grants, and
 * the answers it sends. Handlers never touch the session's frames, masks or lifecycle.
 */
export interface RequestSession {
  readonly id: number;
  /** Protocol version the session opened with (message sizes differ by version). */
  readonly version: number;
  readonly services: number;
  /** 'closed' once the session has ended (configuration updates stop then). */
  readonly state: 'new' | 'open' | 'closed';
  /** OPEN_REQ ConfigMsgMask: the configuration items the client wants updates of. */
  readonly configMsgMask: number;
  /** The agent a Client Events session signed on as. */
  readonly agent: SimAgent | undefined;
  readonly isAllEvents: boolean;
  /** CTIClientSignature of the session's client. */
  readonly signature: string | undefined;
  /** OPEN_REQ ClientID, and the client's address ("host:port"). */
  readonly clientId: string | undefined;
  readonly remote: string;
  send(message: CtiMessage): boolean;
  failureConf(invokeId: number, status: number): void;
  /** Replaces what the session receives of call variables and ECC (REGISTER_VARIABLES_REQ). */
  registerVariables(registration: SimVariableRegistration): void;
}

/** What request handlers need of the simulator: the peripheral, its call flows, the log. */
export interface RequestHost {
  readonly model: SimModel;
  readonly flows: CallFlows;
  log(line: string): void;
}

/** One request being handled. */
export interface RequestContext {
  readonly session: RequestSession;
  readonly host: RequestHost;
  readonly msg: CtiMessage;
  readonly invokeId: number;
}

export type RequestHandler = (c: RequestContext) => void;

/** A request refused at the session level (FAILURE_CONF) or by the peripheral (CONTROL_FAILURE_CONF). */
export class Refusal extends Error {
  constructor(
    readonly kind: 'failure' | 'control',
    readonly code: number,
    text: string,
  ) {
    super(text);
  }
}
export const failure = (status: number, text: string): Refusal => new Refusal('failure', status, text);
export const control = (code: number, text: string): Refusal => new Refusal('control', code, text);

/** The request's plain CONF (InvokeID only). */
export function conf(c: RequestContext, type: string): void {
  c.session.send({ messageType: type, invokeId: c.invokeId });
}

/** Runs a call flow; a flow that refuses (wrong call or agent state) becomes CONTROL_FAILURE_CONF `code`. */
export function runFlow<T>(fn: () => T, code: number): T {
  try {
    return fn();
  } catch (err) {
    throw control(code, err instanceof Error ? err.message : String(err));
  }
}

/** A request naming another peripheral: FAILURE_CONF E_CTI_INVALID_PERIPHERAL_ID. */
export function checkPeripheral(c: RequestContext): void {
  if (c.msg.peripheralId !== undefined && c.msg.peripheralId !== c.host.model.peripheralId) {
    throw failure(
      S.E_CTI_INVALID_PERIPHERAL_ID,
      `PeripheralID ${c.msg.peripheralId} is not ${c.host.model.peripheralId}`,
    );
  }
}

/** The request's CallVariable1..10, by number. */
export function cvsOf(msg: CtiMessage): { [n: number]: string } {
  const out: { [n: number]: string } = {};
  for (let i = 1; i <= 10; i++) if (typeof msg[`callVariable${i}`] === 'string') out[i] = msg[`callVariable${i}`];
  return out;
}

/** ECC bytes as they travel: tag + length header, then the data (index byte, name, NUL, value, NUL). */
export function eccBytes(msg: CtiMessage, version: number): number {
  const header = version >= 20 ? 4 : 2;
  let n = 0;
  for (const v of (msg.namedVariables ?? []) as { name: string; value: string }[])
    n += header + v.name.length + 1 + v.value.length + 1;
  for (const v of (msg.namedArrays ?? []) as { name: string; value: string }[])
    n += header + 1 + v.name.length + 1 + v.value.length + 1;
  return n;
}
