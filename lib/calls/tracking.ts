/**
 * What a session feeds with every inbound message: the call tracker and the agent tracker behind one door.
 * The session knows only this class (feed, opened, clear) and hands its results on; it never reaches into the
 * trackers. Readers (the cti-server node's `tracked()`, tests) use `calls` / `agents`.
 */
import type { CtiMessage } from '../protocol';
import { AgentTracker } from './agent-tracker';
import { CallTracker, type CallTrackerOptions } from './call-tracker';
import type { CallSnapshot } from './call-snapshot';

export interface TrackingOptions extends Omit<CallTrackerOptions, 'agentAt'> {
  /** Follow calls (default true); agents are followed either way (cheap, one entry per agent). */
  trackCalls?: boolean;
}

export class Tracking {
  readonly calls: CallTracker;
  readonly agents = new AgentTracker();
  private readonly trackCalls: boolean;

  constructor(opts: TrackingOptions = {}) {
    this.trackCalls = opts.trackCalls ?? true;
    this.calls = new CallTracker({ ...opts, agentAt: (device) => this.agents.get(device) });
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

  /** The session opened with this protocol version (from 22 CALL_DATA_UPDATE carries the whole ECC set). */
  opened(version: number): void {
    this.calls.version = version;
  }

  /** Forget everything: what was tracked is stale once the session has closed. */
  clear(): void {
    this.calls.clear();
    this.agents.clear();
  }
}
