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
