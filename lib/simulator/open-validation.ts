import {
  AGENT_STATE_MASK_VALID_BITS,
  CONFIG_MSG_MASK_VALID_BITS,
  type CtiMessage,
  SERVICE_MASK_VALID_BITS,
  ServiceMask,
  StatusCode,
} from '../protocol';
import type { SimAgent, SimModel } from './model';
import { callMsgBitsOf } from './open-tolerance';
import { teamsSupervisedBy } from './teams';

const S = StatusCode.byName;
const SVC = ServiceMask.byName;
const NO_HEARTBEATS = 0xffffffff;
const MIN_IDLE_TIMEOUT_S = 20;

/** Services this simulator implements; the rest of a request's bits are valid but not granted. */
const SUPPORTED_SERVICES =
  SVC.CTI_SERVICE_CLIENT_EVENTS |
  SVC.CTI_SERVICE_CALL_DATA_UPDATE |
  SVC.CTI_SERVICE_CLIENT_CONTROL |
  SVC.CTI_SERVICE_ALL_EVENTS |
  SVC.CTI_SERVICE_SUPERVISOR;

/**
 * CallMsgMask bits by the version that introduced them (NETWORK_RECORDING_* with PV23). An OPEN_REQ reaches
 * this check with bits its version lacks already masked off (open-tolerance.ts); a caller that skips that
 * normalization still gets the refusal.
 */
const validCallMsgBits = callMsgBitsOf;

export interface OpenPolicy {
  versions: [number, number];
  password?: string;
  clientId?: string;
  /** false = this side is the standby CTI Server. */
  active: boolean;
  /** This side is in maintenance mode (maintenance.ts): every OPEN_REQ is refused. */
  inMaintenance?: boolean;
  model: SimModel;
  /** Other open sessions, for the device-in-use rule. */
  openSessions: Iterable<{ agent?: SimAgent; clientId?: string; isAllEvents: boolean }>;
}

export type OpenDecision =
  | { ok: false; status: number; reason: string }
  | { ok: true; granted: number; agent?: SimAgent; standby: boolean; replaces?: unknown };

const reject = (status: number, reason: string): OpenDecision => ({ ok: false, status, reason });

/** Checks an OPEN_REQ in the order below; the first failure decides the FAILURE_CONF status. */
export function validateOpen(req: CtiMessage, p: OpenPolicy): OpenDecision {
  const version = req.versionNumber as number;
  if (!(version >= p.versions[0] && version <= p.versions[1])) {
    return reject(S.E_CTI_INVALID_VERSION, `version ${version} not in ${p.versions[0]}-${p.versions[1]}`);
  }
  if (req.reserved1 !== 0 || req.reserved2 !== 0 || req.reserved3 !== 0) {
    return reject(S.E_CTI_INVALID_RESERVED_FIELD, 'Reserved1..3 must be 0');
  }
  const idle = req.idleTimeout as number;
  if (idle !== NO_HEARTBEATS && idle < MIN_IDLE_TIMEOUT_S) {
    return reject(S.E_CTI_INVALID_TIMEOUT, `IdleTimeout ${idle} s is under ${MIN_IDLE_TIMEOUT_S} s`);
  }
  const services = req.servicesRequested as number;
  if ((services & ~SERVICE_MASK_VALID_BITS) >>> 0 !== 0) {
    return reject(
      S.E_CTI_INVALID_SERVICE_MASK,
      `unused ServicesRequested bits 0x${((services & ~SERVICE_MASK_VALID_BITS) >>> 0).toString(16)}`,
    );
  }
  const callMask = req.callMsgMask as number;
  if ((callMask & ~validCallMsgBits(version)) >>> 0 !== 0) {
    return reject(
      S.E_CTI_INVALID_CALL_MSG_MASK,
      `CallMsgMask bits 0x${((callMask & ~validCallMsgBits(version)) >>> 0).toString(16)} are not defined in version ${version}`,
    );
  }
  const agentMask = req.agentStateMask as number;
  if ((agentMask & ~AGENT_STATE_MASK_VALID_BITS) >>> 0 !== 0) {
    return reject(
      S.E_CTI_INVALID_AGENT_STATE_MASK,
      `unused AgentStateMask bits 0x${((agentMask & ~AGENT_STATE_MASK_VALID_BITS) >>> 0).toString(16)}`,
    );
  }
  const configMask = (req.configMsgMask as number) ?? 0;
  if ((configMask & ~CONFIG_MSG_MASK_VALID_BITS) >>> 0 !== 0) {
    return reject(S.E_INVALID_CONFIG_MSG_MASK, 'unused ConfigMsgMask bits');
  }
  if (p.clientId !== undefined && req.clientId !== p.clientId) {
    // Unsure: the guide has no separate status for an unknown ClientID; chose E_CTI_INVALID_PASSWORD.
    return reject(S.E_CTI_INVALID_PASSWORD, `ClientID "${req.clientId}" is not accepted`);
  }
  if (p.password !== undefined) {
    // A client that leaves ClientPassword out (see ClientSession.decodeStrict) has none to offer.
    if (req.clientPassword === undefined) return reject(S.E_CTI_INVALID_PASSWORD, 'no ClientPassword field');
    const pw = Buffer.isBuffer(req.clientPassword)
      ? req.clientPassword.toString('latin1')
      : String(req.clientPassword ?? '');
    if (pw !== p.password) return reject(S.E_CTI_INVALID_PASSWORD, 'wrong ClientPassword');
  }
  if (p.inMaintenance) return reject(S.E_CTI_SERVER_IN_MAINTENANCE_MODE, 'this side is in maintenance mode');
  const wantsStandby = (services & SVC.CTI_SERVICE_ACTIVE_STANDBY) !== 0;
  if (!p.active) {
    if (version < 24)
      return reject(S.E_CTI_CTI_SERVER_OFFLINE, 'this side is the standby; versions before 24 cannot use it');
    if (!wantsStandby)
      return reject(S.E_CTI_INVALID_CLIENT_FOR_STANDBY, 'standby side: CTI_SERVICE_ACTIVE_STANDBY not requested');
  }

  let granted = (services & SUPPORTED_SERVICES) >>> 0;
  if (wantsStandby && version >= 24) granted = (granted | SVC.CTI_SERVICE_ACTIVE_STANDBY) >>> 0;
  const pid = req.peripheralId as number;
  let agent: SimAgent | undefined;
  let replaces: unknown;
  if ((services & SVC.CTI_SERVICE_CLIENT_EVENTS) !== 0) {
    if (pid !== p.model.peripheralId)
      return reject(S.E_CTI_INVALID_PERIPHERAL_ID, `PeripheralID ${pid} is not ${p.model.peripheralId}`);
    const given: [string, SimAgent | undefined][] = [];
    if (req.agentExtension) given.push(['extension', p.model.findAgent({ extension: req.agentExtension })]);
    if (req.agentId) given.push(['agentId', p.model.findAgent({ agentId: req.agentId })]);
    if (req.agentInstrument) given.push(['instrument', p.model.findAgent({ instrument: req.agentInstrument })]);
    if (given.length === 0) {
      return reject(S.E_CTI_REQUIRED_DATA_MISSING, 'Client Events needs AgentExtension, AgentID or AgentInstrument');
    }
    const found = new Set(given.map(([, a]) => a));
    if (found.size === 1 && found.has(undefined)) return reject(S.E_CTI_INVALID_AGENT_DATA, 'no such agent');
    if (found.size > 1) return reject(S.E_CTI_INCONSISTENT_AGENT_DATA, 'agent fields name different agents');
    agent = [...found][0]!;
    for (const other of p.openSessions) {
      if (other.agent !== agent || other.isAllEvents) continue;
      // Guide: the same client opening again replaces its old session; another client is refused.
      if (other.clientId === req.clientId) replaces = other;
      else return reject(S.E_CTI_DEVICE_IN_USE, `agent ${agent.agentId} already has a Client Events session`);
    }
  } else if (pid !== 0xffffffff && pid !== p.model.peripheralId) {
    return reject(S.E_CTI_INVALID_PERIPHERAL_ID, `PeripheralID ${pid} is not ${p.model.peripheralId}`);
  }
  const supervisor = checkSupervisor(services, agent, p.model);
  if (supervisor !== undefined) return supervisor;
  return { ok: true, granted, agent, standby: !p.active, replaces };
}

/**
 * CTI_SERVICE_SUPERVISOR (cti-protocol-supervisor-config.md §20.0): with Client Events, the agent must supervise
 * an agent team, else the whole open is refused with E_CTI_FUNCTION_NOT_AVAILABLE. Without Client Events it is
 * granted only to an All Events (bridge) client, which names the agent in each supervisor request.
 * Unsure: the guide only says the bit needs Client Events; a bridge asking for it (as CTI OS Server does) is
 * accepted, anything else refused with the same status.
 */
function checkSupervisor(services: number, agent: SimAgent | undefined, model: SimModel): OpenDecision | undefined {
  if ((services & SVC.CTI_SERVICE_SUPERVISOR) === 0) return undefined;
  if (agent !== undefined) {
    if (teamsSupervisedBy(model, agent.agentId).length === 0)
      return reject(S.E_CTI_FUNCTION_NOT_AVAILABLE, `agent ${agent.agentId} supervises no agent team`);
    return undefined;
  }
  if ((services & SVC.CTI_SERVICE_ALL_EVENTS) === 0)
    return reject(S.E_CTI_FUNCTION_NOT_AVAILABLE, 'CTI_SERVICE_SUPERVISOR needs CTI_SERVICE_CLIENT_EVENTS');
  return undefined;
}
