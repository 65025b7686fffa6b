/**
 * Issue 12's promise at the node level: a CALL_DELIVERED_EVENT that deviates from the protocol reference (a string
 * one byte over its maximum, a NumNamedVariables count that disagrees with the variables present) still reaches a
 * cti-event node — no silent screen-pop outage — and the deviation is counted in the session's state and logged
 * once per kind by the cti-server node.
 */
import assert from 'node:assert/strict';
import { aniTooLong, ANI_MAX, wrongVariableCount } from '../support/deviating-frames';
import { collect, getServer, helper, logged, NODES, runtimeWithSim, serverNode, waitForState } from './harness';

describe('cti-event node: deviating call events are delivered and counted (real runtime, simulator over TCP)', function () {
  const run = runtimeWithSim();

  it('delivers each deviating CALL_DELIVERED_EVENT, counts it per kind, and the server node logs each kind once', async function () {
    const sim = run.sim;
    await helper.load(NODES, [
      { id: 'f1', type: 'tab' },
      serverNode(sim),
      { id: 'ev', type: 'cti-event', z: 'f1', server: 'srv', events: ['CALL_DELIVERED_EVENT'], wires: [['h']] },
      { id: 'h', type: 'helper', z: 'f1' },
    ]);
    const server = getServer();
    await waitForState(server, 'open');
    const version = server.protocolVersion();
    const got = collect(helper.getNode('h'));
    const all = new Promise<void>((resolve) => helper.getNode('h').on('input', () => got.length === 4 && resolve()));
    const raw = sim.connectedSessions()[0];
    raw.writeRaw(aniTooLong(version, 201));
    raw.writeRaw(wrongVariableCount(version, 202));
    raw.writeRaw(aniTooLong(version, 203));
    raw.writeRaw(wrongVariableCount(version, 204));
    await all;

    const payloads = got.map((m) => m.payload as Record<string, unknown>);
    assert.deepEqual(
      payloads.map((p) => p.connectionCallId),
      [201, 202, 203, 204],
      'every event reached the flow, in order',
    );
    assert.equal(payloads[0].ani, 'A'.repeat(ANI_MAX), 'the over-long value as it was read');
    assert.equal((got[0].call as Record<string, unknown>).ani, 'A'.repeat(ANI_MAX), 'and in msg.call');
    assert.deepEqual((got[1].call as Record<string, unknown>).ecc, { 'user.case': 'c-1' });

    const warnings = server.currentState().protocolWarnings;
    assert.equal(warnings?.total, 4);
    assert.deepEqual(warnings?.byKind, {
      'CALL_DELIVERED_EVENT.ani:string-too-long': 2,
      'CALL_DELIVERED_EVENT.numNamedVariables:count-mismatch': 2,
    });
    const lines = logged(server, 'warn').filter((l) => l.includes('CALL_DELIVERED_EVENT'));
    assert.equal(lines.length, 2, `one line per kind, not per message:\n${lines.join('\n')}`);
    assert.ok(lines.some((l) => /string-too-long/.test(l)));
    assert.ok(lines.some((l) => /count-mismatch/.test(l)));
    assert.equal(server.currentState().state, 'open', 'the session was not reset');
  });
});
