import type { WireType } from './types';
import { MESSAGE_DEFS, SUPPORTED_VERSIONS, getPlan, type MessagePlan } from './catalog';

/**
 * The TypeScript source of lib/protocol/generated/messages.ts: one interface per laid-out message, as
 * decodeMessage returns it, written from the catalog (the one description of every layout), so that data and
 * types cannot drift. `npm run build` rewrites the file; a spec fails when the committed one is stale.
 *
 * A property is required when every supported version that has the message has the field (fixed fields; floating
 * fields the guide does not mark optional); otherwise it is optional.
 */

/** CALL_DELIVERED_EVENT → CallDeliveredEvent. */
export function messageInterfaceName(messageType: string): string {
  return messageType
    .toLowerCase()
    .split('_')
    .filter((w) => w.length > 0)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function scalarType(type: WireType): string {
  switch (type) {
    case 'STRING':
      return 'string';
    case 'UNSPEC':
      return 'Buffer';
    case 'NAMEDVAR':
      return 'NamedVariable';
    case 'NAMEDARRAY':
      return 'NamedArrayElement';
    case 'TASKID':
      return 'TaskId';
    default:
      return 'number';
  }
}

interface Property {
  key: string;
  /** Guide name, wire type and where it is: for the doc comment. */
  doc: Set<string>;
  types: Set<string>;
  /** Versions (of those that have the message) in which the field is present and required. */
  requiredIn: number;
  order: number;
}

function collect(plans: MessagePlan[]): Property[] {
  const props = new Map<string, Property>();
  const add = (key: string, doc: string, type: string, required: boolean): void => {
    let p = props.get(key);
    if (p === undefined) {
      p = { key, doc: new Set(), types: new Set(), requiredIn: 0, order: props.size };
      props.set(key, p);
    }
    p.doc.add(doc);
    p.types.add(type);
    if (required) p.requiredIn++;
  };
  for (const plan of plans) {
    for (const f of plan.fixed) {
      const wire = f.type === 'STRING' || f.type === 'UNSPEC' ? `${f.type}[${f.size}]` : f.type;
      add(f.key, `${f.name}: ${wire}, fixed part${f.countOf ? `; counts ${f.countOf}` : ''}`, scalarType(f.type), true);
    }
    for (const f of plan.floats) {
      const t = scalarType(f.type);
      const wire = `${f.type}${f.type === 'STRING' || f.type === 'UNSPEC' ? `[${f.max}]` : ''}`;
      add(
        f.key,
        `${f.name}: ${wire}, floating tag ${f.tag}${f.repeats ? ', repeats' : ''}`,
        f.repeats ? `${t}[]` : t,
        f.required,
      );
    }
  }
  return [...props.values()].sort((a, b) => a.order - b.order);
}

function versionsText(versions: number[]): string {
  const first = versions[0];
  const last = versions[versions.length - 1];
  return first === last ? `protocol version ${first}` : `protocol versions ${first}–${last}`;
}

function interfaceSource(name: string, id: number, plans: MessagePlan[]): string {
  const versions = plans.map((p) => p.version);
  const L: string[] = [];
  L.push(`/** ${name} (MessageType ${id}), as decoded in ${versionsText(versions)}. */`);
  L.push(`export interface ${messageInterfaceName(name)} {`);
  L.push(`  messageType: '${name}';`);
  for (const p of collect(plans)) {
    const present = plans.filter(
      (plan) => plan.fixed.some((f) => f.key === p.key) || plan.floats.some((f) => f.key === p.key),
    );
    const notes = [...p.doc];
    if (present.length < plans.length) notes.push(`only in ${versionsText(present.map((x) => x.version))}`);
    L.push(`  /** ${notes.join(' | ')} */`);
    const optional = p.requiredIn < plans.length ? '?' : '';
    L.push(`  ${p.key}${optional}: ${[...p.types].join(' | ')};`);
  }
  L.push('  /** Floating fields this message does not define, kept with their raw bytes (liberal decoding). */');
  L.push('  unknownFields?: UnknownField[];');
  L.push('}');
  return L.join('\n');
}

export function messageTypesSource(): string {
  const out: string[] = [
    '// Generated from the message catalog (lib/protocol/messages/*.ts) by tools/write-message-types.ts, run by',
    '// `npm run build`. Do not edit: change the catalog and rebuild. A required field may still be missing from a',
    '// message a liberal decode delivered with a DecodeWarning.',
    "import type { NamedArrayElement, NamedVariable, TaskId, UnknownField } from '../types';",
    '',
  ];
  const names: string[] = [];
  for (const def of MESSAGE_DEFS) {
    const plans = SUPPORTED_VERSIONS.map((v) => getPlan(def.id, v)).filter((p): p is MessagePlan => p !== undefined);
    if (plans.length === 0) continue;
    names.push(def.name);
    out.push(interfaceSource(def.name, def.id, plans), '');
  }
  out.push('/** Every laid-out message type, by its `messageType` name. */');
  out.push('export interface CtiMessageMap {');
  for (const n of names) out.push(`  ${n}: ${messageInterfaceName(n)};`);
  out.push('}');
  out.push('');
  out.push('/** A decoded message of any laid-out type, discriminated by `messageType`. */');
  out.push('export type AnyCtiMessage = CtiMessageMap[keyof CtiMessageMap];');
  out.push('');
  out.push('/** The `messageType` names of the laid-out messages. */');
  out.push('export type CtiMessageType = keyof CtiMessageMap;');
  return out.join('\n') + '\n';
}
