/**
 * Call context through the session: every call event carries the tracker's snapshot; context from
 * BEGIN_CALL survives transfer / conference; calls are forgotten at END_CALL.
 */
import assert from 'node:assert/strict';
import { AcceleratedClock, CtiSimulator } from '../../lib/simulator';
import { CtiSession, type CallSnapshot } from '../../lib/session';
import type { CtiMessage } from '../../lib/protocol';
import { waitForEvent } from './helpers';

interface Seen {
  msg: CtiMessage;
  call?: CallSnapshot;
}

describe('CtiSession call tracking', function () {
  let sim: CtiSimulator;
  let s: CtiSession;
  let seen: Seen[];

  beforeEach(async () => {
    // Scenario talk times run 20× faster; the session's IdleTimeout (120 s → 6 s at this rate) stays far away.
    sim = new CtiSimulator({ peripheralId: 5000, agents: '1001-1006', clock: new AcceleratedClock(20) });
    await sim.start();
    s = new CtiSession({ sideA: { host: '127.0.0.1', port: sim.port }, clientId: 'calls-test', peripheralId: 5000 });
    seen = [];
    s.on('message', (msg: CtiMessage, call?: CallSnapshot) => seen.push({ msg, call }));
    await s.open();
  });

  afterEach(async () => {
    await s.close();
    await sim.stop();
  });

  const isCallEvent = (m: CtiMessage): boolean =>
    m.messageType.endsWith('_EVENT') && (typeof m.connectionCallId === 'number' || typeof m.primaryCallId === 'number');

  /** Runs a scenario and waits until every call it began has ended at the session. */
  async function run(name: 'transfer' | 'conference' | 'inbound'): Promise<void> {
    const done = waitForEvent(s, 'END_CALL_EVENT', () => s.calls.size === 0, 10000);
    await sim.runScenario(name, { calls: 1 });
    await done;
  }

  function checkCommon(): void {
    const callEvents = seen.filter((x) => isCallEvent(x.msg));
    assert.ok(callEvents.length > 0);
    for (const x of callEvents) {
      assert.ok(x.call, `${x.msg.messageType} came without a call snapshot`);
      assert.ok(Object.isFrozen(x.call));
    }
    // The last END_CALL's snapshot is marked ended and the tracker is empty afterwards. (The END_CALL of a
    // consult call merged by a transfer/conference carries the surviving call, not ended.)
    const ends = callEvents.filter((x) => x.msg.messageType === 'END_CALL_EVENT');
    assert.ok(ends.length >= 1 && ends[ends.length - 1].call!.ended);
    assert.equal(s.calls.size, 0);
    // Snapshots never change after the fact.
    const first = callEvents[0].call!;
    assert.equal(first.eventCount, 1);
  }

  it('transfer: the transferred call keeps its BEGIN_CALL context and gains the target as connected party', async () => {
    await run('transfer');
    checkCommon();
    const xfer = seen.find((x) => x.msg.messageType === 'CALL_TRANSFERRED_EVENT');
    assert.ok(xfer, 'no CALL_TRANSFERRED_EVENT seen');
    const snap = xfer.call!;
    const begins = seen.filter((x) => x.msg.messageType === 'BEGIN_CALL_EVENT');
    const original = begins.find((b) => b.call!.key === snap.key);
    assert.ok(original, 'the transferred call is the one begun first (primary)');
    assert.equal(snap.ani, original.msg.ani);
    assert.equal(snap.dnis, original.msg.dnis);
    assert.ok(snap.parties.connected && snap.parties.connected.length > 0);
    assert.ok(snap.connections.length >= 1);
    // The consult call was a separate call in the tracker.
    assert.ok(new Set(begins.map((b) => b.call!.key)).size >= 2, 'consult call tracked separately');
    // The consult call's END_CALL does not end the surviving call: its later events keep the context.
    const later = seen.slice(seen.indexOf(xfer) + 1).filter((x) => x.call && x.call.key === snap.key);
    assert.ok(later.length > 0, 'events after the transfer for the surviving call');
    for (const x of later) {
      assert.equal(x.call!.partial, false, `${x.msg.messageType}: the call was forgotten and re-created`);
      assert.equal(x.call!.ani, original.msg.ani);
      assert.deepEqual(x.call!.callVariables, snap.callVariables);
    }
  });

  it('conference: one call with both agents as connected parties; the consult call is merged', async () => {
    await run('conference');
    checkCommon();
    const conf = seen.find((x) => x.msg.messageType === 'CALL_CONFERENCED_EVENT');
    assert.ok(conf, 'no CALL_CONFERENCED_EVENT seen');
    const snap = conf.call!;
    assert.ok(snap.parties.connected && snap.parties.connected.length >= 3, 'caller + two agents');
    const after = seen.slice(seen.indexOf(conf) + 1).filter((x) => x.call && x.call.key === snap.key);
    assert.ok(after.length > 0, 'events after the conference for the surviving call');
    for (const x of after) {
      assert.equal(x.call!.partial, false, `${x.msg.messageType}: the call was forgotten and re-created`);
      assert.equal(x.call!.ani, snap.ani);
    }
  });

  it('inbound call: call variables and ECC from the start are on every later event', async () => {
    const done = waitForEvent(s, 'END_CALL_EVENT', () => s.calls.size === 0, 10000);
    const established = waitForEvent<[CtiMessage, CallSnapshot?]>(s, 'CALL_ESTABLISHED_EVENT');
    const call = await sim.startInboundCall({
      agentId: '1003',
      ani: '5550100',
      dnis: '8001',
      callVariables: { 1: 'cv-one', 7: 'cv-seven' },
      namedVariables: [{ name: 'user.lang', value: 'fr' }],
      answer: true,
    });
    const [, estCall] = await established;
    const est = { call: estCall };
    assert.ok(est.call);
    assert.equal(est.call.ani, '5550100');
    assert.equal(est.call.dnis, '8001');
    assert.equal(est.call.callVariables[1], 'cv-one');
    assert.equal(est.call.callVariables[7], 'cv-seven');
    assert.equal(est.call.namedVariables['user.lang'], 'fr');
    assert.equal(est.call.state, 'LCS_CONNECT');
    // Call events name the agent's device only; the agent comes from the agent tracker's AGENT_STATE_EVENTs.
    assert.equal(est.call.agentId, '1003');
    await sim.releaseCall(call);
    await done;
    checkCommon();
  });
});
