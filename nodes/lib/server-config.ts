/**
 * The cti-server node's editor properties (the flow-file contract) and their translation into CtiSession options.
 * Everything a user can type is checked here so a bad value becomes a readable error, never a crash.
 */
import { ServiceMask } from '../../lib/protocol';
import type { CtiVariableRegistration } from '../../lib/session';

export interface CtiServerConfig {
  name?: string;
  hostA: string;
  portA?: number | string;
  hostB?: string;
  portB?: number | string;
  peripheralId?: number | string;
  clientId?: string;
  version?: number | string;
  services?: string[] | string;
  agentExtension?: string;
  agentId?: string;
  agentInstrument?: string;
  heartbeat?: number | string;
  idleTimeout?: number | string;
  tls?: string;
  /** "Receive only selected variables": the three properties below apply only when this is true. */
  registerVariables?: boolean | string;
  /** CallVariable numbers 1–10 to receive. */
  registerCallVariables?: Array<number | string> | string;
  /** ECC variable names to receive, comma separated. */
  registerEcc?: string;
  /** ECC array names to receive, comma separated. */
  registerEccArrays?: string;
}

export const DEFAULT_PORT_A = 42027;
export const DEFAULT_PORT_B = 43027;
export const DEFAULT_SERVICES = ['ALL_EVENTS', 'CALL_DATA_UPDATE', 'CLIENT_CONTROL'];
/** The guide's limit for an ECC name (the session checks the same). */
export const MAX_ECC_NAME_LENGTH = 32;

/** ALL_EVENTS → CTI_SERVICE_ALL_EVENTS, AGENT_STATE_CONTROL_ONLY → CTI_AGENT_STATE_CONTROL_ONLY. */
export function serviceName(short: string): string {
  for (const candidate of [short, `CTI_SERVICE_${short}`, `CTI_${short}`]) {
    if (ServiceMask.valueOf(candidate) !== undefined) return candidate;
  }
  throw new Error(`unknown service "${short}"`);
}

function port(v: unknown, dflt: number, label: string): number {
  if (v === undefined || v === null || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new Error(`${label} must be a port number 1-65535, got "${String(v)}"`);
  return n;
}

function optionalInt(v: unknown, label: string, min: number): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${label} must be a whole number ≥ ${min}, got "${String(v)}"`);
  return n;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function listOf(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v;
  return String(v).split(',');
}

function callVariableNumbers(v: unknown): number[] {
  const numbers = new Set<number>();
  for (const raw of listOf(v)) {
    const n = typeof raw === 'string' && raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 10) {
      throw new Error(`call variables to receive must be numbers 1-10, got "${String(raw)}"`);
    }
    numbers.add(n);
  }
  return [...numbers].sort((a, b) => a - b);
}

function eccNames(v: unknown, label: string): string[] {
  if (v !== undefined && v !== null && typeof v !== 'string' && !Array.isArray(v)) {
    throw new Error(`${label} must be names separated by commas`);
  }
  const names = new Set<string>();
  for (const raw of listOf(v)) {
    const name = String(raw).trim();
    if (name === '') continue; // "a, , b" or a trailing comma: nothing to register
    if (name.length > MAX_ECC_NAME_LENGTH) {
      throw new Error(
        `${label}: "${name}" is ${name.length} characters; names are 1-${MAX_ECC_NAME_LENGTH} characters`,
      );
    }
    names.add(name);
  }
  return [...names];
}

/**
 * The variable registration the config asks for, or undefined when "Receive only selected variables" is off
 * (the server then sends every call variable and ECC variable). Ticked with nothing selected is a valid choice:
 * the server then sends none of them.
 */
export function buildRegistration(config: CtiServerConfig): CtiVariableRegistration | undefined {
  if (config.registerVariables !== true && config.registerVariables !== 'true') return undefined;
  return {
    callVariables: callVariableNumbers(config.registerCallVariables),
    namedVariables: eccNames(config.registerEcc, 'ECC variable names'),
    namedArrays: eccNames(config.registerEccArrays, 'ECC array names'),
  };
}

/** The services a config asks for, short names as the editor saves them (ALL_EVENTS, CLIENT_CONTROL, …). */
export function requestedServiceNames(config: Pick<CtiServerConfig, 'services'>): string[] {
  const list = Array.isArray(config.services)
    ? config.services
    : typeof config.services === 'string' && config.services !== ''
      ? config.services.split(',')
      : DEFAULT_SERVICES;
  return list.map((s) => String(s).trim());
}

/** Session options for a config (throws Error with a readable message for a bad value). */
export function buildSessionOptions(
  config: CtiServerConfig,
  password: string | undefined,
  tls: Record<string, unknown> | undefined,
): ConstructorParameters<typeof import('../../lib/session').CtiSession>[0] {
  const hostA = text(config.hostA);
  if (hostA === undefined) throw new Error('side A host is required');
  const hostB = text(config.hostB);
  const services = requestedServiceNames(config);
  const version = optionalInt(config.version, 'version', 15);
  if (version !== undefined && version > 25) throw new Error(`version must be 15-25, got ${version}`);
  const peripheralId = optionalInt(config.peripheralId, 'peripheral ID', 0);
  const heartbeat = optionalInt(config.heartbeat, 'heartbeat', 0);
  const idleTimeout = optionalInt(config.idleTimeout, 'idle timeout', 0);
  return {
    sideA: { host: hostA, port: port(config.portA, DEFAULT_PORT_A, 'side A port') },
    sideB: hostB === undefined ? undefined : { host: hostB, port: port(config.portB, DEFAULT_PORT_B, 'side B port') },
    clientId: text(config.clientId) ?? 'NodeRED',
    clientPassword: password ?? '',
    clientSignature: 'node-red-contrib-cisco-cti',
    version,
    peripheralId,
    services: services.map(serviceName),
    agentExtension: text(config.agentExtension),
    agentId: text(config.agentId),
    agentInstrument: text(config.agentInstrument),
    heartbeatInterval: heartbeat,
    // 0 in the editor means "let the session choose" (4 heartbeat intervals).
    idleTimeout: idleTimeout === 0 ? undefined : idleTimeout,
    tls: tls === undefined ? undefined : (tls as { ca?: string }),
    registerVariables: buildRegistration(config),
  };
}
