/**
 * The house has no import cycles between files (lib/, nodes/, cli/, bench/): a module graph a reader can follow
 * from the leaves up, and no half-initialised module at require() time. Type-only imports count too — a cycle of
 * types is still two files that cannot be understood apart. Nor between rooms: no folder imports another that
 * imports it back (lib/session ↔ lib/record was one), so each room can be read with only the rooms below it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|(?:^|\n)\s*import\s+\w+\s*=\s*require\('(\.[^']+)'\)/g;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
}

/** Each file and the files it imports. */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const target = resolve(f, m[1] ?? m[2]);
      if (target !== undefined) deps.push(target);
    }
    graph.set(f, deps);
  }
  return graph;
}

function cycles(files: string[]): string[][] {
  return cyclesIn(importGraph(files)).map((c) => c.map((f) => path.relative(ROOT, f)));
}

/**
 * The room a file lives in: lib/<room> with everything under it (lib/protocol/messages is part of lib/protocol),
 * the files directly in lib/ as "lib"; nodes/lib/<part> (e.g. nodes/lib/server) and nodes/lib apart from the node
 * files in nodes/; cli, bench, tools as a whole.
 */
function roomOf(rel: string): string {
  const parts = rel.split(/[\\/]/).slice(0, -1);
  if (parts[0] === 'lib') return parts.slice(0, 2).join('/');
  if (parts[0] === 'nodes') return parts.slice(0, 3).join('/');
  return parts[0] ?? '.';
}

/** The folder graph (an edge per room that imports another) and its cycles, each as rooms. */
function roomCycles(files: string[], root: string): string[][] {
  const rooms = new Map<string, string[]>();
  for (const [f, deps] of importGraph(files)) {
    const from = roomOf(path.relative(root, f));
    const out = rooms.get(from) ?? [];
    rooms.set(from, out);
    for (const d of deps) {
      const to = roomOf(path.relative(root, d));
      if (to !== from && !out.includes(to)) out.push(to);
    }
  }
  return cyclesIn(rooms);
}

function cyclesIn(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const d of graph.get(f) ?? []) {
      if (state.get(d) === 'open') found.push([...stack.slice(stack.indexOf(d)), d]);
      else if (state.get(d) === undefined && graph.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('package: import graph', function () {
  const sources = (): string[] => ['lib', 'nodes', 'cli', 'bench'].flatMap((d) => sourceFiles(path.join(ROOT, d)));

  it('has no import cycles in lib/, nodes/, cli/ or bench/', function () {
    const files = sources();
    assert.ok(files.length > 50, 'found the sources');
    assert.deepEqual(cycles(files), []);
  });

  it('has no folder-level cycle among lib/*, nodes/ and cli/: no room imports one that imports it back', function () {
    const files = sources();
    const rooms = new Set(files.map((f) => roomOf(path.relative(ROOT, f))));
    for (const r of ['lib/protocol', 'lib/session', 'lib/record', 'lib/simulator', 'nodes', 'nodes/lib', 'cli']) {
      assert.ok(rooms.has(r), `found the room ${r}`);
    }
    assert.deepEqual(roomCycles(files, ROOT), []);
  });

  it('the library rooms import neither the nodes nor the command lines', function () {
    const graph = importGraph(sources());
    const wrong: string[] = [];
    for (const [f, deps] of graph) {
      if (!path.relative(ROOT, f).startsWith(`lib${path.sep}`)) continue;
      for (const d of deps) {
        const to = path.relative(ROOT, d);
        if (!to.startsWith(`lib${path.sep}`)) wrong.push(`${path.relative(ROOT, f)} -> ${to}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('finds a cycle when there is one (the check itself works)', function () {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'cti-cycle-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
      fs.writeFileSync(
        path.join(dir, 'b.ts'),
        "import type { a } from './a';\nexport const b = 1 as unknown as typeof a;\n",
      );
      fs.writeFileSync(path.join(dir, 'c.ts'), "export * from './a';\n");
      const found = cycles(sourceFiles(dir));
      assert.equal(found.length, 1);
      assert.deepEqual(
        found[0].map((f) => path.basename(f)),
        ['a.ts', 'b.ts', 'a.ts'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds a folder cycle made of files that form no file cycle (the room check itself works)', function () {
    // lib/x/a → lib/y/b and lib/y/c → lib/x/d: no file imports one that imports it back, but the rooms do.
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'cti-rooms-'));
    try {
      for (const room of ['lib/x', 'lib/y', 'cli']) fs.mkdirSync(path.join(dir, room), { recursive: true });
      fs.writeFileSync(path.join(dir, 'lib/x/a.ts'), "import { b } from '../y/b';\nexport const a = b;\n");
      fs.writeFileSync(path.join(dir, 'lib/y/b.ts'), 'export const b = 1;\n');
      fs.writeFileSync(path.join(dir, 'lib/y/c.ts'), "import { d } from '../x/d';\nexport const c = d;\n");
      fs.writeFileSync(path.join(dir, 'lib/x/d.ts'), 'export const d = 2;\n');
      fs.writeFileSync(path.join(dir, 'cli/e.ts'), "import { a } from '../lib/x/a';\nexport const e = a;\n");
      const files = sourceFiles(dir);
      assert.deepEqual(cycles(files), [], 'no file cycle');
      assert.deepEqual(roomCycles(files, dir), [['lib/x', 'lib/y', 'lib/x']]);
      fs.rmSync(path.join(dir, 'lib/y/c.ts'));
      assert.deepEqual(roomCycles(sourceFiles(dir), dir), [], 'one direction only: no cycle');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
