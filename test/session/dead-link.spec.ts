/**
 * The dead-link verdict (heartbeat.ts), over real TCP with small heartbeat intervals:
 * - a silent server (TCP up, nothing answered) is declared dead within 3 intervals;
 * - a slow but alive server (answers every heartbeat late, within the interval) is never declared dead;
 * - Node's event loop blocked by a synchronous job for more than 4 intervals is never taken for a dead link —
 *   neither with an in-process simulator (nothing can be sent or read during the block) nor with a simulator in
 *   another process that keeps sending calls the whole time (its frames wait unread in the socket while Node runs
 *   the expired timers first).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { CtiSimulator } from '../../lib/simulator';
import { CtiSession, type CtiSessionOptions, type SessionStateInfo } from '../../lib/session';
import { messageTypeName, type CtiMessage } from '../../lib/protocol';
import { recordStates, waitForEvent, waitForState } from './helpers';

const REPO = path.resolve(__dirname, '../..');

/** Blocks the event loop: a synchronous job in a flow. */
function blockEventLoop(ms: number): number {
  const start = Date.now();
  while (Date.now() - start < ms) {
    /* busy */
  }
  return Date.now() - start;
}

/** Resolves after `n` more HEARTBEAT_CONFs (the session is alive and talking). */
function heartbeatsAnswered(s: CtiSession, n: number, timeoutMs: number): Promise<unknown> {
  let seen = 0;
  return waitForEvent(s, 'HEARTBEAT_CONF', () => ++seen >= n, timeoutMs);
}

/** cti-sim in its own process (its event loop is not ours to block), steady calls. Resolves with its port. */
function startSimProcess(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'tsx/cjs',
      'cli/cti-sim.ts',
      '--port',
      '0',
      '--scenario',
      'busy-hour',
      '--rate',
      '20',
      '--agents',
      '1001-1100',
      '--log',
      'quiet',
    ],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /cti-sim listening on [^\s:]+:(\d+)/.exec(out);
      if (!m) return;
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve({ child, port: Number(m[1]) });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`cti-sim exited (${code}) before listening: ${out}`)));
  });
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('CtiSession dead-link verdict', function () {
  let sim: CtiSimulator | undefined;
  let child: ChildProcess | undefined;
  let s: CtiSession | undefined;

  afterEach(async () => {
    await s?.close();
    s = undefined;
    await sim?.stop();
    sim = undefined;
    await stopProcess(child);
    child = undefined;
  });

  function make(port: number, intervalMs: number, over: Partial<CtiSessionOptions> = {}): CtiSession {
    return new CtiSession({
      sideA: { host: '127.0.0.1', port },
      clientId: 'dead-link-test',
      heartbeatIntervalMs: intervalMs,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
      ...over,
    });
  }

  async function startSim(): Promise<CtiSimulator> {
    sim = new CtiSimulator({ peripheralId: 5000 });
    await sim.start();
    return sim;
  }

  it('a silent server is declared dead within 3 intervals; the link is reset and re-opened', async () => {
    const INTERVAL = 200;
    const server = await startSim();
    s = make(server.port, INTERVAL);
    await s.open();
    await heartbeatsAnswered(s, 1, 2000);
    // "Within 3 intervals" is counted in the session's own heartbeats, not in wall-clock time: a busy machine
    // delays every timer alike, and a tick that comes more than an interval late (a stall) rightly gives no verdict.
    let heartbeatsSent = 0;
    const untap = s.tapFrames((f) => {
      if (f.dir === 'out' && messageTypeName(f.type) === 'HEARTBEAT_REQ') heartbeatsSent++;
    });
    const stallsBefore = s.stats.loopStalls;
    const silentAt = Date.now();
    server.faults.setSilent(true);
    const [dead] = await waitForEvent<[SessionStateInfo]>(s, 'state', (i) => i.state === 'failover', 10000);
    untap();
    const stalls = s.stats.loopStalls - stallsBefore;
    const detectionMs = dead.at - silentAt;
    console.log(
      `      silent server: declared dead after ${detectionMs} ms (${(detectionMs / INTERVAL).toFixed(2)} intervals of ${INTERVAL} ms), ${heartbeatsSent} heartbeats unanswered, ${stalls} loop stalls`,
    );
    assert.match(dead.reason, /dead link: no message from the CTI Server for \d+ ms \(3 heartbeat intervals\)/);
    // The verdict comes on the third tick after the silence at the latest (each stalled tick adds one).
    assert.ok(heartbeatsSent >= 1, 'no heartbeat went out before the verdict');
    assert.ok(
      heartbeatsSent <= 3 + stalls,
      `declared dead only after ${heartbeatsSent} unanswered heartbeats (${stalls} loop stalls)`,
    );
    assert.ok(detectionMs >= 2 * INTERVAL - 10, `declared dead only ${detectionMs} ms after the server fell silent`);
    assert.equal(s.stats.deadLinks, 1);
    const reopened = waitForState(s, 'open', 5000);
    server.faults.setSilent(false);
    const info = await reopened;
    assert.equal(info.eventsMayHaveBeenMissed, true);
    assert.equal(server.openSessionCount, 1);
  });

  it('a slow but alive server (every answer 90 % of an interval late) is never declared dead', async () => {
    const INTERVAL = 200;
    const server = await startSim();
    s = make(server.port, INTERVAL);
    const session = s;
    await session.open();
    const states = recordStates(session);
    server.faults.setDelay(0.9 * INTERVAL);
    const startedAt = Date.now();
    await heartbeatsAnswered(session, 10, 10 * INTERVAL * 3);
    const ranMs = Date.now() - startedAt;
    console.log(`      slow server: 10 heartbeats answered ${0.9 * INTERVAL} ms late over ${ranMs} ms, no dead link`);
    assert.deepEqual(
      states.map((i) => `${i.state}: ${i.reason}`),
      [],
      'no state change',
    );
    assert.equal(session.stats.deadLinks, 0);
    assert.equal(session.state, 'open');
  });

  it('the event loop blocked for 4.5 intervals (in-process simulator, nothing sent or read meanwhile) is no dead link', async () => {
    const INTERVAL = 100;
    const server = await startSim();
    s = make(server.port, INTERVAL);
    const session = s;
    await session.open();
    await heartbeatsAnswered(session, 1, 2000);
    const states = recordStates(session);
    const blockedMs = blockEventLoop(4.5 * INTERVAL);
    await heartbeatsAnswered(session, 3, 3000);
    console.log(
      `      blocked loop, idle server: ${blockedMs} ms (${(blockedMs / INTERVAL).toFixed(1)} intervals) blocked, ` +
        `${session.stats.loopStalls} stalled tick(s) noticed, no dead link`,
    );
    assert.deepEqual(
      states.map((i) => `${i.state}: ${i.reason}`),
      [],
      'no state change',
    );
    assert.equal(session.stats.deadLinks, 0);
    assert.ok(session.stats.loopStalls >= 1, 'the late heartbeat tick was noticed');
    assert.equal(server.openSessionCount, 1);
  });

  it('the event loop blocked for 4.5 intervals while the server (another process) keeps sending calls is no dead link', async function () {
    this.timeout(30000);
    const INTERVAL = 100;
    const proc = await startSimProcess();
    child = proc.child;
    s = make(proc.port, INTERVAL);
    const session = s;
    let messages = 0;
    session.on('message', (m: CtiMessage) => {
      if (m.messageType !== 'HEARTBEAT_CONF') messages++;
    });
    await session.open();
    // Calls are flowing before the block.
    await waitForEvent(session, 'message', () => messages >= 20, 10000);
    const states = recordStates(session);
    const before = messages;
    const blockedMs = blockEventLoop(4.5 * INTERVAL);
    // The frames the server sent meanwhile are read, then heartbeats go on.
    await heartbeatsAnswered(session, 3, 3000);
    const readAfter = messages - before;
    console.log(
      `      blocked loop, talking server: ${blockedMs} ms (${(blockedMs / INTERVAL).toFixed(1)} intervals) blocked, ` +
        `${readAfter} events read after it, no dead link`,
    );
    assert.deepEqual(
      states.map((i) => `${i.state}: ${i.reason}`),
      [],
      'no state change',
    );
    assert.equal(session.stats.deadLinks, 0);
    assert.equal(session.stats.reconnects, 0);
    assert.ok(readAfter > 0, 'the events sent during the block were delivered');
  });
});
