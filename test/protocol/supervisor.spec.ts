/**
 * Golden byte vectors for the Supervisor-service messages (118–125, 128, 133–138), written by hand from
 * /work/shared/cti-protocol-supervisor-config.md §20 and cti-protocol-statistics-teams.md §13 with the
 * codec-independent builder in test-buffers.ts. Each vector asserts both directions. Where the reference prints
 * whole byte samples (§13.2–13.5) they are checked verbatim too.
 */
import { strict as assert } from 'assert';
import { decodeMessage, encodeMessage, withEnumNames, type CtiMessage, type DecodeWarning } from '../../lib/protocol';
import { golden } from './golden-vectors';
import { Bytes, frame, fstr, fu16, fu32 } from './test-buffers';

const ALL = [15, 16, 18, 19, 20, 22, 24, 25];
const TAG = {
  CLIENT_ID: 1,
  AGENT_EXTENSION: 4,
  AGENT_ID: 5,
  AGENT_INSTRUMENT: 6,
  TEXT: 7,
  CONNECTION_DEVID: 25,
  CLIENT_ADDRESS: 81,
  SUPERVISOR_INSTRUMENT: 85,
  ATC_AGENT_ID: 86,
  AGENT_FLAGS: 87,
  ATC_AGENT_STATE: 88,
  ATC_STATE_DURATION: 89,
  AGENT_CONNECTION_DEVID: 90,
  SUPERVISOR_CONNECTION_DEVID: 91,
  LIST_TEAM_ID: 92,
  AGENT_ID_LONG: 194,
  CLIENT_ADDRESS_IPV6: 226,
  AGENT_TEAM_NAME: 243,
} as const;

describe('Supervisor service messages (golden vectors, §20 / §13)', () => {
  for (const [type, name] of [
    [118, 'SUPERVISOR_ASSIST_REQ'],
    [121, 'EMERGENCY_CALL_REQ'],
  ] as const) {
    golden(name, ALL, type, (v) => ({
      msg: {
        messageType: name,
        invokeId: 7,
        peripheralId: 5000,
        connectionCallId: 0xffffffff, // no related call
        connectionDeviceIdType: 0,
        connectionDeviceId: '',
        agentExtension: '1001',
        agentId: '1001',
        agentInstrument: '1001',
      },
      body: new Bytes()
        .u32(7) // InvokeID
        .u32(5000) // PeripheralID
        .u32(0xffffffff) // ConnectionCallID
        .u16(0) // ConnectionDeviceIDType
        .bytes(fstr(v, TAG.CONNECTION_DEVID, ''))
        .bytes(fstr(v, TAG.AGENT_EXTENSION, '1001'))
        .bytes(fstr(v, TAG.AGENT_ID, '1001'))
        .bytes(fstr(v, TAG.AGENT_INSTRUMENT, '1001')),
    }));
  }

  for (const [type, name] of [
    [119, 'SUPERVISOR_ASSIST_CONF'],
    [122, 'EMERGENCY_CALL_CONF'],
  ] as const) {
    golden(name, ALL, type, (v) => ({
      msg: {
        messageType: name,
        invokeId: 9,
        connectionCallId: 2001,
        connectionDeviceIdType: 0,
        lineHandle: 0xffff,
        lineType: 4,
        connectionDeviceId: '1009',
      },
      body: new Bytes()
        .u32(9)
        .u32(2001)
        .u16(0)
        .u16(0xffff) // LineHandle unknown
        .u16(4) // LineType LINETYPE_SUPERVISOR
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '1009')),
    }));
  }

  golden('SUPERVISOR_ASSIST_EVENT', ALL, 120, (v) => ({
    msg: {
      messageType: 'SUPERVISOR_ASSIST_EVENT',
      peripheralId: 5000,
      connectionCallId: 17,
      connectionDeviceIdType: 0,
      sessionId: 3,
      connectionDeviceId: '1001',
      clientId: 'desk-1001',
      text: 'help please',
      agentId: '1001',
    },
    body: new Bytes()
      .u32(5000)
      .u32(17)
      .u16(0)
      .u32(3) // SessionID
      .bytes(fstr(v, TAG.CONNECTION_DEVID, '1001'))
      .bytes(fstr(v, TAG.CLIENT_ID, 'desk-1001'))
      .bytes(fstr(v, TAG.TEXT, 'help please'))
      .bytes(fstr(v, TAG.AGENT_ID, '1001')),
  }));

  golden('EMERGENCY_CALL_EVENT', ALL, 123, (v) => ({
    msg: {
      messageType: 'EMERGENCY_CALL_EVENT',
      peripheralId: 5000,
      connectionCallId: 17,
      connectionDeviceIdType: 0,
      sessionId: 3,
      connectionDeviceId: '1001',
      clientId: 'desk-1001',
      clientAddress: '192.168.100.101',
      agentExtension: '1001',
      agentId: '1001',
      agentInstrument: '1001',
    },
    body: new Bytes()
      .u32(5000)
      .u32(17)
      .u16(0)
      .u32(3)
      .bytes(fstr(v, TAG.CONNECTION_DEVID, '1001'))
      .bytes(fstr(v, TAG.CLIENT_ID, 'desk-1001'))
      .bytes(fstr(v, TAG.CLIENT_ADDRESS, '192.168.100.101'))
      .bytes(fstr(v, TAG.AGENT_EXTENSION, '1001'))
      .bytes(fstr(v, TAG.AGENT_ID, '1001'))
      .bytes(fstr(v, TAG.AGENT_INSTRUMENT, '1001')),
  }));

  describe('EMERGENCY_CALL_EVENT ClientAddress size change at v19', () => {
    const msg = (addr: string): CtiMessage => ({
      messageType: 'EMERGENCY_CALL_EVENT',
      peripheralId: 1,
      connectionCallId: 0xffffffff,
      connectionDeviceIdType: 0,
      sessionId: 1,
      connectionDeviceId: '',
      clientId: 'c',
      clientAddress: addr,
      agentExtension: '1001',
      agentId: '1001',
      agentInstrument: '1001',
    });
    const long = 'fe80::1234:5678:9abc'; // 20 characters + NUL: too long for 16 bytes, fits 64
    it('refuses a 21-byte ClientAddress at v18 (16 bytes there)', () => {
      assert.throws(() => encodeMessage(msg(long), 18), /clientAddress/);
    });
    it('takes it at v19 and v25 (64 bytes)', () => {
      for (const v of [19, 25]) assert.deepStrictEqual(decodeMessage(encodeMessage(msg(long), v), v), msg(long));
    });
    it('decodes ClientAddressIPV6 (tag 226) at v15–18 only', () => {
      const body = (v: number): Bytes =>
        new Bytes()
          .u32(1)
          .u32(0xffffffff)
          .u16(0)
          .u32(1)
          .bytes(fstr(v, TAG.CONNECTION_DEVID, ''))
          .bytes(fstr(v, TAG.CLIENT_ID, 'c'))
          .bytes(fstr(v, TAG.CLIENT_ADDRESS, '10.0.0.1'))
          .bytes(fstr(v, TAG.CLIENT_ADDRESS_IPV6, '::1'))
          .bytes(fstr(v, TAG.AGENT_EXTENSION, '1001'))
          .bytes(fstr(v, TAG.AGENT_ID, '1001'))
          .bytes(fstr(v, TAG.AGENT_INSTRUMENT, '1001'));
      assert.equal(decodeMessage(frame(123, body(18)), 18).clientAddressIpv6, '::1');
      const at19 = decodeMessage(frame(123, body(19)), 19);
      assert.equal(at19.clientAddressIpv6, undefined);
      assert.equal(at19.unknownFields[0].tag, TAG.CLIENT_ADDRESS_IPV6);
    });
    it('accepts AgentID under AGENT_ID_LONG_TAG (194) from v20', () => {
      const b = new Bytes()
        .u32(1)
        .u32(5)
        .u16(0)
        .u32(1)
        .bytes(fstr(20, TAG.CONNECTION_DEVID, '1001'))
        .bytes(fstr(20, TAG.CLIENT_ID, 'c'))
        .bytes(fstr(20, TAG.CLIENT_ADDRESS, 'x'))
        .bytes(fstr(20, TAG.AGENT_EXTENSION, '1001'))
        .bytes(fstr(20, TAG.AGENT_ID_LONG, '1001'))
        .bytes(fstr(20, TAG.AGENT_INSTRUMENT, '1001'));
      assert.equal(decodeMessage(frame(123, b), 20).agentId, '1001');
    });
  });

  golden('SUPERVISE_CALL_REQ', ALL, 124, (v) => ({
    msg: {
      messageType: 'SUPERVISE_CALL_REQ',
      invokeId: 0x11,
      peripheralId: 5000,
      agentConnectionCallId: 2001,
      supervisorConnectionCallId: 0xffffffff,
      agentConnectionDeviceIdType: 0,
      supervisorConnectionDeviceIdType: 0,
      supervisoryAction: 1,
      agentConnectionDeviceId: '1001',
      agentId: '1001',
      supervisorInstrument: '1009',
    },
    body: new Bytes()
      .u32(0x11) // InvokeID
      .u32(5000) // PeripheralID
      .u32(2001) // AgentConnectionCallID
      .u32(0xffffffff) // SupervisorConnectionCallID: none yet
      .u16(0) // AgentConnectionDeviceIDType
      .u16(0) // SupervisorConnectionDeviceIDType
      .u16(1) // SupervisoryAction SUPERVISOR_MONITOR
      .bytes(fstr(v, TAG.AGENT_CONNECTION_DEVID, '1001'))
      .bytes(fstr(v, TAG.AGENT_ID, '1001'))
      .bytes(fstr(v, TAG.SUPERVISOR_INSTRUMENT, '1009')),
  }));

  golden('SUPERVISE_CALL_REQ (barge-in with the supervisor call)', [15, 24], 124, (v) => ({
    msg: {
      messageType: 'SUPERVISE_CALL_REQ',
      invokeId: 2,
      peripheralId: 5000,
      agentConnectionCallId: 0xffffffff, // the agent's current call
      supervisorConnectionCallId: 3001,
      agentConnectionDeviceIdType: 0,
      supervisorConnectionDeviceIdType: 0,
      supervisoryAction: 3,
      supervisorConnectionDeviceId: '1009',
      agentExtension: '1001',
    },
    body: new Bytes()
      .u32(2)
      .u32(5000)
      .u32(0xffffffff)
      .u32(3001)
      .u16(0)
      .u16(0)
      .u16(3)
      .bytes(fstr(v, TAG.SUPERVISOR_CONNECTION_DEVID, '1009'))
      .bytes(fstr(v, TAG.AGENT_EXTENSION, '1001')),
  }));

  it('SUPERVISE_CALL_REQ: the fixed body is 22 bytes and the six floating fields reach the printed maximum', () => {
    const full: CtiMessage = {
      messageType: 'SUPERVISE_CALL_REQ',
      invokeId: 1,
      peripheralId: 1,
      agentConnectionCallId: 1,
      supervisorConnectionCallId: 1,
      agentConnectionDeviceIdType: 0,
      supervisorConnectionDeviceIdType: 0,
      supervisoryAction: 0,
      agentConnectionDeviceId: 'a'.repeat(63),
      supervisorConnectionDeviceId: 'b'.repeat(63),
      agentExtension: 'c'.repeat(15),
      agentId: 'd'.repeat(11),
      agentInstrument: 'e'.repeat(63),
      supervisorInstrument: 'f'.repeat(63),
    };
    // PV15 guide: maximum 326 bytes with one-byte tags; 338 with the two-byte tags of PV20+.
    assert.equal(encodeMessage(full, 15).length, 326);
    assert.equal(encodeMessage(full, 20).length, 338);
  });

  golden('SUPERVISE_CALL_CONF', ALL, 125, (v) => ({
    msg: {
      messageType: 'SUPERVISE_CALL_CONF',
      invokeId: 0x11,
      connectionCallId: 2001,
      connectionDeviceIdType: 0,
      connectionDeviceId: '1001',
    },
    body: new Bytes()
      .u32(0x11)
      .u32(2001)
      .u16(0)
      .bytes(fstr(v, TAG.CONNECTION_DEVID, '1001')),
  }));

  golden('AGENT_TEAM_CONFIG_EVENT', ALL, 128, (v) => {
    const msg: CtiMessage = {
      messageType: 'AGENT_TEAM_CONFIG_EVENT',
      peripheralId: 5000,
      teamId: 1,
      numberOfAgents: 2,
      configOperation: 0,
      atcAgentId: ['1001', '1009'],
      agentFlags: [0, 5],
      atcAgentState: [3, 2],
      atcStateDuration: [60, 7],
    };
    const body = new Bytes().u32(5000).u32(1).u16(2).u16(0);
    if (v >= 19) {
      msg.departmentId = -1;
      body.i32(-1);
    }
    if (v >= 16) {
      msg.agentTeamName = 'Team Blue';
      body.bytes(fstr(v, TAG.AGENT_TEAM_NAME, 'Team Blue'));
    }
    // One group of four per member, in this order.
    body
      .bytes(fstr(v, TAG.ATC_AGENT_ID, '1001'))
      .bytes(fu16(v, TAG.AGENT_FLAGS, 0))
      .bytes(fu16(v, TAG.ATC_AGENT_STATE, 3))
      .bytes(fu32(v, TAG.ATC_STATE_DURATION, 60))
      .bytes(fstr(v, TAG.ATC_AGENT_ID, '1009'))
      .bytes(fu16(v, TAG.AGENT_FLAGS, 5))
      .bytes(fu16(v, TAG.ATC_AGENT_STATE, 2))
      .bytes(fu32(v, TAG.ATC_STATE_DURATION, 7));
    return { msg, body };
  });

  it('AGENT_TEAM_CONFIG_EVENT: the reference PV20+ sample (§13.2) decodes and re-encodes byte for byte', () => {
    const sample = new Bytes()
      .raw('00000037 00000080')
      .raw('00001388 00001389 0001 0000 00000000')
      .raw('00F3 0006 5465616D3100')
      .raw('0056 0005 3130303100')
      .raw('0057 0002 0000')
      .raw('0058 0002 0003')
      .raw('0059 0004 0000003C')
      .build();
    const msg = decodeMessage(sample, 24);
    assert.deepStrictEqual(msg, {
      messageType: 'AGENT_TEAM_CONFIG_EVENT',
      peripheralId: 5000,
      teamId: 5001,
      numberOfAgents: 1,
      configOperation: 0,
      departmentId: 0,
      agentTeamName: 'Team1',
      atcAgentId: ['1001'],
      agentFlags: [0],
      atcAgentState: [3],
      atcStateDuration: [60],
    });
    assert.equal(encodeMessage(msg, 24).toString('hex'), sample.toString('hex'));
    assert.deepStrictEqual(
      {
        configOperation: withEnumNames(msg).configOperation,
        atcAgentState: withEnumNames(msg).atcAgentState,
      },
      { configOperation: 'CONFIG_OPERATION_RESTORE_PERMANENT', atcAgentState: ['AGENT_STATE_AVAILABLE'] },
    );
  });

  it('AGENT_TEAM_CONFIG_EVENT: the uccertweb PV16–18 fixture (one-byte tags, Remove Agent) decodes', () => {
    const body = new Bytes()
      .raw('01020304 02030405 0001 0002')
      .raw('F3 0E')
      .str('AgentTeamName')
      .raw('56 05')
      .str('1001')
      .raw('57 02 0004')
      .raw('58 02 000A')
      .raw('59 04 04050607');
    assert.deepStrictEqual(decodeMessage(frame(128, body), 17), {
      messageType: 'AGENT_TEAM_CONFIG_EVENT',
      peripheralId: 0x01020304,
      teamId: 0x02030405,
      numberOfAgents: 1,
      configOperation: 2,
      agentTeamName: 'AgentTeamName',
      atcAgentId: ['1001'],
      agentFlags: [4],
      atcAgentState: [10],
      atcStateDuration: [0x04050607],
    });
  });

  it('AGENT_TEAM_CONFIG_EVENT: more than 64 members decodes with a warning (the limit is 64)', () => {
    const n = 65;
    const msg: CtiMessage = {
      messageType: 'AGENT_TEAM_CONFIG_EVENT',
      peripheralId: 1,
      teamId: 1,
      configOperation: 0,
      departmentId: 0,
      agentTeamName: 'big',
      atcAgentId: Array.from({ length: n }, (_, i) => String(1000 + i)),
      agentFlags: new Array(n).fill(0),
      atcAgentState: new Array(n).fill(3),
      atcStateDuration: new Array(n).fill(0),
    };
    const warnings: DecodeWarning[] = [];
    const back = decodeMessage(encodeMessage(msg, 24), 24, { onWarning: (w) => warnings.push(w) });
    assert.equal(back.atcAgentId.length, n);
    // One per member field of the group, each saying the limit.
    assert.deepStrictEqual(
      warnings.map((w) => w.field),
      ['atcAgentId', 'agentFlags', 'atcAgentState', 'atcStateDuration'],
    );
    for (const w of warnings) assert.match(w.detail, /more than 64/);
  });

  golden('LIST_AGENT_TEAM_REQ', ALL, 133, () => ({
    msg: { messageType: 'LIST_AGENT_TEAM_REQ', invokeId: 4, supervisorId: 5009 },
    body: new Bytes().u32(4).u32(5009),
  }));

  golden('LIST_AGENT_TEAM_CONF', ALL, 134, (v) => ({
    msg: {
      messageType: 'LIST_AGENT_TEAM_CONF',
      invokeId: 7,
      numberOfAgentTeams: 2,
      segmentNumber: 1,
      more: 0,
      teamId: [5001, 5002],
    },
    body: new Bytes()
      .u32(7)
      .u16(2)
      .u16(1)
      .u16(0)
      .bytes(fu32(v, TAG.LIST_TEAM_ID, 5001))
      .bytes(fu32(v, TAG.LIST_TEAM_ID, 5002)),
  }));

  it('LIST_AGENT_TEAM_CONF: the reference samples (§13.3) decode', () => {
    const pv20 = new Bytes().raw('0000001A 00000086 00000007 0002 0001 0000 005C 0004 00001389 005C 0004 0000138A');
    assert.deepStrictEqual(decodeMessage(pv20.build(), 20).teamId, [5001, 5002]);
    // uccertweb's fixture (one-byte tags) says 64 teams follow but carries one: decoded, with a count warning.
    const warnings: unknown[] = [];
    const uw = decodeMessage(frame(134, new Bytes().raw('02030405 0040 0002 0001 5C 04 03040506')), 15, {
      onWarning: (w) => warnings.push(w),
    });
    assert.deepStrictEqual(uw.teamId, [0x03040506]);
    assert.equal(uw.more, 1);
    assert.equal(warnings.length, 1);
  });

  golden('MONITOR_AGENT_TEAM_START_REQ', ALL, 135, () => ({
    msg: { messageType: 'MONITOR_AGENT_TEAM_START_REQ', invokeId: 3, teamId: 1 },
    body: new Bytes().u32(3).u32(1),
  }));
  golden('MONITOR_AGENT_TEAM_START_CONF', ALL, 136, () => ({
    msg: { messageType: 'MONITOR_AGENT_TEAM_START_CONF', invokeId: 0x01020304, monitorId: 0x05060708 },
    body: new Bytes().raw('01020304 05060708'), // uccertweb fixture
  }));
  golden('MONITOR_AGENT_TEAM_STOP_REQ', ALL, 137, () => ({
    msg: { messageType: 'MONITOR_AGENT_TEAM_STOP_REQ', invokeId: 3, monitorId: 77 },
    body: new Bytes().u32(3).u32(77),
  }));
  golden('MONITOR_AGENT_TEAM_STOP_CONF', ALL, 138, () => ({
    msg: { messageType: 'MONITOR_AGENT_TEAM_STOP_CONF', invokeId: 0x04050607 },
    body: new Bytes().raw('04050607'), // uccertweb fixture
  }));

  it('MONITOR_AGENT_TEAM_START_REQ: an optional CTIOSCILClientID (tag 217) is decoded and may be left out', () => {
    const b = new Bytes()
      .u32(1)
      .u32(2)
      .bytes(fstr(24, 217, 'cil'));
    assert.deepStrictEqual(decodeMessage(frame(135, b), 24), {
      messageType: 'MONITOR_AGENT_TEAM_START_REQ',
      invokeId: 1,
      teamId: 2,
      ctiosCilClientId: 'cil',
    });
  });

  it('names SupervisoryAction values and the agent / supervisor connection device ID types', () => {
    const named = withEnumNames({
      messageType: 'SUPERVISE_CALL_REQ',
      supervisoryAction: 4,
      agentConnectionDeviceIdType: 0,
      supervisorConnectionDeviceIdType: 0,
    });
    assert.equal(named.supervisoryAction, 'SUPERVISOR_INTERCEPT');
    assert.equal(typeof named.agentConnectionDeviceIdType, 'string');
    assert.equal(typeof named.supervisorConnectionDeviceIdType, 'string');
  });

  it('AGENT_TEAM_CONFIG_REQ/CONF (126/127) have no layout and stay raw bytes', () => {
    const m = decodeMessage(frame(127, new Bytes().raw('00000001')), 24);
    assert.equal(m.messageType, 'AGENT_TEAM_CONFIG_CONF');
    assert.ok(Buffer.isBuffer(m.body));
  });

  it('keeps the DepartmentID sign (INT): 0xFFFFFFFF is -1', () => {
    const b = new Bytes()
      .u32(1)
      .u32(1)
      .u16(0)
      .u16(0)
      .i32(-1)
      .bytes(fstr(24, TAG.AGENT_TEAM_NAME, 'x'));
    assert.equal(decodeMessage(frame(128, b), 24).departmentId, -1);
  });
});
