import assert from 'node:assert/strict';
import { CtiSession } from '../../lib/session';
import { CtiSimulator } from '../../lib/simulator';
import { attachRecorder, readRecording } from '../../lib/record';
import { PERIPHERAL, barrier, lines, tempDir } from './helpers';

describe('record: attachRecorder on a session', function () {
  const tmp = tempDir();
  let sim: CtiSimulator;
  let session: CtiSession;
  beforeEach(async function () {
    sim = new CtiSimulator({ port: 0, peripheralId: PERIPHERAL, agents: '1001-1003' });
    await sim.start();
    session = new CtiSession({
      sideA: { host: '127.0.0.1', port: sim.port },
      clientId: 'attach',
      peripheralId: PERIPHERAL,
      version: 22,
      callMsgMask: 0x0fffffff, // v22 defines no PV23 recording-event bits
      heartbeatInterval: 0,
    });
    session.on('error', () => undefined);
  });
  afterEach(async function () {
    await session.close();
    await sim.stop();
  });
  after(() => tmp.remove());

  it('attached to an open session: the header names its version at once; close() stops recording', async function () {
    await session.open();
    const file = tmp.file('attached.jsonl');
    const recorder = attachRecorder(session, { path: file });
    assert.equal(session.listenerCount('frame'), 1);
    const call = await sim.startInboundCall({ agentId: '1001', ani: '4085550100', answer: true });
    await sim.releaseCall(call);
    await barrier(session);
    await recorder.close();
    assert.equal(session.listenerCount('frame'), 0, 'the recorder let go of the session');
    const before = recorder.stats;
    await barrier(session); // more traffic after close(): not recorded
    assert.equal(recorder.stats.frames, before.frames);
    const rec = readRecording(file);
    assert.equal(rec.header.protocolVersion, 22);
    assert.equal(rec.header.peripheralId, PERIPHERAL);
    assert.equal(rec.frames[0].t, 0);
    assert.ok(
      rec.frames.every((f, i) => i === 0 || f.t >= rec.frames[i - 1].t),
      'times never go back',
    );
    assert.ok(rec.frames.some((f) => f.type === 'CALL_DELIVERED_EVENT'));
    assert.equal(before.frames, rec.frames.length);
    assert.equal(before.linesWritten, rec.frames.length);
    assert.equal(before.linesDropped, 0);
    assert.equal(recorder.close(), recorder.close(), 'close() is idempotent');
  });

  it('attached before open(): the handshake is recorded and the header waits for the accepted version', async function () {
    const file = tmp.file('handshake.jsonl');
    const recorder = attachRecorder(session, { path: file, mask: false });
    await session.open();
    await recorder.close();
    const [header, ...frames] = lines(file);
    assert.equal(header.protocolVersion, 22);
    assert.equal(header.masked, false);
    assert.deepEqual(
      frames.slice(0, 2).map((l) => [l.dir, l.type]),
      [
        ['out', 'OPEN_REQ'],
        ['in', 'OPEN_CONF'],
      ],
    );
    assert.ok(
      frames.every((l) => l.v === undefined),
      'no frame of another version',
    );
  });

  it('a bad path is a clear error, and the session is not touched', function () {
    assert.throws(() => attachRecorder(session, { path: tmp.file('missing/dir/x.jsonl') }), /ENOENT/);
    assert.equal(session.listenerCount('frame'), 0);
    assert.throws(() => attachRecorder(session, { path: '' }), /path is required/);
  });
});
