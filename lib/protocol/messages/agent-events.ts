/**
 * Agent events (cti-protocol.md Part 2 §2): AGENT_STATE_EVENT, AGENT_PRE_CALL_EVENT, AGENT_PRE_CALL_ABORT_EVENT.
 */
import type { FloatingFieldDef, MessageDef } from '../types';
import {
  ANI,
  CED,
  DIALED_NUMBER,
  ECC_COUNTS,
  NAMED_ARRAY,
  NAMED_VARIABLE,
  UUI,
  agentId,
  callVariables,
  devId,
  routerCallKey,
  str,
  uint,
  ushort,
} from './part2-fields';

/**
 * Floating FltSkillGroup quadruples (at most 99: NumFltSkillGroups "≤99"); the reference assumes the
 * SKILL_GROUP_* tags 62–65 here too.
 */
const fltSkillGroup = (name: string, tag: number, type: 'INT' | 'UINT' | 'USHORT', max: number): FloatingFieldDef => ({
  name,
  tag,
  type,
  max,
  repeats: true,
  group: 'fltSkillGroups',
  maxCount: 99,
});
const FLT_SKILL_GROUPS: FloatingFieldDef[] = [
  fltSkillGroup('FltSkillGroupNumber', 62, 'INT', 4),
  fltSkillGroup('FltSkillGroupID', 63, 'UINT', 4),
  fltSkillGroup('FltSkillGroupPriority', 64, 'USHORT', 2),
  fltSkillGroup('FltSkillGroupState', 65, 'USHORT', 2),
];

export const AGENT_EVENT_MESSAGES: MessageDef[] = [
  {
    id: 30,
    name: 'AGENT_STATE_EVENT',
    fixed: [
      { name: 'MonitorID', type: 'UINT' },
      { name: 'PeripheralID', type: 'UINT' },
      { name: 'SessionID', type: 'UINT' },
      { name: 'PeripheralType', type: 'USHORT' },
      { name: 'SkillGroupState', type: 'USHORT' },
      { name: 'StateDuration', type: 'UINT' },
      // The guide prints "USINT" (typo) for SkillGroupNumber.
      { name: 'SkillGroupNumber', type: 'UINT' },
      { name: 'SkillGroupID', type: 'UINT' },
      { name: 'SkillGroupPriority', type: 'USHORT' },
      { name: 'AgentState', type: 'USHORT' },
      { name: 'EventReasonCode', type: 'USHORT' },
      { name: 'MRDID', type: 'INT' },
      { name: 'NumTasks', type: 'UINT' },
      { name: 'AgentMode', type: 'USHORT' },
      { name: 'MaxTaskLimit', type: 'UINT' },
      { name: 'ICMAgentID', type: 'INT' },
      { name: 'AgentAvailabilityStatus', type: 'UINT' },
      { name: 'NumFltSkillGroups', type: 'USHORT', countOf: 'FltSkillGroupNumber' },
      { name: 'DepartmentID', type: 'INT', since: 19 },
    ],
    floating: [
      // CLIENT_SIGNATURE_TAG (3) here, not CTI_CLIENT_SIGNATURE_TAG (23) as in the call events.
      str('CTIClientSignature', 3, 64),
      agentId(),
      str('AgentExtension', 4, 16),
      // Unsure: ActiveTerminal tag — Cisco table lists FLT_TERM_DEVICE_NAME (303), a public decoder uses 50;
      // chose 303, accept 50. "(not marked)" → optional. Version that added it is not known; since 20 because a
      // 303 tag cannot be written in the one-byte tags of earlier versions.
      { name: 'ActiveTerminal', tag: 303, type: 'STRING', max: 64, altTags: [50], since: 20 },
      devId('AgentInstrument', 6),
      uint('Duration', 150),
      // Unsure: NextAgentState "(not marked)", present only if known; chose optional, tag 123 (EXT_AGENT_STATE_TAG).
      ushort('NextAgentState', 123),
      // Unsure: Direction "(not marked)"; chose optional. Added PV16.
      { ...uint('Direction', 244), since: 16 },
      ...FLT_SKILL_GROUPS,
      // Unsure: MaxBeyondTaskLimit "(not marked)"; chose optional. Added PV22.
      { ...uint('MaxBeyondTaskLimit', 266), since: 22 },
    ],
    note: 'cti-protocol.md §2.1. DepartmentID PV19, Direction PV16, MaxBeyondTaskLimit PV22. Flt skill group tags 62–65 assumed.',
  },
  {
    id: 105,
    name: 'AGENT_PRE_CALL_EVENT',
    // No PeripheralID field.
    fixed: [
      { name: 'MonitorID', type: 'UINT' },
      ...ECC_COUNTS,
      { name: 'ServiceNumber', type: 'UINT' },
      { name: 'ServiceID', type: 'UINT' },
      { name: 'SkillGroupNumber', type: 'UINT' },
      { name: 'SkillGroupID', type: 'UINT' },
      { name: 'SkillGroupPriority', type: 'USHORT' },
      { name: 'MRDID', type: 'INT' },
      { name: 'AgentSkillTargetID', type: 'UINT', since: 20 },
    ],
    floating: [
      devId('AgentInstrument', 6, true),
      ...routerCallKey(true),
      ANI,
      UUI,
      DIALED_NUMBER,
      CED,
      uint('FltCallTypeID', 210),
      uint('PreCallInvokeID', 221),
      ...callVariables(),
      NAMED_VARIABLE,
      NAMED_ARRAY,
      { ...agentId(), since: 20 },
      // Unsure: the version that added ProtocolReferenceGUID is not given; its tag (294) sits among the PV23
      // network-recording tags, so chose since 23.
      { ...str('ProtocolReferenceGUID', 294, 40), since: 23 },
      { ...ushort('NumOfEnabledServices', 310), since: 24 },
      // Unsure: "USHORT × N, size 2·N" — one field of N USHORTs or N fields? Chose a repeating USHORT field
      // (one tag 309 per service, like every other floating list); identical on the wire when N = 1.
      { name: 'FltEnabledServices', tag: 309, type: 'USHORT', max: 2, repeats: true, since: 24 },
      { ...str('CcaiConfigId', 311, 40), since: 24 },
    ],
    note:
      'cti-protocol.md §2.2. AgentSkillTargetID + AgentID PV20; ProtocolReferenceGUID since 23 (Unsure); ' +
      'NumOfEnabledServices / FltEnabledServices / CcaiConfigId PV24. FltEnabledServices modelled as a repeating USHORT (Unsure).',
  },
  {
    id: 106,
    name: 'AGENT_PRE_CALL_ABORT_EVENT',
    fixed: [
      { name: 'MonitorID', type: 'UINT' },
      { name: 'MRDID', type: 'INT' },
    ],
    floating: [devId('AgentInstrument', 6, true), ...routerCallKey(true)],
    note: 'cti-protocol.md §2.3. None of the floating fields is marked optional.',
  },
];
