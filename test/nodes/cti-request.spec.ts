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
  once,
  type CtiSimulator,
  flush,
} from './harness';

type Msg = Record<string, unknown>;

describe('cti-request node (real runtime, simulator over TCP)', function () {
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

  function flow(): object[] {
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
        wires: [['hev']],
      },
      { id: 'hev', type: 'helper', z: 'f1' },
      { id: 'req', type: 'cti-request', z: 'f1', server: 'srv', request: '', wires: [['h']] },
      { id: 'ans', type: 'cti-request', z: 'f1', server: 'srv', request: 'answer', wires: [['h']] },
      { id: 'h', type: 'helper', z: 'f1' },
      { id: 'c1', type: 'catch', z: 'f1', scope: null, uncaught: false, wires: [['hc']] },
      { id: 'hc', type: 'helper', z: 'f1' },
    ];
  }

  it('answer (editor), then hold and retrieve (msg.topic) on the call from a cti-event message', async function () {
    await helper.load(NODES, flow());
    await waitForState(getServer(), 'open');
    const delivered = nextInput(
      helper.getNode('hev'),
      (m) => (m.payload as Msg).localConnectionState === 'LCS_ALERTING',
    );
    const call = await sim.startInboundCall({ agentId: '1001' });
    const ev = await delivered;

    const answered = nextInput(helper.getNode('h'));
    // The next client-control request (a heartbeat may come first).
    const answerReq = once<{ messageType: string }>(sim, 'request', 5000, (r) => r.messageType !== 'HEARTBEAT_REQ');
    helper.getNode('ans').receive({ ...ev, topic: 'ignored: the editor chose answer' });
    assert.equal((await answerReq).messageType, 'ANSWER_CALL_REQ');
    const a = await answered;
    assert.equal((a.payload as Msg).messageType, 'ANSWER_CALL_CONF');
    assert.equal(a.topic, 'ANSWER_CALL_CONF', 'the topic names the answer');
    assert.equal((a.request as Msg).messageType, 'ANSWER_CALL_REQ', 'the request sent, beside its answer');
    assert.equal((a.request as Msg).connectionCallId, call.connectionCallId);
    assert.equal(call.state, 'connected');

    const held = nextInput(helper.getNode('h'));
    helper.getNode('req').receive({ topic: 'hold', call: ev.call });
    assert.equal(((await held).payload as Msg).messageType, 'HOLD_CALL_CONF');
    assert.equal(call.state, 'held');

    const retrieved = nextInput(helper.getNode('h'));
    helper.getNode('req').receive({ topic: 'RETRIEVE_CALL_REQ', call: ev.call });
    assert.equal(((await retrieved).payload as Msg).messageType, 'RETRIEVE_CALL_CONF');
    assert.equal(call.state, 'connected');
  });

  it('query-agent-state from msg.payload returns the CONF with enumeration names', async function () {
    await helper.load(NODES, flow());
    await waitForState(getServer(), 'open');
    const out = nextInput(helper.getNode('h'));
    helper.getNode('req').receive({ topic: 'query-agent-state', payload: { agentId: '1002' } });
    const msg = await out;
    const p = msg.payload as Msg;
    assert.equal(p.messageType, 'QUERY_AGENT_STATE_CONF');
    assert.match(String(p.agentState), /^AGENT_STATE_/);
  });

  it('shows its last result in the status; warns when the server does not ask for CLIENT_CONTROL', async function () {
    const nodes = flow();
    nodes[1] = serverNode(sim, { services: ['ALL_EVENTS', 'CALL_DATA_UPDATE'] });
    await helper.load(NODES, [
      ...nodes,
      { id: 'st', type: 'status', z: 'f1', scope: ['req'], wires: [['hs']] },
      { id: 'hs', type: 'helper', z: 'f1' },
    ]);
    const warned = nextInput(helper.getNode('hs'), (m) => /lacks/.test(String((m.status as Msg).text)));
    await waitForState(getServer(), 'open');
    const w = (await warned).status as Msg;
    assert.deepEqual([w.fill, w.shape, w.text], ['yellow', 'ring', 'server lacks CLIENT_CONTROL service']);

    // The simulator refuses call control to a session without CLIENT_CONTROL: the status turns red, with the reason.
    const failed = nextInput(helper.getNode('hs'), (m) => (m.status as Msg).fill === 'red');
    helper.getNode('req').receive({ topic: 'query-agent-state', payload: { agentId: '1002' } });
    const f = (await failed).status as Msg;
    assert.match(String(f.text), / · \d\d:\d\d:\d\d$/);
  });

  it('failures reach the Catch node once each: unknown request, no call, FAILURE / CONTROL_FAILURE from the server', async function () {
    await helper.load(NODES, flow());
    await waitForState(getServer(), 'open');
    const caught = collect(helper.getNode('hc'));
    const req = helper.getNode('req');

    let next = nextInput(helper.getNode('hc'));
    req.receive({ topic: 'dance', _tag: 1 });
    assert.match(String(((await next).error as Msg).message), /^Error: unknown request "dance"; use one of: answer, /);

    next = nextInput(helper.getNode('hc'));
    req.receive({ topic: 'hold', payload: {}, _tag: 2 });
    assert.match(String(((await next).error as Msg).message), /^Error: no call to act on/);

    next = nextInput(helper.getNode('hc'));
    req.receive({ topic: 'hold', payload: { connectionCallId: 999999, connectionDeviceId: '1001' }, _tag: 3 });
    assert.match(String(((await next).error as Msg).message), /^Error: HOLD_CALL failed: (E_CTI|CF)_[A-Z_]+/);

    next = nextInput(helper.getNode('hc'));
    req.receive({ topic: 'set-agent-state', payload: { agentInstrument: '1001', agentState: 'SLEEPING' }, _tag: 4 });
    assert.match(
      String(((await next).error as Msg).message),
      /^Error: agentState "SLEEPING" is not one of AGENT_STATE_LOGIN/,
    );

    await flush();
    assert.deepEqual(
      caught.map((m) => m._tag),
      [1, 2, 3, 4],
    );
  });
});
