/**
 * The config-node lifecycle across deploys, in a real Node-RED runtime against simulators over TCP: the config
 * node itself edited, events arriving mid-deploy, a user moved to another config node, a flow tab disabled and
 * enabled, and a deploy while the CTI server is down (the "stuck in connecting" complaint).
 */
import assert from 'node:assert/strict';
import type { EventEmitter } from 'node:events';
import type { Node, NodeAPI, NodeDef, NodeMessage } from 'node-red';
import type { ScenarioDef } from '../../lib/simulator';
import type { CtiServerNode } from '../../nodes/lib/server-api';
import {
  helper,
  NODES,
  startSim,
  serverNode,
  waitForState,
  waitForStatus,
  lastStatus,
  nextInput,
  collect,
  liveSessions,
  freePort,
  type CtiSimulator,
  flush,
} from './harness';

type Msg = NodeMessage & Record<string, unknown>;

/** Lets messages already handed to Node-RED's send queue arrive (it delivers on setImmediate). */

/** The call events one answered-then-released inbound call produces (7 messages: two CALL_DELIVERED). */
const CALL_TOPICS = [
  'BEGIN_CALL_EVENT',
  'CALL_DELIVERED_EVENT',
  'CALL_ESTABLISHED_EVENT',
  'CALL_CONNECTION_CLEARED_EVENT',
  'CALL_CLEARED_EVENT',
  'END_CALL_EVENT',
];
const EVENTS_PER_CALL = 7;

const GREEN_A = (s: Record<string, unknown>): boolean =>
  s.fill === 'green' && s.shape === 'dot' && s.text === 'connected A (v24)';
const RED_RING = (s: Record<string, unknown>): boolean => s.fill === 'red' && s.shape === 'ring';

const ONE_SESSION_THREE_USERS = { events: 2, states: 1, users: 3, sessionMessage: 1, sessionState: 1 };
const NOTHING = { events: 0, states: 0, users: 0, sessionMessage: 0, sessionState: 0 };

function aniOf(m: Msg): unknown {
  return (m.payload as Record<string, unknown>).ani ?? (m.call as Record<string, unknown> | undefined)?.ani;
}

/** What makes one delivered event distinct: the same key twice at one node is a double delivery. */
function keyOf(m: Msg): string {
  const p = m.payload as Record<string, unknown>;
  return JSON.stringify([
    m.topic,
    p.connectionCallId,
    p.connectionDeviceId,
    p.eventCause,
    p.localConnectionState,
    aniOf(m),
  ]);
}

function duplicates(msgs: Msg[]): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const m of msgs) {
    const k = keyOf(m);
    if (seen.has(k)) dup.push(k);
    seen.add(k);
  }
  return dup;
}

const isEndOf =
  (ani: string) =>
  (m: Msg): boolean =>
    m.topic === 'END_CALL_EVENT' && aniOf(m) === ani;

interface FlowOpts {
  servers: object[];
  ev1Server?: string;
  ev2Server?: string;
  stServer?: string;
  ev1Name?: string;
  tabDisabled?: boolean;
  extra?: object[];
}

/** A global config node (or two) and, on tab f1, two cti-event nodes and a cti-status node, each into a helper. */
function flow(o: FlowOpts): object[] {
  return [
    { id: 'f1', type: 'tab', label: 'users', ...(o.tabDisabled ? { disabled: true } : {}) },
    ...o.servers,
    {
      id: 'ev1',
      type: 'cti-event',
      z: 'f1',
      name: o.ev1Name ?? 'first',
      server: o.ev1Server ?? 'srv',
      events: CALL_TOPICS,
      wires: [['h1']],
    },
    {
      id: 'ev2',
      type: 'cti-event',
      z: 'f1',
      name: 'second',
      server: o.ev2Server ?? 'srv',
      events: CALL_TOPICS,
      wires: [['h2']],
    },
    { id: 'st', type: 'cti-status', z: 'f1', server: o.stServer ?? 'srv', wires: [['hs']] },
    { id: 'h1', type: 'helper', z: 'f1' },
    { id: 'h2', type: 'helper', z: 'f1' },
    { id: 'hs', type: 'helper', z: 'f1' },
    ...(o.extra ?? []),
  ];
}

const node = (id: string): Node & EventEmitter => helper.getNode(id);
const server = (id = 'srv'): CtiServerNode => helper.getNode(id) as unknown as CtiServerNode;

function allUsersGreen(): Promise<unknown> {
  return Promise.all(['ev1', 'ev2', 'st'].map((id) => waitForStatus(node(id), GREEN_A)));
}

/** Plays one answered-and-released call; resolves when both helper nodes have its END_CALL_EVENT. */
async function oneCall(sim: CtiSimulator, ani: string, at: string[] = ['h1', 'h2']): Promise<void> {
  const ends = at.map((id) => nextInput(node(id), isEndOf(ani)));
  const call = await sim.startInboundCall({ agentId: '1001', ani, answer: true });
  await sim.releaseCall(call);
  await Promise.all(ends);
  await flush();
}

/** Records what must never happen during a test: unhandled rejections, uncaught exceptions, listener-leak warnings. */
function watchProcess(): { faults: string[]; stop(): void } {
  const faults: string[] = [];
  const onRejection = (reason: unknown): void =>
    void faults.push(`unhandledRejection: ${String((reason as Error)?.stack ?? reason)}`);
  const onException = (err: Error): void => void faults.push(`uncaughtException: ${err.stack ?? err.message}`);
  const onWarning = (w: Error): void => {
    if (w.name === 'MaxListenersExceededWarning') faults.push(`warning: ${w.message}`);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  process.on('warning', onWarning);
  return {
    faults,
    stop() {
      process.removeListener('unhandledRejection', onRejection);
      process.removeListener('uncaughtException', onException);
      process.removeListener('warning', onWarning);
    },
  };
}

describe('cti-server lifecycle across deploys', function () {
  let sim: CtiSimulator;
  const extraSims: CtiSimulator[] = [];
  let watch: ReturnType<typeof watchProcess>;

  async function anotherSim(opts: Parameters<typeof startSim>[0] = {}): Promise<CtiSimulator> {
    const s = await startSim(opts);
    extraSims.push(s);
    return s;
  }

  beforeEach(async function () {
    watch = watchProcess();
    await helper.startServer();
    sim = await startSim({ agents: '1001-1010' });
  });

  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    await sim.stop();
    for (const s of extraSims.splice(0)) await s.stop();
    watch.stop();
    assert.deepEqual(watch.faults, [], 'no unhandled rejection, uncaught exception or listener leak during the test');
  });

  describe('the config node itself changed in a partial ("modified nodes") deploy', function () {
    it('moved to another simulator: the old session closes, one opens on the new one, users come back green, events once each', async function () {
      const sim2 = await anotherSim();
      await helper.load(NODES, flow({ servers: [serverNode(sim)] }));
      const old = server();
      await waitForState(old, 'open');
      await allUsersGreen();
      const on1 = liveSessions(sim);
      const on2 = liveSessions(sim2);

      await helper.setFlows(flow({ servers: [serverNode(sim2)] }), 'nodes');
      const now = server();
      assert.notEqual(now, old, 'the edited config node was restarted');
      await waitForState(now, 'open');
      await allUsersGreen();
      assert.equal(sim.openSessionCount, 0, 'the old simulator has no session left');
      assert.deepEqual([on1.opened, on1.closed], [0, 1]);
      assert.equal(sim2.openSessionCount, 1);
      assert.equal(on2.opened, 1, 'exactly one session opened on the new target');
      assert.deepEqual(now.listenerCounts(), ONE_SESSION_THREE_USERS);
      assert.deepEqual(old.listenerCounts(), NOTHING, 'the old config node let go of everything');

      const seen = ['h1', 'h2'].map((id) => collect(node(id)));
      await sim.startInboundCall({ agentId: '1001', ani: 'OLD-SIM', answer: true });
      await oneCall(sim2, 'NEW-SIM');
      for (const msgs of seen) {
        assert.deepEqual(duplicates(msgs), []);
        assert.equal(msgs.length, EVENTS_PER_CALL, JSON.stringify(msgs.map((m) => m.topic)));
        assert.ok(
          msgs.every((m) => aniOf(m) === 'NEW-SIM'),
          'nothing from the old simulator',
        );
      }
    });

    it('clientId changed: the old session is closed before the one new session opens', async function () {
      await helper.load(NODES, flow({ servers: [serverNode(sim, { clientId: 'before' })] }));
      await waitForState(server(), 'open');
      const order: string[] = [];
      sim.on('session-open', (i: { clientId?: string }) => order.push(`open ${i.clientId}`));
      sim.on('session-close', (i: { clientId?: string }) => order.push(`close ${i.clientId}`));

      await helper.setFlows(flow({ servers: [serverNode(sim, { clientId: 'after' })] }), 'nodes');
      await waitForState(server(), 'open');
      await allUsersGreen();
      assert.deepEqual(order, ['close before', 'open after']);
      assert.deepEqual(
        sim.sessions().map((s) => s.clientId),
        ['after'],
      );
      assert.deepEqual(server().listenerCounts(), ONE_SESSION_THREE_USERS);

      const seen = ['h1', 'h2'].map((id) => collect(node(id)));
      await oneCall(sim, 'AFTER');
      for (const msgs of seen) {
        assert.deepEqual(duplicates(msgs), []);
        assert.equal(msgs.length, EVENTS_PER_CALL);
      }
    });
  });

  it('events arriving while partial deploys are in progress are delivered at most once, the untouched node gets each once', async function () {
    // A node whose close holds the deploy's stop phase open until `gate` resolves: events sent meanwhile arrive
    // while the edited cti-event node is stopped and its replacement not yet created.
    let gate: (() => Promise<void>) | undefined;
    const gateErrors: unknown[] = [];
    const gateModule = (RED: NodeAPI): void => {
      function DeployGate(this: Node, config: NodeDef): void {
        RED.nodes.createNode(this, config);
        this.on('close', (_removed: boolean, done: () => void) => {
          const hold = gate;
          if (hold === undefined) return done();
          hold().then(done, (err: unknown) => {
            gateErrors.push(err);
            done();
          });
        });
      }
      RED.nodes.registerType('deploy-gate', DeployGate as unknown as Parameters<typeof RED.nodes.registerType>[1]);
    };
    const gateNode = (name: string): object => ({ id: 'gate', type: 'deploy-gate', z: 'f1', name, wires: [] });

    const servers = [serverNode(sim)];
    await helper.load([...NODES, gateModule], flow({ servers, extra: [gateNode('g0')] }));
    const srv = server();
    await waitForState(srv, 'open');
    const sessions = liveSessions(sim);
    const h1 = collect(node('h1'));
    const h2 = collect(node('h2'));
    const midDeployAnis: string[] = [];

    // A steady stream of short calls (20 per second) runs through all three deploys.
    const stream: ScenarioDef = {
      name: 'short-calls',
      calls: [
        {
          type: 'inbound',
          routed: false,
          steps: [
            { delay: 20, action: 'answer' },
            { delay: 30, action: 'release' },
          ],
        },
      ],
    };
    const streaming = sim.runScenario(stream, { calls: 40, rate: 20 });

    for (let i = 1; i <= 3; i++) {
      // Let the stream flow between deploys: wait for a call of the stream to end at the untouched node.
      await nextInput(
        node('h2'),
        (m) => m.topic === 'END_CALL_EVENT' && aniOf(m) !== undefined && !String(aniOf(m)).startsWith('MID-'),
      );
      const ani = `MID-${i}`;
      midDeployAnis.push(ani);
      gate = async () => {
        const end = nextInput(node('h2'), isEndOf(ani));
        const call = await sim.startInboundCall({ agentId: '1010', ani, answer: true });
        await sim.releaseCall(call);
        await end;
      };
      await helper.setFlows(flow({ servers, ev1Name: `first, edit ${i}`, extra: [gateNode(`g${i}`)] }), 'nodes');
      gate = undefined;
      assert.equal(server(), srv, 'the config node was not restarted');
      assert.deepEqual(srv.listenerCounts(), ONE_SESSION_THREE_USERS, `after deploy ${i}`);
      assert.equal(sim.openSessionCount, 1);
      await waitForStatus(node('ev1'), GREEN_A);
    }
    await streaming;
    // The stream's last call has ended at both nodes once the marker call after it has.
    await oneCall(sim, 'LAST');

    assert.deepEqual(gateErrors, []);
    assert.deepEqual([sessions.opened, sessions.closed], [0, 0], 'the session was never replaced');
    assert.deepEqual(duplicates(h1), [], 'no event twice at the edited node');
    assert.deepEqual(duplicates(h2), [], 'no event twice at the untouched node');
    // 40 stream calls + 3 mid-deploy calls + the marker: every event reached the untouched node exactly once.
    assert.equal(h2.length, (40 + 3 + 1) * EVENTS_PER_CALL);
    for (const ani of midDeployAnis) {
      assert.equal(h2.filter((m) => aniOf(m) === ani).length, EVENTS_PER_CALL, `${ani} at the untouched node`);
      assert.equal(
        h1.filter((m) => aniOf(m) === ani).length,
        0,
        `${ani} reached no stopped or half-started copy of the edited node`,
      );
    }
    // The edited node got only real events (each also at the untouched node), and the marker call in full.
    const h2Keys = new Set(h2.map(keyOf));
    assert.ok(h1.every((m) => h2Keys.has(keyOf(m))));
    assert.equal(h1.filter((m) => aniOf(m) === 'LAST').length, EVENTS_PER_CALL);
  });

  it('a cti-event node moved to another config node: the old session closes only when its last user has gone', async function () {
    const sim2 = await anotherSim();
    const servers = [serverNode(sim, { id: 'srvA', name: 'A' }), serverNode(sim2, { id: 'srvB', name: 'B' })];
    await helper.load(NODES, flow({ servers, ev1Server: 'srvA', ev2Server: 'srvA', stServer: 'srvA' }));
    const a = server('srvA');
    const b = server('srvB');
    await waitForState(a, 'open');
    assert.equal(b.currentState().state, 'idle', 'a config node without users opens nothing');
    const onA = liveSessions(sim);
    const onB = liveSessions(sim2);

    // ev1 moves to B; A still has ev2 and the status node.
    await helper.setFlows(flow({ servers, ev1Server: 'srvB', ev2Server: 'srvA', stServer: 'srvA' }), 'nodes');
    await waitForState(b, 'open');
    await allUsersGreen();
    assert.equal(server('srvA'), a);
    assert.equal(server('srvB'), b);
    assert.deepEqual([onA.opened, onA.closed], [0, 0], 'A keeps its session while it has users');
    assert.equal(sim.openSessionCount, 1);
    assert.deepEqual([onB.opened, sim2.openSessionCount], [1, 1]);
    assert.deepEqual(a.listenerCounts(), { events: 1, states: 1, users: 2, sessionMessage: 1, sessionState: 1 });
    assert.deepEqual(b.listenerCounts(), { events: 1, states: 0, users: 1, sessionMessage: 1, sessionState: 1 });

    // The last users of A move to B.
    const aClosed = waitForState(a, 'closed');
    // The client's 'closed' comes with CLOSE_CONF; the simulator counts the session gone when the socket closes, a
    // turn or more later (and the config node lets go of the session's listeners after its own 'closed' handler).
    const simClosedA = new Promise<void>((resolve) => sim.once('session-close', () => resolve()));
    await helper.setFlows(flow({ servers, ev1Server: 'srvB', ev2Server: 'srvB', stServer: 'srvB' }), 'nodes');
    await aClosed;
    await simClosedA;
    await allUsersGreen();
    assert.equal(sim.openSessionCount, 0, 'A closed its session once no user was left');
    assert.deepEqual([onA.opened, onA.closed], [0, 1]);
    assert.deepEqual([onB.opened, onB.closed, sim2.openSessionCount], [1, 0, 1], 'B kept its one session');
    assert.deepEqual(a.listenerCounts(), NOTHING);
    assert.deepEqual(b.listenerCounts(), ONE_SESSION_THREE_USERS);

    const seen = ['h1', 'h2'].map((id) => collect(node(id)));
    await oneCall(sim2, 'ON-B');
    for (const msgs of seen) {
      assert.deepEqual(duplicates(msgs), []);
      assert.equal(msgs.length, EVENTS_PER_CALL);
    }
  });

  it('the only user edited in a partial deploy keeps the session once the deploy has finished (PR #3966)', async function () {
    const only = (ev1Name: string): object[] =>
      flow({ servers: [serverNode(sim)], ev1Name }).filter((n) =>
        ['f1', 'srv', 'ev1', 'h1'].includes((n as { id: string }).id),
      );
    await helper.load(NODES, only('alone'));
    const srv = server();
    await waitForState(srv, 'open');
    const sessions = liveSessions(sim);
    for (const name of ['alone, edit 1', 'alone, edit 2']) {
      // setFlows returns after 'flows:started', when the config node has looked at its users again.
      await helper.setFlows(only(name), 'nodes');
      await waitForStatus(node('ev1'), GREEN_A);
      assert.equal(srv.currentState().state, 'open');
      assert.deepEqual([sessions.opened, sessions.closed, sim.openSessionCount], [0, 0, 1]);
      assert.deepEqual(srv.listenerCounts(), { events: 1, states: 0, users: 1, sessionMessage: 1, sessionState: 1 });
    }
    const seen = collect(node('h1'));
    await oneCall(sim, 'STILL-OPEN', ['h1']);
    assert.deepEqual(duplicates(seen), []);
    assert.equal(seen.length, EVENTS_PER_CALL);
  });

  it('disabling the flow tab that holds every user closes the session; enabling it opens exactly one', async function () {
    const servers = [serverNode(sim)];
    await helper.load(NODES, flow({ servers }));
    const srv = server();
    await waitForState(srv, 'open');
    const sessions = liveSessions(sim);

    const closed = waitForState(srv, 'closed');
    await helper.setFlows(flow({ servers, tabDisabled: true }), 'flows');
    await closed;
    assert.equal(server(), srv, 'the global config node kept running');
    assert.equal(node('ev1'), null, 'the users are stopped');
    assert.equal(sim.openSessionCount, 0);
    assert.deepEqual(srv.listenerCounts(), NOTHING);

    await helper.setFlows(flow({ servers }), 'nodes');
    await waitForState(srv, 'open');
    await allUsersGreen();
    assert.equal(sim.openSessionCount, 1);
    assert.deepEqual([sessions.opened, sessions.closed], [1, 1]);
    assert.deepEqual(srv.listenerCounts(), ONE_SESSION_THREE_USERS);

    const seen = ['h1', 'h2'].map((id) => collect(node(id)));
    await oneCall(sim, 'ENABLED');
    for (const msgs of seen) {
      assert.deepEqual(duplicates(msgs), []);
      assert.equal(msgs.length, EVENTS_PER_CALL);
    }
  });

  it('deployed while the CTI server is down: red ring, retries, a partial deploy meanwhile, then green without a redeploy', async function () {
    const port = await freePort();
    const servers = [serverNode(sim, { portA: port })];
    // Retries are paced by the session's backoff, which a busy machine stretches: every wait below is for a state
    // change (recorded from the start, so one that came early is not missed), bounded only by the test's timeout.
    this.timeout(60_000);
    await helper.load(NODES, flow({ servers }));
    const statusMsgs = collect(node('hs'));
    const srv = server();
    const states: string[] = [srv.currentState().state];
    const changed: Array<() => void> = [];
    const offStates = srv.onState((v) => {
      states.push(v.state);
      for (const f of changed.splice(0)) f();
    });
    /** Resolves once the recorded states contain `seq` in order (each after the previous), at once if they do. */
    const reached = async (...seq: string[]): Promise<void> => {
      for (;;) {
        let at = 0;
        for (const st of states) if (st === seq[at] && ++at === seq.length) return;
        await new Promise<void>((r) => changed.push(r));
      }
    };
    await reached('failover');
    for (const id of ['ev1', 'ev2', 'st']) {
      const s = await waitForStatus(node(id), RED_RING);
      assert.match(String(s.text), /^retrying in [\d.]+ s \(ECONNREFUSED 127\.0\.0\.1:\d+\)$/);
    }
    // It keeps trying on its own: another attempt, refused again.
    await reached('failover', 'connecting', 'failover');
    assert.ok(
      statusMsgs.filter((m) => m.topic === 'connecting').length >= 1,
      JSON.stringify(statusMsgs.map((m) => m.topic)),
    );
    assert.ok(statusMsgs.filter((m) => m.topic === 'failover').length >= 1);

    // An edit deployed while the server is still down does not restart or strand the session.
    await helper.setFlows(flow({ servers, ev1Name: 'edited while down' }), 'nodes');
    assert.equal(server(), srv);
    assert.ok(RED_RING(lastStatus(node('ev1')) ?? {}), 'the new node shows the current state as soon as it registers');
    // (plus this test's own state recorder)
    assert.deepEqual(srv.listenerCounts(), { ...ONE_SESSION_THREE_USERS, states: ONE_SESSION_THREE_USERS.states + 1 });

    // The CTI server comes up on that port: the next retry opens the session, no deploy needed.
    const late = await anotherSim({ port });
    await reached('failover', 'connecting', 'failover', 'open');
    offStates();
    await allUsersGreen();
    assert.equal(late.openSessionCount, 1);
    assert.deepEqual(srv.listenerCounts(), ONE_SESSION_THREE_USERS);
    const seen = ['h1', 'h2'].map((id) => collect(node(id)));
    await oneCall(late, 'CAME-UP');
    for (const msgs of seen) {
      assert.deepEqual(duplicates(msgs), []);
      assert.equal(msgs.length, EVENTS_PER_CALL);
    }
  });
});
