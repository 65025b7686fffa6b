#!/usr/bin/env node
// Empties dist/ before a build, so a file removed from lib/ or nodes/ cannot linger in the published package.
'use strict';
require('fs').rmSync(require('path').join(__dirname, '..', 'dist'), { recursive: true, force: true });
