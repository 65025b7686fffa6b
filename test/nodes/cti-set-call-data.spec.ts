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
  type CtiSimulator,
  flush,
} from './harness';

type Msg = Record<string, unknown>;

describe('cti-set-call-data node (real runtime, simulator over TCP)', function () {
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

  function flow(setNode: Record<string, unknown> = {}): object[] {
    return [
      { id: 'f1', type: 'tab' },
      serverNode(sim),
      {
        id: 'ev',
        type: 'cti-event',
        z: 'f1',
        server: 'srv',
        events: ['CALL_DELIVERED_EVENT'],
        agentExtension: '1001',
        wires: [['set']],
      },
      {
        id: 'set',
        type: 'cti-set-call-data',
        z: 'f1',
        server: 'srv',
        callVariable1: 'from the editor',
        callVariable1Type: 'str',
        callVariable2: 'crm.name',
        callVariable2Type: 'msg',
        wires: [['h']],
        ...setNode,
      },
      { id: 'h', type: 'helper', z: 'f1' },
      { id: 'c1', type: 'catch', z: 'f1', scope: null, uncaught: false, wires: [['hc']] },
      { id: 'hc', type: 'helper', z: 'f1' },
    ];
  }

  it("a call event wired straight in sets the call data: SET_CALL_DATA_CONF out, the value on the simulator's call", async function () {
    await helper.load(NODES, flow());
    await waitForState(getServer(), 'open');
    const out = nextInput(helper.getNode('h'));
    const call = await sim.startInboundCall({ agentId: '1001', callVariables: { 1: 'original' } });
    const msg = await out;
    assert.equal((msg.payload as Msg).messageType, 'SET_CALL_DATA_CONF');
    assert.equal(msg.topic, 'SET_CALL_DATA_CONF', 'the topic names the answer, as the debug sidebar shows it');
    assert.deepEqual(msg.written, { callVariable1: 'from the editor' }, 'what was written, beside the CONF');
    assert.equal((msg.call as Msg).connectionCallId, call.connectionCallId, 'the rest of the message passes through');
    assert.equal(call.callVariables[1], 'from the editor');
    assert.equal(call.callVariables[2], undefined, 'msg.crm.name was not set, so variable 2 was not sent');
  });

  it("takes values from msg.payload, with the editor's value winning, and ECC variables", async function () {
    await helper.load(NODES, flow({ wires: [['h']] }));
    await waitForState(getServer(), 'open');
    const call = await sim.startInboundCall({ agentId: '1002' });
    const out = nextInput(helper.getNode('h'));
    const set = helper.getNode('set');
    set.receive({
      payload: {
        connectionCallId: call.connectionCallId,
        connectionDeviceId: call.connectionDeviceId,
        connectionDeviceIdType: 'CONNECTION_ID_STATIC',
        callVariable1: 'payload loses',
        callVariable5: 'payload wins here',
        customerPhoneNumber: '4085550199',
        ecc: { 'user.Ticket': 'T-77' },
      },
      crm: { name: 'Ann Example' },
    });
    const msg = await out;
    assert.equal((msg.payload as Msg).messageType, 'SET_CALL_DATA_CONF');
    assert.equal(call.callVariables[1], 'from the editor');
    assert.equal(call.callVariables[2], 'Ann Example');
    assert.equal(call.callVariables[5], 'payload wins here');
    assert.equal(call.customerPhoneNumber, '4085550199');
    assert.deepEqual(call.namedVariables.find((v) => v.name === 'user.Ticket')?.value, 'T-77');
    assert.deepEqual(msg.written, {
      callVariable1: 'from the editor',
      callVariable2: 'Ann Example',
      callVariable5: 'payload wins here',
      customerPhoneNumber: '4085550199',
      ecc: { 'user.Ticket': 'T-77' },
    });
  });

  it('shows the last result in its status: what it wrote and when, red with the reason on failure', async function () {
    await helper.load(NODES, [
      ...flow({ callVariable3: 'sales', callVariable3Type: 'str', callVariable2: '' }),
      { id: 'st', type: 'status', z: 'f1', scope: ['set'], wires: [['hs']] },
      { id: 'hs', type: 'helper', z: 'f1' },
    ]);
    await waitForState(getServer(), 'open');
    const statuses = collect(helper.getNode('hs'));
    const wrote = nextInput(helper.getNode('hs'), (m) => /^wrote /.test(String((m.status as Msg).text)));
    await sim.startInboundCall({ agentId: '1001' });
    const ok = (await wrote).status as Msg;
    assert.match(String(ok.text), /^wrote var1, var3 · \d\d:\d\d:\d\d$/);
    assert.equal(ok.fill, 'green');

    const failed = nextInput(helper.getNode('hs'), (m) => (m.status as Msg).fill === 'red');
    helper.getNode('set').receive({ payload: { connectionCallId: 424242, connectionDeviceId: '1001' } });
    const bad = (await failed).status as Msg;
    assert.match(String(bad.text), /^E_CTI_INVALID_CALLID · \d\d:\d\d:\d\d$/);
    assert.ok(statuses.length >= 2);
  });

  it('warns, and shows a yellow status, when its server does not ask for CALL_DATA_UPDATE', async function () {
    const flowNodes = flow();
    flowNodes[1] = serverNode(sim, { services: ['ALL_EVENTS'] });
    await helper.load(NODES, [
      ...flowNodes,
      { id: 'st', type: 'status', z: 'f1', scope: ['set'], wires: [['hs']] },
      { id: 'hs', type: 'helper', z: 'f1' },
    ]);
    const warned = nextInput(helper.getNode('hs'), (m) => /lacks/.test(String((m.status as Msg).text)));
    await waitForState(getServer(), 'open');
    const s = (await warned).status as Msg;
    assert.equal(s.text, 'server lacks CALL_DATA_UPDATE service');
    assert.deepEqual([s.fill, s.shape], ['yellow', 'ring']);
  });

  it('a bad input goes to the Catch node exactly once, with a message a user understands', async function () {
    await helper.load(NODES, flow());
    await waitForState(getServer(), 'open');
    const set = helper.getNode('set');
    const caught = collect(helper.getNode('hc'));
    const outputs = collect(helper.getNode('h'));
    const first = nextInput(helper.getNode('hc'));
    set.receive({ payload: 'no call here', _tag: 1 });
    const c1 = await first;
    assert.match(String((c1.error as Msg).message), /^Error: no call to act on/);
    assert.equal(c1._tag, 1, 'Catch gets the original message');

    const second = nextInput(helper.getNode('hc'));
    set.receive({
      payload: { connectionCallId: 1, connectionDeviceId: '1001', callVariable3: 'x'.repeat(52) },
      _tag: 2,
    });
    const c2 = await second;
    assert.equal((c2.error as Msg).message, 'Error: callVariable3 is 52 characters; the limit is 40');

    const third = nextInput(helper.getNode('hc'));
    set.receive({ payload: { connectionCallId: 424242, connectionDeviceId: '1001', callVariable4: 'ok' }, _tag: 3 });
    const c3 = await third;
    assert.match(
      String((c3.error as Msg).message),
      /^Error: SET_CALL_DATA failed: E_CTI_INVALID_CALLID \(the call no longer exists\)$/,
    );

    await flush();
    assert.deepEqual(
      caught.map((m) => m._tag),
      [1, 2, 3],
      'each failure caught once',
    );
    assert.equal(outputs.length, 0);
  });

  it('says "not connected" when the session is not open', async function () {
    await helper.load(NODES, flow());
    const server = getServer();
    await waitForState(server, 'open');
    const down = waitForState(server, 'failover');
    await sim.stop();
    await down;
    const caught = nextInput(helper.getNode('hc'));
    helper.getNode('set').receive({ payload: { connectionCallId: 1, connectionDeviceId: '1001' } });
    const c = await caught;
    assert.match(
      String((c.error as Msg).message),
      /^Error: SET_CALL_DATA failed: not connected to the CTI server \(state: (failover|connecting)\)$/,
    );
    sim = await startSim(); // afterEach stops it again
  });
});
