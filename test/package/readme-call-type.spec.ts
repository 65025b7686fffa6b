/**
 * The README's "From plain TypeScript" section shows the type of `msg.call` (issue 21). The source is the truth
 * (lib/calls/call-snapshot.ts) and the build checks every use of it; this keeps the copy users read from drifting:
 * the same fields, each optional or not as in the source. Both are read with the TypeScript parser, not by pattern.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');

/** Each property of `interface <name>` in `source`: its name, and whether it is optional. */
function fieldsOf(source: string, name: string, file: string): Map<string, boolean> {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found = sf.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  );
  assert.ok(found, `interface ${name} in ${file}`);
  const fields = new Map<string, boolean>();
  for (const m of found.members) {
    if (!ts.isPropertySignature(m) || !ts.isIdentifier(m.name)) continue;
    fields.set(m.name.text, m.questionToken !== undefined);
  }
  return fields;
}

/** The ```ts blocks of the README section that starts with `heading`. */
function codeBlocksOf(readme: string, heading: string): string[] {
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README section "${heading}"`);
  const next = readme.indexOf('\n## ', start + heading.length + 2);
  const section = readme.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe('README: the msg.call type shown is the one the package exports', () => {
  it('"From plain TypeScript" lists the fields of CallSnapshot, optional where the source is', () => {
    const srcFile = path.join(ROOT, 'lib', 'calls', 'call-snapshot.ts');
    const source = fieldsOf(fs.readFileSync(srcFile, 'utf8'), 'CallSnapshot', srcFile);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = codeBlocksOf(readme, '## From plain TypeScript / JavaScript').find((b) =>
      /\binterface CallSnapshot\b/.test(b),
    );
    assert.ok(block, 'the section shows interface CallSnapshot');
    const shown = fieldsOf(block, 'CallSnapshot', 'README.md');
    assert.ok(source.size > 20, `the parser found the source's fields (${source.size})`);
    const missing = [...source.keys()].filter((k) => !shown.has(k));
    const extra = [...shown.keys()].filter((k) => !source.has(k));
    assert.deepEqual(
      { missing, extra },
      { missing: [], extra: [] },
      'fields the README lacks / names that are not in the type',
    );
    const optional = [...source].filter(([k, opt]) => shown.get(k) !== opt).map(([k, opt]) => `${k}${opt ? '?' : ''}`);
    assert.deepEqual(optional, [], 'optional in one and not in the other (as the source has it)');
    // The same order, so the README reads as the source does.
    assert.deepEqual([...shown.keys()], [...source.keys()]);
  });
});
