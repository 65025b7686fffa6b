/**
 * What a user sees during a fault (issue 13.4, 16.2): for each misconfiguration or fault, the node status, the
 * cti-status message and the log lines — through a real Node-RED runtime and the simulator over TCP. The
 * settings file's `ciscoCti.session` shortens the reconnect pacing and the OPEN_CONF wait so each case takes
 * well under a second.
 */
import assert from 'node:assert/strict';
import * as net from 'node:net';
import type { Node } from 'node-red';
import type { CtiServerNode, SessionStateView } from '../../nodes/lib/server-api';
import { encodeMessage, fieldKey, getMessageDef, HEADER_SIZE, type CtiMessage } from '../../lib/protocol';
import { LogGate } from '../../nodes/lib/log-gate';
import { resolveFromNodeRed } from '../support/node-red-runtime';
import {
  helper,
  NODES,
  runtimeWithSim,
  logged,
  serverNode,
  getServer,
  waitForState,
  waitForStatus,
  lastStatus,
  freePort,
  collect,
  nextInput,
  type CtiSimulator,
} from './harness';

const tlsConfigNode = require(resolveFromNodeRed('@node-red/nodes/core/network/05-tls.js'));

const FAST = {
  ciscoCti: {
    session: { reconnect: { initialDelayMs: 20, maxDelayMs: 40, jitter: 0 }, openTimeoutMs: 300 },
  },
};

/** Resolves once the session has reached `state` `n` more times. */
function times(server: CtiServerNode, state: string, n: number, timeoutMs = 5000): Promise<SessionStateView[]> {
  return new Promise((resolve, reject) => {
    const seen: SessionStateView[] = [];
    const timer = setTimeout(() => {
      off();
      reject(new Error(`"${state}" seen ${seen.length} of ${n} times within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = server.onState((v) => {
      if (v.state !== state) return;
      seen.push(v);
      if (seen.length < n) return;
      clearTimeout(timer);
      off();
      resolve(seen);
    });
  });
}

/** Every status the node was given, in order. */
function statuses(node: Node): Array<Record<string, unknown>> {
  const spy = node.status as unknown as { getCalls(): Array<{ thisValue: unknown; args: unknown[] }> };
  return spy
    .getCalls()
    .filter((c) => c.thisValue === node)
    .map((c) => c.args[0] as Record<string, unknown>);
}

describe('what the user sees during a fault (status, cti-status, log)', function () {
  const run = runtimeWithSim({ password: 'pw' }, FAST);
  const servers: net.Server[] = [];
  let sim: CtiSimulator;
  beforeEach(function () {
    sim = run.sim;
  });
  afterEach(async function () {
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  });

  function flow(server: Record<string, unknown>, extra: object[] = []): object[] {
    return [
      { id: 'f1', type: 'tab' },
      server,
      { id: 'ev', type: 'cti-event', z: 'f1', server: 'srv', wires: [[]] },
      { id: 'st', type: 'cti-status', z: 'f1', server: 'srv', wires: [['hs']] },
      { id: 'hs', type: 'helper', z: 'f1' },
      ...extra,
    ];
  }
  const CREDS = { srv: { password: 'pw' } };
  const ev = (): Node => helper.getNode('ev') as unknown as Node;

  it('nothing listens: "retrying in … (ECONNREFUSED host:port)", red through every retry, side and text agree, logged once', async function () {
    const [portA, portB] = [await freePort(), await freePort()];
    await helper.load(NODES, flow(serverNode(sim, { portA, hostB: '127.0.0.1', portB })), CREDS);
    const hs = collect(helper.getNode('hs'));
    const failovers = await times(getServer(), 'failover', 4);
    for (const v of failovers) {
      const endpoint = `127.0.0.1:${v.side === 'A' ? portA : portB}`;
      assert.match(String(v.status.text), new RegExp(`^retrying in 0\\.\\d s \\(ECONNREFUSED ${endpoint}\\)$`));
      assert.ok(String(v.reason).startsWith(`side ${v.side} ${endpoint} refused the connection (ECONNREFUSED)`));
    }
    assert.deepEqual(new Set(failovers.map((v) => v.side)), new Set(['A', 'B']), 'both sides tried');
    const afterFirstFailure = statuses(ev()).slice(statuses(ev()).findIndex((s) => s.fill === 'red'));
    assert.deepEqual(
      afterFirstFailure.filter((s) => s.fill !== 'red'),
      [],
      'no yellow between the retries (no flicker)',
    );
    const failMsg = hs.find((m) => m.topic === 'failover')!;
    const p = failMsg.payload as Record<string, unknown>;
    assert.match(String(p.status), /^retrying in .* \(ECONNREFUSED 127\.0\.0\.1:\d+\)$/);
    assert.match(String(p.reason), /nothing listens there — check host and port/);
    assert.equal(p.reasonKey, 'socket:ECONNREFUSED');
    assert.equal(p.configRefused, false);
    const warns = logged(getServer(), 'warn');
    assert.equal(warns.length, 1, JSON.stringify(warns));
    assert.match(warns[0], /^CTI session failed: side [AB] 127\.0\.0\.1:\d+ refused the connection \(ECONNREFUSED\)/);
  });

  it('the host does not resolve: "retrying in … (ENOTFOUND host)"', async function () {
    await helper.load(NODES, flow(serverNode(sim, { hostA: 'nosuchhost.invalid' })), CREDS);
    await times(getServer(), 'failover', 2);
    const s = lastStatus(ev())!;
    assert.match(String(s.text), /^retrying in 0\.\d s \(ENOTFOUND nosuchhost\.invalid\)$/);
    const warns = logged(getServer(), 'warn');
    assert.deepEqual(warns, [
      'CTI session failed: side A: host "nosuchhost.invalid" not found (ENOTFOUND) — check the host name and DNS. ' +
        'Retrying until it succeeds; this is logged again only when the reason changes.',
    ]);
  });

  it('TLS against a plain server says TLS, with no OpenSSL text or newline', async function () {
    const tlsNode = { id: 'tls1', type: 'tls-config', cert: '', key: '', ca: '', verifyservercert: false };
    await helper.load([tlsConfigNode, ...NODES], flow({ ...serverNode(sim), tls: 'tls1' }, [tlsNode]), CREDS);
    const [v] = await times(getServer(), 'failover', 1);
    assert.equal(v.status.text, `retrying in 0.1 s (TLS handshake failed at 127.0.0.1:${sim.port})`);
    const warns = logged(getServer(), 'warn');
    assert.equal(warns.length, 1);
    assert.match(warns[0], /the TLS handshake failed \(ERR_SSL_WRONG_VERSION_NUMBER\).*untick "Use TLS"/);
    assert.ok(!warns[0].includes('\n') && !/ssl3_get_record|openssl/i.test(warns[0]), warns[0]);
  });

  it('a wrong password: "configuration refused", retried at the capped interval, logged once (again only after 10 minutes)', async function () {
    await helper.load(NODES, flow(serverNode(sim)), { srv: { password: 'wrong' } });
    const hs = collect(helper.getNode('hs'));
    const failovers = await times(getServer(), 'failover', 4);
    for (const v of failovers) {
      assert.match(String(v.status.text), /^configuration refused: E_CTI_INVALID_PASSWORD \(retry in 0\.\d s\)$/);
      assert.equal(v.configRefused, true);
    }
    const p = hs.find((m) => m.topic === 'failover')!.payload as Record<string, unknown>;
    assert.equal(p.configRefused, true);
    assert.equal(p.reasonKey, 'open-refused:E_CTI_INVALID_PASSWORD');
    assert.match(String(p.reason), /^the CTI Server side A refused the configuration: E_CTI_INVALID_PASSWORD \(36\)/);
    const warns = logged(getServer(), 'warn');
    assert.equal(warns.length, 1, JSON.stringify(warns));
    assert.match(
      warns[0],
      /^CTI session refused: the CTI Server side A refused the configuration: E_CTI_INVALID_PASSWORD \(36\) — check the password configured for ClientID "nodes-test".*Only a configuration change fixes this.*every 10 minutes/,
    );
  });

  it('a missing password reads differently from a wrong one', async function () {
    await helper.load(NODES, flow(serverNode(sim)));
    const [v] = await times(getServer(), 'failover', 2);
    assert.match(String(v.status.text), /^configuration refused: no password set \(retry in 0\.\d s\)$/);
    const warns = logged(getServer(), 'warn');
    assert.equal(warns.length, 1);
    assert.match(warns[0], /wants a password for ClientID "nodes-test" \(E_CTI_INVALID_PASSWORD\), and none is set/);
  });

  it('an unknown peripheral ID on an ALL_EVENTS session: E_CTI_INVALID_PERIPHERAL_ID, configuration refused', async function () {
    await helper.load(NODES, flow(serverNode(sim, { peripheralId: '77' })), CREDS);
    const [v] = await times(getServer(), 'failover', 2);
    assert.match(String(v.status.text), /^configuration refused: E_CTI_INVALID_PERIPHERAL_ID \(retry in/);
    assert.match(logged(getServer(), 'warn')[0], /check the peripheral ID against the PG configuration/);
  });

  it('a call event mask the version does not define is refused before anything is sent: configuration is invalid', async function () {
    // The session checks masks per version itself (issue 12.3), so E_CTI_INVALID_CALL_MSG_MASK now comes only from a
    // server older than the configured version; its text is checked in errors.spec.ts.
    helper.settings({ ciscoCti: { session: { ...FAST.ciscoCti.session, callMsgMask: 0xffffffff } } });
    await helper.load(NODES, flow(serverNode(sim, { version: 19 })), CREDS);
    const v = await waitForState(getServer(), 'closed');
    assert.equal(v.stopReason, 'invalid-config');
    assert.match(String(v.status.text), /^configuration is invalid: /);
    const errors = logged(getServer(), 'error');
    assert.equal(errors.length, 1);
    assert.match(
      errors[0],
      /^the CTI server configuration is invalid: .*callMsgMask.*not defined in protocol version 19/,
    );
    assert.equal(sim.openSessionCount, 0);
  });

  it('an invalid configuration names every bad field at once, and reaches a cti-status node started with it', async function () {
    const bad = serverNode(sim, {
      hostA: ' ',
      version: 26,
      services: ['CLIENT_EVENTS'],
      heartbeat: 1,
      idleTimeout: 5,
    });
    await helper.load(NODES, flow(bad), CREDS);
    const replayed = await nextInput(helper.getNode('hs'));
    const p = replayed.payload as Record<string, unknown>;
    assert.equal(replayed.topic, 'closed');
    assert.equal(p.replay, true);
    assert.equal(p.stopReason, 'invalid-config');
    assert.equal(
      p.status,
      'configuration is invalid: side A host, protocol version, agent extension, heartbeat, idle timeout',
    );
    assert.deepEqual(lastStatus(ev()), { fill: 'red', shape: 'ring', text: p.status });
    const errors = logged(getServer(), 'error');
    assert.deepEqual(errors, [
      'the CTI server configuration is invalid: side A host is required; ' +
        'protocol version must be auto or 15-25, got "26"; ' +
        'a Client Events session needs an agent extension, agent ID or agent instrument; ' +
        'heartbeat must be 0 (no heartbeats) or at least 5 seconds, got "1"; ' +
        'idle timeout must be empty or 0 (automatic: 4 heartbeat intervals, at least 120 s) or at least 20 seconds, got "5"',
    ]);
    assert.equal(p.reason, errors[0]);
    assert.ok(!errors[0].includes('-1'), 'no advice the editor and the runtime reject');
    assert.equal(sim.openSessionCount, 0);
  });

  it('TCP up but no OPEN_CONF: "waiting for OPEN_CONF", then "retrying … (no answer to OPEN_REQ)"', async function () {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    });
    silent.on('close', () => undefined);
    const destroyAll = silent.close.bind(silent);
    silent.close = ((cb?: (err?: Error) => void) => {
      for (const s of sockets) s.destroy();
      return destroyAll(cb);
    }) as typeof silent.close;
    servers.push(silent);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    await helper.load(NODES, flow(serverNode(sim, { portA: port })), CREDS);
    const handshake = await waitForStatus(ev(), (s) => s.text === 'waiting for OPEN_CONF from A');
    assert.deepEqual(handshake, { fill: 'yellow', shape: 'ring', text: 'waiting for OPEN_CONF from A' });
    const [v] = await times(getServer(), 'failover', 1);
    assert.equal(v.status.text, 'retrying in 0.1 s (no answer to OPEN_REQ)');
    const again = await waitForStatus(ev(), (s) => String(s.text).startsWith('waiting for OPEN_CONF from A (last:'));
    assert.deepEqual(again, {
      fill: 'red',
      shape: 'ring',
      text: 'waiting for OPEN_CONF from A (last: no answer to OPEN_REQ)',
    });
    assert.match(logged(getServer(), 'warn')[0], /did not answer OPEN_REQ; is this the CTI Server's port\?/);
  });

  it('a cti-status node added later (partial deploy) first gets the state the session is in', async function () {
    const base = flow(serverNode(sim)).filter((n) => !['st', 'hs'].includes((n as { id: string }).id));
    await helper.load(NODES, base, CREDS);
    await waitForState(getServer(), 'open');
    const added = [
      ...base,
      { id: 'st2', type: 'cti-status', z: 'f1', server: 'srv', wires: [['hs2']] },
      { id: 'hs2', type: 'helper', z: 'f1' },
    ];
    const opened = sim.openSessionCount;
    await helper.setFlows(added, 'nodes');
    const first = await nextInput(helper.getNode('hs2'));
    const p = first.payload as Record<string, unknown>;
    assert.equal(first.topic, 'open');
    assert.equal(p.replay, true);
    assert.equal(p.status, 'connected A (v24)');
    assert.equal(sim.openSessionCount, opened, 'the session was not reopened for it');
  });

  it('a connected session says its protocol version: status, cti-status and msg.cti', async function () {
    await helper.load(NODES, flow(serverNode(sim)), CREDS);
    const hs = helper.getNode('hs');
    const open = await nextInput(hs, (m) => m.topic === 'open');
    const p = open.payload as Record<string, unknown>;
    assert.equal(p.status, 'connected A (v24)');
    assert.equal(p.version, 24);
    assert.equal(p.protocolWarnings === undefined || typeof p.protocolWarnings === 'object', true);
    assert.match(
      logged(getServer(), 'log').join('\n'),
      /CTI session open on side A at 127\.0\.0\.1:\d+ \(protocol version 24\)/,
    );
  });
});

describe('session takeover: two cti-server nodes with the same ClientID and agent (issue 16.2)', function () {
  const run = runtimeWithSim({}, FAST);
  let sim: CtiSimulator;
  beforeEach(function () {
    sim = run.sim;
  });

  const desktop = (id: string, name: string): Record<string, unknown> => ({
    ...serverNode(sim, { services: ['CLIENT_EVENTS'], agentExtension: '1001', clientId: 'desk' }),
    id,
    name,
  });
  function flow(ev2Name = 'second'): object[] {
    return [
      { id: 'f1', type: 'tab' },
      desktop('srv1', 'first'),
      desktop('srv2', 'second'),
      { id: 'ev1', type: 'cti-event', z: 'f1', server: 'srv1', wires: [[]] },
      { id: 'ev2', type: 'cti-event', z: 'f1', name: ev2Name, server: 'srv2', wires: [[]] },
      { id: 'st1', type: 'cti-status', z: 'f1', server: 'srv1', wires: [['hs1']] },
      { id: 'st2', type: 'cti-status', z: 'f1', server: 'srv2', wires: [['hs2']] },
      { id: 'hs1', type: 'helper', z: 'f1' },
      { id: 'hs2', type: 'helper', z: 'f1' },
    ];
  }
  const srv = (id: string): CtiServerNode => helper.getNode(id) as unknown as CtiServerNode;

  it('one ends open, the other stopped with "taken over …", no flapping; a deploy starts it again', async function () {
    const opens = { n: 0 };
    sim.on('session-open', () => opens.n++);
    await helper.load(NODES, flow());
    const closed = await Promise.race([
      waitForState(srv('srv1'), 'closed').then((v) => ({ id: 'srv1', v })),
      waitForState(srv('srv2'), 'closed').then((v) => ({ id: 'srv2', v })),
    ]);
    const loser = closed.id;
    const winner = loser === 'srv1' ? 'srv2' : 'srv1';
    await waitForState(srv(winner), 'open');
    assert.equal(closed.v.stopReason, 'taken-over');
    assert.deepEqual(closed.v.status, {
      fill: 'red',
      shape: 'ring',
      text: 'taken over by another client with the same ClientID',
    });
    const evLoser = helper.getNode(loser === 'srv1' ? 'ev1' : 'ev2') as unknown as Node;
    assert.equal(lastStatus(evLoser)!.text, 'taken over by another client with the same ClientID');
    // No flapping: with retries every 20-40 ms, a reconnecting loser would have opened many times in 300 ms.
    const opensNow = opens.n;
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(opens.n, opensNow, 'nobody reconnects by itself');
    assert.equal(srv(loser).currentState().state, 'closed');
    assert.equal(srv(winner).currentState().state, 'open');
    assert.equal(sim.openSessionCount, 1);
    const errors = logged(srv(loser), 'error');
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(
      errors[0],
      /^CTI session taken over by another client with the same ClientID "desk" \(E_CTI_NEW_SESSION_OPENED\)\. Not reconnecting/,
    );
    assert.deepEqual(logged(srv(winner), 'error'), []);

    // A deploy of the stopped server's users starts it again (and so, in turn, takes over the other).
    const reopened = waitForState(srv(loser), 'open');
    const toldOpen = nextInput(helper.getNode(loser === 'srv1' ? 'hs1' : 'hs2'), (m) => m.topic === 'open');
    const ev = loser === 'srv1' ? 'ev1' : 'ev2';
    const edited = flow().map((n) => ((n as { id: string }).id === ev ? { ...n, name: 'edited' } : n));
    await helper.setFlows(edited, 'nodes');
    await reopened;
    await waitForState(srv(winner), 'closed');
    assert.equal(srv(winner).currentState().stopReason, 'taken-over');
    assert.equal(((await toldOpen).payload as Record<string, unknown>).status, 'connected A (v24)');
  });
});

describe('LogGate: once per fault, a configuration refusal again every 10 minutes', function () {
  it('allows a key once, again after the repeat interval, and everything again after a reset', function () {
    let now = 0;
    const gate = new LogGate(() => now);
    assert.equal(gate.allow('a'), true);
    assert.equal(gate.allow('a'), false);
    assert.equal(gate.allow('b', 600_000), true);
    now = 599_999;
    assert.equal(gate.allow('b', 600_000), false);
    now = 600_000;
    assert.equal(gate.allow('b', 600_000), true);
    assert.equal(gate.allow('a'), false);
    gate.reset();
    assert.equal(gate.allow('a'), true);
  });
});

describe('version auto at the node (issue 12.4)', function () {
  const run = runtimeWithSim({ versions: [15, 19] });

  it('left at auto against a server speaking 15-19: opens at 19; status, cti-status and msg.cti say v19; no warning', async function () {
    const sim = run.sim;
    await helper.load(NODES, [
      { id: 'f1', type: 'tab' },
      { ...serverNode(sim), version: 'auto' },
      { id: 'ev', type: 'cti-event', z: 'f1', server: 'srv', events: ['CALL_DELIVERED_EVENT'], wires: [['out']] },
      { id: 'st', type: 'cti-status', z: 'f1', server: 'srv', wires: [['hs']] },
      { id: 'out', type: 'helper', z: 'f1' },
      { id: 'hs', type: 'helper', z: 'f1' },
    ]);
    const open = await nextInput(helper.getNode('hs'), (m) => m.topic === 'open');
    const p = open.payload as Record<string, unknown>;
    assert.equal(p.version, 19);
    assert.equal(p.status, 'connected A (v19)');
    assert.deepEqual(lastStatus(helper.getNode('ev') as unknown as Node), {
      fill: 'green',
      shape: 'dot',
      text: 'connected A (v19)',
    });
    assert.deepEqual(logged(getServer(), 'warn'), [], 'stepping down is not a fault');
    const delivered = nextInput(helper.getNode('out'));
    await sim.startInboundCall({ agentId: '1001' });
    assert.equal(((await delivered).cti as Record<string, unknown>).version, 19);
  });
});

/** A CALL_DELIVERED_EVENT whose ANI is one byte over its documented 40 (a field appended raw, v20+ tag layout). */
function overlongAniDelivery(version: number, callId: number): Buffer {
  const def = getMessageDef('CALL_DELIVERED_EVENT')!;
  const m: CtiMessage = {
    messageType: 'CALL_DELIVERED_EVENT',
    connectionDeviceIdType: 0,
    connectionCallId: callId,
    connectionDeviceId: '1001',
  };
  for (const f of def.fixed) if (!('countOf' in f && f.countOf)) m[fieldKey(f.name)] ??= 0;
  const frame = encodeMessage(m, version);
  const value = Buffer.from(`${'A'.repeat(40)}\0`, 'latin1');
  const field = Buffer.alloc(4 + value.length);
  field.writeUInt16BE(ANI_TAG, 0);
  field.writeUInt16BE(value.length, 2);
  value.copy(field, 4);
  const out = Buffer.concat([frame, field]);
  out.writeUInt32BE(out.length - HEADER_SIZE, 0);
  return out;
}
const ANI_TAG = 8;

describe('protocol warnings at the node (issue 12.1)', function () {
  const run = runtimeWithSim();

  it('a deviating event is delivered, counted in the state view and cti-status, and logged once per kind', async function () {
    const sim = run.sim;
    await helper.load(NODES, [
      { id: 'f1', type: 'tab' },
      serverNode(sim),
      { id: 'ev', type: 'cti-event', z: 'f1', server: 'srv', events: ['CALL_DELIVERED_EVENT'], wires: [['out']] },
      { id: 'out', type: 'helper', z: 'f1' },
    ]);
    await waitForState(getServer(), 'open');
    const out = collect(helper.getNode('out'));
    const two = nextInput(helper.getNode('out'), () => out.length >= 2);
    const client = sim.connectedSessions()[0];
    client.writeRaw(overlongAniDelivery(24, 901));
    client.writeRaw(overlongAniDelivery(24, 902));
    await two;
    assert.deepEqual(
      out.map((m) => (m.payload as Record<string, unknown>).connectionCallId),
      [901, 902],
    );
    assert.equal((out[0].payload as Record<string, unknown>).ani, 'A'.repeat(40));
    const counts = getServer().currentState().protocolWarnings!;
    assert.equal(counts.total, 2);
    assert.deepEqual(counts.byKind, { 'CALL_DELIVERED_EVENT.ani:string-too-long': 2 });
    const warns = logged(getServer(), 'warn');
    assert.equal(warns.length, 1, JSON.stringify(warns));
    assert.match(
      warns[0],
      /^CTI Server sent a CALL_DELIVERED_EVENT that deviates from the protocol \(string-too-long, ani\): .*more of this kind are only counted/,
    );
  });
});
