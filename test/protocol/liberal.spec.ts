/**
 * Liberal decoding (issue 12, item 1): each deviation a real server might send is delivered with what could be
 * read, reported once as a DecodeWarning of the right kind and field, and refused by a strict decode. Frames are
 * built by hand around the reference's fixed parts, or taken from the encoder and then damaged byte by byte.
 */
import { strict as assert } from 'assert';
import {
  CtiProtocolError,
  decodeMessage,
  decodeWarningKey,
  encodeMessage,
  getPlan,
  type CtiMessage,
  type DecodeWarning,
  type DecodeWarningKind,
} from '../../lib/protocol';
import { Bytes, floating, frame, fstr, fu32 } from './test-buffers';
import { deliveredFixed, endCallFixed } from './fixed-parts';

interface Liberal {
  msg: CtiMessage;
  warnings: DecodeWarning[];
}

function liberal(f: Buffer, version: number): Liberal {
  const warnings: DecodeWarning[] = [];
  const msg = decodeMessage(f, version, { onWarning: (w) => warnings.push(w) });
  return { msg, warnings };
}

/** Decodes liberally, expecting exactly one warning; checks that strict decoding refuses the frame with `code`. */
function deviation(
  f: Buffer,
  version: number,
  expected: { kind: DecodeWarningKind; field?: string; code: string; messageType: string },
): CtiMessage {
  const { msg, warnings } = liberal(f, version);
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  const [w] = warnings;
  assert.equal(w.kind, expected.kind, w.detail);
  assert.equal(w.field, expected.field, w.detail);
  assert.equal(w.messageType, expected.messageType);
  assert.equal(w.messageTypeId, f.readUInt32BE(4));
  assert.ok(w.detail.length > 0);
  assert.throws(
    () => decodeMessage(f, version, { strict: true }),
    (e: unknown) => e instanceof CtiProtocolError && e.code === expected.code,
  );
  // Without a listener the same frame decodes the same way.
  assert.deepStrictEqual(decodeMessage(f, version), msg);
  return msg;
}

/** A frame's floating fields (tag + length + data each), after the fixed part of `version`. */
function floatingFields(f: Buffer, version: number): Buffer[] {
  const plan = getPlan(f.readUInt32BE(4), version)!;
  const head = version >= 20 ? 4 : 2;
  const out: Buffer[] = [];
  let off = 8 + plan.fixedSize;
  while (off < f.length) {
    const len = head === 4 ? f.readUInt16BE(off + 2) : f[off + 1];
    out.push(f.subarray(off, off + head + len));
    off += head + len;
  }
  return out;
}

function rebuild(f: Buffer, version: number, fields: Buffer[]): Buffer {
  const plan = getPlan(f.readUInt32BE(4), version)!;
  return frame(f.readUInt32BE(4), Buffer.concat([f.subarray(8, 8 + plan.fixedSize), ...fields]));
}

const END_CALL = 'END_CALL_EVENT';

/** An AGENT_STATE_EVENT as a v18 decode returns it (no DepartmentID, no Flt skill groups). */
const AGENT_STATE: CtiMessage = {
  messageType: 'AGENT_STATE_EVENT',
  monitorId: 0,
  peripheralId: 5000,
  sessionId: 1,
  peripheralType: 17,
  skillGroupState: 3,
  stateDuration: 10,
  skillGroupNumber: 7001,
  skillGroupId: 7002,
  skillGroupPriority: 0,
  agentState: 3,
  eventReasonCode: 0,
  mrdid: 1,
  numTasks: 0,
  agentMode: 0,
  maxTaskLimit: 1,
  icmAgentId: 5005,
  agentAvailabilityStatus: 0,
  numFltSkillGroups: 0,
  agentId: '1001',
  agentExtension: '2001',
  agentInstrument: '2001',
};
const DELIVERED = 'CALL_DELIVERED_EVENT';

describe('liberal decode: deliver what can be read, warn once per deviation', () => {
  it('a well-formed frame gives no warning', () => {
    const { msg, warnings } = liberal(frame(24, endCallFixed().bytes(fstr(24, 25, '16777217'))), 24);
    assert.equal(msg.connectionDeviceId, '16777217');
    assert.deepStrictEqual(warnings, []);
  });

  it('a STRING one byte over its maximum keeps the whole string (string-too-long)', () => {
    const long = 'x'.repeat(64); // ConnectionDeviceID: 64 bytes including the NUL
    const msg = deviation(frame(24, endCallFixed().bytes(fstr(24, 25, long))), 24, {
      kind: 'string-too-long',
      field: 'connectionDeviceId',
      code: 'E_CTI_INVALID_FIELD_LENGTH',
      messageType: END_CALL,
    });
    assert.equal(msg.connectionDeviceId, long);
  });

  it('a 13-byte SupervisorID (limit 12) in a v15 SET_AGENT_STATE_REQ', () => {
    const req = encodeMessage(
      {
        messageType: 'SET_AGENT_STATE_REQ',
        invokeId: 1,
        peripheralId: 5000,
        agentState: 3,
        agentWorkMode: 0,
        numSkillGroups: 0,
        eventReasonCode: 0,
        forcedFlag: 0,
        agentServiceReq: 0,
        agentInstrument: '2001',
        agentId: '1001',
        supervisorId: 'x'.repeat(11),
      },
      15,
    );
    const fields = floatingFields(req, 15).map((fl) => (fl[0] === 69 ? fstr(15, 69, 'y'.repeat(12)) : fl));
    const msg = deviation(rebuild(req, 15, fields), 15, {
      kind: 'string-too-long',
      field: 'supervisorId',
      code: 'E_CTI_INVALID_FIELD_LENGTH',
      messageType: 'SET_AGENT_STATE_REQ',
    });
    assert.equal(msg.supervisorId, 'y'.repeat(12));
    assert.equal(msg.agentId, '1001');
  });

  it('NumNamedVariables that disagrees with the fields present keeps both as read (count-mismatch)', () => {
    const nv = floating(24, 82, new Bytes().str('user.a').str('1'));
    const msg = deviation(
      frame(
        9,
        deliveredFixed(2, 0)
          .bytes(fstr(24, 25, '1'))
          .bytes(nv),
      ),
      24,
      {
        kind: 'count-mismatch',
        field: 'numNamedVariables',
        code: 'E_CTI_INVALID_NUM_NAMED_VARIABLES',
        messageType: DELIVERED,
      },
    );
    assert.equal(msg.numNamedVariables, 2);
    assert.deepStrictEqual(msg.namedVariables, [{ name: 'user.a', value: '1' }]);
  });

  it('NumNamedArrays that disagrees (count-mismatch)', () => {
    const na = floating(24, 83, new Bytes().u8(3).str('user.arr').str('v'));
    const msg = deviation(
      frame(
        9,
        deliveredFixed(0, 0)
          .bytes(fstr(24, 25, '1'))
          .bytes(na),
      ),
      24,
      {
        kind: 'count-mismatch',
        field: 'numNamedArrays',
        code: 'E_CTI_INVALID_NUM_NAMED_ARRAYS',
        messageType: DELIVERED,
      },
    );
    assert.equal(msg.numNamedArrays, 0);
    assert.deepStrictEqual(msg.namedArrays, [{ name: 'user.arr', index: 3, value: 'v' }]);
  });

  it('an unknown tag is kept in unknownFields (unknown-tag, field named by tag)', () => {
    const f = frame(
      24,
      endCallFixed()
        .bytes(floating(24, 4000, new Bytes().raw('00ff7f')))
        .bytes(fstr(24, 25, '1')),
    );
    const msg = deviation(f, 24, {
      kind: 'unknown-tag',
      field: 'tag 4000',
      code: 'E_CTI_INVALID_FIELD_TAG',
      messageType: END_CALL,
    });
    assert.deepStrictEqual(msg.unknownFields, [{ tag: 4000, data: Buffer.from([0, 0xff, 0x7f]) }]);
    assert.equal(msg.connectionDeviceId, '1');
  });

  it("a known tag of another message is kept, named by the tag table's name (unknown-tag)", () => {
    const f = frame(
      24,
      endCallFixed()
        .bytes(fstr(24, 25, '1'))
        .bytes(fstr(24, 5, '1001')),
    );
    const msg = deviation(f, 24, {
      kind: 'unknown-tag',
      field: 'AGENT_ID_TAG',
      code: 'E_CTI_INVALID_TAG_FOR_MSG_TYPE',
      messageType: END_CALL,
    });
    assert.deepStrictEqual(msg.unknownFields, [{ tag: 5, data: Buffer.from('1001\0', 'latin1') }]);
  });

  describe('a fixed part longer than the negotiated version’s (a newer server)', () => {
    it('4 extra bytes before the floating part are skipped (fixed-part-longer)', () => {
      const f = frame(
        24,
        endCallFixed()
          .u32(0x12345678)
          .bytes(fstr(24, 25, '16777217')),
      );
      const msg = deviation(f, 24, {
        kind: 'fixed-part-longer',
        field: undefined,
        code: 'E_CTI_INVALID_FIELD_LENGTH',
        messageType: END_CALL,
      });
      assert.equal(msg.connectionCallId, 0x01000001);
      assert.equal(msg.connectionDeviceId, '16777217');
      assert.equal(msg.unknownFields, undefined);
    });

    it('an extra zero field (which reads as tag 0, length 0) is skipped too', () => {
      const f = frame(
        24,
        endCallFixed()
          .u32(0)
          .bytes(fstr(24, 25, '16777217')),
      );
      const { msg, warnings } = liberal(f, 24);
      assert.deepStrictEqual(
        warnings.map((w) => w.kind),
        ['fixed-part-longer'],
      );
      assert.equal(msg.connectionDeviceId, '16777217');
      assert.equal(msg.unknownFields, undefined);
    });

    it('a v19 AGENT_STATE_EVENT (DepartmentID added) read at v18', () => {
      for (const departmentId of [0, 4711]) {
        const f = encodeMessage({ ...AGENT_STATE, departmentId }, 19);
        const { msg, warnings } = liberal(f, 18);
        assert.deepStrictEqual(
          warnings.map((w) => `${w.kind} ${w.field}`),
          ['fixed-part-longer undefined'],
        );
        assert.deepStrictEqual(msg, AGENT_STATE, `departmentId ${departmentId}`);
      }
    });

    it('a message without floating fields (HEARTBEAT_CONF with 4 more bytes)', () => {
      const f = frame(6, new Bytes().u32(42).u32(5));
      const { msg, warnings } = liberal(f, 24);
      assert.deepStrictEqual(msg, { messageType: 'HEARTBEAT_CONF', invokeId: 42 });
      assert.deepStrictEqual(
        warnings.map((w) => w.kind),
        ['fixed-part-longer'],
      );
    });
  });

  it('a group member before its partner is delivered in wire order (out-of-order)', () => {
    const begin = encodeMessage(
      {
        messageType: 'BEGIN_CALL_EVENT',
        monitorId: 7,
        peripheralId: 5000,
        peripheralType: 17,
        numCtiClients: 1,
        numNamedVariables: 0,
        numNamedArrays: 0,
        callType: 1,
        connectionDeviceIdType: 1,
        connectionCallId: 0x01000001,
        calledPartyDisposition: 0,
        connectionDeviceId: '16777217',
        ctiClientSignature: ['crm'],
        ctiClientTimestamp: [1700000000],
      },
      24,
    );
    const fields = floatingFields(begin, 24);
    const sig = fields.findIndex((fl) => fl.readUInt16BE(0) === 23);
    assert.equal(fields[sig + 1].readUInt16BE(0), 24, 'the encoder writes the timestamp after its signature');
    [fields[sig], fields[sig + 1]] = [fields[sig + 1], fields[sig]];
    const msg = deviation(rebuild(begin, 24, fields), 24, {
      kind: 'out-of-order',
      field: 'ctiClientTimestamp',
      code: 'E_CTI_BAD_MESSAGE_FORMAT',
      messageType: 'BEGIN_CALL_EVENT',
    });
    assert.deepStrictEqual(msg.ctiClientSignature, ['crm']);
    assert.deepStrictEqual(msg.ctiClientTimestamp, [1700000000]);
  });

  it('a single field twice: the first is the value, the copy kept (count-mismatch)', () => {
    const f = frame(
      24,
      endCallFixed()
        .bytes(fstr(24, 25, '1'))
        .bytes(fstr(24, 25, '2')),
    );
    const msg = deviation(f, 24, {
      kind: 'count-mismatch',
      field: 'connectionDeviceId',
      code: 'E_CTI_BAD_MESSAGE_FORMAT',
      messageType: END_CALL,
    });
    assert.equal(msg.connectionDeviceId, '1');
    assert.deepStrictEqual(msg.unknownFields, [{ tag: 25, data: Buffer.from('2\0', 'latin1') }]);
  });

  it('a repeating field over its maximum count keeps every entry (100 FltSkillGroups, limit 99)', () => {
    const n = 100;
    const groups = {
      fltSkillGroupNumber: Array.from({ length: n }, (_, i) => 100 + i),
      fltSkillGroupId: Array.from({ length: n }, (_, i) => 200 + i),
      fltSkillGroupPriority: Array.from({ length: n }, () => 0),
      fltSkillGroupState: Array.from({ length: n }, () => 3),
    };
    const f = encodeMessage({ ...AGENT_STATE, departmentId: 0, ...groups }, 24);
    const { msg, warnings } = liberal(f, 24);
    assert.deepStrictEqual(
      warnings.map((w) => `${w.kind} ${w.field}`),
      ['fltSkillGroupNumber', 'fltSkillGroupId', 'fltSkillGroupPriority', 'fltSkillGroupState'].map(
        (k) => `count-mismatch ${k}`,
      ),
    );
    assert.equal(msg.numFltSkillGroups, n);
    assert.deepStrictEqual(msg.fltSkillGroupId, groups.fltSkillGroupId);
    assert.throws(() => decodeMessage(f, 24, { strict: true }), CtiProtocolError);
  });

  it('characters after a STRING’s NUL are dropped (invalid-character); NUL padding is fine', () => {
    const f = frame(24, endCallFixed().bytes(floating(24, 25, new Bytes().str('123').str('junk'))));
    const msg = deviation(f, 24, {
      kind: 'invalid-character',
      field: 'connectionDeviceId',
      code: 'E_CTI_INVALID_CHARACTER',
      messageType: END_CALL,
    });
    assert.equal(msg.connectionDeviceId, '123');
    const padded = frame(24, endCallFixed().bytes(floating(24, 25, new Bytes().str('123').raw('0000'))));
    assert.deepStrictEqual(liberal(padded, 24).warnings, []);
    assert.equal(decodeMessage(padded, 24, { strict: true }).connectionDeviceId, '123');
  });

  it('a STRING without its NUL keeps every byte (other)', () => {
    const f = frame(24, endCallFixed().bytes(floating(24, 25, new Bytes().chars('16777217'))));
    const msg = deviation(f, 24, {
      kind: 'other',
      field: 'connectionDeviceId',
      code: 'E_CTI_BAD_MESSAGE_FORMAT',
      messageType: END_CALL,
    });
    assert.equal(msg.connectionDeviceId, '16777217');
  });

  it('a NAMEDVAR without a NUL between name and value keeps the name (other)', () => {
    const f = frame(
      9,
      deliveredFixed(1, 0)
        .bytes(fstr(24, 25, '1'))
        .bytes(floating(24, 82, new Bytes().chars('abc'))),
    );
    const msg = deviation(f, 24, {
      kind: 'other',
      field: 'namedVariables',
      code: 'E_CTI_BAD_MESSAGE_FORMAT',
      messageType: DELIVERED,
    });
    assert.deepStrictEqual(msg.namedVariables, [{ name: 'abc', value: '' }]);
  });

  it('a UINT field with the wrong length is kept raw (bad-field-length)', () => {
    const f = frame(
      9,
      deliveredFixed(0, 0)
        .bytes(fstr(24, 25, '1'))
        .bytes(floating(24, 121, new Bytes().raw('000001'))),
    );
    const msg = deviation(f, 24, {
      kind: 'bad-field-length',
      field: 'trunkNumber',
      code: 'E_CTI_INVALID_FIELD_LENGTH',
      messageType: DELIVERED,
    });
    assert.equal(msg.trunkNumber, undefined);
    assert.deepStrictEqual(msg.unknownFields, [{ tag: 121, data: Buffer.from([0, 0, 1]) }]);
    assert.equal(msg.connectionDeviceId, '1');
  });

  it('a missing required field (other)', () => {
    const msg = deviation(frame(24, endCallFixed()), 24, {
      kind: 'other',
      field: 'connectionDeviceId',
      code: 'E_CTI_REQUIRED_DATA_MISSING',
      messageType: END_CALL,
    });
    assert.equal(msg.connectionCallId, 0x01000001);
  });

  it('stray bytes after the last field (other)', () => {
    const f = frame(
      24,
      endCallFixed()
        .bytes(fstr(24, 25, '1'))
        .raw('0019 00'),
    );
    const msg = deviation(f, 24, {
      kind: 'other',
      field: undefined,
      code: 'E_CTI_INVALID_FIELD_LENGTH',
      messageType: END_CALL,
    });
    assert.equal(msg.connectionDeviceId, '1');
  });

  it('several deviations in one message: one warning each, in wire order', () => {
    const f = frame(
      9,
      deliveredFixed(1, 0)
        .bytes(fstr(24, 25, 'x'.repeat(70)))
        .bytes(fu32(24, 4001, 1)),
    );
    const { msg, warnings } = liberal(f, 24);
    assert.deepStrictEqual(warnings.map(decodeWarningKey), [
      'CALL_DELIVERED_EVENT.connectionDeviceId:string-too-long',
      'CALL_DELIVERED_EVENT.tag 4001:unknown-tag',
      'CALL_DELIVERED_EVENT.numNamedVariables:count-mismatch',
    ]);
    assert.equal(msg.connectionDeviceId.length, 70);
  });

  it('still unreadable: a field running past the end, a fixed part too short', () => {
    const cut = fstr(24, 25, '16777217').subarray(0, 8);
    for (const f of [frame(24, endCallFixed().bytes(cut)), frame(24, new Bytes().u32(7).u32(5000))]) {
      const warnings: DecodeWarning[] = [];
      assert.throws(() => decodeMessage(f, 24, { onWarning: (w) => warnings.push(w) }), CtiProtocolError);
      assert.deepStrictEqual(warnings, []);
    }
  });

  it('decodeWarningKey: stable, without values', () => {
    const w: DecodeWarning = {
      messageType: 'CALL_DELIVERED_EVENT',
      messageTypeId: 9,
      field: 'ani',
      kind: 'string-too-long',
      detail: '41 bytes; the limit is 40',
    };
    assert.equal(decodeWarningKey(w), 'CALL_DELIVERED_EVENT.ani:string-too-long');
    assert.equal(
      decodeWarningKey({ ...w, detail: '50 bytes', field: undefined }),
      'CALL_DELIVERED_EVENT.-:string-too-long',
    );
  });
});
