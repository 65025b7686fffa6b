import { CtiSimulator } from '../../lib/simulator';
import type { CtiSimulatorOptions } from '../../lib/simulator';
import { RawClient } from './raw-client';

/** Tracks simulators and clients so after() hooks can close them all. */
export class Fixture {
  sims: { stop(): Promise<void> }[] = [];
  clients: RawClient[] = [];
  logs: string[] = [];

  async sim(opts: CtiSimulatorOptions = {}): Promise<CtiSimulator> {
    const sim = new CtiSimulator({ logger: (l) => this.logs.push(l), ...opts });
    this.sims.push(sim);
    await sim.start();
    return sim;
  }

  async client(port: number, version = 24): Promise<RawClient> {
    const c = await RawClient.connect(port, version);
    this.clients.push(c);
    return c;
  }

  async cleanup(): Promise<void> {
    for (const c of this.clients) c.close();
    await Promise.all(this.sims.map((s) => s.stop()));
    this.clients = [];
    this.sims = [];
  }
}
