/**
 * The active/standby pair of session owners (issue 26, README "Scaling out"): a real mosquitto started here, the
 * simulator as the CTI Server (one session per ClientID: a second OPEN_REQ evicts the first), two real Node-RED
 * processes with the same cti-server configuration and HA group, and this test as a consumer subscribed to
 * everything throughout. kill -9 of the owner: the standby's OPEN_REQ reaches the simulator within the MQTT
 * keepalive plus one CTI heartbeat interval; 20 switches in a row end with one owner and one session.
 */
import assert from 'node:assert/strict';
import mqtt, { type MqttClient } from 'mqtt';
import { CtiSimulator } from '../../lib/simulator';
import { startRed, type RedProcess } from '../support/red-process';
import { startBroker, type Broker } from './broker';

const PERIPHERAL = 5000;
const CLIENT_ID = 'HA-PAIR';
/** Small timings so the test is quick: announcements every 300 ms, keepalive 2 s, CTI heartbeat 5 s. */
const HA = { announceMs: 300, ownerTimeoutMs: 1500, keepaliveSeconds: 2, reconnectMs: 200 };
const HEARTBEAT_S = 5;
const BOUND_MS = HA.keepaliveSeconds * 1000 + HEARTBEAT_S * 1000;
const SWITCHES = Number(process.env.HA_SWITCHES ?? 20);

interface Seen {
  topic: string;
  payload: Record<string, unknown>;
  at: number;
}

describe('HA pair over MQTT (real mosquitto, two Node-RED processes, simulator)', function () {
  this.timeout(900000);
  let broker: Broker;
  let sim: CtiSimulator;
  let watcher: MqttClient | undefined;
  const reds = new Map<string, RedProcess>();
  const seen: Seen[] = [];
  const waiters = new Set<() => void>();
  const opens: Array<{ at: number; clientId: string }> = [];
  let maxConcurrent = 0;
  const failovers: number[] = [];

  function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 20000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const hit = find();
        if (hit === undefined) return;
        done();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${what}: not within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  }
  const poke = (): void => {
    for (const w of [...waiters]) w();
  };

  function flow(instance: string): unknown[] {
    return [
      { id: 'tab', type: 'tab', label: 'HA' },
      {
        id: 'srv',
        type: 'cti-server',
        name: 'pair',
        hostA: '127.0.0.1',
        portA: sim.port,
        peripheralId: PERIPHERAL,
        clientId: CLIENT_ID,
        version: 24,
        services: ['ALL_EVENTS', 'CLIENT_CONTROL'],
        heartbeat: HEARTBEAT_S,
        haGroup: 'pair',
        haBroker: `mqtt://127.0.0.1:${broker.port}`,
        haInstance: instance,
      },
      {
        id: 'ev',
        type: 'cti-event',
        z: 'tab',
        server: 'srv',
        events: [],
        outputs: 1,
        wires: [['to-mqtt']],
      },
      {
        id: 'to-mqtt',
        type: 'function',
        z: 'tab',
        func: `msg.topic = 'cti/${PERIPHERAL}/' + msg.topic; msg.payload = { payload: msg.payload, instance: '${instance}' }; return msg;`,
        outputs: 1,
        wires: [['out']],
      },
      { id: 'st', type: 'cti-status', z: 'tab', server: 'srv', wires: [['status-mqtt']] },
      {
        // The session state message consumers get: only from the instance that holds the session.
        id: 'status-mqtt',
        type: 'function',
        z: 'tab',
        func: `if (msg.payload.ha && msg.payload.ha.role !== 'active') { node.status({text: msg.topic}); msg.topic = 'test/status/${instance}'; return msg; }
msg.topic = 'cti/${PERIPHERAL}/session'; return msg;`,
        outputs: 1,
        wires: [['out']],
      },
      { id: 'out', type: 'mqtt out', z: 'tab', broker: 'br', qos: '1', retain: 'false', wires: [] },
      {
        id: 'br',
        type: 'mqtt-broker',
        broker: '127.0.0.1',
        port: String(broker.port),
        clientid: `red-${instance}`,
        protocolVersion: '5',
        keepalive: '60',
        cleansession: true,
        autoConnect: true,
      },
    ];
  }

  async function start(instance: string): Promise<RedProcess> {
    const red = await startRed({ flows: flow(instance), settings: { ciscoCti: { ha: HA } }, readyTimeoutMs: 120000 });
    reds.set(instance, red);
    return red;
  }

  function statusOf(instance: string, state: string, after: number): Promise<Seen> {
    return waitFor(
      () =>
        seen.find(
          (m) =>
            m.at >= after &&
            (m.topic === `test/status/${instance}` || m.topic === `cti/${PERIPHERAL}/session`) &&
            m.payload.state === state &&
            (m.payload.ha as Record<string, unknown> | undefined)?.instance === instance,
        ),
      `${instance} in state ${state}`,
    );
  }

  before(async function () {
    broker = await startBroker();
    sim = new CtiSimulator({ host: '127.0.0.1', port: 0, agents: '1001-1003', peripheralId: PERIPHERAL });
    await sim.start();
    sim.on('session-open', (info) => {
      opens.push({ at: Date.now(), clientId: info.clientId ?? '' });
      maxConcurrent = Math.max(maxConcurrent, sim.sessions().length);
      poke();
    });
    sim.on('session-close', poke);
    watcher = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { protocolVersion: 5, clientId: 'watch' });
    watcher.on('message', (topic, payload) => {
      let p: Record<string, unknown> = {};
      try {
        p = payload.length === 0 ? {} : (JSON.parse(payload.toString()) as Record<string, unknown>);
      } catch {
        p = { raw: payload.toString() };
      }
      seen.push({ topic, payload: p, at: Date.now() });
      poke();
    });
    await watcher.subscribeAsync(['cti/#', 'test/#'], { qos: 1 });
  });

  after(async function () {
    await watcher?.endAsync();
    await Promise.all([...reds.values()].map((r) => r.stop()));
    await sim?.stop();
    await broker?.stop();
    if (failovers.length > 0) {
      const sorted = [...failovers].sort((a, b) => a - b);
      console.log(
        `      failover (kill -9 → standby's session open), ${sorted.length} switches: median ${sorted[Math.floor(sorted.length / 2)]} ms, worst ${sorted[sorted.length - 1]} ms (bound ${BOUND_MS} ms)`,
      );
    }
  });

  afterEach(function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const [name, r] of reds) console.log(`--- ${name} ---\n${r.output().slice(-3000)}`);
    console.log(`--- mosquitto ---\n${broker.log().slice(-3000)}`);
  });

  /** The instance the retained owner announcement names now (the broker's view). */
  function ownerNow(): string | undefined {
    const last = [...seen].reverse().find((m) => m.topic === 'cti/ha/pair/owner');
    return last?.payload.instance as string | undefined;
  }

  it('one owner opens, the other stands by showing the owner; kill -9 of the owner: the standby opens within keepalive + one heartbeat; the consumer sees events before and after with the gap declared', async function () {
    const t0 = Date.now();
    await start('red-1');
    await statusOf('red-1', 'open', t0);
    await waitFor(() => (sim.sessions().length === 1 ? true : undefined), 'one session');
    await start('red-2');
    const standby = await statusOf('red-2', 'ha-standby', t0);
    assert.equal((standby.payload.ha as Record<string, unknown>).owner, 'red-1');
    assert.equal(standby.payload.status, 'standby (owner: red-1)');
    assert.equal(sim.sessions().length, 1, 'the standby opened no session');
    assert.equal(ownerNow(), 'red-1');

    // Events before: from red-1.
    const c1 = await sim.startInboundCall({ agentId: '1001', ani: 'BEFORE' });
    await waitFor(
      () =>
        seen.find(
          (m) => m.topic === `cti/${PERIPHERAL}/CALL_DELIVERED_EVENT` && JSON.stringify(m.payload).includes('BEFORE'),
        ),
      'the event before',
    );
    await sim.releaseCall(c1);

    const opensBefore = opens.length;
    const killedAt = Date.now();
    reds.get('red-1')!.child.kill('SIGKILL');
    await waitFor(() => (opens.length > opensBefore ? true : undefined), 'the standby opened');
    const took = opens[opens.length - 1].at - killedAt;
    failovers.push(took);
    assert.ok(took <= BOUND_MS, `took over in ${took} ms (bound ${BOUND_MS} ms)`);
    const opened = await statusOf('red-2', 'open', killedAt);
    assert.equal(opened.topic, `cti/${PERIPHERAL}/session`);
    assert.equal(opened.payload.eventsMayHaveBeenMissed, true, 'the new owner declares the gap');
    assert.equal((opened.payload.ha as Record<string, unknown>).tookOverFrom, 'red-1');

    const c2 = await sim.startInboundCall({ agentId: '1002', ani: 'AFTER' });
    const after = await waitFor(
      () =>
        seen.find(
          (m) => m.topic === `cti/${PERIPHERAL}/CALL_DELIVERED_EVENT` && JSON.stringify(m.payload).includes('AFTER'),
        ),
      'the event after',
    );
    assert.equal(after.payload.instance, 'red-2');
    await sim.releaseCall(c2);
    assert.equal(sim.sessions().length, 1);
    await reds.get('red-1')!.stop();
    reds.delete('red-1');
  });

  it(`${SWITCHES} switches in a row (kill -9, restart, kill the other) end with one owner and one session; never two sessions`, async function () {
    let owner = 'red-2';
    let other = 'red-1';
    for (let i = 0; i < SWITCHES; i++) {
      const t = Date.now();
      await start(other);
      await statusOf(other, 'ha-standby', t);
      const opensBefore = opens.length;
      const killedAt = Date.now();
      reds.get(owner)!.child.kill('SIGKILL');
      await waitFor(() => (opens.length > opensBefore ? true : undefined), `switch ${i + 1}: the standby opened`);
      failovers.push(opens[opens.length - 1].at - killedAt);
      await statusOf(other, 'open', killedAt);
      await reds.get(owner)!.stop();
      reds.delete(owner);
      [owner, other] = [other, owner];
    }
    await waitFor(() => (ownerNow() === owner ? true : undefined), 'the broker names the last owner');
    assert.equal(sim.sessions().length, 1, 'one session');
    assert.equal(maxConcurrent, 1, 'never two sessions at once');
    const worst = Math.max(...failovers);
    assert.ok(worst <= BOUND_MS, `worst failover ${worst} ms (bound ${BOUND_MS} ms)`);
  });
});
