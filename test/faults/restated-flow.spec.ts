/**
 * What a flow sees of the calls the new active side restates after a switchover (lib/calls/call-restated.ts),
 * through a real Node-RED runtime: calls in progress at the switchover arrive again through cti-event —
 * BEGIN_CALL_EVENT and CALL_ESTABLISHED_EVENT with CEC_CALL_PARTY_UPDATE_IND — each marked
 * `msg.call.restated: "known"`, with the call's context from before; nothing else arrives twice, and every call
 * event the pair wrote is accounted for. A call that ended while no side was active, which the new side therefore
 * does not restate, is ended for the flow by an END_CALL_EVENT marked `msg.call.endedWhileDown` (the session asked
 * the server, lib/calls/stale-sweep.ts), and no call is left tracked.
 */
import assert from 'node:assert/strict';
import { CtiSimulatorPair, type SimCall } from '../../lib/simulator';
import { getServer, helper, PERIPHERAL, nextInput } from '../nodes/harness';
import { deployFaultFlow, flowCaughtUp, FLOW_TYPES } from './flow';
import { repeatedOnlyAsRestated } from './gaps';
import { accountFlow, figures, WireLedger } from './ledger';

describe('faults: calls restated after a switchover, as a flow sees them', function () {
  this.timeout(60_000);
  let pair: CtiSimulatorPair | undefined;

  afterEach(async () => {
    await helper.unload();
    await pair?.stop();
    pair = undefined;
  });

  /**
   * A pair with the standby held on B, the fault flow deployed against it, and two calls answered on side A
   * (1001 and 1002), each seen by the flow.
   */
  async function pairWithTwoAnsweredCalls() {
    const started = new CtiSimulatorPair({ peripheralId: PERIPHERAL, agents: '1001-1005' });
    pair = started;
    await started.start();
    const wire = new WireLedger().watch([started.sideA, started.sideB], 'faults-flow');
    const flow = await deployFaultFlow(started.sideA, { hostB: '127.0.0.1', portB: started.sideB.port, version: 24 });
    await flow.status((p) => p.standbySide === 'B');
    const events = helper.getNode('events');
    const calls: SimCall[] = [];
    for (const [agentId, ani] of [
      ['1001', '5550101'],
      ['1002', '5550102'],
    ]) {
      const answered = nextInput(events, (m) => m.topic === 'CALL_ESTABLISHED_EVENT');
      calls.push(await started.sideA.startInboundCall({ agentId, answer: true, ani }));
      await answered;
    }
    return { pair: started, wire, flow, events, calls };
  }

  it('calls in progress come again marked restated "known", with their context; nothing else twice', async () => {
    const { pair: started, wire, flow, events, calls } = await pairWithTwoAnsweredCalls();
    pair = started;
    const ids = calls.map((c) => c.connectionCallId);
    const from = flow.received.length;
    const restatedMsgs: Array<Record<string, unknown>> = [];
    events.on('input', (m: Record<string, unknown>) => {
      if ((m.call as { restated?: string } | undefined)?.restated !== undefined) restatedMsgs.push(m);
    });
    const allRestated = flow.until(() => restatedMsgs.length >= 4);
    await pair.switchover();
    await allRestated;

    const told = restatedMsgs.map((m) => {
      const p = m.payload as Record<string, unknown>;
      const c = m.call as Record<string, unknown>;
      return `${String(m.topic)} #${ids.indexOf(p.connectionCallId as number)} ${String(c.restated)} ${String(c.ani)}`;
    });
    assert.deepEqual(told.sort(), [
      'BEGIN_CALL_EVENT #0 known 5550101',
      'BEGIN_CALL_EVENT #1 known 5550102',
      'CALL_ESTABLISHED_EVENT #0 known 5550101',
      'CALL_ESTABLISHED_EVENT #1 known 5550102',
    ]);
    for (const m of restatedMsgs.filter((x) => x.topic === 'CALL_ESTABLISHED_EVENT'))
      assert.equal((m.payload as Record<string, unknown>).eventCause, 'CEC_CALL_PARTY_UPDATE_IND');

    // The calls go on and end on side B: those events are real, unmarked.
    for (const c of calls) await pair.sideB.releaseCall(c);
    await flow.until(() => ids.every((id) => flow.received.includes(`END_CALL_EVENT#${id}`)));
    await flow.until(flowCaughtUp(flow, wire));
    await helper.unload();
    wire.stop();
    const a = accountFlow(wire, flow.received, FLOW_TYPES, flow.opens);
    console.log(figures('Node-RED, switchover with calls in progress', a, `${restatedMsgs.length} restated`));
    assert.deepEqual(a.problems, []);
    assert.deepEqual(repeatedOnlyAsRestated(flow.what, flow.restated), []);
    assert.ok(
      flow.restated.slice(from).filter((r) => r !== undefined).length === 4,
      'only the four restating events are marked',
    );
  });

  it('a call that ended while no side was active reaches the flow as END_CALL_EVENT with msg.call.endedWhileDown', async () => {
    const { pair: started, wire, flow, events, calls } = await pairWithTwoAnsweredCalls();
    pair = started;
    const [stays, gone] = calls;
    const known = getServer()
      .tracked()!
      .calls.find((c) => c.connectionCallId === gone.connectionCallId)!;

    // Side A crashes; the second call ends while no side is active; then side B takes over.
    const a = pair.sideA;
    a.faults.dropConnections();
    a.setActive(false);
    await a.stop();
    await a.releaseCall(gone);
    const inferred = nextInput(
      events,
      (m) => (m.call as { endedWhileDown?: boolean } | undefined)?.endedWhileDown === true,
    );
    pair.sideB.setActive(true);
    const m = (await inferred) as Record<string, unknown>;
    const payload = m.payload as Record<string, unknown>;
    const call = m.call as Record<string, unknown>;
    assert.equal(m.topic, 'END_CALL_EVENT');
    assert.equal(payload.connectionCallId, gone.connectionCallId);
    assert.equal(payload.peripheralId, PERIPHERAL);
    assert.equal(call.ended, true);
    assert.equal(call.ani, '5550102', 'the call as the flow knew it');
    assert.equal(call.key, known.key);
    assert.equal((m.cti as Record<string, unknown>).side, 'B');
    assert.deepEqual(
      getServer()
        .tracked()!
        .calls.map((c) => c.connectionCallId),
      [stays.connectionCallId],
    );

    // The call that stayed ends for real on side B: unmarked; nothing is left tracked.
    await pair.sideB.releaseCall(stays);
    await flow.until(() => flow.received.includes(`END_CALL_EVENT#${stays.connectionCallId}`));
    assert.equal(getServer().tracked()!.calls.length, 0);
    await flow.until(flowCaughtUp(flow, wire));
    await helper.unload();
    wire.stop();
    const acc = accountFlow(wire, flow.received, FLOW_TYPES, flow.opens);
    assert.deepEqual(acc.problems, []);
    assert.deepEqual(flow.endedWhileDown, [gone.connectionCallId]);
    assert.ok(!flow.received.includes(`END_CALL_EVENT#${gone.connectionCallId}`), 'ended once, by the inference');
    assert.deepEqual(repeatedOnlyAsRestated(flow.what, flow.restated), []);
  });
});
