/**
 * What the cti-server config node offers the flow nodes that use it. Flow nodes only ever talk to the session
 * through this, so the config node stays the single owner of the one CTI session.
 */
import type { Node, NodeAPI, NodeStatus } from 'node-red';
import type { CtiMessage } from '../../lib/protocol';
import type { AgentSnapshot, CallSnapshot } from '../../lib/calls';
import type { ConfigurationNames, TeamConfigs } from '../../lib/contact-center';
import { tr } from './i18n';

/** What a configuration request asked for and what the CTI Server granted. */
export interface ConfigurationInfo {
  /** requested: sent, nothing back yet; receiving: the upload is under way; complete / failed: its END arrived. */
  state: 'requested' | 'receiving' | 'complete' | 'failed';
  /** The items asked for (CONFIG_REQUEST_EVENT ConfigInformation), e.g. ['SKILL_GROUP', 'AGENT']. */
  requested: string[];
  /** The items the CTI Server sent (its CONFIG_BEGIN_EVENT blocks). */
  received: string[];
  /** CONFIG_END_EVENT's status of the upload (CONFIGEND_SUCCESS, CONFIGEND_EMPTY …), once it ended. */
  endStatus?: string;
  /** CONFIG_END_EVENT's Text, when the server sent one. */
  text?: string;
  /** Skill groups and agents named so far. */
  skillGroups: number;
  agents: number;
  /** Update blocks (ConfigType 2) received since the upload. */
  updates: number;
  /** The PeripheralID the request named. */
  peripheralId: number;
  requestedAt: number;
  completedAt?: number;
}

/** A session state as the nodes show it. */
export interface SessionStateView {
  /** The session's state name: 'idle', 'connecting', 'open', 'failover', 'peripheral-offline', 'closed', … */
  state: string;
  previous?: string;
  side?: 'A' | 'B';
  /** Why, in words: for a failure the whole sentence with what to do (the status shows the short form). */
  reason?: string;
  /** The reason normalised: the same fault has the same key (no timings, no random values). */
  reasonKey?: string;
  /** While connecting: 'tcp' (no TCP connection yet) or 'handshake' (waiting for OPEN_CONF). */
  phase?: 'tcp' | 'handshake';
  /** The server refused the configuration (password, peripheral ID, a mask …): only a change fixes it. */
  configRefused?: boolean;
  /** With 'closed': why the session stopped and does not retry by itself. */
  stopReason?: 'close' | 'gave-up' | 'taken-over' | 'invalid-config';
  /** Hot standby: the side on which a standby session is held, ready to take over. */
  standbySide?: 'A' | 'B';
  /** The protocol version in use (or being tried). */
  version?: number;
  /** Deviations from the protocol the session read past, by kind. */
  protocolWarnings?: { total: number; dropped: number; byKind: Record<string, number> };
  /** Successful re-opens after a lost link. */
  reconnects?: number;
  /** After a re-open: events sent while the link was down are lost. */
  eventsMayHaveBeenMissed?: boolean;
  /** In 'failover': milliseconds until the next attempt. */
  nextAttemptInMs?: number;
  /** With an HA pair (README "Scaling out"): this member's role, the owner the broker names, a takeover. */
  ha?: {
    role: 'joining' | 'standby' | 'active';
    group: string;
    instance: string;
    owner?: string;
    tookOverFrom?: string;
  };
  /** The services the CTI Server granted in OPEN_CONF (short names), while the session is up. */
  servicesGranted?: string[];
  /** Configuration acquisition: what was requested and what the CTI Server granted (once a node needed it). */
  configuration?: ConfigurationInfo;
  /** The status every user node shows for this state. */
  status: NodeStatus;
}

/** What accompanies each event: where it came from. */
export interface EventOrigin {
  server: string;
  side?: 'A' | 'B';
  peripheralId?: number;
  version: number;
  receivedAt: number;
}

/** `call`: the tracker's CallSnapshot of the event's call (what a flow sees as msg.call); undefined for other events. */
export type EventListener = (event: CtiMessage, call: CallSnapshot | undefined, origin: EventOrigin) => void;
export type StateListener = (state: SessionStateView) => void;

export interface CtiServerNode extends Node<{ password?: string }> {
  /** Adds a user: the first one opens the session. The user's status follows the session from now on. */
  register(user: Node): void;
  /**
   * Removes a user and sets its status to disconnected. Closes the session only when `removed` and no user
   * is left; `done` is called after that close has finished (node-red PRs #3966, #3992).
   */
  deregister(user: Node, done: () => void, removed: boolean): void;
  /** Every decoded inbound message. Returns the function that removes the listener. */
  subscribe(listener: EventListener): () => void;
  /** Every session state change. Returns the function that removes the listener. */
  onState(listener: StateListener): () => void;
  /** Sends a request and resolves with its CONF; rejects with a session error (or "not connected"). */
  request(message: CtiMessage, timeoutMs?: number): Promise<CtiMessage>;
  /** Sends a client message that has no answer (CONFIG_REQUEST_EVENT …); false when the session is not open. */
  notify?(message: CtiMessage): boolean;
  currentState(): SessionStateView;
  /**
   * A user needs the configuration's names (skill groups, agents): the server asks for them once per open session
   * while any user needs them. Returns the release.
   */
  needConfiguration?(): () => void;
  /** The names configuration acquisition delivered, shared by every user of this server. */
  configurationNames?(): ConfigurationNames;
  /** The agent teams this session's supervisor events named (the last state of each), shared by every user. */
  teamConfigs?(): TeamConfigs;
  /** Every change of the configuration view (request sent, upload ended, update block). Returns the remover. */
  onConfiguration?(listener: (info: ConfigurationInfo) => void): () => void;
  /** What the session tracks now (calls in progress, agents' last states); undefined while there is no session. */
  tracked(): { calls: CallSnapshot[]; agents: AgentSnapshot[] } | undefined;
  /**
   * After an HA takeover the server first rebuilds what the session tracks (agents, calls in progress) from the
   * CTI Server: the promise settles when it has. Undefined when nothing is being rebuilt.
   */
  rebuilding?(): Promise<void> | undefined;
  /** The protocol version in use (the configured one until the session opens). */
  protocolVersion(): number;
  /** The server's name in the editor, else "hostA:portA" (what msg.cti.server says). */
  label?(): string;
  /** The configured peripheral ID, if any. */
  configuredPeripheralId(): number | undefined;
  /** The services this server asks for in OPEN_REQ, short names as in the editor (ALL_EVENTS, CLIENT_CONTROL, …). */
  requestedServices?(): string[];
  /** Listener counts, for tests and diagnostics. */
  listenerCounts(): { events: number; states: number; users: number; sessionMessage: number; sessionState: number };
}

/** The config node a flow node names in `server`, or undefined (after reporting it) when there is none. */
export function getServer(RED: NodeAPI, node: Node, id: unknown, missingKey: string): CtiServerNode | undefined {
  const server = typeof id === 'string' && id !== '' ? (RED.nodes.getNode(id) as CtiServerNode | null) : null;
  if (!server || typeof server.register !== 'function') {
    node.status({ fill: 'red', shape: 'ring', text: tr('cti-server.status.not-configured') });
    node.error(RED._(missingKey));
    return undefined;
  }
  return server;
}

export const DISCONNECTED_STATUS: NodeStatus = {
  fill: 'red',
  shape: 'ring',
  text: 'node-red:common.status.disconnected',
};
