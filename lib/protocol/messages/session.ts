import type { MessageDef } from '../types';

/**
 * Session management and miscellaneous messages: cti-protocol.md Part 1 (PV25 guide, "Session Management";
 * active/standby from the PV24 "Changes and Additions").
 */
export const SESSION_MESSAGES: MessageDef[] = [
  {
    id: 1,
    name: 'FAILURE_CONF',
    fixed: [
      { name: 'InvokeID', type: 'UINT' },
      { name: 'Status', type: 'UINT' },
    ],
    floating: [],
  },
  { id: 2, name: 'FAILURE_EVENT', fixed: [{ name: 'Status', type: 'UINT' }], floating: [] },
  {
    id: 3,
    name: 'OPEN_REQ',
    fixed: [
      { name: 'InvokeID', type: 'UINT' },
      { name: 'VersionNumber', type: 'UINT' },
      { name: 'IdleTimeout', type: 'UINT' },
      { name: 'PeripheralID', type: 'UINT' },
      { name: 'ServicesRequested', type: 'UINT' },
      { name: 'CallMsgMask', type: 'UINT' },
      { name: 'AgentStateMask', type: 'UINT' },
      { name: 'ConfigMsgMask', type: 'UINT', default: 0 },
      { name: 'Reserved1', type: 'UINT', default: 0 },
      { name: 'Reserved2', type: 'UINT', default: 0 },
      { name: 'Reserved3', type: 'UINT', default: 0 },
    ],
    floating: [
      { name: 'ClientID', tag: 1, type: 'STRING', max: 64, required: true },
      { name: 'ClientPassword', tag: 2, type: 'UNSPEC', max: 64, required: true },
      { name: 'ClientSignature', tag: 3, type: 'STRING', max: 64 },
      { name: 'AgentExtension', tag: 4, type: 'STRING', max: 16 },
      { name: 'AgentID', tag: 5, type: 'STRING', max: 12, altTags: [194] },
      { name: 'AgentInstrument', tag: 6, type: 'STRING', max: 64 },
      { name: 'ApplicationPathID', tag: 97, type: 'INT', max: 4 },
      // Unsure: UniqueInstanceID (STRING 64, optional) has no tag number in the reference's tag table, so the
      // codec cannot send it; a server that sends one back is decoded into unknownFields.
    ],
    note: 'ConfigMsgMask is sent by every version this codec supports (15+).',
  },
  {
    id: 4,
    name: 'OPEN_CONF',
    fixed: [
      { name: 'InvokeID', type: 'UINT' },
      { name: 'ServicesGranted', type: 'UINT' },
      { name: 'MonitorID', type: 'UINT' },
      { name: 'PGStatus', type: 'UINT' },
      { name: 'ICMCentralControllerTime', type: 'TIME' },
      { name: 'PeripheralOnline', type: 'BOOL' },
      { name: 'PeripheralType', type: 'USHORT' },
      { name: 'AgentState', type: 'USHORT' },
      { name: 'DepartmentID', type: 'INT', since: 19 },
      { name: 'SessionType', type: 'USHORT', since: 24 },
    ],
    floating: [
      { name: 'AgentExtension', tag: 4, type: 'STRING', max: 16 },
      { name: 'AgentID', tag: 5, type: 'STRING', max: 12, altTags: [194] },
      { name: 'AgentInstrument', tag: 6, type: 'STRING', max: 64 },
      // Unsure: FltPeripheralID uses PERIPHERAL_ID_TAG (208), the only peripheral-id tag in the table.
      { name: 'NumPeripherals', tag: 228, type: 'USHORT', max: 2 },
      { name: 'FltPeripheralID', tag: 208, type: 'UINT', max: 4, repeats: true, group: 'peripheral' },
      { name: 'MultilineAgentControl', tag: 224, type: 'USHORT', max: 2, repeats: true, group: 'peripheral' },
    ],
    note: 'Fixed body 26 bytes before PV19, 30 for PV19-23, 32 from PV24.',
  },
  { id: 5, name: 'HEARTBEAT_REQ', fixed: [{ name: 'InvokeID', type: 'UINT' }], floating: [] },
  { id: 6, name: 'HEARTBEAT_CONF', fixed: [{ name: 'InvokeID', type: 'UINT' }], floating: [] },
  {
    id: 7,
    name: 'CLOSE_REQ',
    fixed: [
      { name: 'InvokeID', type: 'UINT' },
      { name: 'Status', type: 'UINT' },
    ],
    floating: [],
  },
  { id: 8, name: 'CLOSE_CONF', fixed: [{ name: 'InvokeID', type: 'UINT' }], floating: [] },
  {
    id: 31,
    name: 'SYSTEM_EVENT',
    fixed: [
      { name: 'PGStatus', type: 'UINT' },
      { name: 'ICMCentralControllerTime', type: 'TIME' },
      { name: 'SystemEventID', type: 'UINT' },
      { name: 'SystemEventArg1', type: 'UINT' },
      { name: 'SystemEventArg2', type: 'UINT' },
      { name: 'SystemEventArg3', type: 'UINT' },
      { name: 'EventDeviceType', type: 'USHORT' },
    ],
    floating: [
      { name: 'Text', tag: 7, type: 'STRING', max: 255 },
      { name: 'EventDeviceID', tag: 206, type: 'STRING', max: 64 },
    ],
  },
  // Active / standby (PV24+). Unsure: the reference gives no field layout for STANDBY_ACTIVE_EVENT_MSG or
  // STOPPING_REQUESTS_TO_THIS_SIDE_IND; chosen: no body for the event, an InvokeID for the indication
  // (like every other client-originated message).
  { id: 277, name: 'STANDBY_ACTIVE_EVENT_MSG', since: 24, fixed: [], floating: [] },
  { id: 278, name: 'ACTIVE_MAINTENANCE_REQ_MSG', since: 24, fixed: [{ name: 'InvokeID', type: 'UINT' }], floating: [] },
  {
    id: 279,
    name: 'ACTIVE_MAINTENANCE_RESP_MSG',
    since: 24,
    fixed: [
      { name: 'InvokeID', type: 'UINT' },
      { name: 'MaintenanceModeAccepted', type: 'BOOL' },
    ],
    floating: [],
  },
  {
    id: 280,
    name: 'ACTIVE_MAINTENANCE_EVENT_MSG',
    since: 24,
    // Unsure: the guide names this BOOL only by meaning (1 continue, 0 cancel); the name is ours.
    fixed: [{ name: 'MaintenanceModeContinue', type: 'BOOL' }],
    floating: [],
  },
  {
    id: 281,
    name: 'STOPPING_REQUESTS_TO_THIS_SIDE_IND',
    since: 24,
    fixed: [{ name: 'InvokeID', type: 'UINT' }],
    floating: [],
  },
];
