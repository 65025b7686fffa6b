/**
 * Shared pieces of the node tests: the test helper bound to the real Node-RED runtime, the five node modules
 * loaded from their TypeScript sources, a simulator on an OS-chosen port, and awaitable helpers (no sleeps).
 */
import { EventEmitter } from 'node:events';
import net from 'node:net';
import type { Node, NodeMessage } from 'node-red';
import { CtiSimulator } from '../../lib/simulator';
import type { CtiServerNode, SessionStateView } from '../../nodes/lib/server-api';
import ctiServer = require('../../nodes/cti-server');
import ctiEvent = require('../../nodes/cti-event');
import ctiSetCallData = require('../../nodes/cti-set-call-data');
import ctiRequest = require('../../nodes/cti-request');
import ctiStatus = require('../../nodes/cti-status');
import { resolveFromNodeRed } from '../support/node-red-runtime';

// The helper ships no types of its own for 0.3.6 (its @types package types start/stopServer as void).

export const helper: {
  init(path: string, settings?: object): void;
  load(nodes: unknown, flow: object[], creds?: object): Promise<void>;
  unload(): Promise<void>;
  setFlows(flow: object[], type: 'full' | 'flows' | 'nodes', creds?: object): Promise<void>;
  /** Merges runtime settings (settings.js) for the next load; a key set to undefined is removed in effect. */
  settings(userSettings: object): object;
  startServer(): Promise<void>;
  stopServer(): Promise<void>;
  getNode(id: string): Node & EventEmitter;
  /** The runtime's event bus ('flows:stopping', 'flows:started', …). */
  _events: EventEmitter;
  _redNodes: {
    getFlows(): { flows: Array<Record<string, unknown>> };
    setFlows(flow: object[], creds: object, type: string): Promise<unknown>;
  };
} = require('node-red-node-test-helper');

helper.init(resolveFromNodeRed('node-red'));

// The helper's own setFlows gives the runtime 300 ms to report 'flows:started' after the deploy and then fails
// with "timeout waiting event": on a busy machine a redeploy of a few nodes takes longer. Same deploy, but the
// event is listened for before the deploy starts and awaited for as long as a test allows.
helper.setFlows = async (flow, type, creds) => {
  const started = new Promise<void>((resolve) => helper._events.once('flows:started', () => resolve()));
  await helper._redNodes.setFlows(flow, creds ?? {}, type);
  await started;
};

/** Lets the two rounds of immediates that Node-RED's message delivery takes run, so nothing is still in flight. */
export const flush = (): Promise<void> => new Promise((r) => setImmediate(() => setImmediate(r)));

export const NODES = [ctiServer, ctiEvent, ctiSetCallData, ctiRequest, ctiStatus];
export const PERIPHERAL = 5000;

export async function startSim(opts: ConstructorParameters<typeof CtiSimulator>[0] = {}): Promise<CtiSimulator> {
  const sim = new CtiSimulator({ host: '127.0.0.1', port: 0, peripheralId: PERIPHERAL, agents: '1001-1003', ...opts });
  await sim.start();
  return sim;
}

export function serverNode(sim: CtiSimulator, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'srv',
    type: 'cti-server',
    name: 'sim',
    hostA: '127.0.0.1',
    portA: sim.port,
    clientId: 'nodes-test',
    peripheralId: String(PERIPHERAL),
    version: 24,
    services: ['ALL_EVENTS', 'CALL_DATA_UPDATE', 'CLIENT_CONTROL'],
    heartbeat: 30,
    ...extra,
  };
}

export function getServer(): CtiServerNode {
  return helper.getNode('srv') as unknown as CtiServerNode;
}

/** Resolves once the config node's session is in `state` (at once if it already is). */
export function waitForState(server: CtiServerNode, state: string, timeoutMs = 5000): Promise<SessionStateView> {
  return new Promise((resolve, reject) => {
    if (server.currentState().state === state) {
      resolve(server.currentState());
      return;
    }
    const timer = setTimeout(() => {
      off();
      reject(new Error(`session did not reach "${state}" within ${timeoutMs} ms (now ${server.currentState().state})`));
    }, timeoutMs);
    const off = server.onState((v) => {
      if (v.state !== state) return;
      clearTimeout(timer);
      off();
      resolve(v);
    });
  });
}

/** The next message a helper node receives that satisfies `accept`. */
export function nextInput(
  node: EventEmitter,
  accept: (msg: NodeMessage & Record<string, unknown>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<NodeMessage & Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const onInput = (msg: NodeMessage & Record<string, unknown>): void => {
      if (!accept(msg)) return;
      clearTimeout(timer);
      node.removeListener('input', onInput);
      resolve(msg);
    };
    const timer = setTimeout(() => {
      node.removeListener('input', onInput);
      reject(new Error(`no matching message within ${timeoutMs} ms`));
    }, timeoutMs);
    node.on('input', onInput);
  });
}

/** Collects every message a helper node receives. */
export function collect(node: EventEmitter): Array<NodeMessage & Record<string, unknown>> {
  const out: Array<NodeMessage & Record<string, unknown>> = [];
  node.on('input', (msg: NodeMessage & Record<string, unknown>) => out.push(msg));
  return out;
}

/** Counts the simulator's live sessions from its own open/close events. */
export function liveSessions(sim: CtiSimulator): {
  readonly live: number;
  readonly opened: number;
  readonly closed: number;
} {
  const c = { opened: 0, closed: 0 };
  sim.on('session-open', () => c.opened++);
  sim.on('session-close', () => c.closed++);
  return {
    get live() {
      return c.opened - c.closed;
    },
    get opened() {
      return c.opened;
    },
    get closed() {
      return c.closed;
    },
  };
}

/** Resolves on the simulator's next event of `name`. */
/** The next `name` event whose value passes `accept` (every one, by default). */
export function once<T = unknown>(
  emitter: EventEmitter,
  name: string,
  timeoutMs = 5000,
  accept: (v: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.removeListener(name, on);
      reject(new Error(`no "${name}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const on = (v: T): void => {
      if (!accept(v)) return;
      clearTimeout(timer);
      emitter.removeListener(name, on);
      resolve(v);
    };
    emitter.on(name, on);
  });
}

/** A node's own most recent status() call (the helper's spy sits on Node.prototype, shared by every node). */
export function lastStatus(node: Node): Record<string, unknown> | undefined {
  const spy = node.status as unknown as { getCalls(): Array<{ thisValue: unknown; args: unknown[] }> };
  const mine = spy.getCalls().filter((c) => c.thisValue === node);
  return mine.length === 0 ? undefined : (mine[mine.length - 1].args[0] as Record<string, unknown>);
}

/** Resolves once the node's latest status passes `accept` (at once if it already does). */
export function waitForStatus(
  node: Node & EventEmitter,
  accept: (status: Record<string, unknown>) => boolean,
  timeoutMs = 5000,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const now = lastStatus(node);
    if (now !== undefined && accept(now)) {
      resolve(now);
      return;
    }
    // The helper emits call:status on the next tick after each status() call.
    const onStatus = (): void => {
      const s = lastStatus(node);
      if (s === undefined || !accept(s)) return;
      clearTimeout(timer);
      node.removeListener('call:status', onStatus);
      resolve(s);
    };
    const timer = setTimeout(() => {
      node.removeListener('call:status', onStatus);
      reject(
        new Error(
          `node ${node.id}: status never matched within ${timeoutMs} ms (last ${JSON.stringify(lastStatus(node))})`,
        ),
      );
    }, timeoutMs);
    node.on('call:status', onStatus);
  });
}

/** A loopback port nobody listens on right now (bound once on port 0, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type { CtiSimulator };

/**
 * Mocha hooks for a spec that runs nodes against one simulator: a started runtime (with `settings` from the
 * settings file, removed again afterwards) and a simulator per test, both stopped after it.
 */
export function runtimeWithSim(
  simOpts: ConstructorParameters<typeof CtiSimulator>[0] = {},
  settings: Record<string, unknown> = {},
): { readonly sim: CtiSimulator } {
  const ctx: { sim?: CtiSimulator } = {};
  beforeEach(async function () {
    helper.settings(settings);
    await helper.startServer();
    ctx.sim = await startSim(simOpts);
  });
  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    await ctx.sim?.stop();
    helper.settings(Object.fromEntries(Object.keys(settings).map((k) => [k, undefined])));
  });
  return {
    get sim(): CtiSimulator {
      return ctx.sim!;
    },
  };
}

/** What a node logged with node.log / warn / error (the helper's spies sit on Node.prototype, shared by all). */
export function logged(node: unknown, method: 'log' | 'warn' | 'error'): string[] {
  const spy = (node as Record<string, { getCalls(): Array<{ thisValue: unknown; args: unknown[] }> }>)[method];
  return spy
    .getCalls()
    .filter((c) => c.thisValue === node)
    .map((c) => String(c.args[0]));
}
