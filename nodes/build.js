#!/usr/bin/env node
// The package build (npm run build, and npm install's prepare): an empty dist/, the TypeScript compile of lib/
// and nodes/, then what tsc does not emit — the editor .html files, icons and locales — copied beside the
// compiled node files, where Node-RED looks for them.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');

// A file removed from lib/ or nodes/ must not linger in the published package.
fs.rmSync(dist, { recursive: true, force: true });

const tsc = spawnSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')],
  {
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const out = path.join(dist, 'nodes');
fs.mkdirSync(out, { recursive: true });
for (const entry of fs.readdirSync(__dirname, { withFileTypes: true })) {
  const from = path.join(__dirname, entry.name);
  if (entry.isDirectory() && (entry.name === 'icons' || entry.name === 'locales')) {
    fs.cpSync(from, path.join(out, entry.name), { recursive: true });
  } else if (entry.isFile() && entry.name.endsWith('.html')) {
    fs.copyFileSync(from, path.join(out, entry.name));
  }
}
// The simulator's and the recorder's CLIs are the package's "bin"s: they must be executable where npm does not set the bit itself.
fs.chmodSync(path.join(dist, 'lib', 'simulator', 'cli.js'), 0o755);
fs.chmodSync(path.join(dist, 'lib', 'record', 'cli.js'), 0o755);
