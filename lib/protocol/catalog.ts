import type { FixedFieldDef, FloatingFieldDef, KnownTypeDef, MessageDef, WireType } from './types';
import { fieldKey } from './naming';
import { SESSION_MESSAGES } from './messages/session';
import { CALL_EVENT_MESSAGES } from './messages/call-events';
import { AGENT_EVENT_MESSAGES } from './messages/agent-events';
import { CALL_DATA_MESSAGES } from './messages/call-data';
import { CLIENT_CONTROL_MESSAGES } from './messages/client-control';
import { STATISTICS_MESSAGES } from './messages/statistics';
import { CONFIG_MESSAGES } from './messages/config';
import { SUPERVISOR_MESSAGES } from './messages/supervisor';
import { MESSAGE_TYPES } from './message-types';
import { TAG_BY_NUMBER } from './tags';

/** Every message this codec lays out field by field. */
export const MESSAGE_DEFS: readonly MessageDef[] = [
  ...SESSION_MESSAGES,
  ...CALL_EVENT_MESSAGES,
  ...AGENT_EVENT_MESSAGES,
  ...CALL_DATA_MESSAGES,
  ...CLIENT_CONTROL_MESSAGES,
  ...STATISTICS_MESSAGES,
  ...CONFIG_MESSAGES,
  ...SUPERVISOR_MESSAGES,
];

export const MIN_VERSION = 15;
export const MAX_VERSION = 25;
/** Versions this codec encodes and decodes. */
export const SUPPORTED_VERSIONS: readonly number[] = Array.from(
  { length: MAX_VERSION - MIN_VERSION + 1 },
  (_, i) => MIN_VERSION + i,
);
/** The newest version whose layouts are checked byte for byte against the reference (15, 19, 20, 22, 24). */
export const DEFAULT_VERSION = 24;

const FIXED_SIZES: Partial<Record<WireType, number>> = {
  UCHAR: 1,
  USHORT: 2,
  SHORT: 2,
  BOOL: 2,
  UINT: 4,
  INT: 4,
  TIME: 4,
  TASKID: 12,
};

export function wireSize(type: WireType): number | undefined {
  return FIXED_SIZES[type];
}

export interface FixedPlan {
  key: string;
  name: string;
  type: FixedFieldDef['type'];
  size: number;
  default?: number;
  /** Property key of the repeating field this one counts. */
  countOf?: string;
}

export interface FloatPlan {
  key: string;
  name: string;
  tag: number;
  type: WireType;
  max: number;
  required: boolean;
  repeats: boolean;
  /** Most entries a repeating field may have, where the reference says. */
  maxCount?: number;
  /** In a repeating group: the member each entry of this one must follow (the group's previous member). */
  follows?: FloatPlan;
}

/** One step of the encoder's floating part: a single field, or a group written interleaved by index. */
export type EncodeStep = FloatPlan | FloatPlan[];

/** A message's layout for one protocol version, with lookups precomputed. */
export interface MessagePlan {
  id: number;
  name: string;
  version: number;
  fixed: FixedPlan[];
  fixedSize: number;
  floats: FloatPlan[];
  /** Indexed by tag number (sparse). */
  byTag: (FloatPlan | undefined)[];
  encodeSteps: EncodeStep[];
  /** Floating fields the guide does not mark optional. */
  required: FloatPlan[];
  /** Fixed count fields, checked against the arrays after decoding. */
  counts: FixedPlan[];
}

const inVersion = (f: { since?: number; until?: number }, v: number): boolean =>
  (f.since === undefined || v >= f.since) && (f.until === undefined || v <= f.until);

function floatKey(f: FloatingFieldDef): string {
  return f.key ?? fieldKey(f.name);
}

/** Compiles one layout for one version (exported for tests; the codec uses getPlan). */
export function compile(def: MessageDef, version: number): MessagePlan {
  const floatKeysByName = new Map(def.floating.map((f) => [f.name, floatKey(f)]));
  const fixed: FixedPlan[] = [];
  let fixedSize = 0;
  for (const f of def.fixed) {
    if (!inVersion(f, version)) continue;
    const size = f.size ?? FIXED_SIZES[f.type];
    if (size === undefined) throw new Error(`catalog: ${def.name}.${f.name} (${f.type}) needs a size`);
    const countOf = f.countOf === undefined ? undefined : floatKeysByName.get(f.countOf);
    if (f.countOf !== undefined && countOf === undefined) {
      throw new Error(`catalog: ${def.name}.${f.name} counts unknown field ${f.countOf}`);
    }
    fixed.push({ key: fieldKey(f.name), name: f.name, type: f.type, size, default: f.default, countOf });
    fixedSize += size;
  }
  const floats: FloatPlan[] = [];
  const byTag: (FloatPlan | undefined)[] = [];
  const encodeSteps: EncodeStep[] = [];
  const groups = new Map<string, FloatPlan[]>();
  for (const f of def.floating) {
    // Before version 20 a tag is one byte: a field with a larger tag cannot exist there.
    if (!inVersion(f, version) || (version < 20 && f.tag > 0xff)) continue;
    // The shared tag table gives a field's type and size unless the message's layout says otherwise.
    const shared = TAG_BY_NUMBER.get(f.tag);
    const type = f.type ?? shared?.type;
    const max = f.max ?? shared?.max;
    if (type === undefined || max === undefined) {
      throw new Error(`catalog: ${def.name}.${f.name} needs type and max (tag ${f.tag} is not in the tag table)`);
    }
    const plan: FloatPlan = {
      key: floatKey(f),
      name: f.name,
      tag: f.tag,
      type,
      max,
      required: f.required === true,
      repeats: f.repeats === true,
      maxCount: f.maxCount,
    };
    floats.push(plan);
    for (const t of [f.tag, ...(f.altTags ?? [])]) {
      if (byTag[t] !== undefined) throw new Error(`catalog: ${def.name} uses tag ${t} twice`);
      byTag[t] = plan;
    }
    if (f.group !== undefined) {
      let g = groups.get(f.group);
      if (g === undefined) {
        g = [];
        groups.set(f.group, g);
        encodeSteps.push(g);
      }
      if (g.length > 0) plan.follows = g[g.length - 1];
      g.push(plan);
    } else {
      encodeSteps.push(plan);
    }
  }
  return {
    id: def.id,
    name: def.name,
    version,
    fixed,
    fixedSize,
    floats,
    byTag,
    encodeSteps,
    required: floats.filter((f) => f.required),
    counts: fixed.filter((f) => f.countOf !== undefined),
  };
}

const defsById = new Map<number, MessageDef>();
const defsByName = new Map<string, MessageDef>();
for (const d of MESSAGE_DEFS) {
  if (defsById.has(d.id)) throw new Error(`catalog: message type ${d.id} defined twice`);
  defsById.set(d.id, d);
  defsByName.set(d.name, d);
}
const knownById = new Map<number, KnownTypeDef>();
const knownByName = new Map<string, KnownTypeDef>();
for (const k of MESSAGE_TYPES) {
  knownById.set(k.id, k);
  knownByName.set(k.name, k);
}
// Layouts from cti-protocol.md are authoritative for names too.
for (const d of MESSAGE_DEFS) {
  knownById.set(d.id, { id: d.id, name: d.name });
  knownByName.set(d.name, { id: d.id, name: d.name });
}

/** plans[version][messageTypeId], compiled on first use. */
const plans: (MessagePlan | null | undefined)[][] = [];

export function getPlan(id: number, version: number): MessagePlan | undefined {
  let row = plans[version];
  if (row === undefined) row = plans[version] = [];
  let p = row[id];
  if (p === undefined) {
    const def = defsById.get(id);
    p = def === undefined || !inVersion(def, version) ? null : compile(def, version);
    row[id] = p;
  }
  return p ?? undefined;
}

export function getMessageDef(nameOrId: string | number): MessageDef | undefined {
  return typeof nameOrId === 'number' ? defsById.get(nameOrId) : defsByName.get(nameOrId);
}

/** The MessageType number for a guide name (laid out or only known by name). */
export function messageTypeId(name: string): number | undefined {
  return knownByName.get(name)?.id;
}

/** The guide name for a MessageType number. */
export function messageTypeName(id: number): string | undefined {
  return knownById.get(id)?.name;
}
