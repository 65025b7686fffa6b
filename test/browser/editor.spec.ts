/**
 * The editor as a user sees it, in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
 * a real Node-RED with this package loaded from the project (settings.nodesDir) and a CTI simulator. It finds
 * the "Cisco CTI" palette, adds a cti-event node, creates its cti-server in the form, deploys, sees the node
 * connect, imports an example through Import ▸ Examples, points it at the simulator and sees it connect.
 * Screenshots go to test-results/screenshots/ (test/browser/screenshots/ with UPDATE_SCREENSHOTS=1, for the README). Every wait is on
 * a selector or an event.
 */
import * as assert from 'assert';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CtiSimulator } from '../../lib/simulator';
import { resolveFromNodeRed } from '../support/node-red-runtime';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from '../support/red-process';

/**
 * Screenshots land in test-results/screenshots/ (git-ignored); with UPDATE_SCREENSHOTS=1 they replace the README's
 * images in test/browser/screenshots/ instead, so an ordinary test run leaves the work tree clean.
 */
const SHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? path.join(ROOT, 'test', 'browser', 'screenshots')
    : path.join(ROOT, 'test-results', 'screenshots');
fs.mkdirSync(SHOTS, { recursive: true });
const PACKAGE = 'node-red-contrib-cisco-cti';
const EXAMPLE = 'Session status alerting';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const RED: any;

function ensureBuilt(): void {
  const needed = ['cti-server', 'cti-event', 'cti-set-call-data', 'cti-request', 'cti-status'].flatMap((n) => [
    path.join(ROOT, 'dist', 'nodes', `${n}.js`),
    path.join(ROOT, 'dist', 'nodes', `${n}.html`),
  ]);
  if (needed.every((f) => fs.existsSync(f))) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
}

/** Starts node-red/red.js on an OS-chosen port with a throw-away user directory; resolves its editor URL. */
async function startNodeRed(userDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  fs.writeFileSync(
    path.join(userDir, 'settings.js'),
    `module.exports = {
  uiHost: '127.0.0.1',
  flowFile: 'flows.json',
  credentialSecret: 'editor-test',
  nodesDir: [${JSON.stringify(ROOT)}],
  telemetry: { enabled: false },
  editorTheme: { tours: false, projects: { enabled: false } },
  logging: { console: { level: 'info', metrics: false, audit: false } },
};
`,
  );
  const child = spawn(
    process.execPath,
    [resolveFromNodeRed('node-red/red.js'), '-u', userDir, '-s', path.join(userDir, 'settings.js'), '-p', '0'],
    {
      cwd: userDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const output = (): string => out;
  const url = await new Promise<string>((resolve, reject) => {
    let found: string | undefined;
    const onData = (d: Buffer): void => {
      out += d.toString();
      found = found ?? /Server now running at (http:\/\/\S+)/.exec(out)?.[1];
      if (found && /Started flows/.test(out)) resolve(found.endsWith('/') ? found : `${found}/`);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Node-RED exited (${code}) before it was ready:\n${out}`)));
  });
  return { child, url, output };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Drags a palette entry onto the workspace with real mouse events (jQuery UI draggable). */
async function dragToWorkspace(page: Page, type: string, x: number, y: number): Promise<void> {
  const entry = page.locator(`.red-ui-palette-node[data-palette-type='${type}']`);
  await entry.scrollIntoViewIfNeeded();
  const from = await entry.boundingBox();
  const chart = await page.locator('#red-ui-workspace-chart').boundingBox();
  assert.ok(from && chart, 'palette node and workspace are visible');
  const sx = from.x + from.width / 2;
  const sy = from.y + from.height / 2;
  await page.mouse.move(sx, sy);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i++)
    await page.mouse.move(sx + ((chart.x + x - sx) * i) / steps, sy + ((chart.y + y - sy) * i) / steps);
  await page.mouse.up();
}

/** Fills the open cti-server config tray with the simulator's address and saves it. */
/**
 * Opens a node's edit tray the way a user does, by double-clicking it. The editor tells a double click from two
 * single ones by the time between the clicks as its handlers see them; on a loaded machine the second click's
 * handler can run too late and the tray never opens, so the double click is repeated (at most three times).
 */
async function openNodeEditor(page: Page, id: string): Promise<void> {
  const ok = page.locator('#node-dialog-ok');
  for (let attempt = 1; ; attempt++) {
    await page.locator(`g[id='${id}']`).dblclick();
    try {
      await ok.waitFor({ state: 'visible', timeout: 10000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

async function fillServerForm(page: Page, port: number, screenshot?: string): Promise<void> {
  const host = page.locator('#node-config-input-hostA');
  await host.waitFor({ state: 'visible' });
  await host.fill('127.0.0.1');
  await page.locator('#node-config-input-portA').fill(String(port));
  if (screenshot) await page.screenshot({ path: path.join(SHOTS, screenshot) });
  await page.locator('#node-config-dialog-ok').click();
  await host.waitFor({ state: 'detached' });
}

/**
 * Opens the config dialog of the node's CTI server: a new one ("add") or the selected one ("edit"). Node-RED 4 has
 * a "+" and a pencil beside the select; 3.x only the pencil, and "add" is the select's "Add new cti-server…" entry.
 */
async function openServerConfig(page: Page, action: 'add' | 'edit'): Promise<void> {
  const add = page.locator('#node-input-btn-server-add');
  if ((await add.count()) > 0) {
    await (action === 'add' ? add : page.locator('#node-input-btn-server-edit')).click();
    return;
  }
  if (action === 'add') await page.locator('select#node-input-server').selectOption('_ADD_');
  await page.locator('#node-input-lookup-server').click();
}

async function deploy(page: Page): Promise<void> {
  await page.locator('#red-ui-header-button-deploy:not(.disabled)').waitFor();
  await page.locator('#red-ui-header-button-deploy').click();
  // Done = nothing left to deploy and the editor's busy spinner and shade are gone again.
  await page.waitForFunction(
    () =>
      document.querySelector('#red-ui-header-button-deploy.disabled') !== null &&
      getComputedStyle(document.querySelector('.red-ui-deploy-button-spinner')!).display === 'none' &&
      getComputedStyle(document.querySelector('#red-ui-header-shade')!).display === 'none',
  );
}

/**
 * Resolves once the newest edit tray has finished opening: the editor then focuses its first field, so typing
 * before that could land in another field.
 */
async function trayReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const trays = document.querySelectorAll('.red-ui-tray');
    const top = trays[trays.length - 1];
    return top !== undefined && document.activeElement !== null && top.contains(document.activeElement);
  });
}

/** Adds a palette node to the workspace with the mouse; resolves its id. */
async function addNode(page: Page, type: string, x: number, y: number): Promise<string> {
  const before: string[] = await page.evaluate((t) => {
    const ids: string[] = [];
    RED.nodes.eachNode((n: { type: string; id: string }) => {
      if (n.type === t) ids.push(n.id);
    });
    return ids;
  }, type);
  await dragToWorkspace(page, type, x, y);
  const after: string[] = await page.evaluate((t) => {
    const ids: string[] = [];
    RED.nodes.eachNode((n: { type: string; id: string }) => {
      if (n.type === t) ids.push(n.id);
    });
    return ids;
  }, type);
  const added = after.filter((id) => !before.includes(id));
  assert.strictEqual(added.length, 1, `one ${type} added`);
  return added[0];
}

const greenDot = (page: Page, nodeId: string) => page.locator(`g[id='${nodeId}'] .red-ui-flow-node-status-dot-green`);

describe('editor in headless Chromium', function () {
  this.timeout(60000);
  let sim: CtiSimulator;
  let red: { child: ChildProcess; url: string; output: () => string } | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let userDir: string;
  let profileDir: string;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} not found: the editor test needs Debian's chromium. Run \`apt-get install -y chromium\` ` +
          '(CI runs .ci/deps.sh).',
      );
    }
    ensureBuilt();
    fs.mkdirSync(SHOTS, { recursive: true });
    sim = new CtiSimulator({ host: '127.0.0.1', port: 0, agents: '1001-1004' });
    await sim.start();
    userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-editor-userdir-'));
    profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-editor-chromium-'));
    red = await startNodeRed(userDir);
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 860 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(red.url);
  });

  after(async function () {
    if (context) await context.close();
    if (red) await stopChild(red.child);
    if (sim) await sim.stop();
    for (const d of [userDir, profileDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed' && red) {
      console.log(`--- Node-RED output ---\n${red.output().slice(-3000)}`);
    }
  });

  it('shows the "Cisco CTI" palette category with every node type', async function () {
    const category = page.locator('#red-ui-palette-container-Cisco_CTI');
    await category.locator(".red-ui-palette-node[data-palette-type='cti-event']").waitFor();
    assert.strictEqual((await page.locator('#red-ui-palette-header-Cisco_CTI').innerText()).trim(), 'Cisco CTI');
    for (const type of ['cti-event', 'cti-set-call-data', 'cti-request', 'cti-status']) {
      assert.strictEqual(await category.locator(`.red-ui-palette-node[data-palette-type='${type}']`).count(), 1, type);
    }
    // The config node is not a palette entry; the editor knows it as a config type of the same set.
    const server = await page.evaluate(() => {
      const def = RED.nodes.getType('cti-server');
      return def && { category: def.category, set: RED.nodes.registry.getNodeSetForType('cti-server') };
    });
    assert.strictEqual(server?.category, 'config');
    // The palette filter reacts to key presses, as when a user types.
    const search = page.locator('#red-ui-palette-search input');
    await search.pressSequentially('cti');
    await page.locator('#red-ui-palette-container-common').waitFor({ state: 'hidden' });
    // The node's help, as the Help sidebar shows it for a palette entry.
    await page.evaluate(() => RED.sidebar.help.show('cti-event', true));
    const help = page.locator('#red-ui-sidebar .red-ui-help:visible');
    await help.first().waitFor();
    assert.match(await help.first().innerText(), /\S{20,}/, 'cti-event has help text');
    await page.screenshot({ path: path.join(SHOTS, 'editor-palette.png') });
    await search.fill('');
    await search.press('End');
    await page.locator('#red-ui-palette-container-common').waitFor({ state: 'visible' });
  });

  let eventNodeId: string;
  let serverId: string;
  let setCallDataId: string;

  it('adds a cti-event node and creates its cti-server in the form', async function () {
    await dragToWorkspace(page, 'cti-event', 260, 160);
    eventNodeId = await page.evaluate(() => {
      const found: string[] = [];
      RED.nodes.eachNode((n: { type: string; id: string }) => {
        if (n.type === 'cti-event') found.push(n.id);
      });
      return found[0];
    });
    assert.ok(eventNodeId, 'a cti-event node was added');
    await openNodeEditor(page, eventNodeId);
    await openServerConfig(page, 'add');
    await fillServerForm(page, sim.port, 'editor-config.png');
    await page.locator('#node-dialog-ok').click();
    await page.locator('#node-dialog-ok').waitFor({ state: 'detached' });

    const servers = await page.evaluate(() => {
      const list: { id: string; hostA: string; portA: string | number; portB: unknown; users: number }[] = [];
      RED.nodes.eachConfig(
        (n: { type: string; id: string; hostA: string; portA: string; portB: unknown; users: unknown[] }) => {
          if (n.type === 'cti-server')
            list.push({ id: n.id, hostA: n.hostA, portA: n.portA, portB: n.portB, users: n.users.length });
        },
      );
      return list;
    });
    assert.strictEqual(servers.length, 1);
    assert.strictEqual(servers[0].hostA, '127.0.0.1');
    assert.strictEqual(Number(servers[0].portA), sim.port);
    assert.strictEqual(servers[0].users, 1);
    assert.strictEqual(servers[0].portB, '', "side B's port stays empty while side B is not used");
    serverId = servers[0].id;

    // ...and it is listed in the Configuration nodes sidebar.
    await page.evaluate(() => RED.sidebar.show('config'));
    const global = page.locator('#red-ui-sidebar-config-category-global');
    await global.locator('.red-ui-palette-node-config-type', { hasText: 'cti-server' }).waitFor();
    await global
      .locator('.red-ui-palette-node-config .red-ui-palette-label', { hasText: `127.0.0.1:${sim.port}` })
      .waitFor();
  });

  it('deploys, and the node turns connected (green dot)', async function () {
    const opened = new Promise((resolve) => sim.once('session-open', resolve));
    await deploy(page);
    await opened;
    await greenDot(page, eventNodeId).waitFor();
    assert.strictEqual(sim.openSessionCount, 1);
  });

  // The checks below leave the workspace undeployed where they make a field invalid: the dialogs are cancelled.

  it('a new CTI node gets the only CTI server there is, instead of "none"', async function () {
    const id = await addNode(page, 'cti-set-call-data', 460, 380);
    await openNodeEditor(page, id);
    await trayReady(page);
    assert.strictEqual(await page.locator('select#node-input-server').inputValue(), serverId);
    assert.strictEqual(
      await page.locator('.cti-service-note').isVisible(),
      false,
      'the server asks for CALL_DATA_UPDATE',
    );
    setCallDataId = id;
  });

  it('says why a fixed call variable is too long while the user types (limit 40)', async function () {
    const field = page.locator('.form-row:has(#node-input-callVariable3) input.red-ui-typedInput-input');
    const container = page.locator('.form-row:has(#node-input-callVariable3) .red-ui-typedInput-container');
    const note = page.locator('.form-row:has(#node-input-callVariable3) + .cti-field-note');
    await field.pressSequentially('x'.repeat(41));
    await note.filter({ hasText: '41 characters; the limit is 40' }).waitFor();
    assert.match((await container.getAttribute('class')) ?? '', /input-error/);
    await field.press('Backspace');
    await note.waitFor({ state: 'hidden' });
    assert.doesNotMatch((await container.getAttribute('class')) ?? '', /input-error/);
    await page.screenshot({ path: path.join(SHOTS, 'editor-limit.png') });
  });

  it('explains invalid ports and hosts in the CTI server form; an empty port is the default, not an error', async function () {
    await openServerConfig(page, 'edit');
    const host = page.locator('#node-config-input-hostA');
    const port = page.locator('#node-config-input-portA');
    await host.waitFor({ state: 'visible' });
    await trayReady(page);
    const notes = page.locator('.cti-field-note:visible');
    for (const bad of ['0', '-1', '1.5', '65536', 'abc']) {
      await port.fill('');
      await port.pressSequentially(bad);
      await notes.filter({ hasText: `"${bad}" is not a port: a whole number 1-65535` }).waitFor();
      assert.match((await port.getAttribute('class')) ?? '', /input-error/, bad);
    }
    await port.fill('');
    await notes.filter({ hasText: 'is not a port' }).waitFor({ state: 'detached' });
    assert.doesNotMatch((await port.getAttribute('class')) ?? '', /input-error/, 'empty = the default port');
    assert.strictEqual(await port.getAttribute('placeholder'), '42027');

    await host.fill('');
    await host.pressSequentially('127.0.0.1:35667');
    await notes.filter({ hasText: 'put the port (35667) in the port field' }).waitFor();
    assert.match((await host.getAttribute('class')) ?? '', /input-error/);
    await host.fill('');
    await host.pressSequentially('cti host');
    await notes.filter({ hasText: 'a host name or address has no spaces' }).waitFor();
    await host.fill('  127.0.0.1  ');
    await host.blur();
    assert.strictEqual(await host.inputValue(), '127.0.0.1', 'trimmed');
    await notes.first().waitFor({ state: 'detached' });
    const portB = page.locator('#node-config-input-portB');
    await portB.pressSequentially('70000');
    await notes.filter({ hasText: '"70000" is not a port' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'editor-validation.png') });
    await page.locator('#node-config-dialog-cancel').click();
    await host.waitFor({ state: 'detached' });
  });

  it('warns in the form, and shows a yellow status once deployed, when the server lacks CALL_DATA_UPDATE', async function () {
    // Untick the service on the server, from the set-call-data node's form.
    await openServerConfig(page, 'edit');
    await page.locator('#node-config-input-hostA').waitFor({ state: 'visible' });
    await trayReady(page);
    await page.locator('#cti-server-service-CALL_DATA_UPDATE').uncheck();
    await page.locator('#node-config-dialog-ok').click();
    await page.locator('#node-config-input-hostA').waitFor({ state: 'detached' });
    const warning = page.locator('.cti-service-note');
    await warning.filter({ hasText: 'does not ask for the CALL_DATA_UPDATE service' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'editor-service-warning.png') });
    // The call variable typed above (40 characters) is valid: Done, deploy.
    await page.locator('#node-dialog-ok').click();
    await page.locator('#node-dialog-ok').waitFor({ state: 'detached' });
    const opened = new Promise((resolve) => sim.once('session-open', resolve));
    await deploy(page);
    await opened;
    const status = page.locator(`g[id='${setCallDataId}'] .red-ui-flow-node-status-label`);
    await status.filter({ hasText: 'server lacks CALL_DATA_UPDATE service' }).waitFor();
    assert.strictEqual(
      await page.locator(`g[id='${setCallDataId}'] .red-ui-flow-node-status-ring-yellow`).count(),
      1,
      'a yellow ring',
    );
  });

  it('imports an example through Import ▸ Examples, points it at the simulator, deploys, and it connects', async function () {
    await page.evaluate(() => RED.actions.invoke('core:show-examples-import-dialog'));
    const dialog = page.locator('#red-ui-clipboard-dialog');
    await dialog.locator('.red-ui-treeList-label', { hasText: PACKAGE }).click();
    await dialog.locator('.red-ui-treeList-label', { hasText: EXAMPLE }).click();
    await page.locator('#red-ui-clipboard-dialog-ok:not(.disabled)').click();
    await dialog.waitFor({ state: 'hidden' });
    // Imported nodes follow the mouse until dropped with a click.
    const chart = (await page.locator('#red-ui-workspace-chart').boundingBox())!;
    await page.mouse.move(chart.x + 220, chart.y + 280);
    await page.mouse.click(chart.x + 220, chart.y + 280);
    // Under load the editor may still be adding the dropped nodes: wait for them, then look.
    await page.waitForFunction(() => {
      let found = false;
      RED.nodes.eachNode((n: { type: string }) => {
        if (n.type === 'cti-status') found = true;
      });
      return found;
    });

    const imported = await page.evaluate(() => {
      const r: { status?: string; server?: { id: string; portA: number | string } } = {};
      RED.nodes.eachNode((n: { type: string; id: string }) => {
        if (n.type === 'cti-status') r.status = n.id;
      });
      RED.nodes.eachConfig((n: { type: string; id: string; portA: string }) => {
        if (n.type === 'cti-server' && n.id === 'cti-sim-localhost') r.server = { id: n.id, portA: n.portA };
      });
      return r;
    });
    assert.ok(imported.status, "the example's cti-status node is in the workspace");
    assert.strictEqual(Number(imported.server?.portA), 42027, 'the example points at the default simulator port');

    // Point the example's server at this test's simulator, through the node's edit form.
    await openNodeEditor(page, imported.status!);
    await openServerConfig(page, 'edit');
    await fillServerForm(page, sim.port);
    await page.locator('#node-dialog-ok').click();
    await page.locator('#node-dialog-ok').waitFor({ state: 'detached' });

    const second = new Promise((resolve) => sim.once('session-open', resolve));
    await deploy(page);
    await second;
    await greenDot(page, imported.status!).waitFor();
    await greenDot(page, eventNodeId).waitFor();
    await page.evaluate(() => RED.sidebar.show('debug'));
    await page.locator('.red-ui-debug-msg').first().waitFor();
    // Deploy/import notifications fade out on a timer; remove them rather than sleep before the screenshot.
    await page.evaluate(() => document.querySelectorAll('.red-ui-notification').forEach((n) => n.remove()));
    await page.screenshot({ path: path.join(SHOTS, 'editor-deployed.png') });
  });

  it('imports a second example beside the first as its comment says: one CTI server, the one already there', async function () {
    const before = await page.evaluate(() => RED.nodes.node('cti-sim-localhost')?.portA);
    assert.strictEqual(Number(before), sim.port, 'the first example points at the simulator');
    await page.evaluate(() => RED.actions.invoke('core:show-examples-import-dialog'));
    const dialog = page.locator('#red-ui-clipboard-dialog');
    await dialog.locator('.red-ui-treeList-label', { hasText: PACKAGE }).click();
    await dialog.locator('.red-ui-treeList-label', { hasText: 'Agent state board' }).click();
    await page.locator('#red-ui-clipboard-dialog-ok:not(.disabled)').click();
    // "Some of the nodes you are importing already exist": View nodes…, untick the server, Import selected.
    await page.locator('.red-ui-notification button', { hasText: 'View nodes' }).click();
    await page
      .locator('.red-ui-clipboard-dialog-import-conflicts-gutter input[data-node-id="cti-sim-localhost"]')
      .uncheck();
    await page.locator('#red-ui-clipboard-dialog-import-conflict').click();
    await dialog.waitFor({ state: 'hidden' });
    const chart = (await page.locator('#red-ui-workspace-chart').boundingBox())!;
    await page.mouse.move(chart.x + 620, chart.y + 420);
    await page.mouse.click(chart.x + 620, chart.y + 420);

    const after = await page.evaluate(() => {
      const servers: { id: string; portA: unknown }[] = [];
      RED.nodes.eachConfig((n: { type: string; id: string; portA: unknown }) => {
        if (n.type === 'cti-server') servers.push({ id: n.id, portA: n.portA });
      });
      const board = RED.nodes.node('agent-query');
      return { servers, boardServer: board?.server };
    });
    assert.strictEqual(after.servers.filter((s) => s.id === 'cti-sim-localhost').length, 1, 'no copy of the server');
    assert.strictEqual(
      after.servers.filter((s) => s.id !== 'cti-sim-localhost').length,
      1,
      'only the server the first test made besides it',
    );
    assert.strictEqual(Number(after.servers.find((s) => s.id === 'cti-sim-localhost')!.portA), sim.port, 'kept');
    assert.strictEqual(after.boardServer, 'cti-sim-localhost', "the new example uses the server that's there");
  });
});
