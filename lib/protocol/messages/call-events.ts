/**
 * Client Events service call events (cti-protocol.md Part 2 §1) and CALL_TRANSLATION_ROUTE_EVENT (§3.1).
 * Layouts are the PV25 guide's; fields added later than PV15 carry `since`.
 */
import type { FixedFieldDef, FloatingFieldDef, MessageDef } from '../types';
import {
  ANI,
  CALL_REFERENCE_ID,
  CALL_WRAPUP_DATA,
  CED,
  CONNECTED_PARTIES,
  CONNECTION_DEVICE_ID,
  CTI_CLIENTS,
  DIALED_NUMBER,
  DNIS,
  ECC_COUNTS,
  EVENT_CONNECTION,
  EVENT_HEAD,
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

/** MonitorID, PeripheralID, PeripheralType, ConnectionDeviceIDType, ConnectionCallID. */
const CALL_HEAD: FixedFieldDef[] = [...EVENT_HEAD, ...EVENT_CONNECTION];

const LINE: FixedFieldDef[] = [
  { name: 'LineHandle', type: 'USHORT' },
  { name: 'LineType', type: 'USHORT' },
];

const SERVICE: FixedFieldDef[] = [
  { name: 'ServiceNumber', type: 'UINT' },
  { name: 'ServiceID', type: 'UINT' },
];

const SKILL_GROUP: FixedFieldDef[] = [
  { name: 'SkillGroupNumber', type: 'UINT' },
  { name: 'SkillGroupID', type: 'UINT' },
  { name: 'SkillGroupPriority', type: 'USHORT' },
];

const STATE_CAUSE: FixedFieldDef[] = [
  { name: 'LocalConnectionState', type: 'USHORT' },
  { name: 'EventCause', type: 'USHORT' },
];

const u16 = (name: string): FixedFieldDef => ({ name, type: 'USHORT' });

const TRUNK: FloatingFieldDef[] = [uint('TrunkNumber', 121), uint('TrunkGroupNumber', 122)];

/** Floating skill-group triples of CALL_QUEUED / CALL_DEQUEUED (tags 62–64). */
function queueSkillGroups(numberType: 'INT' | 'UINT'): FloatingFieldDef[] {
  return [
    { name: 'SkillGroupNumber', tag: 62, type: numberType, max: 4, repeats: true, group: 'skillGroups' },
    { name: 'SkillGroupID', tag: 63, type: 'UINT', max: 4, repeats: true, group: 'skillGroups' },
    { name: 'SkillGroupPriority', tag: 64, type: 'USHORT', max: 2, repeats: true, group: 'skillGroups' },
  ];
}

function heldOrRetrieved(id: number, name: string, device: 'Holding' | 'Retrieving', tag: number): MessageDef {
  return {
    id,
    name,
    fixed: [...CALL_HEAD, u16(`${device}DeviceType`), ...STATE_CAUSE],
    floating: [CONNECTION_DEVICE_ID, devId(`${device}DeviceID`, tag)],
    note: 'cti-protocol.md §1.7 (PV25 ALI).',
  };
}

function conferencedOrTransferred(
  id: number,
  name: string,
  first: [string, number],
  second: [string, number],
): MessageDef {
  return {
    id,
    name,
    fixed: [
      ...EVENT_HEAD,
      u16('PrimaryDeviceIDType'),
      { name: 'PrimaryCallID', type: 'UINT' },
      ...LINE,
      ...SKILL_GROUP,
      { name: 'NumParties', type: 'USHORT', countOf: 'ConnectedPartyCallID' },
      u16('SecondaryDeviceIDType'),
      { name: 'SecondaryCallID', type: 'UINT' },
      u16(`${first[0]}DeviceType`),
      u16(`${second[0]}DeviceType`),
      ...STATE_CAUSE,
    ],
    floating: [
      devId('PrimaryDeviceID', 35, true),
      devId('SecondaryDeviceID', 36, true),
      devId(`${first[0]}DeviceID`, first[1]),
      devId(`${second[0]}DeviceID`, second[1]),
      ...CONNECTED_PARTIES,
    ],
    note: 'cti-protocol.md §1.12 (PV25 ALI). NumParties ≤ 16.',
  };
}

export const CALL_EVENT_MESSAGES: MessageDef[] = [
  {
    id: 23,
    name: 'BEGIN_CALL_EVENT',
    fixed: [
      ...EVENT_HEAD,
      { name: 'NumCTIClients', type: 'USHORT', countOf: 'CTIClientSignature' },
      ...ECC_COUNTS,
      u16('CallType'),
      ...EVENT_CONNECTION,
      u16('CalledPartyDisposition'),
    ],
    floating: [
      CONNECTION_DEVICE_ID,
      ANI,
      UUI,
      DNIS,
      DIALED_NUMBER,
      CED,
      // Unsure: RouterCallKey* are "(not marked)" but only sent for post-/translation-routed calls; chose optional.
      ...routerCallKey(false),
      ...callVariables(),
      CALL_WRAPUP_DATA,
      NAMED_VARIABLE,
      NAMED_ARRAY,
      ...CTI_CLIENTS,
      CALL_REFERENCE_ID,
    ],
    note: 'cti-protocol.md §1.1 (PV25 ALI). RouterCallKey* treated as optional (only for routed calls).',
  },
  {
    id: 24,
    name: 'END_CALL_EVENT',
    fixed: [...CALL_HEAD],
    floating: [CONNECTION_DEVICE_ID],
    note: 'cti-protocol.md §1.2.',
  },
  {
    id: 248,
    name: 'CALL_AGENT_GREETING_EVENT',
    since: 15,
    // No PeripheralType field in this event.
    fixed: [
      { name: 'MonitorID', type: 'UINT' },
      { name: 'PeripheralID', type: 'UINT' },
      ...EVENT_CONNECTION,
      u16('EventCode'),
      { name: 'PeripheralErrorCode', type: 'UINT' },
    ],
    floating: [
      CONNECTION_DEVICE_ID,
      agentId(true),
      // Unsure: GreetingType's tag is not in the reference (tags 235–242 missing); chose 235 (first PV15 tag).
      // Required as the guide says; the lenient decoder still accepts an event without it.
      str('GreetingType', 235, 32, true),
    ],
    note: 'cti-protocol.md §1.3 (added PV15). GreetingType tag 235 is a guess.',
  },
  {
    id: 25,
    name: 'CALL_DATA_UPDATE_EVENT',
    fixed: [
      ...EVENT_HEAD,
      { name: 'NumCTIClients', type: 'USHORT', countOf: 'CTIClientSignature' },
      ...ECC_COUNTS,
      u16('CallType'),
      ...EVENT_CONNECTION,
      u16('NewConnectionDeviceIDType'),
      { name: 'NewConnectionCallID', type: 'UINT' },
      u16('CalledPartyDisposition'),
      { name: 'CampaignID', type: 'UINT' },
      { name: 'QueryRuleID', type: 'UINT' },
    ],
    floating: [
      CONNECTION_DEVICE_ID,
      devId('NewConnectionDeviceID', 47, true),
      ANI,
      UUI,
      DNIS,
      DIALED_NUMBER,
      CED,
      // Unsure: RouterCallKeySequenceNumber is "(not marked)" while Day/CallID are optional; chose optional.
      ...routerCallKey(false),
      ...callVariables(),
      CALL_WRAPUP_DATA,
      NAMED_VARIABLE,
      NAMED_ARRAY,
      str('CustomerPhoneNumber', 95, 20),
      str('CustomerAccountNumber', 96, 32),
      ...CTI_CLIENTS,
      CALL_REFERENCE_ID,
    ],
    note: 'cti-protocol.md §1.4. From PV22 always carries the full ECC set (replace, do not merge).',
  },
  {
    id: 9,
    name: 'CALL_DELIVERED_EVENT',
    fixed: [
      ...CALL_HEAD,
      ...LINE,
      ...SERVICE,
      ...SKILL_GROUP,
      u16('AlertingDeviceType'),
      u16('CallingDeviceType'),
      u16('CalledDeviceType'),
      u16('LastRedirectDeviceType'),
      ...STATE_CAUSE,
      ...ECC_COUNTS,
    ],
    floating: [
      CONNECTION_DEVICE_ID,
      devId('AlertingDeviceID', 26),
      devId('CallingDeviceID', 27),
      devId('CalledDeviceID', 28),
      devId('LastRedirectDeviceID', 29),
      ...TRUNK,
      // Unsure: "(not marked)" but only sent by UCCX for a CTI-port consult; chose optional.
      uint('SecondaryConnectionCallID', 202),
      ANI,
      str('ANI_II', 215, 2),
      UUI,
      DNIS,
      DIALED_NUMBER,
      CED,
      ...callVariables(),
      CALL_WRAPUP_DATA,
      NAMED_VARIABLE,
      NAMED_ARRAY,
    ],
    note: 'cti-protocol.md §1.5.',
  },
  {
    id: 10,
    name: 'CALL_ESTABLISHED_EVENT',
    fixed: [
      ...CALL_HEAD,
      ...LINE,
      ...SERVICE,
      ...SKILL_GROUP,
      u16('AnsweringDeviceType'),
      u16('CallingDeviceType'),
      u16('CalledDeviceType'),
      u16('LastRedirectDeviceType'),
      ...STATE_CAUSE,
    ],
    floating: [
      CONNECTION_DEVICE_ID,
      devId('AnsweringDeviceID', 30),
      devId('CallingDeviceID', 27),
      devId('CalledDeviceID', 28),
      devId('LastRedirectDeviceID', 29),
      ...TRUNK,
    ],
    note: 'cti-protocol.md §1.6.',
  },
  heldOrRetrieved(11, 'CALL_HELD_EVENT', 'Holding', 31),
  heldOrRetrieved(12, 'CALL_RETRIEVED_EVENT', 'Retrieving', 32),
  {
    id: 13,
    name: 'CALL_CLEARED_EVENT',
    fixed: [...CALL_HEAD, ...STATE_CAUSE],
    floating: [CONNECTION_DEVICE_ID],
    note: 'cti-protocol.md §1.8.',
  },
  {
    id: 14,
    name: 'CALL_CONNECTION_CLEARED_EVENT',
    fixed: [...CALL_HEAD, u16('ReleasingDeviceType'), ...STATE_CAUSE],
    floating: [CONNECTION_DEVICE_ID, devId('ReleasingDeviceID', 33)],
    note: 'cti-protocol.md §1.9.',
  },
  {
    id: 15,
    name: 'CALL_ORIGINATED_EVENT',
    fixed: [
      ...CALL_HEAD,
      ...LINE,
      ...SERVICE,
      ...SKILL_GROUP,
      u16('CallingDeviceType'),
      u16('CalledDeviceType'),
      ...STATE_CAUSE,
    ],
    floating: [CONNECTION_DEVICE_ID, devId('CallingDeviceID', 27), devId('CalledDeviceID', 28)],
    note: 'cti-protocol.md §1.10.',
  },
  {
    id: 16,
    name: 'CALL_FAILED_EVENT',
    fixed: [...CALL_HEAD, u16('FailingDeviceType'), u16('CalledDeviceType'), ...STATE_CAUSE],
    floating: [CONNECTION_DEVICE_ID, devId('FailingDeviceID', 34), devId('CalledDeviceID', 28)],
    // Unsure: PV14–PV17 tables omit MonitorID; chose the PV25 24-byte layout with MonitorID (see §1.11).
    note: 'cti-protocol.md §1.11. Uses the PV25 layout with MonitorID (older guide tables omit it; their size sums include it).',
  },
  conferencedOrTransferred(17, 'CALL_CONFERENCED_EVENT', ['Controller', 37], ['AddedParty', 38]),
  conferencedOrTransferred(18, 'CALL_TRANSFERRED_EVENT', ['Transferring', 42], ['Transferred', 43]),
  {
    id: 19,
    name: 'CALL_DIVERTED_EVENT',
    fixed: [...CALL_HEAD, ...SERVICE, u16('DivertingDeviceType'), u16('CalledDeviceType'), ...STATE_CAUSE],
    floating: [CONNECTION_DEVICE_ID, devId('DivertingDeviceID', 44), devId('CalledDeviceID', 28)],
    note: 'cti-protocol.md §1.13.',
  },
  {
    id: 20,
    name: 'CALL_SERVICE_INITIATED_EVENT',
    fixed: [...CALL_HEAD, ...LINE, ...SERVICE, ...SKILL_GROUP, u16('CallingDeviceType'), ...STATE_CAUSE],
    floating: [
      CONNECTION_DEVICE_ID,
      devId('CallingDeviceID', 27),
      CALL_REFERENCE_ID,
      uint('COCConnectionCallID', 229),
      ushort('COCCallConnectionDeviceIDType', 230),
      // Unsure: missing from the PV25 table text, listed in the PV14 change log; chose optional STRING 64.
      devId('COCCallConnectionDeviceID', 231),
    ],
    note: 'cti-protocol.md §1.14. COCCallConnectionDeviceID taken from the PV14 change log.',
  },
  {
    id: 34,
    name: 'CALL_REACHED_NETWORK_EVENT',
    fixed: [...CALL_HEAD, ...LINE, u16('TrunkUsedDeviceType'), u16('CalledDeviceType'), ...STATE_CAUSE],
    floating: [CONNECTION_DEVICE_ID, devId('TrunkUsedDeviceID', 48), devId('CalledDeviceID', 28), ...TRUNK],
    note: 'cti-protocol.md §1.15.',
  },
  {
    id: 21,
    name: 'CALL_QUEUED_EVENT',
    fixed: [
      ...CALL_HEAD,
      ...SERVICE,
      u16('QueueDeviceType'),
      u16('CallingDeviceType'),
      u16('CalledDeviceType'),
      u16('LastRedirectDeviceType'),
      u16('NumQueued'),
      { name: 'NumSkillGroups', type: 'USHORT', countOf: 'SkillGroupNumber' },
      ...STATE_CAUSE,
    ],
    floating: [
      CONNECTION_DEVICE_ID,
      devId('QueueDeviceID', 45),
      devId('CallingDeviceID', 27),
      devId('CalledDeviceID', 28),
      devId('LastRedirectDeviceID', 29),
      ...queueSkillGroups('INT'),
    ],
    note: 'cti-protocol.md §1.16. NumSkillGroups ≤ 20.',
  },
  {
    id: 86,
    name: 'CALL_DEQUEUED_EVENT',
    fixed: [
      ...CALL_HEAD,
      u16('QueueDeviceType'),
      ...SERVICE,
      u16('NumQueued'),
      { name: 'NumSkillGroups', type: 'USHORT', countOf: 'SkillGroupNumber' },
      ...STATE_CAUSE,
    ],
    floating: [
      CONNECTION_DEVICE_ID,
      // Unsure: PV25 lists no QueueDeviceID here although QueueDeviceType is fixed; chose to accept it (optional).
      devId('QueueDeviceID', 45),
      ...queueSkillGroups('UINT'),
    ],
    note: 'cti-protocol.md §1.17. NumSkillGroups 0 = removed from all queues. QueueDeviceID added as optional (not in the PV25 table).',
  },
  {
    // Unsure: MessageType 240 is not in cti-tables.md Part A (239–241 "reserved"); taken from public codecs
    // (a Scala CTI codec test fixture and a C header both give 240).
    id: 240,
    name: 'CALL_ATTRIBUTE_CHANGE_EVENT',
    fixed: [
      ...EVENT_HEAD,
      // Unsure: the guide prints size 4 for ConnectionDeviceIDType; chose USHORT 2 (typo), as public fixtures do.
      u16('ConnectionDeviceIDType'),
      { name: 'CallTypeID', type: 'UINT' },
      { name: 'ServiceNumber', type: 'UINT' },
    ],
    floating: [devId('ConnectionDeviceID', 25)],
    note:
      'cti-protocol.md §1.18 (decode only). MessageType 240 from public implementations, not from Part A. ' +
      'Unsure: no ConnectionCallID in the guide table (looks incomplete); public fixtures agree with this 20-byte body.',
  },
  {
    id: 22,
    name: 'CALL_TRANSLATION_ROUTE_EVENT',
    // No MonitorID / PeripheralID.
    fixed: [...ECC_COUNTS],
    floating: [
      ANI,
      UUI,
      { ...DNIS, required: true },
      DIALED_NUMBER,
      CED,
      ...routerCallKey(true),
      ...callVariables(),
      NAMED_VARIABLE,
      NAMED_ARRAY,
    ],
    note: 'cti-protocol.md §3.1. All Events / Peripheral Monitor clients only. DNIS = translation route label.',
  },
];
