import assert from 'node:assert/strict';
import type { NodeMessage } from 'node-red';
import type { SimRequestInfo } from '../../lib/simulator';
import type { ContactCenterView, SkillGroupView } from '../../lib/contact-center';
import { helper, NODES, startSim, serverNode, nextInput, type CtiSimulator } from '../nodes/harness';
import ctiState = require('../../nodes/cti-state');

type View = Omit<ContactCenterView, 'agents'> & {
  skillGroups: SkillGroupView[];
  agents: { agentId?: string; name?: string }[];
};
type StateMsg = NodeMessage & { payload: View };

/**
 * cti-state's skill groups in a real Node-RED runtime against the simulator with its default organisation: names
 * from configuration acquisition, counters from QUERY_SKILL_GROUP_STATISTICS polled at a bounded rate.
 */
describe('cti-state node: skill group statistics and names', function () {
  let sim: CtiSimulator;

  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    await sim?.stop();
  });

  async function deploy({ extra = [], ...stateNode }: Record<string, unknown> & { extra?: object[] } = {}) {
    await helper.startServer();
    await helper.load(
      [...NODES, ctiState],
      [
        { id: 'f1', type: 'tab' },
        serverNode(sim),
        {
          id: 'st',
          type: 'cti-state',
          z: 'f1',
          server: 'srv',
          throttleMs: 0,
          statsSeconds: 1,
          wires: [['h']],
          ...stateNode,
        },
        { id: 'h', type: 'helper', z: 'f1' },
        ...extra,
      ],
    );
    return helper.getNode('h');
  }
  const nextView = (h: ReturnType<typeof helper.getNode>, accept: (v: View) => boolean, timeoutMs = 8000) =>
    nextInput(h, (m) => accept((m as StateMsg).payload), timeoutMs).then((m) => (m as StateMsg).payload);

  it('shows "Sales" and "Support" with their counters and agents by name; polls one request per group per interval', async function () {
    this.timeout(20000);
    sim = await startSim({ agents: undefined });
    const polls: { at: number; group: number }[] = [];
    sim.on('request', (r: SimRequestInfo) => {
      if (r.messageType === 'QUERY_SKILL_GROUP_STATISTICS_REQ')
        polls.push({ at: Date.now(), group: r.message.skillGroupNumber as number });
    });
    const h = await deploy({ queryAgents: '1001-1005' });
    const view = await nextView(
      h,
      (v) => v.skillGroups?.length === 2 && v.skillGroups.every((g) => g.updatedAt !== undefined),
    );
    const [sales, support] = view.skillGroups;
    assert.deepEqual([sales.skillGroupNumber, sales.skillGroupId, sales.name], [100, 5100, 'Sales']);
    assert.deepEqual([support.skillGroupNumber, support.skillGroupId, support.name], [200, 5200, 'Support']);
    assert.equal(sales.agentsLoggedOn, 3);
    assert.equal(sales.agentsReady, 3);
    assert.equal(sales.callsQNow, 0);
    assert.equal(sales.averageHandleTimeToday, undefined, 'no call handled yet');
    const named = await nextView(h, (v) => v.agents.some((a) => a.agentId === '1001' && a.name !== undefined));
    assert.equal(named.agents.find((a) => a.agentId === '1001')!.name, 'Alice Martin');

    // A handled call counts for Sales once it has ended (no wrap-up is simulated).
    const call = await sim.startInboundCall({ skillGroupNumber: 100, answer: true });
    await sim.hangUpCaller(call);
    const after = await nextView(h, (v) => v.skillGroups[0].handledCallsToday === 1);
    assert.equal(after.skillGroups[0].averageHandleTimeToday, after.skillGroups[0].handledCallsTimeToday);

    // The poll load as the simulator counted it: per group at most one request per started interval.
    const first = polls[0].at;
    const elapsed = Date.now() - first;
    for (const g of [100, 200]) {
      const n = polls.filter((p) => p.group === g).length;
      assert.ok(n >= 2, `group ${g}: ${n} polls`);
      // Rounds are at least 95 % of the interval apart (a timer may fire a little early).
      assert.ok(n <= Math.floor(elapsed / 950) + 1, `group ${g}: ${n} polls in ${elapsed} ms`);
    }
    assert.ok(
      polls.every((p) => p.group === 100 || p.group === 200),
      'only the configured groups',
    );
  });

  it('polls only the groups the editor lists, and nothing with statistics off', async function () {
    this.timeout(20000);
    sim = await startSim({ agents: undefined });
    const asked = new Set<number>();
    sim.on('request', (r: SimRequestInfo) => {
      if (r.messageType === 'QUERY_SKILL_GROUP_STATISTICS_REQ') asked.add(r.message.skillGroupNumber as number);
    });
    const h = await deploy({ statsGroups: '200' });
    const view = await nextView(
      h,
      (v) => v.skillGroups?.[0]?.updatedAt !== undefined && v.skillGroups[0].name !== undefined,
    );
    assert.deepEqual(
      view.skillGroups.map((g) => [g.skillGroupNumber, g.name]),
      [[200, 'Support']],
    );
    assert.deepEqual([...asked], [200]);
  });
  it('two cti-state nodes on one server share ONE poll: one request per group per interval, one set of counters', async function () {
    this.timeout(20000);
    sim = await startSim({ agents: undefined });
    const polls: { at: number; group: number }[] = [];
    let enough: () => void;
    const fourOf200 = new Promise<void>((resolve) => (enough = resolve));
    sim.on('request', (r: SimRequestInfo) => {
      if (r.messageType !== 'QUERY_SKILL_GROUP_STATISTICS_REQ') return;
      polls.push({ at: Date.now(), group: r.message.skillGroupNumber as number });
      if (polls.filter((p) => p.group === 200).length === 4) enough();
    });
    // Board "st" shows every group, board "st2" only Support; both poll every second.
    const h = await deploy({
      extra: [
        {
          id: 'st2',
          type: 'cti-state',
          z: 'f1',
          server: 'srv',
          throttleMs: 0,
          statsSeconds: 1,
          statsGroups: '200',
          wires: [['h2']],
        },
        { id: 'h2', type: 'helper', z: 'f1' },
      ],
    });
    await fourOf200;
    // Counted, not timed (a loaded machine delays a round's requests and bunches them): one shared poll asks each
    // group once per round, so Sales (board st only) and Support (both boards) are asked about equally often; two
    // polls of their own would ask Support twice per round — 4 of Support against 2 of Sales by now.
    const asked = (g: number) => polls.filter((p) => p.group === g).length;
    assert.ok(
      Math.abs(asked(200) - asked(100)) <= 1,
      `Support asked ${asked(200)} times, Sales ${asked(100)}: ${JSON.stringify(polls.map((p) => p.group))}`,
    );
    // Both boards read the same counters: group 200 was read at the same moment for both.
    const q1 = nextView(h, () => true);
    helper.getNode('st').receive({ topic: 'q' });
    const q2 = nextView(helper.getNode('h2'), () => true);
    helper.getNode('st2').receive({ topic: 'q' });
    const [all, support] = await Promise.all([q1, q2]);
    assert.deepEqual(
      all.skillGroups.map((g) => g.name),
      ['Sales', 'Support'],
    );
    assert.deepEqual(
      support.skillGroups.map((g) => [g.skillGroupNumber, g.name]),
      [[200, 'Support']],
    );
    assert.ok(support.skillGroups[0].updatedAt !== undefined);
    assert.equal(all.skillGroups[1].updatedAt, support.skillGroups[0].updatedAt, 'one set of counters');
    assert.equal(all.skillGroups[1].agentsLoggedOn, support.skillGroups[0].agentsLoggedOn);
  });
});
