/**
 * The generated message types (issue 15, item 2) stay in step with the catalog: the committed file is what the
 * build would write now, and every property the decoder produces is declared on its message's interface, with
 * every required property present.
 */
import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import { MESSAGE_DEFS, SUPPORTED_VERSIONS, decodeMessage, encodeMessage } from '../../lib/protocol';
import { messageInterfaceName } from '../../lib/protocol/message-types-source';
import { MESSAGE_TYPES_FILE, formattedMessageTypes } from '../../tools/write-message-types';
import { Rng, messageExistsIn, randomMessage } from './random-messages';

/** property name → optional?, per interface, read from the generated source. */
function declaredProperties(source: string): Map<string, Map<string, boolean>> {
  const out = new Map<string, Map<string, boolean>>();
  for (const block of source.matchAll(/export interface (\w+) \{\n([\s\S]*?)\n\}/g)) {
    const props = new Map<string, boolean>();
    for (const p of block[2].matchAll(/^ {2}(\w+)(\??):/gm)) props.set(p[1], p[2] === '?');
    out.set(block[1], props);
  }
  return out;
}

describe('generated message types', () => {
  it('lib/protocol/generated/messages.ts is up to date with the catalog (npm run build rewrites it)', async function () {
    this.timeout(20_000);
    const committed = await fs.readFile(MESSAGE_TYPES_FILE, 'utf8');
    assert.ok(committed === (await formattedMessageTypes()), 'stale generated types: run npm run build and commit');
  });

  it('declares every property the decoder produces, and requires only what every decoded message has', async () => {
    const declared = declaredProperties(await fs.readFile(MESSAGE_TYPES_FILE, 'utf8'));
    const rng = new Rng(0x7e57);
    for (const def of MESSAGE_DEFS) {
      const props = declared.get(messageInterfaceName(def.name));
      assert.ok(props !== undefined, `no interface for ${def.name}`);
      const map = declared.get('CtiMessageMap');
      assert.equal(map?.has(def.name), true, `${def.name} missing from CtiMessageMap`);
      for (const v of SUPPORTED_VERSIONS) {
        if (!messageExistsIn(def, v)) continue;
        for (let i = 0; i < 2; i++) {
          const msg = decodeMessage(encodeMessage(randomMessage(rng, def, v), v), v);
          for (const key of Object.keys(msg)) assert.ok(props.has(key), `${def.name} v${v}: ${key} is not declared`);
          for (const [key, optional] of props) {
            if (!optional) assert.ok(key in msg, `${def.name} v${v}: required ${key} is missing`);
          }
        }
      }
    }
  });
});
