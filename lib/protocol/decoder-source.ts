import type { CtiMessage } from './types';
import type { FixedPlan, FloatPlan, MessagePlan } from './catalog';
import type { DecodeContext, DecoderHelpers } from './decode-helpers';
import { caller, generatedName, prop as propOf, type Code } from './codegen';

/**
 * Writes the TypeScript of a message's decoder, once per distinct layout. The table stays the single description
 * of the layout; straight-line code written from it lets V8 build every decoded object with one shape and literal
 * property names, which is what makes decoding cheaper than JSON.parse of the same object. The build
 * (tools/write-codec.ts) puts every decoder into lib/protocol/generated/decoders.ts, which tsc compiles like any
 * other source: no code is made from strings at run time, and a stack trace points into that file.
 *
 * The generated function reaches the helpers `h` (DecoderHelpers; every call is written through `call`, so a
 * renamed or re-shaped helper is a compile error here, and tsc checks the generated call again) and the message's
 * plan, its `plan` parameter (for the deviations, which name the field).
 */
export type CompiledDecoder = (
  buf: Buffer,
  start: number,
  end: number,
  cx: DecodeContext,
  plan: MessagePlan,
) => CtiMessage;

/** The parameters of every generated decoder (CompiledDecoder). */
export const DECODER_PARAMS = 'buf: Buffer, start: number, end: number, cx: DecodeContext, plan: MessagePlan';

/** `h.name(args)`, with the name and the number of arguments checked against DecoderHelpers. */
const call = caller<DecoderHelpers>();

const HEADER = 8;

function u32(at: Code): Code {
  return `((buf[${at}] * 0x1000000) + ((buf[${at} + 1] << 16) | (buf[${at} + 2] << 8) | buf[${at} + 3]))`;
}
function i32(at: Code): Code {
  return `((buf[${at}] << 24) | (buf[${at} + 1] << 16) | (buf[${at} + 2] << 8) | buf[${at} + 3])`;
}
function u16(at: Code): Code {
  return `((buf[${at}] << 8) | buf[${at} + 1])`;
}
function i16(at: Code): Code {
  return `(((buf[${at}] << 24) | (buf[${at} + 1] << 16)) >> 16)`;
}

/** A number of `size` bytes at `at`, or undefined for the types that are not plain numbers. */
function numberExpr(type: FixedPlan['type'] | FloatPlan['type'], at: Code): Code | undefined {
  switch (type) {
    case 'UINT':
    case 'TIME':
      return u32(at);
    case 'INT':
      return i32(at);
    case 'USHORT':
    case 'BOOL':
      return u16(at);
    case 'SHORT':
      return i16(at);
    case 'UCHAR':
      return `buf[${at}]`;
    default:
      return undefined;
  }
}

const NUMBER_SIZE: Partial<Record<FloatPlan['type'], number>> = {
  UINT: 4,
  TIME: 4,
  INT: 4,
  USHORT: 2,
  BOOL: 2,
  SHORT: 2,
  UCHAR: 1,
};

function fixedExpr(f: FixedPlan, off: number): Code {
  const n = numberExpr(f.type, String(off));
  if (n !== undefined) return n;
  if (f.type === 'STRING') return call('cString', 'buf', String(off), String(off + f.size));
  return `Buffer.from(buf.subarray(${off}, ${off + f.size}))`;
}

/** Property access on the message being built. */
const prop = (key: string): Code => propOf('m', key);
const lengthOf = (key: string): Code => `(${prop(key)} === undefined ? 0 : ${prop(key)}.length)`;

/**
 * Statements that read field `f` (the i-th floating field) from [off, off + len) and store it: assigned once
 * for a single field (a second copy is a deviation), appended for a repeating one.
 */
function readField(f: FloatPlan, i: number): Code[] {
  const F = `plan.floats[${i}]`;
  const key = prop(f.key);
  const size = NUMBER_SIZE[f.type];
  const L: Code[] = [];
  // `value` is an expression that may be undefined when `mayFail` (the field could not be read as its type).
  let value: Code;
  let mayFail = false;
  const pre: Code[] = [];
  if (size !== undefined) {
    value = numberExpr(f.type, 'off')!;
    pre.push(
      `if (len !== ${size}) { ${call('badLength', 'cx', 'plan', F, 'm', 'tag', 'buf', 'off', 'len', String(size))}; break; }`,
    );
  } else if (f.type === 'STRING') value = call('str', 'cx', 'plan', F, 'buf', 'off', 'len');
  else if (f.type === 'UNSPEC') value = call('unspec', 'cx', 'plan', F, 'buf', 'off', 'len');
  else if (f.type === 'NAMEDVAR') value = call('nvar', 'cx', 'plan', F, 'buf', 'off', 'len');
  else if (f.type === 'NAMEDARRAY') {
    value = call('narr', 'cx', 'plan', F, 'm', 'tag', 'buf', 'off', 'len');
    mayFail = true;
  } else {
    value = call('taskId', 'cx', 'plan', F, 'm', 'tag', 'buf', 'off', 'len');
    mayFail = true;
  }
  if (!f.repeats) {
    L.push(
      `if (${key} !== undefined) { ${call('duplicate', 'cx', 'plan', F, 'm', 'tag', 'buf', 'off', 'len')}; break; }`,
    );
    L.push(...pre);
    if (mayFail) L.push(`v = ${value};`, `if (v !== undefined) ${key} = v;`);
    else L.push(`${key} = ${value};`);
    return L;
  }
  L.push(...pre);
  if (f.follows !== undefined) {
    // A group member must follow its partner: there must be more partners than members so far.
    L.push(`if (${lengthOf(f.key)} >= ${lengthOf(f.follows.key)}) ${call('outOfOrder', 'cx', 'plan', F)};`);
  }
  L.push(`v = ${value};`);
  const append = `if (${key} === undefined) ${key} = [v]; else ${key}.push(v);`;
  L.push(mayFail ? `if (v !== undefined) { ${append} }` : append);
  if (f.maxCount !== undefined)
    L.push(`if (${key} !== undefined && ${key}.length === ${f.maxCount + 1}) ${call('tooMany', 'cx', 'plan', F)};`);
  return L;
}

/**
 * The TypeScript source of a decoder, named `decode_<MESSAGE>_v<first version of the layout>` unless `name` is
 * given.
 */
export function decoderSource(plan: MessagePlan, name = generatedName('decode', plan.name, plan.version)): string {
  const wide = plan.version >= 20;
  const L: Code[] = [];
  const props = [`messageType: ${JSON.stringify(plan.name)}`];
  let off = HEADER;
  for (const f of plan.fixed) {
    props.push(`${JSON.stringify(f.key)}: ${fixedExpr(f, off)}`);
    off += f.size;
  }
  L.push(`const m: CtiMessage = { ${props.join(',\n    ')} };`);
  L.push('let off = start, tag = 0, len = 0, v: unknown;');
  L.push('while (off < end) {');
  const head = wide ? 4 : 2;
  L.push(`  if (end - off < ${head}) { ${call('stray', 'cx', 'plan', 'end - off')}; break; }`);
  if (wide) L.push(`  tag = ${u16('off')}; len = ${u16('off + 2')}; off += 4;`);
  else L.push('  tag = buf[off]; len = buf[off + 1]; off += 2;');
  L.push(`  if (off + len > end) ${call('past', 'plan', 'tag', 'len', 'off + len - end')};`);
  L.push('  switch (tag) {');
  plan.floats.forEach((f, i) => {
    const tags = plan.byTag.map((p, t) => (p === f ? t : -1)).filter((t) => t >= 0);
    for (const t of tags) L.push(`    case ${t}:`);
    for (const line of readField(f, i)) L.push(`      ${line}`);
    L.push('      break;');
  });
  L.push('    default:');
  L.push(`      ${call('unknownTag', 'cx', 'plan', 'm', 'tag', 'buf', 'off', 'len')};`);
  L.push('  }');
  L.push('  off += len;');
  L.push('}');
  plan.fixed.forEach((c) => {
    if (c.countOf === undefined) return;
    const present = lengthOf(c.countOf);
    const said = prop(c.key);
    const ci = plan.counts.indexOf(c);
    L.push(`if (${present} !== ${said}) ${call('countMismatch', 'cx', 'plan', `plan.counts[${ci}]`, said, present)};`);
  });
  plan.floats.forEach((f, i) => {
    if (f.required) L.push(`if (${prop(f.key)} === undefined) ${call('missing', 'cx', 'plan', `plan.floats[${i}]`)};`);
  });
  L.push('return m;');
  return `export function ${name}(${DECODER_PARAMS}): CtiMessage {\n  ${L.join('\n  ')}\n}`;
}
