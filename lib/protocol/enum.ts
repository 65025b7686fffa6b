/**
 * Name <-> value maps for the guide's enumerations and bit masks. Built once at load; lookups are
 * plain object / Map reads.
 */
export interface CtiEnum {
  /** The guide's name for each value, e.g. { LCS_ALERTING: 2 }. */
  readonly byName: Readonly<Record<string, number>>;
  /** The reverse map. Where the guide gives two names one value, the first listed wins. */
  readonly byValue: ReadonlyMap<number, string>;
  /** The name of a value, or undefined when the guide has none. */
  nameOf(value: number): string | undefined;
  /** The value of a name, or undefined when it is not one of this enumeration's names. */
  valueOf(name: string): number | undefined;
}

export interface CtiMask extends CtiEnum {
  /** Every bit of the mask that the guide defines, OR-ed together. */
  readonly allBits: number;
  /** The names of the bits set in `mask`, in ascending bit order; unnamed bits are left out. */
  namesOf(mask: number): string[];
  /** OR of the named bits; throws on an unknown name. */
  maskOf(names: readonly string[]): number;
}

export function defineEnum(byName: Record<string, number>): CtiEnum {
  const byValue = new Map<number, string>();
  for (const [name, value] of Object.entries(byName)) {
    if (!byValue.has(value)) byValue.set(value, name);
  }
  const frozen = Object.freeze({ ...byName });
  return Object.freeze({
    byName: frozen,
    byValue,
    nameOf: (value: number) => byValue.get(value),
    valueOf: (name: string) => (Object.prototype.hasOwnProperty.call(frozen, name) ? frozen[name] : undefined),
  });
}

export function defineMask(byName: Record<string, number>): CtiMask {
  const base = defineEnum(byName);
  let allBits = 0;
  for (const v of Object.values(byName)) allBits = (allBits | v) >>> 0;
  const bits = Object.entries(byName)
    .filter(([, v]) => v !== 0)
    .sort((a, b) => a[1] - b[1]);
  return Object.freeze({
    ...base,
    allBits,
    namesOf(mask: number): string[] {
      const out: string[] = [];
      for (const [name, v] of bits) if ((mask & v) >>> 0 === v) out.push(name);
      return out;
    },
    maskOf(names: readonly string[]): number {
      let m = 0;
      for (const n of names) {
        const v = base.valueOf(n);
        if (v === undefined) throw new RangeError(`unknown mask bit name "${n}"`);
        m = (m | v) >>> 0;
      }
      return m;
    },
  });
}

/** One property's value named: a number by its name (when it has one), an array element by element. */
export function enumName(names: ReadonlyMap<number, string>, v: unknown): unknown {
  if (typeof v === 'number') return names.get(v) ?? v;
  if (!Array.isArray(v)) return v;
  return v.map((x: unknown) => (typeof x === 'number' ? (names.get(x) ?? x) : x));
}
