/**
 * The agent page example through what an open page must live through without a reload (issue 25): a full deploy
 * (every node and the CTI session started anew, the session's call tracker empty), a "modified nodes" deploy that
 * changes the page itself, and a CTI outage during which a call began ringing. Real Node-RED, the simulator over
 * TCP, headless Chromium; two agents' pages open throughout, each asserted to get only its own agent's calls.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { SimCall } from '../../lib/simulator';
import { ADA, ALAN, agentPageSetup, dashboardFixture, redeploy, simSends, waitForText } from './fixture';

const EXAMPLES = ['CRM screen-pop on call delivered.json', 'dashboard/Agent page.json'];

describe('agent page through redeploys and CTI outages (real Node-RED, headless Chromium, no reload)', function () {
  this.timeout(120000);
  const f = dashboardFixture(agentPageSetup(EXAMPLES));
  let p1: Page;
  let p2: Page;
  const seenBy1: string[] = [];
  const seenBy2: string[] = [];

  const sessionOpens = (): Promise<void> => new Promise((resolve) => f.sim.once('session-open', () => resolve()));
  /** Frames a page received since `from` that mention `text` on the agent page widget. */
  const since = (seen: string[], from: number, text: string): string[] =>
    seen.slice(from).filter((t) => t.includes('msg-input:ap-page') && t.includes(text));
  const noPop = async (page: Page): Promise<void> => {
    await page.waitForFunction(() => document.querySelectorAll('.ap-pop').length === 0, null, { timeout: 15000 });
  };

  before(async function () {
    const open = async (agent: string, seen: string[]): Promise<Page> => {
      const page = await f.open(`dashboard/agent?agent=${agent}`, { seen });
      await waitForText(page, '.ap-state', /^Ready$/);
      return page;
    };
    p1 = await open('1001', seenBy1);
    p2 = await open('1002', seenBy2);
  });

  it('a full deploy while a call rings: the open page follows that call to its end, then pops the next ones', async function () {
    const first = await f.sim.startInboundCall({ agentId: '1001', ani: ADA, callVariables: { 1: 'order 4711' } });
    await waitForText(p1, '.ap-pop .ap-crm-name', /Ada Lovelace/);
    const reopened = sessionOpens();
    await redeploy(f.red.url, 'full');
    await reopened;
    // Answered at the phone: the new session's tracker never saw the call ring, the page still follows it.
    await f.sim.answerCall(first);
    await waitForText(p1, '.ap-pop .ap-call-state', /^Talking$/);
    await waitForText(p1, '.ap-pop .ap-crm-name', /Ada Lovelace/);
    await waitForText(p1, '.ap-pop .ap-vars', /order 4711/);
    // The page's buttons act on it.
    const held = simSends(f.sim, (m) => m.messageType === 'CALL_HELD_EVENT');
    await p1.locator('.ap-pop .ap-hold').click();
    await held;
    await waitForText(p1, '.ap-pop .ap-call-state', /^On hold$/);
    await f.sim.releaseCall(first);
    await noPop(p1);
    await p1.waitForSelector('.ap-wrapup', { timeout: 15000 });

    // New calls after the deploy: each pops on its agent's page only (nothing about it reaches the other page).
    const mark1 = seenBy1.length;
    const mark2 = seenBy2.length;
    const second = await f.sim.startInboundCall({ agentId: '1002', ani: ALAN });
    await waitForText(p2, '.ap-pop .ap-crm-name', /Alan Turing/);
    const established = simSends(f.sim, (m) => m.messageType === 'CALL_ESTABLISHED_EVENT');
    await p2.locator('.ap-pop .ap-answer').click();
    await established;
    await waitForText(p2, '.ap-pop .ap-call-state', /^Talking$/);
    await p1.locator('.ap-ready').click();
    await waitForText(p1, '.ap-state', /^Ready$/);
    const third = await f.sim.startInboundCall({ agentId: '1001', ani: ADA });
    await waitForText(p1, '.ap-pop .ap-call-state', /^Ringing$/);
    await waitForText(p1, '.ap-pop .ap-crm-name', /Ada Lovelace/);
    assert.equal(await p1.locator('.ap-pop').count(), 1, "1001's page shows only 1001's call");
    assert.equal(await p2.locator('.ap-pop').count(), 1, "1002's page shows only 1002's call");
    assert.deepEqual(since(seenBy1, mark1, ALAN), [], "1002's call reached 1001's page");
    assert.deepEqual(since(seenBy2, mark2, ADA), [], "1001's call reached 1002's page");
    // A state change made on the page after the deploy shows there (and in the simulator).
    await f.sim.releaseCall(second);
    await noPop(p2);
    await p2.locator('.ap-reason').selectOption({ label: 'Break' });
    await p2.locator('.ap-notready').click();
    await waitForText(p2, '.ap-state', /^Not ready: Break$/);
    assert.equal(f.sim.model.getAgent('1002').reasonCode, 1);
    await f.sim.releaseCall(third);
    await noPop(p1);
    await p2.locator('.ap-ready').click();
    await waitForText(p2, '.ap-state', /^Ready$/);
  });

  it('a "modified nodes" deploy of a changed page: the page shows the new version and keeps its agent', async function () {
    // The one kind of partial deploy that reaches an open page: its ui-template changed, so the dashboard mounts
    // the new version in place of the old (the old copy's unmount drops the widget's socket listeners).
    await p1.locator('.ap-ready').click();
    await waitForText(p1, '.ap-state', /^Ready$/);
    await redeploy(f.red.url, 'nodes', (flows) =>
      flows.map((n) =>
        n.id === 'ap-page'
          ? { ...n, format: String(n.format).replace('.ap { font-size: 15px; }', '.ap { font-size: 17px; }') }
          : n,
      ),
    );
    await p1.waitForFunction(() => getComputedStyle(document.querySelector('.ap')!).fontSize === '17px', null, {
      timeout: 15000,
    });
    await p2.waitForFunction(() => getComputedStyle(document.querySelector('.ap')!).fontSize === '17px', null, {
      timeout: 15000,
    });
    const mark2 = seenBy2.length;
    // Ada, not Alan: 1002's own view still carries Alan's call of the first test in its wrap-up, and a re-mounted
    // page's view can arrive after mark2 on a loaded machine — it would read as 1001's call reaching 1002's page.
    const call = await f.sim.startInboundCall({ agentId: '1001', ani: ADA });
    await waitForText(p1, '.ap-pop .ap-crm-name', /Ada Lovelace/);
    const established = simSends(f.sim, (m) => m.messageType === 'CALL_ESTABLISHED_EVENT');
    await p1.locator('.ap-pop .ap-answer').click();
    await established;
    await waitForText(p1, '.ap-pop .ap-call-state', /^Talking$/);
    assert.equal(await p2.locator('.ap-pop').count(), 0);
    assert.deepEqual(since(seenBy2, mark2, ADA), [], "1001's call reached 1002's page");
    await f.sim.releaseCall(call);
    await noPop(p1);
  });

  it('a call that began ringing while the CTI link was down pops after the reconnect (SNAPSHOT_DEVICE, SNAPSHOT_CALL)', async function () {
    await p1.locator('.ap-ready').click();
    await waitForText(p1, '.ap-state', /^Ready$/);
    const mark2 = seenBy2.length;
    const reopened = sessionOpens();
    // The link stays down while the call starts: the reconnect's OPEN_REQ is answered only after the delay.
    f.sim.faults.setDelay(2000);
    let call: SimCall | undefined;
    try {
      f.sim.applyFault('drop');
      call = await f.sim.startInboundCall({
        agentId: '1001',
        ani: ADA,
        callVariables: { 2: 'claim 7' },
        namedVariables: [{ name: 'user.cust.id', value: 'C777' }],
      });
      assert.deepEqual(f.sim.sessions(), [], 'the call began while no session was open (no event of it was sent)');
    } finally {
      f.sim.faults.setDelay(0);
    }
    assert.ok(call);
    await reopened;
    await waitForText(p1, '.ap-pop .ap-call-state', /^Ringing$/);
    await waitForText(p1, '.ap-pop .ap-caller', new RegExp(ADA));
    await waitForText(p1, '.ap-pop .ap-crm-name', /Ada Lovelace/);
    await waitForText(p1, '.ap-pop .ap-vars', /claim 7/);
    await waitForText(p1, '.ap-pop .ap-vars', /C777/);
    // Answer on the page: the request names the call as SNAPSHOT_DEVICE did, the page follows its events.
    const established = simSends(f.sim, (m) => m.messageType === 'CALL_ESTABLISHED_EVENT');
    await p1.locator('.ap-pop .ap-answer').click();
    await established;
    assert.equal(call.state, 'connected');
    await waitForText(p1, '.ap-pop .ap-call-state', /^Talking$/);
    assert.equal(await p2.locator('.ap-pop').count(), 0);
    assert.deepEqual(since(seenBy2, mark2, ADA), [], "1001's call reached 1002's page");
    await f.sim.releaseCall(call);
    await noPop(p1);
    assert.deepEqual(f.pageErrors, []);
  });
});
