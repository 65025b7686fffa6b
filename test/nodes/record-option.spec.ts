/** The cti-server "record to file" option (issue 12.5) through a real Node-RED and the simulator. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRecording } from '../../lib/record';
import {
  helper,
  NODES,
  runtimeWithSim,
  serverNode,
  getServer,
  waitForState,
  nextInput,
  type CtiSimulator,
} from './harness';

describe('cti-server "record to file" (real runtime, simulator over TCP)', function () {
  const run = runtimeWithSim();
  let sim: CtiSimulator;
  let dir: string;

  beforeEach(function () {
    sim = run.sim;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cti-record-node-'));
  });

  afterEach(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function flow(extra: Record<string, unknown>): object[] {
    return [
      { id: 'f1', type: 'tab' },
      serverNode(sim, extra),
      { id: 'ev', type: 'cti-event', z: 'f1', server: 'srv', events: ['CALL_DELIVERED_EVENT'], wires: [['out']] },
      { id: 'out', type: 'helper', z: 'f1' },
    ];
  }

  it('records the session, masked by default, and the file is complete once the flow is stopped', async function () {
    const file = path.join(dir, 'site-a.jsonl');
    await helper.load(NODES, flow({ record: true, recordPath: file }));
    await waitForState(getServer(), 'open');
    const delivered = nextInput(helper.getNode('out'));
    await sim.startInboundCall({ agentId: '1001', ani: '5550199', dnis: '8005551234' });
    await delivered;
    await helper.unload();
    const rec = readRecording(file);
    assert.equal(rec.header.protocolVersion, 24);
    assert.equal(rec.header.peripheralId, 5000);
    assert.equal(rec.header.masked, true);
    const types = rec.frames.map((f) => f.type);
    assert.ok(types.includes('OPEN_REQ') && types.includes('OPEN_CONF') && types.includes('CALL_DELIVERED_EVENT'));
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(!text.includes(Buffer.from('5550199').toString('hex')), 'the ANI is masked');
  });

  it('is off by default: no file, and a record without a path is an invalid configuration naming the field', async function () {
    await helper.load(NODES, flow({}));
    await waitForState(getServer(), 'open');
    assert.deepEqual(fs.readdirSync(dir), []);
    await helper.unload();
    await helper.load(NODES, flow({ record: true, recordPath: ' ' }));
    const view = await waitForState(getServer(), 'closed');
    assert.equal(view.status.text, 'configuration is invalid: record file');
    assert.match(String(view.reason), /record to file needs a file path/);
  });
});
