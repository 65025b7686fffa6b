/**
 * cti-server: the config node. It owns ONE CtiSession, shared by every flow node that names it, with the MQTT
 * broker node's register/deregister pattern: the session opens when the first user registers and closes only
 * when a user is removed and none is left, or when this node itself stops.
 */
import type { Node, NodeAPI, NodeDef, NodeStatus } from 'node-red';
import { CtiSession } from '../lib/session';
import type { CtiMessage } from '../lib/protocol';
import { DEFAULT_VERSION } from '../lib/protocol';
import {
  DISCONNECTED_STATUS,
  type CtiServerNode,
  type EventListener,
  type EventOrigin,
  type SessionStateView,
  type StateListener,
} from './lib/server-api';
import { shortReason, statusForState, translator } from './lib/status';
import { buildSessionOptions, type CtiServerConfig } from './lib/server-config';

interface TlsConfigNode extends Node {
  addTLSOptions?(opts: Record<string, unknown>): void;
}

interface SessionStateInfo {
  state?: unknown;
  previous?: unknown;
  side?: unknown;
  reason?: unknown;
  error?: unknown;
  reconnects?: unknown;
  eventsMayHaveBeenMissed?: unknown;
  nextAttemptInMs?: unknown;
}

export = function (RED: NodeAPI): void {
  const t = translator((key, params) => RED._(key, params));

  function CtiServerNodeCtor(this: CtiServerNode, config: NodeDef & CtiServerConfig): void {
    RED.nodes.createNode(this, config);
    const node = this;
    const users = new Map<string, Node>();
    const eventListeners = new Set<EventListener>();
    const stateListeners = new Set<StateListener>();
    const serverLabel = config.name || `${config.hostA}:${config.portA || 42027}`;
    const configuredVersion = Number(config.version) || DEFAULT_VERSION;
    let session: CtiSession | undefined;
    let closing = false;
    let closingPromise: Promise<void> | undefined;
    let view: SessionStateView = makeView('idle', undefined, undefined, 'not started');
    let lastLoggedError = '';

    function makeView(
      state: string,
      previous: string | undefined,
      side: 'A' | 'B' | undefined,
      reason: string | undefined,
    ): SessionStateView {
      return { state, previous, side, reason, status: statusForState(state, side, reason, t) };
    }

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
          node.warn(`state listener failed: ${(err as Error).message}`);
        }
      }
    }

    function reasonOf(info: SessionStateInfo): string | undefined {
      if (typeof info.reason === 'string' && info.reason !== '') return info.reason;
      const e = info.error as { message?: unknown } | undefined;
      if (e && typeof e.message === 'string') return e.message;
      return undefined;
    }

    function onSessionState(info: SessionStateInfo | string): void {
      const i: SessionStateInfo = typeof info === 'string' ? { state: info } : (info ?? {});
      const state = typeof i.state === 'string' ? i.state : 'unknown';
      const side = i.side === 'A' || i.side === 'B' ? i.side : session?.side;
      const reason = reasonOf(i);
      if (state === 'open') {
        lastLoggedError = '';
        // The address of the side the session opened on, as configured (ports default as in the editor).
        const hostRaw = String((side === 'B' ? config.hostB : config.hostA) ?? '').trim();
        const host = hostRaw.includes(':') ? `[${hostRaw}]` : hostRaw; // IPv6 literal: keep host and port apart
        const port = String((side === 'B' ? config.portB : config.portA) || (side === 'B' ? 43027 : 42027));
        node.log(
          t(
            'cti-server.log.connected',
            { side: side ?? '?', host, port },
            `CTI session open on side ${side ?? '?'} at ${host}:${port}`,
          ),
        );
      } else if (reason !== undefined && shortReason(reason) !== lastLoggedError && state === 'failover') {
        // Log a failure once, not on every retry of the same failure (Home Assistant add-on issue #98).
        lastLoggedError = shortReason(reason);
        node.warn(`CTI session ${state}: ${reason}`);
      }
      const next = makeView(state, typeof i.previous === 'string' ? i.previous : undefined, side, reason);
      if (typeof i.reconnects === 'number') next.reconnects = i.reconnects;
      if (typeof i.eventsMayHaveBeenMissed === 'boolean') next.eventsMayHaveBeenMissed = i.eventsMayHaveBeenMissed;
      if (typeof i.nextAttemptInMs === 'number') next.nextAttemptInMs = i.nextAttemptInMs;
      setView(next);
    }

    function onSessionMessage(message: CtiMessage, call?: unknown): void {
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
      const reason = (err as Error)?.message ?? String(err);
      node.warn(t('cti-server.log.warning', { error: reason }, `CTI session warning: ${reason}`));
    }

    function tlsOptions(): Record<string, unknown> | undefined {
      if (!config.tls) return undefined;
      const tlsNode = RED.nodes.getNode(config.tls) as TlsConfigNode | null;
      if (!tlsNode || typeof tlsNode.addTLSOptions !== 'function') {
        throw new Error(`TLS configuration ${config.tls} not found`);
      }
      const opts: Record<string, unknown> = {};
      tlsNode.addTLSOptions(opts);
      return opts;
    }

    function connect(): void {
      if (session !== undefined || closing) return;
      let s: CtiSession;
      try {
        const opts = buildSessionOptions(config, node.credentials?.password, tlsOptions());
        s = new CtiSession(opts);
      } catch (err) {
        const reason = (err as Error).message;
        node.error(
          t(
            'cti-server.errors.invalid-config',
            { error: reason },
            `the CTI server configuration is invalid: ${reason}`,
          ),
        );
        setView(makeView('closed', undefined, undefined, reason));
        return;
      }
      session = s;
      s.on('state', onSessionState);
      s.on('message', onSessionMessage);
      s.on('warning', onSessionWarning);
      // No 'error' listener on purpose: the session emits 'error' only when someone listens, so nothing can
      // become an uncaught exception (S7 issue #143); 'state' carries every failure with its reason.
      setView(makeView('connecting', view.state, undefined, undefined));
      s.open().catch((err: unknown) => {
        // The session keeps retrying by itself unless it gave up; its 'state' events paint the status.
        if (session !== s) return;
        const reason = (err as Error)?.message ?? String(err);
        if (shortReason(reason) !== lastLoggedError) {
          lastLoggedError = shortReason(reason);
          node.warn(
            t(
              'cti-server.log.open-failed',
              { host: config.hostA, port: String(config.portA), error: reason },
              `CTI session could not open: ${reason}`,
            ),
          );
        }
        if (s.state === 'closed' || s.state === 'idle') setView(makeView('closed', view.state, undefined, reason));
      });
    }

    function disconnect(): Promise<void> {
      const s = session;
      if (s === undefined) return Promise.resolve();
      if (closingPromise) return closingPromise;
      closingPromise = (async () => {
        try {
          await s.close();
        } catch (err) {
          node.warn(`CTI session close: ${(err as Error).message}`);
        } finally {
          s.removeListener('state', onSessionState);
          s.removeListener('message', onSessionMessage);
          s.removeListener('warning', onSessionWarning);
          if (session === s) session = undefined;
          closingPromise = undefined;
          setView(makeView('closed', view.state, undefined, 'closed'));
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
      if (s === undefined || s.state !== 'open') {
        const e = new Error(`not connected to the CTI server (state: ${s?.state ?? view.state})`);
        e.name = 'CtiNotOpenError';
        (e as Error & { state?: string }).state = s?.state ?? view.state;
        throw e;
      }
      return s.request(message, timeoutMs === undefined ? undefined : { timeoutMs });
    };

    node.currentState = (): SessionStateView => view;
    node.protocolVersion = (): number => (typeof session?.version === 'number' ? session.version : configuredVersion);
    node.configuredPeripheralId = (): number | undefined => {
      const p = Number(config.peripheralId);
      return config.peripheralId === '' || config.peripheralId === undefined || !Number.isInteger(p) ? undefined : p;
    };
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
