/**
 * Calls that ended while the link was down (lib/calls/stale-sweep.ts): after a switchover or a reconnect, each call
 * tracked before it that the new link did not restate is asked about (SNAPSHOT_CALL_REQ); the one the server no
 * longer has is ended with an END_CALL_EVENT marked `endedWhileDown`, the others stay as they were. Real TCP, a
 * real simulator (pair); what the simulator was asked is read from its own 'request' events.
 */
import assert from 'node:assert/strict';
import type { CallSnapshot } from '../../lib/calls';
import type { CtiMessage } from '../../lib/protocol';
import { CtiSession, type CtiSessionOptions, type SessionStateInfo } from '../../lib/session';
import { CtiSimulator, CtiSimulatorPair, type SimCall, type SimRequestInfo } from '../../lib/simulator';
import { waitForEvent } from '../session/helpers';

const PERIPHERAL = 5000;

type Ended = [CtiMessage, CallSnapshot];

describe('call tracker: calls that ended while the link was down are asked about and ended', function () {
  this.timeout(30_000);
  let pair: CtiSimulatorPair | undefined;
  let sim: CtiSimulator | undefined;
  let session: CtiSession | undefined;

  afterEach(async () => {
    await session?.close();
    await pair?.stop();
    await sim?.stop();
    session = pair = sim = undefined;
  });

  function open(ports: number[], extra: Partial<CtiSessionOptions> = {}): CtiSession {
    const s = (session = new CtiSession({
      sideA: { host: '127.0.0.1', port: ports[0] },
      ...(ports[1] !== undefined ? { sideB: { host: '127.0.0.1', port: ports[1] } } : {}),
      clientId: 'ended-while-down',
      peripheralId: PERIPHERAL,
      services: ['ALL_EVENTS', 'CLIENT_CONTROL'],
      version: 24,
      heartbeatIntervalMs: 1000,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100, jitter: 0 },
      ...extra,
    }));
    s.on('error', () => undefined);
    return s;
  }

  /** A started pair (kept in `pair` for teardown) and a session open on A with the standby held on B. */
  async function sessionWithStandbyHeld(): Promise<{ s: CtiSession; sims: CtiSimulatorPair }> {
    const started = new CtiSimulatorPair({ peripheralId: PERIPHERAL, agents: '1001-1005' });
    pair = started;
    await started.start();
    const s = open([started.sideA.port, started.sideB.port]);
    const held = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.standbySide === 'B');
    await s.open();
    await held;
    return { s, sims: started };
  }

  /** Three answered calls on `host`, each seen by the session. */
  async function threeCalls(s: CtiSession, host: CtiSimulator): Promise<SimCall[]> {
    const calls: SimCall[] = [];
    for (const [agentId, ani] of [
      ['1001', '5550101'],
      ['1002', '5550102'],
      ['1003', '5550103'],
    ]) {
      const seen = waitForEvent(s, 'CALL_ESTABLISHED_EVENT');
      calls.push(await host.startInboundCall({ agentId, answer: true, ani }));
      await seen;
    }
    assert.equal(s.calls.size, 3);
    return calls;
  }

  /** The ConnectionCallIDs the simulator was asked SNAPSHOT_CALL_REQ for, in order. */
  function snapshotsAsked(...sims: CtiSimulator[]): number[] {
    const asked: number[] = [];
    for (const x of sims)
      x.on('request', (r: SimRequestInfo) => {
        if (r.messageType === 'SNAPSHOT_CALL_REQ') asked.push(Number(r.message.connectionCallId));
      });
    return asked;
  }

  it('crash with the hot standby held: the call not restated is ended (endedWhileDown), the restated ones stay', async () => {
    const { s, sims } = await sessionWithStandbyHeld();
    const [talking, other, gone] = await threeCalls(s, sims.sideA);
    const before = s.calls.all().find((c) => c.connectionCallId === gone.connectionCallId)!;
    const asked = snapshotsAsked(sims.sideA, sims.sideB);

    // The active side crashes; the third call ends while no side is active (its END_CALL_EVENT reaches nobody).
    const a = sims.sideA;
    a.faults.dropConnections();
    a.setActive(false);
    await a.stop();
    await a.releaseCall(gone);

    const ended = waitForEvent<Ended>(s, 'END_CALL_EVENT', (_m, c) => c?.endedWhileDown === true);
    sims.sideB.setActive(true);
    const [msg, call] = await ended;

    assert.equal(msg.connectionCallId, gone.connectionCallId);
    assert.equal(msg.peripheralId, PERIPHERAL);
    assert.equal(msg.connectionDeviceId, before.connectionDeviceId);
    assert.equal(call.ended, true);
    assert.equal(call.key, before.key);
    assert.equal(call.ani, '5550103', 'the call as it was known');
    assert.equal(call.startedAt, before.startedAt);
    assert.deepEqual(
      s.calls
        .all()
        .map((c) => c.connectionCallId)
        .sort(),
      [talking.connectionCallId, other.connectionCallId].sort(),
      'the restated calls stay; the ended one is gone',
    );
    // The ended call was asked once; a restated call at most once (the first request goes before the restatements
    // may have been read; after its answer they have).
    assert.equal(asked.filter((id) => id === gone.connectionCallId).length, 1, `asked: ${asked.join()}`);
    assert.ok(asked.length <= 2, `asked: ${asked.join()}`);

    // What follows is real: the restated calls end with their own END_CALL_EVENTs, unmarked.
    const realEnd = waitForEvent<Ended>(s, 'END_CALL_EVENT', (m) => m.connectionCallId === talking.connectionCallId);
    await sims.sideB.releaseCall(talking);
    const [, endCall] = await realEnd;
    assert.equal(endCall.endedWhileDown, undefined);
  });

  it('reconnect to the same side (nothing restated): every tracked call is asked; the ended one ends', async () => {
    sim = new CtiSimulator({ host: '127.0.0.1', port: 0, peripheralId: PERIPHERAL, agents: '1001-1005' });
    await sim.start();
    const s = open([sim.port]);
    await s.open();
    const [, , gone] = await threeCalls(s, sim);
    const asked = snapshotsAsked(sim);

    // The server goes away; the third call ends meanwhile; it comes back on the same port.
    sim.faults.dropConnections();
    await sim.stop();
    await sim.releaseCall(gone);
    const snapshots: CtiMessage[] = [];
    s.on('SNAPSHOT_CALL_CONF', (m: CtiMessage) => snapshots.push(m));
    const ended = waitForEvent<Ended>(s, 'END_CALL_EVENT', (_m, c) => c?.endedWhileDown === true);
    const reopened = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'open');
    await sim.start();
    const [info] = await reopened;
    assert.equal(info.eventsMayHaveBeenMissed, true);
    const [msg] = await ended;
    assert.equal(msg.connectionCallId, gone.connectionCallId);
    // The calls still there were asked too, and stay (their CONFs refreshed them).
    while (snapshots.length < 2) await waitForEvent(s, 'SNAPSHOT_CALL_CONF');
    assert.equal(asked.length, 3, `asked: ${asked.join()}`);
    assert.equal(s.calls.size, 2);
    assert.ok(!s.calls.all().some((c) => c.connectionCallId === gone.connectionCallId));
  });

  it('without Client Control nothing can be asked: said once, the calls stay', async () => {
    sim = new CtiSimulator({ host: '127.0.0.1', port: 0, peripheralId: PERIPHERAL, agents: '1001-1005' });
    await sim.start();
    const s = open([sim.port], { services: ['ALL_EVENTS'] });
    await s.open();
    await threeCalls(s, sim);
    const warnings: Error[] = [];
    s.on('warning', (w: Error) => warnings.push(w));
    for (let round = 0; round < 2; round++) {
      const refused = waitForEvent<[CtiMessage]>(s, 'FAILURE_CONF');
      sim.faults.dropConnections();
      await refused;
    }
    assert.equal(warnings.filter((w) => /SNAPSHOT_CALL refused/.test(w.message)).length, 1);
    assert.match(warnings[0].message, /Client Control/);
    assert.equal(s.calls.size, 3);
  });

  it('a planned move (PG maintenance): every call restated, none asked about, none ended', async () => {
    const { s, sims } = await sessionWithStandbyHeld();
    const calls = await threeCalls(s, sims.sideA);
    const asked = snapshotsAsked(sims.sideA, sims.sideB);
    const moved = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'open' && i.side === 'B');
    assert.equal((await sims.maintenance()).decision, 'continue');
    await moved;
    // Two requests answered on B, one after the other: a sweep's first request would have been sent (right after
    // the open was announced) before the second, so the simulator would have seen it by the second's answer.
    const query = { messageType: 'QUERY_AGENT_STATE_REQ', peripheralId: PERIPHERAL, mrdid: 1, icmAgentId: 0 };
    await s.request({ ...query, agentId: '1001' });
    assert.equal((await s.request({ ...query, agentId: '1002' })).messageType, 'QUERY_AGENT_STATE_CONF');
    assert.deepEqual(asked, []);
    assert.equal(s.calls.size, 3);
    for (const c of calls) await sims.sideB.releaseCall(c);
  });
});
