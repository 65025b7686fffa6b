/**
 * Property test: for every laid-out message and every supported version, random valid messages survive
 * encode → decode unchanged (count fields included). Fixed seed, so a failure is reproducible.
 */
import { strict as assert } from 'assert';
import { MESSAGE_DEFS, SUPPORTED_VERSIONS, decodeMessage, encodeMessage } from '../../lib/protocol';
import { Rng, messageExistsIn, randomMessage } from './random-messages';

const SEED = 0x5eed2024;
const PER_MESSAGE_AND_VERSION = 30; // × 11 versions ≈ 330 per message

describe('round trip: decode(encode(m)) deep-equals m', () => {
  it('covers versions 15..25', () => {
    assert.deepStrictEqual([...SUPPORTED_VERSIONS], [15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
  });

  for (const def of MESSAGE_DEFS) {
    it(`${def.name} (${def.id})`, () => {
      const rng = new Rng(SEED ^ (def.id * 2654435761));
      let checked = 0;
      for (const v of SUPPORTED_VERSIONS) {
        if (!messageExistsIn(def, v)) continue;
        for (let i = 0; i < PER_MESSAGE_AND_VERSION; i++) {
          const msg = randomMessage(rng, def, v);
          let frame: Buffer;
          try {
            frame = encodeMessage(msg, v);
          } catch (e) {
            assert.fail(`v${v} #${i}: encode threw ${(e as Error).message}\n${JSON.stringify(msg)}`);
          }
          const back = decodeMessage(frame, v);
          assert.deepStrictEqual(back, msg, `v${v} #${i}: ${frame.toString('hex')}`);
          // Strict decoding accepts what the encoder wrote (every tag belongs, every required field present).
          assert.deepStrictEqual(decodeMessage(frame, v, { strict: true }), msg, `v${v} #${i} strict`);
          checked++;
        }
      }
      assert.ok(checked > 0, 'message exists in no supported version');
    });
  }
});
