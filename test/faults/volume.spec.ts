/**
 * Volume: fuzzed frames through the codec and a live session, and a soak at 1,000 events/s with every event
 * accounted for and the heap flat. Short mode: a few thousand frames and a few seconds; long mode
 * (FAULTS=long): 1,000,000 frames and 10 minutes.
 */
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { CtiProtocolError, MESSAGE_DEFS, decodeMessage, encodeMessage, type CtiMessage } from '../../lib/protocol';
import { CtiSession, type SessionStateInfo } from '../../lib/session';
import { CtiSimulator } from '../../lib/simulator';
import { Rng, messageExistsIn, randomMessage } from '../protocol/random-messages';
import { watchEscapes } from '../support/process-watch';
import { messageKey } from './ledger';
import { LONG } from './mode';
import { nextState, when } from './settle';
import { streamCalls } from './stream';

const FRAMES = LONG ? 1_000_000 : 5_000;
const SOAK_MS = LONG ? 10 * 60_000 : 3_000;
const EVENTS_PER_SECOND = 1000;
/** Stated bound on heap growth across the soak (after GC). */
const SOAK_HEAP_MARGIN = 8 * 1024 * 1024;
const BATCH = 500;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 6; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
  return process.memoryUsage().heapUsed;
}

/** A rolling hash of a sequence of keys: equal hashes and counts mean the same sequence (for any real bug). */
function roll(h: number, key: string): number {
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) >>> 0;
  return (Math.imul(h, 31) + 10) >>> 0;
}

/** Mutates a frame's body only (the header's MessageLength stays right, so the stream stays framed). */
function mutateBody(rng: Rng, frame: Buffer): Buffer {
  const out = Buffer.from(frame);
  const body = out.length - 8;
  const op = rng.int(0, 5);
  if (op === 5 && body > 0) {
    // a shorter body under a header that says so
    const cut = Buffer.from(out.subarray(0, 8 + rng.int(0, body)));
    cut.writeUInt32BE(cut.length - 8, 0);
    return cut;
  }
  const edits = rng.int(1, 4);
  for (let i = 0; i < edits && body > 0; i++) {
    const at = 8 + rng.int(0, body - 1);
    out[at] = op === 0 ? out[at] ^ (1 << rng.int(0, 7)) : rng.pick([0, 1, 0x7f, 0x80, 0xff, rng.int(0, 255)]);
  }
  if (op === 4 && out.length >= 8) out.writeUInt32BE(rng.pick(MESSAGE_DEFS.map((d) => d.id)), 4);
  return out;
}

describe('faults: volume', function () {
  this.timeout(LONG ? 30 * 60_000 : 60_000);
  const escapes = watchEscapes();
  let sim: CtiSimulator | undefined;
  let session: CtiSession | undefined;

  beforeEach(() => escapes.start());
  afterEach(async () => {
    await session?.close();
    await sim?.stop();
    session = sim = undefined;
    escapes.stop();
    assert.deepEqual(escapes.escaped.splice(0), [], 'no uncaught exception or unhandled rejection');
  });

  async function openSession(): Promise<{ sim: CtiSimulator; s: CtiSession }> {
    sim = new CtiSimulator({ host: '127.0.0.1', port: 0, peripheralId: 5000, agents: '1001-1010' });
    await sim.start();
    session = new CtiSession({
      sideA: { host: '127.0.0.1', port: sim.port },
      clientId: 'faults-volume',
      peripheralId: 5000,
      services: ['ALL_EVENTS', 'CLIENT_CONTROL'],
      heartbeatIntervalMs: 1000,
      reconnect: { initialDelayMs: 20, maxDelayMs: 200, jitter: 0 },
    });
    session.on('error', () => undefined);
    await session.open();
    return { sim, s: session };
  }

  it(`${FRAMES.toLocaleString('en')} fuzzed frames through the codec and a live session: each decoded or reported, the session never crashes`, async () => {
    const { sim: server, s } = await openSession();
    const version = s.version!;
    const rng = new Rng(0xfa017);
    const seeds = MESSAGE_DEFS.filter((d) => messageExistsIn(d, version)).map((d) =>
      encodeMessage(randomMessage(rng, d, version), version),
    );
    let decoded = 0;
    let rejected = 0;
    const codecFailures: string[] = [];
    let seen = 0;
    let lostInResets = 0;
    let declared = 0;
    s.on('message', () => void seen++);
    s.on('protocol-error', () => void seen++);
    for (let sent = 0; sent < FRAMES;) {
      const n = Math.min(BATCH, FRAMES - sent);
      const batch: Buffer[] = [];
      for (let i = 0; i < n; i++) {
        const frame = mutateBody(rng, seeds[rng.int(0, seeds.length - 1)]);
        batch.push(frame);
        try {
          decodeMessage(frame, version);
          decoded++;
        } catch (err) {
          if (err instanceof CtiProtocolError) rejected++;
          else if (codecFailures.length < 5) codecFailures.push(`${String(err)}: ${frame.toString('hex')}`);
        }
      }
      sent += n;
      const from = seen;
      const conn = server.connectedSessions().find((c) => c.state === 'open');
      if (conn === undefined || s.state !== 'open') {
        await nextState(s, (i) => i.state === 'open');
        continue;
      }
      let reset: SessionStateInfo | undefined;
      let reopened: SessionStateInfo | undefined;
      const onState = (i: SessionStateInfo): void => {
        if (i.state !== 'open' && i.state !== 'peripheral-offline') reset ??= i;
        else if (i.state === 'open' && reset !== undefined) reopened ??= i;
      };
      s.on('state', onState);
      conn.writeRaw(Buffer.concat(batch));
      // Every frame is framed: each becomes a message or a protocol error — unless one made the session
      // reset (a mutated FAILURE_EVENT "server offline", say), which it must then declare.
      await when(s, 'message', () => seen - from >= n || reset !== undefined, 'the batch read', 30000).catch(() => {
        throw new Error(`batch at ${sent}: ${seen - from} of ${n} frames seen, state ${s.state}`);
      });
      if (reset !== undefined) {
        // The reopen may already have happened (a fast reconnect): the listener caught it.
        const up = reopened ?? (await nextState(s, (i) => i.state === 'open'));
        if (up.eventsMayHaveBeenMissed) declared++;
        lostInResets += n - (seen - from);
      }
      s.off('state', onState);
    }
    assert.deepEqual(codecFailures, [], 'the codec answers every frame with a message or a CtiProtocolError');
    // Still a working session.
    if (s.state !== 'open') await nextState(s, (i) => i.state === 'open');
    const conf = await s.request({
      messageType: 'QUERY_AGENT_STATE_REQ',
      peripheralId: 5000,
      mrdid: 1,
      icmAgentId: 0,
      agentId: '1001',
    });
    assert.equal(conf.messageType, 'QUERY_AGENT_STATE_CONF');
    console.log(
      `      fuzz: ${FRAMES} frames; codec decoded ${decoded}, rejected ${rejected}; session saw ${seen} ` +
        `(messages + protocol errors), ${lostInResets} cut off by ${declared} declared resets; ` +
        `${s.stats.decodeErrors} decode errors, ${s.stats.reconnects} reconnects`,
    );
    assert.equal(decoded + rejected, FRAMES);
    if (lostInResets > 0) assert.ok(declared > 0, 'frames cut off by a reset only with the outage declared');
  });

  it(`soak: ${SOAK_MS / 1000} s at ${EVENTS_PER_SECOND} events/s — every event once, in order, none lost, heap flat`, async () => {
    const { sim: server, s } = await openSession();
    // The simulator keeps ended calls for the wrap-up window (2 minutes, for CallWrapupData): by design, and
    // bounded, but at 1,000 events/s that is ~9 MiB of its own. The heap check is about the client: no window.
    server.model.wrapupWindowMs = 0;
    const wire = { count: 0, hash: 0 };
    const got = { count: 0, hash: 0 };
    // One connection for the whole soak (asserted below): one rolling hash per side is the whole ledger.
    server.on('message-sent', ({ message }: { message: CtiMessage }) => {
      wire.count++;
      wire.hash = roll(wire.hash, messageKey(message));
    });
    s.on('message', (m: CtiMessage) => {
      got.count++;
      got.hash = roll(got.hash, messageKey(m));
    });
    const states: string[] = [];
    s.on('state', (i: SessionStateInfo) => states.push(`${i.state} (${i.reason})`));
    // Events per call at this client, measured, to pace calls for EVENTS_PER_SECOND.
    const probe = streamCalls(server, 50);
    await when(s, 'message', () => got.count >= 300, 'warm-up events');
    await probe.stop();
    const perCall = got.count / probe.calls;
    const heapBefore = await heapAfterGc();
    const countBefore = got.count;
    const started = Date.now();
    const st = streamCalls(server, Math.round(EVENTS_PER_SECOND / perCall));
    const samples: number[] = [];
    while (Date.now() - started < SOAK_MS) {
      await new Promise((r) => setTimeout(r, Math.min(30_000, SOAK_MS)));
      if (LONG) samples.push(Math.round(process.memoryUsage().heapUsed / 1048576));
    }
    await st.stop();
    const elapsed = (Date.now() - started) / 1000;
    await when(s, 'message', () => got.count >= wire.count, 'the client catching up', 30000);
    const heapAfter = await heapAfterGc();
    const rate = Math.round((got.count - countBefore) / elapsed);
    console.log(
      `      soak: ${elapsed.toFixed(0)} s, ${wire.count} messages sent = ${got.count} received ` +
        `(${rate}/s); heap ${(heapBefore / 1048576).toFixed(1)} → ${(heapAfter / 1048576).toFixed(1)} MiB` +
        (samples.length > 0 ? ` (samples ${samples.join(', ')} MiB)` : ''),
    );
    assert.deepEqual(states, [], 'never left open');
    assert.equal(got.count, wire.count, 'every message received');
    assert.equal(got.hash, wire.hash, 'the same messages, in the same order');
    assert.ok(rate >= EVENTS_PER_SECOND * 0.8, `only ${rate} events/s`);
    assert.ok(heapAfter - heapBefore <= SOAK_HEAP_MARGIN, 'heap flat across the soak');
  });
});
