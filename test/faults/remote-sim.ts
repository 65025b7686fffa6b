/** The main-thread side of sim-worker.ts: start, stream, stop; feeds a WireLedger with what the worker sent. */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CtiSimulatorOptions } from '../../lib/simulator';
import { WireLedger } from './ledger';

export class RemoteSim {
  readonly ledger = new WireLedger();
  port = 0;
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (v: unknown) => void>();

  constructor(clientId: string, options: CtiSimulatorOptions = {}) {
    this.worker = new Worker(path.join(__dirname, 'sim-worker.ts'), {
      workerData: { clientId, options },
      execArgv: ['--require', require.resolve('tsx/cjs')],
    });
    this.worker.on(
      'message',
      (m: {
        kind: string;
        id?: number;
        value?: unknown;
        connId?: string;
        key?: string;
        at?: number;
        type?: string;
      }) => {
        if (m.kind === 'sent') this.ledger.add(m.connId!, m.key!);
        else if (m.kind === 'unsent') this.ledger.addUnsent(m.at!, m.type!);
        else if (m.kind === 'reply') {
          this.pending.get(m.id!)?.(m.value);
          this.pending.delete(m.id!);
        }
      },
    );
  }

  private call<T>(op: string, extra: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, resolve as (v: unknown) => void);
      this.worker.once('error', reject);
      this.worker.postMessage({ op, id, ...extra });
    });
  }

  async start(): Promise<number> {
    this.port = await this.call<number>('start');
    return this.port;
  }
  stream(perSecond: number): Promise<boolean> {
    return this.call('stream', { perSecond });
  }
  /** Stops the stream; resolves with the number of calls started. */
  stopStream(): Promise<number> {
    return this.call('stopStream');
  }
  /** A round trip: every message the worker wrote before it is in the ledger now. */
  sync(): Promise<boolean> {
    return this.call('sync');
  }
  /** Stops the simulator and ends the worker. */
  async stop(): Promise<void> {
    await this.call('stop');
    await this.worker.terminate();
  }
}
