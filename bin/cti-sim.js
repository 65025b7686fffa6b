#!/usr/bin/env node
require('../dist/lib/simulator/cli.js').main(process.argv.slice(2));
