/**
 * The broker is a door to the phones (issue 26, README "Scaling out"): mosquitto with an ACL. The session owner
 * (examples/mqtt/Session owner.json in a real Node-RED) carries out whatever arrives on cti/<peripheral>/request/#;
 * a consumer whose user may only read events publishes an "answer" for a ringing call and nothing happens to the
 * call, while a user with request rights answers the same way and the call is answered (so the path works and only
 * the ACL stopped the first).
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import mqtt, { type MqttClient } from 'mqtt';
import { CtiSimulator } from '../../lib/simulator';
import { exampleOnTab, startRed, type RedProcess } from '../support/red-process';
import { startBroker, type Broker } from './broker';

describe('MQTT broker ACL: a consumer without request rights controls no call', function () {
  this.timeout(90000);
  let broker: Broker;
  let sim: CtiSimulator;
  let owner: RedProcess | undefined;
  const clients: MqttClient[] = [];

  before(async function () {
    broker = await startBroker({
      acl: [
        // Anonymous: the owner in this test (at a site it has a user of its own, see the README).
        'topic write cti/+/+',
        'topic write cti/+/response/#',
        'topic read cti/+/request/#',
        'user wallboard',
        'topic read cti/+/+',
        'topic read cti/+/response/wallboard',
        'user supervisor',
        'topic read cti/+/+',
        'topic write cti/+/request/#',
        'topic read cti/+/response/supervisor',
      ],
      users: { wallboard: 'wb-secret', supervisor: 'sv-secret' },
    });
    sim = new CtiSimulator({ host: '127.0.0.1', port: 0, agents: '1001-1003', peripheralId: 5000 });
    await sim.start();
    const flows = exampleOnTab('mqtt/Session owner.json', 'owner-tab', sim.port).map((n) =>
      n.type === 'mqtt-broker' ? { ...n, port: String(broker.port) } : n,
    );
    owner = await startRed({ flows });
    await broker.subscribed('cti/+/request/+');
    if (sim.sessions().length === 0) await once(sim, 'session-open');
  });

  after(async function () {
    await Promise.all(clients.map((c) => c.endAsync()));
    await owner?.stop();
    await sim?.stop();
    await broker?.stop();
  });

  afterEach(function () {
    if (this.currentTest?.state !== 'failed') return;
    console.log(`--- owner ---\n${owner?.output().slice(-2000)}\n--- mosquitto ---\n${broker.log().slice(-2000)}`);
  });

  async function client(user: string, password: string): Promise<MqttClient> {
    const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
      protocolVersion: 5,
      clientId: `acl-${user}`,
      username: user,
      password,
    });
    clients.push(c);
    await c.subscribeAsync(`cti/5000/response/${user}`, { qos: 1 });
    return c;
  }

  /** An answer request for the connection the ringing event names. */
  function answer(c: MqttClient, user: string, ringing: Record<string, unknown>): Promise<unknown> {
    return c.publishAsync(
      'cti/5000/request/answer',
      JSON.stringify({
        connectionCallId: ringing.connectionCallId,
        connectionDeviceIdType: ringing.connectionDeviceIdType,
        connectionDeviceId: ringing.connectionDeviceId,
        agentInstrument: '1001',
      }),
      {
        qos: 1,
        properties: { responseTopic: `cti/5000/response/${user}`, correlationData: Buffer.from(user) },
      },
    );
  }

  it('the wallboard user publishes an answer: the broker refuses it, the call keeps ringing; the supervisor user answers it', async function () {
    const wallboard = await client('wallboard', 'wb-secret');
    const supervisor = await client('supervisor', 'sv-secret');
    await wallboard.subscribeAsync('cti/5000/CALL_DELIVERED_EVENT', { qos: 1 });
    const ringingSeen = new Promise<Record<string, unknown>>((resolve) =>
      wallboard.on('message', (topic, p) => {
        if (topic !== 'cti/5000/CALL_DELIVERED_EVENT') return;
        const ev = (JSON.parse(p.toString()) as { payload: Record<string, unknown> }).payload;
        if (ev.localConnectionState === 'LCS_ALERTING' && ev.ani === 'ACL-TEST') resolve(ev);
      }),
    );
    const call = await sim.startInboundCall({ agentId: '1001', ani: 'ACL-TEST' });
    const ringing = await ringingSeen;

    // MQTT v5: the refused publish is acknowledged with "not authorized" (0x87); mqtt.js rejects it.
    await assert.rejects(answer(wallboard, 'wallboard', ringing), /authori|135/i);
    const answered = new Promise<Record<string, unknown>>((resolve) =>
      supervisor.on('message', (topic, p) => {
        if (topic === 'cti/5000/response/supervisor') resolve(JSON.parse(p.toString()) as Record<string, unknown>);
      }),
    );
    assert.equal(call.state, 'alerting', 'still ringing after the refused request');
    await answer(supervisor, 'supervisor', ringing);
    const reply = await answered;
    assert.equal(reply.ok, true, JSON.stringify(reply));
    assert.equal((reply.conf as Record<string, unknown>).messageType, 'ANSWER_CALL_CONF');
    assert.equal(call.state, 'connected', 'the same request from a user with request rights answers the call');
    await sim.releaseCall(call);
  });
});
