/**
 * The active/standby pair of session owners (issue 26, README "Scaling out"): a real mosquitto started here, the
 * simulator as the CTI Server (one session per ClientID: a second OPEN_REQ evicts the first), two real Node-RED
 * processes running the example owner flow (examples/mqtt/Session owner.json, HA fields from the environment), and
 * this test as a consumer subscribed to everything throughout. kill -9 of the owner: the standby's OPEN_REQ reaches
 * the simulator within the MQTT keepalive plus one CTI heartbeat interval; switches in a row (HA_SWITCHES) end
 * with one owner and one session.
 */
import assert from 'node:assert/strict';
import mqtt, { type MqttClient } from 'mqtt';
import { CtiSimulator } from '../../lib/simulator';
import { exampleOnTab, startRed, type RedProcess } from '../support/red-process';
import { startBroker, type Broker } from './broker';

const PERIPHERAL = 5000;
/** Small timings so the test is quick: announcements every 300 ms, keepalive 2 s, CTI heartbeat 5 s. */
const HA = { announceMs: 300, ownerTimeoutMs: 1500, keepaliveSeconds: 2, reconnectMs: 200 };
const HEARTBEAT_S = 5;
const BOUND_MS = HA.keepaliveSeconds * 1000 + HEARTBEAT_S * 1000;
/**
 * Switches after the first one. Each restarts a Node-RED process (seconds on a busy machine), so npm test runs 2:
 * with the first one that is a kill -9 in each direction twice. `HA_SWITCHES=20 npx mocha test/mqtt/ha-pair.spec.ts`
 * runs the 20 in a row (and prints the failover times).
 */
const SWITCHES = Math.max(2, Number(process.env.HA_SWITCHES ?? 2));

interface Seen {
  topic: string;
  payload: Record<string, unknown>;
  at: number;
  correlation?: string;
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

  /**
   * The example owner flow (examples/mqtt/Session owner.json) as a user imports it on both instances: its HA
   * fields read CTI_HA_GROUP / CTI_HA_BROKER / CTI_HA_INSTANCE from the environment (start()). Only what points
   * it at this test's simulator and broker is changed, and the CTI heartbeat (5 s) that the bound counts.
   */
  function flow(): unknown[] {
    const nodes = exampleOnTab('mqtt/Session owner.json', 'owner-tab', sim.port).map((n) => {
      if (n.type === 'mqtt-broker') return { ...n, port: String(broker.port) };
      if (n.type === 'cti-server') return { ...n, heartbeat: HEARTBEAT_S, peripheralId: PERIPHERAL };
      return n;
    });
    const server = nodes.find((n) => n.type === 'cti-server')!.id;
    const out = nodes.find((n) => n.type === 'mqtt out')!.id;
    // A probe beside the example: what cti-state on this instance reports, on test/state/<instance>.
    return [
      ...nodes,
      {
        id: 'probe-state',
        type: 'cti-state',
        z: 'owner-tab',
        server,
        onChange: true,
        throttleMs: 0,
        everySeconds: 0,
        statsSeconds: 0,
        wires: [['probe-publish']],
      },
      {
        id: 'probe-publish',
        type: 'function',
        z: 'owner-tab',
        func: "msg.topic = 'test/state/' + env.get('CTI_HA_INSTANCE'); return msg;",
        outputs: 1,
        wires: [[out]],
      },
    ];
  }

  async function start(instance: string): Promise<RedProcess> {
    const red = await startRed({
      flows: flow(),
      settings: { ciscoCti: { ha: HA } },
      env: { CTI_HA_GROUP: 'pair', CTI_HA_BROKER: `mqtt://127.0.0.1:${broker.port}`, CTI_HA_INSTANCE: instance },
      readyTimeoutMs: 120000,
    });
    reds.set(instance, red);
    return red;
  }

  /**
   * What the example flow publishes about an instance: its session state on cti/<peripheral>/session while it
   * holds the session, its role on cti/ha/<group>/member/<instance> always. Only states an instance stays in are
   * awaited (open, ha-standby), never one it may pass through in a tick.
   */
  function statusOf(instance: string, state: 'open' | 'ha-standby', after: number): Promise<Seen> {
    return waitFor(
      () =>
        seen.find((m) => {
          if (m.at < after || m.payload.state !== state) return false;
          if (state === 'open')
            return (
              m.topic === `cti/${PERIPHERAL}/session` &&
              (m.payload.ha as Record<string, unknown> | undefined)?.instance === instance
            );
          return m.topic === `cti/ha/pair/member/${instance}` && m.payload.role === 'standby';
        }),
      `${instance} in state ${state}`,
      60000,
    );
  }

  /** A request as a consumer sends it (MQTT v5 response topic and correlation data). */
  async function request(name: string, payload: Record<string, unknown>, correlation: string): Promise<void> {
    await watcher!.publishAsync(`cti/${PERIPHERAL}/request/${name}`, JSON.stringify(payload), {
      qos: 1,
      properties: { responseTopic: `cti/${PERIPHERAL}/response/test`, correlationData: Buffer.from(correlation) },
    });
  }
  const answersTo = (correlation: string): Seen[] =>
    seen.filter((m) => m.topic === `cti/${PERIPHERAL}/response/test` && m.correlation === correlation);

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
    watcher.on('message', (topic, payload, packet) => {
      let p: Record<string, unknown> = {};
      try {
        p = payload.length === 0 ? {} : (JSON.parse(payload.toString()) as Record<string, unknown>);
      } catch {
        p = { raw: payload.toString() };
      }
      const corr = packet.properties?.correlationData;
      seen.push({ topic, payload: p, at: Date.now(), ...(corr ? { correlation: corr.toString() } : {}) });
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

  it('one owner opens, the other stands by showing the owner and leaves requests to it; kill -9 of the owner: the standby opens within keepalive + one heartbeat; the consumer sees events before and after with the gap declared', async function () {
    const t0 = Date.now();
    await start('red-1');
    await statusOf('red-1', 'open', t0);
    await waitFor(() => (sim.sessions().length === 1 ? true : undefined), 'one session');
    await start('red-2');
    const standby = await statusOf('red-2', 'ha-standby', t0);
    assert.equal(standby.payload.owner, 'red-1');
    assert.equal(standby.payload.status, 'standby (owner: red-1)');
    assert.equal(sim.sessions().length, 1, 'the standby opened no session');
    assert.equal(ownerNow(), 'red-1');

    // A consumer's request while both subscribe to the request topics: the owner carries it out, the standby
    // drops it (its answer, had it given one, would precede its own later session message: checked below).
    await request(
      'set-agent-state',
      { agentId: '1003', agentExtension: '1003', agentInstrument: '1003', agentState: 'AGENT_STATE_NOT_READY' },
      'while-standby',
    );
    const answer = await waitFor(() => answersTo('while-standby')[0], 'the answer to the request');
    assert.equal(answer.payload.ok, true, JSON.stringify(answer.payload));

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

    // A call in progress across the switch: answered at 1001 before the kill. The owner has published that it
    // tracks it (cti/ha/pair/known) — what the new owner rebuilds from.
    const across = await sim.startInboundCall({ agentId: '1001', ani: 'ACROSS', answer: true });
    await waitFor(
      () =>
        seen.find(
          (m) =>
            m.topic === 'cti/ha/pair/known' &&
            m.payload.instance === 'red-1' &&
            (m.payload.calls as Array<Record<string, unknown>>).some(
              (c) => c.connectionCallId === across.connectionCallId,
            ) &&
            (m.payload.agents as Array<Record<string, unknown>>).some((a) => a.agentId === '1001'),
        ),
      'the owner published the call it tracks',
    );

    const opensBefore = opens.length;
    const killedAt = Date.now();
    reds.get('red-1')!.child.kill('SIGKILL');
    await waitFor(() => (opens.length > opensBefore ? true : undefined), 'the standby opened');
    const took = opens[opens.length - 1].at - killedAt;
    failovers.push(took);
    assert.ok(took <= BOUND_MS, `took over in ${took} ms (bound ${BOUND_MS} ms)`);
    const opened = await statusOf('red-2', 'open', killedAt);
    assert.equal(opened.payload.eventsMayHaveBeenMissed, true, 'the new owner declares the gap');
    assert.equal((opened.payload.ha as Record<string, unknown>).tookOverFrom, 'red-1');
    assert.equal(answersTo('while-standby').length, 1, 'one answer: the standby routed no request');

    // cti-state on the new owner rebuilt before it reported: its first report after the open shows the call,
    // once, with its agent and state (SNAPSHOT_DEVICE / SNAPSHOT_CALL after QUERY_AGENT_STATE).
    const acrossIn = (m: Seen): Array<Record<string, unknown>> =>
      (m.payload.calls as Array<Record<string, unknown>>).filter((c) => c.ani === 'ACROSS');
    const firstReport = await waitFor(
      () =>
        seen.find(
          (m) =>
            m.topic === 'test/state/red-2' &&
            m.at >= killedAt &&
            (m.payload.origin as Record<string, unknown>).kind === 'open',
        ),
      "red-2's cti-state after the open",
    );
    const origin = firstReport.payload.origin as Record<string, unknown>;
    assert.equal(origin.eventsMayHaveBeenMissed, true);
    assert.ok((origin.rebuiltBy as string[]).includes('SNAPSHOT'), JSON.stringify(origin));
    const rebuilt = acrossIn(firstReport);
    assert.equal(rebuilt.length, 1, JSON.stringify(firstReport.payload.calls));
    assert.equal(rebuilt[0].agentId, '1001');
    assert.equal(rebuilt[0].state, 'LCS_CONNECT');
    // Its later events join the same entry: released, it is gone, and it never showed twice.
    const releasedAt = Date.now();
    await sim.releaseCall(across);
    await waitFor(
      () => seen.find((m) => m.topic === 'test/state/red-2' && m.at >= releasedAt && acrossIn(m).length === 0),
      "the call gone from red-2's cti-state",
    );
    for (const m of seen.filter((x) => x.topic === 'test/state/red-2'))
      assert.ok(acrossIn(m).length <= 1, `never twice: ${JSON.stringify(m.payload.calls)}`);

    // Events after: red-1 is dead, so they come from red-2, after its session message.
    const c2 = await sim.startInboundCall({ agentId: '1002', ani: 'AFTER' });
    const after = await waitFor(
      () =>
        seen.find(
          (m) => m.topic === `cti/${PERIPHERAL}/CALL_DELIVERED_EVENT` && JSON.stringify(m.payload).includes('AFTER'),
        ),
      'the event after',
    );
    assert.ok(after.at >= opened.at);
    await sim.releaseCall(c2);
    // And requests are carried out by the new owner.
    await request(
      'set-agent-state',
      { agentId: '1003', agentExtension: '1003', agentInstrument: '1003', agentState: 'AGENT_STATE_AVAILABLE' },
      'after-switch',
    );
    const answer2 = await waitFor(() => answersTo('after-switch')[0], 'the answer from the new owner');
    assert.equal(answer2.payload.ok, true, JSON.stringify(answer2.payload));
    assert.equal(sim.sessions().length, 1);
    await reds.get('red-1')!.stop();
    reds.delete('red-1');
  });

  it(`${SWITCHES} more switches (kill -9, restart, kill the other: both directions) end with one owner and one session; never two sessions`, async function () {
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
