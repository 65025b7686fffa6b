/**
 * cti-server over TLS, configured the Node-RED way: a core tls-config node (CA file, server name, verify)
 * referenced by the cti-server's `tls` property. A real TLS terminator (node:tls, certificate made with openssl
 * for the test) forwards to the simulator.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { helper, NODES, startSim, serverNode, getServer, waitForState, type CtiSimulator } from './harness';
import { resolveFromNodeRed } from '../support/node-red-runtime';

const tlsConfigNode = require(resolveFromNodeRed('@node-red/nodes/core/network/05-tls.js'));

describe('cti-server through a tls-config node', function () {
  let sim: CtiSimulator;
  let tunnel: tls.Server;
  let dir: string;
  const sockets = new Set<net.Socket>();

  before(async function () {
    dir = mkdtempSync(join(tmpdir(), 'cti-node-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=cti.test',
        '-addext',
        'subjectAltName=DNS:cti.test',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    sim = await startSim();
    tunnel = tls.createServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (client) => {
        const upstream = net.connect(sim.port, '127.0.0.1');
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('error', () => sock.destroy());
          sock.on('close', () => sockets.delete(sock));
        }
        client.pipe(upstream).pipe(client);
      },
    );
    await new Promise<void>((resolve) => tunnel.listen(0, '127.0.0.1', resolve));
    await helper.startServer();
  });

  afterEach(async function () {
    await helper.unload();
  });

  after(async function () {
    await helper.stopServer();
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => tunnel.close(() => resolve()));
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function flow(tlsNode: Record<string, unknown>): object[] {
    const port = (tunnel.address() as net.AddressInfo).port;
    return [
      { id: 'f1', type: 'tab' },
      {
        id: 'tls1',
        type: 'tls-config',
        cert: '',
        key: '',
        ca: join(dir, 'cert.pem'),
        verifyservercert: true,
        servername: 'cti.test',
        ...tlsNode,
      },
      { ...serverNode(sim), portA: port, tls: 'tls1' },
      { id: 'st', type: 'cti-status', z: 'f1', server: 'srv', wires: [] },
    ];
  }

  it("opens the session through TLS with the tls-config node's CA and server name", async function () {
    await helper.load([tlsConfigNode, ...NODES], flow({}));
    const view = await waitForState(getServer(), 'open');
    assert.equal(view.side, 'A');
    assert.equal(sim.openSessionCount, 1);
  });

  it('refuses a server whose certificate the tls-config node does not trust, with the reason on the status', async function () {
    // The previous test's session may still be closing on the simulator side.
    while (sim.openSessionCount > 0) await new Promise((resolve) => sim.once('session-close', resolve));
    let opened = 0;
    const onOpen = (): void => {
      opened++;
    };
    sim.on('session-open', onOpen);
    await helper.load([tlsConfigNode, ...NODES], flow({ servername: 'other.test' }));
    const view = await waitForState(getServer(), 'failover');
    assert.match(view.reason ?? '', /other\.test|altnames|certificate/i);
    sim.off('session-open', onOpen);
    assert.equal(opened, 0);
  });
});
