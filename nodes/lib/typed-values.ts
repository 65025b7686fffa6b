/**
 * Editor typed inputs (msg / flow / global / str / num / jsonata / env) evaluated against a message.
 * JSONata and context stores can be asynchronous, so everything goes through the callback form.
 */
import type { Node, NodeAPI, NodeMessage } from 'node-red';

export const TYPED_INPUT_TYPES = ['msg', 'flow', 'global', 'str', 'num', 'jsonata', 'env'] as const;

export interface TypedValue {
  value: string;
  type: string;
}

/** True when the editor field was left empty, so the value is "not set" rather than "set to empty". */
export function isUnset(tv: TypedValue | undefined): boolean {
  return tv === undefined || tv.value === undefined || tv.value === null || String(tv.value) === '';
}

/** Reads `<prop>` and `<prop>Type` from a node's config. */
export function typedFromConfig(config: Record<string, unknown>, prop: string): TypedValue | undefined {
  const value = config[prop];
  if (value === undefined || value === null || value === '') return undefined;
  const type = typeof config[`${prop}Type`] === 'string' ? (config[`${prop}Type`] as string) : 'str';
  return { value: String(value), type };
}

/** Evaluates one typed value; resolves undefined for an unset field. Rejects with a message naming `label`. */
export function evaluateTyped(
  RED: NodeAPI,
  node: Node,
  tv: TypedValue | undefined,
  msg: NodeMessage,
  label: string,
): Promise<unknown> {
  if (tv === undefined || isUnset(tv)) return Promise.resolve(undefined);
  if (tv.type === 'msg') {
    // A missing message property means "not given" (msg.crm.name when msg.crm is absent), not an error.
    try {
      return Promise.resolve(RED.util.getMessageProperty(msg, tv.value));
    } catch {
      return Promise.resolve(undefined);
    }
  }
  return new Promise((resolve, reject) => {
    try {
      RED.util.evaluateNodeProperty(tv.value, tv.type, node, msg, (err, result) => {
        if (err) reject(new Error(`${label}: could not evaluate ${tv.type} "${tv.value}": ${err.message}`));
        else resolve(result);
      });
    } catch (err) {
      reject(new Error(`${label}: could not evaluate ${tv.type} "${tv.value}": ${(err as Error).message}`));
    }
  });
}
