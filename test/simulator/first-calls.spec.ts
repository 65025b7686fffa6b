import assert from 'node:assert/strict';
import { AgentState, type CtiMessage, EventCause } from '../../lib/protocol';
import { AcceleratedClock, BUILT_IN_SCENARIOS, VirtualClock } from '../../lib/simulator';
import { launch, parseRate, type CtiSimRun } from '../../cli/cti-sim';
import { agentClient, bridgeClient, Fixture } from './helpers';
import { RawClient } from './raw-client';

const AS = AgentState.byName;
const inCall = (call: CtiMessage) => (m: CtiMessage) => m.connectionCallId === call.connectionCallId;

describe('simulator: calls from the first second (default, ringing and routing scenarios)', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  it('ringing: the call rings until the desktop answers it; the caller hangs up 30 s later (virtual clock)', async () => {
    const clock = new VirtualClock();
    const sim = await fx.sim({ clock, agents: '1001-1002' });
    const desk = await agentClient(fx, sim.port, '1001');
    const played = sim.runScenario('ringing', { calls: 1 });
    const delivered = await desk.next('CALL_DELIVERED_EVENT');
    const begin = desk.messages.find((m) => m.messageType === 'BEGIN_CALL_EVENT')!;
    assert.equal(begin.dnis, '8005551000');
    assert.deepEqual(
      begin.namedVariables.map((v: { name: string }) => v.name),
      ['user.case', 'user.cust.id'],
    );
    await clock.advance(59000); // nobody answers for 59 s: still ringing, nothing else happened
    const answered = await desk.request({
      messageType: 'ANSWER_CALL_REQ',
      peripheralId: 5000,
      connectionCallId: delivered.connectionCallId,
      connectionDeviceIdType: delivered.connectionDeviceIdType,
      connectionDeviceId: delivered.connectionDeviceId,
    });
    assert.equal(answered.messageType, 'ANSWER_CALL_CONF');
    await clock.advance(29000);
    assert.equal(sim.model.calls.size, 1, 'still talking after 29 s');
    await clock.advance(1000);
    const end = await desk.until((m) => m.messageType === 'END_CALL_EVENT');
    const cleared = end.find((m) => m.messageType === 'CALL_CONNECTION_CLEARED_EVENT')!;
    assert.equal(cleared.releasingDeviceId, begin.ani, 'the caller hung up');
    assert.equal(end.find((m) => m.messageType === 'CALL_CLEARED_EVENT')!.eventCause, EventCause.byName.CEC_NONE);
    await played;
  });

  it('ringing: unanswered for 60 s, the caller abandons (CECX_ABAND_RING) and the agent is available again', async () => {
    const clock = new VirtualClock();
    const sim = await fx.sim({ clock, agents: '1001' });
    const bridge = await bridgeClient(fx, sim.port);
    const played = sim.runScenario('ringing', { calls: 1 });
    const delivered = await bridge.next(
      (m) => m.messageType === 'CALL_DELIVERED_EVENT' && m.alertingDeviceId === '1001',
    );
    await clock.advance(59999);
    assert.equal(sim.model.calls.size, 1);
    await clock.advance(1);
    await played;
    const end = await bridge.until(
      (m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentState === AS.AGENT_STATE_AVAILABLE,
    );
    assert.deepEqual(
      end.map((m) => m.messageType),
      ['CALL_CONNECTION_CLEARED_EVENT', 'CALL_CLEARED_EVENT', 'END_CALL_EVENT', 'AGENT_STATE_EVENT'],
    );
    assert.equal(end[1].eventCause, EventCause.byName.CECX_ABAND_RING);
    assert.ok(end.every((m) => m.messageType === 'AGENT_STATE_EVENT' || inCall(delivered)(m)));
    assert.ok(fx.logs.some((l) => l.includes('not answered in 60 s; the caller abandons')));
  });

  it('ringing: calls go only to available agents; a Not Ready desktop gets none', async () => {
    const sim = await fx.sim({ agents: '1001' });
    await sim.setAgentState('1001', 'AGENT_STATE_NOT_READY', 3);
    const bridge = await bridgeClient(fx, sim.port);
    const from = bridge.messages.length;
    await sim.runScenario('ringing', { calls: 3 });
    await bridge.request({ messageType: 'HEARTBEAT_REQ' });
    assert.deepEqual(
      bridge.messages.slice(from).map((m) => m.messageType),
      ['HEARTBEAT_CONF'],
    );
    assert.ok(fx.logs.some((l) => l.includes('skipped: no agent is available')));
  });

  it('routing: one call to each of three DNIS, answered and ended by the simulator', async () => {
    const sim = await fx.sim({ clock: new AcceleratedClock(100) });
    const bridge = await bridgeClient(fx, sim.port);
    await sim.runScenario('routing');
    const begins = bridge.messages.filter((m) => m.messageType === 'BEGIN_CALL_EVENT');
    assert.deepEqual(
      begins.map((m) => m.dnis),
      ['8005551000', '8005552000', '8005553000'],
    );
    for (const b of begins) {
      assert.ok(b.namedVariables.some((v: { name: string }) => v.name === 'user.cust.id'));
      await bridge.next((m) => m.messageType === 'END_CALL_EVENT' && inCall(b)(m));
    }
    assert.equal(sim.model.calls.size, 0);
  });

  it('gentle (the default): three callers, each call answered by the simulator, with call data and ECC', async () => {
    const sim = await fx.sim({ clock: new AcceleratedClock(200) });
    const bridge = await bridgeClient(fx, sim.port);
    await sim.runScenario('gentle');
    await bridge.request({ messageType: 'HEARTBEAT_REQ' }); // every event sent before has arrived
    const begins = bridge.messages.filter((m) => m.messageType === 'BEGIN_CALL_EVENT');
    assert.equal(begins.length, BUILT_IN_SCENARIOS.gentle.calls.length);
    assert.equal(new Set(begins.map((m) => m.ani)).size, 3);
    for (const b of begins) {
      const seq = bridge.messages.filter(inCall(b)).map((m) => m.messageType);
      for (const t of ['CALL_ESTABLISHED_EVENT', 'CALL_DATA_UPDATE_EVENT', 'CALL_CLEARED_EVENT', 'END_CALL_EVENT'])
        assert.ok(seq.includes(t), `${t} in ${seq.join(',')}`);
    }
  });
});

describe('simulator: cti-sim without options, --scenario none, --rate per minute', () => {
  let run: CtiSimRun | undefined;
  let client: RawClient | undefined;
  afterEach(async () => {
    client?.close();
    await run?.stop();
    run = client = undefined;
  });

  it('no --scenario: the default scenario starts a call as soon as a client opens a session', async () => {
    run = await launch(['--port', '0', '--speed', '50']);
    assert.equal(run.scenario?.name, 'gentle');
    client = await RawClient.connect(run.addresses[0].port);
    await client.open();
    const begin = await client.next('BEGIN_CALL_EVENT', 5000);
    await client.next((m) => m.messageType === 'CALL_ESTABLISHED_EVENT' && inCall(begin)(m), 5000);
  });

  it('--scenario none: no scenario, no calls', async () => {
    run = await launch(['--port', '0', '--scenario', 'none']);
    assert.equal(run.scenario, undefined);
    client = await RawClient.connect(run.addresses[0].port);
    await client.open();
    await client.request({ messageType: 'HEARTBEAT_REQ' });
    assert.equal(run.sim.model.calls.size, 0);
    assert.ok(!client.messages.some((m) => m.messageType === 'BEGIN_CALL_EVENT'));
  });

  it('--rate takes calls per minute (6/min), per second (2, 0.5/s) or per hour; bad rates are refused', async () => {
    assert.equal(parseRate('6/min'), 0.1);
    assert.equal(parseRate('6 / m'), 0.1);
    assert.equal(parseRate('2'), 2);
    assert.equal(parseRate('0.5/s'), 0.5);
    assert.equal(parseRate('360/h'), 0.1);
    for (const bad of ['0', '-1', 'fast', '6/day', '/min'])
      assert.throws(() => parseRate(bad), /--rate needs calls per minute/, bad);
    await assert.rejects(launch(['--scenario', 'nope']), /no built-in scenario or file "nope"/);
  });
});
