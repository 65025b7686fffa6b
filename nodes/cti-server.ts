/**
 * cti-server: the config node. It owns ONE CtiSession, shared by every flow node that names it, with the MQTT
 * broker node's register/deregister pattern: the session opens when the first user registers and closes only
 * when a user is removed and none is left, or when this node itself stops.
 */
import type { Node, NodeAPI, NodeDef, NodeStatus } from 'node-red';
import {
  CtiNotOpenError,
  CtiProtocolWarning,
  CtiSession,
  type CtiSessionOptions,
  type SessionStateInfo,
} from '../lib/session';
import type { CallSnapshot } from '../lib/calls';
import type { CtiMessage, DecodeWarning } from '../lib/protocol';
import { recordSession, type Recorder } from '../lib/record';
import { DEFAULT_VERSION } from '../lib/protocol';
import {
  DISCONNECTED_STATUS,
  type CtiServerNode,
  type EventListener,
  type EventOrigin,
  type SessionStateView,
  type StateListener,
} from './lib/server-api';
import { translator, useRuntimeTranslator } from './lib/i18n';
import { explainSessionError, type Explanation, type ReasonContext } from './lib/errors';
import { LogGate } from './lib/log-gate';
import { statusFor } from './lib/status';
import { SERVER_DEFAULTS } from './lib/defaults';
import {
  buildSessionOptions,
  ConfigError,
  requestedServiceNames,
  type CtiServerConfig,
  type ServerSetup,
} from './lib/server-config';
import { migrateConfig } from './lib/migrations';

interface TlsConfigNode extends Node {
  addTLSOptions?(opts: Record<string, unknown>): void;
}

type StateInfo = SessionStateInfo;

/** Settings file (settings.js) options: `ciscoCti: { session: {...CtiSession options}, relogIntervalMs }`. */
interface CiscoCtiSettings {
  session?: Partial<CtiSessionOptions>;
  relogIntervalMs?: number;
}

/** A configuration refusal is logged again this often while it lasts. */
const RELOG_CONFIG_REFUSAL_MS = 10 * 60 * 1000;

export = function (RED: NodeAPI): void {
  const redUnderscore = (key: string, params?: Record<string, string>): string => RED._(key, params);
  useRuntimeTranslator(redUnderscore);
  const t = translator(redUnderscore);
  const settings = ((RED.settings as unknown as { ciscoCti?: CiscoCtiSettings }).ciscoCti ?? {}) as CiscoCtiSettings;

  function CtiServerNodeCtor(this: CtiServerNode, config: NodeDef & CtiServerConfig): void {
    config = migrateConfig('cti-server', config);
    RED.nodes.createNode(this, config);
    const node = this;
    const users = new Map<string, Node>();
    const eventListeners = new Set<EventListener>();
    const stateListeners = new Set<StateListener>();
    const serverLabel = config.name || `${config.hostA}:${config.portA || SERVER_DEFAULTS.portA}`;
    const configuredVersion = Number(config.version) || DEFAULT_VERSION;
    const logGate = new LogGate();
    const relogMs = settings.relogIntervalMs ?? RELOG_CONFIG_REFUSAL_MS;
    let session: CtiSession | undefined;
    let recorder: Recorder | undefined;
    let closing = false;
    let closingPromise: Promise<void> | undefined;
    /** The failure since the session was last open (cleared by an open). */
    let failure: Explanation | undefined;
    let recordWarned = false;
    let view: SessionStateView = { state: 'idle', status: statusFor({ state: 'idle' }, t) };

    const reasonContext: ReasonContext = {
      endpoint: (side) => {
        const host = reasonContext.host(side);
        const port = String(
          (side === 'B' ? config.portB : config.portA) || SERVER_DEFAULTS[side === 'B' ? 'portB' : 'portA'],
        );
        return `${host.includes(':') ? `[${host}]` : host}:${port}`; // IPv6 literal: keep host and port apart
      },
      host: (side) => String((side === 'B' ? config.hostB : config.hostA) ?? '').trim(),
      clientId: (config.clientId ?? '').trim() || SERVER_DEFAULTS.clientId,
      passwordSet: (node.credentials?.password ?? '') !== '',
      tls: Boolean(config.tls),
    };

    function paint(status: NodeStatus): void {
      for (const user of users.values()) {
        try {
          user.status(status);
        } catch {
          // A user that cannot take a status must not stop the others from getting it.
        }
      }
    }

    function setView(next: SessionStateView): void {
      view = next;
      paint(view.status);
      for (const l of [...stateListeners]) {
        try {
          l(view);
        } catch (err) {
          node.warn(t('cti-server.log.listener-failed', { error: (err as Error).message }));
        }
      }
    }

    /** What the log says about a state, once per fault (a configuration refusal again every relogMs). */
    function logState(info: StateInfo, key: string | undefined): void {
      if (info.state === 'open' || info.state === 'peripheral-offline') {
        if (info.previous === 'open' || info.previous === 'peripheral-offline') return;
        logGate.reset();
        const recordError = recorder?.stats.lastError;
        if (recordError !== undefined && !recordWarned) {
          recordWarned = true;
          node.warn(t('cti-server.log.record-failed', { error: recordError.message }));
        }
        const side = info.side ?? '?';
        node.log(
          t('cti-server.log.connected', {
            side,
            endpoint: reasonContext.endpoint(info.side ?? 'A'),
            version: session?.version ?? configuredVersion,
          }),
        );
        return;
      }
      if (failure === undefined || key === undefined) return;
      if (info.state === 'failover') {
        if (failure.configRefused || info.configRefused) {
          if (logGate.allow(key, relogMs)) {
            node.warn(t('cti-server.log.config-refused', { reason: failure.full }));
          }
        } else if (logGate.allow(key)) {
          node.warn(t('cti-server.log.retrying', { reason: failure.full }));
        }
      } else if (info.state === 'closed' && info.stopReason === 'taken-over') {
        if (logGate.allow(key)) node.error(t('cti-server.log.taken-over', { clientId: reasonContext.clientId }));
      } else if (info.state === 'closed' && info.stopReason === 'gave-up') {
        if (logGate.allow(key)) node.error(t('cti-server.log.gave-up', { reason: failure.full }));
      }
    }

    function onSessionState(info: StateInfo): void {
      const state = info.state;
      const side = info.side ?? session?.side;
      if (state === 'open' || state === 'peripheral-offline') failure = undefined;
      const stopped = state === 'closed' && (info.stopReason === 'taken-over' || info.stopReason === 'gave-up');
      if ((state === 'failover' || stopped) && info.lastError !== undefined) {
        failure = explainSessionError(info.lastError, reasonContext, t);
      }
      if (info.stopReason === 'taken-over') {
        failure = {
          short: t('cti-server.status.taken-over'),
          full: t('cti-server.log.taken-over', { clientId: reasonContext.clientId }),
          key: 'taken-over',
          configRefused: false,
        };
      }
      const key = failure === undefined ? undefined : (info.reasonKey ?? failure.key);
      logState(info, key);
      const version =
        info.version ?? (state === 'open' || state === 'peripheral-offline' ? session?.version : undefined);
      const configRefused = state === 'failover' ? (info.configRefused ?? failure?.configRefused ?? false) : undefined;
      const next: SessionStateView = {
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
        eventsMayHaveBeenMissed: info.eventsMayHaveBeenMissed,
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
          t,
        ),
      };
      setView(next);
    }

    function onSessionMessage(message: CtiMessage, call?: CallSnapshot): void {
      if (eventListeners.size === 0) return;
      const origin: EventOrigin = {
        server: serverLabel,
        side: session?.side,
        peripheralId: typeof message.peripheralId === 'number' ? message.peripheralId : node.configuredPeripheralId(),
        version: node.protocolVersion(),
        receivedAt: Date.now(),
      };
      // The Set itself: one that unsubscribes meanwhile is skipped, no copy per event.
      for (const l of eventListeners) {
        try {
          l(message, call, origin);
        } catch (err) {
          node.error(`event listener failed: ${(err as Error).message}`);
        }
      }
    }

    // Things the session went on past: a refused variable registration (the session still opens), a listener
    // that threw, a call the tracker could not follow. Without this they would go unseen.
    function onSessionWarning(err: unknown): void {
      // Logged once per kind with its own text by onProtocolWarning.
      if (err instanceof CtiProtocolWarning) return;
      const reason = err instanceof Error ? err.message : String(err);
      node.warn(t('cti-server.log.warning', { error: reason }));
    }

    // The session reports each kind of protocol deviation once (later ones are only counted, in the state's
    // protocolWarnings): one log line per kind.
    function onProtocolWarning(w: DecodeWarning): void {
      node.warn(
        t('cti-server.log.protocol-warning', {
          messageType: w.messageType,
          kind: w.kind,
          field: w.field === undefined ? '' : `, ${w.field}`,
          detail: w.detail,
        }),
      );
    }

    function tlsOptions(): Record<string, unknown> | undefined {
      if (!config.tls) return undefined;
      const tlsNode = RED.nodes.getNode(config.tls) as TlsConfigNode | null;
      if (!tlsNode || typeof tlsNode.addTLSOptions !== 'function') {
        throw new ConfigError([{ field: 'tls', text: t('cti-server.config.tls-not-found', { id: config.tls }) }]);
      }
      const opts: Record<string, unknown> = {};
      tlsNode.addTLSOptions(opts);
      return opts;
    }

    /** The configuration cannot make a session: say every problem, stop, and wait for a change. */
    function refuseConfig(err: unknown): void {
      const problems =
        err instanceof ConfigError ? err.problems.join('; ') : explainSessionError(err, reasonContext, t).full;
      const fields =
        err instanceof ConfigError
          ? err.fields.map((f) => t(`cti-server.field.${f}`)).join(', ')
          : t('cti-server.status.unknown-failure');
      const reason = t('cti-server.errors.invalid-config', { error: problems });
      node.error(reason);
      failure = { short: fields, full: reason, key: 'invalid-config', configRefused: true };
      setView({
        state: 'closed',
        previous: view.state,
        reason,
        reasonKey: 'invalid-config',
        stopReason: 'invalid-config',
        status: statusFor({ state: 'closed', stopReason: 'invalid-config', failure: fields }, t),
      });
    }

    function connect(): void {
      if (session !== undefined || closing) return;
      let s: CtiSession;
      let setup: ServerSetup;
      let r: Recorder | undefined;
      try {
        setup = buildSessionOptions(
          config,
          node.credentials?.password,
          tlsOptions(),
          settings.session,
          (RED.settings as unknown as { userDir?: string }).userDir,
        );
        s = new CtiSession(setup.session);
        // Tapped before open(): the recording starts with the first connection attempt.
        if (setup.record !== undefined) r = recordSession(s, setup.record);
      } catch (err) {
        refuseConfig(err);
        return;
      }
      session = s;
      recorder = r;
      failure = undefined;
      if (setup.record !== undefined) node.log(t('cti-server.log.recording', { path: setup.record.path }));
      s.on('state', onSessionState);
      s.on('message', onSessionMessage);
      s.on('warning', onSessionWarning);
      s.on('protocol-warning', onProtocolWarning);
      // No 'error' listener on purpose: the session emits 'error' only when someone listens, so nothing can
      // become an uncaught exception (S7 issue #143); 'state' carries every failure with its reason.
      // open() rejects after the first round of attempts; the 'state' events have said (and logged) it all.
      s.open().catch(() => undefined);
      // The first attempt starts on a timer: say "connecting" now, so a node or cti-status starting meanwhile
      // does not see the idle state of a session that is already on its way.
      if (view.state !== 'connecting' && s.state !== 'closed') {
        setView({
          state: 'connecting',
          previous: view.state,
          phase: 'tcp',
          side: 'A',
          status: statusFor({ state: 'connecting', side: 'A', phase: 'tcp' }, t),
        });
      }
    }

    /**
     * A session that stopped by itself (taken over, gave up) starts again, as a new session, when a deploy brings
     * its users back.
     */
    function restartIfStopped(): void {
      const s = session;
      if (s === undefined || closing || s.state !== 'closed' || closingPromise !== undefined) return;
      logGate.reset();
      void disconnect().then(() => {
        if (users.size > 0 && !closing) connect();
      });
    }

    function disconnect(): Promise<void> {
      const s = session;
      if (s === undefined) return Promise.resolve();
      if (closingPromise) return closingPromise;
      closingPromise = (async () => {
        try {
          await s.close();
          // The recording is complete on disk before a redeploy goes on.
          await recorder?.close();
        } catch (err) {
          node.warn(t('cti-server.log.close-failed', { error: (err as Error).message }));
        } finally {
          s.removeListener('state', onSessionState);
          s.removeListener('message', onSessionMessage);
          s.removeListener('warning', onSessionWarning);
          s.removeListener('protocol-warning', onProtocolWarning);
          if (session === s) {
            session = undefined;
            recorder = undefined;
          }
          closingPromise = undefined;
          failure = undefined;
          setView({
            state: 'closed',
            previous: view.state,
            reason: t('cti-server.log.closed'),
            stopReason: 'close',
            status: statusFor({ state: 'closed', stopReason: 'close' }, t),
          });
        }
      })();
      return closingPromise;
    }

    node.register = (user: Node): void => {
      users.set(user.id, user);
      try {
        user.status(view.status);
      } catch {
        /* see paint() */
      }
      if (users.size === 1) connect();
      restartIfStopped();
    };

    node.deregister = (user: Node, done: () => void, removed: boolean): void => {
      try {
        user.status(DISCONNECTED_STATUS);
      } catch {
        /* see paint() */
      }
      users.delete(user.id);
      if (removed && !closing && users.size === 0 && session !== undefined) {
        // done only after the close has finished, so a node that re-registers meanwhile gets a fresh session (PR #3992).
        disconnect().then(
          () => done(),
          () => done(),
        );
      } else {
        // Not removed: the user is edited and normally re-registers when the deploy starts it again (PR #3966), so
        // the session stays. But an edit may also point it at another config node; then nobody comes back and the
        // session would stay open with no user until a full deploy. Decide once the deploy has started the flows.
        if (!removed && !closing && users.size === 0 && session !== undefined) closeIfUnusedAfterDeploy();
        done();
      }
    };

    let afterDeployCheck: (() => void) | undefined;
    function closeIfUnusedAfterDeploy(): void {
      // RED.events is the runtime's bus; a runtime without it keeps the plain MQTT behaviour.
      if (afterDeployCheck !== undefined || typeof RED.events?.once !== 'function') return;
      const check = (): void => {
        afterDeployCheck = undefined;
        if (users.size === 0 && !closing && session !== undefined) void disconnect();
      };
      afterDeployCheck = check;
      RED.events.once('flows:started', check);
    }
    function cancelAfterDeployCheck(): void {
      if (afterDeployCheck !== undefined) RED.events.removeListener('flows:started', afterDeployCheck);
      afterDeployCheck = undefined;
    }

    node.subscribe = (listener: EventListener): (() => void) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    };

    node.onState = (listener: StateListener): (() => void) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    };

    node.request = async (message: CtiMessage, timeoutMs?: number): Promise<CtiMessage> => {
      const s = session;
      if (s === undefined || !s.isOpen) {
        const state = s?.state ?? view.state;
        throw new CtiNotOpenError(t('cti-server.failure.not-open', { state }), state);
      }
      return s.request(message, timeoutMs === undefined ? undefined : { timeoutMs });
    };

    // The protocol warning counts grow between state changes: the view asked for has the current ones.
    node.currentState = (): SessionStateView =>
      session === undefined ? view : { ...view, protocolWarnings: session.protocolWarnings };
    node.tracked = () =>
      session === undefined ? undefined : { calls: session.calls.all(), agents: session.agents.all() };
    node.protocolVersion = (): number => (typeof session?.version === 'number' ? session.version : configuredVersion);
    node.configuredPeripheralId = (): number | undefined => {
      const p = Number(config.peripheralId);
      return config.peripheralId === '' || config.peripheralId === undefined || !Number.isInteger(p) ? undefined : p;
    };
    node.requestedServices = (): string[] => requestedServiceNames(config);
    node.listenerCounts = () => ({
      events: eventListeners.size,
      states: stateListeners.size,
      users: users.size,
      sessionMessage: session?.listenerCount('message') ?? 0,
      sessionState: session?.listenerCount('state') ?? 0,
    });

    node.on('close', (done: () => void) => {
      closing = true;
      cancelAfterDeployCheck();
      disconnect().then(
        () => {
          eventListeners.clear();
          stateListeners.clear();
          done();
        },
        () => done(),
      );
    });
  }

  RED.nodes.registerType('cti-server', CtiServerNodeCtor as unknown as Parameters<typeof RED.nodes.registerType>[1], {
    credentials: { password: { type: 'password' } },
  });
};
