/**
 * What the editor pages get as window.ciscoCti (nodes/build.js bundles this file with defaults.ts and
 * migrations.ts into every .html): the shared defaults and limits, and the migration of a node opened in its
 * edit dialog. Browser code: no Node imports.
 */
import { EDITOR_DEFAULTS } from './defaults';
import { CONFIG_VERSIONS, migratedCopy, type NodeType } from './migrations';

/** The few jQuery calls used here. */
interface JQueryLike {
  (selector: string): {
    length: number;
    attr(name: string): string | undefined;
    prop(name: string, value: boolean): unknown;
    val(value: string): unknown;
    trigger(event: string): unknown;
  };
}

/** The editor's node object, as far as this file reads it. */
interface EditorNode {
  [key: string]: unknown;
  _def: { category?: string; defaults: Record<string, unknown> };
}

export function editorApi($: JQueryLike | undefined) {
  return {
    defaults: EDITOR_DEFAULTS,
    configVersions: CONFIG_VERSIONS,
    /** The upgraded copy of a saved configuration (plain objects, as the runtime does it). */
    migrate: (type: NodeType, config: object): Record<string, unknown> => migratedCopy(type, config),
    /**
     * Call first in oneditprepare: upgrades a node saved by an older release. Fields with an input in the dialog
     * are set there (so the editor sees the change and saves it with Done); the others on the node itself.
     * Returns the names of the properties that changed.
     */
    prepareEdit(node: EditorNode, type: NodeType): string[] {
      const migrated = migratedCopy(type, node);
      const prefix = node._def.category === 'config' ? 'node-config-input-' : 'node-input-';
      const changed: string[] = [];
      for (const key of Object.keys(migrated)) {
        if (!(key in node._def.defaults)) continue;
        if (JSON.stringify(node[key]) === JSON.stringify(migrated[key])) continue;
        changed.push(key);
        const value = migrated[key];
        const input = $ === undefined ? undefined : $(`#${prefix}${key}`);
        if (input !== undefined && input.length > 0 && (value === null || typeof value !== 'object')) {
          if (input.attr('type') === 'checkbox') input.prop('checked', value === true || value === 'true');
          else input.val(String(value));
          input.trigger('change');
        } else {
          node[key] = value;
        }
      }
      return changed;
    },
  };
}
