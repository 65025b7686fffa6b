/**
 * cti-status: one message per session state change, for alerting flows.
 * msg = { topic: state, payload: { state, previous, side, reason, ... }, cti: { server } }.
 */
import type { Node, NodeAPI, NodeDef } from 'node-red';
import { getServer, type SessionStateView } from './lib/server-api';

interface CtiStatusConfig extends NodeDef {
  server: string;
}

export = function (RED: NodeAPI): void {
  function CtiStatusNode(this: Node, config: CtiStatusConfig): void {
    RED.nodes.createNode(this, config);
    const node = this;
    const server = getServer(RED, node, config.server, 'cti-status.errors.missing-config');
    if (!server) return;

    const unsubscribe = server.onState((view: SessionStateView) => {
      try {
        node.send({
          topic: view.state,
          payload: {
            state: view.state,
            previous: view.previous,
            side: view.side,
            reason: view.reason,
            reconnects: view.reconnects,
            eventsMayHaveBeenMissed: view.eventsMayHaveBeenMissed,
            nextAttemptInMs: view.nextAttemptInMs,
            status: view.status.text,
            at: Date.now(),
          },
        });
      } catch (err) {
        node.error(`could not report the session state: ${(err as Error).message}`);
      }
    });
    server.register(node);

    node.on('close', (removed: boolean, done: () => void) => {
      unsubscribe();
      server.deregister(node, done, removed);
    });
  }

  RED.nodes.registerType('cti-status', CtiStatusNode as unknown as Parameters<typeof RED.nodes.registerType>[1]);
};
