/**
 * The old link after a planned switchover (maintenance mode, §23.2 steps 6–7): it is no longer the session's link
 * — new requests go to the new active side — but it is not simply dropped. It tells its side
 * STOPPING_REQUESTS_TO_THIS_SIDE_IND at once (the other side is active by now), stops heartbeating, and keeps
 * routing what still arrives on it to the session: the last events of the old side and the answers to the
 * requests that were pending on it at the move. Each of those is answered, or failed with a clear error when the
 * side closes the link or `drainMs` (the guide's 5 s) passes. The side closes the link on the IND; a side that
 * does not is left at the end of `drainMs` (FIN).
 * Unsure: the guide does not say whether a server still answers requests it received before the IND once the IND
 * has arrived; the simulator handles a session's frames in order, so it does. Sending the IND only after the last
 * answer would risk the side's 5-s IND timer, which it enforces by closing the session (the same outcome).
 */
import type { CtiMessage } from '../protocol';
import { CtiNotOpenError } from './errors';
import type { InvokeTable } from './invoke';
import type { AttemptHandlers, LinkAttempt } from './link-attempt';

export class DrainingLink {
  private timer: NodeJS.Timeout | null = null;
  private done = false;

  /**
   * `handlers`: what the session's own link reports to (its messages are the session's); only a failure is
   * handled here. `pending`: the InvokeIDs of the requests that went out on this link and are not answered yet.
   */
  constructor(
    readonly link: LinkAttempt,
    private readonly pending: number[],
    private readonly invokes: InvokeTable,
    handlers: AttemptHandlers,
    private readonly drainMs: number,
    private readonly onDone: (d: DrainingLink) => void,
  ) {
    link.stopHeartbeat();
    link.clearOpenTimer();
    link.handOver({
      ...handlers,
      onFailed: (err) => this.finish(`side ${link.side} closed the link before answering (${err.message})`, false),
    });
  }

  /** STOPPING_REQUESTS_TO_THIS_SIDE_IND, and the deadline for the answers (and for the side to close the link). */
  start(ind: CtiMessage): void {
    this.link.sendQuietly(ind);
    this.timer = setTimeout(
      () => this.finish(`no answer from side ${this.link.side} within ${this.drainMs} ms of the move`),
      this.drainMs,
    );
  }

  /** How many of the requests pending at the move still wait. */
  get waiting(): number {
    return this.pending.filter((id) => this.invokes.requestFor(id) !== undefined).length;
  }

  /** The session closes: whatever still waits fails now. */
  stop(): void {
    this.finish('the session was closed');
  }

  /** Fails what still waits; `end`: the link is closed from this side (otherwise the side closed it). */
  private finish(why: string, end = true): void {
    if (this.done) return;
    this.done = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const side = this.link.side;
    for (const id of this.pending) {
      const req = this.invokes.requestFor(id);
      if (req === undefined) continue;
      const type = req.messageType;
      this.invokes.fail(
        id,
        new CtiNotOpenError(
          `${type} (invokeId ${id}) was pending on side ${side} when the session moved to the other side (maintenance mode) and was not answered: ${why}`,
          'open',
          type,
          id,
        ),
      );
    }
    if (end) void this.link.end(1000);
    this.onDone(this);
  }
}
