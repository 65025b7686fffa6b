/**
 * Byte vectors for the statistics (112–115) and configuration (230–238, 245, 254, 260, 261, 276) messages,
 * written by hand from cti-protocol-statistics-teams.md §12 and cti-protocol-supervisor-config.md §22 with the
 * codec-independent builder; offsets of the counters are the reference's. Each vector is checked both ways.
 */
import { strict as assert } from 'assert';
import { configRecords, decodeMessage, encodeMessage, fromConfigRecords, type CtiMessage } from '../../lib/protocol';
import { Bytes, floating, frame, fstr, fu16, fu32 } from './test-buffers';

const hex = (b: Buffer): string => b.toString('hex');

function both(msg: CtiMessage, bytes: Buffer, v: number): void {
  assert.equal(hex(encodeMessage(msg, v)), hex(bytes), `encode at v${v}`);
  assert.deepStrictEqual(decodeMessage(bytes, v), msg, `decode at v${v}`);
}

/** A fixed part of `n` UINT counters whose value is their own offset in the body (so a field's value says where it sat). */
function offsetCounters(from: number, n: number): Bytes {
  const b = new Bytes();
  for (let i = 0; i < n; i++) b.u32(from + 4 * i);
  return b;
}

describe('codec: statistics messages (112-115)', () => {
  it("QUERY_SKILL_GROUP_STATISTICS_REQ: the reference's wire example (TAC trace: number given, ID NULL)", () => {
    const wire = Buffer.from('00000010' + '00000072' + '0001B65F' + '00001388' + '00006EC1' + 'FFFFFFFF', 'hex');
    const msg = {
      messageType: 'QUERY_SKILL_GROUP_STATISTICS_REQ',
      invokeId: 0x1b65f,
      peripheralId: 5000,
      skillGroupNumber: 28353,
      skillGroupId: 0xffffffff,
    };
    for (const v of [15, 19, 20, 24, 25]) both(msg, wire, v);
  });

  for (const v of [15, 20, 25]) {
    it(`QUERY_SKILL_GROUP_STATISTICS_CONF at v${v}: 596-byte fixed part, counters at the reference's offsets`, () => {
      const body = new Bytes().u32(7).u32(5000).u32(100).u32(5100).bytes(offsetCounters(16, 145)).build();
      assert.equal(body.length, 596);
      const bytes = frame(115, body);
      const m = decodeMessage(bytes, v);
      assert.equal(m.messageType, 'QUERY_SKILL_GROUP_STATISTICS_CONF');
      assert.equal(Object.keys(m).length, 1 + 4 + 145);
      const at: Record<string, number> = {
        agentsLoggedOn: 16,
        agentsAvail: 20,
        agentsNotReady: 24,
        agentsReady: 28,
        agentsTalkingIn: 32,
        agentsReserved: 56,
        agentsApplicationAvailable: 68,
        routerCallsQNow: 84,
        callsQNow: 92,
        callsQTimeNow: 96,
        longestCallQNow: 100,
        availTimeTo5: 104,
        handledCallsTo5: 136,
        emergencyCallsTo5: 252,
        callsQ5: 256,
        longestCallQ5: 264,
        availTimeToHalf: 268,
        handledCallsToHalf: 300,
        callsQHalf: 420,
        availTimeToday: 432,
        handledCallsToday: 464,
        handledCallsTimeToday: 476,
        internalCallsRcvdToday: 488,
        callsQToday: 584,
        longestCallQToday: 592,
      };
      for (const [k, off] of Object.entries(at)) assert.equal(m[k], off, k);
      assert.equal(m.skillGroupNumber, 100);
      assert.equal(m.skillGroupId, 5100);
      assert.equal(hex(encodeMessage(m, v)), hex(bytes));
    });
  }

  it('QUERY_AGENT_STATISTICS_REQ at v15 (1-byte tags) and v20 (2-byte tags)', () => {
    const msg = { messageType: 'QUERY_AGENT_STATISTICS_REQ', invokeId: 3, peripheralId: 5000, agentId: '1001' };
    for (const v of [15, 20])
      both(
        msg,
        frame(
          112,
          new Bytes()
            .u32(3)
            .u32(5000)
            .bytes(fstr(v, 5, '1001')),
        ),
        v,
      );
    // AGENT_ID_LONG_TAG (194) is read as AgentID too (the reference's advice); the encoder uses 5.
    const long = frame(
      112,
      new Bytes()
        .u32(3)
        .u32(5000)
        .bytes(fstr(24, 194, '1001')),
    );
    assert.deepStrictEqual(decodeMessage(long, 24), msg);
  });

  for (const v of [19, 24]) {
    it(`QUERY_AGENT_STATISTICS_CONF at v${v}: 344-byte fixed part ("Session" then "Today") and the three identifiers`, () => {
      const fixed = new Bytes().u32(9).u32(5000).bytes(offsetCounters(8, 84)).build();
      assert.equal(fixed.length, 344);
      const bytes = frame(
        113,
        new Bytes()
          .bytes(fixed)
          .bytes(fstr(v, 4, '1001'))
          .bytes(fstr(v, 5, '1001'))
          .bytes(fstr(v, 6, '1001')),
      );
      const m = decodeMessage(bytes, v);
      assert.equal(Object.keys(m).length, 1 + 2 + 84 + 3);
      const at: Record<string, number> = {
        availTimeSession: 8,
        icmAvailableTimeSession: 20,
        handledCallsSession: 48,
        handledCallsTimeSession: 60,
        emergencyCallsSession: 172,
        availTimeToday: 176,
        handledCallsToday: 216,
        handledCallsTalkTimeToday: 220,
        handledCallsAfterCallTimeToday: 224,
        emergencyCallsToday: 340,
      };
      for (const [k, off] of Object.entries(at)) assert.equal(m[k], off, k);
      assert.equal(m.agentExtension, '1001');
      assert.equal(m.agentInstrument, '1001');
      assert.equal(hex(encodeMessage(m, v)), hex(bytes));
    });
  }
});

describe('codec: configuration messages (230-261, 276, 282)', () => {
  it("CONFIG_REQUEST_KEY_EVENT, CONFIG_REQUEST_EVENT (the guide's 12 bytes), CONFIG_END_EVENT with Text", () => {
    both({ messageType: 'CONFIG_REQUEST_KEY_EVENT', peripheralId: 5000 }, frame(230, new Bytes().u32(5000)), 19);
    both(
      { messageType: 'CONFIG_REQUEST_EVENT', configInformation: 0x1f, configMsgMask: 0x6, peripheralId: 5000 },
      frame(232, new Bytes().u32(0x1f).u32(0x6).u32(5000)),
      24,
    );
    both(
      { messageType: 'CONFIG_END_EVENT', configEndStatus: 5, text: 'more' },
      frame(234, new Bytes().u32(5).bytes(fstr(15, 7, 'more'))),
      15,
    );
  });

  it('CONFIG_KEY_EVENT / CONFIG_BEGIN_EVENT: keys are 8 opaque bytes; Peripheral/AgentDeskSettings keys only from v22', () => {
    const key = Buffer.from('0000000000000042', 'hex');
    const keys22 = { serviceConfigKey: key, agentConfigKey: key, peripheralConfigKey: key };
    both(
      { messageType: 'CONFIG_KEY_EVENT', configKeyStatus: 0, ...keys22 },
      frame(
        231,
        new Bytes()
          .u32(0)
          .bytes(floating(24, 177, key))
          .bytes(floating(24, 179, key))
          .bytes(floating(24, 269, key)),
      ),
      24,
    );
    // Before v22 the encoder leaves the newer key out: the message has only what the version defines.
    assert.equal(
      hex(encodeMessage({ messageType: 'CONFIG_KEY_EVENT', configKeyStatus: 0, ...keys22 }, 21)),
      hex(
        frame(
          231,
          new Bytes()
            .u32(0)
            .bytes(floating(21, 177, key))
            .bytes(floating(21, 179, key)),
        ),
      ),
    );
    // BEGIN: ConfigType USHORT then ConfigInformation UINT at the unaligned offset 2.
    both(
      { messageType: 'CONFIG_BEGIN_EVENT', configType: 1, configInformation: 0x2, skillGroupConfigKey: key },
      frame(
        233,
        new Bytes()
          .u16(1)
          .u32(2)
          .bytes(floating(19, 178, key)),
      ),
      19,
    );
  });

  it('CONFIG_SKILL_GROUP_EVENT: two records at v19 (no MRD / precision queue) and v24 (with them)', () => {
    const sg = (v: number, n: number, id: number, name: string): Bytes => {
      const b = new Bytes()
        .bytes(fu16(v, 183, 0))
        .bytes(fu32(v, 208, 5000))
        .bytes(fu32(v, 184, n))
        .bytes(fu16(v, 64, 0))
        .bytes(fu32(v, 192, id))
        .bytes(fu16(v, 185, 0))
        .bytes(fstr(v, 173, ''))
        .bytes(fstr(v, 133, name))
        .bytes(fstr(v, 134, `${name} queue`));
      if (v >= 20) b.bytes(fu32(v, 216, 1));
      if (v >= 22) b.bytes(fu32(v, 264, 0)).bytes(fstr(v, 265, 'NULL'));
      return b.bytes(fstr(v, 176, ''));
    };
    for (const v of [19, 24]) {
      const msg: CtiMessage = {
        messageType: 'CONFIG_SKILL_GROUP_EVENT',
        numRecords: 2,
        recordType: [0, 0],
        fltPeripheralId: [5000, 5000],
        peripheralNumber: [100, 200],
        fltSkillGroupPriority: [0, 0],
        skillGroupSkillTargetId: [5100, 5200],
        autoWork: [0, 0],
        extension: ['', ''],
        peripheralName: ['Sales', 'Support'],
        description: ['Sales queue', 'Support queue'],
        configParam: ['', ''],
      };
      if (v >= 20) msg.fltMrDomainId = [1, 1];
      if (v >= 22) Object.assign(msg, { fltPrecisionQueueId: [0, 0], fltPrecisionQueueName: ['NULL', 'NULL'] });
      both(
        msg,
        frame(
          236,
          new Bytes()
            .u16(2)
            .bytes(sg(v, 100, 5100, 'Sales'))
            .bytes(sg(v, 200, 5200, 'Support')),
        ),
        v,
      );
    }
  });

  for (const v of [15, 20, 24, 25]) {
    it(`CONFIG_AGENT_EVENT at v${v}: one agent with names and two skill groups (fields of the version only)`, () => {
      const b = new Bytes().u16(1);
      b.bytes(fu16(v, 183, 0))
        .bytes(fu32(v, 208, 5000))
        .bytes(fu16(v, 189, 0));
      if (v >= 22) b.bytes(fu32(v, 267, 0xffffffff));
      b.bytes(fstr(v, 190, '1003'))
        .bytes(fstr(v, 207, 'cnovak'))
        .bytes(fstr(v, 138, 'Novak'))
        .bytes(fstr(v, 137, 'Carla'))
        .bytes(fstr(v, 173, '1003'))
        .bytes(fstr(v, 134, ''))
        .bytes(fu32(v, 141, 5003))
        .bytes(fu16(v, 191, 2));
      if (v >= 20) b.bytes(fu16(v, 257, 0));
      if (v >= 21) b.bytes(fu16(v, 261, 0));
      b.bytes(floating(v, 62, new Bytes().i32(100)))
        .bytes(fu16(v, 64, 0))
        .bytes(floating(v, 62, new Bytes().i32(200)))
        .bytes(fu16(v, 64, 0));
      const msg: CtiMessage = {
        messageType: 'CONFIG_AGENT_EVENT',
        numRecords: 1,
        recordType: [0],
        fltPeripheralId: [5000],
        agentType: [0],
        loginId: ['1003'],
        loginName: ['cnovak'],
        lastName: ['Novak'],
        firstName: ['Carla'],
        extension: ['1003'],
        description: [''],
        agentSkillTargetId: [5003],
        numSkills: [2],
        fltSkillGroupNumber: [100, 200],
        fltSkillGroupPriority: [0, 0],
      };
      if (v >= 22) msg.agentDeskSettingsId = [0xffffffff];
      if (v >= 20) msg.ssoEnabled = [0];
      if (v >= 21) msg.numMrds = [0];
      both(msg, frame(237, b), v);
    });
  }

  it('LoginName: 32 bytes before v20, up to 255 from v20', () => {
    const long = 'x'.repeat(40);
    const msg = { messageType: 'CONFIG_AGENT_EVENT', recordType: [0], loginId: ['1'], loginName: [long] };
    assert.throws(() => encodeMessage(msg, 19), /loginName/);
    assert.equal(decodeMessage(encodeMessage(msg, 20), 20).loginName[0], long);
  });

  it('CONFIG_TERMINAL_EVENT (276) at v25: a terminal with two instruments; not in versions before 20', () => {
    const v = 25;
    const msg = {
      messageType: 'CONFIG_TERMINAL_EVENT',
      numRecords: 1,
      recordType: [0],
      terminalType: [1],
      terminalDeviceName: ['SEP0001'],
      terminalTypeName: ['Phone'],
      numInstruments: [2],
      instrument: ['1001', '1002'],
    };
    const body = new Bytes()
      .u16(1)
      .bytes(fu16(v, 183, 0))
      .bytes(fu16(v, 302, 1))
      .bytes(fstr(v, 303, 'SEP0001'))
      .bytes(fstr(v, 304, 'Phone'))
      .bytes(fu16(v, 305, 2))
      .bytes(fstr(v, 6, '1001'))
      .bytes(fstr(v, 6, '1002'));
    both(msg, frame(276, body), v);
    assert.throws(() => encodeMessage(msg, 19));
  });

  it('CONFIG_MRD_EVENT from v20, CONFIG_PERIPHERAL_EVENT and CONFIG_AGENT_DESK_SETTINGS_EVENT from v22, CONFIG_AGENT_SERVICE_EVENT from v24', () => {
    both(
      {
        messageType: 'CONFIG_PERIPHERAL_EVENT',
        numRecords: 1,
        recordType: [0],
        configPeripheralId: [5000],
        defaultAgentDeskSettingsId: [1],
      },
      frame(
        260,
        new Bytes()
          .u16(1)
          .bytes(fu16(22, 183, 0))
          .bytes(fu32(22, 271, 5000))
          .bytes(fu32(22, 272, 1)),
      ),
      22,
    );
    assert.throws(() => encodeMessage({ messageType: 'CONFIG_PERIPHERAL_EVENT', recordType: [0] }, 21));
    assert.throws(() => encodeMessage({ messageType: 'CONFIG_MRD_EVENT', recordType: [0] }, 19));
    assert.throws(() => encodeMessage({ messageType: 'CONFIG_AGENT_SERVICE_EVENT', recordType: [0] }, 23));
    both(
      {
        messageType: 'CONFIG_AGENT_SERVICE_EVENT',
        numRecords: 1,
        agentSkillTargetId: [5001],
        numOfEnabledServices: [1],
        recordType: [0],
        fltEnabledServices: [2],
      },
      frame(
        282,
        new Bytes()
          .u16(1)
          .bytes(fu32(24, 141, 5001))
          .bytes(fu16(24, 310, 1))
          .bytes(fu16(24, 183, 0))
          .bytes(fu16(24, 309, 2)),
      ),
      24,
    );
  });
});

describe('codec: configuration records', () => {
  it('configRecords / fromConfigRecords: records with lists survive encode and decode at v15 and v24', () => {
    const records = [
      {
        recordType: 0,
        loginId: '1001',
        firstName: 'Alice',
        lastName: 'Martin',
        numSkills: 1,
        fltSkillGroupNumber: [100],
        fltSkillGroupPriority: [0],
      },
    ];
    for (const v of [15, 24]) {
      const wire = encodeMessage(fromConfigRecords('CONFIG_AGENT_EVENT', records), v);
      assert.deepStrictEqual(configRecords(decodeMessage(wire, v)), records);
    }
    const groups = [
      { recordType: 0, peripheralNumber: 100, peripheralName: 'Sales' },
      { recordType: 1, peripheralNumber: 200, peripheralName: 'Support' },
    ];
    const m = decodeMessage(encodeMessage(fromConfigRecords('CONFIG_SKILL_GROUP_EVENT', groups), 20), 20);
    assert.equal(m.numRecords, 2);
    assert.deepStrictEqual(configRecords(m), groups);
  });
});
