import assert from 'node:assert/strict';
import type { Node } from 'node-red';
import { buildRegistration } from '../../nodes/lib/server-config';
import type { CtiServerNode } from '../../nodes/lib/server-api';
import { helper, NODES, startSim, serverNode, getServer, waitForState, nextInput, type CtiSimulator } from './harness';

/** The texts a node passed to its own warn()/error() calls (the helper's spies sit on Node.prototype). */
function calls(node: CtiServerNode, method: 'warn' | 'error'): string[] {
  const spy = (node as unknown as Record<string, { getCalls(): Array<{ thisValue: unknown; args: unknown[] }> }>)[
    method
  ];
  return spy
    .getCalls()
    .filter((c) => c.thisValue === node)
    .map((c) => String(c.args[0]));
}

/** Resolves when the session has left 'open' and come back to it (a reconnect). */
function reopened(server: CtiServerNode, timeoutMs = 10000): Promise<void> {
  return new Promise((resolve, reject) => {
    let left = false;
    const timer = setTimeout(() => {
      off();
      reject(new Error(`the session did not re-open within ${timeoutMs} ms (now ${server.currentState().state})`));
    }, timeoutMs);
    const off = server.onState((v) => {
      if (v.state !== 'open') left = true;
      else if (left) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}

/** A call that carries three call variables, two ECC variables and an ECC array element. */
const CALL = {
  agentId: '1001',
  callVariables: { 1: 'cv-one', 2: 'cv-two', 3: 'cv-three' },
  namedVariables: [
    { name: 'user.case', value: 'C-17' },
    { name: 'user.lang', value: 'en' },
  ],
  namedArrays: [{ name: 'user.items', index: 0, value: 'item-0' }],
};

describe('cti-server "Receive only selected variables" (real runtime, simulator over TCP)', function () {
  let sim: CtiSimulator;

  beforeEach(async function () {
    await helper.startServer();
    sim = await startSim({ eccVariables: ['user.case', 'user.lang'] });
  });

  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    await sim.stop();
  });

  function flow(server: Record<string, unknown>): object[] {
    return [
      { id: 'f1', type: 'tab' },
      serverNode(sim, server),
      { id: 'ev', type: 'cti-event', z: 'f1', server: 'srv', events: ['CALL_DELIVERED_EVENT'], wires: [['h']] },
      { id: 'h', type: 'helper', z: 'f1' },
    ];
  }

  async function deliveredCall(): Promise<Record<string, unknown>> {
    const got = nextInput(helper.getNode('h'), (m) => m.topic === 'CALL_DELIVERED_EVENT');
    await sim.startInboundCall(CALL);
    return (await got).call as Record<string, unknown>;
  }

  const SELECTED = {
    registerVariables: true,
    registerCallVariables: [2],
    registerEcc: 'user.case',
    registerEccArrays: '',
  };

  it('registers call variable 2 and ECC "user.case", and call events carry only those', async function () {
    await helper.load(NODES, flow(SELECTED));
    await waitForState(getServer(), 'open');
    assert.equal(sim.sessions().length, 1);
    assert.deepEqual(sim.sessions()[0].registeredVariables, {
      callVariableMask: 0b10,
      namedVariables: ['user.case'],
      namedArrays: [],
    });
    const call = await deliveredCall();
    assert.deepEqual(call.callVariables, { 2: 'cv-two' });
    assert.deepEqual(call.ecc, { 'user.case': 'C-17' });
    assert.deepEqual(calls(getServer(), 'warn'), []);
  });

  it('restores the registration after a reconnect', async function () {
    await helper.load(NODES, flow(SELECTED));
    const server = getServer();
    await waitForState(server, 'open');
    const back = reopened(server);
    sim.faults.dropConnections();
    await back;
    assert.equal(sim.sessions().length, 1);
    assert.deepEqual(sim.sessions()[0].registeredVariables, {
      callVariableMask: 0b10,
      namedVariables: ['user.case'],
      namedArrays: [],
    });
    const call = await deliveredCall();
    assert.deepEqual(call.callVariables, { 2: 'cv-two' });
    assert.deepEqual(call.ecc, { 'user.case': 'C-17' });
  });

  it('with the option off registers nothing (the selections are ignored) and calls carry every variable', async function () {
    await helper.load(NODES, flow({ ...SELECTED, registerVariables: false }));
    await waitForState(getServer(), 'open');
    assert.equal(sim.sessions().length, 1);
    assert.equal(sim.sessions()[0].registeredVariables, undefined);
    const call = await deliveredCall();
    assert.deepEqual(call.callVariables, { 1: 'cv-one', 2: 'cv-two', 3: 'cv-three' });
    assert.deepEqual(call.ecc, { 'user.case': 'C-17', 'user.lang': 'en', 'user.items': ['item-0'] });
  });

  it('an ECC name the server does not know: the session still opens and the node logs a warning', async function () {
    await helper.load(NODES, flow({ ...SELECTED, registerEcc: 'user.case, user.unknown' }));
    const server = getServer();
    await waitForState(server, 'open');
    // The session warns before it reports 'open', so the warning is already there.
    const warnings = calls(server, 'warn');
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(warnings[0], /^CTI session warning: .*NAMED_VARIABLE_NOT_CONFIGURED/);
    assert.equal(sim.sessions()[0].registeredVariables, undefined, 'the refused registration changed nothing');
    const call = await deliveredCall();
    assert.deepEqual(call.callVariables, { 1: 'cv-one', 2: 'cv-two', 3: 'cv-three' });
  });

  for (const [what, bad, expected] of [
    [
      'a call variable outside 1-10',
      { registerCallVariables: [2, 11] },
      /call variables to receive must be numbers 1-10, got "11"/,
    ],
    [
      'an ECC name longer than 32 characters',
      { registerEcc: `user.${'x'.repeat(28)}` },
      /ECC variable names: "user\.x+" is 33 characters; names are 1-32 characters/,
    ],
    [
      'an ECC array name longer than 32 characters',
      { registerEccArrays: `user.${'y'.repeat(40)}` },
      /ECC array names: .* is 45 characters/,
    ],
  ] as const) {
    it(`${what} is reported as an invalid configuration and opens no session`, async function () {
      await helper.load(NODES, flow({ ...SELECTED, ...bad }));
      const server = getServer();
      const view = await waitForState(server, 'closed');
      assert.match(String(view.reason), expected);
      const errors = calls(server, 'error');
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.match(errors[0], /^the CTI server configuration is invalid: /);
      assert.match(errors[0], expected);
      assert.equal(sim.openSessionCount, 0);
      assert.equal((helper.getNode('ev') as unknown as Node).id, 'ev', 'the flow is still running');
    });
  }
});

describe('buildRegistration (the editor properties → registerVariables)', function () {
  it('is undefined while the option is off', function () {
    assert.equal(buildRegistration({ hostA: 'h', registerCallVariables: [1], registerEcc: 'user.case' }), undefined);
    assert.equal(buildRegistration({ hostA: 'h', registerVariables: false, registerEcc: 'user.case' }), undefined);
  });

  it('trims, drops empty entries and duplicates, and sorts the call variables', function () {
    assert.deepEqual(
      buildRegistration({
        hostA: 'h',
        registerVariables: 'true',
        registerCallVariables: ['10', 2, 2],
        registerEcc: ' user.case , ,user.lang,user.case,',
        registerEccArrays: 'user.items',
      }),
      { callVariables: [2, 10], namedVariables: ['user.case', 'user.lang'], namedArrays: ['user.items'] },
    );
  });

  it('ticked with nothing selected registers nothing at all (the server then sends no variables)', function () {
    assert.deepEqual(buildRegistration({ hostA: 'h', registerVariables: true }), {
      callVariables: [],
      namedVariables: [],
      namedArrays: [],
    });
  });

  it('rejects a value that is not a call variable number or a name list', function () {
    assert.throws(
      () => buildRegistration({ hostA: 'h', registerVariables: true, registerCallVariables: ['x'] }),
      /must be numbers 1-10, got "x"/,
    );
    assert.throws(
      () => buildRegistration({ hostA: 'h', registerVariables: true, registerCallVariables: [0] }),
      /got "0"/,
    );
    assert.throws(
      () => buildRegistration({ hostA: 'h', registerVariables: true, registerCallVariables: [1.5] }),
      /got "1.5"/,
    );
    assert.throws(
      () => buildRegistration({ hostA: 'h', registerVariables: true, registerEcc: 42 as unknown as string }),
      /ECC variable names must be names separated by commas/,
    );
  });
});
