/**
 * CtiSession: one logical CTI client session over sides A/B. Opens (OPEN_REQ), keeps the link alive
 * (heartbeats, dead-link detection), correlates requests with their CONFs, reconnects with backoff and
 * fails over between sides, follows calls and agents, and closes cleanly.
 *
 * Its lifecycle is the state machine of transitions.ts: this file decides which event happened and what it
 * means to the user (reasons, stats, the open() promise); the table decides what the event does to the link,
 * timers and pending requests. The link and everything that lives as long as it belong to the current
 * LinkAttempt (link-attempt.ts).
 *
 * Once open() has been called the session never stops trying until close() (or the configured give-up):
 * every failure schedules the next attempt, so a Node-RED config node is never stuck "connecting".
 * It never emits 'error' unless someone listens for it, and a throwing listener cannot crash it.
 */
import { EventEmitter } from 'node:events';
import {
  CtiProtocolError,
  SUPPORTED_VERSIONS,
  ServiceMask,
  StatusCode,
  decodeWarningKey,
  type CtiMessage,
  type DecodeWarning,
} from '../protocol';
import { Tracking, type AgentTracker, type CallSnapshot, type CallTracker } from '../calls';
import { deferred, type Deferred } from './deferred';
import {
  CtiInvalidRequestError,
  CtiNotOpenError,
  CtiProtocolWarning,
  CtiServerEndedError,
  CtiSessionError,
  type CtiOpenError,
} from './errors';
import { policyFor } from './failure-policy';
import { InvokeTable } from './invoke';
import { LinkAttempt } from './link-attempt';
import { isStandbyOpenConf, openRefusedError, openRequest, peripheralOnlineIn } from './open-handshake';
import { resolveOptions, type CtiSessionOptions, type ResolvedOptions } from './options';
import { ReconnectPlan } from './reconnect-plan';
import { emitSafely } from './safe-emit';
import { recordSessionOption } from '../record/session-option';
import type { Recorder } from '../record/recorder';
import { readServerNotice } from './server-notices';
import type { CtiSessionEvents, SessionTransitionInfo } from './session-events';
import { SessionMachine, type FiredTransition } from './state-machine';
import type { ProtocolWarningCounts, SessionState, SessionStateInfo, SessionStats } from './session-state';
import type { SessionEvent, Transition } from './transitions';

export interface RequestOptions {
  /** Default: the session's requestTimeoutMs. */
  timeoutMs?: number;
}

const OPEN_STATES: ReadonlySet<SessionState> = new Set(['open', 'peripheral-offline']);

/** What the next 'state' event says; set just before the machine fires. */
interface Note {
  reason: string;
  /** reasonKey; default: the error's, else the state's name. */
  key?: string;
  error?: Error;
  nextAttemptInMs?: number;
  nextSide?: 'A' | 'B';
  configRefused?: boolean;
  stopReason?: SessionStateInfo['stopReason'];
  phase?: SessionStateInfo['phase'];
}

/** The normalised reason of an error (see SessionStateInfo.reasonKey). */
function reasonKeyOf(err: Error): string {
  if (err instanceof CtiSessionError) return err.reasonKey;
  if (err instanceof CtiProtocolError) return `protocol:${err.code}`;
  return 'error';
}

export class CtiSession extends EventEmitter<CtiSessionEvents> {
  readonly options: Readonly<ResolvedOptions>;
  /** Call and agent tracking (lib/calls): fed every inbound message, read through `calls` / `agents`. */
  private readonly tracking: Tracking;
  /** The recorder of the `record` option (README "Recording"); undefined without it. */
  readonly recorder: Recorder | undefined;

  private readonly machine: SessionMachine;
  private readonly plan: ReconnectPlan;
  private readonly invokes = new InvokeTable();
  private attempt: LinkAttempt | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private note: Note = { reason: '' };
  private _side: 'A' | 'B' | undefined;
  private _openConf: CtiMessage | undefined;
  private readonly _stats: SessionStats = {
    attempts: 0,
    reconnects: 0,
    openFailures: 0,
    linkDrops: 0,
    deadLinks: 0,
    decodeErrors: 0,
    loopStalls: 0,
  };
  private readonly warnings: ProtocolWarningCounts = { total: 0, dropped: 0, byKind: {} };
  private openWaiter: Deferred<CtiMessage> | null = null;
  private closePromise: Promise<void> | null = null;
  private closeAnswer: Deferred<void> | null = null;
  private closeInvokeId = -1;
  private everOpened = false;
  private missedEvents = false;
  /** REGISTER_VARIABLES_REQ to send after every OPEN_CONF (from the options, then the last one accepted). */
  private registration: CtiMessage | undefined;
  private standbyBounces = 0;
  private peripheralOnline = true;
  /** The version offered next: the fixed one; with 'auto' the highest, then each one refused steps it down. */
  private tryVersion: number;

  constructor(options: CtiSessionOptions) {
    super();
    this.options = Object.freeze(resolveOptions(options));
    this.registration = this.options.registration;
    this.tryVersion = this.options.version;
    this.plan = new ReconnectPlan(this.options);
    this.tracking = new Tracking({
      trackCalls: this.options.trackCalls,
      maxCalls: this.options.maxCalls,
      maxAgeMs: this.options.maxCallAgeMs,
      maxPreCalls: this.options.maxPreCalls,
      maxPreCallAgeMs: this.options.maxPreCallAgeMs,
      version: this.options.version,
    });
    this.machine = new SessionMachine(
      {
        clearRetryTimer: () => this.clearRetryTimer(),
        armRetryTimer: () => this.armRetryTimer(this.note.nextAttemptInMs ?? 0),
        armOpenTimer: () => this.attempt?.armOpenTimer(this.options.openTimeoutMs),
        clearOpenTimer: () => this.attempt?.clearOpenTimer(),
        startHeartbeat: () =>
          this.attempt?.startHeartbeat({
            intervalMs: this.options.heartbeatMs,
            deadAfterIntervals: this.options.deadAfterIntervals,
            onLoopStall: () => this._stats.loopStalls++,
          }),
        stopHeartbeat: () => this.attempt?.stopHeartbeat(),
        retireLink: () => this.retireLink(),
        rejectPending: (event) => this.rejectPending(event === 'close' || event === 'close-done'),
        connectLink: () => this.connectLink(),
        announce: (tr, previous) => this.announce(tr, previous),
      },
      (t) => this.onTransition(t),
    );
    if (options.record !== undefined) this.recorder = recordSessionOption(this, options.record);
  }

  /** The calls being tracked (lib/calls). */
  get calls(): CallTracker {
    return this.tracking.calls;
  }

  /** Each agent's last state (lib/calls). */
  get agents(): AgentTracker {
    return this.tracking.agents;
  }

  get state(): SessionState {
    return this.machine.state;
  }
  /** The side in use (or being tried). */
  get side(): 'A' | 'B' | undefined {
    return this._side;
  }
  /** The protocol version in use (or being tried); with version 'auto', the one the server accepted. */
  get version(): number {
    return this.tryVersion;
  }
  get isOpen(): boolean {
    return OPEN_STATES.has(this.machine.state);
  }
  /** The OPEN_CONF of the current (or last) open. */
  get openConf(): Readonly<CtiMessage> | undefined {
    return this._openConf;
  }
  get servicesGranted(): number | undefined {
    return this._openConf?.servicesGranted;
  }
  get servicesGrantedNames(): string[] {
    return this._openConf ? ServiceMask.namesOf(this._openConf.servicesGranted) : [];
  }
  get monitorId(): number | undefined {
    return this._openConf?.monitorId;
  }
  get pgStatus(): number | undefined {
    return this._openConf?.pgStatus;
  }
  get peripheralType(): number | undefined {
    return this._openConf?.peripheralType;
  }
  /** From OPEN_CONF, then SYSTEM_EVENT peripheral online/offline. */
  get isPeripheralOnline(): boolean {
    return this.peripheralOnline;
  }
  /** ICMCentralControllerTime of the OPEN_CONF. */
  get centralControllerTime(): Date | undefined {
    const t = this._openConf?.icmCentralControllerTime;
    return typeof t === 'number' ? new Date(t * 1000) : undefined;
  }
  get stats(): Readonly<SessionStats> {
    return { ...this._stats };
  }
  /** Requests waiting for their CONF. */
  get pendingRequests(): number {
    return this.invokes.size;
  }
  /** Deviations met decoding what the server sent, and frames dropped (a copy). */
  get protocolWarnings(): ProtocolWarningCounts {
    return { ...this.warnings, byKind: { ...this.warnings.byKind } };
  }

  /**
   * Starts the session. Resolves with the first OPEN_CONF. Rejects with CtiOpenError when the server refuses
   * the OPEN_REQ (bad password, version …), or with the last error once every side has been tried once
   * without success; in both cases the session keeps retrying in the background (state events tell the
   * story) until close() or the configured give-up.
   */
  open(): Promise<CtiMessage> {
    if (this.isOpen && this._openConf) return Promise.resolve(this._openConf);
    if (this.state === 'closing') {
      return Promise.reject(new CtiNotOpenError('open() called while the session is closing', this.state));
    }
    if (this.openWaiter) return this.openWaiter.promise;
    this.openWaiter = deferred<CtiMessage>();
    // Nobody awaiting the promise must not turn into an unhandled rejection.
    this.openWaiter.promise.catch(() => undefined);
    if (this.machine.accepts('open')) {
      this.closePromise = null;
      this.plan.restart();
      this._stats.openFailures = 0;
      this.fire('open', { reason: 'open() called', key: 'open-called', nextAttemptInMs: 0 });
    }
    return this.openWaiter.promise;
  }

  /**
   * Sends a request and resolves with its CONF. InvokeID is filled in. Rejects (never throws) with
   * CtiNotOpenError (not open, or link lost while pending), CtiRequestError (FAILURE_CONF /
   * CONTROL_FAILURE_CONF), CtiTimeoutError, or CtiProtocolError (the message cannot be encoded).
   */
  request(message: CtiMessage, opts: RequestOptions = {}): Promise<CtiMessage> {
    if (!message || typeof message !== 'object' || typeof message.messageType !== 'string') {
      return Promise.reject(
        new CtiInvalidRequestError('request(message): message must be an object with a messageType'),
      );
    }
    const type = message.messageType;
    const attempt = this.attempt;
    if (!this.isOpen || !attempt) {
      const why = this._stats.lastError ? ` (last error: ${this._stats.lastError.message})` : '';
      return Promise.reject(
        new CtiNotOpenError(`cannot send ${type}: the CTI session is ${this.state}, not open${why}`, this.state, type),
      );
    }
    const timeoutMs = opts.timeoutMs ?? this.options.requestTimeoutMs;
    if (!(timeoutMs > 0)) {
      return Promise.reject(new CtiInvalidRequestError(`request timeoutMs must be > 0, got ${timeoutMs}`));
    }
    const promise = this.sendRequest(attempt, message, timeoutMs);
    if (type === 'REGISTER_VARIABLES_REQ') {
      // The server forgets registrations with the session; remember the one it accepted to restore it on re-open.
      promise.then(
        () => {
          this.registration = withoutInvokeId(message);
        },
        () => undefined,
      );
    }
    return promise;
  }

  /**
   * Ends the session: CLOSE_REQ, waits for CLOSE_CONF (closeTimeoutMs), ends the socket. Afterwards no timer
   * or socket of the session remains. Idempotent.
   */
  close(): Promise<void> {
    if (this.closePromise) return this.closePromise;
    this.closePromise = this.runClose();
    return this.closePromise;
  }

  // ---------------------------------------------------------------- the machine's hooks

  private fire(event: SessionEvent, note: Note, beforeAnnounce?: () => void): boolean {
    this.note = note;
    return this.machine.fire(event, beforeAnnounce);
  }

  private armRetryTimer(delayMs: number): void {
    this.clearRetryTimer();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      const { side, endpoint } = this.plan.current();
      this._side = side;
      this._stats.attempts++;
      this.fire('retry-due', {
        reason: `connecting to side ${side} (${endpoint.host}:${endpoint.port})`,
        key: 'connecting:tcp',
        phase: 'tcp',
      });
    }, delayMs);
  }

  private clearRetryTimer(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private connectLink(): void {
    const { side, endpoint } = this.plan.current();
    const o = this.options;
    const attempt: LinkAttempt = new LinkAttempt(
      side,
      {
        endpoint,
        side,
        version: this.tryVersion,
        connectTimeoutMs: o.connectTimeoutMs,
        maxMessageLength: o.maxMessageLength,
        tls: o.tls,
      },
      this.invokes,
      {
        onConnected: () => this.onConnected(attempt),
        onMessage: (msg, answers) => this.onMessage(msg, answers),
        onDecodeError: (err, frame) => this.onDecodeError(err, frame),
        onDecodeWarning: (w) => this.onDecodeWarning(side, w),
        onFailed: (err, kind) => {
          if (kind === 'dead-link') this._stats.deadLinks++;
          this.linkFailed(err);
        },
        onFrame: (dir, frame) => {
          // Only copied when someone listens (a recorder): the hot path pays one listenerCount().
          if (this.listenerCount('frame') > 0) {
            this.safeEmit('frame', { dir, type: frame.readUInt32BE(4), frame: Buffer.from(frame), at: Date.now() });
          }
        },
      },
    );
    this.attempt = attempt;
    attempt.connect();
  }

  private retireLink(): void {
    const attempt = this.attempt;
    this.attempt = null;
    attempt?.retire();
  }

  private rejectPending(closing: boolean): void {
    const side = this._side;
    const why = this.note.error ? `: ${this.note.error.message}` : '';
    const state = this.machine.state;
    this.invokes.rejectAll(
      (type, id) =>
        new CtiNotOpenError(
          closing
            ? `${type} (invokeId ${id}) was pending when the session was closed`
            : `${type} (invokeId ${id}) was pending when the link to side ${side} was lost${why}`,
          state,
          type,
          id,
        ),
    );
  }

  private announce(tr: Transition, previous: SessionState): void {
    if (!tr.announce) return;
    if (tr.to === 'closed') this.missedEvents = false;
    const note = this.note;
    const info: SessionStateInfo = {
      state: tr.to,
      previous,
      reason: note.reason,
      reasonKey: note.key ?? (note.error ? reasonKeyOf(note.error) : tr.to),
      side: this._side,
      version: this.version,
      reconnects: this._stats.reconnects,
      lastError: this._stats.lastError,
      eventsMayHaveBeenMissed: this.missedEvents,
      protocolWarnings: this.protocolWarnings,
      at: Date.now(),
    };
    if (tr.to === 'connecting') info.phase = note.phase ?? 'tcp';
    if (tr.to === 'failover') {
      if (note.nextAttemptInMs !== undefined) info.nextAttemptInMs = note.nextAttemptInMs;
      if (note.nextSide !== undefined) info.nextSide = note.nextSide;
      info.configRefused = note.configRefused === true;
    }
    if (tr.to === 'closed') info.stopReason = note.stopReason ?? 'close';
    this.safeEmit('state', info);
  }

  private onTransition(t: FiredTransition): void {
    if (this.listenerCount('transition') === 0) return;
    const info: SessionTransitionInfo = { from: t.from, event: t.event, to: t.transition.to };
    this.safeEmit('transition', info);
  }

  // ---------------------------------------------------------------- opening

  private onConnected(attempt: LinkAttempt): void {
    const reason = `side ${attempt.side}: TCP connected, waiting for OPEN_CONF`;
    if (!this.fire('tcp-up', { reason, key: 'connecting:handshake', phase: 'handshake' })) return;
    const version = this.tryVersion;
    if (this.attempt === attempt) attempt.sendOpenRequest((invokeId) => openRequest(this.options, invokeId, version));
  }

  private onOpenConf(conf: CtiMessage): void {
    if (isStandbyOpenConf(conf, this.options)) {
      if (this.options.sides.length > 1 && this.standbyBounces === 0) {
        this.standbyBounces++;
        this.linkFailed(
          new CtiSessionError(`side ${this._side} is the standby CTI Server; trying the other side`, 'standby-side'),
        );
        return;
      }
      // Unsure: the other side did not take us either; chose to stay on the standby and wait for its
      // STANDBY_ACTIVE_EVENT (the guide: the standby sends it when it becomes active).
      this._openConf = conf;
      this.fire('standby-conf', {
        reason: `side ${this._side} is the standby CTI Server; waiting for it to become active`,
        key: 'standby',
      });
      return;
    }
    this.acceptConf(conf);
  }

  /** OPEN_CONF from the active side, or the standby side became active. */
  private acceptConf(conf: CtiMessage): void {
    this._openConf = conf;
    // The tracker reads version-dependent semantics (from 22 CALL_DATA_UPDATE carries the whole ECC set).
    this.tracking.opened(this.tryVersion);
    this.plan.opened();
    this.standbyBounces = 0;
    this._stats.openFailures = 0;
    this._stats.openedAt = Date.now();
    if (this.everOpened) {
      this._stats.reconnects++;
      this.missedEvents = true;
    }
    this.everOpened = true;
    this.peripheralOnline = peripheralOnlineIn(conf);
    if (!this.fire('conf-accepted', { reason: `side ${this._side}: OPEN_CONF received` })) return;
    const attempt = this.attempt;
    const registration = this.registration;
    if (registration === undefined || attempt === null) {
      this.announceOpen(conf, '');
      return;
    }
    // The variable registration is part of what this session asked for: restore it before saying "open",
    // so a flow never sees an open session that delivers variables it did not register for.
    const stillCurrent = (): boolean => this.attempt === attempt && this.machine.accepts('opened');
    this.sendRequest(attempt, registration, this.options.requestTimeoutMs).then(
      () => {
        if (!stillCurrent()) return;
        this.announceOpen(
          conf,
          this._stats.reconnects > 0 ? '; variable registration restored' : '; variables registered',
        );
      },
      (err: Error) => {
        if (!stillCurrent()) return;
        this.safeEmit('warning', err);
        this.announceOpen(conf, `; variable registration refused: ${err.message}`);
      },
    );
  }

  private announceOpen(conf: CtiMessage, note: string): void {
    const how = this._stats.reconnects > 0 ? 're-opened (events may have been missed while down)' : 'opened';
    const reason =
      `session ${how} on side ${this._side}` + (this.peripheralOnline ? '' : '; peripheral offline') + note;
    const key = this.peripheralOnline ? 'open' : 'open:peripheral-offline';
    if (!this.fire(this.peripheralOnline ? 'opened' : 'opened-offline', { reason, key })) return;
    const w = this.openWaiter;
    this.openWaiter = null;
    w?.resolve(conf);
  }

  /** FAILURE_CONF to OPEN_REQ: what follows depends on the status (failure-policy.ts). */
  private onOpenFailure(status: number): void {
    const err = openRefusedError(status, this.options, this._side ?? 'A', this.tryVersion);
    if (status === StatusCode.byName.E_CTI_INVALID_VERSION && this.options.versionAuto && this.stepDown(err)) return;
    const action = policyFor(status).open;
    if (action === 'other-side') {
      this.linkFailed(err);
      return;
    }
    if (action === 'stop') {
      this.stopFor(err, 'gave-up');
      return;
    }
    this._stats.openFailures++;
    this.rejectOpen(err);
    const max = this.options.reconnect.maxOpenFailures;
    if (max > 0 && this._stats.openFailures >= max) {
      this._stats.lastError = err;
      this.fire('give-up', {
        reason: `gave up after ${this._stats.openFailures} refused OPEN_REQs: ${err.message}`,
        key: `gave-up:${err.reasonKey}`,
        error: err,
        stopReason: 'gave-up',
      });
      return;
    }
    this.linkFailed(err, action === 'config');
  }

  // ---------------------------------------------------------------- failures

  /**
   * The link (or the attempt) failed: the next attempt goes to the other side, unless the session stops.
   * `configRefused`: the server refused the configuration; the next attempts wait the capped interval.
   */
  private linkFailed(err: Error, configRefused = false): void {
    const state = this.machine.state;
    if (state === 'closing') {
      // The link dropped while close() waited for CLOSE_CONF: that ends the wait (the close procedure goes on).
      this.fire('link-failed', { reason: err.message, error: err });
      return;
    }
    if (!this.machine.accepts('link-failed')) return;
    const wasUp = OPEN_STATES.has(state) || state === 'standby';
    if (OPEN_STATES.has(state)) this._stats.linkDrops++;
    this._stats.lastError = err;
    const emitError = (): void => this.emitError(err);
    if (!this.options.reconnect.enabled) {
      this.rejectOpen(err);
      const reason = `link lost and reconnect is disabled: ${err.message}`;
      this.fire(
        'give-up',
        { reason, key: `gave-up:${reasonKeyOf(err)}`, error: err, stopReason: 'gave-up' },
        emitError,
      );
      return;
    }
    const next = this.plan.failed(wasUp, configRefused);
    // The first round (every side tried once) failed: tell the open() caller, keep trying in the background.
    if (next.firstRoundOver) this.rejectOpen(err);
    // The reason (and `side`) stay about the side that failed; nextSide says where the next attempt goes.
    const retry = configRefused
      ? `the server refused the configuration; retrying at the capped interval, next attempt on side ${next.side} in ${next.delayMs} ms`
      : `next attempt on side ${next.side} in ${next.delayMs} ms`;
    this.fire(
      'link-failed',
      {
        reason: `${err.message}; ${retry}`,
        error: err,
        nextAttemptInMs: next.delayMs,
        nextSide: next.side,
        configRefused,
      },
      emitError,
    );
  }

  /**
   * version 'auto' and the server refused the version offered: offer the next one down at once, on the same side.
   * Returns false when none is left: the configuration is refused (retried from the highest at the capped
   * interval — the server may be upgraded meanwhile).
   */
  private stepDown(err: CtiOpenError): boolean {
    const refused = this.tryVersion;
    const lower = SUPPORTED_VERSIONS.filter((v) => v < refused);
    if (lower.length === 0) {
      this.tryVersion = this.options.version;
      return false;
    }
    this.tryVersion = lower[lower.length - 1];
    this.fire('version-refused', {
      reason: `side ${err.side} refused protocol version ${refused} (E_CTI_INVALID_VERSION); offering version ${this.tryVersion}`,
      key: 'connecting:version-refused',
      phase: 'tcp',
      error: err,
    });
    return true;
  }

  /** The session ends for good (taken over, or a status that says stop): closed, no automatic reconnect. */
  private stopFor(err: CtiSessionError, stopReason: 'gave-up' | 'taken-over'): void {
    if (!this.machine.accepts('give-up')) return;
    if (this.isOpen) this._stats.linkDrops++;
    this._stats.lastError = err;
    this.rejectOpen(err);
    const reason =
      stopReason === 'taken-over'
        ? `${err.message}; not reconnecting (that would take the session back from the other client) until open() is called again`
        : `${err.message}; not reconnecting until open() is called again`;
    const key = stopReason === 'taken-over' ? 'taken-over' : `gave-up:${err.reasonKey}`;
    this.fire('give-up', { reason, key, error: err, stopReason }, () => this.emitError(err));
  }

  /** A FAILURE_EVENT or a refused HEARTBEAT_REQ: fail over, or stop, as failure-policy.ts says. */
  private serverEnded(err: CtiServerEndedError): void {
    if (policyFor(err.status).event === 'stop') this.stopFor(err, err.takenOver ? 'taken-over' : 'gave-up');
    else this.linkFailed(err);
  }

  // ---------------------------------------------------------------- inbound

  private onMessage(msg: CtiMessage, answers?: 'OPEN_REQ' | 'HEARTBEAT_REQ'): void {
    const t = msg.messageType;
    if (answers === 'OPEN_REQ') {
      if (t === 'OPEN_CONF') this.onOpenConf(msg);
      else if (t === 'FAILURE_CONF') this.onOpenFailure(msg.status);
      this.publish(msg, undefined);
      return;
    }
    if (answers === 'HEARTBEAT_REQ') {
      this.publish(msg, undefined);
      if (t === 'FAILURE_CONF' && this.attempt !== null) {
        const name = StatusCode.nameOf(msg.status) ?? String(msg.status);
        const text = `HEARTBEAT_REQ refused with ${name}; resetting the connection`;
        this.serverEnded(new CtiServerEndedError(this.attempt.side, msg.status, text, 'HEARTBEAT_REQ'));
      }
      return;
    }
    const id = msg.invokeId;
    if (typeof id === 'number' && id === this.closeInvokeId && (t === 'CLOSE_CONF' || t === 'FAILURE_CONF')) {
      this.closeAnswer?.resolve();
      this.publish(msg, undefined);
      return;
    }

    let call: CallSnapshot | undefined;
    if (typeof id === 'number' && (t.endsWith('_CONF') || t === 'FAILURE_CONF')) {
      const request = this.invokes.requestFor(id);
      call = this.safeTrack(msg, request);
      this.invokes.settle(msg);
      this.publish(msg, call);
      return;
    }

    call = this.safeTrack(msg);
    const attempt = this.attempt;
    this.publish(msg, call);
    // A listener may have closed the session or the link: a notice is about a link that is no longer ours.
    if (attempt === null || attempt !== this.attempt) return;
    this.onServerNotice(msg);
  }

  private onServerNotice(msg: CtiMessage): void {
    const notice = readServerNotice(msg, this.options.peripheralId);
    const side = this._side ?? 'A';
    switch (notice?.kind) {
      case 'server-offline': {
        const status = StatusCode.byName.E_CTI_CTI_SERVER_OFFLINE;
        this.linkFailed(new CtiServerEndedError(side, status, notice.reason, 'FAILURE_EVENT'));
        break;
      }
      case 'session-ended':
        this.serverEnded(new CtiServerEndedError(side, notice.status, notice.reason, 'FAILURE_EVENT'));
        break;
      case 'peripheral-offline':
        this.peripheralOnline = false;
        this.fire('peripheral-offline', { reason: notice.reason, key: 'peripheral-offline' });
        break;
      case 'peripheral-online':
        this.peripheralOnline = true;
        this.fire('peripheral-online', { reason: notice.reason, key: 'open' });
        break;
      case 'standby-active':
        if (this.state === 'standby' && this._openConf) this.acceptConf(this._openConf);
        break;
      case 'maintenance-request':
        this.sendQuietly(notice.reply);
        break;
    }
  }

  /** Counted per key; the first of each key is reported ('protocol-warning' and 'warning'), later ones only counted. */
  private onDecodeWarning(side: 'A' | 'B', w: DecodeWarning): void {
    const key = decodeWarningKey(w);
    const counts = this.warnings;
    const seen = counts.byKind[key];
    counts.total++;
    counts.byKind[key] = (seen ?? 0) + 1;
    if (seen !== undefined) return;
    this.safeEmit('protocol-warning', { ...w, count: 1 });
    this.safeEmit('warning', new CtiProtocolWarning(side, w));
  }

  private onDecodeError(err: CtiProtocolError, frame: Buffer): void {
    this._stats.decodeErrors++;
    this.warnings.dropped++;
    this.safeEmit('protocol-error', err, frame);
  }

  private safeTrack(msg: CtiMessage, request?: CtiMessage): CallSnapshot | undefined {
    try {
      return this.tracking.feed(msg, request);
    } catch (err) {
      this.safeEmit('warning', err);
      return undefined;
    }
  }

  private publish(msg: CtiMessage, call: CallSnapshot | undefined): void {
    if (call) {
      this.safeEmit('message', msg, call);
      this.safeEmit(msg.messageType, msg, call);
    } else {
      this.safeEmit('message', msg);
      this.safeEmit(msg.messageType, msg);
    }
  }

  // ---------------------------------------------------------------- close

  private async runClose(): Promise<void> {
    this.rejectOpen(new CtiNotOpenError('the session was closed before it opened', 'closing'));
    const state = this.machine.state;
    if (state === 'closed') {
      // Already closed (gave up, or reconnect disabled), or open() was called and its first attempt is still
      // due: no second 'closed' event, which would replace the reason users see ("gave up after …").
      this.fire('close', { reason: 'already closed', stopReason: 'close' });
      return;
    }
    if (state === 'idle') {
      this.fire('close', { reason: 'closed before open()', key: 'close', stopReason: 'close' });
      return;
    }
    const attempt = this.attempt;
    const linked = attempt !== null && (OPEN_STATES.has(state) || state === 'standby');
    if (!this.fire('close', { reason: 'close() called', key: 'closing' })) return;
    if (attempt && linked) await this.sayGoodbye(attempt);
    // A closed session knows nothing current: what it tracked would be stale by the time it opens again.
    this.tracking.clear();
    this.fire('close-done', { reason: 'closed by close()', key: 'close', stopReason: 'close' });
  }

  /** CLOSE_REQ, then the CLOSE_CONF, its timeout or the link dropping, whichever comes first; then FIN. */
  private async sayGoodbye(attempt: LinkAttempt): Promise<void> {
    const answer = deferred<void>();
    this.closeAnswer = answer;
    this.closeInvokeId = this.invokes.allocate();
    const sent = !attempt.sendQuietly({
      messageType: 'CLOSE_REQ',
      invokeId: this.closeInvokeId,
      status: StatusCode.byName.E_CTI_NO_ERROR,
    });
    if (sent) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.closeTimeoutMs)));
      await Promise.race([answer.promise, timeout, attempt.whenRetired()]);
      clearTimeout(timer);
    }
    this.closeAnswer = null;
    this.closeInvokeId = -1;
    this.rejectPending(true);
    await attempt.end(1000);
  }

  // ---------------------------------------------------------------- helpers

  private sendRequest(attempt: LinkAttempt, message: CtiMessage, timeoutMs: number): Promise<CtiMessage> {
    const invokeId = this.invokes.allocate();
    const out: CtiMessage = { ...message, invokeId };
    const promise = this.invokes.add(invokeId, out, timeoutMs);
    try {
      attempt.send(out);
    } catch (err) {
      this.invokes.fail(invokeId, err instanceof Error ? err : new Error(String(err)));
    }
    return promise;
  }

  private sendQuietly(msg: CtiMessage): void {
    const err = this.attempt?.sendQuietly(msg);
    if (err) this.safeEmit('warning', err);
  }

  /** 'error' only when someone listens: an unhandled 'error' would crash Node-RED. */
  private emitError(err: Error): void {
    if (this.listenerCount('error') > 0) this.safeEmit('error', err);
  }

  /** Throwing listeners end up on 'warning' (see safe-emit.ts). */
  private safeEmit(event: string, ...args: unknown[]): void {
    emitSafely(this, event, args);
  }

  /** The open() caller hears once; later attempts go on in the background. */
  private rejectOpen(err: Error): void {
    const w = this.openWaiter;
    this.openWaiter = null;
    w?.reject(err);
  }
}

/** A request as remembered for re-sending: the next send gets a fresh InvokeID. */
function withoutInvokeId(message: CtiMessage): CtiMessage {
  const copy: CtiMessage = { ...message };
  delete copy.invokeId;
  return copy;
}
