/**
 * Config migrations (issue 15.8) and the one source of defaults shared by the runtime and the editor (15.6):
 * a flow saved by 0.1.0 is upgraded when it loads (runtime) and when its dialog opens (editor, the built page's
 * window.ciscoCti, run here in a VM exactly as the browser runs it).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import {
  CONFIG_VERSIONS,
  migrateConfig,
  migratedCopy,
  STATE_SERVER_SLOTS,
  type NodeType,
} from '../../nodes/lib/migrations';
import { EDITOR_DEFAULTS, SERVER_DEFAULTS } from '../../nodes/lib/defaults';
import { helper, NODES, runtimeWithSim, getServer, waitForState, nextInput } from './harness';

const FIXTURE: Array<Record<string, unknown>> = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'fixtures/flow-0.1.0.json'), 'utf8'),
);
const fixtureNode = (id: string): Record<string, unknown> => ({ ...FIXTURE.find((n) => n.id === id)! });
const DIST = path.join(__dirname, '../../dist/nodes');

/** The editor's window.ciscoCti from a built page, evaluated as the browser evaluates it. */
interface EditorShared {
  defaults: unknown;
  configVersions: Record<string, number>;
  migrate(type: NodeType, config: object): Record<string, unknown>;
  prepareEdit(node: Record<string, unknown>, type: NodeType): string[];
}

function editorShared(page: string, jquery?: unknown): EditorShared {
  const html = fs.readFileSync(path.join(DIST, page), 'utf8');
  const start = html.indexOf('>') + 1;
  const script = html.slice(start, html.indexOf('</script>'));
  const window: { jQuery: unknown; ciscoCti?: EditorShared } = { jQuery: jquery };
  vm.runInNewContext(script, { window });
  return window.ciscoCti!;
}

describe('config migrations: a flow saved by 0.1.0', function () {
  it('cti-server: the version stays the number it was (not auto), new options arrive off, configVersion 1', function () {
    const saved = fixtureNode('srv');
    const out = migratedCopy('cti-server', saved);
    assert.equal(out.version, 24);
    assert.equal(out.configVersion, CONFIG_VERSIONS['cti-server']);
    assert.equal(out.record, false);
    assert.equal(out.recordMask, true);
    assert.equal(out.registerVariables, false);
    assert.deepEqual(out.registerCallVariables, []);
    for (const key of Object.keys(saved)) {
      if (key !== 'version') assert.deepEqual(out[key], saved[key], `${key} is kept as saved`);
    }
    assert.deepEqual(saved, fixtureNode('srv'), 'the copy leaves the saved object alone');
  });

  it('cti-server: an empty version meant 24 in 0.1.0 and still does; auto and numbers are kept', function () {
    assert.equal(migratedCopy('cti-server', { ...fixtureNode('srv'), version: '' }).version, 24);
    assert.equal(migratedCopy('cti-server', { ...fixtureNode('srv'), version: undefined }).version, 24);
    assert.equal(migratedCopy('cti-server', { ...fixtureNode('srv'), version: 'auto' }).version, 'auto');
    assert.equal(migratedCopy('cti-server', { ...fixtureNode('srv'), version: 19 }).version, 19);
  });

  it('cti-state: the one server stays the only one (configVersion 2 listed it, configVersion 3 has no further server)', function () {
    const out = migratedCopy('cti-state', { id: 'st', type: 'cti-state', server: 'srv', configVersion: 1 });
    assert.deepEqual(out.servers, []);
    assert.equal(out.server, 'srv');
    assert.equal(out.server2, '');
    assert.equal(out.configVersion, 3);
    assert.deepEqual(migratedCopy('cti-state', { id: 'st', configVersion: 1 }).servers, []);
  });

  it('cti-state: the list of configVersion 2 moves to server2 … server12 in order, what does not fit stays listed', function () {
    const listed = migratedCopy('cti-state', { id: 'st', server: 'a', servers: ['a', 'b', 'c'], configVersion: 2 });
    assert.deepEqual([listed.server, listed.server2, listed.server3, listed.server4], ['a', 'b', 'c', '']);
    assert.deepEqual(listed.servers, []);
    const many = Array.from({ length: 14 }, (_, i) => `s${i + 1}`);
    const full = migratedCopy('cti-state', { id: 'st', server: 's1', servers: many, configVersion: 2 });
    assert.deepEqual(
      STATE_SERVER_SLOTS.map((slot) => full[slot]),
      many.slice(1, 12),
    );
    assert.deepEqual(full.servers, ['s13', 's14'], 'more than 12 PGs: the rest is kept, not lost');
    // A slot set already keeps its server; the list fills the empty ones, never twice the same.
    const mixed = migratedCopy('cti-state', {
      id: 'st',
      server: 'a',
      server2: 'x',
      servers: ['a', 'x', 'b'],
      configVersion: 2,
    });
    assert.deepEqual([mixed.server2, mixed.server3, mixed.server4], ['x', 'b', '']);
  });

  it('is idempotent, leaves a newer configVersion alone, and keeps options set by a user', function () {
    const once = migratedCopy('cti-server', fixtureNode('srv'));
    assert.deepEqual(migratedCopy('cti-server', once), once);
    const newer = { ...fixtureNode('srv'), configVersion: 99, version: 'x' };
    assert.deepEqual(migratedCopy('cti-server', newer), newer);
    const recorded = migratedCopy('cti-server', { ...fixtureNode('srv'), record: true, recordPath: 'a.jsonl' });
    assert.equal(recorded.record, true);
    assert.equal(recorded.recordPath, 'a.jsonl');
  });

  it('every node type is versioned; migrateConfig upgrades in place and keeps non-enumerable runtime fields', function () {
    for (const type of Object.keys(CONFIG_VERSIONS) as NodeType[]) {
      assert.equal(migratedCopy(type, { id: 'x' }).configVersion, CONFIG_VERSIONS[type], type);
    }
    const def = fixtureNode('ev');
    Object.defineProperty(def, '_flow', { value: 'the flow', enumerable: false });
    const out = migrateConfig('cti-event', def);
    assert.equal(out, def);
    assert.equal((out as unknown as { _flow: string })._flow, 'the flow');
    assert.equal(out.configVersion, 1);
  });

  describe('in a real Node-RED runtime', function () {
    const run = runtimeWithSim();

    it('loads the saved flow as it was: the session opens at protocol version 24 and delivers events', async function () {
      const flow = FIXTURE.map((n) => (n.id === 'srv' ? { ...n, portA: String(run.sim.port) } : { ...n }));
      await helper.load(NODES, flow);
      const view = await waitForState(getServer(), 'open');
      assert.equal(view.status.text, 'connected A (v24)');
      assert.equal(run.sim.sessions()[0].version, 24);
      const delivered = nextInput(helper.getNode('out'));
      await run.sim.startInboundCall({ agentId: '1001' });
      const msg = await delivered;
      assert.equal(msg.topic, 'CALL_DELIVERED_EVENT');
      assert.equal((msg.cti as Record<string, unknown>).version, 24);
    });
  });
});

describe('the editor gets the runtime defaults and migrations from the build (window.ciscoCti)', function () {
  const PAGES = ['cti-server', 'cti-event', 'cti-set-call-data', 'cti-request', 'cti-status'];

  it('every built page carries the same defaults as nodes/lib/defaults.ts', function () {
    for (const page of PAGES) {
      const shared = editorShared(`${page}.html`);
      assert.deepEqual(JSON.parse(JSON.stringify(shared.defaults)), JSON.parse(JSON.stringify(EDITOR_DEFAULTS)), page);
      assert.deepEqual({ ...shared.configVersions }, CONFIG_VERSIONS, page);
    }
  });

  it("the editor's migration gives the runtime's result for every node of the saved flow", function () {
    const shared = editorShared('cti-server.html');
    for (const node of FIXTURE.filter((n) => String(n.type).startsWith('cti-'))) {
      const type = node.type as NodeType;
      assert.deepEqual(
        JSON.parse(JSON.stringify(shared.migrate(type, node))),
        JSON.parse(JSON.stringify(migratedCopy(type, node))),
      );
    }
  });

  it('prepareEdit shows the upgraded values in the dialog inputs and stamps the rest on the node', function () {
    const inputs: Record<string, { type?: string; value?: string; checked?: boolean; changed: number }> = {
      '#node-config-input-version': { value: '24', changed: 0 },
      '#node-config-input-record': { type: 'checkbox', checked: undefined, changed: 0 },
      '#node-config-input-recordPath': { value: '', changed: 0 },
    };
    const $ = (selector: string) => {
      const el = inputs[selector];
      return {
        length: el === undefined ? 0 : 1,
        attr: (name: string) => (name === 'type' ? el?.type : undefined),
        prop: (_n: string, v: boolean) => (el!.checked = v),
        val: (v: string) => (el!.value = v),
        trigger: () => el!.changed++,
      };
    };
    const shared = editorShared('cti-server.html', $);
    const defaults = Object.fromEntries(Object.keys(SERVER_DEFAULTS).map((k) => [k, {}]));
    const node: Record<string, unknown> = {
      ...fixtureNode('srv'),
      _def: { category: 'config', defaults: { ...defaults, configVersion: {}, version: {}, hostA: {} } },
    };
    const changed: string[] = shared.prepareEdit(node, 'cti-server');
    assert.ok(changed.includes('version') && changed.includes('configVersion') && changed.includes('record'));
    assert.equal(inputs['#node-config-input-version'].value, '24');
    assert.equal(inputs['#node-config-input-record'].checked, false);
    assert.equal(node.configVersion, CONFIG_VERSIONS['cti-server'], 'no input for it: set on the node');
    assert.equal(JSON.stringify(node.registerCallVariables), '[]', 'an array is set on the node');
    assert.deepEqual(
      [...shared.prepareEdit(node, 'cti-server')],
      [],
      'stamped: opening the dialog again changes nothing',
    );
  });

  it('the editor files repeat no default port, version or limit of the runtime', function () {
    const html = fs.readFileSync(path.join(__dirname, '../../nodes/cti-server.html'), 'utf8');
    const script = html.slice(0, html.indexOf('data-help-name'));
    for (const literal of ['42027', '43027', 'value: 24', 'value: 30', '<= 25', '>= 15', '>= 20', '>= 5)']) {
      assert.ok(!script.includes(literal), `cti-server.html repeats ${literal}`);
    }
  });
});
