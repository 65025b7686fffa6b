/**
 * cti-server, part "status": the session state as the nodes see it (SessionStateView). It remembers the failure
 * since the session was last open (explained in words, with what to do), paints every user's status and tells
 * the state listeners (cti-status, cti-state, …). It decides nothing about the session; it shows it.
 */
import type { NodeStatus } from 'node-red';
import type { SessionStateInfo } from '../../../lib/session';
import { explainSessionError, type Explanation, type ReasonContext } from '../errors';
import type { Translate } from '../i18n';
import type { ConfigurationInfo, SessionStateView, StateListener } from '../server-api';
import { statusFor } from '../status';
import type { HaView } from './ha';

/** What the status needs to know of the session it shows (undefined: there is none). */
export interface ShownSession {
  readonly side: 'A' | 'B' | undefined;
  readonly version: number;
  /** OPEN_CONF's ServicesGranted, short names. */
  readonly servicesGrantedNames?: string[];
}

export class ServerStatus {
  private view: SessionStateView;
  /** The failure since the session was last open (cleared by an open). */
  private failure: Explanation | undefined;
  private readonly listeners = new Set<StateListener>();
  /** The HA member's view, attached to every state view while the server is part of a pair. */
  haView: () => HaView | undefined = () => undefined;
  /** Configuration acquisition's view, attached to every state view once a configuration was requested. */
  configurationView: () => ConfigurationInfo | undefined = () => undefined;

  constructor(
    private readonly t: Translate,
    private readonly ctx: ReasonContext,
    /** Shows a status on every user of the server. */
    private readonly paint: (status: NodeStatus) => void,
    /** A listener threw: said once per throw, the others still hear. */
    private readonly listenerFailed: (err: Error) => void,
  ) {
    this.view = { state: 'idle', status: statusFor({ state: 'idle' }, t) };
  }

  /** The current view, with the configuration as it is now (it changes between state changes). */
  get current(): SessionStateView {
    const configuration = this.configurationView();
    return configuration === undefined ? this.view : { ...this.view, configuration };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Every state change from now on; returns the function that stops it. */
  onState(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  clearListeners(): void {
    this.listeners.clear();
  }

  forgetFailure(): void {
    this.failure = undefined;
  }

  /**
   * A session state: the failure it brings (or clears) and the key that names it for the log — undefined when
   * there is no failure to speak of.
   */
  explain(info: SessionStateInfo): { failure: Explanation | undefined; key: string | undefined } {
    const state = info.state;
    if (state === 'open' || state === 'peripheral-offline') this.failure = undefined;
    const stopped = state === 'closed' && (info.stopReason === 'taken-over' || info.stopReason === 'gave-up');
    if ((state === 'failover' || stopped) && info.lastError !== undefined) {
      this.failure = explainSessionError(info.lastError, this.ctx, this.t);
    }
    if (info.stopReason === 'taken-over') {
      this.failure = {
        short: this.t('cti-server.status.taken-over'),
        full: this.t('cti-server.log.taken-over', { clientId: this.ctx.clientId }),
        key: 'taken-over',
        configRefused: false,
      };
    }
    const key = this.failure === undefined ? undefined : (info.reasonKey ?? this.failure.key);
    return { failure: this.failure, key };
  }

  /**
   * An HA member without the session: joining the pair, or standby while another instance owns the session.
   * Yellow ring, not red: nothing is wrong, the pair is working.
   */
  showHaWaiting(ha: HaView): void {
    const text =
      ha.role === 'standby'
        ? this.t('cti-server.status.ha-standby', { owner: ha.owner ?? '?' }, `standby (owner: ${ha.owner ?? '?'})`)
        : this.t('cti-server.status.ha-joining', { group: ha.group }, `joining HA group ${ha.group}`);
    this.failure = undefined;
    this.set({
      state: ha.role === 'standby' ? 'ha-standby' : 'ha-joining',
      previous: this.view.state,
      reason: text,
      status: { fill: 'yellow', shape: 'ring', text },
    });
  }

  /**
   * Shows a session state (after explain()). `tookOver`: the first open of a member that took the session over
   * from another — what happened meanwhile was seen by nobody.
   */
  showSession(
    info: SessionStateInfo,
    key: string | undefined,
    session: ShownSession | undefined,
    tookOver = false,
  ): void {
    const state = info.state;
    const failure = this.failure;
    const side = info.side ?? session?.side;
    const up = state === 'open' || state === 'peripheral-offline';
    const version = info.version ?? (up ? session?.version : undefined);
    const granted = up ? session?.servicesGrantedNames : undefined;
    const configRefused = state === 'failover' ? (info.configRefused ?? failure?.configRefused ?? false) : undefined;
    this.set({
      ...(granted !== undefined && granted.length > 0
        ? { servicesGranted: granted.map((n) => n.replace(/^CTI_SERVICE_/, '')) }
        : {}),
      state,
      previous: info.previous,
      side,
      reason: failure !== undefined && state !== 'open' ? failure.full : info.reason,
      reasonKey: key,
      phase: state === 'connecting' ? info.phase : undefined,
      configRefused,
      stopReason: state === 'closed' ? info.stopReason : undefined,
      version,
      reconnects: info.reconnects,
      eventsMayHaveBeenMissed: tookOver || info.eventsMayHaveBeenMissed,
      standbySide: info.standbySide,
      nextAttemptInMs: info.nextAttemptInMs,
      protocolWarnings: info.protocolWarnings,
      status: statusFor(
        {
          state,
          side,
          phase: info.phase,
          version,
          standbySide: info.standbySide,
          failure: failure?.short,
          configRefused,
          stopReason: info.stopReason,
          nextAttemptInMs: info.nextAttemptInMs,
        },
        this.t,
      ),
    });
  }

  /** A new session is on its way (its first attempt starts on a timer): "connecting" at once. */
  showConnecting(): void {
    if (this.view.state === 'connecting') return;
    this.set({
      state: 'connecting',
      previous: this.view.state,
      phase: 'tcp',
      side: 'A',
      status: statusFor({ state: 'connecting', side: 'A', phase: 'tcp' }, this.t),
    });
  }

  /** The configuration cannot make a session: `reason` says every problem, `fields` names them short. */
  showRefused(reason: string, fields: string): void {
    this.failure = { short: fields, full: reason, key: 'invalid-config', configRefused: true };
    this.set({
      state: 'closed',
      previous: this.view.state,
      reason,
      reasonKey: 'invalid-config',
      stopReason: 'invalid-config',
      status: statusFor({ state: 'closed', stopReason: 'invalid-config', failure: fields }, this.t),
    });
  }

  /** The session was closed on purpose (redeploy, no user left, node stopped). */
  showClosed(): void {
    this.failure = undefined;
    this.set({
      state: 'closed',
      previous: this.view.state,
      reason: this.t('cti-server.log.closed'),
      stopReason: 'close',
      status: statusFor({ state: 'closed', stopReason: 'close' }, this.t),
    });
  }

  private set(view: SessionStateView): void {
    const ha = this.haView();
    const configuration = this.configurationView();
    const next: SessionStateView = {
      ...view,
      ...(ha !== undefined ? { ha } : {}),
      ...(configuration !== undefined ? { configuration } : {}),
    };
    this.view = next;
    this.paint(next.status);
    for (const l of [...this.listeners]) {
      try {
        l(next);
      } catch (err) {
        this.listenerFailed(err as Error);
      }
    }
  }
}
