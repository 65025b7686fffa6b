/**
 * The end-to-end bench in its smoke mode (a few thousand events, BENCH_SMOKE=1): it runs to the end through a
 * real Node-RED and writes every row. Speed is not judged here (only `npm run bench` measures it); this keeps the
 * bench from rotting between runs.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('end-to-end bench, smoke mode', function () {
  this.timeout(180_000);
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-bench-smoke-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('feeds events through cti-server → cti-event → function nodes and writes each measure', async function () {
    const results = path.join(dir, 'results.json');
    const root = path.resolve(__dirname, '../..');
    await new Promise<void>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--expose-gc', '-r', 'tsx/cjs', 'bench/e2e.bench.ts'],
        { cwd: root, env: { ...process.env, BENCH_SMOKE: '1', BENCH_RESULTS: results }, timeout: 170_000 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stdout}\n${stderr}`)) : resolve()),
      ),
    );
    const rows = (
      JSON.parse(fs.readFileSync(results, 'utf8')) as Record<string, { rows: Array<Record<string, unknown>> }>
    )['e2e-smoke'].rows;
    const names = rows.map((r) => r.name as string);
    for (const want of [
      /hop/,
      /1 cti-event node/,
      /5 cti-event nodes/,
      /1,000 events\/s, p99/,
      /10,000 events\/s, p99/,
      /per tracked call/,
      /per tracked agent/,
    ])
      assert.ok(
        names.some((n) => want.test(n)),
        `no row ${want} in ${names.join(' | ')}`,
      );
    for (const r of rows) assert.ok(Number.isFinite(r.value) && (r.value as number) > 0, `${r.name}: ${r.value}`);
  });
});
