/**
 * The one fixture of the dashboard specs: the simulator(s), a real Node-RED in a child process with examples on
 * tabs, one headless Chromium (openDashboardBrowser), pages whose errors are recorded, teardown of all of it and
 * Node-RED's output when a test fails — and what the specs read from the pages: a record of everything a page
 * received from Node-RED over the dashboard's socket (to assert that a pop never reached it, not only that it is
 * not shown), text waits, and the wallboard's tables.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CtiSimulator, type CtiSimulatorOptions } from '../../lib/simulator';
import type { CtiMessage } from '../../lib/protocol';
import {
  ROOT,
  freePort,
  openDashboardBrowser,
  startRed,
  type DashboardBrowser,
  type DashboardBrowserOptions,
  type RedProcess,
} from '../support/red-process';

export type FlowNode = Record<string, unknown>;

export interface DashboardSetup {
  /** One simulator per entry (a PG each), on an OS-chosen port of 127.0.0.1. Default: one with its defaults. */
  sims?: Array<Omit<CtiSimulatorOptions, 'host' | 'port'>>;
  /** The flow Node-RED starts with, given the simulators' ports (in the order of `sims`). */
  flows(simPorts: number[]): FlowNode[];
  /**
   * The examples' mock CRM is served by this Node-RED: its URL (CRM_BASE_URL) must be known before it starts, so
   * Node-RED gets a port chosen beforehand instead of port 0.
   */
  crm?: boolean;
  /** Extra settings.js entries. */
  settings?: Record<string, unknown>;
  browser?: DashboardBrowserOptions;
}

/**
 * What the specs of one describe share, filled in by its before hook: `dashboardFixture()` registers before /
 * after / afterEach in the calling describe, so call it in the describe's body.
 */
export class DashboardFixture {
  sims: CtiSimulator[] = [];
  red!: RedProcess;
  browser!: DashboardBrowser;
  /** Errors thrown in any page opened by `open()` (each spec asserts there are none). */
  readonly pageErrors: string[] = [];

  /** Run first in the teardown, while Node-RED still runs (e.g. a hand-made client saying goodbye). */
  readonly beforeStop: Array<() => Promise<void>> = [];

  /** The first (or only) simulator. */
  get sim(): CtiSimulator {
    return this.sims[0];
  }

  /**
   * Opens `urlPath` (under Node-RED's root, e.g. `dashboard/agent?agent=1001`) in a new page of `context` (default:
   * the browser's first), its errors recorded; `seen`: also record what the page receives (recordSocket).
   */
  async open(urlPath: string, opts: { context?: BrowserContext; seen?: string[] } = {}): Promise<Page> {
    const page = await (opts.context ?? this.browser.context).newPage();
    if (opts.seen) recordSocket(page, opts.seen);
    page.on('pageerror', (e) => this.pageErrors.push(String(e)));
    await page.goto(`${this.red.url}${urlPath}`);
    return page;
  }
}

export function dashboardFixture(setup: DashboardSetup): DashboardFixture {
  const f = new DashboardFixture();
  let red: RedProcess | undefined;
  let browser: DashboardBrowser | undefined;

  before(async function () {
    for (const options of setup.sims ?? [{}]) {
      const sim = new CtiSimulator({ ...options, host: '127.0.0.1', port: 0 });
      await sim.start();
      f.sims.push(sim);
    }
    const flows = setup.flows(f.sims.map((s) => s.port));
    const port = setup.crm ? await freePort() : 0;
    red = await startRed({
      flows,
      port,
      ...(setup.crm ? { env: { CRM_BASE_URL: `http://127.0.0.1:${port}` } } : {}),
      ...(setup.settings ? { settings: setup.settings } : {}),
    });
    f.red = red;
    browser = await openDashboardBrowser(setup.browser);
    f.browser = browser;
  });

  after(async function () {
    for (const stop of f.beforeStop.splice(0)) await stop();
    await browser?.close();
    await red?.stop();
    for (const sim of f.sims.splice(0)) await sim.stop();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed' && red) console.log(`--- Node-RED ---\n${red.output().slice(-4000)}`);
  });
  return f;
}

/**
 * Several examples as a user imports them, one tab each: the shared config nodes (the CTI server, the
 * dashboard's base and theme) once, the CTI server pointed at the test simulator.
 */
export function examplesOnTabs(files: string[], simPort: number): FlowNode[] {
  const flow: FlowNode[] = [];
  const configs = new Set<string>();
  files.forEach((file, i) => {
    const tabId = `tab-${i + 1}`;
    flow.push({ id: tabId, type: 'tab', label: file });
    const nodes = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8')) as FlowNode[];
    for (const n of nodes) {
      if (n.wires === undefined) {
        if (configs.has(String(n.id))) continue;
        configs.add(String(n.id));
        flow.push(n.type === 'cti-server' ? { ...n, portA: simPort } : { ...n });
      } else flow.push({ ...n, z: tabId });
    }
  });
  return flow;
}

/** Callers the demo's mock CRM knows by name. */
export const ADA = '02079460001';
export const ALAN = '01617946002';

/** The agent page specs' set-up: agents 1001-1005 on PG 5000, `examples` on tabs, the mock CRM served. */
export function agentPageSetup(examples: string[]): DashboardSetup {
  return {
    sims: [{ agents: '1001-1005', peripheralId: 5000 }],
    flows: ([simPort]) => examplesOnTabs(examples, simPort),
    crm: true,
    browser: { viewport: { width: 1000, height: 640 } },
  };
}

/**
 * Deploys the running flows again through the admin API, as the editor's Deploy button does: `full` stops and
 * starts every node (config nodes too, so the CTI session is opened anew), `nodes` only the nodes `edit` changed.
 */
export async function redeploy(
  redUrl: string,
  type: 'full' | 'nodes',
  edit: (flows: FlowNode[]) => FlowNode[] = (f) => f,
): Promise<void> {
  const headers = { 'Node-RED-API-Version': 'v2', 'content-type': 'application/json' };
  const got = await fetch(`${redUrl}flows`, { headers });
  if (!got.ok) throw new Error(`GET /flows: ${got.status}`);
  const { flows, rev } = (await got.json()) as { flows: FlowNode[]; rev: string };
  const put = await fetch(`${redUrl}flows`, {
    method: 'POST',
    headers: { ...headers, 'Node-RED-Deployment-Type': type },
    body: JSON.stringify({ flows: edit(flows), rev }),
  });
  if (!put.ok) throw new Error(`POST /flows (${type}): ${put.status} ${await put.text()}`);
}

/** Everything Node-RED sends to a page over socket.io (websocket frames and long-polling answers), into `received`. */
export function recordSocket(page: Page, received: string[] = []): string[] {
  page.on('websocket', (ws) => ws.on('framereceived', (f) => received.push(String(f.payload))));
  page.on('response', (r) => {
    if (!r.url().includes('/socket.io/')) return;
    r.text().then(
      (t) => received.push(t),
      () => undefined, // a poll cut short by the upgrade has no body
    );
  });
  return received;
}

/** Waits until an element matching `selector` has text matching `pattern`; on timeout says what was there. */
export async function waitForText(page: Page, selector: string, pattern: RegExp, timeout = 15000): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, source, flags]) => {
        const re = new RegExp(source, flags);
        return Array.from(document.querySelectorAll(sel)).some((e) => re.test((e.textContent ?? '').trim()));
      },
      [selector, pattern.source, pattern.flags] as const,
      { timeout },
    );
  } catch (err) {
    const texts = await page
      .locator(selector)
      .allTextContents()
      .catch(() => []);
    throw new Error(`${selector} never matched ${pattern} (it shows ${JSON.stringify(texts)}): ${String(err)}`);
  }
}

/** Resolves with the first message the simulator sends (to any client) that satisfies `test`. */
export function simSends(sim: CtiSimulator, test: (m: CtiMessage) => boolean, timeoutMs = 15000): Promise<CtiMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sim.off('message-sent', on);
      reject(new Error(`the simulator sent no such message within ${timeoutMs} ms`));
    }, timeoutMs);
    const on = (sent: { message: CtiMessage }): void => {
      if (!test(sent.message)) return;
      clearTimeout(timer);
      sim.off('message-sent', on);
      resolve(sent.message);
    };
    sim.on('message-sent', on);
  });
}

/**
 * A dashboard client that is not the dashboard: socket.io spoken by hand over HTTP long-polling (engine.io v4),
 * as a hostile script could, to send page messages the page's own buttons would not.
 */
export class RawDashboardClient {
  private sid = '';
  private readonly inbox: string[] = [];
  constructor(
    private readonly base: string,
    private readonly headers: Record<string, string>,
  ) {}

  private url(): string {
    return `${this.base}dashboard/socket.io/?EIO=4&transport=polling${this.sid ? `&sid=${this.sid}` : ''}`;
  }

  async connect(): Promise<void> {
    const open = await (await fetch(this.url(), { headers: this.headers })).text();
    this.sid = (JSON.parse(open.slice(1)) as { sid: string }).sid;
    await this.post('40');
    await this.poll(); // the namespace's CONNECT answer (and the dashboard's ui-config)
  }

  private async post(packet: string): Promise<void> {
    const r = await fetch(this.url(), { method: 'POST', headers: this.headers, body: packet });
    if (!r.ok) throw new Error(`socket.io POST refused: ${r.status}`);
  }

  /** One long poll: the packets Node-RED sent since the last one (the server answers at once when it has some). */
  async poll(): Promise<string[]> {
    const body = await (await fetch(this.url(), { headers: this.headers })).text();
    const packets = body.split('\u001e');
    this.inbox.push(...packets);
    for (const p of packets) if (p === '2') await this.post('3'); // engine.io ping → pong
    return packets;
  }

  /** What ui-template's send() emits: widget-send to the widget with the message. */
  send(widgetId: string, msg: Record<string, unknown>): Promise<void> {
    return this.post(`42${JSON.stringify(['widget-send', widgetId, msg])}`);
  }

  /** Polls until a packet matches (each poll returns as soon as Node-RED sends something). */
  async waitFor(test: (packet: string) => boolean, tries = 20): Promise<string> {
    for (let i = 0; i < tries; i++) {
      const hit = (await this.poll()).find(test);
      if (hit !== undefined) return hit;
    }
    throw new Error('no such packet from Node-RED');
  }

  received(): string[] {
    return this.inbox.slice();
  }

  async close(): Promise<void> {
    if (this.sid) await this.post('1').catch(() => undefined);
  }
}

/** One row of a wallboard table: cell class without its `wba-` / `wbq-` prefix → the text the browser shows. */
export type BoardRow = Record<string, string>;

/**
 * The rows of one table of the wallboard (`rowSelector`), keyed by their `data-<attr>` values joined by '/', each
 * cell by its class; a cell's `data-seconds` (the longest wait as a number) as `<cell>Seconds`.
 */
export async function tableRows(page: Page, rowSelector: string, keyOf: string[]): Promise<Record<string, BoardRow>> {
  return page.evaluate(
    ([sel, attrs]) => {
      const rows: Record<string, Record<string, string>> = {};
      for (const tr of Array.from(document.querySelectorAll(sel))) {
        const row: Record<string, string> = {};
        for (const td of Array.from(tr.querySelectorAll('td'))) {
          const cls = Array.from(td.classList).find((c) => /^wb[aq]-/.test(c));
          if (!cls) continue;
          row[cls.slice(4)] = (td.firstChild?.textContent ?? '').trim();
          const secs = td.getAttribute('data-seconds');
          if (secs !== null) row[`${cls.slice(4)}Seconds`] = secs;
        }
        rows[attrs.map((a) => tr.getAttribute(`data-${a}`) ?? '?').join('/')] = row;
      }
      return rows;
    },
    [rowSelector, keyOf] as const,
  );
}

/** The wallboard's tables: skill groups by `data-group`, the per-PG summary by PG, agents by PG and agent. */
export const board = {
  groups: (page: Page) => tableRows(page, '#nrdb-ui-widget-wb-queues tr.wbq-row', ['group']),
  pgs: (page: Page) => tableRows(page, '#nrdb-ui-widget-wb-queues tr.wbq-pg-row', ['pg']),
  agents: (page: Page) => tableRows(page, '#nrdb-ui-widget-wb-agents tr.wba-row', ['pg', 'agent']),
};

/** Waits until what `read` returns satisfies `ok`; on timeout says what the board showed last. */
export async function waitForBoard<T>(
  page: Page,
  read: () => Promise<T>,
  ok: (t: T) => boolean,
  what: string,
  timeoutMs = 20000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const last = await read();
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`the board never showed ${what}: ${JSON.stringify(last)}`);
    // A browser-side poll (no sleep in the test process): the tables re-render at most once a second.
    await page.waitForTimeout(200);
  }
}
