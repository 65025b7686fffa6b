import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CtiSession } from '../../lib/session';
import { CtiSimulator } from '../../lib/simulator';
import { readRecording, recordSession } from '../../lib/record';
import { parseRecordArgs } from '../../cli/cti-record';
import { decodeMessage } from '../../lib/protocol';
import { PERIPHERAL, tempDir } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
/** The installed entry points (package.json "bin"); `npm test` builds first, run `npm run build` for this file alone. */
const RECORD_BIN = path.join(ROOT, 'dist', 'cli', 'cti-record.js');
const SIM_BIN = path.join(ROOT, 'dist', 'cli', 'cti-sim.js');
const ANI = '4155550143';

interface Run {
  proc: ChildProcess;
  stdout: () => string;
  exited: Promise<number | null>;
}

function run(bin: string, args: string[]): Run {
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  const proc = spawn(process.execPath, [bin, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.resume();
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, stdout: () => out, exited };
}

/** Resolves with the first stdout line matching `re`. */
function lineMatching(r: Run, re: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const m = r
        .stdout()
        .split('\n')
        .map((l) => re.exec(l))
        .find((x) => x !== null);
      if (m) {
        r.proc.stdout!.off('data', check);
        resolve(m);
      }
    };
    r.proc.stdout!.on('data', check);
    r.exited.then((code) => reject(new Error(`exited (${code}) before printing ${re}: ${r.stdout()}`)));
    check();
  });
}

describe('record: the cti-record and cti-sim --replay command lines', function () {
  const tmp = tempDir();
  const runs: Run[] = [];
  let sim: CtiSimulator | undefined;
  after(() => tmp.remove());
  afterEach(async function () {
    for (const r of runs.splice(0)) if (r.proc.exitCode === null && r.proc.signalCode === null) r.proc.kill('SIGKILL');
    await sim?.stop();
    sim = undefined;
  });

  /**
   * A simulator that puts one inbound call through for every session that opens; `released` resolves once the
   * last of its events has been written to the client.
   */
  async function busySim(): Promise<{ sim: CtiSimulator; released: Promise<void> }> {
    const s = new CtiSimulator({ port: 0, peripheralId: PERIPHERAL, agents: '1001-1003' });
    sim = s;
    const released = new Promise<void>((resolve, reject) => {
      s.once('session-open', () => {
        s.startInboundCall({ agentId: '1001', ani: ANI, callVariables: { 1: 'ACCT-7733-SECRET' }, answer: true })
          .then((call) => s.releaseCall(call))
          .then(resolve, reject);
      });
    });
    released.catch(() => undefined);
    await s.start();
    return { sim: s, released };
  }

  it('cti-record --duration stops by itself, closes its session and prints a summary that matches the file', async function () {
    const { sim: s } = await busySim();
    const out = tmp.file('cli.jsonl');
    const ended = new Promise((resolve) => s.once('session-close', resolve));
    const r = run(RECORD_BIN, [
      '--host',
      '127.0.0.1',
      '--port',
      String(s.port),
      '--peripheral-id',
      String(PERIPHERAL),
      '--services',
      'ALL_EVENTS',
      '--duration',
      '2s',
      '--out',
      out,
      '--quiet',
    ]);
    runs.push(r);
    assert.equal(await r.exited, 0, r.stdout());
    await ended; // the CLI closed its session (CLOSE_REQ) before exiting
    const m = /^cti-record: (\d+) frames, (\d+) bytes, [\d.]+s recorded to .*; masked \((\d+) fields\)$/m.exec(
      r.stdout(),
    );
    assert.ok(m, r.stdout());
    const rec = readRecording(out);
    assert.equal(Number(m[1]), rec.frames.length, 'the summary counts the frames in the file');
    assert.equal(Number(m[2]), fs.statSync(out).size);
    assert.equal(rec.header.masked, true);
    const types = rec.frames.map((f) => f.type);
    for (const t of ['OPEN_REQ', 'OPEN_CONF', 'CLOSE_REQ', 'CLOSE_CONF'])
      assert.ok(types.includes(t), `${t} missing from ${types.join(',')}`);
    for (const f of rec.frames) decodeMessage(f.frame, f.version, { strict: true });
  });

  it('cti-record stops cleanly on SIGINT with everything received until then, masked', async function () {
    const { sim: s, released } = await busySim();
    const out = tmp.file('sigint.jsonl');
    const r = run(RECORD_BIN, ['--host', '127.0.0.1', '--port', String(s.port), '--out', out, '--mask-agents']);
    runs.push(r);
    await lineMatching(r, /^cti-record: recording /);
    await released;
    // The CLI's CLOSE_REQ is answered after every event written before it: the whole call is in the file.
    r.proc.kill('SIGINT');
    assert.equal(await r.exited, 0);
    assert.match(r.stdout(), /frames, \d+ bytes, .* masked \(\d+ fields\)/);
    const rec = readRecording(out);
    assert.equal(rec.header.maskAgents, true);
    const types = rec.frames.map((f) => f.type);
    for (const t of ['BEGIN_CALL_EVENT', 'CALL_DELIVERED_EVENT', 'END_CALL_EVENT', 'CLOSE_CONF'])
      assert.ok(types.includes(t), `${t} missing from ${types.join(',')}`);
    const text = fs.readFileSync(out, 'utf8');
    for (const secret of [ANI, 'ACCT-7733-SECRET'])
      assert.ok(!text.includes(Buffer.from(secret).toString('hex')), `${secret} unmasked`);
    // Too short to look for in hex (a pseudonym's digits could spell it): the decoded fields say it instead.
    const agentIds = rec.frames.map((f) => decodeMessage(f.frame, f.version).agentId).filter((a) => a !== undefined);
    assert.ok(agentIds.length > 0 && !agentIds.includes('1001'), `agent IDs: ${agentIds.join(',')}`);
  });

  it('cti-record --no-mask keeps the values', async function () {
    const { sim: s, released } = await busySim();
    const out = tmp.file('plain.jsonl');
    const r = run(RECORD_BIN, ['--host', '127.0.0.1', '--port', String(s.port), '--out', out, '--no-mask']);
    runs.push(r);
    await released;
    await lineMatching(r, /^cti-record: recording /);
    r.proc.kill('SIGTERM');
    assert.equal(await r.exited, 0);
    assert.match(r.stdout(), /not masked/);
    assert.equal(readRecording(out).header.masked, false);
    assert.ok(fs.readFileSync(out, 'utf8').includes(Buffer.from(ANI).toString('hex')));
  });

  it('cti-record usage errors exit 2 with a message', async function () {
    assert.throws(() => parseRecordArgs(['--port', '1', '--out', 'x']), /--host and --port are required/);
    assert.throws(() => parseRecordArgs(['--host', 'h', '--port', '1']), /--out/);
    assert.throws(() => parseRecordArgs(['--host', 'h', '--port', '1', '--out', 'x', '--version', '9']), /15\.\.25/);
    assert.deepEqual(parseRecordArgs(['--host', 'h', '--port', '1', '--out', 'x', '--side-b', 'b:2']).sideB, {
      host: 'b',
      port: 2,
    });
    const r = run(RECORD_BIN, ['--host', '127.0.0.1', '--out', 'x']);
    runs.push(r);
    assert.equal(await r.exited, 2);
  });

  it('cti-sim --replay FILE --speed serves the recording to a client; usage errors exit 2', async function () {
    // A recording made with cti-record above would do; this one is quicker to make in-process.
    const { sim: s } = await busySim();
    const file = tmp.file('to-replay.jsonl');
    const rec = new CtiSession({
      sideA: { host: '127.0.0.1', port: s.port },
      clientId: 'rec',
      peripheralId: PERIPHERAL,
      heartbeatInterval: 0,
    });
    const recorder = recordSession(rec, file);
    const done = new Promise<void>((resolve) => rec.on('END_CALL_EVENT', () => resolve()));
    await rec.open();
    await done;
    await rec.close();
    await recorder.close();
    await s.stop();
    sim = undefined;

    const r = run(SIM_BIN, ['--port', '0', '--replay', file, '--speed', '10', '--log', 'quiet']);
    runs.push(r);
    const [, host, port] = await lineMatching(r, /^cti-sim listening on ([\d.]+):(\d+)$/);
    const client = new CtiSession({
      sideA: { host, port: Number(port) },
      clientId: 'replayed',
      peripheralId: PERIPHERAL,
      heartbeatInterval: 0,
    });
    const ani = new Promise<string>((resolve) => client.on('BEGIN_CALL_EVENT', (e) => resolve(e.ani ?? '')));
    const end = new Promise<void>((resolve) => client.on('END_CALL_EVENT', () => resolve()));
    await client.open();
    const masked = await ani;
    assert.equal(masked.length, ANI.length);
    assert.notEqual(masked, ANI);
    await end;
    await client.close();
    r.proc.kill('SIGINT');
    assert.equal(await r.exited, 0);

    for (const args of [
      ['--loop'],
      ['--replay', tmp.file('missing.jsonl')],
      ['--replay', file, '--scenario', 'inbound'],
    ]) {
      const bad = run(SIM_BIN, ['--port', '0', ...args]);
      runs.push(bad);
      assert.equal(await bad.exited, 2, args.join(' '));
    }
  });
});
