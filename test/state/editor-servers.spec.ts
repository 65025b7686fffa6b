/**
 * cti-state's further CTI servers in the real editor (headless Chromium, a real Node-RED): each is a config node
 * reference Node-RED's editor knows, so the server counts the cti-state among its users and "Export ▸ selected
 * nodes" takes it along — what an array of IDs did not do. Read with the editor's own RED.nodes functions.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { CtiSimulator } from '../../lib/simulator';
import { openDashboardBrowser, startRed, type DashboardBrowser, type RedProcess } from '../support/red-process';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const RED: any;

describe('cti-state in the editor: further servers are users of their server and exported with the node', function () {
  this.timeout(90000);
  let sim: CtiSimulator;
  let red: RedProcess | undefined;
  let browser: DashboardBrowser | undefined;
  let page: Page;

  // All three on the one simulator (its peripheral): only the references matter here.
  const server = (id: string, name: string): Record<string, unknown> => ({
    id,
    type: 'cti-server',
    name,
    hostA: '127.0.0.1',
    portA: sim.port,
    peripheralId: 5000,
    clientId: `editor-${id}`,
    services: ['ALL_EVENTS'],
  });

  before(async function () {
    sim = new CtiSimulator({ host: '127.0.0.1', port: 0 });
    await sim.start();
    red = await startRed({
      flows: [
        { id: 't1', type: 'tab', label: 'PGs' },
        server('srv', 'pg-a'),
        server('srv2', 'pg-b'),
        server('srv3', 'pg-c'),
        {
          id: 'st',
          type: 'cti-state',
          z: 't1',
          server: 'srv',
          server2: 'srv2',
          configVersion: 3,
          statsSeconds: 0,
          x: 200,
          y: 80,
          wires: [[]],
        },
        // Saved by the release before: every server in one list.
        {
          id: 'old',
          type: 'cti-state',
          z: 't1',
          server: 'srv',
          servers: ['srv', 'srv3'],
          configVersion: 2,
          statsSeconds: 0,
          x: 200,
          y: 160,
          wires: [[]],
        },
      ],
    });
    browser = await openDashboardBrowser({ viewport: { width: 1400, height: 1000 } });
    page = await browser.context.newPage();
    await page.goto(red.url);
    await page.waitForFunction(() => typeof RED !== 'undefined' && RED.nodes?.node?.('st') !== undefined, null, {
      timeout: 60000,
    });
  });

  after(async function () {
    await browser?.close();
    await red?.stop();
    await sim?.stop();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed' && red) console.log(`--- Node-RED ---\n${red.output().slice(-3000)}`);
  });

  /** The IDs of the nodes using each server, and what exporting one node takes along. */
  const readEditor = (exported: string) =>
    page.evaluate((id) => {
      // No named helpers in here: the test's compiler would wrap them in a function the page does not have.
      const out: Record<string, string[]> = {};
      for (const s of ['srv', 'srv2', 'srv3'])
        out[s] = RED.nodes
          .node(s)
          .users.map((u: { id: string }) => u.id)
          .sort();
      out.exported = (RED.nodes.createExportableNodeSet([RED.nodes.node(id)]) as { id: string }[])
        .map((n) => n.id)
        .sort();
      return out as { srv: string[]; srv2: string[]; srv3: string[]; exported: string[] };
    }, exported);

  /** Opens a node's edit tray (as a double click does) and waits for its form. */
  async function edit(id: string): Promise<void> {
    await page.evaluate((nodeId) => RED.editor.edit(RED.nodes.node(nodeId)), id);
    await page.locator('#node-dialog-ok').waitFor({ state: 'visible' });
    await page.locator('select#node-input-server2').waitFor({ state: 'attached' });
  }

  async function done(): Promise<void> {
    await page.locator('#node-dialog-ok').click();
    await page.locator('#node-dialog-ok').waitFor({ state: 'detached' });
  }

  it('counts the node as a user of its second server and exports that server with it', async function () {
    const r = await readEditor('st');
    assert.ok(r.srv.includes('st'), `srv users: ${r.srv.join(', ')}`);
    assert.ok(r.srv2.includes('st'), `srv2 users: ${r.srv2.join(', ')}`);
    assert.ok(!r.srv3.includes('st'));
    assert.deepEqual(r.exported, ['srv', 'srv2', 'st']);
  });

  it('shows one server select per PG, the next row once the last names a server; a pick makes the node a user', async function () {
    await edit('st');
    const visible = (slot: string) => page.locator(`#node-input-${slot}`).isVisible();
    assert.equal(await page.locator('select#node-input-server2').inputValue(), 'srv2');
    assert.equal(await visible('server3'), true, 'the first empty row shows');
    assert.equal(await visible('server4'), false, 'the rows after it do not');
    await page.selectOption('select#node-input-server3', 'srv3');
    await page.locator('#node-input-server4').waitFor({ state: 'visible' });
    await done();
    const r = await readEditor('st');
    assert.ok(r.srv3.includes('st'), `srv3 users: ${r.srv3.join(', ')}`);
    assert.deepEqual(r.exported, ['srv', 'srv2', 'srv3', 'st']);
    assert.equal(await page.evaluate(() => RED.nodes.node('st').server3), 'srv3');
  });

  it('moves the list of a node saved before into the selects when it is opened', async function () {
    await edit('old');
    assert.equal(await page.locator('select#node-input-server2').inputValue(), 'srv3');
    await done();
    const node = await page.evaluate(() => {
      const n = RED.nodes.node('old');
      return { server2: n.server2, servers: n.servers, configVersion: n.configVersion };
    });
    assert.deepEqual(node, { server2: 'srv3', servers: [], configVersion: 3 });
    const r = await readEditor('old');
    assert.ok(r.srv3.includes('old'), `srv3 users: ${r.srv3.join(', ')}`);
    assert.deepEqual(r.exported, ['old', 'srv', 'srv3']);
  });
});
