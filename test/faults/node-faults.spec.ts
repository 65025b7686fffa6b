/**
 * Faults through a real Node-RED: a flow receives the call events through a cti-event node and the outages
 * through a cti-status node; every call event the simulator wrote arrives exactly once, in order, or falls in
 * an outage the cti-status node reported (eventsMayHaveBeenMissed).
 */
import assert from 'node:assert/strict';
import { helper, startSim } from '../nodes/harness';
import { accountFlow, figures, WireLedger } from './ledger';
import { deployFaultFlow, flowCaughtUp, FLOW_TYPES } from './flow';
import { CALLS_PER_SECOND } from './mode';
import { streamCalls } from './stream';

describe('faults: through Node-RED, every call event accounted for', function () {
  this.timeout(60000);

  afterEach(async () => {
    await helper.unload();
  });

  it('server killed and restarted mid-stream: cti-status reports the outage, no event twice', async () => {
    const sim = await startSim();
    const wire = new WireLedger().watch([sim], 'faults-flow');
    const flow = await deployFaultFlow(sim);
    await flow.status((p) => p.state === 'open');
    const st = streamCalls(sim, CALLS_PER_SECOND);
    try {
      await flow.events(20);
      const down = flow.status((p) => p.state !== 'open');
      await sim.stop();
      await down;
      const calls = st.calls;
      await new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (st.calls < calls + 3) return;
          clearInterval(t);
          resolve();
        }, 5);
      });
      const up = flow.status((p) => p.state === 'open');
      await sim.start();
      assert.equal((await up).eventsMayHaveBeenMissed, true);
      await flow.events(20);
    } finally {
      await st.stop();
    }
    await flow.until(flowCaughtUp(flow, wire));
    await helper.unload();
    wire.stop();
    await sim.stop();
    const a = accountFlow(wire, flow.received, FLOW_TYPES, flow.declaredOutages);
    console.log(figures('Node-RED, killed and restarted', a));
    assert.deepEqual(a.problems, []);
    assert.equal(a.declaredOutages, 1);
    assert.ok(a.delivered > 0 && a.declaredMissed > 0);
  });
});
