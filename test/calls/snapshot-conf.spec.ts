/**
 * What a new HA owner rebuilds from (nodes/lib/server/rebuild.ts): SNAPSHOT_CALL_CONF and QUERY_AGENT_STATE_CONF
 * fed to the trackers with the requests they answer, as the session feeds every CONF. The call the snapshot names
 * is created with its context, agent and state, and the call's later events join the same record.
 */
import assert from 'node:assert/strict';
import { Tracking } from '../../lib/calls';
import type { CtiMessage } from '../../lib/protocol';
import { DEV, endCall, wire } from './tracker-messages';

const queryReq: CtiMessage = {
  messageType: 'QUERY_AGENT_STATE_REQ',
  invokeId: 1,
  peripheralId: 5000,
  mrdid: 1,
  icmAgentId: 0,
  agentId: '1001',
};
const queryConf: CtiMessage = {
  messageType: 'QUERY_AGENT_STATE_CONF',
  invokeId: 1,
  agentState: 4, // AGENT_STATE_TALKING
  mrdid: 1,
  numTasks: 1,
  agentMode: 1,
  maxTaskLimit: 1,
  icmAgentId: 7,
  agentAvailabilityStatus: 0,
  departmentId: 0,
  agentId: '1001',
  agentExtension: 'x1001',
  agentInstrument: 'x1001',
};
const snapReq: CtiMessage = {
  messageType: 'SNAPSHOT_CALL_REQ',
  invokeId: 2,
  peripheralId: 5000,
  connectionCallId: 77,
  connectionDeviceIdType: DEV,
  connectionDeviceId: 'c77',
};
const snapConf: CtiMessage = {
  messageType: 'SNAPSHOT_CALL_CONF',
  invokeId: 2,
  callType: 1,
  calledPartyDisposition: 0,
  ani: '02079460000',
  dnis: '8000',
  callVariable1: 'acct-9',
  namedVariables: [],
  namedArrays: [],
  ctiClientSignature: [],
  ctiClientTimestamp: [],
  callConnectionCallId: [77],
  callConnectionDeviceIdType: [DEV],
  callConnectionDeviceId: ['c77'],
  callDeviceType: [0],
  callDeviceId: ['x1001'],
  callDeviceConnectionState: [3], // LCS_CONNECT
};

describe('trackers fed the CONFs of a rebuild', () => {
  it('learn the agent from QUERY_AGENT_STATE_CONF and the call from SNAPSHOT_CALL_CONF; later events join it', () => {
    const t = new Tracking();
    t.feed(wire(queryConf), queryReq);
    const agent = t.agents.get('x1001');
    assert.equal(agent?.agentId, '1001');
    assert.equal(agent?.peripheralId, 5000);

    const call = t.feed(wire(snapConf), snapReq);
    assert.ok(call, 'the snapshot makes a call');
    assert.equal(call.ani, '02079460000');
    assert.equal(call.dnis, '8000');
    assert.equal(call.callVariables[1], 'acct-9');
    assert.equal(call.agentId, '1001');
    assert.equal(call.state, 'LCS_CONNECT');
    assert.equal(t.calls.size, 1);

    // The same snapshot again (a second rebuild) and the call's end: still one call, then none.
    t.feed(wire(snapConf), snapReq);
    assert.equal(t.calls.size, 1);
    const ended = t.feed(endCall(77, 'c77'));
    assert.equal(ended?.key, call.key);
    assert.equal(t.calls.size, 0);
  });

  it('ignore a SNAPSHOT_CALL_CONF without its request (nothing names the call)', () => {
    const t = new Tracking();
    assert.equal(t.feed(wire(snapConf)), undefined);
    assert.equal(t.calls.size, 0);
  });
});
