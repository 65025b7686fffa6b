/**
 * Calls told again after a switchover (issue 24 part 4, lib/calls/call-restated.ts): the active side of a simulator
 * pair crashes with the hot standby held, a call begins while no side is active, then the standby side becomes
 * active and restates every call in progress (BEGIN_CALL_EVENT, CALL_DELIVERED / CALL_ESTABLISHED with
 * CEC_CALL_PARTY_UPDATE_IND). The tracker keeps the calls it knew as the same calls (same key, same context, no
 * second record), marks their restating events `restated: 'known'`, and the call it learns of only now 'new'. The
 * next real event carries no mark. Real TCP, real simulator pair.
 */
import assert from 'node:assert/strict';
import type { CallSnapshot } from '../../lib/calls';
import type { CtiMessage } from '../../lib/protocol';
import { CtiSession, type SessionStateInfo } from '../../lib/session';
import { CtiSimulatorPair } from '../../lib/simulator';
import { waitForEvent } from '../session/helpers';

const PARTY_UPDATE = 50; // CEC_CALL_PARTY_UPDATE_IND

describe('call tracker: calls restated by the new active side after a switchover', function () {
  let pair: CtiSimulatorPair | undefined;
  let session: CtiSession | undefined;

  afterEach(async () => {
    await session?.close();
    await pair?.stop();
    session = pair = undefined;
  });

  it("keeps known calls as they were and marks the replay 'known'; a call begun during the gap is 'new'", async () => {
    pair = new CtiSimulatorPair({ peripheralId: 5000, agents: '1001-1005' });
    await pair.start();
    const s = (session = new CtiSession({
      sideA: { host: '127.0.0.1', port: pair.sideA.port },
      sideB: { host: '127.0.0.1', port: pair.sideB.port },
      clientId: 'restated-calls',
      peripheralId: 5000,
      services: ['ALL_EVENTS'],
      version: 24,
      heartbeatIntervalMs: 1000,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100, jitter: 0 },
    }));
    s.on('error', () => undefined);
    const held = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.standbySide === 'B');
    await s.open();
    await held;

    const a = pair.sideA;
    const talkingAt = waitForEvent<[CtiMessage]>(s, 'CALL_ESTABLISHED_EVENT');
    const talking = await a.startInboundCall({ agentId: '1001', answer: true, ani: '5550101' });
    await talkingAt;
    const ringingAt = waitForEvent<[CtiMessage, CallSnapshot]>(
      s,
      'CALL_DELIVERED_EVENT',
      (_m, c) => c?.state === 'LCS_ALERTING' && c.connectionCallId !== talking.connectionCallId,
    );
    const ringing = await a.startInboundCall({ agentId: '1002', ani: '5550102' });
    await ringingAt;
    const before = new Map(s.calls.all().map((c) => [c.connectionCallId, c]));
    assert.equal(before.size, 2);

    // The active side crashes (as pair.crashActive does), and a call begins while no side is active.
    a.faults.dropConnections();
    a.setActive(false);
    await a.stop();
    const missed = await a.startInboundCall({ agentId: '1003', answer: true, ani: '5550103' });

    const seen: Array<{ m: CtiMessage; c: CallSnapshot }> = [];
    s.on('message', (m: CtiMessage, c?: CallSnapshot) => {
      if (c !== undefined) seen.push({ m, c });
    });
    /** `TYPE restated` for each call event of the call, in order. */
    const of = (callId: number): string[] =>
      seen
        .filter((e) => e.m.connectionCallId === callId)
        .map(
          (e) => `${e.m.messageType} ${e.c.restated ?? '-'}${e.m.eventCause === PARTY_UPDATE ? ' (party update)' : ''}`,
        );
    // Every call restated (in whatever order the side sends them).
    const restated = waitForEvent(s, 'message', () =>
      [talking, ringing, missed].every((c) => of(c.connectionCallId).length >= 2),
    );
    pair.sideB.setActive(true);
    await restated;

    assert.deepEqual(of(talking.connectionCallId), [
      'BEGIN_CALL_EVENT known',
      'CALL_ESTABLISHED_EVENT known (party update)',
    ]);
    assert.deepEqual(of(ringing.connectionCallId), [
      'BEGIN_CALL_EVENT known',
      'CALL_DELIVERED_EVENT known (party update)',
    ]);
    assert.deepEqual(of(missed.connectionCallId), ['BEGIN_CALL_EVENT -', 'CALL_ESTABLISHED_EVENT new (party update)']);

    // The same calls: one record each, the key and what was learnt before kept.
    assert.equal(s.calls.size, 3);
    for (const [callId, was] of before) {
      const now = s.calls.all().find((c) => c.connectionCallId === callId)!;
      assert.equal(now.key, was.key);
      assert.equal(now.ani, was.ani);
      assert.equal(now.startedAt, was.startedAt);
      assert.equal(now.partial, false);
    }
    const talkingNow = s.calls.all().find((c) => c.connectionCallId === talking.connectionCallId)!;
    assert.equal(talkingNow.established, true);
    assert.equal(talkingNow.state, 'LCS_CONNECT');

    // What follows really happened: no mark.
    const ended = waitForEvent<[CtiMessage, CallSnapshot]>(
      s,
      'END_CALL_EVENT',
      (m) => m.connectionCallId === talking.connectionCallId,
    );
    const from = seen.length;
    await pair.sideB.releaseCall(talking);
    await ended;
    const after = seen.slice(from).filter((e) => e.m.connectionCallId === talking.connectionCallId);
    assert.ok(after.length >= 2, after.map((e) => e.m.messageType).join());
    assert.deepEqual(
      after.filter((e) => e.c.restated !== undefined).map((e) => e.m.messageType),
      [],
      'events after the restatement are not marked',
    );
  });
});
