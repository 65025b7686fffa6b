/**
 * The house has no import cycles between files (lib/, nodes/, bench/): a module graph a reader can follow from
 * the leaves up, and no half-initialised module at require() time. Type-only imports count too — a cycle of
 * types is still two files that cannot be understood apart.
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

function cycles(files: string[]): string[][] {
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
  return found.map((c) => c.map((f) => path.relative(ROOT, f)));
}

describe('package: import graph', function () {
  it('has no import cycles in lib/, nodes/ or bench/', function () {
    const files = ['lib', 'nodes', 'bench'].flatMap((d) => sourceFiles(path.join(ROOT, d)));
    assert.ok(files.length > 50, 'found the sources');
    assert.deepEqual(cycles(files), []);
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
});
