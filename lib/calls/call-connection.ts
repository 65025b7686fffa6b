/**
 * A call connection: (ConnectionCallID, ConnectionDeviceIDType, ConnectionDeviceID) names one leg of a call
 * (cti-protocol.md Part 2 §6.4). Messages carry it under several prefixes (Connection, PrimaryConnection,
 * NewConnection, HeldConnection, ...) and as the ConnectedParty arrays.
 */
import type { CtiMessage } from '../protocol';

export interface CallConnection {
  readonly callId: number;
  readonly deviceIdType: number;
  readonly deviceId: string;
}

export function connectionKey(c: CallConnection): string {
  return `${c.callId}/${c.deviceIdType}/${c.deviceId}`;
}

/** `prefix` is the field name before CallId / DeviceIdType / DeviceId, e.g. 'primary' or 'newConnection'. */
export function connectionOf(msg: CtiMessage, prefix = 'connection'): CallConnection | undefined {
  const callId = msg[`${prefix}CallId`];
  const deviceIdType = msg[`${prefix}DeviceIdType`];
  if (typeof callId !== 'number' || typeof deviceIdType !== 'number') return undefined;
  const deviceId = msg[`${prefix}DeviceId`];
  // Frozen: the call keeps it in its connections, and every snapshot shares it.
  return Object.freeze({ callId, deviceIdType, deviceId: typeof deviceId === 'string' ? deviceId : '' });
}

/** The ConnectedParty list of a CALL_CONFERENCED / CALL_TRANSFERRED event or of a conference / transfer CONF. */
export function connectedParties(msg: CtiMessage): CallConnection[] {
  const ids = Array.isArray(msg.connectedPartyCallId) ? (msg.connectedPartyCallId as number[]) : [];
  const types = Array.isArray(msg.connectedPartyDeviceIdType) ? (msg.connectedPartyDeviceIdType as number[]) : [];
  const devs = Array.isArray(msg.connectedPartyDeviceId) ? (msg.connectedPartyDeviceId as string[]) : [];
  // Frozen: the call keeps this list as parties.connected, and every snapshot shares it.
  return Object.freeze(
    ids.map((callId, i) => Object.freeze({ callId, deviceIdType: types[i] ?? 0, deviceId: devs[i] ?? '' })),
  ) as CallConnection[];
}
