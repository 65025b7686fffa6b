import { StatusCode } from '../protocol';
import type { SimAgent } from './model';
import type { SimSkillGroup } from './organization';
import { checkPeripheral, failure, type RequestContext, type RequestHandler } from './request-context';
import { statisticsOf } from './statistics';

const S = StatusCode.byName;
/** NULL_SKILL_GROUP: the identifier the client did not give. */
const NULL_SKILL_GROUP = 0xffffffff;

/**
 * The skill group a QUERY_SKILL_GROUP_STATISTICS_REQ names, by SkillGroupNumber or SkillGroupID (the other NULL).
 * Refusals as cti-protocol-statistics-teams.md §12.6 suggests (Unsure: the guide names no codes).
 */
function skillGroupOf(c: RequestContext): SimSkillGroup {
  const number = c.msg.skillGroupNumber as number;
  const id = c.msg.skillGroupId as number;
  const groups = [...c.host.model.skillGroups.values()];
  const byNumber = number === NULL_SKILL_GROUP ? undefined : groups.find((g) => g.skillGroupNumber === number);
  const byId = id === NULL_SKILL_GROUP ? undefined : groups.find((g) => g.skillGroupId === id);
  if (number === NULL_SKILL_GROUP && id === NULL_SKILL_GROUP)
    throw failure(S.E_CTI_INVALID_SKILL_GROUP, 'neither SkillGroupNumber nor SkillGroupID given');
  if (number !== NULL_SKILL_GROUP && byNumber === undefined)
    throw failure(S.E_CTI_INVALID_SKILL_GROUP, `no skill group number ${number}`);
  if (id !== NULL_SKILL_GROUP && byId === undefined)
    throw failure(S.E_CTI_INVALID_SKILL_GROUP, `no skill group ID ${id}`);
  if (byNumber !== undefined && byId !== undefined && byNumber !== byId)
    throw failure(S.E_CTI_SKILL_GROUP_CONFLICT, `skill group number ${number} and ID ${id} are different groups`);
  return (byNumber ?? byId)!;
}

/**
 * The agent a QUERY_AGENT_STATISTICS_REQ is about: a Client Events session's own agent (identifiers, when given,
 * must name it), otherwise the agent the identifiers name (all that are given must agree).
 */
function agentOf(c: RequestContext): SimAgent {
  const { agentId, agentExtension, agentInstrument } = c.msg as {
    agentId?: string;
    agentExtension?: string;
    agentInstrument?: string;
  };
  const model = c.host.model;
  const named = [
    agentId === undefined ? undefined : model.findAgent({ agentId }),
    agentExtension === undefined ? undefined : model.findAgent({ extension: agentExtension }),
    agentInstrument === undefined ? undefined : model.findAgent({ instrument: agentInstrument }),
  ];
  const given = [agentId, agentExtension, agentInstrument].filter((v) => v !== undefined).length;
  const found = named.filter((a): a is SimAgent => a !== undefined);
  const own = c.session.isAllEvents ? undefined : c.session.agent;
  if (given === 0) {
    if (own !== undefined) return own;
    throw failure(S.E_CTI_REQUIRED_DATA_MISSING, 'no AgentID, AgentExtension or AgentInstrument');
  }
  if (found.length < given) throw failure(S.E_CTI_INVALID_AGENT_DATA, 'no such agent');
  if (found.some((a) => a !== found[0]) || (own !== undefined && found[0] !== own))
    throw failure(S.E_CTI_INCONSISTENT_AGENT_DATA, 'the identifiers name different agents');
  return found[0];
}

/** Miscellaneous service: every open session may ask (§11). */
export const STATISTICS_HANDLERS = {
  QUERY_SKILL_GROUP_STATISTICS_REQ(c) {
    checkPeripheral(c);
    const g = skillGroupOf(c);
    c.session.send({
      messageType: 'QUERY_SKILL_GROUP_STATISTICS_CONF',
      invokeId: c.invokeId,
      peripheralId: c.host.model.peripheralId,
      skillGroupNumber: g.skillGroupNumber,
      skillGroupId: g.skillGroupId,
      ...statisticsOf(c.host.model).skillGroupStatistics(g),
    });
  },
  QUERY_AGENT_STATISTICS_REQ(c) {
    checkPeripheral(c);
    const a = agentOf(c);
    // Unsure (§12.6): a logged-out agent could be refused with E_CTI_AGENT_NOT_LOGGED_ON; the simulator answers
    // with its counters (Today stays meaningful after a logout).
    c.session.send({
      messageType: 'QUERY_AGENT_STATISTICS_CONF',
      invokeId: c.invokeId,
      peripheralId: c.host.model.peripheralId,
      ...statisticsOf(c.host.model).agentStatistics(a),
      agentExtension: a.extension,
      agentId: a.agentId,
      agentInstrument: a.instrument,
    });
  },
} satisfies Record<string, RequestHandler>;
