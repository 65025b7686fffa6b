/**
 * The generated encoders/decoders (issue 15, item 4): printable for debugging, and reaching nothing but their
 * typed helpers. The helper names used inside the generated text are checked here for every message and
 * version, on top of the compile-time check of the code writers.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { MESSAGE_DEFS, SUPPORTED_VERSIONS, explainCodec, getPlan } from '../../lib/protocol';
import { decoderHelpers } from '../../lib/protocol/decode-helpers';
import { encoderHelpers } from '../../lib/protocol/encode-helpers';

const helperCalls = (src: string): string[] => [...src.matchAll(/\bh\.(\w+)\(/g)].map((m) => m[1]);

describe('generated codec code', () => {
  it('explainCodec prints the encoder and decoder of a message (name or number)', () => {
    const src = explainCodec('CALL_DELIVERED_EVENT', 24);
    assert.equal(src.messageType, 'CALL_DELIVERED_EVENT');
    assert.match(src.encoder, /function encode_CALL_DELIVERED_EVENT_v24\(m, w\)/);
    assert.match(src.decoder, /function decode_CALL_DELIVERED_EVENT_v24\(buf, start, end, cx\)/);
    assert.match(src.decoder, /m\.connectionDeviceId/);
    assert.deepStrictEqual(explainCodec(9, 24), src);
    assert.throws(() => explainCodec('NO_SUCH_MESSAGE', 24), RangeError);
    assert.throws(() => explainCodec('CALL_DELIVERED_EVENT', 3), RangeError);
  });

  it('every generated function calls only helpers that exist, for every message and version', () => {
    const enc = new Set(Object.keys(encoderHelpers));
    const dec = new Set(Object.keys(decoderHelpers));
    let n = 0;
    for (const def of MESSAGE_DEFS) {
      for (const v of SUPPORTED_VERSIONS) {
        if (getPlan(def.id, v) === undefined) continue;
        const src = explainCodec(def.name, v);
        for (const h of helperCalls(src.encoder)) assert.ok(enc.has(h), `${def.name} v${v} encoder calls h.${h}`);
        for (const h of helperCalls(src.decoder)) assert.ok(dec.has(h), `${def.name} v${v} decoder calls h.${h}`);
        n++;
      }
    }
    assert.ok(n > MESSAGE_DEFS.length * 5, `${n} layouts checked`);
  });

  it('npm run codec:print prints a message’s code; a bad name is an error', function () {
    this.timeout(30_000);
    const root = path.join(__dirname, '..', '..');
    const script = path.join(root, 'lib', 'protocol', 'print-codec.ts');
    const ok = spawnSync(process.execPath, ['-r', 'tsx/cjs', script, 'HEARTBEAT_REQ', '15'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /encode_HEARTBEAT_REQ_v15/);
    assert.match(ok.stdout, /decode_HEARTBEAT_REQ_v15/);
    const bad = spawnSync(process.execPath, ['-r', 'tsx/cjs', script, 'NOPE'], { cwd: root, encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /NOPE has no field layout/);
  });
});
