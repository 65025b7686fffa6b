import { EventEmitter } from 'node:events';
import {
  AgentState,
  ConnectionDeviceIdType,
  type NamedArrayElement,
  type NamedVariable,
  PeripheralType,
} from '../protocol';
import type { SimClock } from './clock';
import {
  resolveOrganization,
  simSkillGroup,
  wrapupMs,
  type SimConfigChange,
  type SimSkillGroup,
  type SimTeam,
  type SkillGroupSpec,
  type TeamSpec,
} from './organization';
import type { AgentSpec, SimEvent } from './types';
import { EccCatalog } from './variable-registration';

/** One agent: identity, skill group, state, and the calls at its teleset. */
export interface SimAgent {
  agentId: string;
  extension: string;
  instrument: string;
  /** The primary skill group (the first of skillGroupNumbers; 0xFFFFFFFF = NULL when the agent is in none). */
  skillGroupNumber: number;
  skillGroupId: number;
  /** Every skill group the agent belongs to, primary first. */
  skillGroupNumbers: number[];
  firstName: string;
  lastName: string;
  /** ICMAgentID / AgentSkillTargetID. */
  skillTargetId: number;
  state: number;
  /**
   * EventReasonCode of the present state: the one requested with NOT_READY or LOGOUT (the only states the guide
   * gives a reason to), 0 otherwise.
   */
  reasonCode: number;
  /** When (clock ms) the agent entered its present state: AGENT_STATE_EVENT's StateDuration counts from here. */
  stateSince: number;
  /** SessionID and signature of the agent's Client Events session, when one is open. */
  sessionId: number;
  sessionSignature?: string;
}

export type SimCallState = 'initiated' | 'queued' | 'alerting' | 'connected' | 'held' | 'cleared';

/**
 * One call. Its identity on the wire is (connectionCallId, connectionDeviceIdType, connectionDeviceId);
 * the context (ANI, DNIS, call variables, ECC) is what BEGIN_CALL / CALL_DATA_UPDATE carry.
 */
export class SimCall {
  connectionDeviceIdType: number = ConnectionDeviceIdType.byName.CONNECTION_ID_STATIC;
  state: SimCallState = 'initiated';
  callType: number;
  ani = '';
  dnis = '';
  dialedNumber = '';
  callerEnteredDigits?: string;
  userToUserInfo?: Buffer;
  callVariables: { [n: number]: string } = {};
  callWrapupData?: string;
  customerPhoneNumber?: string;
  customerAccountNumber?: string;
  namedVariables: NamedVariable[] = [];
  namedArrays: NamedArrayElement[] = [];
  routerCallKey?: { day: number; callId: number; sequenceNumber: number };
  calledPartyDisposition = 0;
  campaignId = 0;
  queryRuleId = 0;
  /** Agents with a connection to this call, and that connection's LocalConnectionState. */
  readonly connections = new Map<string, number>();
  /** The agent the call is for (delivered to / originated by). */
  agentId?: string;
  /** Signatures of clients that worked on this call (NumCTIClients / CTIClientSignature). */
  readonly ctiClients: { signature: string; timestamp: number }[] = [];
  /** For a consultation call: the call it consults about. */
  consultOf?: SimCall;
  /** Released by RELEASE_CALL_REQ (no more call data expected). */
  released = false;
  /** The skill group the call was routed to (its after-call work follows that group's wrap-up time). */
  skillGroupNumber?: number;

  constructor(
    readonly connectionCallId: number,
    /** Unsure: the guide says clients must not interpret ConnectionDeviceID; chose the agent's extension. */
    readonly connectionDeviceId: string,
    callType: number,
  ) {
    this.callType = callType;
  }

  /** Agents with a live connection (teleset involved). */
  get parties(): string[] {
    return [...this.connections.keys()];
  }

  get key(): string {
    return `${this.connectionCallId}/${this.connectionDeviceIdType}/${this.connectionDeviceId}`;
  }
}

/** NULL of a 4-byte ID field (an agent in no skill group). */
const NULL_ID = 0xffffffff;

/** Parses "1001-1010" / "1001,1005,2001-2003" into agent specs. */
export function parseAgents(spec: string | AgentSpec[] | undefined): AgentSpec[] {
  if (spec === undefined) return parseAgents('1001-1005');
  if (Array.isArray(spec)) return spec;
  const out: AgentSpec[] = [];
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (m !== null) {
      const from = Number(m[1]);
      const to = Number(m[2]);
      if (to < from || to - from > 10000) throw new RangeError(`bad agent range "${part}"`);
      for (let n = from; n <= to; n++) out.push({ agentId: String(n) });
    } else {
      out.push({ agentId: part });
    }
  }
  if (out.length === 0) throw new RangeError(`no agents in "${spec}"`);
  return out;
}

export interface ModelOptions {
  peripheralId?: number;
  peripheralType?: number;
  agents?: string | AgentSpec[];
  skillGroups?: string | SkillGroupSpec[];
  teams?: string | TeamSpec[];
  clock: SimClock;
  eccVariables?: string[];
  eccArrays?: string[];
  /** After-call work of handled calls (ms or "10s"); default 0 = none. */
  wrapup?: number | string;
}

/** The model's events: what happened (addressed to sessions by each simulator) and ended associations. */
export interface SimModelEvents {
  event: [event: SimEvent];
  /** A call's association ends: of one agent's clients, or (agentId undefined) of everyone. */
  dissociate: [call: SimCall, agentId: string | undefined];
  /** An agent, skill group or team was added, renamed or changed at run time. */
  config: [change: SimConfigChange];
}

/**
 * The simulated peripheral: agents and calls. Changes are announced as SimEvents ('event'); the end of a
 * client's association with a call as 'dissociate' (call, agentId | undefined = everyone). Simulators
 * (one, or both sides of a pair) listen and address the events to their sessions.
 */
export class SimModel extends EventEmitter<SimModelEvents> {
  readonly peripheralId: number;
  readonly peripheralType: number;
  readonly clock: SimClock;
  readonly agents = new Map<string, SimAgent>();
  /** Skill groups by SkillGroupNumber. */
  readonly skillGroups = new Map<number, SimSkillGroup>();
  /** Agent teams by TeamID. */
  readonly teams = new Map<number, SimTeam>();
  readonly calls = new Set<SimCall>();
  /** Configured ECC names (REGISTER_VARIABLES_REQ is checked against them). */
  readonly ecc: EccCatalog;
  /** After-call work of a handled call (ms) unless its skill group says otherwise; 0 = none. */
  wrapupMs: number;
  peripheralOnline = true;
  pgOnline = true;
  private callIdCounter = 16777300;
  private routerCallIdCounter = 1000;

  constructor(opts: ModelOptions) {
    super();
    this.clock = opts.clock;
    this.ecc = new EccCatalog(opts.eccVariables, opts.eccArrays);
    this.peripheralId = opts.peripheralId ?? 5000;
    this.peripheralType = opts.peripheralType ?? PeripheralType.byName.PT_ENTERPRISE_AGENT;
    const org = resolveOrganization(
      opts.agents === undefined ? undefined : parseAgents(opts.agents),
      opts.skillGroups,
      opts.teams,
      parseAgents,
    );
    for (const g of org.skillGroups) this.skillGroups.set(g.skillGroupNumber, simSkillGroup(g));
    this.wrapupMs = opts.wrapup === undefined ? 0 : wrapupMs('wrapup', opts.wrapup);
    for (const t of org.teams)
      this.teams.set(t.teamId, { ...t, members: [...t.members], supervisors: [...t.supervisors] });
    let n = 0;
    for (const spec of org.agents) {
      const st = typeof spec.state === 'string' ? AgentState.valueOf(spec.state) : spec.state;
      if (typeof spec.state === 'string' && st === undefined)
        throw new RangeError(`unknown agent state "${spec.state}"`);
      const extension = spec.extension ?? spec.agentId;
      const primary = this.skillGroups.get(spec.skillGroups[0]);
      this.agents.set(spec.agentId, {
        agentId: spec.agentId,
        extension,
        instrument: spec.instrument ?? extension,
        skillGroupNumber: primary?.skillGroupNumber ?? NULL_ID,
        skillGroupId: primary?.skillGroupId ?? NULL_ID,
        skillGroupNumbers: [...spec.skillGroups],
        firstName: spec.firstName,
        lastName: spec.lastName,
        skillTargetId: 5001 + n++,
        state: st ?? AgentState.byName.AGENT_STATE_AVAILABLE,
        reasonCode: 0,
        stateSince: this.clock.now(),
        sessionId: 0,
      });
    }
  }

  /** Announces a change of the organisation (configuration acquisition sends it to clients that asked). */
  configChanged(change: SimConfigChange): void {
    this.emit('config', change);
  }

  /** PGStatus bits as OPEN_CONF / SYSTEM_EVENT report them. */
  get pgStatus(): number {
    // Unsure: which PGStatus bit a "PG offline" sets; chose PGS_OPC_DOWN (1) for the PG and
    // PGS_PERIPHERAL_OFFLINE (4) for the peripheral.
    return (this.pgOnline ? 0 : 0x1) | (this.peripheralOnline ? 0 : 0x4);
  }

  /** ICMCentralControllerTime: seconds since 1970 on the simulator's clock. */
  get controllerTime(): number {
    return Math.floor(this.clock.now() / 1000) >>> 0;
  }

  nextConnectionCallId(): number {
    return ++this.callIdCounter;
  }

  nextRouterCallKey(): { day: number; callId: number; sequenceNumber: number } {
    return { day: Math.floor(this.clock.now() / 86400000), callId: ++this.routerCallIdCounter, sequenceNumber: 0 };
  }

  findAgent(by: { agentId?: string; extension?: string; instrument?: string }): SimAgent | undefined {
    for (const a of this.agents.values()) {
      if (by.agentId !== undefined && a.agentId === by.agentId) return a;
      if (by.extension !== undefined && a.extension === by.extension) return a;
      if (by.instrument !== undefined && a.instrument === by.instrument) return a;
    }
    return undefined;
  }

  getAgent(agentId: string): SimAgent {
    const a = this.agents.get(agentId);
    if (a === undefined) throw new RangeError(`no agent "${agentId}" on the simulator`);
    return a;
  }

  findCall(connectionCallId: number, deviceIdType: number, deviceId: string): SimCall | undefined {
    for (const c of this.calls) {
      if (
        c.connectionCallId === connectionCallId &&
        c.connectionDeviceIdType === deviceIdType &&
        c.connectionDeviceId === deviceId
      ) {
        return c;
      }
    }
    return undefined;
  }

  /** The after-call work (ms) of a call the agent handled: the call's skill group's, else its primary group's. */
  wrapupMsFor(agent: SimAgent, call: SimCall): number {
    const group = this.skillGroups.get(call.skillGroupNumber ?? agent.skillGroupNumbers[0] ?? -1);
    return group?.wrapupMs ?? this.wrapupMs;
  }

  /** Live calls at an agent's teleset. */
  callsOf(agentId: string): SimCall[] {
    return [...this.calls].filter((c) => c.connections.has(agentId));
  }

  /**
   * Ended calls stay addressable for the wrap-up window (guide default 2 minutes) so that SET_CALL_DATA_REQ
   * (CallWrapupData) and RELEASE_CALL_REQ still find them.
   */
  readonly endedCalls = new Map<string, { call: SimCall; until: number }>();
  wrapupWindowMs = 120000;

  recordEnded(call: SimCall): void {
    const now = this.clock.now();
    for (const [k, v] of this.endedCalls) if (v.until < now) this.endedCalls.delete(k);
    this.endedCalls.set(call.key, { call, until: now + this.wrapupWindowMs });
  }

  findEndedCall(connectionCallId: number, deviceIdType: number, deviceId: string): SimCall | undefined {
    const e = this.endedCalls.get(`${connectionCallId}/${deviceIdType}/${deviceId}`);
    return e !== undefined && e.until >= this.clock.now() ? e.call : undefined;
  }

  emitEvent(ev: SimEvent): void {
    // Every name a call carries becomes registrable (BEGIN_CALL_EVENT is built from the call itself).
    for (const call of ev.calls ?? []) this.ecc.note(call);
    this.ecc.note(ev.msg);
    this.emit('event', ev);
  }

  /** Ends the association of clients with a call: of one agent's clients, or (undefined) of everyone. */
  dissociate(call: SimCall, agentId?: string): void {
    this.emit('dissociate', call, agentId);
  }
}
