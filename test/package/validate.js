#!/usr/bin/env node
// Runs the Flow Library scorecard (`node-red-dev validate`, the same checks flows.nodered.org shows on a
// package page) against this package and exits non-zero when any check fails.
//
// node-red-dev itself only prints warnings and always exits 0, so we ask it for its scorecard JSON
// (--output) and judge that. The Flow Library catalogue download (needed only by P08 and by N01's
// uniqueness lookup) is answered with an empty catalogue by test/package/validate-preload.js, because that
// host is unreachable offline; the npm registry (P06, P07, D03) is still queried for real.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Optional argument: another package directory (used to try the script on a stand-in package).
const root = path.resolve(process.argv[2] || path.join(__dirname, '..', '..'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function fail(message) {
  console.error(`\nscorecard: FAILED - ${message}`);
  process.exit(1);
}

// The node entries in package.json point into dist/; N01/N02 parse the built .html files.
const nodeFiles = Object.values(pkg['node-red'].nodes).map((js) => path.join(root, js.replace(/\.js$/, '.html')));
if (nodeFiles.some((f) => !fs.existsSync(f))) {
  console.log('dist/ is missing or incomplete - running `npm run build` first');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) fail('`npm run build` failed');
}
const missing = nodeFiles.filter((f) => !fs.existsSync(f));
if (missing.length)
  fail(`node editor files not found after build: ${missing.map((f) => path.relative(root, f)).join(', ')}`);

const cli = path.join(path.dirname(require.resolve('node-red-dev/package.json')), 'bin', 'run');
const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cti-scorecard-')), 'scorecard.json');
const run = spawnSync(
  process.execPath,
  ['-r', path.join(__dirname, 'validate-preload.js'), cli, 'validate', '--path', root, '--output', outFile],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180000 },
);
process.stdout.write(run.stdout || '');
process.stderr.write(run.stderr || '');
if (run.error) fail(`could not run node-red-dev: ${run.error.message}`);
if (!fs.existsSync(outFile)) fail(`node-red-dev wrote no scorecard (exit ${run.status})`);

const scorecard = JSON.parse(fs.readFileSync(outFile, 'utf8'));
fs.rmSync(path.dirname(outFile), { recursive: true, force: true });
const output = `${run.stdout}\n${run.stderr}`;
const problems = [];

const expected = ['P01', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08', 'N01', 'N02', 'D01', 'D02', 'D03'];
for (const id of expected) {
  if (!scorecard[id]) problems.push(`${id} did not run`);
  else if (scorecard[id].test !== true) problems.push(`${id} failed: ${JSON.stringify(scorecard[id])}`);
}
// node-red-dev downgrades these to console lines, and N02 passes vacuously when no .html parsed.
if (/Unable to parse/.test(output)) problems.push('a node .html file could not be parsed (N01 definitions incomplete)');
if (/Unable to read example/.test(output)) problems.push('an example file is not a JSON array');
if (!scorecard.N02 || !Array.isArray(scorecard.N02.nodes) || scorecard.N02.nodes.length === 0) {
  problems.push('N02 found no node types in the examples');
}

console.log('\nScorecard summary:');
for (const id of expected) {
  const r = scorecard[id];
  console.log(`  ${id} ${r ? (r.test ? 'pass' : 'FAIL') : 'not run'}`);
}
console.log(
  'Note: P08 (similarly named packages) and the Flow Library half of N01 (node type names unique across ' +
    'the whole catalogue) were NOT checkable offline - the catalogue download was answered with an empty catalogue.',
);
if (/P04 New Packages should use a scoped name/.test(output)) {
  console.log(
    'Note: P04 printed its advisory warning (new packages should use a scoped name); the unscoped ' +
      'node-red-contrib- name passes the check.',
  );
}
if (problems.length) fail(problems.join('\n  '));
console.log('\nscorecard: all checks passed');
