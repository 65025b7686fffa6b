/**
 * The call's agent is recomputed from every event that moves the call (call-agents.ts), with the guide's
 * sequences built by hand (cti-protocol.md Part 2 §1.5–1.14, §5.9, §7): diversion, a party hanging up, a new
 * answering device, the switchover replay, and the consult link from CALL_SERVICE_INITIATED's COC fields.
 */
import assert from 'node:assert/strict';
import { CallTracker, type CallSnapshot } from '../../lib/calls';
import type { CtiMessage } from '../../lib/protocol';
import { DEV, begin, endCall, simpleEvent } from './tracker-messages';

const LCS_INITIATE = 1;
const LCS_ALERTING = 2;
const LCS_CONNECT = 3;
const CEC_CALL_PARTY_UPDATE_IND = 50;

/** Agents known by their AGENT_STATE_EVENTs: agent "A<ext>" at extension <ext>. */
function tracker(known: Set<string>, clock = { t: 1000 }): CallTracker {
  return new CallTracker({
    now: () => clock.t++,
    agentAt: (dev) => (known.has(dev) ? { agentId: `A${dev}`, agentExtension: dev } : undefined),
  });
}

const delivered = (id: number, dev: string, alerting: string, lcs = LCS_ALERTING, extra: Partial<CtiMessage> = {}) =>
  simpleEvent('CALL_DELIVERED_EVENT', id, dev, { alertingDeviceId: alerting, localConnectionState: lcs, ...extra });
const established = (id: number, dev: string, answering: string, extra: Partial<CtiMessage> = {}) =>
  simpleEvent('CALL_ESTABLISHED_EVENT', id, dev, {
    answeringDeviceId: answering,
    localConnectionState: LCS_CONNECT,
    ...extra,
  });
const connectionCleared = (id: number, dev: string, releasing: string) =>
  simpleEvent('CALL_CONNECTION_CLEARED_EVENT', id, dev, { releasingDeviceId: releasing, localConnectionState: 0 });

/** CALL_CONFERENCED / CALL_TRANSFERRED of the call at connection (callId, 'T1'). */
const joined = (type: string, callId: number, parties: Partial<CtiMessage>): CtiMessage => ({
  messageType: type,
  primaryCallId: callId,
  primaryDeviceIdType: DEV,
  primaryDeviceId: 'T1',
  ...parties,
});

function visits(s: CallSnapshot | undefined): Array<[string, string | undefined, string | undefined]> {
  return (s?.history ?? []).map((v) => [v.device, v.agentId, v.cause]);
}

describe('CallTracker: the agent follows the call', function () {
  it('trunk delivery names no agent; delivery to an agent and its answer do; a diversion hands the call on', function () {
    const t = tracker(new Set(['1001', '1002']));
    t.update(begin(7, 'T1'));
    assert.equal(t.update(delivered(7, 'T1', '5000', LCS_INITIATE))?.agentId, undefined);
    assert.equal(t.update(delivered(7, 'T1', '1001'))?.agentId, 'A1001');
    const diverted = t.update(
      simpleEvent('CALL_DIVERTED_EVENT', 7, 'T1', { divertingDeviceId: '1001', calledDeviceId: '1002' }),
    );
    // The diversion itself still belongs to the agent it took the call from.
    assert.equal(diverted?.agentId, 'A1001');
    assert.deepEqual(visits(diverted), [['1001', 'A1001', 'CALL_DIVERTED_EVENT']]);
    assert.equal(t.update(delivered(7, 'T1', '1002'))?.agentId, 'A1002');
    const answered = t.update(established(7, 'T1', '1002'));
    assert.equal(answered?.agentId, 'A1002');
    assert.equal(answered?.agentExtension, '1002');
    assert.deepEqual(visits(answered), [
      ['1001', 'A1001', 'CALL_DIVERTED_EVENT'],
      ['1002', 'A1002', undefined],
    ]);
  });

  it('an outbound call stays the dialling agent’s when the far end answers', function () {
    const t = tracker(new Set(['1001']));
    t.update(begin(8, '1001'));
    t.update(simpleEvent('CALL_SERVICE_INITIATED_EVENT', 8, '1001', { callingDeviceId: '1001' }));
    t.update(simpleEvent('CALL_ORIGINATED_EVENT', 8, '1001', { callingDeviceId: '1001', calledDeviceId: '9555' }));
    assert.equal(t.update(delivered(8, '1001', '9555', LCS_INITIATE))?.agentId, 'A1001');
    const s = t.update(established(8, '1001', '9555'));
    assert.equal(s?.agentId, 'A1001');
    assert.deepEqual(visits(s), [['1001', 'A1001', undefined]]);
  });

  it('a conference party hanging up hands the call to the party still on it; the last one keeps it to the end', function () {
    const t = tracker(new Set(['1001', '1002']));
    t.update(begin(9, 'T1'));
    t.update(delivered(9, 'T1', '1001'));
    t.update(established(9, 'T1', '1001'));
    const conf = t.update(
      joined('CALL_CONFERENCED_EVENT', 9, { controllerDeviceId: '1001', addedPartyDeviceId: '1002' }),
    );
    assert.equal(conf?.agentId, 'A1002');
    assert.equal(conf?.parties.addedParty, '1002');
    // The added party hangs up: the call is the controller's again from that event on.
    assert.equal(t.update(connectionCleared(9, 'T1', '1002'))?.agentId, 'A1001');
    assert.equal(t.update(simpleEvent('CALL_DATA_UPDATE_EVENT', 9, 'T1'))?.agentId, 'A1001');
    assert.equal(t.update(connectionCleared(9, 'T1', '1001'))?.agentId, 'A1001');
    assert.equal(t.update(simpleEvent('CALL_CLEARED_EVENT', 9, 'T1'))?.agentId, 'A1001');
    const end = t.update(endCall(9, 'T1'));
    assert.equal(end?.agentId, 'A1001');
    assert.deepEqual(visits(end), [
      ['1001', 'A1001', 'CALL_CONNECTION_CLEARED_EVENT'],
      ['1002', 'A1002', 'CALL_CONNECTION_CLEARED_EVENT'],
    ]);
  });

  it('the agent overrides an announced agent once the call is at another device (AGENT_PRE_CALL names 1001)', function () {
    const t = tracker(new Set(['1002']));
    const key = { routerCallKeyDay: 1, routerCallKeyCallId: 77 };
    t.update({ messageType: 'AGENT_PRE_CALL_EVENT', ...key, agentId: 'A1001', agentInstrument: '1001' });
    assert.equal(t.update(begin(10, 'T1', key))?.agentId, 'A1001', 'announced');
    const s1 = t.update(delivered(10, 'T1', '1001'));
    // 1001's agent state is unknown here, but the announcement names the agent at that instrument.
    assert.equal(s1?.agentId, 'A1001');
    const s2 = t.update(
      joined('CALL_TRANSFERRED_EVENT', 10, { transferringDeviceId: '1001', transferredDeviceId: '1002' }),
    );
    assert.equal(s2?.agentId, 'A1002');
    assert.equal(s2?.agentInstrument, undefined, 'not the announced agent’s instrument');
  });

  it('an agent whose state arrives after the call event is filled in on the next snapshot', function () {
    const known = new Set<string>();
    const t = tracker(known);
    t.update(begin(11, 'T1'));
    assert.equal(t.update(delivered(11, 'T1', '1003'))?.agentId, undefined);
    known.add('1003'); // AGENT_STATE_EVENT RESERVED after CALL_DELIVERED: the guide leaves the order open
    assert.equal(t.update(established(11, 'T1', '1003'))?.agentId, 'A1003');
  });

  it('the switchover replay (CEC_CALL_PARTY_UPDATE_IND) rebuilds a fresh tracker and does not move a known call', function () {
    const replay = { eventCause: CEC_CALL_PARTY_UPDATE_IND };
    const fresh = tracker(new Set(['1001', '1002']));
    fresh.update(begin(12, 'T1'));
    fresh.update(established(12, 'T1', '1001', replay));
    const s = fresh.update(established(12, 'T1', '1002', replay));
    assert.equal(s?.agentId, 'A1002');
    assert.deepEqual(visits(s), [
      ['1001', 'A1001', undefined],
      ['1002', 'A1002', undefined],
    ]);
    // A tracker that followed the conference (1002 added last) keeps 1002 when the replay names 1001 again.
    const kept = tracker(new Set(['1001', '1002']));
    kept.update(begin(13, 'T1'));
    kept.update(established(13, 'T1', '1001'));
    kept.update(established(13, 'T1', '1002'));
    const r = kept.update(established(13, 'T1', '1001', replay));
    assert.equal(r?.agentId, 'A1002');
    assert.equal(r?.history.length, 2);
  });

  it('a consult call is linked by its CALL_SERVICE_INITIATED (COC fields) before any CONF, and the late CONF changes nothing', function () {
    const t = tracker(new Set(['1001', '1002']));
    t.update(begin(20, 'T1', { callVariable1: 'acct' } as Partial<CtiMessage>));
    t.update(established(20, 'T1', '1001'));
    const original = t.get({ callId: 20, deviceIdType: DEV, deviceId: 'T1' })!;
    t.update(begin(21, '1001'));
    const si = t.update(
      simpleEvent('CALL_SERVICE_INITIATED_EVENT', 21, '1001', {
        callingDeviceId: '1001',
        cocConnectionCallId: 20,
        cocCallConnectionDeviceIdType: DEV,
        cocCallConnectionDeviceId: 'T1',
      }),
    );
    assert.equal(si?.contextFrom?.consultOf, original.key);
    assert.equal(si?.callVariables[1], 'acct', 'inherited from the consulted call');
    assert.equal(t.update(delivered(21, '1001', '1002'))?.contextFrom?.consultOf, original.key);
    const conf = t.update(
      {
        messageType: 'CONSULTATION_CALL_CONF',
        invokeId: 1,
        newConnectionCallId: 21,
        newConnectionDeviceIdType: DEV,
        newConnectionDeviceId: '1001',
      },
      {
        messageType: 'CONSULTATION_CALL_REQ',
        invokeId: 1,
        activeConnectionCallId: 20,
        activeConnectionDeviceIdType: DEV,
        activeConnectionDeviceId: 'T1',
      },
    );
    assert.equal(conf?.contextFrom?.consultOf, original.key);
    assert.equal(t.size, 2);
  });

  it('without the COC fields the consult link comes from the CONSULTATION_CALL_CONF when it arrives', function () {
    const t = tracker(new Set(['1001', '1002']));
    t.update(begin(30, 'T1'));
    t.update(begin(31, '1001'));
    assert.equal(t.update(delivered(31, '1001', '1002'))?.contextFrom?.consultOf, undefined);
    t.update(
      {
        messageType: 'CONSULTATION_CALL_CONF',
        invokeId: 2,
        newConnectionCallId: 31,
        newConnectionDeviceIdType: DEV,
        newConnectionDeviceId: '1001',
      },
      {
        messageType: 'CONSULTATION_CALL_REQ',
        invokeId: 2,
        activeConnectionCallId: 30,
        activeConnectionDeviceIdType: DEV,
        activeConnectionDeviceId: 'T1',
      },
    );
    const s = t.update(established(31, '1001', '1002'));
    assert.equal(s?.contextFrom?.consultOf, t.get({ callId: 30, deviceIdType: DEV, deviceId: 'T1' })?.key);
  });
});
