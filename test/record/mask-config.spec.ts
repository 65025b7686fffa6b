import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { configRecords, decodeMessage, type CtiMessage } from '../../lib/protocol';
import { CtiSimulator, DEFAULT_AGENT_NAMES } from '../../lib/simulator';
import { readRecording, type Recording } from '../../lib/record';
import { PERIPHERAL, barrier, finish, openRecordingSession, tempDir, type RecordingSession } from './helpers';

/**
 * maskAgents on configuration and statistics frames: who the agents are (login ID, login name, first and last
 * name, extension, the "Phone of …" description of their devices, a team's members) is masked in a real
 * recording of the simulator's configuration acquisition, statistics answers, a call and a supervisor's team.
 */

const NULL_SG = 0xffffffff;
const DEFAULT_IDS = Object.keys(DEFAULT_AGENT_NAMES);

function hexOf(s: string): string {
  return Buffer.from(s, 'latin1').toString('hex');
}

/** Every way a value could show up in the file: as text (JSON), or inside a frame's hex. */
function assertAbsent(text: string, value: string, what: string): void {
  assert.ok(!text.includes(value), `${what} "${value}" appears as text`);
  assert.ok(!text.toLowerCase().includes(hexOf(value)), `${what} "${value}" appears in a frame's hex`);
}

/** Every personal string the default organisation's configuration carries. */
function personalStrings(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [id, [first, last]] of Object.entries(DEFAULT_AGENT_NAMES)) {
    // A 3-letter name ("Sam") could be the pseudonym of another name by chance (1 in 26³ per name): left to the
    // decoded checks, which compare record by record.
    if (first.length >= 4) out.push([`${id} FirstName`, first]);
    if (last.length >= 4) out.push([`${id} LastName`, last]);
    out.push([`${id} LoginName`, `${first}.${last}`.toLowerCase()]);
    out.push([`${id} device Description`, `Phone of ${first} ${last}`]);
  }
  return out;
}

function decodeAll(rec: Recording): CtiMessage[] {
  return rec.frames.map((f) => decodeMessage(f.frame, f.version, { strict: true }));
}

const recordsOf = (msgs: CtiMessage[], type: string): Record<string, unknown>[] =>
  msgs.filter((m) => m.messageType === type).flatMap((m) => configRecords(m));

describe('record: maskAgents on configuration, statistics and team frames', function () {
  const tmp = tempDir();
  let sim: CtiSimulator;

  beforeEach(async function () {
    // The default organisation: Sales / Support, agents 1001–1005 with names, supervisor 1009 of Team Blue.
    sim = new CtiSimulator({ port: 0, peripheralId: PERIPHERAL });
    await sim.start();
  });
  afterEach(async function () {
    await sim.stop();
  });
  after(() => tmp.remove());

  /** Resolves with the messages of one whole configuration upload (BEGIN … the last END). */
  function upload(s: RecordingSession): Promise<CtiMessage[]> {
    return new Promise((resolve) => {
      const got: CtiMessage[] = [];
      const on = (m: CtiMessage): void => {
        if (!m.messageType.startsWith('CONFIG_') || m.messageType === 'CONFIG_KEY_EVENT') return;
        got.push(m);
        if (m.messageType === 'CONFIG_END_EVENT' && m.configEndStatus !== 5) {
          s.off('message', on);
          resolve(got);
        }
      };
      s.on('message', on);
    });
  }

  /**
   * An All Events session that acquires the configuration, asks for statistics of both groups and agent 1001,
   * sees agent 1002 renamed (an update block) and a call to 1001; recorded to `file`.
   */
  async function recordConfigAndStatistics(
    file: string,
    mask: { mask?: boolean; maskAgents?: boolean },
  ): Promise<void> {
    const s = await openRecordingSession(
      sim,
      { path: file, ...mask },
      { services: ['ALL_EVENTS', 'CLIENT_CONTROL'], configMsgMask: 0x1f },
    );
    const snapshot = upload(s);
    s.notify({ messageType: 'CONFIG_REQUEST_KEY_EVENT', peripheralId: PERIPHERAL });
    s.notify({
      messageType: 'CONFIG_REQUEST_EVENT',
      configInformation: 0x1f,
      configMsgMask: 0x1f,
      peripheralId: PERIPHERAL,
    });
    await snapshot;
    for (const n of [100, 200]) {
      const conf = await s.request({
        messageType: 'QUERY_SKILL_GROUP_STATISTICS_REQ',
        peripheralId: PERIPHERAL,
        skillGroupNumber: n,
        skillGroupId: NULL_SG,
      });
      assert.equal(conf.messageType, 'QUERY_SKILL_GROUP_STATISTICS_CONF');
    }
    const agent = await s.request({
      messageType: 'QUERY_AGENT_STATISTICS_REQ',
      peripheralId: PERIPHERAL,
      agentId: '1001',
    });
    assert.equal(agent.messageType, 'QUERY_AGENT_STATISTICS_CONF');
    const update = upload(s);
    sim.config.renameAgent('1002', { firstName: 'Brunhilde' });
    await update;
    const call = await sim.startInboundCall({ agentId: '1001', answer: true });
    await sim.releaseCall(call);
    await barrier(s);
    await finish(s);
  }

  it('leaves no agent name, login name or device description of the configuration in the file', async function () {
    const file = tmp.file('config-masked.jsonl');
    await recordConfigAndStatistics(file, { maskAgents: true });
    const text = fs.readFileSync(file, 'utf8');
    for (const [what, value] of personalStrings()) assertAbsent(text, value, what);
    assertAbsent(text, 'Brunhilde', "1002's new FirstName");
    // The agents' device records: the PeripheralNumber (the extension as a UINT) masked too, record by record
    // (a pseudonym never equals its value; comparing positions, not sets, so a chance match with another agent's
    // number cannot fail the test).
    const deviceNumbers = recordsOf(decodeAll(readRecording(file)), 'CONFIG_DEVICE_EVENT').map(
      (r) => r.peripheralNumber,
    );
    // The snapshot's device records (the rename's update block adds one for 1002).
    assert.equal(deviceNumbers.length, DEFAULT_IDS.length + 1, 'a device record per agent, and the update');
    DEFAULT_IDS.forEach((id, i) => assert.notEqual(deviceNumbers[i], Number(id), `device ${id} unmasked`));
    assert.equal(readRecording(file).header.maskAgents, true);
  });

  it('the control: masking caller data only, the same names and IDs are in the file (so the check above can fail)', async function () {
    const file = tmp.file('config-plain.jsonl');
    await recordConfigAndStatistics(file, { mask: true, maskAgents: false });
    const text = fs.readFileSync(file, 'utf8').toLowerCase();
    for (const [what, value] of personalStrings()) assert.ok(text.includes(hexOf(value)), `${what} missing unmasked`);
    assert.ok(text.includes(hexOf('Brunhilde')));
    const msgs = decodeAll(readRecording(file));
    assert.deepEqual(
      recordsOf(msgs, 'CONFIG_DEVICE_EVENT').map((r) => String(r.peripheralNumber)),
      [...DEFAULT_IDS, '1002'],
    );
  });

  it('masked frames decode strictly, keep their lengths and structure, and one agent has one pseudonym everywhere', async function () {
    const plainFile = tmp.file('config-plain2.jsonl');
    await recordConfigAndStatistics(plainFile, { mask: false });
    // A fresh simulator for the second recording: the same configuration (the first renamed 1002) and clock.
    await sim.stop();
    sim = new CtiSimulator({ port: 0, peripheralId: PERIPHERAL });
    await sim.start();
    const file = tmp.file('config-masked2.jsonl');
    await recordConfigAndStatistics(file, { maskAgents: true });
    const plain = decodeAll(readRecording(plainFile));
    const masked = decodeAll(readRecording(file));
    const isConfigOrStats = (m: CtiMessage): boolean => /^(CONFIG_|QUERY_.*STATISTICS)/.test(m.messageType);
    const plainCs = plain.filter(isConfigOrStats);
    const maskedCs = masked.filter(isConfigOrStats);
    assert.deepEqual(
      maskedCs.map((m) => m.messageType),
      plainCs.map((m) => m.messageType),
      'the same configuration and statistics messages, in the same order',
    );
    const plainFrames = readRecording(plainFile).frames.filter((f) => /^(CONFIG_|QUERY_.*STATISTICS)/.test(f.type));
    const maskedFrames = readRecording(file).frames.filter((f) => /^(CONFIG_|QUERY_.*STATISTICS)/.test(f.type));
    assert.deepEqual(
      maskedFrames.map((f) => f.frame.length),
      plainFrames.map((f) => f.frame.length),
      'pseudonyms keep every length, so every frame keeps its size',
    );

    const plainAgents = recordsOf(plainCs, 'CONFIG_AGENT_EVENT');
    const maskedAgents = recordsOf(maskedCs, 'CONFIG_AGENT_EVENT');
    assert.equal(maskedAgents.length, plainAgents.length);
    // The pseudonym of each agent ID, as the configuration's LoginID gives it (snapshot order = plain order).
    const pseudonym = new Map<string, string>();
    for (let i = 0; i < plainAgents.length; i++) {
      const p = plainAgents[i];
      const m = maskedAgents[i];
      for (const field of ['loginId', 'loginName', 'firstName', 'lastName', 'extension']) {
        const was = String(p[field]);
        const now = String(m[field]);
        assert.notEqual(now, was, `${field} "${was}" unmasked`);
        assert.equal(now.length, was.length, `${field} keeps its length`);
      }
      assert.match(String(m.firstName), /^[A-Z][a-z]+$/, 'a name keeps its shape');
      assert.match(String(m.loginId), /^\d+$/);
      assert.equal(m.extension, m.loginId, 'extension = agent ID in the simulator: the same pseudonym');
      assert.deepEqual(m.fltSkillGroupNumber, p.fltSkillGroupNumber, 'skill group membership is configuration');
      assert.equal(m.agentType, p.agentType);
      if (!pseudonym.has(String(p.loginId))) pseudonym.set(String(p.loginId), String(m.loginId));
    }
    assert.equal(new Set(pseudonym.values()).size, pseudonym.size, 'distinct agents, distinct pseudonyms');
    // The same agent in events and statistics: the same pseudonym as its LoginID.
    const p1001 = pseudonym.get('1001')!;
    const stats = maskedCs.find((m) => m.messageType === 'QUERY_AGENT_STATISTICS_CONF')!;
    assert.equal(stats.agentId, p1001);
    assert.equal(stats.agentExtension, p1001);
    const agentEventIds = new Set(
      masked.filter((m) => m.messageType === 'AGENT_STATE_EVENT').map((m) => m.agentId as string),
    );
    assert.ok(agentEventIds.has(p1001), `AGENT_STATE_EVENTs name ${[...agentEventIds].join(', ')}`);
    assert.ok(!agentEventIds.has('1001'));
    // Device records: the agent devices masked like the agent (extension and number), their description hidden.
    const devices = recordsOf(maskedCs, 'CONFIG_DEVICE_EVENT');
    const d1001 = devices.find((d) => d.extension === p1001);
    assert.ok(d1001 !== undefined, 'the device of 1001 carries its pseudonym');
    assert.equal(d1001.peripheralNumber, Number(p1001) % 0xffffffff);
    assert.doesNotMatch(String(d1001.description), /Alice|Martin/);
    // The update block's record of the renamed agent: same pseudonym for the unchanged ID, new name masked.
    const renamed = maskedAgents.filter((r) => r.loginId === pseudonym.get('1002'));
    assert.equal(renamed.length, 2, 'in the snapshot and in the update');
    assert.equal(String(renamed[1].firstName).length, 'Brunhilde'.length);
    // Configuration that names no person is kept: skill group and service names, statistics figures.
    assert.deepEqual(
      recordsOf(maskedCs, 'CONFIG_SKILL_GROUP_EVENT').map((r) => r.peripheralName),
      ['Sales', 'Support'],
    );
    const sg = (msgs: CtiMessage[]): unknown[] =>
      msgs
        .filter((m) => m.messageType === 'QUERY_SKILL_GROUP_STATISTICS_CONF')
        .map((m) => [m.skillGroupNumber, m.agentsLoggedOn]);
    assert.deepEqual(sg(maskedCs), sg(plainCs));
  });

  it("a supervisor's AGENT_TEAM_CONFIG_EVENT: the team's members are masked like their agent events", async function () {
    const file = tmp.file('team-masked.jsonl');
    const s = await openRecordingSession(
      sim,
      { path: file, maskAgents: true },
      { services: ['CLIENT_EVENTS', 'SUPERVISOR'], agentId: '1009', clientId: 'sup-1009' },
    );
    await sim.setAgentState('1009', 'AGENT_STATE_AVAILABLE');
    await barrier(s);
    await finish(s);
    const msgs = decodeAll(readRecording(file));
    const team = msgs.find((m) => m.messageType === 'AGENT_TEAM_CONFIG_EVENT');
    assert.ok(team !== undefined, msgs.map((m) => m.messageType).join(','));
    const members = team.atcAgentId as string[];
    assert.equal(members.length, 6, 'five members and the supervisor');
    for (const id of DEFAULT_IDS) assert.ok(!members.includes(id), `team member ${id} unmasked`);
    assert.equal(new Set(members).size, 6);
    assert.equal(team.agentTeamName, 'Team Blue', 'the team name is configuration, kept');
    const own = msgs.filter((m) => m.messageType === 'AGENT_STATE_EVENT').map((m) => m.agentId as string);
    assert.ok(own.length > 0, 'the supervisor changed state');
    assert.ok(members.includes(own[own.length - 1]), "the supervisor's pseudonym as in its own AGENT_STATE_EVENT");
  });
});
