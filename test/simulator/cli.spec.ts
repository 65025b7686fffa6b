import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from '../../cli/cti-sim';
import { RawClient, SVC } from './raw-client';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The installed entry point (package.json "bin": dist/cli/cti-sim.js), so packaging mistakes show here.
 * `npm test` builds first; run `npm run build` before running this file alone.
 */
const BIN = path.join(ROOT, 'dist', 'cli', 'cti-sim.js');
const BUILT = path.join(ROOT, 'dist', 'cli', 'cti-sim.js');

function spawnCli(args: string[]): ChildProcess {
  if (!fs.existsSync(BUILT)) throw new Error(`${BUILT} is missing: run npm run build first`);
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

function readLines(p: ChildProcess, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d: Buffer): void => {
      buf += d.toString();
      const lines = buf.split('\n').filter(Boolean);
      if (lines.length >= count && buf.endsWith('\n')) {
        p.stdout!.off('data', onData);
        resolve(lines);
      }
    };
    p.stdout!.on('data', onData);
    p.once('exit', (code) => reject(new Error(`cti-sim exited (${code}) before printing ${count} line(s): ${buf}`)));
  });
}

describe('simulator: cti-sim CLI', () => {
  let proc: ChildProcess | undefined;
  let client: RawClient | undefined;
  afterEach(() => {
    client?.close();
    if (proc !== undefined && proc.exitCode === null) proc.kill('SIGKILL');
    proc = undefined;
    client = undefined;
  });

  it('--port 0 --scenario inbound: prints the listening line, a client sees a whole inbound call, SIGINT exits 0', async () => {
    proc = spawnCli(['--port', '0', '--scenario', 'inbound', '--speed', '20', '--log', 'quiet']);
    const [line] = await readLines(proc, 1);
    const m = /^cti-sim listening on (127\.0\.0\.1):(\d+)$/.exec(line);
    assert.ok(m, line);
    client = await RawClient.connect(Number(m[2]));
    assert.equal((await client.open({ servicesRequested: SVC.CTI_SERVICE_ALL_EVENTS })).messageType, 'OPEN_CONF');
    const begin = await client.next('BEGIN_CALL_EVENT', 10000);
    await client.next(
      (x) => x.messageType === 'CALL_ESTABLISHED_EVENT' && x.connectionCallId === begin.connectionCallId,
      10000,
    );
    await client.next(
      (x) => x.messageType === 'CALL_DATA_UPDATE_EVENT' && x.connectionCallId === begin.connectionCallId,
      10000,
    );
    await client.next(
      (x) => x.messageType === 'END_CALL_EVENT' && x.connectionCallId === begin.connectionCallId,
      10000,
    );
    const exited = new Promise<number | null>((r) => proc!.once('exit', (code) => r(code)));
    proc.kill('SIGINT');
    assert.equal(await exited, 0);
    await client.closed;
  });

  it('--side-b-port prints a second line for side B; --help documents every option', async () => {
    proc = spawnCli(['--port', '0', '--side-b-port', '0', '--log', 'quiet']);
    const lines = await readLines(proc, 2);
    assert.match(lines[0], /^cti-sim listening on 127\.0\.0\.1:\d+$/);
    assert.match(lines[1], /^cti-sim side B listening on 127\.0\.0\.1:\d+$/);
    const exited = new Promise<number | null>((r) => proc!.once('exit', (code) => r(code)));
    proc.kill('SIGTERM');
    assert.equal(await exited, 0);

    const help = spawnCli(['--help']);
    let out = '';
    help.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => help.once('exit', (c) => r(c)));
    assert.equal(code, 0);
    for (const opt of [
      '--host',
      '--port',
      '--side-b-port',
      '--scenario',
      '--rate',
      '--calls',
      '--agents',
      '--password',
      '--peripheral-id',
      '--versions',
      '--speed',
      '--fault',
      '--log',
      '--help',
    ]) {
      assert.ok(out.includes(opt), `--help mentions ${opt}`);
    }
  });

  it('parseArgs: values, repeatable --fault, readable errors', () => {
    const o = parseArgs([
      '--port=0',
      '--rate',
      '2',
      '--agents',
      '1001-1010',
      '--password',
      's',
      '--peripheral-id',
      '5000',
      '--fault',
      'silent-after=10s',
      '--fault',
      'delay=1s',
    ]);
    assert.equal(o.port, 0);
    assert.equal(o.rate, 2);
    assert.deepEqual(o.faults, ['silent-after=10s', 'delay=1s']);
    assert.throws(() => parseArgs(['--port', 'x']), /--port/);
    assert.throws(() => parseArgs(['--bogus']), /unknown option/);
    assert.throws(() => parseArgs(['--fault', 'explode']), /unknown fault/);
  });

  it('parseArgs: --ecc-variables / --ecc-arrays take comma-separated names', () => {
    const o = parseArgs(['--ecc-variables', 'user.a, user.b', '--ecc-arrays=user.list']);
    assert.deepEqual(o.eccVariables, ['user.a', 'user.b']);
    assert.deepEqual(o.eccArrays, ['user.list']);
    assert.throws(() => parseArgs(['--ecc-variables', ' , ']), /--ecc-variables/);
  });
});
