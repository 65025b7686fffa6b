/**
 * CI's compatibility runs load another Node-RED through NODE_RED_PATH: prove the runtime the node specs drive is
 * that one (not the project's own 4.1 found by a fallback), and that the release is the one the run is named for.
 */
import assert from 'node:assert/strict';
import { helper } from '../nodes/harness';
import { NODE_RED_VERSION } from '../support/node-red-runtime';

describe('compatibility: the Node-RED under test', () => {
  it(`is the one NODE_RED_PATH names (${NODE_RED_VERSION})`, async () => {
    await helper.load([], []);
    try {
      const red = (helper as unknown as { _RED: { version(): string } })._RED;
      assert.equal(red.version().replace(/-git$/, ''), NODE_RED_VERSION);
      const expected = process.env.EXPECT_NODE_RED;
      if (expected) assert.ok(NODE_RED_VERSION.startsWith(`${expected}.`), `${NODE_RED_VERSION} is not ${expected}.x`);
    } finally {
      await helper.unload();
    }
  });
});
