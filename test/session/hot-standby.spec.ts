/**
 * Hot standby (issue 24 part 1) against a simulator pair over real TCP: with side B configured and protocol 24 the
 * session holds a standby session (SessionType 2) on the other side, heartbeats it, reopens it when it drops, and
 * a switchover takes it over without a new connection. Servers that cannot have one leave the session as before.
 */
import assert from 'node:assert/strict';
import { CtiSimulator, CtiSimulatorPair } from '../../lib/simulator';
import { CtiSession, type CtiSessionOptions, type SessionStateInfo } from '../../lib/session';
import { recordStates, waitForEvent, waitForState } from './helpers';

const PERIPHERAL = 5000;
const QUERY_1001 = {
  messageType: 'QUERY_AGENT_STATE_REQ',
  peripheralId: PERIPHERAL,
  mrdid: 1,
  icmAgentId: 0,
  agentId: '1001',
};

describe('CtiSession hot standby', function () {
  const sims: Array<CtiSimulator | CtiSimulatorPair> = [];
  const sessions: CtiSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    await Promise.all(sims.splice(0).map((s) => s.stop()));
  });

  async function pair(): Promise<CtiSimulatorPair> {
    const p = new CtiSimulatorPair({ peripheralId: PERIPHERAL });
    sims.push(p);
    await p.start();
    return p;
  }

  function make(a: number, b: number | undefined, over: Partial<CtiSessionOptions> = {}): CtiSession {
    const s = new CtiSession({
      sideA: { host: '127.0.0.1', port: a },
      sideB: b === undefined ? undefined : { host: '127.0.0.1', port: b },
      clientId: 'hot-standby',
      peripheralId: PERIPHERAL,
      services: ['ALL_EVENTS', 'CLIENT_CONTROL'],
      heartbeatIntervalMs: 200,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
      ...over,
    });
    sessions.push(s);
    return s;
  }

  function held(s: CtiSession, side: 'A' | 'B'): Promise<unknown> {
    return waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'open' && i.standbySide === side);
  }

  /** OPEN_REQs each side of the pair saw from this client. */
  function countOpens(p: CtiSimulatorPair): { A: number; B: number } {
    const n = { A: 0, B: 0 };
    for (const sim of [p.sideA, p.sideB]) {
      sim.on('request', (r: { messageType: string; clientId?: string }) => {
        if (r.messageType === 'OPEN_REQ' && r.clientId === 'hot-standby') n[sim.side]++;
      });
    }
    return n;
  }

  it('holds a heartbeated standby session on side B while open on A; the state says so', async () => {
    const p = await pair();
    const s = make(p.sideA.port, p.sideB.port);
    const standby = held(s, 'B');
    await s.open();
    await standby;
    const onB = p.sideB.sessions().filter((i) => i.clientId === 'hot-standby');
    assert.equal(onB.length, 1);
    assert.equal(onB[0].standby, true);
    assert.equal(s.side, 'A');
    // Heartbeats on the standby session keep it: still held after several intervals of the server's idle timer.
    const beats = await waitForEvent<[{ messageType: string; sessionId: number }]>(
      p.sideB,
      'request',
      (r) => r.messageType === 'HEARTBEAT_REQ' && r.sessionId === onB[0].id,
    );
    assert.ok(beats);
  });

  it('a switchover takes the standby session over: no new OPEN_REQ, open on B, then a standby held on A', async () => {
    const p = await pair();
    const opens = countOpens(p);
    const s = make(p.sideA.port, p.sideB.port);
    const standby = held(s, 'B');
    await s.open();
    await standby;
    const states = recordStates(s);
    const onB = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'open' && i.side === 'B');
    const standbyOnA = held(s, 'A');
    await p.switchover();
    const info = (await onB)[0];
    assert.equal(opens.B, 1, 'side B saw only the standby OPEN_REQ');
    assert.ok(!states.some((i) => i.state === 'connecting' || i.state === 'failover'), 'no new connection');
    assert.match(info.reason, /side B/);
    const conf = await s.request(QUERY_1001);
    assert.equal(conf.messageType, 'QUERY_AGENT_STATE_CONF');
    await standbyOnA;
    assert.equal(opens.A, 2, 'side A: the first active session, then the new standby one');
  });

  it('the active side crashes: the standby session takes requests within one heartbeat interval', async () => {
    const p = await pair();
    const s = make(p.sideA.port, p.sideB.port, { heartbeatIntervalMs: 1000 });
    const standby = held(s, 'B');
    await s.open();
    await standby;
    const onB = waitForState(s, 'open');
    const t0 = Date.now();
    await p.switchover();
    await onB;
    const conf = await s.request(QUERY_1001);
    const gapMs = Date.now() - t0;
    assert.equal(conf.messageType, 'QUERY_AGENT_STATE_CONF');
    assert.ok(gapMs < 1000, `requests taken on B ${gapMs} ms after the crash`);
  });

  it('the standby session drops: reopened, the state says so both times', async () => {
    const p = await pair();
    const s = make(p.sideA.port, p.sideB.port);
    const standby = held(s, 'B');
    await s.open();
    await standby;
    const lost = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'open' && i.standbySide === undefined);
    const again = held(s, 'B');
    p.sideB.faults.dropConnections();
    assert.match((await lost)[0].reason, /standby session lost/);
    await again;
    assert.equal(s.side, 'A');
  });

  it('a side B that refuses the standby session, or answers as an active side, is left alone, quietly', async () => {
    for (const sideB of [{ versions: [15, 23] as [number, number] }, {}]) {
      const a = new CtiSimulator({ host: '127.0.0.1', port: 0, peripheralId: PERIPHERAL });
      const b = new CtiSimulator({ host: '127.0.0.1', port: 0, peripheralId: PERIPHERAL, ...sideB });
      sims.push(a, b);
      await a.start();
      await b.start();
      const s = make(a.port, b.port);
      const warnings: unknown[] = [];
      s.on('warning', (w) => warnings.push(w));
      const states = recordStates(s);
      // Side B answers the standby OPEN_REQ as an active side (then the session closes it) or refuses it.
      const leftAlone =
        sideB.versions === undefined
          ? waitForEvent(b, 'session-close')
          : waitForEvent<[{ messageType: string }]>(b, 'request', (r) => r.messageType === 'OPEN_REQ');
      await s.open();
      await leftAlone;
      assert.deepEqual(warnings, []);
      assert.deepEqual(
        states.map((i) => i.state),
        ['connecting', 'connecting', 'open'],
      );
      assert.equal(states[2].standbySide, undefined);
      await s.close();
    }
  });

  it('version 23 fixed against a pair: no standby session is asked for', async () => {
    const p = await pair();
    const opens = countOpens(p);
    const s = make(p.sideA.port, p.sideB.port, { version: 23 });
    await s.open();
    const info = await waitForEvent<[SessionStateInfo]>(s, 'state', () => true, 300).catch(() => undefined);
    assert.equal(info, undefined, 'no further state event');
    assert.deepEqual(opens, { A: 1, B: 0 });
  });
});
