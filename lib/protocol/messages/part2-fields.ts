/**
 * Field groups that many Part 2 messages (call events, call data, client control) share.
 * Kept in one place so that a tag or size fixed here is fixed everywhere.
 */
import type { FixedFieldDef, FloatingFieldDef } from '../types';

/** MonitorID, PeripheralID, PeripheralType: the head of most call events. */
export const EVENT_HEAD: FixedFieldDef[] = [
  { name: 'MonitorID', type: 'UINT' },
  { name: 'PeripheralID', type: 'UINT' },
  { name: 'PeripheralType', type: 'USHORT' },
];

/** Event order: ConnectionDeviceIDType (USHORT) then ConnectionCallID (UINT). */
export const EVENT_CONNECTION: FixedFieldDef[] = [
  { name: 'ConnectionDeviceIDType', type: 'USHORT' },
  { name: 'ConnectionCallID', type: 'UINT' },
];

/** Control-request order: ConnectionCallID (UINT) before ConnectionDeviceIDType (USHORT). */
export const REQ_CONNECTION: FixedFieldDef[] = [
  { name: 'ConnectionCallID', type: 'UINT' },
  { name: 'ConnectionDeviceIDType', type: 'USHORT' },
];

export const INVOKE_ID: FixedFieldDef = { name: 'InvokeID', type: 'UINT' };

export function str(name: string, tag: number, max: number, required = false): FloatingFieldDef {
  return required ? { name, tag, type: 'STRING', max, required: true } : { name, tag, type: 'STRING', max };
}

export function uint(name: string, tag: number, required = false): FloatingFieldDef {
  return required ? { name, tag, type: 'UINT', max: 4, required: true } : { name, tag, type: 'UINT', max: 4 };
}

export function ushort(name: string, tag: number, required = false): FloatingFieldDef {
  return required ? { name, tag, type: 'USHORT', max: 2, required: true } : { name, tag, type: 'USHORT', max: 2 };
}

/** A device-id STRING 64 field (ConnectionDeviceID, CallingDeviceID, …). */
export function devId(name: string, tag: number, required = false): FloatingFieldDef {
  return str(name, tag, 64, required);
}

export const CONNECTION_DEVICE_ID: FloatingFieldDef = devId('ConnectionDeviceID', 25, true);
export const AGENT_INSTRUMENT_OPT: FloatingFieldDef = devId('AgentInstrument', 6);

export const ANI: FloatingFieldDef = str('ANI', 8, 40);
export const UUI: FloatingFieldDef = { name: 'UserToUserInfo', tag: 9, type: 'UNSPEC', max: 131 };
export const DNIS: FloatingFieldDef = str('DNIS', 10, 32);
export const DIALED_NUMBER: FloatingFieldDef = str('DialedNumber', 11, 40);
export const CED: FloatingFieldDef = str('CallerEnteredDigits', 12, 40);
export const CALL_WRAPUP_DATA: FloatingFieldDef = str('CallWrapupData', 46, 40);
export const CALL_REFERENCE_ID: FloatingFieldDef = { name: 'CallReferenceID', tag: 223, type: 'UNSPEC', max: 32 };

/** CallVariable1..10: tags 13..22, STRING[41] (40 chars + NUL). */
export function callVariables(): FloatingFieldDef[] {
  const out: FloatingFieldDef[] = [];
  for (let i = 1; i <= 10; i++) out.push(str(`CallVariable${i}`, 12 + i, 41));
  return out;
}

export const NAMED_VARIABLE: FloatingFieldDef = {
  name: 'NamedVariable',
  tag: 82,
  type: 'NAMEDVAR',
  max: 251,
  repeats: true,
  key: 'namedVariables',
};

export const NAMED_ARRAY: FloatingFieldDef = {
  name: 'NamedArray',
  tag: 83,
  type: 'NAMEDARRAY',
  max: 252,
  repeats: true,
  key: 'namedArrays',
};

/** NumNamedVariables + NumNamedArrays count fields. */
export const ECC_COUNTS: FixedFieldDef[] = [
  { name: 'NumNamedVariables', type: 'USHORT', countOf: 'NamedVariable' },
  { name: 'NumNamedArrays', type: 'USHORT', countOf: 'NamedArray' },
];

/** CTIClientSignature (tag 23) each immediately followed by its CTIClientTimestamp (tag 24). */
export const CTI_CLIENTS: FloatingFieldDef[] = [
  { name: 'CTIClientSignature', tag: 23, type: 'STRING', max: 64, repeats: true, group: 'ctiClient' },
  { name: 'CTIClientTimestamp', tag: 24, type: 'TIME', max: 4, repeats: true, group: 'ctiClient' },
];

export const RCK_DAY = 72;
export const RCK_CALLID = 73;
export const RCK_SEQ = 110;

/** RouterCallKeyDay / CallID / SequenceNumber. */
export function routerCallKey(required: boolean): FloatingFieldDef[] {
  return [
    uint('RouterCallKeyDay', RCK_DAY, required),
    uint('RouterCallKeyCallID', RCK_CALLID, required),
    uint('RouterCallKeySequenceNumber', RCK_SEQ, required),
  ];
}

/** ConnectedPartyCallID → ConnectedPartyDeviceIDType → ConnectedPartyDeviceID triples (NumParties). */
export const CONNECTED_PARTIES: FloatingFieldDef[] = [
  { name: 'ConnectedPartyCallID', tag: 39, type: 'UINT', max: 4, repeats: true, group: 'connectedParties' },
  { name: 'ConnectedPartyDeviceIDType', tag: 40, type: 'USHORT', max: 2, repeats: true, group: 'connectedParties' },
  { name: 'ConnectedPartyDeviceID', tag: 41, type: 'STRING', max: 64, repeats: true, group: 'connectedParties' },
];

/** AgentID accepts AGENT_ID_LONG_TAG (194) too when decoding; the encoder writes AGENT_ID_TAG (5). */
export function agentId(required = false): FloatingFieldDef {
  const f: FloatingFieldDef = { name: 'AgentID', tag: 5, type: 'STRING', max: 12, altTags: [194] };
  if (required) f.required = true;
  return f;
}

/** FacilityCode, AuthorizationCode, AccountCode (call-creating control requests). */
export const CALL_CODES: FloatingFieldDef[] = [
  str('FacilityCode', 51, 40),
  str('AuthorizationCode', 77, 40),
  str('AccountCode', 78, 40),
];
