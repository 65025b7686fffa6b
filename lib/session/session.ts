/**
 * CtiSession: one logical CTI client session over sides A/B. Opens (OPEN_REQ), keeps the link alive
 * (heartbeats, dead-link detection), correlates requests with their CONFs, reconnects with backoff and
 * fails over between sides, follows calls and agents, and closes cleanly.
 *
 * It coordinates parts that each own one job: the state machine (transitions.ts: what an event does, per state),
 * the links (links.ts: the current attempt, the standby session, old links draining), the attempts and their
 * timer (attempts.ts, reconnect-plan.ts), which event a failure, an answer or a notice is (failure-events.ts,
 * open-answer.ts, notice-events.ts), the requests waiting for answers (requests.ts), taking an OPEN_CONF
 * (open-accept.ts), what opening taught it (open-progress.ts) and maintenance mode (maintenance-mode.ts). This
 * file hands each event, with its details, to the machine and wires the machine's hooks to the parts; it never
 * asks which state it is in.
 *
 * Once open() has been called the session never stops trying until close() (or the configured give-up):
 * every failure schedules the next attempt, so a Node-RED config node is never stuck "connecting".
 * It never emits 'error' unless someone listens for it, and a throwing listener cannot crash it.
 */
import { EventEmitter } from 'node:events';
import { ServiceMask, type CtiMessage } from '../protocol';
import { Tracking, type AgentTracker, type CallTracker } from '../calls';
import { Attempts } from './attempts';
import { CtiNotOpenError } from './errors';
import { linkLost, type EventWithDetail } from './failure-events';
import { answerEvent } from './open-answer';
import { Inbound } from './inbound';
import { MaintenanceMode } from './maintenance-mode';
import type { LinkAttempt } from './link-attempt';
import { SessionLinks } from './links';
import { noticeEvent } from './notice-events';
import { OpenAccept } from './open-accept';
import { OpenProgress } from './open-progress';
import { resolveOptions, type CtiSessionOptions, type ResolvedOptions } from './options';
import { ReconnectPlan } from './reconnect-plan';
import { SessionRequests, type RequestOptions } from './requests';
import { emitSafely } from './safe-emit';
import type { ServerNotice } from './server-notices';
import type { CtiSessionEvents, SessionFrameEvent } from './session-events';
import { stateInfo } from './state-info';
import { SessionMachine, type EventDetail, type MachineHooks } from './state-machine';
import { newStats, type ProtocolWarningCounts, type SessionState, type SessionStats } from './session-state';
import { REQUEST_STATES, type SessionEvent } from './transitions';

export type { RequestOptions } from './requests';

export class CtiSession extends EventEmitter<CtiSessionEvents> {
  readonly options: Readonly<ResolvedOptions>;
  /** Call and agent tracking (lib/calls): fed every inbound message, read through `calls` / `agents`. */
  private readonly tracking: Tracking;

  private readonly machine: SessionMachine;
  private readonly plan: ReconnectPlan;
  private readonly requests: SessionRequests;
  private readonly progress: OpenProgress;
  private readonly links: SessionLinks;
  private readonly attempts: Attempts;
  private readonly accepting: OpenAccept;
  private readonly _stats: SessionStats = newStats();
  private readonly inbound: Inbound;
  private closePromise: Promise<void> | null = null;
  private readonly maintenance: MaintenanceMode;

  constructor(options: CtiSessionOptions) {
    super();
    this.options = Object.freeze(resolveOptions(options));
    this.plan = new ReconnectPlan(this.options);
    this.requests = new SessionRequests(this.options);
    this.progress = new OpenProgress(this.options);
    this.maintenance = new MaintenanceMode(this.options, (err) => this.safeEmit('warning', err));
    this.tracking = new Tracking({
      trackCalls: this.options.trackCalls,
      maxCalls: this.options.maxCalls,
      maxAgeMs: this.options.maxCallAgeMs,
      maxPreCalls: this.options.maxPreCalls,
      maxPreCallAgeMs: this.options.maxPreCallAgeMs,
      version: this.options.version,
      // After a switchover or reconnect, calls the new side did not restate are asked about (lib/calls stale-sweep.ts).
      sweep: {
        request: (m) => this.request(m),
        publish: (m, call) => this.inbound.publish(m, call),
        warn: (err) => this.safeEmit('warning', err),
        peripheralType: () => this.peripheralType,
      },
    });
    const parts = { options: this.options, plan: this.plan, progress: this.progress, stats: this._stats };
    this.attempts = new Attempts({
      ...parts,
      fire: (event, detail) => this.fire(event, detail),
      // 'error' only when someone listens: an unhandled 'error' would crash Node-RED.
      error: (err) => {
        if (this.listenerCount('error') > 0) this.safeEmit('error', err);
      },
    });
    this.accepting = new OpenAccept({
      ...parts,
      tracking: this.tracking,
      requests: this.requests,
      currentLink: () => this.links.current,
      fire: (event, detail) => this.fire(event, detail),
      warn: (err) => this.safeEmit('warning', err),
    });
    this.inbound = new Inbound(
      {
        options: this.options,
        tracking: this.tracking,
        currentLink: () => this.links.current,
        onAnswer: (msg, answers, link) => this.onAnswer(msg, answers, link),
        onNotice: (notice, link) => this.onNotice(notice, link),
        emitSafely: (event, ...args) => this.safeEmit(event, ...args),
        onFailed: (err) => this.fail(linkLost(err, this.options)),
        listens: (event) => this.listenerCount(event) > 0,
      },
      this.requests,
      this._stats,
    );
    this.links = new SessionLinks({
      options: this.options,
      invokes: this.requests.invokes,
      version: () => this.progress.version,
      handlers: (link) => this.inbound.handlers(link),
      onTcpUp: (side) => {
        const reason = `side ${side}: TCP connected, waiting for OPEN_CONF`;
        this.fire('tcp-up', { reason, key: 'connecting:handshake', phase: 'handshake' });
      },
      onLoopStall: () => this._stats.loopStalls++,
      standby: {
        fire: (e) => this.fire(e.event, e.detail),
        planned: () => this.maintenance.moving,
        onMessage: (msg, link) => this.inbound.tap(msg, link, 'standby'),
      },
    });
    this.machine = new SessionMachine(this.hooks(), (t) => {
      if (this.listenerCount('transition') > 0)
        this.safeEmit('transition', { from: t.from, event: t.event, to: t.transition.to });
    });
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

  /**
   * The frame tap: every whole frame both ways, header included, from the next one on (a recorder attaches here
   * from outside; the session knows nothing of recording). Frames are copied only while someone taps. Returns
   * the function that removes this tap.
   */
  tapFrames(listener: (frame: SessionFrameEvent) => void): () => void {
    this.on('frame', listener);
    return () => void this.off('frame', listener);
  }
  /** The side in use (or being tried). */
  get side(): 'A' | 'B' | undefined {
    return this.attempts.side;
  }
  /** The protocol version in use (or being tried); with version 'auto', the one the server accepted. */
  get version(): number {
    return this.progress.version;
  }
  get isOpen(): boolean {
    return REQUEST_STATES.has(this.machine.state);
  }
  /** The OPEN_CONF of the current (or last) open. */
  get openConf(): Readonly<CtiMessage> | undefined {
    return this.progress.conf;
  }
  get servicesGranted(): number | undefined {
    return this.progress.conf?.servicesGranted;
  }
  get servicesGrantedNames(): string[] {
    return this.progress.conf ? ServiceMask.namesOf(this.progress.conf.servicesGranted) : [];
  }
  get monitorId(): number | undefined {
    return this.progress.conf?.monitorId;
  }
  get pgStatus(): number | undefined {
    return this.progress.conf?.pgStatus;
  }
  get peripheralType(): number | undefined {
    return this.progress.conf?.peripheralType;
  }
  /** From OPEN_CONF, then SYSTEM_EVENT peripheral online/offline. */
  get isPeripheralOnline(): boolean {
    return this.progress.peripheralOnline;
  }
  /** ICMCentralControllerTime of the OPEN_CONF. */
  get centralControllerTime(): Date | undefined {
    const t = this.progress.conf?.icmCentralControllerTime;
    return typeof t === 'number' ? new Date(t * 1000) : undefined;
  }
  get stats(): Readonly<SessionStats> {
    return { ...this._stats };
  }
  /** Requests waiting for their CONF. */
  get pendingRequests(): number {
    return this.requests.size;
  }
  /** Deviations met decoding what the server sent, and frames dropped (a copy). */
  get protocolWarnings(): ProtocolWarningCounts {
    const w = this.inbound.warnings;
    return { ...w, byKind: { ...w.byKind } };
  }

  /**
   * Starts the session. Resolves with the first OPEN_CONF. Rejects with CtiOpenError when the server refuses
   * the OPEN_REQ (bad password, version …), or with the last error once every side has been tried once
   * without success; in both cases the session keeps retrying in the background (state events tell the
   * story) until close() or the configured give-up.
   */
  open(): Promise<CtiMessage> {
    const answer = this.progress.wait();
    this.fire('open', { reason: 'open() called', key: 'open-called' });
    return answer;
  }

  /**
   * Sends a request and resolves with its CONF. InvokeID is filled in. Rejects (never throws) with
   * CtiNotOpenError (not open, or link lost while pending), CtiRequestError (FAILURE_CONF /
   * CONTROL_FAILURE_CONF), CtiTimeoutError, or CtiProtocolError (the message cannot be encoded).
   */
  request(message: CtiMessage, opts: RequestOptions = {}): Promise<CtiMessage> {
    const link = this.isOpen ? (this.links.current ?? undefined) : undefined;
    return this.requests.send(link, message, opts, (type) => {
      const why = this._stats.lastError ? ` (last error: ${this._stats.lastError.message})` : '';
      return new CtiNotOpenError(
        `cannot send ${type}: the CTI session is ${this.state}, not open${why}`,
        this.state,
        type,
      );
    });
  }

  /**
   * Sends a client message that has no answer — configuration acquisition's CONFIG_REQUEST_KEY_EVENT and
   * CONFIG_REQUEST_EVENT (no InvokeID; what they bring arrives as 'message' events). False when the session is
   * not open. Throws CtiProtocolError when the message cannot be encoded.
   */
  notify(message: CtiMessage): boolean {
    const link = this.isOpen ? this.links.current : null;
    if (link === null) return false;
    link.send(message);
    return true;
  }

  /**
   * Ends the session: CLOSE_REQ, waits for CLOSE_CONF (closeTimeoutMs), ends the socket. Afterwards no timer
   * or socket of the session remains. Idempotent.
   */
  close(): Promise<void> {
    this.closePromise ??= this.runClose();
    return this.closePromise;
  }

  // ---------------------------------------------------------------- the machine's hooks

  private fire(event: SessionEvent, detail: EventDetail): boolean {
    return this.machine.fire(event, detail) !== undefined;
  }

  /** A failure; with a standby session held, losing the active link takes that session over instead. */
  private fail(f: EventWithDetail): void {
    const instead = this.links.standby.insteadOf(f);
    if (!instead || !this.fire(instead.event, instead.detail)) this.fire(f.event, f.detail);
  }

  private hooks(): MachineHooks {
    return {
      clearRetryTimer: () => this.plan.cancel(),
      armRetryTimer: (step) => {
        if (step.transition.retryTimer === 'restart') this.closePromise = null;
        this.attempts.arm(step);
      },
      armOpenTimer: () => this.links.sendOpenRequest(),
      clearOpenTimer: () => this.links.current?.clearOpenTimer(),
      startHeartbeat: () => this.links.startHeartbeat(),
      stopHeartbeat: () => this.links.current?.stopHeartbeat(),
      retireLink: () => this.links.retire(),
      drainLink: () => this.links.drain(this.requests.invokes.ids()),
      promoteStandby: () => {
        this.progress.conf = this.links.promote() ?? this.progress.conf;
        this.attempts.side = this.links.current?.side ?? this.attempts.side;
      },
      dropStandby: () => this.links.standby.drop(),
      armActivationDeadline: () => this.links.armActivationDeadline(),
      holdStandby: () => this.links.holdStandby(),
      rejectPending: (step) => {
        const why = step.detail.error ? `: ${step.detail.error.message}` : '';
        this.requests.rejectAll(
          step.transition.pending === 'closed' ? 'closed' : 'lost',
          step.from,
          this.attempts.side,
          why,
        );
      },
      holdConf: (step) => (this.progress.conf = step.detail.conf),
      acceptConf: (step) => this.accepting.accept(step),
      maintenance: (step) => this.maintenance.onRow(step.transition.maintenance, step.detail.request, this.links),
      recordFailure: (step) => this.attempts.failed(step),
      announce: (step) => {
        if (!step.transition.announce) return;
        const facts = {
          side: this.attempts.side,
          version: this.version,
          reconnects: this._stats.reconnects,
          lastError: this._stats.lastError,
          eventsMayHaveBeenMissed: this.progress.missedEvents,
          standbySide: this.links.standby.heldSide,
          protocolWarnings: this.protocolWarnings,
        };
        const info = stateInfo(step, facts);
        this.safeEmit('state', info);
        this.tracking.announced(info);
      },
      answerOpen: (step) => {
        if (step.transition.conf === 'refuse') {
          this.progress.reject(new CtiNotOpenError('open() called while the session is closing', 'closing'));
        } else if (this.progress.conf) this.progress.resolve(this.progress.conf);
      },
      connectLink: () => {
        const { side, endpoint } = this.plan.current();
        this.links.connect(side, endpoint);
      },
    };
  }

  // ---------------------------------------------------------------- what the server says

  private onAnswer(msg: CtiMessage, answers: 'OPEN_REQ' | 'HEARTBEAT_REQ', link: LinkAttempt): void {
    const count = (): number => ++this._stats.openFailures;
    const answer = answerEvent(msg, answers, link.side, this.progress, this.options, count);
    if (answer) this.fail(answer);
  }

  private onNotice(notice: ServerNotice, link: LinkAttempt): void {
    const e = noticeEvent(notice, link.side, this.options);
    if (e === undefined) return;
    if (e.peripheralOnline !== undefined) this.progress.peripheralOnline = e.peripheralOnline;
    if (e.failure) this.fail(e);
    else this.fire(e.event, e.detail);
  }

  // ---------------------------------------------------------------- close

  private async runClose(): Promise<void> {
    this.progress.reject(new CtiNotOpenError('the session was closed before it opened', 'closing'));
    const attempt = this.links.current;
    this.links.stopDraining();
    const tr = this.machine.fire('close', { reason: 'close() called', key: 'closing', stopReason: 'close' });
    if (tr === undefined || tr.close === 'none') return;
    if (tr.close === 'goodbye' && attempt) await this.requests.goodbye(attempt, () => this.state);
    // A closed session knows nothing current: what it tracked would be stale by the time it opens again.
    this.tracking.clear();
    this.fire('close-done', { reason: 'closed by close()', key: 'close', stopReason: 'close' });
  }

  /** Throwing listeners end up on 'warning' (see safe-emit.ts). */
  private safeEmit(event: string, ...args: unknown[]): void {
    emitSafely(this, event, args);
  }
}
