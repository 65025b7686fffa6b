import assert from 'node:assert/strict';
import { AgentState, type CtiMessage } from '../../lib/protocol';
import { VirtualClock } from '../../lib/simulator';
import { agentClient, bridgeClient, Fixture } from './helpers';

const AS = AgentState.byName;

function setState(agentState: number, eventReasonCode: number): CtiMessage {
  return {
    messageType: 'SET_AGENT_STATE_REQ',
    peripheralId: 5000,
    agentState,
    agentWorkMode: 0,
    eventReasonCode,
    forcedFlag: 0,
    agentServiceReq: 0,
    agentInstrument: '1001',
    agentId: '1001',
  };
}

describe('simulator: AGENT_STATE_EVENT reason codes and state duration', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  it('carries the requested EventReasonCode for NOT_READY and LOGOUT, and the seconds spent in the state', async () => {
    const clock = new VirtualClock();
    const sim = await fx.sim({ clock, agents: '1001-1002' });
    const desk = await agentClient(fx, sim.port, '1001');
    const bridge = await bridgeClient(fx, sim.port);
    const stateEvent = async (): Promise<CtiMessage> => {
      const atDesk = await desk.next('AGENT_STATE_EVENT');
      const atBridge = await bridge.next('AGENT_STATE_EVENT');
      assert.deepEqual(atBridge, { ...atDesk, monitorId: 0 });
      return atDesk;
    };

    assert.equal((await desk.request(setState(AS.AGENT_STATE_NOT_READY, 42))).messageType, 'SET_AGENT_STATE_CONF');
    let e = await stateEvent();
    assert.deepEqual([e.agentState, e.eventReasonCode, e.stateDuration], [AS.AGENT_STATE_NOT_READY, 42, 0]);

    // Another Not Ready reason 7 s later: the same state, the new reason, 7 s in it.
    await clock.advance(7000);
    await desk.request(setState(AS.AGENT_STATE_NOT_READY, 11));
    e = await stateEvent();
    assert.deepEqual([e.agentState, e.eventReasonCode, e.stateDuration], [AS.AGENT_STATE_NOT_READY, 11, 7]);

    await clock.advance(3000);
    await desk.request(setState(AS.AGENT_STATE_LOGOUT, 7));
    e = await stateEvent();
    assert.deepEqual([e.agentState, e.eventReasonCode, e.stateDuration], [AS.AGENT_STATE_LOGOUT, 7, 0]);

    // The guide gives reason codes only to Not Ready and Logged Off: LOGIN → NOT_READY carries the request's,
    // AVAILABLE none.
    await desk.request(setState(AS.AGENT_STATE_LOGIN, 5));
    e = await stateEvent();
    assert.deepEqual([e.agentState, e.eventReasonCode], [AS.AGENT_STATE_LOGIN, 0]);
    e = await stateEvent();
    assert.deepEqual([e.agentState, e.eventReasonCode], [AS.AGENT_STATE_NOT_READY, 5]);
    await desk.request(setState(AS.AGENT_STATE_AVAILABLE, 9));
    e = await stateEvent();
    assert.deepEqual([e.agentState, e.eventReasonCode, e.stateDuration], [AS.AGENT_STATE_AVAILABLE, 0, 0]);

    // The library call takes a reason code too.
    await sim.setAgentState('1002', 'AGENT_STATE_NOT_READY', 13);
    e = await bridge.next((m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentId === '1002');
    assert.deepEqual([e.agentState, e.eventReasonCode], [AS.AGENT_STATE_NOT_READY, 13]);
  });

  it('an agent that went NOT_READY during a call stays NOT_READY after it, and gets no new call', async () => {
    const sim = await fx.sim({ agents: '1001-1002' });
    const desk = await agentClient(fx, sim.port, '1001');
    const call = await sim.startInboundCall({ agentId: '1001', answer: true });
    await desk.next((m) => m.messageType === 'AGENT_STATE_EVENT' && m.agentState === AS.AGENT_STATE_TALKING);
    const mark = desk.messages.length;
    await desk.request(setState(AS.AGENT_STATE_NOT_READY, 42));
    await sim.releaseCall(call);
    assert.equal(sim.model.getAgent('1001').state, AS.AGENT_STATE_NOT_READY);
    assert.equal(sim.model.getAgent('1001').reasonCode, 42);
    const next = await sim.startInboundCall({});
    assert.equal(next.agentId, '1002');
    await desk.request({ messageType: 'HEARTBEAT_REQ' });
    const states = desk.messages
      .slice(mark)
      .filter((m) => m.messageType === 'AGENT_STATE_EVENT')
      .map((m) => AgentState.nameOf(m.agentState));
    assert.deepEqual(states, ['AGENT_STATE_NOT_READY']);
  });
});
