/**
 * `npm run bench:mqtt-pgs` — ten PGs into one Node-RED, fanned out over MQTT (issue 26): 10 simulators, each
 * paced at RATE events/s, one Node-RED process with 10 cti-server nodes and the example owner flow's "To MQTT"
 * publishing every event on cti/<peripheral>/<event>, a real mosquitto, and this process as the consumer.
 * Prints events/s, the p50/p99 latency from the simulator's send to the consumer's receive (both clocks are this
 * machine's) and, per PG, what the simulator sent to Node-RED against what the consumer received.
 *
 *   PGS=10 RATE=1000 SECONDS=10 npm run bench:mqtt-pgs
 *
 * Latency is measured on CALL_ESTABLISHED_EVENT (one per call, keyed by PG and ConnectionCallID). Needs Debian's
 * mosquitto (.ci/deps.sh). Not part of npm test. The simulators share this process with the consumer: on a small
 * machine the offered rate is what this process manages to send (printed), not always PGS × RATE.
 */
import mqtt from 'mqtt';
import { CtiSimulator } from '../lib/simulator';
import { isDeliverableEvent } from '../nodes/lib/event-types';
import { startBroker } from '../test/mqtt/broker';
import { exampleOnTab, startRed } from '../test/support/red-process';

const PGS = Number(process.env.PGS ?? 10);
const RATE = Number(process.env.RATE ?? 1000);
const SECONDS = Number(process.env.SECONDS ?? 10);
const AGENTS = 20;
const LANES = 4;
const FIRST_PERIPHERAL = 5001;

interface Pg {
  peripheralId: number;
  sim: CtiSimulator;
  /** Deliverable events the simulator sent to Node-RED's session while measuring. */
  sent: number;
  received: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

async function main(): Promise<void> {
  const broker = await startBroker();
  const pgs: Pg[] = [];
  for (let i = 0; i < PGS; i++) {
    const peripheralId = FIRST_PERIPHERAL + i;
    const sim = new CtiSimulator({ host: '127.0.0.1', port: 0, agents: `2001-${2000 + AGENTS}`, peripheralId });
    await sim.start();
    pgs.push({ peripheralId, sim, sent: 0, received: 0 });
  }
  // The example's "To MQTT" function, publish node and broker node; one cti-server and cti-event per PG.
  const example = exampleOnTab('mqtt/Session owner.json', 'owner', 0);
  const publish = example.find((n) => n.id === 'mqo-publish')!;
  const out = example.find((n) => n.id === 'mqo-out')!;
  const brokerNode = { ...example.find((n) => n.type === 'mqtt-broker')!, port: String(broker.port) };
  const flows: Array<Record<string, unknown>> = [{ id: 'owner', type: 'tab', label: '10 PGs' }, brokerNode, out];
  flows.push({ ...publish, wires: [[out.id]] });
  pgs.forEach((pg, i) => {
    flows.push({
      id: `srv-${i}`,
      type: 'cti-server',
      name: `PG ${pg.peripheralId}`,
      hostA: '127.0.0.1',
      portA: pg.sim.port,
      peripheralId: pg.peripheralId,
      clientId: 'bench-pgs',
      version: 24,
      services: ['ALL_EVENTS'],
      heartbeat: 30,
    });
    flows.push({ id: `ev-${i}`, type: 'cti-event', z: 'owner', server: `srv-${i}`, events: [], wires: [[publish.id]] });
  });
  const red = await startRed({ flows, readyTimeoutMs: 120000 });

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let measuring = false;
  let received = 0;
  let first = 0;
  let last = 0;
  const consumer = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { protocolVersion: 5 });
  consumer.on('message', (topic, payload) => {
    if (!measuring) return;
    const now = performance.now();
    const [, pid, type] = topic.split('/');
    const pg = pgs[Number(pid) - FIRST_PERIPHERAL];
    if (pg === undefined) return;
    pg.received++;
    received++;
    if (first === 0) first = now;
    last = now;
    if (type === 'CALL_ESTABLISHED_EVENT') {
      const m = JSON.parse(payload.toString()) as { payload: { connectionCallId: number } };
      const at = sentAt.get(`${pid}/${m.payload.connectionCallId}`);
      if (at !== undefined) latencies.push(now - at);
    }
  });
  await consumer.subscribeAsync('cti/#', { qos: 1 });
  for (const pg of pgs) {
    while (pg.sim.sessions().length === 0) await sleep(50);
    pg.sim.on('message-sent', ({ message }) => {
      if (!measuring || !isDeliverableEvent(message.messageType)) return;
      pg.sent++;
      if (message.messageType === 'CALL_ESTABLISHED_EVENT')
        sentAt.set(`${pg.peripheralId}/${message.connectionCallId as number}`, performance.now());
    });
  }
  await sleep(1000); // the opens' own events pass before counting

  measuring = true;
  const t0 = performance.now();
  const endAt = t0 + SECONDS * 1000;
  // Each PG: calls (ring, answer, release) as fast as its RATE allows, paced on the events it has sent.
  const drive = async (pg: Pg, lane: number): Promise<void> => {
    let i = 0;
    while (performance.now() < endAt) {
      const due = ((performance.now() - t0) / 1000) * RATE;
      if (pg.sent >= due) {
        await sleep(5);
        continue;
      }
      // Each lane its own agents, one call at a time: an agent is free again when its lane comes back to it.
      const agentId = String(2001 + lane * (AGENTS / LANES) + (i++ % (AGENTS / LANES)));
      try {
        const call = await pg.sim.startInboundCall({
          agentId,
          ani: '02079460000',
          answer: true,
          ifAgentAvailable: true,
        });
        await pg.sim.releaseCall(call);
      } catch {
        await sleep(1); // refused (e.g. the agent still in wrap-up): the next agent
      }
    }
  };
  await Promise.all(pgs.flatMap((pg) => Array.from({ length: LANES }, (_, lane) => drive(pg, lane))));
  const offeredSeconds = (performance.now() - t0) / 1000;
  const sentTotal = pgs.reduce((n, pg) => n + pg.sent, 0);
  // Drain: until nothing arrived for 2 s.
  for (let quiet = received; ;) {
    await sleep(2000);
    if (received === quiet) break;
    quiet = received;
  }
  measuring = false;
  latencies.sort((a, b) => a - b);
  const rows: Array<[string, string]> = [
    ['PGs (simulators, cti-server nodes)', String(PGS)],
    ['offered (events the simulators sent / s)', `${(sentTotal / offeredSeconds).toFixed(0)} (target ${PGS * RATE})`],
    ['events sent to Node-RED', String(sentTotal)],
    ['events received by the consumer', String(received)],
    ['missing', String(sentTotal - received)],
    ['events/s end to end (first to last received)', (received / ((last - first) / 1000)).toFixed(0)],
    ['delivered / offered rate', (received / ((last - first) / 1000) / (sentTotal / offeredSeconds)).toFixed(2)],
    ['latency sim → consumer p50 (ms)', percentile(latencies, 50).toFixed(1)],
    ['latency sim → consumer p99 (ms)', percentile(latencies, 99).toFixed(1)],
    ['latency samples (CALL_ESTABLISHED)', String(latencies.length)],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(48)} ${v}`);
  for (const pg of pgs)
    console.log(`  PG ${pg.peripheralId}: sent ${pg.sent}, received ${pg.received}, missing ${pg.sent - pg.received}`);
  await consumer.endAsync();
  await red.stop();
  for (const pg of pgs) await pg.sim.stop();
  await broker.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
