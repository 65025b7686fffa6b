/**
 * QUERY_AGENT_STATE_REQ, built in one place: the cti-request operation, cti-state's agent queries at each open and
 * the HA takeover rebuild all ask the same question and must fill the fixed fields the same way.
 */
import type { CtiMessage } from '../../lib/protocol';
import type { AgentFields } from './field-values';

/**
 * The media routing domain asked about when the caller names none. Unsure: the guide gives MRDID without a
 * default; MRD 1 is the usual voice media routing domain, and every query here is about an agent's phone.
 */
export const VOICE_MRD = 1;

/** Whom to ask about: any of the three identifies the agent (empty text counts as not given). */
export type AgentToQuery = AgentFields;

/** The request for one agent's state; ICMAgentID 0 (the server finds the agent by the fields given). */
export function agentStateQuery(peripheralId: number, agent: AgentToQuery, mrdid: number = VOICE_MRD): CtiMessage {
  const m: CtiMessage = { messageType: 'QUERY_AGENT_STATE_REQ', peripheralId, mrdid, icmAgentId: 0 };
  if (agent.agentExtension) m.agentExtension = agent.agentExtension;
  if (agent.agentId) m.agentId = agent.agentId;
  if (agent.agentInstrument) m.agentInstrument = agent.agentInstrument;
  return m;
}
