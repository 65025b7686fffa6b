import { CtiSimulator } from '../../lib/simulator';
import type { CtiSimulatorOptions } from '../../lib/simulator';
import assert from 'node:assert/strict';
import { AgentState, type CtiMessage } from '../../lib/protocol';
import { RawClient, SVC } from './raw-client';

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

/** Message types, agent states as AGENT_STATE:<state>. */
export const types = (ms: CtiMessage[]): string[] =>
  ms.map((m) =>
    m.messageType === 'AGENT_STATE_EVENT'
      ? `AGENT_STATE:${AgentState.nameOf(m.agentState)!.replace('AGENT_STATE_', '')}`
      : m.messageType,
  );

/** An agent desktop: Client Events + Call Data Update + Client Control for one agent. */
export async function agentClient(
  fx: Fixture,
  port: number,
  agentId: string,
  extra: Partial<CtiMessage> = {},
  version = 24,
): Promise<RawClient> {
  const c = await fx.client(port, version);
  const conf = await c.open({
    clientId: `desk-${agentId}`,
    servicesRequested:
      SVC.CTI_SERVICE_CLIENT_EVENTS | SVC.CTI_SERVICE_CALL_DATA_UPDATE | SVC.CTI_SERVICE_CLIENT_CONTROL,
    peripheralId: 5000,
    agentId,
    ...extra,
  });
  assert.equal(conf.messageType, 'OPEN_CONF', `open for ${agentId}: ${JSON.stringify(conf)}`);
  return c;
}

/** An All Events bridge with Call Data Update and Client Control; its SYSTEM_EVENT already read. */
export async function bridgeClient(
  fx: Fixture,
  port: number,
  extra: Partial<CtiMessage> = {},
  version = 24,
): Promise<RawClient> {
  const c = await fx.client(port, version);
  const conf = await c.open({
    clientId: 'bridge',
    servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS | SVC.CTI_SERVICE_CALL_DATA_UPDATE | SVC.CTI_SERVICE_CLIENT_CONTROL,
    ...extra,
  });
  assert.equal(conf.messageType, 'OPEN_CONF');
  await c.next('SYSTEM_EVENT');
  return c;
}
