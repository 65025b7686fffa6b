/**
 * The session is a typed emitter. `npm run typecheck` compiles this file, so each `@ts-expect-error` below must be
 * an error (a misspelt event or field does not compile) and each typed listener must fit its event. Run, the same
 * listeners are attached to a session talking to the simulator: what the types promise is what arrives.
 */
import assert from 'node:assert/strict';
import type { CallSnapshot } from '../../lib/calls';
import { CtiSession, type SessionFrameEvent, type SessionStateInfo } from '../../lib/session';
import { messageTypeId, type CallDeliveredEvent } from '../../lib/protocol';
import type { CtiSimulator } from '../../lib/simulator';
import { startSimulator, waitForEvent } from './helpers';

describe('CtiSession typed events', () => {
  const sims: CtiSimulator[] = [];
  let s: CtiSession | undefined;

  afterEach(async () => {
    await s?.close();
    for (const sim of sims.splice(0)) await sim.stop();
  });

  it('delivers each event as its type says: the message by type name with its call, state info, frames', async () => {
    const sim = await startSimulator(sims);
    s = new CtiSession({ sideA: { host: '127.0.0.1', port: sim.port }, clientId: 'types', peripheralId: 5000 });
    const delivered: Array<{ event: CallDeliveredEvent; call?: CallSnapshot }> = [];
    s.on('CALL_DELIVERED_EVENT', (event: CallDeliveredEvent, call?: CallSnapshot) => delivered.push({ event, call }));
    const states: SessionStateInfo[] = [];
    s.on('state', (i: SessionStateInfo) => states.push(i));
    const frames: SessionFrameEvent[] = [];
    s.on('frame', (f) => frames.push(f));
    const misspelt: unknown[] = [];
    // @ts-expect-error a misspelt field does not compile (and at run time it is not there)
    s.on('CALL_DELIVERED_EVENT', (e) => misspelt.push(e.conectionCallId));
    let wrongName = 0;
    // @ts-expect-error a misspelt event name does not compile (and at run time nothing is emitted under it)
    s.on('CALL_DELIVERD_EVENT', () => wrongName++);
    // @ts-expect-error the state listener gets SessionStateInfo, not a string
    s.on('state', (i: string) => assert.equal(typeof i, 'object'));

    await s.open();
    const atAgent = waitForEvent<[CallDeliveredEvent, CallSnapshot?]>(
      s,
      'CALL_DELIVERED_EVENT',
      (e) => e.alertingDeviceId === '1002',
    );
    await sim.startInboundCall({ agentId: '1002', ani: '5550100', dnis: '8000', callVariables: { 2: 'two' } });
    const [event, call] = await atAgent;

    // The typed fields hold what the simulator sent, and the call's snapshot comes with the event.
    assert.equal(typeof event.connectionCallId, 'number');
    assert.equal(event.alertingDeviceId, '1002');
    assert.ok(call, 'a call event carries its snapshot');
    assert.equal(call.connectionCallId, event.connectionCallId);
    assert.equal(call.connectionDeviceId, event.connectionDeviceId);
    assert.equal(call.ani, '5550100');
    assert.equal(call.dnis, '8000');
    assert.equal(call.callVariables[2], 'two');
    assert.ok(Object.isFrozen(call), 'the snapshot is frozen');
    const mine = delivered.find((d) => d.event === event);
    assert.ok(mine, 'the typed listener got the same event object');
    assert.equal(mine.call, call, '… and the same snapshot object as every other listener');
    assert.equal(misspelt.length, delivered.length);
    assert.ok(
      misspelt.every((v) => v === undefined),
      'the misspelt field is undefined',
    );
    assert.equal(wrongName, 0);

    // State info: connecting, then open with the version in use; frames in both directions with their type.
    const open = states.find((i) => i.state === 'open');
    assert.ok(open, `states seen: ${states.map((i) => i.state).join(', ')}`);
    assert.equal(open.version, s.version);
    assert.equal(typeof open.reasonKey, 'string');
    assert.equal(open.protocolWarnings.total, 0);
    const openReqType = messageTypeId('OPEN_REQ');
    const openReq = frames.find((f) => f.dir === 'out' && f.type === openReqType);
    assert.ok(openReq, 'the OPEN_REQ frame was tapped');
    assert.equal(openReq.frame.readUInt32BE(4), openReqType, 'the frame includes its header');
    assert.ok(frames.some((f) => f.dir === 'in' && f.type === messageTypeId('CALL_DELIVERED_EVENT')));
  });
});
