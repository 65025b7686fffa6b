/**
 * The agent of a call follows the call through answer, consultation, transfer and conference, at an All Events
 * bridge and at two agent desktops (Client Events for 1001 and 1002) in one Node-RED runtime (issue 16).
 * Every cti-event message of the call is checked: msg.call.agentId, msg.call.history, and the agent filters on
 * both sides of the transfer.
 */
import assert from 'node:assert/strict';
import type { NodeMessage } from 'node-red';
import {
  helper,
  NODES,
  PERIPHERAL,
  startSim,
  waitForState,
  nextInput,
  collect,
  flush,
  type CtiSimulator,
} from './harness';
import type { CtiServerNode } from '../../nodes/lib/server-api';

type Msg = NodeMessage & Record<string, unknown>;
type Call = Record<string, unknown> & { history?: Array<Record<string, unknown>> };

const SERVERS = {
  bridge: { clientId: 'nr-bridge', services: ['ALL_EVENTS', 'CALL_DATA_UPDATE', 'CLIENT_CONTROL'] },
  desk1001: {
    clientId: 'desk-1001',
    services: ['CLIENT_EVENTS', 'CLIENT_CONTROL'],
    agentExtension: '1001',
    agentId: '1001',
  },
  desk1002: {
    clientId: 'desk-1002',
    services: ['CLIENT_EVENTS', 'CLIENT_CONTROL'],
    agentExtension: '1002',
    agentId: '1002',
  },
} as const;

function flow(sim: CtiSimulator): object[] {
  const nodes: object[] = [{ id: 'f1', type: 'tab' }];
  for (const [id, extra] of Object.entries(SERVERS)) {
    nodes.push({
      id,
      type: 'cti-server',
      name: `server ${id}`,
      hostA: '127.0.0.1',
      portA: sim.port,
      peripheralId: String(PERIPHERAL),
      version: 24,
      heartbeat: 30,
      ...extra,
    });
    nodes.push({ id: `ev-${id}`, type: 'cti-event', z: 'f1', server: id, wires: [[`h-${id}`]] });
    nodes.push({ id: `h-${id}`, type: 'helper', z: 'f1' });
  }
  // Agent filters at the bridge on both sides of the transfer, and by extension.
  for (const [id, filter] of Object.entries({
    a1001: { agentId: '1001' },
    a1002: { agentId: '1002' },
    x1001: { agentExtension: '1001' },
    x1002: { agentExtension: '1002' },
  })) {
    nodes.push({ id: `ev-${id}`, type: 'cti-event', z: 'f1', server: 'bridge', wires: [[`h-${id}`]], ...filter });
    nodes.push({ id: `h-${id}`, type: 'helper', z: 'f1' });
  }
  return nodes;
}

function server(id: string): CtiServerNode {
  return helper.getNode(id) as unknown as CtiServerNode;
}

/** The messages of one call (by ConnectionCallID), in order. */
function ofCall(msgs: Msg[], callId: number): Msg[] {
  return msgs.filter((m) => m.call !== undefined && (m.call as Call).connectionCallId === callId);
}

function agents(msgs: Msg[]): string[] {
  return msgs.map((m) => `${m.topic}:${(m.call as Call).agentId ?? '-'}`);
}

describe('msg.call.agentId follows the call through transfer and conference (bridge + two desktops)', function () {
  let sim: CtiSimulator;
  const got: Record<string, Msg[]> = {};

  beforeEach(async function () {
    await helper.startServer();
    sim = await startSim();
    await helper.load(NODES, flow(sim));
    for (const id of Object.keys(SERVERS)) await waitForState(server(id), 'open');
    for (const id of [...Object.keys(SERVERS), 'a1001', 'a1002', 'x1001', 'x1002'])
      got[id] = collect(helper.getNode(`h-${id}`));
  });

  afterEach(async function () {
    await helper.unload();
    await helper.stopServer();
    await sim.stop();
  });

  /** Runs the call to its end; resolves when every node has had its last message. */
  async function run(
    scenario: () => Promise<{ callId: number; consultId: number }>,
  ): Promise<{ callId: number; consultId: number }> {
    const ids = await scenario();
    // The bridge and 1002's desktop end the call last (END_CALL with ended: true).
    await Promise.all(
      ['h-bridge', 'h-desk1002'].map((h) =>
        got[h.slice(2)].some(
          (m) =>
            m.topic === 'END_CALL_EVENT' &&
            (m.call as Call).ended === true &&
            (m.call as Call).connectionCallId === ids.callId,
        )
          ? undefined
          : nextInput(
              helper.getNode(h),
              (m) =>
                m.topic === 'END_CALL_EVENT' &&
                (m.call as Call).ended === true &&
                (m.call as Call).connectionCallId === ids.callId,
            ),
      ),
    );
    await flush();
    return ids;
  }

  /** Agent of each message, split at the first message of `topic`. */
  function around(msgs: Msg[], topic: string): { before: Msg[]; after: Msg[] } {
    const k = msgs.findIndex((m) => m.topic === topic);
    assert.ok(k >= 0, `no ${topic} in ${agents(msgs).join(' ')}`);
    return { before: msgs.slice(0, k), after: msgs.slice(k) };
  }

  function assertAgent(msgs: Msg[], agentId: string | undefined, where: string): void {
    for (const m of msgs) assert.equal((m.call as Call).agentId, agentId, `${where}: ${agents(msgs).join(' ')}`);
  }

  function history(m: Msg): Array<Record<string, unknown>> {
    return ((m.call as Call).history ?? []).map(({ from, to, ...rest }) => ({
      ...rest,
      ...(from !== undefined ? { from: typeof from } : {}),
      ...(to !== undefined ? { to: typeof to } : {}),
    }));
  }

  async function transferScenario(): Promise<{ callId: number; consultId: number }> {
    const call = await sim.startInboundCall({
      agentId: '1001',
      ani: '4085551234',
      dnis: '8005551000',
      callVariables: { 1: 'before' },
    });
    await sim.answerCall(call);
    await sim.setCallData(call, { callVariables: { 2: 'set-before' } });
    const consult = await sim.consultCall(call, '1002');
    await sim.transferCall(call, consult);
    await sim.setCallData(call, { callVariables: { 3: 'set-after' } });
    await sim.releaseCall(call);
    return { callId: call.connectionCallId, consultId: consult.connectionCallId };
  }

  it('transfer 1001 → 1002: agent 1001 up to the transfer, 1002 from CALL_TRANSFERRED on, at the bridge and at both desktops', async function () {
    const { callId, consultId } = await run(transferScenario);

    // Bridge: nothing names an agent before the routing announcement; then 1001; from the transfer on 1002.
    const bridge = ofCall(got.bridge, callId);
    const b = around(bridge, 'CALL_TRANSFERRED_EVENT');
    const announced = b.before.findIndex((m) => m.topic === 'AGENT_PRE_CALL_EVENT');
    assert.ok(announced > 0);
    assertAgent(b.before.slice(0, announced), undefined, 'bridge before the routing');
    assertAgent(b.before.slice(announced), '1001', 'bridge before the transfer');
    assertAgent(b.after, '1002', 'bridge after the transfer');
    assert.deepEqual(
      b.after.map((m) => m.topic),
      [
        'CALL_TRANSFERRED_EVENT',
        'END_CALL_EVENT',
        'CALL_DATA_UPDATE_EVENT',
        'CALL_CONNECTION_CLEARED_EVENT',
        'CALL_CLEARED_EVENT',
        'END_CALL_EVENT',
      ],
    );
    assert.deepEqual(history(b.after[0]), [
      { device: '1001', agentId: '1001', from: 'number', to: 'number', cause: 'CALL_TRANSFERRED_EVENT' },
      { device: '1002', agentId: '1002', from: 'number' },
    ]);
    assert.deepEqual(history(bridge.at(-1)!), [
      { device: '1001', agentId: '1001', from: 'number', to: 'number', cause: 'CALL_TRANSFERRED_EVENT' },
      { device: '1002', agentId: '1002', from: 'number', to: 'number', cause: 'CALL_CONNECTION_CLEARED_EVENT' },
    ]);
    const last = bridge.at(-1)!.call as Call;
    assert.deepEqual(last.callVariables, { 1: 'before', 2: 'set-before', 3: 'set-after' });
    assert.equal((last.parties as Record<string, unknown>).answering, '1002');
    assert.equal((last.parties as Record<string, unknown>).holding, undefined);

    // 1001's desktop: its agent until the transfer; the transfer names the device the call went to.
    const d1 = around(ofCall(got.desk1001, callId), 'CALL_TRANSFERRED_EVENT');
    assertAgent(d1.before, '1001', '1001 desktop before the transfer');
    // 1001's desktop hears nothing of agent 1002: the call is at device 1002, agent unknown there.
    assertAgent(d1.after, undefined, '1001 desktop after the transfer');
    assert.deepEqual(history(d1.after[0]), [
      { device: '1001', agentId: '1001', from: 'number', to: 'number', cause: 'CALL_TRANSFERRED_EVENT' },
      { device: '1002', from: 'number' },
    ]);

    // 1002's desktop: the transferred call arrives as a new call (BEGIN_CALL) and is 1002's from the transfer on.
    const d2 = around(ofCall(got.desk1002, callId), 'CALL_TRANSFERRED_EVENT');
    assert.deepEqual(
      d2.before.map((m) => m.topic),
      ['BEGIN_CALL_EVENT'],
    );
    assertAgent(d2.after, '1002', '1002 desktop after the transfer');
    assert.deepEqual(history(d2.after[0]), [
      { device: '1001', to: 'number', cause: 'CALL_TRANSFERRED_EVENT' },
      { device: '1002', agentId: '1002', from: 'number' },
    ]);
    assert.deepEqual((d2.after.at(-1)!.call as Call).callVariables, { 1: 'before', 2: 'set-before', 3: 'set-after' });

    // Filters at the bridge: 1001 up to and including the transfer, 1002 from it on.
    // (An event whose own connection is at the extension passes its extension filter whatever the call's agent:
    // the consult call's END_CALL, merged into this call, is at 1001's connection.)
    const topics = (id: string, ext?: string): string[] =>
      ofCall(got[id], callId)
        .filter((m) => ext === undefined || (m.payload as Record<string, unknown>).connectionDeviceId !== ext)
        .map((m) => m.topic as string);
    const bridgeTopics = bridge.map((m) => m.topic as string);
    const k = bridgeTopics.indexOf('CALL_TRANSFERRED_EVENT');
    assert.deepEqual(topics('a1001'), bridgeTopics.slice(announced, k + 1));
    assert.deepEqual(topics('x1001', '1001'), bridgeTopics.slice(announced, k + 1));
    assert.deepEqual(topics('a1002'), bridgeTopics.slice(k));
    assert.deepEqual(topics('x1002', '1002'), bridgeTopics.slice(k));

    // The consult call names the call it consults from its first event that says so (CALL_SERVICE_INITIATED).
    const consult = ofCall(got.bridge, consultId).filter((m) => (m.call as Call).key !== (bridge[0].call as Call).key);
    const linked = around(consult, 'CALL_SERVICE_INITIATED_EVENT').after;
    for (const m of linked)
      assert.equal(((m.call as Call).contextFrom as Record<string, unknown>)?.consultOf, (bridge[0].call as Call).key);
    assertAgent(around(consult, 'CALL_DELIVERED_EVENT').after, '1002', 'consult call at the bridge');
  });

  it('conference 1001 + 1002: 1002 is the agent from CALL_CONFERENCED on, 1001 stays on the call until it leaves', async function () {
    const { callId } = await run(async () => {
      const call = await sim.startInboundCall({ agentId: '1001', ani: '4085551234', dnis: '8005551000' });
      await sim.answerCall(call);
      const consult = await sim.consultCall(call, '1002');
      await sim.conferenceCall(call, consult);
      await sim.setCallData(call, { callVariables: { 4: 'conferenced' } });
      await sim.releaseCall(call);
      return { callId: call.connectionCallId, consultId: consult.connectionCallId };
    });
    const bridge = ofCall(got.bridge, callId);
    const b = around(bridge, 'CALL_CONFERENCED_EVENT');
    const announced = b.before.findIndex((m) => m.topic === 'AGENT_PRE_CALL_EVENT');
    assertAgent(b.before.slice(announced), '1001', 'bridge before the conference');
    assertAgent(b.after, '1002', 'bridge after the conference');
    assert.deepEqual(history(b.after[0]), [
      { device: '1001', agentId: '1001', from: 'number' },
      { device: '1002', agentId: '1002', from: 'number' },
    ]);
    const d2 = around(ofCall(got.desk1002, callId), 'CALL_CONFERENCED_EVENT');
    assertAgent(d2.after, '1002', '1002 desktop after the conference');
    assert.deepEqual((d2.after.at(-1)!.call as Call).callVariables?.['4' as never], 'conferenced');
    const d1 = around(ofCall(got.desk1001, callId), 'CALL_CONFERENCED_EVENT');
    assertAgent(d1.before, '1001', '1001 desktop before the conference');
    for (const id of ['bridge', 'desk1001', 'desk1002']) {
      const h = history(ofCall(got[id], callId).at(-1)!);
      assert.deepEqual(
        h.map((v) => [v.device, v.cause]),
        [
          ['1001', 'CALL_CONNECTION_CLEARED_EVENT'],
          ['1002', 'CALL_CONNECTION_CLEARED_EVENT'],
        ],
        id,
      );
    }

    // Agent 1001's filter follows the call while 1001 is on it: up to its own CALL_CONNECTION_CLEARED.
    const topics = bridge.map((m) => m.topic as string);
    const cleared1001 = bridge.findIndex(
      (m) =>
        m.topic === 'CALL_CONNECTION_CLEARED_EVENT' &&
        (m.payload as Record<string, unknown>).releasingDeviceId === '1001',
    );
    assert.deepEqual(
      ofCall(got.a1001, callId).map((m) => m.topic),
      topics.slice(announced, cleared1001 + 1),
    );
    assert.deepEqual(
      ofCall(got.a1002, callId).map((m) => m.topic),
      topics.slice(topics.indexOf('CALL_CONFERENCED_EVENT')),
    );
  });
});
