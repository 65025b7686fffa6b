import assert from 'node:assert/strict';
import { type CtiMessage } from '../../lib/protocol';
import { AcceleratedClock, BUILT_IN_SCENARIOS, validateScenario, type ScenarioDef } from '../../lib/simulator';
import { Fixture } from './helpers';
import { RawClient, SVC } from './raw-client';

const callTypes = (ms: CtiMessage[]): string[] =>
  ms.filter((m) => m.messageType !== 'AGENT_STATE_EVENT').map((m) => m.messageType);

async function bridge(fx: Fixture, port: number): Promise<RawClient> {
  const c = await fx.client(port);
  await c.open({ servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS });
  await c.next('SYSTEM_EVENT');
  return c;
}

describe('simulator: scenarios (accelerated clock)', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());
  const fast = () => new AcceleratedClock(200);

  it('inbound: a whole call with call data', async () => {
    const sim = await fx.sim({ clock: fast() });
    const c = await bridge(fx, sim.port);
    await sim.runScenario('inbound');
    const seq = await c.until('END_CALL_EVENT');
    assert.deepEqual(callTypes(seq), [
      'BEGIN_CALL_EVENT',
      'CALL_DELIVERED_EVENT',
      'AGENT_PRE_CALL_EVENT',
      'CALL_DELIVERED_EVENT',
      'CALL_ESTABLISHED_EVENT',
      'CALL_DATA_UPDATE_EVENT',
      'CALL_CONNECTION_CLEARED_EVENT',
      'CALL_CLEARED_EVENT',
      'END_CALL_EVENT',
    ]);
    assert.equal(seq[0].ani, '4085551234');
    assert.equal(seq[0].callVariable1, 'ACCT-12345');
    const upd = seq.find((m) => m.messageType === 'CALL_DATA_UPDATE_EVENT')!;
    assert.equal(upd.callVariable5, 'handled');
    assert.deepEqual(
      upd.namedVariables.map((v: { name: string }) => v.name),
      ['user.case', 'user.disposition'],
    );
  });

  it('transfer: the consult call ends, the original continues with the second agent', async () => {
    const sim = await fx.sim({ clock: fast() });
    const c = await bridge(fx, sim.port);
    await sim.runScenario('transfer');
    const seq = await c.until((m) => m.messageType === 'CALL_CLEARED_EVENT');
    const t = callTypes(seq);
    for (const name of [
      'CALL_HELD_EVENT',
      'CALL_SERVICE_INITIATED_EVENT',
      'CALL_ORIGINATED_EVENT',
      'CALL_TRANSFERRED_EVENT',
    ])
      assert.ok(t.includes(name), `${name} in ${t.join(',')}`);
    const x = seq.find((m) => m.messageType === 'CALL_TRANSFERRED_EVENT')!;
    assert.equal(x.transferringDeviceId, '1001');
    assert.equal(x.transferredDeviceId, '1002');
    assert.ok(
      t.indexOf('END_CALL_EVENT') > t.indexOf('CALL_TRANSFERRED_EVENT'),
      'consult call ended after the transfer',
    );
  });

  it('conference: CALL_CONFERENCED_EVENT with three parties', async () => {
    const sim = await fx.sim({ clock: fast() });
    const c = await bridge(fx, sim.port);
    await sim.runScenario('conference');
    const conf = await c.next('CALL_CONFERENCED_EVENT');
    assert.equal(conf.numParties, 3);
    assert.equal(conf.addedPartyDeviceId, '1002');
    await c.next('CALL_CLEARED_EVENT');
  });

  it('outbound: SERVICE_INITIATED → ORIGINATED → REACHED_NETWORK → DELIVERED → ESTABLISHED → cleared', async () => {
    const sim = await fx.sim({ clock: fast() });
    const c = await bridge(fx, sim.port);
    await sim.runScenario('outbound');
    const seq = await c.until('END_CALL_EVENT');
    assert.deepEqual(callTypes(seq), [
      'BEGIN_CALL_EVENT',
      'CALL_SERVICE_INITIATED_EVENT',
      'CALL_ORIGINATED_EVENT',
      'CALL_REACHED_NETWORK_EVENT',
      'CALL_DELIVERED_EVENT',
      'CALL_ESTABLISHED_EVENT',
      'CALL_CONNECTION_CLEARED_EVENT',
      'CALL_CLEARED_EVENT',
      'END_CALL_EVENT',
    ]);
    assert.equal(seq[0].dialedNumber, '9005550100');
  });

  it('busy-hour at a rate with more calls than agents: calls queue and every call ends', async () => {
    const sim = await fx.sim({ clock: fast(), agents: '1001-1002' });
    const c = await bridge(fx, sim.port);
    await sim.runScenario('busy-hour', { calls: 6, rate: 4 });
    const begins = c.messages.filter((m) => m.messageType === 'BEGIN_CALL_EVENT').length;
    const ends = c.messages.filter((m) => m.messageType === 'END_CALL_EVENT').length;
    await c.request({ messageType: 'HEARTBEAT_REQ' });
    assert.equal(begins, 6);
    assert.equal(c.messages.filter((m) => m.messageType === 'END_CALL_EVENT').length, 6, `ends ${ends}`);
    assert.ok(c.messages.some((m) => m.messageType === 'CALL_QUEUED_EVENT'));
    assert.ok(c.messages.some((m) => m.messageType === 'CALL_TRANSLATION_ROUTE_EVENT'));
    assert.equal(sim.model.calls.size, 0);
  });

  it('a JSON scenario: hold, retrieve, setCallData, fault step; bad scenarios are refused', async () => {
    const def: ScenarioDef = JSON.parse(
      JSON.stringify({
        calls: [
          {
            type: 'inbound',
            agentId: '1002',
            ani: '111',
            callVariables: { '3': 'c' },
            steps: [
              { action: 'answer' },
              { delay: 100, action: 'hold' },
              { action: 'retrieve' },
              { action: 'setCallData', namedArrays: [{ name: 'user.arr', index: 2, value: 'z' }] },
              { action: 'fault', fault: 'newer-type' },
              { action: 'release' },
            ],
          },
        ],
      }),
    );
    const sim = await fx.sim({ clock: fast() });
    const c = await bridge(fx, sim.port);
    await sim.runScenario(def);
    const seq = await c.until('END_CALL_EVENT');
    const t = seq.map((m) => m.messageType);
    for (const name of ['CALL_HELD_EVENT', 'CALL_RETRIEVED_EVENT', 'CALL_DATA_UPDATE_EVENT', 'UNKNOWN'])
      assert.ok(t.includes(name), name);
    assert.deepEqual(seq.find((m) => m.messageType === 'CALL_DATA_UPDATE_EVENT')!.namedArrays, [
      { name: 'user.arr', index: 2, value: 'z' },
    ]);
    assert.throws(() => validateScenario({ calls: [] }), /non-empty/);
    assert.throws(() => validateScenario({ calls: [{ steps: [{ action: 'dance' }] }] }), /dance/);
    await assert.rejects(sim.runScenario('nope'), /unknown scenario/);
    assert.deepEqual(Object.keys(BUILT_IN_SCENARIOS).sort(), [
      'busy-hour',
      'conference',
      'gentle',
      'inbound',
      'outbound',
      'ringing',
      'routing',
      'transfer',
    ]);
    for (const [name, d] of Object.entries(BUILT_IN_SCENARIOS)) {
      assert.ok(d.description, `${name} has a description for --help`);
      validateScenario(d);
    }
    assert.throws(() => validateScenario({ calls: [{ whenNoAgent: 'later' }] }), /whenNoAgent/);
    assert.throws(() => validateScenario({ calls: [{ steps: [{ action: 'waitForAnswer', timeout: 0 }] }] }), /timeout/);
  });
});
