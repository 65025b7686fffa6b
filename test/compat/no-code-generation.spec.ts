/**
 * The package makes no code from strings (issue 21, part 3): the codec is TypeScript written by the build, not
 * compiled at run time. A real Node-RED started with `node --disallow-code-generation-from-strings` (as a locked-down
 * installation may run it) loads the nodes and runs a flow against the simulator: an event decoded and named, call
 * data encoded and written back.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import { CtiSimulator, type SimRequestInfo } from '../../lib/simulator';
import { ROOT, ensureBuilt, startRed, type RedProcess } from '../support/red-process';

const NO_STRINGS = '--disallow-code-generation-from-strings';

describe(`the package under node ${NO_STRINGS}`, function () {
  this.timeout(60000);
  let sim: CtiSimulator | undefined;
  let red: RedProcess | undefined;

  afterEach(function () {
    if (this.currentTest?.state === 'failed' && red !== undefined) console.log(red.output().slice(-3000));
  });

  after(async function () {
    await red?.stop();
    await sim?.stop();
  });

  it('the flag is in force: new Function throws; the built codec encodes, decodes and names every message type', function () {
    ensureBuilt();
    const refused = spawnSync(process.execPath, [NO_STRINGS, '-e', "new Function('return 1')"], { encoding: 'utf8' });
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /EvalError/);
    const script = `
      const p = require(${JSON.stringify(path.join(ROOT, 'dist', 'lib', 'protocol'))});
      let n = 0;
      for (const def of p.MESSAGE_DEFS) for (const v of p.SUPPORTED_VERSIONS) {
        const plan = p.getPlan(def.id, v);
        if (plan === undefined) continue;
        const msg = { messageType: def.name };
        for (const f of plan.fixed) msg[f.key] = f.type === 'STRING' ? '' : f.type === 'UNSPEC' ? Buffer.alloc(0) : 0;
        for (const f of plan.floats) if (f.required) msg[f.key] = f.repeats ? [] : f.type === 'STRING' ? 'x' : 1;
        try { p.withEnumNames(p.decodeMessage(p.encodeMessage(msg, v), v)); n++; }
        catch (e) { if (!(e instanceof p.CtiProtocolError)) throw e; }
      }
      console.log(n);`;
    const ran = spawnSync(process.execPath, [NO_STRINGS, '-e', script], { encoding: 'utf8' });
    assert.equal(ran.status, 0, ran.stderr);
    assert.ok(Number(ran.stdout) > 500, `round trips: ${ran.stdout}`);
  });

  it('a Node-RED started with the flag runs a flow: CALL_DELIVERED named, call data written back', async function () {
    sim = new CtiSimulator({ host: '127.0.0.1', port: 0, agents: '1001-1002', peripheralId: 5000 });
    await sim.start();
    const written = new Promise<SimRequestInfo>((resolve) =>
      sim!.on('request', (info: SimRequestInfo) => {
        if (info.messageType === 'SET_CALL_DATA_REQ') resolve(info);
      }),
    );
    // The CONF goes out once the simulator has applied the request.
    const confirmed = new Promise<void>((resolve) =>
      sim!.on('message-sent', ({ message }: { message: { messageType: string } }) => {
        if (message.messageType === 'SET_CALL_DATA_CONF') resolve();
      }),
    );
    red = await startRed({
      nodeArgs: [NO_STRINGS, '-r', path.join(__dirname, '..', 'support', 'depd-without-strings.js')],
      flows: [
        { id: 'ncg-tab', type: 'tab', label: 'no code generation' },
        {
          id: 'ncg-srv',
          type: 'cti-server',
          name: 'sim',
          hostA: '127.0.0.1',
          portA: sim.port,
          peripheralId: 5000,
          clientId: 'no-code-generation',
          version: 24,
          services: ['ALL_EVENTS', 'CALL_DATA_UPDATE'],
          heartbeat: 30,
        },
        {
          id: 'ncg-event',
          type: 'cti-event',
          z: 'ncg-tab',
          server: 'ncg-srv',
          events: ['CALL_DELIVERED_EVENT'],
          connectionState: 'LCS_ALERTING',
          wires: [['ncg-fn']],
        },
        {
          id: 'ncg-fn',
          type: 'function',
          z: 'ncg-tab',
          // What the flow saw, in the enumeration's name and the tracked call's ANI, goes back into the call.
          func: "msg.payload = { callVariable3: msg.payload.localConnectionState + ' ' + msg.call.ani }; return msg;",
          outputs: 1,
          wires: [['ncg-set']],
        },
        { id: 'ncg-set', type: 'cti-set-call-data', z: 'ncg-tab', server: 'ncg-srv', ecc: [], wires: [[]] },
      ],
    });
    // The flow's session may open after Node-RED says it started its flows: a call before it would not be seen.
    if (sim.sessions().length === 0) await once(sim, 'session-open');
    const call = await sim.startInboundCall({ agentId: '1001', ani: '02079460777', dnis: '8005551000' });
    const req = await written;
    await confirmed;
    assert.equal(req.message.callVariable3, 'LCS_ALERTING 02079460777');
    assert.equal(req.refusedStatus, undefined);
    assert.equal(call.callVariables[3], 'LCS_ALERTING 02079460777');
    // Node-RED's own JSON node (its schema validator compiles code) does not load under the flag; ours all do.
    const refusals = red
      .output()
      .split('\n')
      .filter((line) => /EvalError|from strings/.test(line));
    assert.ok(refusals.length > 0, 'the flag was in force in the runtime');
    assert.deepEqual(
      refusals.filter((line) => /cti|cisco/i.test(line)),
      [],
    );
  });
});
