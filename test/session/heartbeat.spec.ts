/**
 * Heartbeats on the wire: cadence and IdleTimeout. The dead-link verdict has its own spec (dead-link.spec.ts).
 */
import assert from 'node:assert/strict';
import { CtiSimulator } from '../../lib/simulator';
import { CtiSession } from '../../lib/session';
import { waitForEvent } from './helpers';
import { ClientTap } from './tap';

const INTERVAL = 100;

describe('CtiSession heartbeats', function () {
  let sim: CtiSimulator;
  let s: CtiSession | undefined;
  let tap: ClientTap | undefined;

  beforeEach(async () => {
    sim = new CtiSimulator({ peripheralId: 5000 });
    await sim.start();
  });

  afterEach(async () => {
    await s?.close();
    s = undefined;
    await tap?.stop();
    tap = undefined;
    await sim.stop();
  });

  function make(port = sim.port): CtiSession {
    return new CtiSession({
      sideA: { host: '127.0.0.1', port },
      clientId: 'hb-test',
      heartbeatIntervalMs: INTERVAL,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
    });
  }

  it('sends HEARTBEAT_REQ once per interval and asks for IdleTimeout ≥ the guide minimum', async () => {
    tap = new ClientTap(sim.port);
    await tap.start();
    s = make(tap.port);
    await s.open();
    const [req] = tap.of('OPEN_REQ');
    assert.equal(req.msg.idleTimeout, 20, 'IdleTimeout: 4 × 0.1 s, raised to the guide minimum 20 s');
    const t = tap;
    await waitForEvent(t, 'message', () => t.of('HEARTBEAT_REQ').length >= 6, 3000);
    const times = t.of('HEARTBEAT_REQ').map((x) => x.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    // Cadence, not speed: the mean gap is the interval give or take a scheduling delay.
    assert.ok(mean >= INTERVAL * 0.8 && mean <= INTERVAL * 2, `mean heartbeat gap ${mean} ms`);
    assert.equal(s.state, 'open');
    assert.equal(s.stats.deadLinks, 0, 'answered heartbeats keep the link alive');
  });
});
