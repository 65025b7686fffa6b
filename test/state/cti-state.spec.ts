import assert from 'node:assert/strict';
import type { NodeMessage } from 'node-red';
import { RealClock } from '../../lib/simulator';
import type { ContactCenterView } from '../../lib/contact-center';
import {
  helper,
  NODES,
  startSim,
  serverNode,
  getServer,
  waitForState,
  waitForStatus,
  nextInput,
  collect,
  flush,
  once,
  type CtiSimulator,
} from '../nodes/harness';
import ctiState = require('../../nodes/cti-state');

type StateMsg = NodeMessage & { payload: ContactCenterView };

const STATE_NODES = [...NODES, ctiState];

describe('cti-state node (real runtime, simulator over TCP)', function () {
  let sim: CtiSimulator;

  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    await sim?.stop();
  });

  async function deploy(stateNode: Record<string, unknown> = {}, serverExtra: Record<string, unknown> = {}) {
    await helper.startServer();
    await helper.load(STATE_NODES, [
      { id: 'f1', type: 'tab' },
      serverNode(sim, serverExtra),
      {
        id: 'st',
        type: 'cti-state',
        z: 'f1',
        server: 'srv',
        queryAgents: '1001-1003',
        throttleMs: 0,
        wires: [['h']],
        ...stateNode,
      },
      { id: 'h', type: 'helper', z: 'f1' },
    ]);
    return helper.getNode('h');
  }

  /** The next state message whose view passes `accept`. */
  function nextView(h: ReturnType<typeof helper.getNode>, accept: (v: ContactCenterView) => boolean) {
    return nextInput(h, (m) => accept((m as StateMsg).payload)).then((m) => (m as StateMsg).payload);
  }

  it('shows every queried agent from the open, before any agent event, and says how the state was built', async function () {
    sim = await startSim();
    await sim.setAgentState('1002', 'AGENT_STATE_NOT_READY');
    const h = await deploy();
    const view = await nextView(h, (v) => v.origin.rebuiltBy.includes('QUERY_AGENT_STATE'));
    assert.deepEqual(
      view.agents.map((a) => [a.agentId, a.state]),
      [
        ['1001', 'AGENT_STATE_AVAILABLE'],
        ['1002', 'AGENT_STATE_NOT_READY'],
        ['1003', 'AGENT_STATE_AVAILABLE'],
      ],
    );
    assert.deepEqual(view.summary.agentsByState, { AGENT_STATE_AVAILABLE: 2, AGENT_STATE_NOT_READY: 1 });
    assert.equal(view.summary.agentsLoggedIn, 3);
    assert.equal(view.origin.kind, 'open');
    assert.equal(view.origin.eventsMayHaveBeenMissed, false);
    for (const a of view.agents) {
      assert.ok(a.skillGroups.length > 0, `agent ${a.agentId} has its skill group`);
      assert.ok(a.since <= view.at);
    }
  });

  it('follows a call from ringing to its end: calls in progress, the agent on it, calls per interval', async function () {
    sim = await startSim();
    const h = await deploy();
    await nextView(h, (v) => v.agents.length === 3);
    const talking = nextView(
      h,
      (v) => v.calls.length === 1 && v.calls[0].agentId === '1001' && v.calls[0].state === 'LCS_CONNECT',
    );
    const call = await sim.startInboundCall({
      agentId: '1001',
      ani: '5551234',
      dnis: '8005550100',
      callVariables: { 3: 'acct-7' },
    });
    await sim.answerCall(call);
    const during = await talking;
    const c = during.calls[0];
    assert.equal(c.ani, '5551234');
    assert.equal(c.dnis, '8005550100');
    assert.equal(c.callVariables[3], 'acct-7');
    assert.equal(c.queued, false);
    assert.equal(during.summary.callsInProgress, 1);
    assert.equal(during.summary.callsLastInterval, 1);
    const agent = during.agents.find((a) => a.agentId === '1001');
    assert.equal(agent?.activeCall, c.key);

    const after = nextView(h, (v) => v.calls.length === 0 && v.summary.callsEndedLastInterval === 1);
    await sim.releaseCall(call);
    const done = await after;
    assert.equal(done.summary.callsInProgress, 0);
    assert.equal(done.summary.callsLastInterval, 1);
    assert.equal(done.agents.find((a) => a.agentId === '1001')?.activeCall, undefined);
  });

  it('counts a queued call and its actual wait until it is delivered to an agent', async function () {
    // The simulator runs on the real clock here, the one the node measures waits with: the wait the node reports
    // must be the time that passed on the simulator's clock since it queued the call.
    const clock = new RealClock();
    sim = await startSim({ clock });
    const h = await deploy();
    await nextView(h, (v) => v.agents.length === 3);
    // No agent free: the call waits in the queue until one becomes available (no timer decides when).
    const busy = nextView(h, (v) => v.agents.every((a) => a.state === 'AGENT_STATE_NOT_READY'));
    for (const id of ['1001', '1002', '1003']) await sim.setAgentState(id, 'AGENT_STATE_NOT_READY');
    await busy;
    const queued = nextView(h, (v) => v.summary.callsQueued === 1);
    const queuedFrom = clock.now();
    const delivered = sim.startInboundCall({ queued: true });
    const q = await queued;
    const seenQueued = clock.now();
    const c = q.calls[0];
    assert.equal(c.queued, true);
    assert.ok(
      c.queuedSince !== undefined && c.queuedSince >= queuedFrom && c.queuedSince <= seenQueued,
      `queued at ${c.queuedSince}, between ${queuedFrom} and ${seenQueued}`,
    );

    // A query while the call waits, at least 1.2 s of the simulator's clock after the node saw it queued.
    await clock.sleep(1_200);
    const asked = clock.now();
    const answer = nextView(h, (v) => v.at >= asked);
    helper.getNode('st').receive({ topic: 'query' });
    const a = await answer;
    const answered = clock.now();
    assert.equal(a.summary.callsQueued, 1);
    assert.equal(a.calls[0].queuedSince, c.queuedSince, 'the wait runs from when the call was queued');
    const least = Math.floor((asked - seenQueued) / 1000);
    const most = Math.floor((answered - queuedFrom) / 1000);
    assert.ok(least >= 1, `the query came ${asked - seenQueued} ms after the queued call was seen`);
    assert.ok(
      a.summary.longestQueuedSeconds >= least && a.summary.longestQueuedSeconds <= most,
      `waited ${a.summary.longestQueuedSeconds} s; the simulator's clock says between ${least} and ${most} s`,
    );

    // An agent becomes free: the call leaves the queue and is delivered to it.
    const dequeued = nextView(h, (v) => v.summary.callsQueued === 0 && v.calls[0]?.agentId === '1002');
    await sim.setAgentState('1002', 'AGENT_STATE_AVAILABLE');
    await delivered;
    const d = await dequeued;
    assert.equal(d.summary.longestQueuedSeconds, 0);
    assert.equal(d.calls[0].queued, false);
    assert.equal(d.calls[0].queuedSince, undefined);
  });

  it('answers a query message with the current state on that message, filtered by agent', async function () {
    sim = await startSim();
    const h = await deploy({ agents: '1002', onChange: false });
    await waitForState(getServer(), 'open');
    // Let the agent queries finish: with onChange off nothing is sent, so ask until the agent is there.
    let view: ContactCenterView | undefined;
    for (let i = 0; i < 50 && view?.agents.length !== 1; i++) {
      const got = nextInput(h);
      helper.getNode('st').receive({ payload: 'now', topic: 'board', _msgid: `q${i}` } as NodeMessage);
      const msg = (await got) as StateMsg;
      assert.equal(msg.topic, 'board', 'the query message itself comes back');
      view = msg.payload;
      if (view.agents.length !== 1) await flush();
    }
    assert.deepEqual(
      view!.agents.map((a) => a.agentId),
      ['1002'],
    );
  });

  it('sends at most one message per throttle window and never loses the last change of a burst', async function () {
    sim = await startSim();
    const h = await deploy({ throttleMs: 300 });
    await nextView(h, (v) => v.agents.length === 3 && v.origin.rebuiltBy.includes('QUERY_AGENT_STATE'));
    const all = collect(h);
    const states = ['AGENT_STATE_NOT_READY', 'AGENT_STATE_AVAILABLE'];
    for (let i = 0; i < 10; i++) await sim.setAgentState('1003', states[i % 2]);
    await sim.setAgentState('1003', 'AGENT_STATE_NOT_READY');
    const last = await nextView(
      h,
      (v) =>
        v.agents.find((a) => a.agentId === '1003')?.state === 'AGENT_STATE_NOT_READY' &&
        v.summary.agentsByState.AGENT_STATE_NOT_READY === 1,
    );
    assert.ok(last);
    assert.ok(all.length < 11, `11 changes made ${all.length} messages`);
  });

  it('says the state was rebuilt after a reconnect, with events possibly missed', async function () {
    sim = await startSim();
    const h = await deploy({}, { heartbeat: 30 });
    await nextView(h, (v) => v.origin.kind === 'open' && v.agents.length === 3);
    const rebuilt = nextView(h, (v) => v.origin.kind === 'reconnect');
    sim.faults.dropConnections();
    const v = await rebuilt;
    assert.equal(v.origin.eventsMayHaveBeenMissed, true);
  });

  it('asks for every listed agent and warns once about those the server does not know', async function () {
    sim = await startSim();
    const h = await deploy({ queryAgents: '1001, 9998, 1002, 9999' });
    const view = await nextView(h, (v) => v.origin.rebuiltBy.includes('QUERY_AGENT_STATE'));
    assert.deepEqual(
      view.agents.map((a) => a.agentId),
      ['1001', '1002'],
    );
    const warnings = (helper.getNode('st').warn as unknown as { args: unknown[][] }).args.map((a) => String(a[0]));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /QUERY_AGENT_STATE failed for 9998, 9999: .*CF_INVALID_CSTA_DEVICE_IDENTIFIER/);
  });

  it('says once that agent queries need the Client Control service when the server lacks it', async function () {
    sim = await startSim();
    await deploy({}, { services: ['ALL_EVENTS'] });
    const st = helper.getNode('st');
    const spy = st.warn as unknown as { args: unknown[][] };
    if (spy.args.length === 0) await once(st, 'call:warn');
    const warned = String(spy.args[0][0]);
    assert.match(
      warned,
      /cannot query agents 1001, 1002, 1003: the CTI server node does not request the Client Control service/,
    );
  });

  it('reports an invalid filter once and shows a red status', async function () {
    sim = await startSim();
    await helper.startServer();
    await helper.load(STATE_NODES, [
      { id: 'f1', type: 'tab' },
      serverNode(sim),
      { id: 'st', type: 'cti-state', z: 'f1', server: 'srv', skillGroups: '10, sales', wires: [[]] },
    ]);
    const st = helper.getNode('st');
    const status = await waitForStatus(st, (s) => s.fill === 'red');
    assert.equal(status.shape, 'ring');
    const errors = (st.error as unknown as { args: unknown[][] }).args.map((a) => String(a[0]));
    assert.equal(errors.length, 1);
    assert.match(errors[0], /Skill groups: "sales" is not a whole number/);
  });
});
