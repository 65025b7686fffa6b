import assert from 'assert/strict';
import {
  AGENT_STATE_MASK_VALID_BITS,
  AgentState,
  AgentStateMask,
  CALL_MSG_MASK_VALID_BITS,
  CallEventMask,
  CallType,
  ConnectionDeviceIdType,
  ControlFailureCode,
  DeviceIdType,
  EventCause,
  LocalConnectionState,
  MAX_MESSAGE_LENGTH,
  NULL_CALL_ID,
  NULL_CALLTYPE,
  PeripheralType,
  PgStatus,
  SERVICE_MASK_VALID_BITS,
  ServiceMask,
  SpecialValue,
  StatusCode,
  SystemEventId,
  TaskState,
} from '../../lib/protocol/constants';
import { FIELD_ENUMS, fromEnumNames, withEnumNames } from '../../lib/protocol/field-enums';
import { MESSAGE_TYPES } from '../../lib/protocol/message-types';
import { fieldKey } from '../../lib/protocol/naming';
import { TAG_BY_NUMBER, TAGS } from '../../lib/protocol/tags';

// Expected values are copied from the guide's tables by hand, so a slip in the generated files shows up here.

describe('protocol constants', () => {
  it('status codes match the guide', () => {
    assert.equal(StatusCode.byName.E_CTI_NO_ERROR, 0);
    assert.equal(StatusCode.byName.E_CTI_INVALID_VERSION, 1);
    assert.equal(StatusCode.byName.E_CTI_INVALID_SERVICE_MASK, 19);
    assert.equal(StatusCode.byName.E_CTI_INVALID_PASSWORD, 36);
    assert.equal(StatusCode.byName.E_CTI_SERVER_NOT_MASTER, 92);
    assert.equal(StatusCode.byName.E_INVALID_CONFIG_MSG_MASK, 95);
    assert.equal(StatusCode.byName.E_CTI_SERVER_IN_MAINTENANCE_MODE, 110);
    assert.equal(StatusCode.nameOf(15), 'E_CTI_CTI_SERVER_OFFLINE');
    assert.equal(StatusCode.nameOf(100), undefined);
  });

  it('call, agent and device enumerations match the guide', () => {
    assert.equal(LocalConnectionState.byName.LCS_ALERTING, 2);
    assert.equal(LocalConnectionState.byName.LCS_CONNECT, 3);
    assert.equal(LocalConnectionState.byName.LCS_NONE, 0xffff);
    assert.equal(EventCause.byName.CEC_NEW_CALL, 22);
    assert.equal(EventCause.byName.CEC_REDIRECTED, 28);
    assert.equal(EventCause.byName.CEC_NONE, 0xffff);
    assert.equal(EventCause.byName.CECX_ABAND_NETWORK, 1001);
    assert.equal(EventCause.nameOf(1056), 'CECX_NETWORK_CONFERENCE');
    assert.equal(EventCause.byName.CECX_APPL_INVALID_DIALOGUE_ID, 1046);
    assert.equal(AgentState.byName.AGENT_STATE_AVAILABLE, 3);
    assert.equal(AgentState.byName.AGENT_STATE_NOT_ACTIVE, 14);
    assert.equal(DeviceIdType.byName.DEVID_TRUNK_IDENTIFIER, 70);
    assert.equal(DeviceIdType.byName.DEVID_SHARED_DEVICE_IDENTIFIER, 79);
    assert.equal(ConnectionDeviceIdType.byName.CONNECTION_ID_DYNAMIC, 1);
    assert.equal(PeripheralType.byName.PT_ENTERPRISE_AGENT, 17);
    assert.equal(SystemEventId.byName.SYS_TEXT_FYI, 5);
    assert.equal(CallType.nameOf(27), 'RESERVATION_PREVIEW');
    assert.equal(CallType.byName.CALLTYPE_NON_ACD, 38);
    assert.equal(ControlFailureCode.byName.CF_GENERIC_UNSPECIFIED_REJECTION, 70);
    assert.equal(ControlFailureCode.byName.CF_INVALID_AGENT_ID_SPECIFIED, 256);
    assert.equal(ControlFailureCode.byName.CF_AGENT_GREETING_CONTROL_OPERATION_FAILURE, 1016);
    assert.equal(TaskState.nameOf(5), 'TASK_STATE_INTERRUPTED');
    assert.equal(TaskState.valueOf('ASK_STATE_INTERRUPTED'), 5);
  });

  it('special values and limits', () => {
    assert.equal(NULL_CALL_ID, 0xffffffff);
    assert.equal(NULL_CALLTYPE, 0xffff);
    assert.equal(SpecialValue.byName.MAX_NUM_SKILL_GROUPS, 20);
    assert.equal(MAX_MESSAGE_LENGTH, 12500);
  });

  it('nameOf and valueOf are inverse', () => {
    for (const e of [StatusCode, EventCause, LocalConnectionState, AgentState, ControlFailureCode]) {
      for (const [name, value] of Object.entries(e.byName)) {
        assert.equal(e.valueOf(name), value);
        assert.equal(e.valueOf(e.nameOf(value) as string), value);
      }
    }
    assert.equal(StatusCode.valueOf('E_CTI_NOT_A_CODE'), undefined);
    assert.equal(StatusCode.valueOf('toString'), undefined);
  });
});

describe('protocol masks', () => {
  it('service mask bits match the guide', () => {
    assert.equal(ServiceMask.byName.CTI_SERVICE_CLIENT_EVENTS, 0x1);
    assert.equal(ServiceMask.byName.CTI_SERVICE_ALL_EVENTS, 0x10);
    assert.equal(ServiceMask.byName.CTI_AGENT_STATE_CONTROL_ONLY, 0x2000);
    assert.equal(ServiceMask.byName.CTI_SERVICE_ACTIVE_STANDBY, 0x02000000);
    assert.equal(ServiceMask.byName.CTI_SERVICE_DEBUG, 0x80000000);
  });

  it('valid-bit sets leave out the unused bits', () => {
    assert.equal(SERVICE_MASK_VALID_BITS & 0x4000, 0, 'bit printed "Unused"');
    assert.equal(SERVICE_MASK_VALID_BITS & 0x200, 0);
    assert.equal(SERVICE_MASK_VALID_BITS & 0x10000, 0);
    assert.equal(SERVICE_MASK_VALID_BITS, 0x8278bdff);
    assert.equal(CALL_MSG_MASK_VALID_BITS, 0xffffffff);
    assert.equal(AGENT_STATE_MASK_VALID_BITS, 0x3fff);
  });

  it('maskOf and namesOf round trip', () => {
    const names = ['CTI_SERVICE_CLIENT_EVENTS', 'CTI_SERVICE_CLIENT_CONTROL', 'CTI_SERVICE_DEBUG'];
    const mask = ServiceMask.maskOf(names);
    assert.equal(mask, 0x80000005);
    assert.deepEqual(ServiceMask.namesOf(mask), names);
    assert.deepEqual(CallEventMask.namesOf(0x2001), ['CALL_DELIVERED_MASK', 'BEGIN_CALL_MASK']);
    assert.equal(AgentStateMask.maskOf(['AGENT_LOGIN_MASK', 'AGENT_NOT_ACTIVE_MASK']), 0x2001);
    assert.deepEqual(PgStatus.namesOf(0x3), ['PGS_OPC_DOWN', 'PGS_CC_DOWN']);
    assert.deepEqual(ServiceMask.namesOf(0x4000), [], 'an unnamed bit has no name');
    assert.throws(() => ServiceMask.maskOf(['CTI_SERVICE_NOPE']), RangeError);
  });
});

describe('field enumerations', () => {
  it('keys are the codec property names of the guide fields', () => {
    const guideNames = [
      'Status',
      'EventCause',
      'LocalConnectionState',
      'AgentState',
      'ConnectionDeviceIDType',
      'NewConnectionDeviceIDType',
      'ConnectedPartyDeviceIDType',
      'COCCallConnectionDeviceIDType',
      'AlertingDeviceType',
      'LastRedirectDeviceType',
      'CallType',
      'PeripheralType',
      'SystemEventID',
      'FailureCode',
      'LineType',
      'FltSkillGroupState',
      'RequestingDeviceIDType',
    ];
    for (const n of guideNames) assert.ok(fieldKey(n) in FIELD_ENUMS, `${n} -> ${fieldKey(n)}`);
  });

  it('withEnumNames names known values and leaves the rest', () => {
    const msg = {
      messageType: 'CALL_DELIVERED_EVENT',
      peripheralType: 17,
      connectionDeviceIdType: 0,
      localConnectionState: 2,
      eventCause: 0xffff,
      alertingDeviceType: 1234,
      connectedPartyDeviceIdType: [0, 1, 7],
      servicesGranted: 0x15,
      connectionDeviceId: '4711',
    };
    const named = withEnumNames(msg);
    assert.deepEqual(named, {
      messageType: 'CALL_DELIVERED_EVENT',
      peripheralType: 'PT_ENTERPRISE_AGENT',
      connectionDeviceIdType: 'CONNECTION_ID_STATIC',
      localConnectionState: 'LCS_ALERTING',
      eventCause: 'CEC_NONE',
      alertingDeviceType: 1234,
      connectedPartyDeviceIdType: ['CONNECTION_ID_STATIC', 'CONNECTION_ID_DYNAMIC', 7],
      servicesGranted: 0x15,
      connectionDeviceId: '4711',
    });
    assert.equal(msg.localConnectionState, 2, 'input is not changed');
    assert.deepEqual(fromEnumNames(named), msg);
  });

  it('fromEnumNames rejects an unknown name with the field in the message', () => {
    assert.throws(
      () => fromEnumNames({ messageType: 'FAILURE_CONF', invokeId: 1, status: 'E_CTI_BOGUS' }),
      (err: unknown) => err instanceof RangeError && /status/.test(err.message) && /E_CTI_BOGUS/.test(err.message),
    );
    assert.deepEqual(fromEnumNames({ messageType: 'FAILURE_CONF', invokeId: 1, status: 'E_CTI_INVALID_PASSWORD' }), {
      messageType: 'FAILURE_CONF',
      invokeId: 1,
      status: 36,
    });
  });
});

describe('message type and tag tables', () => {
  it('MESSAGE_TYPES has unique ids and names, with the guide names for 1..27', () => {
    const ids = MESSAGE_TYPES.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(new Set(MESSAGE_TYPES.map((m) => m.name)).size, ids.length);
    const expected = [
      'FAILURE_CONF',
      'FAILURE_EVENT',
      'OPEN_REQ',
      'OPEN_CONF',
      'HEARTBEAT_REQ',
      'HEARTBEAT_CONF',
      'CLOSE_REQ',
      'CLOSE_CONF',
      'CALL_DELIVERED_EVENT',
      'CALL_ESTABLISHED_EVENT',
      'CALL_HELD_EVENT',
      'CALL_RETRIEVED_EVENT',
      'CALL_CLEARED_EVENT',
      'CALL_CONNECTION_CLEARED_EVENT',
      'CALL_ORIGINATED_EVENT',
      'CALL_FAILED_EVENT',
      'CALL_CONFERENCED_EVENT',
      'CALL_TRANSFERRED_EVENT',
      'CALL_DIVERTED_EVENT',
      'CALL_SERVICE_INITIATED_EVENT',
      'CALL_QUEUED_EVENT',
      'CALL_TRANSLATION_ROUTE_EVENT',
      'BEGIN_CALL_EVENT',
      'END_CALL_EVENT',
      'CALL_DATA_UPDATE_EVENT',
      'SET_CALL_DATA_REQ',
      'SET_CALL_DATA_CONF',
    ];
    const byId = new Map(MESSAGE_TYPES.map((m) => [m.id, m.name]));
    expected.forEach((name, i) => assert.equal(byId.get(i + 1), name, `type ${i + 1}`));
    assert.equal(byId.get(86), 'CALL_DEQUEUED_EVENT');
    assert.equal(byId.get(248), 'CALL_AGENT_GREETING_EVENT');
    assert.equal(byId.get(282), 'CONFIG_AGENT_SERVICE_EVENT');
    assert.equal(byId.get(66), undefined, 'reserved');
    assert.equal(MESSAGE_TYPES.length, 239);
  });

  it('TAGS has unique tag numbers and the layout types', () => {
    assert.equal(new Set(TAGS.map((t) => t.tag)).size, TAGS.length);
    assert.equal(TAG_BY_NUMBER.size, TAGS.length);
    assert.deepEqual(TAG_BY_NUMBER.get(25), { tag: 25, name: 'CONNECTION_DEVID_TAG', type: 'STRING', max: 64 });
    assert.deepEqual(TAG_BY_NUMBER.get(13), { tag: 13, name: 'CALL_VAR_1_TAG', type: 'STRING', max: 41 });
    assert.deepEqual(TAG_BY_NUMBER.get(22), { tag: 22, name: 'CALL_VAR_10_TAG', type: 'STRING', max: 41 });
    assert.deepEqual(TAG_BY_NUMBER.get(82), { tag: 82, name: 'NAMED_VARIABLE_TAG', type: 'NAMEDVAR', max: 251 });
    assert.deepEqual(TAG_BY_NUMBER.get(9), { tag: 9, name: 'UUI_TAG', type: 'UNSPEC', max: 131 });
    assert.equal(TAG_BY_NUMBER.get(110)?.name, 'ROUTER_CALL_KEY_SEQUENCE_NUM_TAG');
    assert.equal(TAG_BY_NUMBER.get(313)?.name, 'MEDIA_PROVIDER_TAG');
    assert.equal(TAG_BY_NUMBER.get(54), undefined, 'reserved');
    for (const t of TAGS) assert.ok(t.max > 0 && t.max <= 255, `${t.name} max ${t.max}`);
  });
});
