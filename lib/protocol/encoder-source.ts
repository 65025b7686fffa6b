import type { CtiMessage } from './types';
import type { FixedPlan, MessagePlan } from './catalog';
import type { BufferWriter } from './writer';
import type { EncoderHelpers } from './encode-helpers';
import { caller, generatedName, prop as propOf, type Code } from './codegen';

/**
 * Writes the TypeScript of a message's encoder, once per distinct layout: the fixed part becomes straight-line range
 * checks and byte stores, each floating field a literal property read and a call to the writer for its type. The
 * build (tools/write-codec.ts) puts every encoder into lib/protocol/generated/encoders.ts, which tsc compiles like
 * any other source: no code is made from strings at run time, and a stack trace points into that file.
 *
 * The generated function writes the whole frame, header included, at the writer's offset: the header and fixed
 * part inline, floating fields through the helpers `h` (EncoderHelpers: every call is written through `call`, so a
 * renamed or re-shaped helper fails the build here, and tsc checks the generated call again). It reaches the
 * message's plan (for error messages and the helpers) only through its `plan` parameter.
 */
export type CompiledEncoder = (m: CtiMessage, w: BufferWriter, plan: MessagePlan) => void;

const call = caller<EncoderHelpers>();
const prop = (key: string): Code => propOf('m', key);

/** The range check for a fixed numeric field: true when `v` is NOT a valid value. */
function invalid(f: FixedPlan): Code | undefined {
  switch (f.type) {
    case 'UINT':
    case 'TIME':
      return `typeof v !== 'number' || (v >>> 0) !== v`;
    case 'INT':
      return `typeof v !== 'number' || (v | 0) !== v`;
    case 'USHORT':
      return `typeof v !== 'number' || (v & 0xffff) !== v`;
    case 'SHORT':
      return `typeof v !== 'number' || ((v << 16) >> 16) !== v`;
    case 'UCHAR':
      return `typeof v !== 'number' || (v & 0xff) !== v`;
    case 'BOOL':
      return `v !== 0 && v !== 1`;
    default:
      return undefined;
  }
}

function store(f: FixedPlan): Code {
  switch (f.size) {
    case 4:
      return 'b[o] = v >>> 24; b[o + 1] = (v >>> 16) & 255; b[o + 2] = (v >>> 8) & 255; b[o + 3] = v & 255; o += 4;';
    case 2:
      return 'b[o] = (v >>> 8) & 255; b[o + 1] = v & 255; o += 2;';
    default:
      return 'b[o] = v; o += 1;';
  }
}

/** The 8-byte header (MessageLength patched at the end) and the fixed part. */
function fixedPart(plan: MessagePlan): Code[] {
  const L: Code[] = [`w.ensure(${8 + plan.fixedSize});`, 'b = w.buf; o = w.off; start = o;'];
  const id = plan.id >>> 0;
  L.push(`b[o] = 0; b[o + 1] = 0; b[o + 2] = 0; b[o + 3] = 0;`);
  L.push(
    `b[o + 4] = ${id >>> 24}; b[o + 5] = ${(id >>> 16) & 255}; b[o + 6] = ${(id >>> 8) & 255}; b[o + 7] = ${id & 255}; o += 8;`,
  );
  plan.fixed.forEach((f, i) => {
    const F = `plan.fixed[${i}]`;
    L.push(`v = ${prop(f.key)};`);
    if (f.countOf !== undefined) {
      // A count field is filled from its list when the list is given.
      const list = prop(f.countOf);
      const field = `plan.floats[${plan.floats.findIndex((p) => p.key === f.countOf)}]`;
      L.push(`if (${list} !== undefined && ${list} !== null) v = ${call('listOf', 'plan', field, list)}.length;`);
      L.push('else if (v === undefined || v === null) v = 0;');
    }
    const fallback = f.default !== undefined ? String(f.default) : call('missing', 'plan', JSON.stringify(f.key));
    L.push(`if (v === undefined || v === null) v = ${fallback};`);
    const bad = invalid(f);
    if (bad === undefined) {
      // Fixed STRING / UNSPEC: rare; the generic writer pads it to size.
      L.push(`w.off = o; ${call('writeScalar', 'plan', F, 'v')}; b = w.buf; o = w.off;`);
      return;
    }
    if (f.type === 'BOOL') L.push('if (v === true) v = 1; else if (v === false) v = 0;');
    L.push(`if (${bad}) ${call('badFixed', 'plan', F, 'v')};`);
    L.push(store(f));
  });
  return L;
}

function floatingPart(plan: MessagePlan): Code[] {
  const wide = plan.version >= 20;
  const W = String(wide);
  const L: Code[] = [];
  // The helpers write at w.off and may grow the buffer: the fixed part's locals are handed over here.
  L.push('w.off = o;');
  const helper = (code: Code): Code => `${code};`;
  plan.encodeSteps.forEach((step, s) => {
    if (Array.isArray(step)) {
      L.push(helper(call('writeGroup', 'plan', `plan.encodeSteps[${s}] as FloatPlan[]`, 'm', W)));
      return;
    }
    const F = `plan.floats[${plan.floats.indexOf(step)}]`;
    let write: Code[];
    if (step.repeats) {
      const ecc = step.type === 'NAMEDVAR' || step.type === 'NAMEDARRAY';
      write = [helper(`${ecc ? 'ecc += ' : ''}${call('writeList', 'plan', F, 'v', W)}`)];
    } else if (step.type === 'STRING') {
      // Measured: inlining the string (and number) writers here makes the code per message so large that a mix
      // of many types runs slower; one shared helper each stays hot.
      write = [helper(call('writeStringField', 'plan', F, 'v', W))];
    } else {
      write = [helper(call('writeField', 'plan', F, 'v', W))];
    }
    L.push(`v = ${prop(step.key)};`);
    L.push('if (v !== undefined && v !== null) {', ...write.map((l) => `  ${l}`), '}');
    if (step.required) L.push(`else ${call('missing', 'plan', JSON.stringify(step.key))};`);
  });
  if (plan.floats.some((f) => f.type === 'NAMEDVAR' || f.type === 'NAMEDARRAY'))
    L.push(`${call('checkEcc', 'plan', 'ecc')};`);
  // MessageLength: the body's bytes.
  L.push('b = w.buf; o = w.off; n = o - start - 8;');
  L.push(
    'b[start] = n >>> 24; b[start + 1] = (n >>> 16) & 255; b[start + 2] = (n >>> 8) & 255; b[start + 3] = n & 255;',
  );
  L.push('w.off = o;');
  return L;
}

/** The parameters of every generated encoder (CompiledEncoder). */
export const ENCODER_PARAMS = 'm: CtiMessage, w: BufferWriter, plan: MessagePlan';

/**
 * The TypeScript source of an encoder, named `encode_<MESSAGE>_v<first version of the layout>` unless `name` is
 * given. `v` holds whatever the message carries (checked before use), hence `any`.
 */
export function encoderSource(plan: MessagePlan, name = generatedName('encode', plan.name, plan.version)): string {
  const L: Code[] = [
    'let v: any, b: Buffer, o: number, start: number, n: number, ecc = 0;',
    ...fixedPart(plan),
    ...floatingPart(plan),
  ];
  return `export function ${name}(${ENCODER_PARAMS}): void {\n  ${L.join('\n  ')}\n}`;
}
