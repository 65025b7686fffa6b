/**
 * Which Node-RED the node, example and browser specs run against: the project's own devDependency, or — for
 * CI's compatibility runs — another release installed outside the project's dependencies, named by
 * NODE_RED_PATH (the directory of that install's `node-red` package, e.g. `.ci/cache/nr31/node_modules/node-red`).
 */
import fs from 'node:fs';
import path from 'node:path';

/** The directory of the `node-red` package under test. */
export const NODE_RED_DIR = process.env.NODE_RED_PATH
  ? path.resolve(process.env.NODE_RED_PATH)
  : path.dirname(require.resolve('node-red/package.json'));

if (!fs.existsSync(path.join(NODE_RED_DIR, 'package.json'))) {
  throw new Error(`NODE_RED_PATH=${process.env.NODE_RED_PATH}: no node-red package there`);
}

/** Its version, e.g. "3.1.15". */
export const NODE_RED_VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(NODE_RED_DIR, 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * Resolves a module the way that Node-RED itself would (`node-red`, `node-red/red.js`,
 * `@node-red/nodes/core/…`): from its own install, never silently from the project's.
 */
export function resolveFromNodeRed(request: string): string {
  if (request === 'node-red') return require.resolve(NODE_RED_DIR);
  if (request.startsWith('node-red/'))
    return require.resolve(path.join(NODE_RED_DIR, request.slice('node-red/'.length)));
  const found = require.resolve(request, { paths: [NODE_RED_DIR] });
  // Node walks up parent directories: an install inside the project could fall back on the project's modules.
  if (!found.startsWith(path.dirname(NODE_RED_DIR) + path.sep)) {
    throw new Error(`${request} resolved outside the Node-RED install under test (${found})`);
  }
  return found;
}
