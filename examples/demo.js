#!/usr/bin/env node
// `npm start`: the live demo. Starts an embedded CTI Server simulator with a stream of demo calls, then a
// Node-RED 4 with a private user directory (.node-red-demo/ in the project, never ~/.node-red) that loads
// this package straight from the project (settings.nodesDir) and runs a demo flow built from examples/.
//
//   npm start              start (keeps your edits to the demo flow between runs)
//   npm start -- --reset   rebuild the demo flow from examples/ first
//   npm start -- --ringing calls ring until answered on the agent page (/dashboard/agent), as with
//                          `cti-sim --scenario ringing`; without it the simulated agent answers after 2 s
//   npm start -- --replay FILE [--speed N] [--loop]   play a cti-record recording instead of the demo calls
//
// Ctrl-C stops Node-RED first (so the CTI session closes cleanly), then the simulator.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const root = path.join(__dirname, '..');
const userDir = path.join(root, '.node-red-demo');
const flowFile = path.join(userDir, 'flows.json');
const SIM_HOST = '127.0.0.1';
const SIM_PORT = 42027;
const UI_PORT = 1880;
const AGENTS = ['1001', '1002', '1003', '1004', '1005'];
const DEMO_SERVER_ID = 'cti-sim-localhost'; // the shared cti-server config node id used by every example
// Examples that make up the demo, one editor tab each.
const DEMO_EXAMPLES = [
  'CRM screen-pop on call delivered',
  'DNIS routing and call-data write-back',
  'Agent state board',
  'Session status alerting',
];
// The wallboard and the agent page need FlowFuse Dashboard 2.0 (a devDependency: `npm install` here brings it).
const WALLBOARD_EXAMPLE = 'dashboard/Wallboard';
const WALLBOARD_PATH = 'dashboard/wallboard';
const AGENT_PAGE_EXAMPLE = 'dashboard/Agent page';
const AGENT_PAGE_PATH = 'dashboard/agent';
const SUPERVISOR_EXAMPLE = 'dashboard/Supervisor desk';
const SUPERVISOR_PATH = 'dashboard/supervisor';
// --ringing: the demo's calls ring until someone answers them on the agent page (the caller gives up after this).
const RINGING = process.argv.includes('--ringing');
const RING_GIVE_UP_MS = 60000;

const log = (line) => console.log(`[demo] ${line}`);

function ensureBuilt() {
  const marker = path.join(root, 'dist', 'lib', 'simulator', 'index.js');
  if (fs.existsSync(marker) && fs.existsSync(path.join(root, 'dist', 'nodes', 'cti-server.js'))) return;
  log('dist/ not found - building (npm run build)');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/** Resolves true when host:port can be bound right now. */
function portIsFree(port, host) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

async function firstFreePort(start, host, tries = 20) {
  for (let p = start; p < start + tries; p++) {
    if (await portIsFree(p, host)) return p;
  }
  return 0;
}

async function startSimulator() {
  const { CtiSimulator } = require(path.join(root, 'dist', 'lib', 'simulator'));
  // The simulator's defaults: agents 1001-1005, supervisor 1009 and team 1 (the Supervisor desk's).
  const options = { host: SIM_HOST, logger: () => {} };
  let sim = new CtiSimulator({ ...options, port: SIM_PORT });
  try {
    await sim.start();
  } catch (err) {
    if (err && err.code !== 'EADDRINUSE') throw err;
    log(`port ${SIM_PORT} is busy - the simulator takes a free port instead`);
    sim = new CtiSimulator({ ...options, port: 0 });
    await sim.start();
  }
  return sim;
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/**
 * A call every few seconds for a skill group (Sales, 100, three times as often as Support, 200 — the simulator's
 * defaults): it waits in the group's queue while every agent of the group is busy (so the wallboard's queues
 * move), then is delivered, answered by the simulated agent after a couple of seconds (unless a flow answered it
 * first) and released a little later. At most MAX_WAITING calls wait at a time. With --ringing the call waits
 * for an answer from a client (the agent page) instead, and the caller gives up after a minute.
 */
function startDemoTraffic(sim) {
  const MAX_WAITING = 3;
  let waiting = 0;
  const timers = new Set();
  let stopped = false;
  let seq = 0;
  const later = (ms, fn) => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!stopped) fn();
    }, ms);
    timers.add(t);
  };
  const quietly = (p) => Promise.resolve(p).catch(() => {}); // the flow may have answered/released it already

  async function placeCall() {
    if (waiting >= MAX_WAITING) return;
    seq++;
    const ani = `0${pick(['20', '161', '131', '117'])}7946${digits(4)}`;
    let delivered = false;
    waiting++;
    try {
      const call = await sim.startInboundCall({
        skillGroupNumber: pick([100, 100, 100, 200]),
        ani,
        dnis: pick(['8005551000', '8005552000', '8005553000']),
        dialedNumber: pick(['5000', '5001']),
        callerEnteredDigits: digits(6),
        callVariables: { 1: `demo-${seq}`, 2: pick(['billing', 'orders', 'technical']) },
        namedVariables: [{ name: 'user.cust.id', value: `C${digits(5)}` }],
        answer: false,
      });
      waiting--;
      delivered = true;
      const talk = 8000 + Math.floor(Math.random() * 6000);
      if (RINGING) {
        const outcome = await sim.waitForAnswer(call, RING_GIVE_UP_MS);
        if (outcome === 'timeout') await quietly(sim.hangUpCaller(call));
        if (outcome !== 'answered') return;
        later(talk * 2, () => quietly(sim.releaseCall(call)));
        return;
      }
      later(2000, () => quietly(sim.answerCall(call)));
      later(talk, () => quietly(sim.releaseCall(call)));
    } catch (err) {
      if (!delivered) waiting--;
      log(`demo call not placed: ${err && err.message}`);
    }
  }

  const tick = () => {
    placeCall();
    later(4000, tick);
  };
  later(3000, tick);
  return () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };
}

function hasDashboard() {
  try {
    require.resolve('@flowfuse/node-red-dashboard/package.json', { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

function demoExamples() {
  return hasDashboard() ? [...DEMO_EXAMPLES, WALLBOARD_EXAMPLE, AGENT_PAGE_EXAMPLE, SUPERVISOR_EXAMPLE] : DEMO_EXAMPLES;
}

/** A desktop's own session (Client Events for one agent, e.g. the supervisor's): kept, not merged into the bridge. */
function isDesktopServer(n) {
  return Array.isArray(n.services) && n.services.includes('CLIENT_EVENTS');
}

function readExample(name) {
  return JSON.parse(fs.readFileSync(path.join(root, 'examples', `${name}.json`), 'utf8'));
}

/** One tab per demo example; every example's cti-server node collapses into one shared config node. */
function buildDemoFlow(simPort) {
  const flow = [];
  let server;
  const configIds = new Set(); // the dashboard's base and theme are shared by the wallboard and the agent page
  demoExamples().forEach((name, i) => {
    const nodes = readExample(name);
    const tabId = `demo-tab-${i + 1}`;
    const comment = nodes.find((n) => n.type === 'comment');
    const label = comment ? comment.name : name;
    flow.push({ id: tabId, type: 'tab', label, disabled: false, info: comment ? comment.info || '' : '' });
    const serverIds = new Set(nodes.filter((n) => n.type === 'cti-server' && !isDesktopServer(n)).map((n) => n.id));
    for (const n of nodes) {
      if (n.type === 'cti-server' && isDesktopServer(n)) {
        if (!configIds.has(n.id)) flow.push({ ...n, portA: simPort });
        configIds.add(n.id);
        continue;
      }
      if (n.type === 'cti-server') {
        if (!server) server = { ...n, id: DEMO_SERVER_ID, portA: simPort };
        continue;
      }
      // Config nodes (the dashboard's base, theme, page and groups) have no wires and stay global, once each.
      if (n.wires === undefined && configIds.has(n.id)) continue;
      if (n.wires === undefined) configIds.add(n.id);
      const copy = n.wires === undefined ? { ...n } : { ...n, z: tabId };
      if (serverIds.has(copy.server)) copy.server = DEMO_SERVER_ID;
      flow.push(copy);
    }
  });
  if (server) flow.push(server);
  return flow;
}

/** On later starts keep the user's flow, but point the demo config node at this run's simulator port. */
function prepareFlowFile(simPort, reset) {
  if (reset || !fs.existsSync(flowFile)) {
    fs.writeFileSync(flowFile, JSON.stringify(buildDemoFlow(simPort), null, 2));
    return;
  }
  const flow = JSON.parse(fs.readFileSync(flowFile, 'utf8'));
  // The bridge and the desktops' own servers (the supervisor's, agent 1001's) all point at the simulator.
  const servers = Array.isArray(flow)
    ? flow.filter((n) => n.type === 'cti-server' && (n.id === DEMO_SERVER_ID || isDesktopServer(n)))
    : [];
  const stale = servers.filter((n) => n.hostA === SIM_HOST && Number(n.portA) !== simPort);
  for (const n of stale) n.portA = simPort;
  if (stale.length > 0) fs.writeFileSync(flowFile, JSON.stringify(flow, null, 2));
}

/** A demo flow saved before the wallboard / agent page existed (or the dashboard was installed) lacks that tab. */
function lacks(test) {
  if (!hasDashboard()) return false;
  try {
    const flow = JSON.parse(fs.readFileSync(flowFile, 'utf8'));
    return !flow.some(test);
  } catch {
    return true;
  }
}
const lacksWallboard = () => lacks((n) => n.type === 'cti-state');
const lacksAgentPage = () => lacks((n) => n.type === 'ui-page' && n.path === '/agent');
const lacksSupervisorDesk = () => lacks((n) => n.type === 'ui-page' && n.path === '/supervisor');

function writeSettings(uiPort) {
  const settings = `// Written by examples/demo.js on every start - edit that script, not this file.
module.exports = {
  uiHost: '127.0.0.1',
  uiPort: ${uiPort},
  flowFile: 'flows.json',
  // A fixed, public key: this demo's credentials are not secret. Never reuse it elsewhere.
  credentialSecret: 'node-red-contrib-cisco-cti-demo',
  // This project directory is itself a Node-RED module: load it directly, no npm install into the userDir.
  nodesDir: [${JSON.stringify(root)}],
  // Relative file paths in flows (the call-log CSV) land in this user directory.
  fileWorkingDirectory: ${JSON.stringify(userDir)},
  telemetry: { enabled: false },
  editorTheme: { tours: false, projects: { enabled: false } },
  logging: { console: { level: 'info', metrics: false, audit: false } },
};
`;
  fs.writeFileSync(path.join(userDir, 'settings.js'), settings);
}

function argValue(flag) {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** --replay: the recording's events to every session instead of the demo calls (README "Recording and replay"). */
function startReplay(sim, file) {
  const { replay } = require(path.join(root, 'dist', 'lib', 'simulator'));
  const speed = argValue('--speed') !== undefined ? Number(argValue('--speed')) : undefined;
  const player = replay(sim, file, { speed, loop: process.argv.includes('--loop') });
  return () => player.stop();
}

async function main() {
  const t0 = Date.now();
  const reset = process.argv.includes('--reset');
  ensureBuilt();
  fs.mkdirSync(userDir, { recursive: true });

  const sim = await startSimulator();
  const replayFile = argValue('--replay');
  log(
    `CTI Server simulator on ${SIM_HOST}:${sim.port} (agents ${AGENTS.join(', ')}, ` +
      (replayFile ? `replaying ${replayFile})` : `a call every 4 s${RINGING ? ', ringing until answered' : ''})`),
  );
  const stopTraffic = replayFile ? startReplay(sim, replayFile) : startDemoTraffic(sim);

  const uiPort = await firstFreePort(UI_PORT, '127.0.0.1');
  if (!uiPort) throw new Error(`no free port for Node-RED in ${UI_PORT}-${UI_PORT + 19}`);
  writeSettings(uiPort);
  prepareFlowFile(sim.port, reset);

  const editorUrl = `http://127.0.0.1:${uiPort}/`;
  const red = spawn(
    process.execPath,
    [require.resolve('node-red/red.js'), '-u', userDir, '-s', path.join(userDir, 'settings.js')],
    {
      cwd: userDir,
      // Own process group: Ctrl-C reaches only this launcher, which then stops Node-RED exactly once.
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CRM_BASE_URL: `http://127.0.0.1:${uiPort}`, CTI_SIM_PORT: String(sim.port) },
    },
  );

  let ready = false;
  const watch = (stream, out) => {
    let buf = '';
    stream.on('data', (chunk) => {
      out.write(chunk);
      buf = (buf + chunk.toString()).slice(-4096);
      if (!ready && /Started flows/.test(buf)) {
        ready = true;
        const wallboard = !hasDashboard()
          ? 'Wallboard:       not served - install @flowfuse/node-red-dashboard (npm install in this project)\n'
          : lacksWallboard()
            ? 'Wallboard:       your saved demo flow has none - `npm start -- --reset` rebuilds the demo with it\n'
            : `Wallboard:       ${editorUrl}${WALLBOARD_PATH}\n`;
        const agentPage = !hasDashboard()
          ? ''
          : lacksAgentPage()
            ? 'Agent page:      your saved demo flow has none - `npm start -- --reset` rebuilds the demo with it\n'
            : `Agent page:      ${editorUrl}${AGENT_PAGE_PATH}?agent=1001   (${
                RINGING
                  ? 'calls ring until you answer'
                  : 'calls answer themselves after 2 s; `npm start -- --ringing` waits for you'
              })\n`;
        const supervisorDesk = !hasDashboard()
          ? ''
          : lacksSupervisorDesk()
            ? 'Supervisor desk: your saved demo flow has none - `npm start -- --reset` rebuilds the demo with it\n'
            : `Supervisor desk: ${editorUrl}${SUPERVISOR_PATH}   (supervisor 1009, team 1001-1005)\n`;
        console.log(
          `\nNode-RED editor: ${editorUrl}   (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s; Ctrl-C stops the demo)\n` +
            wallboard +
            agentPage +
            supervisorDesk,
        );
      }
    });
  };
  watch(red.stdout, process.stdout);
  watch(red.stderr, process.stderr);

  let stopping = false;
  async function shutdown(code) {
    if (stopping) return;
    stopping = true;
    log('stopping Node-RED and the simulator');
    stopTraffic();
    if (red.exitCode === null && red.signalCode === null) {
      const exited = new Promise((resolve) => red.once('exit', resolve));
      red.kill('SIGTERM');
      const force = setTimeout(() => red.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(force);
    }
    await sim.stop();
    log('stopped');
    process.exit(code);
  }
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  red.on('exit', (code, signal) => {
    if (!stopping) {
      log(`Node-RED exited (${signal || code}) - stopping the simulator`);
      shutdown(code || 1);
    }
  });
}

main().catch((err) => {
  console.error(`[demo] failed to start: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
