/**
 * The MQTT scale-out example pair as the README recommends it: a real mosquitto, two real Node-RED processes —
 * the session owner (examples/mqtt/Session owner.json, holding the one CTI session to the simulator) and a
 * consumer (examples/mqtt/Consumer.json, no CTI session) — and this test as a third MQTT client watching.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import mqtt, { type MqttClient } from 'mqtt';
import { CtiSimulator } from '../../lib/simulator';
import { exampleOnTab, startRed, type RedProcess } from '../support/red-process';
import { startBroker, type Broker } from './broker';

type Published = { topic: string; payload: Record<string, unknown>; correlationData?: Buffer; responseTopic?: string };

describe('MQTT scale-out examples (real mosquitto, two Node-RED processes, simulator)', function () {
  this.timeout(60000);
  let broker: Broker;
  let sim: CtiSimulator;
  let owner: RedProcess | undefined;
  let consumer: RedProcess | undefined;
  let watcher: MqttClient | undefined;
  const seen: Published[] = [];
  const waiters = new Set<() => void>();

  /** The first message seen so far or later that passes `accept`. */
  function published(accept: (m: Published) => boolean, what: string, timeoutMs = 15000): Promise<Published> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const hit = seen.find(accept);
        if (hit === undefined) return;
        done();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(`not published within ${timeoutMs} ms: ${what} (seen ${seen.map((m) => m.topic).join(', ')})`),
        );
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  }

  function onBroker(file: string, tab: string): Array<Record<string, unknown>> {
    return exampleOnTab(file, tab, sim.port).map((n) =>
      n.type === 'mqtt-broker' ? { ...n, port: String(broker.port) } : n,
    );
  }

  before(async function () {
    broker = await startBroker();
    sim = new CtiSimulator({ host: '127.0.0.1', port: 0, agents: '1001-1003', peripheralId: 5000 });
    await sim.start();
    watcher = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
      protocolVersion: 5,
      clientId: 'cti-test-watcher',
    });
    watcher.on('message', (topic, payload, packet) => {
      const props = packet.properties ?? {};
      seen.push({
        topic,
        payload: JSON.parse(payload.toString()) as Record<string, unknown>,
        correlationData: props.correlationData,
        responseTopic: props.responseTopic,
      });
      for (const w of [...waiters]) w();
    });
    await watcher.subscribeAsync('cti/#', { qos: 1 });
    [owner, consumer] = await Promise.all([
      startRed({ flows: onBroker('mqtt/Session owner.json', 'owner-tab') }),
      startRed({ flows: onBroker('mqtt/Consumer.json', 'consumer-tab') }),
    ]);
    // Nothing is published before every subscriber is in (a non-retained message would simply be gone).
    await Promise.all([
      broker.subscribed('cti/+/request/+'),
      broker.subscribed('cti/+/CALL_DELIVERED_EVENT'),
      broker.subscribed('cti/+/response/consumer-1'),
    ]);
    // The owner's CTI session is open (it may have opened before this line).
    if (sim.sessions().length === 0) await once(sim, 'session-open');
  });

  after(async function () {
    await watcher?.endAsync();
    await Promise.all([owner?.stop(), consumer?.stop()]);
    await sim?.stop();
    await broker?.stop();
  });

  afterEach(function () {
    if (this.currentTest?.state !== 'failed') return;
    console.log(`--- owner ---\n${owner?.output().slice(-2000)}\n--- consumer ---\n${consumer?.output().slice(-2000)}`);
    console.log(`--- mosquitto ---\n${broker.log().slice(-2000)}`);
  });

  it('owner publishes the events, the consumer writes call data back over MQTT and gets the CONF on its response topic', async function () {
    const call = await sim.startInboundCall({ agentId: '1002', ani: '02079460123', dnis: '8005551000' });
    // The owner publishes what a cti-event node outputs.
    const delivered = await published(
      (m) =>
        m.topic === 'cti/5000/CALL_DELIVERED_EVENT' &&
        (m.payload.payload as Record<string, unknown>).localConnectionState === 'LCS_ALERTING',
      'the ring at the agent',
    );
    const deliveredCall = delivered.payload.call as Record<string, unknown>;
    assert.equal(deliveredCall.agentId, '1002');
    assert.equal(deliveredCall.ani, '02079460123');
    assert.equal((delivered.payload.cti as Record<string, unknown>).peripheralId, 5000);

    // The consumer saw it: its write-back request is on the broker, MQTT v5 style.
    const request = await published((m) => m.topic === 'cti/5000/request/set-call-data', 'the consumer request');
    assert.equal(request.responseTopic, 'cti/5000/response/consumer-1');
    assert.ok(request.correlationData && request.correlationData.length > 0);
    assert.equal(request.payload.callVariable3, 'ACCT-460123');

    // The owner's session wrote it: the server's CALL_DATA_UPDATE_EVENT carries the value (published too) …
    const update = await published(
      (m) =>
        m.topic === 'cti/5000/CALL_DATA_UPDATE_EVENT' &&
        (m.payload.payload as Record<string, unknown>).callVariable3 === 'ACCT-460123',
      'the CALL_DATA_UPDATE_EVENT with the value',
    );
    assert.equal((update.payload.call as Record<string, unknown>).connectionCallId, deliveredCall.connectionCallId);

    // … and the CONF came back on the consumer's response topic with its correlation data.
    const answer = await published((m) => m.topic === 'cti/5000/response/consumer-1', 'the answer');
    assert.deepEqual(answer.correlationData, request.correlationData);
    assert.equal(answer.payload.ok, true);
    assert.equal(answer.payload.request, 'set-call-data');
    assert.equal((answer.payload.conf as Record<string, unknown>).messageType, 'SET_CALL_DATA_CONF');
    assert.deepEqual(answer.payload.written, { callVariable3: 'ACCT-460123' });
    await sim.releaseCall(call);
  });

  it('a request the owner cannot carry out comes back as { ok: false, error } — also for call control', async function () {
    const corr = Buffer.from('test-gone-call');
    await watcher!.publishAsync(
      'cti/5000/request/set-call-data',
      JSON.stringify({
        connectionCallId: 999999,
        connectionDeviceIdType: 0,
        connectionDeviceId: '8005551000',
        callVariable1: 'x',
      }),
      { qos: 1, properties: { responseTopic: 'cti/5000/response/test', correlationData: corr } },
    );
    const failed = await published(
      (m) => m.topic === 'cti/5000/response/test' && m.correlationData?.equals(corr) === true,
      'the error answer',
    );
    assert.equal(failed.payload.ok, false);
    assert.match(String(failed.payload.error), /SET_CALL_DATA failed: E_CTI_INVALID_CALLID/);

    const corr2 = Buffer.from('test-agent-state');
    await watcher!.publishAsync(
      'cti/5000/request/set-agent-state',
      JSON.stringify({
        agentId: '1003',
        agentExtension: '1003',
        agentInstrument: '1003',
        agentState: 'AGENT_STATE_NOT_READY',
      }),
      { qos: 1, properties: { responseTopic: 'cti/5000/response/test', correlationData: corr2 } },
    );
    const done = await published(
      (m) => m.topic === 'cti/5000/response/test' && m.correlationData?.equals(corr2) === true,
      'the control answer',
    );
    assert.equal(done.payload.ok, true, JSON.stringify(done.payload));
    assert.equal((done.payload.conf as Record<string, unknown>).messageType, 'SET_AGENT_STATE_CONF');
    await published(
      (m) =>
        m.topic === 'cti/5000/AGENT_STATE_EVENT' && (m.payload.payload as Record<string, unknown>).agentId === '1003',
      'the agent state event',
    );
  });
});
