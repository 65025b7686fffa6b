/**
 * The session's side of the OPEN_REQ / OPEN_CONF exchange (cti-protocol.md Part 1): what the request carries,
 * and what the answer means for where the session goes next.
 */
import { ServiceMask, SessionType, maskBitsDefinedIn, type CtiMessage } from '../protocol';
import { CtiOpenError } from './errors';
import { NO_PERIPHERAL, type ResolvedOptions } from './options';

/**
 * The OPEN_REQ for protocol `version`. Every mask holds only the bits that version defines (mask-versions.ts):
 * a server of an older version refuses a bit it does not know.
 */
export function openRequest(o: Readonly<ResolvedOptions>, invokeId: number, version = o.version): CtiMessage {
  const req: CtiMessage = {
    messageType: 'OPEN_REQ',
    invokeId,
    versionNumber: version,
    idleTimeout: o.idleTimeoutSeconds,
    peripheralId: o.peripheralId,
    servicesRequested: (o.servicesRequested & maskBitsDefinedIn('servicesRequested', version)) >>> 0,
    callMsgMask: (o.callMsgMask & maskBitsDefinedIn('callMsgMask', version)) >>> 0,
    agentStateMask: (o.agentStateMask & maskBitsDefinedIn('agentStateMask', version)) >>> 0,
    configMsgMask: (o.configMsgMask & maskBitsDefinedIn('configMsgMask', version)) >>> 0,
    clientId: o.clientId,
    clientPassword: Buffer.from(o.clientPassword, 'utf8'),
  };
  if (o.clientSignature !== undefined) req.clientSignature = o.clientSignature;
  if (o.agentExtension !== undefined) req.agentExtension = o.agentExtension;
  if (o.agentId !== undefined) req.agentId = o.agentId;
  if (o.agentInstrument !== undefined) req.agentInstrument = o.agentInstrument;
  return req;
}

/** The client asked for active/standby service and the side that answered is the standby. */
export function isStandbyOpenConf(conf: CtiMessage, o: Readonly<ResolvedOptions>): boolean {
  const standbyAsked = (o.servicesRequested & ServiceMask.byName.CTI_SERVICE_ACTIVE_STANDBY) !== 0;
  return standbyAsked && conf.sessionType === SessionType.byName.SESSION_TYPE_STANDBY;
}

/** An OPEN_CONF without PeripheralOnline says nothing against the peripheral: taken as online. */
export function peripheralOnlineIn(conf: CtiMessage): boolean {
  return conf.peripheralOnline === undefined ? true : Boolean(conf.peripheralOnline);
}

/** The error for an OPEN_REQ refused with FAILURE_CONF `status`, naming what was asked of which side. */
export function openRefusedError(
  status: number,
  o: Readonly<ResolvedOptions>,
  side: 'A' | 'B',
  version: number,
): CtiOpenError {
  return new CtiOpenError(status, {
    clientId: o.clientId,
    version,
    peripheralId: o.peripheralId === NO_PERIPHERAL ? undefined : o.peripheralId,
    side,
  });
}
