/**
 * version 'auto' (the default): the session offers the highest version it speaks, steps down on
 * E_CTI_INVALID_VERSION until the server accepts, shows the accepted version (session.version, the state's
 * `version`), and offers that version straight away on reconnects and on failover. A fixed version works as
 * before: no stepping, a refusal is a refused configuration.
 */
import assert from 'node:assert/strict';
import { CtiSimulator, CtiSimulatorPair } from '../../lib/simulator';
import type { SimSessionInfo } from '../../lib/simulator/types';
import { CtiOpenError, CtiSession, type CtiSessionOptions, type SessionStateInfo } from '../../lib/session';
import { recordStates, startSimulator, waitForEvent, waitForState } from './helpers';

describe("CtiSession version 'auto'", function () {
  const sims: CtiSimulator[] = [];
  const pairs: CtiSimulatorPair[] = [];
  const sessions: CtiSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    await Promise.all(sims.splice(0).map((s) => s.stop()));
    await Promise.all(pairs.splice(0).map((p) => p.stop()));
  });

  function make(port: number, over: Partial<CtiSessionOptions> = {}): CtiSession {
    const s = new CtiSession({
      sideA: { host: '127.0.0.1', port },
      clientId: 'auto-test',
      heartbeatIntervalMs: 200,
      reconnect: { initialDelayMs: 10, maxDelayMs: 40, jitter: 0 },
      ...over,
    });
    sessions.push(s);
    return s;
  }

  /** Versions offered, in order, as the simulator saw them (refused ones included). */
  function offered(states: SessionStateInfo[]): number[] {
    return states.filter((i) => i.state === 'connecting' && i.phase === 'handshake').map((i) => i.version ?? -1);
  }

  for (const [min, max] of [
    [15, 19],
    [20, 22],
    [15, 25],
  ] as const) {
    it(`a server speaking ${min}-${max}: opens at ${max}, stepping down from 25 one version at a time`, async () => {
      const sim = await startSimulator(sims, { versions: [min, max] });
      const s = make(sim.port);
      const states = recordStates(s);
      const opened = waitForEvent<[SimSessionInfo]>(sim, 'session-open');
      await s.open();
      const [info] = await opened;
      assert.equal(info.version, max);
      assert.equal(s.version, max);
      const open = states.find((i) => i.state === 'open');
      assert.equal(open?.version, max);
      const expected = Array.from({ length: 25 - max + 1 }, (_, i) => 25 - i);
      assert.deepEqual(offered(states), expected);
      const refusals = states.filter((i) => i.reasonKey === 'connecting:version-refused');
      assert.equal(refusals.length, 25 - max);
      for (const r of refusals)
        assert.match(r.reason, /^side A refused protocol version \d+ \(E_CTI_INVALID_VERSION\); offering version \d+$/);
      assert.ok(!states.some((i) => i.state === 'failover'), 'stepping down is no failure');
      assert.equal(sim.openSessionCount, 1);
    });
  }

  it('remembers the accepted version: a reconnect offers it straight away', async () => {
    const sim = await startSimulator(sims, { versions: [15, 19] });
    const s = make(sim.port);
    await s.open();
    const states = recordStates(s);
    const reopened = waitForEvent<[SimSessionInfo]>(sim, 'session-open');
    sim.faults.dropConnections();
    const [info] = await reopened;
    await waitForState(s, 'open');
    assert.equal(info.version, 19);
    assert.deepEqual(offered(states), [19], 'no refused version on the reconnect');
  });

  it('remembers the accepted version on failover to side B', async () => {
    const pair = new CtiSimulatorPair({ peripheralId: 5000, versions: [15, 19] });
    pairs.push(pair);
    await pair.start();
    // Below 24 there is no active/standby: side B refuses with E_CTI_CTI_SERVER_OFFLINE until it is active.
    const s = make(pair.sideA.port, { sideB: { host: '127.0.0.1', port: pair.sideB.port } });
    await s.open();
    assert.equal(s.version, 19);
    const states = recordStates(s);
    const onB = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'open' && i.side === 'B', 5000);
    await pair.switchover();
    const [info] = await onB;
    assert.equal(info.version, 19);
    assert.ok(
      offered(states).every((v) => v === 19),
      `offered ${offered(states).join(', ')}`,
    );
  });

  it('a fixed version works as before: opens at it, or is refused without stepping down', async () => {
    const sim = await startSimulator(sims, { versions: [15, 19] });
    const fixed = make(sim.port, { version: 19 });
    await fixed.open();
    assert.equal(fixed.version, 19);

    const tooNew = make(sim.port, { version: 24 });
    const states = recordStates(tooNew);
    const failover = waitForState(tooNew, 'failover');
    const err = await tooNew.open().then(
      () => assert.fail('opened'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof CtiOpenError && err.statusName === 'E_CTI_INVALID_VERSION', String(err));
    const f = await failover;
    assert.equal(f.configRefused, true);
    assert.equal(f.version, 24);
    assert.deepEqual(offered(states), [24]);
  });
});
