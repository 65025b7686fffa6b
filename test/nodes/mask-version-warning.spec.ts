/**
 * A cti-server with version auto and masks set in settings.js (`ciscoCti.session`) that the server's version
 * lacks (issue 24 part 8): the Node-RED log gets one warning naming the bits and the version — once for the config
 * node, not on every reconnect.
 */
import assert from 'node:assert/strict';
import { helper, NODES, serverNode, getServer, waitForState, logged, once, runtimeWithSim } from './harness';

describe('cti-server node: version auto and mask bits the server version lacks', function () {
  const ctx = runtimeWithSim(
    { versions: [15, 22] },
    {
      ciscoCti: {
        session: {
          callMsgMask: ['CALL_DELIVERED_MASK', 'NETWORK_RECORDING_TARGET_INFO_MASK'],
          reconnect: { initialDelayMs: 20, maxDelayMs: 40, jitter: 0 },
        },
      },
    },
  );

  it('warns once with the bit and the version; a reconnect does not warn again', async function () {
    const sim = ctx.sim;
    await helper.load(NODES, [
      { id: 'f1', type: 'tab' },
      serverNode(sim, { version: 'auto' }),
      { id: 'st', type: 'cti-status', z: 'f1', server: 'srv', wires: [] },
    ]);
    await waitForState(getServer(), 'open');
    const warned = (): string[] => logged(getServer(), 'warn').filter((l) => l.includes('mask bits'));
    assert.equal(warned().length, 1, logged(getServer(), 'warn').join('\n'));
    assert.match(warned()[0], /protocol version 22/);
    assert.match(warned()[0], /callMsgMask: NETWORK_RECORDING_TARGET_INFO_MASK/);

    const reopened = once(sim, 'session-open');
    sim.faults.dropConnections();
    await reopened;
    await waitForState(getServer(), 'open');
    assert.equal(getServer().currentState().reconnects, 1);
    assert.equal(warned().length, 1, 'no second warning on the reconnect');
  });
});
