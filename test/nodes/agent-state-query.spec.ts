import { strict as assert } from 'node:assert';
import { decodeMessage, encodeMessage } from '../../lib/protocol';
import { agentStateQuery, VOICE_MRD } from '../../nodes/lib/agent-state-query';

// cti-request, cti-state and the HA rebuild all send this one request: its fixed fields are chosen here only.
describe('agentStateQuery (the one QUERY_AGENT_STATE_REQ builder)', function () {
  it('asks the voice MRD with ICMAgentID 0 and only the agent fields given', function () {
    const m = agentStateQuery(5000, { agentId: '1002', agentInstrument: '', agentExtension: undefined });
    assert.deepEqual(m, {
      messageType: 'QUERY_AGENT_STATE_REQ',
      peripheralId: 5000,
      mrdid: 1,
      icmAgentId: 0,
      agentId: '1002',
    });
    assert.equal(VOICE_MRD, 1);
  });

  it("takes the caller's MRD and encodes to a frame that decodes to the same fields", function () {
    const m = agentStateQuery(5000, { agentInstrument: '2001', agentExtension: '2001' }, 3);
    const back = decodeMessage(encodeMessage({ ...m, invokeId: 7 }, 20), 20);
    assert.equal(back.messageType, 'QUERY_AGENT_STATE_REQ');
    assert.deepEqual(
      [back.peripheralId, back.mrdid, back.icmAgentId, back.agentInstrument, back.agentExtension, back.agentId],
      [5000, 3, 0, '2001', '2001', undefined],
    );
  });
});
