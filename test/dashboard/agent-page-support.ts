/**
 * What the agent page specs share: the demo's examples on tabs of one real Node-RED (the mock CRM, the wallboard,
 * the agent page), Chromium pages opened as an agent, and a record of everything a page received from Node-RED
 * over the dashboard's socket (to assert that a pop never reached it, not only that it is not shown).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { CtiSimulator } from '../../lib/simulator';
import type { CtiMessage } from '../../lib/protocol';
import { ROOT } from '../support/red-process';

type FlowNode = Record<string, unknown>;

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

/** Everything Node-RED sent to a page over socket.io (websocket frames and long-polling answers). */
export function recordSocket(page: Page): string[] {
  const received: string[] = [];
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

export async function openAgentPage(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return page;
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
