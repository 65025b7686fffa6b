/**
 * Every message laid out in cti-protocol.md is in the catalog with exactly the reference's fields.
 * The layouts come from fixtures/reference-layouts.json, extracted from the markdown by test/protocol/extract-layouts.js.
 * Table layouts are compared exactly (fixed part: names, types, sizes, order; floating part: names, types, max);
 * one-line prose layouts are less structured, so each field they name must exist with the type/size given.
 * Version-dependent fields are compared with the newest version's layout (25), and a reference "PVnn" note must
 * match the field's `since`.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getMessageDef, TAGS, type MessageDef } from '../../lib/protocol';

interface RefFixed {
  name: string;
  type: string | null;
  size: number | null;
  since?: number | null;
  source: 'table' | 'prose';
}
interface RefFloating {
  name: string;
  type: string | null;
  max: number | null;
  required: boolean | null;
  repeats: boolean;
  since?: number | null;
  source: 'table' | 'prose';
}
interface RefMessage {
  name: string;
  id: number;
  fixed: RefFixed[] | null;
  floating: RefFloating[] | null;
  sources: string[];
}

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURE = path.join(__dirname, 'fixtures', 'reference-layouts.json');
const REFERENCE_MD = path.resolve(ROOT, '..', 'shared', 'cti-protocol.md');
const layouts: RefMessage[] = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')).messages;

/**
 * Fields the reference lists but gives no tag number for: a codec cannot put them on the wire, so the catalog
 * leaves them out (a server that sends one is decoded into unknownFields). Each entry says why.
 */
const UNTAGGED: Record<string, string> = {
  'OPEN_REQ.UniqueInstanceID': 'cti-protocol.md lists it (STRING 64, optional) but no tag table names it',
};

const SIZES: Record<string, number> = { UCHAR: 1, USHORT: 2, SHORT: 2, UINT: 4, INT: 4, BOOL: 2, TIME: 4, TASKID: 12 };
/** The guide's ULONG (MAKE_PREDICTIVE_CALL_REQ) is a 4-byte unsigned integer. */
const normType = (t: string | null): string | null => (t === 'ULONG' ? 'UINT' : t);

const inV25 = (f: { since?: number; until?: number }): boolean =>
  (f.since === undefined || 25 >= f.since) && (f.until === undefined || 25 <= f.until);

function fixedOf(def: MessageDef): { name: string; type: string; size: number; since?: number }[] {
  return def.fixed
    .filter(inV25)
    .map((f) => ({ name: f.name, type: f.type, size: f.size ?? SIZES[f.type], since: f.since }));
}

describe('catalog matches the layouts in cti-protocol.md', () => {
  it('the extracted layouts fixture is current', function () {
    if (!fs.existsSync(REFERENCE_MD)) this.skip(); // only outside CI, where ../shared is absent

    const { extract, render } = require(path.join(ROOT, 'test', 'protocol', 'extract-layouts.js'));
    const fresh = render(extract(fs.readFileSync(REFERENCE_MD, 'utf8')));
    assert.equal(fresh, fs.readFileSync(FIXTURE, 'utf8'), 'run node test/protocol/extract-layouts.js');
  });

  it('fields left out for want of a tag are really untagged in the tag table', () => {
    for (const field of Object.keys(UNTAGGED)) {
      const tagName = field
        .split('.')[1]
        .replace(/([a-z])([A-Z])/g, '$1_$2')
        .toUpperCase();
      assert.ok(!TAGS.some((t) => t.name.startsWith(tagName)), `${field}: tag ${tagName} now exists; add the field`);
    }
  });

  it('the fixture covers types 1–31 and the Part 2 messages', () => {
    const ids = new Set(layouts.map((m) => m.id));
    for (let id = 1; id <= 31; id++) assert.ok(ids.has(id), `type ${id} missing from fixture`);
    assert.ok(layouts.length >= 60, `only ${layouts.length} messages extracted`);
  });

  for (const ref of layouts) {
    describe(`${ref.name} (${ref.id})`, () => {
      const def = getMessageDef(ref.name);

      it('is in the catalog under its name and number', () => {
        assert.ok(def, `${ref.name} is not in the catalog`);
        assert.equal(def.id, ref.id);
        assert.equal(getMessageDef(ref.id)?.name, ref.name);
      });

      if (ref.fixed !== null) {
        it('fixed part: names, types, sizes (and order for table layouts)', () => {
          assert.ok(def);
          const cat = fixedOf(def);
          const fromTable = ref.fixed!.every((f) => f.source === 'table');
          if (fromTable) {
            assert.deepStrictEqual(
              cat.map((f) => `${f.name} ${f.type} ${f.size}`),
              ref.fixed!.map((f) => `${f.name} ${normType(f.type)} ${f.size}`),
            );
          } else {
            let last = -1;
            for (const r of ref.fixed!) {
              const at = cat.findIndex((f) => f.name === r.name);
              assert.ok(at !== -1, `fixed field ${r.name} missing; catalog has ${cat.map((f) => f.name).join(', ')}`);
              assert.ok(at > last, `fixed field ${r.name} out of order`);
              last = at;
              if (r.type !== null) assert.equal(cat[at].type, normType(r.type), `${r.name} type`);
              if (r.size !== null) assert.equal(cat[at].size, r.size, `${r.name} size`);
            }
          }
        });

        it('fixed part: version notes (PVnn) match `since`', () => {
          assert.ok(def);
          for (const r of ref.fixed!) {
            if (!r.since) continue;
            const f: { since?: number } | undefined = def.fixed.find((x) => x.name === r.name);
            assert.equal(f?.since, r.since, `${r.name} since`);
          }
        });
      }

      if (ref.floating !== null) {
        it('floating part: names, types, max', () => {
          assert.ok(def);
          const cat = def.floating.filter(inV25);
          const fromTable = ref.floating!.every((f) => f.source === 'table');
          const problems: string[] = [];
          for (const r of ref.floating!) {
            const f = cat.find((x) => x.name === r.name);
            if (f === undefined) {
              if (UNTAGGED[`${ref.name}.${r.name}`] !== undefined) continue;
              problems.push(`missing ${r.name}`);
              continue;
            }
            if (r.type !== null && r.type !== '?' && f.type !== normType(r.type))
              problems.push(`${r.name} type ${f.type}, reference ${r.type}`);
            if (r.max !== null && f.max !== r.max) problems.push(`${r.name} max ${f.max}, reference ${r.max}`);
            if (r.repeats && f.repeats !== true) problems.push(`${r.name} should repeat`);
            if (r.required === true && f.required !== true) problems.push(`${r.name} is "req" in the reference`);
            if (r.required === false && f.required === true) problems.push(`${r.name} is "opt" in the reference`);
          }
          if (fromTable) {
            for (const f of cat)
              if (!ref.floating!.some((r) => r.name === f.name))
                problems.push(`extra ${f.name} (not in the reference table)`);
          }
          assert.deepStrictEqual(problems, []);
        });

        it('floating part: version notes (PVnn) match `since`', () => {
          assert.ok(def);
          for (const r of ref.floating!) {
            if (!r.since) continue;
            const f: { since?: number } | undefined = def.floating.find((x) => x.name === r.name);
            assert.equal(f?.since, r.since, `${r.name} since`);
          }
        });
      }
    });
  }

  describe('version history (cti-protocol.md "Version history" and section 9)', () => {
    const facts: [string, string, 'fixed' | 'floating', number][] = [
      ['OPEN_CONF', 'DepartmentID', 'fixed', 19],
      ['OPEN_CONF', 'SessionType', 'fixed', 24],
      ['AGENT_STATE_EVENT', 'DepartmentID', 'fixed', 19],
      ['AGENT_STATE_EVENT', 'Direction', 'floating', 16],
      ['AGENT_STATE_EVENT', 'MaxBeyondTaskLimit', 'floating', 22],
      ['QUERY_AGENT_STATE_CONF', 'DepartmentID', 'fixed', 19],
      ['QUERY_AGENT_STATE_CONF', 'MaxBeyondTaskLimit', 'floating', 22],
      ['AGENT_PRE_CALL_EVENT', 'AgentSkillTargetID', 'fixed', 20],
      ['AGENT_PRE_CALL_EVENT', 'AgentID', 'floating', 20],
      ['AGENT_PRE_CALL_EVENT', 'CcaiConfigId', 'floating', 24],
      ['AGENT_PRE_CALL_EVENT', 'FltEnabledServices', 'floating', 24],
      ['AGENT_PRE_CALL_EVENT', 'NumOfEnabledServices', 'floating', 24],
    ];
    for (const [msg, field, part, since] of facts) {
      it(`${msg}.${field} since v${since}`, () => {
        const def = getMessageDef(msg);
        assert.ok(def, `${msg} missing`);
        const f = (part === 'fixed' ? def.fixed : def.floating).find((x) => x.name === field);
        assert.ok(f, `${field} missing`);
        assert.equal(f.since, since);
      });
    }
  });
});
