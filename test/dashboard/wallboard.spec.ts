/**
 * The wallboard example (examples/dashboard/Wallboard.json) on the real FlowFuse Dashboard 2.0 in a real
 * Node-RED, looked at in headless Chromium while the simulator's calls come and go.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CtiSimulator } from '../../lib/simulator';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, exampleOnTab, startRed, type RedProcess } from '../support/red-process';

const RESULTS = path.join(ROOT, 'test-results');
const README_SHOTS = path.join(ROOT, 'test', 'browser', 'screenshots');

/** The text a ui-text widget shows as its value. */
function figure(page: Page, id: string): Promise<string> {
  return page.locator(`#nrdb-ui-widget-${id} .nrdb-ui-text-value`).innerText();
}

function waitForFigure(page: Page, id: string, value: string): Promise<unknown> {
  return page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.textContent?.trim() === want,
    [`#nrdb-ui-widget-${id} .nrdb-ui-text-value`, value] as const,
    { timeout: 15000 },
  );
}

describe('wallboard example on Dashboard 2.0 (real Node-RED, headless Chromium)', function () {
  this.timeout(60000);
  let sim: CtiSimulator;
  let red: RedProcess | undefined;
  let context: BrowserContext | undefined;
  let profileDir: string | undefined;
  const pageErrors: string[] = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run .ci/deps.sh (Debian's chromium)`);
    sim = new CtiSimulator({ host: '127.0.0.1', port: 0, agents: '1001-1005', peripheralId: 5000 });
    await sim.start();
    red = await startRed({ flows: exampleOnTab('dashboard/Wallboard.json', 'wb-tab', sim.port) });
    profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-wallboard-chromium-'));
    // Service workers blocked: the dashboard's offline toast must not cover the board (recipe pitfall 1).
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      serviceWorkers: 'block',
    });
  });

  after(async function () {
    await context?.close();
    await red?.stop();
    await sim?.stop();
    if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed' && red) console.log(`--- Node-RED ---\n${red.output().slice(-3000)}`);
  });

  it('shows every agent, the figures, the chart and the session, and follows calls as they come and go', async function () {
    const page = context!.pages()[0] ?? (await context!.newPage());
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${red!.url}dashboard/wallboard`);

    // Every agent from the start (queried at open), before any of them changed state.
    await page.waitForFunction(
      () => document.querySelectorAll('#nrdb-ui-widget-wb-agents table tbody tr').length === 5,
      null,
      { timeout: 20000 },
    );
    const rows = await page.locator('#nrdb-ui-widget-wb-agents table tbody tr').allInnerTexts();
    assert.deepEqual(
      rows.map((r) => r.split(/\s+/)[0]),
      ['1001', '1002', '1003', '1004', '1005'],
    );
    await waitForFigure(page, 'wb-ready', '5');
    assert.equal(await figure(page, 'wb-inprogress'), '0');
    await page.waitForSelector('#nrdb-ui-widget-wb-chart canvas', { timeout: 15000 });
    await page.waitForFunction(
      () => /connected/i.test(document.querySelector('#nrdb-ui-widget-wb-session')?.textContent ?? ''),
      null,
      { timeout: 15000 },
    );

    // A call rings at 1002 and is answered: the board follows.
    const call = await sim.startInboundCall({ agentId: '1002', ani: '02079460123', dnis: '8005551000' });
    await sim.answerCall(call);
    await waitForFigure(page, 'wb-inprogress', '1');
    await waitForFigure(page, 'wb-talking', '1');
    await waitForFigure(page, 'wb-ready', '4');
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('#nrdb-ui-widget-wb-agents table tbody tr')).some(
          (tr) =>
            /1002/.test(tr.textContent ?? '') &&
            /talking/.test(tr.textContent ?? '') &&
            /02079460123/.test(tr.textContent ?? ''),
        ),
      null,
      { timeout: 15000 },
    );
    // One more waiting in queue, so the screenshot shows every figure in use.
    const queued = sim.startInboundCall({ agentId: '1004', queued: true, queueMs: 3000, ani: '01617946555' });
    await waitForFigure(page, 'wb-queued', '1');
    fs.mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'wallboard.png') });
    if (process.env.UPDATE_SCREENSHOTS === '1')
      await page.screenshot({ path: path.join(README_SHOTS, 'wallboard.png') });

    await queued;
    await sim.releaseCall(call);
    await waitForFigure(page, 'wb-queued', '0');
    await waitForFigure(page, 'wb-talking', '0');
    assert.deepEqual(pageErrors, []);
  });
});
