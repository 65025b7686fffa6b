import assert from 'node:assert/strict';
import { SkillGroupPoller } from '../../nodes/lib/skill-group-poller';

/** The poll behind cti-state's statistics (nodes/lib/skill-group-poller.ts), shared by every board of a server. */
describe('SkillGroupPoller: rounds, and groups that join a running poll', function () {
  it('asks a group new to the poll at once, without asking the others again within the interval', async function () {
    let groups = ['5000:100'];
    const asked: string[] = [];
    const poller = new SkillGroupPoller<string>({
      intervalMs: 60000,
      maxOutstanding: 2,
      groups: () => groups,
      isOpen: () => true,
      query: async (k) => void asked.push(k),
    });
    poller.start();
    try {
      poller.kick();
      poller.kick();
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(asked, ['5000:100'], 'one round, however many boards kick it');
      groups = ['5000:100', '5000:200'];
      poller.kick();
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(asked, ['5000:100', '5000:200'], 'only the new group is asked now');
      poller.tick();
      assert.deepEqual(asked, ['5000:100', '5000:200'], 'no round before the interval is over');
    } finally {
      poller.stop();
    }
  });

  it('asks nothing while the session is not open', function () {
    const asked: number[] = [];
    const poller = new SkillGroupPoller({
      intervalMs: 60000,
      maxOutstanding: 2,
      groups: () => [100],
      isOpen: () => false,
      query: async (n) => void asked.push(n),
    });
    poller.start();
    poller.kick();
    poller.stop();
    assert.deepEqual(asked, []);
  });
});
