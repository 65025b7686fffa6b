/**
 * A key → values map that drops a key with its last value, so an index over short-lived calls does not keep an
 * empty collection for every call id it ever saw. Almost every key has one value: it is stored as it is, and
 * only a second value makes a list (a Set, or even an array of one, would cost more than the entry itself).
 */
export class MultiMap<K, V> {
  private readonly entries = new Map<K, V | V[]>();

  /** The values of `key` (a new array; empty when none). */
  get(key: K): readonly V[] | undefined {
    const e = this.entries.get(key);
    if (e === undefined) return undefined;
    return Array.isArray(e) ? e.slice() : [e as V];
  }

  add(key: K, value: V): void {
    const e = this.entries.get(key);
    if (e === undefined) this.entries.set(key, value);
    else if (Array.isArray(e)) {
      if (!e.includes(value)) e.push(value);
    } else if (e !== value) this.entries.set(key, [e as V, value]);
  }

  delete(key: K, value: V): void {
    const e = this.entries.get(key);
    if (e === undefined) return;
    if (!Array.isArray(e)) {
      if (e === value) this.entries.delete(key);
      return;
    }
    const i = e.indexOf(value);
    if (i >= 0) e.splice(i, 1);
    if (e.length === 1) this.entries.set(key, e[0]);
    else if (e.length === 0) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
