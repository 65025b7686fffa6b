/**
 * Golden byte vectors written by hand from the layouts in /work/shared/cti-protocol.md (Part 1 framing and
 * session, Part 2 sections 1–6, tag numbers from section 8 / cti-tables.md Part B). Nothing here is produced
 * by the codec: each expected frame is built field by field with the independent builder in test-buffers.ts.
 * Every vector asserts both directions: encodeMessage(msg) gives exactly the bytes, and decodeMessage(bytes)
 * gives exactly the message (count fields included).
 *
 * Floating fields are written in the reference's documentation order (the order of its tables), which is the
 * order a table-driven encoder following those tables produces.
 */
import { strict as assert } from 'assert';
import { decodeMessage, encodeMessage, type CtiMessage } from '../../lib/protocol';
import { golden } from './golden-vectors';
import { Bytes, floating, frame, fi32, fstr, fu16, fu32 } from './test-buffers';

/** MessageType numbers (cti-tables.md Part A). */
const T = {
  FAILURE_CONF: 1,
  FAILURE_EVENT: 2,
  OPEN_REQ: 3,
  OPEN_CONF: 4,
  HEARTBEAT_REQ: 5,
  HEARTBEAT_CONF: 6,
  CLOSE_REQ: 7,
  CLOSE_CONF: 8,
  CALL_DELIVERED_EVENT: 9,
  CALL_ESTABLISHED_EVENT: 10,
  CALL_HELD_EVENT: 11,
  CALL_RETRIEVED_EVENT: 12,
  CALL_CLEARED_EVENT: 13,
  CALL_CONNECTION_CLEARED_EVENT: 14,
  CALL_ORIGINATED_EVENT: 15,
  CALL_FAILED_EVENT: 16,
  CALL_CONFERENCED_EVENT: 17,
  CALL_TRANSFERRED_EVENT: 18,
  CALL_DIVERTED_EVENT: 19,
  CALL_SERVICE_INITIATED_EVENT: 20,
  CALL_QUEUED_EVENT: 21,
  CALL_TRANSLATION_ROUTE_EVENT: 22,
  BEGIN_CALL_EVENT: 23,
  END_CALL_EVENT: 24,
  CALL_DATA_UPDATE_EVENT: 25,
  SET_CALL_DATA_REQ: 26,
  SET_CALL_DATA_CONF: 27,
  AGENT_STATE_EVENT: 30,
  SYSTEM_EVENT: 31,
  CONTROL_FAILURE_CONF: 35,
} as const;

/** Floating tags (cti-protocol.md section 8; cti-tables.md Part B). */
const TAG = {
  CLIENT_ID: 1,
  CLIENT_PASSWORD: 2,
  CLIENT_SIGNATURE: 3,
  AGENT_EXTENSION: 4,
  AGENT_ID: 5,
  AGENT_INSTRUMENT: 6,
  TEXT: 7,
  ANI: 8,
  UUI: 9,
  DNIS: 10,
  DIALED_NUMBER: 11,
  CED: 12,
  CALL_VAR_1: 13, // … CALL_VAR_10 = 22
  CTI_CLIENT_SIGNATURE: 23,
  CTI_CLIENT_TIMESTAMP: 24,
  CONNECTION_DEVID: 25,
  ALERTING_DEVID: 26,
  CALLING_DEVID: 27,
  CALLED_DEVID: 28,
  LAST_REDIRECT_DEVID: 29,
  ANSWERING_DEVID: 30,
  HOLDING_DEVID: 31,
  RETRIEVING_DEVID: 32,
  RELEASING_DEVID: 33,
  FAILING_DEVID: 34,
  PRIMARY_DEVID: 35,
  SECONDARY_DEVID: 36,
  CONTROLLER_DEVID: 37,
  ADDED_PARTY_DEVID: 38,
  PARTY_CALLID: 39,
  PARTY_DEVID_TYPE: 40,
  PARTY_DEVID: 41,
  TRANSFERRING_DEVID: 42,
  TRANSFERRED_DEVID: 43,
  DIVERTING_DEVID: 44,
  QUEUE_DEVID: 45,
  CALL_WRAPUP_DATA: 46,
  NEW_CONNECTION_DEVID: 47,
  SKILL_GROUP_NUMBER: 62,
  SKILL_GROUP_ID: 63,
  SKILL_GROUP_PRIORITY: 64,
  SKILL_GROUP_STATE: 65,
  ROUTER_CALL_KEY_DAY: 72,
  ROUTER_CALL_KEY_CALLID: 73,
  NAMED_VARIABLE: 82,
  NAMED_ARRAY: 83,
  CUSTOMER_PHONE_NUMBER: 95,
  CUSTOMER_ACCOUNT_NUMBER: 96,
  APP_PATH_ID: 97,
  ROUTER_CALL_KEY_SEQUENCE_NUM: 110,
  TRUNK_NUMBER: 121,
  TRUNK_GROUP_NUMBER: 122,
  EXT_AGENT_STATE: 123,
  DURATION: 150,
  SECONDARY_CONNECTION_CALL_ID: 202,
  EVENT_DEVICE_ID: 206,
  PERIPHERAL_ID: 208,
  ANI_II: 215,
  CALL_REFERENCE_ID: 223,
  MULTI_LINE_AGENT_CONTROL: 224,
  NUM_PERIPHERALS: 228,
  COC_CONNECTION_CALL_ID: 229,
  COC_CONNECTION_DEVICE_ID_TYPE: 230,
  COC_CONNECTION_DEVICE_ID: 231,
  CALL_ORIGINATED_FROM: 232,
  DIRECTION: 244,
  MAX_BEYOND_TASK_LIMIT: 266,
  FLT_TERM_DEVICE_NAME: 303,
} as const;

/** NAMEDVAR data: VariableName\0 VariableValue\0 (section 6.1). */
function namedVar(v: number, name: string, value: string): Buffer {
  return floating(v, TAG.NAMED_VARIABLE, new Bytes().str(name).str(value));
}

/** NAMEDARRAY data: VariableIndex (UCHAR) ArrayName\0 Value\0 (section 6.2). */
function namedArr(v: number, index: number, name: string, value: string): Buffer {
  return floating(v, TAG.NAMED_ARRAY, new Bytes().u8(index).str(name).str(value));
}

/** CallVariable1..10, tags 13..22, values "cv1".."cv10" as given. */
function callVars(v: number, values: Record<number, string>): Bytes {
  const b = new Bytes();
  for (let i = 1; i <= 10; i++) if (values[i] !== undefined) b.bytes(fstr(v, TAG.CALL_VAR_1 + i - 1, values[i]));
  return b;
}

function callVarProps(values: Record<number, string>): Record<string, string> {
  const o: Record<string, string> = {};
  for (const [i, s] of Object.entries(values)) o[`callVariable${i}`] = s;
  return o;
}

const BOTH = [15, 24];

describe('golden vectors (hand-written from cti-protocol.md)', () => {
  // ---------------------------------------------------------------------------------------------------------
  describe('Part 1 — session messages', () => {
    golden('FAILURE_CONF', BOTH, T.FAILURE_CONF, () => ({
      msg: { messageType: 'FAILURE_CONF', invokeId: 0x01020304, status: 0x61 },
      body: new Bytes()
        .u32(0x01020304) // InvokeID
        .u32(0x61), // Status (E_CTI_* code)
    }));

    it('FAILURE_CONF: independent sample 00000008 00000001 01020304 00000061', () => {
      const sample = new Bytes().raw('00000008 00000001 01020304 00000061').build();
      assert.deepStrictEqual(decodeMessage(sample, 15), {
        messageType: 'FAILURE_CONF',
        invokeId: 0x01020304,
        status: 0x61,
      });
      assert.equal(
        encodeMessage({ messageType: 'FAILURE_CONF', invokeId: 0x01020304, status: 0x61 }, 15).toString('hex'),
        sample.toString('hex'),
      );
    });

    golden('FAILURE_EVENT', BOTH, T.FAILURE_EVENT, () => ({
      msg: { messageType: 'FAILURE_EVENT', status: 0x11 },
      body: new Bytes().u32(0x11), // Status
    }));

    it('FAILURE_EVENT: independent sample 00000004 00000002 00000011', () => {
      const sample = new Bytes().raw('00000004 00000002 00000011').build();
      assert.deepStrictEqual(decodeMessage(sample, 24), { messageType: 'FAILURE_EVENT', status: 0x11 });
      assert.equal(
        encodeMessage({ messageType: 'FAILURE_EVENT', status: 0x11 }, 24).toString('hex'),
        sample.toString('hex'),
      );
    });

    golden('OPEN_REQ', [15, 19, 20, 22, 24], T.OPEN_REQ, (v) => ({
      msg: {
        messageType: 'OPEN_REQ',
        invokeId: 1,
        versionNumber: v,
        idleTimeout: 120,
        peripheralId: 5000,
        servicesRequested: 0x00000013,
        callMsgMask: 0x0000ffff,
        agentStateMask: 0x00003fff,
        configMsgMask: 0,
        reserved1: 0,
        reserved2: 0,
        reserved3: 0,
        clientId: 'nodered',
        clientPassword: Buffer.from('secret', 'latin1'),
        clientSignature: 'sig',
        agentExtension: '2001',
        agentId: '1001',
        agentInstrument: '2001',
        applicationPathId: -7,
      },
      body: new Bytes()
        .u32(1) // InvokeID
        .u32(v) // VersionNumber
        .u32(120) // IdleTimeout
        .u32(5000) // PeripheralID
        .u32(0x13) // ServicesRequested (CLIENT_EVENTS | CALL_DATA_UPDATE | ALL_EVENTS)
        .u32(0xffff) // CallMsgMask
        .u32(0x3fff) // AgentStateMask
        .u32(0) // ConfigMsgMask
        .u32(0) // Reserved1
        .u32(0) // Reserved2
        .u32(0) // Reserved3 — fixed body 44 bytes
        .bytes(fstr(v, TAG.CLIENT_ID, 'nodered')) // ClientID
        .bytes(floating(v, TAG.CLIENT_PASSWORD, new Bytes().chars('secret'))) // ClientPassword (UNSPEC, no NUL)
        .bytes(fstr(v, TAG.CLIENT_SIGNATURE, 'sig')) // ClientSignature
        .bytes(fstr(v, TAG.AGENT_EXTENSION, '2001')) // AgentExtension
        .bytes(fstr(v, TAG.AGENT_ID, '1001')) // AgentID
        .bytes(fstr(v, TAG.AGENT_INSTRUMENT, '2001')) // AgentInstrument
        .bytes(fi32(v, TAG.APP_PATH_ID, -7)), // ApplicationPathID (INT)
    }));

    it('OPEN_REQ fixed body is 44 bytes', () => {
      const f = encodeMessage(
        {
          messageType: 'OPEN_REQ',
          invokeId: 1,
          versionNumber: 24,
          idleTimeout: 120,
          peripheralId: 1,
          servicesRequested: 1,
          callMsgMask: 0,
          agentStateMask: 0,
          clientId: 'a',
          clientPassword: Buffer.alloc(0),
        },
        24,
      );
      // 8 header + 44 fixed + ClientID (4+2) + ClientPassword (4+0)
      assert.equal(f.length, 8 + 44 + 6 + 4);
      assert.equal(f.readUInt32BE(0), 44 + 6 + 4);
    });

    // OPEN_CONF: fixed body 26 bytes before PV19, 30 for PV19–23 (DepartmentID), 32 from PV24 (SessionType).
    golden('OPEN_CONF', [15, 19, 20, 22, 24, 25], T.OPEN_CONF, (v) => {
      const msg: CtiMessage = {
        messageType: 'OPEN_CONF',
        invokeId: 1,
        servicesGranted: 0x13,
        monitorId: 0x0a0b0c0d,
        pgStatus: 0,
        icmCentralControllerTime: 1700000000,
        peripheralOnline: 1,
        peripheralType: 17,
        agentState: 3,
      };
      const body = new Bytes()
        .u32(1) // InvokeID
        .u32(0x13) // ServicesGranted
        .u32(0x0a0b0c0d) // MonitorID
        .u32(0) // PGStatus
        .u32(1700000000) // ICMCentralControllerTime (TIME)
        .u16(1) // PeripheralOnline (BOOL, 2 bytes)
        .u16(17) // PeripheralType
        .u16(3); // AgentState — 26 bytes so far
      if (v >= 19) {
        msg.departmentId = -2;
        body.i32(-2); // DepartmentID (INT, PV19+) — 30 bytes
      }
      if (v >= 24) {
        msg.sessionType = 1;
        body.u16(1); // SessionType (PV24+, 1 = active) — 32 bytes
      }
      assert.equal(body.length, v < 19 ? 26 : v < 24 ? 30 : 32);
      Object.assign(msg, {
        agentExtension: '2001',
        agentId: '1001',
        agentInstrument: '2001',
        numPeripherals: 2,
        fltPeripheralId: [5000, 5001],
        multilineAgentControl: [0, 1],
      });
      body
        .bytes(fstr(v, TAG.AGENT_EXTENSION, '2001')) // AgentExtension
        .bytes(fstr(v, TAG.AGENT_ID, '1001')) // AgentID
        .bytes(fstr(v, TAG.AGENT_INSTRUMENT, '2001')) // AgentInstrument
        .bytes(fu16(v, TAG.NUM_PERIPHERALS, 2)) // NumPeripherals
        // Unsure in the reference: FltPeripheralID's tag is not in section 8; PERIPHERAL_ID_TAG 208 (Part B).
        .bytes(fu32(v, TAG.PERIPHERAL_ID, 5000)) // FltPeripheralID [0]
        .bytes(fu16(v, TAG.MULTI_LINE_AGENT_CONTROL, 0)) // MultilineAgentControl [0] (single line)
        .bytes(fu32(v, TAG.PERIPHERAL_ID, 5001)) // FltPeripheralID [1]
        .bytes(fu16(v, TAG.MULTI_LINE_AGENT_CONTROL, 1)); // MultilineAgentControl [1] (multiline)
      return { msg, body };
    });

    golden('HEARTBEAT_REQ', BOTH, T.HEARTBEAT_REQ, () => ({
      msg: { messageType: 'HEARTBEAT_REQ', invokeId: 0xfffffffe },
      body: new Bytes().u32(0xfffffffe), // InvokeID
    }));

    golden('HEARTBEAT_CONF', BOTH, T.HEARTBEAT_CONF, () => ({
      msg: { messageType: 'HEARTBEAT_CONF', invokeId: 42 },
      body: new Bytes().u32(42), // InvokeID
    }));

    golden('CLOSE_REQ', BOTH, T.CLOSE_REQ, () => ({
      msg: { messageType: 'CLOSE_REQ', invokeId: 9, status: 0 },
      body: new Bytes()
        .u32(9) // InvokeID
        .u32(0), // Status (E_CTI_NO_ERROR)
    }));

    golden('CLOSE_CONF', BOTH, T.CLOSE_CONF, () => ({
      msg: { messageType: 'CLOSE_CONF', invokeId: 9 },
      body: new Bytes().u32(9), // InvokeID
    }));

    golden('SYSTEM_EVENT', BOTH, T.SYSTEM_EVENT, (v) => ({
      msg: {
        messageType: 'SYSTEM_EVENT',
        pgStatus: 3,
        icmCentralControllerTime: 0x01020304,
        systemEventId: 5,
        systemEventArg1: 0x02030405,
        systemEventArg2: 0x03040506,
        systemEventArg3: 0x04050607,
        eventDeviceType: 70,
        text: 'SystemEventText',
        eventDeviceId: 'EventDeviceID',
      },
      body: new Bytes()
        .u32(3) // PGStatus
        .u32(0x01020304) // ICMCentralControllerTime
        .u32(5) // SystemEventID (SYS_TEXT_FYI)
        .u32(0x02030405) // SystemEventArg1
        .u32(0x03040506) // SystemEventArg2
        .u32(0x04050607) // SystemEventArg3
        .u16(70) // EventDeviceType — fixed body 26 bytes
        .bytes(fstr(v, TAG.TEXT, 'SystemEventText')) // Text
        .bytes(fstr(v, TAG.EVENT_DEVICE_ID, 'EventDeviceID')), // EventDeviceID
    }));

    it('SYSTEM_EVENT: independent sample (1-byte tags)', () => {
      const body = new Bytes()
        .raw('00000003 01020304 00000005 02030405 03040506 04050607 0046')
        .raw('07 10')
        .chars('SystemEventText\0')
        .raw('CE 0E')
        .chars('EventDeviceID\0');
      const sample = new Bytes().u32(body.length).u32(31).bytes(body).build();
      const msg = {
        messageType: 'SYSTEM_EVENT',
        pgStatus: 3,
        icmCentralControllerTime: 0x01020304,
        systemEventId: 5,
        systemEventArg1: 0x02030405,
        systemEventArg2: 0x03040506,
        systemEventArg3: 0x04050607,
        eventDeviceType: 70,
        text: 'SystemEventText',
        eventDeviceId: 'EventDeviceID',
      };
      assert.deepStrictEqual(decodeMessage(sample, 15), msg);
      assert.equal(encodeMessage(msg, 15).toString('hex'), sample.toString('hex'));
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe('Part 2 §1 — call events', () => {
    golden('CALL_DELIVERED_EVENT', BOTH, T.CALL_DELIVERED_EVENT, (v) => ({
      msg: {
        messageType: 'CALL_DELIVERED_EVENT',
        monitorId: 7,
        peripheralId: 5000,
        peripheralType: 17,
        connectionDeviceIdType: 1,
        connectionCallId: 0x01000001,
        lineHandle: 0xffff,
        lineType: 0xfffe,
        serviceNumber: 6001,
        serviceId: 6002,
        skillGroupNumber: 7001,
        skillGroupId: 7002,
        skillGroupPriority: 3,
        alertingDeviceType: 5,
        callingDeviceType: 6,
        calledDeviceType: 8,
        lastRedirectDeviceType: 9,
        localConnectionState: 2,
        eventCause: 0xffff - 1,
        numNamedVariables: 2,
        numNamedArrays: 1,
        connectionDeviceId: '16777217',
        alertingDeviceId: '2001',
        callingDeviceId: '5551234',
        calledDeviceId: '8005551000',
        lastRedirectDeviceId: '7000',
        trunkNumber: 11,
        trunkGroupNumber: 12,
        secondaryConnectionCallId: 13,
        ani: '5551234',
        aniIi: '0',
        userToUserInfo: Buffer.from([0x00, 0xff, 0x10]),
        dnis: '8000',
        dialedNumber: '8005551000',
        callerEnteredDigits: '42#',
        ...callVarProps({ 1: 'cv1', 2: 'cv2', 10: 'x'.repeat(40) }),
        callWrapupData: 'wrap',
        namedVariables: [
          { name: 'user.acct', value: '42' },
          { name: 'user.empty', value: '' },
        ],
        namedArrays: [{ name: 'user.arr', index: 3, value: 'x' }],
      },
      body: new Bytes()
        .u32(7) // MonitorID
        .u32(5000) // PeripheralID
        .u16(17) // PeripheralType
        .u16(1) // ConnectionDeviceIDType
        .u32(0x01000001) // ConnectionCallID
        .u16(0xffff) // LineHandle
        .u16(0xfffe) // LineType
        .u32(6001) // ServiceNumber
        .u32(6002) // ServiceID
        .u32(7001) // SkillGroupNumber
        .u32(7002) // SkillGroupID
        .u16(3) // SkillGroupPriority
        .u16(5) // AlertingDeviceType
        .u16(6) // CallingDeviceType
        .u16(8) // CalledDeviceType
        .u16(9) // LastRedirectDeviceType
        .u16(2) // LocalConnectionState (LCS_ALERTING)
        .u16(0xfffe) // EventCause
        .u16(2) // NumNamedVariables
        .u16(1) // NumNamedArrays — fixed body 54 bytes
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777217')) // ConnectionDeviceID
        .bytes(fstr(v, TAG.ALERTING_DEVID, '2001')) // AlertingDeviceID
        .bytes(fstr(v, TAG.CALLING_DEVID, '5551234')) // CallingDeviceID
        .bytes(fstr(v, TAG.CALLED_DEVID, '8005551000')) // CalledDeviceID
        .bytes(fstr(v, TAG.LAST_REDIRECT_DEVID, '7000')) // LastRedirectDeviceID
        .bytes(fu32(v, TAG.TRUNK_NUMBER, 11)) // TrunkNumber
        .bytes(fu32(v, TAG.TRUNK_GROUP_NUMBER, 12)) // TrunkGroupNumber
        .bytes(fu32(v, TAG.SECONDARY_CONNECTION_CALL_ID, 13)) // SecondaryConnectionCallID
        .bytes(fstr(v, TAG.ANI, '5551234')) // ANI
        .bytes(fstr(v, TAG.ANI_II, '0')) // ANI_II (STRING 2)
        .bytes(floating(v, TAG.UUI, new Bytes().raw('00ff10'))) // UserToUserInfo (UNSPEC)
        .bytes(fstr(v, TAG.DNIS, '8000')) // DNIS
        .bytes(fstr(v, TAG.DIALED_NUMBER, '8005551000')) // DialedNumber
        .bytes(fstr(v, TAG.CED, '42#')) // CallerEnteredDigits
        .bytes(callVars(v, { 1: 'cv1', 2: 'cv2', 10: 'x'.repeat(40) })) // CallVariable1, 2, 10 (40 chars + NUL = 41)
        .bytes(fstr(v, TAG.CALL_WRAPUP_DATA, 'wrap')) // CallWrapupData
        .bytes(namedVar(v, 'user.acct', '42')) // NamedVariable [0]
        .bytes(namedVar(v, 'user.empty', '')) // NamedVariable [1] (empty value = just NUL)
        .bytes(namedArr(v, 3, 'user.arr', 'x')), // NamedArray [0]
    }));

    golden('CALL_ESTABLISHED_EVENT', BOTH, T.CALL_ESTABLISHED_EVENT, (v) => ({
      msg: {
        messageType: 'CALL_ESTABLISHED_EVENT',
        monitorId: 7,
        peripheralId: 5000,
        peripheralType: 17,
        connectionDeviceIdType: 1,
        connectionCallId: 0x01000001,
        lineHandle: 1,
        lineType: 2,
        serviceNumber: 6001,
        serviceId: 6002,
        skillGroupNumber: 0xffffffff,
        skillGroupId: 7002,
        skillGroupPriority: 0,
        answeringDeviceType: 5,
        callingDeviceType: 6,
        calledDeviceType: 8,
        lastRedirectDeviceType: 9,
        localConnectionState: 3,
        eventCause: 0xffff,
        connectionDeviceId: '16777217',
        answeringDeviceId: '2001',
        callingDeviceId: '5551234',
        calledDeviceId: '8000',
        lastRedirectDeviceId: '7000',
        trunkNumber: 11,
        trunkGroupNumber: 12,
      },
      body: new Bytes()
        .u32(7) // MonitorID
        .u32(5000) // PeripheralID
        .u16(17) // PeripheralType
        .u16(1) // ConnectionDeviceIDType
        .u32(0x01000001) // ConnectionCallID
        .u16(1) // LineHandle
        .u16(2) // LineType
        .u32(6001) // ServiceNumber
        .u32(6002) // ServiceID
        .u32(0xffffffff) // SkillGroupNumber (NULL_SKILL_GROUP)
        .u32(7002) // SkillGroupID
        .u16(0) // SkillGroupPriority
        .u16(5) // AnsweringDeviceType
        .u16(6) // CallingDeviceType
        .u16(8) // CalledDeviceType
        .u16(9) // LastRedirectDeviceType
        .u16(3) // LocalConnectionState (LCS_CONNECT)
        .u16(0xffff) // EventCause (CEC_NONE) — fixed body 50 bytes
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777217')) // ConnectionDeviceID
        .bytes(fstr(v, TAG.ANSWERING_DEVID, '2001')) // AnsweringDeviceID
        .bytes(fstr(v, TAG.CALLING_DEVID, '5551234')) // CallingDeviceID
        .bytes(fstr(v, TAG.CALLED_DEVID, '8000')) // CalledDeviceID
        .bytes(fstr(v, TAG.LAST_REDIRECT_DEVID, '7000')) // LastRedirectDeviceID
        .bytes(fu32(v, TAG.TRUNK_NUMBER, 11)) // TrunkNumber
        .bytes(fu32(v, TAG.TRUNK_GROUP_NUMBER, 12)), // TrunkGroupNumber
    }));

    for (const [name, type, device, tag] of [
      ['CALL_HELD_EVENT', T.CALL_HELD_EVENT, 'holding', TAG.HOLDING_DEVID],
      ['CALL_RETRIEVED_EVENT', T.CALL_RETRIEVED_EVENT, 'retrieving', TAG.RETRIEVING_DEVID],
    ] as const) {
      golden(name, BOTH, type, (v) => ({
        msg: {
          messageType: name,
          monitorId: 7,
          peripheralId: 5000,
          peripheralType: 17,
          connectionDeviceIdType: 1,
          connectionCallId: 0x01000001,
          [`${device}DeviceType`]: 3,
          localConnectionState: 4,
          eventCause: 0xffff,
          connectionDeviceId: '16777217',
          [`${device}DeviceId`]: '2001',
        },
        body: new Bytes()
          .u32(7) // MonitorID
          .u32(5000) // PeripheralID
          .u16(17) // PeripheralType
          .u16(1) // ConnectionDeviceIDType
          .u32(0x01000001) // ConnectionCallID
          .u16(3) // HoldingDeviceType (11) / RetrievingDeviceType (12)
          .u16(4) // LocalConnectionState (LCS_HOLD)
          .u16(0xffff) // EventCause — fixed body 22 bytes
          .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777217')) // ConnectionDeviceID
          .bytes(fstr(v, tag, '2001')), // HoldingDeviceID (31) / RetrievingDeviceID (32)
      }));
    }

    golden('CALL_CLEARED_EVENT', BOTH, T.CALL_CLEARED_EVENT, (v) => ({
      msg: {
        messageType: 'CALL_CLEARED_EVENT',
        monitorId: 0,
        peripheralId: 5000,
        peripheralType: 17,
        connectionDeviceIdType: 1,
        connectionCallId: 0x01000001,
        localConnectionState: 0,
        eventCause: 0xffff,
        connectionDeviceId: '16777217',
      },
      body: new Bytes()
        .u32(0) // MonitorID (All Events)
        .u32(5000) // PeripheralID
        .u16(17) // PeripheralType
        .u16(1) // ConnectionDeviceIDType
        .u32(0x01000001) // ConnectionCallID
        .u16(0) // LocalConnectionState
        .u16(0xffff) // EventCause — fixed body 20 bytes
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777217')), // ConnectionDeviceID
    }));

    golden('CALL_CONNECTION_CLEARED_EVENT', BOTH, T.CALL_CONNECTION_CLEARED_EVENT, (v) => ({
      msg: {
        messageType: 'CALL_CONNECTION_CLEARED_EVENT',
        monitorId: 7,
        peripheralId: 5000,
        peripheralType: 17,
        connectionDeviceIdType: 1,
        connectionCallId: 0x01000001,
        releasingDeviceType: 3,
        localConnectionState: 0,
        eventCause: 28,
        connectionDeviceId: '16777217',
        releasingDeviceId: '2001',
      },
      body: new Bytes()
        .u32(7) // MonitorID
        .u32(5000) // PeripheralID
        .u16(17) // PeripheralType
        .u16(1) // ConnectionDeviceIDType
        .u32(0x01000001) // ConnectionCallID
        .u16(3) // ReleasingDeviceType
        .u16(0) // LocalConnectionState
        .u16(28) // EventCause (CEC_REDIRECTED) — fixed body 22 bytes
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777217')) // ConnectionDeviceID
        .bytes(fstr(v, TAG.RELEASING_DEVID, '2001')), // ReleasingDeviceID
    }));

    golden('CALL_ORIGINATED_EVENT', BOTH, T.CALL_ORIGINATED_EVENT, (v) => ({
      msg: {
        messageType: 'CALL_ORIGINATED_EVENT',
        monitorId: 7,
        peripheralId: 5000,
        peripheralType: 17,
        connectionDeviceIdType: 1,
        connectionCallId: 0x01000002,
        lineHandle: 1,
        lineType: 2,
        serviceNumber: 6001,
        serviceId: 6002,
        skillGroupNumber: 7001,
        skillGroupId: 7002,
        skillGroupPriority: 3,
        callingDeviceType: 5,
        calledDeviceType: 6,
        localConnectionState: 1,
        eventCause: 0xffff,
        connectionDeviceId: '16777218',
        callingDeviceId: '2001',
        calledDeviceId: '5551234',
      },
      body: new Bytes()
        .u32(7) // MonitorID
        .u32(5000) // PeripheralID
        .u16(17) // PeripheralType
        .u16(1) // ConnectionDeviceIDType
        .u32(0x01000002) // ConnectionCallID
        .u16(1) // LineHandle
        .u16(2) // LineType
        .u32(6001) // ServiceNumber
        .u32(6002) // ServiceID
        .u32(7001) // SkillGroupNumber
        .u32(7002) // SkillGroupID
        .u16(3) // SkillGroupPriority
        .u16(5) // CallingDeviceType
        .u16(6) // CalledDeviceType
        .u16(1) // LocalConnectionState
        .u16(0xffff) // EventCause — fixed body 46 bytes
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777218')) // ConnectionDeviceID
        .bytes(fstr(v, TAG.CALLING_DEVID, '2001')) // CallingDeviceID
        .bytes(fstr(v, TAG.CALLED_DEVID, '5551234')), // CalledDeviceID
    }));

    golden('CALL_FAILED_EVENT', BOTH, T.CALL_FAILED_EVENT, (v) => ({
      msg: {
        messageType: 'CALL_FAILED_EVENT',
        monitorId: 7,
        peripheralId: 5000,
        peripheralType: 17,
        connectionDeviceIdType: 1,
        connectionCallId: 0x01000002,
        failingDeviceType: 5,
        calledDeviceType: 6,
        localConnectionState: 6,
        eventCause: 13,
        connectionDeviceId: '16777218',
        failingDeviceId: '5551234',
        calledDeviceId: '5551234',
      },
      // Section 1.11: the 24-byte layout WITH MonitorID (PV25), used for every version.
      body: new Bytes()
        .u32(7) // MonitorID
        .u32(5000) // PeripheralID
        .u16(17) // PeripheralType
        .u16(1) // ConnectionDeviceIDType
        .u32(0x01000002) // ConnectionCallID
        .u16(5) // FailingDeviceType
        .u16(6) // CalledDeviceType
        .u16(6) // LocalConnectionState
        .u16(13) // EventCause — fixed body 24 bytes
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777218')) // ConnectionDeviceID
        .bytes(fstr(v, TAG.FAILING_DEVID, '5551234')) // FailingDeviceID
        .bytes(fstr(v, TAG.CALLED_DEVID, '5551234')), // CalledDeviceID
    }));

    for (const [name, type, first, firstTag, second, secondTag] of [
      [
        'CALL_CONFERENCED_EVENT',
        T.CALL_CONFERENCED_EVENT,
        'controller',
        TAG.CONTROLLER_DEVID,
        'addedParty',
        TAG.ADDED_PARTY_DEVID,
      ],
      [
        'CALL_TRANSFERRED_EVENT',
        T.CALL_TRANSFERRED_EVENT,
        'transferring',
        TAG.TRANSFERRING_DEVID,
        'transferred',
        TAG.TRANSFERRED_DEVID,
      ],
    ] as const) {
      golden(name, BOTH, type, (v) => ({
        msg: {
          messageType: name,
          monitorId: 7,
          peripheralId: 5000,
          peripheralType: 17,
          primaryDeviceIdType: 1,
          primaryCallId: 0x01000001,
          lineHandle: 1,
          lineType: 2,
          skillGroupNumber: 7001,
          skillGroupId: 7002,
          skillGroupPriority: 3,
          numParties: 2,
          secondaryDeviceIdType: 4,
          secondaryCallId: 0x01000002,
          [`${first}DeviceType`]: 5,
          [`${second}DeviceType`]: 6,
          localConnectionState: 3,
          eventCause: 0xffff,
          primaryDeviceId: '16777217',
          secondaryDeviceId: '16777218',
          [`${first}DeviceId`]: '2001',
          [`${second}DeviceId`]: '2002',
          connectedPartyCallId: [0x01000001, 0x01000001],
          connectedPartyDeviceIdType: [1, 0],
          connectedPartyDeviceId: ['2001', '2002'],
        },
        body: new Bytes()
          .u32(7) // MonitorID
          .u32(5000) // PeripheralID
          .u16(17) // PeripheralType
          .u16(1) // PrimaryDeviceIDType
          .u32(0x01000001) // PrimaryCallID
          .u16(1) // LineHandle
          .u16(2) // LineType
          .u32(7001) // SkillGroupNumber
          .u32(7002) // SkillGroupID
          .u16(3) // SkillGroupPriority
          .u16(2) // NumParties
          .u16(4) // SecondaryDeviceIDType
          .u32(0x01000002) // SecondaryCallID
          .u16(5) // ControllerDeviceType (17) / TransferringDeviceType (18)
          .u16(6) // AddedPartyDeviceType (17) / TransferredDeviceType (18)
          .u16(3) // LocalConnectionState
          .u16(0xffff) // EventCause — fixed body 46 bytes
          .bytes(fstr(v, TAG.PRIMARY_DEVID, '16777217')) // PrimaryDeviceID
          .bytes(fstr(v, TAG.SECONDARY_DEVID, '16777218')) // SecondaryDeviceID
          .bytes(fstr(v, firstTag, '2001')) // ControllerDeviceID / TransferringDeviceID
          .bytes(fstr(v, secondTag, '2002')) // AddedPartyDeviceID / TransferredDeviceID
          .bytes(fu32(v, TAG.PARTY_CALLID, 0x01000001)) // ConnectedPartyCallID [0]
          .bytes(fu16(v, TAG.PARTY_DEVID_TYPE, 1)) // ConnectedPartyDeviceIDType [0] (follows its CallID)
          .bytes(fstr(v, TAG.PARTY_DEVID, '2001')) // ConnectedPartyDeviceID [0] (follows its type)
          .bytes(fu32(v, TAG.PARTY_CALLID, 0x01000001)) // ConnectedPartyCallID [1]
          .bytes(fu16(v, TAG.PARTY_DEVID_TYPE, 0)) // ConnectedPartyDeviceIDType [1]
          .bytes(fstr(v, TAG.PARTY_DEVID, '2002')), // ConnectedPartyDeviceID [1]
      }));
    }

    golden('CALL_DIVERTED_EVENT', BOTH, T.CALL_DIVERTED_EVENT, (v) => ({
      msg: {
        messageType: 'CALL_DIVERTED_EVENT',
        monitorId: 7,
        peripheralId: 5000,
        peripheralType: 17,
        connectionDeviceIdType: 1,
        connectionCallId: 0x01000001,
        serviceNumber: 6001,
        serviceId: 6002,
        divertingDeviceType: 5,
        calledDeviceType: 6,
        localConnectionState: 0,
        eventCause: 0xffff,
        connectionDeviceId: '16777217',
        divertingDeviceId: '2001',
        calledDeviceId: '2002',
      },
      body: new Bytes()
        .u32(7) // MonitorID
        .u32(5000) // PeripheralID
        .u16(17) // PeripheralType
        .u16(1) // ConnectionDeviceIDType
        .u32(0x01000001) // ConnectionCallID
        .u32(6001) // ServiceNumber
        .u32(6002) // ServiceID
        .u16(5) // DivertingDeviceType
        .u16(6) // CalledDeviceType
        .u16(0) // LocalConnectionState
        .u16(0xffff) // EventCause — fixed body 32 bytes
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777217')) // ConnectionDeviceID
        .bytes(fstr(v, TAG.DIVERTING_DEVID, '2001')) // DivertingDeviceID
        .bytes(fstr(v, TAG.CALLED_DEVID, '2002')), // CalledDeviceID
    }));

    golden('CALL_SERVICE_INITIATED_EVENT', BOTH, T.CALL_SERVICE_INITIATED_EVENT, (v) => ({
      msg: {
        messageType: 'CALL_SERVICE_INITIATED_EVENT',
        monitorId: 7,
        peripheralId: 5000,
        peripheralType: 17,
        connectionDeviceIdType: 1,
        connectionCallId: 0x01000003,
        lineHandle: 1,
        lineType: 2,
        serviceNumber: 6001,
        serviceId: 6002,
        skillGroupNumber: 7001,
        skillGroupId: 7002,
        skillGroupPriority: 3,
        callingDeviceType: 5,
        localConnectionState: 1,
        eventCause: 0xffff,
        connectionDeviceId: '16777219',
        callingDeviceId: '2001',
        callReferenceId: Buffer.from('0123456789abcdef', 'hex'),
        cocConnectionCallId: 0x01000001,
        cocCallConnectionDeviceIdType: 1,
        cocCallConnectionDeviceId: '16777217',
      },
      body: new Bytes()
        .u32(7) // MonitorID
        .u32(5000) // PeripheralID
        .u16(17) // PeripheralType
        .u16(1) // ConnectionDeviceIDType
        .u32(0x01000003) // ConnectionCallID
        .u16(1) // LineHandle
        .u16(2) // LineType
        .u32(6001) // ServiceNumber
        .u32(6002) // ServiceID
        .u32(7001) // SkillGroupNumber
        .u32(7002) // SkillGroupID
        .u16(3) // SkillGroupPriority
        .u16(5) // CallingDeviceType
        .u16(1) // LocalConnectionState (LCS_INITIATE)
        .u16(0xffff) // EventCause — fixed body 44 bytes
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777219')) // ConnectionDeviceID
        .bytes(fstr(v, TAG.CALLING_DEVID, '2001')) // CallingDeviceID
        .bytes(floating(v, TAG.CALL_REFERENCE_ID, new Bytes().raw('0123456789abcdef'))) // CallReferenceID (UNSPEC 32)
        .bytes(fu32(v, TAG.COC_CONNECTION_CALL_ID, 0x01000001)) // COCConnectionCallID
        .bytes(fu16(v, TAG.COC_CONNECTION_DEVICE_ID_TYPE, 1)) // COCCallConnectionDeviceIDType
        .bytes(fstr(v, TAG.COC_CONNECTION_DEVICE_ID, '16777217')), // COCCallConnectionDeviceID
    }));

    golden('CALL_QUEUED_EVENT', BOTH, T.CALL_QUEUED_EVENT, (v) => ({
      msg: {
        messageType: 'CALL_QUEUED_EVENT',
        monitorId: 0,
        peripheralId: 5000,
        peripheralType: 17,
        connectionDeviceIdType: 1,
        connectionCallId: 0x01000001,
        serviceNumber: 6001,
        serviceId: 6002,
        queueDeviceType: 5,
        callingDeviceType: 6,
        calledDeviceType: 8,
        lastRedirectDeviceType: 9,
        numQueued: 4,
        numSkillGroups: 2,
        localConnectionState: 5,
        eventCause: 0xffff,
        connectionDeviceId: '16777217',
        queueDeviceId: 'Q1',
        callingDeviceId: '5551234',
        calledDeviceId: '8000',
        lastRedirectDeviceId: '7000',
        skillGroupNumber: [-1, 7001],
        skillGroupId: [7002, 7003],
        skillGroupPriority: [1, 2],
      },
      body: new Bytes()
        .u32(0) // MonitorID
        .u32(5000) // PeripheralID
        .u16(17) // PeripheralType
        .u16(1) // ConnectionDeviceIDType
        .u32(0x01000001) // ConnectionCallID
        .u32(6001) // ServiceNumber
        .u32(6002) // ServiceID
        .u16(5) // QueueDeviceType
        .u16(6) // CallingDeviceType
        .u16(8) // CalledDeviceType
        .u16(9) // LastRedirectDeviceType
        .u16(4) // NumQueued
        .u16(2) // NumSkillGroups
        .u16(5) // LocalConnectionState
        .u16(0xffff) // EventCause — fixed body 40 bytes
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777217')) // ConnectionDeviceID
        .bytes(fstr(v, TAG.QUEUE_DEVID, 'Q1')) // QueueDeviceID
        .bytes(fstr(v, TAG.CALLING_DEVID, '5551234')) // CallingDeviceID
        .bytes(fstr(v, TAG.CALLED_DEVID, '8000')) // CalledDeviceID
        .bytes(fstr(v, TAG.LAST_REDIRECT_DEVID, '7000')) // LastRedirectDeviceID
        .bytes(fi32(v, TAG.SKILL_GROUP_NUMBER, -1)) // SkillGroupNumber [0] (INT)
        .bytes(fu32(v, TAG.SKILL_GROUP_ID, 7002)) // SkillGroupID [0] (follows its Number)
        .bytes(fu16(v, TAG.SKILL_GROUP_PRIORITY, 1)) // SkillGroupPriority [0] (follows its ID)
        .bytes(fi32(v, TAG.SKILL_GROUP_NUMBER, 7001)) // SkillGroupNumber [1]
        .bytes(fu32(v, TAG.SKILL_GROUP_ID, 7003)) // SkillGroupID [1]
        .bytes(fu16(v, TAG.SKILL_GROUP_PRIORITY, 2)), // SkillGroupPriority [1]
    }));

    golden('CALL_TRANSLATION_ROUTE_EVENT', BOTH, T.CALL_TRANSLATION_ROUTE_EVENT, (v) => ({
      msg: {
        messageType: 'CALL_TRANSLATION_ROUTE_EVENT',
        numNamedVariables: 1,
        numNamedArrays: 0,
        ani: '5551234',
        userToUserInfo: Buffer.from('uui', 'latin1'),
        dnis: '9123',
        dialedNumber: '8005551000',
        callerEnteredDigits: '1',
        routerCallKeyDay: 150000,
        routerCallKeyCallId: 77,
        routerCallKeySequenceNumber: 1,
        ...callVarProps({ 3: 'three' }),
        namedVariables: [{ name: 'user.a', value: 'b' }],
      },
      body: new Bytes()
        .u16(1) // NumNamedVariables
        .u16(0) // NumNamedArrays — fixed body 4 bytes (no MonitorID / PeripheralID)
        .bytes(fstr(v, TAG.ANI, '5551234')) // ANI
        .bytes(floating(v, TAG.UUI, new Bytes().chars('uui'))) // UserToUserInfo
        .bytes(fstr(v, TAG.DNIS, '9123')) // DNIS (req: translation route label)
        .bytes(fstr(v, TAG.DIALED_NUMBER, '8005551000')) // DialedNumber
        .bytes(fstr(v, TAG.CED, '1')) // CallerEnteredDigits
        .bytes(fu32(v, TAG.ROUTER_CALL_KEY_DAY, 150000)) // RouterCallKeyDay
        .bytes(fu32(v, TAG.ROUTER_CALL_KEY_CALLID, 77)) // RouterCallKeyCallID
        .bytes(fu32(v, TAG.ROUTER_CALL_KEY_SEQUENCE_NUM, 1)) // RouterCallKeySequenceNumber
        .bytes(callVars(v, { 3: 'three' })) // CallVariable3
        .bytes(namedVar(v, 'user.a', 'b')), // NamedVariable
    }));

    golden('BEGIN_CALL_EVENT', BOTH, T.BEGIN_CALL_EVENT, (v) => ({
      msg: {
        messageType: 'BEGIN_CALL_EVENT',
        monitorId: 7,
        peripheralId: 5000,
        peripheralType: 17,
        numCtiClients: 2,
        numNamedVariables: 1,
        numNamedArrays: 2,
        callType: 1,
        connectionDeviceIdType: 0,
        connectionCallId: 0x01000001,
        calledPartyDisposition: 2,
        connectionDeviceId: '16777217',
        ani: '5551234',
        userToUserInfo: Buffer.alloc(0),
        dnis: '8000',
        dialedNumber: '8005551000',
        callerEnteredDigits: '',
        routerCallKeyDay: 150000,
        routerCallKeyCallId: 77,
        routerCallKeySequenceNumber: 2,
        ...callVarProps({ 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e', 6: 'f', 7: 'g', 8: 'h', 9: 'i', 10: 'j' }),
        callWrapupData: 'w',
        namedVariables: [{ name: 'user.acct', value: '42' }],
        namedArrays: [
          { name: 'user.arr', index: 0, value: 'first' },
          { name: 'user.arr', index: 3, value: 'x' },
        ],
        ctiClientSignature: ['clientA', 'clientB'],
        ctiClientTimestamp: [1700000001, 1700000002],
        callReferenceId: Buffer.from('c0ffee', 'hex'),
      },
      body: new Bytes()
        .u32(7) // MonitorID
        .u32(5000) // PeripheralID
        .u16(17) // PeripheralType
        .u16(2) // NumCTIClients
        .u16(1) // NumNamedVariables
        .u16(2) // NumNamedArrays
        .u16(1) // CallType
        .u16(0) // ConnectionDeviceIDType
        .u32(0x01000001) // ConnectionCallID
        .u16(2) // CalledPartyDisposition — fixed body 26 bytes
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777217')) // ConnectionDeviceID
        .bytes(fstr(v, TAG.ANI, '5551234')) // ANI
        .bytes(floating(v, TAG.UUI, new Bytes())) // UserToUserInfo (zero-length UNSPEC)
        .bytes(fstr(v, TAG.DNIS, '8000')) // DNIS
        .bytes(fstr(v, TAG.DIALED_NUMBER, '8005551000')) // DialedNumber
        .bytes(fstr(v, TAG.CED, '')) // CallerEnteredDigits (empty: just NUL)
        .bytes(fu32(v, TAG.ROUTER_CALL_KEY_DAY, 150000)) // RouterCallKeyDay
        .bytes(fu32(v, TAG.ROUTER_CALL_KEY_CALLID, 77)) // RouterCallKeyCallID
        .bytes(fu32(v, TAG.ROUTER_CALL_KEY_SEQUENCE_NUM, 2)) // RouterCallKeySequenceNumber
        .bytes(callVars(v, { 1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e', 6: 'f', 7: 'g', 8: 'h', 9: 'i', 10: 'j' })) // CallVariable1..10
        .bytes(fstr(v, TAG.CALL_WRAPUP_DATA, 'w')) // CallWrapupData
        .bytes(namedVar(v, 'user.acct', '42')) // NamedVariable
        .bytes(namedArr(v, 0, 'user.arr', 'first')) // NamedArray [0]
        .bytes(namedArr(v, 3, 'user.arr', 'x')) // NamedArray [1]
        .bytes(fstr(v, TAG.CTI_CLIENT_SIGNATURE, 'clientA')) // CTIClientSignature [0]
        .bytes(fu32(v, TAG.CTI_CLIENT_TIMESTAMP, 1700000001)) // CTIClientTimestamp [0] (follows its signature)
        .bytes(fstr(v, TAG.CTI_CLIENT_SIGNATURE, 'clientB')) // CTIClientSignature [1]
        .bytes(fu32(v, TAG.CTI_CLIENT_TIMESTAMP, 1700000002)) // CTIClientTimestamp [1]
        .bytes(floating(v, TAG.CALL_REFERENCE_ID, new Bytes().raw('c0ffee'))), // CallReferenceID
    }));

    golden('END_CALL_EVENT', BOTH, T.END_CALL_EVENT, (v) => ({
      msg: {
        messageType: 'END_CALL_EVENT',
        monitorId: 7,
        peripheralId: 5000,
        peripheralType: 17,
        connectionDeviceIdType: 1,
        connectionCallId: 0x01000001,
        connectionDeviceId: '16777217',
      },
      body: new Bytes()
        .u32(7) // MonitorID
        .u32(5000) // PeripheralID
        .u16(17) // PeripheralType
        .u16(1) // ConnectionDeviceIDType
        .u32(0x01000001) // ConnectionCallID — fixed body 16 bytes
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777217')), // ConnectionDeviceID
    }));

    golden('CALL_DATA_UPDATE_EVENT', BOTH, T.CALL_DATA_UPDATE_EVENT, (v) => ({
      msg: {
        messageType: 'CALL_DATA_UPDATE_EVENT',
        monitorId: 7,
        peripheralId: 5000,
        peripheralType: 17,
        numCtiClients: 1,
        numNamedVariables: 2,
        numNamedArrays: 0,
        callType: 1,
        connectionDeviceIdType: 1,
        connectionCallId: 0x01000001,
        newConnectionDeviceIdType: 0,
        newConnectionCallId: 0x01000009,
        calledPartyDisposition: 2,
        campaignId: 0,
        queryRuleId: 0x7fffffff,
        connectionDeviceId: '16777217',
        newConnectionDeviceId: '16777225',
        ani: '5551234',
        userToUserInfo: Buffer.from([1, 2, 3, 4]),
        dnis: '8000',
        dialedNumber: '8005551000',
        callerEnteredDigits: '9',
        routerCallKeyDay: 150000,
        routerCallKeyCallId: 77,
        routerCallKeySequenceNumber: 3,
        ...callVarProps({ 5: 'five' }),
        callWrapupData: 'wrapped',
        namedVariables: [
          { name: 'user.acct', value: '42' },
          { name: 'user.lang', value: 'de' },
        ],
        customerPhoneNumber: '5551234',
        customerAccountNumber: 'ACCT-1',
        ctiClientSignature: ['clientA'],
        ctiClientTimestamp: [1700000003],
        callReferenceId: Buffer.from('ab', 'hex'),
      },
      body: new Bytes()
        .u32(7) // MonitorID
        .u32(5000) // PeripheralID
        .u16(17) // PeripheralType
        .u16(1) // NumCTIClients
        .u16(2) // NumNamedVariables
        .u16(0) // NumNamedArrays
        .u16(1) // CallType
        .u16(1) // ConnectionDeviceIDType
        .u32(0x01000001) // ConnectionCallID
        .u16(0) // NewConnectionDeviceIDType
        .u32(0x01000009) // NewConnectionCallID
        .u16(2) // CalledPartyDisposition
        .u32(0) // CampaignID
        .u32(0x7fffffff) // QueryRuleID — fixed body 40 bytes
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777217')) // ConnectionDeviceID
        .bytes(fstr(v, TAG.NEW_CONNECTION_DEVID, '16777225')) // NewConnectionDeviceID
        .bytes(fstr(v, TAG.ANI, '5551234')) // ANI
        .bytes(floating(v, TAG.UUI, new Bytes().raw('01020304'))) // UserToUserInfo
        .bytes(fstr(v, TAG.DNIS, '8000')) // DNIS
        .bytes(fstr(v, TAG.DIALED_NUMBER, '8005551000')) // DialedNumber
        .bytes(fstr(v, TAG.CED, '9')) // CallerEnteredDigits
        .bytes(fu32(v, TAG.ROUTER_CALL_KEY_DAY, 150000)) // RouterCallKeyDay
        .bytes(fu32(v, TAG.ROUTER_CALL_KEY_CALLID, 77)) // RouterCallKeyCallID
        .bytes(fu32(v, TAG.ROUTER_CALL_KEY_SEQUENCE_NUM, 3)) // RouterCallKeySequenceNumber
        .bytes(callVars(v, { 5: 'five' })) // CallVariable5
        .bytes(fstr(v, TAG.CALL_WRAPUP_DATA, 'wrapped')) // CallWrapupData
        .bytes(namedVar(v, 'user.acct', '42')) // NamedVariable [0]
        .bytes(namedVar(v, 'user.lang', 'de')) // NamedVariable [1]
        .bytes(fstr(v, TAG.CUSTOMER_PHONE_NUMBER, '5551234')) // CustomerPhoneNumber
        .bytes(fstr(v, TAG.CUSTOMER_ACCOUNT_NUMBER, 'ACCT-1')) // CustomerAccountNumber
        .bytes(fstr(v, TAG.CTI_CLIENT_SIGNATURE, 'clientA')) // CTIClientSignature
        .bytes(fu32(v, TAG.CTI_CLIENT_TIMESTAMP, 1700000003)) // CTIClientTimestamp
        .bytes(floating(v, TAG.CALL_REFERENCE_ID, new Bytes().raw('ab'))), // CallReferenceID
    }));
  });

  // ---------------------------------------------------------------------------------------------------------
  describe('Part 2 §2 — AGENT_STATE_EVENT (DepartmentID PV19, Direction PV16, MaxBeyondTaskLimit PV22)', () => {
    golden('AGENT_STATE_EVENT', [15, 19, 24], T.AGENT_STATE_EVENT, (v) => {
      const msg: CtiMessage = {
        messageType: 'AGENT_STATE_EVENT',
        monitorId: 7,
        peripheralId: 5000,
        sessionId: 99,
        peripheralType: 17,
        skillGroupState: 3,
        stateDuration: 0,
        skillGroupNumber: 7001,
        skillGroupId: 7002,
        skillGroupPriority: 1,
        agentState: 4,
        eventReasonCode: 0,
        mrdid: -1,
        numTasks: 1,
        agentMode: 1,
        maxTaskLimit: 1,
        icmAgentId: 5005,
        agentAvailabilityStatus: 2,
        numFltSkillGroups: 2,
      };
      const body = new Bytes()
        .u32(7) // MonitorID
        .u32(5000) // PeripheralID
        .u32(99) // SessionID
        .u16(17) // PeripheralType
        .u16(3) // SkillGroupState
        .u32(0) // StateDuration
        .u32(7001) // SkillGroupNumber (UINT; guide's "USINT")
        .u32(7002) // SkillGroupID
        .u16(1) // SkillGroupPriority
        .u16(4) // AgentState (TALKING)
        .u16(0) // EventReasonCode
        .i32(-1) // MRDID (INT)
        .u32(1) // NumTasks
        .u16(1) // AgentMode (ROUTABLE)
        .u32(1) // MaxTaskLimit
        .i32(5005) // ICMAgentID (INT)
        .u32(2) // AgentAvailabilityStatus
        .u16(2); // NumFltSkillGroups — 58 bytes
      if (v >= 19) {
        msg.departmentId = 12;
        body.i32(12); // DepartmentID (INT, PV19+) — fixed body 62 bytes
      }
      assert.equal(body.length, v < 19 ? 58 : 62);
      Object.assign(msg, {
        ctiClientSignature: 'nodered',
        agentId: '1001',
        agentExtension: '2001',
      });
      body
        .bytes(fstr(v, TAG.CLIENT_SIGNATURE, 'nodered')) // CTIClientSignature (CLIENT_SIGNATURE_TAG 3 here)
        .bytes(fstr(v, TAG.AGENT_ID, '1001')) // AgentID
        .bytes(fstr(v, TAG.AGENT_EXTENSION, '2001')); // AgentExtension
      if (v >= 20) {
        // ActiveTerminal: FLT_TERM_DEVICE_NAME 303 (section 8, Unsure) — only expressible with 2-byte tags.
        msg.activeTerminal = 'SEP0001';
        body.bytes(fstr(v, TAG.FLT_TERM_DEVICE_NAME, 'SEP0001')); // ActiveTerminal
      }
      Object.assign(msg, { agentInstrument: '2001', duration: 30, nextAgentState: 6 });
      body
        .bytes(fstr(v, TAG.AGENT_INSTRUMENT, '2001')) // AgentInstrument
        .bytes(fu32(v, TAG.DURATION, 30)) // Duration (UINT)
        .bytes(fu16(v, TAG.EXT_AGENT_STATE, 6)); // NextAgentState (USHORT, tag 123)
      if (v >= 16) {
        msg.direction = 1;
        body.bytes(fu32(v, TAG.DIRECTION, 1)); // Direction (UINT, PV16+)
      }
      Object.assign(msg, {
        fltSkillGroupNumber: [7001, -5],
        fltSkillGroupId: [7002, 7004],
        fltSkillGroupPriority: [1, 2],
        fltSkillGroupState: [4, 3],
      });
      body
        .bytes(fi32(v, TAG.SKILL_GROUP_NUMBER, 7001)) // FltSkillGroupNumber [0] (INT)
        .bytes(fu32(v, TAG.SKILL_GROUP_ID, 7002)) // FltSkillGroupID [0]
        .bytes(fu16(v, TAG.SKILL_GROUP_PRIORITY, 1)) // FltSkillGroupPriority [0]
        .bytes(fu16(v, TAG.SKILL_GROUP_STATE, 4)) // FltSkillGroupState [0]
        .bytes(fi32(v, TAG.SKILL_GROUP_NUMBER, -5)) // FltSkillGroupNumber [1]
        .bytes(fu32(v, TAG.SKILL_GROUP_ID, 7004)) // FltSkillGroupID [1]
        .bytes(fu16(v, TAG.SKILL_GROUP_PRIORITY, 2)) // FltSkillGroupPriority [1]
        .bytes(fu16(v, TAG.SKILL_GROUP_STATE, 3)); // FltSkillGroupState [1]
      if (v >= 22) {
        msg.maxBeyondTaskLimit = 2;
        body.bytes(fu32(v, TAG.MAX_BEYOND_TASK_LIMIT, 2)); // MaxBeyondTaskLimit (PV22+)
      }
      return { msg, body };
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe('Part 2 §4 — call data update', () => {
    golden('SET_CALL_DATA_REQ', BOTH, T.SET_CALL_DATA_REQ, (v) => ({
      msg: {
        messageType: 'SET_CALL_DATA_REQ',
        invokeId: 5,
        peripheralId: 5000,
        connectionDeviceIdType: 1,
        connectionCallId: 0x01000001,
        numNamedVariables: 1,
        numNamedArrays: 1,
        callType: 0,
        calledPartyDisposition: 0,
        campaignId: 11,
        queryRuleId: 12,
        connectionDeviceId: '16777217',
        ani: '5551234',
        userToUserInfo: Buffer.from([9]),
        callerEnteredDigits: '7',
        ...callVarProps({ 3: 'c'.repeat(40), 4: '' }),
        callWrapupData: 'done',
        namedVariables: [{ name: 'user.acct', value: '42' }],
        namedArrays: [{ name: 'user.arr', index: 3, value: 'x' }],
        customerPhoneNumber: '5551234',
        customerAccountNumber: 'A1',
        routerCallKeyDay: 150000,
        routerCallKeyCallId: 78,
        routerCallKeySequenceNumber: 0,
        callOriginatedFrom: 0x44,
      },
      body: new Bytes()
        .u32(5) // InvokeID
        .u32(5000) // PeripheralID
        .u16(1) // ConnectionDeviceIDType
        .u32(0x01000001) // ConnectionCallID
        .u16(1) // NumNamedVariables
        .u16(1) // NumNamedArrays
        .u16(0) // CallType
        .u16(0) // CalledPartyDisposition
        .u32(11) // CampaignID
        .u32(12) // QueryRuleID — fixed body 30 bytes
        .bytes(fstr(v, TAG.CONNECTION_DEVID, '16777217')) // ConnectionDeviceID
        .bytes(fstr(v, TAG.ANI, '5551234')) // ANI
        .bytes(floating(v, TAG.UUI, new Bytes().u8(9))) // UserToUserInfo
        .bytes(fstr(v, TAG.CED, '7')) // CallerEnteredDigits
        .bytes(callVars(v, { 3: 'c'.repeat(40), 4: '' })) // CallVariable3 (40 chars, the limit), CallVariable4 (empty)
        .bytes(fstr(v, TAG.CALL_WRAPUP_DATA, 'done')) // CallWrapupData
        .bytes(namedVar(v, 'user.acct', '42')) // NamedVariable
        .bytes(namedArr(v, 3, 'user.arr', 'x')) // NamedArray
        .bytes(fstr(v, TAG.CUSTOMER_PHONE_NUMBER, '5551234')) // CustomerPhoneNumber
        .bytes(fstr(v, TAG.CUSTOMER_ACCOUNT_NUMBER, 'A1')) // CustomerAccountNumber
        .bytes(fu32(v, TAG.ROUTER_CALL_KEY_DAY, 150000)) // RouterCallKeyDay
        .bytes(fu32(v, TAG.ROUTER_CALL_KEY_CALLID, 78)) // RouterCallKeyCallID
        .bytes(fu32(v, TAG.ROUTER_CALL_KEY_SEQUENCE_NUM, 0)) // RouterCallKeySequenceNumber
        .bytes(floating(v, TAG.CALL_ORIGINATED_FROM, new Bytes().u8(0x44))), // CallOriginatedFrom (UCHAR 'D')
    }));

    golden('SET_CALL_DATA_CONF', BOTH, T.SET_CALL_DATA_CONF, () => ({
      msg: { messageType: 'SET_CALL_DATA_CONF', invokeId: 5 },
      body: new Bytes().u32(5), // InvokeID
    }));
  });

  // ---------------------------------------------------------------------------------------------------------
  describe('Part 2 §5 — CONTROL_FAILURE_CONF', () => {
    golden('CONTROL_FAILURE_CONF', BOTH, T.CONTROL_FAILURE_CONF, () => ({
      msg: { messageType: 'CONTROL_FAILURE_CONF', invokeId: 77, failureCode: 70, peripheralErrorCode: 0x80000001 },
      body: new Bytes()
        .u32(77) // InvokeID
        .u16(70) // FailureCode (GENERIC_UNSPECIFIED_REJECTION)
        .u32(0x80000001), // PeripheralErrorCode — fixed body 10 bytes
    }));
  });

  // ---------------------------------------------------------------------------------------------------------
  describe('Part 2 §6 — NAMEDVAR / NAMEDARRAY examples', () => {
    /** A SET_CALL_DATA_REQ carrying only the ECC fields, so the bytes after the fixed part are the examples. */
    function withEcc(v: number, ecc: Bytes, nv: number, na: number): Buffer {
      const body = new Bytes()
        .u32(1) // InvokeID
        .u32(2) // PeripheralID
        .u16(0) // ConnectionDeviceIDType
        .u32(3) // ConnectionCallID
        .u16(nv) // NumNamedVariables
        .u16(na) // NumNamedArrays
        .u16(0) // CallType
        .u16(0) // CalledPartyDisposition
        .u32(0) // CampaignID
        .u32(0) // QueryRuleID
        .bytes(fstr(v, TAG.CONNECTION_DEVID, 'c')) // ConnectionDeviceID
        .bytes(ecc);
      return frame(T.SET_CALL_DATA_REQ, body);
    }
    const base = {
      messageType: 'SET_CALL_DATA_REQ',
      invokeId: 1,
      peripheralId: 2,
      connectionDeviceIdType: 0,
      connectionCallId: 3,
      callType: 0,
      calledPartyDisposition: 0,
      campaignId: 0,
      queryRuleId: 0,
      connectionDeviceId: 'c',
    };

    it('PV20+: user.acct="42" → 00 52 | 00 0D | "user.acct\\0" "42\\0"', () => {
      const bytes = withEcc(24, new Bytes().raw('00 52 00 0D').chars('user.acct\0').chars('42\0'), 1, 0);
      const msg = {
        ...base,
        numNamedVariables: 1,
        numNamedArrays: 0,
        namedVariables: [{ name: 'user.acct', value: '42' }],
      };
      assert.equal(encodeMessage(msg, 24).toString('hex'), bytes.toString('hex'));
      assert.deepStrictEqual(decodeMessage(bytes, 24), msg);
    });

    it('PV20+: user.arr[3]="x" → 00 53 | 00 0C | 03 | "user.arr\\0" "x\\0"', () => {
      const bytes = withEcc(24, new Bytes().raw('00 53 00 0C 03').chars('user.arr\0').chars('x\0'), 0, 1);
      const msg = {
        ...base,
        numNamedVariables: 0,
        numNamedArrays: 1,
        namedArrays: [{ name: 'user.arr', index: 3, value: 'x' }],
      };
      assert.equal(encodeMessage(msg, 24).toString('hex'), bytes.toString('hex'));
      assert.deepStrictEqual(decodeMessage(bytes, 24), msg);
    });

    it('PV<20: 82,14,"ECCVar\\0ECCVal\\0" and 83,18,1,"ECCArr\\0ECCArrVal\\0" (section 9)', () => {
      const ecc = new Bytes().raw('52 0E').chars('ECCVar\0ECCVal\0').raw('53 12 01').chars('ECCArr\0ECCArrVal\0');
      const bytes = withEcc(15, ecc, 1, 1);
      const msg = {
        ...base,
        numNamedVariables: 1,
        numNamedArrays: 1,
        namedVariables: [{ name: 'ECCVar', value: 'ECCVal' }],
        namedArrays: [{ name: 'ECCArr', index: 1, value: 'ECCArrVal' }],
      };
      assert.equal(encodeMessage(msg, 15).toString('hex'), bytes.toString('hex'));
      assert.deepStrictEqual(decodeMessage(bytes, 15), msg);
    });

    it('tag/length width switches exactly at version 20', () => {
      const msg = {
        ...base,
        numNamedVariables: 1,
        numNamedArrays: 0,
        namedVariables: [{ name: 'user.acct', value: '42' }],
      };
      const nv19 = new Bytes().raw('52 0D').chars('user.acct\0').chars('42\0');
      const nv20 = new Bytes().raw('00 52 00 0D').chars('user.acct\0').chars('42\0');
      assert.equal(encodeMessage(msg, 19).toString('hex'), withEcc(19, nv19, 1, 0).toString('hex'));
      assert.equal(encodeMessage(msg, 20).toString('hex'), withEcc(20, nv20, 1, 0).toString('hex'));
    });
  });
});
