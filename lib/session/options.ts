/**
 * Session options: the shape users write, the defaults, and validation that fails early with a message
 * naming the option (a Node-RED config node shows it as-is).
 */
import {
  AgentStateMask,
  CallEventMask,
  ConfigMsgMask,
  ServiceMask,
  SUPPORTED_VERSIONS,
  MAX_VERSION,
  firstVersionDefining,
  maskBitsDefinedIn,
  type CtiMessage,
  type OpenMaskField,
} from '../protocol';
import type { ExplicitMasks } from './mask-warning';

export interface CtiEndpoint {
  host: string;
  port: number;
}

export interface CtiTlsOptions {
  ca?: string | Buffer | Array<string | Buffer>;
  cert?: string | Buffer;
  key?: string | Buffer;
  servername?: string;
  /** Default true. */
  rejectUnauthorized?: boolean;
}

export interface CtiReconnectOptions {
  /** Default true. false: a dropped link ends in state 'closed'. */
  enabled?: boolean;
  /** First retry delay after a whole round (every side tried once) failed. Default 1000 ms. */
  initialDelayMs?: number;
  /** Backoff cap. Default 30000 ms. */
  maxDelayMs?: number;
  /** Growth per failed round. Default 2. */
  factor?: number;
  /** ± share of the delay picked at random so many clients do not reconnect in step. Default 0.2. */
  jitter?: number;
  /**
   * Consecutive OPEN_REQ rejections (FAILURE_CONF other than a standby/offline side) after which the session
   * gives up and goes to 'closed'. Default 0 = never give up (keeps retrying with backoff).
   */
  maxOpenFailures?: number;
}

export interface CtiSessionOptions {
  sideA: CtiEndpoint;
  sideB?: CtiEndpoint;
  clientId: string;
  /** Default '' (sent as a zero-length ClientPassword, as the guide allows). */
  clientPassword?: string;
  clientSignature?: string;
  /**
   * Protocol version, or 'auto' (the default): offer the highest version this package speaks, step down on
   * E_CTI_INVALID_VERSION until the server accepts one, and keep the accepted one for reconnects and failover.
   */
  version?: number | 'auto';
  /** Required for CLIENT_EVENTS; default 0xFFFFFFFF (none). */
  peripheralId?: number;
  /** Service names (CTI_SERVICE_* — the prefix may be left out) or a mask. Default ['CTI_SERVICE_ALL_EVENTS']. */
  services?: string[] | number;
  /** Call event mask names (CALL_DELIVERED_MASK …) or a mask. Default every bit. */
  callMsgMask?: string[] | number;
  /** Agent state mask names or a mask. Default every bit. */
  agentStateMask?: string[] | number;
  /** Default 0. */
  configMsgMask?: string[] | number;
  agentExtension?: string;
  agentId?: string;
  agentInstrument?: string;
  /**
   * Ask for CTI_SERVICE_ACTIVE_STANDBY (PV24+) so a standby side accepts the session. Default: true when the
   * version is 24 or newer.
   */
  activeStandby?: boolean;
  /**
   * With side B configured and protocol 24 or newer: hold a standby session (SessionType 2) open on the other side
   * while the session is open, so a switchover needs no new connection. A side that refuses it is left alone (the
   * session then works as without). Default true.
   */
  hotStandby?: boolean;
  /**
   * Answer the CTI Server's ACTIVE_MAINTENANCE_REQ (PG maintenance mode) with *accepted* when the other side can
   * take over (a standby session is held there, or opens there within maintenanceAnswerMs), and move there. false:
   * always *rejected* — which cancels the maintenance for every client of that PG. Default true.
   */
  acceptMaintenance?: boolean;
  /**
   * How long an ACTIVE_MAINTENANCE_REQ may wait for a standby session to open on the other side (when none is held:
   * hot standby off, or it is being reopened) before it is answered (ms): accepted if it opened, rejected if not.
   * Default 4000, at most 5000: the server counts silence past its 5-s window as a rejection, and the answer needs
   * time on the way back.
   */
  maintenanceAnswerMs?: number;
  /**
   * After a planned move (maintenance mode), how long the old side may take to answer the requests that were pending
   * on it before they fail (ms). Default 5000, the guide's window.
   */
  maintenanceDrainMs?: number;
  /** Seconds between HEARTBEAT_REQs. Default 30; guide minimum 5; 0 or -1 = no heartbeats. */
  heartbeatInterval?: number;
  /** Overrides heartbeatInterval in milliseconds (tests). */
  heartbeatIntervalMs?: number;
  /** Heartbeat intervals without any message from the server before the link is declared dead. Default 3. */
  deadAfterIntervals?: number;
  /** Seconds, sent in OPEN_REQ. Default 4 × heartbeat interval (at least 20, the guide's minimum). */
  idleTimeout?: number;
  /** Default 10000 ms. */
  connectTimeoutMs?: number;
  /** Wait for OPEN_CONF. Default 30000 ms (the guide: wait at least 30 s). */
  openTimeoutMs?: number;
  /** Default timeout of request(). Default 10000 ms. */
  requestTimeoutMs?: number;
  /** Wait for CLOSE_CONF on close(). Default 5000 ms (the guide's 5 s). */
  closeTimeoutMs?: number;
  reconnect?: CtiReconnectOptions;
  tls?: CtiTlsOptions | boolean;
  /** Follow calls and attach snapshots to call events. Default true. */
  trackCalls?: boolean;
  /** Call tracker bounds. Default 5000 calls, 4 h without any event. */
  maxCalls?: number;
  maxCallAgeMs?: number;
  /** Announced-but-not-yet-begun calls (AGENT_PRE_CALL / translation route) kept. Default 1000, 5 min. */
  maxPreCalls?: number;
  maxPreCallAgeMs?: number;
  /** Largest frame accepted, header included. Default 12500. */
  maxMessageLength?: number;
  /**
   * Receive only these call variables and ECC variables (REGISTER_VARIABLES_REQ, sent after every OPEN_CONF).
   * Without it the server sends all of them (the guide's default).
   */
  registerVariables?: CtiVariableRegistration;
}

export interface CtiVariableRegistration {
  /** CallVariable numbers 1–10. */
  callVariables?: number[];
  /** ECC scalar names, e.g. "user.case". */
  namedVariables?: string[];
  /** ECC array names. */
  namedArrays?: string[];
}

export interface ResolvedOptions {
  sides: CtiEndpoint[];
  clientId: string;
  clientPassword: string;
  clientSignature?: string;
  /** The fixed version, or with versionAuto the highest supported (offered first). */
  version: number;
  /** version 'auto': step down on E_CTI_INVALID_VERSION. */
  versionAuto: boolean;
  peripheralId: number;
  servicesRequested: number;
  callMsgMask: number;
  agentStateMask: number;
  configMsgMask: number;
  agentExtension?: string;
  agentId?: string;
  agentInstrument?: string;
  /** 0 = heartbeats off. */
  heartbeatMs: number;
  deadAfterIntervals: number;
  idleTimeoutSeconds: number;
  connectTimeoutMs: number;
  openTimeoutMs: number;
  requestTimeoutMs: number;
  closeTimeoutMs: number;
  reconnect: Required<CtiReconnectOptions>;
  tls?: CtiTlsOptions;
  trackCalls: boolean;
  maxCalls: number;
  maxCallAgeMs: number;
  maxPreCalls: number;
  maxPreCallAgeMs: number;
  maxMessageLength: number;
  /** The REGISTER_VARIABLES_REQ (without InvokeID) to send after OPEN_CONF, if any. */
  registration?: CtiMessage;
  hotStandby: boolean;
  acceptMaintenance: boolean;
  maintenanceAnswerMs: number;
  maintenanceDrainMs: number;
  /** The masks the user set (not defaults): with version 'auto' a lower version's loss of them is warned once. */
  explicitMasks: ExplicitMasks;
}

export const NO_PERIPHERAL = 0xffffffff;
/** OPEN_REQ IdleTimeout meaning "this client sends no heartbeats". */
export const NO_IDLE_TIMEOUT = 0xffffffff;

/** Invalid options: thrown by the CtiSession constructor (configuration errors are not runtime events). */
export class CtiOptionsError extends Error {
  readonly option: string;
  constructor(option: string, message: string) {
    super(`CtiSession option "${option}": ${message}`);
    this.name = 'CtiOptionsError';
    this.option = option;
  }
}

interface MaskTable {
  valueOf(name: string): number | undefined;
  namesOf(mask: number): string[];
  allBits: number;
}

/**
 * A mask for OPEN_REQ at `version`: the default (every bit) keeps only the bits the version defines; a mask the
 * user gave must not hold bits the version does not define (the server would refuse the OPEN_REQ).
 */
function maskForVersion(
  option: string,
  field: OpenMaskField,
  given: string[] | number | undefined,
  dflt: number,
  table: MaskTable,
  version: number,
  prefix = '',
): number {
  const defined = maskBitsDefinedIn(field, version);
  if (given === undefined) return (dflt & defined) >>> 0;
  const mask = toMask(option, given, table, prefix);
  const extra = (mask & ~defined) >>> 0;
  if (extra !== 0) {
    const names = table.namesOf(extra);
    const what = names.length > 0 ? names.join(', ') : `bits 0x${extra.toString(16)}`;
    const since = firstVersionDefining(field, mask, SUPPORTED_VERSIONS);
    throw new CtiOptionsError(
      option,
      `${what} ${names.length === 1 ? 'is' : 'are'} not defined in protocol version ${version}` +
        (since === undefined ? '' : ` (only from version ${since})`),
    );
  }
  return mask;
}

/** Names (with or without the table's prefix) or a number → mask. */
export function toMask(option: string, value: string[] | number, table: MaskTable, prefix = ''): number {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      throw new CtiOptionsError(option, `must be a 32-bit unsigned integer, got ${value}`);
    }
    return value >>> 0;
  }
  if (!Array.isArray(value)) throw new CtiOptionsError(option, 'must be an array of names or a number');
  let mask = 0;
  for (const raw of value) {
    const name = String(raw).trim();
    const bit = table.valueOf(name) ?? table.valueOf(prefix + name);
    if (bit === undefined) throw new CtiOptionsError(option, `unknown name "${name}"`);
    mask = (mask | bit) >>> 0;
  }
  return mask;
}

function endpoint(option: string, e: CtiEndpoint | undefined): CtiEndpoint {
  if (!e || typeof e !== 'object') throw new CtiOptionsError(option, 'must be {host, port}');
  if (typeof e.host !== 'string' || e.host === '') throw new CtiOptionsError(`${option}.host`, 'is required');
  if (!Number.isInteger(e.port) || e.port < 1 || e.port > 65535) {
    throw new CtiOptionsError(`${option}.port`, `must be 1–65535, got ${e.port}`);
  }
  return { host: e.host, port: e.port };
}

function positive(option: string, v: number | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
    throw new CtiOptionsError(option, `must be a positive number, got ${v}`);
  return v;
}

function atMost(option: string, v: number, max: number): number {
  if (v > max) throw new CtiOptionsError(option, `must be at most ${max}, got ${v}`);
  return v;
}

function optString(option: string, v: string | undefined, max: number): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new CtiOptionsError(option, 'must be a string');
  if (v.length > max) throw new CtiOptionsError(option, `at most ${max} characters, got ${v.length}`);
  return v;
}

export function resolveOptions(o: CtiSessionOptions): ResolvedOptions {
  if (!o || typeof o !== 'object') throw new CtiOptionsError('options', 'must be an object');
  // The session no longer owns a recorder (it offers tapFrames); an old caller gets told where recording went.
  if ('record' in o && (o as { record?: unknown }).record !== undefined) {
    throw new CtiOptionsError(
      'record',
      'recording attaches from outside now: recordSession(session, path) from lib/record',
    );
  }
  const sides = [endpoint('sideA', o.sideA)];
  if (o.sideB) sides.push(endpoint('sideB', o.sideB));

  if (typeof o.clientId !== 'string' || o.clientId === '') throw new CtiOptionsError('clientId', 'is required');
  if (o.clientId.length > 63) throw new CtiOptionsError('clientId', 'at most 63 characters');
  const clientPassword = o.clientPassword ?? '';
  if (typeof clientPassword !== 'string' || Buffer.byteLength(clientPassword) > 64) {
    throw new CtiOptionsError('clientPassword', 'must be a string of at most 64 bytes');
  }

  const versionAuto = o.version === undefined || o.version === 'auto';
  const version = versionAuto ? MAX_VERSION : (o.version as number);
  if (!(SUPPORTED_VERSIONS as readonly number[]).includes(version)) {
    throw new CtiOptionsError(
      'version',
      `${String(o.version)} is not supported; use 'auto' or one of ${SUPPORTED_VERSIONS.join(', ')}`,
    );
  }

  const peripheralId = o.peripheralId ?? NO_PERIPHERAL;
  if (!Number.isInteger(peripheralId) || peripheralId < 0 || peripheralId > 0xffffffff) {
    throw new CtiOptionsError('peripheralId', `must be an unsigned integer, got ${peripheralId}`);
  }

  let services = toMask('services', o.services ?? ['CTI_SERVICE_ALL_EVENTS'], ServiceMask, 'CTI_SERVICE_');
  const activeStandby = o.activeStandby ?? version >= 24;
  const standbyBit = ServiceMask.byName.CTI_SERVICE_ACTIVE_STANDBY;
  if (activeStandby && version >= 24) services = (services | standbyBit) >>> 0;
  if (!activeStandby) services = (services & ~standbyBit) >>> 0;
  if ((services & ServiceMask.byName.CTI_SERVICE_CLIENT_EVENTS) !== 0) {
    if (peripheralId === NO_PERIPHERAL) throw new CtiOptionsError('peripheralId', 'is required for CLIENT_EVENTS');
    if (!o.agentExtension && !o.agentId && !o.agentInstrument) {
      throw new CtiOptionsError('agentExtension', 'CLIENT_EVENTS needs agentExtension, agentId or agentInstrument');
    }
  }

  const heartbeatMs = resolveHeartbeat(o);
  const deadAfterIntervals = positive('deadAfterIntervals', o.deadAfterIntervals, 3);
  let idleTimeoutSeconds: number;
  if (o.idleTimeout !== undefined) {
    if (!Number.isInteger(o.idleTimeout) || o.idleTimeout < 20) {
      throw new CtiOptionsError('idleTimeout', `must be an integer ≥ 20 seconds (guide minimum), got ${o.idleTimeout}`);
    }
    idleTimeoutSeconds = o.idleTimeout;
  } else {
    idleTimeoutSeconds = heartbeatMs === 0 ? NO_IDLE_TIMEOUT : Math.max(20, Math.ceil((4 * heartbeatMs) / 1000));
  }

  const r = o.reconnect ?? {};
  const reconnect: Required<CtiReconnectOptions> = {
    enabled: r.enabled ?? true,
    initialDelayMs: positive('reconnect.initialDelayMs', r.initialDelayMs, 1000),
    maxDelayMs: positive('reconnect.maxDelayMs', r.maxDelayMs, 30000),
    factor: positive('reconnect.factor', r.factor, 2),
    jitter: r.jitter ?? 0.2,
    maxOpenFailures: r.maxOpenFailures ?? 0,
  };
  if (reconnect.jitter < 0 || reconnect.jitter > 1) throw new CtiOptionsError('reconnect.jitter', 'must be 0–1');
  if (!Number.isInteger(reconnect.maxOpenFailures) || reconnect.maxOpenFailures < 0) {
    throw new CtiOptionsError('reconnect.maxOpenFailures', 'must be an integer ≥ 0 (0 = never give up)');
  }

  const tls = o.tls === true ? {} : o.tls === false || o.tls === undefined ? undefined : o.tls;

  return {
    sides,
    clientId: o.clientId,
    clientPassword,
    clientSignature: optString('clientSignature', o.clientSignature, 63),
    version,
    versionAuto,
    peripheralId,
    servicesRequested: services,
    callMsgMask: maskForVersion(
      'callMsgMask',
      'callMsgMask',
      o.callMsgMask,
      CallEventMask.allBits,
      CallEventMask,
      version,
    ),
    agentStateMask: maskForVersion(
      'agentStateMask',
      'agentStateMask',
      o.agentStateMask,
      AgentStateMask.allBits,
      AgentStateMask,
      version,
    ),
    configMsgMask: maskForVersion('configMsgMask', 'configMsgMask', o.configMsgMask, 0, ConfigMsgMask, version),
    agentExtension: optString('agentExtension', o.agentExtension, 15),
    agentId: optString('agentId', o.agentId, 11),
    agentInstrument: optString('agentInstrument', o.agentInstrument, 63),
    heartbeatMs,
    deadAfterIntervals,
    idleTimeoutSeconds,
    connectTimeoutMs: positive('connectTimeoutMs', o.connectTimeoutMs, 10000),
    openTimeoutMs: positive('openTimeoutMs', o.openTimeoutMs, 30000),
    requestTimeoutMs: positive('requestTimeoutMs', o.requestTimeoutMs, 10000),
    closeTimeoutMs: positive('closeTimeoutMs', o.closeTimeoutMs, 5000),
    reconnect,
    tls,
    trackCalls: o.trackCalls ?? true,
    maxCalls: positive('maxCalls', o.maxCalls, 5000),
    maxCallAgeMs: positive('maxCallAgeMs', o.maxCallAgeMs, 4 * 3600 * 1000),
    maxPreCalls: positive('maxPreCalls', o.maxPreCalls, 1000),
    maxPreCallAgeMs: positive('maxPreCallAgeMs', o.maxPreCallAgeMs, 5 * 60 * 1000),
    maxMessageLength: positive('maxMessageLength', o.maxMessageLength, 12500),
    registration: o.registerVariables === undefined ? undefined : registrationRequest(o.registerVariables),
    hotStandby: o.hotStandby ?? true,
    acceptMaintenance: o.acceptMaintenance ?? true,
    maintenanceAnswerMs: atMost(
      'maintenanceAnswerMs',
      positive('maintenanceAnswerMs', o.maintenanceAnswerMs, 4000),
      5000,
    ),
    maintenanceDrainMs: positive('maintenanceDrainMs', o.maintenanceDrainMs, 5000),
    explicitMasks: explicitMasks(o, services),
  };
}

/** The masks given in `o` (already validated above), as sent at the highest version; `services` as resolved. */
function explicitMasks(o: CtiSessionOptions, services: number): ExplicitMasks {
  const given: ExplicitMasks = {};
  if (o.services !== undefined)
    given.servicesRequested = (services & toMask('services', o.services, ServiceMask, 'CTI_SERVICE_')) >>> 0;
  if (o.callMsgMask !== undefined) given.callMsgMask = toMask('callMsgMask', o.callMsgMask, CallEventMask);
  if (o.agentStateMask !== undefined) given.agentStateMask = toMask('agentStateMask', o.agentStateMask, AgentStateMask);
  if (o.configMsgMask !== undefined) given.configMsgMask = toMask('configMsgMask', o.configMsgMask, ConfigMsgMask);
  return given;
}

/** The guide's REGISTER_VARIABLES_REQ: CallVariableMask bit0 = CallVariable1 … bit9 = CallVariable10; names only. */
export function registrationRequest(r: CtiVariableRegistration): CtiMessage {
  if (r === null || typeof r !== 'object')
    throw new CtiOptionsError('registerVariables', 'must be {callVariables, namedVariables, namedArrays}');
  let mask = 0;
  for (const n of r.callVariables ?? []) {
    if (!Number.isInteger(n) || n < 1 || n > 10)
      throw new CtiOptionsError('registerVariables.callVariables', `must be numbers 1–10, got ${n}`);
    mask |= 1 << (n - 1);
  }
  const names = (option: string, list: string[] | undefined): Array<{ name: string; value: string }> =>
    (list ?? []).map((name) => {
      if (typeof name !== 'string' || name === '' || name.length > 32)
        throw new CtiOptionsError(option, `names must be 1–32 characters, got ${JSON.stringify(name)}`);
      return { name, value: '' };
    });
  return {
    messageType: 'REGISTER_VARIABLES_REQ',
    callVariableMask: mask,
    namedVariables: names('registerVariables.namedVariables', r.namedVariables),
    namedArrays: names('registerVariables.namedArrays', r.namedArrays).map((v) => ({ ...v, index: 0 })),
  };
}

function resolveHeartbeat(o: CtiSessionOptions): number {
  if (o.heartbeatIntervalMs !== undefined) {
    if (!Number.isFinite(o.heartbeatIntervalMs) || o.heartbeatIntervalMs < 0) {
      throw new CtiOptionsError('heartbeatIntervalMs', `must be ≥ 0, got ${o.heartbeatIntervalMs}`);
    }
    return o.heartbeatIntervalMs;
  }
  const s = o.heartbeatInterval ?? 30;
  if (s === 0 || s === -1) return 0;
  if (!Number.isFinite(s) || s < 5) {
    throw new CtiOptionsError('heartbeatInterval', `must be ≥ 5 seconds (guide minimum), or 0/-1 to disable; got ${s}`);
  }
  return s * 1000;
}
