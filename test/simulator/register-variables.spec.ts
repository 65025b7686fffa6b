import assert from 'node:assert/strict';
import { type CtiMessage, StatusCode } from '../../lib/protocol';
import type { CtiSimulator, SimRequestInfo } from '../../lib/simulator';
import { Fixture } from './helpers';
import { type RawClient, SVC } from './raw-client';

const S = StatusCode.byName;

/** CallVariable1..10 = cv1..cv10, two ECC variables and a two-element ECC array. */
const ALL_CVS: { [n: number]: string } = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => [i + 1, `cv${i + 1}`]),
);
const CALL_DATA = {
  callVariables: ALL_CVS,
  namedVariables: [
    { name: 'user.cust.id', value: 'C42' },
    { name: 'user.case', value: 'K-7' },
  ],
  namedArrays: [
    { name: 'user.items', index: 0, value: 'first' },
    { name: 'user.items', index: 1, value: 'second' },
  ],
};

/** The call variables a message carries, as { n: value }. */
function cvsOf(m: CtiMessage): { [n: number]: string } {
  const out: { [n: number]: string } = {};
  for (let i = 1; i <= 10; i++) if (m[`callVariable${i}`] !== undefined) out[i] = m[`callVariable${i}`];
  return out;
}

/** Asserts the call data of a message; NumNamed* must agree with the lists on the wire. */
function assertCallData(
  m: CtiMessage | undefined,
  cvs: { [n: number]: string },
  vars: string[],
  arrays: string[],
  what: string,
): void {
  assert.ok(m !== undefined, `${what}: message missing`);
  assert.deepEqual(cvsOf(m), cvs, `${what}: call variables`);
  assert.deepEqual(
    (m.namedVariables ?? []).map((v: { name: string }) => v.name),
    vars,
    `${what}: ECC variables`,
  );
  assert.deepEqual(
    (m.namedArrays ?? []).map((v: { name: string; index: number }) => `${v.name}[${v.index}]`),
    arrays,
    `${what}: ECC arrays`,
  );
  assert.equal(m.numNamedVariables, vars.length, `${what}: NumNamedVariables`);
  assert.equal(m.numNamedArrays, arrays.length, `${what}: NumNamedArrays`);
}

const ALL_VARS = ['user.cust.id', 'user.case'];
const ALL_ARRAYS = ['user.items[0]', 'user.items[1]'];

async function bridge(fx: Fixture, sim: CtiSimulator, clientId: string, version = 24): Promise<RawClient> {
  const c = await fx.client(sim.port, version);
  const conf = await c.open({
    clientId,
    servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS | SVC.CTI_SERVICE_CLIENT_CONTROL,
  });
  assert.equal(conf.messageType, 'OPEN_CONF', JSON.stringify(conf));
  await c.next('SYSTEM_EVENT');
  return c;
}

async function desk(fx: Fixture, sim: CtiSimulator, agentId: string, version = 24): Promise<RawClient> {
  const c = await fx.client(sim.port, version);
  const conf = await c.open({
    clientId: `desk-${agentId}`,
    servicesRequested: SVC.CTI_SERVICE_CLIENT_EVENTS,
    peripheralId: 5000,
    agentId,
  });
  assert.equal(conf.messageType, 'OPEN_CONF', JSON.stringify(conf));
  return c;
}

function register(c: RawClient, callVariableMask: number, vars: string[], arrays: string[] = []): Promise<CtiMessage> {
  return c.request({
    messageType: 'REGISTER_VARIABLES_REQ',
    callVariableMask,
    namedVariables: vars.map((name) => ({ name, value: '' })),
    namedArrays: arrays.map((name) => ({ name, index: 0, value: '' })),
  });
}

/**
 * Runs an action, then a HEARTBEAT round trip on each client: every event the action caused has arrived by
 * then (one ordered stream per client). Returns, per client, the first message of each type it received.
 */
async function during(clients: RawClient[], action: () => Promise<unknown>): Promise<Map<string, CtiMessage>[]> {
  const marks = clients.map((c) => c.messages.length);
  await action();
  for (const c of clients)
    assert.equal((await c.request({ messageType: 'HEARTBEAT_REQ' })).messageType, 'HEARTBEAT_CONF');
  return clients.map((c, i) => {
    const byType = new Map<string, CtiMessage>();
    for (const m of c.messages.slice(marks[i])) if (!byType.has(m.messageType)) byType.set(m.messageType, m);
    return byType;
  });
}

describe('simulator: REGISTER_VARIABLES_REQ', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  it('a client that never registers receives every call variable and every ECC variable', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const all = await bridge(fx, sim, 'bridge');
    const agent = await desk(fx, sim, '1001');
    let callRef: Awaited<ReturnType<CtiSimulator['startInboundCall']>> | undefined;
    const [b, d] = await during([all, agent], async () => {
      callRef = await sim.startInboundCall({ agentId: '1001', translationRoute: true, ...CALL_DATA });
      await sim.setCallData(callRef, { callVariables: { 2: 'two' } });
    });
    for (const type of ['CALL_TRANSLATION_ROUTE_EVENT', 'BEGIN_CALL_EVENT', 'CALL_DELIVERED_EVENT']) {
      assertCallData(b.get(type), ALL_CVS, ALL_VARS, ALL_ARRAYS, `unregistered bridge ${type}`);
    }
    for (const type of ['AGENT_PRE_CALL_EVENT', 'BEGIN_CALL_EVENT', 'CALL_DELIVERED_EVENT']) {
      assertCallData(d.get(type), ALL_CVS, ALL_VARS, ALL_ARRAYS, `unregistered desk ${type}`);
    }
    assertCallData(
      b.get('CALL_DATA_UPDATE_EVENT'),
      { 2: 'two' },
      ALL_VARS,
      ALL_ARRAYS,
      'unregistered bridge CALL_DATA_UPDATE_EVENT',
    );
    assert.equal(sim.sessions()[0].registeredVariables, undefined);
  });

  it('after registering CV1+CV3 and one ECC variable, every call-data message to that client carries only those', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const seen: SimRequestInfo[] = [];
    sim.on('request', (r: SimRequestInfo) => seen.push(r));
    const registered = await bridge(fx, sim, 'registered');
    const registeredDesk = await desk(fx, sim, '1001');
    const unregistered = await bridge(fx, sim, 'unregistered');

    const conf = await register(registered, 0x0005, ['user.cust.id']);
    assert.equal(conf.messageType, 'REGISTER_VARIABLES_CONF');
    assert.equal(conf.invokeId, seen.at(-1)!.invokeId);
    assert.equal(seen.at(-1)!.messageType, 'REGISTER_VARIABLES_REQ');
    assert.deepEqual(seen.at(-1)!.message.namedVariables, [{ name: 'user.cust.id', value: '' }]);
    assert.equal((await register(registeredDesk, 0x0005, ['user.cust.id'])).messageType, 'REGISTER_VARIABLES_CONF');

    const info = sim.sessions().find((s) => s.clientId === 'registered')!;
    assert.deepEqual(info.registeredVariables, {
      callVariableMask: 0x0005,
      namedVariables: ['user.cust.id'],
      namedArrays: [],
    });
    assert.equal(sim.sessions().find((s) => s.clientId === 'unregistered')!.registeredVariables, undefined);

    const only = { 1: 'cv1', 3: 'cv3' };
    let call: Awaited<ReturnType<CtiSimulator['startInboundCall']>> | undefined;
    const [r, rd, u] = await during([registered, registeredDesk, unregistered], async () => {
      call = await sim.startInboundCall({ agentId: '1001', translationRoute: true, ...CALL_DATA });
    });
    for (const type of ['CALL_TRANSLATION_ROUTE_EVENT', 'BEGIN_CALL_EVENT', 'CALL_DELIVERED_EVENT']) {
      assertCallData(r.get(type), only, ['user.cust.id'], [], `registered bridge ${type}`);
      assertCallData(u.get(type), ALL_CVS, ALL_VARS, ALL_ARRAYS, `unregistered bridge ${type}`);
    }
    for (const type of ['AGENT_PRE_CALL_EVENT', 'BEGIN_CALL_EVENT', 'CALL_DELIVERED_EVENT']) {
      assertCallData(rd.get(type), only, ['user.cust.id'], [], `registered desk ${type}`);
    }

    const [r2, rd2, u2] = await during([registered, registeredDesk, unregistered], () =>
      sim.setCallData(call!, {
        callVariables: { 1: 'new1', 2: 'new2' },
        namedVariables: [{ name: 'user.case', value: 'K-8' }],
      }),
    );
    // v24: CALL_DATA_UPDATE_EVENT carries the changed scalars and the call's full ECC set.
    assertCallData(
      r2.get('CALL_DATA_UPDATE_EVENT'),
      { 1: 'new1' },
      ['user.cust.id'],
      [],
      'registered bridge CALL_DATA_UPDATE_EVENT',
    );
    assertCallData(
      rd2.get('CALL_DATA_UPDATE_EVENT'),
      { 1: 'new1' },
      ['user.cust.id'],
      [],
      'registered desk CALL_DATA_UPDATE_EVENT',
    );
    assertCallData(
      u2.get('CALL_DATA_UPDATE_EVENT'),
      { 1: 'new1', 2: 'new2' },
      ALL_VARS,
      ALL_ARRAYS,
      'unregistered CALL_DATA_UPDATE_EVENT',
    );
    assert.equal(u2.get('CALL_DATA_UPDATE_EVENT')!.namedVariables[1].value, 'K-8');

    const id = {
      peripheralId: 5000,
      connectionCallId: call!.connectionCallId,
      connectionDeviceIdType: call!.connectionDeviceIdType,
      connectionDeviceId: call!.connectionDeviceId,
    };
    const snap = await registered.request({ messageType: 'SNAPSHOT_CALL_REQ', ...id });
    assert.equal(snap.messageType, 'SNAPSHOT_CALL_CONF');
    assertCallData(snap, { 1: 'new1', 3: 'cv3' }, ['user.cust.id'], [], 'registered SNAPSHOT_CALL_CONF');
    const fullSnap = await unregistered.request({ messageType: 'SNAPSHOT_CALL_REQ', ...id });
    assertCallData(
      fullSnap,
      { ...ALL_CVS, 1: 'new1', 2: 'new2' },
      ALL_VARS,
      ALL_ARRAYS,
      'unregistered SNAPSHOT_CALL_CONF',
    );
  });

  it('a new registration replaces the previous one', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const c = await bridge(fx, sim, 'bridge');
    assert.equal((await register(c, 0x0005, ['user.cust.id'])).messageType, 'REGISTER_VARIABLES_CONF');
    assert.equal((await register(c, 0x0202, ['user.case'], ['user.items'])).messageType, 'REGISTER_VARIABLES_CONF');
    assert.deepEqual(sim.sessions()[0].registeredVariables, {
      callVariableMask: 0x0202,
      namedVariables: ['user.case'],
      namedArrays: ['user.items'],
    });
    const [m] = await during([c], () => sim.startInboundCall({ agentId: '1001', ...CALL_DATA }));
    assertCallData(
      m.get('BEGIN_CALL_EVENT'),
      { 2: 'cv2', 10: 'cv10' },
      ['user.case'],
      ALL_ARRAYS,
      'BEGIN_CALL_EVENT after re-registering',
    );
    assertCallData(
      m.get('CALL_DELIVERED_EVENT'),
      { 2: 'cv2', 10: 'cv10' },
      ['user.case'],
      ALL_ARRAYS,
      'CALL_DELIVERED_EVENT after re-registering',
    );

    // Registering nothing at all is a registration too: no call variables, no ECC.
    assert.equal((await register(c, 0, [])).messageType, 'REGISTER_VARIABLES_CONF');
    const [n] = await during([c], () => sim.startInboundCall({ agentId: '1002', ...CALL_DATA }));
    assertCallData(n.get('BEGIN_CALL_EVENT'), {}, [], [], 'BEGIN_CALL_EVENT after registering nothing');
  });

  it('an unknown ECC name gets FAILURE_CONF with the matching status and leaves the registration as it was', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const c = await bridge(fx, sim, 'bridge');
    assert.equal((await register(c, 0x0001, ['user.cust.id'])).messageType, 'REGISTER_VARIABLES_CONF');
    const before = sim.sessions()[0].registeredVariables;

    const badVar = await register(c, 0x03ff, ['user.case', 'user.nope']);
    assert.equal(badVar.messageType, 'FAILURE_CONF');
    assert.equal(badVar.status, S.E_CTI_NAMED_VARIABLE_NOT_CONFIGURED);
    const badArray = await register(c, 0x03ff, ['user.case'], ['user.noArray']);
    assert.equal(badArray.messageType, 'FAILURE_CONF');
    assert.equal(badArray.status, S.E_CTI_NAMED_ARRAY_NOT_CONFIGURED);
    // A scalar name is not an array name.
    assert.equal((await register(c, 0, [], ['user.case'])).status, S.E_CTI_NAMED_ARRAY_NOT_CONFIGURED);

    assert.deepEqual(sim.sessions()[0].registeredVariables, before);
    const [m] = await during([c], () => sim.startInboundCall({ agentId: '1001', ...CALL_DATA }));
    assertCallData(
      m.get('BEGIN_CALL_EVENT'),
      { 1: 'cv1' },
      ['user.cust.id'],
      [],
      'BEGIN_CALL_EVENT after refused registrations',
    );
  });

  it('configured names: the eccVariables / eccArrays options, plus any name a call has carried', async () => {
    const sim = await fx.sim({ agents: '1001-1002', eccVariables: ['user.crm.id'], eccArrays: ['user.crm.tags'] });
    const c = await bridge(fx, sim, 'bridge');
    assert.equal((await register(c, 0, ['user.crm.id'], ['user.crm.tags'])).messageType, 'REGISTER_VARIABLES_CONF');
    // The option replaces the defaults.
    assert.equal((await register(c, 0, ['user.cust.id'])).status, S.E_CTI_NAMED_VARIABLE_NOT_CONFIGURED);
    assert.equal((await register(c, 0, ['user.fresh'])).status, S.E_CTI_NAMED_VARIABLE_NOT_CONFIGURED);
    await during([c], () =>
      sim.startInboundCall({
        agentId: '1001',
        namedVariables: [{ name: 'user.fresh', value: '1' }],
        namedArrays: [{ name: 'user.freshArr', index: 3, value: 'x' }],
      }),
    );
    assert.equal(
      (await register(c, 0, ['user.fresh', 'user.crm.id'], ['user.freshArr'])).messageType,
      'REGISTER_VARIABLES_CONF',
    );
    assert.deepEqual(sim.sessions()[0].registeredVariables, {
      callVariableMask: 0,
      namedVariables: ['user.fresh', 'user.crm.id'],
      namedArrays: ['user.freshArr'],
    });
  });

  it('a v15 client registers and receives only what it registered (1-byte floating tags)', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const old = await bridge(fx, sim, 'old', 15);
    const agent = await desk(fx, sim, '1001', 15);
    const plain = await bridge(fx, sim, 'plain', 15);
    assert.equal((await register(old, 0x0004, ['user.case'], ['user.items'])).messageType, 'REGISTER_VARIABLES_CONF');
    assert.equal((await register(agent, 0x0004, ['user.case'], ['user.items'])).messageType, 'REGISTER_VARIABLES_CONF');
    let call: Awaited<ReturnType<CtiSimulator['startInboundCall']>> | undefined;
    const [o, a, p] = await during([old, agent, plain], async () => {
      call = await sim.startInboundCall({ agentId: '1001', ...CALL_DATA });
    });
    for (const type of ['BEGIN_CALL_EVENT', 'CALL_DELIVERED_EVENT']) {
      assertCallData(o.get(type), { 3: 'cv3' }, ['user.case'], ALL_ARRAYS, `v15 registered ${type}`);
      assertCallData(a.get(type), { 3: 'cv3' }, ['user.case'], ALL_ARRAYS, `v15 registered desk ${type}`);
      assertCallData(p.get(type), ALL_CVS, ALL_VARS, ALL_ARRAYS, `v15 unregistered ${type}`);
    }
    assertCallData(
      a.get('AGENT_PRE_CALL_EVENT'),
      { 3: 'cv3' },
      ['user.case'],
      ALL_ARRAYS,
      'v15 registered desk AGENT_PRE_CALL_EVENT',
    );
    // Before PV22 CALL_DATA_UPDATE_EVENT carries only the changed ECC items; the registration filters those too.
    const [o2, p2] = await during([old, plain], () =>
      sim.setCallData(call!, {
        callVariables: { 3: 'three', 4: 'four' },
        namedVariables: [{ name: 'user.cust.id', value: 'C43' }],
      }),
    );
    assertCallData(o2.get('CALL_DATA_UPDATE_EVENT'), { 3: 'three' }, [], [], 'v15 registered CALL_DATA_UPDATE_EVENT');
    assertCallData(
      p2.get('CALL_DATA_UPDATE_EVENT'),
      { 3: 'three', 4: 'four' },
      ['user.cust.id'],
      [],
      'v15 unregistered CALL_DATA_UPDATE_EVENT',
    );
    assert.equal((await register(old, 0, ['user.nope'])).status, S.E_CTI_NAMED_VARIABLE_NOT_CONFIGURED);
  });
});
