/**
 * What a session feeds with every inbound message: the call tracker and the agent tracker behind one door.
 * The session knows only this class (feed, opened, clear) and hands its results on; it never reaches into the
 * trackers. Readers (the cti-server node's `tracked()`, tests) use `calls` / `agents`.
 */
import type { CtiMessage } from '../protocol';
import { AgentTracker } from './agent-tracker';
import { CallTracker, type CallTrackerOptions } from './call-tracker';
import type { CallSnapshot } from './call-snapshot';
import { StaleCallSweep, type SweepHost } from './stale-sweep';

export interface TrackingOptions extends Omit<CallTrackerOptions, 'agentAt'> {
  /** Follow calls (default true); agents are followed either way (cheap, one entry per agent). */
  trackCalls?: boolean;
  /**
   * How to ask the server about calls after a switchover or reconnect (stale-sweep.ts). Without it calls that ended
   * while the link was down stay until the age bound.
   */
  sweep?: SweepHost;
}

export class Tracking {
  readonly calls: CallTracker;
  readonly agents = new AgentTracker();
  /** Calls that ended while the link was down (stale-sweep.ts); its `last` settles when the last sweep is done. */
  readonly sweep: StaleCallSweep | undefined;
  private readonly trackCalls: boolean;
  /** The link changed, not by a planned move, since the last sweep began: the next open sweeps. */
  private sweepDue = false;

  constructor(opts: TrackingOptions = {}) {
    this.trackCalls = opts.trackCalls ?? true;
    const { sweep, ...trackerOptions } = opts;
    this.calls = new CallTracker({ ...trackerOptions, agentAt: (device) => this.agents.get(device) });
    if (sweep !== undefined && this.trackCalls) this.sweep = new StaleCallSweep(this.calls, sweep);
  }

  /**
   * One inbound message. `request` is the request a CONF answers (CONFs rename and create calls). Returns the
   * call's snapshot after the message for call messages, else undefined. The call is tracked before the agent:
   * a call event sees the agents as they were before it.
   */
  feed(msg: CtiMessage, request?: CtiMessage): CallSnapshot | undefined {
    const call = this.trackCalls ? this.calls.update(msg, request) : undefined;
    this.agents.update(msg, request);
    return call;
  }

  /**
   * The session took an OPEN_CONF, or a standby session became its link (a switchover), with this protocol version
   * (from 22 CALL_DATA_UPDATE carries the whole ECC set). The calls tracked so far wait to be restated by the new
   * link. `moved`: a planned move (PG maintenance) — nothing is missed: the old link drains, every END_CALL_EVENT
   * arrives on one link or the other, so no sweep (it could even race an END still on its way on the old link).
   */
  opened(version: number, moved = false): void {
    this.calls.version = version;
    this.calls.linkChanged();
    this.sweepDue = !moved;
  }

  /**
   * The session announced a state. Open on a new link after a reconnect or a takeover after a crash (with the
   * peripheral offline: once it is back): the calls the new link did not restate are asked about. Not open: the
   * sweep in progress stops.
   * Unsure: a peripheral that was offline and is back on the same link may have ended calls too; the guide does not
   * say whether the server then sends their END_CALL_EVENTs, so no sweep is made for that.
   */
  announced(info: { state: string; previous: string }): void {
    if (info.state === 'open' && info.previous !== 'open' && this.sweepDue) {
      this.sweepDue = false;
      this.sweep?.start();
    } else if (info.state !== 'open') this.sweep?.stop();
  }

  /** Forget everything: what was tracked is stale once the session has closed. */
  clear(): void {
    this.sweep?.stop();
    this.calls.clear();
    this.agents.clear();
  }
}
