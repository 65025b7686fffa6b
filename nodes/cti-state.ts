/**
 * cti-state: the current agent and call state the session tracks, for wallboards and decisions.
 * msg.payload = { agents, calls, summary, origin, at } (lib/contact-center). Sent on an input message (a query), on change
 * (at most once per `throttleMs`) and/or every `everySeconds`.
 */
import type { Node, NodeAPI, NodeDef, NodeMessage } from 'node-red';
import type { CtiMessage } from '../lib/protocol';
import type { CallSnapshot } from '../lib/calls';
import { CtiRequestError } from '../lib/session';
import {
  ContactCenterState,
  parseIdList,
  parseNumberList,
  SkillGroupBoard,
  type StateFilter,
} from '../lib/contact-center';
import { SkillGroupPoller } from './lib/skill-group-poller';
import { getServer, type SessionStateView } from './lib/server-api';
import { translator } from './lib/status';
import { stateOutputs, type StateOutputConfig } from './lib/state-outputs';
import { migrateConfig } from './lib/migrations';

interface CtiStateConfig extends NodeDef, StateOutputConfig {
  server: string;
  queryAgents?: string;
  intervalSeconds?: number | string;
  peripheralId?: number | string;
  agents?: string;
  skillGroups?: string;
  /** Skill groups whose statistics to poll ('' = every group the configuration names). */
  statsGroups?: string;
  /** Seconds between statistics rounds (default 10; 0 = no statistics, no configuration request). */
  statsSeconds?: number | string;
}

/** At most this many statistics requests wait for their answer at once. */
const MAX_OUTSTANDING = 2;
/** CONFIG_REQUEST_EVENT ConfigInformation: skill groups (0x2) and agents (0x4) — the names a board shows. */
const CONFIG_NAMES = 0x2 | 0x4;
const NULL_ID = 0xffffffff;

/** QUERY_AGENT_STATE_REQ's media routing domain. Unsure: MRD 1 is the usual voice MRD (as cti-request assumes). */
const VOICE_MRD = 1;

export = function (RED: NodeAPI): void {
  function CtiStateNode(this: Node, config: CtiStateConfig): void {
    config = migrateConfig('cti-state', config);
    RED.nodes.createNode(this, config);
    const node = this;
    const t = translator((key, params) => RED._(key, params));
    let filter: StateFilter;
    let queryIds: string[];
    let statsGroups: number[];
    let outputs: ReturnType<typeof stateOutputs>;
    try {
      filter = filterOf(config, t);
      queryIds = parseIdList(config.queryAgents, t('cti-state.label.query-agents', {}, 'Agents to query'));
      statsGroups = parseNumberList(config.statsGroups, t('cti-state.label.stats-groups', {}, 'Statistics of'));
      outputs = stateOutputs(config);
    } catch (err) {
      const error = (err as Error).message;
      node.error(
        t('cti-state.errors.invalid-config', { error }, `the CTI state node's configuration is invalid: ${error}`),
      );
      node.status({ fill: 'red', shape: 'ring', text: 'cti-state.status.invalid-config' });
      return;
    }
    const server = getServer(RED, node, config.server, 'cti-state.errors.missing-config');
    if (!server) return;

    const model = new ContactCenterState({ intervalSeconds: Number(config.intervalSeconds) || 60 });
    let opened = false;
    let closed = false;
    let queryWarned = false;

    const board = new SkillGroupBoard();
    const statsSeconds =
      config.statsSeconds === undefined || config.statsSeconds === '' ? 10 : Number(config.statsSeconds);
    const statsOn = statsSeconds > 0;
    const poller = new SkillGroupPoller({
      intervalMs: statsSeconds * 1000,
      maxOutstanding: MAX_OUTSTANDING,
      groups: () => (statsGroups.length > 0 ? statsGroups : board.configuredGroups()),
      isOpen: () => !closed && server!.currentState().state === 'open',
      query: querySkillGroup,
    });

    /** The view with names (agents[].name) and the skill groups' statistics. */
    function payload(): object {
      const v = model.view(filter);
      const agents = v.agents.map((a) => ({ ...a, name: board.agentName(a.agentId) }));
      return statsOn ? { ...v, agents, skillGroups: board.view(statsGroups) } : { ...v, agents };
    }

    const emitter = outputs.start(() => {
      node.send({ topic: 'cti-state', payload: payload() });
    });

    async function querySkillGroup(n: number): Promise<void> {
      const peripheralId =
        filter.peripheralId ?? server!.configuredPeripheralId() ?? server!.tracked()?.agents[0]?.peripheralId;
      try {
        const conf = await server!.request({
          messageType: 'QUERY_SKILL_GROUP_STATISTICS_REQ',
          peripheralId: peripheralId ?? NULL_ID,
          skillGroupNumber: n,
          skillGroupId: NULL_ID,
        });
        board.applyStatistics(conf, Date.now());
      } catch (err) {
        board.failed(n, (err as Error).message);
      }
      emitter.changed();
    }

    /** Names of skill groups and agents: configuration acquisition, asked for once per open. */
    function requestConfiguration(): void {
      if (!statsOn || typeof server!.notify !== 'function') return;
      const peripheralId = filter.peripheralId ?? server!.configuredPeripheralId() ?? 0;
      try {
        server!.notify({
          messageType: 'CONFIG_REQUEST_EVENT',
          configInformation: CONFIG_NAMES,
          configMsgMask: CONFIG_NAMES,
          peripheralId,
        });
      } catch (err) {
        node.warn(`cannot request the configuration: ${(err as Error).message}`);
      }
      // With skill groups named in the editor the first round need not wait for the names.
      if (statsGroups.length > 0) poller.kick();
    }

    function onEvent(event: CtiMessage, call: unknown): void {
      if (event.messageType.startsWith('CONFIG_')) {
        if (board.applyConfig(event)) emitter.changed();
        // The end of the upload: every group is known, the first round can start.
        if (event.messageType === 'CONFIG_END_EVENT' && event.configEndStatus !== 5 && statsGroups.length === 0)
          poller.kick();
        return;
      }
      if (model.apply(event, call as CallSnapshot | undefined)) emitter.changed();
    }

    function onState(view: SessionStateView): void {
      if (view.state !== 'open') return;
      const tracked = server!.tracked();
      const reconnect = opened;
      opened = true;
      model.seed(tracked?.calls ?? [], tracked?.agents ?? [], {
        kind: reconnect ? 'reconnect' : 'open',
        rebuiltBy: ['events'],
        eventsMayHaveBeenMissed: view.eventsMayHaveBeenMissed === true,
      });
      emitter.changed();
      void queryAgents();
      requestConfiguration();
    }

    /** Agents that sent no AGENT_STATE_EVENT since the open would be missing from the board: ask for each. */
    async function queryAgents(): Promise<void> {
      if (queryIds.length === 0) return;
      const peripheralId = filter.peripheralId ?? server!.configuredPeripheralId();
      if (peripheralId === undefined) {
        warnOnce(
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
        if (closed) return;
        const req: CtiMessage = {
          messageType: 'QUERY_AGENT_STATE_REQ',
          peripheralId,
          mrdid: VOICE_MRD,
          icmAgentId: 0,
          agentId: id,
        };
        try {
          const conf = await server!.request(req);
          if (model.apply(conf, undefined, req)) answered++;
        } catch (err) {
          // One unknown agent must not hide the others: ask for every one, then say once what failed.
          failed.push(id);
          firstError ??= err as Error;
        }
      }
      if (closed) return;
      if (answered > 0) {
        model.noteRebuilt('QUERY_AGENT_STATE');
        emitter.changed();
      }
      if (firstError !== undefined) warnOnce(queryFailure(failed, firstError));
    }

    function queryFailure(agents: string[], err: Error): string {
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

    function warnOnce(text: string): void {
      if (queryWarned) return;
      queryWarned = true;
      node.warn(text);
    }

    if (statsOn) poller.start();
    const unsubscribe = server.subscribe(onEvent);
    const unwatch = server.onState(onState);
    server.register(node);
    if (server.currentState().state === 'open') {
      // Deployed beside an open session: start from what it tracks, and say so.
      const tracked = server.tracked();
      opened = true;
      model.seed(tracked?.calls ?? [], tracked?.agents ?? [], {
        kind: 'attach',
        rebuiltBy: ['events'],
        eventsMayHaveBeenMissed: false,
      });
      void queryAgents();
      requestConfiguration();
    }

    node.on('input', (msg: NodeMessage, send: (m: NodeMessage) => void, done: (err?: Error) => void) => {
      try {
        msg.payload = payload();
        send(msg);
        done();
      } catch (err) {
        done(err as Error);
      }
    });

    node.on('close', (removed: boolean, done: () => void) => {
      closed = true;
      poller.stop();
      emitter.stop();
      unsubscribe();
      unwatch();
      server.deregister(node, done, removed);
    });
  }

  function filterOf(config: CtiStateConfig, t: ReturnType<typeof translator>): StateFilter {
    const f: StateFilter = {};
    const p = String(config.peripheralId ?? '').trim();
    if (p !== '') {
      const value = p.slice(0, 40);
      if (!/^\d+$/.test(p))
        throw new RangeError(
          t('cti-state.errors.bad-peripheral', { value }, `peripheral ID "${value}" is not a whole number`),
        );
      f.peripheralId = Number(p);
    }
    const agents = parseIdList(config.agents, t('cti-state.label.agents', {}, 'Agents'));
    if (agents.length > 0) f.agents = agents;
    const groups = parseNumberList(config.skillGroups, t('cti-state.label.skill-groups', {}, 'Skill groups'));
    if (groups.length > 0) f.skillGroups = groups;
    return f;
  }

  RED.nodes.registerType('cti-state', CtiStateNode as unknown as Parameters<typeof RED.nodes.registerType>[1]);
};
