import assert from 'node:assert/strict';
import { ContactCenterState, TeamConfigs } from '../../lib/contact-center';
import type { CtiMessage } from '../../lib/protocol';

const team = (op: number, ids: string[], extra: Record<string, unknown> = {}): CtiMessage => ({
  messageType: 'AGENT_TEAM_CONFIG_EVENT',
  peripheralId: 5000,
  teamId: 7,
  configOperation: op,
  atcAgentId: ids,
  agentFlags: ids.map((id) => (id === '1009' ? 0x5 : 0)),
  atcAgentState: ids.map(() => 3),
  atcStateDuration: ids.map(() => 10),
  ...extra,
});

/** What the cti-server keeps of AGENT_TEAM_CONFIG_EVENT for boards deployed later (lib/contact-center/team-configs.ts). */
describe('TeamConfigs: the last state of each team, replayed as one whole list', function () {
  it('applies whole lists, additions and removals, and replays each team once', function () {
    const t = new TeamConfigs();
    assert.equal(t.apply({ messageType: 'AGENT_STATE_EVENT', agentState: 3 }, 0), false);
    t.apply(team(0, ['1001', '1002', '1009'], { agentTeamName: 'Blue' }), 1000);
    t.apply(team(1, ['1003']), 2000);
    t.apply(team(2, ['1001']), 3000);
    const [msg] = t.replay(3000);
    assert.equal(t.size, 1);
    assert.equal(msg.configOperation, 0);
    assert.equal(msg.agentTeamName, 'Blue', 'a later event without a name keeps it');
    assert.deepEqual(msg.atcAgentId, ['1002', '1009', '1003']);
    assert.deepEqual(msg.agentFlags, [0, 0x5, 0]);
    // The durations read as they would now: reported 10 s, 2 s and 1 s ago.
    assert.deepEqual(msg.atcStateDuration, [12, 12, 11]);

    // A board fed the replay shows what the events said, in one step.
    const model = new ContactCenterState();
    for (const m of t.replay()) model.apply(m);
    assert.deepEqual(model.view().teams, [
      { teamId: 7, name: 'Blue', supervisors: ['1009'], members: ['1002', '1003'] },
    ]);

    // A whole list replaces the team.
    t.apply(team(0, ['1004']), 4000);
    assert.deepEqual(t.replay(4000)[0].atcAgentId, ['1004']);
    t.clear();
    assert.deepEqual(t.replay(), []);
  });

  it('leaves out a member state something fresher already tells', function () {
    const t = new TeamConfigs();
    t.apply(team(0, ['1001', '1002']), 1000);
    const [msg] = t.replay(1000, (id) => id === '1002');
    assert.deepEqual(msg.atcAgentState, [3, undefined]);
    const model = new ContactCenterState();
    model.apply({ messageType: 'AGENT_STATE_EVENT', agentId: '1002', agentState: 2, peripheralId: 5000 });
    model.apply(msg);
    assert.deepEqual(
      model.view().agents.map((a) => [a.agentId, a.state]),
      [
        ['1001', 'AGENT_STATE_AVAILABLE'],
        ['1002', 'AGENT_STATE_NOT_READY'],
      ],
    );
  });
});
