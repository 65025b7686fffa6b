/**
 * A TCP relay between the client and a server that can mangle the server → client direction: pass bytes on
 * as they come, split them into one write per byte, or trickle one byte every `trickleMs` (a slow-loris
 * server). Client → server bytes always pass unchanged.
 */
import net from 'node:net';

export type ProxyMode = 'pass' | 'split' | 'trickle';

export class ByteProxy {
  mode: ProxyMode = 'pass';
  trickleMs = 100;
  /** Server → client bytes written one at a time so far (split and trickle modes). */
  singleByteWrites = 0;
  port = 0;
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly targetPort: number) {}

  async start(): Promise<number> {
    const server = net.createServer((client) => this.relay(client));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, '127.0.0.1');
    client.setNoDelay(true);
    for (const sock of [client, upstream]) {
      this.sockets.add(sock);
      sock.on('error', () => sock.destroy());
      sock.on('close', () => {
        this.sockets.delete(sock);
        (sock === client ? upstream : client).destroy();
      });
    }
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    // Server bytes queue here in order; one pump drains them in the current mode.
    const queue: Buffer[] = [];
    let pumping = false;
    const pump = (): void => {
      if (client.destroyed) return;
      const head = queue[0];
      if (head === undefined) {
        pumping = false;
        return;
      }
      if (this.mode === 'pass') {
        client.write(Buffer.concat(queue.splice(0)));
        pumping = false;
        return;
      }
      client.write(head.subarray(0, 1));
      this.singleByteWrites++;
      if (head.length === 1) queue.shift();
      else queue[0] = head.subarray(1);
      if (this.mode === 'split') {
        setImmediate(pump);
      } else {
        const t = setTimeout(() => {
          this.timers.delete(t);
          pump();
        }, this.trickleMs);
        this.timers.add(t);
      }
    };
    upstream.on('data', (chunk: Buffer) => {
      queue.push(chunk);
      if (!pumping) {
        pumping = true;
        pump();
      }
    });
  }
}
