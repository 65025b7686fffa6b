import assert from 'node:assert/strict';
import { AgentState, CONFIG_ITEM, configRecords, type CtiMessage } from '../../lib/protocol';
import { CtiSimulator, VirtualClock, type CtiSimulatorOptions, validateScenario } from '../../lib/simulator';
import { type CtiSimRun, launch } from '../../cli/cti-sim';
import { RawClient, SVC } from './raw-client';

const AS = AgentState.byName;
const NULL_SG = 0xffffffff;

/**
 * After-call work (wrap-up) of the simulator, over real TCP on a virtual clock (time moves only when the test
 * advances it, so every figure is exact): an agent whose handled call ends is WORK_READY (WORK_NOT_READY when it
 * asked for Not Ready) for the wrap-up time, then AVAILABLE (NOT_READY); the handled call is counted when the
 * wrap-up ends, with its HandledCallsAfterCallTime.
 */
describe('simulator: after-call work (wrap-up)', () => {
  let sim: CtiSimulator;
  let clock: VirtualClock;
  let bridge: RawClient;

  async function start(opts: CtiSimulatorOptions): Promise<void> {
    // 09:00:00 UTC: every figure below stays in one 5-minute window.
    clock = new VirtualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    sim = new CtiSimulator({ port: 0, clock, ...opts });
    await sim.start();
    bridge = await RawClient.connect(sim.port);
    const conf = await bridge.open({
      servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS | SVC.CTI_SERVICE_CLIENT_CONTROL,
      peripheralId: 5000,
    });
    assert.equal(conf.messageType, 'OPEN_CONF');
  }
  afterEach(async () => {
    bridge?.close();
    await sim?.stop();
  });

  const sgStats = (skillGroupNumber: number): Promise<CtiMessage> =>
    bridge.request({
      messageType: 'QUERY_SKILL_GROUP_STATISTICS_REQ',
      peripheralId: 5000,
      skillGroupNumber,
      skillGroupId: NULL_SG,
    });
  const agentStats = (agentId: string): Promise<CtiMessage> =>
    bridge.request({ messageType: 'QUERY_AGENT_STATISTICS_REQ', peripheralId: 5000, agentId });
  /** The next AGENT_STATE_EVENT of `agentId` (after the last message awaited). */
  const stateOf = (agentId: string): Promise<CtiMessage> =>
    bridge.next((m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentId === agentId);
  const setState = (agentId: string, agentState: number, eventReasonCode = 0): Promise<CtiMessage> =>
    bridge.request({
      messageType: 'SET_AGENT_STATE_REQ',
      peripheralId: 5000,
      agentState,
      agentWorkMode: 0,
      eventReasonCode,
      forcedFlag: 0,
      agentServiceReq: 0,
      agentInstrument: agentId,
      agentId,
    });

  it('a handled call: WORK_READY for the wrap-up time, then AVAILABLE; counted when the wrap-up ends', async () => {
    await start({ wrapup: '30s' });
    const call = await sim.startInboundCall({ skillGroupNumber: 100, answer: true });
    assert.equal(call.agentId, '1001');
    await bridge.next((m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentState === AS.AGENT_STATE_TALKING);
    await clock.advance(20000);
    await sim.releaseCall(call);
    await bridge.next('END_CALL_EVENT');
    const work = await stateOf('1001');
    assert.equal(work.agentState, AS.AGENT_STATE_WORK_READY, 'after the call: WORK_READY, not AVAILABLE');

    const during = await sgStats(100);
    assert.equal(during.agentsWorkReady, 1);
    assert.equal(during.agentsAvail, 2);
    assert.equal(during.handledCallsToday, 0, 'not counted before the after-call work ends');
    assert.equal((await agentStats('1001')).handledCallsToday, 0);

    await clock.advance(29000);
    assert.equal(sim.model.getAgent('1001').state, AS.AGENT_STATE_WORK_READY, 'still wrapping up at 29 s');
    await clock.advance(1000);
    const back = await stateOf('1001');
    assert.equal(back.agentState, AS.AGENT_STATE_AVAILABLE);

    const after = await sgStats(100);
    assert.equal(after.agentsWorkReady, 0);
    assert.equal(after.agentsAvail, 3);
    assert.equal(after.handledCallsToday, 1);
    assert.equal(after.handledCallsTalkTimeToday, 20);
    assert.equal(after.handledCallsAfterCallTimeToday, 30);
    assert.equal(after.handledCallsTimeToday, 50, 'answer → end of the after-call work');
    assert.equal(after.handledCallsAfterCallTimeTo5, 30);
    assert.equal(after.handledCallsAfterCallTimeToHalf, 30);
    const agent = await agentStats('1001');
    assert.equal(agent.handledCallsToday, 1);
    assert.equal(agent.handledCallsSession, 1);
    assert.equal(agent.handledCallsAfterCallTimeSession, 30);
    assert.equal(agent.handledCallsAfterCallTimeToday, 30);
    assert.equal(agent.handledCallsTimeToday, 50);
    assert.equal((await sgStats(200)).handledCallsToday, 0, 'counted for the group the call was routed to');
  });

  it('an agent that asked for Not Ready during the call: WORK_NOT_READY, then NOT_READY with its reason code', async () => {
    await start({ wrapup: '30s' });
    const call = await sim.startInboundCall({ agentId: '1002', answer: true });
    assert.equal((await setState('1002', AS.AGENT_STATE_NOT_READY, 7)).messageType, 'SET_AGENT_STATE_CONF');
    await clock.advance(5000);
    await sim.hangUpCaller(call);
    await bridge.next('END_CALL_EVENT');
    const work = await stateOf('1002');
    assert.equal(work.agentState, AS.AGENT_STATE_WORK_NOT_READY);
    assert.equal((await sgStats(100)).agentsWorkNotReady, 1);
    await clock.advance(30000);
    const after = await stateOf('1002');
    assert.equal(after.agentState, AS.AGENT_STATE_NOT_READY);
    assert.equal(after.eventReasonCode, 7, 'the reason the agent gave');
    const agent = await agentStats('1002');
    assert.equal(agent.handledCallsToday, 1);
    assert.equal(agent.handledCallsAfterCallTimeToday, 30);
    assert.equal(agent.handledCallsTalkTimeToday, 5);
  });

  it('a call queued while the only agent wraps up waits; the agent ends its wrap-up early and gets it', async () => {
    await start({ wrapup: '60s', skillGroups: '100:5100=Sales@1001' });
    const first = await sim.startInboundCall({ skillGroupNumber: 100, answer: true });
    await sim.releaseCall(first);
    assert.equal((await stateOf('1001')).agentState, AS.AGENT_STATE_RESERVED);
    assert.equal((await stateOf('1001')).agentState, AS.AGENT_STATE_TALKING);
    assert.equal((await stateOf('1001')).agentState, AS.AGENT_STATE_WORK_READY);
    const second = sim.startInboundCall({ skillGroupNumber: 100 });
    await bridge.next('CALL_QUEUED_EVENT');
    assert.equal((await sgStats(100)).callsQNow, 1, 'an agent in wrap-up takes no call');
    await clock.advance(10000);
    assert.equal((await setState('1001', AS.AGENT_STATE_AVAILABLE)).messageType, 'SET_AGENT_STATE_CONF');
    assert.equal((await stateOf('1001')).agentState, AS.AGENT_STATE_AVAILABLE);
    const call2 = await second;
    assert.equal(call2.agentId, '1001');
    assert.equal((await stateOf('1001')).agentState, AS.AGENT_STATE_RESERVED);
    const agent = await agentStats('1001');
    assert.equal(agent.handledCallsToday, 1);
    assert.equal(agent.handledCallsAfterCallTimeToday, 10, 'the wrap-up the agent ended after 10 s');
    // The first wrap-up's timer comes due: it changes nothing (the agent is on its next call).
    await clock.advance(60000);
    assert.equal(sim.model.getAgent('1001').state, AS.AGENT_STATE_RESERVED);
    assert.equal((await agentStats('1001')).handledCallsToday, 1);
  });

  it("a skill group's own wrap-up time wins (0 = none); the configuration says so (AutoWork, FltWorkModeTimer)", async () => {
    await start({
      wrapup: '30s',
      skillGroups: [
        { skillGroupNumber: 100, skillGroupId: 5100, name: 'Sales', agents: ['1001'], wrapup: 0 },
        { skillGroupNumber: 200, skillGroupId: 5200, name: 'Support', agents: ['1002'] },
      ],
    });
    const sales = await sim.startInboundCall({ skillGroupNumber: 100, answer: true });
    await clock.advance(4000);
    await sim.releaseCall(sales);
    await bridge.next((m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentState === AS.AGENT_STATE_TALKING);
    assert.equal((await stateOf('1001')).agentState, AS.AGENT_STATE_AVAILABLE, 'Sales: no wrap-up');
    const s100 = await sgStats(100);
    assert.equal(s100.handledCallsToday, 1, 'counted at once');
    assert.equal(s100.handledCallsAfterCallTimeToday, 0);
    assert.equal(s100.handledCallsTimeToday, 4);
    const support = await sim.startInboundCall({ skillGroupNumber: 200, answer: true });
    await sim.releaseCall(support);
    await bridge.next(
      (m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentId === '1002' && m.agentState === AS.AGENT_STATE_TALKING,
    );
    assert.equal((await stateOf('1002')).agentState, AS.AGENT_STATE_WORK_READY, 'Support: the default 30 s');

    bridge.send({
      messageType: 'CONFIG_REQUEST_EVENT',
      configInformation: CONFIG_ITEM.SKILL_GROUP | CONFIG_ITEM.AGENT_DESK_SETTINGS,
      configMsgMask: 0,
      peripheralId: 5000,
    });
    const upload = await bridge.until((m) => m.messageType === 'CONFIG_END_EVENT' && m.configEndStatus === 0);
    const records = (type: string): Record<string, unknown>[] =>
      upload.filter((m) => m.messageType === type).flatMap((m) => configRecords(m));
    assert.deepEqual(
      records('CONFIG_SKILL_GROUP_EVENT').map((r) => [r.peripheralNumber, r.autoWork]),
      [
        [100, 0],
        [200, 1],
      ],
    );
    assert.deepEqual(
      records('CONFIG_AGENT_DESK_SETTINGS_EVENT').map((r) => r.fltWorkModeTimer),
      [30],
    );
  });

  it('off by default; --wrapup and a scenario\'s "wrapup" set it; a bad value is refused', async () => {
    let run: CtiSimRun | undefined = await launch(['--port', '0', '--scenario', 'none', '--log', 'quiet']);
    try {
      assert.equal(run.sim.model.wrapupMs, 0);
    } finally {
      await run.stop();
    }
    run = await launch(['--port', '0', '--scenario', 'none', '--log', 'quiet', '--wrapup', '10s']);
    try {
      assert.equal(run.sim.model.wrapupMs, 10000);
    } finally {
      await run.stop();
    }
    await assert.rejects(
      launch(['--port', '0', '--scenario', 'none', '--log', 'quiet', '--wrapup', 'soon']),
      /--wrapup.*not a duration/,
    );
    assert.throws(() => validateScenario({ wrapup: -1, calls: [{}] }), /wrapup/);
    assert.equal(validateScenario({ wrapup: '45s', calls: [{}] }).wrapup, '45s');
  });
});
