/**
 * Variable registrations (REGISTER_VARIABLES_REQ) belong to the session on the server: the client sends its
 * registration after every OPEN_CONF — from the options, or the last one the server accepted — before it says
 * "open", so a re-opened session delivers the same variables as before the drop.
 */
import assert from 'node:assert/strict';
import { CtiSimulator } from '../../lib/simulator';
import type { CallSnapshot } from '../../lib/calls';
import { CtiSession, type CtiSessionOptions, type SessionStateInfo } from '../../lib/session';
import type { CtiMessage } from '../../lib/protocol';
import { waitForEvent } from './helpers';

describe('CtiSession variable registration', function () {
  let sim: CtiSimulator;
  const sessions: CtiSession[] = [];

  beforeEach(async () => {
    sim = new CtiSimulator({ peripheralId: 5000, agents: '1001-1003', eccVariables: ['user.case', 'user.lang'] });
    await sim.start();
  });

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    await sim.stop();
  });

  function make(extra: Partial<CtiSessionOptions> = {}): CtiSession {
    const s = new CtiSession({
      sideA: { host: '127.0.0.1', port: sim.port },
      clientId: 'registration-test',
      peripheralId: 5000,
      heartbeatIntervalMs: 200,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
      ...extra,
    });
    sessions.push(s);
    return s;
  }

  const registered = () => sim.sessions().map((i) => i.registeredVariables);

  async function beginCallOf(s: CtiSession): Promise<CallSnapshot> {
    const begun = waitForEvent<[CtiMessage, CallSnapshot]>(s, 'BEGIN_CALL_EVENT');
    await sim.startInboundCall({
      agentId: '1001',
      callVariables: { 1: 'one', 2: 'two', 3: 'three' },
      namedVariables: [
        { name: 'user.case', value: 'C-1' },
        { name: 'user.lang', value: 'fr' },
      ],
    });
    return (await begun)[1];
  }

  it('registers the variables of the options before announcing open; calls carry only those', async () => {
    const s = make({ registerVariables: { callVariables: [1, 3], namedVariables: ['user.case'] } });
    const open = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'open');
    await s.open();
    const [info] = await open;
    assert.match(info.reason, /variables registered/);
    assert.deepEqual(registered(), [{ callVariableMask: 0b101, namedVariables: ['user.case'], namedArrays: [] }]);
    const call = await beginCallOf(s);
    assert.deepEqual({ ...call.callVariables }, { 1: 'one', 3: 'three' });
    assert.deepEqual({ ...call.ecc }, { 'user.case': 'C-1' });
  });

  it('restores a registration made with request() after the link drops, and says so', async () => {
    const s = make();
    await s.open();
    await s.request({
      messageType: 'REGISTER_VARIABLES_REQ',
      callVariableMask: 0b10,
      namedVariables: [{ name: 'user.lang', value: '' }],
    });
    assert.deepEqual(registered(), [{ callVariableMask: 0b10, namedVariables: ['user.lang'], namedArrays: [] }]);

    const reopened = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'open');
    sim.faults.dropConnections();
    const [info] = await reopened;
    assert.equal(info.eventsMayHaveBeenMissed, true);
    assert.match(info.reason, /variable registration restored/);
    assert.deepEqual(registered(), [{ callVariableMask: 0b10, namedVariables: ['user.lang'], namedArrays: [] }]);
    const call = await beginCallOf(s);
    assert.deepEqual({ ...call.callVariables }, { 2: 'two' });
    assert.deepEqual({ ...call.ecc }, { 'user.lang': 'fr' });
  });

  it('a registration the server refuses does not keep the session from opening: a warning, and the reason says why', async () => {
    const s = make({ registerVariables: { namedVariables: ['user.not.configured'] } });
    const warned = waitForEvent<[Error]>(s, 'warning');
    const open = waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'open');
    await s.open();
    const [err] = await warned;
    assert.match(err.message, /E_CTI_NAMED_VARIABLE_NOT_CONFIGURED/);
    const [info] = await open;
    assert.match(info.reason, /variable registration refused: .*E_CTI_NAMED_VARIABLE_NOT_CONFIGURED/);
    assert.deepEqual(registered(), [undefined]);
  });

  it('refuses a bad registration option at construction', () => {
    assert.throws(() => make({ registerVariables: { callVariables: [11] } }), /registerVariables.callVariables/);
  });
});
