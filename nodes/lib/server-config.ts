/**
 * The cti-server node's editor properties (the flow-file contract) and their translation into CtiSession options.
 * Everything a user can type is checked here, every field at once, so a deploy reports all bad values in one
 * readable error, never a crash and never one field per deploy.
 */
import * as path from 'node:path';
import { ServiceMask } from '../../lib/protocol';
import type { CtiSessionOptions, CtiVariableRegistration } from '../../lib/session';
import type { RecorderOptions } from '../../lib/record';
import { SERVER_DEFAULTS, SERVER_LIMITS } from './defaults';
import { tr, type Params } from './i18n';

export interface CtiServerConfig {
  name?: string;
  /** HA pair over MQTT (README "Scaling out"): the group name; empty = no pair. */
  haGroup?: string;
  /** The broker's URL, mqtt://host:1883 or mqtts://host:8883. */
  haBroker?: string;
  /** This member's name (empty: host name and process id). */
  haInstance?: string;
  /** A tls-config node for the broker connection. */
  haTls?: string;
  /** The configuration format version (see migrations.ts). */
  configVersion?: number;
  hostA: string;
  portA?: number | string;
  hostB?: string;
  portB?: number | string;
  peripheralId?: number | string;
  clientId?: string;
  /** A protocol version 15-25, or 'auto' (the highest the server accepts). */
  version?: number | string;
  services?: string[] | string;
  agentExtension?: string;
  agentId?: string;
  agentInstrument?: string;
  heartbeat?: number | string;
  idleTimeout?: number | string;
  /** Answer the CTI Server's maintenance-mode request with "rejected" (default: accept when side B can take over). */
  rejectMaintenance?: boolean | string;
  tls?: string;
  /** "Receive only selected variables": the three properties below apply only when this is true. */
  registerVariables?: boolean | string;
  /** CallVariable numbers 1–10 to receive. */
  registerCallVariables?: Array<number | string> | string;
  /** ECC variable names to receive, comma separated. */
  registerEcc?: string;
  /** ECC array names to receive, comma separated. */
  registerEccArrays?: string;
  /** "Record to file": every frame of the session, as JSON Lines (lib/record). */
  record?: boolean | string;
  recordPath?: string;
  recordMaxMb?: number | string;
  recordMaxFiles?: number | string;
  recordMask?: boolean | string;
}

/** Every problem found in a configuration, in the order of the editor's fields. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  /** The property names concerned (for the short status). */
  readonly fields: readonly string[];
  constructor(problems: Array<{ field: string; text: string }>) {
    super(problems.map((p) => p.text).join('; '));
    this.name = 'ConfigError';
    this.problems = problems.map((p) => p.text);
    this.fields = [...new Set(problems.map((p) => p.field))];
  }
}

/** Collects problems instead of stopping at the first. */
class Problems {
  readonly list: Array<{ field: string; text: string }> = [];
  add(field: string, key: string, params: Params = {}): undefined {
    this.list.push({ field, text: tr(`cti-server.config.${key}`, params) });
    return undefined;
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new ConfigError(this.list);
  }
}

const label = (field: string): string => tr(`cti-server.field.${field}`);

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function port(p: Problems, field: 'portA' | 'portB', v: unknown, dflt: number): number | undefined {
  if (isBlank(v)) return dflt;
  const n = Number(v);
  if (Number.isInteger(n) && n >= 1 && n <= SERVER_LIMITS.maxPort) return n;
  return p.add(field, 'bad-port', { label: label(field), value: String(v), max: SERVER_LIMITS.maxPort });
}

function wholeNumber(p: Problems, field: string, v: unknown, min: number): number | undefined {
  if (isBlank(v)) return undefined;
  const n = Number(v);
  if (Number.isInteger(n) && n >= min) return n;
  return p.add(field, 'bad-int', { label: label(field), value: String(v), min });
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * A host name or address alone, as the editor requires (cti-server.html host()): no port, no scheme, no spaces
 * inside. A flow imported or written without the editor gets the same reasons instead of a failing DNS lookup
 * of "host:42027". A bare IPv6 address (several colons) is a host; "[::1]:42027" is not.
 */
function hostField(p: Problems, field: 'hostA' | 'hostB', v: unknown): string | undefined {
  const s = text(v);
  if (s === undefined) return field === 'hostA' ? p.add('hostA', 'host-required') : undefined;
  if (/\s/.test(s)) return p.add(field, 'host-space', { label: label(field), value: s });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return p.add(field, 'host-scheme', { label: label(field), value: s });
  const withPort = /^\[[^\]]*\]:(\d*)$/.exec(s) ?? (s.split(':').length === 2 ? /:(\d*)$/.exec(s) : null);
  if (withPort !== null) return p.add(field, 'host-port', { label: label(field), value: s, port: withPort[1] });
  return s;
}

function limited(p: Problems, field: string, v: unknown, max: number): string | undefined {
  const s = text(v);
  if (s !== undefined && s.length > max)
    return p.add(field, 'too-long', { label: label(field), length: s.length, max });
  return s;
}

function listOf(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v;
  return String(v).split(',');
}

function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

/** 'auto' (or nothing) → undefined: the session's own default, the highest version the server accepts. */
function version(p: Problems, v: unknown): number | undefined {
  if (isBlank(v) || v === 'auto') return undefined;
  const n = Number(v);
  if (Number.isInteger(n) && n >= SERVER_LIMITS.minVersion && n <= SERVER_LIMITS.maxVersion) return n;
  return p.add('version', 'bad-version', {
    value: String(v),
    min: SERVER_LIMITS.minVersion,
    max: SERVER_LIMITS.maxVersion,
  });
}

/** 0 = no heartbeats; otherwise the guide's minimum applies. */
function heartbeat(p: Problems, v: unknown): number | undefined {
  if (isBlank(v)) return SERVER_DEFAULTS.heartbeat;
  const n = Number(v);
  if (Number.isInteger(n) && (n === 0 || n >= SERVER_LIMITS.minHeartbeat)) return n;
  return p.add('heartbeat', 'bad-heartbeat', { value: String(v), min: SERVER_LIMITS.minHeartbeat });
}

/**
 * The automatic IdleTimeout's floor (seconds). The CTI Server ends a session it has heard nothing from for
 * IdleTimeout seconds: the guide's "typically 4 heartbeat intervals" (20 s with 5-s heartbeats) ends the session
 * of a Node-RED whose event loop is blocked that long (a large deploy, a long synchronous function, a GC pause on
 * a small machine), and every event of the gap is lost. A longer timeout only delays the server noticing a dead
 * client; this client notices a dead server by its own heartbeats either way, and a Node-RED that restarts
 * replaces its old session at once (same ClientID). So: 4 heartbeats, but never under 2 minutes.
 */
export const AUTO_IDLE_TIMEOUT_MIN_S = 120;

/** Empty or 0 = automatic: 4 heartbeat intervals, at least AUTO_IDLE_TIMEOUT_MIN_S; no heartbeats = none. */
function idleTimeout(p: Problems, v: unknown, hb: number | undefined): number | undefined {
  const auto = hb === undefined || hb === 0 ? undefined : Math.max(AUTO_IDLE_TIMEOUT_MIN_S, 4 * hb);
  if (isBlank(v)) return auto;
  const n = Number(v);
  if (n === 0) return auto;
  if (Number.isInteger(n) && n >= SERVER_LIMITS.minIdleTimeout) return n;
  return p.add('idleTimeout', 'bad-idle-timeout', { value: String(v), min: SERVER_LIMITS.minIdleTimeout });
}

/** ALL_EVENTS → CTI_SERVICE_ALL_EVENTS, AGENT_STATE_CONTROL_ONLY → CTI_AGENT_STATE_CONTROL_ONLY. */
export function serviceName(short: string): string | undefined {
  for (const candidate of [short, `CTI_SERVICE_${short}`, `CTI_${short}`]) {
    if (ServiceMask.valueOf(candidate) !== undefined) return candidate;
  }
  return undefined;
}

/** The services a config asks for, short names as the editor saves them (ALL_EVENTS, CLIENT_CONTROL, …). */
export function requestedServiceNames(config: Pick<CtiServerConfig, 'services'>): string[] {
  const list = Array.isArray(config.services)
    ? config.services
    : typeof config.services === 'string' && config.services !== ''
      ? config.services.split(',')
      : SERVER_DEFAULTS.services;
  return list.map((s) => String(s).trim());
}

function services(p: Problems, v: CtiServerConfig['services']): string[] {
  const out: string[] = [];
  for (const s of requestedServiceNames({ services: v })) {
    const name = serviceName(s.trim());
    if (name === undefined) p.add('services', 'unknown-service', { value: s });
    else out.push(name);
  }
  return out;
}

function callVariableNumbers(p: Problems, v: unknown): number[] {
  const numbers = new Set<number>();
  for (const raw of listOf(v)) {
    const n = typeof raw === 'string' && raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > SERVER_LIMITS.callVariables) {
      p.add('registerCallVariables', 'bad-call-variables', { value: String(raw), max: SERVER_LIMITS.callVariables });
    } else numbers.add(n);
  }
  return [...numbers].sort((a, b) => a - b);
}

function eccNames(p: Problems, field: 'registerEcc' | 'registerEccArrays', v: unknown): string[] {
  if (v !== undefined && v !== null && typeof v !== 'string' && !Array.isArray(v)) {
    p.add(field, 'ecc-not-names', { label: label(field) });
    return [];
  }
  const names = new Set<string>();
  for (const raw of listOf(v)) {
    const name = String(raw).trim();
    if (name === '') continue; // "a, , b" or a trailing comma: nothing to register
    if (name.length > SERVER_LIMITS.maxEccName) {
      p.add(field, 'ecc-too-long', { label: label(field), name, length: name.length, max: SERVER_LIMITS.maxEccName });
    } else names.add(name);
  }
  return [...names];
}

function registration(p: Problems, config: CtiServerConfig): CtiVariableRegistration | undefined {
  if (!isTrue(config.registerVariables)) return undefined;
  return {
    callVariables: callVariableNumbers(p, config.registerCallVariables),
    namedVariables: eccNames(p, 'registerEcc', config.registerEcc),
    namedArrays: eccNames(p, 'registerEccArrays', config.registerEccArrays),
  };
}

/**
 * The variable registration the config asks for, or undefined when "Receive only selected variables" is off
 * (the server then sends every call variable and ECC variable). Ticked with nothing selected is a valid choice:
 * the server then sends none of them. Throws ConfigError naming every bad value.
 */
export function buildRegistration(config: CtiServerConfig): CtiVariableRegistration | undefined {
  const p = new Problems();
  const out = registration(p, config);
  p.throwIfAny();
  return out;
}

/** The "record to file" settings, or undefined when off. */
export interface RecordSettings {
  path: string;
  maxBytes: number;
  maxFiles: number;
  mask: boolean;
}

function recordSettings(p: Problems, config: CtiServerConfig): RecordSettings | undefined {
  if (!isTrue(config.record)) return undefined;
  const path = text(config.recordPath);
  if (path === undefined) p.add('recordPath', 'record-path-required');
  const maxMb = wholeNumber(p, 'recordMaxMb', config.recordMaxMb, 1) ?? SERVER_DEFAULTS.recordMaxMb;
  const maxFiles = wholeNumber(p, 'recordMaxFiles', config.recordMaxFiles, 1) ?? SERVER_DEFAULTS.recordMaxFiles;
  return {
    path: path ?? '',
    maxBytes: maxMb * 1024 * 1024,
    maxFiles,
    mask: config.recordMask === undefined ? SERVER_DEFAULTS.recordMask : isTrue(config.recordMask),
  };
}

/** The record settings of a config (throws ConfigError). */
export function buildRecordSettings(config: CtiServerConfig): RecordSettings | undefined {
  const p = new Problems();
  const out = recordSettings(p, config);
  p.throwIfAny();
  return out;
}

/** What a config makes: the session's options and, when recording is on, the recorder's (it taps the session). */
export interface ServerSetup {
  session: CtiSessionOptions;
  record?: RecorderOptions;
}

/**
 * Session (and recorder) options for a config. Throws ConfigError listing every bad value. `tuning` are options
 * set by the Node-RED settings file (timers, reconnect pacing), applied last; a relative record path is taken from
 * `baseDir` (Node-RED's user directory).
 */
export function buildSessionOptions(
  config: CtiServerConfig,
  password: string | undefined,
  tls: Record<string, unknown> | undefined,
  tuning: Partial<CtiSessionOptions> = {},
  baseDir: string = process.cwd(),
): ServerSetup {
  const p = new Problems();
  const hostA = hostField(p, 'hostA', config.hostA);
  const portA = port(p, 'portA', config.portA, SERVER_DEFAULTS.portA);
  const hostB = hostField(p, 'hostB', config.hostB);
  const portB = port(p, 'portB', config.portB, SERVER_DEFAULTS.portB);
  const clientId = limited(p, 'clientId', config.clientId, SERVER_LIMITS.maxClientId) ?? SERVER_DEFAULTS.clientId;
  if (password !== undefined && Buffer.byteLength(password) > SERVER_LIMITS.maxPasswordBytes) {
    p.add('password', 'password-too-long', { max: SERVER_LIMITS.maxPasswordBytes });
  }
  const peripheralId = wholeNumber(p, 'peripheralId', config.peripheralId, 0);
  const v = version(p, config.version);
  const serviceNames = services(p, config.services);
  const agentExtension = limited(p, 'agentExtension', config.agentExtension, SERVER_LIMITS.maxAgentExtension);
  const agentId = limited(p, 'agentId', config.agentId, SERVER_LIMITS.maxAgentId);
  const agentInstrument = limited(p, 'agentInstrument', config.agentInstrument, SERVER_LIMITS.maxAgentInstrument);
  // Guide: a supervisor session is a Client Events session of the supervisor's own agent (an All Events bridge may
  // ask for the service too and name the agent in each request).
  if (
    serviceNames.includes('CTI_SERVICE_SUPERVISOR') &&
    !serviceNames.includes('CTI_SERVICE_CLIENT_EVENTS') &&
    !serviceNames.includes('CTI_SERVICE_ALL_EVENTS')
  )
    p.add('services', 'supervisor-needs-client-events');
  if (serviceNames.includes('CTI_SERVICE_CLIENT_EVENTS')) {
    if (isBlank(config.peripheralId)) p.add('peripheralId', 'client-events-needs-peripheral');
    if ([config.agentExtension, config.agentId, config.agentInstrument].every(isBlank)) {
      p.add('agentExtension', 'client-events-needs-agent');
    }
  }
  const hb = heartbeat(p, config.heartbeat);
  const idle = idleTimeout(p, config.idleTimeout, hb);
  const registerVariables = registration(p, config);
  const record = recordSettings(p, config);
  p.throwIfAny();
  const session: CtiSessionOptions = {
    sideA: { host: hostA as string, port: portA as number },
    sideB: hostB === undefined ? undefined : { host: hostB, port: portB as number },
    clientId,
    clientPassword: password ?? '',
    clientSignature: 'node-red-contrib-cisco-cti',
    version: v,
    peripheralId,
    services: serviceNames,
    agentExtension,
    agentId,
    agentInstrument,
    heartbeatInterval: hb,
    idleTimeout: idle,
    tls: tls === undefined ? undefined : (tls as { ca?: string }),
    registerVariables,
    // Flows saved before the option existed have none: accept, the well-behaved default.
    acceptMaintenance: !(config.rejectMaintenance === true || config.rejectMaintenance === 'true'),
    ...tuning,
  };
  if (record === undefined) return { session };
  return {
    session,
    record: {
      path: path.resolve(baseDir, record.path),
      maxBytes: record.maxBytes,
      maxFiles: record.maxFiles,
      mask: record.mask,
    },
  };
}
