/**
 * CtiSession: one logical CTI client session over sides A/B. Opens (OPEN_REQ), keeps the link alive
 * (heartbeats, dead-link detection), correlates requests with their CONFs, reconnects with backoff and
 * fails over between sides, follows calls and agents, and closes cleanly.
 *
 * Once open() has been called the session never stops trying until close() (or the configured give-up):
 * every failure schedules the next attempt, so a Node-RED config node is never stuck "connecting".
 * It never emits 'error' unless someone listens for it, and a throwing listener cannot crash it.
 */
import { EventEmitter } from 'node:events';
import { ServiceMask, StatusCode, type CtiMessage, CtiProtocolError } from '../protocol';
import { AgentTracker } from './agent-tracker';
import { Backoff } from './backoff';
import { CallTracker, type CallSnapshot } from './call-tracker';
import { CtiConnection } from './connection';
import { deferred, type Deferred } from './deferred';
import { CtiConnectionError, CtiNotOpenError, CtiSessionError, CtiTimeoutError } from './errors';
import { Heartbeat } from './heartbeat';
import { InvokeTable } from './invoke';
import {
  isOtherSideWorthTrying,
  isStandbyOpenConf,
  openRefusedError,
  openRequest,
  peripheralOnlineIn,
} from './open-handshake';
import { resolveOptions, type CtiSessionOptions, type ResolvedOptions } from './options';
import { emitSafely } from './safe-emit';
import { recordSessionOption } from '../record/session-option';
import type { Recorder } from '../record/recorder';
import { readServerNotice } from './server-notices';
import type { SessionState, SessionStateInfo, SessionStats } from './state';

export interface RequestOptions {
  /** Default: the session's requestTimeoutMs. */
  timeoutMs?: number;
}

const OPEN_STATES: ReadonlySet<SessionState> = new Set(['open', 'peripheral-offline']);

export class CtiSession extends EventEmitter {
  readonly options: Readonly<ResolvedOptions>;
  readonly calls: CallTracker;
  readonly agents = new AgentTracker();
  /** The recorder of the `record` option (README "Recording"); undefined without it. */
  readonly recorder: Recorder | undefined;

  private _state: SessionState = 'idle';
  private _side: 'A' | 'B' | undefined;
  private _openConf: CtiMessage | undefined;
  private readonly _stats: SessionStats = {
    attempts: 0,
    reconnects: 0,
    openFailures: 0,
    linkDrops: 0,
    deadLinks: 0,
    decodeErrors: 0,
  };
  private conn: CtiConnection | null = null;
  private heartbeat: Heartbeat | null = null;
  private readonly invokes = new InvokeTable();
  private readonly backoff: Backoff;
  private nextSideIndex = 0;
  private openInvokeId = -1;
  private openTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private openWaiter: Deferred<CtiMessage> | null = null;
  private closeWaiter: Deferred<void> | null = null;
  private closeInvokeId = -1;
  private closePromise: Promise<void> | null = null;
  private readonly heartbeatIds = new Set<number>();
  private everOpened = false;
  private missedEvents = false;
  /** REGISTER_VARIABLES_REQ to send after every OPEN_CONF (from the options, then the last one accepted). */
  private registration: CtiMessage | undefined;
  private standbyBounces = 0;
  private peripheralOnline = true;

  constructor(options: CtiSessionOptions) {
    super();
    this.options = Object.freeze(resolveOptions(options));
    this.registration = this.options.registration;
    this.backoff = new Backoff(this.options.reconnect, this.options.sides.length);
    this.calls = new CallTracker({
      maxCalls: this.options.maxCalls,
      maxAgeMs: this.options.maxCallAgeMs,
      maxPreCalls: this.options.maxPreCalls,
      maxPreCallAgeMs: this.options.maxPreCallAgeMs,
      version: this.options.version,
      agentAt: (device) => this.agents.get(device),
    });
    if (options.record !== undefined) this.recorder = recordSessionOption(this, options.record);
  }

  get state(): SessionState {
    return this._state;
  }
  /** The side in use (or being tried). */
  get side(): 'A' | 'B' | undefined {
    return this._side;
  }
  get version(): number {
    return this.options.version;
  }
  get isOpen(): boolean {
    return OPEN_STATES.has(this._state);
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

  /**
   * Starts the session. Resolves with the first OPEN_CONF. Rejects with CtiOpenError when the server refuses
   * the OPEN_REQ (bad password, version …), or with the last error once every side has been tried once
   * without success; in both cases the session keeps retrying in the background (state events tell the
   * story) until close() or the configured give-up.
   */
  open(): Promise<CtiMessage> {
    if (this.isOpen && this._openConf) return Promise.resolve(this._openConf);
    if (this._state === 'closing') {
      return Promise.reject(new CtiNotOpenError('open() called while the session is closing', this._state));
    }
    if (this.openWaiter) return this.openWaiter.promise;
    this.openWaiter = deferred<CtiMessage>();
    // Nobody awaiting the promise must not turn into an unhandled rejection.
    this.openWaiter.promise.catch(() => undefined);
    if (this._state === 'idle' || this._state === 'closed') {
      this.closePromise = null;
      this.backoff.reset();
      this._stats.openFailures = 0;
      this.nextSideIndex = 0;
      this.scheduleAttempt(0);
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
      return Promise.reject(new TypeError('request(message): message must be an object with a messageType'));
    }
    const type = message.messageType;
    const conn = this.conn;
    if (!this.isOpen || !conn) {
      const why = this._stats.lastError ? ` (last error: ${this._stats.lastError.message})` : '';
      return Promise.reject(
        new CtiNotOpenError(
          `cannot send ${type}: the CTI session is ${this._state}, not open${why}`,
          this._state,
          type,
        ),
      );
    }
    const timeoutMs = opts.timeoutMs ?? this.options.requestTimeoutMs;
    if (!(timeoutMs > 0)) return Promise.reject(new RangeError(`request timeoutMs must be > 0, got ${timeoutMs}`));
    const promise = this.sendRequest(conn, message, timeoutMs);
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

  private sendRequest(conn: CtiConnection, message: CtiMessage, timeoutMs: number): Promise<CtiMessage> {
    const invokeId = this.invokes.allocate();
    const out: CtiMessage = { ...message, invokeId };
    const promise = this.invokes.add(invokeId, out, timeoutMs);
    try {
      conn.send(out);
    } catch (err) {
      this.invokes.fail(invokeId, err instanceof Error ? err : new Error(String(err)));
    }
    return promise;
  }

  /**
   * Ends the session: CLOSE_REQ, waits for CLOSE_CONF (closeTimeoutMs), ends the socket. Afterwards no timer
   * or socket of the session remains. Idempotent.
   */
  close(): Promise<void> {
    if (this.closePromise) return this.closePromise;
    this.closePromise = this.doClose();
    return this.closePromise;
  }

  // ---------------------------------------------------------------- attempts

  private scheduleAttempt(delayMs: number): void {
    this.clearReconnectTimer();
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.attempt();
    }, delayMs);
  }

  private async attempt(): Promise<void> {
    const idx = this.nextSideIndex % this.options.sides.length;
    const side: 'A' | 'B' = idx === 0 ? 'A' : 'B';
    const endpoint = this.options.sides[idx];
    this._side = side;
    this._stats.attempts++;
    this.setState('connecting', `connecting to side ${side} (${endpoint.host}:${endpoint.port})`);
    // A 'state' listener may have called close() just now: connecting anyway would revive a closed session.
    if (this.isShutDown()) return;
    const conn: CtiConnection = new CtiConnection(
      {
        endpoint,
        side,
        version: this.options.version,
        connectTimeoutMs: this.options.connectTimeoutMs,
        maxMessageLength: this.options.maxMessageLength,
        tls: this.options.tls,
      },
      {
        onMessage: (msg) => {
          if (this.conn === conn) this.onMessage(msg);
        },
        onDecodeError: (err, frame) => {
          if (this.conn === conn) this.onDecodeError(err, frame);
        },
        onClose: (err) => {
          if (this.conn === conn) this.linkFailed(err ?? new CtiConnectionError(side, 'connection closed'));
        },
        onFrame: (dir, frame) => {
          // Only copied when someone listens (a recorder): the hot path pays one listenerCount().
          if (this.listenerCount('frame') > 0) {
            this.safeEmit('frame', { dir, type: frame.readUInt32BE(4), frame: Buffer.from(frame), at: Date.now() });
          }
        },
      },
    );
    this.conn = conn;
    try {
      await conn.connect();
    } catch (err) {
      if (this.conn === conn) this.linkFailed(err as Error);
      return;
    }
    if (this.conn !== conn) {
      conn.destroy();
      return;
    }
    this.sendOpenReq(conn);
  }

  private sendOpenReq(conn: CtiConnection): void {
    const o = this.options;
    this.openInvokeId = this.invokes.allocate();
    const req = openRequest(o, this.openInvokeId);
    this.openTimer = setTimeout(() => {
      this.openTimer = null;
      if (this.conn === conn) {
        this.linkFailed(
          new CtiTimeoutError(
            'OPEN_REQ',
            o.openTimeoutMs,
            this.openInvokeId,
            `side ${conn.side}: no OPEN_CONF within ${o.openTimeoutMs} ms`,
          ),
        );
      }
    }, o.openTimeoutMs);
    try {
      conn.send(req);
    } catch (err) {
      this.linkFailed(err as Error);
    }
  }

  private onOpenConf(conf: CtiMessage): void {
    this.clearOpenTimer();
    this.openInvokeId = -1;
    if (isStandbyOpenConf(conf, this.options)) {
      if (this.options.sides.length > 1 && this.standbyBounces === 0) {
        this.standbyBounces++;
        this.linkFailed(new CtiSessionError(`side ${this._side} is the standby CTI Server; trying the other side`));
        return;
      }
      // Unsure: the other side did not take us either; chose to stay on the standby and wait for its
      // STANDBY_ACTIVE_EVENT (the guide: the standby sends it when it becomes active).
      this._openConf = conf;
      this.startHeartbeat();
      this.setState('standby', `side ${this._side} is the standby CTI Server; waiting for it to become active`);
      return;
    }
    this.becomeOpen(conf);
  }

  private becomeOpen(conf: CtiMessage): void {
    this._openConf = conf;
    this.backoff.reset();
    this.standbyBounces = 0;
    this._stats.openFailures = 0;
    this._stats.openedAt = Date.now();
    if (this.everOpened) {
      this._stats.reconnects++;
      this.missedEvents = true;
    }
    this.everOpened = true;
    this.peripheralOnline = peripheralOnlineIn(conf);
    if (!this.heartbeat) this.startHeartbeat();
    const conn = this.conn;
    const registration = this.registration;
    if (registration === undefined || conn === null) {
      this.announceOpen(conf, '');
      return;
    }
    // The variable registration is part of what this session asked for: restore it before saying "open",
    // so a flow never sees an open session that delivers variables it did not register for.
    this.sendRequest(conn, registration, this.options.requestTimeoutMs).then(
      () => {
        if (this.conn === conn && !this.isShutDown()) {
          this.announceOpen(
            conf,
            this._stats.reconnects > 0 ? '; variable registration restored' : '; variables registered',
          );
        }
      },
      (err: Error) => {
        if (this.conn !== conn || this.isShutDown()) return;
        this.safeEmit('warning', err);
        this.announceOpen(conf, `; variable registration refused: ${err.message}`);
      },
    );
  }

  private announceOpen(conf: CtiMessage, note: string): void {
    const how = this._stats.reconnects > 0 ? 're-opened (events may have been missed while down)' : 'opened';
    this.setState(
      this.peripheralOnline ? 'open' : 'peripheral-offline',
      `session ${how} on side ${this._side}` + (this.peripheralOnline ? '' : '; peripheral offline') + note,
    );
    const w = this.openWaiter;
    this.openWaiter = null;
    w?.resolve(conf);
  }

  private onOpenFailure(status: number): void {
    this.clearOpenTimer();
    this.openInvokeId = -1;
    const err = openRefusedError(status, this.options, this._side ?? 'A');
    if (isOtherSideWorthTrying(status)) {
      this.linkFailed(err);
      return;
    }
    this._stats.openFailures++;
    this.rejectOpen(err);
    const max = this.options.reconnect.maxOpenFailures;
    if (max > 0 && this._stats.openFailures >= max) {
      this._stats.lastError = err;
      this.teardownLink(err);
      this.finishClosed(`gave up after ${this._stats.openFailures} refused OPEN_REQs: ${err.message}`);
      return;
    }
    this.linkFailed(err);
  }

  // ---------------------------------------------------------------- failures

  /** The link (or the attempt) failed: tear it down and schedule the next attempt on the other side. */
  private linkFailed(err: Error): void {
    if (this._state === 'closing' || this._state === 'closed') {
      this.teardownLink(err);
      this.closeWaiter?.resolve();
      return;
    }
    const wasUp = OPEN_STATES.has(this._state) || this._state === 'standby';
    if (OPEN_STATES.has(this._state)) this._stats.linkDrops++;
    this._stats.lastError = err;
    this.teardownLink(err);
    this.emitError(err);
    // An 'error' listener may have called close(): going on to 'failover' + a retry would revive a closed session.
    if (this.isShutDown()) return;
    const failedSide = this._side;
    this.nextSideIndex++;
    if (!this.options.reconnect.enabled) {
      this.rejectOpen(err);
      this.finishClosed(`link lost and reconnect is disabled: ${err.message}`);
      return;
    }
    const delay = wasUp ? this.backoffAfterDrop() : this.backoff.nextDelayMs();
    // The first round (every side tried once) failed: tell the open() caller, keep trying in the background.
    if (this.backoff.consecutiveFailures >= this.options.sides.length) this.rejectOpen(err);
    const next = this.options.sides.length > 1 ? (this.nextSideIndex % 2 === 0 ? 'A' : 'B') : failedSide;
    this._side = next;
    this.setState('failover', `${err.message}; next attempt on side ${next} in ${delay} ms`, delay);
    // Likewise a 'state' listener reacting to 'failover' by closing: no retry after that.
    if (this.isShutDown()) return;
    this.scheduleAttempt(delay);
  }

  /** After a drop of a working link the other side is tried at once (single side: the first backoff step). */
  private backoffAfterDrop(): number {
    this.backoff.reset();
    return this.backoff.nextDelayMs();
  }

  private teardownLink(reason: Error | undefined): void {
    this.clearOpenTimer();
    this.stopHeartbeat();
    this.heartbeatIds.clear();
    this.openInvokeId = -1;
    const conn = this.conn;
    this.conn = null;
    const side = this._side;
    this.invokes.rejectAll(
      (type, id) =>
        new CtiNotOpenError(
          `${type} (invokeId ${id}) was pending when the link to side ${side} was lost` +
            (reason ? `: ${reason.message}` : ''),
          this._state,
          type,
          id,
        ),
    );
    conn?.destroy();
  }

  // ---------------------------------------------------------------- inbound

  private onMessage(msg: CtiMessage): void {
    this.heartbeat?.noteLife();
    const t = msg.messageType;
    const id = msg.invokeId;

    if (typeof id === 'number' && id === this.openInvokeId) {
      if (t === 'OPEN_CONF') this.onOpenConf(msg);
      else if (t === 'FAILURE_CONF') this.onOpenFailure(msg.status);
      this.publish(msg, undefined);
      return;
    }
    if (typeof id === 'number' && this.heartbeatIds.delete(id)) {
      this.publish(msg, undefined);
      if (t === 'FAILURE_CONF') {
        const name = StatusCode.nameOf(msg.status) ?? String(msg.status);
        this.linkFailed(
          new CtiConnectionError(this._side ?? 'A', `HEARTBEAT_REQ refused with ${name}; resetting the connection`),
        );
      }
      return;
    }
    if (typeof id === 'number' && id === this.closeInvokeId && (t === 'CLOSE_CONF' || t === 'FAILURE_CONF')) {
      this.closeWaiter?.resolve();
      this.publish(msg, undefined);
      return;
    }

    let call: CallSnapshot | undefined;
    if (typeof id === 'number' && (t.endsWith('_CONF') || t === 'FAILURE_CONF')) {
      const request = this.invokes.requestFor(id);
      if (this.options.trackCalls) call = this.safeTrack(msg, request);
      this.invokes.settle(msg);
      this.publish(msg, call);
      return;
    }

    if (this.options.trackCalls) call = this.safeTrack(msg);
    this.agents.update(msg);
    this.publish(msg, call);
    if (this.conn === null) return; // a listener closed the session or the link
    this.onServerNotice(msg);
  }

  private onServerNotice(msg: CtiMessage): void {
    const notice = readServerNotice(msg, this.options.peripheralId);
    switch (notice?.kind) {
      case 'server-offline':
        this.linkFailed(new CtiConnectionError(this._side ?? 'A', notice.reason));
        break;
      case 'peripheral-offline':
        this.peripheralOnline = false;
        if (this._state === 'open') this.setState('peripheral-offline', notice.reason);
        break;
      case 'peripheral-online':
        this.peripheralOnline = true;
        if (this._state === 'peripheral-offline') this.setState('open', notice.reason);
        break;
      case 'standby-active':
        if (this._state === 'standby' && this._openConf) this.becomeOpen(this._openConf);
        break;
      case 'maintenance-request':
        this.sendQuietly(notice.reply);
        break;
    }
  }

  private onDecodeError(err: CtiProtocolError, frame: Buffer): void {
    this.heartbeat?.noteLife();
    this._stats.decodeErrors++;
    this.safeEmit('protocol-error', err, frame);
  }

  private safeTrack(msg: CtiMessage, request?: CtiMessage): CallSnapshot | undefined {
    try {
      return this.calls.update(msg, request);
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

  // ---------------------------------------------------------------- heartbeat

  private startHeartbeat(): void {
    this.stopHeartbeat();
    const o = this.options;
    if (o.heartbeatMs <= 0) return;
    const hb = new Heartbeat(o.heartbeatMs, o.deadAfterIntervals, {
      sendHeartbeat: () => {
        const id = this.invokes.allocate();
        this.heartbeatIds.add(id);
        this.sendQuietly({ messageType: 'HEARTBEAT_REQ', invokeId: id });
      },
      onDead: (silentMs) => {
        if (this.heartbeat !== hb) return;
        this._stats.deadLinks++;
        this.linkFailed(
          new CtiConnectionError(
            this._side ?? 'A',
            `dead link: no message from the CTI Server for ${silentMs} ms (${o.deadAfterIntervals} heartbeat intervals)`,
          ),
        );
      },
    });
    this.heartbeat = hb;
    hb.start();
  }

  private stopHeartbeat(): void {
    this.heartbeat?.stop();
    this.heartbeat = null;
  }

  // ---------------------------------------------------------------- close

  private async doClose(): Promise<void> {
    this.clearReconnectTimer();
    this.rejectOpen(new CtiNotOpenError('the session was closed before it opened', 'closing'));
    if (this._state === 'closed') {
      // Already closed (gave up, or reconnect disabled): a second 'closed' event would replace the reason
      // users see (e.g. "gave up after 3 refused OPEN_REQs") with "already closed".
      this.teardownLink(undefined);
      return;
    }
    if (this._state === 'idle') {
      this.teardownLink(undefined);
      this.finishClosed('closed before open()');
      return;
    }
    const conn = this.conn;
    const wasLinked = conn !== null && (OPEN_STATES.has(this._state) || this._state === 'standby');
    this.setState('closing', 'close() called');
    this.stopHeartbeat();
    this.clearOpenTimer();
    if (conn && wasLinked) {
      this.closeWaiter = deferred<void>();
      this.closeInvokeId = this.invokes.allocate();
      const timer = setTimeout(() => this.closeWaiter?.resolve(), this.options.closeTimeoutMs);
      // The link dropping while we wait also ends the wait (linkFailed resolves closeWaiter).
      if (
        this.sendQuietly({
          messageType: 'CLOSE_REQ',
          invokeId: this.closeInvokeId,
          status: StatusCode.byName.E_CTI_NO_ERROR,
        })
      ) {
        await this.closeWaiter.promise;
      }
      clearTimeout(timer);
      this.closeWaiter = null;
      this.closeInvokeId = -1;
      this.invokes.rejectAll(
        (type, id) =>
          new CtiNotOpenError(`${type} (invokeId ${id}) was pending when the session was closed`, 'closing', type, id),
      );
      await conn.end(1000);
    }
    this.teardownLink(undefined);
    // A closed session knows nothing current: what it tracked would be stale by the time it opens again.
    this.calls.clear();
    this.agents.clear();
    this.finishClosed('closed by close()');
  }

  private finishClosed(reason: string): void {
    this.clearReconnectTimer();
    this.clearOpenTimer();
    this.stopHeartbeat();
    this.missedEvents = false;
    this.setState('closed', reason);
  }

  // ---------------------------------------------------------------- helpers

  private sendQuietly(msg: CtiMessage): boolean {
    const conn = this.conn;
    if (!conn) return false;
    try {
      conn.send(msg);
      return true;
    } catch (err) {
      this.safeEmit('warning', err);
      return false;
    }
  }

  private setState(state: SessionState, reason: string, nextAttemptInMs?: number): void {
    const previous = this._state;
    this._state = state;
    const info: SessionStateInfo = {
      state,
      previous,
      reason,
      side: this._side,
      reconnects: this._stats.reconnects,
      lastError: this._stats.lastError,
      eventsMayHaveBeenMissed: this.missedEvents,
      at: Date.now(),
    };
    if (nextAttemptInMs !== undefined) info.nextAttemptInMs = nextAttemptInMs;
    this.safeEmit('state', info);
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

  /** close() has been called (or the session gave up). */
  private isShutDown(): boolean {
    return this._state === 'closing' || this._state === 'closed';
  }

  private clearOpenTimer(): void {
    if (this.openTimer) clearTimeout(this.openTimer);
    this.openTimer = null;
  }

  private clearReconnectTimer(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }
}

/** A request as remembered for re-sending: the next send gets a fresh InvokeID. */
function withoutInvokeId(message: CtiMessage): CtiMessage {
  const copy: CtiMessage = { ...message };
  delete copy.invokeId;
  return copy;
}
