/**
 * Client Control service (cti-protocol.md Part 2 §5): call-control and agent-state REQ/CONF pairs,
 * CONTROL_FAILURE_CONF, device info and snapshots.
 * Note the request order ConnectionCallID (UINT) before ConnectionDeviceIDType (USHORT) — the opposite of events.
 */
import type { FixedFieldDef, FloatingFieldDef, MessageDef } from '../types';
import {
  AGENT_INSTRUMENT_OPT,
  ANI,
  CALL_CODES,
  CALL_REFERENCE_ID,
  CALL_WRAPUP_DATA,
  CED,
  CONNECTED_PARTIES,
  CONNECTION_DEVICE_ID,
  CTI_CLIENTS,
  DIALED_NUMBER,
  DNIS,
  ECC_COUNTS,
  INVOKE_ID,
  NAMED_ARRAY,
  NAMED_VARIABLE,
  REQ_CONNECTION,
  UUI,
  agentId,
  callVariables,
  devId,
  str,
  uint,
  ushort,
} from './part2-fields';

const u16 = (name: string): FixedFieldDef => ({ name, type: 'USHORT' });
const u32 = (name: string): FixedFieldDef => ({ name, type: 'UINT' });
const bool = (name: string): FixedFieldDef => ({ name, type: 'BOOL' });
const PERIPHERAL_ID = u32('PeripheralID');

/** A CONF that carries only the InvokeID. */
function invokeOnlyConf(id: number, name: string, section: string): MessageDef {
  return { id, name, fixed: [INVOKE_ID], floating: [], note: `cti-protocol.md ${section}.` };
}

/** InvokeID, PeripheralID, ConnectionCallID, ConnectionDeviceIDType + ConnectionDeviceID, AgentInstrument. */
function simpleCallReq(id: number, name: string, section: string, extraFixed: FixedFieldDef[] = []): MessageDef {
  return {
    id,
    name,
    fixed: [INVOKE_ID, PERIPHERAL_ID, ...REQ_CONNECTION, ...extraFixed],
    floating: [CONNECTION_DEVICE_ID, AGENT_INSTRUMENT_OPT],
    note: `cti-protocol.md ${section}.`,
  };
}

/** NewConnectionCallID / NewConnectionDeviceIDType (+ NumParties) / LineHandle / LineType, as returned by call-creating CONFs. */
function newCallConf(id: number, name: string, section: string, withParties: boolean): MessageDef {
  const fixed: FixedFieldDef[] = [INVOKE_ID, u32('NewConnectionCallID'), u16('NewConnectionDeviceIDType')];
  if (withParties) fixed.push({ name: 'NumParties', type: 'USHORT', countOf: 'ConnectedPartyCallID' });
  fixed.push(u16('LineHandle'), u16('LineType'));
  const floating: FloatingFieldDef[] = [devId('NewConnectionDeviceID', 47, true)];
  if (withParties) floating.push(...CONNECTED_PARTIES);
  return { id, name, fixed, floating, note: `cti-protocol.md ${section}.${withParties ? ' NumParties ≤ 16.' : ''}` };
}

/** AlertRings … PostRoute + NumNamedVariables/NumNamedArrays: the tail of CONFERENCE/TRANSFER requests. */
const DIAL_TAIL: FixedFieldDef[] = [
  u16('CallPlacementType'),
  u16('CallMannerType'),
  u16('AlertRings'),
  u16('CallOption'),
  u16('FacilityType'),
  u16('AnsweringMachine'),
  bool('Priority'),
  bool('PostRoute'),
  ...ECC_COUNTS,
];

/** UUI, CallVariable1..10, CallWrapupData, ECC, FacilityCode / AuthorizationCode / AccountCode. */
const CALL_CONTEXT_TAIL: FloatingFieldDef[] = [
  UUI,
  ...callVariables(),
  CALL_WRAPUP_DATA,
  NAMED_VARIABLE,
  NAMED_ARRAY,
  ...CALL_CODES,
];

/** Floating skill-group lists with SKILL_GROUP_* tags 62–65. */
function skillGroupList(
  members: Array<['Number' | 'ID' | 'Priority' | 'State', FloatingFieldDef['type']]>,
): FloatingFieldDef[] {
  const tags = { Number: 62, ID: 63, Priority: 64, State: 65 } as const;
  const max = { Number: 4, ID: 4, Priority: 2, State: 2 } as const;
  return members.map(([m, type]) => ({
    name: `SkillGroup${m}`,
    tag: tags[m],
    type,
    max: max[m],
    repeats: true,
    group: 'skillGroups',
  }));
}

/** CallConnectionCallID / …DeviceIDType / …DeviceID (tags 56–58), head of the snapshot per-call/per-device groups. */
function callConnectionGroup(group: string): FloatingFieldDef[] {
  return [
    { name: 'CallConnectionCallID', tag: 56, type: 'UINT', max: 4, repeats: true, group },
    { name: 'CallConnectionDeviceIDType', tag: 57, type: 'USHORT', max: 2, repeats: true, group },
    { name: 'CallConnectionDeviceID', tag: 58, type: 'STRING', max: 64, repeats: true, group },
  ];
}

export const CLIENT_CONTROL_MESSAGES: MessageDef[] = [
  {
    id: 35,
    name: 'CONTROL_FAILURE_CONF',
    fixed: [INVOKE_ID, u16('FailureCode'), u32('PeripheralErrorCode')],
    floating: [],
    note: 'cti-protocol.md §5.1. Sent instead of the CONF when a control request fails.',
  },
  {
    id: 36,
    name: 'QUERY_AGENT_STATE_REQ',
    fixed: [INVOKE_ID, PERIPHERAL_ID, { name: 'MRDID', type: 'INT' }, { name: 'ICMAgentID', type: 'INT' }],
    // MRDID plus at least one of ICMAgentID / AgentExtension / AgentID / AgentInstrument: each one is optional.
    floating: [str('AgentExtension', 4, 16), agentId(), AGENT_INSTRUMENT_OPT],
    note: 'cti-protocol.md §5.2 (layout given in words). At least one agent identifier must be supplied.',
  },
  {
    id: 37,
    name: 'QUERY_AGENT_STATE_CONF',
    fixed: [
      INVOKE_ID,
      u16('AgentState'),
      { name: 'NumSkillGroups', type: 'USHORT', countOf: 'SkillGroupNumber' },
      { name: 'MRDID', type: 'INT' },
      u32('NumTasks'),
      u16('AgentMode'),
      u32('MaxTaskLimit'),
      { name: 'ICMAgentID', type: 'INT' },
      u32('AgentAvailabilityStatus'),
      { name: 'DepartmentID', type: 'INT', since: 19 },
    ],
    floating: [
      agentId(),
      str('AgentExtension', 4, 16),
      AGENT_INSTRUMENT_OPT,
      ...skillGroupList([
        ['Number', 'UINT'],
        ['ID', 'UINT'],
        ['Priority', 'USHORT'],
        ['State', 'USHORT'],
      ]),
      { ...ushort('InternalAgentState', 255), since: 19 },
      { ...uint('MaxBeyondTaskLimit', 266), since: 22 },
    ],
    note: 'cti-protocol.md §5.2. DepartmentID + InternalAgentState PV19, MaxBeyondTaskLimit PV22. NumSkillGroups ≤ 20.',
  },
  {
    id: 38,
    name: 'SET_AGENT_STATE_REQ',
    // 21-byte fixed body (UCHAR ForcedFlag, no padding) as documented.
    fixed: [
      INVOKE_ID,
      PERIPHERAL_ID,
      u16('AgentState'),
      u16('AgentWorkMode'),
      { name: 'NumSkillGroups', type: 'USHORT', countOf: 'SkillGroupNumber' },
      u16('EventReasonCode'),
      { name: 'ForcedFlag', type: 'UCHAR' },
      u32('AgentServiceReq'),
    ],
    floating: [
      devId('AgentInstrument', 6, true),
      // Unsure: ActiveTerminal "(not marked)" → optional; tag 303 (FLT_TERM_DEVICE_NAME), 50 accepted on decode;
      // since 20, as tag 303 does not fit the one-byte tags of earlier versions.
      { name: 'ActiveTerminal', tag: 303, type: 'STRING', max: 64, altTags: [50], since: 20 },
      agentId(),
      str('AgentPassword', 49, 64),
      str('PositionID', 68, 12),
      str('SupervisorID', 69, 12),
      // Unsure: SSOEnabled type/size not given; chose USHORT 2. SSO_ENABLED_TAG added PV20 → since 20.
      { ...ushort('SSOEnabled', 257), since: 20 },
      ...skillGroupList([
        ['Number', 'INT'],
        ['Priority', 'USHORT'],
      ]),
    ],
    note:
      'cti-protocol.md §5.3. ≤10 SkillGroupNumber/Priority pairs. AgentID/AgentPassword needed for LOGIN/LOGOUT. ' +
      'Unsure: SSOEnabled type (chose USHORT 2, since PV20).',
  },
  invokeOnlyConf(39, 'SET_AGENT_STATE_CONF', '§5.3 (confirms receipt only; AGENT_STATE_EVENT reports the change)'),
  {
    id: 40,
    name: 'ALTERNATE_CALL_REQ',
    fixed: [
      INVOKE_ID,
      PERIPHERAL_ID,
      u32('ActiveConnectionCallID'),
      u32('OtherConnectionCallID'),
      u16('ActiveConnectionDeviceIDType'),
      u16('OtherConnectionDeviceIDType'),
    ],
    floating: [
      devId('ActiveConnectionDeviceID', 50, true),
      devId('OtherConnectionDeviceID', 52, true),
      AGENT_INSTRUMENT_OPT,
    ],
    note: 'cti-protocol.md §5.4 (layout given in words).',
  },
  invokeOnlyConf(41, 'ALTERNATE_CALL_CONF', '§5.4'),
  simpleCallReq(42, 'ANSWER_CALL_REQ', '§5.5 (layout given in words; ConnectionCallID 0xFFFFFFFF if not supplied)'),
  invokeOnlyConf(43, 'ANSWER_CALL_CONF', '§5.5'),
  simpleCallReq(44, 'CLEAR_CALL_REQ', '§5.6 (layout given in words)'),
  invokeOnlyConf(45, 'CLEAR_CALL_CONF', '§5.6'),
  {
    id: 46,
    name: 'CLEAR_CONNECTION_REQ',
    fixed: [
      INVOKE_ID,
      PERIPHERAL_ID,
      ...REQ_CONNECTION,
      // Unsure: labelled "optional" yet in the fixed part (PV14+); chose fixed, defaulting to DEVID_NONE (0xFFFF).
      { name: 'RequestingDeviceIDType', type: 'USHORT', default: 0xffff },
    ],
    floating: [CONNECTION_DEVICE_ID, AGENT_INSTRUMENT_OPT, devId('RequestingDeviceID', 219)],
    note:
      'cti-protocol.md §5.7 (layout given in words). Unsure: RequestingDeviceIDType is "optional" but fixed; ' +
      'pre-PV14 servers send a 14-byte body and the tag table also has REQUESTING_DEVICE_ID_TYPE_TAG 220 (not modelled).',
  },
  invokeOnlyConf(47, 'CLEAR_CONNECTION_CONF', '§5.7'),
  {
    id: 48,
    name: 'CONFERENCE_CALL_REQ',
    fixed: [
      INVOKE_ID,
      PERIPHERAL_ID,
      u32('HeldConnectionCallID'),
      u32('ActiveConnectionCallID'),
      u16('HeldConnectionDeviceIDType'),
      u16('ActiveConnectionDeviceIDType'),
      ...DIAL_TAIL,
    ],
    floating: [
      devId('ActiveConnectionDeviceID', 50, true),
      // Either HeldConnectionDeviceID or DialedNumber (single-step conference) is needed: both optional here.
      devId('HeldConnectionDeviceID', 53),
      AGENT_INSTRUMENT_OPT,
      DIALED_NUMBER,
      ...CALL_CONTEXT_TAIL,
    ],
    note: 'cti-protocol.md §5.8. HeldConnectionDeviceID or DialedNumber required (checked by the server, not the codec).',
  },
  newCallConf(49, 'CONFERENCE_CALL_CONF', '§5.8 (layout given in words)', true),
  {
    id: 50,
    name: 'CONSULTATION_CALL_REQ',
    fixed: [
      INVOKE_ID,
      PERIPHERAL_ID,
      u32('ActiveConnectionCallID'),
      u16('ActiveConnectionDeviceIDType'),
      u16('CallPlacementType'),
      u16('CallMannerType'),
      u16('ConsultType'),
      u16('AlertRings'),
      u16('CallOption'),
      u16('FacilityType'),
      u16('AnsweringMachine'),
      bool('Priority'),
      bool('PostRoute'),
      ...ECC_COUNTS,
    ],
    floating: [
      devId('ActiveConnectionDeviceID', 50, true),
      { ...DIALED_NUMBER, required: true },
      AGENT_INSTRUMENT_OPT,
      ...CALL_CONTEXT_TAIL,
    ],
    note: 'cti-protocol.md §5.9. The consult call inherits the active call context unless overridden.',
  },
  newCallConf(51, 'CONSULTATION_CALL_CONF', '§5.9 (layout given in words)', false),
  {
    id: 52,
    name: 'DEFLECT_CALL_REQ',
    fixed: [INVOKE_ID, PERIPHERAL_ID, ...REQ_CONNECTION, u16('CalledDeviceType')],
    floating: [CONNECTION_DEVICE_ID, devId('CalledDeviceID', 28, true), AGENT_INSTRUMENT_OPT],
    note: 'cti-protocol.md §5.10 (layout given in words).',
  },
  invokeOnlyConf(53, 'DEFLECT_CALL_CONF', '§5.10'),
  simpleCallReq(54, 'HOLD_CALL_REQ', '§5.11 (layout given in words)', [bool('Reservation')]),
  invokeOnlyConf(55, 'HOLD_CALL_CONF', '§5.11'),
  {
    id: 56,
    name: 'MAKE_CALL_REQ',
    fixed: [
      INVOKE_ID,
      PERIPHERAL_ID,
      u16('CallPlacementType'),
      u16('CallMannerType'),
      u16('AlertRings'),
      u16('CallOption'),
      u16('FacilityType'),
      u16('AnsweringMachine'),
      bool('Priority'),
      bool('PostRoute'),
      ...ECC_COUNTS,
      u32('SkillGroupNumber'),
    ],
    floating: [
      devId('AgentInstrument', 6, true),
      { ...DIALED_NUMBER, required: true },
      ...CALL_CONTEXT_TAIL,
      // Required by the server when CallPlacementType = CPT_OUTBOUND.
      str('CCT', 84, 4),
    ],
    note: 'cti-protocol.md §5.12. SkillGroupNumber (PV14): NULL_SKILL_GROUP = default.',
  },
  newCallConf(57, 'MAKE_CALL_CONF', '§5.12 (layout given in words)', false),
  {
    id: 58,
    name: 'MAKE_PREDICTIVE_CALL_REQ',
    // No PostRoute field; the guide's ULONG is a 4-byte unsigned (UINT).
    fixed: [
      INVOKE_ID,
      PERIPHERAL_ID,
      u16('CallPlacementType'),
      u16('CallMannerType'),
      u16('AlertRings'),
      u16('CallOption'),
      u16('FacilityType'),
      u16('AnsweringMachine'),
      bool('Priority'),
      u16('AllocationState'),
      u16('DestinationCountry'),
      u16('AnswerDetectMode'),
      u16('AnswerDetectTime'),
      u32('AnswerDetectControl1'),
      u32('AnswerDetectControl2'),
      ...ECC_COUNTS,
    ],
    floating: [
      devId('OriginatingDeviceID', 79, true),
      { ...DIALED_NUMBER, required: true },
      ...CALL_CONTEXT_TAIL,
      str('OriginatingLineID', 80, 40),
      str('CCT', 84, 4),
    ],
    note:
      'cti-protocol.md §5.12 (compact layout in words). Unsure: optional/required marks for the floating fields ' +
      'after DialedNumber are not given; chose optional.',
  },
  newCallConf(59, 'MAKE_PREDICTIVE_CALL_CONF', '§5.12 (same layout as MAKE_CALL_CONF)', false),
  {
    id: 60,
    name: 'RECONNECT_CALL_REQ',
    fixed: [
      INVOKE_ID,
      PERIPHERAL_ID,
      u32('ActiveConnectionCallID'),
      u32('HeldConnectionCallID'),
      u16('ActiveConnectionDeviceIDType'),
      u16('HeldConnectionDeviceIDType'),
    ],
    floating: [
      devId('ActiveConnectionDeviceID', 50, true),
      devId('HeldConnectionDeviceID', 53, true),
      AGENT_INSTRUMENT_OPT,
    ],
    note: 'cti-protocol.md §5.13 (layout given in words).',
  },
  invokeOnlyConf(61, 'RECONNECT_CALL_CONF', '§5.13'),
  {
    id: 62,
    name: 'RETRIEVE_CALL_REQ',
    fixed: [INVOKE_ID, PERIPHERAL_ID, u32('HeldConnectionCallID'), u16('HeldConnectionDeviceIDType')],
    floating: [devId('HeldConnectionDeviceID', 53, true), AGENT_INSTRUMENT_OPT],
    note: 'cti-protocol.md §5.14 (layout given in words).',
  },
  invokeOnlyConf(63, 'RETRIEVE_CALL_CONF', '§5.14'),
  {
    id: 64,
    name: 'TRANSFER_CALL_REQ',
    fixed: [
      INVOKE_ID,
      PERIPHERAL_ID,
      u32('ActiveConnectionCallID'),
      u32('HeldConnectionCallID'),
      u16('ActiveConnectionDeviceIDType'),
      u16('HeldConnectionDeviceIDType'),
      ...DIAL_TAIL,
    ],
    floating: [
      devId('ActiveConnectionDeviceID', 50, true),
      // Single-step transfer: HeldConnectionCallID 0xFFFFFFFF, no HeldConnectionDeviceID, DialedNumber instead.
      devId('HeldConnectionDeviceID', 53),
      AGENT_INSTRUMENT_OPT,
      DIALED_NUMBER,
      ...CALL_CONTEXT_TAIL,
    ],
    note: 'cti-protocol.md §5.15. HeldConnectionDeviceID or DialedNumber required (checked by the server, not the codec).',
  },
  newCallConf(65, 'TRANSFER_CALL_CONF', '§5.15 (layout given in words)', true),
  {
    id: 78,
    name: 'QUERY_DEVICE_INFO_REQ',
    fixed: [INVOKE_ID, PERIPHERAL_ID, { name: 'Reserved', type: 'USHORT', default: 0 }],
    floating: [devId('AgentInstrument', 6, true)],
    note: 'cti-protocol.md §5.16 (layout given in words).',
  },
  {
    id: 79,
    name: 'QUERY_DEVICE_INFO_CONF',
    fixed: [
      INVOKE_ID,
      u16('PeripheralType'),
      u16('TypeOfDevice'),
      u16('ClassOfDevice'),
      { name: 'NumLines', type: 'USHORT', countOf: 'LineHandle' },
      { name: 'Reserved', type: 'USHORT', default: 0 },
      u16('MaxActiveCalls'),
      u16('MaxHeldCalls'),
      u16('MaxDevicesInConference'),
      u32('MakeCallSetup'),
      u32('TransferConferenceSetup'),
      u32('CallEventsSupported'),
      u32('CallControlSupported'),
      u32('OtherFeaturesSupported'),
    ],
    floating: [
      { name: 'LineHandle', tag: 70, type: 'USHORT', max: 2, repeats: true, group: 'lines' },
      { name: 'LineType', tag: 71, type: 'USHORT', max: 2, repeats: true, group: 'lines' },
    ],
    note: 'cti-protocol.md §5.16 (layout given in words). NumLines ≤ 10.',
  },
  {
    id: 82,
    name: 'SNAPSHOT_CALL_REQ',
    fixed: [INVOKE_ID, PERIPHERAL_ID, ...REQ_CONNECTION],
    floating: [CONNECTION_DEVICE_ID],
    note: 'cti-protocol.md §5.17 (layout given in words).',
  },
  {
    id: 83,
    name: 'SNAPSHOT_CALL_CONF',
    fixed: [
      INVOKE_ID,
      u16('CallType'),
      { name: 'NumCTIClients', type: 'USHORT', countOf: 'CTIClientSignature' },
      { name: 'NumCallDevices', type: 'USHORT', countOf: 'CallConnectionCallID' },
      ...ECC_COUNTS,
      u16('CalledPartyDisposition'),
    ],
    floating: [
      ANI,
      UUI,
      DNIS,
      DIALED_NUMBER,
      CED,
      // Unsure: RouterCallKeyDay/CallID carry no req/opt mark and exist only for routed calls; chose optional.
      uint('RouterCallKeyDay', 72),
      uint('RouterCallKeyCallID', 73),
      ...callVariables(),
      CALL_WRAPUP_DATA,
      NAMED_VARIABLE,
      NAMED_ARRAY,
      ...CTI_CLIENTS,
      ...callConnectionGroup('callDevices'),
      { name: 'CallDeviceType', tag: 59, type: 'USHORT', max: 2, repeats: true, group: 'callDevices' },
      { name: 'CallDeviceID', tag: 60, type: 'STRING', max: 64, repeats: true, group: 'callDevices' },
      { name: 'CallDeviceConnectionState', tag: 61, type: 'USHORT', max: 2, repeats: true, group: 'callDevices' },
      CALL_REFERENCE_ID,
      uint('COCConnectionCallID', 229),
      ushort('COCCallConnectionDeviceIDType', 230),
      devId('COCCallConnectionDeviceID', 231),
      // Unsure: version not given; chose since 23 (tag 294 sits among the PV23 recording tags).
      { ...str('ProtocolReferenceGUID', 294, 40), since: 23 },
      { ...str('CcaiConfigId', 311, 40), since: 24 },
      { ...ushort('NumOfEnabledServices', 310), since: 24 },
      // Unsure: "USHORT × N" — chose a repeating USHORT field (see AGENT_PRE_CALL_EVENT).
      { name: 'FltEnabledServices', tag: 309, type: 'USHORT', max: 2, repeats: true, since: 24 },
    ],
    note:
      'cti-protocol.md §5.17. NumCallDevices ≤ 16 per-device sextuples. No RouterCallKeySequenceNumber and no ' +
      'ConnectionDeviceID echo in the PV25 table. PV24 fields: CcaiConfigId, NumOfEnabledServices, FltEnabledServices.',
  },
  {
    id: 84,
    name: 'SNAPSHOT_DEVICE_REQ',
    fixed: [INVOKE_ID, PERIPHERAL_ID, u16('SnapshotDeviceType')],
    floating: [devId('AgentInstrument', 6, true)],
    note: 'cti-protocol.md §5.17 (layout given in words).',
  },
  {
    id: 85,
    name: 'SNAPSHOT_DEVICE_CONF',
    fixed: [INVOKE_ID, { name: 'NumCalls', type: 'USHORT', countOf: 'CallConnectionCallID' }],
    floating: [
      ...callConnectionGroup('calls'),
      { name: 'CallState', tag: 75, type: 'USHORT', max: 2, repeats: true, group: 'calls' },
      { name: 'SilentMonitorStatus', tag: 218, type: 'USHORT', max: 2, repeats: true, group: 'calls' },
    ],
    note: 'cti-protocol.md §5.17 (layout given in words). NumCalls ≤ 16.',
  },
  {
    id: 91,
    name: 'SEND_DTMF_SIGNAL_REQ',
    fixed: [INVOKE_ID, PERIPHERAL_ID, ...REQ_CONNECTION, u16('ToneDuration'), u32('PauseDuration')],
    floating: [CONNECTION_DEVICE_ID, str('DTMFString', 67, 32, true), AGENT_INSTRUMENT_OPT],
    note: 'cti-protocol.md §5.17 (layout given in words). ToneDuration/PauseDuration in ms.',
  },
  invokeOnlyConf(92, 'SEND_DTMF_SIGNAL_CONF', '§5.17'),
];
