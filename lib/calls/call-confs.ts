/**
 * Calls made or joined by a request (§6.4): MAKE_CALL / MAKE_PREDICTIVE_CALL / CONSULTATION_CALL /
 * CONFERENCE_CALL / TRANSFER_CALL CONFs name the resulting call's connection (NewConnection*). The call that
 * has it (or, for a made call, a new one) gets it, so the events that follow find their call whichever comes
 * first: the guide leaves CONF vs event order open. A consult call inherits the active call's call variables
 * and ECC (§5.9, §6.3), overridden by the request's fields; values from the call's own events always win.
 */
import type { CtiMessage } from '../protocol';
import { connectedParties, connectionOf, type CallConnection } from './call-connection';
import { fillMissing } from './call-context';
import { readCallVariables, readEcc, type CallDataSets } from './call-data';
import type { CallIndex } from './call-index';
import type { CallRecord } from './call-record';

/** CONFs whose NewConnection* is a call the request created. */
const NEW_CALL_CONFS = new Set(['MAKE_CALL_CONF', 'MAKE_PREDICTIVE_CALL_CONF', 'CONSULTATION_CALL_CONF']);
/** CONFs whose NewConnection* is the call resulting from joining the held and the active call. */
const JOIN_CONFS = new Set(['CONFERENCE_CALL_CONF', 'TRANSFER_CALL_CONF']);
/** Request fields that become the new call's context (MAKE_CALL_REQ, CONSULTATION_CALL_REQ). */
const REQUEST_CONTEXT_FIELDS = ['dialedNumber', 'userToUserInfo', 'callWrapupData', 'agentInstrument'] as const;
/**
 * What a consult call inherits from the active call.
 * Unsure: §5.9 says "inherits the active call's context data" without a list; chose call variables, ECC and
 * CallWrapupData (the call data SET_CALL_DATA works on). ANI, DNIS, CED and RouterCallKey describe the consult
 * leg's own origin and routing, so they are not copied.
 */
const INHERITED_FIELDS = ['callWrapupData'] as const;

export function isCallConf(messageType: string): boolean {
  return NEW_CALL_CONFS.has(messageType) || JOIN_CONFS.has(messageType);
}

/**
 * Attaches the CONF's resulting connection to its call (creating the call if needed) and gives the call the
 * context the request carried. Returns the call and that connection; undefined if the CONF names none.
 */
export function applyCallConf(
  index: CallIndex,
  conf: CtiMessage,
  request: CtiMessage | undefined,
): { rec: CallRecord; result: CallConnection } | undefined {
  const result = connectionOf(conf, 'newConnection');
  if (!result) return undefined;
  const t = conf.messageType;
  let rec = index.at(result);
  if (JOIN_CONFS.has(t)) {
    const held = request ? connectionOf(request, 'heldConnection') : undefined;
    const active = request ? connectionOf(request, 'activeConnection') : undefined;
    rec ??= (held ? index.find(held, t) : undefined) ?? (active ? index.find(active, t) : undefined);
    // Neither joined call is tracked: still know the resulting connection (its start was missed).
    // Unsure: the request's call variables / ECC are not applied to a joined call; the server reports the
    // result of a transfer / conference through the call's events (CALL_DATA_UPDATE).
    if (!rec) rec = index.create(result, true);
    else index.attach(rec, result);
    const parties = connectedParties(conf);
    if (parties.length > 0) {
      for (const p of parties) index.attach(rec, p);
      rec.parties.connected = parties;
    }
  } else {
    if (!rec) {
      rec = index.create(result, false);
      rec.awaitingBegin = true;
    }
    rec.madeBy ??= t;
    const activeOfRequest =
      t === 'CONSULTATION_CALL_CONF' && request ? connectionOf(request, 'activeConnection') : undefined;
    const source = activeOfRequest ? index.find(activeOfRequest, t) : undefined;
    // The request's own fields override the inherited context; the call's events (already seen or still to
    // come) override both.
    if (request) fillMissing(rec, request, REQUEST_CONTEXT_FIELDS, requestContext(request));
    if (source && source !== rec) inheritFromConsulted(rec, source);
  }
  return { rec, result };
}

/** `rec` is a consult call made from `source`: link it and let it inherit what its own events did not say. */
export function inheritFromConsulted(rec: CallRecord, source: CallRecord): void {
  rec.consultOf = source.key;
  fillMissing(rec, source.data, INHERITED_FIELDS, source);
}

/** Call variables and ECC a MAKE_CALL_REQ / CONSULTATION_CALL_REQ gives its new call. */
function requestContext(request: CtiMessage): CallDataSets {
  const ctx = { callVariables: {}, ecc: {} };
  readCallVariables(request, ctx.callVariables);
  readEcc(request, ctx.ecc);
  return ctx;
}
