/**
 * cti-server, part "session ownership": the ONE CtiSession of this config node, shared by every user. It opens
 * when the first user registers and closes only when a user is removed and none is left (after the deploy, when an
 * edited user went to another server), or when the node stops — the MQTT broker node's register/deregister
 * pattern. A session that stopped by itself (taken over, gave up) starts again, as a new one, when a deploy brings
 * its users back. Events fan out to the subscribers; requests go to the open session or fail at once.
 */
import type { Node } from 'node-red';
import type { CallSnapshot } from '../../../lib/calls';
import type { CtiMessage } from '../../../lib/protocol';
import { CtiNotOpenError, CtiSession, type SessionStateInfo } from '../../../lib/session';
import type { Translate } from '../i18n';
import { ConfigError } from '../server-config';
import { explainSessionError } from '../errors';
import type { CtiServerNode, EventListener, EventOrigin, SessionStateView } from '../server-api';
import type { ConfigAcquisition } from './config-acquisition';
import type { ServerConfiguration } from './configuration';
import { HaMember, type HaView } from './ha';
import { Handover, knownBy } from './handover';
import { opensAfterOutage, type ServerLog } from './logging';
import type { ServerRecording } from './recording';
import type { ServerStatus } from './status';
import type { UserRegistry } from './users';

/** The other parts the owner works with. */
export interface OwnerParts {
  config: ServerConfiguration;
  status: ServerStatus;
  log: ServerLog;
  recording: ServerRecording;
  users: UserRegistry;
  t: Translate;
  /** Configuration acquisition once per open session, shared by every user. */
  acquisition?: ConfigAcquisition;
}

export class SessionOwner {
  private session: CtiSession | undefined;
  /** The node is stopping: no new session. */
  private stopping = false;
  private closingPromise: Promise<void> | undefined;
  private readonly eventListeners = new Set<EventListener>();
  /** With an HA pair: the member that says whether this instance may hold the session. */
  private ha: HaMember | undefined;
  private haStarted = false;
  /** With an HA pair: what the next owner is told, and the rebuild after a takeover. */
  private handover: Handover | undefined;
  /** A configuration refused before any session (an HA pair that cannot be joined): nothing opens. */
  private refused = false;

  constructor(private readonly p: OwnerParts) {}

  /** Makes this server a member of an HA pair (before any user registers). Throws ConfigError. */
  joinPair(): void {
    const opts = this.p.config.haOptions();
    if (opts === undefined) return;
    const ha = new HaMember(opts, {
      changed: (view) => this.onHaChanged(view),
      warn: (text) => this.p.log.haWarning(text),
      known: () => knownBy(this.session),
    });
    this.ha = ha;
    this.handover = new Handover(this.p.config, this.p.log, () => ha.takeKnown());
    this.p.status.haView = () => this.ha?.view;
  }

  /** Adds a user: the first one opens the session; a deploy that brings users back restarts a stopped one. */
  register(user: Node): void {
    if (this.p.users.add(user, this.p.status.current.status)) this.connect();
    this.restartIfStopped();
  }

  /** See CtiServerNode.deregister (node-red PRs #3966, #3992). */
  deregister(user: Node, done: () => void, removed: boolean): void {
    this.p.users.remove(user);
    const lastGone = !this.stopping && this.p.users.size === 0 && this.session !== undefined;
    if (removed && lastGone) {
      // done only after the close has finished, so a node that re-registers meanwhile gets a fresh session.
      this.disconnect().then(
        () => done(),
        () => done(),
      );
      return;
    }
    // Not removed: the user is edited and normally comes back; decide once the deploy has started the flows.
    if (!removed && lastGone) {
      this.p.users.whenDeployed(() => {
        if (!this.stopping && this.session !== undefined) void this.disconnect();
      });
    }
    done();
  }

  /** Every decoded inbound message from now on; returns the function that stops it. */
  subscribe(listener: EventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  async request(message: CtiMessage, timeoutMs?: number): Promise<CtiMessage> {
    const s = this.session;
    if (s === undefined || !s.isOpen) {
      const state = s?.state ?? this.p.status.current.state;
      throw new CtiNotOpenError(this.p.t('cti-server.failure.not-open', { state }), state);
    }
    return s.request(message, timeoutMs === undefined ? undefined : { timeoutMs });
  }

  /** A client message without an answer (configuration acquisition); false when the session is not open. */
  notify(message: CtiMessage): boolean {
    return this.session?.isOpen === true && this.session.notify(message);
  }

  /** The view of the state; the protocol warning counts grow between state changes, so they are the current ones. */
  currentState(): SessionStateView {
    const view = this.p.status.current;
    return this.session === undefined ? view : { ...view, protocolWarnings: this.session.protocolWarnings };
  }

  tracked(): ReturnType<CtiServerNode['tracked']> {
    const s = this.session;
    return s === undefined ? undefined : { calls: s.calls.all(), agents: s.agents.all() };
  }

  /** While the session's state is being rebuilt after a takeover: the promise that settles when it is. */
  rebuilding(): Promise<void> | undefined {
    return this.handover?.rebuilding;
  }

  protocolVersion(): number {
    const v = this.session?.version;
    return typeof v === 'number' ? v : this.p.config.configuredVersion;
  }

  listenerCounts(): ReturnType<CtiServerNode['listenerCounts']> {
    return {
      events: this.eventListeners.size,
      states: this.p.status.listenerCount,
      users: this.p.users.size,
      sessionMessage: this.session?.listenerCount('message') ?? 0,
      sessionState: this.session?.listenerCount('state') ?? 0,
    };
  }

  /** The node stops: close the session (and its recording) and let go of every listener. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.p.users.cancelDeployCheck();
    await this.disconnect();
    // After the CTI session is closed: the standby's OPEN_REQ must not meet ours.
    await this.ha?.stop();
    this.eventListeners.clear();
    this.p.status.clearListeners();
  }

  /** The configuration cannot work at all: say why, and open nothing until it is changed. */
  refuse(err: unknown): void {
    this.refused = true;
    this.refuseConfig(err);
  }

  private connect(): void {
    if (this.session !== undefined || this.stopping || this.refused) return;
    if (this.ha !== undefined && !this.ha.isActive) {
      // Standby (or still joining): the session is the owner's. Open it when the pair makes us the owner.
      if (!this.haStarted) {
        this.haStarted = true;
        this.ha.start();
      }
      this.p.status.showHaWaiting(this.ha.view);
      return;
    }
    let s: CtiSession;
    try {
      const setup = this.p.config.setup();
      s = new CtiSession(setup.session);
      // Tapped before open(): the recording starts with the first connection attempt.
      this.p.recording.attach(s, setup.record);
    } catch (err) {
      this.refuseConfig(err);
      return;
    }
    this.session = s;
    this.p.status.forgetFailure();
    s.on('state', this.onState);
    s.on('message', this.onMessage);
    s.on('warning', this.onWarning);
    s.on('protocol-warning', this.onProtocolWarning);
    // No 'error' listener on purpose: the session emits 'error' only when someone listens, so nothing can
    // become an uncaught exception (S7 issue #143); 'state' carries every failure with its reason.
    // open() rejects after the first round of attempts; the 'state' events have said (and logged) it all.
    s.open().catch(() => undefined);
    // The first attempt starts on a timer: say "connecting" now, so a node or cti-status starting meanwhile
    // does not see the idle state of a session that is already on its way.
    if (s.state !== 'closed') this.p.status.showConnecting();
  }

  /** The configuration cannot make a session: say every problem, stop, and wait for a change. */
  private refuseConfig(err: unknown): void {
    const { t, config } = this.p;
    const problems =
      err instanceof ConfigError ? err.problems.join('; ') : explainSessionError(err, config.reasonContext, t).full;
    const fields =
      err instanceof ConfigError
        ? err.fields.map((f) => t(`cti-server.field.${f}`)).join(', ')
        : t('cti-server.status.unknown-failure');
    const reason = t('cti-server.errors.invalid-config', { error: problems });
    this.p.log.configRefused(reason);
    this.p.status.showRefused(reason, fields);
  }

  private restartIfStopped(): void {
    const s = this.session;
    if (s === undefined || this.stopping || s.state !== 'closed' || this.closingPromise !== undefined) return;
    this.p.log.reset();
    void this.disconnect().then(() => {
      if (this.p.users.size > 0 && !this.stopping) this.connect();
    });
  }

  private disconnect(): Promise<void> {
    const s = this.session;
    if (s === undefined) return Promise.resolve();
    if (this.closingPromise) return this.closingPromise;
    this.closingPromise = (async () => {
      try {
        await s.close();
        // The recording is complete on disk before a redeploy goes on.
        await this.p.recording.close();
      } catch (err) {
        this.p.log.closeFailed(err);
      } finally {
        s.removeListener('state', this.onState);
        s.removeListener('message', this.onMessage);
        s.removeListener('warning', this.onWarning);
        s.removeListener('protocol-warning', this.onProtocolWarning);
        if (this.session === s) this.session = undefined;
        this.closingPromise = undefined;
        this.p.status.showClosed();
      }
    })();
    return this.closingPromise;
  }

  private readonly onState = (info: SessionStateInfo): void => {
    const { status, log, recording } = this.p;
    if (this.ha !== undefined && info.state === 'closed' && info.stopReason === 'taken-over') {
      // In a pair the eviction is the CTI Server's fence: the other member holds the session now. Back to standby
      // (no "taken over" stop, and never a claim because of it: no eviction loop).
      log.haEvicted();
      this.ha.evicted();
      return;
    }
    const { failure, key } = status.explain(info);
    const firstOpen = opensAfterOutage(info);
    if (firstOpen) recording.checkAtOpen();
    log.state(info, failure, key, this.session?.version ?? this.p.config.configuredVersion);
    // Before the state is shown: a cti-state that sees this open waits for the rebuild (state-pg.ts).
    const tookOver = firstOpen && this.handover?.opened(this.session) === true;
    status.showSession(info, key, this.session, tookOver);
    // After the view says 'open': a configuration request goes out on the open session, once per open.
    this.p.acquisition?.sessionState(info.state);
  };

  private onHaChanged(view: HaView): void {
    if (this.stopping) return;
    if (view.role === 'active') {
      if (this.session !== undefined) return;
      this.handover?.becameOwner(view.tookOverFrom);
      if (this.p.users.size > 0) this.connect();
      return;
    }
    // Standby: whatever session we had is the other member's now (it evicted us, or its claim came after ours).
    if (this.session !== undefined) {
      void this.disconnect().then(() => {
        if (!this.stopping && this.ha?.isActive === false) this.p.status.showHaWaiting(this.ha.view);
      });
      return;
    }
    this.p.status.showHaWaiting(view);
  }

  private readonly onMessage = (message: CtiMessage, call?: CallSnapshot): void => {
    // Before the users: one reacting to CONFIG_END_EVENT finds the names already there.
    this.p.acquisition?.message(message);
    if (this.eventListeners.size === 0) return;
    const origin: EventOrigin = {
      server: this.p.config.label,
      side: this.session?.side,
      peripheralId: typeof message.peripheralId === 'number' ? message.peripheralId : this.p.config.peripheralId(),
      version: this.protocolVersion(),
      receivedAt: Date.now(),
    };
    // The Set itself: one that unsubscribes meanwhile is skipped, no copy per event.
    for (const l of this.eventListeners) {
      try {
        l(message, call, origin);
      } catch (err) {
        this.p.log.eventListenerFailed(err as Error);
      }
    }
  };

  private readonly onWarning = (err: unknown): void => this.p.log.warning(err);
  private readonly onProtocolWarning = (w: Parameters<ServerLog['protocolWarning']>[0]): void =>
    this.p.log.protocolWarning(w);
}
