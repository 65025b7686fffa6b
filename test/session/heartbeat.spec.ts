/**
 * Heartbeats and dead-link detection against a simulator that goes silent (it stops answering anything,
 * HEARTBEAT_REQ included, while the TCP connection stays up — the case TCP itself does not notice).
 */
import assert from 'node:assert/strict';
import { CtiSimulator } from '../../lib/simulator';
import { CtiSession } from '../../lib/session';
import { waitForEvent, waitForState } from './helpers';
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

  it('declares a silent server dead within 3 intervals, resets the link and re-opens', async () => {
    s = make();
    await s.open();
    const silentAt = Date.now();
    sim.faults.setSilent(true);
    const [dead] = await waitForEvent<[{ state: string; reason: string; at: number }]>(
      s,
      'state',
      (i) => i.state === 'failover',
      3000,
    );
    const detectionMs = dead.at - silentAt;
    assert.match(dead.reason, /dead link: no message from the CTI Server for \d+ ms \(3 heartbeat intervals\)/);
    sim.faults.setSilent(false);
    const reopened = await waitForState(s, 'open', 5000);
    const reconnectMs = reopened.at - dead.at;
    console.log(
      `      dead-link detection: ${detectionMs} ms (heartbeat ${INTERVAL} ms, limit 3 intervals); reconnect: ${reconnectMs} ms`,
    );
    // Detection: after 3 intervals of silence (the last sign of life was at most one interval before silentAt).
    assert.ok(detectionMs >= 2 * INTERVAL && detectionMs <= 3 * INTERVAL + 150, `detected after ${detectionMs} ms`);
    assert.equal(s.stats.deadLinks, 1);
    assert.equal(reopened.eventsMayHaveBeenMissed, true);
    assert.equal(sim.openSessionCount, 1);
  });
});
