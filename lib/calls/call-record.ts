/** The tracker's working state for one call. It is never handed out: callers get a CallSnapshot. */
import type { CallAgentVisit, CallAgents } from './call-agents';
import type { CallConnection } from './call-connection';
import { NO_DATA, type CallVariables, type Ecc } from './call-data';

export interface CallRecord extends CallAgents {
  key: string;
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

export function newCallRecord(key: string, partial: boolean, now: number, seq: number): CallRecord {
  return {
    key,
    connections: [],
    data: {},
    callVariables: NO_DATA,
    ecc: NO_DATA,
    parties: {},
    history: [],
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
  };
}
