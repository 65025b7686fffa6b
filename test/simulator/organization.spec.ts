import assert from 'node:assert/strict';
import { parseSkillGroups, parseTeams, SimModel, VirtualClock } from '../../lib/simulator';
import { parseArgs } from '../../cli/cti-sim';

function model(opts: Partial<ConstructorParameters<typeof SimModel>[0]> = {}): SimModel {
  return new SimModel({ clock: new VirtualClock(), ...opts });
}

describe('simulator: organisation (skill groups, names, teams)', () => {
  it('defaults: agents 1001-1005 with names, skill groups 100 Sales and 200 Support', () => {
    const m = model();
    assert.deepEqual([...m.agents.keys()], ['1001', '1002', '1003', '1004', '1005', '1009']);
    assert.deepEqual(
      [...m.skillGroups.values()].map((g) => [g.skillGroupNumber, g.skillGroupId, g.name, g.agents.join(',')]),
      [
        [100, 5100, 'Sales', '1001,1002,1003'],
        [200, 5200, 'Support', '1003,1004,1005'],
      ],
    );
    for (const a of m.agents.values()) {
      assert.match(a.firstName, /^[A-Z][a-z]+$/);
      assert.match(a.lastName, /^[A-Z][a-z]+$/);
    }
    const a1003 = m.getAgent('1003');
    assert.deepEqual(a1003.skillGroupNumbers, [100, 200]);
    assert.equal(a1003.skillGroupNumber, 100, 'the first group is the primary');
    assert.equal(a1003.skillGroupId, 5100);
    assert.equal(m.getAgent('1005').skillGroupNumber, 200);
    assert.equal(m.getAgent('1005').skillGroupId, 5200);
  });

  it('defaults: team 1 "Team Blue" (1001-1005) supervised by 1009, who is logged in, Not Ready, in no skill group', () => {
    const m = model();
    assert.deepEqual(
      [...m.teams.values()],
      [{ teamId: 1, name: 'Team Blue', members: ['1001', '1002', '1003', '1004', '1005'], supervisors: ['1009'] }],
    );
    const sup = m.getAgent('1009');
    assert.equal(sup.extension, '1009');
    assert.equal(sup.state, 2 /* AGENT_STATE_NOT_READY */);
    assert.deepEqual(sup.skillGroupNumbers, []);
    assert.equal(sup.skillGroupNumber, 0xffffffff);
    for (const g of m.skillGroups.values()) assert.ok(!g.agents.includes('1009'));
  });

  it('--agents alone: generated names and one skill group 100 with all of them', () => {
    const m = model({ agents: '2001-2003' });
    assert.deepEqual([...m.skillGroups.keys()], [100]);
    assert.deepEqual(m.skillGroups.get(100)!.agents, ['2001', '2002', '2003']);
    assert.equal(m.getAgent('2002').firstName, 'Agent');
    assert.equal(m.getAgent('2002').lastName, '2002');
    assert.equal(m.getAgent('2002').skillGroupId, 5100);
    assert.equal(m.teams.size, 0);
  });

  it('the compact string form and specs from code; an agent in no group has a NULL primary', () => {
    const m = model({
      agents: [{ agentId: '1001', firstName: 'Ann', lastName: 'Lee' }, { agentId: '1002' }, { agentId: '1009' }],
      skillGroups: '300:7300=Billing@1001+1002;400=Back office@1002',
      teams: '7=Night@1001-1002/1009',
    });
    assert.deepEqual(
      [...m.skillGroups.values()].map((g) => [g.skillGroupNumber, g.skillGroupId, g.name]),
      [
        [300, 7300, 'Billing'],
        [400, 5400, 'Back office'],
      ],
    );
    assert.equal(m.getAgent('1001').firstName, 'Ann');
    assert.deepEqual(m.getAgent('1002').skillGroupNumbers, [300, 400]);
    assert.equal(m.getAgent('1009').skillGroupNumber, 0xffffffff);
    assert.deepEqual(m.teams.get(7), { teamId: 7, name: 'Night', members: ['1001', '1002'], supervisors: ['1009'] });
  });

  it('refuses mistakes with a readable error', () => {
    assert.throws(() => parseSkillGroups('100=Sales'), /expected <number>/);
    assert.throws(() => parseSkillGroups('100=A@1001;100=B@1002'), /given twice/);
    assert.throws(() => model({ agents: '1001', skillGroups: '100@1001+1002' }), /names agent 1002/);
    assert.throws(() => parseTeams('x@1001'), /expected <id>/);
    assert.throws(() => parseArgs(['--skill-groups', 'nonsense']), /skill group "nonsense"/);
    assert.equal(parseArgs(['--skill-groups', '100=Sales@1001']).skillGroups, '100=Sales@1001');
  });
});
