/**
 * Shared strings for what the trackers keep. Every decoded message brings fresh copies of the same DNIS, call
 * type names, ECC names, languages, skill-group devices …; a tracked call keeps one shared instance instead of
 * its own copy. Bounded: the pool starts afresh when full, so values that never repeat (a customer id) cannot
 * grow it without limit.
 */
const MAX_ENTRIES = 20_000;
/** Longer values rarely repeat (free text, wrap-up data): not worth a lookup. */
const MAX_LENGTH = 48;

const pool = new Map<string, string>();

export function shared(s: string): string {
  if (s.length > MAX_LENGTH) return s;
  const known = pool.get(s);
  if (known !== undefined) return known;
  if (pool.size >= MAX_ENTRIES) pool.clear();
  pool.set(s, s);
  return s;
}

/** `v` with a string value shared. */
export function sharedValue<T>(v: T): T {
  return (typeof v === 'string' ? shared(v) : v) as T;
}
