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
}

export interface StateSummary {
  /** Agents per AgentState name (every state an agent is in; states with no agent are left out). */
  agentsByState: Record<string, number>;
  agentsLoggedIn: number;
  callsInProgress: number;
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
  /** What rebuilt it: the agent queries sent, the server's switchover replay, or only the events since. */
  rebuiltBy: Array<'QUERY_AGENT_STATE' | 'switchover-replay' | 'events'>;
  eventsMayHaveBeenMissed: boolean;
}

export interface ContactCenterView {
  agents: AgentView[];
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
}
