/** The tracker's working state for one call. It is never handed out: callers get a CallSnapshot. */
import type { CallAgentVisit, CallAgents } from './call-agents';
import type { CallConnection } from './call-connection';
import { NO_DATA, type CallVariables, type Ecc } from './call-data';
import type { RestatementState } from './call-restated';

export interface CallRecord extends CallAgents, RestatementState {
  key: string;
  /** The call has the connection its key names (CallIndex finds that one by the key). */
  ownsKey: boolean;
  connections: CallConnection[];
  data: Record<string, unknown>;
  /** Frozen, replaced when changed: snapshots share them (call-context.ts). */
  callVariables: Readonly<CallVariables>;
  ecc: Readonly<Ecc>;
  parties: Record<string, unknown>;
  /** The devices (agents) the call passed, and which of them has it now (call-agents.ts). */
  history: CallAgentVisit[];
  currentVisit: number;
  established: boolean;
  partial: boolean;
  lastEvent: string;
  eventCount: number;
  startedAt: number;
  updatedAt: number;
  seq: number;
  /** Key connections of consult calls merged into this one by a transfer / conference (made on the first). */
  merged?: Set<string>;
  /** Shared empty until a pre-call is merged (most calls have none): replaced, never pushed to. */
  preCallFrom: readonly string[];
  madeBy?: string;
  consultOf?: string;
  /** Created by a CONF; no event for it yet (a BEGIN_CALL with another connection may adopt it). */
  awaitingBegin: boolean;
  /** routerCallKey's day and call id as indexed by CallIndex. */
  routerBase?: number;
}

const NO_SOURCES: readonly string[] = Object.freeze([]);
/** Shared by calls that have none yet: lists are replaced when they grow (appended), never pushed to. */
const NONE = Object.freeze([]) as unknown as never[];

/**
 * The record's `data` with the fields almost every call gets already there (undefined until a message says
 * them): the fields sit inside the object instead of in a second block that grows as they arrive. Rarer ones
 * (customer numbers, wrap-up data, user-to-user info …) are added when said.
 */
function newCallData(): Record<string, unknown> {
  return {
    peripheralId: undefined,
    ani: undefined,
    dnis: undefined,
    dialedNumber: undefined,
    callerEnteredDigits: undefined,
    callType: undefined,
    routerCallKey: undefined,
    agentId: undefined,
    skillGroupNumber: undefined,
    serviceNumber: undefined,
    localConnectionState: undefined,
    lastEventCause: undefined,
  };
}

/**
 * Every field is there from the start (the optional ones undefined): a field added later would give the record
 * a second block of properties, and records of one shape share one hidden class.
 */
export function newCallRecord(key: string, partial: boolean, now: number, seq: number): CallRecord {
  return {
    key,
    ownsKey: false,
    connections: NONE,
    data: newCallData(),
    callVariables: NO_DATA,
    ecc: NO_DATA,
    parties: {},
    history: NONE,
    currentVisit: -1,
    established: false,
    partial,
    lastEvent: '',
    eventCount: 0,
    startedAt: now,
    updatedAt: now,
    seq,
    preCallFrom: NO_SOURCES,
    awaitingBegin: false,
    merged: undefined,
    madeBy: undefined,
    consultOf: undefined,
    routerBase: undefined,
    restating: undefined,
    restated: undefined,
    restatedOn: -1,
  };
}
