import type { CtiMessage } from './types';
import type { FixedPlan, MessagePlan } from './catalog';
import type { BufferWriter } from './writer';
import type { EncoderHelpers } from './encode';

/**
 * Turns a message's table into a specialised encode function, once per (message, version): the fixed
 * part becomes straight-line range checks and byte stores, each floating field a literal property read
 * and a call to the writer for its type. The table stays the one description of the layout.
 */
export type CompiledEncoder = (msg: CtiMessage, w: BufferWriter, h: EncoderHelpers) => void;

/** The range check for a fixed numeric field: true when `v` is NOT a valid value. */
function invalid(f: FixedPlan): string | undefined {
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

function store(f: FixedPlan): string {
  switch (f.size) {
    case 4:
      return 'b[o] = v >>> 24; b[o + 1] = (v >>> 16) & 255; b[o + 2] = (v >>> 8) & 255; b[o + 3] = v & 255; o += 4;';
    case 2:
      return 'b[o] = (v >>> 8) & 255; b[o + 1] = v & 255; o += 2;';
    default:
      return 'b[o] = v; o += 1;';
  }
}

export function compileEncoder(plan: MessagePlan): CompiledEncoder {
  const wide = plan.version >= 20;
  const L: string[] = ['var v, b, o, ecc = 0;', `w.ensure(${plan.fixedSize});`, 'b = w.buf; o = w.off;'];
  plan.fixed.forEach((f, i) => {
    const key = JSON.stringify(f.key);
    L.push(`v = m[${key}];`);
    if (f.countOf !== undefined) {
      const list = JSON.stringify(f.countOf);
      L.push(
        `if (m[${list}] !== undefined && m[${list}] !== null) v = h.listOf(P, FL[${JSON.stringify(f.countOf)}], m[${list}]).length;`,
      );
      L.push('else if (v === undefined || v === null) v = 0;');
    }
    const fallback = f.default !== undefined ? String(f.default) : `h.missing(P, ${key})`;
    L.push(`if (v === undefined || v === null) v = ${fallback};`);
    const bad = invalid(f);
    if (bad === undefined) {
      // Fixed STRING / UNSPEC: rare; the generic writer pads it to size.
      L.push(`w.off = o; h.writeScalar(P, FX[${i}], v); b = w.buf; o = w.off;`);
      return;
    }
    if (f.type === 'BOOL') L.push('if (v === true) v = 1; else if (v === false) v = 0;');
    L.push(`if (${bad}) h.badFixed(P, FX[${i}], v);`);
    L.push(store(f));
  });
  L.push('w.off = o;');
  for (const step of plan.encodeSteps) {
    if (Array.isArray(step)) {
      L.push(`h.writeGroup(P, G[${JSON.stringify(step[0].key)}], m, ${wide});`);
      continue;
    }
    const i = plan.floats.indexOf(step);
    const key = JSON.stringify(step.key);
    L.push(`v = m[${key}];`);
    let write: string;
    if (step.repeats) {
      const ecc = step.type === 'NAMEDVAR' || step.type === 'NAMEDARRAY';
      write = `${ecc ? 'ecc += ' : ''}h.writeList(P, F[${i}], v, ${wide});`;
    } else if (step.type === 'STRING') {
      write = `h.writeStringField(P, F[${i}], v, ${wide});`;
    } else {
      write = `h.writeField(P, F[${i}], v, ${wide});`;
    }
    L.push(`if (v !== undefined && v !== null) ${write}${step.required ? ` else h.missing(P, ${key});` : ''}`);
  }
  if (plan.floats.some((f) => f.type === 'NAMEDVAR' || f.type === 'NAMEDARRAY')) L.push('h.checkEcc(P, ecc);');
  const groups: Record<string, unknown> = {};
  for (const step of plan.encodeSteps) if (Array.isArray(step)) groups[step[0].key] = step;
  const byKey: Record<string, unknown> = {};
  for (const f of plan.floats) byKey[f.key] = f;
  const body = `return function encode_${plan.name.replace(/\W/g, '_')}(m, w, h) {\n${L.join('\n')}\n};`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('P', 'FX', 'F', 'FL', 'G', body)(plan, plan.fixed, plan.floats, byKey, groups) as CompiledEncoder;
}
