import assert from 'node:assert/strict';
import { CONFIG_ITEM, fromConfigRecords } from '../../lib/protocol';
import { ConfigurationNames, mergePeripheralViews, SkillGroupBoard, sumSummaries } from '../../lib/contact-center';
import type { ContactCenterView, StateSummary } from '../../lib/contact-center';

const group = (n: number, name: string, recordType = 0, extra: Record<string, unknown> = {}) =>
  fromConfigRecords('CONFIG_SKILL_GROUP_EVENT', [
    { recordType, peripheralNumber: n, peripheralName: name, skillGroupSkillTargetId: 5000 + n, ...extra },
  ]);
const agent = (id: string, firstName: string, lastName: string, recordType = 0) =>
  fromConfigRecords('CONFIG_AGENT_EVENT', [{ recordType, loginId: id, firstName, lastName }]);

describe('ConfigurationNames (the names one session shares among its boards)', function () {
  it('names skill groups and agents, follows renames and deletes, and a board built on it shows them', function () {
    const names = new ConfigurationNames();
    names.apply(group(100, 'Sales'));
    names.apply(group(200, 'Support'));
    names.apply(agent('1001', 'Alice', 'Martin'));
    const board = new SkillGroupBoard(names);
    board.applyStatistics(
      { messageType: 'QUERY_SKILL_GROUP_STATISTICS_CONF', skillGroupNumber: 300, skillGroupId: 5300 },
      1,
    );
    assert.deepEqual(
      board.view().map((g) => [g.skillGroupNumber, g.skillGroupId, g.name]),
      [
        [100, 5100, 'Sales'],
        [200, 5200, 'Support'],
        [300, 5300, undefined],
      ],
    );
    assert.equal(board.agentName('1001'), 'Alice Martin');
    // 200 renumbered to 250, 300 deleted: neither number is shown any more.
    names.apply(group(250, 'Support', 1, { oldPeripheralNumber: 200 }));
    names.apply(group(300, 'x', 2));
    assert.deepEqual(
      board.view().map((g) => g.skillGroupNumber),
      [100, 250],
    );
  });

  it('a new upload drops what it no longer names, only for the items it carried', function () {
    const names = new ConfigurationNames();
    names.apply(group(100, 'Sales'));
    names.apply(group(200, 'Support'));
    names.apply(agent('1001', 'Alice', 'Martin'));
    names.apply(agent('1002', 'Bob', 'Ng'));
    names.beginSnapshot();
    names.apply(group(100, 'Sales'));
    names.apply(agent('1002', 'Bob', 'Ng'));
    names.endSnapshot(CONFIG_ITEM.SKILL_GROUP);
    assert.deepEqual(names.configuredGroups(), [100]);
    assert.equal(names.isGone(200), true);
    assert.equal(names.agentName('1001'), 'Alice Martin', 'agents were not in that upload: kept');
    names.beginSnapshot();
    names.apply(agent('1002', 'Bob', 'Ng'));
    names.endSnapshot(CONFIG_ITEM.AGENT);
    assert.equal(names.agentName('1001'), undefined);
    assert.equal(names.agentCount, 1);
  });
});

describe('mergePeripheralViews (many PGs in one view)', function () {
  const summary = (over: Partial<StateSummary>): StateSummary => ({
    agentsByState: {},
    agentsLoggedIn: 0,
    callsInProgress: 0,
    callsQueued: 0,
    longestQueuedSeconds: 0,
    callsLastInterval: 0,
    callsEndedLastInterval: 0,
    intervalSeconds: 60,
    ...over,
  });
  const view = (pid: number, s: StateSummary, kind: 'open' | 'reconnect'): ContactCenterView => ({
    agents: [{ agentId: '1001', state: 'AGENT_STATE_AVAILABLE', since: 0, skillGroups: [], activeCall: 'c1' }],
    teams: [],
    calls: [{ key: 'c1', queued: false, since: pid, callVariables: {}, ecc: {} }],
    summary: s,
    origin: { since: pid, kind, rebuiltBy: ['events'], eventsMayHaveBeenMissed: kind === 'reconnect' },
    at: 0,
  });

  it('adds the counts up, keeps the longest wait, tags and keeps apart the same IDs, and says the least continuous origin', function () {
    const a = summary({
      agentsByState: { AGENT_STATE_AVAILABLE: 2 },
      agentsLoggedIn: 2,
      callsQueued: 1,
      longestQueuedSeconds: 30,
    });
    const b = summary({
      agentsByState: { AGENT_STATE_AVAILABLE: 1, AGENT_STATE_UNKNOWN: 3 },
      agentsLoggedIn: 1,
      callsQueued: 2,
      longestQueuedSeconds: 12,
    });
    assert.deepEqual(sumSummaries([a, b]).agentsByState, { AGENT_STATE_AVAILABLE: 3, AGENT_STATE_UNKNOWN: 3 });
    const merged = mergePeripheralViews(
      [
        {
          peripheral: { peripheralId: 5000, server: 'a', link: 'up', sessionState: 'open' },
          view: view(5000, a, 'open'),
        },
        {
          peripheral: { peripheralId: 6000, server: 'b', link: 'down', sessionState: 'failover' },
          view: view(6000, b, 'reconnect'),
        },
      ],
      { prefixCallKeys: true, at: 1 },
    );
    assert.equal(merged.summary.callsQueued, 3);
    assert.equal(merged.summary.longestQueuedSeconds, 30);
    assert.equal(merged.summary.agentsLoggedIn, 3);
    assert.deepEqual(
      merged.agents.map((x) => [x.agentId, x.peripheralId, x.activeCall]),
      [
        ['1001', 5000, '5000:c1'],
        ['1001', 6000, '6000:c1'],
      ],
    );
    assert.deepEqual(
      merged.calls.map((c) => c.key),
      ['5000:c1', '6000:c1'],
    );
    assert.deepEqual(
      merged.peripherals.map((p) => [p.peripheralId, p.link, p.summary.callsQueued]),
      [
        [5000, 'up', 1],
        [6000, 'down', 2],
      ],
    );
    assert.equal(merged.origin.kind, 'reconnect');
    assert.equal(merged.origin.eventsMayHaveBeenMissed, true);
    // One PG: keys as they always were.
    const one = mergePeripheralViews(
      [
        {
          peripheral: { peripheralId: 5000, server: 'a', link: 'up', sessionState: 'open' },
          view: view(5000, a, 'open'),
        },
      ],
      { prefixCallKeys: false, at: 1 },
    );
    assert.equal(one.calls[0].key, 'c1');
    assert.equal(one.agents[0].activeCall, 'c1');
  });
});
