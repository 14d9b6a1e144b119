#!/usr/bin/env node
// Installed command: runs the bundled CLI.
require('../dist/cli.js');
