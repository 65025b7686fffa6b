import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { encodeMessage, StatusCode } from '../../lib/protocol';
import { CtiSession } from '../../lib/session';
import { CtiSimulator } from '../../lib/simulator';
import { attachRecorder, readRecording, type SessionFrame } from '../../lib/record';
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

  it("the session's frame tap: each tap sees every frame both ways until untapped; the old record option is refused", async function () {
    const seen: Array<[string, number]> = [];
    const other: string[] = [];
    const untap = session.tapFrames((f) => seen.push([f.dir, f.type]));
    session.tapFrames((f) => other.push(f.dir));
    await session.open();
    await barrier(session);
    const whileTapped = seen.length;
    assert.ok(whileTapped >= 4, 'OPEN_REQ, OPEN_CONF, HEARTBEAT_REQ, HEARTBEAT_CONF at least');
    assert.deepEqual(seen.slice(0, 2), [
      ['out', 3], // OPEN_REQ
      ['in', 4], // OPEN_CONF
    ]);
    untap();
    await barrier(session);
    assert.equal(seen.length, whileTapped, 'nothing after untap()');
    assert.ok(other.length > whileTapped, 'the other tap goes on');
    assert.throws(
      () => new CtiSession({ sideA: { host: '127.0.0.1', port: 1 }, clientId: 'x', record: 'a.jsonl' } as never),
      /CtiSession option "record": recording attaches from outside now: recordSession/,
    );
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

  it('version auto stepping down: the header names the accepted version, the refused attempt carries "v"', async function () {
    // The frames a session offering v25 to a v24 server exchanges, in the order its frame tap hands them over.
    const wire = new EventEmitter();
    const fake = {
      version: 25,
      isOpen: false,
      options: { peripheralId: 5000 },
      tapFrames: (l: (f: SessionFrame) => void) => {
        wire.on('frame', l);
        return () => void wire.off('frame', l);
      },
    };
    const file = tmp.file('stepdown.jsonl');
    const recorder = attachRecorder(fake, { path: file });
    const open = (version: number, invokeId: number): Buffer =>
      encodeMessage(
        {
          messageType: 'OPEN_REQ',
          invokeId,
          versionNumber: version,
          idleTimeout: 120,
          peripheralId: 5000,
          servicesRequested: 0x10,
          callMsgMask: 0,
          agentStateMask: 0,
          configMsgMask: 0,
          clientId: 'x',
          clientPassword: '',
        },
        version,
      );
    const conf = encodeMessage(
      {
        messageType: 'OPEN_CONF',
        invokeId: 2,
        servicesGranted: 0x10,
        monitorId: 0,
        pgStatus: 0,
        icmCentralControllerTime: 0,
        peripheralOnline: 1,
        peripheralType: 17,
        agentState: 0,
        departmentId: 0,
        sessionType: 0,
      },
      24,
    );
    const frames: Array<['in' | 'out', Buffer]> = [
      ['out', open(25, 1)],
      [
        'in',
        encodeMessage(
          { messageType: 'FAILURE_CONF', invokeId: 1, status: StatusCode.byName.E_CTI_INVALID_VERSION },
          25,
        ),
      ],
      ['out', open(24, 2)],
      ['in', conf], // the accepted version: the header is written now
      ['in', encodeMessage({ messageType: 'HEARTBEAT_CONF', invokeId: 3 }, 24)], // stands in for what follows
    ];
    let at = 1000;
    for (const [dir, frame] of frames) wire.emit('frame', { dir, type: frame.readUInt32BE(4), frame, at: at++ });
    await recorder.close();
    const [header, ...rest] = lines(file);
    assert.equal(header.protocolVersion, 24);
    assert.deepEqual(
      rest.map((l) => [l.type, l.v]),
      [
        ['OPEN_REQ', 25],
        ['FAILURE_CONF', 25],
        ['OPEN_REQ', undefined],
        ['OPEN_CONF', undefined],
        ['HEARTBEAT_CONF', undefined],
      ],
    );
    assert.deepEqual(
      rest.map((l) => l.t),
      [0, 1, 2, 3, 4],
    );
    const rec = readRecording(file);
    assert.deepEqual(
      rec.frames.map((f) => f.version),
      [25, 25, 24, 24, 24],
    );
  });

  it('a bad path is a clear error, and the session is not touched', function () {
    assert.throws(() => attachRecorder(session, { path: tmp.file('missing/dir/x.jsonl') }), /ENOENT/);
    assert.equal(session.listenerCount('frame'), 0);
    assert.throws(() => attachRecorder(session, { path: '' }), /path is required/);
  });
});
