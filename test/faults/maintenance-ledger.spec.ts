/**
 * Issue 24 part 4, the planned switchover: PG maintenance mode of the active side while a flow receives call events
 * at 100 calls/s through a real Node-RED runtime and sends a request every few milliseconds. The session accepts,
 * moves to its standby session on the other side and drains the old one (lib/session maintenance-mode.ts). Across
 * each move: every call event the pair wrote arrives exactly once, in order — none lost, so no outage is declared —
 * calls in progress told again by the new side are marked `msg.call.restated`, and every request is answered or
 * failed within 5 s. The gap — the longest time without an answered request around the move — is printed.
 */
import assert from 'node:assert/strict';
import type { CtiMessage } from '../../lib/protocol';
import { CtiSimulatorPair } from '../../lib/simulator';
import { getServer, helper, PERIPHERAL } from '../nodes/harness';
import { deployFaultFlow, flowCaughtUp, FLOW_TYPES, type FaultFlow } from './flow';
import { gapFigures, repeatedOnlyAsRestated } from './gaps';
import { accountFlow, figures, WireLedger } from './ledger';
import { LONG } from './mode';
import { streamCalls } from './stream';

const CALLS_PER_SECOND = 100;
const MOVES = LONG ? 10 : 3;
const REQUEST_LIMIT_MS = 5000;

describe('faults: PG maintenance (planned switchover) at 100 calls/s, through Node-RED, every call event once', function () {
  this.timeout(LONG ? 10 * 60_000 : 180_000);
  let pair: CtiSimulatorPair | undefined;

  afterEach(async () => {
    await helper.unload();
    await pair?.stop();
    pair = undefined;
    helper.settings({ ciscoCti: undefined });
  });

  it(`${MOVES} maintenance moves: nothing lost, nothing twice but restatements, every request answered or failed in 5 s`, async () => {
    helper.settings({ ciscoCti: { session: { reconnect: { initialDelayMs: 50, maxDelayMs: 400, jitter: 0 } } } });
    const gaps: number[] = [];
    // One move per deployment: after maintenance the side that was in it refused the standby session while it was
    // (E_CTI_SERVER_IN_MAINTENANCE_MODE), and the session does not ask it again while its active link lasts.
    for (let i = 0; i < MOVES; i++) {
      const p = (pair = new CtiSimulatorPair({ peripheralId: PERIPHERAL, agents: '1001-1010' }));
      await p.start();
      const wire = new WireLedger().watch([p.sideA, p.sideB], 'faults-flow');
      const flow = await deployFaultFlow(p.sideA, { hostB: '127.0.0.1', portB: p.sideB.port, version: 24 });
      await flow.status((x) => x.state === 'open');
      const st = streamCalls(p.sideA, CALLS_PER_SECOND);
      const requests = requestLoop();
      const started = Date.now();
      try {
        await flow.events(600);
        await standbyHeldOn(flow, 'B');
        flow.forgetHelperHistory();
        const t0 = Date.now();
        const moved = flow.status((x) => x.state === 'open' && x.side === 'B');
        const outcome = await p.maintenance();
        assert.equal(outcome.decision, 'continue', JSON.stringify(outcome));
        await moved;
        await flow.events(300);
        // Answers keep coming on the new side: the longest silence from just before the move is the gap.
        await requests.answeredAfter(Date.now());
        gaps.push(requests.longestSilenceSince(t0));
      } finally {
        await st.stop();
        await requests.stop();
      }
      const rate = Math.round((st.calls * 1000) / (Date.now() - started));
      await flow.until(flowCaughtUp(flow, wire));
      await helper.unload();
      wire.stop();
      await p.stop();
      pair = undefined;
      const a = accountFlow(wire, flow.received, FLOW_TYPES, flow.opens);
      console.log(
        figures(
          `Node-RED, maintenance move ${i + 1}`,
          a,
          `${rate} calls/s; ${requests.answered} requests answered, ${requests.failed.length} failed ` +
            `(slowest ${requests.slowest} ms); longest time without an answer: ${gaps[i]} ms`,
        ),
      );
      assert.deepEqual(a.problems.slice(0, 10), [], 'every call event accounted for');
      assert.equal(a.declaredMissed, 0, 'none lost');
      assert.equal(a.declaredOutages, 0, 'a planned move declares no outage');
      assert.deepEqual(repeatedOnlyAsRestated(flow.what, flow.restated), [], 'nothing twice but restatements');
      assert.ok(
        requests.slowest < REQUEST_LIMIT_MS,
        `every request settled within 5 s (slowest ${requests.slowest} ms)`,
      );
      // A request failed at the move says why (never lost silently).
      for (const f of requests.failed) assert.ok(f.length > 0);
    }
    console.log(`      maintenance moves, longest time without an answered request: ${gapFigures(gaps)}`);
  });
});

/** Resolves once the session holds its standby session on `side` (at once if it already does). */
async function standbyHeldOn(flow: FaultFlow, side: 'A' | 'B'): Promise<void> {
  if (getServer().currentState().standbySide === side) return;
  await flow.status((p) => p.standbySide === side, 30_000);
}

/**
 * A request (QUERY_AGENT_STATE_REQ, through the cti-server node as cti-request sends it) every 5 ms, one at a time:
 * when each is answered or failed, and how long it took.
 */
function requestLoop(): {
  readonly answered: number;
  readonly failed: string[];
  readonly slowest: number;
  answeredAfter(t: number): Promise<void>;
  longestSilenceSince(t: number): number;
  stop(): Promise<void>;
} {
  const answeredAt: number[] = [];
  const failed: string[] = [];
  let slowest = 0;
  let running = true;
  const query: CtiMessage = {
    messageType: 'QUERY_AGENT_STATE_REQ',
    peripheralId: PERIPHERAL,
    mrdid: 1,
    icmAgentId: 0,
    agentId: '1001',
  };
  const loop = (async () => {
    while (running) {
      const sent = Date.now();
      try {
        await getServer().request(query, REQUEST_LIMIT_MS + 1000);
        answeredAt.push(Date.now());
      } catch (err) {
        failed.push((err as Error).message);
      }
      slowest = Math.max(slowest, Date.now() - sent);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return {
    get answered() {
      return answeredAt.length;
    },
    failed,
    get slowest() {
      return slowest;
    },
    async answeredAfter(t) {
      const end = Date.now() + 15_000;
      while (!answeredAt.some((x) => x > t)) {
        if (Date.now() > end) throw new Error('no request answered after the move');
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    longestSilenceSince(t) {
      const times = [t, ...answeredAt.filter((x) => x > t)];
      let longest = 0;
      for (let i = 1; i < times.length; i++) longest = Math.max(longest, times[i] - times[i - 1]);
      return longest;
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}
