/**
 * A throw-away Debian mosquitto for a test: its own config on a free loopback port, no persistence, logging to
 * stderr (stdout is block-buffered on a pipe), `log_type subscribe` so a test can wait until a subscriber is
 * really subscribed before anything is published. Stopped with SIGTERM and awaited (no orphan, port free again).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const MOSQUITTO = '/usr/sbin/mosquitto';

export interface Broker {
  port: number;
  /** mosquitto's process id (a bench reads its CPU time). */
  pid: number;
  /** Resolves once a client has subscribed to exactly `topic` (mosquitto's "<client> <qos> <topic>" line). */
  subscribed(topic: string, timeoutMs?: number): Promise<void>;
  log(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** `secure`: no anonymous access beyond the ACL (lines of mosquitto's acl_file) and users with passwords. */
export interface BrokerSecurity {
  acl: string[];
  users: Record<string, string>;
}

/** `extraConfig`: more lines of mosquitto.conf (a bench's tuning, e.g. `max_inflight_messages 100`). */
export async function startBroker(security?: BrokerSecurity, extraConfig: string[] = []): Promise<Broker> {
  if (!fs.existsSync(MOSQUITTO))
    throw new Error(`${MOSQUITTO} not found: the MQTT test needs Debian's mosquitto (CI installs it in .ci/deps.sh)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-mosquitto-'));
  // mosquitto has no "port 0": a free port is picked first; another process could take it meanwhile, so retry.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const conf = path.join(dir, 'mosquitto.conf');
    const securityLines: string[] = [];
    if (security !== undefined) {
      const acl = path.join(dir, 'acl');
      const passwd = path.join(dir, 'passwd');
      fs.writeFileSync(acl, `${security.acl.join('\n')}\n`);
      fs.writeFileSync(passwd, '');
      for (const [user, password] of Object.entries(security.users)) {
        const r = spawnSync('/usr/bin/mosquitto_passwd', ['-b', passwd, user, password], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`mosquitto_passwd failed: ${r.stderr}`);
      }
      // mosquitto drops to its own user when started as root: it must be able to read both files.
      fs.chmodSync(dir, 0o755);
      for (const f of [acl, passwd]) fs.chmodSync(f, 0o644);
      securityLines.push(`acl_file ${acl}`, `password_file ${passwd}`);
    }
    fs.writeFileSync(
      conf,
      [
        `listener ${port} 127.0.0.1`,
        'allow_anonymous true',
        'persistence false',
        'log_dest stderr',
        'log_type error',
        'log_type warning',
        'log_type notice',
        'log_type information',
        'log_type subscribe',
        'connection_messages true',
        'max_queued_messages 100000',
        // Request/response over QoS 1 otherwise waits on Nagle + delayed ACK (~40 ms a hop pair).
        'set_tcp_nodelay true',
        ...securityLines,
        ...extraConfig,
        '',
      ].join('\n'),
    );
    const child = spawn(MOSQUITTO, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let out = '';
    const waiters = new Set<() => void>();
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
      for (const w of [...waiters]) w();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const until = (test: () => boolean, what: string, timeoutMs: number): Promise<void> =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (!test()) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`mosquitto: ${what} within ${timeoutMs} ms\n${out}`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    const ready = await Promise.race([
      until(() => / running/.test(out), 'not running', 10000).then(() => true),
      exited.then(() => false),
    ]);
    if (!ready) {
      if (attempt < 3 && /Address already in use/.test(out)) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`mosquitto did not start:\n${out}`);
    }
    return {
      port,
      pid: child.pid!,
      subscribed: (topic, timeoutMs = 10000) =>
        until(
          () => out.split('\n').some((l) => l.trim().endsWith(` ${topic}`) && /\s[012]\s/.test(l)),
          `nobody subscribed to ${topic}`,
          timeoutMs,
        ),
      log: () => out,
      stop: async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          await exited;
        }
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}
