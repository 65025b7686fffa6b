import assert from 'node:assert/strict';
import type { SimCall } from '../../lib/simulator';
import { helper, NODES, startSim, serverNode, getServer, waitForState, nextInput, type CtiSimulator } from './harness';

type Msg = Record<string, unknown>;

/**
 * The rest of call control from cti-request (msg.topic and the editor), in a real Node-RED runtime against the
 * simulator over TCP: alternate, reconnect (back to the customer), send digits, deflect, predictive call,
 * snapshot of a device, device info — each answered with its CONF after the guide's events.
 */
describe('cti-request node: alternate, reconnect, DTMF, deflect, predictive, device snapshot and info', function () {
  let sim: CtiSimulator;

  beforeEach(async function () {
    await helper.startServer();
    sim = await startSim({ agents: '1001-1005' });
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
      { id: 'req', type: 'cti-request', z: 'f1', server: 'srv', request: '', wires: [['h']] },
      {
        id: 'digits',
        type: 'cti-request',
        z: 'f1',
        server: 'srv',
        request: 'send-dtmf',
        dtmfString: '42#',
        dtmfStringType: 'str',
        wires: [['h']],
      },
      { id: 'h', type: 'helper', z: 'f1' },
      { id: 'c1', type: 'catch', z: 'f1', scope: null, uncaught: false, wires: [['hc']] },
      { id: 'hc', type: 'helper', z: 'f1' },
    ];
  }

  const address = (c: SimCall): Msg => ({
    connectionCallId: c.connectionCallId,
    connectionDeviceIdType: c.connectionDeviceIdType,
    connectionDeviceId: c.connectionDeviceId,
  });

  /** Sends msg to a node and resolves with its output's payload; a Catch message fails the test with its error. */
  function ask(node: string, msg: Msg): Promise<Msg> {
    return new Promise((resolve, reject) => {
      const out = helper.getNode('h');
      const caught = helper.getNode('hc');
      const onOut = (m: Msg): void => {
        stop();
        resolve(m.payload as Msg);
      };
      const onCaught = (m: Msg): void => {
        stop();
        reject(new Error(`Catch: ${JSON.stringify(m.error)}`));
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no answer to ${String(msg.topic ?? node)} within 5 s`));
      }, 5000);
      const stop = (): void => {
        clearTimeout(timer);
        out.removeListener('input', onOut);
        caught.removeListener('input', onCaught);
      };
      out.on('input', onOut);
      caught.on('input', onCaught);
      helper.getNode(node).receive(msg);
    });
  }

  it('consult, alternate twice, send digits, reconnect back to the customer; snapshot and info of the device', async function () {
    await helper.load(NODES, flow());
    await waitForState(getServer(), 'open');
    const A = await sim.startInboundCall({ agentId: '1001', answer: true });
    const customer = { call: { ...address(A), peripheralId: 5000 } };

    const consultConf = await ask('req', { topic: 'consultation', ...customer, payload: { dialedNumber: '1002' } });
    assert.equal(consultConf.messageType, 'CONSULTATION_CALL_CONF');
    const B = sim.model.findCall(
      consultConf.newConnectionCallId as number,
      Number(A.connectionDeviceIdType),
      String(consultConf.newConnectionDeviceId),
    );
    assert.ok(B, 'the consultation call exists');
    const consult = {
      connectionCallId: B.connectionCallId,
      connectionDeviceIdType: B.connectionDeviceIdType,
      connectionDeviceId: B.connectionDeviceId,
    };

    // Alternate: the customer back, the consultation on hold — and again.
    assert.equal(
      (await ask('req', { topic: 'alternate-call', payload: consult, heldCall: customer.call })).messageType,
      'ALTERNATE_CALL_CONF',
    );
    assert.deepEqual([A.connections.get('1001'), B.connections.get('1001')], [3, 4], 'A connected, B held');
    assert.equal(
      (
        await ask('req', {
          topic: 'alternate',
          call: customer.call,
          payload: {
            heldConnectionCallId: B.connectionCallId,
            heldConnectionDeviceIdType: B.connectionDeviceIdType,
            heldConnectionDeviceId: B.connectionDeviceId,
          },
        })
      ).messageType,
      'ALTERNATE_CALL_CONF',
    );
    assert.deepEqual([A.connections.get('1001'), B.connections.get('1001')], [4, 3], 'A held, B connected');

    // Digits into the consultation (the editor's Digits field).
    const dtmfSeen = new Promise<Msg>((resolve) =>
      sim.on('request', (r) => r.messageType === 'SEND_DTMF_SIGNAL_REQ' && resolve(r.message)),
    );
    assert.equal((await ask('digits', { payload: consult })).messageType, 'SEND_DTMF_SIGNAL_CONF');
    assert.equal((await dtmfSeen).dtmfString, '42#');

    // Back to the customer: the consultation ends, A is connected again.
    assert.equal(
      (await ask('req', { topic: 'reconnect-call', payload: consult, heldCall: customer.call })).messageType,
      'RECONNECT_CALL_CONF',
    );
    assert.equal(sim.model.calls.has(B), false, 'the consultation ended');
    assert.equal(A.connections.get('1001'), 3);

    const snap = await ask('req', { topic: 'snapshot-device', payload: { agentInstrument: '1001' } });
    assert.equal(snap.messageType, 'SNAPSHOT_DEVICE_CONF');
    assert.deepEqual([snap.callConnectionCallId, snap.callState], [[A.connectionCallId], ['LCS_CONNECT']]);
    const info = await ask('req', { topic: 'QUERY_DEVICE_INFO_REQ', payload: { agentInstrument: '1001' } });
    assert.equal(info.messageType, 'QUERY_DEVICE_INFO_CONF');
    assert.equal(info.numLines, 1);
  });

  it('deflect a ringing call, place a predictive call; a missing held call or destination goes to Catch', async function () {
    await helper.load(NODES, flow());
    await waitForState(getServer(), 'open');
    const ringing = await sim.startInboundCall({ agentId: '1003' });
    const conf = await ask('req', { topic: 'deflect-call', payload: { ...address(ringing), calledDeviceId: '1004' } });
    assert.equal(conf.messageType, 'DEFLECT_CALL_CONF');
    assert.deepEqual(ringing.parties, ['1004']);
    assert.equal(ringing.connections.get('1004'), 2, 'ringing at 1004');

    const predictive = await ask('req', {
      topic: 'make-predictive-call',
      payload: { agentInstrument: '1005', dialedNumber: '9005550199', callVariable2: 'campaign' },
    });
    assert.equal(predictive.messageType, 'MAKE_PREDICTIVE_CALL_CONF');
    const P = sim.model.callsOf('1005')[0];
    assert.equal(P.connectionCallId, predictive.newConnectionCallId);
    assert.equal(P.ani, '9005550199');
    assert.equal(P.callVariables[2], 'campaign');

    const caught = nextInput(helper.getNode('hc'));
    helper.getNode('req').receive({ topic: 'reconnect-call', payload: address(ringing) });
    assert.match(String(((await caught).error as Msg).message), /reconnect-call needs the held call to go back to/);
    const refused = nextInput(helper.getNode('hc'));
    helper.getNode('req').receive({ topic: 'deflect-call', payload: { ...address(ringing), calledDeviceId: '4711' } });
    assert.match(String(((await refused).error as Msg).message), /DEFLECT_CALL failed: CF_INVALID_CALLED_DEVICE/);
  });
});
