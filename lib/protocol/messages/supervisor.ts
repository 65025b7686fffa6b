/**
 * Supervisor service (cti-protocol-supervisor-config.md §20, cti-protocol-statistics-teams.md §13):
 * SUPERVISOR_ASSIST 118–120, EMERGENCY_CALL 121–123, SUPERVISE_CALL 124/125, AGENT_TEAM_CONFIG_EVENT 128,
 * LIST_AGENT_TEAM 133/134, MONITOR_AGENT_TEAM_START/STOP 135–138.
 * AGENT_TEAM_CONFIG_REQ/CONF (126/127) have no published layout anywhere; they stay raw bytes (known by name only).
 * The layouts are unchanged PV9–PV25 except AGENT_TEAM_CONFIG_EVENT (AgentTeamName PV16, DepartmentID PV19) and
 * EMERGENCY_CALL_EVENT.ClientAddress (16 → 64 bytes in PV19).
 */
import type { FixedFieldDef, FloatingFieldDef, MessageDef } from '../types';
import { CONNECTION_DEVICE_ID, INVOKE_ID, REQ_CONNECTION, agentId, devId, str } from './part2-fields';

const u16 = (name: string): FixedFieldDef => ({ name, type: 'USHORT' });
const u32 = (name: string): FixedFieldDef => ({ name, type: 'UINT' });
const PERIPHERAL_ID = u32('PeripheralID');

/** AgentExtension / AgentID / AgentInstrument, each optional (a Client Events session is its own agent). */
const AGENT_FIELDS: FloatingFieldDef[] = [str('AgentExtension', 4, 16), agentId(), devId('AgentInstrument', 6)];

/**
 * CTIOS_CIL_CLIENT_ID_TAG (217): the Tag Values table allows it in many control requests without giving a type.
 * Unsure: type and size; chose STRING 64 (it names a CTI OS client, like ClientID). Optional, decoded and ignored.
 */
const CTIOS_CIL_CLIENT_ID: FloatingFieldDef = { ...str('CTIOSCILClientID', 217, 64), key: 'ctiosCilClientId' };

/** SUPERVISOR_ASSIST_REQ and EMERGENCY_CALL_REQ share one layout (§20.2 / §20.3). */
function assistReq(id: number, name: string): MessageDef {
  return {
    id,
    name,
    // ConnectionCallID 0xFFFFFFFF = no related call.
    fixed: [INVOKE_ID, PERIPHERAL_ID, ...REQ_CONNECTION],
    floating: [CONNECTION_DEVICE_ID, ...AGENT_FIELDS, CTIOS_CIL_CLIENT_ID],
    note: 'cti-protocol-supervisor-config.md §20.2/§20.3. Fixed body 14. ConnectionCallID 0xFFFFFFFF = no related call.',
  };
}

/** SUPERVISOR_ASSIST_CONF and EMERGENCY_CALL_CONF share one layout (§20.2 / §20.3). */
function assistConf(id: number, name: string): MessageDef {
  return {
    id,
    name,
    fixed: [INVOKE_ID, ...REQ_CONNECTION, u16('LineHandle'), u16('LineType')],
    floating: [CONNECTION_DEVICE_ID],
    note:
      'cti-protocol-supervisor-config.md §20.2/§20.3. Fixed body 14. ConnectionCallID = the resulting assist / ' +
      'emergency call (Unsure for EMERGENCY_CALL_CONF: the PV25 guide describes it twice, differently).',
  };
}

/** PeripheralID, ConnectionCallID, ConnectionDeviceIDType, SessionID: the head of both assist events (14 bytes). */
const ASSIST_EVENT_HEAD: FixedFieldDef[] = [
  PERIPHERAL_ID,
  ...REQ_CONNECTION,
  // SessionID of the client that raised the request.
  u32('SessionID'),
];

/** A team member group of AGENT_TEAM_CONFIG_EVENT: written interleaved, one group of four per member. */
const member = (name: string, tag: number, type: 'STRING' | 'USHORT' | 'UINT', max: number): FloatingFieldDef => ({
  name,
  tag,
  type,
  max,
  repeats: true,
  group: 'members',
  maxCount: 64,
});

export const SUPERVISOR_MESSAGES: MessageDef[] = [
  assistReq(118, 'SUPERVISOR_ASSIST_REQ'),
  assistConf(119, 'SUPERVISOR_ASSIST_CONF'),
  {
    id: 120,
    name: 'SUPERVISOR_ASSIST_EVENT',
    fixed: ASSIST_EVENT_HEAD,
    // Unsure: the PV14–PV25 guides give no layout. Chose the reference's best guess for UCCE: EMERGENCY_CALL_EVENT's
    // fixed part (which is also where UCCX's reserved / CallID / DeviceType / reserved fields sit) + ConnectionDeviceID,
    // ClientID, Text and the three agent fields — every floating field optional, so any of these shapes decodes.
    floating: [devId('ConnectionDeviceID', 25), str('ClientID', 1, 64), str('Text', 7, 255), ...AGENT_FIELDS],
    note: 'cti-protocol-supervisor-config.md §20.2. Layout Unsure (no guide layout): EMERGENCY_CALL_EVENT head + UCCX floats.',
  },
  assistReq(121, 'EMERGENCY_CALL_REQ'),
  assistConf(122, 'EMERGENCY_CALL_CONF'),
  {
    id: 123,
    name: 'EMERGENCY_CALL_EVENT',
    fixed: ASSIST_EVENT_HEAD,
    // None of the floating fields is marked optional in PV25 — except ClientAddressIPV6 (PV14–18), which the guide
    // says Unified CCE does not support, so it is optional here.
    floating: [
      CONNECTION_DEVICE_ID,
      str('ClientID', 1, 64, true),
      { ...str('ClientAddress', 81, 16, true), until: 18 },
      { ...str('ClientAddress', 81, 64, true), since: 19 },
      // Tag 226 is printed "Used" without a name in the tag table; the PV14–18 guides name it here. Unsure: size;
      // chose STRING 64 (an IPv6 address in text).
      { ...str('ClientAddressIPV6', 226, 64), until: 18 },
      { ...str('AgentExtension', 4, 16), required: true },
      agentId(true),
      devId('AgentInstrument', 6, true),
    ],
    note: 'cti-protocol-supervisor-config.md §20.3. ClientAddress 16 bytes before PV19, 64 from PV19; ClientAddressIPV6 PV15–18.',
  },
  {
    id: 124,
    name: 'SUPERVISE_CALL_REQ',
    fixed: [
      INVOKE_ID,
      PERIPHERAL_ID,
      // 0xFFFFFFFF = "the agent's currently active call" (then one of the agent fields names the agent).
      u32('AgentConnectionCallID'),
      // 0xFFFFFFFF when the supervisor has no call yet.
      u32('SupervisorConnectionCallID'),
      u16('AgentConnectionDeviceIDType'),
      u16('SupervisorConnectionDeviceIDType'),
      u16('SupervisoryAction'),
    ],
    floating: [
      devId('AgentConnectionDeviceID', 90),
      devId('SupervisorConnectionDeviceID', 91),
      ...AGENT_FIELDS,
      // Required for All Events / Peripheral Monitor clients; a Client Events supervisor is implied by its session.
      devId('SupervisorInstrument', 85),
      CTIOS_CIL_CLIENT_ID,
    ],
    note: 'cti-protocol-supervisor-config.md §20.1. Fixed body 22; max 326 (PV15 guide) confirms the six floating fields.',
  },
  {
    id: 125,
    name: 'SUPERVISE_CALL_CONF',
    fixed: [INVOKE_ID, ...REQ_CONNECTION],
    floating: [CONNECTION_DEVICE_ID],
    note: 'cti-protocol-supervisor-config.md §20.1. The connection of the supervised agent call (Unsure, see there).',
  },
  {
    id: 128,
    name: 'AGENT_TEAM_CONFIG_EVENT',
    fixed: [
      PERIPHERAL_ID,
      u32('TeamID'),
      // The number of member groups (four fields each) in the floating part, ≤ 64.
      { name: 'NumberOfAgents', type: 'USHORT', countOf: 'AtcAgentID' },
      // 0 restore permanent configuration (the full list), 1 add agent, 2 remove agent.
      u16('ConfigOperation'),
      { name: 'DepartmentID', type: 'INT', since: 19 },
    ],
    floating: [
      { ...str('AgentTeamName', 243, 32, true), since: 16 },
      // AtcAgentID and AgentFlags are marked optional, but the groups come complete (the PV15 guide counts
      // "AgentID and AgentFlag" fields, PV25 all four): written interleaved per member.
      member('AtcAgentID', 86, 'STRING', 12),
      member('AgentFlags', 87, 'USHORT', 2),
      member('AtcAgentState', 88, 'USHORT', 2),
      member('AtcStateDuration', 89, 'UINT', 4),
    ],
    note:
      'cti-protocol-statistics-teams.md §13.2. Fixed body 12 (PV15–18) / 16 (PV19+, DepartmentID); AgentTeamName PV16. ' +
      'AgentFlags bits: 0x0001 primary supervisor, 0x0002 temporary agent, 0x0004 supervisor.',
  },
  {
    id: 133,
    name: 'LIST_AGENT_TEAM_REQ',
    // SupervisorID is the supervisor's skill target ID (a number), not the SUPERVISOR_ID_TAG string.
    fixed: [INVOKE_ID, u32('SupervisorID')],
    floating: [],
    note: 'cti-protocol-statistics-teams.md §13.3.',
  },
  {
    id: 134,
    name: 'LIST_AGENT_TEAM_CONF',
    fixed: [
      INVOKE_ID,
      { name: 'NumberOfAgentTeams', type: 'USHORT', countOf: 'TeamID' },
      u16('SegmentNumber'),
      // 1 = more CONFs follow, 0 = the last one.
      u16('More'),
    ],
    floating: [{ name: 'TeamID', tag: 92, type: 'UINT', max: 4, repeats: true, maxCount: 64 }],
    note: 'cti-protocol-statistics-teams.md §13.3. ≤ 64 TeamIDs per message; more teams come in further segments.',
  },
  {
    id: 135,
    name: 'MONITOR_AGENT_TEAM_START_REQ',
    fixed: [INVOKE_ID, u32('TeamID')],
    floating: [CTIOS_CIL_CLIENT_ID],
    note: 'cti-protocol-statistics-teams.md §13.4.',
  },
  {
    id: 136,
    name: 'MONITOR_AGENT_TEAM_START_CONF',
    fixed: [INVOKE_ID, u32('MonitorID')],
    floating: [],
    note: 'cti-protocol-statistics-teams.md §13.4. MonitorID names the new team monitor.',
  },
  {
    id: 137,
    name: 'MONITOR_AGENT_TEAM_STOP_REQ',
    fixed: [INVOKE_ID, u32('MonitorID')],
    floating: [CTIOS_CIL_CLIENT_ID],
    note: 'cti-protocol-statistics-teams.md §13.5.',
  },
  {
    id: 138,
    name: 'MONITOR_AGENT_TEAM_STOP_CONF',
    fixed: [INVOKE_ID],
    floating: [],
    note: 'cti-protocol-statistics-teams.md §13.5.',
  },
];
