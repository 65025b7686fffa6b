/**
 * withEnumNames is compiled per message type (issue 11): its results must be exactly those of the plain
 * definition below (a shallow copy; each enumerated number named where the enumeration has a name; arrays mapped
 * element by element; everything else untouched), for decoded messages of every type and for odd inputs.
 */
import { strict as assert } from 'assert';
import { MESSAGE_DEFS, SUPPORTED_VERSIONS, decodeMessage, encodeMessage, type CtiMessage } from '../../lib/protocol';
import { FIELD_ENUMS, withEnumNames } from '../../lib/protocol/field-enums';
import { Rng, messageExistsIn, randomMessage } from './random-messages';

/** The definition, written the obvious way. */
function reference(msg: CtiMessage): CtiMessage {
  const out: CtiMessage = { ...msg };
  for (const [key, e] of Object.entries(FIELD_ENUMS)) {
    if (!Object.prototype.hasOwnProperty.call(out, key)) continue;
    const toName = (v: unknown): unknown => (typeof v === 'number' ? (e.nameOf(v) ?? v) : v);
    const value: unknown = out[key];
    out[key] = Array.isArray(value) ? value.map(toName) : toName(value);
  }
  return out;
}

describe('withEnumNames (compiled per message type)', () => {
  it('gives the same result as the definition for decoded messages of every type and version', () => {
    const rng = new Rng(0xe9a3);
    let n = 0;
    for (const def of MESSAGE_DEFS) {
      for (const v of SUPPORTED_VERSIONS) {
        if (!messageExistsIn(def, v) || v % 3 !== 0) continue;
        const msg = decodeMessage(encodeMessage(randomMessage(rng, def, v), v), v);
        const named = withEnumNames(msg);
        assert.deepStrictEqual(named, reference(msg), `${def.name} v${v}`);
        assert.notEqual(named, msg, 'a copy');
        n++;
      }
    }
    assert.ok(n > MESSAGE_DEFS.length);
  });

  it('names known values, keeps unknown ones, maps arrays, leaves other shapes alone — for any type name', () => {
    const odd: CtiMessage[] = [
      {
        messageType: 'CALL_DELIVERED_EVENT',
        localConnectionState: 2,
        eventCause: 0xfffe,
        lineType: [0, 1, 'x', 99999],
      },
      { messageType: 'AGENT_STATE_EVENT', callType: 1, agentState: '3', status: null, extra: { agentState: 3 } },
      { messageType: 'NOT_IN_THE_CATALOG', status: 1, failureCode: [1, 2], agentState: undefined },
      { messageType: 'UNKNOWN', messageTypeId: 9999, body: Buffer.from([1]) },
    ];
    for (const msg of odd) {
      const before = JSON.stringify(msg);
      assert.deepStrictEqual(withEnumNames(msg), reference(msg), msg.messageType);
      assert.equal(JSON.stringify(msg), before, 'the input is not changed');
    }
    assert.equal(withEnumNames(odd[0]).localConnectionState, 'LCS_ALERTING');
  });
});
