/**
 * Bad input on both paths (issue 3, item 5): each case is a typed CtiProtocolError with the guide's E_CTI_* code,
 * the message it is about and the field — never a crash, never a silent loss. Decoding deviations throw only when
 * decoding strictly (what the simulator does); the liberal default delivers them with a warning (liberal.spec.ts).
 */
import { strict as assert } from 'assert';
import { CtiProtocolError, decodeMessage, encodeMessage, type CtiMessage } from '../../lib/protocol';
import { Bytes, floating, frame, fstr, fu32 } from './test-buffers';
import { deliveredFixed, endCallFixed } from './fixed-parts';

const STRICT = { strict: true } as const;

function expectError(fn: () => unknown, code: string, messageType?: string, field?: string): CtiProtocolError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(
    caught instanceof CtiProtocolError,
    `expected a CtiProtocolError ${code}, got ${caught instanceof Error ? caught.stack : String(caught)}`,
  );
  assert.equal(caught.code, code, caught.message);
  assert.equal(caught.messageType, messageType, `messageType of: ${caught.message}`);
  assert.equal(caught.field, field, `field of: ${caught.message}`);
  assert.ok(caught.message.length > 0);
  return caught;
}

const END_CALL: CtiMessage = {
  messageType: 'END_CALL_EVENT',
  monitorId: 7,
  peripheralId: 5000,
  peripheralType: 17,
  connectionDeviceIdType: 1,
  connectionCallId: 0x01000001,
  connectionDeviceId: '16777217',
};

const SET_CALL_DATA: CtiMessage = {
  messageType: 'SET_CALL_DATA_REQ',
  invokeId: 1,
  peripheralId: 5000,
  connectionDeviceIdType: 1,
  connectionCallId: 0x01000001,
  callType: 0,
  calledPartyDisposition: 0,
  campaignId: 0,
  queryRuleId: 0,
  connectionDeviceId: '16777217',
};

describe('bad input', () => {
  describe('decode: frame length', () => {
    it('MessageLength over the maximum', () => {
      const f = Buffer.concat([
        new Bytes()
          .u32(12500 - 8 + 1)
          .u32(24)
          .build(),
        Buffer.alloc(12500 - 8 + 1),
      ]);
      expectError(() => decodeMessage(f, 24), 'E_CTI_INVALID_MESSAGE_LENGTH', 'END_CALL_EVENT');
    });

    it('MessageLength over a configured maximum', () => {
      const f = frame(24, endCallFixed().bytes(fstr(24, 25, 'x'.repeat(50))));
      assert.equal(decodeMessage(f, 24).messageType, 'END_CALL_EVENT');
      expectError(
        () => decodeMessage(f, 24, { maxMessageLength: f.length - 1 }),
        'E_CTI_INVALID_MESSAGE_LENGTH',
        'END_CALL_EVENT',
      );
    });

    it('MessageLength that disagrees with the frame (longer and shorter)', () => {
      const good = frame(24, endCallFixed().bytes(fstr(24, 25, '1')));
      const longer = Buffer.from(good);
      longer.writeUInt32BE(good.length - 8 + 1, 0);
      expectError(() => decodeMessage(longer, 24), 'E_CTI_INVALID_MESSAGE_LENGTH', 'END_CALL_EVENT');
      const shorter = Buffer.from(good);
      shorter.writeUInt32BE(good.length - 8 - 1, 0);
      expectError(() => decodeMessage(shorter, 24), 'E_CTI_INVALID_MESSAGE_LENGTH', 'END_CALL_EVENT');
    });

    it('a frame shorter than the 8-byte header', () => {
      for (let n = 0; n < 8; n++) {
        expectError(() => decodeMessage(Buffer.alloc(n), 24), 'E_CTI_INVALID_MESSAGE_LENGTH', undefined, undefined);
      }
    });
  });

  describe('decode: fixed part', () => {
    it('fixed part too short → E_CTI_BAD_MESSAGE_FORMAT', () => {
      const f = frame(24, new Bytes().u32(7).u32(5000).u16(17).u16(1).u16(0)); // 14 of 16 bytes
      expectError(() => decodeMessage(f, 24), 'E_CTI_BAD_MESSAGE_FORMAT', 'END_CALL_EVENT');
      expectError(() => decodeMessage(f, 24, STRICT), 'E_CTI_BAD_MESSAGE_FORMAT', 'END_CALL_EVENT');
    });

    it('OPEN_CONF with the v15 fixed part (26 bytes) decoded as v24 (needs 32)', () => {
      const f = frame(4, new Bytes().u32(1).u32(1).u32(1).u32(0).u32(0).u16(1).u16(17).u16(3));
      assert.equal(decodeMessage(f, 15).messageType, 'OPEN_CONF');
      expectError(() => decodeMessage(f, 24), 'E_CTI_BAD_MESSAGE_FORMAT', 'OPEN_CONF');
    });
  });

  describe('decode: floating part', () => {
    it('a floating field running past the end of the message (v15 and v24)', () => {
      for (const v of [15, 24]) {
        const field = fstr(v, 25, '16777217');
        const cut = field.subarray(0, field.length - 2); // header says 9 data bytes, 7 present
        const f = frame(24, endCallFixed().bytes(cut));
        // Unreadable in either mode.
        for (const strict of [false, true]) {
          expectError(
            () => decodeMessage(f, v, { strict }),
            'E_CTI_INVALID_FIELD_LENGTH',
            'END_CALL_EVENT',
            'connectionDeviceId',
          );
        }
      }
    });

    it('stray bytes where a floating field header should be', () => {
      const f15 = frame(
        24,
        endCallFixed()
          .bytes(fstr(15, 25, '1'))
          .u8(25),
      ); // 1 byte, header needs 2
      expectError(() => decodeMessage(f15, 15, STRICT), 'E_CTI_INVALID_FIELD_LENGTH', 'END_CALL_EVENT');
      const f24 = frame(
        24,
        endCallFixed()
          .bytes(fstr(24, 25, '1'))
          .raw('0019 00'),
      ); // 3 bytes, header needs 4
      expectError(() => decodeMessage(f24, 24, STRICT), 'E_CTI_INVALID_FIELD_LENGTH', 'END_CALL_EVENT');
    });

    it('a STRING without its NUL', () => {
      const f = frame(24, endCallFixed().bytes(floating(24, 25, new Bytes().chars('16777217'))));
      expectError(
        () => decodeMessage(f, 24, STRICT),
        'E_CTI_BAD_MESSAGE_FORMAT',
        'END_CALL_EVENT',
        'connectionDeviceId',
      );
    });

    it('a STRING over its max (ConnectionDeviceID 64 incl. NUL)', () => {
      const ok = frame(24, endCallFixed().bytes(fstr(24, 25, 'x'.repeat(63))));
      assert.equal(decodeMessage(ok, 24).connectionDeviceId, 'x'.repeat(63));
      const f = frame(24, endCallFixed().bytes(fstr(24, 25, 'x'.repeat(64))));
      expectError(
        () => decodeMessage(f, 24, STRICT),
        'E_CTI_INVALID_FIELD_LENGTH',
        'END_CALL_EVENT',
        'connectionDeviceId',
      );
    });

    it('a UINT field with the wrong length', () => {
      const f = frame(
        9,
        deliveredFixed(0, 0)
          .bytes(fstr(24, 25, '1'))
          .bytes(floating(24, 121, new Bytes().raw('000001'))),
      );
      expectError(
        () => decodeMessage(f, 24, STRICT),
        'E_CTI_INVALID_FIELD_LENGTH',
        'CALL_DELIVERED_EVENT',
        'trunkNumber',
      );
    });

    it('a malformed NAMEDVAR (no NUL between name and value)', () => {
      const f = frame(
        9,
        deliveredFixed(1, 0)
          .bytes(fstr(24, 25, '1'))
          .bytes(floating(24, 82, new Bytes().chars('abc'))),
      );
      expectError(
        () => decodeMessage(f, 24, STRICT),
        'E_CTI_BAD_MESSAGE_FORMAT',
        'CALL_DELIVERED_EVENT',
        'namedVariables',
      );
    });

    it('a known tag that does not belong to the message: lenient keeps it in unknownFields, strict refuses', () => {
      // AGENT_ID_TAG (5) is a known tag, but not a field of END_CALL_EVENT.
      const agentId = fstr(24, 5, '1001');
      const f = frame(
        24,
        endCallFixed()
          .bytes(fstr(24, 25, '1'))
          .bytes(agentId),
      );
      const msg = decodeMessage(f, 24);
      assert.deepStrictEqual(msg.unknownFields, [{ tag: 5, data: Buffer.from('1001\0', 'latin1') }]);
      assert.equal(msg.connectionDeviceId, '1');
      const e = expectError(
        () => decodeMessage(f, 24, { strict: true }),
        'E_CTI_INVALID_TAG_FOR_MSG_TYPE',
        'END_CALL_EVENT',
        'AGENT_ID_TAG',
      );
      assert.match(e.message, /5/);
    });

    it('an unknown tag is kept with its raw bytes (v15 and v24); strict → E_CTI_INVALID_FIELD_TAG', () => {
      for (const [v, tag] of [
        [15, 54], // reserved in the tag table
        [24, 4000],
      ]) {
        const f = frame(
          24,
          endCallFixed()
            .bytes(floating(v, tag, new Bytes().raw('00ff7f')))
            .bytes(fstr(v, 25, '1')),
        );
        const msg = decodeMessage(f, v);
        assert.deepStrictEqual(msg.unknownFields, [{ tag, data: Buffer.from([0, 0xff, 0x7f]) }]);
        assert.equal(msg.connectionDeviceId, '1');
        expectError(() => decodeMessage(f, v, { strict: true }), 'E_CTI_INVALID_FIELD_TAG', 'END_CALL_EVENT');
      }
    });

    it('a field a later version added is unknown in an earlier version (MaxBeyondTaskLimit before v22)', () => {
      const fixed = new Bytes()
        .u32(0)
        .u32(1)
        .u32(2)
        .u16(3)
        .u16(4)
        .u32(5)
        .u32(6)
        .u32(7)
        .u16(8)
        .u16(9)
        .u16(10)
        .i32(11)
        .u32(12)
        .u16(13)
        .u32(14)
        .i32(15)
        .u32(16)
        .u16(0)
        .i32(17);
      const f = frame(30, new Bytes().bytes(fixed).bytes(fu32(20, 266, 3)));
      assert.equal(decodeMessage(f, 22).maxBeyondTaskLimit, 3);
      const old = decodeMessage(f, 20);
      assert.equal(old.maxBeyondTaskLimit, undefined);
      assert.deepStrictEqual(old.unknownFields, [{ tag: 266, data: Buffer.from([0, 0, 0, 3]) }]);
    });

    it('NumNamedVariables that disagrees with the fields present', () => {
      const nv = floating(24, 82, new Bytes().str('user.a').str('1'));
      const f = frame(
        9,
        deliveredFixed(2, 0)
          .bytes(fstr(24, 25, '1'))
          .bytes(nv),
      );
      expectError(
        () => decodeMessage(f, 24, STRICT),
        'E_CTI_INVALID_NUM_NAMED_VARIABLES',
        'CALL_DELIVERED_EVENT',
        'numNamedVariables',
      );
      const none = frame(9, deliveredFixed(1, 0).bytes(fstr(24, 25, '1')));
      expectError(
        () => decodeMessage(none, 24, STRICT),
        'E_CTI_INVALID_NUM_NAMED_VARIABLES',
        'CALL_DELIVERED_EVENT',
        'numNamedVariables',
      );
    });

    it('NumNamedArrays that disagrees with the fields present', () => {
      const na = floating(24, 83, new Bytes().u8(0).str('user.arr').str('1'));
      const f = frame(
        9,
        deliveredFixed(0, 0)
          .bytes(fstr(24, 25, '1'))
          .bytes(na),
      );
      expectError(
        () => decodeMessage(f, 24, STRICT),
        'E_CTI_INVALID_NUM_NAMED_ARRAYS',
        'CALL_DELIVERED_EVENT',
        'numNamedArrays',
      );
    });
  });

  describe('decode: message types', () => {
    it('an unknown message type → { messageType: UNKNOWN, messageTypeId, body }', () => {
      const f = frame(60000, new Bytes().raw('0102030405'));
      assert.deepStrictEqual(decodeMessage(f, 24), {
        messageType: 'UNKNOWN',
        messageTypeId: 60000,
        body: Buffer.from([1, 2, 3, 4, 5]),
      });
    });

    it('a type known only by name keeps its body raw (CLIENT_EVENT_REPORT_REQ, 32)', () => {
      const f = frame(32, new Bytes().raw('cafe'));
      assert.deepStrictEqual(decodeMessage(f, 24), {
        messageType: 'CLIENT_EVENT_REPORT_REQ',
        messageTypeId: 32,
        body: Buffer.from([0xca, 0xfe]),
      });
    });

    it('the body of an unknown message is a copy, not a view of the frame', () => {
      const f = frame(60000, new Bytes().raw('01'));
      const msg = decodeMessage(f, 24);
      f[8] = 0x99;
      assert.equal(msg.body[0], 1);
    });
  });

  describe('encode', () => {
    it('a missing required fixed field', () => {
      const { monitorId: _omit, ...msg } = END_CALL;
      expectError(() => encodeMessage(msg, 24), 'E_CTI_REQUIRED_DATA_MISSING', 'END_CALL_EVENT', 'monitorId');
    });

    it('a missing required floating field', () => {
      const { connectionDeviceId: _omit, ...msg } = END_CALL;
      expectError(() => encodeMessage(msg, 24), 'E_CTI_REQUIRED_DATA_MISSING', 'END_CALL_EVENT', 'connectionDeviceId');
    });

    it('a wrong type (string for UINT, number for STRING, out-of-range USHORT, non-integer)', () => {
      expectError(
        () => encodeMessage({ ...END_CALL, monitorId: '7' }, 24),
        'E_CTI_BAD_MESSAGE_FORMAT',
        'END_CALL_EVENT',
        'monitorId',
      );
      expectError(
        () => encodeMessage({ ...END_CALL, connectionDeviceId: 16777217 }, 24),
        'E_CTI_BAD_MESSAGE_FORMAT',
        'END_CALL_EVENT',
        'connectionDeviceId',
      );
      expectError(
        () => encodeMessage({ ...END_CALL, peripheralType: 0x10000 }, 24),
        'E_CTI_BAD_MESSAGE_FORMAT',
        'END_CALL_EVENT',
        'peripheralType',
      );
      expectError(
        () => encodeMessage({ ...END_CALL, connectionCallId: 1.5 }, 24),
        'E_CTI_BAD_MESSAGE_FORMAT',
        'END_CALL_EVENT',
        'connectionCallId',
      );
      expectError(
        () => encodeMessage({ ...END_CALL, connectionCallId: -1 }, 24),
        'E_CTI_BAD_MESSAGE_FORMAT',
        'END_CALL_EVENT',
        'connectionCallId',
      );
    });

    it('a repeating field given as a scalar', () => {
      expectError(
        () => encodeMessage({ ...SET_CALL_DATA, namedVariables: { name: 'a', value: 'b' } }, 24),
        'E_CTI_BAD_MESSAGE_FORMAT',
        'SET_CALL_DATA_REQ',
        'namedVariables',
      );
    });

    it('an over-long string names the field and the limit', () => {
      const e = expectError(
        () => encodeMessage({ ...SET_CALL_DATA, callVariable3: 'x'.repeat(52) }, 24),
        'E_CTI_INVALID_FIELD_LENGTH',
        'SET_CALL_DATA_REQ',
        'callVariable3',
      );
      assert.match(e.message, /callVariable3 is 52 characters; the limit is 40/);
    });

    it('an over-long UNSPEC (UserToUserInfo max 131)', () => {
      expectError(
        () => encodeMessage({ ...SET_CALL_DATA, userToUserInfo: Buffer.alloc(132) }, 24),
        'E_CTI_INVALID_FIELD_LENGTH',
        'SET_CALL_DATA_REQ',
        'userToUserInfo',
      );
    });

    it('a character outside latin1', () => {
      expectError(
        () => encodeMessage({ ...SET_CALL_DATA, callVariable1: 'snow ☃' }, 24),
        'E_CTI_INVALID_CHARACTER',
        'SET_CALL_DATA_REQ',
        'callVariable1',
      );
      expectError(
        () => encodeMessage({ ...SET_CALL_DATA, namedVariables: [{ name: 'user.x', value: '€' }] }, 24),
        'E_CTI_INVALID_CHARACTER',
        'SET_CALL_DATA_REQ',
        'namedVariables.value',
      );
    });

    it('ECC data over 2000 bytes → E_CTI_TOO_MUCH_DATA', () => {
      // 10 variables of 4 + 10 + 201 = 215 bytes each (v24 TLV) = 2150 > 2000.
      const namedVariables = Array.from({ length: 10 }, (_, i) => ({ name: `user.var${i}`, value: 'v'.repeat(200) }));
      expectError(
        () => encodeMessage({ ...SET_CALL_DATA, namedVariables }, 24),
        'E_CTI_TOO_MUCH_DATA',
        'SET_CALL_DATA_REQ',
        'namedVariables',
      );
      // 9 of them fit (1935 bytes).
      assert.ok(encodeMessage({ ...SET_CALL_DATA, namedVariables: namedVariables.slice(0, 9) }, 24).length > 1935);
    });

    it('a field whose tag is above 255 is not part of layouts before version 20 (AGENT_STATE_EVENT ActiveTerminal, tag 303)', () => {
      const agentState: CtiMessage = {
        messageType: 'AGENT_STATE_EVENT',
        monitorId: 0,
        peripheralId: 1,
        sessionId: 2,
        peripheralType: 3,
        skillGroupState: 4,
        stateDuration: 5,
        skillGroupNumber: 6,
        skillGroupId: 7,
        skillGroupPriority: 8,
        agentState: 9,
        eventReasonCode: 10,
        mrdid: 11,
        numTasks: 12,
        agentMode: 13,
        maxTaskLimit: 14,
        icmAgentId: 15,
        agentAvailabilityStatus: 16,
        departmentId: 17,
        activeTerminal: 'SEP1',
      };
      assert.equal(decodeMessage(encodeMessage(agentState, 20), 20).activeTerminal, 'SEP1');
      const v19 = encodeMessage(agentState, 19);
      assert.equal(v19.indexOf(Buffer.from('SEP1')), -1, 'one-byte tags cannot carry tag 303');
      assert.equal(decodeMessage(v19, 19).activeTerminal, undefined);
    });

    it('an unknown messageType name', () => {
      expectError(
        () => encodeMessage({ messageType: 'NO_SUCH_MESSAGE' }, 24),
        'E_CTI_BAD_MESSAGE_FORMAT',
        'NO_SUCH_MESSAGE',
      );
    });

    it('a failed encode leaves nothing behind: the next encode is exact', () => {
      const good = encodeMessage(END_CALL, 24);
      expectError(
        () => encodeMessage({ ...SET_CALL_DATA, callVariable3: 'x'.repeat(52) }, 24),
        'E_CTI_INVALID_FIELD_LENGTH',
        'SET_CALL_DATA_REQ',
        'callVariable3',
      );
      assert.ok(encodeMessage(END_CALL, 24).equals(good));
    });
  });
});
