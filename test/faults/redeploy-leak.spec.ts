/**
 * Redeploys leak nothing: the same loop of full and partial deploys runs twice in one test — on a flow of
 * core nodes only (Node-RED's own growth: the baseline) and on the same flow plus the CTI nodes — with calls
 * streaming from the simulator. The CTI flow's heap growth after GC may exceed the baseline's by at most
 * MARGIN; every socket and timer created during its loop must be gone after the flow is unloaded; process
 * listeners must not grow; exactly one server-side session stays open.
 */
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { CtiServerNode } from '../../nodes/lib/server-api';
import { helper, NODES, serverNode, startSim, waitForState, type CtiSimulator } from '../nodes/harness';
import { resolveFromNodeRed } from '../support/node-red-runtime';
import { trackHandles } from '../support/process-watch';
import { LONG } from './mode';
import { streamCalls } from './stream';

const REDEPLOYS = LONG ? 300 : 30;
/** Stated margin: the CTI flow's heap growth over the baseline's, after GC. */
const MARGIN_BYTES = 2 * 1024 * 1024;
const WARM_UP = 6;

const CORE = ['common/20-inject.js', 'function/10-function.js', 'function/15-change.js', 'function/10-switch.js'].map(
  (f) => require(resolveFromNodeRed(`@node-red/nodes/core/${f}`)),
);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** The core-node part, present in both flows; `edit` changes a name so a partial deploy restarts those nodes. */
function coreNodes(edit: number): object[] {
  return [
    { id: 'in', type: 'inject', z: 'f1', name: 'tick', repeat: '', once: false, wires: [['fn']] },
    {
      id: 'fn',
      type: 'function',
      z: 'f1',
      name: `enrich ${edit}`,
      func: 'msg.n = 1;\nreturn msg;',
      outputs: 1,
      wires: [['chg']],
    },
    {
      id: 'chg',
      type: 'change',
      z: 'f1',
      name: '',
      rules: [{ t: 'set', p: 'topic', pt: 'msg', to: 'x', tot: 'str' }],
      wires: [['sw']],
    },
    {
      id: 'sw',
      type: 'switch',
      z: 'f1',
      property: 'topic',
      rules: [{ t: 'eq', v: 'x', vt: 'str' }],
      outputs: 1,
      wires: [['out']],
    },
    { id: 'out', type: 'helper', z: 'f1' },
  ];
}

/** The CTI part: a session and every node type using it; `edit` alternates a user node and the config node. */
function ctiNodes(sim: CtiSimulator, edit: number): object[] {
  return [
    { ...serverNode(sim, { clientId: edit % 4 === 2 ? 'leak-b' : 'leak-a' }), z: 'f1' },
    {
      id: 'ev',
      type: 'cti-event',
      z: 'f1',
      server: 'srv',
      name: `events ${edit}`,
      events: ['CALL_DELIVERED_EVENT', 'END_CALL_EVENT'],
      wires: [['evOut']],
    },
    { id: 'evOut', type: 'helper', z: 'f1' },
    { id: 'st', type: 'cti-status', z: 'f1', server: 'srv', wires: [['stOut']] },
    { id: 'stOut', type: 'helper', z: 'f1' },
    { id: 'req', type: 'cti-request', z: 'f1', server: 'srv', wires: [['reqOut']] },
    { id: 'reqOut', type: 'helper', z: 'f1' },
    { id: 'scd', type: 'cti-set-call-data', z: 'f1', server: 'srv', wires: [['scdOut']] },
    { id: 'scdOut', type: 'helper', z: 'f1' },
  ];
}

interface LoopFigures {
  heapBefore: number;
  heapAfter: number;
  growth: number;
  processListenersGrowth: number;
  leftBehind: Record<string, number>;
  openSessionsAfter: number;
  sessionsOpened: number;
}

function processListeners(): number {
  return process.eventNames().reduce((n, e) => n + process.listenerCount(e), 0);
}

/**
 * Heap used after GC. The test helper's sinon spies (on Node.prototype status/send/log…) keep every call and
 * the node it was made on: the measuring harness's own growth, and it would keep old nodes alive. Their history
 * is dropped first.
 */
async function heapAfterGc(): Promise<number> {
  (helper as unknown as { _sandbox: { resetHistory(): void } })._sandbox.resetHistory();
  // Old flows' vm contexts (function nodes) go only after several collections a few turns apart.
  for (let i = 0; i < 12; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
  return process.memoryUsage().heapUsed;
}

/**
 * Deploy i: full (every node restarts), or partial ("nodes": only the edited ones). With the CTI nodes each
 * deploy waits until the session is open again, so every redeploy really closes and opens what it touches.
 */
async function redeployLoop(sim: CtiSimulator, withCti: boolean): Promise<LoopFigures> {
  const flow = (i: number): object[] => [
    { id: 'f1', type: 'tab' },
    ...coreNodes(i),
    ...(withCti ? ctiNodes(sim, i) : []),
  ];
  let sessionsOpened = 0;
  const onOpen = (): void => void sessionsOpened++;
  sim.on('session-open', onOpen);
  const ready = async (): Promise<void> => {
    if (withCti) await waitForState(helper.getNode('srv') as unknown as CtiServerNode, 'open', 10000);
  };
  const deploy = async (i: number): Promise<void> => {
    await helper.setFlows(flow(i), i % 2 === 0 ? 'full' : 'nodes');
    await ready();
  };
  await helper.load([...NODES, ...CORE], flow(0));
  await ready();
  for (let i = 1; i <= WARM_UP; i++) await deploy(i);
  // Heap measured with the call stream paused: what is in flight is not what stays.
  const heapBefore = await heapAfterGc();
  const listenersBefore = processListeners();
  const handles = trackHandles();
  const stream = streamCalls(sim, 10);
  try {
    for (let i = WARM_UP + 1; i <= WARM_UP + REDEPLOYS; i++) await deploy(i);
  } finally {
    await stream.stop();
  }
  const heapAfter = await heapAfterGc();
  const processListenersGrowth = processListeners() - listenersBefore;
  const openSessionsAfter = sim.openSessionCount;
  await helper.unload();
  const leftBehind = await handles.leftBehind();
  sim.off('session-open', onOpen);
  return {
    heapBefore,
    heapAfter,
    growth: heapAfter - heapBefore,
    processListenersGrowth,
    leftBehind,
    openSessionsAfter,
    sessionsOpened,
  };
}

const mib = (b: number): string => `${(b / 1048576).toFixed(2)} MiB`;

describe('faults: redeploys leak nothing (against a core-node baseline)', function () {
  this.timeout(LONG ? 900000 : 120000);
  let sim: CtiSimulator | undefined;

  afterEach(async () => {
    await helper.unload();
    await sim?.stop();
  });

  it(`${REDEPLOYS} full and partial redeploys under a call stream: heap growth within ${mib(MARGIN_BYTES)} of the baseline, nothing left`, async () => {
    sim = await startSim();
    const base = await redeployLoop(sim, false);
    const cti = await redeployLoop(sim, true);
    console.log(
      `      ${REDEPLOYS} redeploys: baseline heap ${mib(base.heapBefore)} → ${mib(base.heapAfter)} (${mib(base.growth)}), ` +
        `CTI flow ${mib(cti.heapBefore)} → ${mib(cti.heapAfter)} (${mib(cti.growth)}); ` +
        `${cti.sessionsOpened} sessions opened, ${cti.openSessionsAfter} open at the end; ` +
        `process listeners +${base.processListenersGrowth} / +${cti.processListenersGrowth}`,
    );
    assert.ok(
      cti.growth - base.growth <= MARGIN_BYTES,
      `CTI flow grew ${mib(cti.growth)} against the baseline's ${mib(base.growth)} (margin ${mib(MARGIN_BYTES)})`,
    );
    assert.deepEqual(cti.leftBehind, {}, 'every socket and timer of the CTI loop closed after unload');
    assert.deepEqual(base.leftBehind, {}, 'every socket and timer of the baseline loop closed after unload');
    assert.ok(cti.processListenersGrowth <= base.processListenersGrowth, 'no process listener added per deploy');
    assert.equal(cti.openSessionsAfter, 1, 'exactly one server-side session open after the loop');
    assert.equal(sim.openSessionCount, 0, 'and none after the flow is gone');
    assert.ok(cti.sessionsOpened >= REDEPLOYS / 2, 'full deploys and config edits reopened the session');
  });
});
