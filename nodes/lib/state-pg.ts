/**
 * cti-state, one peripheral (PG): the state of ONE cti-server node's session — its agents and calls
 * (ContactCenterState), its skill groups' statistics (SkillGroupBoard, polled per server), the agent queries at each
 * open and the link. cti-state keeps one of these per cti-server node it lists and merges their views
 * (lib/contact-center/peripherals.ts), so agents with the same AgentID on two PGs are never mixed up.
 */
import type { Node } from 'node-red';
import type { CtiMessage } from '../../lib/protocol';
import type { AgentSnapshot, CallSnapshot } from '../../lib/calls';
import { CtiRequestError } from '../../lib/session';
import { ContactCenterState, SkillGroupBoard, type PeripheralPart, type StateFilter } from '../../lib/contact-center';
import { agentStateQuery } from './agent-state-query';
import { ServerStatistics, type StatisticsUser } from './state-statistics';
import type { CtiServerNode, EventOrigin, SessionStateView } from './server-api';
import type { Translate } from './i18n';

export interface PeripheralStateOptions {
  server: CtiServerNode;
  filter: StateFilter;
  /** The node lists several servers: each PG's own peripheral ID comes before the filter's. */
  many: boolean;
  queryIds: readonly string[];
  statsGroups: readonly number[];
  /** Seconds between statistics rounds; 0 = no statistics (and no configuration request). */
  statsSeconds: number;
  intervalSeconds: number;
  /** The PG's state changed: the node sends (throttled). */
  changed(): void;
  warn(text: string): void;
  t: Translate;
}

export class PeripheralState {
  private readonly model: ContactCenterState;
  /** Names from the server's configuration acquisition (shared by its users), for a node without statistics. */
  private readonly names: SkillGroupBoard;
  private releaseConfiguration: (() => void) | undefined;
  /** The server's one statistics poll, which this node joins while statistics are on. */
  private poll: ServerStatistics | undefined;
  private readonly statsUser: StatisticsUser;
  private leavePoll: (() => void) | undefined;
  private opened = false;
  private closed = false;
  private warned = false;
  /** The peripheral ID the session's events carry (when the server node names none). */
  private learnedPeripheralId: number | undefined;
  private lastLink: 'up' | 'down' | undefined;
  /** The server rebuilds its session's state after an HA takeover: report once it has (seed then). */
  private rebuilding = false;
  private unsubscribe: (() => void) | undefined;
  private unwatch: (() => void) | undefined;

  constructor(private readonly o: PeripheralStateOptions) {
    this.model = new ContactCenterState({ intervalSeconds: o.intervalSeconds });
    this.names = new SkillGroupBoard(o.server.configurationNames?.());
    this.statsUser = {
      groups: o.statsGroups,
      intervalMs: o.statsSeconds * 1000,
      peripheralId: () => this.requestPeripheralId(),
      changed: () => {
        if (!this.closed) o.changed();
      },
    };
  }

  /** The counters of this PG's peripheral (the server's shared poll) with the names; names only without statistics. */
  private get board(): SkillGroupBoard {
    return this.poll?.board(this.statsUser) ?? this.names;
  }

  get server(): CtiServerNode {
    return this.o.server;
  }

  private get statsOn(): boolean {
    return this.o.statsSeconds > 0;
  }

  /** Starts following the server; `user` is what the server shows its status on. */
  start(user: Node): void {
    if (this.statsOn) {
      // One poll per server, whatever the number of boards on it; the server asks for the configuration once per
      // open session while any of its users needs the names.
      this.poll = ServerStatistics.of(this.o.server);
      this.leavePoll = this.poll.join(this.statsUser);
      this.releaseConfiguration = this.o.server.needConfiguration?.();
    }
    this.unsubscribe = this.o.server.subscribe((event, call, origin) => this.onEvent(event, call, origin));
    this.unwatch = this.o.server.onState((view) => this.onState(view));
    this.o.server.register(user);
    this.lastLink = this.link();
    if (this.o.server.currentState().state === 'open') {
      // Deployed beside an open session: start from what it tracks, and say so.
      const tracked = this.o.server.tracked();
      this.opened = true;
      this.model.seed(tracked?.calls ?? [], tracked?.agents ?? [], {
        kind: 'attach',
        rebuiltBy: ['events'],
        eventsMayHaveBeenMissed: false,
      });
      this.replayTeams(tracked?.agents ?? []);
      void this.queryAgents();
      this.firstRound();
    }
  }

  /**
   * The teams the server kept from this session's AGENT_TEAM_CONFIG_EVENTs (sent only after OPEN and on a change):
   * a board deployed beside an open supervisor session shows them at once. A member's state from the team event is
   * left out when the session's agent tracker has a later one.
   */
  private replayTeams(agents: readonly AgentSnapshot[]): void {
    const teams = this.o.server.teamConfigs?.();
    if (teams === undefined || teams.size === 0) return;
    const seen = new Map<string, number>();
    for (const a of agents) if (a.agentId !== undefined) seen.set(a.agentId, a.updatedAt);
    for (const msg of teams.replay(Date.now(), (id, at) => (seen.get(id) ?? -Infinity) >= at)) this.model.apply(msg);
  }

  stop(user: Node, removed: boolean, done: () => void): void {
    this.closed = true;
    this.leavePoll?.();
    this.releaseConfiguration?.();
    this.unsubscribe?.();
    this.unwatch?.();
    this.o.server.deregister(user, done, removed);
  }

  /** The PG's PeripheralID: the server node's, else what its events carry. */
  peripheralId(): number | undefined {
    return this.o.server.configuredPeripheralId() ?? this.learnedPeripheralId;
  }

  /** 'up' only while the session is open (a peripheral offline is down: nobody knows its agents' states). */
  link(): 'up' | 'down' {
    return this.o.server.currentState().state === 'open' ? 'up' : 'down';
  }

  /** This PG's part of the node's view. */
  part(filter: StateFilter, label: string): PeripheralPart {
    const link = this.link();
    const pid = this.peripheralId();
    const v = this.model.view(filter, { linkDown: link === 'down' });
    const agents = v.agents.map((a) => {
      const name = this.board.agentName(a.agentId);
      return name === undefined ? a : { ...a, name };
    });
    const board = this.board;
    // A node of every group shows the groups the configuration names (not other boards' extra groups on this poll).
    const groups = this.o.statsGroups.length > 0 ? [...this.o.statsGroups] : board.configuredGroups();
    const view = this.statsOn ? { ...v, agents, skillGroups: board.view(groups) } : { ...v, agents };
    return {
      peripheral: { peripheralId: pid, server: label, link, sessionState: this.o.server.currentState().state },
      view,
    };
  }

  private onEvent(event: CtiMessage, call: unknown, origin: EventOrigin | undefined): void {
    if (typeof origin?.peripheralId === 'number') this.learnedPeripheralId = origin.peripheralId;
    if (event.messageType.startsWith('CONFIG_')) {
      // The server has applied it to the shared names already (it sees every message before its users).
      if (event.messageType === 'CONFIG_SKILL_GROUP_EVENT' || event.messageType === 'CONFIG_AGENT_EVENT')
        this.o.changed();
      // The end of the upload: every group is known, the first round can start.
      if (event.messageType === 'CONFIG_END_EVENT' && event.configEndStatus !== 5 && this.o.statsGroups.length === 0)
        this.poll?.kick();
      return;
    }
    if (this.model.apply(event, call as CallSnapshot | undefined) && !this.rebuilding) this.o.changed();
  }

  private onState(view: SessionStateView): void {
    const link = this.link();
    const flipped = link !== this.lastLink;
    this.lastLink = link;
    if (view.state !== 'open') {
      // The board must show at once that this PG's agents are unknown now, and its calls maybe ended (marked, not
      // counted as in progress, until the reopen re-seeds them).
      const marked = this.model.markCallsLinkDown();
      if (flipped || marked) this.o.changed();
      return;
    }
    const rebuild = this.o.server.rebuilding?.();
    if (rebuild === undefined) return this.seedAtOpen(view, false);
    this.rebuilding = true;
    void rebuild.then(() => {
      this.rebuilding = false;
      if (!this.closed) this.seedAtOpen(view, true);
    });
  }

  /** Starts over from what the session tracks; `snapshot`: after the server's rebuild (SNAPSHOT, QUERY_AGENT_STATE). */
  private seedAtOpen(view: SessionStateView, snapshot: boolean): void {
    const tracked = this.o.server.tracked();
    const reconnect = this.opened;
    this.opened = true;
    this.model.seed(tracked?.calls ?? [], tracked?.agents ?? [], {
      kind: reconnect ? 'reconnect' : 'open',
      rebuiltBy: snapshot ? ['SNAPSHOT', 'events'] : ['events'],
      eventsMayHaveBeenMissed: view.eventsMayHaveBeenMissed === true,
    });
    this.o.changed();
    void this.queryAgents();
    this.firstRound();
  }

  /** The peripheral ID requests name: one PG's own before the filter's when the node lists several servers. */
  private requestPeripheralId(): number | undefined {
    const configured = this.o.server.configuredPeripheralId();
    return this.o.many
      ? (configured ?? this.o.filter.peripheralId ?? this.learnedPeripheralId)
      : (this.o.filter.peripheralId ?? configured);
  }

  /**
   * At an open: the first statistics round at once when the groups are known — listed in the editor, or named by
   * a configuration the server already has (another node asked for it, or an earlier open); otherwise the end of
   * the server's configuration upload starts it.
   */
  private firstRound(): void {
    if (!this.statsOn) return;
    if (this.o.statsGroups.length > 0 || this.board.configuredGroups().length > 0) this.poll?.kick();
  }

  /** Agents that sent no AGENT_STATE_EVENT since the open would be missing from the board: ask for each. */
  private async queryAgents(): Promise<void> {
    const { queryIds, t } = this.o;
    if (queryIds.length === 0) return;
    const peripheralId = this.requestPeripheralId();
    if (peripheralId === undefined) {
      this.warnOnce(
        t(
          'cti-state.errors.no-peripheral',
          {},
          "cannot query agents: no peripheral ID — set it on the CTI server node or in this node's filter",
        ),
      );
      return;
    }
    let answered = 0;
    const failed: string[] = [];
    let firstError: Error | undefined;
    for (const id of queryIds) {
      if (this.closed) return;
      const req = agentStateQuery(peripheralId, { agentId: id });
      try {
        const conf = await this.o.server.request(req);
        if (this.model.apply(conf, undefined, req)) answered++;
      } catch (err) {
        // One unknown agent must not hide the others: ask for every one, then say once what failed.
        failed.push(id);
        firstError ??= err as Error;
      }
    }
    if (this.closed) return;
    if (answered > 0) {
      this.model.noteRebuilt('QUERY_AGENT_STATE');
      this.o.changed();
    }
    if (firstError !== undefined) this.warnOnce(this.queryFailure(failed, firstError));
  }

  private queryFailure(agents: string[], err: Error): string {
    const { t } = this.o;
    const list = agents.length > 5 ? `${agents.slice(0, 5).join(', ')} … (${agents.length})` : agents.join(', ');
    const error = err.message;
    if (err instanceof CtiRequestError && err.statusName === 'E_CTI_FUNCTION_NOT_AVAILABLE')
      return t(
        'cti-state.errors.query-no-service',
        { agents: list, error },
        `cannot query agents ${list}: the CTI server node does not request the Client Control service (${error})`,
      );
    return t(
      'cti-state.errors.query-failed',
      { agents: list, error },
      `QUERY_AGENT_STATE failed for ${list}: ${error}`,
    );
  }

  private warnOnce(text: string): void {
    if (this.warned) return;
    this.warned = true;
    this.o.warn(text);
  }
}
