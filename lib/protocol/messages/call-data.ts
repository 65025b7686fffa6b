/**
 * Call Data Update service (cti-protocol.md Part 2 §4): SET_CALL_DATA, RELEASE_CALL, and REGISTER_VARIABLES
 * (Miscellaneous service, but it decides which call variables arrive).
 */
import type { MessageDef } from '../types';
import {
  ANI,
  CALL_WRAPUP_DATA,
  CED,
  CONNECTION_DEVICE_ID,
  ECC_COUNTS,
  INVOKE_ID,
  NAMED_ARRAY,
  NAMED_VARIABLE,
  UUI,
  callVariables,
  routerCallKey,
  str,
} from './part2-fields';

export const CALL_DATA_MESSAGES: MessageDef[] = [
  {
    id: 26,
    name: 'SET_CALL_DATA_REQ',
    fixed: [
      INVOKE_ID,
      { name: 'PeripheralID', type: 'UINT' },
      // Event order here (DeviceIDType before CallID), unlike the Client Control requests.
      { name: 'ConnectionDeviceIDType', type: 'USHORT' },
      { name: 'ConnectionCallID', type: 'UINT' },
      ...ECC_COUNTS,
      { name: 'CallType', type: 'USHORT' },
      { name: 'CalledPartyDisposition', type: 'USHORT' },
      { name: 'CampaignID', type: 'UINT' },
      { name: 'QueryRuleID', type: 'UINT' },
    ],
    floating: [
      CONNECTION_DEVICE_ID,
      ANI,
      UUI,
      CED,
      ...callVariables(),
      CALL_WRAPUP_DATA,
      NAMED_VARIABLE,
      NAMED_ARRAY,
      str('CustomerPhoneNumber', 95, 20),
      str('CustomerAccountNumber', 96, 32),
      ...routerCallKey(false),
      // 'D' = originated from a dialer (dialer only).
      { name: 'CallOriginatedFrom', tag: 232, type: 'UCHAR', max: 1 },
    ],
    note:
      'cti-protocol.md §4.1. Fields left out are unchanged. Unsure: effect of CallType/CalledPartyDisposition = 0 ' +
      'is not stated (simulator should treat 0 as "do not change").',
  },
  {
    id: 27,
    name: 'SET_CALL_DATA_CONF',
    fixed: [INVOKE_ID],
    floating: [],
    note: 'cti-protocol.md §4.2. Sent only once the new values are durable.',
  },
  {
    id: 28,
    name: 'RELEASE_CALL_REQ',
    fixed: [
      INVOKE_ID,
      { name: 'PeripheralID', type: 'UINT' },
      { name: 'ConnectionDeviceIDType', type: 'USHORT' },
      { name: 'ConnectionCallID', type: 'UINT' },
    ],
    floating: [CONNECTION_DEVICE_ID],
    note: 'cti-protocol.md §4.3. Does not disconnect the call; ends the wrap-up data window early.',
  },
  {
    id: 29,
    name: 'RELEASE_CALL_CONF',
    fixed: [INVOKE_ID],
    floating: [],
    note: 'cti-protocol.md §4.3.',
  },
  {
    id: 110,
    name: 'REGISTER_VARIABLES_REQ',
    fixed: [INVOKE_ID, { name: 'CallVariableMask', type: 'USHORT' }, ...ECC_COUNTS],
    // Names only: the value (and array index) are ignored by the server.
    floating: [NAMED_VARIABLE, NAMED_ARRAY],
    note: 'cti-protocol.md §4.4 (layout given in words). CallVariableMask bit0 = CV1 … bit9 = CV10.',
  },
  {
    // The PV25 ALI table prints 118 (= SUPERVISOR_ASSIST_REQ); the Message Types table says 111.
    id: 111,
    name: 'REGISTER_VARIABLES_CONF',
    fixed: [INVOKE_ID],
    floating: [],
    note: 'cti-protocol.md §4.4. MessageType 111 per the Message Types table (ALI table misprints 118).',
  },
];
