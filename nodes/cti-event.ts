/**
 * cti-event: sends one message per CTI event of the chosen types, optionally one output per type.
 * msg = { topic: event name, payload: the event with enumeration names, call: call context, cti: origin }.
 */
import type { Node, NodeAPI, NodeDef, NodeMessage } from 'node-red';
import type { CtiMessage } from '../lib/protocol';
import type { CallSnapshot } from '../lib/calls';
import { getServer, type CtiServerNode, type EventOrigin } from './lib/server-api';
import { compileFilter, type CompiledFilter, type EventFilterConfig } from './lib/event-filter';
import { isDeliverableEvent } from './lib/event-types';
import { eventView } from './lib/event-view';
import { migrateConfig } from './lib/migrations';

interface CtiEventConfig extends NodeDef, EventFilterConfig {
  server: string;
  events?: string[] | string;
  splitOutputs?: boolean | string;
}

function eventList(v: CtiEventConfig['events']): string[] {
  if (Array.isArray(v)) return v.map(String).filter((s) => s !== '');
  if (typeof v === 'string' && v.trim() !== '')
    return v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return [];
}

export = function (RED: NodeAPI): void {
  function CtiEventNode(this: Node, config: CtiEventConfig): void {
    config = migrateConfig('cti-event', config);
    RED.nodes.createNode(this, config);
    const node = this;
    const events = eventList(config.events);
    const split = (config.splitOutputs === true || config.splitOutputs === 'true') && events.length > 1;
    const wanted = new Set(events);
    let filter: CompiledFilter;
    try {
      filter = compileFilter(config);
    } catch (err) {
      // A filter that can never match would silently drop everything; say so and pass nothing.
      node.error((err as Error).message);
      node.status({ fill: 'red', shape: 'ring', text: 'invalid filter' });
      return;
    }

    const server: CtiServerNode | undefined = getServer(RED, node, config.server, 'cti-event.errors.missing-config');
    if (!server) return;

    function deliver(event: CtiMessage, call: CallSnapshot | undefined, origin: EventOrigin): void {
      const type = event.messageType;
      if (!isDeliverableEvent(type)) return;
      if (wanted.size > 0 && !wanted.has(type)) return;
      let msg: NodeMessage;
      try {
        // Built once per event for every cti-event node of the session (see eventView).
        const view = eventView(event, call);
        if (!filter(event, view.call)) return;
        msg = { topic: type, payload: view.payload, cti: origin };
        if (view.call !== undefined) msg.call = view.call;
      } catch (err) {
        node.error(`could not deliver ${type}: ${(err as Error).message}`);
        return;
      }
      if (split) {
        const out: Array<NodeMessage | null> = events.map(() => null);
        out[events.indexOf(type)] = msg;
        node.send(out);
      } else {
        node.send(msg);
      }
    }

    const unsubscribe = server.subscribe(deliver);
    server.register(node);

    node.on('close', (removed: boolean, done: () => void) => {
      // Unsubscribe first: an event arriving during a redeploy must reach only the new node (no double delivery).
      unsubscribe();
      server.deregister(node, done, removed);
    });
  }

  RED.nodes.registerType('cti-event', CtiEventNode as unknown as Parameters<typeof RED.nodes.registerType>[1]);
};
