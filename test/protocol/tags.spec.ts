/**
 * The shared floating-tag table and the message layouts agree: every field's tag is in the table (or is a
 * documented guess), and its type and size are the table's unless the reference prints that message differently.
 */
import assert from 'node:assert/strict';
import { MESSAGE_DEFS, TAG_BY_NUMBER, type MessageDef } from '../../lib/protocol';
import { compile } from '../../lib/protocol/catalog';

/** Message fields whose layout in cti-protocol.md differs from the tag's usual type; each is the reference's own. */
const LAYOUT_OVERRIDES: Record<string, string> = {
  'CALL_DEQUEUED_EVENT.SkillGroupNumber': 'UINT in this layout, INT in CALL_QUEUED_EVENT / AGENT_STATE_EVENT',
  'QUERY_AGENT_STATE_CONF.SkillGroupNumber': 'UINT in this layout, INT in CALL_QUEUED_EVENT / AGENT_STATE_EVENT',
  'CONFIG_AGENT_EVENT.LoginName': 'STRING 32 before v20, 255 from v20 (two entries of the layout)',
  'CONFIG_SKILL_GROUP_EVENT.AutoWork': 'BOOL; no tag printed, 185 (AGENT_SKILL_TARGET_ID_TAG elsewhere) as UCCX uses',
  'EMERGENCY_CALL_EVENT.ClientAddress': "STRING 16 before v19, 64 from v19 (the table's size)",
};
/** Tags the reference does not print; chosen in the message table with an Unsure comment. */
const GUESSED_TAGS: Record<string, number> = {
  'CALL_AGENT_GREETING_EVENT.GreetingType': 235,
  // Printed "Used" without a name; the PV14–18 guides put ClientAddressIPV6 here.
  'EMERGENCY_CALL_EVENT.ClientAddressIPV6': 226,
};

describe('floating tag table vs message layouts', () => {
  for (const def of MESSAGE_DEFS) {
    if (def.floating.length === 0) continue;
    it(`${def.name}: every floating field matches the shared tag table`, () => {
      const problems: string[] = [];
      for (const f of def.floating) {
        const id = `${def.name}.${f.name}`;
        const tag = TAG_BY_NUMBER.get(f.tag);
        if (tag === undefined) {
          if (GUESSED_TAGS[id] !== f.tag) problems.push(`${id}: tag ${f.tag} is not in the tag table`);
          continue;
        }
        if (LAYOUT_OVERRIDES[id] !== undefined) continue;
        if (f.type !== undefined && f.type !== tag.type)
          problems.push(`${id}: ${f.type}, tag table ${tag.name} ${tag.type}`);
        if (f.max !== undefined && f.max !== tag.max)
          problems.push(`${id}: max ${f.max}, tag table ${tag.name} ${tag.max}`);
      }
      assert.deepEqual(problems, []);
    });
  }

  it('a field that leaves out type and max takes them from the tag table', () => {
    const def: MessageDef = {
      id: 65000,
      name: 'TEST_MESSAGE',
      fixed: [],
      floating: [
        { name: 'ConnectionDeviceID', tag: 25 },
        { name: 'ANI', tag: 8, max: 20 },
      ],
    };
    const plan = compile(def, 24);
    assert.deepEqual(
      plan.floats.map((f) => [f.key, f.type, f.max]),
      [
        ['connectionDeviceId', TAG_BY_NUMBER.get(25)!.type, TAG_BY_NUMBER.get(25)!.max],
        ['ani', TAG_BY_NUMBER.get(8)!.type, 20],
      ],
    );
    assert.throws(() => compile({ ...def, floating: [{ name: 'Mystery', tag: 60000 }] }, 24), /not in the tag table/);
  });
});
