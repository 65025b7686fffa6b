/** The main-thread side of sim-worker.ts: start, stream, faults, stop; feeds a WireLedger with what the worker sent. */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CtiSimulatorOptions, MaintenanceOutcome } from '../../lib/simulator';
import { WireLedger } from './ledger';

interface WorkerReport {
  kind: string;
  id?: number;
  value?: unknown;
  error?: string;
  connId?: string;
  key?: string;
  at?: number;
  type?: string;
  side?: 'A' | 'B';
  status?: number;
}

export class RemoteSim {
  readonly ledger = new WireLedger();
  /** Side A's port (the only one without `pair`). */
  port = 0;
  /** With `pair`: side B's port. */
  portB = 0;
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  /** OPEN_REQs of the client that a side refused, in order (the status each was refused with). */
  readonly refusedOpens: Array<{ side: 'A' | 'B'; status: number }> = [];
  private readonly onRefused = new Set<() => void>();

  /** `pair`: a duplexed pair (CtiSimulatorPair), side A active. */
  constructor(clientId: string, options: CtiSimulatorOptions = {}, pair = false) {
    this.worker = new Worker(path.join(__dirname, 'sim-worker.ts'), {
      workerData: { clientId, options, pair },
      execArgv: ['--require', require.resolve('tsx/cjs')],
    });
    this.worker.on('message', (m: WorkerReport) => {
      if (m.kind === 'sent') this.ledger.add(m.connId!, m.key!, m.at);
      else if (m.kind === 'unsent') this.ledger.addUnsent(m.at!, m.type!);
      else if (m.kind === 'open-refused') {
        this.refusedOpens.push({ side: m.side!, status: m.status! });
        for (const f of this.onRefused) f();
      } else if (m.kind === 'reply') {
        const p = this.pending.get(m.id!);
        this.pending.delete(m.id!);
        if (m.error !== undefined) p?.reject(new Error(m.error));
        else p?.resolve(m.value);
      }
    });
    this.worker.on('error', (err) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  private call<T>(op: string, extra: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ op, id, ...extra });
    });
  }

  async start(): Promise<number> {
    [this.port, this.portB = 0] = await this.call<number[]>('start');
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
  /** The pair's active side. */
  active(): Promise<'A' | 'B'> {
    return this.call('active');
  }
  /** The pair's active side crashes (CtiSimulatorPair.crashActive): which side, and when (ms since epoch). */
  crashActive(): Promise<{ side: 'A' | 'B'; at: number }> {
    return this.call('crashActive');
  }
  /** A stopped side listens again (on its port), as the standby. */
  restart(side: 'A' | 'B'): Promise<boolean> {
    return this.call('restart', { side });
  }
  /** PG maintenance of the active side (CtiSimulatorPair.maintenance). */
  maintenance(): Promise<MaintenanceOutcome> {
    return this.call('maintenance');
  }
  endMaintenance(): Promise<boolean> {
    return this.call('endMaintenance');
  }
  /** Resolves once `side` has refused an OPEN_REQ of the client with `status` after the first `seen` refusals. */
  refusedOpen(side: 'A' | 'B', status: number, seen = this.refusedOpens.length): Promise<void> {
    const found = (): boolean => this.refusedOpens.slice(seen).some((r) => r.side === side && r.status === status);
    return new Promise((resolve) => {
      if (found()) return resolve();
      const check = (): void => {
        if (!found()) return;
        this.onRefused.delete(check);
        resolve();
      };
      this.onRefused.add(check);
    });
  }
  /** Stops the simulator(s) and ends the worker. */
  async stop(): Promise<void> {
    await this.call('stop');
    await this.worker.terminate();
  }
}
