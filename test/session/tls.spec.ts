/**
 * TLS: sites put CTI behind a TLS tunnel. A real TLS terminator (node:tls, self-signed certificate made
 * with openssl for the test) forwards to the simulator.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { CtiSimulator } from '../../lib/simulator';
import { CtiConnectionError, CtiSession } from '../../lib/session';

describe('CtiSession over TLS', function () {
  let sim: CtiSimulator;
  let tunnel: tls.Server;
  let cert: Buffer;
  const sockets = new Set<net.Socket>();
  const sessions: CtiSession[] = [];

  before(async function () {
    const dir = mkdtempSync(join(tmpdir(), 'cti-tls-'));
    try {
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
          '/CN=localhost',
          '-addext',
          'subjectAltName=DNS:localhost',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      cert = readFileSync(join(dir, 'cert.pem'));
      const key = readFileSync(join(dir, 'key.pem'));
      sim = new CtiSimulator({ peripheralId: 5000 });
      await sim.start();
      tunnel = tls.createServer({ key, cert }, (client) => {
        const upstream = net.connect(sim.port, '127.0.0.1');
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('error', () => sock.destroy());
          sock.on('close', () => sockets.delete(sock));
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      tunnel.on('tlsClientError', () => undefined);
      await new Promise<void>((resolve) => tunnel.listen(0, '127.0.0.1', resolve));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  after(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    for (const sock of sockets) sock.destroy();
    await new Promise<void>((resolve) => tunnel.close(() => resolve()));
    await sim.stop();
  });

  function port(): number {
    return (tunnel.address() as net.AddressInfo).port;
  }

  it('opens through TLS with the CA and servername given', async () => {
    const s = new CtiSession({
      sideA: { host: '127.0.0.1', port: port() },
      clientId: 'tls-test',
      tls: { ca: cert, servername: 'localhost' },
    });
    sessions.push(s);
    const conf = await s.open();
    assert.equal(conf.messageType, 'OPEN_CONF');
    assert.equal(s.state, 'open');
  });

  it('refuses a certificate it cannot verify (rejectUnauthorized by default), without crashing', async () => {
    const s = new CtiSession({
      sideA: { host: '127.0.0.1', port: port() },
      clientId: 'tls-test-2',
      tls: { servername: 'localhost' },
      reconnect: { initialDelayMs: 50 },
    });
    sessions.push(s);
    await assert.rejects(s.open(), (e: unknown) => {
      assert.ok(e instanceof CtiConnectionError);
      assert.match(e.message, /self[- ]signed|certificate/i);
      return true;
    });
    await s.close();
  });
});
