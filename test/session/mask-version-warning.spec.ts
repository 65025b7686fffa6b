/**
 * version 'auto' with masks the user set on purpose (issue 24 part 8): the server accepts a lower version that
 * lacks some of those bits, the OPEN_REQ leaves them out (a server of that version would refuse them), and the
 * session says so once on 'warning' — naming the bits and the version — not again on every reconnect. Defaults
 * trimmed to the version, masks the version has, and a fixed version say nothing.
 */
import assert from 'node:assert/strict';
import { CtiSimulator } from '../../lib/simulator';
import type { SimRequestInfo } from '../../lib/simulator/types';
import { CtiMaskVersionWarning, CtiSession, type CtiSessionOptions } from '../../lib/session';
import { startSimulator, waitForEvent, waitForState } from './helpers';

describe("CtiSession version 'auto': explicit mask bits the accepted version lacks", function () {
  const sims: CtiSimulator[] = [];
  const sessions: CtiSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    await Promise.all(sims.splice(0).map((s) => s.stop()));
  });

  /** A session and every mask warning it emits. */
  function make(port: number, over: Partial<CtiSessionOptions>): { s: CtiSession; said: CtiMaskVersionWarning[] } {
    const s = new CtiSession({
      sideA: { host: '127.0.0.1', port },
      clientId: 'mask-warning',
      heartbeatIntervalMs: 200,
      reconnect: { initialDelayMs: 10, maxDelayMs: 40, jitter: 0 },
      ...over,
    });
    sessions.push(s);
    const said: CtiMaskVersionWarning[] = [];
    s.on('warning', (w) => {
      if (w instanceof CtiMaskVersionWarning) said.push(w);
    });
    return { s, said };
  }

  it('a v19 server: one warning naming each dropped bit and the version, none on the reconnect', async function () {
    const sim = await startSimulator(sims, { versions: [15, 19] });
    const { s, said } = make(sim.port, {
      services: ['ALL_EVENTS', 'CTI_SERVICE_ACTIVE_STANDBY'],
      callMsgMask: ['CALL_DELIVERED_MASK', 'NETWORK_RECORDING_STARTED_MASK', 'NETWORK_RECORDING_ENDED_MASK'],
      configMsgMask: ['CONFIG_AGENT_MASK', 'CONFIG_MRD_MASK'],
      agentStateMask: ['AGENT_AVAILABLE_MASK'],
    });
    const sent: SimRequestInfo[] = [];
    sim.on('request', (r: SimRequestInfo) => {
      if (r.messageType === 'OPEN_REQ') sent.push(r);
    });
    await s.open();
    assert.equal(s.version, 19);
    assert.equal(said.length, 1);
    const [w] = said;
    assert.equal(w.version, 19);
    assert.deepEqual(w.dropped, {
      services: ['CTI_SERVICE_ACTIVE_STANDBY'],
      callMsgMask: ['NETWORK_RECORDING_STARTED_MASK', 'NETWORK_RECORDING_ENDED_MASK'],
      configMsgMask: ['CONFIG_MRD_MASK'],
    });
    assert.match(w.message, /protocol version 19/);
    assert.match(w.message, /callMsgMask: NETWORK_RECORDING_STARTED_MASK, NETWORK_RECORDING_ENDED_MASK/);
    // What the warning says is what happened: the accepted OPEN_REQ went without those bits.
    const accepted = sent[sent.length - 1].message;
    assert.equal(accepted.versionNumber, 19);
    assert.equal(((accepted.callMsgMask as number) & 0x30000000) >>> 0, 0);
    assert.equal(((accepted.configMsgMask as number) & 0x20) >>> 0, 0);

    const reopened = waitForEvent(sim, 'session-open');
    sim.faults.dropConnections();
    await reopened;
    await waitForState(s, 'open');
    assert.equal(s.stats.reconnects, 1);
    assert.equal(said.length, 1, 'a reconnect at the same version says nothing new');
  });

  it('defaults trimmed to the version, and explicit bits the version has, say nothing', async function () {
    const sim = await startSimulator(sims, { versions: [15, 19] });
    const quiet = make(sim.port, {});
    const inRange = make(sim.port, {
      clientId: 'mask-warning-2',
      services: ['ALL_EVENTS'],
      callMsgMask: ['CALL_DELIVERED_MASK'],
      configMsgMask: ['CONFIG_AGENT_MASK'],
    });
    await Promise.all([quiet.s.open(), inRange.s.open()]);
    assert.equal(quiet.s.version, 19);
    assert.equal(inRange.s.version, 19);
    assert.deepEqual(
      [...quiet.said, ...inRange.said].map((w) => w.message),
      [],
    );
  });

  it('the highest version keeps every bit: nothing to say', async function () {
    const sim = await startSimulator(sims, {});
    const { s, said } = make(sim.port, {
      services: ['ALL_EVENTS', 'ACTIVE_STANDBY'],
      callMsgMask: ['NETWORK_RECORDING_STARTED_MASK'],
      configMsgMask: ['CONFIG_MRD_MASK'],
    });
    await s.open();
    assert.ok(s.version >= 24, `opened at ${s.version}`);
    assert.deepEqual(said, []);
  });
});
