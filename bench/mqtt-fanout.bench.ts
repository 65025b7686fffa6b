/**
 * `npm run bench:mqtt` — events per second from one CTI session through the MQTT scale-out example
 * (examples/mqtt/Session owner.json in a real Node-RED) to a subscriber on a real mosquitto, with a count of
 * what went missing. A plain CtiSession on the same simulator counts the events the server sent (the reference).
 *
 *   CALLS=3000 npm run bench:mqtt
 *
 * Needs Debian's mosquitto (.ci/deps.sh). Not part of npm test.
 */
import mqtt from 'mqtt';
import { CtiSession } from '../lib/session';
import { CtiSimulator } from '../lib/simulator';
import { isDeliverableEvent } from '../nodes/lib/event-types';
import { startBroker } from '../test/mqtt/broker';
import { exampleOnTab, startRed } from '../test/support/red-process';

const CALLS = Number(process.env.CALLS ?? 2000);
const AGENTS = 50;
const PARALLEL = 25;

async function main(): Promise<void> {
  const broker = await startBroker();
  const sim = new CtiSimulator({ host: '127.0.0.1', port: 0, agents: `2001-${2000 + AGENTS}`, peripheralId: 5000 });
  await sim.start();
  const reference = new CtiSession({
    sideA: { host: '127.0.0.1', port: sim.port },
    clientId: 'bench-reference',
    peripheralId: 5000,
    services: ['ALL_EVENTS'],
  });
  let sent = 0;
  reference.on('message', (m: { messageType: string }) => {
    if (isDeliverableEvent(m.messageType)) sent++;
  });
  await reference.open();
  const flows = exampleOnTab('mqtt/Session owner.json', 'owner', sim.port).map((n) =>
    n.type === 'mqtt-broker' ? { ...n, port: String(broker.port) } : n,
  );
  const owner = await startRed({ flows });
  const watcher = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { protocolVersion: 5 });
  let received = 0;
  let first = 0;
  let last = 0;
  watcher.on('message', (topic) => {
    if (topic.includes('/request/') || topic.includes('/response/')) return;
    const now = performance.now();
    if (received === 0) first = now;
    last = now;
    received++;
  });
  await watcher.subscribeAsync('cti/#', { qos: 1 });
  while (sim.sessions().length < 2) await new Promise((r) => setTimeout(r, 50));
  // Let the agents' AGENT_STATE_EVENTs of the owner's open pass before counting.
  await new Promise((r) => setTimeout(r, 500));
  received = 0;
  sent = 0;

  const t0 = performance.now();
  let next = 0;
  const worker = async (lane: number): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= CALLS) return;
      const agentId = String(2001 + ((lane + i) % AGENTS));
      const call = await sim.startInboundCall({ agentId, ani: `0207946${String(i).padStart(4, '0')}`, answer: true });
      await sim.releaseCall(call);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, (_, lane) => worker(lane)));
  const simSeconds = (performance.now() - t0) / 1000;
  // Drain: wait until nothing arrived for 2 s.
  for (let quiet = received; ;) {
    await new Promise((r) => setTimeout(r, 2000));
    if (received === quiet) break;
    quiet = received;
  }
  const rate = received / ((last - first) / 1000);
  const rows = [
    ['calls', String(CALLS)],
    ['events the server sent (reference session)', String(sent)],
    ['events published to the broker and received', String(received)],
    ['missing', String(sent - received)],
    ['simulator finished in', `${simSeconds.toFixed(1)} s`],
    ['events/s end to end (first to last received)', rate.toFixed(0)],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(48)} ${v}`);
  await watcher.endAsync();
  await owner.stop();
  await reference.close();
  await sim.stop();
  await broker.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
