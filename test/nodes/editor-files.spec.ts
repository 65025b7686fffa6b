import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_EVENT_TYPES } from '../../nodes/lib/event-types';

const dir = path.join(__dirname, '../../nodes');
const TYPES = ['cti-server', 'cti-event', 'cti-set-call-data', 'cti-request', 'cti-status'];

describe('node editor files', function () {
  for (const type of TYPES) {
    it(`${type}.html has a literal registerType, a template, help, and an en-US catalog`, function () {
      const html = fs.readFileSync(path.join(dir, `${type}.html`), 'utf8');
      assert.ok(html.includes(`RED.nodes.registerType('${type}', {`), 'inline literal registerType (scorecard N01)');
      assert.ok(html.includes(`data-template-name="${type}"`));
      assert.ok(html.includes(`data-help-name="${type}"`));
      if (type !== 'cti-server') {
        assert.ok(html.includes("category: 'Cisco CTI'"));
        assert.ok(html.includes("icon: 'cisco-cti.svg'"));
        assert.ok(html.includes('paletteLabel:'));
      }
      const catalog = JSON.parse(fs.readFileSync(path.join(dir, 'locales/en-US', `${type}.json`), 'utf8'));
      for (const m of html.matchAll(/data-i18n="(?:\[placeholder\])?([^"]+)"/g)) {
        const value = m[1]
          .split('.')
          .reduce((o: unknown, k) => (o as Record<string, unknown> | undefined)?.[k], catalog);
        assert.equal(typeof value, 'string', `missing catalog entry ${m[1]}`);
      }
    });
  }

  it('the event editor offers exactly the event types the runtime knows', function () {
    const html = fs.readFileSync(path.join(dir, 'cti-event.html'), 'utf8');
    const offered = [...html.matchAll(/class="cti-event-box" data-group="\w+" value="([A-Z_]+)"/g)].map((m) => m[1]);
    assert.deepEqual(offered, [...ALL_EVENT_TYPES]);
  });

  it('the icon is an SVG', function () {
    assert.match(fs.readFileSync(path.join(dir, 'icons/cisco-cti.svg'), 'utf8'), /^<svg [^>]*viewBox="0 0 40 60"/);
  });
});
