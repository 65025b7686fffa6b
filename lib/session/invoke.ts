/**
 * InvokeID allocation and the table of requests waiting for their CONF. Every entry is settled exactly
 * once: by its CONF, by its timeout, or by rejectAll() when the link drops or the session closes.
 */
import type { CtiMessage } from '../protocol';
import { CtiRequestError, CtiTimeoutError } from './errors';

interface Pending {
  requestType: string;
  request: CtiMessage;
  resolve: (m: CtiMessage) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

const MAX_INVOKE_ID = 0xffffffff;

export class InvokeTable {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  get size(): number {
    return this.pending.size;
  }

  /** The next free InvokeID (1 … 2^32-1, wrapping, skipping ids still pending). */
  allocate(): number {
    for (;;) {
      const id = this.next;
      this.next = this.next >= MAX_INVOKE_ID ? 1 : this.next + 1;
      if (!this.pending.has(id)) return id;
    }
  }

  /** Registers a request; the promise settles on its CONF, failure CONF, timeout or rejectAll(). */
  add(invokeId: number, request: CtiMessage, timeoutMs: number): Promise<CtiMessage> {
    return new Promise<CtiMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(invokeId);
        reject(new CtiTimeoutError(request.messageType, timeoutMs, invokeId));
      }, timeoutMs);
      this.pending.set(invokeId, { requestType: request.messageType, request, resolve, reject, timer });
    });
  }

  /** The InvokeIDs of the requests waiting now. */
  ids(): number[] {
    return [...this.pending.keys()];
  }

  /** The request waiting for this InvokeID, if any. */
  requestFor(invokeId: number): CtiMessage | undefined {
    return this.pending.get(invokeId)?.request;
  }

  /**
   * Settles the request a CONF answers. Returns false when no request waits for it (late CONF after a
   * timeout, or a CONF for someone else's id).
   */
  settle(conf: CtiMessage): boolean {
    const id = conf.invokeId;
    if (typeof id !== 'number') return false;
    const p = this.pending.get(id);
    if (!p) return false;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (conf.messageType === 'FAILURE_CONF' || conf.messageType === 'CONTROL_FAILURE_CONF') {
      p.reject(new CtiRequestError(p.requestType, id, conf));
    } else {
      p.resolve(conf);
    }
    return true;
  }

  /** Rejects one request (e.g. its frame could not be written). */
  fail(invokeId: number, err: Error): void {
    const p = this.pending.get(invokeId);
    if (!p) return;
    this.pending.delete(invokeId);
    clearTimeout(p.timer);
    p.reject(err);
  }

  /** Rejects everything still pending; `makeError` builds the error per request. */
  rejectAll(makeError: (requestType: string, invokeId: number) => Error): void {
    const entries = [...this.pending];
    this.pending.clear();
    for (const [id, p] of entries) {
      clearTimeout(p.timer);
      p.reject(makeError(p.requestType, id));
    }
  }
}
