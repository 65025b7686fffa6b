/**
 * Hot standby at the node (issue 24 part 1): against a simulator pair, the status and cti-status show both sides
 * (`connected A (v24), B standby`), and a switchover moves the session to the standby side without a new
 * connection — the status follows.
 */
import assert from 'node:assert/strict';
import { CtiSimulatorPair } from '../../lib/simulator';
import { helper, NODES, PERIPHERAL, nextInput, waitForStatus } from './harness';
import type { Node } from 'node-red';
import type { EventEmitter } from 'node:events';

describe('cti-server hot standby: status and cti-status show both sides', function () {
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

  it('shows the standby side, and follows a switchover to it', async function () {
    await helper.load(NODES, [
      { id: 'f1', type: 'tab' },
      {
        id: 'srv',
        type: 'cti-server',
        hostA: '127.0.0.1',
        portA: pair.sideA.port,
        hostB: '127.0.0.1',
        portB: pair.sideB.port,
        clientId: 'nodes-standby',
        peripheralId: String(PERIPHERAL),
        version: 24,
        services: ['ALL_EVENTS'],
        heartbeat: 30,
      },
      { id: 'ev', type: 'cti-event', z: 'f1', server: 'srv', events: ['CALL_DELIVERED_EVENT'], wires: [[]] },
      { id: 'st', type: 'cti-status', z: 'f1', server: 'srv', wires: [['hs']] },
      { id: 'hs', type: 'helper', z: 'f1' },
    ]);
    const ev = helper.getNode('ev') as unknown as Node & EventEmitter;
    const hs = helper.getNode('hs');
    const heldMsg = nextInput(hs, (m) => (m.payload as Record<string, unknown>).standbySide === 'B');
    const held = await waitForStatus(ev, (s) => s.text === 'connected A (v24), B standby');
    assert.equal(held.fill, 'green');
    const p = (await heldMsg).payload as Record<string, unknown>;
    assert.equal(p.state, 'open');
    assert.equal(p.side, 'A');
    assert.equal(p.status, 'connected A (v24), B standby');

    await pair.switchover();
    await waitForStatus(ev, (s) => s.text === 'connected B (v24), A standby');
  });
});
