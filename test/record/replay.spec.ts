import assert from 'node:assert/strict';
import { decodeMessage, type CtiMessage } from '../../lib/protocol';
import { AcceleratedClock, replay } from '../../lib/simulator';
import type { Recording } from '../../lib/record';
import { AGENT_EVENTS, CALL_EVENTS } from '../../nodes/lib/event-types';
import { helper, NODES, serverNode, waitForState, getServer, flush } from '../nodes/harness';
import { PERIPHERAL, barrier, recordOnce, replayFixture, tempDir } from './helpers';

const DELIVERED = new Set([...CALL_EVENTS, ...AGENT_EVENTS]);

/** What identifies an event in a sequence: its type and the call it is about. */
function key(m: { messageType?: string; connectionCallId?: number; primaryCallId?: number }, type?: string): string {
  return `${type ?? m.messageType} ${m.connectionCallId ?? m.primaryCallId ?? '-'}`;
}

/** The call and agent events the recording holds, as the client received them, in order. */
function recordedSequence(rec: Recording): string[] {
  return rec.frames
    .filter((f) => f.dir === 'in' && DELIVERED.has(f.type))
    .map((f) => key(decodeMessage(f.frame, f.version)));
}

describe('replay: a recording served by the simulator', function () {
  const tmp = tempDir();
  let file: string;
  let recording: Recording;

  /** One recording for the whole file: the transfer scenario on an accelerated clock (two calls, ~40 events). */
  before(async function () {
    file = tmp.file('transfer.jsonl');
    recording = await recordOnce(
      file,
      { peripheralId: PERIPHERAL, agents: '1001-1003', clock: new AcceleratedClock(100) },
      (sim) => sim.runScenario('transfer'),
    );
  });
  after(() => tmp.remove());

  const r = replayFixture({ peripheralId: PERIPHERAL, agents: '1001-1003' });
  const client = (version: number, services?: string[]): ReturnType<typeof r.client> => r.client(version, { services });

  it('the recording holds the whole transfer scenario', function () {
    const seq = recordedSequence(recording);
    assert.ok(
      seq.some((k) => k.startsWith('CALL_TRANSFERRED_EVENT')),
      seq.join('\n'),
    );
    assert.ok(seq.filter((k) => k.startsWith('END_CALL_EVENT')).length >= 2);
    assert.equal(recording.header.protocolVersion, 25, "the recording session's version 'auto' opened at 25");
  });

  it('a client at another version (19) gets the same events, re-encoded, and no recorded CONF', async function () {
    r.player = replay(r.sim, file, { speed: 20 });
    const played = new Promise((resolve) => r.player!.once('played', resolve));
    const { session, seen } = await client(19);
    await played;
    await barrier(session);
    const got = seen.filter((m) => DELIVERED.has(m.messageType)).map((m) => key(m));
    assert.deepEqual(got, recordedSequence(recording));
    assert.equal(r.player.stats.framesSkipped, 0);
    // Only this session's own CONFs arrived (OPEN_CONF, the barrier's HEARTBEAT_CONF): none of the recording's.
    const confs = seen.filter((m) => m.messageType.endsWith('_CONF')).map((m) => m.messageType);
    assert.deepEqual(confs, ['OPEN_CONF', 'HEARTBEAT_CONF']);
  });

  it('a client at the recorded version gets exactly the recorded events, the first SYSTEM_EVENT once', async function () {
    r.player = replay(r.sim, file, { speed: 20 });
    const played = new Promise((resolve) => r.player!.once('played', resolve));
    const { session, seen } = await client(recording.header.protocolVersion);
    await played;
    await barrier(session);
    const recorded = recording.frames
      .filter((f) => f.dir === 'in' && !f.type.endsWith('_CONF'))
      .map((f) => key(decodeMessage(f.frame, f.version)));
    const got = seen.filter((m) => !m.messageType.endsWith('_CONF')).map((m) => key(m));
    assert.equal(got.length, recorded.length, `recorded ${recorded.length} events, replayed ${got.length}`);
    assert.deepEqual(got, recorded);
    assert.equal(recorded[0], 'SYSTEM_EVENT -', 'the recording starts with its SYSTEM_EVENT');
  });

  it('every client that opens a session gets the recording; --loop plays it again', async function () {
    r.player = replay(r.sim, recording, { speed: 50, loop: true });
    // Each session has played the recording through twice (rounds of one session may outpace the other's).
    const twice = new Promise<void>((resolve) => {
      const rounds = new Map<number, number>();
      r.player!.on('played', (info: { id: number }) => {
        rounds.set(info.id, (rounds.get(info.id) ?? 0) + 1);
        if (rounds.size === 2 && [...rounds.values()].every((n) => n >= 2)) resolve();
      });
    });
    const a = await client(24);
    const b = await client(22);
    await twice;
    const expected = recordedSequence(recording);
    for (const c of [a, b]) {
      await barrier(c.session); // 'played' means written to the socket; this means read by the client
      const got = c.seen.filter((m) => DELIVERED.has(m.messageType)).map((m) => key(m));
      assert.ok(got.length >= expected.length * 2, `${got.length} events`);
      assert.deepEqual(got.slice(0, expected.length * 2), [...expected, ...expected]);
    }
    assert.equal(r.player.stats.sessions, 2);
  });

  it('requests are answered by the simulator while the recording plays', async function () {
    r.player = replay(r.sim, file, { speed: 2 });
    const { session } = await client(24, ['ALL_EVENTS', 'CLIENT_CONTROL']);
    const conf = await session.request({
      messageType: 'QUERY_AGENT_STATE_REQ',
      peripheralId: PERIPHERAL,
      mrdid: 1,
      icmAgentId: 0,
      agentInstrument: '1002',
    });
    assert.equal(conf.messageType, 'QUERY_AGENT_STATE_CONF');
  });

  describe('through a real Node-RED (cti-server + cti-event)', function () {
    beforeEach(async function () {
      await helper.startServer();
    });
    afterEach(async function () {
      await helper.unload();
      await helper.stopServer();
    });

    it('a cti-event node sees the same sequence of event types and call IDs as was recorded', async function () {
      r.player = replay(r.sim, file, { speed: 10 });
      const expected = recordedSequence(recording);
      await helper.load(NODES, [
        { id: 'f1', type: 'tab' },
        { ...serverNode(r.sim), z: undefined },
        { id: 'ev', type: 'cti-event', z: 'f1', server: 'srv', events: [...DELIVERED], wires: [['h']] },
        { id: 'h', type: 'helper', z: 'f1' },
      ]);
      const got: string[] = [];
      const all = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${got.length} of ${expected.length} events within 15 s`)),
          15000,
        );
        helper.getNode('h').on('input', (msg: { topic: string; payload: CtiMessage }) => {
          got.push(key(msg.payload, msg.topic));
          if (got.length === expected.length) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      await waitForState(getServer(), 'open');
      await all;
      await flush();
      assert.deepEqual(got, expected);
    });
  });
});
