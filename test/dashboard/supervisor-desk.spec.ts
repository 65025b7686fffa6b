/**
 * The Supervisor desk example (examples/dashboard/Supervisor desk.json) on the real FlowFuse Dashboard 2.0 in a
 * real Node-RED against the simulator's defaults over TCP (team 1, supervisor 1009), driven in headless Chromium:
 * the team board, a call at 1001 monitored → barged in on → intercepted, an emergency from 1001's desktop, a
 * refusal, 1002 made Not Ready with reason 7 — each step asserted on the page and in the simulator.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { AgentState } from '../../lib/protocol';
import type { SimCall } from '../../lib/simulator';
import { ROOT, exampleOnTab } from '../support/red-process';
import { dashboardFixture } from './fixture';

const RESULTS = path.join(ROOT, 'test-results');
const AS = AgentState.byName;

/** Waits until the desk's result line says `re` (and is of the given kind). */
function waitForResult(page: Page, re: RegExp, ok: boolean): Promise<unknown> {
  return page.waitForFunction(
    ([src, cls]) => {
      const el = document.querySelector('.sd-result');
      return el !== null && el.classList.contains(cls) && new RegExp(src).test(el.textContent ?? '');
    },
    [re.source, ok ? 'sd-result-ok' : 'sd-result-refused'] as const,
    { timeout: 15000 },
  );
}

/** Waits until agent `id`'s row shows a state matching `re`. */
function waitForRowState(page: Page, id: string, re: RegExp): Promise<unknown> {
  return page.waitForFunction(
    ([agent, src]) =>
      new RegExp(src).test(document.querySelector(`tr[data-agent="${agent}"] .sd-state`)?.textContent ?? ''),
    [id, re.source] as const,
    { timeout: 15000 },
  );
}

describe('Supervisor desk example on Dashboard 2.0 (real Node-RED, headless Chromium)', function () {
  this.timeout(90000);
  // `npx cti-sim` with no options: agents 1001-1005, supervisor 1009, team 1 "Team Blue".
  const f = dashboardFixture({
    flows: ([simPort]) => exampleOnTab('dashboard/Supervisor desk.json', 'sd-tab', simPort),
    browser: { viewport: { width: 1280, height: 900 } },
  });

  it('shows the team, supervises a call step by step, shows an emergency at once and changes an agent', async function () {
    const page = await f.open('dashboard/supervisor');

    // The team from the supervisor session's AGENT_TEAM_CONFIG_EVENT: 1001-1005, each Ready, time in state counting.
    await page.waitForFunction(() => document.querySelectorAll('tr.sd-row').length === 5, null, { timeout: 20000 });
    assert.equal(await page.locator('.sd-title').innerText(), 'Team Blue');
    assert.deepEqual(await page.locator('tr.sd-row .sd-agent').allInnerTexts(), [
      '1001',
      '1002',
      '1003',
      '1004',
      '1005',
    ]);
    await waitForRowState(page, '1003', /^Ready$/);
    assert.match(await page.locator('tr[data-agent="1003"] .sd-time').innerText(), /^\d+:\d\d$/);

    // A button without a selected agent is refused on the page.
    await page.click('.sd-btn-monitor');
    await waitForResult(page, /choose an agent/, false);

    // A call at 1001, answered: the board shows it talking (the team monitor brings 1001's state changes).
    const call: SimCall = await f.sim.startInboundCall({ agentId: '1001', ani: '02079460999', answer: true });
    await waitForRowState(page, '1001', /Talking/);
    await page.click('tr[data-agent="1001"]');
    await page.waitForSelector('tr[data-agent="1001"].sd-row-selected');

    // Intercept before barging in: refused with the CTI code.
    await page.click('.sd-btn-intercept');
    await waitForResult(page, /CF_INVALID_OBJECT_STATE/, false);

    // Silent monitor → barge-in → intercept: each confirmed on the page and visible in the simulator.
    await page.click('.sd-btn-monitor');
    await waitForResult(page, /monitor 1001: SUPERVISE_CALL_CONF/, true);
    assert.equal(f.sim.model.getAgent('1009').state, AS.AGENT_STATE_TALKING);
    assert.ok(
      [...f.sim.model.calls].some((c) => c.callType === 21 && c.connections.has('1009')),
      'a monitor call',
    );

    await page.click('.sd-btn-barge-in');
    await waitForResult(page, /barge-in 1001: SUPERVISE_CALL_CONF/, true);
    assert.deepEqual([...call.connections.keys()].sort(), ['1001', '1009']);

    await page.click('.sd-btn-intercept');
    await waitForResult(page, /intercept 1001: SUPERVISE_CALL_CONF/, true);
    assert.deepEqual([...call.connections.keys()], ['1009'], 'the customer is left with the supervisor');
    await waitForRowState(page, '1001', /^Ready$/);

    // An emergency from agent 1001's desktop appears at once, highlighted, and selects 1001.
    await page.click('.sd-btn-emergency');
    await page.waitForSelector('.sd-alert.sd-alert-emergency', { timeout: 15000 });
    assert.match(await page.locator('.sd-alert-emergency').innerText(), /agent 1001 declares an emergency/);
    await page.waitForSelector('tr[data-agent="1001"].sd-row-alert');
    await waitForResult(page, /emergency: EMERGENCY_CALL_CONF/, true);
    await page.click('.sd-btn-help');
    await page.waitForSelector('.sd-alert.sd-alert-help', { timeout: 15000 });

    // 1002 made Not Ready (reason 7), then logged out.
    await page.click('tr[data-agent="1002"]');
    await page.click('.sd-btn-not-ready');
    await waitForResult(page, /Not Ready \(reason 7\) 1002: SET_AGENT_STATE_CONF/, true);
    await waitForRowState(page, '1002', /Not ready \(7\)/);
    assert.deepEqual(
      [f.sim.model.getAgent('1002').state, f.sim.model.getAgent('1002').reasonCode],
      [AS.AGENT_STATE_NOT_READY, 7],
    );
    await page.click('.sd-btn-logout');
    await waitForResult(page, /log out 1002: SET_AGENT_STATE_CONF/, true);
    await waitForRowState(page, '1002', /Logged out/);

    fs.mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'supervisor-desk.png') });

    // The supervisor leaves the intercepted call: the call ends, 1009 goes back to Not Ready.
    await page.click('tr[data-agent="1001"]');
    await page.click('.sd-btn-clear');
    await waitForResult(page, /clear 1001: SUPERVISE_CALL_CONF/, true);
    assert.equal(f.sim.model.calls.has(call), false);
    assert.equal(f.sim.model.getAgent('1009').state, AS.AGENT_STATE_NOT_READY);
    assert.deepEqual(f.pageErrors, []);
  });
});
