/**
 * A TCP relay between the session and a simulator that decodes what the client sends, so tests can check
 * OPEN_REQ / HEARTBEAT_REQ / CLOSE_REQ on the wire (the simulator reports only service requests). Bytes
 * are forwarded unchanged in both directions.
 */
import { EventEmitter } from 'node:events';
import * as net from 'node:net';
import { FrameReader, decodeMessage, type CtiMessage } from '../../lib/protocol';

export interface TappedMessage {
  msg: CtiMessage;
  at: number;
}

export class ClientTap extends EventEmitter {
  readonly seen: TappedMessage[] = [];
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly version = 24,
  ) {
    super();
  }

  async start(): Promise<number> {
    const server = net.createServer((client) => this.relay(client));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  of(type: string): TappedMessage[] {
    return this.seen.filter((t) => t.msg.messageType === type);
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, '127.0.0.1');
    const reader = new FrameReader();
    for (const sock of [client, upstream]) {
      this.sockets.add(sock);
      sock.on('error', () => sock.destroy());
      sock.on('close', () => {
        this.sockets.delete(sock);
        (sock === client ? upstream : client).destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      try {
        reader.feed(chunk, (frame) => {
          const t: TappedMessage = { msg: decodeMessage(frame, this.version), at: Date.now() };
          this.seen.push(t);
          this.emit('message', t.msg, t);
        });
      } catch {
        /* not our concern: the simulator judges the bytes */
      }
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
  }
}
