import assert from 'node:assert/strict';
import type { NodeMessage } from 'node-red';
import type { SimRequestInfo } from '../../lib/simulator';
import type { SkillGroupView } from '../../lib/contact-center';
import type { ConfigurationInfo } from '../../nodes/lib/server/config-acquisition';
import {
  helper,
  NODES,
  startSim,
  serverNode,
  nextInput,
  getServer,
  waitForState,
  flush,
  type CtiSimulator,
} from '../nodes/harness';
import ctiState = require('../../nodes/cti-state');

type View = { skillGroups?: SkillGroupView[]; agents: { agentId?: string; name?: string }[] };
type StatusPayload = { state: string; servicesGranted?: string[]; configuration?: ConfigurationInfo };

/**
 * Issue 22: the configuration is asked for by the cti-server node, once per open session and only while a node
 * needs it; every cti-state of that server reads the same names; what the CTI Server granted is shown (cti-status).
 */
describe('cti-server: configuration acquisition once per server, shared by its cti-state nodes', function () {
  this.timeout(20000);
  let sim: CtiSimulator;
  let configRequests: SimRequestInfo[];

  beforeEach(async function () {
    sim = await startSim({ agents: undefined });
    configRequests = [];
    sim.on('request', (r: SimRequestInfo) => {
      if (r.messageType === 'CONFIG_REQUEST_EVENT') configRequests.push(r);
    });
  });

  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    await sim?.stop();
  });

  function stateNode(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      id,
      type: 'cti-state',
      z: 'f1',
      server: 'srv',
      throttleMs: 0,
      statsSeconds: 1,
      wires: [[`h-${id}`]],
      ...extra,
    };
  }

  async function deploy(nodes: Record<string, unknown>[], serverExtra: Record<string, unknown> = {}) {
    await helper.startServer();
    await helper.load(
      [...NODES, ctiState],
      [
        { id: 'f1', type: 'tab' },
        serverNode(sim, serverExtra),
        ...nodes,
        ...nodes.map((n) => ({ id: `h-${String(n.id)}`, type: 'helper', z: 'f1' })),
      ],
    );
  }

  /** The server's configuration view once its upload has ended (at once if it has). */
  function uploadEnded(): Promise<ConfigurationInfo> {
    const server = getServer();
    const done = (c: ConfigurationInfo | undefined) =>
      c !== undefined && (c.state === 'complete' || c.state === 'failed');
    const now = server.currentState().configuration;
    if (done(now)) return Promise.resolve(now!);
    return new Promise((resolve) => {
      const off = server.onConfiguration!((c) => {
        if (!done(c)) return;
        off();
        resolve(c);
      });
    });
  }

  const named = (v: View) =>
    v.skillGroups?.some((g) => g.name === 'Support') === true && v.agents.some((a) => a.name === 'Alice Martin');
  const nextView = (id: string, accept: (v: View) => boolean) =>
    nextInput(helper.getNode(`h-${id}`), (m) => accept((m as NodeMessage & { payload: View }).payload), 8000).then(
      (m) => (m as NodeMessage & { payload: View }).payload,
    );
  const nextStatus = (accept: (m: NodeMessage & { payload: StatusPayload }) => boolean) =>
    nextInput(helper.getNode('h-cs'), (m) => accept(m as NodeMessage & { payload: StatusPayload }), 8000).then(
      (m) => m as NodeMessage & { payload: StatusPayload },
    );

  it('two cti-state nodes on one server: exactly one CONFIG_REQUEST_EVENT, both show the names, cti-status shows what was granted', async function () {
    await deploy([
      stateNode('st1', { queryAgents: '1001-1003' }),
      stateNode('st2', { statsGroups: '200' }),
      { id: 'cs', type: 'cti-status', z: 'f1', server: 'srv', wires: [['h-cs']] },
    ]);
    const [v1, v2] = await Promise.all([
      nextView('st1', named),
      nextView('st2', (v) => v.skillGroups?.[0]?.name === 'Support'),
    ]);
    assert.deepEqual(
      v1.skillGroups!.map((g) => [g.skillGroupNumber, g.name]),
      [
        [100, 'Sales'],
        [200, 'Support'],
      ],
    );
    assert.deepEqual(
      v2.skillGroups!.map((g) => [g.skillGroupNumber, g.skillGroupId, g.name]),
      [[200, 5200, 'Support']],
    );
    // What the server was granted, as its state view says it once the upload has ended (the boards may show the
    // first names before the last block's CONFIG_END_EVENT: wait for the final state, not a passing one).
    const info = await uploadEnded();
    assert.equal(info.state, 'complete');
    assert.equal(info.endStatus, 'CONFIGEND_SUCCESS');
    assert.deepEqual(info.requested, ['SKILL_GROUP', 'AGENT']);
    assert.deepEqual(info.received, ['SKILL_GROUP', 'AGENT']);
    assert.equal(info.skillGroups, 2);
    assert.equal(info.agents, 6, 'agents 1001–1005 and the supervisor 1009');
    assert.equal(info.peripheralId, 5000);

    // Both boards are complete and have polled: still one request at the simulator.
    await nextView('st1', (v) => v.skillGroups!.every((g) => g.updatedAt !== undefined));
    assert.equal(configRequests.length, 1, 'one CONFIG_REQUEST_EVENT for the two nodes');

    // A new session (the link dropped) is told anew: one more request, not one per node.
    const again = nextStatus(
      (m) =>
        m.topic === 'configuration' &&
        m.payload.configuration?.state === 'complete' &&
        m.payload.configuration.requestedAt > info.requestedAt,
    );
    const reopened = nextStatus((m) => m.topic === 'open');
    sim.faults.dropConnections();
    const open = await reopened;
    assert.ok(open.payload.servicesGranted?.includes('ALL_EVENTS'), `granted ${open.payload.servicesGranted}`);
    const msg = await again;
    assert.equal(msg.payload.state, 'open', 'a configuration message is not a change of state');
    assert.equal(msg.payload.configuration!.endStatus, 'CONFIGEND_SUCCESS');
    assert.equal(msg.payload.configuration!.skillGroups, 2);
    await nextView('st1', named);
    assert.equal(configRequests.length, 2, 'one request per open session');
    assert.equal(new Set(configRequests.map((r) => r.sessionId)).size, 2, 'one in each session');
  });

  it('a cti-state deployed beside an open session reads the names the server has; none is asked for without statistics', async function () {
    await deploy([stateNode('st0', { statsSeconds: 0, queryAgents: '1001-1003' })]);
    await waitForState(getServer(), 'open');
    await nextView('st0', (v) => v.agents.length === 3);
    await flush();
    assert.equal(configRequests.length, 0, 'no node needs the names: nothing asked');
    assert.equal(getServer().currentState().configuration, undefined);

    // A node with statistics joins the open session (a deploy of new nodes): the server asks once, now.
    const flow = helper._redNodes.getFlows().flows;
    await helper.setFlows([...flow, stateNode('st1'), { id: 'h-st1', type: 'helper', z: 'f1' }], 'nodes');
    const v = await nextView('st1', (x) => x.skillGroups?.some((g) => g.name === 'Support') === true);
    assert.ok(v.skillGroups!.length === 2);
    assert.equal(configRequests.length, 1);

    // And a second one after it finds the names there: no new request.
    const flow2 = helper._redNodes.getFlows().flows;
    await helper.setFlows([...flow2, stateNode('st2'), { id: 'h-st2', type: 'helper', z: 'f1' }], 'nodes');
    const w = await nextView(
      'st2',
      (x) => x.skillGroups?.length === 2 && x.skillGroups.every((g) => g.updatedAt !== undefined),
    );
    assert.deepEqual(
      w.skillGroups!.map((g) => g.name),
      ['Sales', 'Support'],
    );
    assert.equal(configRequests.length, 1, 'the names are shared, not asked for again');
  });
});
