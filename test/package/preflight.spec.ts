/**
 * `npm test` on a fresh machine (issue 24 part 7): .ci/preflight.js, npm's "pretest", installs the Debian
 * packages the suite needs when the machine allows it and otherwise stops at once with one line naming them.
 * Each case runs the real script in a child process with a stand-in root directory (CTI_PREFLIGHT_PREFIX, where
 * the programs are or are not), a PATH of stand-in `sudo` / `apt-get` scripts, and CTI_PREFLIGHT_NOT_ROOT=1
 * (the suite may run as root).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, '.ci', 'preflight.js');
const PROGRAMS = ['usr/sbin/mosquitto', 'usr/bin/chromium'];

describe('npm test preflight: the Debian packages the suite needs', function () {
  let dir: string;
  let prefix: string;
  let bin: string;
  let calls: string;

  beforeEach(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-preflight-'));
    prefix = path.join(dir, 'root');
    bin = path.join(dir, 'bin');
    calls = path.join(dir, 'calls.log');
    fs.mkdirSync(prefix);
    fs.mkdirSync(bin);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function stub(name: string, body: string): void {
    const file = path.join(bin, name);
    fs.writeFileSync(file, `#!/bin/sh\nPATH=/usr/bin:/bin\necho "${name} $*" >> '${calls}'\n${body}\n`);
    fs.chmodSync(file, 0o755);
  }
  /** apt-get that "installs" by creating the programs under the stand-in root (or fails with `status`). */
  function aptGet(status = 0): void {
    const make = PROGRAMS.map(
      (p) => `mkdir -p '${path.dirname(path.join(prefix, p))}' && touch '${path.join(prefix, p)}'`,
    );
    stub('apt-get', status === 0 ? `case "$1" in install) ${make.join(' && ')};; esac\nexit 0` : `exit ${status}`);
  }
  /** sudo -n <cmd>: runs <cmd> from the stand-in PATH (never the machine's own apt-get). */
  function sudoWithoutPassword(): void {
    stub('sudo', `shift; PATH='${bin}':/usr/bin:/bin exec "$@"`);
  }
  function preflight(env: Record<string, string> = {}): { status: number | null; lines: string[]; calls: string[] } {
    const r = spawnSync(process.execPath, [SCRIPT], {
      encoding: 'utf8',
      env: { PATH: bin, CTI_PREFLIGHT_PREFIX: prefix, CTI_PREFLIGHT_NOT_ROOT: '1', ...env },
    });
    const log = fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').trim().split('\n') : [];
    return { status: r.status, lines: r.stderr.split('\n').filter((l) => l !== ''), calls: log };
  }

  it('passes silently when every program is there, asking nobody for anything', function () {
    for (const p of PROGRAMS) {
      fs.mkdirSync(path.dirname(path.join(prefix, p)), { recursive: true });
      fs.writeFileSync(path.join(prefix, p), '');
    }
    aptGet();
    const r = preflight();
    assert.deepEqual([r.status, r.lines, r.calls], [0, [], []]);
  });

  it('not root and no sudo: stops at once with one line naming the packages', function () {
    aptGet();
    const r = preflight();
    assert.equal(r.status, 1);
    assert.equal(r.lines.length, 1, r.lines.join('\n'));
    assert.match(
      r.lines[0],
      /^npm test needs the Debian packages chromium mosquitto .*sudo apt-get install -y chromium mosquitto/,
    );
    assert.deepEqual(r.calls, [], 'apt-get was not run');
  });

  it('not root and sudo wants a password: the same one line, without waiting for a prompt', function () {
    aptGet();
    stub('sudo', 'exit 1');
    const r = preflight();
    assert.equal(r.status, 1);
    assert.equal(r.lines.length, 1);
    assert.match(r.lines[0], /needs the Debian packages chromium mosquitto/);
    assert.deepEqual(r.calls, ['sudo -n true']);
  });

  it('no apt-get (not Debian): one line naming the packages', function () {
    sudoWithoutPassword();
    const r = preflight();
    assert.equal(r.status, 1);
    assert.equal(r.lines.length, 1);
    assert.match(r.lines[0], /needs the Debian packages chromium mosquitto/);
  });

  it('with sudo that needs no password: installs what is missing (only that), then passes', function () {
    fs.mkdirSync(path.join(prefix, 'usr/bin'), { recursive: true });
    fs.writeFileSync(path.join(prefix, 'usr/bin/chromium'), '');
    aptGet();
    sudoWithoutPassword();
    const r = preflight();
    assert.equal(r.status, 0, r.lines.join('\n'));
    assert.deepEqual(r.lines, ['npm test: installing the Debian packages mosquitto (apt-get install -y mosquitto)']);
    assert.deepEqual(r.calls, [
      'sudo -n true',
      'sudo -n apt-get update -qq',
      'apt-get update -qq',
      'sudo -n apt-get install -y -qq --no-install-recommends mosquitto',
      'apt-get install -y -qq --no-install-recommends mosquitto',
    ]);
  });

  it('an install that fails: one line saying so, exit 1', function () {
    aptGet(100);
    sudoWithoutPassword();
    const r = preflight();
    assert.equal(r.status, 1);
    assert.equal(r.lines.length, 2, 'the announcement, then the failure');
    assert.match(
      r.lines[1],
      /^npm test needs the Debian packages chromium mosquitto: `apt-get install -y chromium mosquitto` failed/,
    );
  });

  it("is npm test's pretest, and reads its package list from .ci/deps.sh (one list for CI and npm test)", function () {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.scripts.pretest, 'node .ci/preflight.js');
    const deps = fs.readFileSync(path.join(ROOT, '.ci', 'deps.sh'), 'utf8');
    assert.match(deps, /^PACKAGES="\nchromium\nmosquitto\n"/m);
  });
});
