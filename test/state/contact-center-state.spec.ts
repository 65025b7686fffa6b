import assert from 'node:assert/strict';
import type { CtiMessage } from '../../lib/protocol';
import { CallTracker } from '../../lib/calls';
import { ContactCenterState, parseIdList, parseNumberList } from '../../lib/contact-center';
import { stateOutputs } from '../../nodes/lib/state-outputs';
import { begin, simpleEvent } from '../calls/tracker-messages';

function agentEvent(agentId: string, state: number, extra: Partial<CtiMessage> = {}): CtiMessage {
  return {
    messageType: 'AGENT_STATE_EVENT',
    peripheralId: 5000,
    agentId,
    agentExtension: `x${agentId}`,
    agentState: state,
    skillGroupNumber: 10,
    ...extra,
  };
}

describe('ContactCenterState (lib/contact-center)', function () {
  let now = 1_000_000;
  const clock = (): number => now;

  it('takes "since" from StateDuration, keeps it while the state does not change, and resets it on a change', function () {
    const s = new ContactCenterState({ now: clock });
    s.apply(agentEvent('1001', 3, { stateDuration: 90 }));
    assert.equal(s.view().agents[0].since, now - 90_000);
    now += 5000;
    s.apply(agentEvent('1001', 3));
    assert.equal(s.view().agents[0].since, now - 5000 - 90_000);
    s.apply(agentEvent('1001', 4));
    assert.equal(s.view().agents[0].since, now);
  });

  it('merges an agent first answered by extension with its later AgentID, and filters agents and skill groups', function () {
    const s = new ContactCenterState({ now: clock });
    s.apply({ messageType: 'QUERY_AGENT_STATE_CONF', agentState: 2, skillGroupNumber: [11] }, undefined, {
      messageType: 'QUERY_AGENT_STATE_REQ',
      agentExtension: 'x1001',
    });
    s.apply(agentEvent('1001', 3));
    s.apply(agentEvent('1002', 2, { skillGroupNumber: 20 }));
    const all = s.view();
    assert.deepEqual(
      all.agents.map((a) => [a.agentId, a.extension, a.skillGroups]),
      [
        ['1001', 'x1001', [10, 11]],
        ['1002', 'x1002', [20]],
      ],
    );
    assert.deepEqual(
      s.view({ agents: ['x1002'] }).agents.map((a) => a.agentId),
      ['1002'],
    );
    assert.deepEqual(
      s.view({ skillGroups: [11] }).agents.map((a) => a.agentId),
      ['1001'],
    );
    assert.deepEqual(s.view({ peripheralId: 1 }).agents, []);
  });

  it('drops a call whose END_CALL_EVENT never came after maxCallAgeMs, and counts calls per interval', function () {
    const tracker = new CallTracker({ now: clock });
    const s = new ContactCenterState({ now: clock, maxCallAgeMs: 60_000, intervalSeconds: 30 });
    const b = begin(1, 'dev1');
    s.apply(b, tracker.update(b));
    const d = simpleEvent('CALL_QUEUED_EVENT', 1, 'dev1', { skillGroupNumber: 10 });
    s.apply(d, tracker.update(d));
    let v = s.view();
    assert.equal(v.summary.callsQueued, 1);
    assert.equal(v.summary.callsLastInterval, 1);
    now += 31_000;
    v = s.view({ skillGroups: [99] });
    assert.equal(v.calls.length, 0, 'a queued call shows only under the skill group filter it matches');
    v = s.view();
    assert.equal(v.summary.longestQueuedSeconds, 31);
    assert.equal(v.summary.callsLastInterval, 0);
    now += 60_000;
    assert.equal(s.view().calls.length, 0);
  });

  it('parses id lists with ranges and refuses what is not one', function () {
    assert.deepEqual(parseIdList('1001-1003, 2001 agent.x', 'agents'), ['1001', '1002', '1003', '2001', 'agent.x']);
    assert.deepEqual(parseNumberList('', 'groups'), []);
    assert.throws(() => parseNumberList('10, sales', 'Skill groups'), /Skill groups: "sales" is not a whole number/);
    assert.throws(() => parseIdList('5-1', 'agents'), /not a range/);
  });
});

describe('cti-state output timing (nodes/lib/state-outputs)', function () {
  it('sends the first change at once and a burst once more at the end of the window', async function () {
    let sent = 0;
    let second!: () => void;
    const secondSent = new Promise<void>((r) => (second = r));
    const e = stateOutputs({ throttleMs: 30 }).start(() => {
      if (++sent === 2) second();
    });
    for (let i = 0; i < 100; i++) e.changed();
    assert.equal(sent, 1);
    await secondSent;
    e.stop();
    assert.equal(sent, 2);
  });

  it('sends nothing on change when on-change is off, and refuses a bad throttle', function () {
    let sent = 0;
    const e = stateOutputs({ onChange: 'false' }).start(() => sent++);
    e.changed();
    e.stop();
    assert.equal(sent, 0);
    assert.throws(() => stateOutputs({ throttleMs: 'soon' }), /throttle \(ms\) must be a number/);
  });
});
