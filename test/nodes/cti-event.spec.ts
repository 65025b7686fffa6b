import assert from 'node:assert/strict';
import {
  helper,
  NODES,
  startSim,
  serverNode,
  getServer,
  waitForState,
  waitForStatus,
  nextInput,
  collect,
  type CtiSimulator,
} from './harness';

describe('cti-event node (real runtime, simulator over TCP)', function () {
  let sim: CtiSimulator;

  beforeEach(async function () {
    await helper.startServer();
    sim = await startSim();
  });

  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    await sim.stop();
  });

  function flow(eventNode: Record<string, unknown>): object[] {
    return [
      { id: 'f1', type: 'tab' },
      { ...serverNode(sim), z: undefined },
      {
        id: 'ev',
        type: 'cti-event',
        z: 'f1',
        server: 'srv',
        events: ['CALL_DELIVERED_EVENT'],
        wires: [['h']],
        ...eventNode,
      },
      { id: 'h', type: 'helper', z: 'f1' },
    ].map((n) => Object.fromEntries(Object.entries(n).filter(([, v]) => v !== undefined)));
  }

  it('emits CALL_DELIVERED_EVENT with enumeration names, the call context and its origin', async function () {
    await helper.load(NODES, flow({}));
    await waitForState(getServer(), 'open');
    const got = nextInput(helper.getNode('h'));
    await sim.startInboundCall({
      agentId: '1001',
      ani: '5551234',
      dnis: '8005550100',
      callVariables: { 1: 'acct-42' },
    });
    const msg = await got;
    assert.equal(msg.topic, 'CALL_DELIVERED_EVENT');
    const p = msg.payload as Record<string, unknown>;
    assert.equal(p.messageType, 'CALL_DELIVERED_EVENT');
    assert.equal(typeof p.localConnectionState, 'string');
    assert.match(String(p.localConnectionState), /^LCS_/);
    assert.match(String(p.eventCause), /^CEC_/);
    assert.match(String(p.connectionDeviceIdType), /^CONNECTION_ID_/);
    const call = msg.call as Record<string, unknown>;
    assert.equal(call.connectionCallId, p.connectionCallId);
    assert.equal(call.connectionDeviceId, p.connectionDeviceId);
    assert.equal(call.ani, '5551234');
    assert.equal(call.dnis, '8005550100');
    assert.deepEqual((call.callVariables as Record<string, string>)['1'], 'acct-42');
    assert.equal(typeof call.ecc, 'object');
    const cti = msg.cti as Record<string, unknown>;
    assert.equal(cti.server, 'sim');
    assert.equal(cti.side, 'A');
    assert.equal(cti.peripheralId, 5000);
    assert.equal(cti.version, 24);
    assert.equal(typeof cti.receivedAt, 'number');
  });

  it('sends only the selected event types, one output each when split', async function () {
    const f = flow({
      events: ['CALL_DELIVERED_EVENT', 'CALL_ESTABLISHED_EVENT'],
      splitOutputs: true,
      outputs: 2,
      wires: [['h'], ['h2']],
    });
    f.push({ id: 'h2', type: 'helper', z: 'f1' });
    await helper.load(NODES, f);
    await waitForState(getServer(), 'open');
    const first = collect(helper.getNode('h'));
    const second = collect(helper.getNode('h2'));
    const established = nextInput(helper.getNode('h2'));
    await sim.startInboundCall({ agentId: '1002', answer: true });
    await established;
    // ALL_EVENTS may see the delivery at more than one device; what matters is the routing by type.
    assert.ok(
      first.length >= 1 && first.every((m) => m.topic === 'CALL_DELIVERED_EVENT'),
      JSON.stringify(first.map((m) => m.topic)),
    );
    assert.ok(
      second.length >= 1 && second.every((m) => m.topic === 'CALL_ESTABLISHED_EVENT'),
      JSON.stringify(second.map((m) => m.topic)),
    );
  });

  it('applies the agent extension and DNIS filters', async function () {
    await helper.load(NODES, flow({ agentExtension: '1003', dnis: '800' }));
    await waitForState(getServer(), 'open');
    const seen = collect(helper.getNode('h'));
    const match = nextInput(helper.getNode('h'));
    await sim.startInboundCall({ agentId: '1001', dnis: '800' });
    await sim.startInboundCall({ agentId: '1002', dnis: '900' });
    await sim.startInboundCall({ agentId: '1003', dnis: '800' });
    const msg = await match;
    assert.equal((msg.call as Record<string, unknown>).dnis, '800');
    assert.equal(((msg.call as Record<string, unknown>).parties as Record<string, unknown>).alerting, '1003');
    assert.equal(seen.length, 1, JSON.stringify(seen.map((m) => m.call)));
  });

  it('the connection state filter keeps the delivery at the agent (LCS_ALERTING) and drops the trunk one', async function () {
    const nodes = flow({ connectionState: 'LCS_ALERTING' });
    nodes.push(
      { id: 'ev2', type: 'cti-event', z: 'f1', server: 'srv', events: ['CALL_DELIVERED_EVENT'], wires: [['h2']] },
      { id: 'h2', type: 'helper', z: 'f1' },
    );
    await helper.load(NODES, nodes);
    await waitForState(getServer(), 'open');
    const filtered = collect(helper.getNode('h'));
    const all = collect(helper.getNode('h2'));
    const second = new Promise<void>((resolve) => {
      helper.getNode('h2').on('input', () => {
        if (all.length >= 2) resolve();
      });
    });
    await sim.startInboundCall({ agentId: '1002' });
    await second; // both deliveries have been handed to every node by now
    assert.deepEqual(
      all.map((m) => (m.payload as Record<string, unknown>).localConnectionState),
      ['LCS_INITIATE', 'LCS_ALERTING'],
    );
    assert.equal(filtered.length, 1);
    assert.equal((filtered[0].payload as Record<string, unknown>).localConnectionState, 'LCS_ALERTING');
  });

  it('refuses a connection state filter that can never match', async function () {
    await helper.load(NODES, flow({ connectionState: 'LCS_DANCING' }));
    const ev = helper.getNode('ev');
    assert.ok(ev);
    const status = await waitForStatus(ev, (st) => st.text === 'invalid filter');
    assert.equal(status.fill, 'red');
  });

  it('shows the session state as its status: yellow ring connecting, then green dot "connected A (v24)"', async function () {
    await helper.load(NODES, flow({}));
    const ev = helper.getNode('ev') as unknown as { status: { getCalls(): Array<{ args: unknown[] }> } };
    await waitForState(getServer(), 'open');
    const statuses = ev.status.getCalls().map((c) => c.args[0] as Record<string, string>);
    assert.ok(
      statuses.some((s) => s.fill === 'yellow' && s.shape === 'ring' && s.text === 'connecting to A'),
      JSON.stringify(statuses),
    );
    assert.deepEqual(statuses[statuses.length - 1], { fill: 'green', shape: 'dot', text: 'connected A (v24)' });
  });

  it('shows "peripheral offline" as a yellow dot while the simulator reports it', async function () {
    await helper.load(NODES, flow({}));
    const server = getServer();
    await waitForState(server, 'open');
    const offline = waitForState(server, 'peripheral-offline');
    sim.setPeripheralOnline(false);
    const v = await offline;
    assert.deepEqual(v.status, { fill: 'yellow', shape: 'dot', text: 'peripheral offline' });
    const online = waitForState(server, 'open');
    sim.setPeripheralOnline(true);
    await online;
  });
});
