import assert from 'node:assert/strict';
import type { NodeMessage } from 'node-red';
import { CtiSimulator } from '../../lib/simulator';
import type { ManyPeripheralsView } from '../../lib/contact-center';
import { helper, NODES, serverNode, nextInput, lastStatus, waitForStatus } from '../nodes/harness';
import ctiState = require('../../nodes/cti-state');

type StateMsg = NodeMessage & { payload: ManyPeripheralsView };

/** Reconnects are quick here, so a PG coming back is seen without waiting out the default backoff. */
const FAST = { ciscoCti: { session: { reconnect: { initialDelayMs: 20, maxDelayMs: 100, jitter: 0 } } } };

/**
 * Many PGs in one cti-state (issue 26 part 3): two simulators, two peripheral IDs, over TCP, in a real Node-RED
 * runtime; the same AgentIDs 1001–1003 on both PGs.
 */
describe('cti-state node: several PGs (two simulators over TCP)', function () {
  this.timeout(20000);
  const sims: CtiSimulator[] = [];

  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    for (const s of sims.splice(0)) await s.stop();
    helper.settings({ ciscoCti: undefined });
  });

  async function startPg(peripheralId: number, port = 0): Promise<CtiSimulator> {
    const sim = new CtiSimulator({ host: '127.0.0.1', port, peripheralId, agents: '1001-1003' });
    await sim.start();
    sims.push(sim);
    return sim;
  }

  async function deploy(a: CtiSimulator, b: CtiSimulator, stateNode: Record<string, unknown> = {}) {
    helper.settings(FAST);
    await helper.startServer();
    await helper.load(
      [...NODES, ctiState],
      [
        { id: 'f1', type: 'tab' },
        serverNode(a, { id: 'srv', name: 'pg-a', peripheralId: '5000', clientId: 'pgs-a' }),
        serverNode(b, { id: 'srv2', name: 'pg-b', peripheralId: '6000', clientId: 'pgs-b' }),
        {
          id: 'st',
          type: 'cti-state',
          z: 'f1',
          server: 'srv',
          server2: 'srv2',
          queryAgents: '1001-1003',
          throttleMs: 0,
          wires: [['h']],
          ...stateNode,
        },
        { id: 'h', type: 'helper', z: 'f1' },
      ],
    );
    return helper.getNode('h');
  }

  const nextView = (h: ReturnType<typeof helper.getNode>, accept: (v: ManyPeripheralsView) => boolean) =>
    nextInput(h, (m) => accept((m as StateMsg).payload), 8000).then((m) => (m as StateMsg).payload);

  const both = (v: ManyPeripheralsView) =>
    v.peripherals.length === 2 &&
    v.peripherals.every((p) => p.link === 'up' && p.origin.rebuiltBy.includes('QUERY_AGENT_STATE'));

  it('keeps the same AgentID on two PGs apart, with a summary per PG and one across them', async function () {
    const a = await startPg(5000);
    const b = await startPg(6000);
    await b.setAgentState('1002', 'AGENT_STATE_NOT_READY');
    const h = await deploy(a, b);
    const view = await nextView(h, (v) => both(v) && v.agents.length === 6);

    assert.deepEqual(
      view.agents.map((x) => [x.agentId, x.peripheralId, x.state]),
      [
        ['1001', 5000, 'AGENT_STATE_AVAILABLE'],
        ['1001', 6000, 'AGENT_STATE_AVAILABLE'],
        ['1002', 5000, 'AGENT_STATE_AVAILABLE'],
        ['1002', 6000, 'AGENT_STATE_NOT_READY'],
        ['1003', 5000, 'AGENT_STATE_AVAILABLE'],
        ['1003', 6000, 'AGENT_STATE_AVAILABLE'],
      ],
    );
    assert.deepEqual(
      view.peripherals.map((p) => [p.peripheralId, p.server, p.link, p.summary.agentsByState]),
      [
        [5000, 'pg-a', 'up', { AGENT_STATE_AVAILABLE: 3 }],
        [6000, 'pg-b', 'up', { AGENT_STATE_AVAILABLE: 2, AGENT_STATE_NOT_READY: 1 }],
      ],
    );
    assert.deepEqual(view.summary.agentsByState, { AGENT_STATE_AVAILABLE: 5, AGENT_STATE_NOT_READY: 1 });
    assert.equal(view.summary.agentsLoggedIn, 6);
    await waitForStatus(helper.getNode('st'), (s) => s.fill === 'green');
    assert.equal(lastStatus(helper.getNode('st'))?.text, '2/2 PGs up');

    // A call on each PG, both to agent 1001: two calls, each on its own PG and agent, keys never shared.
    const ringing = nextView(
      h,
      (v) => v.calls.length === 2 && v.agents.filter((x) => x.activeCall !== undefined).length === 2,
    );
    const callA = await a.startInboundCall({ agentId: '1001', ani: '5550001' });
    const callB = await b.startInboundCall({ agentId: '1001', ani: '5550002' });
    const r = await ringing;
    const byPg = (pid: number) => r.calls.find((c) => c.peripheralId === pid)!;
    assert.equal(byPg(5000).ani, '5550001');
    assert.equal(byPg(6000).ani, '5550002');
    assert.notEqual(byPg(5000).key, byPg(6000).key);
    for (const pid of [5000, 6000]) {
      const agent = r.agents.find((x) => x.agentId === '1001' && x.peripheralId === pid)!;
      assert.equal(agent.activeCall, byPg(pid).key, `agent 1001 on ${pid} is on its own PG's call`);
    }
    assert.equal(r.summary.callsInProgress, 2);
    assert.deepEqual(
      r.peripherals.map((p) => p.summary.callsInProgress),
      [1, 1],
    );

    // Filters work across PGs: agent 1002 on both; the peripheral filter keeps one PG.
    const q = nextInput(h, (m) => m.topic === 'q1');
    helper.getNode('st').receive({ topic: 'q1' });
    const all = ((await q) as StateMsg).payload;
    assert.equal(all.agents.length, 6);
    await a.releaseCall(callA);
    await b.releaseCall(callB);
  });

  it('applies the agent and peripheral filters across PGs', async function () {
    const a = await startPg(5000);
    const b = await startPg(6000);
    const h = await deploy(a, b, { agents: '1002' });
    const v = await nextView(h, (x) => both(x) && x.agents.length === 2);
    assert.deepEqual(
      v.agents.map((x) => [x.agentId, x.peripheralId]),
      [
        ['1002', 5000],
        ['1002', 6000],
      ],
    );
    await helper.unload();
    await helper.stopServer();
    const h2 = await deploy(a, b, { peripheralId: '6000' });
    const w = await nextView(h2, (x) => both(x) && x.agents.length === 3);
    assert.ok(w.agents.every((x) => x.peripheralId === 6000));
    assert.equal(w.summary.agentsLoggedIn, 3);
    assert.equal(w.peripherals.length, 2, 'both PGs are still listed, with their links');
    assert.equal(w.peripherals[0].summary.agentsLoggedIn, 0);
  });

  it('shows a PG whose link is down as such, without counting its agents as available, and its return', async function () {
    const a = await startPg(5000);
    let b = await startPg(6000);
    const h = await deploy(a, b);
    await nextView(h, (v) => both(v) && v.agents.length === 6);

    // The PG behind the second CTI Server goes offline (held until it is set online again).
    const offline = nextView(h, (v) => v.peripherals[1].link === 'down');
    b.setPeripheralOnline(false);
    const off = await offline;
    assert.equal(off.peripherals[1].sessionState, 'peripheral-offline');
    assert.equal(off.peripherals[0].link, 'up');
    const pgB = off.agents.filter((x) => x.peripheralId === 6000);
    assert.equal(pgB.length, 3, 'its agents are still listed');
    for (const x of pgB) {
      assert.equal(x.state, 'AGENT_STATE_UNKNOWN');
      assert.equal(x.lastKnownState, 'AGENT_STATE_AVAILABLE');
      assert.equal(x.linkDown, true);
    }
    assert.deepEqual(off.summary.agentsByState, { AGENT_STATE_AVAILABLE: 3, AGENT_STATE_UNKNOWN: 3 });
    assert.equal(off.summary.agentsLoggedIn, 3);
    assert.deepEqual(off.peripherals[1].summary.agentsByState, { AGENT_STATE_UNKNOWN: 3 });
    await waitForStatus(helper.getNode('st'), (s) => s.text === '1/2 PGs up');
    assert.equal(lastStatus(helper.getNode('st'))?.fill, 'yellow');

    const online = nextView(
      h,
      (v) => v.peripherals[1].link === 'up' && v.summary.agentsByState.AGENT_STATE_AVAILABLE === 6,
    );
    b.setPeripheralOnline(true);
    await online;

    // The second CTI Server itself goes away (TCP closed) and comes back on the same port.
    const port = b.port;
    const gone = nextView(h, (v) => v.peripherals[1].link === 'down');
    await b.stop();
    sims.splice(sims.indexOf(b), 1);
    const down = await gone;
    assert.notEqual(down.peripherals[1].sessionState, 'open');
    assert.equal(down.summary.agentsByState.AGENT_STATE_AVAILABLE, 3, 'only the PG that is up counts as available');
    assert.equal(down.peripherals[0].summary.agentsByState.AGENT_STATE_AVAILABLE, 3);

    const back = nextView(
      h,
      (v) =>
        v.peripherals[1].link === 'up' &&
        v.peripherals[1].origin.kind === 'reconnect' &&
        v.peripherals[1].origin.rebuiltBy.includes('QUERY_AGENT_STATE'),
    );
    b = await startPg(6000, port);
    await b.setAgentState('1003', 'AGENT_STATE_NOT_READY');
    const v = await back;
    assert.equal(v.origin.kind, 'reconnect', 'the view across PGs says a PG was rebuilt');
    assert.equal(v.origin.eventsMayHaveBeenMissed, true);
    assert.deepEqual(
      v.agents.filter((x) => x.peripheralId === 6000).map((x) => [x.agentId, x.state, x.linkDown]),
      [
        ['1001', 'AGENT_STATE_AVAILABLE', undefined],
        ['1002', 'AGENT_STATE_AVAILABLE', undefined],
        ['1003', 'AGENT_STATE_NOT_READY', undefined],
      ],
    );
    assert.equal(lastStatus(helper.getNode('st'))?.text, '2/2 PGs up');
  });
  it('marks the calls of a PG whose link is down and counts them out, per PG and across, until re-seeded', async function () {
    const a = await startPg(5000);
    let b = await startPg(6000);
    const h = await deploy(a, b);
    await nextView(h, (v) => both(v) && v.agents.length === 6);
    const talking = nextView(h, (v) => v.calls.length === 2 && v.calls.every((c) => c.state === 'LCS_CONNECT'));
    await a.startInboundCall({ agentId: '1001', ani: '5550001', answer: true });
    await b.startInboundCall({ agentId: '1002', ani: '5550002', answer: true });
    const live = await talking;
    assert.equal(live.summary.callsInProgress, 2);
    assert.ok(live.calls.every((c) => c.linkDown === undefined));

    // PG 6000's peripheral goes offline (held): its call stays listed, marked, and is no longer counted.
    const offline = nextView(h, (v) => v.peripherals[1].link === 'down');
    b.setPeripheralOnline(false);
    const off = await offline;
    const callOf = (v: ManyPeripheralsView, pid: number) => v.calls.find((c) => c.peripheralId === pid)!;
    assert.equal(off.calls.length, 2, 'both calls are still listed');
    assert.equal(callOf(off, 6000).linkDown, true);
    assert.equal(callOf(off, 6000).ani, '5550002');
    assert.equal(callOf(off, 5000).linkDown, undefined, "the other PG's call is not marked");
    assert.deepEqual(
      off.peripherals.map((p) => p.summary.callsInProgress),
      [1, 0],
    );
    assert.equal(off.summary.callsInProgress, 1, 'across PGs only the call of the PG that is up counts');

    // Back online: re-seeded from what the session tracks, the call counts again and is no longer marked.
    const online = nextView(h, (v) => v.peripherals[1].link === 'up' && v.summary.callsInProgress === 2);
    b.setPeripheralOnline(true);
    const on = await online;
    assert.ok(on.calls.every((c) => c.linkDown === undefined));
    assert.deepEqual(
      on.peripherals.map((p) => p.summary.callsInProgress),
      [1, 1],
    );

    // The second CTI Server goes away over TCP: its call is marked again while the session is down.
    const port = b.port;
    const gone = nextView(h, (v) => v.peripherals[1].link === 'down');
    await b.stop();
    sims.splice(sims.indexOf(b), 1);
    const down = await gone;
    assert.equal(callOf(down, 6000).linkDown, true);
    assert.equal(down.peripherals[1].summary.callsInProgress, 0);
    assert.equal(down.summary.callsInProgress, 1);

    // It returns: the reopen re-seeds PG 6000's calls, none stays marked.
    const back = nextView(h, (v) => v.peripherals[1].link === 'up' && v.peripherals[1].origin.kind === 'reconnect');
    b = await startPg(6000, port);
    const v = await back;
    assert.ok(
      v.calls.every((c) => c.linkDown === undefined),
      'after the re-seed no call is marked',
    );
    assert.equal(v.summary.callsInProgress, v.calls.length);
    assert.equal(callOf(v, 5000).ani, '5550001');
  });
  it('a further server is an ordinary config reference: a "modified nodes" deploy of it restarts the node on it', async function () {
    const a = await startPg(5000);
    const b = await startPg(6000);
    const c = await startPg(7000);
    const h = await deploy(a, b);
    await nextView(h, (v) => both(v) && v.agents.length === 6);

    // Only the second server changes (now pointing at PG 7000): Node-RED restarts the nodes that reference it.
    const moved = nextView(
      h,
      (v) => v.peripherals[1]?.peripheralId === 7000 && v.peripherals[1].link === 'up' && v.agents.length === 6,
    );
    const flows = helper._redNodes.getFlows().flows as Record<string, unknown>[];
    await helper.setFlows(
      flows.map((n) => (n.id === 'srv2' ? { ...n, portA: c.port, peripheralId: '7000', name: 'pg-c' } : n)),
      'nodes',
    );
    const v = await moved;
    assert.deepEqual(
      v.peripherals.map((p) => [p.peripheralId, p.server, p.link]),
      [
        [5000, 'pg-a', 'up'],
        [7000, 'pg-c', 'up'],
      ],
    );
  });

  it('reads a node saved with the server list of configVersion 2', async function () {
    const a = await startPg(5000);
    const b = await startPg(6000);
    const h = await deploy(a, b, { server2: undefined, servers: ['srv', 'srv2'], configVersion: 2 });
    const v = await nextView(h, (x) => both(x) && x.agents.length === 6);
    assert.deepEqual(
      v.peripherals.map((p) => p.peripheralId),
      [5000, 6000],
    );
  });
});
