import assert from 'node:assert/strict';
import { CONFIG_ITEM, configRecords, decodeMessage, type CtiMessage } from '../../lib/protocol';
import { replay } from '../../lib/simulator';
import type { Recording } from '../../lib/record';
import { PERIPHERAL, barrier, recordOnce, replayFixture, tempDir } from './helpers';

/**
 * Record and replay of statistics answers and configuration acquisition: a session of the default organisation
 * asks for the configuration and for skill group and agent statistics, sees a configuration change; the
 * recording holds every one of those frames as the client received them, and a replay hands the configuration
 * events to a new client (byte for byte at the recorded version, re-encoded at v19) while statistics CONFs — the
 * answers to the recording client's own InvokeIDs — are not replayed: the replaying simulator answers a replay
 * client's statistics requests from its own model.
 */

const NULL_SG = 0xffffffff;
/** Services, skill groups, agents, devices, call types, and the v22 peripheral and agent desk settings. */
const ALL_ITEMS =
  CONFIG_ITEM.SERVICE |
  CONFIG_ITEM.SKILL_GROUP |
  CONFIG_ITEM.AGENT |
  CONFIG_ITEM.DEVICE |
  CONFIG_ITEM.CALL_TYPE |
  CONFIG_ITEM.PERIPHERAL |
  CONFIG_ITEM.AGENT_DESK_SETTINGS;
const isConfig = (type: string): boolean => type.startsWith('CONFIG_');
const isStatistics = (type: string): boolean => /^QUERY_(SKILL_GROUP|AGENT)_STATISTICS_CONF$/.test(type);

/** What a configuration upload says, independent of the protocol version: the items and names. */
function organisation(msgs: CtiMessage[]): unknown {
  const records = (type: string): Record<string, unknown>[] =>
    msgs.filter((m) => m.messageType === type).flatMap((m) => configRecords(m));
  return {
    skillGroups: records('CONFIG_SKILL_GROUP_EVENT').map((r) => [
      r.recordType,
      r.peripheralNumber,
      r.skillGroupSkillTargetId,
      r.peripheralName,
    ]),
    agents: records('CONFIG_AGENT_EVENT').map((r) => [
      r.recordType,
      r.loginId,
      r.firstName,
      r.lastName,
      r.loginName,
      r.fltSkillGroupNumber,
    ]),
    services: records('CONFIG_SERVICE_EVENT').map((r) => [r.peripheralNumber, r.peripheralName, r.serviceMember]),
    devices: records('CONFIG_DEVICE_EVENT').map((r) => [r.deviceType, r.extension, r.description]),
    blocks: msgs
      .filter((m) => m.messageType === 'CONFIG_BEGIN_EVENT' || m.messageType === 'CONFIG_END_EVENT')
      .map((m) => `${m.messageType} ${m.configType ?? m.configEndStatus}`),
  };
}

describe('record / replay: statistics answers and configuration acquisition', function () {
  const tmp = tempDir();
  let file: string;
  let recording: Recording;
  /** What the recording client received, in order (configuration events and statistics CONFs). */
  const live: CtiMessage[] = [];

  before(async function () {
    file = tmp.file('config-stats.jsonl');
    // The default organisation: Sales (100) and Support (200), named agents 1001–1005, supervisor 1009.
    recording = await recordOnce(
      file,
      { peripheralId: PERIPHERAL },
      async (sim, s) => {
        s.on('message', (m: CtiMessage) => {
          if (isConfig(m.messageType) || isStatistics(m.messageType)) live.push(m);
        });
        const ended = (): Promise<void> =>
          new Promise((resolve) => {
            const on = (m: CtiMessage): void => {
              if (m.messageType !== 'CONFIG_END_EVENT' || m.configEndStatus === 5) return;
              s.off('message', on);
              resolve();
            };
            s.on('message', on);
          });
        const snapshot = ended();
        s.notify({ messageType: 'CONFIG_REQUEST_KEY_EVENT', peripheralId: PERIPHERAL });
        s.notify({
          messageType: 'CONFIG_REQUEST_EVENT',
          configInformation: ALL_ITEMS,
          configMsgMask: 0x1f,
          peripheralId: PERIPHERAL,
        });
        await snapshot;
        // A handled call to 1002 first, so the statistics carry more than zeros.
        const call = await sim.startInboundCall({ agentId: '1002', answer: true });
        await sim.releaseCall(call);
        for (const skillGroupNumber of [100, 200]) {
          await s.request({
            messageType: 'QUERY_SKILL_GROUP_STATISTICS_REQ',
            peripheralId: PERIPHERAL,
            skillGroupNumber,
            skillGroupId: NULL_SG,
          });
        }
        await s.request({ messageType: 'QUERY_AGENT_STATISTICS_REQ', peripheralId: PERIPHERAL, agentId: '1002' });
        const update = ended();
        sim.config.renameSkillGroup(200, 'Helpdesk');
        await update;
      },
      { services: ['ALL_EVENTS', 'CLIENT_CONTROL'], configMsgMask: 0x1f },
    );
  });
  after(() => tmp.remove());

  // Another organisation than the recorded one, so what came from the recording is told apart.
  const r = replayFixture({
    peripheralId: PERIPHERAL,
    agents: '2001-2002',
    skillGroups: '300:5300=Back office@2001-2002',
  });
  /** A client of the replaying simulator; `raw`: its configuration frames as they arrived. */
  const client = (version: number): ReturnType<typeof r.client> => r.client(version, { keepRaw: isConfig });

  it('the recording holds every configuration event and statistics answer exactly as the client received them', function () {
    const recorded = recording.frames
      .filter((f) => f.dir === 'in' && (isConfig(f.type) || isStatistics(f.type)))
      .map((f) => decodeMessage(f.frame, f.version, { strict: true }));
    assert.equal(recorded.length, live.length, `${recorded.length} recorded, ${live.length} received`);
    assert.deepEqual(recorded, live);
    // What that is: a snapshot with both skill groups and the named agents, the statistics, the rename's update.
    const org = organisation(recorded) as { skillGroups: unknown[][]; agents: unknown[][]; blocks: string[] };
    assert.deepEqual(
      org.skillGroups.map((g) => g.slice(1)),
      [
        [100, 5100, 'Sales'],
        [200, 5200, 'Support'],
        [200, 5200, 'Helpdesk'],
      ],
    );
    assert.deepEqual(
      org.agents.map((a) => a.slice(1, 4)),
      [
        ['1001', 'Alice', 'Martin'],
        ['1002', 'Bruno', 'Keller'],
        ['1003', 'Carla', 'Novak'],
        ['1004', 'David', 'Osei'],
        ['1005', 'Emma', 'Lindqvist'],
        ['1009', 'Sam', 'Rivera'],
      ],
    );
    assert.equal(org.blocks[0], 'CONFIG_BEGIN_EVENT 1', 'the snapshot is solicited');
    assert.ok(org.blocks.includes('CONFIG_BEGIN_EVENT 2'), 'the update is unsolicited');
    const stats = recorded.filter((m) => isStatistics(m.messageType));
    assert.deepEqual(
      stats.map((m) => [m.messageType, m.skillGroupNumber ?? m.agentId]),
      [
        ['QUERY_SKILL_GROUP_STATISTICS_CONF', 100],
        ['QUERY_SKILL_GROUP_STATISTICS_CONF', 200],
        ['QUERY_AGENT_STATISTICS_CONF', '1002'],
      ],
    );
    assert.equal(stats[0].agentsLoggedOn, 3);
    assert.equal(stats[0].handledCallsToday, 1, "1002's handled call counts for Sales");
    assert.equal(stats[2].handledCallsToday, 1);
  });

  it('replayed at the recorded version: the configuration events byte for byte, no statistics CONF', async function () {
    r.player = replay(r.sim, recording, { speed: 20 });
    const played = new Promise((resolve) => r.player!.once('played', resolve));
    const { session, seen, raw } = await client(recording.header.protocolVersion);
    await played;
    await barrier(session);
    const recordedConfig = recording.frames.filter((f) => f.dir === 'in' && isConfig(f.type));
    assert.deepEqual(
      seen.filter((m) => isConfig(m.messageType)),
      recordedConfig.map((f) => decodeMessage(f.frame, f.version, { strict: true })),
    );
    assert.equal(r.player.stats.framesSkipped, 0);
    assert.deepEqual(
      raw.map((b) => b.toString('hex')),
      recordedConfig.map((f) => f.frame.toString('hex')),
      'byte for byte',
    );
    assert.ok(
      seen.every((m) => !isStatistics(m.messageType)),
      'a statistics CONF answers the recording client, never replayed',
    );
  });

  it('replayed at v19: the same organisation re-encoded; v20+ only messages skipped and counted', async function () {
    r.player = replay(r.sim, recording, { speed: 20 });
    const skipped: string[] = [];
    r.player.on('skipped', (s: { type: string }) => skipped.push(s.type));
    const played = new Promise((resolve) => r.player!.once('played', resolve));
    const { session, seen } = await client(19);
    await played;
    await barrier(session);
    const recorded = recording.frames
      .filter((f) => f.dir === 'in' && isConfig(f.type))
      .map((f) => decodeMessage(f.frame, f.version, { strict: true }));
    assert.deepEqual(organisation(seen.filter((m) => isConfig(m.messageType))), organisation(recorded));
    // CONFIG_PERIPHERAL_EVENT and CONFIG_AGENT_DESK_SETTINGS_EVENT came with v22: a v19 client cannot get them.
    assert.ok(skipped.length > 0);
    assert.deepEqual([...new Set(skipped)].sort(), ['CONFIG_AGENT_DESK_SETTINGS_EVENT', 'CONFIG_PERIPHERAL_EVENT']);
    assert.equal(r.player.stats.framesSkipped, skipped.length);
  });

  it("a replay client's own statistics requests are answered by the replaying simulator's model", async function () {
    r.player = replay(r.sim, recording, { speed: 20 });
    const { session } = await client(recording.header.protocolVersion);
    const own = await session.request({
      messageType: 'QUERY_SKILL_GROUP_STATISTICS_REQ',
      peripheralId: PERIPHERAL,
      skillGroupNumber: 300,
      skillGroupId: NULL_SG,
    });
    assert.equal(own.messageType, 'QUERY_SKILL_GROUP_STATISTICS_CONF');
    assert.equal(own.skillGroupId, 5300);
    assert.equal(own.agentsLoggedOn, 2);
    await assert.rejects(
      session.request({
        messageType: 'QUERY_SKILL_GROUP_STATISTICS_REQ',
        peripheralId: PERIPHERAL,
        skillGroupNumber: 100,
        skillGroupId: NULL_SG,
      }),
      /E_CTI_INVALID_SKILL_GROUP/,
      'group 100 exists only in the recording',
    );
  });
});
