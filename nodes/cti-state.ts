/**
 * cti-state: the current agent and call state the sessions track, for wallboards and decisions.
 * msg.payload = { agents, teams, calls, summary, skillGroups, peripherals, origin, at } (lib/contact-center). Sent on
 * an input message (a query), on change (at most once per `throttleMs`) and/or every `everySeconds`.
 *
 * One node may list several cti-server nodes (`servers`), one per peripheral (PG): each PG's state is kept apart
 * (nodes/lib/state-pg.ts) and the views merged, every entry tagged with its peripheralId, `peripherals[]` giving
 * each PG's link and own summary, the top-level summary across them all.
 */
import type { Node, NodeAPI, NodeDef, NodeMessage, NodeStatus } from 'node-red';
import { mergePeripheralViews, parseIdList, parseNumberList, type StateFilter } from '../lib/contact-center';
import { getServer, type CtiServerNode } from './lib/server-api';
import { translator } from './lib/status';
import { stateOutputs, type StateOutputConfig } from './lib/state-outputs';
import { migrateConfig, STATE_SERVER_SLOTS } from './lib/migrations';
import { PeripheralState } from './lib/state-pg';

interface CtiStateConfig extends NodeDef, StateOutputConfig {
  /** The first (or only) cti-server node. */
  server: string;
  /** Further cti-server nodes, one per peripheral: server2 … server12 (configVersion 3, STATE_SERVER_SLOTS). */
  [slot: `server${number}`]: string | undefined;
  /** Further servers beyond the slots (configVersion 2 listed them all here; a migration moves them to the slots). */
  servers?: string[] | string;
  queryAgents?: string;
  intervalSeconds?: number | string;
  peripheralId?: number | string;
  agents?: string;
  skillGroups?: string;
  /** TeamIDs (Supervisor service): the board shows those teams' agents. */
  teams?: string;
  /** Skill groups whose statistics to poll ('' = every group the configuration names). */
  statsGroups?: string;
  /** Seconds between statistics rounds (default 10; 0 = no statistics, no configuration request). */
  statsSeconds?: number | string;
}

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
    const servers: CtiServerNode[] = [];
    for (const id of serverIds(config)) {
      const server = getServer(RED, node, id, 'cti-state.errors.missing-config');
      if (!server) return;
      servers.push(server);
    }
    if (servers.length === 0) {
      getServer(RED, node, undefined, 'cti-state.errors.missing-config');
      return;
    }
    const many = servers.length > 1;
    const statsSeconds =
      config.statsSeconds === undefined || config.statsSeconds === '' ? 10 : Number(config.statsSeconds);

    const emitter = outputs.start(() => {
      node.send({ topic: 'cti-state', payload: payload() });
    });
    let warned = false;
    const pgs = servers.map(
      (server) =>
        new PeripheralState({
          server,
          filter,
          many,
          queryIds,
          statsGroups,
          statsSeconds,
          intervalSeconds: Number(config.intervalSeconds) || 60,
          changed: () => emitter.changed(),
          // One warning per node (as with one server): a board with ten PGs must not warn ten times the same.
          warn: (text) => {
            if (warned) return;
            warned = true;
            node.warn(text);
          },
          t,
        }),
    );
    const labels = servers.map((s) => serverLabel(s));

    /** The view across every PG (with one server: today's view plus its one `peripherals` entry). */
    function payload(): object {
      return mergePeripheralViews(
        pgs.map((pg, i) => pg.part(filter, labels[i])),
        { prefixCallKeys: many, at: Date.now() },
      );
    }

    // With one server it paints the node's status itself; with several the node shows how many PGs are up.
    const users: Node[] = pgs.map((_, i) => (many ? statusProxy(node, i) : node));
    function statusProxy(n: Node, i: number): Node {
      return {
        id: `${n.id}#pg${i}`,
        // The PG's own status is not shown: the node shows how many PGs are up, recounted at each change.
        status: () => n.status(manyStatus()),
      } as unknown as Node;
    }
    function manyStatus(): NodeStatus {
      const up = pgs.filter((pg) => pg.link() === 'up').length;
      const total = pgs.length;
      const text = t('cti-state.status.pgs-up', { up, total }, `${up}/${total} PGs up`);
      if (up === total) return { fill: 'green', shape: 'dot', text };
      return up === 0 ? { fill: 'red', shape: 'ring', text } : { fill: 'yellow', shape: 'dot', text };
    }

    pgs.forEach((pg, i) => pg.start(users[i]));

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
      emitter.stop();
      let left = pgs.length;
      const one = (): void => {
        if (--left === 0) done();
      };
      pgs.forEach((pg, i) => pg.stop(users[i], removed, one));
    });
  }

  /** The server IDs: `server`, then server2 … server12, then any left in `servers`; duplicates once. */
  function serverIds(config: CtiStateConfig): string[] {
    const list = Array.isArray(config.servers)
      ? config.servers
      : typeof config.servers === 'string'
        ? config.servers.split(',')
        : [];
    const slots = STATE_SERVER_SLOTS.map((slot) => config[slot as `server${number}`]);
    const ids = [config.server, ...slots, ...list].map((id) => String(id ?? '').trim()).filter((id) => id !== '');
    return [...new Set(ids)];
  }

  function serverLabel(server: CtiServerNode): string {
    return server.label?.() ?? ((server as unknown as { name?: string }).name || server.id);
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
    const teams = parseNumberList(config.teams, t('cti-state.label.teams', {}, 'Teams'));
    if (teams.length > 0) f.teams = teams;
    return f;
  }

  RED.nodes.registerType('cti-state', CtiStateNode as unknown as Parameters<typeof RED.nodes.registerType>[1]);
};
