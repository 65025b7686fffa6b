/**
 * Configuration acquisition (cti-protocol-supervisor-config.md §22): CONFIG_REQUEST_KEY_EVENT … CONFIG_END_EVENT
 * (230–234), the configuration data events (235–238, 245, 254, 260, 261), CONFIG_TERMINAL_EVENT (276, which the
 * PV24 message-types table lacks) and CONFIG_AGENT_SERVICE_EVENT (282).
 *
 * The data events carry up to 10 records back to back in the floating part, each starting with RecordType. The
 * codec describes a record as a repeating group (the guide's record fields, interleaved by index as records are
 * on the wire): decoded, each record field is an array with one entry per record, `numRecords` counting
 * `recordType`. configRecords() (lib/protocol/config-records.ts) turns that into one object per record.
 * Unsure: the guide marks nothing optional yet no record carries every field; the arrays line up exactly when
 * every record of a message carries the same fields (what the simulator sends). Fields a record may leave out
 * (Old… on a change only, ActiveTerminal) are the group's last members so a record without them still decodes
 * in order. Per-record lists (an agent's skill groups, a service's members, a terminal's instruments) are
 * repeated fields after the records (Unsure: one field per value, as UCCX documents and a public UCCE driver
 * decodes, not one field holding N packed values); the record's count field (NumSkills …) says how many belong
 * to each record, so the simulator sends such records one per message.
 */
import type { FixedFieldDef, FloatingFieldDef, MessageDef, WireType } from '../types';

/** A field of a configuration record (a member of the repeating group 'records'; at most 10 records). */
function rec(
  name: string,
  tag: number,
  type: WireType,
  max: number,
  extra: Partial<FloatingFieldDef> = {},
): FloatingFieldDef {
  return { name, tag, type, max, repeats: true, group: 'records', maxCount: 10, ...extra };
}
const u32 = (name: string, tag: number, extra?: Partial<FloatingFieldDef>): FloatingFieldDef =>
  rec(name, tag, 'UINT', 4, extra);
const u16 = (name: string, tag: number, extra?: Partial<FloatingFieldDef>): FloatingFieldDef =>
  rec(name, tag, 'USHORT', 2, extra);
const text = (name: string, tag: number, max: number, extra?: Partial<FloatingFieldDef>): FloatingFieldDef =>
  rec(name, tag, 'STRING', max, extra);

/** A per-record list (outside the record group): `group` pairs values with their partner (member + priority). */
function list(
  name: string,
  tag: number,
  type: WireType,
  max: number,
  maxCount: number,
  group?: string,
): FloatingFieldDef {
  const f: FloatingFieldDef = { name, tag, type, max, repeats: true, maxCount };
  if (group !== undefined) f.group = group;
  return f;
}

const RECORD_TYPE = u16('RecordType', 183);
const FLT_PERIPHERAL_ID = u32('FltPeripheralID', 208);
const PERIPHERAL_NUMBER = u32('PeripheralNumber', 184);
const OLD_PERIPHERAL_NUMBER = u32('OldPeripheralNumber', 213);
const EXTENSION = text('Extension', 173, 16);
const PERIPHERAL_NAME = text('PeripheralName', 133, 64);
const DESCRIPTION = text('Description', 134, 128);
const CONFIG_PARAM = text('ConfigParam', 176, 255);
// MR_DOMAIN_ID_TAG and the MRD fields came with v20 (§22.13).
const FLT_MR_DOMAIN_ID = u32('FltMRDomainID', 216, { since: 20, key: 'fltMrDomainId' });

/** NumRecords (USHORT, 1–10): the fixed part of every data event; the encoder fills it from the records. */
const NUM_RECORDS: FixedFieldDef = { name: 'NumRecords', type: 'USHORT', countOf: 'RecordType' };

/** The configuration keys (UNSPEC 8, opaque) of CONFIG_KEY_EVENT and CONFIG_BEGIN_EVENT. */
const CONFIG_KEYS: FloatingFieldDef[] = [
  { name: 'ServiceConfigKey', tag: 177, type: 'UNSPEC', max: 8 },
  { name: 'SkillGroupConfigKey', tag: 178, type: 'UNSPEC', max: 8 },
  { name: 'AgentConfigKey', tag: 179, type: 'UNSPEC', max: 8 },
  { name: 'DeviceConfigKey', tag: 180, type: 'UNSPEC', max: 8 },
  { name: 'CallTypeConfigKey', tag: 209, type: 'UNSPEC', max: 8 },
  { name: 'PeripheralConfigKey', tag: 269, type: 'UNSPEC', max: 8, since: 22 },
  { name: 'AgentDeskSettingsConfigKey', tag: 270, type: 'UNSPEC', max: 8, since: 22 },
];

const CUSTOMER_ID: FloatingFieldDef = { name: 'CustomerID', tag: 131, type: 'UINT', max: 4 };

const SECTION = 'cti-protocol-supervisor-config.md §22';

export const CONFIG_MESSAGES: MessageDef[] = [
  {
    id: 230,
    name: 'CONFIG_REQUEST_KEY_EVENT',
    fixed: [{ name: 'PeripheralID', type: 'UINT' }],
    floating: [CUSTOMER_ID],
    note: `${SECTION}.1: client → server; CustomerID "not used in UCCE"`,
  },
  {
    id: 231,
    name: 'CONFIG_KEY_EVENT',
    fixed: [{ name: 'ConfigKeyStatus', type: 'UINT' }],
    floating: CONFIG_KEYS,
    note: `${SECTION}.2`,
  },
  {
    id: 232,
    name: 'CONFIG_REQUEST_EVENT',
    // Unsure (§22.3): the guide prints 12 bytes (ConfigInformation, ConfigMsgMask, PeripheralID); UCCX and a
    // public proxy of PV15 traffic read 8 (ConfigInformation, PeripheralID). The table follows the guide (one
    // layout per message); the 8-byte form is not read.
    fixed: [
      { name: 'ConfigInformation', type: 'UINT' },
      { name: 'ConfigMsgMask', type: 'UINT' },
      { name: 'PeripheralID', type: 'UINT' },
    ],
    floating: [CUSTOMER_ID],
    note: `${SECTION}.3: ConfigInformation 0 = no snapshot, only enable updates`,
  },
  {
    id: 233,
    name: 'CONFIG_BEGIN_EVENT',
    // ConfigType: 1 solicited (snapshot), 2 unsolicited (update). The UINT at offset 2 is unaligned, as printed.
    fixed: [
      { name: 'ConfigType', type: 'USHORT' },
      { name: 'ConfigInformation', type: 'UINT' },
    ],
    floating: CONFIG_KEYS,
    note: `${SECTION}.4`,
  },
  {
    id: 234,
    name: 'CONFIG_END_EVENT',
    fixed: [{ name: 'ConfigEndStatus', type: 'UINT' }],
    floating: [{ name: 'Text', tag: 7, type: 'STRING', max: 255 }],
    note: `${SECTION}.5: CONFIGEND_PARTIAL (5) on every END of an upload but the last`,
  },
  {
    id: 235,
    name: 'CONFIG_SERVICE_EVENT',
    fixed: [NUM_RECORDS],
    floating: [
      RECORD_TYPE,
      FLT_PERIPHERAL_ID,
      PERIPHERAL_NUMBER,
      u32('MaxQueued', 129),
      EXTENSION,
      u32('ServiceSkillTargetID', 132),
      PERIPHERAL_NAME,
      DESCRIPTION,
      u32('ServiceLevelThreshold', 174),
      u32('ServiceLevelType', 175),
      CONFIG_PARAM,
      FLT_MR_DOMAIN_ID,
      u16('NumServiceMembers', 186),
      OLD_PERIPHERAL_NUMBER,
      list('ServiceMember', 187, 'UINT', 4, 100, 'serviceMembers'),
      list('ServicePriority', 188, 'USHORT', 2, 100, 'serviceMembers'),
    ],
    note: `${SECTION}.6: key = PeripheralNumber (the service number)`,
  },
  {
    id: 236,
    name: 'CONFIG_SKILL_GROUP_EVENT',
    fixed: [NUM_RECORDS],
    floating: [
      RECORD_TYPE,
      FLT_PERIPHERAL_ID,
      PERIPHERAL_NUMBER,
      // Unsure (§22.7): the tag table gives FltSkillGroupPriority no tag; 64 as UCCX uses. Always 0 on UCCE.
      u16('FltSkillGroupPriority', 64),
      u32('SkillGroupSkillTargetID', 192),
      // Unsure (§22.7): AutoWork has no tag in the tag table; 185 as UCCX uses.
      rec('AutoWork', 185, 'BOOL', 2),
      EXTENSION,
      PERIPHERAL_NAME,
      DESCRIPTION,
      FLT_MR_DOMAIN_ID,
      u32('FltPrecisionQueueID', 264, { since: 22 }),
      text('FltPrecisionQueueName', 265, 32, { since: 22 }),
      CONFIG_PARAM,
      OLD_PERIPHERAL_NUMBER,
      // The tag table lists these two under this message; no field list has them: decoded, never sent.
      list('ServiceMemberID', 135, 'UINT', 4, 100),
      list('ServiceMemberPriority', 136, 'USHORT', 2, 100),
    ],
    note: `${SECTION}.7: key = PeripheralNumber (= SkillGroupNumber); PeripheralName is the skill group's name`,
  },
  {
    id: 237,
    name: 'CONFIG_AGENT_EVENT',
    fixed: [NUM_RECORDS],
    floating: [
      RECORD_TYPE,
      FLT_PERIPHERAL_ID,
      // Unsure (§22.8): CONFIG_AGENT / CONFIG_SUPERVISOR have no printed numbers; 0 / 1 as a public UCCE driver.
      u16('AgentType', 189),
      u32('AgentDeskSettingsID', 267, { since: 22 }),
      text('LoginID', 190, 64),
      // LoginName grew to 255 bytes in v20 (truncated to 32 for older clients).
      text('LoginName', 207, 32, { until: 19 }),
      text('LoginName', 207, 255, { since: 20 }),
      text('LastName', 138, 32),
      text('FirstName', 137, 32),
      EXTENSION,
      DESCRIPTION,
      // The tag table also lists this name at 185; UCCX uses 141.
      u32('AgentSkillTargetID', 141, { altTags: [185] }),
      u16('NumSkills', 191),
      u16('SSOEnabled', 257, { since: 20 }),
      u16('NumMRDs', 261, { since: 21, key: 'numMrds' }),
      // Left out by most records: last, so a record without them decodes in order.
      text('ActiveTerminal', 303, 64, { since: 20 }),
      // Unsure (§22.8): tag 214 is printed "CUR_LOGIN_ID"; OldLoginID as UCCX and a public UCCE driver use it.
      text('OldLoginID', 214, 64),
      // Unsure (§22.8): no tag printed for the skill list; 62 / 64 as UCCX (SKILL_GROUP_NUMBER / _PRIORITY).
      list('FltSkillGroupNumber', 62, 'INT', 4, 100, 'skills'),
      list('FltSkillGroupPriority', 64, 'USHORT', 2, 100, 'skills'),
      { ...list('FltAgentMRDID', 262, 'UINT', 4, 40, 'mrds'), since: 21, key: 'fltAgentMrdIds' },
      { ...list('FltAgentMRDState', 263, 'USHORT', 2, 40, 'mrds'), since: 21, key: 'fltAgentMrdStates' },
    ],
    note: `${SECTION}.8: key = LoginID (the AgentID of agent events); MRD data only in the snapshot`,
  },
  {
    id: 238,
    name: 'CONFIG_DEVICE_EVENT',
    fixed: [NUM_RECORDS],
    floating: [
      RECORD_TYPE,
      FLT_PERIPHERAL_ID,
      PERIPHERAL_NUMBER,
      // 0 unknown, 1 service, 2 skill group, 3 agent ID, 4 agent device extension, 5 route point, 6 CTI port, 7 CCG.
      u16('DeviceType', 195),
      u32('MaxQueued', 129),
      u32('FltServiceID', 193),
      text('DialedNumber', 11, 40),
      text('DNIS', 10, 32),
      EXTENSION,
      DESCRIPTION,
    ],
    note: `${SECTION}.9`,
  },
  {
    id: 245,
    name: 'CONFIG_CALL_TYPE_EVENT',
    fixed: [NUM_RECORDS],
    floating: [
      RECORD_TYPE,
      u32('FltCallTypeID', 210),
      u32('CustomerDefinitionID', 211),
      text('EnterpriseName', 212, 32),
      DESCRIPTION,
      u32('ServiceLevelThreshold', 174),
      u32('ServiceLevelType', 175),
      // The tag table lists OLD_PERIPHERAL_NUMBER_TAG here too (no field list has it).
      OLD_PERIPHERAL_NUMBER,
    ],
    note: `${SECTION}.10: key = CallTypeID; EnterpriseName is the call type's name`,
  },
  {
    id: 254,
    name: 'CONFIG_MRD_EVENT',
    since: 20,
    fixed: [NUM_RECORDS],
    floating: [
      RECORD_TYPE,
      u32('FltMRDomainID', 216, { key: 'fltMrDomainId' }),
      text('FltEnterpriseName', 212, 32),
      text('FltDescription', 134, 128),
      u32('FltMaxTaskDuration', 250),
      rec('FltInterruptible', 251, 'BOOL', 2),
    ],
    note: `${SECTION}.11 (v20): the guide's own table says type 245, a copy error; the type table says 254`,
  },
  {
    id: 260,
    name: 'CONFIG_PERIPHERAL_EVENT',
    since: 22,
    fixed: [NUM_RECORDS],
    floating: [RECORD_TYPE, u32('ConfigPeripheralID', 271), u32('DefaultAgentDeskSettingsID', 272)],
    note: `${SECTION}.11 (v22)`,
  },
  {
    id: 261,
    name: 'CONFIG_AGENT_DESK_SETTINGS_EVENT',
    since: 22,
    fixed: [NUM_RECORDS],
    floating: [
      RECORD_TYPE,
      u32('AgentDeskSettingsID', 267),
      u32('FltDeskSettingsMask', 273),
      u32('FltWrapUpDataIncomingMode', 274),
      u32('FltWrapUpDataOutgoingMode', 275),
      u32('FltLogoutNonActivityTime', 276),
      u32('FltQualityRecordingRate', 277),
      u32('FltRingNoAnswerTime', 278),
      u32('FltSilentMonitorWarningMessage', 279),
      u32('FltSilentMonitorAudibleIndication', 280),
      u32('FltSupervisorAssistCallMethod', 281),
      u32('FltEmergencyCallMethod', 282),
      u32('FltAutoRecordOnEmergency', 283),
      u32('FltRecordingMode', 284),
      u32('FltWorkModeTimer', 285),
      u32('FltRingNoAnswerDnID', 286),
      // Unsure (§22.11): printed "String, 4"; decoded up to 64 bytes (a port address rarely fits in 3 characters).
      text('FltDefaultDevicePortAddress', 287, 64),
      u32('PlayZipTone', 307),
      u32('ACDSharedLineUsage', 306),
    ],
    note: `${SECTION}.11 (v22)`,
  },
  {
    id: 276,
    name: 'CONFIG_TERMINAL_EVENT',
    // Unsure (§22.13): no version names it; its tags (302–305) need the 2-byte tags of v20, so v20+.
    since: 20,
    fixed: [NUM_RECORDS],
    floating: [
      RECORD_TYPE,
      u16('TerminalType', 302),
      text('TerminalDeviceName', 303, 64),
      text('TerminalTypeName', 304, 100),
      u16('NumInstruments', 305),
      list('Instrument', 6, 'STRING', 64, 10),
    ],
    note: `${SECTION}.11: missing from the PV24 type table; PV25 ALI gives 276. RecordType 1 (change) is not used`,
  },
  {
    id: 282,
    name: 'CONFIG_AGENT_SERVICE_EVENT',
    since: 24,
    fixed: [NUM_RECORDS],
    floating: [
      // Unsure (§22.11): AgentSkillTargetID's tag (141 or 185); 141 sent, both read.
      u32('AgentSkillTargetID', 141, { altTags: [185] }),
      u16('NumOfEnabledServices', 310),
      // Listed last in the guide's table.
      RECORD_TYPE,
      list('FltEnabledServices', 309, 'USHORT', 2, 100),
    ],
    note: `${SECTION}.11 (v24)`,
  },
];
