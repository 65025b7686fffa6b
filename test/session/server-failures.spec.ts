/**
 * What the session does with the server's failures (failure-policy.ts) and what its state says about them:
 * a session taken over by another client with the same ClientID stops for good (no flapping); a configuration
 * the server refuses is retried at the capped interval and flagged; the handshake phase is told apart from TCP;
 * reasons are normalised (same key on every retry and either side, no random numbers) and the side of a state
 * event is the side its text is about.
 */
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { CtiSimulator } from '../../lib/simulator';
import { CtiServerEndedError, CtiSession, type CtiSessionOptions, type SessionStateInfo } from '../../lib/session';
import { STATUS_POLICY } from '../../lib/session/failure-policy';
import { StatusCode } from '../../lib/protocol';
import { recordStates, startSimulator, waitForEvent, waitForState } from './helpers';

const PERIPHERAL = 5000;

describe('CtiSession server failures', function () {
  const sims: CtiSimulator[] = [];
  const sessions: CtiSession[] = [];
  const servers: net.Server[] = [];
  const rawSockets = new Set<net.Socket>();

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    await Promise.all(sims.splice(0).map((s) => s.stop()));
    for (const sock of rawSockets) sock.destroy();
    for (const server of servers.splice(0)) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  const startSim = (over: ConstructorParameters<typeof CtiSimulator>[0] = {}): Promise<CtiSimulator> =>
    startSimulator(sims, over);

  /** A TCP server that does `onConnection` with every client (and destroys them on teardown). */
  async function rawServer(onConnection: (sock: net.Socket) => void): Promise<number> {
    const server = net.createServer((sock) => {
      rawSockets.add(sock);
      sock.on('close', () => rawSockets.delete(sock));
      sock.on('error', () => undefined);
      onConnection(sock);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as net.AddressInfo).port;
  }

  function make(over: Partial<CtiSessionOptions> & Pick<CtiSessionOptions, 'sideA'>): CtiSession {
    const s = new CtiSession({
      clientId: 'failures-test',
      peripheralId: PERIPHERAL,
      heartbeatIntervalMs: 100,
      reconnect: { initialDelayMs: 10, maxDelayMs: 100 },
      ...over,
    });
    sessions.push(s);
    return s;
  }

  it('has a decision, with its reason, for every status the guide defines, and nothing else', () => {
    const defined = Object.keys(StatusCode.byName).sort();
    assert.deepEqual(Object.keys(STATUS_POLICY).sort(), defined);
    for (const [name, policy] of Object.entries(STATUS_POLICY)) {
      assert.ok(policy.why.length > 10, `${name} says why`);
    }
    assert.equal(STATUS_POLICY.E_CTI_NEW_SESSION_OPENED.event, 'stop');
    assert.equal(STATUS_POLICY.E_CTI_INVALID_PASSWORD.open, 'config');
    assert.equal(STATUS_POLICY.E_CTI_CTI_SERVER_OFFLINE.open, 'other-side');
  });

  it('taken over by another client with the same ClientID: closed once, no reconnect, the other stays open', async () => {
    const sim = await startSim();
    const desktop = {
      sideA: { host: '127.0.0.1', port: sim.port },
      clientId: 'same-desktop',
      services: ['CLIENT_EVENTS'],
      agentExtension: '1001',
    } as const;
    const first = make({ ...desktop, services: [...desktop.services] });
    await first.open();
    const states = recordStates(first);
    let opens = 0;
    sim.on('session-open', () => opens++);
    const errors: unknown[] = [];
    first.on('error', (e: unknown) => errors.push(e));

    const takenOver = waitForState(first, 'closed');
    const second = make({ ...desktop, services: [...desktop.services] });
    await second.open();
    const info = await takenOver;
    assert.equal(info.stopReason, 'taken-over');
    assert.equal(info.reasonKey, 'taken-over');
    assert.equal(info.side, 'A');
    assert.match(
      info.reason,
      /^side A: taken over by another client with the same ClientID \(FAILURE_EVENT E_CTI_NEW_SESSION_OPENED\)/,
    );
    assert.ok(info.lastError instanceof CtiServerEndedError && info.lastError.takenOver);

    // No automatic reconnect: the taken-over session stays closed while the other keeps its session
    // (several heartbeat round trips of the other session, i.e. far longer than the 10 ms reconnect delay).
    let answered = 0;
    await waitForEvent(second, 'HEARTBEAT_CONF', () => ++answered >= 3, 3000);
    assert.equal(first.state, 'closed');
    assert.equal(second.state, 'open');
    assert.equal(opens, 1, 'only the second session opened');
    assert.equal(sim.openSessionCount, 1);
    assert.deepEqual(
      states.map((i) => i.state),
      ['closed'],
      'reported once',
    );
    assert.equal(errors.length, 1);
    // close() afterwards says nothing more.
    await first.close();
    assert.equal(states.length, 1);
  });

  it('a refused configuration is flagged and retried at the capped interval; the key is the same on both sides', async () => {
    const a = await startSim({ password: 'right' });
    const b = await startSim({ password: 'right' });
    const s = make({
      sideA: { host: '127.0.0.1', port: a.port },
      sideB: { host: '127.0.0.1', port: b.port },
      clientPassword: 'wrong',
      reconnect: { initialDelayMs: 10, maxDelayMs: 40, jitter: 0 },
    });
    const states = recordStates(s);
    const failovers = (): SessionStateInfo[] => states.filter((i) => i.state === 'failover');
    const done = waitForEvent(s, 'state', () => failovers().length >= 4, 5000);
    await s.open().catch(() => undefined);
    await done;
    for (const f of failovers().slice(0, 4)) {
      assert.equal(f.configRefused, true);
      assert.equal(f.nextAttemptInMs, 40, 'the capped interval, not the first backoff step');
      assert.equal(f.reasonKey, 'open-refused:E_CTI_INVALID_PASSWORD');
      // The side is the one the text is about; the next attempt goes to the other.
      assert.match(f.reason, new RegExp(`^CTI Server side ${f.side} refused OPEN_REQ: E_CTI_INVALID_PASSWORD`));
      assert.equal(f.nextSide, f.side === 'A' ? 'B' : 'A');
      assert.match(f.reason, /the server refused the configuration; retrying at the capped interval/);
    }
    assert.deepEqual(
      failovers()
        .slice(0, 4)
        .map((f) => f.side),
      ['A', 'B', 'A', 'B'],
    );
  });

  it('connecting says whether TCP is up: phase tcp, then handshake while OPEN_CONF is awaited', async () => {
    const port = await rawServer(() => undefined); // accepts TCP, never answers
    const s = make({ sideA: { host: '127.0.0.1', port }, openTimeoutMs: 100 });
    const states = recordStates(s);
    const failover = waitForState(s, 'failover');
    await s.open().catch(() => undefined);
    const f = await failover;
    assert.deepEqual(
      states.slice(0, 3).map((i) => `${i.state}${i.phase ? ` (${i.phase})` : ''}: ${i.reasonKey}`),
      [
        'connecting (tcp): connecting:tcp',
        'connecting (handshake): connecting:handshake',
        'failover: timeout:OPEN_REQ',
      ],
    );
    assert.match(states[1].reason, /side A: TCP connected, waiting for OPEN_CONF/);
    assert.match(f.reason, /^side A: no OPEN_CONF within 100 ms/);
    assert.equal(f.version, s.version);
  });

  it('an unusable frame (random oversized length) gives the same reason key on every retry, with the side in the text', async () => {
    let n = 0;
    const port = await rawServer((sock) => {
      // A header announcing a different absurd length (and type) each time.
      const header = Buffer.alloc(8);
      header.writeUInt32BE(0x00100000 + 4099 * ++n, 0);
      header.writeUInt32BE(1000 + n, 4);
      sock.write(header);
    });
    const s = make({ sideA: { host: '127.0.0.1', port } });
    const states = recordStates(s);
    const failovers = (): SessionStateInfo[] => states.filter((i) => i.state === 'failover');
    const done = waitForEvent(s, 'state', () => failovers().length >= 3, 5000);
    await s.open().catch(() => undefined);
    await done;
    const [f1, f2, f3] = failovers();
    assert.notEqual(f1.reason, f2.reason, 'the detail carries the random values');
    assert.equal(f1.reasonKey, f2.reasonKey);
    assert.equal(f2.reasonKey, f3.reasonKey);
    assert.match(f1.reasonKey, /^bad-frame:/);
    assert.doesNotMatch(f1.reasonKey, /\d{3,}/);
    assert.match(f1.reason, /^side A: unusable frame from the server: /);
  });

  it('FAILURE_EVENT: E_CTI_TIMEOUT ends the link (re-open), E_CTI_UNSPECIFIED_FAILURE does not', async () => {
    const sim = await startSim();
    const s = make({ sideA: { host: '127.0.0.1', port: sim.port } });
    await s.open();
    const states = recordStates(s);
    const ignored = waitForEvent(s, 'FAILURE_EVENT');
    for (const c of sim.connectedSessions()) c.sendFailureEvent(StatusCode.byName.E_CTI_UNSPECIFIED_FAILURE);
    await ignored;
    const failover = waitForState(s, 'failover');
    const reopened = waitForState(s, 'open');
    for (const c of sim.connectedSessions()) c.sendFailureEvent(StatusCode.byName.E_CTI_TIMEOUT);
    const f = await failover;
    assert.equal(f.reasonKey, 'failure-event:E_CTI_TIMEOUT');
    assert.match(f.reason, /^side A: CTI Server ended the session \(FAILURE_EVENT E_CTI_TIMEOUT\)/);
    await reopened;
    assert.equal(states[0].state, 'failover', 'the unspecified failure changed nothing');
  });
});
