/**
 * Which call a request is about. A message from the cti-event node carries `msg.call` (the call context);
 * any flow can instead name the connection in `msg.payload`. Payload fields win, because a flow that sets them
 * means that call; `msg.call` is the fallback that lets a cti-event node be wired straight in.
 */
import { ConnectionDeviceIdType } from '../../lib/protocol';
import { InputError } from './errors';
import { showValue, toText, toUint } from './field-values';

export interface CallAddress {
  connectionCallId: number;
  connectionDeviceIdType: number;
  connectionDeviceId: string;
  peripheralId?: number;
}

type Bag = Record<string, unknown>;

function isBag(v: unknown): v is Bag {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v);
}

/** CONNECTION_ID_STATIC / 0 / "0" → 0. Unset means static (the agent device's own ID). */
export function toConnectionIdType(value: unknown, label: string): number {
  if (value === undefined || value === null || value === '') return ConnectionDeviceIdType.byName.CONNECTION_ID_STATIC;
  if (typeof value === 'string' && !/^\d+$/.test(value)) {
    const n = ConnectionDeviceIdType.valueOf(value);
    if (n === undefined) {
      throw new InputError(
        `${label} must be one of ${Object.keys(ConnectionDeviceIdType.byName).join(', ')}, got ${showValue(value)}`,
      );
    }
    return n;
  }
  return toUint(value, label, 0xffff) as number;
}

/** Reads `<prefix>CallId`, `<prefix>DeviceIdType`, `<prefix>DeviceId` (prefix "connection", "heldConnection", …). */
function fromBag(bag: Bag, prefix: string, where: string): CallAddress | undefined {
  const idKey = `${prefix}CallId`;
  if (bag[idKey] === undefined || bag[idKey] === null || bag[idKey] === '') return undefined;
  const connectionCallId = toUint(bag[idKey], `${where}.${idKey}`) as number;
  const connectionDeviceIdType = toConnectionIdType(bag[`${prefix}DeviceIdType`], `${where}.${prefix}DeviceIdType`);
  const connectionDeviceId = toText(bag[`${prefix}DeviceId`], `${where}.${prefix}DeviceId`, 63);
  if (connectionDeviceId === undefined || connectionDeviceId === '') {
    throw new InputError(`${where}.${prefix}DeviceId is required with ${where}.${idKey}`);
  }
  const peripheralId = bag.peripheralId === undefined ? undefined : toUint(bag.peripheralId, `${where}.peripheralId`);
  return { connectionCallId, connectionDeviceIdType, connectionDeviceId, peripheralId };
}

/** The call named by msg.payload.connectionCallId/… or else by msg.call; undefined when neither names one. */
export function findCallAddress(msg: Bag): CallAddress | undefined {
  if (isBag(msg.payload)) {
    const a = fromBag(msg.payload, 'connection', 'msg.payload');
    if (a !== undefined) return a;
  }
  if (isBag(msg.call)) {
    const a = fromBag(msg.call, 'connection', 'msg.call');
    if (a !== undefined) return a;
  }
  return undefined;
}

export function requireCallAddress(msg: Bag): CallAddress {
  const a = findCallAddress(msg);
  if (a === undefined) {
    throw new InputError(
      'no call to act on: wire in a message from a CTI event node (msg.call) or set msg.payload.connectionCallId ' +
        'and msg.payload.connectionDeviceId',
    );
  }
  return a;
}

/**
 * The held call for transfer / conference: msg.payload.heldConnectionCallId/…, or a whole call object in
 * msg.heldCall (e.g. the msg.call of the earlier event, kept by the flow).
 */
export function findHeldAddress(msg: Bag): CallAddress | undefined {
  if (isBag(msg.payload)) {
    const a = fromBag(msg.payload, 'heldConnection', 'msg.payload');
    if (a !== undefined) return a;
  }
  if (isBag(msg.heldCall)) return fromBag(msg.heldCall, 'connection', 'msg.heldCall');
  return undefined;
}

/** The peripheral to address: the call's, the event's (msg.cti), else the CTI server node's. */
export function pickPeripheralId(
  msg: Bag,
  address: CallAddress | undefined,
  configured: number | undefined,
): number | undefined {
  if (address?.peripheralId !== undefined) return address.peripheralId;
  if (isBag(msg.payload) && msg.payload.peripheralId !== undefined)
    return toUint(msg.payload.peripheralId, 'msg.payload.peripheralId');
  if (isBag(msg.call) && msg.call.peripheralId !== undefined)
    return toUint(msg.call.peripheralId, 'msg.call.peripheralId');
  if (isBag(msg.cti) && msg.cti.peripheralId !== undefined && msg.cti.peripheralId !== null) {
    return toUint(msg.cti.peripheralId, 'msg.cti.peripheralId');
  }
  return configured;
}
