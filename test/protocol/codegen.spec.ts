/**
 * The generated encoders/decoders (issue 15, item 4; issue 21, part 3): TypeScript written by the build into
 * lib/protocol/generated/, up to date with the message tables, printable for debugging, reaching nothing but their
 * typed helpers, and what a stack trace points into. The helper names used inside the generated text are checked
 * here for every message and version, on top of the compile-time checks (the code writers, and tsc on the files).
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import {
  CtiProtocolError,
  MESSAGE_DEFS,
  SUPPORTED_VERSIONS,
  decodeMessage,
  encodeMessage,
  explainCodec,
  getPlan,
} from '../../lib/protocol';
import { generatedFor } from '../../lib/protocol/generated-codec';
import { DECODERS } from '../../lib/protocol/generated/decoders';
import { ENCODERS } from '../../lib/protocol/generated/encoders';
import { codecFiles } from '../../tools/write-codec';
import { decoderHelpers } from '../../lib/protocol/decode-helpers';
import { encoderHelpers } from '../../lib/protocol/encode-helpers';

const helperCalls = (src: string): string[] => [...src.matchAll(/\bh\.(\w+)\(/g)].map((m) => m[1]);

describe('generated codec code', () => {
  it('explainCodec prints the encoder and decoder of a message (name or number)', () => {
    const src = explainCodec('CALL_DELIVERED_EVENT', 24);
    assert.equal(src.messageType, 'CALL_DELIVERED_EVENT');
    // v20 (two-byte tags) to v25 share one layout: one function, named after its first version.
    assert.match(src.encoder, /^export function encode_CALL_DELIVERED_EVENT_v20\(m: CtiMessage, w: BufferWriter, plan/);
    assert.match(src.decoder, /^export function decode_CALL_DELIVERED_EVENT_v20\(buf: Buffer, start: number/);
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

  it('lib/protocol/generated/ holds what the build writes from the message tables now (npm run build)', async function () {
    this.timeout(20_000);
    for (const [file, want] of codecFiles()) {
      const have = await fs.readFile(file, 'utf8').catch(() => '(missing)');
      assert.ok(have === want, `${path.basename(file)} is stale: run npm run build`);
    }
  });

  it('the generated file serves every layout: each (message, version) has its function, named as explainCodec says', () => {
    for (const def of MESSAGE_DEFS) {
      for (const v of SUPPORTED_VERSIONS) {
        const plan = getPlan(def.id, v);
        if (plan === undefined) continue;
        const src = explainCodec(def.name, v);
        const enc = generatedFor(ENCODERS, plan, 'encoder');
        const dec = generatedFor(DECODERS, plan, 'decoder');
        assert.equal(enc.name, /function (\w+)/.exec(src.encoder)![1]);
        assert.equal(dec.name, /function (\w+)/.exec(src.decoder)![1]);
      }
    }
  });

  it('a message table changed since the build is refused with "run npm run build", not coded with the old layout', () => {
    const plan = getPlan(9, 24)!;
    const changed = { ...plan, floats: plan.floats.map((f, i) => (i === 0 ? { ...f, max: f.max + 1 } : f)) };
    assert.throws(() => generatedFor(DECODERS, changed, 'decoder'), /CALL_DELIVERED_EVENT v24: .*stale.*npm run build/);
    assert.throws(() => generatedFor(ENCODERS, { ...plan, id: 999999 }, 'encoder'), /missing.*npm run build/);
  });

  it('a stack trace points into the generated decoder and encoder, by name', () => {
    const frame = encodeMessage({ messageType: 'HEARTBEAT_REQ', invokeId: 1 }, 24);
    // Two stray bytes where a floating field should start: a deviation, thrown when decoding strictly.
    const bad = Buffer.concat([frame, Buffer.from([0, 0])]);
    bad.writeUInt32BE(bad.length - 8, 0);
    const err = (() => {
      try {
        decodeMessage(bad, 24, { strict: true });
      } catch (e) {
        return e as Error;
      }
      throw new Error('no error');
    })();
    assert.ok(err instanceof CtiProtocolError);
    assert.match(err.stack ?? '', /at (\S+\.)?decode_HEARTBEAT_REQ_v20 \(.*generated[\\/]decoders\.(ts|js):\d+/);
    assert.throws(
      () => encodeMessage({ messageType: 'HEARTBEAT_REQ', invokeId: -1 }, 24),
      (e: Error) => /at (\S+\.)?encode_HEARTBEAT_REQ_v15 \(.*generated[\\/]encoders\.(ts|js):\d+/.test(e.stack ?? ''),
    );
  });

  it('no code is made from strings anywhere in the package (new Function, eval)', async () => {
    const root = path.join(__dirname, '..', '..');
    const offenders: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await fs.readdir(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (/\.(ts|js)$/.test(e.name) && /\bnew Function\b|\beval\s*\(/.test(await fs.readFile(p, 'utf8')))
          offenders.push(path.relative(root, p));
      }
    };
    for (const dir of ['lib', 'nodes', 'cli']) await walk(path.join(root, dir)).catch(() => undefined);
    assert.deepEqual(offenders, []);
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
    assert.match(ok.stdout, /export function encode_HEARTBEAT_REQ_v15/);
    assert.match(ok.stdout, /export function decode_HEARTBEAT_REQ_v15/);
    const bad = spawnSync(process.execPath, ['-r', 'tsx/cjs', script, 'NOPE'], { cwd: root, encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /NOPE has no field layout/);
  });
});
