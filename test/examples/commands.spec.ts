/**
 * Each example, started exactly as its comment says: the `npx cti-sim …` command named in the comment runs as a
 * real cti-sim process (the CLI's own source, the same options, only an OS-chosen port instead of 42027), the
 * flow is loaded into a real Node-RED runtime pointed at it, and the test sees the effect the comment promises
 * within 15 s — with no help from the test: no calls started, no state changed, only the example's own inject
 * buttons pressed where the comment tells the user to press them.
 */
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  HttpNodeServer,
  Probe,
  exampleNames,
  getJson,
  helper,
  modulesFor,
  prepareFlow,
  probeId,
  readExample,
  simulatorCommands,
  type Msg,
} from './example-harness';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'cli', 'cti-sim.ts');
/** What the issue promises a newcomer: the example's effect within 15 s of deploying it. */
const PROMISE_MS = 15000;

/** A cti-sim process started with an example's command line. */
class SimProcess {
  private child: ChildProcess | undefined;
  private output = '';

  /** `npx cti-sim --scenario x` → runs the CLI with `--scenario x --port 0`; resolves the port it listens on. */
  async start(command: string): Promise<number> {
    const args = command.split(/\s+/).slice(2);
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', CLI, ...args, '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    return new Promise<number>((resolve, reject) => {
      const onData = (d: Buffer): void => {
        this.output += d.toString();
        const m = /cti-sim listening on \S+:(\d+)/.exec(this.output);
        if (m) resolve(Number(m[1]));
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
      child.once('exit', (code) => reject(new Error(`cti-sim exited (${code}) before listening:\n${this.output}`)));
    });
  }

  log(): string {
    return this.output.slice(-3000);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

interface Ctx {
  probe(debugId: string): Probe;
  web: string;
  dir: string;
  /** Presses an inject button of the example, as a user clicks it. */
  press(injectId: string): void;
}

/** Each example's promise, as its comment states it. */
const PROMISES: Record<string, (c: Ctx, deadline: number) => Promise<void>> = {
  'Agent state board': async (c, deadline) => {
    const agents = ['1001', '1002', '1003', '1004', '1005'];
    await c
      .probe('agent-debug')
      .next((m) => agents.every((a) => a in m.payload), 'every agent on the board', deadline - Date.now());
    // The board is in flow context before the debug node sees it.
    const res = await getJson(`${c.web}/cti/agents`);
    assert.deepStrictEqual(Object.keys(res.body as Msg).sort(), agents);
    // The calls of the default scenario change an agent's state.
    await c
      .probe('agent-debug')
      .next(
        (m) => Object.values(m.payload as Record<string, { state: string }>).some((a) => a.state !== 'AVAILABLE'),
        'an agent state change from a call',
        deadline - Date.now(),
      );
  },
  'Session status alerting': async (c, deadline) => {
    const ok = c.probe('status-debug-ok');
    const alert = c.probe('status-debug-alert');
    await ok.next(() => true, 'the all-clear of the first open', deadline - Date.now());
    const a = await alert.next(() => true, 'one alert', deadline - Date.now());
    assert.match(a.topic, /^CTI ALERT: /);
    await ok.next(() => true, 'one all-clear after the outage', deadline - Date.now());
    assert.strictEqual(alert.messages.length, 1, 'one alert per outage');
  },
  'Call log to CSV file': async (c, deadline) => {
    const logged = c.probe('log-debug');
    await logged.next(
      (m) => m.topic === 'CALL_CONNECTION_CLEARED_EVENT',
      'a connection-cleared line',
      deadline - Date.now(),
    );
    const lines = fs.readFileSync(path.join(c.dir, 'cti-call-log.csv'), 'utf8').trim().split('\n');
    const cleared = lines.filter((l) => l.split(',')[1] === 'CALL_CONNECTION_CLEARED_EVENT');
    assert.ok(cleared.length > 0);
    for (const l of cleared) assert.notStrictEqual(l.split(',')[5], '', `the releasing device: ${l}`);
  },
  'DNIS routing and call-data write-back': async (c, deadline) => {
    const tagged = c.probe('dnis-debug');
    const lines = new Set<string>();
    while (lines.size < 2) {
      const t = await tagged.next(() => true, 'calls to two lines of business', deadline - Date.now());
      assert.strictEqual(t.topic, 'SET_CALL_DATA_CONF');
      lines.add(t.written.callVariable3);
    }
    assert.strictEqual(c.probe('dnis-debug-error').messages.length, 0);
  },
  'ECC variables read and write': async (c, deadline) => {
    const eccName = /such as `([^`]+)`/.exec(String(readExample('ECC variables read and write')[0].info))![1];
    const read = await c
      .probe('ecc-debug-read')
      .next((m) => Boolean(m.payload.ecc[eccName]), `a call with ${eccName}`, deadline - Date.now());
    assert.ok(read.payload.ecc[eccName]);
    await c
      .probe('ecc-debug-update')
      .next(
        (m) => m.call && m.call.ecc && m.call.ecc['user.cti.handledBy'] === 'node-red',
        'the written ECC value in a CALL_DATA_UPDATE_EVENT',
        deadline - Date.now(),
      );
  },
  'CRM screen-pop on call delivered': async (c, deadline) => {
    const pop = await c.probe('crm-debug-pop').next(() => true, 'a screen pop', deadline - Date.now());
    assert.ok(pop.payload.customer.name);
    const w = await c.probe('crm-debug-written').next(() => true, 'the write-back', deadline - Date.now());
    assert.strictEqual(w.written.callVariable9, pop.payload.customer.name);
  },
  'Call control - answer hold transfer': async (c, deadline) => {
    const out = c.probe('ctl-debug');
    const conf = (type: string) => (m: Msg) => m.topic === type;
    await out.next(conf('ANSWER_CALL_CONF'), 'the call answered', deadline - Date.now());
    c.press('ctl-inject-hold');
    await out.next(conf('HOLD_CALL_CONF'), 'the call on hold', deadline - Date.now());
    c.press('ctl-inject-retrieve');
    await out.next(conf('RETRIEVE_CALL_CONF'), 'the call retrieved', deadline - Date.now());
    c.press('ctl-inject-transfer');
    await out.next(conf('TRANSFER_CALL_CONF'), 'the call transferred to 1005', deadline - Date.now());
    assert.strictEqual(c.probe('ctl-debug-error').messages.length, 0);
  },
  'Agent desktop - Client Events': async (c, deadline) => {
    const pop = await c.probe('desk-debug-pop').next(() => true, 'a screen pop', deadline - Date.now());
    assert.match(pop.payload, /Caller \(ANI\): \S+/);
    c.press('desk-inject-answer');
    await c
      .probe('desk-debug-requests')
      .next((m) => m.topic === 'ANSWER_CALL_CONF', 'the call answered', deadline - Date.now());
  },
};

describe('examples started exactly as their comments say', function () {
  this.timeout(PROMISE_MS + 15000);
  let simProcess: SimProcess;
  let web: HttpNodeServer;
  let dir: string;

  beforeEach(function () {
    simProcess = new SimProcess();
    web = new HttpNodeServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-example-cmd-'));
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log(`--- cti-sim output ---\n${simProcess.log()}`);
    await helper.unload();
    await web.stop();
    await simProcess.stop();
    delete process.env.CRM_BASE_URL;
    helper.settings({});
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a promise check for every example', function () {
    assert.deepStrictEqual(Object.keys(PROMISES).sort(), exampleNames());
  });

  for (const name of exampleNames()) {
    const [command] = simulatorCommands(String(readExample(name)[0].info));
    it(`${name}: \`${command}\``, async function () {
      const check = PROMISES[name];
      assert.ok(check, `no promise check for "${name}"`);
      const port = await simProcess.start(command);
      const base = await web.start();
      process.env.CRM_BASE_URL = base;
      helper.settings({ fileWorkingDirectory: dir });
      const flow = prepareFlow(name, port);
      const deadline = Date.now() + PROMISE_MS;
      await helper.load(modulesFor(flow, [web.capture]) as Any, flow as Any);
      const probes = new Map<string, Probe>();
      const ctx: Ctx = {
        web: base,
        dir,
        probe: (id) => {
          if (!probes.has(id)) probes.set(id, new Probe(probeId(id)));
          return probes.get(id)!;
        },
        press: (id) => helper.getNode(id).receive({}),
      };
      // Every debug node is watched from the deploy on, so no message is missed before a check asks for it.
      for (const n of flow) if (n.type === 'helper') ctx.probe(n.id.replace(/--probe$/, ''));
      await check(ctx, deadline);
    });
  }
});
