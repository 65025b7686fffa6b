/**
 * Loads an examples/*.json flow into a real Node-RED runtime (node-red-node-test-helper) the way a user
 * imports it: one tab, the core nodes it uses, our nodes, and its cti-server pointed at a test simulator.
 * Every debug node gets a `helper` probe wired from the same outputs, so a test sees exactly what the
 * debug sidebar would show.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';

import ctiServerNode = require('../../nodes/cti-server');
import ctiEventNode = require('../../nodes/cti-event');
import ctiSetCallDataNode = require('../../nodes/cti-set-call-data');
import ctiRequestNode = require('../../nodes/cti-request');
import ctiStatusNode = require('../../nodes/cti-status');
import { resolveFromNodeRed } from '../support/node-red-runtime';

export const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');
export const OUR_TYPES = ['cti-server', 'cti-event', 'cti-set-call-data', 'cti-request', 'cti-status'];

// Core node files by type, from node-red's own @node-red/nodes package.
const CORE_FILES: Record<string, string> = {
  comment: 'common/90-comment.js',
  debug: 'common/21-debug.js',
  inject: 'common/20-inject.js',
  catch: 'common/25-catch.js',
  function: 'function/10-function.js',
  switch: 'function/10-switch.js',
  change: 'function/15-change.js',
  template: 'function/80-template.js',
  'http in': 'network/21-httpin.js',
  'http response': 'network/21-httpin.js',
  'http request': 'network/21-httprequest.js',
  csv: 'parsers/70-CSV.js',
  file: 'storage/10-file.js',
};

/** The part of node-red-node-test-helper (untyped) these tests use. */
export interface TestHelper {
  init(runtimePath: string, settings?: Record<string, unknown>): void;
  settings(s: Record<string, unknown>): Record<string, unknown>;
  load(nodes: unknown, flow: unknown, credentials?: Record<string, unknown>): Promise<void>;
  unload(): Promise<void>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  getNode(id: string): any;
}

export const helper: TestHelper = require('node-red-node-test-helper');
helper.init(resolveFromNodeRed('node-red'));

type FlowNode = { id: string; type: string; z?: string; wires?: string[][]; [k: string]: unknown };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NodeInit = (RED: any) => void;

export function exampleNames(): string[] {
  return fs
    .readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function readExample(name: string): FlowNode[] {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as FlowNode[];
}

/** The imported flow: a tab, z on every flow node, the server at simPort, a probe beside each debug node. */
export function prepareFlow(name: string, simPort: number): FlowNode[] {
  const nodes = readExample(name).map((n) => JSON.parse(JSON.stringify(n)) as FlowNode);
  const tab: FlowNode = { id: 'example-tab', type: 'tab', label: name };
  const out: FlowNode[] = [tab];
  const debugIds = new Set(nodes.filter((n) => n.type === 'debug').map((n) => n.id));
  for (const n of nodes) {
    if (n.type === 'cti-server') {
      n.hostA = '127.0.0.1';
      n.portA = simPort;
      out.push(n);
      continue;
    }
    n.z = tab.id;
    if (Array.isArray(n.wires)) {
      n.wires = n.wires.map((port) => {
        const probes = port.filter((id) => debugIds.has(id)).map(probeId);
        return [...port, ...probes];
      });
    }
    out.push(n);
  }
  for (const id of debugIds) out.push({ id: probeId(id), type: 'helper', z: tab.id });
  return out;
}

/** The `npx cti-sim …` commands an example's comment names (in backticks), each once. */
export function simulatorCommands(info: string): string[] {
  const found = [...info.matchAll(/`(npx cti-sim(?: [^`]*)?)`/g)].map((m) => m[1].trim());
  return [...new Set(found)];
}

export function probeId(debugId: string): string {
  return `${debugId}--probe`;
}

/** Our five node modules plus the core modules the flow uses. Unknown types fail loudly. */
export function modulesFor(flow: FlowNode[], extra: NodeInit[] = []): NodeInit[] {
  const mods: NodeInit[] = [
    ctiServerNode,
    ctiEventNode,
    ctiSetCallDataNode,
    ctiRequestNode,
    ctiStatusNode,
  ] as unknown as NodeInit[];
  const files = new Set<string>();
  for (const n of flow) {
    if (n.type === 'tab' || n.type === 'helper' || OUR_TYPES.includes(n.type)) continue;
    const file = CORE_FILES[n.type];
    if (!file) throw new Error(`example uses node type "${n.type}" that the harness does not know`);
    files.add(file);
  }
  for (const f of files) {
    if (f === 'common/25-catch.js') continue; // the helper preloads catch itself

    mods.push(require(resolveFromNodeRed(`@node-red/nodes/core/${f}`)) as NodeInit);
  }
  return [...mods, ...extra];
}

/**
 * The test helper registers http-in routes on an express app it never serves; capture that app (the node
 * API's RED.httpNode) and serve it on a real ephemeral port, so http request nodes and tests can call it.
 */
export class HttpNodeServer {
  private app: http.RequestListener | undefined;
  private server: http.Server | undefined;
  readonly capture: NodeInit = (RED) => {
    this.app = RED.httpNode as http.RequestListener;
  };

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      if (!this.app) {
        res.statusCode = 503;
        res.end('flows not loaded');
        return;
      }
      this.app(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address() as { port: number };
    return `http://127.0.0.1:${addr.port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    const s = this.server;
    this.server = undefined;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

export function getJson(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: text === '' ? undefined : JSON.parse(text) });
          } catch (err) {
            reject(new Error(`not JSON from ${url}: ${text.slice(0, 200)} (${(err as Error).message})`));
          }
        });
      })
      .on('error', reject);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Msg = Record<string, any>;

/**
 * Collects every message a probe receives; `next(pred)` resolves with the first (past or future) message
 * that matches and was not taken before, or rejects after timeoutMs naming what it waited for.
 */
export class Probe {
  readonly messages: Msg[] = [];
  private taken = new Set<Msg>();
  private waiters: { pred: (m: Msg) => boolean; resolve: (m: Msg) => void }[] = [];

  constructor(readonly id: string) {
    const node = helper.getNode(id);
    if (!node) throw new Error(`no probe node ${id}`);
    node.on('input', (msg: Msg) => {
      this.messages.push(msg);
      for (const w of [...this.waiters]) {
        if (!this.taken.has(msg) && w.pred(msg)) {
          this.taken.add(msg);
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(msg);
        }
      }
    });
  }

  next(pred: (m: Msg) => boolean = () => true, what = 'a message', timeoutMs = 8000): Promise<Msg> {
    const past = this.messages.find((m) => !this.taken.has(m) && pred(m));
    if (past) {
      this.taken.add(past);
      return Promise.resolve(past);
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        pred,
        resolve: (m: Msg) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(
          new Error(
            `${this.id}: no ${what} within ${timeoutMs} ms; got ${this.messages.length}: ` +
              JSON.stringify(this.messages.map((m) => ({ topic: m.topic, payload: m.payload }))).slice(0, 1500),
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}

/** Resolves when `emitter` emits `event` with an argument matching pred (or rejects after timeoutMs). */
export function waitForEvent<T>(
  emitter: { on(e: string, l: (a: T) => void): unknown; off(e: string, l: (a: T) => void): unknown },
  event: string,
  pred: (a: T) => boolean = () => true,
  timeoutMs = 8000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`no "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (a: T): void => {
      if (!pred(a)) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(a);
    };
    emitter.on(event, listener);
  });
}
