/**
 * Every user-facing text of the nodes comes from the message catalogs in nodes/locales. Node-RED's RED._ answers
 * from the user's language; where it cannot (a runtime without the catalogs loaded, such as the test helper, or a
 * key missing in that language) the en-US catalog shipped beside this file answers, so the code holds keys only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Params = Record<string, string | number>;
/**
 * Translates a catalog key such as "cti-server.status.connected" with __name__ parameters. `fallback` is for
 * callers whose catalog may not have the key yet: it answers instead of the bare key.
 */
export type Translate = (key: string, params?: Params, fallback?: string) => string;

type Catalog = { [k: string]: string | Catalog };
const catalogs = new Map<string, Catalog | null>();

function englishCatalog(namespace: string): Catalog | null {
  if (!catalogs.has(namespace)) {
    let catalog: Catalog | null = null;
    try {
      const file = path.join(__dirname, '..', 'locales', 'en-US', `${namespace}.json`);
      catalog = JSON.parse(fs.readFileSync(file, 'utf8')) as Catalog;
    } catch {
      catalog = null;
    }
    catalogs.set(namespace, catalog);
  }
  return catalogs.get(namespace) ?? null;
}

function substitute(template: string, params: Params | undefined): string {
  if (params === undefined) return template;
  return template.replace(/__([A-Za-z0-9]+)__/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The en-US text for a key (the key itself when no catalog has it, so a missing entry is visible, not blank). */
export function english(key: string, params?: Params, fallback?: string): string {
  const [namespace] = key.split('.', 1);
  let node: string | Catalog | undefined = englishCatalog(namespace) ?? undefined;
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  if (typeof node === 'string') return substitute(node, params);
  return fallback ?? key;
}

type RedUnderscore = (key: string, params?: Record<string, string>) => string;

/** A Translate over RED._ that falls back to the shipped en-US catalog when RED._ gives the key back. */
export function translator(redUnderscore: RedUnderscore | undefined): Translate {
  return (key, params, fallback) => {
    if (redUnderscore !== undefined) {
      try {
        const stringParams =
          params === undefined ? undefined : Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
        const out = redUnderscore(key, stringParams);
        if (typeof out === 'string' && out !== '' && out !== key && !out.endsWith(`:${key}`)) return out;
      } catch {
        // fall through to the shipped catalog
      }
    }
    return english(key, params, fallback);
  };
}

let shared: Translate = translator(undefined);

/** Called once by each node module with its RED: helpers without a RED of their own translate through it. */
export function useRuntimeTranslator(redUnderscore: RedUnderscore): void {
  shared = translator(redUnderscore);
}

/** The translator installed by useRuntimeTranslator (en-US only until a node module installs one). */
export const tr: Translate = (key, params, fallback) => shared(key, params, fallback);
