// Loaded by the settings.js of the end-to-end bench's Node-RED child (bench/e2e.bench.ts): a real runtime started
// with node-red/red.js as `npm start` starts it. This file only takes orders over the IPC channel and measures
// inside that process — deploy a flow, drive Node-RED's own function → function hop, count what reaches the
// counting function nodes — and reports CPU time of this process (user + system) and wall time.
'use strict';

/** Node-RED's runtime as red.js loaded it (the same module instance: red.js is the main module). */
function runtime() {
  return require.main.require('./lib/red.js');
}

/** Monotonic milliseconds, comparable between processes on one machine (CLOCK_MONOTONIC). */
function nowMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

function cpuMicros(since) {
  const u = process.cpuUsage(since);
  return u.user + u.system;
}

function getNode(id) {
  const n = runtime().nodes.getNode(id);
  if (!n) throw new Error(`node ${id} not running`);
  return n;
}

async function deploy(flows) {
  const RED = runtime();
  await RED.runtime.flows.setFlows({ flows: { flows }, deploymentType: 'full' });
  if (flows.length === 0) return {};
  // The deploy resolves before the flows have started.
  const last = flows[flows.length - 1].id;
  for (let i = 0; !RED.nodes.getNode(last); i++) {
    if (i > 3000) throw new Error('the flows did not start');
    await new Promise((r) => setTimeout(r, 10));
  }
  return {};
}

/** Feeds `n` messages into function node `a` (wired to `b`) 1000 per turn; resolves when `b` has had them all. */
async function hop({ n }) {
  const a = getNode('a');
  const b = getNode('b');
  let count = 0;
  let done;
  const finished = new Promise((r) => (done = r));
  const onInput = () => {
    if (++count === n) done();
  };
  b.on('input', onInput);
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (let i = 0; i < n; i += 1000) {
    for (let j = i; j < Math.min(n, i + 1000); j++) a.receive({ topic: 'CALL_DELIVERED_EVENT', payload: { seq: j } });
    await new Promise((r) => setImmediate(r));
  }
  await finished;
  const result = { cpuUs: cpuMicros(cpu), wallMs: performance.now() - wall };
  b.removeListener('input', onInput);
  return result;
}

/**
 * Arms counters on the counting nodes `ids` for `n` call events each (the SYSTEM_EVENT after the open is not
 * one); with `latency`, the first one records when each event (its MonitorID is its sequence number) arrived.
 * Answers at once; sends { event: 'counted' } when every counter is full.
 */
function arm({ ids, n, latency }) {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const arrivals = latency ? new Float64Array(n) : undefined;
  let open = ids.length;
  for (const [k, id] of ids.entries()) {
    const node = getNode(id);
    let count = 0;
    const onInput = (msg) => {
      if (msg.topic === 'SYSTEM_EVENT') return;
      if (arrivals !== undefined && k === 0) arrivals[msg.payload.monitorId] = nowMs();
      if (++count !== n) return;
      node.removeListener('input', onInput);
      if (--open > 0) return;
      process.send({
        event: 'counted',
        cpuUs: cpuMicros(cpu),
        wallMs: performance.now() - wall,
        arrivals: arrivals === undefined ? undefined : Array.from(arrivals),
      });
    };
    node.on('input', onInput);
  }
  return {};
}

const commands = {
  deploy: ({ flows }) => deploy(flows),
  hop,
  arm,
  async stop() {
    await runtime().stop();
    setImmediate(() => process.exit(0));
    return {};
  },
};

if (typeof process.send === 'function') {
  process.on('message', (m) => {
    Promise.resolve()
      .then(() => commands[m.cmd](m))
      .then(
        (result) => process.send({ id: m.id, result }),
        (err) => process.send({ id: m.id, error: String((err && err.stack) || err) }),
      );
  });
}
