/** The shape of the contact-center state view handed to dashboards and decisions (cti-state's msg.payload). */

export interface AgentView {
  agentId?: string;
  extension?: string;
  instrument?: string;
  peripheralId?: number;
  /** AgentState name, e.g. AGENT_STATE_AVAILABLE. */
  state: string;
  reasonCode?: number;
  /** When the agent entered this state (ms since epoch). */
  since: number;
  /** Skill groups the agent was reported in (SkillGroupNumber), ascending. */
  skillGroups: number[];
  /** Key of the call the agent is on (alerting, talking or holding), if any. */
  activeCall?: string;
  /** Display name from configuration acquisition ("First Last"), when known. */
  name?: string;
  /**
   * The CTI link of the agent's peripheral is down (the session is not open, or the peripheral is offline): `state`
   * is then AGENT_STATE_UNKNOWN — nobody knows it now — and this is the state last seen. Absent while the link is up.
   */
  lastKnownState?: string;
  /** True while the agent's peripheral's link is down (see lastKnownState). */
  linkDown?: boolean;
}

export interface CallView {
  key: string;
  peripheralId?: number;
  ani?: string;
  dnis?: string;
  /** LocalConnectionState name of the call's last event (LCS_ALERTING, LCS_CONNECT, LCS_HOLD, LCS_QUEUED …). */
  state?: string;
  queued: boolean;
  agentId?: string;
  skillGroupNumber?: number;
  /** When the call started (ms since epoch). */
  since: number;
  /** When the call last entered the queue, while queued (ms since epoch). */
  queuedSince?: number;
  callVariables: Record<number, string>;
  /** As in msg.call: ECC variables by name, an ECC array as an array (an element never set is null). */
  ecc: Record<string, string | (string | null)[]>;
  /**
   * True when the link to the call's peripheral went down while the call was in progress: whether it still goes on
   * is unknown, so it is not counted in the summary's callsInProgress / callsQueued. Cleared when the state is
   * re-seeded after the link returns (or an event restates the call). Absent otherwise.
   */
  linkDown?: boolean;
}

export interface StateSummary {
  /** Agents per AgentState name (every state an agent is in; states with no agent are left out). */
  agentsByState: Record<string, number>;
  agentsLoggedIn: number;
  /** Calls listed, except those marked linkDown (their peripheral's link is down: maybe ended meanwhile). */
  callsInProgress: number;
  /** Queued calls, except those marked linkDown. */
  callsQueued: number;
  /** Longest current wait in queue, whole seconds (0 when nothing is queued). */
  longestQueuedSeconds: number;
  /** Calls that began in the last `intervalSeconds`. */
  callsLastInterval: number;
  /** Calls that ended in the last `intervalSeconds`. */
  callsEndedLastInterval: number;
  intervalSeconds: number;
}

/** How the current state came to be, so a dashboard does not pretend continuity across an outage. */
export interface StateOrigin {
  /** When tracking (re)started: the session's open, or the node's start. */
  since: number;
  /**
   * 'open': tracking from the session's first open; 'reconnect': the link was lost and the state was rebuilt
   * (events sent meanwhile are gone); 'attach': started on a session already open (calls in progress are known
   * only from what the session tracked).
   */
  kind: 'open' | 'reconnect' | 'attach';
  /**
   * What rebuilt it: the agent queries sent, the server's switchover replay, the snapshots a new HA owner asked
   * for (SNAPSHOT_DEVICE / SNAPSHOT_CALL), or only the events since.
   */
  rebuiltBy: Array<'QUERY_AGENT_STATE' | 'switchover-replay' | 'SNAPSHOT' | 'events'>;
  eventsMayHaveBeenMissed: boolean;
}

/** An agent team, as AGENT_TEAM_CONFIG_EVENT last described it (Supervisor service). */
export interface TeamView {
  teamId: number;
  /** With several peripherals: the PG the team was reported by. */
  peripheralId?: number;
  name: string;
  /** AgentIDs of the supervisors (AgentFlags 0x0004), primary first. */
  supervisors: string[];
  /** AgentIDs of the members. */
  members: string[];
}

/** One peripheral (PG) of a cti-state that takes several cti-server nodes: its identity, link and own summary. */
export interface PeripheralView {
  /** The PeripheralID: the cti-server node's, else the one its events carry; undefined until known. */
  peripheralId: number | undefined;
  /** The cti-server node's name (else host:port). */
  server: string;
  /** 'up' while the session is open and the peripheral online; 'down' otherwise. */
  link: 'up' | 'down';
  /** The session state behind `link` (open, failover, peripheral-offline, connecting, closed …). */
  sessionState: string;
  /** The same summary as the top-level one, for this peripheral only. */
  summary: StateSummary;
  origin: StateOrigin;
}

export interface ContactCenterView {
  agents: AgentView[];
  /** Agent teams a supervisor session was told about (empty without the Supervisor service). */
  teams: TeamView[];
  calls: CallView[];
  summary: StateSummary;
  origin: StateOrigin;
  /** When this view was made (ms since epoch). */
  at: number;
}

/** Which agents and calls a view shows (as cti-event's filters: empty = everything). */
export interface StateFilter {
  peripheralId?: number;
  /** AgentID, extension or instrument. */
  agents?: readonly string[];
  skillGroups?: readonly number[];
  /** TeamIDs: agents that are members or supervisors of these teams (known from AGENT_TEAM_CONFIG_EVENT). */
  teams?: readonly number[];
}
