/**
 * cti-server, part "logging": what the Node-RED log says about the session. A fault is logged once, not on every
 * retry (a configuration refusal again every relogMs, since only a person fixes it); each kind of protocol
 * deviation once; the open once per outage with the side, endpoint and version in use.
 */
import type { Node } from 'node-red';
import type { DecodeWarning } from '../../../lib/protocol';
import { CtiProtocolWarning, type SessionStateInfo } from '../../../lib/session';
import type { Explanation, ReasonContext } from '../errors';
import type { Translate } from '../i18n';
import { LogGate } from '../log-gate';
import type { ConfigurationInfo } from '../server-api';
import type { RebuildResult } from './rebuild';

/** An open that ends an outage (or the first one): not a move between open and peripheral-offline. */
export function opensAfterOutage(info: SessionStateInfo): boolean {
  const up = (s: string | undefined): boolean => s === 'open' || s === 'peripheral-offline';
  return up(info.state) && !up(info.previous);
}

export class ServerLog {
  private readonly gate = new LogGate();

  constructor(
    private readonly node: Node,
    private readonly t: Translate,
    private readonly ctx: ReasonContext,
    private readonly relogMs: number,
  ) {}

  /** After a success or a new start: the next failure is news again. */
  reset(): void {
    this.gate.reset();
  }

  /** A session state, with the failure status.explain() found and its key. */
  state(info: SessionStateInfo, failure: Explanation | undefined, key: string | undefined, version: number): void {
    if (info.state === 'open' || info.state === 'peripheral-offline') {
      if (!opensAfterOutage(info)) return;
      this.gate.reset();
      this.node.log(
        this.t('cti-server.log.connected', {
          side: info.side ?? '?',
          endpoint: this.ctx.endpoint(info.side ?? 'A'),
          version,
        }),
      );
      return;
    }
    if (failure === undefined || key === undefined) return;
    if (info.state === 'failover') {
      if (failure.configRefused || info.configRefused) {
        if (this.gate.allow(key, this.relogMs)) {
          this.node.warn(this.t('cti-server.log.config-refused', { reason: failure.full }));
        }
      } else if (this.gate.allow(key)) {
        this.node.warn(this.t('cti-server.log.retrying', { reason: failure.full }));
      }
    } else if (info.state === 'closed' && info.stopReason === 'taken-over') {
      if (this.gate.allow(key)) this.node.error(this.t('cti-server.log.taken-over', { clientId: this.ctx.clientId }));
    } else if (info.state === 'closed' && info.stopReason === 'gave-up') {
      if (this.gate.allow(key)) this.node.error(this.t('cti-server.log.gave-up', { reason: failure.full }));
    }
  }

  /**
   * Things the session went on past: a refused variable registration (the session still opens), a listener that
   * threw, a call the tracker could not follow. Without this they would go unseen.
   */
  warning(err: unknown): void {
    // Logged once per kind with its own text by protocolWarning().
    if (err instanceof CtiProtocolWarning) return;
    const reason = err instanceof Error ? err.message : String(err);
    this.node.warn(this.t('cti-server.log.warning', { error: reason }));
  }

  /** The session reports each kind of protocol deviation once (later ones are only counted): one line per kind. */
  protocolWarning(w: DecodeWarning): void {
    this.node.warn(
      this.t('cti-server.log.protocol-warning', {
        messageType: w.messageType,
        kind: w.kind,
        field: w.field === undefined ? '' : `, ${w.field}`,
        detail: w.detail,
      }),
    );
  }

  /** The configuration cannot make a session (the status shows it too). */
  configRefused(reason: string): void {
    this.node.error(reason);
  }

  closeFailed(err: unknown): void {
    this.node.warn(this.t('cti-server.log.close-failed', { error: (err as Error).message }));
  }

  stateListenerFailed(err: Error): void {
    this.node.warn(this.t('cti-server.log.listener-failed', { error: err.message }));
  }

  haWarning(text: string): void {
    if (this.gate.allow(`ha:${text}`)) this.node.warn(text);
  }

  haEvicted(): void {
    this.node.log(
      this.t(
        'cti-server.log.ha-evicted',
        {},
        'the CTI Server gave the session to the other member of the HA pair: standby',
      ),
    );
  }

  /** The rebuild after a takeover is done (rebuild.ts): what it learnt from the CTI Server. */
  haRebuilt(from: string, r: RebuildResult): void {
    if (r.stoppedBy !== undefined) {
      this.node.warn(
        this.t(
          'cti-server.log.ha-rebuild-stopped',
          { from, error: r.stoppedBy },
          `cannot rebuild the calls ${from} knew (needs the Client Control service): ${r.stoppedBy}`,
        ),
      );
      return;
    }
    this.node.log(
      this.t(
        'cti-server.log.ha-rebuilt',
        { from, agents: r.agents, devices: r.devices, calls: r.calls, refused: r.refused },
        `rebuilt what ${from} knew: ${r.agents} agents, ${r.devices} devices, ${r.calls} calls (${r.refused} refused)`,
      ),
    );
  }

  haTookOver(from: string): void {
    this.node.warn(
      this.t(
        'cti-server.log.ha-took-over',
        { from },
        `taking the CTI session over from ${from} (HA pair): events between its end and our open are lost`,
      ),
    );
  }

  /** The configuration upload ended (config-acquisition.ts). */
  configurationAcquired(info: ConfigurationInfo): void {
    const items = info.received.join(', ') || '-';
    this.node.log(
      this.t(
        'cti-server.log.configuration',
        { status: info.endStatus ?? '', items, skillGroups: info.skillGroups, agents: info.agents },
        `configuration acquired (${info.endStatus}): ${items}; ${info.skillGroups} skill groups, ${info.agents} agents`,
      ),
    );
  }

  eventListenerFailed(err: Error): void {
    this.node.error(`event listener failed: ${err.message}`);
  }
}
