/**
 * A real Node-RED (node-red/red.js) in a child process, as a user runs it: a throw-away user directory, this
 * package loaded from the project (settings.nodesDir), an OS-chosen port, a flow file written before the start.
 * For the tests that need what the test helper does not give: the editor and Dashboard 2.0 in a browser, or
 * two runtimes talking through a broker.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { resolveFromNodeRed } from './node-red-runtime';

export const ROOT = path.join(__dirname, '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
const READY_TIMEOUT_MS = 30000;
/** What this machine's closed network needs (no background connections, no GPU). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface DashboardBrowserOptions {
  /** Default 1280×900. */
  viewport?: { width: number; height: number };
  /** Headers on every request of the context (e.g. a sign-in proxy's user header). */
  extraHTTPHeaders?: Record<string, string>;
}

/** Headless Chromium for the dashboard specs: one browser, its first context open. */
export interface DashboardBrowser {
  context: BrowserContext;
  /** Another context in the same browser (its own storage and headers): a second user, an anonymous visitor. */
  newContext(opts?: DashboardBrowserOptions): Promise<BrowserContext>;
  /** Closes every context and the browser (and with it the browser's throw-away profile). */
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium as the dashboard specs need it: headless, this machine's CHROMIUM_ARGS, a throw-away
 * profile (Playwright's own, removed on close), service workers blocked (the dashboard's PWA toast "App is
 * offline ready" would cover the page, and a worker's cache would serve a redeployed page's old assets).
 */
export async function openDashboardBrowser(opts: DashboardBrowserOptions = {}): Promise<DashboardBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run .ci/deps.sh (Debian's chromium)`);
  // Loaded here, not at the top: the specs that only start Node-RED (MQTT, compat) need no browser library.
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const newContext = (o: DashboardBrowserOptions = {}): Promise<BrowserContext> =>
    browser.newContext({
      viewport: o.viewport ?? { width: 1280, height: 900 },
      serviceWorkers: 'block',
      ...(o.extraHTTPHeaders ? { extraHTTPHeaders: o.extraHTTPHeaders } : {}),
    });
  try {
    const context = await newContext(opts);
    return { context, newContext, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

export interface RedProcess {
  child: ChildProcess;
  /** Editor / HTTP root, ending in '/'. */
  url: string;
  userDir: string;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface RedProcessOptions {
  flows?: unknown[];
  /** Extra settings.js entries (JSON-serialisable). */
  settings?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  /** The HTTP port; default 0 (the OS picks one). */
  port?: number;
  /** Options for node itself, before red.js (e.g. --disallow-code-generation-from-strings). */
  nodeArgs?: string[];
  /** How long the start may take before it fails. Default 30 s. */
  readyTimeoutMs?: number;
}

/** Builds dist/ when the node files are missing (a test run straight after a clone without npm install). */
export function ensureBuilt(): void {
  if (fs.existsSync(path.join(ROOT, 'dist', 'nodes', 'cti-server.js'))) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
}

export async function startRed(opts: RedProcessOptions = {}): Promise<RedProcess> {
  ensureBuilt();
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-red-'));
  const settings = {
    uiHost: '127.0.0.1',
    flowFile: 'flows.json',
    credentialSecret: 'cti-test',
    nodesDir: [ROOT],
    telemetry: { enabled: false },
    editorTheme: { tours: false, projects: { enabled: false } },
    logging: { console: { level: 'info', metrics: false, audit: false } },
    ...opts.settings,
  };
  fs.writeFileSync(path.join(userDir, 'settings.js'), `module.exports = ${JSON.stringify(settings, null, 2)};\n`);
  if (opts.flows) fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(opts.flows, null, 2));
  const child = spawn(
    process.execPath,
    [
      ...(opts.nodeArgs ?? []),
      resolveFromNodeRed('node-red/red.js'),
      '-u',
      userDir,
      '-s',
      path.join(userDir, 'settings.js'),
      '-p',
      String(opts.port ?? 0),
    ],
    { cwd: userDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } },
  );
  let out = '';
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(userDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let found: string | undefined;
      // A flow whose node types are not installed never starts: fail at once, and never wait without end
      // (the caller has no handle to stop a child that never became ready).
      const readyMs = opts.readyTimeoutMs ?? READY_TIMEOUT_MS;
      const timer = setTimeout(() => reject(new Error(`Node-RED not ready within ${readyMs} ms:\n${out}`)), readyMs);
      const onData = (d: Buffer): void => {
        out += d.toString();
        found = found ?? /Server now running at (http:\/\/\S+)/.exec(out)?.[1];
        if (/Waiting for missing types/.test(out)) {
          clearTimeout(timer);
          reject(new Error(`Node-RED cannot start the flow (is a node package missing? npm ci):\n${out}`));
        }
        if (found && /Started flows/.test(out)) {
          clearTimeout(timer);
          resolve(found.endsWith('/') ? found : `${found}/`);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Node-RED exited (${code}) before it was ready:\n${out}`));
      });
    });
    return { child, url, userDir, output: () => out, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A TCP port free right now on 127.0.0.1 (for a child that must know its own URL before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** An example flow as a user imports it, on a tab, its CTI server pointed at a test simulator. */
export function exampleOnTab(file: string, tabId: string, simPort: number): Array<Record<string, unknown>> {
  const nodes = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8')) as Array<
    Record<string, unknown>
  >;
  const flow: Array<Record<string, unknown>> = [{ id: tabId, type: 'tab', label: file }];
  for (const n of nodes) {
    if (n.type === 'cti-server') flow.push({ ...n, portA: simPort });
    // Config nodes (dashboard base/theme/page/group, broker) stay global, as the editor imports them.
    else if (n.wires === undefined) flow.push({ ...n });
    else flow.push({ ...n, z: tabId });
  }
  return flow;
}
