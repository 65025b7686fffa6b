/**
 * The many-PG MQTT bench (bench/mqtt-pgs.bench.ts) run small: 2 simulator processes at 200 events/s for 1 s into
 * a real Node-RED process, over a real mosquitto, to the consumer process. Speed is not judged here (only the
 * bench run measures it); what is checked is what the bench's figures rest on — every event each simulator sent
 * reached the consumer once, in sequence, on its PG's topic.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('many-PG MQTT bench, smoke run', function () {
  this.timeout(120_000);
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-bench-pgs-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts every event of each PG from its simulator to the consumer, in sequence', async function () {
    const results = path.join(dir, 'results.json');
    const root = path.resolve(__dirname, '../..');
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['-r', 'tsx/cjs', 'bench/mqtt-pgs.bench.ts'],
        {
          cwd: root,
          env: { ...process.env, PGS: '2', RATES: '200', SECONDS: '1', BENCH_RESULTS: results },
          timeout: 110_000,
        },
        (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${out}\n${errOut}`)) : resolve(out)),
      ),
    );
    const rows = (
      JSON.parse(fs.readFileSync(results, 'utf8')) as Record<string, { rows: Array<{ name: string; value: number }> }>
    )['mqtt-pgs'].rows;
    const value = (name: string): number => {
      const row = rows.find((r) => r.name === `2×200/s: ${name}`);
      assert.ok(row, `no row "${name}" in:\n${stdout}`);
      return row.value;
    };
    // 200/s for 1 s, rounded up to whole calls of 6 events: 204 per PG.
    for (const pg of [5001, 5002]) {
      assert.equal(value(`PG ${pg} sent`), 204, stdout);
      assert.equal(value(`PG ${pg} received`), 204, stdout);
    }
    assert.equal(value('lost'), 0, stdout);
    assert.equal(value('duplicated'), 0, stdout);
    assert.equal(value('out of sequence'), 0, stdout);
    for (const p of ['p50', 'p99']) assert.ok(value(`latency ${p}`) > 0, stdout);
  });
});
