/**
 * Issue 24 part 4, the planned switchover: PG maintenance mode of the active side while a flow receives call events
 * at 100 calls/s through a real Node-RED runtime and sends a request every few milliseconds. The session accepts,
 * moves to its standby session on the other side and drains the old one (lib/session maintenance-mode.ts).
 *
 * Successive moves in one deployment — A→B, then B→A (and on, in long mode): after each, the side that was in
 * maintenance refuses the session's standby OPEN_REQ (E_CTI_SERVER_IN_MAINTENANCE_MODE) until it comes back; asked
 * again, it is held as the standby again, so the next maintenance (of the other side) is accepted. Across all the
 * moves: every call event the pair wrote arrives exactly once, in order — none lost, so no outage is declared —
 * calls in progress told again by the new side are marked `msg.call.restated`, and no request fails. The gap — the
 * longest time without an answered request around each move — is printed.
 *
 * The pair runs in a worker thread (sim-worker.ts): it offers its 100 calls/s on its own event loop.
 */
import assert from 'node:assert/strict';
import type { CtiMessage } from '../../lib/protocol';
import { StatusCode } from '../../lib/protocol';
import { getServer, helper, PERIPHERAL } from '../nodes/harness';
import { deployFaultFlow, flowCaughtUp, FLOW_TYPES, type FaultFlow } from './flow';
import { gapFigures, repeatedOnlyAsRestated } from './gaps';
import { accountFlow, figures } from './ledger';
import { LONG } from './mode';
import { RemoteSim } from './remote-sim';

const CALLS_PER_SECOND = 100;
const MOVES = LONG ? 10 : 2;
/**
 * A request's timeout: wide, so that a failure is a request lost or refused at a move, not an answer waiting behind
 * the call events the server sent before it while this busy machine's main thread catches up (printed as slowest).
 */
const REQUEST_TIMEOUT_MS = 30_000;
const IN_MAINTENANCE = StatusCode.byName.E_CTI_SERVER_IN_MAINTENANCE_MODE;

describe('faults: PG maintenance (planned switchover) at 100 calls/s, through Node-RED, every call event once', function () {
  this.timeout(LONG ? 10 * 60_000 : 180_000);
  let pair: RemoteSim | undefined;

  afterEach(async () => {
    await helper.unload();
    await pair?.stop();
    pair = undefined;
    helper.settings({ ciscoCti: undefined });
  });

  it(`${MOVES} successive maintenance moves (A→B, B→A …) in one deployment: nothing lost, nothing twice but restatements, no request failed`, async () => {
    helper.settings({ ciscoCti: { session: { reconnect: { initialDelayMs: 50, maxDelayMs: 400, jitter: 0 } } } });
    const remote = (pair = new RemoteSim('faults-flow', { peripheralId: PERIPHERAL, agents: '1001-1010' }, true));
    await remote.start();
    const flow = await deployFaultFlow(remote, { hostB: '127.0.0.1', portB: remote.portB, version: 24 });
    await flow.status((x) => x.state === 'open');
    await remote.stream(CALLS_PER_SECOND);
    const requests = requestLoop();
    const gaps: number[] = [];
    const started = Date.now();
    let calls = 0;
    try {
      for (let i = 0; i < MOVES; i++) {
        const from = await remote.active();
        const to = from === 'A' ? 'B' : 'A';
        await flow.events(600);
        // From the second move on, the side back from maintenance must have been asked again and be held.
        await standbyHeldOn(flow, to);
        flow.forgetHelperHistory();
        const refused = remote.refusedOpen(from, IN_MAINTENANCE);
        const t0 = Date.now();
        const moved = flow.status((x) => x.state === 'open' && x.side === to, 30_000);
        const outcome = await remote.maintenance();
        assert.equal(outcome.decision, 'continue', `move ${i + 1} (${from}→${to}): ${JSON.stringify(outcome)}`);
        await moved;
        await flow.events(300);
        // Answers keep coming on the new side: the longest silence from just before the move is the gap.
        await requests.answeredAfter(Date.now());
        gaps.push(requests.longestSilenceSince(t0));
        // The side in maintenance refused the session's standby session; it comes back (as the standby).
        await refused;
        await remote.endMaintenance();
      }
    } finally {
      calls = await remote.stopStream();
      await requests.stop();
    }
    const seconds = (Date.now() - started) / 1000;
    await remote.sync();
    await flow.until(flowCaughtUp(flow, remote.ledger), 60_000);
    await helper.unload();
    const a = accountFlow(remote.ledger, flow.received, FLOW_TYPES, flow.opens);
    console.log(
      figures(
        `Node-RED, ${MOVES} successive maintenance moves`,
        a,
        `${Math.round(calls / seconds)} calls/s offered; ${requests.answered} requests answered, ` +
          `${requests.failed.length} failed (slowest ${requests.slowest} ms); ` +
          `longest time without an answered request around a move: ${gapFigures(gaps)}`,
      ),
    );
    assert.deepEqual(a.problems.slice(0, 10), [], 'every call event accounted for');
    assert.equal(a.declaredMissed, 0, 'none lost');
    assert.equal(a.declaredOutages, 0, 'a planned move declares no outage');
    assert.deepEqual(repeatedOnlyAsRestated(flow.what, flow.restated), [], 'nothing twice but restatements');
    assert.deepEqual(flow.endedWhileDown, [], 'nothing ended by inference: a planned move misses nothing');
    assert.deepEqual(requests.failed, [], 'no request failed');
    assert.ok(requests.answered > 0);
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
        await getServer().request(query, REQUEST_TIMEOUT_MS);
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
      const end = Date.now() + REQUEST_TIMEOUT_MS;
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
