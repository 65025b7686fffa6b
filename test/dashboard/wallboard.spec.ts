/**
 * The wallboard example (examples/dashboard/Wallboard.json) on the real FlowFuse Dashboard 2.0 in a real
 * Node-RED, looked at in headless Chromium while the simulator (its default organisation: skill groups 100
 * "Sales" and 200 "Support", named agents) takes calls, queues one and hands them to agents.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, exampleOnTab } from '../support/red-process';
import { board, dashboardFixture, waitForBoard, type BoardRow } from './fixture';

const RESULTS = path.join(ROOT, 'test-results');
const README_SHOTS = path.join(ROOT, 'test', 'browser', 'screenshots');
/**
 * The example polls the skill groups' counters every 10 s (as Finesse does); the test polls every 2 s so that
 * each step waits seconds, not tens of seconds. Nothing else in the example is changed.
 */
const STATS_SECONDS = 2;

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

/** Waits until the skill group rows (by group number; `longestSeconds` as the server counted) satisfy `ok`. */
function waitForGroups(
  page: Page,
  ok: (rows: Record<string, BoardRow>) => boolean,
  what: string,
): Promise<Record<string, BoardRow>> {
  return waitForBoard(page, () => board.groups(page), ok, `in the skill group table ${what}`);
}

const seconds = (mmss: string): number => {
  const m = /^(\d+):(\d\d)$/.exec(mmss);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

describe('wallboard example on Dashboard 2.0 (real Node-RED, headless Chromium)', function () {
  this.timeout(90000);
  // The simulator's defaults, as `npx cti-sim` starts: Sales (1001-1003), Support (1003-1005), named agents.
  const f = dashboardFixture({
    sims: [{ peripheralId: 5000 }],
    flows: ([simPort]) =>
      exampleOnTab('dashboard/Wallboard.json', 'wb-tab', simPort).map((n) =>
        n.id === 'wb-state' ? { ...n, statsSeconds: STATS_SECONDS } : n,
      ),
    browser: { viewport: { width: 1440, height: 1000 } },
  });
  let page: Page;

  before(async function () {
    page = await f.open('dashboard/wallboard');
  });

  it('shows every agent by name from the start, the figures, the chart and the session', async function () {
    await page.waitForFunction(
      () => document.querySelectorAll('#nrdb-ui-widget-wb-agents table tbody tr').length === 5,
      null,
      { timeout: 20000 },
    );
    // Names come with the configuration (CONFIG_AGENT_EVENT), shortly after the states.
    const want = ['1001', '1002', '1003', '1004', '1005'].map((id) => {
      const a = f.sim.model.agents.get(id)!;
      return [id, `${a.firstName} ${a.lastName}`];
    });
    await page.waitForFunction(
      (names) =>
        Array.from(document.querySelectorAll('#nrdb-ui-widget-wb-agents tbody tr')).every(
          (tr, i) =>
            tr.getAttribute('data-agent') === names[i][0] &&
            tr.querySelector('.wba-name')?.textContent?.trim() === names[i][1],
        ),
      want,
      { timeout: 20000 },
    );
    assert.equal(new Set(want.map(([, name]) => name)).size, 5, 'five different names');
    await waitForFigure(page, 'wb-ready', '5');
    assert.equal(await figure(page, 'wb-inprogress'), '0');
    await page.waitForSelector('#nrdb-ui-widget-wb-chart canvas', { timeout: 15000 });
    await page.waitForFunction(
      () => /connected/i.test(document.querySelector('#nrdb-ui-widget-wb-session')?.textContent ?? ''),
      null,
      { timeout: 15000 },
    );
  });

  it('shows Sales and Support by name with the CTI Server counters: waiting, a growing longest wait, agents, handled today, AHT, ASA', async function () {
    const sales = f.sim.model.skillGroups.get(100)!;
    const support = f.sim.model.skillGroups.get(200)!;
    // Both groups by name, three agents logged on in each, all ready (the simulator's numbers, read by CTI state).
    await waitForGroups(
      page,
      (r) =>
        r['100']?.name === sales.name &&
        r['200']?.name === support.name &&
        r['100'].loggedon === String(sales.agents.length) &&
        r['200'].loggedon === String(support.agents.length) &&
        r['100'].ready === '3' &&
        r['200'].ready === '3',
      'Sales and Support with three agents ready each',
    );
    // One PG: no PG column, no per-PG summary (wallboard-pgs.spec.ts shows them with two).
    assert.equal(await page.locator('#nrdb-ui-widget-wb-queues .wbq-pgs').count(), 0);
    assert.ok(!(await page.locator('#nrdb-ui-widget-wb-queues thead th').allTextContents()).includes('PG'));
    assert.ok(!(await page.locator('#nrdb-ui-widget-wb-agents thead th').allTextContents()).includes('PG'));

    // No Sales agent available: 1001 not ready, 1002 and 1003 (in Sales and Support) talking; 1004 (Support) too.
    await f.sim.setAgentState('1001', 'AGENT_STATE_NOT_READY', 3);
    const c1 = await f.sim.startInboundCall({ agentId: '1002', ani: '02079460123', answer: true });
    const c2 = await f.sim.startInboundCall({ agentId: '1003', ani: '01314960777', answer: true });
    const c0 = await f.sim.startInboundCall({ agentId: '1004', ani: '02920960444', answer: true });
    await waitForGroups(
      page,
      (r) =>
        r['100'].ready === '0' &&
        r['100'].talking === '2' &&
        r['100'].notready === '1' &&
        r['200'].talking === '2' &&
        r['200'].ready === '1',
      'Sales: 0 ready, 2 talking, 1 not ready; Support: 2 talking, 1 ready',
    );

    // A call for Sales queues until a Sales agent is free (held open: no agent becomes free until the test says).
    const queued = f.sim.startInboundCall({ skillGroupNumber: 100, ani: '01174960888' });
    const first = await waitForGroups(
      page,
      (r) => r['100'].waiting === '1' && r['200'].waiting === '0',
      'one call waiting in Sales',
    );
    // The longest wait as the CTI Server counted it grows from one poll to the next, and the board shows it.
    const grown = await waitForGroups(
      page,
      (r) => Number(r['100'].longestSeconds) > Number(first['100'].longestSeconds) && r['100'].waiting === '1',
      'a growing longest wait in Sales',
    );
    assert.ok(seconds(grown['100'].longest) >= Number(grown['100'].longestSeconds), grown['100'].longest);
    assert.equal(grown['200'].longest, '0:00');
    await waitForFigure(page, 'wb-queued', '1');
    // 1004's Support call ends (after some seconds of talk): handled today and AHT of Support.
    await f.sim.releaseCall(c0);
    const supportDone = await waitForGroups(
      page,
      (r) => r['200'].handled === '1' && r['200'].talking === '1' && r['100'].waiting === '1',
      'Support: one call handled',
    );
    assert.ok(seconds(supportDone['200'].aht) >= 1, `AHT ${supportDone['200'].aht}`);
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('#nrdb-ui-widget-wb-agents tbody tr')).some(
          (tr) =>
            tr.getAttribute('data-agent') === '1002' &&
            /talking/.test(tr.querySelector('.wba-state')?.textContent ?? '') &&
            /02079460123/.test(tr.querySelector('.wba-caller')?.textContent ?? '') &&
            (tr.querySelector('.wba-groups')?.textContent ?? '').includes('Sales'),
        ),
      null,
      { timeout: 15000 },
    );
    fs.mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'wallboard.png') });
    if (process.env.UPDATE_SCREENSHOTS === '1')
      await page.screenshot({ path: path.join(README_SHOTS, 'wallboard.png') });

    // 1002 hangs up: the waiting call goes to 1002, who answers; then every call ends.
    await f.sim.releaseCall(c1);
    const c3 = await queued;
    assert.equal(c3.agentId, '1002');
    await f.sim.answerCall(c3);
    await f.sim.releaseCall(c2);
    await f.sim.releaseCall(c3);
    // Three calls handled by Sales agents (their primary group), Support's one unchanged; AHT and ASA computed.
    const done = await waitForGroups(
      page,
      (r) => r['100'].waiting === '0' && r['100'].handled === '3' && r['100'].talking === '0',
      'Sales: nothing waiting, three calls handled',
    );
    assert.equal(done['200'].handled, '1');
    assert.equal(done['200'].asa, '–', 'no Support call queued, no ASA');
    assert.match(done['100'].aht, /^\d+:\d\d$/);
    // ASA: the one queued call's wait, at least the longest wait the server had reported for it.
    assert.ok(seconds(done['100'].asa) >= Number(grown['100'].longestSeconds), done['100'].asa);
    await waitForFigure(page, 'wb-queued', '0');
    await waitForFigure(page, 'wb-talking', '0');
    assert.deepEqual(f.pageErrors, []);
  });
});
