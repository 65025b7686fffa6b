/**
 * msg.call: the session tracker's snapshot of a call, reshaped for flows — short names (ced), enumerations as
 * names, ECC as {name: value} with arrays as arrays. A plain, mutable copy: flows may change it freely.
 */
import {
  CallType,
  ConnectionDeviceIdType,
  EventCause,
  LocalConnectionState,
  withEnumNames,
  type CtiMessage,
} from '../../lib/protocol';

type Bag = Record<string, unknown>;

function isBag(v: unknown): v is Bag {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function nameOr(e: { nameOf(v: number): string | undefined }, v: unknown): unknown {
  return typeof v === 'number' ? (e.nameOf(v) ?? v) : v;
}

function plain(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return Buffer.from(v);
  if (Array.isArray(v)) return v.map(plain);
  if (isBag(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** ECC scalars and arrays merged into one {name: value | value[]} object. */
function eccOf(snapshot: Bag): Record<string, string | Array<string | null>> {
  const ecc: Record<string, string | Array<string | null>> = {};
  if (isBag(snapshot.namedVariables)) {
    for (const [name, value] of Object.entries(snapshot.namedVariables)) ecc[name] = String(value);
  }
  if (isBag(snapshot.namedArrays)) {
    for (const [name, byIndex] of Object.entries(snapshot.namedArrays)) {
      if (!isBag(byIndex)) continue;
      const arr: Array<string | null> = [];
      for (const [i, value] of Object.entries(byIndex)) {
        const idx = Number(i);
        if (Number.isInteger(idx) && idx >= 0 && idx < 256) arr[idx] = String(value);
      }
      for (let i = 0; i < arr.length; i++) if (arr[i] === undefined) arr[i] = null;
      ecc[name] = arr;
    }
  }
  return ecc;
}

/** Reshapes a tracker snapshot; undefined when there is none (agent and system events). */
export function toMsgCall(snapshot: unknown): Record<string, unknown> | undefined {
  if (!isBag(snapshot)) return undefined;
  const s = snapshot;
  const callVariables: Record<string, string> = {};
  if (isBag(s.callVariables)) for (const [n, v] of Object.entries(s.callVariables)) callVariables[n] = String(v);
  const out: Record<string, unknown> = {
    key: s.key,
    connectionCallId: s.connectionCallId,
    connectionDeviceIdType: nameOr(ConnectionDeviceIdType, s.connectionDeviceIdType),
    connectionDeviceId: s.connectionDeviceId,
    peripheralId: s.peripheralId,
    ani: s.ani,
    dnis: s.dnis,
    dialedNumber: s.dialedNumber,
    ced: s.callerEnteredDigits,
    callVariables,
    ecc: eccOf(s),
    callWrapupData: s.callWrapupData,
    customerPhoneNumber: s.customerPhoneNumber,
    customerAccountNumber: s.customerAccountNumber,
    callType: typeof s.callTypeName === 'string' ? s.callTypeName : nameOr(CallType, s.callType),
    routerCallKey: plain(s.routerCallKey),
    agentId: s.agentId,
    agentExtension: s.agentExtension,
    agentInstrument: s.agentInstrument,
    skillGroupNumber: s.skillGroupNumber,
    serviceNumber: s.serviceNumber,
    history: plain(s.history),
    state: typeof s.state === 'string' ? s.state : nameOr(LocalConnectionState, s.localConnectionState),
    lastEventCause: nameOr(EventCause, s.lastEventCause),
    connections: Array.isArray(s.connections)
      ? s.connections.map((c) =>
          isBag(c)
            ? {
                connectionCallId: c.callId,
                connectionDeviceIdType: nameOr(ConnectionDeviceIdType, c.deviceIdType),
                connectionDeviceId: c.deviceId,
              }
            : c,
        )
      : undefined,
    parties: plain(s.parties),
    userToUserInfo: plain(s.userToUserInfo),
    established: s.established,
    ended: s.ended,
    partial: s.partial,
    contextFrom: plain(s.contextFrom),
    lastEvent: s.lastEvent,
    startedAt: s.startedAt,
    updatedAt: s.updatedAt,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

/** What the cti-event nodes send for one event: the payload with enumeration names and msg.call. */
export interface EventView {
  readonly payload: CtiMessage;
  readonly call: Record<string, unknown> | undefined;
}

let lastEvent: CtiMessage | undefined;
let lastView: EventView | undefined;

/**
 * The payload and msg.call of an event, built once and shared by every cti-event node the event reaches (the
 * session hands all of them the same event object, one event at a time): N nodes cost one conversion, not N.
 * The nodes' messages therefore share these two objects, as messages that Node-RED itself passes along one
 * wire share theirs; see README "Performance" for what a flow may change in place.
 */
export function eventView(event: CtiMessage, snapshot: unknown): EventView {
  if (event !== lastEvent || lastView === undefined) {
    lastView = { payload: withEnumNames(event), call: toMsgCall(snapshot) };
    lastEvent = event;
  }
  return lastView;
}
