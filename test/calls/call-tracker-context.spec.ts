/**
 * CallTracker context that does not come from the call's own events: pre-call announcements
 * (AGENT_PRE_CALL_EVENT, CALL_TRANSLATION_ROUTE_EVENT, AGENT_PRE_CALL_ABORT_EVENT) and the calls that
 * MAKE / CONSULTATION / CONFERENCE / TRANSFER CONFs announce. Messages go through the codec, so the tracker
 * sees what a session would.
 */
import assert from 'node:assert/strict';
import { CallTracker } from '../../lib/calls';
import type { CtiMessage } from '../../lib/protocol';
import { DEV, begin, dataUpdate, endCall, wire } from './tracker-messages';

const conn = (callId: number, deviceId: string) => ({ callId, deviceIdType: DEV, deviceId });

function rck(day: number, callId: number, seq?: number): Partial<CtiMessage> {
  return {
    routerCallKeyDay: day,
    routerCallKeyCallId: callId,
    ...(seq === undefined ? {} : { routerCallKeySequenceNumber: seq }),
  };
}

function preCall(key: Partial<CtiMessage>, extra: Partial<CtiMessage> = {}): CtiMessage {
  return wire({
    messageType: 'AGENT_PRE_CALL_EVENT',
    monitorId: 0,
    serviceNumber: 10,
    serviceId: 11,
    skillGroupNumber: 20,
    skillGroupId: 21,
    skillGroupPriority: 0,
    mrdid: 1,
    agentSkillTargetId: 5001,
    agentInstrument: '1001',
    ...key,
    ...extra,
  });
}

function translationRoute(key: Partial<CtiMessage>, extra: Partial<CtiMessage> = {}): CtiMessage {
  return wire({ messageType: 'CALL_TRANSLATION_ROUTE_EVENT', dnis: '7001', ...key, ...extra });
}

function abort(key: Partial<CtiMessage>): CtiMessage {
  return wire({ messageType: 'AGENT_PRE_CALL_ABORT_EVENT', monitorId: 0, mrdid: 1, agentInstrument: '1001', ...key });
}

function originated(callId: number, deviceId: string): CtiMessage {
  return wire({
    messageType: 'CALL_ORIGINATED_EVENT',
    monitorId: 0,
    peripheralId: 5000,
    peripheralType: 16,
    connectionDeviceIdType: DEV,
    connectionCallId: callId,
    lineHandle: 0,
    lineType: 0,
    serviceNumber: 0,
    serviceId: 0,
    skillGroupNumber: 0xffffffff,
    skillGroupId: 0,
    skillGroupPriority: 0,
    callingDeviceType: 0,
    calledDeviceType: 0,
    localConnectionState: 1,
    eventCause: 0xffff,
    connectionDeviceId: deviceId,
    calledDeviceId: '5559999',
  });
}

/** A CONF naming the resulting call's connection (MAKE / CONSULTATION layout; joins add the party list). */
function newCallConf(type: string, callId: number, deviceId: string, extra: Partial<CtiMessage> = {}): CtiMessage {
  const join = type === 'CONFERENCE_CALL_CONF' || type === 'TRANSFER_CALL_CONF';
  return wire({
    messageType: type,
    invokeId: 9,
    newConnectionCallId: callId,
    newConnectionDeviceIdType: DEV,
    lineHandle: 0,
    lineType: 0,
    newConnectionDeviceId: deviceId,
    ...(join ? { connectedPartyCallId: [], connectedPartyDeviceIdType: [], connectedPartyDeviceId: [] } : {}),
    ...extra,
  });
}

// Requests are what the session kept when sending them (plain objects, never decoded).
const makeReq = (extra: Partial<CtiMessage> = {}): CtiMessage => ({
  messageType: 'MAKE_CALL_REQ',
  invokeId: 9,
  agentInstrument: '1001',
  dialedNumber: '5559999',
  ...extra,
});
const consultReq = (active: { callId: number; deviceId: string }, extra: Partial<CtiMessage> = {}): CtiMessage => ({
  messageType: 'CONSULTATION_CALL_REQ',
  invokeId: 9,
  activeConnectionCallId: active.callId,
  activeConnectionDeviceIdType: DEV,
  activeConnectionDeviceId: active.deviceId,
  dialedNumber: '1002',
  ...extra,
});

describe('CallTracker pre-call context', () => {
  it('keeps AGENT_PRE_CALL context by RouterCallKey until BEGIN_CALL takes it; BEGIN_CALL values win', () => {
    const t = new CallTracker();
    const r = t.update(
      preCall(rck(150000, 77, 1), {
        ani: 'pre-ani',
        dialedNumber: '18005550100',
        callerEnteredDigits: '42',
        agentId: '1001',
        callVariable1: 'pre-cv1',
        callVariable2: 'pre-cv2',
        namedVariables: [{ name: 'user.lang', value: 'en' }],
        namedArrays: [{ name: 'user.items', index: 1, value: 'a' }],
      }),
    );
    assert.equal(r, undefined, 'no call yet');
    assert.equal(t.size, 0);
    assert.equal(t.preCalls.size, 1);
    const pending = t.preCalls.get({ day: 150000, callId: 77, sequenceNumber: 1 })!;
    assert.equal(pending.key, '150000/77/1');
    assert.deepEqual(pending.sources, ['AGENT_PRE_CALL_EVENT']);
    assert.equal(pending.ani, 'pre-ani');
    assert.equal(pending.agentInstrument, '1001');
    assert.equal(pending.skillGroupNumber, 20);
    assert.deepEqual(pending.callVariables, { 1: 'pre-cv1', 2: 'pre-cv2' });
    assert.ok(Object.isFrozen(pending) && Object.isFrozen(pending.callVariables));
    // Found without a sequence number and by its key string too.
    assert.equal(t.preCalls.get({ day: 150000, callId: 77 })?.key, '150000/77/1');
    assert.equal(t.preCalls.get('150000/77/1')?.key, '150000/77/1');
    assert.equal(t.preCalls.get({ day: 150000, callId: 78 }), undefined);

    const s = t.update(
      begin(100, 'c100', {
        ...rck(150000, 77, 1),
        ani: 'begin-ani',
        callVariable1: 'begin-cv1',
        namedVariables: [{ name: 'user.acct', value: '9' }],
      }),
    )!;
    assert.equal(s.ani, 'begin-ani', 'BEGIN_CALL wins');
    assert.equal(s.dialedNumber, '18005550100', 'filled from the pre-call');
    assert.equal(s.callerEnteredDigits, '42');
    assert.equal(s.agentId, '1001');
    assert.equal(s.agentInstrument, '1001');
    assert.deepEqual(s.callVariables, { 1: 'begin-cv1', 2: 'pre-cv2' });
    assert.deepEqual(s.ecc, { 'user.acct': '9', 'user.lang': 'en', 'user.items': [null, 'a'] });
    assert.deepEqual(s.routerCallKey, { day: 150000, callId: 77, sequenceNumber: 1 });
    assert.deepEqual(s.contextFrom, { preCall: ['AGENT_PRE_CALL_EVENT'] });
    assert.equal(t.preCalls.size, 0, 'taken');
    // The pre-call snapshot handed out earlier is unchanged.
    assert.equal(pending.ani, 'pre-ani');
  });

  it('merges CALL_TRANSLATION_ROUTE and AGENT_PRE_CALL of one call; a BEGIN_CALL without sequence number matches on Day + CallID', () => {
    const t = new CallTracker();
    t.update(translationRoute(rck(1, 5, 2), { ani: 'tr-ani', callVariable3: 'tr-cv3', callVariable4: 'tr-cv4' }));
    t.update(preCall(rck(1, 5, 2), { ani: 'pc-ani', callVariable4: 'pc-cv4' }));
    assert.equal(t.preCalls.size, 1);
    const p = t.preCalls.all()[0];
    assert.deepEqual(p.sources, ['CALL_TRANSLATION_ROUTE_EVENT', 'AGENT_PRE_CALL_EVENT']);
    assert.equal(p.ani, 'pc-ani', 'the later announcement wins');
    assert.equal(p.dnis, '7001');
    assert.deepEqual(p.callVariables, { 3: 'tr-cv3', 4: 'pc-cv4' });
    const s = t.update(begin(1, 'x', rck(1, 5)))!;
    assert.equal(s.dnis, '7001');
    assert.equal(s.ani, 'pc-ani');
    assert.deepEqual(s.callVariables, { 3: 'tr-cv3', 4: 'pc-cv4' });
    assert.deepEqual(s.contextFrom?.preCall, ['CALL_TRANSLATION_ROUTE_EVENT', 'AGENT_PRE_CALL_EVENT']);
    assert.equal(t.preCalls.size, 0);
  });

  it('a different sequence number is another task; a later event that brings the RouterCallKey takes the pre-call', () => {
    const t = new CallTracker();
    t.update(preCall(rck(1, 5, 2), { callVariable1: 'seq2' }));
    const other = t.update(begin(1, 'x', rck(1, 5, 3)))!;
    assert.deepEqual(other.callVariables, {});
    assert.equal(other.contextFrom, undefined);
    assert.equal(t.preCalls.size, 1);
    // A call begun without a RouterCallKey gets it later (e.g. SET_CALL_DATA): that event takes the pre-call.
    const plain = t.update(begin(2, 'y'))!;
    assert.equal(plain.routerCallKey, undefined);
    assert.equal(t.preCalls.size, 1);
    const s = t.update(dataUpdate(2, 'y', rck(1, 5, 2)))!;
    assert.equal(s.key, plain.key);
    assert.equal(s.callVariables[1], 'seq2');
    assert.equal(t.preCalls.size, 0);
  });

  it('a pre-call arriving after its call began goes straight into the call (call values win) and is not kept', () => {
    const t = new CallTracker();
    const b = t.update(begin(3, 'z', { ...rck(9, 9, 1), ani: 'begin-ani', callVariable1: 'begin' }))!;
    const s = t.update(
      preCall(rck(9, 9, 1), { ani: 'pre-ani', agentId: '1004', callVariable1: 'pre', callVariable5: 'five' }),
    )!;
    assert.ok(s, 'the pre-call event gets the call snapshot');
    assert.equal(s.key, b.key);
    assert.equal(s.lastEvent, 'AGENT_PRE_CALL_EVENT');
    assert.equal(s.ani, 'begin-ani');
    assert.equal(s.agentId, '1004');
    assert.deepEqual(s.callVariables, { 1: 'begin', 5: 'five' });
    assert.deepEqual(s.contextFrom, { preCall: ['AGENT_PRE_CALL_EVENT'] });
    assert.equal(t.preCalls.size, 0);
    // After END_CALL the router key no longer finds the call: a new announcement is pending again.
    t.update(endCall(3, 'z'));
    assert.equal(t.update(preCall(rck(9, 9, 1))), undefined);
    assert.equal(t.preCalls.size, 1);
  });

  it('AGENT_PRE_CALL_ABORT_EVENT drops the entry; the call, if it comes anyway, gets none of its context', () => {
    const t = new CallTracker();
    t.update(preCall(rck(4, 40, 1), { callVariable1: 'aborted' }));
    t.update(preCall(rck(4, 41, 1), { callVariable1: 'kept' }));
    assert.equal(t.update(abort(rck(4, 40, 1))), undefined);
    assert.equal(t.preCalls.size, 1);
    assert.equal(t.preCalls.get({ day: 4, callId: 40 }), undefined);
    assert.ok(t.preCalls.get({ day: 4, callId: 41 }));
    t.update(abort(rck(4, 99, 1))); // unknown key: nothing happens
    assert.equal(t.preCalls.size, 1);
    const s = t.update(begin(4, 'a', rck(4, 40, 1)))!;
    assert.deepEqual(s.callVariables, {});
    assert.equal(s.contextFrom, undefined);
    assert.equal(t.preCalls.evicted, 0, 'an abort is not an eviction');
  });

  it('pending pre-calls are bounded by maxPreCalls (oldest first) and maxPreCallAgeMs', () => {
    let now = 1_000_000;
    const t = new CallTracker({ maxPreCalls: 10, maxPreCallAgeMs: 60_000, now: () => now });
    for (let i = 1; i <= 100; i++) t.update(preCall(rck(1, i, 0)));
    assert.equal(t.preCalls.size, 10);
    assert.equal(t.preCalls.evicted, 90);
    assert.equal(t.preCalls.get({ day: 1, callId: 90 }), undefined);
    assert.ok(t.preCalls.get({ day: 1, callId: 91 }));
    assert.ok(t.preCalls.get({ day: 1, callId: 100 }));

    now += 30_000;
    t.update(preCall(rck(2, 1, 0)));
    now += 40_000; // the first ten are 70 s old, the last one 40 s
    t.update(begin(1, 'unrelated'));
    assert.equal(t.preCalls.size, 1);
    assert.equal(t.preCalls.evicted, 100);
    assert.ok(t.preCalls.get({ day: 2, callId: 1 }));
    // An evicted announcement no longer reaches its call.
    assert.deepEqual(t.update(begin(2, 'late', rck(1, 100, 0)))!.contextFrom, undefined);
    t.clear();
    assert.equal(t.preCalls.size, 0);
  });

  it('a pre-call without a RouterCallKey cannot be keyed and is ignored', () => {
    const t = new CallTracker();
    assert.equal(t.update({ messageType: 'AGENT_PRE_CALL_EVENT', agentInstrument: '1001', ani: 'x' }), undefined);
    assert.equal(t.preCalls.size, 0);
  });
});

describe('CallTracker calls announced by CONFs', () => {
  it('MAKE_CALL_CONF before the events: the tracker knows the new connection and seeds it from the request', () => {
    const t = new CallTracker();
    const s0 = t.update(
      newCallConf('MAKE_CALL_CONF', 300, 'out'),
      makeReq({ callVariable1: 'req-cv1', callVariable2: 'req-cv2' }),
    )!;
    assert.ok(s0);
    assert.equal(s0.connectionCallId, 300);
    assert.equal(s0.partial, false);
    assert.equal(s0.dialedNumber, '5559999');
    assert.equal(s0.agentInstrument, '1001');
    assert.deepEqual(s0.callVariables, { 1: 'req-cv1', 2: 'req-cv2' });
    assert.deepEqual(s0.contextFrom, { madeBy: 'MAKE_CALL_CONF' });
    assert.ok(t.get(conn(300, 'out')));
    // Its BEGIN_CALL continues the same call; the event's values win over the request's.
    const s1 = t.update(begin(300, 'out', { callVariable1: 'begin-cv1', dialedNumber: '95559999' }))!;
    assert.equal(s1.key, s0.key);
    assert.equal(s1.partial, false);
    assert.equal(s1.dialedNumber, '95559999');
    assert.deepEqual(s1.callVariables, { 1: 'begin-cv1', 2: 'req-cv2' });
    assert.equal(t.update(originated(300, 'out'))!.key, s0.key);
    assert.equal(t.size, 1);
  });

  it('MAKE_CALL_CONF after the events: no second call; the request fills only what the events left out', () => {
    const t = new CallTracker();
    const b = t.update(begin(301, 'out', { dialedNumber: 'from-begin', callVariable1: 'begin-cv1' }))!;
    const s = t.update(
      newCallConf('MAKE_CALL_CONF', 301, 'out'),
      makeReq({ callVariable1: 'req-cv1', callVariable3: 'req-cv3' }),
    )!;
    assert.equal(s.key, b.key);
    assert.equal(t.size, 1);
    assert.equal(s.dialedNumber, 'from-begin');
    assert.deepEqual(s.callVariables, { 1: 'begin-cv1', 3: 'req-cv3' });
    assert.equal(s.lastEvent, 'MAKE_CALL_CONF');
  });

  it('a late CONF (no request any more) still tells the tracker the new connection', () => {
    const t = new CallTracker();
    const s = t.update(newCallConf('MAKE_CALL_CONF', 302, 'out'))!;
    assert.ok(s);
    assert.deepEqual(s.callVariables, {});
    assert.equal(t.update(originated(302, 'out'))!.key, s.key);
  });

  it('CONSULTATION_CALL_CONF before the events: a separate call (even on a shared ConnectionCallID) inheriting the active call context, overridden by the request', () => {
    const t = new CallTracker();
    const active = t.update(
      begin(7, 'orig', {
        ani: 'customer',
        dnis: '8000',
        callVariable1: 'orig-cv1',
        callVariable2: 'orig-cv2',
        callWrapupData: 'wrap',
        namedVariables: [{ name: 'user.lang', value: 'en' }],
        namedArrays: [{ name: 'user.items', index: 0, value: 'a' }],
        ...rck(1, 2, 1),
      }),
    )!;
    const s = t.update(
      newCallConf('CONSULTATION_CALL_CONF', 7, 'consult'),
      consultReq(conn(7, 'orig'), { callVariable2: 'req-cv2' }),
    )!;
    assert.notEqual(s.key, active.key);
    assert.equal(t.size, 2);
    assert.deepEqual(s.callVariables, { 1: 'orig-cv1', 2: 'req-cv2' });
    assert.deepEqual(s.ecc, { 'user.lang': 'en', 'user.items': ['a'] });
    assert.equal(s.callWrapupData, 'wrap');
    assert.equal(s.dialedNumber, '1002');
    assert.equal(s.ani, undefined, 'the consult leg has its own origin');
    assert.equal(s.routerCallKey, undefined);
    assert.deepEqual(s.contextFrom, { madeBy: 'CONSULTATION_CALL_CONF', consultOf: active.key });
    // The consult call's BEGIN_CALL finds it; the active call is untouched.
    const b = t.update(begin(7, 'consult', { ani: '1001', callVariable1: 'begin-cv1' }))!;
    assert.equal(b.key, s.key);
    assert.equal(b.ani, '1001');
    assert.equal(b.callVariables[1], 'begin-cv1');
    assert.deepEqual(t.get(conn(7, 'orig'))!.callVariables, { 1: 'orig-cv1', 2: 'orig-cv2' });
  });

  it('CONSULTATION_CALL_CONF after the consult BEGIN_CALL: links the calls and fills only what is missing', () => {
    const t = new CallTracker();
    const active = t.update(begin(8, 'orig', { callVariable1: 'orig-cv1', callVariable2: 'orig-cv2' }))!;
    const b = t.update(begin(9, 'consult', { callVariable1: 'begin-cv1' }))!;
    const s = t.update(newCallConf('CONSULTATION_CALL_CONF', 9, 'consult'), consultReq(conn(8, 'orig')))!;
    assert.equal(s.key, b.key);
    assert.equal(t.size, 2);
    assert.deepEqual(s.callVariables, { 1: 'begin-cv1', 2: 'orig-cv2' });
    assert.equal(s.contextFrom?.consultOf, active.key);
  });

  it('a BEGIN_CALL naming another connection on the announced ConnectionCallID takes over the announced call', () => {
    const t = new CallTracker();
    const s0 = t.update(newCallConf('MAKE_CALL_CONF', 310, 'conf-id'), makeReq({ callVariable1: 'req' }))!;
    const s1 = t.update(begin(310, 'event-id'))!;
    assert.equal(s1.key, s0.key);
    assert.equal(t.size, 1);
    assert.equal(s1.callVariables[1], 'req');
    assert.ok(t.get(conn(310, 'conf-id')) && t.get(conn(310, 'event-id')));
    // Once the call has had its BEGIN_CALL, another BEGIN_CALL on that id is another call.
    assert.notEqual(t.update(begin(310, 'third'))!.key, s0.key);
  });

  it('TRANSFER_CALL_CONF / CONFERENCE_CALL_CONF: the resulting connection joins the held call; unknown calls still get their connection known', () => {
    const t = new CallTracker();
    const held = t.update(begin(20, 'held', { ani: 'customer' }))!;
    t.update(begin(21, 'consult'));
    const joinReq = (type: string): CtiMessage => ({
      messageType: type,
      invokeId: 9,
      heldConnectionCallId: 20,
      heldConnectionDeviceIdType: DEV,
      heldConnectionDeviceId: 'held',
      activeConnectionCallId: 21,
      activeConnectionDeviceIdType: DEV,
      activeConnectionDeviceId: 'consult',
    });
    const conf = t.update(
      newCallConf('CONFERENCE_CALL_CONF', 22, 'conf', {
        connectedPartyCallId: [22, 22],
        connectedPartyDeviceIdType: [DEV, DEV],
        connectedPartyDeviceId: ['customer', '1002'],
      }),
      joinReq('CONFERENCE_CALL_REQ'),
    )!;
    assert.equal(conf.key, held.key);
    assert.equal(conf.ani, 'customer');
    assert.equal(conf.connectionCallId, 22);
    assert.equal(conf.parties.connected?.length, 2);
    assert.equal(conf.contextFrom, undefined, 'a join is not a new call');
    assert.equal(t.get(conn(22, 'conf'))!.key, held.key);

    // Neither joined call tracked (this client saw neither): the result is a partial call events can find.
    const x = t.update(newCallConf('TRANSFER_CALL_CONF', 40, 'xfer'), {
      ...joinReq('TRANSFER_CALL_REQ'),
      heldConnectionCallId: 38,
      activeConnectionCallId: 39,
    })!;
    assert.equal(x.partial, true);
    assert.equal(t.update(endCall(40, 'xfer'))!.key, x.key);
  });
});
