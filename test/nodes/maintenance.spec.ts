/**
 * PG maintenance mode at the node (issue 24 part 2) in a real Node-RED runtime against a simulator pair: by default
 * the cti-server accepts, moves to its standby session on side B and the status follows; with "Reject PG
 * maintenance mode" ticked the simulator cancels the maintenance and the node says why once in the log.
 */
import assert from 'node:assert/strict';
import type { EventEmitter } from 'node:events';
import type { Node } from 'node-red';
import { StatusCode } from '../../lib/protocol';
import { CtiSimulatorPair, type CtiSimulator, type SimRequestInfo } from '../../lib/simulator';
import { helper, logged, NODES, nextInput, PERIPHERAL, waitForStatus } from './harness';

describe('cti-server: PG maintenance mode', function () {
  let pair: CtiSimulatorPair;

  beforeEach(async function () {
    await helper.startServer();
    pair = new CtiSimulatorPair({ peripheralId: PERIPHERAL, agents: '1001-1003' });
    await pair.start();
  });

  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    await pair.stop();
  });

  function flow(extra: Record<string, unknown> = {}): Record<string, unknown>[] {
    return [
      { id: 'f1', type: 'tab' },
      {
        id: 'srv',
        type: 'cti-server',
        hostA: '127.0.0.1',
        portA: pair.sideA.port,
        hostB: '127.0.0.1',
        portB: pair.sideB.port,
        clientId: 'nodes-maint',
        peripheralId: String(PERIPHERAL),
        version: 24,
        services: ['ALL_EVENTS', 'CLIENT_CONTROL'],
        heartbeat: 30,
        ...extra,
      },
      { id: 'ev', type: 'cti-event', z: 'f1', server: 'srv', events: ['END_CALL_EVENT'], wires: [['he']] },
      { id: 'he', type: 'helper', z: 'f1' },
      { id: 'st', type: 'cti-status', z: 'f1', server: 'srv', wires: [['hs']] },
      { id: 'hs', type: 'helper', z: 'f1' },
    ];
  }

  it('accepts by default: the status moves to side B, a call begun on A ends once on B', async function () {
    await helper.load(NODES, flow());
    const ev = helper.getNode('ev') as unknown as Node & EventEmitter;
    await waitForStatus(ev, (s) => s.text === 'connected A (v24), B standby');
    const call = await pair.sideA.startInboundCall({ agentId: '1001', answer: true });
    const movedMsg = nextInput(helper.getNode('hs'), (m) => (m.payload as Record<string, unknown>).side === 'B');

    const outcome = await pair.maintenance();
    assert.equal(outcome.decision, 'continue');
    const status = await waitForStatus(ev, (s) => s.text === 'connected B (v24)');
    assert.equal(status.fill, 'green');
    const p = (await movedMsg).payload as Record<string, unknown>;
    assert.equal(p.state, 'open');
    assert.match(String(p.reason), /moved/);
    assert.equal(p.eventsMayHaveBeenMissed, false);

    const ended = nextInput(helper.getNode('he'), () => true);
    await pair.sideB.releaseCall(call);
    const end = await ended;
    assert.equal((end.payload as Record<string, unknown>).connectionCallId, call.connectionCallId);
    assert.deepEqual(logged(helper.getNode('srv'), 'warn'), []);
  });

  it('two successive maintenances, A then B: the side back from maintenance is standby again, the second move is accepted', async function () {
    await helper.load(NODES, flow());
    const ev = helper.getNode('ev') as unknown as Node & EventEmitter;
    await waitForStatus(ev, (s) => s.text === 'connected A (v24), B standby');
    /** The node's standby OPEN_REQ refused by `sim` because it is in maintenance mode. */
    const refusedBy = (sim: EventEmitter): Promise<void> =>
      new Promise((resolve) => {
        const onRequest = (r: SimRequestInfo): void => {
          if (r.messageType !== 'OPEN_REQ' || r.clientId !== 'nodes-maint') return;
          if (r.refusedStatus !== StatusCode.byName.E_CTI_SERVER_IN_MAINTENANCE_MODE) return;
          sim.off('request', onRequest);
          resolve();
        };
        sim.on('request', onRequest);
      });
    // The node's reconnect delays (1 s, doubling) pace the re-asks: allow a few of them.
    this.timeout(30000);
    const steps: Array<{ from: CtiSimulator; to: 'A' | 'B' }> = [
      { from: pair.sideA, to: 'B' },
      { from: pair.sideB, to: 'A' },
    ];
    for (const { from, to } of steps) {
      const back = from.side;
      const refused = refusedBy(from);
      assert.deepEqual(await pair.maintenance(), {
        decision: 'continue',
        asked: 1,
        accepted: 1,
        rejected: 0,
        silent: 0,
      });
      await waitForStatus(ev, (s) => s.text === `connected ${to} (v24)`);
      await refused;
      pair.endMaintenance();
      await waitForStatus(ev, (s) => s.text === `connected ${to} (v24), ${back} standby`, 10000);
    }
    assert.deepEqual(logged(helper.getNode('srv'), 'warn'), []);
  });

  it('"Reject PG maintenance mode" ticked: the maintenance is cancelled, the node stays on A and logs why once', async function () {
    await helper.load(NODES, flow({ rejectMaintenance: true }));
    const ev = helper.getNode('ev') as unknown as Node & EventEmitter;
    await waitForStatus(ev, (s) => s.text === 'connected A (v24), B standby');
    assert.equal((await pair.maintenance()).decision, 'cancel');
    assert.equal((await pair.maintenance()).decision, 'cancel');
    assert.equal(pair.active, pair.sideA);
    const warns = logged(helper.getNode('srv'), 'warn').filter((w) => /maintenance mode/.test(w));
    assert.equal(warns.length, 1, warns.join('\n'));
    assert.match(warns[0], /rejected \(this client is configured to reject it/);
  });
});
