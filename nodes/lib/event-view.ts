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

/** ECC scalars and arrays merged into one {name: value | value[]} object. */
function eccOf(snapshot: Bag): Record<string, string | Array<string | null>> {
  const ecc: Record<string, string | Array<string | null>> = {};
  const vars = snapshot.namedVariables;
  if (isBag(vars)) for (const name in vars) ecc[name] = String(vars[name]);
  const arrays = snapshot.namedArrays;
  if (isBag(arrays)) {
    for (const name in arrays) {
      const byIndex = arrays[name];
      if (!isBag(byIndex)) continue;
      const arr: Array<string | null> = [];
      for (const i in byIndex) {
        const idx = Number(i);
        if (Number.isInteger(idx) && idx >= 0 && idx < 256) arr[idx] = String(byIndex[i]);
      }
      for (let i = 0; i < arr.length; i++) if (arr[i] === undefined) arr[i] = null;
      ecc[name] = arr;
    }
  }
  return ecc;
}

/**
 * Property by property, not `{...v}`: a spread copy of a frozen object gets a hidden class of its own, slow to
 * make and to read (the snapshot's parts are frozen).
 */
function copyBag(v: unknown): Bag | undefined {
  if (!isBag(v)) return undefined;
  const out: Bag = {};
  for (const k in v) out[k] = v[k];
  return out;
}

function parties(v: unknown): Bag | undefined {
  const p = copyBag(v);
  if (p !== undefined && Array.isArray(p.connected)) p.connected = p.connected.map(copyBag);
  return p;
}

function contextFrom(v: unknown): Bag | undefined {
  const c = copyBag(v);
  if (c !== undefined && Array.isArray(c.preCall)) c.preCall = c.preCall.slice();
  return c;
}

function msgConnection(c: unknown): unknown {
  return isBag(c)
    ? {
        connectionCallId: c.callId,
        connectionDeviceIdType: nameOr(ConnectionDeviceIdType, c.deviceIdType),
        connectionDeviceId: c.deviceId,
      }
    : c;
}

/**
 * Reshapes a tracker snapshot; undefined when there is none (agent and system events). Everything in it is a
 * new object: the snapshot's own parts are frozen and shared with the tracker. A property is set only when it
 * has a value (no undefined properties, and no delete, which would slow every later access to the object).
 */
export function toMsgCall(snapshot: unknown): Record<string, unknown> | undefined {
  if (!isBag(snapshot)) return undefined;
  const s = snapshot;
  const callVariables: Record<string, string> = {};
  const cvs = s.callVariables;
  if (isBag(cvs)) for (const n in cvs) callVariables[n] = String(cvs[n]);
  const out: Bag = {
    key: s.key,
    connectionCallId: s.connectionCallId,
    connectionDeviceIdType: nameOr(ConnectionDeviceIdType, s.connectionDeviceIdType),
    connectionDeviceId: s.connectionDeviceId,
  };
  if (s.peripheralId !== undefined) out.peripheralId = s.peripheralId;
  if (s.ani !== undefined) out.ani = s.ani;
  if (s.dnis !== undefined) out.dnis = s.dnis;
  if (s.dialedNumber !== undefined) out.dialedNumber = s.dialedNumber;
  if (s.callerEnteredDigits !== undefined) out.ced = s.callerEnteredDigits;
  out.callVariables = callVariables;
  out.ecc = eccOf(s);
  if (s.callWrapupData !== undefined) out.callWrapupData = s.callWrapupData;
  if (s.customerPhoneNumber !== undefined) out.customerPhoneNumber = s.customerPhoneNumber;
  if (s.customerAccountNumber !== undefined) out.customerAccountNumber = s.customerAccountNumber;
  const callType = typeof s.callTypeName === 'string' ? s.callTypeName : nameOr(CallType, s.callType);
  if (callType !== undefined) out.callType = callType;
  if (isBag(s.routerCallKey)) out.routerCallKey = copyBag(s.routerCallKey);
  if (s.agentId !== undefined) out.agentId = s.agentId;
  if (s.agentExtension !== undefined) out.agentExtension = s.agentExtension;
  if (s.agentInstrument !== undefined) out.agentInstrument = s.agentInstrument;
  if (s.skillGroupNumber !== undefined) out.skillGroupNumber = s.skillGroupNumber;
  if (s.serviceNumber !== undefined) out.serviceNumber = s.serviceNumber;
  if (Array.isArray(s.history)) out.history = s.history.map(copyBag);
  const state = typeof s.state === 'string' ? s.state : nameOr(LocalConnectionState, s.localConnectionState);
  if (state !== undefined) out.state = state;
  if (s.lastEventCause !== undefined) out.lastEventCause = nameOr(EventCause, s.lastEventCause);
  if (Array.isArray(s.connections)) out.connections = s.connections.map(msgConnection);
  if (isBag(s.parties)) out.parties = parties(s.parties);
  if (Buffer.isBuffer(s.userToUserInfo)) out.userToUserInfo = Buffer.from(s.userToUserInfo);
  if (s.established !== undefined) out.established = s.established;
  if (s.ended !== undefined) out.ended = s.ended;
  if (s.partial !== undefined) out.partial = s.partial;
  if (isBag(s.contextFrom)) out.contextFrom = contextFrom(s.contextFrom);
  if (s.lastEvent !== undefined) out.lastEvent = s.lastEvent;
  if (s.startedAt !== undefined) out.startedAt = s.startedAt;
  if (s.updatedAt !== undefined) out.updatedAt = s.updatedAt;
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
