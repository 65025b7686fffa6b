/**
 * cti-status: one message per session state change, for alerting flows.
 * msg = { topic: state, payload: { state, previous, side, reason, status, ... } }.
 * When its flow starts it first sends the state the session is in (payload.replay: true): a state reached while
 * the flows were starting (an invalid configuration, a refusal) would otherwise never reach the alerting flow.
 * Configuration acquisition (asked for by the server once a node needs the names) is reported apart, with
 * msg.topic 'configuration' and payload.configuration: it is not a change of the session's state.
 */
import type { Node, NodeAPI, NodeDef } from 'node-red';
import { getServer, type SessionStateView } from './lib/server-api';
import { translator } from './lib/i18n';
import { migrateConfig } from './lib/migrations';

interface CtiStatusConfig extends NodeDef {
  server: string;
}

/** The message payload for a state (the view minus what only the nodes need). */
function statusPayload(view: SessionStateView, replay: boolean, peripheralId?: number): Record<string, unknown> {
  return {
    state: view.state,
    previous: view.previous,
    side: view.side,
    reason: view.reason,
    reasonKey: view.reasonKey,
    phase: view.phase,
    configRefused: view.configRefused,
    stopReason: view.stopReason,
    version: view.version,
    standbySide: view.standbySide,
    reconnects: view.reconnects,
    eventsMayHaveBeenMissed: view.eventsMayHaveBeenMissed,
    nextAttemptInMs: view.nextAttemptInMs,
    protocolWarnings: view.protocolWarnings,
    ...(view.ha !== undefined ? { ha: view.ha } : {}),
    ...(view.servicesGranted !== undefined ? { servicesGranted: view.servicesGranted } : {}),
    ...(view.configuration !== undefined ? { configuration: view.configuration } : {}),
    // The server node's peripheral (undefined when it names none): e.g. for a cti/<peripheral>/session topic.
    peripheralId,
    status: view.status.text,
    replay,
    at: Date.now(),
  };
}

export = function (RED: NodeAPI): void {
  const t = translator((key, params) => RED._(key, params));

  function CtiStatusNode(this: Node, rawConfig: CtiStatusConfig): void {
    const config = migrateConfig('cti-status', rawConfig);
    RED.nodes.createNode(this, config);
    const node = this;
    const server = getServer(RED, node, config.server, 'cti-status.errors.missing-config');
    if (!server) return;

    // Until the flows have started, a message could reach no one: hold back and replay the state then.
    let started = typeof RED.events?.once !== 'function';
    function send(view: SessionStateView, replay: boolean): void {
      try {
        node.send({ topic: view.state, payload: statusPayload(view, replay, server!.configuredPeripheralId()) });
      } catch (err) {
        node.error(t('cti-status.errors.send-failed', { error: (err as Error).message }));
      }
    }
    const onStarted = (): void => {
      started = true;
      send(server.currentState(), true);
    };
    if (!started) RED.events.once('flows:started', onStarted);

    const unsubscribe = server.onState((view: SessionStateView) => {
      if (started) send(view, false);
    });
    const unconfigured =
      server.onConfiguration?.(() => {
        if (!started) return;
        try {
          node.send({
            topic: 'configuration',
            payload: statusPayload(server.currentState(), false, server.configuredPeripheralId()),
          });
        } catch (err) {
          node.error(t('cti-status.errors.send-failed', { error: (err as Error).message }));
        }
      }) ?? (() => undefined);
    server.register(node);
    if (started) send(server.currentState(), true);

    node.on('close', (removed: boolean, done: () => void) => {
      if (!started) RED.events.removeListener('flows:started', onStarted);
      unsubscribe();
      unconfigured();
      server.deregister(node, done, removed);
    });
  }

  RED.nodes.registerType('cti-status', CtiStatusNode as unknown as Parameters<typeof RED.nodes.registerType>[1]);
};
