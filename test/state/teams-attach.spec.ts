import assert from 'node:assert/strict';
import type { NodeMessage } from 'node-red';
import { removeTeamMember, setTeam } from '../../lib/simulator';
import type { ContactCenterView } from '../../lib/contact-center';
import { helper, NODES, startSim, serverNode, nextInput, type CtiSimulator } from '../nodes/harness';
import ctiState = require('../../nodes/cti-state');

type Msg = NodeMessage & { payload: Record<string, unknown> };

/**
 * Issue 23's limit: AGENT_TEAM_CONFIG_EVENT comes only after OPEN and when a team changes, so a cti-state deployed
 * beside an already open supervisor session saw no team. The cti-server node keeps the last state of each team of
 * its session (like the configuration's names) and a new cti-state reads it at once. Real runtime, the simulator's
 * default organisation (team 1 "Team Blue": 1001-1005, supervisor 1009) over TCP.
 */
describe('cti-state beside an open supervisor session: the teams at once', function () {
  this.timeout(20000);
  let sim: CtiSimulator;

  beforeEach(async function () {
    await helper.startServer();
    sim = await startSim({ agents: undefined });
  });

  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    await sim.stop();
  });

  const base = (): Record<string, unknown>[] => [
    { id: 'f1', type: 'tab' },
    serverNode(sim, {
      id: 'sup',
      clientId: 'sup-1009',
      services: ['CLIENT_EVENTS', 'CLIENT_CONTROL', 'SUPERVISOR'],
      agentId: '1009',
    }),
    { id: 'ev', type: 'cti-event', z: 'f1', server: 'sup', events: ['AGENT_TEAM_CONFIG_EVENT'], wires: [['hev']] },
    { id: 'hev', type: 'helper', z: 'f1' },
  ];

  const stateNode = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown>[] => [
    { id, type: 'cti-state', z: 'f1', server: 'sup', onChange: false, statsSeconds: 0, wires: [[`h-${id}`]], ...extra },
    { id: `h-${id}`, type: 'helper', z: 'f1' },
  ];

  /** Adds nodes to the running flow the way a "modified nodes" deploy does: the server and its session stay. */
  async function addNodes(nodes: Record<string, unknown>[]): Promise<void> {
    const flow = helper._redNodes.getFlows().flows as Record<string, unknown>[];
    await helper.setFlows([...flow, ...nodes], 'nodes');
  }

  /** The node's view now (an input message is a query). */
  async function viewOf(id: string): Promise<ContactCenterView> {
    const out = nextInput(helper.getNode(`h-${id}`) as never);
    helper.getNode(id).receive({ payload: 'now' });
    return ((await out) as Msg).payload as unknown as ContactCenterView;
  }

  const teamEvent = (accept: (p: Record<string, unknown>) => boolean = () => true) =>
    nextInput(
      helper.getNode('hev') as never,
      (m) => m.topic === 'AGENT_TEAM_CONFIG_EVENT' && accept((m as Msg).payload),
      10000,
    );

  it('shows the team and its members, with the states the team event gave, from its first message', async function () {
    await helper.load([...NODES, ctiState], base());
    // The session opens after the load (a TCP connect away): the team arrives after this listener is set.
    await teamEvent();
    await addNodes(stateNode('st'));
    const view = await viewOf('st');
    assert.deepEqual(view.teams, [
      { teamId: 1, name: 'Team Blue', supervisors: ['1009'], members: ['1001', '1002', '1003', '1004', '1005'] },
    ]);
    assert.deepEqual(
      view.agents.map((a) => [a.agentId, a.state]),
      [
        ['1001', 'AGENT_STATE_AVAILABLE'],
        ['1002', 'AGENT_STATE_AVAILABLE'],
        ['1003', 'AGENT_STATE_AVAILABLE'],
        ['1004', 'AGENT_STATE_AVAILABLE'],
        ['1005', 'AGENT_STATE_AVAILABLE'],
        ['1009', 'AGENT_STATE_NOT_READY'],
      ],
    );
    // The team filter works on the kept team too.
    await addNodes(stateNode('st2', { teams: '2' }));
    const other = await viewOf('st2');
    assert.deepEqual(other.teams, []);
    assert.deepEqual(other.agents, [], 'team 2 does not exist: no agent shown');
  });

  it('keeps the last state of each team: a change made before the node started is what it shows', async function () {
    await helper.load([...NODES, ctiState], base());
    await teamEvent();
    // The team changes twice while no cti-state runs: renamed with a new member list, then 1005 removed.
    const renamed = teamEvent((p) => p.agentTeamName === 'Team Green');
    setTeam(sim.model, {
      teamId: 1,
      name: 'Team Green',
      members: ['1001', '1002', '1003', '1004', '1005'],
      supervisors: ['1009'],
    });
    await renamed;
    const smaller = teamEvent((p) => Array.isArray(p.atcAgentId) && !p.atcAgentId.includes('1005'));
    removeTeamMember(sim.model, 1, '1005');
    await smaller;

    await addNodes(stateNode('st', { teams: '1' }));
    const view = await viewOf('st');
    assert.deepEqual(view.teams, [
      { teamId: 1, name: 'Team Green', supervisors: ['1009'], members: ['1001', '1002', '1003', '1004'] },
    ]);
    assert.deepEqual(
      view.agents.map((a) => a.agentId),
      ['1001', '1002', '1003', '1004', '1009'],
    );
  });
});
