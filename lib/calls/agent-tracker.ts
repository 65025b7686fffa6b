/**
 * Each agent's last AGENT_STATE_EVENT, so a flow can ask "what state is agent 1001 in" without a query.
 * Keyed by AgentID (falling back to extension, then instrument); also found by extension / instrument.
 */
import { AgentState, type CtiMessage } from '../protocol';

export interface AgentSnapshot {
  readonly agentId?: string;
  readonly agentExtension?: string;
  readonly agentInstrument?: string;
  readonly peripheralId?: number;
  readonly agentState: number;
  /** AgentState name, e.g. AGENT_STATE_AVAILABLE. */
  readonly state: string;
  readonly eventReasonCode?: number;
  readonly skillGroupNumber?: number;
  readonly updatedAt: number;
  /** The AGENT_STATE_EVENT as received. */
  readonly event: Readonly<CtiMessage>;
}

export class AgentTracker {
  private readonly agents = new Map<string, AgentSnapshot>();
  private readonly alias = new Map<string, string>();

  constructor(private readonly maxAgents = 20000) {}

  get size(): number {
    return this.agents.size;
  }

  /**
   * Feeds one inbound message; returns the agent's snapshot for AGENT_STATE_EVENT, else undefined. A
   * QUERY_AGENT_STATE_CONF (with the `request` it answers: the conf names the agent only when one is logged on,
   * and never the peripheral) counts as well: a new session learns agents it has had no event for yet (e.g. an
   * HA owner rebuilding after a takeover).
   */
  update(msg: CtiMessage, request?: CtiMessage): AgentSnapshot | undefined {
    if (msg.messageType === 'QUERY_AGENT_STATE_CONF' && request !== undefined) {
      const ids = {
        peripheralId: request.peripheralId,
        agentId: request.agentId,
        agentExtension: request.agentExtension,
        agentInstrument: request.agentInstrument,
      };
      return this.take({ ...ids, ...msg });
    }
    if (msg.messageType !== 'AGENT_STATE_EVENT') return undefined;
    return this.take(msg);
  }

  private take(msg: CtiMessage): AgentSnapshot | undefined {
    const key = str(msg.agentId) ?? str(msg.agentExtension) ?? str(msg.agentInstrument);
    if (key === undefined) return undefined;
    const snap: AgentSnapshot = Object.freeze({
      agentId: str(msg.agentId),
      agentExtension: str(msg.agentExtension),
      agentInstrument: str(msg.agentInstrument),
      peripheralId: msg.peripheralId,
      agentState: msg.agentState,
      state: AgentState.nameOf(msg.agentState) ?? String(msg.agentState),
      eventReasonCode: msg.eventReasonCode,
      skillGroupNumber: msg.skillGroupNumber,
      updatedAt: Date.now(),
      event: Object.freeze({ ...msg }),
    });
    this.agents.delete(key);
    this.agents.set(key, snap);
    for (const a of [snap.agentExtension, snap.agentInstrument])
      if (a !== undefined && a !== key) this.alias.set(a, key);
    while (this.agents.size > this.maxAgents) {
      const oldest = this.agents.keys().next().value as string;
      this.agents.delete(oldest);
    }
    if (this.alias.size > this.maxAgents * 2) this.pruneAliases();
    return snap;
  }

  /** By AgentID, extension or instrument. */
  get(id: string): AgentSnapshot | undefined {
    return this.agents.get(id) ?? this.agents.get(this.alias.get(id) ?? '');
  }

  all(): AgentSnapshot[] {
    return [...this.agents.values()];
  }

  clear(): void {
    this.agents.clear();
    this.alias.clear();
  }

  private pruneAliases(): void {
    for (const [a, k] of this.alias) if (!this.agents.has(k)) this.alias.delete(a);
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
