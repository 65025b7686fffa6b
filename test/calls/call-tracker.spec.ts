/**
 * CallTracker on decoded messages (the same objects decodeMessage produces). The simulator-driven
 * transfer / conference checks are in calls.spec.ts; this file covers the identity rules and the bounds.
 */
import assert from 'node:assert/strict';
import { AgentTracker, CallTracker } from '../../lib/calls';
import type { CtiMessage } from '../../lib/protocol';
import { DEV, begin, dataUpdate, endCall, simpleEvent, wire } from './tracker-messages';

function established(callId: number, deviceId: string, answering: string): CtiMessage {
  return wire(
    simpleEvent('CALL_ESTABLISHED_EVENT', callId, deviceId, {
      lineHandle: 0,
      lineType: 0,
      serviceNumber: 0,
      serviceId: 0,
      skillGroupNumber: 0xffffffff,
      skillGroupId: 0,
      skillGroupPriority: 0,
      answeringDeviceType: 0,
      callingDeviceType: 0,
      calledDeviceType: 0,
      lastRedirectDeviceType: 0,
      localConnectionState: 3,
      eventCause: 0xffff,
      answeringDeviceId: answering,
    }),
  );
}

describe('CallTracker', () => {
  it('accumulates BEGIN_CALL context and keeps it on later events; snapshots are deep-frozen', () => {
    const t = new CallTracker();
    const s1 = t.update(
      begin(100, 'c100', {
        ani: '5551234',
        dnis: '8000',
        dialedNumber: '18005550100',
        callerEnteredDigits: '42',
        callVariable1: 'acct-1',
        callVariable10: 'ten',
        routerCallKeyDay: 150000,
        routerCallKeyCallId: 77,
        routerCallKeySequenceNumber: 1,
        namedVariables: [{ name: 'user.lang', value: 'en' }],
        namedArrays: [{ name: 'user.items', index: 2, value: 'x' }],
      }),
    )!;
    assert.equal(s1.ani, '5551234');
    assert.deepEqual(s1.routerCallKey, { day: 150000, callId: 77, sequenceNumber: 1 });
    const s2 = t.update(established(100, 'c100', '1001'))!;
    assert.equal(s2.key, s1.key);
    assert.equal(s2.dnis, '8000');
    assert.equal(s2.dialedNumber, '18005550100');
    assert.equal(s2.callerEnteredDigits, '42');
    assert.deepEqual(s2.callVariables, { 1: 'acct-1', 10: 'ten' });
    assert.deepEqual(s2.ecc, { 'user.lang': 'en', 'user.items': [null, null, 'x'] });
    assert.equal(s2.state, 'LCS_CONNECT');
    assert.equal(s2.parties.answering, '1001');
    assert.equal(s2.established, true);
    assert.equal(s2.partial, false);
    assert.ok(Object.isFrozen(s2) && Object.isFrozen(s2.callVariables) && Object.isFrozen(s2.connections[0]));
    assert.equal(Reflect.set(s2, 'ani', 'changed'), false);
    assert.equal(Reflect.set(s2.callVariables, 1, 'changed'), false);
    assert.equal(s2.ani, '5551234');
    // The earlier snapshot is unchanged by later events.
    assert.equal(s1.state, undefined);
  });

  it('forgets a call at END_CALL_EVENT (the END_CALL snapshot says ended)', () => {
    const t = new CallTracker();
    t.update(begin(1, 'a'));
    const last = t.update(endCall(1, 'a'))!;
    assert.equal(last.ended, true);
    assert.equal(t.size, 0);
    assert.equal(t.get({ callId: 1, deviceIdType: DEV, deviceId: 'a' }), undefined);
  });

  it('tells apart two calls sharing a ConnectionCallID by ConnectionDeviceID; CALL_ESTABLISHED of a new connection goes to the call without a destination', () => {
    const t = new CallTracker();
    const original = t.update(begin(7, 'orig', { ani: 'caller' }))!;
    t.update(established(7, 'orig', 'agent1'));
    const consult = t.update(begin(7, 'consult', { ani: 'agent1' }))!;
    assert.notEqual(original.key, consult.key);
    assert.equal(t.size, 2);
    // An unknown connection 'consult-dest' with the shared call id: the consult call has no destination yet.
    const s = t.update(established(7, 'consult-dest', 'agent2'))!;
    assert.equal(s.key, consult.key);
    assert.equal(s.ani, 'agent1');
    assert.equal(t.get({ callId: 7, deviceIdType: DEV, deviceId: 'orig' })!.ani, 'caller');
  });

  it('follows a connection rename in CALL_DATA_UPDATE_EVENT', () => {
    const t = new CallTracker();
    const s0 = t.update(begin(10, 'old', { ani: '1' }))!;
    const s1 = t.update(
      dataUpdate(10, 'old', { newConnectionCallId: 11, newConnectionDeviceId: 'new', callVariable2: 'cv2' }),
    )!;
    assert.equal(s1.key, s0.key);
    assert.equal(s1.connectionCallId, 11);
    assert.equal(s1.connectionDeviceId, 'new');
    assert.equal(t.get({ callId: 10, deviceIdType: DEV, deviceId: 'old' }), undefined);
    const s2 = t.get({ callId: 11, deviceIdType: DEV, deviceId: 'new' })!;
    assert.equal(s2.ani, '1');
    assert.equal(s2.callVariables[2], 'cv2');
  });

  it('keeps customer phone and account numbers from CALL_DATA_UPDATE_EVENT', () => {
    const t = new CallTracker();
    t.update(begin(12, 'c', { ani: '1' }));
    const s = t.update(dataUpdate(12, 'c', { customerPhoneNumber: '+4930123', customerAccountNumber: 'ACC-7' }))!;
    assert.equal(s.customerPhoneNumber, '+4930123');
    assert.equal(s.customerAccountNumber, 'ACC-7');
    assert.equal(t.update(endCall(12, 'c'))!.customerAccountNumber, 'ACC-7');
  });

  it('replaces the ECC set on CALL_DATA_UPDATE_EVENT from v22, merges before', () => {
    const ecc = {
      namedVariables: [
        { name: 'a', value: '1' },
        { name: 'b', value: '2' },
      ],
    };
    const upd = { namedVariables: [{ name: 'b', value: '3' }] };
    const v24 = new CallTracker({ version: 24 });
    v24.update(begin(1, 'x', ecc));
    assert.deepEqual(v24.update(dataUpdate(1, 'x', upd))!.ecc, { b: '3' });
    const v21 = new CallTracker({ version: 21 });
    v21.update(wire({ ...begin(1, 'x', ecc) }, 21));
    assert.deepEqual(v21.update(dataUpdate(1, 'x', upd, 21))!.ecc, { a: '1', b: '3' });
  });

  it('an event for a call it never saw begin creates a partial call', () => {
    const t = new CallTracker();
    const s = t.update(established(55, 'late', '1001'))!;
    assert.equal(s.partial, true);
    assert.equal(t.size, 1);
  });

  it('is bounded by maxCalls (least recently updated evicted first)', () => {
    const t = new CallTracker({ maxCalls: 100 });
    for (let i = 1; i <= 1000; i++) t.update(begin(i, `d${i}`));
    assert.equal(t.size, 100);
    assert.equal(t.evicted, 900);
    assert.equal(t.get({ callId: 1, deviceIdType: DEV, deviceId: 'd1' }), undefined);
    assert.ok(t.get({ callId: 1000, deviceIdType: DEV, deviceId: 'd1000' }));
  });

  it('drops calls with no event for maxAgeMs (a lost END_CALL cannot leak)', () => {
    let now = 1_000_000;
    const t = new CallTracker({ maxAgeMs: 60_000, now: () => now });
    t.update(begin(1, 'stale'));
    now += 30_000;
    t.update(begin(2, 'fresh'));
    now += 40_000; // call 1 is 70 s old, call 2 40 s
    t.update(begin(3, 'new'));
    assert.equal(t.get({ callId: 1, deviceIdType: DEV, deviceId: 'stale' }), undefined);
    assert.ok(t.get({ callId: 2, deviceIdType: DEV, deviceId: 'fresh' }));
    assert.equal(t.size, 2);
  });
});

describe('AgentTracker', () => {
  it('keeps the last AGENT_STATE_EVENT per agent, found by id or extension', () => {
    const a = new AgentTracker();
    const ev = (state: number): CtiMessage => ({
      messageType: 'AGENT_STATE_EVENT',
      agentId: '1001',
      agentExtension: '5001',
      agentState: state,
      peripheralId: 5000,
    });
    a.update(ev(2));
    a.update(ev(3));
    assert.equal(a.size, 1);
    assert.equal(a.get('1001')!.state, 'AGENT_STATE_AVAILABLE');
    assert.equal(a.get('5001')!.agentState, 3);
    assert.equal(a.update({ messageType: 'CALL_CLEARED_EVENT' }), undefined);
  });
});
