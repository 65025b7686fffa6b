/**
 * Seeded mutation fuzzing: valid frames of every laid-out message, in versions 15/19/20/22/24, are mutated
 * (bit flips, byte changes, truncation, extension, length-field edits, type swaps, splicing) and decoded.
 * Every outcome must be a decoded object or a CtiProtocolError — a TypeError, RangeError or anything else fails
 * with the seed, the index and the frame in hex so it can be replayed. Decoded results are re-encoded (an
 * encoder must not crash on what the decoder hands out either), and mutated streams go through FrameReader.
 */
import { strict as assert } from 'assert';
import {
  CtiProtocolError,
  FrameReader,
  MESSAGE_DEFS,
  decodeMessage,
  encodeMessage,
  type DecodeWarning,
} from '../../lib/protocol';
import { Rng, messageExistsIn, randomMessage } from './random-messages';

const SEED = 0xf022c0de;
const FRAMES = 100_000;
const STREAMS = 2_000;
const VERSIONS = [15, 19, 20, 22, 24];
const SEEDS_PER_MESSAGE = 4;

interface Seed {
  version: number;
  frame: Buffer;
}

function buildSeeds(rng: Rng): Seed[] {
  const seeds: Seed[] = [];
  for (const v of VERSIONS) {
    for (const def of MESSAGE_DEFS) {
      if (!messageExistsIn(def, v)) continue;
      for (let i = 0; i < SEEDS_PER_MESSAGE; i++)
        seeds.push({ version: v, frame: encodeMessage(randomMessage(rng, def, v), v) });
    }
  }
  return seeds;
}

const TYPE_IDS = [...MESSAGE_DEFS.map((d) => d.id), 0, 32, 60000, 0xffffffff];

function setLength(f: Buffer): void {
  if (f.length >= 4) f.writeUInt32BE(Math.max(0, f.length - 8) >>> 0, 0);
}

/** One random mutation; `other` is a second valid frame for splicing. */
function mutateOnce(rng: Rng, f: Buffer, other: Buffer): Buffer {
  const op = rng.int(0, 10);
  switch (op) {
    case 0: {
      // flip one bit
      if (f.length === 0) return f;
      const out = Buffer.from(f);
      out[rng.int(0, out.length - 1)] ^= 1 << rng.int(0, 7);
      return out;
    }
    case 1: {
      // set one byte, biased to the floating part's tag/length bytes
      if (f.length === 0) return f;
      const out = Buffer.from(f);
      out[rng.int(0, out.length - 1)] = rng.pick([0, 1, 0x7f, 0x80, 0xfe, 0xff, rng.int(0, 255)]);
      return out;
    }
    case 2:
      // truncate
      return Buffer.from(f.subarray(0, rng.int(0, f.length)));
    case 3:
      // extend with random bytes
      return Buffer.concat([f, rng.bytes(rng.int(1, 40))]);
    case 4: {
      // edit the MessageLength field
      if (f.length < 4) return f;
      const out = Buffer.from(f);
      const real = f.length - 8;
      out.writeUInt32BE(rng.pick([0, real - 1, real + 1, 12492, 12493, 0xffffffff, rng.int(0, 20000)]) >>> 0, 0);
      return out;
    }
    case 5: {
      // change the MessageType (decode one message's body as another's)
      if (f.length < 8) return f;
      const out = Buffer.from(f);
      out.writeUInt32BE(rng.pick(TYPE_IDS) >>> 0, 4);
      return out;
    }
    case 6: {
      // splice: head of this frame, tail of another
      const a = rng.int(0, f.length);
      const b = rng.int(0, other.length);
      return Buffer.concat([f.subarray(0, a), other.subarray(b)]);
    }
    case 7: {
      // overwrite a 16-bit word (a 2-byte tag or length from v20, two 1-byte ones before)
      if (f.length < 10) return f;
      const out = Buffer.from(f);
      out.writeUInt16BE(rng.pick([0, 1, 0xff, 0x100, 0xffff, rng.int(0, 0xffff)]), rng.int(8, out.length - 2));
      return out;
    }
    case 8: {
      // delete a byte range
      const a = rng.int(0, f.length);
      const b = rng.int(a, Math.min(f.length, a + 8));
      return Buffer.concat([f.subarray(0, a), f.subarray(b)]);
    }
    case 9: {
      // duplicate a byte range (repeats a floating field)
      const a = rng.int(0, f.length);
      const b = rng.int(a, Math.min(f.length, a + 70));
      return Buffer.concat([f.subarray(0, b), f.subarray(a, b), f.subarray(b)]);
    }
    default: {
      // insert random bytes
      const at = rng.int(0, f.length);
      return Buffer.concat([f.subarray(0, at), rng.bytes(rng.int(1, 6)), f.subarray(at)]);
    }
  }
}

function mutate(rng: Rng, seed: Buffer, other: Buffer): Buffer {
  let f = seed;
  const n = rng.int(1, 3);
  for (let i = 0; i < n; i++) f = mutateOnce(rng, f, other);
  // Mostly keep MessageLength consistent, so the mutation reaches the body parser.
  if (rng.bool(0.75)) {
    if (f === seed) f = Buffer.from(seed);
    setLength(f);
  }
  return f;
}

type Outcome = 'decoded' | 'rejected';

const KINDS = new Set<string>([
  'string-too-long',
  'count-mismatch',
  'unknown-tag',
  'fixed-part-longer',
  'out-of-order',
  'invalid-character',
  'bad-field-length',
  'other',
]);

/** Warning kinds the liberal decodes reported, to show the mutations reach them. */
const seenKinds = new Map<string, number>();

/** What is wrong with a warning, or undefined. */
function badWarning(w: DecodeWarning, msg: { messageType: string } | undefined): string | undefined {
  if (!KINDS.has(w.kind)) return `unknown warning kind ${String(w.kind)}`;
  seenKinds.set(w.kind, (seenKinds.get(w.kind) ?? 0) + 1);
  if (typeof w.detail !== 'string' || w.detail.length === 0) return 'warning without detail';
  if (msg !== undefined && w.messageType !== msg.messageType)
    return `warning for ${w.messageType} on ${msg.messageType}`;
  return undefined;
}

/** Runs one input; returns a description of a bad outcome, or the outcome. */
function exercise(frame: Buffer, version: number): Outcome | string {
  let result: Outcome = 'rejected';
  for (const strict of [false, true]) {
    let msg;
    const warnings: DecodeWarning[] = [];
    try {
      msg = decodeMessage(frame, version, { strict, onWarning: (w) => warnings.push(w) });
    } catch (e) {
      if (e instanceof CtiProtocolError && typeof e.code === 'string' && e.code.startsWith('E_CTI_')) continue;
      return `decode${strict ? ' (strict)' : ''} threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    }
    if (msg === null || typeof msg !== 'object' || typeof msg.messageType !== 'string')
      return `decode returned ${String(msg)}`;
    if (strict && warnings.length > 0) return `strict decode warned instead of throwing: ${warnings[0].detail}`;
    for (const w of warnings) {
      const bad = badWarning(w, msg);
      if (bad !== undefined) return bad;
    }
    result = 'decoded';
    try {
      encodeMessage(msg, version);
    } catch (e) {
      if (!(e instanceof CtiProtocolError))
        return `re-encode of the decoded message threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    }
  }
  return result;
}

describe('fuzz: mutated frames give a message or a CtiProtocolError, nothing else', function () {
  this.timeout(120_000);

  it(`${FRAMES.toLocaleString('en')} mutated frames of every message type, versions ${VERSIONS.join('/')}`, () => {
    const rng = new Rng(SEED);
    const seeds = buildSeeds(rng);
    const failures: string[] = [];
    const counts = { decoded: 0, rejected: 0 };
    const started = Date.now();
    for (let i = 0; i < FRAMES && failures.length < 10; i++) {
      const s = seeds[rng.int(0, seeds.length - 1)];
      const other = seeds[rng.int(0, seeds.length - 1)].frame;
      const f = mutate(rng, s.frame, other);
      const outcome = exercise(f, s.version);
      if (outcome === 'decoded' || outcome === 'rejected') counts[outcome]++;
      else
        failures.push(`seed 0x${SEED.toString(16)} index ${i} v${s.version}: ${outcome}\n  frame ${f.toString('hex')}`);
    }
    const ms = Date.now() - started;
    assert.deepStrictEqual(failures, [], failures.join('\n'));
    // Both paths must have been exercised, or the mutations are too weak (or too strong) to mean anything.
    // "decoded" counts frames a liberal decode delivered; "rejected" those neither mode could read.
    assert.ok(counts.decoded > FRAMES * 0.05, `only ${counts.decoded} decoded`);
    assert.ok(counts.rejected > FRAMES * 0.05, `only ${counts.rejected} rejected`);
    const kinds = [...seenKinds].map(([k, n]) => `${k} ${n}`).join(', ');
    for (const k of KINDS) assert.ok(seenKinds.has(k), `no ${k} warning came out (${kinds})`);

    console.log(
      `      ${seeds.length} seed frames; ${counts.decoded} decoded, ${counts.rejected} rejected in ${ms} ms; warnings: ${kinds}`,
    );
  });

  it(`${STREAMS.toLocaleString('en')} mutated streams through FrameReader in random chunks`, () => {
    const rng = new Rng(SEED + 1);
    const seeds = buildSeeds(rng);
    const failures: string[] = [];
    let frames = 0;
    let broken = 0;
    for (let i = 0; i < STREAMS && failures.length < 10; i++) {
      const v = rng.pick(VERSIONS);
      const pool = seeds.filter((s) => s.version === v);
      const parts: Buffer[] = [];
      const n = rng.int(2, 8);
      for (let k = 0; k < n; k++) {
        const s = pool[rng.int(0, pool.length - 1)].frame;
        // Leave most frames intact so the reader stays in sync for a while; mutate some without fixing lengths.
        parts.push(rng.bool(0.3) ? mutateOnce(rng, s, pool[rng.int(0, pool.length - 1)].frame) : s);
      }
      const stream = Buffer.concat(parts);
      const reader = new FrameReader({ maxMessageLength: rng.bool(0.2) ? rng.int(8, 400) : undefined });
      let pos = 0;
      try {
        while (pos < stream.length) {
          const len = rng.bool(0.2) ? 1 : rng.int(1, 300);
          reader.feed(stream.subarray(pos, pos + len), (fr) => {
            frames++;
            const outcome = exercise(fr, v);
            if (outcome !== 'decoded' && outcome !== 'rejected') {
              failures.push(
                `stream seed 0x${(SEED + 1).toString(16)} index ${i} v${v}: ${outcome}\n  frame ${fr.toString('hex')}`,
              );
            }
          });
          pos += len;
        }
      } catch (e) {
        if (e instanceof CtiProtocolError && e.code === 'E_CTI_INVALID_MESSAGE_LENGTH') {
          broken++;
          // A broken stream stays broken.
          assert.throws(() => reader.feed(Buffer.alloc(8), () => undefined), CtiProtocolError);
        } else {
          failures.push(
            `stream seed 0x${(SEED + 1).toString(16)} index ${i} v${v}: FrameReader threw ${String(e)}\n  stream ${stream.toString('hex')}`,
          );
        }
      }
    }
    assert.deepStrictEqual(failures, [], failures.join('\n'));
    assert.ok(frames > STREAMS, `only ${frames} frames came out`);
    assert.ok(broken > 0, 'no stream broke: the length mutations never reached the reader');
  });
});
