import assert from 'node:assert/strict';
import { configRecords, type CtiMessage, StatusCode } from '../../lib/protocol';
import { type CtiSimRun, launch } from '../../cli/cti-sim';
import { RawClient, SVC } from './raw-client';

const S = StatusCode.byName;
const NULL_SG = 0xffffffff;

/**
 * Statistics and configuration acquisition against cti-sim with its default organisation, over real TCP. The
 * simulator runs with --speed 20 so seconds of queue time pass in a fraction of a real second.
 */
describe('simulator: skill-group / agent statistics and configuration acquisition (cti-sim defaults)', () => {
  let run: CtiSimRun;
  let bridge: RawClient;
  const clients: RawClient[] = [];

  beforeEach(async () => {
    run = await launch(['--port', '0', '--scenario', 'none', '--speed', '20', '--log', 'quiet']);
    bridge = await RawClient.connect(run.addresses[0].port);
    clients.push(bridge);
    const conf = await bridge.open({
      servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS | SVC.CTI_SERVICE_CLIENT_CONTROL,
      configMsgMask: 0x1f,
    });
    assert.equal(conf.messageType, 'OPEN_CONF');
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await run.stop();
  });

  const sgStats = (by: { skillGroupNumber?: number; skillGroupId?: number }): Promise<CtiMessage> =>
    bridge.request({
      messageType: 'QUERY_SKILL_GROUP_STATISTICS_REQ',
      peripheralId: 5000,
      skillGroupNumber: by.skillGroupNumber ?? NULL_SG,
      skillGroupId: by.skillGroupId ?? NULL_SG,
    });
  const agentStats = (agentId: string): Promise<CtiMessage> =>
    bridge.request({ messageType: 'QUERY_AGENT_STATISTICS_REQ', peripheralId: 5000, agentId });

  it('QUERY_SKILL_GROUP_STATISTICS_REQ by number or ID answers with both; unknown groups are refused', async () => {
    const sales = await sgStats({ skillGroupNumber: 100 });
    assert.equal(sales.messageType, 'QUERY_SKILL_GROUP_STATISTICS_CONF');
    assert.equal(sales.skillGroupId, 5100);
    assert.equal(sales.agentsLoggedOn, 3);
    assert.equal(sales.agentsAvail, 3);
    assert.equal(sales.agentsReady, 3);
    assert.equal(sales.callsQNow, 0);
    const support = await sgStats({ skillGroupId: 5200 });
    assert.equal(support.skillGroupNumber, 200);
    assert.equal(support.agentsLoggedOn, 3);
    const unknown = await sgStats({ skillGroupNumber: 999 });
    assert.equal(unknown.messageType, 'FAILURE_CONF');
    assert.equal(unknown.status, S.E_CTI_INVALID_SKILL_GROUP);
    assert.equal((await sgStats({})).status, S.E_CTI_INVALID_SKILL_GROUP);
    assert.equal((await sgStats({ skillGroupNumber: 100, skillGroupId: 5200 })).status, S.E_CTI_SKILL_GROUP_CONFLICT);
    const noAgent = await bridge.request({ messageType: 'QUERY_AGENT_STATISTICS_REQ', peripheralId: 5000 });
    assert.equal(noAgent.status, S.E_CTI_REQUIRED_DATA_MISSING);
    assert.equal((await agentStats('4711')).status, S.E_CTI_INVALID_AGENT_DATA);
  });

  it('a call queued to 100 shows in CallsQNow with a growing LongestCallQNow; HandledCallsToday rises after the wrap-up', async () => {
    const sim = run.sim;
    for (const a of ['1001', '1002', '1003']) await sim.setAgentState(a, 'AGENT_STATE_NOT_READY');
    const notReady = await sgStats({ skillGroupNumber: 100 });
    assert.equal(notReady.agentsNotReady, 3);
    assert.equal(notReady.agentsReady, 0);
    const started = sim.startInboundCall({ skillGroupNumber: 100 });
    const queued = await bridge.next('CALL_QUEUED_EVENT');
    assert.deepEqual(queued.skillGroupNumber, [100]);
    const q1 = await sgStats({ skillGroupNumber: 100 });
    assert.ok(q1.callsQNow >= 1, `CallsQNow ${q1.callsQNow}`);
    assert.equal((await sgStats({ skillGroupNumber: 200 })).callsQNow, 0, 'the other group has no call waiting');
    await sim.sleep(4000); // simulator clock (x20)
    const q2 = await sgStats({ skillGroupNumber: 100 });
    assert.ok(q2.longestCallQNow > q1.longestCallQNow, `LongestCallQNow ${q1.longestCallQNow} → ${q2.longestCallQNow}`);
    assert.ok(q2.callsQTimeNow >= q2.longestCallQNow);

    // 1004 is Available but only in Support: the call keeps waiting for a Sales agent.
    await sim.setAgentState('1002', 'AGENT_STATE_AVAILABLE');
    const call = await started;
    assert.equal(call.agentId, '1002');
    const dequeued = await sgStats({ skillGroupNumber: 100 });
    assert.equal(dequeued.callsQNow, 0);
    assert.equal(dequeued.callsQToday, 1);
    assert.ok(dequeued.longestCallQToday >= 4);
    await sim.answerCall(call);
    await sim.sleep(10000);
    const talking = await sgStats({ skillGroupNumber: 100 });
    assert.equal(talking.agentsTalkingIn, 1);
    assert.equal(talking.handledCallsToday, 0, 'a call in progress is not counted yet');
    assert.equal((await agentStats('1002')).handledCallsToday, 0);
    await sim.hangUpCaller(call);
    const after = await sgStats({ skillGroupNumber: 100 });
    assert.equal(after.handledCallsToday, 1);
    assert.equal(after.handledCallsTo5, 1);
    assert.ok(after.handledCallsTalkTimeToday >= 10, `talk time ${after.handledCallsTalkTimeToday}`);
    assert.equal((await sgStats({ skillGroupNumber: 200 })).handledCallsToday, 0);
    const agent = await agentStats('1002');
    assert.equal(agent.messageType, 'QUERY_AGENT_STATISTICS_CONF');
    assert.equal(agent.agentId, '1002');
    assert.equal(agent.agentExtension, '1002');
    assert.equal(agent.handledCallsToday, 1);
    assert.equal(agent.handledCallsSession, 1);
    assert.ok(agent.loggedOnTimeToday >= 14, `logged on ${agent.loggedOnTimeToday}`);
  });

  it('configuration acquisition: keys, then both skill groups and five named agents between BEGIN and END; later changes as updates with a new key', async () => {
    bridge.send({ messageType: 'CONFIG_REQUEST_KEY_EVENT', peripheralId: 5000 });
    const key1 = await bridge.next('CONFIG_KEY_EVENT');
    assert.equal(key1.configKeyStatus, 0);
    assert.equal(key1.skillGroupConfigKey.length, 8);
    bridge.send({
      messageType: 'CONFIG_REQUEST_EVENT',
      configInformation: 0x1f,
      configMsgMask: 0x1f,
      peripheralId: 5000,
    });
    const upload = await bridge.until((m) => m.messageType === 'CONFIG_END_EVENT' && m.configEndStatus === 0);
    assert.equal(upload[0].messageType, 'CONFIG_BEGIN_EVENT');
    assert.equal(upload[0].configType, 1);
    const records = (type: string): Record<string, unknown>[] =>
      upload.filter((m) => m.messageType === type).flatMap((m) => configRecords(m));
    assert.deepEqual(
      records('CONFIG_SKILL_GROUP_EVENT').map((r) => [r.peripheralNumber, r.skillGroupSkillTargetId, r.peripheralName]),
      [
        [100, 5100, 'Sales'],
        [200, 5200, 'Support'],
      ],
    );
    const agents = records('CONFIG_AGENT_EVENT');
    // The five agents of the skill groups, named, and the default team's supervisor 1009 (in no skill group).
    assert.deepEqual(
      agents.map((r) => r.loginId),
      ['1001', '1002', '1003', '1004', '1005', '1009'],
    );
    for (const a of agents) {
      assert.match(String(a.firstName), /^[A-Z][a-z]+$/);
      assert.match(String(a.lastName), /^[A-Z][a-z]+$/);
    }
    assert.deepEqual(
      agents.map((a) => a.agentType),
      [0, 0, 0, 0, 0, 1],
      'CONFIG_AGENT for the agents, CONFIG_SUPERVISOR for 1009',
    );
    assert.deepEqual(agents[5].fltSkillGroupNumber, []);
    assert.deepEqual(agents[2].fltSkillGroupNumber, [100, 200], '1003 is in both groups');
    // Every block but the last ends PARTIAL.
    const ends = upload.filter((m) => m.messageType === 'CONFIG_END_EVENT').map((m) => m.configEndStatus);
    assert.deepEqual(
      ends.slice(0, -1).every((s) => s === 5),
      true,
    );

    run.sim.config.renameSkillGroup(200, 'Helpdesk');
    const update = await bridge.until((m) => m.messageType === 'CONFIG_END_EVENT');
    const begin = update.find((m) => m.messageType === 'CONFIG_BEGIN_EVENT')!;
    assert.equal(begin.configType, 2);
    const changed = configRecords(update.find((m) => m.messageType === 'CONFIG_SKILL_GROUP_EVENT')!);
    assert.deepEqual([changed[0].recordType, changed[0].peripheralName], [1, 'Helpdesk']);
    run.sim.config.addAgent({ agentId: '1006', firstName: 'Fay', lastName: 'Okafor', skillGroups: [200] });
    const added = await bridge.next('CONFIG_AGENT_EVENT');
    assert.deepEqual(configRecords(added)[0].loginId, '1006');
    assert.equal(configRecords(added)[0].firstName, 'Fay');
    bridge.send({ messageType: 'CONFIG_REQUEST_KEY_EVENT', peripheralId: 5000 });
    const key2 = await bridge.next('CONFIG_KEY_EVENT');
    assert.notDeepEqual(key2.skillGroupConfigKey, key1.skillGroupConfigKey, 'the skill group key changed');
    assert.notDeepEqual(key2.agentConfigKey, key1.agentConfigKey, 'the agent key changed');
    assert.deepEqual(key2.callTypeConfigKey, key1.callTypeConfigKey, 'the call type key did not');
  });

  it("a Client Events session gets its own agent's statistics; ConfigInformation 0 sends no snapshot", async () => {
    const desk = await RawClient.connect(run.addresses[0].port, 19);
    clients.push(desk);
    assert.equal(
      (await desk.open({ servicesRequested: SVC.CTI_SERVICE_CLIENT_EVENTS, agentId: '1004', peripheralId: 5000 }))
        .messageType,
      'OPEN_CONF',
    );
    const own = await desk.request({ messageType: 'QUERY_AGENT_STATISTICS_REQ', peripheralId: 5000 });
    assert.equal(own.messageType, 'QUERY_AGENT_STATISTICS_CONF');
    assert.equal(own.agentId, '1004');
    const other = await desk.request({
      messageType: 'QUERY_AGENT_STATISTICS_REQ',
      peripheralId: 5000,
      agentId: '1001',
    });
    assert.equal(other.status, S.E_CTI_INCONSISTENT_AGENT_DATA);
    desk.send({ messageType: 'CONFIG_REQUEST_EVENT', configInformation: 0, configMsgMask: 0, peripheralId: 5000 });
    const hb = await desk.request({ messageType: 'HEARTBEAT_REQ' });
    assert.equal(hb.messageType, 'HEARTBEAT_CONF');
    assert.ok(!desk.typesSince(0).some((t) => t.startsWith('CONFIG_')), desk.typesSince(0).join(','));
  });
});
