/**
 * The leak check the other specs rely on: it must flag what the test opened and left open, and nothing else —
 * in particular not a handle that existed before the test and ended during it (the flake of issue 13).
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { once } from 'node:events';
import { trackHandles } from '../support/process-watch';

describe('faults: handle tracker (leak check by identity)', () => {
  it('a timer from before the test that ends during it is not a leak', async () => {
    let fired!: () => void;
    const firedP = new Promise<void>((r) => (fired = r));
    const older = setTimeout(fired, 1);
    const handles = trackHandles();
    await firedP;
    clearTimeout(older);
    assert.deepEqual(await handles.leftBehind(), {});
  });

  it('a timer, a server and a socket the test opened and left open are each reported', async () => {
    const handles = trackHandles();
    const timer = setTimeout(() => undefined, 60000).unref();
    const server = net.createServer((s) => s.resume()).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    await once(client, 'connect');
    try {
      const left = await handles.leftBehind(5);
      assert.equal(left.Timeout, 1, 'the unref()ed timer is still a timer left behind');
      assert.equal(left.TCPSERVERWRAP, 1);
      assert.ok(left.TCPWRAP >= 1, `the client socket (and the accepted one): ${JSON.stringify(left)}`);
    } finally {
      clearTimeout(timer);
      client.destroy();
      server.close();
      await once(server, 'close');
    }
  });

  it('what the test opened and closed again is not a leak', async () => {
    const handles = trackHandles();
    const server = net.createServer((s) => s.end()).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
    client.resume();
    await once(client, 'close');
    server.close();
    await once(server, 'close');
    clearTimeout(setTimeout(() => undefined, 1000));
    assert.deepEqual(await handles.leftBehind(), {});
  });
});
