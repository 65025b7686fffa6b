#!/usr/bin/env node
// `npm test`'s first step (package.json "pretest"): the Debian packages the suite needs beyond npm — the list in
// .ci/deps.sh, one source for CI and for this — are checked before anything is built. Missing ones are installed
// when this machine allows it (apt-get, and root or sudo without a password prompt); otherwise the test command
// stops at once with one line that names them, instead of a failure deep in the suite.
//
// Test seams (test/package/preflight.spec.ts): CTI_PREFLIGHT_PREFIX puts the looked-for files under another root
// directory; CTI_PREFLIGHT_NOT_ROOT=1 treats the user as not root even when it is (the sudo and apt-get found on
// PATH decide the rest).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

/** Where each Debian package puts the program the tests run (test/mqtt/broker.ts, test/support/red-process.ts). */
const PROGRAMS = { mosquitto: '/usr/sbin/mosquitto', chromium: '/usr/bin/chromium' };

/** The package names of .ci/deps.sh's PACKAGES="…" block. */
function packages() {
  const text = fs.readFileSync(path.join(__dirname, 'deps.sh'), 'utf8');
  const block = /^PACKAGES="([^"]*)"/m.exec(text);
  if (block === null) throw new Error('.ci/deps.sh has no PACKAGES="…" list');
  return block[1].split(/\s+/).filter((p) => p !== '');
}

function programOf(pkg) {
  const program = PROGRAMS[pkg];
  if (program === undefined) throw new Error(`.ci/preflight.js does not know which program package ${pkg} provides`);
  return path.join(process.env.CTI_PREFLIGHT_PREFIX || '/', program);
}

const missing = () => packages().filter((pkg) => !fs.existsSync(programOf(pkg)));

/** A program on PATH (no shell): its full path, or undefined. */
function onPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** How to run apt-get as root here: [] (we are root), ['sudo', '-n'], or undefined (not allowed / no apt). */
function asRoot() {
  if (process.platform !== 'linux' || onPath('apt-get') === undefined) return undefined;
  const root = typeof process.getuid === 'function' && process.getuid() === 0 && !process.env.CTI_PREFLIGHT_NOT_ROOT;
  if (root) return [];
  const sudo = onPath('sudo');
  if (sudo === undefined) return undefined;
  // -n: never ask for a password (a test run must not hang on a prompt); fails at once if one is needed.
  const check = spawnSync(sudo, ['-n', 'true'], { stdio: 'ignore' });
  return check.status === 0 ? [sudo, '-n'] : undefined;
}

function run(prefix, args) {
  const [cmd, ...rest] = [...prefix, ...args];
  const r = spawnSync(cmd, rest, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0;
}

function main() {
  const need = missing();
  if (need.length === 0) return 0;
  const how = asRoot();
  const command = `apt-get install -y ${need.join(' ')}`;
  if (how === undefined) {
    process.stderr.write(
      `npm test needs the Debian packages ${need.join(' ')} (not installed; this user cannot install them): run \`sudo ${command}\` and try again\n`,
    );
    return 1;
  }
  process.stderr.write(`npm test: installing the Debian packages ${need.join(' ')} (${command})\n`);
  const ok =
    run(how, ['apt-get', 'update', '-qq']) &&
    run(how, ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...need]);
  const still = missing();
  if (!ok || still.length > 0) {
    process.stderr.write(
      `npm test needs the Debian packages ${still.join(' ') || need.join(' ')}: \`${command}\` failed; install them and try again\n`,
    );
    return 1;
  }
  return 0;
}

process.exitCode = main();
