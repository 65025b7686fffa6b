import assert from 'node:assert/strict';
import { CONFIG_ITEM, CONFIG_RECORD, configRecords, type CtiMessage } from '../../lib/protocol';
import { CtiSimulator, validateScenario, type ScenarioDef } from '../../lib/simulator';
import { RawClient, SVC } from './raw-client';

const ITEMS = CONFIG_ITEM.SERVICE | CONFIG_ITEM.SKILL_GROUP | CONFIG_ITEM.AGENT | CONFIG_ITEM.DEVICE;

/**
 * Scenario steps that change the organisation at run time (addAgent, renameAgent, addSkillGroup,
 * renameSkillGroup), in an entry of type "none" (no call) or among a call's steps: a client that acquired the
 * configuration receives each change as an update block (CONFIG_BEGIN_EVENT ConfigType 2 … CONFIG_END_EVENT).
 */
describe('simulator: scenario steps that add and rename agents and skill groups', () => {
  let sim: CtiSimulator;
  let client: RawClient;
  const log: string[] = [];

  beforeEach(async () => {
    log.length = 0;
    sim = new CtiSimulator({ port: 0, logger: (l) => log.push(l) });
    await sim.start();
    client = await RawClient.connect(sim.port);
    assert.equal(
      (await client.open({ servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS, configMsgMask: 0x1f, peripheralId: 5000 }))
        .messageType,
      'OPEN_CONF',
    );
    client.send({
      messageType: 'CONFIG_REQUEST_EVENT',
      configInformation: ITEMS,
      configMsgMask: ITEMS,
      peripheralId: 5000,
    });
    await client.until((m) => m.messageType === 'CONFIG_END_EVENT' && m.configEndStatus === 0);
  });
  afterEach(async () => {
    client.close();
    await sim.stop();
  });

  /** The next whole update block (BEGIN … END), its records by message type. */
  async function nextBlock(): Promise<{ begin: CtiMessage; records: (type: string) => Record<string, unknown>[] }> {
    const begin = await client.next('CONFIG_BEGIN_EVENT');
    const block = await client.until((m) => m.messageType === 'CONFIG_END_EVENT' && m.configEndStatus !== 5);
    return {
      begin,
      records: (type) => block.filter((m) => m.messageType === type).flatMap((m) => configRecords(m)),
    };
  }

  it('an entry of type "none" adds an agent and a skill group and renames both; each change reaches the client', async () => {
    const scenario: ScenarioDef = validateScenario({
      name: 'reorganise',
      calls: [
        {
          type: 'none',
          steps: [
            {
              action: 'addAgent',
              agent: { agentId: '1006', firstName: 'Fay', lastName: 'Okafor', skillGroups: [200] },
            },
            { delay: 100, action: 'renameAgent', agentId: '1001', lastName: 'Martin-Lopez' },
            {
              delay: 100,
              action: 'addSkillGroup',
              skillGroup: { skillGroupNumber: 300, skillGroupId: 5300, name: 'Billing', agents: ['1006'] },
            },
            { delay: 100, action: 'renameSkillGroup', skillGroupNumber: 200, name: 'Helpdesk' },
          ],
        },
      ],
    });
    const played = sim.runScenario(scenario);

    // Update blocks (one per changed item) until the last change arrived.
    const blocks: CtiMessage[][] = [];
    for (;;) {
      const begin = await client.next('CONFIG_BEGIN_EVENT');
      assert.equal(begin.configType, 2, 'unsolicited: an update');
      const block = await client.until((m) => m.messageType === 'CONFIG_END_EVENT' && m.configEndStatus !== 5);
      blocks.push(block);
      if (
        block.some(
          (m) => m.messageType === 'CONFIG_SKILL_GROUP_EVENT' && configRecords(m)[0].peripheralName === 'Helpdesk',
        )
      )
        break;
    }
    const records = (type: string): Record<string, unknown>[] =>
      blocks
        .flat()
        .filter((m) => m.messageType === type)
        .flatMap((m) => configRecords(m));
    assert.deepEqual(
      records('CONFIG_AGENT_EVENT').map((r) => [
        r.recordType,
        r.loginId,
        r.firstName,
        r.lastName,
        r.fltSkillGroupNumber,
      ]),
      [
        [CONFIG_RECORD.ADD, '1006', 'Fay', 'Okafor', [200]],
        [CONFIG_RECORD.CHANGE, '1001', 'Alice', 'Martin-Lopez', [100]],
        // 1006 joined the new group 300: its record changes too.
        [CONFIG_RECORD.CHANGE, '1006', 'Fay', 'Okafor', [200, 300]],
      ],
    );
    assert.ok(
      records('CONFIG_DEVICE_EVENT').some((r) => r.recordType === CONFIG_RECORD.ADD && r.extension === '1006'),
      "the new agent's phone",
    );
    assert.deepEqual(
      records('CONFIG_SKILL_GROUP_EVENT').map((r) => [r.recordType, r.peripheralNumber, r.peripheralName]),
      [
        [CONFIG_RECORD.ADD, 300, 'Billing'],
        [CONFIG_RECORD.CHANGE, 200, 'Helpdesk'],
      ],
    );
    await played;
    // The model took the changes: statistics and routing see them.
    assert.equal(sim.model.skillGroups.get(200)?.name, 'Helpdesk');
    assert.deepEqual(sim.model.skillGroups.get(300)?.agents, ['1006']);
    const stats = await client.request({
      messageType: 'QUERY_SKILL_GROUP_STATISTICS_REQ',
      peripheralId: 5000,
      skillGroupNumber: 300,
      skillGroupId: 0xffffffff,
    });
    assert.equal(stats.skillGroupId, 5300);
    assert.equal(stats.agentsLoggedOn, 0, 'the added agent starts logged out');
  });

  it("a call's steps may change the configuration; a change the model refuses is logged and the rest goes on", async () => {
    const played = sim.runScenario({
      calls: [
        {
          agentId: '1002',
          steps: [
            { action: 'answer' },
            { action: 'addAgent', agent: { agentId: '1001' } },
            { action: 'renameSkillGroup', skillGroupNumber: 100, name: 'Inside sales' },
            { action: 'release' },
          ],
        },
      ],
    });
    const block = await nextBlock();
    assert.deepEqual(
      block.records('CONFIG_SKILL_GROUP_EVENT').map((r) => r.peripheralName),
      ['Inside sales'],
    );
    await played;
    assert.ok(
      log.some((l) => /step addAgent failed: agent 1001 exists already/.test(l)),
      log.join('\n'),
    );
    assert.equal(sim.model.getAgent('1002').state, 3, 'the call went on to its release: 1002 is available again');
  });

  it('validation names the missing field and refuses call steps in an entry without a call', () => {
    assert.throws(
      () => validateScenario({ calls: [{ type: 'none', steps: [{ action: 'addAgent' }] }] }),
      /needs "agent"/,
    );
    assert.throws(
      () =>
        validateScenario({ calls: [{ type: 'none', steps: [{ action: 'renameSkillGroup', skillGroupNumber: 1 }] }] }),
      /needs "name"/,
    );
    assert.throws(
      () => validateScenario({ calls: [{ type: 'none', steps: [{ action: 'hold' }] }] }),
      /no call to hold/,
    );
    assert.throws(() => validateScenario({ calls: [{ type: 'conference' }] }), /"inbound", "outbound" or "none"/);
  });
});
