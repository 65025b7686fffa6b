/**
 * "Only the agent sees the agent's calls": the agent page example behind a sign-in proxy, the user handed to
 * the flow by this package's Dashboard 2.0 plugin (cti-dashboard-user, `msg._client.user` from the proxy's
 * header), users mapped to agents in the example's Settings. Headless Chromium plays the proxied browsers (the
 * proxy's header on every request, as extraHTTPHeaders); a hand-made socket.io client plays a hostile script.
 */
import assert from 'node:assert/strict';
import type { BrowserContext } from 'playwright-core';
import { AgentState } from '../../lib/protocol';
import { RawDashboardClient, agentPageSetup, dashboardFixture, waitForText } from './fixture';

const USER_HEADER = 'x-remote-user';
const BOB_CALLER = '02079460001';

/** The example as a site edits it: users mapped to agents, pages without a signed-in user refused. */
function withUsers(flow: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return flow.map((n) => {
    if (n.id !== 'ap-settings') return n;
    const init = String(n.initialize);
    const edited = init
      .replace('users: {},', "users: { alice: '1001', bob: '1002' },")
      .replace('requireUser: false,', 'requireUser: true,');
    assert.notEqual(edited, init, 'the Settings node no longer has the users / requireUser lines this test edits');
    return { ...n, initialize: edited };
  });
}

describe('agent page: users mapped to agents (Dashboard 2.0 user plugin, real Node-RED, headless Chromium)', function () {
  this.timeout(90000);
  // The browsers behind the proxy: every request carries the signed-in user's header.
  const size = { viewport: { width: 1000, height: 600 } };
  const setup = agentPageSetup(['CRM screen-pop on call delivered.json', 'dashboard/Agent page.json']);
  const f = dashboardFixture({
    ...setup,
    flows: (ports) => withUsers(setup.flows(ports)),
    settings: { ciscoCti: { dashboardUserHeader: USER_HEADER } },
    browser: { ...size, extraHTTPHeaders: { [USER_HEADER]: 'alice' } },
  });
  let alice: BrowserContext;
  let bob: BrowserContext;
  let raw: RawDashboardClient | undefined;
  const stateOf = (id: string): string | undefined => AgentState.nameOf(f.sim.model.getAgent(id).state);

  before(async function () {
    alice = f.browser.context;
    bob = await f.browser.newContext({ ...size, extraHTTPHeaders: { [USER_HEADER]: 'bob' } });
    f.beforeStop.push(async () => raw?.close());
  });

  it("alice (agent 1001) claiming 1002 gets neither 1002's pops nor control of 1002's phone", async function () {
    const own = await f.open('dashboard/agent?agent=1001', { context: alice });
    await waitForText(own, '.ap-state', /^Ready$/);

    const seenByClaim: string[] = [];
    const claim = await f.open('dashboard/agent?agent=1002', { context: alice, seen: seenByClaim });
    await waitForText(claim, '.ap-refused', /Refused: user alice is agent 1001, not 1002/);
    assert.equal(await claim.locator('.ap-ready').count(), 0, 'a refused page offers no buttons');

    const bobs = await f.open('dashboard/agent?agent=1002', { context: bob });
    await waitForText(bobs, '.ap-state', /^Ready$/);

    // A call for 1002 pops on bob's page, and no agent page message about it reaches alice's claiming page.
    const call = await f.sim.startInboundCall({ agentId: '1002', ani: BOB_CALLER });
    await waitForText(bobs, '.ap-pop .ap-crm-name', /Ada Lovelace/);
    assert.equal(await claim.locator('.ap-pop').count(), 0);
    assert.equal(await own.locator('.ap-pop').count(), 0);
    assert.ok(
      !seenByClaim.some((t) => t.includes('msg-input:ap-page') && t.includes(BOB_CALLER)),
      "1002's pop reached alice's page",
    );

    // A script in alice's browser session sends what the buttons would: it is refused, 1002's phone untouched.
    raw = new RawDashboardClient(f.red.url, { [USER_HEADER]: 'alice' });
    await raw.connect();
    await raw.send('ap-page', { topic: 'hello', payload: { agentId: '1002' } });
    await raw.waitFor((p) => p.includes('"refused"') && p.includes('not 1002'));
    const key = await bobs.locator('.ap-pop').getAttribute('data-call');
    const stateBefore = stateOf('1002');
    for (const topic of ['answer', 'not-ready', 'logout'])
      await raw.send('ap-page', { topic, payload: { agentId: '1002', key, reasonCode: 1 } });
    await raw.send('ap-page', { topic: 'dial', payload: { agentId: '1002', number: '5551234' } });
    // Each one answered with a refusal (so the flow handled them all) …
    let refusals = 0;
    while (refusals < 4) {
      const packets = await raw.poll();
      refusals += packets.filter((p) => p.includes('"refused"')).length;
    }
    // … and the call still rings at 1002, whose state did not change; bob answers it himself.
    assert.equal(call.state, 'alerting');
    assert.equal(stateOf('1002'), stateBefore);
    assert.ok(!raw.received().some((p) => p.includes(BOB_CALLER)), "1002's call data reached the script");
    await bobs.locator('.ap-pop .ap-answer').click();
    await waitForText(bobs, '.ap-pop .ap-call-state', /^Talking$/);
    await f.sim.releaseCall(call);
  });

  it('a page without a signed-in user is refused (requireUser)', async function () {
    const anonymous = await f.browser.newContext();
    try {
      const page = await anonymous.newPage();
      await page.goto(`${f.red.url}dashboard/agent?agent=1001`);
      await waitForText(page, '.ap-refused', /sign in first/);
    } finally {
      await anonymous.close();
    }
    assert.deepEqual(f.pageErrors, []);
  });
});
