/**
 * Liberal decoding, session side: hand-built frames that deviate from the reference (a string one byte over its
 * maximum, a NumNamedVariables count that disagrees with the variables present) are written raw onto the
 * simulator's TCP connection to the session. Each is delivered (and tracked as a call), counted per kind in
 * protocolWarnings, and reported once per kind ('protocol-warning' and 'warning'); a frame that cannot be decoded
 * is dropped and counted. The 'frame' event carries every whole frame both ways.
 */
import assert from 'node:assert/strict';
import { CtiSimulator } from '../../lib/simulator';
import type { CallSnapshot } from '../../lib/calls';
import { CtiProtocolWarning, CtiSession } from '../../lib/session';
import { HEADER_SIZE, type CtiMessage, type DecodeWarning } from '../../lib/protocol';
import { startSimulator, waitForEvent } from './helpers';
import { ANI_MAX, aniTooLong, wrongVariableCount } from '../support/deviating-frames';

describe('CtiSession liberal decoding', function () {
  const sims: CtiSimulator[] = [];
  let s: CtiSession | undefined;

  afterEach(async () => {
    await s?.close();
    s = undefined;
    await Promise.all(sims.splice(0).map((x) => x.stop()));
  });

  it('delivers deviating call events, counts them per kind and warns once per kind; drops and counts an undecodable frame', async () => {
    const sim = await startSimulator(sims);
    s = new CtiSession({ sideA: { host: '127.0.0.1', port: sim.port }, clientId: 'liberal', heartbeatInterval: 0 });
    const session = s;
    await session.open();
    const v = session.version;
    const server = sim.connectedSessions()[0];

    // ANI: documented maximum 40 bytes; this one is 41 (40 characters and the NUL).
    const longAni = 'A'.repeat(ANI_MAX);
    const tooLong = (callId: number): Buffer => aniTooLong(v, callId, longAni);
    // NumNamedVariables says 3, one variable follows.
    const wrongCount = (callId: number): Buffer => wrongVariableCount(v, callId);

    const delivered: Array<{ msg: CtiMessage; call?: CallSnapshot }> = [];
    session.on('CALL_DELIVERED_EVENT', (msg: CtiMessage, call?: CallSnapshot) => delivered.push({ msg, call }));
    const protocolWarnings: Array<DecodeWarning & { count: number }> = [];
    session.on('protocol-warning', (w: DecodeWarning & { count: number }) => protocolWarnings.push(w));
    const warnings: unknown[] = [];
    session.on('warning', (w: unknown) => warnings.push(w));

    const allIn = waitForEvent(session, 'CALL_DELIVERED_EVENT', () => delivered.length >= 4);
    server.writeRaw(tooLong(101));
    server.writeRaw(wrongCount(102));
    server.writeRaw(tooLong(103));
    server.writeRaw(wrongCount(104));
    await allIn;

    assert.deepEqual(
      delivered.map((d) => d.msg.connectionCallId),
      [101, 102, 103, 104],
      'every call event delivered, in order',
    );
    assert.equal(delivered[0].msg.ani, longAni, 'the whole value is kept');
    assert.equal(delivered[0].call?.ani, longAni, 'and tracked');
    assert.deepEqual(delivered[1].msg.namedVariables, [{ name: 'user.case', value: 'c-1' }]);

    const counts = session.protocolWarnings;
    assert.equal(counts.total, 4);
    assert.deepEqual(counts.byKind, {
      'CALL_DELIVERED_EVENT.ani:string-too-long': 2,
      'CALL_DELIVERED_EVENT.numNamedVariables:count-mismatch': 2,
    });
    assert.deepEqual(
      protocolWarnings.map((w) => `${w.messageType}.${w.field}:${w.kind} ×${w.count}`),
      ['CALL_DELIVERED_EVENT.ani:string-too-long ×1', 'CALL_DELIVERED_EVENT.numNamedVariables:count-mismatch ×1'],
      'reported once per kind',
    );
    assert.equal(warnings.length, 2);
    for (const w of warnings) {
      assert.ok(w instanceof CtiProtocolWarning, String(w));
      assert.match(w.message, /^side A: CALL_DELIVERED_EVENT deviates from the protocol reference/);
    }

    // A frame whose fixed part is too short cannot be decoded: dropped, counted, reported as before.
    const dropped = waitForEvent(session, 'protocol-error');
    sim.faults.sendGarbage();
    await dropped;
    assert.equal(session.protocolWarnings.dropped, 1);
    assert.equal(session.state, 'open');
    // The state's counts: the next state event carries them.
    const closed = waitForEvent<[{ protocolWarnings: { total: number; dropped: number } }]>(session, 'state');
    void session.close();
    const [info] = await closed;
    assert.equal(info.protocolWarnings.total, 4);
    assert.equal(info.protocolWarnings.dropped, 1);
  });

  it("'frame' carries every whole frame both ways, header included", async () => {
    const sim = await startSimulator(sims);
    s = new CtiSession({ sideA: { host: '127.0.0.1', port: sim.port }, clientId: 'frames', heartbeatInterval: 0 });
    const frames: Array<{ dir: string; type: number; frame: Buffer; at: number }> = [];
    s.on('frame', (f: { dir: string; type: number; frame: Buffer; at: number }) => frames.push(f));
    await s.open();
    assert.deepEqual(
      frames.slice(0, 2).map((f) => `${f.dir} ${f.type}`),
      ['out 3', 'in 4'],
      'OPEN_REQ out, OPEN_CONF in',
    );
    for (const f of frames) {
      assert.equal(f.frame.readUInt32BE(0) + HEADER_SIZE, f.frame.length);
      assert.equal(f.frame.readUInt32BE(4), f.type);
      assert.ok(f.at > 0);
    }
  });
});
