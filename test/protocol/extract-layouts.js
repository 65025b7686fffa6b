#!/usr/bin/env node
/**
 * Extracts the message layouts laid out in cti-protocol.md into test/protocol/fixtures/reference-layouts.json,
 * which test/protocol/catalog.spec.ts compares against the codec's catalog.
 *
 *   node test/protocol/extract-layouts.js [path/to/cti-protocol.md] [--check]
 *
 * Default input: ../shared/cti-protocol.md relative to the repository root. --check exits 1 when the committed
 * JSON differs from a fresh extraction. Plain Node, no dependencies.
 *
 * What is read: every "## / ###" heading naming messages ("NAME (MessageType n)", "NAME (n)", "A (n) and B (m)",
 * "A_REQ (n) / A_CONF (m)", "A_REQ (n) / CONF (m)"); the markdown layout tables under it (a fixed table has an
 * "off" column, a floating table starts "Field | Type | Max"); and one-line prose layouts of the form
 * "Name TYPE size" after "fixed…:", "Floating:" or "NAME (n):". A table or line mentioning CONF belongs to the
 * CONF message of a REQ/CONF heading. Names written "A (11) / B (12)" go to the message with that number;
 * "CallVariable1..10" expands to ten fields; "NamedVariable / NamedArray" to both.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test', 'protocol', 'fixtures', 'reference-layouts.json');
const TYPES = [
  'UCHAR',
  'USHORT',
  'SHORT',
  'UINT',
  'INT',
  'BOOL',
  'TIME',
  'STRING',
  'UNSPEC',
  'NAMEDVAR',
  'NAMEDARRAY',
  'TASKID',
  'ULONG',
];

function parseHeading(text) {
  const msgs = [];
  const re = /\b([A-Z][A-Z0-9_]*[A-Z0-9])\s*\((?:MessageType\s+)?(\d+)\)/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    let name = m[1];
    if (name === 'CONF' && msgs.length > 0) name = msgs[0].name.replace(/_REQ$/, '_CONF');
    msgs.push({ name, id: Number(m[2]) });
  }
  return msgs;
}

/** "A (11) / B (12)" → the name for message id; plain names pass through. */
function variantName(cell, id) {
  const parts = cell.split('/').map((s) => s.trim());
  if (parts.length > 1) {
    for (const p of parts) {
      const m = /^(\w+)\s*\((\d+)\)$/.exec(p);
      if (m && Number(m[2]) === id) return m[1];
    }
  }
  return cell.replace(/\s*\(.*\)$/, '').trim();
}

function expandNames(name) {
  let m = /^(CallVariable)1\s*(?:\.\.|…)\s*(?:CallVariable)?10$/.exec(name);
  if (m) return Array.from({ length: 10 }, (_, i) => `${m[1]}${i + 1}`);
  m = /^(\w+)\s*\/\s*(\w+)$/.exec(name);
  if (m) return [m[1], m[2]];
  return [name];
}

/** "PV19+", "(PV24)", "PV22+" in a notes cell → 19 / 24 / 22. "PV14" facts predate every supported version. */
function sinceOf(text) {
  const m = /\bPV(\d+)\b/.exec(text);
  return m && Number(m[1]) > 15 ? Number(m[1]) : null;
}

function cells(line) {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

function parseTable(lines, kind, id) {
  const fields = [];
  const header = cells(lines[0]).map((h) => h.toLowerCase());
  for (const line of lines.slice(2)) {
    const c = cells(line);
    const row = {};
    header.forEach((h, i) => (row[h] = c[i] ?? ''));
    const rawName = variantName(row.field, id);
    const typeCell = row.type || '';
    if (kind === 'fixed') {
      const type = typeCell.split(/\s/)[0];
      const size = parseInt(row.size, 10);
      fields.push({
        name: rawName,
        type,
        size,
        offset: parseInt(row.off, 10),
        since: sinceOf(`${row.notes || ''} ${row.size || ''}`),
      });
    } else {
      const names = expandNames(rawName);
      const types = typeCell.split('/').map((s) => s.trim());
      const maxes = (row.max || '').split('/').map((s) => s.trim());
      names.forEach((n, i) => {
        let type = (types[i] ?? types[0]).split(/\s/)[0];
        let max = parseInt(maxes[i] ?? maxes[0], 10);
        // "NamedVariable / NamedArray | NAMEDVAR 251 / NAMEDARRAY 252 |" and "| 251 / 252 | |"
        const tm = /^([A-Z]+)\s+(\d+)$/.exec(types[i] ?? '');
        if (tm) {
          type = tm[1];
          max = Number(tm[2]);
        }
        if (/^\d+$/.test(type)) {
          max = Number(type);
          type = n === 'NamedVariable' ? 'NAMEDVAR' : n === 'NamedArray' ? 'NAMEDARRAY' : '?';
        }
        const req = (row.req || '').toLowerCase();
        const notes = `${row.req || ''} ${row.notes || ''}`;
        fields.push({
          name: n,
          type: TYPES.includes(type) ? type : type.startsWith('USHORT') ? 'USHORT' : '?',
          max: Number.isNaN(max) ? null : max,
          required: /^\*{0,2}req\b/.test(req) ? true : /^opt\b/.test(req) ? false : null,
          repeats: /repeat/i.test(notes),
          since: sinceOf(notes),
        });
      });
    }
  }
  return fields;
}

/** "InvokeID UINT 4 (0); Status UINT 4" → fields; untyped "InvokeID 4" gets type null. */
function parseProseItems(text, kind) {
  const fields = [];
  // "Text (TEXT_TAG 7, STRING 255)" → "Text STRING 255"
  text = text.replace(/(\w+) \(\w+_TAG \d+, (\w+) (\d+)\)/g, '$1 $2 $3');
  const re =
    /\b([A-Z][A-Za-z0-9_]*(?:1\s*\.\.\s*10)?)\s+(?:(UCHAR|USHORT|SHORT|UINT|INT|BOOL|TIME|STRING|UNSPEC|ULONG)\s+)?(\d+)\b/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (TYPES.includes(m[1]) || /_TAG$|^PV\d*$|^E_CTI/.test(m[1])) continue;
    const before = text.slice(0, m.index);
    const inRepeat = /×\s*\{[^}]*$/.test(before);
    const after = text.slice(re.lastIndex, re.lastIndex + 8);
    for (const n of expandNames(m[1].replace(/\s+/g, ''))) {
      const type = m[2] || null;
      const size = Number(m[3]);
      if (kind === 'fixed') fields.push({ name: n, type, size });
      else {
        const required = /^\s*\(?req\b/.test(after) ? true : /^\s*\(?opt\b/.test(after) ? false : null;
        fields.push({ name: n, type, max: size, required, repeats: inRepeat });
      }
    }
  }
  return fields;
}

const MARKER =
  /\b(REQ fixed body \d+(?: bytes)?:|(?:REQ |CONF )?[Ff]loating:|[A-Z_]*CONF(?: \(\d+\))?(?: fixed body \d+(?: bytes)?)?:|Fixed(?: body \d+(?: bytes)?)?:|Fixed part \(body \d+ bytes\):)/g;

/**
 * Prose layouts inside a message section: "REQ fixed body 14: …", "Floating: …", "CONF (57) fixed body 14: …",
 * "CONF: InvokeID UINT 4", "Fixed: InvokeID UINT 4". Tables are handled separately.
 */
function proseLayout(section, line, emit) {
  if (/^\|/.test(line) || section.length === 0) return;
  const state = proseLayout.state;
  if (state.section !== section) {
    state.section = section;
    state.target = section[0];
    state.kind = null;
    state.skip = false;
  }
  // A paragraph that starts with another message ("MAKE_PREDICTIVE_CALL_REQ (58) / CONF (59), compact: …") lays out
  // a message without a heading of its own: not attributed to this section's messages.
  const other = /^([A-Z][A-Z0-9_]+) \((\d+)\)/.exec(line);
  if (other && !section.some((m) => m.id === Number(other[2]))) state.skip = true;
  if (state.skip) return;
  const pieces = line.split(MARKER);
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    if (k % 2 === 1) {
      const conf = /CONF/.test(piece) && section.length > 1;
      if (conf) state.target = section.find((m) => /_CONF$/.test(m.name)) || section[1];
      else if (/^REQ/.test(piece)) state.target = section[0];
      state.kind = /loating/.test(piece) ? 'floating' : 'fixed';
      if (/^[A-Z_]*CONF(?: \(\d+\))?:$/.test(piece)) state.kind = 'fixed';
      continue;
    }
    if (state.kind === null) continue;
    let text = piece;
    const stop = text.search(/\.\s|\.$|⚠|Unsure|Rule:|Remote Agent/);
    const ends = stop !== -1;
    if (ends) text = text.slice(0, stop);
    let items = parseProseItems(text, state.kind);
    if (state.kind === 'fixed' && items.length === 0 && /^\s*InvokeID\b/.test(text))
      items = [{ name: 'InvokeID', type: null, size: null }];
    if (items.length > 0) emit(state.target, state.kind, items);
    if (ends) state.kind = null;
  }
}
proseLayout.state = { section: null, target: null, kind: null, skip: false };

function extract(markdown) {
  proseLayout.state = { section: null, target: null, kind: null, skip: false };
  const lines = markdown.split(/\r?\n/);
  const out = new Map();
  let section = [];
  const get = (msg) => {
    if (!out.has(msg.name)) out.set(msg.name, { name: msg.name, id: msg.id, fixed: null, floating: null, sources: [] });
    return out.get(msg.name);
  };
  const assign = (msg, kind, fields, how) => {
    const entry = get(msg);
    // A table is the authoritative layout; prose after it (e.g. the next, heading-less message) is ignored.
    if (how === 'prose' && entry.sources.includes(`${kind}:table`)) return;
    for (const f of fields) f.source = how;
    if (entry[kind] === null) entry[kind] = fields;
    else entry[kind] = entry[kind].concat(fields);
    entry.sources.push(`${kind}:${how}`);
  };
  let context = ''; // last prose line, decides REQ vs CONF for the next table
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const h = /^#{2,3}\s+(.*)$/.exec(line);
    if (h) {
      section = parseHeading(h[1]);
      section.forEach(get);
      context = '';
      continue;
    }
    if (section.length === 0) {
      // Part 1 prose messages without their own heading: "HEARTBEAT_REQ (5): InvokeID UINT 4."
      const inline = line.matchAll(/\b([A-Z][A-Z_]+)\s+\((\d+)\):\s*([^.]*?)(?=\.\s|\.$|$)/g);
      for (const m of inline) {
        if (/_(REQ|CONF|EVENT)$/.test(m[1]))
          assign({ name: m[1], id: Number(m[2]) }, 'fixed', parseProseItems(m[3], 'fixed'), 'prose');
      }
      continue;
    }
    if (/^\|/.test(line) && i + 1 < lines.length && /^\|[-| :]+\|$/.test(lines[i + 1].trim())) {
      const block = [];
      while (i < lines.length && /^\|/.test(lines[i])) block.push(lines[i++]);
      i--;
      const header = cells(block[0]).map((c) => c.toLowerCase());
      const isConf = section.length > 1 && /\bCONF\b/.test(context);
      const targets =
        section.length > 1 && /_REQ$/.test(section[0].name) ? [isConf ? section[1] : section[0]] : section;
      for (const msg of targets) {
        if (header[0] === 'off') assign(msg, 'fixed', parseTable(block, 'fixed', msg.id), 'table');
        else if (header[0] === 'field' && header[1] === 'type' && header[2] === 'max')
          assign(msg, 'floating', parseTable(block, 'floating', msg.id), 'table');
      }
      continue;
    }
    if (line.trim() !== '') context = line;
    proseLayout(section, line, (msg, kind, fields) => assign(msg, kind, fields, 'prose'));
  }
  return [...out.values()].sort((a, b) => a.id - b.id || a.name.localeCompare(b.name));
}

function render(layouts) {
  return (
    JSON.stringify(
      { source: 'cti-protocol.md', extractor: 'test/protocol/extract-layouts.js', messages: layouts },
      null,
      1,
    ) + '\n'
  );
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const input = args.find((a) => !a.startsWith('--')) || path.resolve(ROOT, '..', 'shared', 'cti-protocol.md');
  const text = render(extract(fs.readFileSync(input, 'utf8')));
  if (check) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(ROOT, OUT)} is out of date; run node test/protocol/extract-layouts.js`);
      process.exit(1);
    }
    return;
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(ROOT, OUT)}`);
}

module.exports = { extract, render };
if (require.main === module) main();
