import assert from 'node:assert/strict';
import { AgentState, type CtiMessage, EventCause, LocalConnectionState } from '../../lib/protocol';
import type { SimCall } from '../../lib/simulator';
import { agentClient, bridgeClient, Fixture } from './helpers';
import type { RawClient } from './raw-client';

const LCS = LocalConnectionState.byName;

/**
 * The guide's consult sequence (cti-protocol.md §7.2 "Consult/transfer", §1.12, §1.14, §5.9, §5.15):
 * CALL_HELD (original) + BEGIN_CALL / SERVICE_INITIATED (carrying the held call, COC*) / ORIGINATED / DELIVERED /
 * ESTABLISHED (consult) → CALL_TRANSFERRED / CALL_CONFERENCED (primary = original, secondary = consult, the
 * connected parties) → END_CALL for every call a client is no longer associated with. A desktop that had not the
 * original call is told of it (BEGIN_CALL) before the transfer/conference event names it.
 */
function sequence(c: RawClient, calls: Record<string, SimCall>, from: number): string[] {
  const label = (id: number): string => Object.keys(calls).find((k) => calls[k].connectionCallId === id) ?? String(id);
  return c.messages.slice(from).flatMap((m) => {
    if (m.messageType === 'AGENT_STATE_EVENT')
      return [`AGENT_STATE ${m.agentId} ${AgentState.nameOf(m.agentState)!.replace('AGENT_STATE_', '')}`];
    if (m.messageType === 'HEARTBEAT_CONF') return [];
    const id = m.connectionCallId ?? m.primaryCallId;
    return [`${m.messageType.replace(/_EVENT$/, '')}${id === undefined ? '' : ` ${label(id)}`}`];
  });
}

async function settle(...clients: RawClient[]): Promise<void> {
  for (const c of clients) await c.request({ messageType: 'HEARTBEAT_REQ' });
}

function find(c: RawClient, type: string): CtiMessage {
  const m = c.messages.find((x) => x.messageType === type);
  assert.ok(m, `${type} not received; got ${c.typesSince(0).join(', ')}`);
  return m;
}

describe('simulator: transfer and conference sequences (All Events and Client Events views)', () => {
  const fx = new Fixture();
  afterEach(() => fx.cleanup());

  async function consulted() {
    const sim = await fx.sim({ agents: '1001-1003' });
    const bridge = await bridgeClient(fx, sim.port);
    const d1 = await agentClient(fx, sim.port, '1001');
    const d2 = await agentClient(fx, sim.port, '1002');
    const d3 = await agentClient(fx, sim.port, '1003');
    const marks = [bridge, d1, d2, d3].map((c) => c.messages.length);
    const A = await sim.startInboundCall({ agentId: '1001', answer: true, callVariables: { 1: 'acct-9' } });
    const B = await sim.consultCall(A, '1002');
    return { sim, bridge, d1, d2, d3, marks, A, B };
  }

  const consultAtBridge = [
    'CALL_HELD A',
    'BEGIN_CALL B',
    'CALL_SERVICE_INITIATED B',
    'CALL_ORIGINATED B',
    'AGENT_STATE 1002 RESERVED',
    'CALL_DELIVERED B',
    'CALL_ESTABLISHED B',
    'AGENT_STATE 1002 TALKING',
  ];
  const inboundAtBridge = [
    'BEGIN_CALL A',
    'CALL_DELIVERED A',
    'AGENT_PRE_CALL',
    'AGENT_STATE 1001 RESERVED',
    'CALL_DELIVERED A',
    'CALL_ESTABLISHED A',
    'AGENT_STATE 1001 TALKING',
  ];
  const inboundAtDesk1 = [
    'AGENT_PRE_CALL',
    'AGENT_STATE 1001 RESERVED',
    'BEGIN_CALL A',
    'CALL_DELIVERED A',
    'CALL_ESTABLISHED A',
    'AGENT_STATE 1001 TALKING',
  ];
  const consultAtDesk1 = [
    'CALL_HELD A',
    'BEGIN_CALL B',
    'CALL_SERVICE_INITIATED B',
    'CALL_ORIGINATED B',
    'CALL_DELIVERED B',
    'CALL_ESTABLISHED B',
  ];
  const consultAtDesk2 = [
    'AGENT_STATE 1002 RESERVED',
    'BEGIN_CALL B',
    'CALL_DELIVERED B',
    'CALL_ESTABLISHED B',
    'AGENT_STATE 1002 TALKING',
  ];

  it('transfer: the original call reaches the new agent as a new call; every view as the guide sequences it', async () => {
    const { sim, bridge, d1, d2, d3, marks, A, B } = await consulted();
    await sim.transferCall(A, B);
    await sim.setCallData(A, { callVariables: { 2: 'after' } });
    await sim.releaseCall(A);
    await settle(bridge, d1, d2, d3);

    assert.deepEqual(sequence(bridge, { A, B }, marks[0]), [
      ...inboundAtBridge,
      ...consultAtBridge,
      'CALL_TRANSFERRED A',
      'END_CALL B',
      'AGENT_STATE 1001 AVAILABLE',
      'CALL_DATA_UPDATE A',
      'CALL_CONNECTION_CLEARED A',
      'CALL_CLEARED A',
      'END_CALL A',
      'AGENT_STATE 1002 AVAILABLE',
    ]);
    assert.deepEqual(sequence(d1, { A, B }, marks[1]), [
      ...inboundAtDesk1,
      ...consultAtDesk1,
      'CALL_TRANSFERRED A',
      'END_CALL B',
      'END_CALL A',
      'AGENT_STATE 1001 AVAILABLE',
    ]);
    assert.deepEqual(sequence(d2, { A, B }, marks[2]), [
      ...consultAtDesk2,
      'BEGIN_CALL A',
      'CALL_TRANSFERRED A',
      'END_CALL B',
      'CALL_DATA_UPDATE A',
      'CALL_CONNECTION_CLEARED A',
      'CALL_CLEARED A',
      'END_CALL A',
      'AGENT_STATE 1002 AVAILABLE',
    ]);
    assert.deepEqual(sequence(d3, { A, B }, marks[3]), [], 'an uninvolved desktop sees nothing');

    // The consult call names the call it consults about.
    const initiated = find(bridge, 'CALL_SERVICE_INITIATED_EVENT');
    assert.deepEqual(
      [initiated.cocConnectionCallId, initiated.cocCallConnectionDeviceIdType, initiated.cocCallConnectionDeviceId],
      [A.connectionCallId, A.connectionDeviceIdType, A.connectionDeviceId],
    );
    assert.equal(initiated.eventCause, EventCause.byName.CEC_CONSULT);
    // CALL_TRANSFERRED names who transferred to whom, both calls and the parties left.
    for (const [c, lcs] of [
      [bridge, LCS.LCS_CONNECT],
      [d1, LCS.LCS_NULL],
      [d2, LCS.LCS_CONNECT],
    ] as const) {
      const x = find(c, 'CALL_TRANSFERRED_EVENT');
      assert.equal(x.transferringDeviceId, '1001');
      assert.equal(x.transferredDeviceId, '1002');
      assert.deepEqual(
        [x.primaryCallId, x.primaryDeviceId, x.secondaryCallId, x.secondaryDeviceId],
        [A.connectionCallId, A.connectionDeviceId, B.connectionCallId, B.connectionDeviceId],
      );
      assert.deepEqual(x.connectedPartyDeviceId, [A.ani, '1002']);
      assert.equal(x.numParties, 2);
      assert.equal(x.eventCause, EventCause.byName.CEC_TRANSFER);
      assert.equal(x.localConnectionState, lcs, 'the transferring desktop sees its connection gone');
    }
    // The new agent's desktop gets the original call with its context.
    const begin = d2.messages.find(
      (m) => m.messageType === 'BEGIN_CALL_EVENT' && m.connectionCallId === A.connectionCallId,
    )!;
    assert.equal(begin.callVariable1, 'acct-9');
    assert.equal(begin.ani, A.ani);
  });

  it('conference: both agents stay on the original call; every view as the guide sequences it', async () => {
    const { sim, bridge, d1, d2, d3, marks, A, B } = await consulted();
    await sim.conferenceCall(A, B);
    await sim.releaseCall(A);
    await settle(bridge, d1, d2, d3);

    const release = ['CALL_CONNECTION_CLEARED A', 'CALL_CONNECTION_CLEARED A', 'CALL_CLEARED A', 'END_CALL A'];
    assert.deepEqual(sequence(bridge, { A, B }, marks[0]), [
      ...inboundAtBridge,
      ...consultAtBridge,
      'CALL_CONFERENCED A',
      'END_CALL B',
      ...release,
      'AGENT_STATE 1001 AVAILABLE',
      'AGENT_STATE 1002 AVAILABLE',
    ]);
    assert.deepEqual(sequence(d1, { A, B }, marks[1]), [
      ...inboundAtDesk1,
      ...consultAtDesk1,
      'CALL_CONFERENCED A',
      'END_CALL B',
      ...release,
      'AGENT_STATE 1001 AVAILABLE',
    ]);
    assert.deepEqual(sequence(d2, { A, B }, marks[2]), [
      ...consultAtDesk2,
      'BEGIN_CALL A',
      'CALL_CONFERENCED A',
      'END_CALL B',
      ...release,
      'AGENT_STATE 1002 AVAILABLE',
    ]);
    assert.deepEqual(sequence(d3, { A, B }, marks[3]), []);
    for (const c of [bridge, d1, d2]) {
      const x = find(c, 'CALL_CONFERENCED_EVENT');
      assert.equal(x.controllerDeviceId, '1001');
      assert.equal(x.addedPartyDeviceId, '1002');
      assert.deepEqual([x.primaryCallId, x.secondaryCallId], [A.connectionCallId, B.connectionCallId]);
      assert.deepEqual(x.connectedPartyDeviceId, [A.ani, '1001', '1002']);
      assert.equal(x.localConnectionState, LCS.LCS_CONNECT);
    }
  });
});
