import assert from 'node:assert/strict';
import type { CtiMessage } from '../../lib/protocol';
import {
  helper,
  NODES,
  startSim,
  serverNode,
  getServer,
  waitForState,
  logged,
  once,
  type CtiSimulator,
} from './harness';

/**
 * The runtime refuses what the editor refuses in a host field (issue 24 part 8): a port, a scheme, a space —
 * with the editor's reason, as an invalid configuration (no reconnect loop against "host:42027").
 */
describe('cti-server node at run time: the host field, the automatic idle timeout', function () {
  let sim: CtiSimulator;

  beforeEach(async function () {
    await helper.startServer();
    sim = await startSim();
  });
  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    await sim.stop();
  });

  const flow = (extra: Record<string, unknown>): object[] => [
    { id: 'f1', type: 'tab' },
    serverNode(sim, extra),
    { id: 'st', type: 'cti-status', z: 'f1', server: 'srv', wires: [] },
  ];

  it('host:port in side A: configuration is invalid, the reason names the port field; nothing is dialled', async function () {
    await helper.load(NODES, flow({ hostA: `127.0.0.1:${sim.port}` }));
    const v = await waitForState(getServer(), 'closed');
    assert.equal(v.stopReason, 'invalid-config');
    assert.deepEqual(logged(getServer(), 'error'), [
      `the CTI server configuration is invalid: side A host "127.0.0.1:${sim.port}": the host only, put the port (${sim.port}) in the port field`,
    ]);
    assert.equal(sim.openSessionCount, 0);
  });

  it('a scheme or a space in side B: refused with the editor reason', async function () {
    await helper.load(NODES, flow({ hostB: 'tcp://cti-b.example', portB: 43027 }));
    await waitForState(getServer(), 'closed');
    assert.match(
      logged(getServer(), 'error')[0],
      /side B host "tcp:\/\/cti-b\.example": just the host name or address/,
    );
    await helper.unload();
    await helper.load(NODES, flow({ hostB: 'cti b', portB: 43027 }));
    await waitForState(getServer(), 'closed');
    assert.match(logged(getServer(), 'error')[0], /side B host "cti b" has a space/);
  });

  it('spaces around a host are dropped and a bare IPv6 address is a host: the session opens', async function () {
    await helper.load(NODES, flow({ hostA: ' 127.0.0.1 ', hostB: '::1', portB: 43027 }));
    await waitForState(getServer(), 'open');
    assert.deepEqual(logged(getServer(), 'error'), []);
  });

  /** The IdleTimeout the node's OPEN_REQ carries for a heartbeat / idle timeout setting. */
  async function sentIdleTimeout(extra: Record<string, unknown>): Promise<number> {
    const open = once<{ messageType: string; message: CtiMessage }>(
      sim,
      'request',
      5000,
      (r) => r.messageType === 'OPEN_REQ',
    );
    await helper.load(NODES, flow(extra));
    const idle = (await open).message.idleTimeout as number;
    await helper.unload();
    return idle;
  }

  it('automatic idle timeout: 4 heartbeats but at least 120 s; none without heartbeats; an explicit value as set', async function () {
    assert.equal(await sentIdleTimeout({ heartbeat: 5, idleTimeout: '' }), 120, '5-s heartbeats: not 20 s');
    assert.equal(await sentIdleTimeout({ heartbeat: 30, idleTimeout: '' }), 120);
    assert.equal(await sentIdleTimeout({ heartbeat: 60, idleTimeout: '0' }), 240);
    assert.equal(
      await sentIdleTimeout({ heartbeat: 0, idleTimeout: '' }),
      0xffffffff,
      'no heartbeats, no idle timeout',
    );
    assert.equal(await sentIdleTimeout({ heartbeat: 5, idleTimeout: '25' }), 25, 'a user who wants it short gets it');
  });
});
