import assert from 'node:assert/strict';
import { type CtiMessage } from '../../lib/protocol';
import { AcceleratedClock } from '../../lib/simulator';
import { bridgeClient, Fixture } from './helpers';

/**
 * The built-in scenarios route to the default organisation's skill groups, so `npm start`'s demo (gentle) fills
 * both "Sales" and "Support": the calls reach agents of the group of their line and count there; busy-hour's
 * queued call queues in "Support" (CALL_QUEUED_EVENT names the group).
 */
describe('simulator: built-in scenarios route by skill group', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  const stats = (bridge: Awaited<ReturnType<typeof bridgeClient>>, skillGroupNumber: number): Promise<CtiMessage> =>
    bridge.request({
      messageType: 'QUERY_SKILL_GROUP_STATISTICS_REQ',
      peripheralId: 5000,
      skillGroupNumber,
      skillGroupId: 0xffffffff,
    });

  it('gentle (the demo): calls to DNIS 8005552000 reach Support, the others Sales; both groups count handled calls', async () => {
    const sim = await fx.sim({ clock: new AcceleratedClock(200) });
    const bridge = await bridgeClient(fx, sim.port);
    const delivered: Array<[string, string]> = [];
    await sim.runScenario('gentle');
    await bridge.request({ messageType: 'HEARTBEAT_REQ' }); // every event sent before has arrived
    const begins = bridge.messages.filter((m) => m.messageType === 'BEGIN_CALL_EVENT');
    for (const b of begins) {
      const answered = bridge.messages.find(
        (m) => m.messageType === 'CALL_ESTABLISHED_EVENT' && m.connectionCallId === b.connectionCallId,
      );
      if (answered !== undefined) delivered.push([b.dnis as string, answered.answeringDeviceId as string]);
    }
    assert.equal(delivered.length, 3, JSON.stringify(delivered));
    const support = ['1003', '1004', '1005'];
    const sales = ['1001', '1002', '1003'];
    for (const [dnis, agent] of delivered) {
      const members = dnis === '8005552000' ? support : sales;
      assert.ok(members.includes(agent), `${dnis} delivered to ${agent}, not a member of its group`);
    }
    const s100 = await stats(bridge, 100);
    const s200 = await stats(bridge, 200);
    assert.equal(s100.handledCallsToday, 2, 'Sales: the calls to 8005551000 and 8005553000');
    assert.equal(s200.handledCallsToday, 1, 'Support: the call to 8005552000');
  });

  it('busy-hour: its queued call queues in Support and is counted there; the routed one in Sales', async () => {
    const sim = await fx.sim({ clock: new AcceleratedClock(100) });
    const bridge = await bridgeClient(fx, sim.port);
    await sim.runScenario('busy-hour', { calls: 3 });
    await bridge.request({ messageType: 'HEARTBEAT_REQ' });
    const queued = bridge.messages.filter((m) => m.messageType === 'CALL_QUEUED_EVENT');
    assert.ok(queued.length >= 1);
    assert.ok(
      queued.some((m) => (m.skillGroupNumber as number[])[0] === 200),
      JSON.stringify(queued.map((m) => m.skillGroupNumber)),
    );
    assert.ok((await stats(bridge, 200)).handledCallsToday >= 1, 'Support handled the queued call');
    assert.ok((await stats(bridge, 200)).callsQToday >= 1, 'and counted it as queued there');
    assert.ok((await stats(bridge, 100)).handledCallsToday >= 1, 'Sales handled the routed call');
  });
});
