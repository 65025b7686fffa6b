/** Option validation (clear errors naming the option) and the reconnect schedule. */
import assert from 'node:assert/strict';
import { Backoff, CtiOptionsError, CtiSession, resolveOptions } from '../../lib/session';

const base = { sideA: { host: '127.0.0.1', port: 42027 }, clientId: 'c' };

describe('CtiSession options', () => {
  it('applies the defaults', () => {
    const o = resolveOptions(base);
    assert.equal(o.version, 25, "version 'auto' offers the highest first");
    assert.equal(o.versionAuto, true);
    assert.equal(o.heartbeatMs, 30000);
    assert.equal(o.idleTimeoutSeconds, 120, '4 × heartbeat');
    assert.equal(o.deadAfterIntervals, 3);
    assert.equal(o.servicesRequested, 0x10 | 0x02000000, 'ALL_EVENTS + ACTIVE_STANDBY (v24+)');
    assert.equal(o.peripheralId, 0xffffffff);
    assert.equal(o.closeTimeoutMs, 5000);
    assert.equal(o.openTimeoutMs, 30000);
    assert.equal(o.maintenanceAnswerMs, 4000, "within the guide's 5-s answer window");
    assert.equal(o.clientPassword, '');
  });

  it('takes service names with or without the CTI_SERVICE_ prefix, or a mask', () => {
    assert.equal(
      resolveOptions({ ...base, version: 23, services: ['ALL_EVENTS', 'CTI_SERVICE_CALL_DATA_UPDATE'] })
        .servicesRequested,
      0x12,
    );
    assert.equal(resolveOptions({ ...base, version: 23, services: 0x4 }).servicesRequested, 0x4);
    assert.equal(resolveOptions({ ...base, services: ['ALL_EVENTS'], activeStandby: false }).servicesRequested, 0x10);
  });

  it('rejects bad options with the option named', () => {
    const bad: Array<[object, RegExp]> = [
      [{ sideA: undefined }, /"sideA"/],
      [{ sideA: { host: 'h', port: 70000 } }, /"sideA.port"/],
      [{ clientId: '' }, /"clientId": is required/],
      [{ services: ['NOPE'] }, /"services": unknown name "NOPE"/],
      [{ version: 12 }, /"version": 12 is not supported/],
      [{ heartbeatInterval: 2 }, /"heartbeatInterval": must be ≥ 5 seconds/],
      [{ idleTimeout: 10 }, /"idleTimeout": must be an integer ≥ 20/],
      [{ services: ['CLIENT_EVENTS'] }, /"peripheralId": is required for CLIENT_EVENTS/],
      [{ services: ['CLIENT_EVENTS'], peripheralId: 1 }, /"agentExtension"/],
      [{ reconnect: { jitter: 2 } }, /"reconnect.jitter"/],
      [{ maintenanceAnswerMs: 6000 }, /"maintenanceAnswerMs": must be at most 5000/],
      [{ maintenanceAnswerMs: 0 }, /"maintenanceAnswerMs": must be a positive number/],
    ];
    for (const [over, re] of bad) {
      assert.throws(
        () => new CtiSession({ ...base, ...over } as never),
        (e: unknown) => e instanceof CtiOptionsError && re.test(e.message),
      );
    }
  });

  it('heartbeatInterval 0 disables heartbeats and sends IdleTimeout 0xFFFFFFFF', () => {
    const o = resolveOptions({ ...base, heartbeatInterval: 0 });
    assert.equal(o.heartbeatMs, 0);
    assert.equal(o.idleTimeoutSeconds, 0xffffffff);
  });
});

describe('Backoff', () => {
  const opts = { enabled: true, initialDelayMs: 100, maxDelayMs: 1000, factor: 2, jitter: 0, maxOpenFailures: 0 };

  it('tries the other side at once, then waits a growing, capped delay per failed round', () => {
    const b = new Backoff(opts, 2);
    const delays = Array.from({ length: 12 }, () => b.nextDelayMs());
    assert.deepEqual(delays, [0, 100, 0, 200, 0, 400, 0, 800, 0, 1000, 0, 1000]);
    b.reset();
    assert.equal(b.nextDelayMs(), 0);
  });

  it('single side: every failure waits', () => {
    const b = new Backoff(opts, 1);
    assert.deepEqual([b.nextDelayMs(), b.nextDelayMs(), b.nextDelayMs()], [100, 200, 400]);
  });

  it('jitter spreads the delay within ± the given share', () => {
    const lo = new Backoff({ ...opts, jitter: 0.2 }, 1, () => 0).nextDelayMs();
    const hi = new Backoff({ ...opts, jitter: 0.2 }, 1, () => 1).nextDelayMs();
    assert.deepEqual([lo, hi], [80, 120]);
  });
});
