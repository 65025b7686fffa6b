#!/usr/bin/env node
// Copies what tsc does not emit (editor .html, icons, locales) next to the compiled node files, where
// Node-RED looks for them.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const src = path.join(root, 'nodes');
const out = path.join(root, 'dist', 'nodes');

fs.mkdirSync(out, { recursive: true });
for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
  const from = path.join(src, entry.name);
  if (entry.isDirectory() && (entry.name === 'icons' || entry.name === 'locales')) {
    fs.cpSync(from, path.join(out, entry.name), { recursive: true });
  } else if (entry.isFile() && entry.name.endsWith('.html')) {
    fs.copyFileSync(from, path.join(out, entry.name));
  }
}
