import type { Code } from './codegen';
import { generatedName, prop } from './codegen';

/**
 * Writes the TypeScript of one message type's enum namer (what withEnumNames runs for that type): a shallow copy,
 * then each enumerated property of the type's layout (any version) read and named in line; every other enumerated
 * property a message object might carry as well (a message made by hand may), with one check each. One function per
 * type, so that each sees one object shape and stays monomorphic. `names` are the module constants holding each
 * FIELD_ENUMS entry's value → name map, by property key.
 */
export function namerSource(messageType: string, layoutKeys: ReadonlySet<string>, names: ReadonlyMap<string, string>) {
  const L: Code[] = ['const out: CtiMessage = { ...msg };', 'let v: unknown;'];
  for (const [key, n] of names) {
    if (!layoutKeys.has(key)) continue;
    const p = prop('out', key);
    L.push(`v = ${p};`);
    L.push(`if (typeof v === 'number') { v = ${n}.get(v); if (v !== undefined) ${p} = v; }`);
    L.push(`else if (v !== undefined) ${p} = enumName(${n}, v);`);
  }
  for (const [key, n] of names) {
    if (layoutKeys.has(key)) continue;
    const p = prop('out', key);
    L.push(`if (${p} !== undefined) ${p} = enumName(${n}, ${p});`);
  }
  L.push('return out;');
  const name = generatedName('name', messageType, 0).replace(/_v0$/, '');
  return `export function ${name}(msg: CtiMessage): CtiMessage {\n  ${L.join('\n  ')}\n}`;
}
