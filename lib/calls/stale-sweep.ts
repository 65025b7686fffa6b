/**
 * Calls that ended while the link was down. After a switchover (the standby side became active: a crash, PG
 * maintenance) or a re-open after a lost link, the new active side restates the calls in progress
 * (call-restated.ts); a call this client tracked that it does not restate may have ended meanwhile — its
 * END_CALL_EVENT went to a link that was gone. The replay has no end marker, so silence proves nothing: once the
 * session is open again, the server is asked, SNAPSHOT_CALL_REQ per tracked call the new link has not restated.
 * - SNAPSHOT_CALL_CONF: the call is still there (the tracker takes the CONF as it takes any: the call is refreshed);
 * - "no such call": the call is forgotten and an END_CALL_EVENT is delivered for it, as the session delivers a
 *   received one ('message' and 'END_CALL_EVENT'), its snapshot marked `endedWhileDown: true`. Its payload holds only
 *   what the session knows (MonitorID 0, the call's PeripheralID and connection); nothing of it crossed the wire.
 *   Chosen so that a flow that already ends calls on END_CALL_EVENT ends these too, while one that must tell them
 *   apart (a CRM note "ended while the link was down") reads `msg.call.endedWhileDown`.
 * Unsure: the guide does not say how a CTI Server refuses a SNAPSHOT_CALL_REQ for a call it does not have; taken as
 * "no such call": CONTROL_FAILURE_CONF CF_INVALID_CSTA_CALL_IDENTIFIER / CF_INVALID_CSTA_CONNECTION_IDENTIFIER
 * (what the simulator answers, as for every call-control request naming an unknown call) and FAILURE_CONF
 * E_CTI_INVALID_CALLID. Any other refusal leaves the call as it is (the age bound still applies).
 *
 * The first request goes alone: its answer comes after whatever the new side sent before it, so by then the
 * restatements are in and the calls they named are skipped. Then a few at a time, so a large site's flows are not
 * crowded out. A new open cancels the sweep in progress (its successor asks about every call still unconfirmed); a
 * request that fails without a status (the link went, a timeout) ends this sweep, the next open starts another.
 * Without the Client Control service nothing can be asked: said once, and the calls are left to the age bound.
 */
import type { CtiMessage } from '../protocol';
import type { CallTracker } from './call-tracker';
import type { CallSnapshot } from './call-snapshot';

/** What the sweep needs from the session (structural: lib/calls does not import lib/session). */
export interface SweepHost {
  /** Sends a request on the open session; resolves with its CONF, rejects with the session's errors. */
  request(message: CtiMessage): Promise<CtiMessage>;
  /** Delivers an inferred event to the session's listeners, as a received one is delivered. */
  publish(message: CtiMessage, call: CallSnapshot): void;
  warn(warning: Error): void;
  /** PeripheralType from the OPEN_CONF, when known (the inferred END_CALL_EVENT carries it). */
  peripheralType(): number | undefined;
}

/** What one sweep did (the last one is kept in `StaleCallSweep.last`, for tests and tools). */
export interface SweepResult {
  /** Unconfirmed calls when the sweep began (those restated or ended before their turn are not asked). */
  unconfirmed: number;
  /** SNAPSHOT_CALL_REQs sent. */
  asked: number;
  /** Calls the server still has. */
  kept: number;
  /** Calls ended as endedWhileDown. */
  ended: number;
  /** Asked, and refused for another reason or not answered: left as they are. */
  unknown: number;
  /** Set when the sweep stopped early, with why. */
  stoppedBy?: string;
}

const GONE: ReadonlySet<string> = new Set([
  'CF_INVALID_CSTA_CALL_IDENTIFIER',
  'CF_INVALID_CSTA_CONNECTION_IDENTIFIER',
  'E_CTI_INVALID_CALLID',
]);
const NO_CONTROL = 'E_CTI_FUNCTION_NOT_AVAILABLE';
/** Requests in flight at once after the first. */
const PARALLEL = 4;

export class StaleCallSweep {
  /** Bumped by each start / stop: a sweep whose number is no longer current stops asking. */
  private run = 0;
  private warnedNoControl = false;
  /** The last sweep: settles when it has finished (at once when there was nothing to ask). */
  last: Promise<SweepResult> = Promise.resolve({ unconfirmed: 0, asked: 0, kept: 0, ended: 0, unknown: 0 });

  constructor(
    private readonly calls: CallTracker,
    private readonly host: SweepHost,
  ) {}

  /** The session is open again after a switchover or a lost link: ask about the calls the new side left out. */
  start(): void {
    const run = ++this.run;
    const keys = this.calls.unconfirmed();
    // After the state announcement has gone to every listener, not inside it.
    this.last = Promise.resolve().then(() => this.sweep(run, keys));
  }

  /** The session closed (or is no longer open): the sweep in progress asks nothing more. */
  stop(): void {
    this.run++;
  }

  private async sweep(run: number, keys: readonly string[]): Promise<SweepResult> {
    const r: SweepResult = { unconfirmed: keys.length, asked: 0, kept: 0, ended: 0, unknown: 0 };
    let next = 0;
    const going = (): boolean => this.run === run && r.stoppedBy === undefined;
    // Alone until one request has been answered (see the file comment), then PARALLEL at once.
    while (going() && next < keys.length && !(await this.check(keys[next++], r, run)));
    const lane = async (): Promise<void> => {
      while (going() && next < keys.length) await this.check(keys[next++], r, run);
    };
    await Promise.all(Array.from({ length: PARALLEL }, lane));
    if (this.run !== run && r.stoppedBy === undefined) r.stoppedBy = 'a new open, or the session closed';
    r.unknown = r.asked - r.kept - r.ended;
    return r;
  }

  /** Asks about one call if it is still unconfirmed; true when a request was answered (either way). */
  private async check(key: string, r: SweepResult, run: number): Promise<boolean> {
    const call = this.calls.unconfirmedCall(key);
    if (call === undefined) return false;
    r.asked++;
    try {
      await this.host.request({
        messageType: 'SNAPSHOT_CALL_REQ',
        peripheralId: call.peripheralId ?? 0,
        connectionCallId: call.connectionCallId,
        connectionDeviceIdType: call.connectionDeviceIdType,
        connectionDeviceId: call.connectionDeviceId,
      });
      r.kept++;
      return true;
    } catch (err) {
      const status = (err as { statusName?: unknown }).statusName;
      if (typeof status !== 'string') {
        // Not answered (the link went, a timeout): this sweep is over; the next open asks again.
        r.stoppedBy = (err as Error).message;
        return false;
      }
      if (GONE.has(status)) {
        const ended = this.run === run ? this.calls.endWhileDown(key) : undefined;
        if (ended !== undefined) {
          r.ended++;
          this.host.publish(this.endCallEvent(ended), ended);
        }
      } else if (status === NO_CONTROL) {
        r.stoppedBy = (err as Error).message;
        if (!this.warnedNoControl) {
          this.warnedNoControl = true;
          this.host.warn(
            new Error(
              `calls tracked before the link changed cannot be checked (SNAPSHOT_CALL refused: ${status}; it needs ` +
                'the Client Control service): those that ended while the link was down stay tracked until their age bound',
            ),
          );
        }
      }
      return true;
    }
  }

  /** The END_CALL_EVENT the server would have sent: only what the tracker knows of the call. */
  private endCallEvent(call: CallSnapshot): CtiMessage {
    const peripheralType = this.host.peripheralType();
    return {
      messageType: 'END_CALL_EVENT',
      monitorId: 0,
      peripheralId: call.peripheralId ?? 0,
      ...(peripheralType !== undefined ? { peripheralType } : {}),
      connectionDeviceIdType: call.connectionDeviceIdType,
      connectionCallId: call.connectionCallId,
      connectionDeviceId: call.connectionDeviceId,
    };
  }
}
