// The Flow Library scorecard (node-red-dev validate) must pass: test/package/validate.js runs the real tool
// (catalogue download answered offline, npm registry queried) and exits non-zero on any failed check.
import { spawn } from 'child_process';
import * as assert from 'assert';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');

describe('Flow Library scorecard (node-red-dev validate)', function () {
  this.timeout(180000);

  it('passes every check', async function () {
    const child = spawn(process.execPath, [path.join(root, 'test', 'package', 'validate.js')], { cwd: root });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    assert.strictEqual(code, 0, `test/package/validate.js exited ${code}:\n${output}`);
    assert.match(output, /scorecard: all checks passed/);
  });
});
