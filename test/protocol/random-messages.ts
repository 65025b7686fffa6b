/**
 * Seeded random valid messages for property tests and fuzzing. Driven by the catalog's MessageDefs (types,
 * max lengths, since/until, required, repeats and groups), so every laid-out message is covered; the values
 * obey the wire limits of the version (1-byte tag and length before v20, ECC ≤ 2000 bytes).
 */
import { mulberry32 } from '../support/seeded';
import {
  fieldKey,
  type CtiMessage,
  type FixedFieldDef,
  type FloatingFieldDef,
  type MessageDef,
} from '../../lib/protocol';

/** Seeded test data (mulberry32): same seed → same sequence. */
export class Rng {
  /** Uniform in [0, 1). */
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** Integers biased towards the edges (0, max, small numbers) where codec bugs live. */
  edgy(lo: number, hi: number): number {
    const r = this.next();
    if (r < 0.1) return lo;
    if (r < 0.2) return hi;
    if (r < 0.4) return Math.min(hi, Math.max(lo, this.int(-3, 300)));
    return this.int(lo, hi);
  }

  /** latin1 text without NUL, length in [0, max]; mostly printable, sometimes any byte 1..255. */
  text(max: number, min = 0): string {
    const n = this.bool(0.15) ? max : this.int(min, max);
    let s = '';
    const wild = this.bool(0.2);
    for (let i = 0; i < n; i++) s += String.fromCharCode(wild ? this.int(1, 255) : this.int(0x20, 0x7e));
    return s;
  }

  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(0, 255);
    return b;
  }
}

const inVersion = (f: { since?: number; until?: number }, v: number): boolean =>
  (f.since === undefined || v >= f.since) && (f.until === undefined || v <= f.until);

export function messageExistsIn(def: MessageDef, v: number): boolean {
  return inVersion(def, v);
}

function scalar(rng: Rng, type: string): number {
  switch (type) {
    case 'UCHAR':
      return rng.edgy(0, 0xff);
    case 'USHORT':
      return rng.edgy(0, 0xffff);
    case 'SHORT':
      return rng.edgy(-0x8000, 0x7fff);
    case 'BOOL':
      return rng.int(0, 1);
    case 'UINT':
    case 'TIME':
      return rng.edgy(0, 0xffffffff);
    case 'INT':
      return rng.edgy(-0x80000000, 0x7fffffff);
    default:
      throw new Error(`no scalar generator for ${type}`);
  }
}

function fixedValue(rng: Rng, f: FixedFieldDef): unknown {
  if (f.type === 'STRING') return rng.text(f.size! - 1);
  if (f.type === 'UNSPEC') return rng.bytes(f.size!);
  if (f.type === 'TASKID') throw new Error('TASKID in a fixed part is not generated');
  return scalar(rng, f.type);
}

/** Bytes of data a value takes on the wire (without tag/length). */
function floatingValue(rng: Rng, f: FloatingFieldDef, v: number): { value: unknown; size: number } {
  const max = Math.min(f.max!, v < 20 ? 255 : 0xffff);
  switch (f.type) {
    case 'STRING': {
      const s = rng.text(max - 1);
      return { value: s, size: s.length + 1 };
    }
    case 'UNSPEC': {
      const b = rng.bytes(rng.bool(0.1) ? max : rng.int(0, Math.min(max, 40)));
      return { value: b, size: b.length };
    }
    case 'NAMEDVAR': {
      const name = rng.text(Math.min(32, max - 3), 1);
      const value = rng.text(Math.min(210, max - 2 - name.length));
      return { value: { name, value }, size: name.length + value.length + 2 };
    }
    case 'NAMEDARRAY': {
      const name = rng.text(Math.min(32, max - 4), 1);
      const value = rng.text(Math.min(210, max - 3 - name.length));
      return { value: { name, index: rng.edgy(0, 255), value }, size: 1 + name.length + value.length + 2 };
    }
    case 'TASKID':
      return {
        value: {
          taskGroupHigh: scalar(rng, 'INT'),
          taskGroupLow: scalar(rng, 'INT'),
          sequenceNumber: scalar(rng, 'INT'),
        },
        size: 12,
      };
    default:
      return { value: scalar(rng, f.type!), size: f.max! };
  }
}

const keyOf = (f: FloatingFieldDef): string => f.key ?? fieldKey(f.name);

/**
 * A random valid message of `def` for version `v`, exactly as decodeMessage would return it
 * (count fields filled, absent optional fields left out, repeated fields as arrays).
 */
export function randomMessage(rng: Rng, def: MessageDef, v: number): CtiMessage {
  const msg: CtiMessage = { messageType: def.name };
  const wide = v >= 20;
  const header = wide ? 4 : 2;
  const floats = def.floating.filter((f) => inVersion(f, v) && (wide || f.tag <= 0xff));
  let eccBytes = 0;
  const fullness = rng.next(); // some messages nearly empty, some nearly full
  const groups = new Map<string, FloatingFieldDef[]>();
  for (const f of floats) {
    if (f.group !== undefined) {
      const g = groups.get(f.group) ?? [];
      g.push(f);
      groups.set(f.group, g);
    }
  }
  for (const [, members] of groups) {
    const n = rng.bool(0.3) ? 0 : rng.int(1, 4);
    for (const f of members) {
      if (n === 0) continue;
      const arr: unknown[] = [];
      for (let i = 0; i < n; i++) arr.push(floatingValue(rng, f, v).value);
      msg[keyOf(f)] = arr;
    }
  }
  for (const f of floats) {
    if (f.group !== undefined) continue;
    const include = f.required === true || rng.next() < fullness;
    if (!include) continue;
    if (f.repeats) {
      const n = rng.int(f.required ? 1 : 0, 4);
      const arr: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const { value, size } = floatingValue(rng, f, v);
        if (f.type === 'NAMEDVAR' || f.type === 'NAMEDARRAY') {
          if (eccBytes + header + size > 2000) break;
          eccBytes += header + size;
        }
        arr.push(value);
      }
      if (arr.length > 0) msg[keyOf(f)] = arr;
    } else {
      msg[keyOf(f)] = floatingValue(rng, f, v).value;
    }
  }
  const floatKeyByName = new Map(def.floating.map((f) => [f.name, keyOf(f)]));
  for (const f of def.fixed) {
    if (!inVersion(f, v)) continue;
    const key = fieldKey(f.name);
    if (f.countOf !== undefined) {
      const arr = msg[floatKeyByName.get(f.countOf)!] as unknown[] | undefined;
      msg[key] = arr === undefined ? 0 : arr.length;
    } else {
      msg[key] = fixedValue(rng, f);
    }
  }
  return msg;
}
