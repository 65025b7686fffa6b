import type { MessagePlan } from './catalog';

/**
 * A short fingerprint of everything in a plan that the generated encoder and decoder depend on (fields, types,
 * sizes, tags, limits, groups, the tag width). The build stores it beside each generated function; the codec
 * compares it on a message type's first use, so a message table edited since the last build fails with "run npm
 * run build" instead of writing or reading the old layout.
 */
export function layoutFingerprint(plan: MessagePlan): string {
  const text = JSON.stringify([
    plan.id,
    plan.name,
    plan.version >= 20,
    plan.fixed.map((f) => [f.key, f.type, f.size, f.default, f.countOf]),
    plan.floats.map((f) => [f.key, f.tag, f.type, f.max, f.required, f.repeats, f.maxCount, f.follows?.key]),
    plan.byTag.map((f, tag) => (f === undefined ? 0 : [tag, f.key])).filter((x) => x !== 0),
    plan.encodeSteps.map((s) => (Array.isArray(s) ? s.map((f) => f.key) : s.key)),
  ]);
  // FNV-1a, 32 bits: a checksum against a stale build, not a security measure.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
