/**
 * Issue 24 part 4: the active side of a duplexed CTI Server crashes while a flow receives call events at 100
 * calls/s through a real Node-RED runtime (cti-event → probe, cti-status → probe), with the hot standby session
 * held on the other side — and, for comparison, without it (today's reconnect). Each crash is survived: every call
 * event the servers wrote arrives exactly once, in order, or falls in the outage the cti-status node declared for
 * that crash; a call's state told again by the new active side (its replay of calls in progress) is marked
 * `msg.call.restated` and is the only thing a flow sees twice.
 *
 * The pair runs in a worker thread (sim-worker.ts): it offers its 100 calls/s on its own event loop, whatever
 * Node-RED and the client (the main thread) are doing, and crashes on its own clock.
 *
 * Once every call has ended, no call is left tracked: a call whose END_CALL_EVENT was lost in a crash and that the
 * new side did not restate is ended by the session's sweep (`msg.call.endedWhileDown`, lib/calls/stale-sweep.ts),
 * and never also by a real END_CALL_EVENT.
 *
 * Two gaps are printed (median / worst): from the crash until the session is open on the other side (able to take
 * requests), and until a request sent then is answered there. The only timing asserted is the generous
 * bound: with the standby held, able to take requests within one heartbeat interval. The answer waits behind the
 * call events the new side sent before it (TCP order): when the main thread falls behind the stream on a busy
 * machine, that backlog is in the second figure, so it gets a wide timeout and no bound.
 */
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CtiMessage } from '../../lib/protocol';
import type { SessionStateView } from '../../nodes/lib/server-api';
import { getServer, helper, PERIPHERAL } from '../nodes/harness';
import { deployFaultFlow, flowCaughtUp, FLOW_TYPES, type FaultFlow } from './flow';
import { accountFlow, figures } from './ledger';
import { LONG } from './mode';
import { RemoteSim } from './remote-sim';
import { gapFigures, repeatedOnlyAsRestated } from './gaps';

const CALLS_PER_SECOND = 100;
const CRASHES = LONG ? 10 : 3;
/** The flow's cti-server heartbeat (the guide's minimum): the bound a held standby must take requests within. */
const HEARTBEAT_MS = 5000;

describe('faults: the active side crashes at 100 calls/s, through Node-RED, every call event accounted for', function () {
  this.timeout(LONG ? 10 * 60_000 : 180_000);
  let pair: RemoteSim | undefined;

  afterEach(async () => {
    await helper.unload();
    await pair?.stop();
    pair = undefined;
    helper.settings({ ciscoCti: undefined });
  });

  for (const hotStandby of [true, false]) {
    const name = hotStandby ? 'hot standby held' : 'no standby session (today’s reconnect)';
    it(`${CRASHES} crashes, ${name}: nothing lost undeclared, nothing twice; the gap measured`, async () => {
      helper.settings({
        ciscoCti: { session: { hotStandby, reconnect: { initialDelayMs: 50, maxDelayMs: 400, jitter: 0 } } },
      });
      const remote = (pair = new RemoteSim('faults-flow', { peripheralId: PERIPHERAL, agents: '1001-1010' }, true));
      await remote.start();
      const flow = await deployFaultFlow(remote, {
        hostB: '127.0.0.1',
        portB: remote.portB,
        version: 24,
        heartbeat: HEARTBEAT_MS / 1000,
      });
      await flow.status((p) => p.state === 'open');
      await remote.stream(CALLS_PER_SECOND);
      const gaps: number[] = [];
      const answers: number[] = [];
      // How late the main thread's timers (Node-RED and the client) ran around the crashes: context for the gaps.
      let lagMax = 0;
      const started = Date.now();
      let calls = 0;
      try {
        for (let i = 0; i < CRASHES; i++) {
          // The same load before each crash in both variants (about a second of events): gaps are compared under it.
          await flow.events(600);
          const crashed = await remote.active();
          const other = crashed === 'A' ? 'B' : 'A';
          if (hotStandby) await standbyHeldOn(flow, other);
          flow.forgetHelperHistory();
          const lag = monitorEventLoopDelay({ resolution: 10 });
          lag.enable();
          const answered = firstAnswerOn(other);
          const crash = await remote.crashActive();
          assert.equal(crash.side, crashed);
          const took = await answered;
          gaps.push(took.openAt - crash.at);
          answers.push(took.answeredAt - crash.at);
          lag.disable();
          lagMax = Math.max(lagMax, Math.round(lag.max / 1e6));
          await flow.events(30);
          // The crashed side comes back as the standby (the session holds a standby session on it again).
          await remote.restart(crashed);
        }
      } finally {
        calls = await remote.stopStream();
      }
      const seconds = (Date.now() - started) / 1000;
      await remote.sync();
      await flow.until(flowCaughtUp(flow, remote.ledger), 60_000);
      // Every call has ended at the pair: none may stay tracked (the sweep ends those whose END was lost).
      const tracked = (): number => getServer().tracked()?.calls.length ?? -1;
      await flow.until(() => tracked() === 0, 30_000).catch(() => undefined);
      const left = tracked();
      await helper.unload();
      const a = accountFlow(remote.ledger, flow.received, FLOW_TYPES, flow.opens);
      const g = `open ${gapFigures(gaps)}; request answered ${gapFigures(answers)}`;
      console.log(
        figures(
          `Node-RED, ${CRASHES} crashes, ${name}`,
          a,
          `${Math.round(calls / seconds)} calls/s offered (${Math.round(a.delivered / seconds)} call events/s delivered); ` +
            `crash → request answered on the other side: ${g}; main thread's event loop delay ≤ ${lagMax} ms; ` +
            `${flow.endedWhileDown.length} calls ended while down (sweep)`,
        ),
      );
      assert.equal(left, 0, 'no call left tracked once every call has ended');
      const endedTwice = flow.endedWhileDown.filter((id) => flow.received.includes(`END_CALL_EVENT#${id}`));
      assert.deepEqual(endedTwice, [], 'a call ended by the sweep never also got a real END_CALL_EVENT');
      assert.deepEqual(a.problems.slice(0, 10), [], 'every call event accounted for');
      assert.equal(a.declaredOutages, CRASHES, 'each crash declared once (events in flight may be lost)');
      assert.ok(a.delivered > 0);
      assert.deepEqual(repeatedOnlyAsRestated(flow.what, flow.restated), [], 'nothing twice but restatements');
      if (hotStandby) {
        const worst = Math.max(...gaps);
        assert.ok(
          worst < HEARTBEAT_MS,
          `able to take requests on the standby within one heartbeat interval (worst ${worst} ms)`,
        );
      }
    });
  }
});

/** Resolves once the session holds its standby session on `side` (at once if it already does). */
async function standbyHeldOn(flow: FaultFlow, side: 'A' | 'B'): Promise<void> {
  if (getServer().currentState().standbySide === side) return;
  await flow.status((p) => p.standbySide === side);
}

/**
 * When the session is first open on `side` (able to take requests), and when a request sent at that moment — a
 * QUERY_AGENT_STATE_REQ, as a flow would send — is answered there.
 */
function firstAnswerOn(side: 'A' | 'B'): Promise<{ openAt: number; answeredAt: number }> {
  const server = getServer();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`not open on side ${side} within 30 s (now ${server.currentState().state})`));
    }, 30_000);
    const off = server.onState((v: SessionStateView) => {
      if (v.state !== 'open' || v.side !== side) return;
      off();
      clearTimeout(timer);
      const openAt = Date.now();
      const query: CtiMessage = {
        messageType: 'QUERY_AGENT_STATE_REQ',
        peripheralId: PERIPHERAL,
        mrdid: 1,
        icmAgentId: 0,
        agentId: '1001',
      };
      server.request(query, 60_000).then(() => resolve({ openAt, answeredAt: Date.now() }), reject);
    });
  });
}
