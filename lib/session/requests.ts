/**
 * The session's requests: the table of those waiting for their CONF (invoke.ts), what may be sent and when it is
 * refused, the variable registration to restore after every OPEN_CONF, and the CLOSE_REQ of close(). A request is
 * sent on the link the session names; its promise settles exactly once — by its CONF, its timeout, or being
 * rejected when the link it went out on is lost or the session closes. None is dropped silently.
 */
import { StatusCode, type CtiMessage } from '../protocol';
import { deferred } from './deferred';
import { CtiInvalidRequestError, CtiNotOpenError } from './errors';
import { InvokeTable } from './invoke';
import type { LinkAttempt } from './link-attempt';
import type { ResolvedOptions } from './options';
import type { SessionState } from './session-state';

export interface RequestOptions {
  /** Default: the session's requestTimeoutMs. */
  timeoutMs?: number;
}

export class SessionRequests {
  /** InvokeIDs of requests, OPEN_REQs and HEARTBEAT_REQs come from one table: no two are alike on any link. */
  readonly invokes = new InvokeTable();
  /** REGISTER_VARIABLES_REQ to send after every OPEN_CONF (from the options, then the last one accepted). */
  private registration: CtiMessage | undefined;
  private closeInvokeId = -1;
  private closeAnswered: (() => void) | null = null;

  constructor(private readonly options: Readonly<ResolvedOptions>) {
    this.registration = options.registration;
  }

  get size(): number {
    return this.invokes.size;
  }

  /**
   * request(): checks the message and the timeout, sends it on `link` (undefined: the session cannot take
   * requests now; `notOpen` says why). Never throws.
   */
  send(
    link: LinkAttempt | undefined,
    message: CtiMessage,
    opts: RequestOptions,
    notOpen: (type: string) => CtiNotOpenError,
  ): Promise<CtiMessage> {
    if (!message || typeof message !== 'object' || typeof message.messageType !== 'string') {
      return Promise.reject(
        new CtiInvalidRequestError('request(message): message must be an object with a messageType'),
      );
    }
    if (link === undefined) return Promise.reject(notOpen(message.messageType));
    const timeoutMs = opts.timeoutMs ?? this.options.requestTimeoutMs;
    if (!(timeoutMs > 0)) {
      return Promise.reject(new CtiInvalidRequestError(`request timeoutMs must be > 0, got ${timeoutMs}`));
    }
    const promise = this.sendOn(link, message, timeoutMs);
    if (message.messageType === 'REGISTER_VARIABLES_REQ') {
      // The server forgets registrations with the session; remember the one it accepted to restore it on re-open.
      promise.then(
        () => (this.registration = withoutInvokeId(message)),
        () => undefined,
      );
    }
    return promise;
  }

  /**
   * After OPEN_CONF: the registration this session asked for, sent again on the new link. Resolves with what to
   * add to the 'open' reason; rejects with the server's refusal. Undefined when there is nothing to restore.
   */
  restoreRegistration(link: LinkAttempt, reopened: boolean): Promise<string> | undefined {
    const registration = this.registration;
    if (registration === undefined) return undefined;
    return this.sendOn(link, registration, this.options.requestTimeoutMs).then(() =>
      reopened ? '; variable registration restored' : '; variables registered',
    );
  }

  /** The request a CONF answers (for the call tracker), before settle(). */
  requestFor(invokeId: number): CtiMessage | undefined {
    return this.invokes.requestFor(invokeId);
  }

  /** A CONF (or FAILURE_CONF): settles its request. True when it answered close()'s CLOSE_REQ. */
  settle(msg: CtiMessage): boolean {
    const t = msg.messageType;
    if (msg.invokeId === this.closeInvokeId && (t === 'CLOSE_CONF' || t === 'FAILURE_CONF')) {
      this.closeAnswered?.();
      return true;
    }
    this.invokes.settle(msg);
    return false;
  }

  /** Every pending request fails: the link it went out on is gone (`why` names the cause) or the session closed. */
  rejectAll(how: 'lost' | 'closed', state: SessionState, side: 'A' | 'B' | undefined, why: string): void {
    this.invokes.rejectAll(
      (type, id) =>
        new CtiNotOpenError(
          how === 'closed'
            ? `${type} (invokeId ${id}) was pending when the session was closed`
            : `${type} (invokeId ${id}) was pending when the link to side ${side} was lost${why}`,
          state,
          type,
          id,
        ),
    );
  }

  /**
   * close(): CLOSE_REQ, then the CLOSE_CONF, its timeout or the link dropping, whichever comes first; what is
   * still pending then fails; then FIN.
   */
  async goodbye(link: LinkAttempt, state: () => SessionState): Promise<void> {
    const answer = deferred<void>();
    this.closeAnswered = () => answer.resolve();
    this.closeInvokeId = this.invokes.allocate();
    const sent = !link.sendQuietly({
      messageType: 'CLOSE_REQ',
      invokeId: this.closeInvokeId,
      status: StatusCode.byName.E_CTI_NO_ERROR,
    });
    if (sent) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.closeTimeoutMs)));
      await Promise.race([answer.promise, timeout, link.whenRetired()]);
      clearTimeout(timer);
    }
    this.closeAnswered = null;
    this.closeInvokeId = -1;
    this.rejectAll('closed', state(), link.side, '');
    await link.end(1000);
  }

  private sendOn(link: LinkAttempt, message: CtiMessage, timeoutMs: number): Promise<CtiMessage> {
    const invokeId = this.invokes.allocate();
    const out: CtiMessage = { ...message, invokeId };
    const promise = this.invokes.add(invokeId, out, timeoutMs);
    try {
      link.send(out);
    } catch (err) {
      this.invokes.fail(invokeId, err instanceof Error ? err : new Error(String(err)));
    }
    return promise;
  }
}

/** A request as remembered for re-sending: the next send gets a fresh InvokeID. */
function withoutInvokeId(message: CtiMessage): CtiMessage {
  const copy: CtiMessage = { ...message };
  delete copy.invokeId;
  return copy;
}
