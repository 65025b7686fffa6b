/**
 * The wallboard example with two PGs (issue 26 part 3): its CTI state node given a second cti-server node, as a
 * user adds one under *More servers*, two simulators (peripherals 5000 and 6000, each with the default
 * organisation: the same skill groups and the same agent IDs) over TCP, in a real Node-RED, read in headless
 * Chromium. With several PGs the board shows a PG column and a per-PG summary (without, wallboard.spec.ts).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, exampleOnTab } from '../support/red-process';
import { board, dashboardFixture, waitForBoard } from './fixture';

const RESULTS = path.join(ROOT, 'test-results');
/** As in wallboard.spec.ts: the example's 10 s statistics interval made 2 s so each step waits seconds. */
const STATS_SECONDS = 2;

describe('wallboard example with two PGs (two simulators, one CTI state, headless Chromium)', function () {
  this.timeout(90000);
  const f = dashboardFixture({
    sims: [{ peripheralId: 5000 }, { peripheralId: 6000 }],
    flows: ([port1, port2]) => {
      const flows = exampleOnTab('dashboard/Wallboard.json', 'wb-tab', port1);
      const first = flows.find((n) => n.type === 'cti-server')!;
      flows.push({
        ...first,
        id: 'cti-sim-pg2',
        name: 'PG 2 simulator',
        portA: port2,
        peripheralId: 6000,
        clientId: 'node-red-examples-pg2',
      });
      const state = flows.find((n) => n.id === 'wb-state')!;
      Object.assign(state, { servers: [first.id, 'cti-sim-pg2'], statsSeconds: STATS_SECONDS });
      return flows;
    },
    browser: { viewport: { width: 1440, height: 1200 } },
  });
  let page: Page;

  before(async function () {
    page = await f.open('dashboard/wallboard');
  });

  it('shows each skill group and agent once per PG with a PG column, and a summary per PG', async function () {
    const [a, b] = f.sims;
    // Every agent of both PGs, the same IDs kept apart by their PG, each with the name its own PG gave.
    const agents = await waitForBoard(
      page,
      () => board.agents(page),
      (r) => Object.keys(r).length === 10 && Object.values(r).every((x) => x.agent !== ''),
      'ten agents (1001-1005 on PG 5000 and PG 6000) by name',
    );
    for (const pg of ['5000', '6000'])
      for (const id of ['1001', '1002', '1003', '1004', '1005']) {
        const want = b.model.agents.get(id)!;
        assert.equal(agents[`${pg}/${id}`]?.pg, pg, `${id} on ${pg} in the PG column`);
        assert.equal(agents[`${pg}/${id}`].agent, `${want.firstName} ${want.lastName}`);
      }
    assert.deepEqual(await page.locator('#nrdb-ui-widget-wb-agents thead th').allTextContents(), [
      'Agent',
      'State',
      'Time in state',
      'Skill groups',
      'Caller',
      'PG',
    ]);

    // On PG 6000 only: 1001 not ready, 1002 and 1003 talking, and a call for Sales waits (held: no Sales agent
    // of PG 6000 becomes free until the test says). PG 5000 stays idle.
    await b.setAgentState('1001', 'AGENT_STATE_NOT_READY', 3);
    const c1 = await b.startInboundCall({ agentId: '1002', ani: '02079460123', answer: true });
    const c2 = await b.startInboundCall({ agentId: '1003', ani: '01314960777', answer: true });
    const queued = b.startInboundCall({ skillGroupNumber: 100, ani: '01174960888' });

    const groups = await waitForBoard(
      page,
      () => board.groups(page),
      (r) => r['6000/100']?.waiting === '1' && r['6000/100'].talking === '2' && r['5000/100']?.ready === '3',
      'Sales on PG 6000 with a call waiting and two talking, Sales on PG 5000 with three ready',
    );
    assert.deepEqual(Object.keys(groups).sort(), ['5000/100', '5000/200', '6000/100', '6000/200']);
    for (const key of Object.keys(groups)) {
      const number = Number(key.split('/')[1]);
      assert.equal(groups[key].name, a.model.skillGroups.get(number)!.name, key);
      assert.equal(groups[key].pg, key.split('/')[0], `${key}: its PG in the PG column`);
    }
    assert.equal(groups['5000/100'].waiting, '0');
    assert.equal(groups['6000/100'].notready, '1');
    assert.equal(groups['6000/200'].talking, '1', 'Support on PG 6000: 1003 talking');
    assert.equal(groups['5000/200'].talking, '0');

    const pgs = await waitForBoard(
      page,
      () => board.pgs(page),
      (r) => r['6000']?.waiting === '1' && r['6000'].talking === '2' && r['5000']?.ready === '5',
      'the per-PG summary: PG 6000 one waiting and two talking, PG 5000 five ready',
    );
    assert.deepEqual(Object.keys(pgs), ['5000', '6000']);
    assert.equal(pgs['5000'].link, 'up');
    assert.equal(pgs['6000'].link, 'up');
    assert.equal(pgs['6000'].notready, '1');
    assert.equal(pgs['6000'].inprogress, '3');
    assert.equal(pgs['5000'].inprogress, '0');
    const callers = await board.agents(page);
    assert.equal(callers['6000/1002'].caller, '02079460123');
    assert.equal(callers['5000/1002'].caller, '');
    fs.mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'wallboard-pgs.png'), fullPage: true });

    // PG 6000's peripheral goes offline (held offline): its row in the summary says so, PG 5000's stays up.
    b.setPeripheralOnline(false);
    await waitForBoard(
      page,
      () => board.pgs(page),
      (r) => /^down/.test(r['6000']?.link ?? '') && r['5000']?.link === 'up',
      'PG 6000 down, PG 5000 up',
    );
    b.setPeripheralOnline(true);
    await b.releaseCall(c1);
    await b.hangUpCaller(await queued);
    await b.releaseCall(c2);
    assert.deepEqual(f.pageErrors, []);
  });
});
