import type { CtiMessage, NamedArrayElement, NamedVariable } from '../protocol';
import type { SimClock } from './clock';

/** One agent of the simulated peripheral. */
export interface AgentSpec {
  agentId: string;
  /** Defaults to agentId. */
  extension?: string;
  /** Defaults to the extension. */
  instrument?: string;
  /**
   * The agent's primary skill group when no `skillGroups` option is given (the model then makes one skill group
   * per number the agents name). With `skillGroups`, membership comes from the groups' member lists.
   */
  skillGroupNumber?: number;
  skillGroupId?: number;
  /** First name (configuration: AgentFirstName). Default: generated ("Agent" / the agent ID for unknown IDs). */
  firstName?: string;
  /** Last name (configuration: AgentLastName). */
  lastName?: string;
  /** SkillGroupNumbers of further groups the agent belongs to (besides those whose member lists name it). */
  skillGroups?: number[];
  /** Initial AgentState value or name (AGENT_STATE_AVAILABLE by default). */
  state?: number | string;
}

export interface CtiSimulatorOptions {
  host?: string;
  port?: number;
  /** When set, OPEN_REQ must carry this ClientPassword (else E_CTI_INVALID_PASSWORD). */
  password?: string;
  /** When set, OPEN_REQ must carry this ClientID (else E_CTI_INVALID_PASSWORD). */
  clientId?: string;
  peripheralId?: number;
  peripheralType?: number;
  /** "1001-1010", "1001,1002" or explicit specs. Default 1001-1005. */
  agents?: string | AgentSpec[];
  /**
   * Skill groups (organization.ts): specs, or the compact form `100:5100=Sales@1001-1003;200:5200=Support@1003-1005`.
   * Default: 100 "Sales" (1001–1003) and 200 "Support" (1003–1005) with the default agents; with `agents` alone,
   * one group per SkillGroupNumber the agents name (100 for those naming none).
   */
  skillGroups?: string | SkillGroupSpec[];
  /** Agent teams (organization.ts): specs, or the compact form `1=Team Blue@1001-1005/1009`. Default: none. */
  teams?: string | TeamSpec[];
  /**
   * After-call work (wrap-up): when an agent's handled call ends, the agent goes to WORK_READY (WORK_NOT_READY if it
   * asked for Not Ready during the call) for this long, then to AVAILABLE (NOT_READY). ms, or a duration such as
   * "10s". A skill group's own `wrapup` wins for calls routed to it. Default 0: no wrap-up, agents are available
   * as soon as the call ends (what the scenarios, examples and most tests expect).
   */
  wrapup?: number | string;
  clock?: SimClock;
  logger?: (line: string) => void;
  /** Log every message sent and received, not only sessions and requests. */
  debug?: boolean;
  side?: 'A' | 'B';
  /** false = standby side (PV24 active/standby). Default true. */
  active?: boolean;
  /** Protocol versions accepted, default [15, 25]. */
  versions?: [number, number];
  /**
   * ECC scalar variable names the peripheral has configured (REGISTER_VARIABLES_REQ checks names against
   * them; a name seen in any call's data counts too). Default: the names the examples and scenarios use.
   */
  eccVariables?: string[];
  /** ECC array names the peripheral has configured (as eccVariables). Default: ['user.items']. */
  eccArrays?: string[];
}

/** Options of sim.startInboundCall(). */
export interface InboundCallOptions {
  agentId?: string;
  ani?: string;
  dnis?: string;
  dialedNumber?: string;
  callerEnteredDigits?: string;
  callVariables?: { [n: number]: string };
  namedVariables?: NamedVariable[];
  namedArrays?: NamedArrayElement[];
  /**
   * The skill group (SkillGroupNumber) the call is routed to: it goes to an available agent of that group, or
   * queues there (CALL_QUEUED_EVENT names the group) until one becomes available. Default: any agent.
   */
  skillGroupNumber?: number;
  /** Queue the call (CALL_QUEUED / CALL_DEQUEUED) before delivering it. */
  queued?: boolean;
  /** How long the call stays queued (clock ms). Default 0. */
  queueMs?: number;
  /** Routed by the router: RouterCallKey + AGENT_PRE_CALL_EVENT. Default true. */
  routed?: boolean;
  /** Also announce the call with CALL_TRANSLATION_ROUTE_EVENT (ALL_EVENTS clients). Default false. */
  translationRoute?: boolean;
  /** Answer right after delivering. */
  answer?: boolean;
  /**
   * Start the call only when an agent is available: otherwise NoAgentAvailableError and nothing is announced.
   * Default false: the call waits in queue (CALL_QUEUED) until an agent becomes available.
   */
  ifAgentAvailable?: boolean;
}

/** Options of sim.startOutboundCall(). */
export interface OutboundCallOptions {
  agentId?: string;
  dialedNumber?: string;
  callVariables?: { [n: number]: string };
  namedVariables?: NamedVariable[];
  namedArrays?: NamedArrayElement[];
  /** The far end answers (CALL_ESTABLISHED). Default true. */
  answer?: boolean;
  /** The far end is busy: CALL_FAILED_EVENT instead of delivery. */
  fail?: boolean;
}

/**
 * Call data a routing script or another client changes (sim.setCallData): call variables by number, ECC
 * variables / array elements by name, and any other SET_CALL_DATA_REQ item by its property name.
 */
export interface SimCallDataChanges {
  callVariables?: { [n: number]: string };
  namedVariables?: { name: string; value: string }[];
  namedArrays?: { name: string; index: number; value: string }[];
  [field: string]: unknown;
}

/**
 * An event produced by the model, before it is addressed to a session. The session fills in MonitorID,
 * applies its masks, and announces the call (BEGIN_CALL_EVENT) first if it is not yet associated.
 */
export interface SimEvent {
  msg: CtiMessage;
  /** Calls this event is about; the session associates itself with each before sending. */
  calls?: object[];
  /** Agents whose telesets are involved: Client Events sessions of these agents receive it. */
  agents: string[];
  /** Only for All Events sessions (trunk-side, routing events). */
  allEventsOnly?: boolean;
  /** A version-specific variant of `msg` (e.g. the full ECC set from PV22). */
  forVersion?: (version: number) => CtiMessage;
  /**
   * How a Client Events session of `agentId` sees the event (e.g. its own LocalConnectionState); All Events
   * sessions get `msg`.
   */
  forAgent?: (agentId: string, msg: CtiMessage) => CtiMessage;
  /**
   * When set, exactly the sessions it accepts receive the event, instead of the agents / All Events rule
   * (supervisor-service events: SUPERVISOR_ASSIST_EVENT to the team's supervisor sessions, …).
   */
  to?: (session: {
    readonly services: number;
    readonly agent?: { agentId: string };
    readonly isAllEvents: boolean;
  }) => boolean;
}

/**
 * What 'session-open' / 'session-close' listeners and sim.sessions() receive: a snapshot (a copy; changing it
 * changes nothing in the simulator). The OPEN_REQ fields are as the client sent them; the agent fields name
 * the agent the session signed on as (Client Events), whichever of them the client gave.
 */
export interface SimSessionInfo {
  id: number;
  remote: string;
  clientId?: string;
  version?: number;
  servicesGranted?: number;
  agentId?: string;
  standby?: boolean;
  reason?: string;
  /** The simulator side the session is on. */
  side?: 'A' | 'B';
  servicesRequested?: number;
  callMsgMask?: number;
  agentStateMask?: number;
  configMsgMask?: number;
  /** OPEN_REQ PeripheralID (0xFFFFFFFF when the client named none). */
  peripheralId?: number;
  /** OPEN_REQ IdleTimeout in seconds (0xFFFFFFFF = the client sends no heartbeats). */
  idleTimeout?: number;
  clientSignature?: string;
  agentExtension?: string;
  agentInstrument?: string;
  /** The session's MonitorID as OPEN_CONF gave it (0 for All Events). */
  monitorId?: number;
  /**
   * The session's last accepted REGISTER_VARIABLES_REQ; undefined while it has registered nothing (it then
   * receives every call variable and every ECC variable).
   */
  registeredVariables?: SimVariableRegistration;
}

/** What a session registered with REGISTER_VARIABLES_REQ: it receives only these call variables and ECC names. */
export interface SimVariableRegistration {
  /** CallVariableMask: bit0 = CallVariable1 … bit9 = CallVariable10 (higher bits dropped). */
  callVariableMask: number;
  namedVariables: string[];
  namedArrays: string[];
}

/** What 'request' listeners receive. */
export interface SimRequestInfo {
  sessionId: number;
  clientId?: string;
  messageType: string;
  invokeId?: number;
  message: CtiMessage;
  /**
   * Set when the simulator refused the request without acting on it; the status it answered with
   * (e.g. E_CTI_CTI_SERVER_OFFLINE for a request to a standby session). OPEN_REQ: the FAILURE_CONF status.
   */
  refusedStatus?: number;
}

/** A skill group as options, scenario files and the CLI give it. */
export interface SkillGroupSpec {
  /** SkillGroupNumber: the number the ACD knows the group by. */
  skillGroupNumber: number;
  /** SkillGroupID: the group's SkillTargetID in the central controller's configuration. */
  skillGroupId: number;
  name: string;
  /** AgentIDs of the members. */
  agents: string[];
  /**
   * After-call work (wrap-up) for calls routed to this group: ms, or a duration such as "30s". Default: the
   * simulator's `wrapup` option. 0 = none for this group.
   */
  wrapup?: number | string;
}

/** An agent team as options, scenario files and the CLI give it. */
export interface TeamSpec {
  teamId: number;
  name: string;
  /** AgentIDs of the members. */
  members: string[];
  /** AgentIDs of the team's supervisors (primary first). */
  supervisors: string[];
}
