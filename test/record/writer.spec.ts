import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CtiSimulator } from '../../lib/simulator';
import { RotatingWriter, readRecording } from '../../lib/record';
import { PERIPHERAL, barrier, finish, openRecordingSession, tempDir } from './helpers';

describe('record: writer (rotation, bounded queue)', function () {
  const tmp = tempDir();
  after(() => tmp.remove());

  it('rotates before maxBytes, keeps at most maxFiles, every file starting with the first line', async function () {
    const file = tmp.file('rot.log');
    const w = new RotatingWriter({ path: file, maxBytes: 1000, maxFiles: 3 }, () => 'HEADER');
    w.write('HEADER');
    for (let i = 0; i < 200; i++) w.write(`line ${String(i).padStart(4, '0')} ${'x'.repeat(40)}`);
    await w.close();
    const files = fs.readdirSync(tmp.dir).filter((f) => f.startsWith('rot.log'));
    assert.deepEqual(files.sort(), ['rot.log', 'rot.log.1', 'rot.log.2']);
    for (const f of files) {
      const text = fs.readFileSync(tmp.file(f), 'utf8');
      assert.ok(Buffer.byteLength(text) <= 1000, `${f} is ${Buffer.byteLength(text)} bytes`);
      assert.equal(text.split('\n')[0], 'HEADER', `${f} starts with the header`);
    }
    // The newest lines are in the current file, the last line written last; nothing lost before rotation.
    const current = fs.readFileSync(file, 'utf8').trim().split('\n');
    assert.match(current[current.length - 1], /^line 0199 /);
    assert.ok(w.stats.rotations >= 10);
    assert.equal(w.stats.linesDropped, 0);
    assert.equal(w.stats.linesWritten, 201);
  });

  it('drops (and counts) lines when the disk cannot keep up instead of growing memory', async function () {
    const file = tmp.file('bounded.log');
    const w = new RotatingWriter({ path: file, maxQueuedBytes: 10_000 });
    let accepted = 0;
    // All written in one turn: the disk gets no chance, so only ~10 kB may wait in memory.
    for (let i = 0; i < 1000; i++) if (w.write('y'.repeat(99))) accepted++;
    // 100 lines fill the queue; the first one left it at once for the disk.
    assert.ok(accepted <= 101, `accepted ${accepted}`);
    assert.equal(w.stats.linesDropped, 1000 - accepted);
    await w.close();
    assert.equal(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length, accepted);
    assert.equal(w.write('late'), false, 'a closed writer drops');
  });

  it('a recording already at the path is rotated away (kept as .1), never overwritten; maxFiles 1 replaces it', async function () {
    const file = tmp.file('again.jsonl');
    for (const run of ['first', 'second', 'third']) {
      const w = new RotatingWriter({ path: file, maxFiles: 3 });
      w.write(run);
      await w.close();
    }
    assert.equal(fs.readFileSync(file, 'utf8'), 'third\n');
    assert.equal(fs.readFileSync(`${file}.1`, 'utf8'), 'second\n');
    assert.equal(fs.readFileSync(`${file}.2`, 'utf8'), 'first\n');
    const w = new RotatingWriter({ path: file, maxFiles: 3 });
    await w.close();
    assert.ok(!fs.existsSync(`${file}.3`), 'no more than maxFiles files');
    assert.equal(fs.readFileSync(`${file}.2`, 'utf8'), 'second\n', 'the oldest went');
    const single = new RotatingWriter({ path: file, maxFiles: 1 });
    single.write('only');
    await single.close();
    assert.equal(fs.readFileSync(file, 'utf8'), 'only\n');
  });

  it('a path that cannot be created is a clear error at once', function () {
    assert.throws(() => new RotatingWriter({ path: tmp.file('no/such/dir/file.jsonl') }), /ENOENT/);
  });

  it('a recording rotated at maxBytes: each part is a recording of its own that reads back', async function () {
    const sim = new CtiSimulator({ port: 0, peripheralId: PERIPHERAL, agents: '1001-1003' });
    await sim.start();
    try {
      const file = tmp.file('session.jsonl');
      const s = await openRecordingSession(sim, { path: file, maxBytes: 2000, maxFiles: 4 });
      for (let i = 0; i < 3; i++) {
        const call = await sim.startInboundCall({ agentId: '1001', ani: `40855500${i}`, answer: true });
        await sim.releaseCall(call);
      }
      await barrier(s);
      await finish(s);
      assert.ok(s.recorder.stats.rotations >= 1, 'rotated');
      const parts = fs.readdirSync(tmp.dir).filter((f) => f.startsWith('session.jsonl'));
      assert.ok(parts.length >= 2 && parts.length <= 4, `parts: ${parts.join(', ')}`);
      for (const p of parts) {
        assert.ok(fs.statSync(tmp.file(p)).size <= 2000, `${p} too big`);
        const rec = readRecording(tmp.file(p));
        assert.equal(rec.header.protocolVersion, 25, "version 'auto' opened at 25");
        assert.equal(rec.skipped, 0);
      }
      assert.ok(readRecording(file).header.part > 1, 'the current file is a later part');
    } finally {
      await sim.stop();
    }
  });
});
