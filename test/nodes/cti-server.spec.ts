import assert from 'node:assert/strict';
import {
  helper,
  NODES,
  startSim,
  serverNode,
  getServer,
  waitForState,
  nextInput,
  collect,
  liveSessions,
  type CtiSimulator,
  flush,
} from './harness';

/** Lets messages already handed to Node-RED's send queue arrive (it delivers on setImmediate). */

describe('cti-server config node: one shared session (MQTT register/deregister pattern)', function () {
  let sim: CtiSimulator;

  beforeEach(async function () {
    await helper.startServer();
    sim = await startSim({ password: 's3cret-pw' });
  });

  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    await sim.stop();
  });

  const CREDS = { srv: { password: 's3cret-pw' } };

  function flow(evName = 'first'): object[] {
    return [
      { id: 'f1', type: 'tab' },
      serverNode(sim),
      {
        id: 'ev1',
        type: 'cti-event',
        z: 'f1',
        name: evName,
        server: 'srv',
        events: ['CALL_DELIVERED_EVENT'],
        wires: [['h1']],
      },
      {
        id: 'ev2',
        type: 'cti-event',
        z: 'f1',
        name: 'second',
        server: 'srv',
        events: ['CALL_DELIVERED_EVENT'],
        wires: [['h2']],
      },
      { id: 'st', type: 'cti-status', z: 'f1', server: 'srv', wires: [['hs']] },
      { id: 'h1', type: 'helper', z: 'f1' },
      { id: 'h2', type: 'helper', z: 'f1' },
      { id: 'hs', type: 'helper', z: 'f1' },
    ];
  }

  it('two event nodes and a status node on one config node open exactly one session', async function () {
    await helper.load(NODES, flow(), CREDS);
    await waitForState(getServer(), 'open');
    assert.equal(sim.openSessionCount, 1);
    const a = nextInput(helper.getNode('h1'));
    const b = nextInput(helper.getNode('h2'));
    await sim.startInboundCall({ agentId: '1001' });
    const [ma, mb] = await Promise.all([a, b]);
    assert.equal(ma.topic, 'CALL_DELIVERED_EVENT');
    assert.equal(mb.topic, 'CALL_DELIVERED_EVENT');
    assert.deepEqual(getServer().listenerCounts(), {
      events: 2,
      states: 1,
      users: 3,
      sessionMessage: 1,
      sessionState: 1,
    });
  });

  it('a partial ("modified nodes") deploy keeps the one session, delivers once, and leaves no extra listeners', async function () {
    await helper.load(NODES, flow(), CREDS);
    const server = getServer();
    await waitForState(server, 'open');
    const sessions = liveSessions(sim);
    await helper.setFlows(flow('first, edited'), 'nodes', CREDS);
    assert.equal(getServer(), server, 'the config node was not restarted');
    assert.equal(sessions.opened, 0, 'no new session');
    assert.equal(sessions.closed, 0, 'the session was not closed');
    assert.equal(sim.openSessionCount, 1);
    assert.deepEqual(server.listenerCounts(), { events: 2, states: 1, users: 3, sessionMessage: 1, sessionState: 1 });
    // The re-registered node got the current status straight away (node-red #3927 / PR #3966).
    const ev1 = helper.getNode('ev1') as unknown as { status: { lastCall: { args: unknown[] } } };
    assert.deepEqual(ev1.status.lastCall.args[0], { fill: 'green', shape: 'dot', text: 'connected A (v24)' });
    const seen1 = collect(helper.getNode('h1'));
    const seen2 = collect(helper.getNode('h2'));
    const last = nextInput(
      helper.getNode('h2'),
      (m) => (m.call as { parties?: { alerting?: string } }).parties?.alerting === '1002',
    );
    await sim.startInboundCall({ agentId: '1002' });
    await last;
    await flush();
    assert.ok(seen2.length >= 1);
    assert.equal(seen1.length, seen2.length, 'the edited node gets each event once, as its untouched sibling does');
  });

  it('removing one of two users in a partial deploy keeps the session; removing the last closes it', async function () {
    await helper.load(NODES, flow(), CREDS);
    const server = getServer();
    await waitForState(server, 'open');
    const onlyEv2 = flow().filter((n) => !['ev1', 'h1', 'st', 'hs'].includes((n as { id: string }).id));
    await helper.setFlows(onlyEv2, 'nodes', CREDS);
    assert.equal(sim.openSessionCount, 1);
    assert.deepEqual(server.listenerCounts(), { events: 1, states: 0, users: 1, sessionMessage: 1, sessionState: 1 });
    const noUsers = flow().filter((n) => ['f1', 'srv'].includes((n as { id: string }).id));
    const closed = waitForState(server, 'closed');
    await helper.setFlows(noUsers, 'nodes', CREDS);
    await closed;
    assert.equal(server.listenerCounts().users, 0);
    assert.equal(server.listenerCounts().sessionMessage, 0);
  });

  it('a full deploy replaces the session: the old one is closed before the new one opens, one remains', async function () {
    await helper.load(NODES, flow(), CREDS);
    await waitForState(getServer(), 'open');
    const sessions = liveSessions(sim);
    await helper.setFlows(flow('first, v2'), 'full', CREDS);
    const server = getServer();
    await waitForState(server, 'open');
    assert.equal(sessions.closed, 1);
    assert.equal(sessions.opened, 1);
    assert.equal(sim.openSessionCount, 1);
    assert.deepEqual(server.listenerCounts(), { events: 2, states: 1, users: 3, sessionMessage: 1, sessionState: 1 });
    const seen1 = collect(helper.getNode('h1'));
    const seen2 = collect(helper.getNode('h2'));
    const last = nextInput(
      helper.getNode('h2'),
      (m) => (m.call as { parties?: { alerting?: string } }).parties?.alerting === '1001',
    );
    await sim.startInboundCall({ agentId: '1001' });
    await last;
    await flush();
    assert.ok(seen2.length >= 1);
    assert.equal(seen1.length, seen2.length);
  });

  it('uses the password credential but never puts it in the flow configuration', async function () {
    await helper.load(NODES, flow(), CREDS);
    await waitForState(getServer(), 'open'); // the simulator refuses OPEN_REQ without the password
    assert.equal(getServer().credentials.password, 's3cret-pw');
    const exported = JSON.stringify(helper._redNodes.getFlows().flows);
    assert.ok(!exported.includes('s3cret-pw'), 'password found in the flow configuration');
    const srv = helper._redNodes.getFlows().flows.find((n) => n.id === 'srv') as Record<string, unknown>;
    assert.equal(srv.password, undefined);
    assert.equal(srv.credentials, undefined);
  });

  it('a wrong password shows a red ring with the reason, and the status node reports it', async function () {
    await helper.load(NODES, flow(), { srv: { password: 'wrong' } });
    const server = getServer();
    const v = await waitForState(server, 'failover');
    assert.equal(v.status.fill, 'red');
    assert.equal(v.status.shape, 'ring');
    assert.match(String(v.status.text), /^configuration refused: E_CTI_INVALID_PASSWORD \(retry in [\d.]+ s\)$/);
    assert.equal(sim.openSessionCount, 0);
  });

  it('cti-status emits connecting and open with the side', async function () {
    const f = flow();
    await helper.load(NODES, f, CREDS);
    const hs = helper.getNode('hs');
    const open = nextInput(hs, (m) => m.topic === 'open');
    const seen = collect(hs);
    const msg = await open;
    const p = msg.payload as Record<string, unknown>;
    assert.equal(p.state, 'open');
    assert.equal(p.side, 'A');
    assert.equal(p.status, 'connected A (v24)');
    assert.ok(
      seen.some((m) => m.topic === 'connecting') || (p.previous as string) === 'connecting',
      JSON.stringify(seen.map((m) => m.topic)),
    );
    const drop = nextInput(hs, (m) => m.topic === 'failover');
    sim.faults.dropConnections();
    const failover = await drop;
    assert.equal((failover.payload as Record<string, unknown>).state, 'failover');
    assert.equal(typeof (failover.payload as Record<string, unknown>).reason, 'string');
  });

  it('a missing config node is reported, not a crash', async function () {
    await helper.load(NODES, [
      { id: 'f1', type: 'tab' },
      { id: 'ev1', type: 'cti-event', z: 'f1', server: 'nope', wires: [[]] },
    ]);
    const ev = helper.getNode('ev1') as unknown as { error: { calledWith(x: string): boolean } };
    assert.ok(ev.error.calledWith('cti-event.errors.missing-config'));
  });
});
