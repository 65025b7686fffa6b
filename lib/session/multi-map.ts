/**
 * A key → values map that drops a key with its last value, so an index over short-lived calls does not keep an
 * empty collection for every call id it ever saw. Values are kept in small arrays: almost every key has one
 * value, and an array of one costs a fraction of a Set.
 */
export class MultiMap<K, V> {
  private readonly lists = new Map<K, V[]>();

  get(key: K): readonly V[] | undefined {
    return this.lists.get(key);
  }

  add(key: K, value: V): void {
    const list = this.lists.get(key);
    if (!list) this.lists.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  }

  delete(key: K, value: V): void {
    const list = this.lists.get(key);
    if (!list) return;
    const i = list.indexOf(value);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.lists.delete(key);
  }

  clear(): void {
    this.lists.clear();
  }
}
