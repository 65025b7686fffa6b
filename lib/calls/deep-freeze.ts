/**
 * Snapshots are frozen all the way down so that one flow cannot change what another flow, or the tracker,
 * sees. Buffers are left as they are: Object.freeze throws on a Buffer with contents, and every snapshot
 * gets its own copy of each Buffer anyway.
 */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Buffer.isBuffer(o) && !Object.isFrozen(o)) {
    for (const v of Object.values(o as object)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
