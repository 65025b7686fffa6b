import { MIN_VERSION, type MessagePlan } from './catalog';
import { layoutFingerprint } from './layout-fingerprint';

/**
 * The tables the build writes into lib/protocol/generated/ (tools/write-codec.ts): per MessageType number, per
 * protocol version from MIN_VERSION on, the generated function and the fingerprint of the layout it was written
 * from (undefined: no layout in that version).
 */
export type GeneratedTable<F> = Readonly<Record<number, readonly (readonly [F, string] | undefined)[]>>;

/**
 * The generated function for `plan`, checked against the plan's current layout once (callers cache the result).
 * Throws when the build is older than the message table: a new or changed table needs `npm run build`.
 */
export function generatedFor<F>(table: GeneratedTable<F>, plan: MessagePlan, what: string): F {
  const entry = table[plan.id]?.[plan.version - MIN_VERSION];
  if (entry === undefined || entry[1] !== layoutFingerprint(plan)) {
    throw new Error(
      `${plan.name} v${plan.version}: the generated ${what} is ${entry === undefined ? 'missing' : 'stale'} ` +
        '(its message table is newer than the build): run npm run build',
    );
  }
  return entry[0];
}
