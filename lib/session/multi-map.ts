/**
 * A key → set of values map that drops a key with its last value, so an index over short-lived calls does
 * not keep one empty set for every call id it ever saw.
 */
export class MultiMap<K, V> {
  private readonly sets = new Map<K, Set<V>>();

  get(key: K): ReadonlySet<V> | undefined {
    return this.sets.get(key);
  }

  add(key: K, value: V): void {
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = new Set()));
    set.add(value);
  }

  delete(key: K, value: V): void {
    const set = this.sets.get(key);
    set?.delete(value);
    if (set && set.size === 0) this.sets.delete(key);
  }

  clear(): void {
    this.sets.clear();
  }
}
