/**
 * A/B failover against a duplexed simulator pair: kill the active side mid-stream, the session moves to
 * the other side, with the same OPEN_REQ masks, and exactly one session is open at any time.
 */
import assert from 'node:assert/strict';
import { CtiSimulatorPair } from '../../lib/simulator';
import type { CallSnapshot } from '../../lib/calls';
import { CtiSession, type CtiSessionOptions, type SessionStateInfo } from '../../lib/session';
import { EventCause, type CtiMessage } from '../../lib/protocol';
import { recordStates, waitForEvent } from './helpers';
import { ClientTap } from './tap';

describe('CtiSession A/B failover', function () {
  let pair: CtiSimulatorPair;
  const sessions: CtiSession[] = [];
  const openReqs: Array<{ side: string; message: CtiMessage }> = [];
  /** Relays in front of side A and B recording what the session sends. */
  let taps: ClientTap[];

  beforeEach(async () => {
    openReqs.length = 0;
    pair = new CtiSimulatorPair({ peripheralId: 5000, password: 'pw' });
    await pair.start();
    taps = [new ClientTap(pair.sideA.port), new ClientTap(pair.sideB.port)];
    for (const [i, t] of taps.entries()) {
      await t.start();
      t.on('message', (m: CtiMessage) => {
        if (m.messageType === 'OPEN_REQ') openReqs.push({ side: i === 0 ? 'A' : 'B', message: m });
      });
    }
  });

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    await Promise.all(taps.map((t) => t.stop()));
    await pair.stop();
  });

  function make(first: 'A' | 'B' = 'A', overrides: Partial<CtiSessionOptions> = {}): CtiSession {
    const a = { host: '127.0.0.1', port: taps[0].port };
    const b = { host: '127.0.0.1', port: taps[1].port };
    const s = new CtiSession({
      sideA: first === 'A' ? a : b,
      sideB: first === 'A' ? b : a,
      clientId: 'failover-test',
      clientPassword: 'pw',
      peripheralId: 5000,
      services: ['ALL_EVENTS', 'CLIENT_CONTROL'],
      callMsgMask: ['BEGIN_CALL_MASK', 'END_CALL_MASK', 'CALL_DELIVERED_MASK'],
      agentStateMask: ['AGENT_AVAILABLE_MASK', 'AGENT_TALKING_MASK'],
      heartbeatIntervalMs: 200,
      reconnect: { initialDelayMs: 30, maxDelayMs: 200 },
      ...overrides,
    });
    sessions.push(s);
    return s;
  }

  function openCount(): number {
    return pair.sideA.openSessionCount + pair.sideB.openSessionCount;
  }

  it('switchover of the active side: fails over to B with the same masks, one session, no duplicate', async () => {
    const s = make();
    await s.open();
    assert.equal(s.side, 'A');
    assert.equal(openCount(), 1);
    const states = recordStates(s);
    const events: string[] = [];
    s.on('message', (m: CtiMessage) => events.push(m.messageType));
    const startedAt = Date.now();
    const onB = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'open' && i.side === 'B', 5000);
    await pair.switchover();
    const [info] = await onB;
    console.log(`      failover A→B: ${info.at - startedAt} ms`);
    assert.equal(info.eventsMayHaveBeenMissed, true);
    assert.equal(info.reconnects, 1);
    assert.equal(pair.sideB.openSessionCount, 1);
    assert.equal(pair.sideA.openSessionCount, 0);
    assert.ok(states.some((i) => i.state === 'failover'));
    // The re-open used exactly the same OPEN_REQ (minus InvokeID).
    const strip = (m: CtiMessage): CtiMessage => ({ ...m, invokeId: 0 });
    const last = openReqs[openReqs.length - 1];
    assert.equal(last.side, 'B');
    assert.deepEqual(strip(last.message), strip(openReqs[0].message));
    assert.equal(s.state, 'open');
    const conf = await s.request({
      messageType: 'QUERY_AGENT_STATE_REQ',
      peripheralId: 5000,
      mrdid: 1,
      icmAgentId: 0,
      agentId: '1001',
    });
    assert.equal(conf.messageType, 'QUERY_AGENT_STATE_CONF');
  });

  it('FAILURE_EVENT E_CTI_CTI_SERVER_OFFLINE: the session drops that link itself and opens again', async () => {
    const s = make();
    await s.open();
    assert.equal(s.side, 'A');
    const dropped = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'failover', 5000);
    const reopened = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'open', 5000);
    // The simulator leaves the socket open: closing it is the client's job (cti-protocol.md, Session termination).
    pair.sideA.faults.sendServerOffline();
    const [drop] = await dropped;
    assert.match(drop.reason ?? '', /E_CTI_CTI_SERVER_OFFLINE/);
    const [open] = await reopened;
    assert.equal(open.eventsMayHaveBeenMissed, true);
    assert.equal(open.reconnects, 1);
    assert.equal(openCount(), 1);
  });

  it('a call in progress survives the switchover: B rebuilds it (CEC_CALL_PARTY_UPDATE_IND) into the same tracked call', async () => {
    const s = make('A', { callMsgMask: undefined }); // every call event
    await s.open();
    const established = waitForEvent(s, 'CALL_ESTABLISHED_EVENT', () => true, 5000);
    const call = await pair.active.startInboundCall({
      agentId: '1001',
      ani: '5551212',
      callVariables: { 2: 'kept' },
      answer: true,
    });
    await established;
    assert.equal(s.calls.size, 1);
    const key = s.calls.all()[0].key;

    const rebuilt = waitForEvent<[CtiMessage, CallSnapshot?]>(
      s,
      'CALL_ESTABLISHED_EVENT',
      (m) => m.eventCause === EventCause.byName.CEC_CALL_PARTY_UPDATE_IND,
      5000,
    );
    await pair.switchover();
    const [, snap] = await rebuilt;
    assert.equal(s.side, 'B');
    // Same call, same context: not a second call for the same connection.
    assert.equal(s.calls.size, 1);
    assert.equal(snap?.key, key);
    assert.equal(snap?.ani, '5551212');
    assert.equal(snap?.callVariables[2], 'kept');

    const ended = waitForEvent(s, 'END_CALL_EVENT', () => s.calls.size === 0, 5000);
    await pair.active.releaseCall(call);
    await ended;
  });

  it('starting on the standby side moves to the active side', async () => {
    await pair.switchover(); // now B is active and A standby
    const s = make('A');
    const conf = await s.open();
    assert.equal(conf.messageType, 'OPEN_CONF');
    assert.equal(s.side, 'B');
    assert.equal(openCount(), 1);
  });
});
