/** The tracker's working state for one call. It is never handed out: callers get a CallSnapshot. */
import { newCallAgents, type CallAgents } from './call-agents';
import type { CallConnection } from './call-connection';
import type { CallVariables, NamedArrays, NamedVariables } from './call-data';

export interface CallRecord {
  key: string;
  connections: CallConnection[];
  data: Record<string, unknown>;
  callVariables: CallVariables;
  namedVariables: NamedVariables;
  namedArrays: NamedArrays;
  parties: Record<string, unknown>;
  /** The devices (agents) the call passed and the one that has it now. */
  agents: CallAgents;
  established: boolean;
  partial: boolean;
  lastEvent: string;
  eventCount: number;
  startedAt: number;
  updatedAt: number;
  seq: number;
  /** Key connections of consult calls merged into this one by a transfer / conference. */
  merged: Set<string>;
  preCallFrom: string[];
  madeBy?: string;
  consultOf?: string;
  /** Created by a CONF; no event for it yet (a BEGIN_CALL with another connection may adopt it). */
  awaitingBegin: boolean;
  /** routerCallBase of routerCallKey, as indexed by CallIndex. */
  routerBase?: string;
}

export function newCallRecord(key: string, partial: boolean, now: number, seq: number): CallRecord {
  return {
    key,
    connections: [],
    data: {},
    callVariables: {},
    namedVariables: {},
    namedArrays: {},
    parties: {},
    agents: newCallAgents(),
    established: false,
    partial,
    lastEvent: '',
    eventCount: 0,
    startedAt: now,
    updatedAt: now,
    seq,
    merged: new Set(),
    preCallFrom: [],
    awaitingBegin: false,
  };
}
