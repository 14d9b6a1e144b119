'use strict';
// The language server under Neovim's built-in LSP client (headless): the
// diagnostics Neovim receives for tests/e2e/fixtures/strategy.md must be the
// CLI's JSON for that file — the same (rule id, line) set, and the same
// messages, severities and start columns (the fixture's findings start on
// ASCII text, where Neovim's byte columns equal LSP's UTF-16 ones).

const fs = require('fs');
const os = require('os');
const path = require('path');
const { runNvim } = require('../nvim/run-nvim');
const X = require('../lib/expected');

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

async function run({ record, timing, log }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-e2e-nvim-ws-'));
  const file = path.join(dir, 'strategy.md');
  fs.copyFileSync(path.join(X.FIXTURES, 'strategy.md'), file);
  try {
    await record('Neovim diagnostics equal the CLI JSON (rule id, line)', async () => {
      const cli = X.cliJson(file);
      const t0 = Date.now();
      const r = await runNvim({ cmd: [process.execPath, path.join(X.ROOT, 'dist', 'server.js'), '--stdio'], file, root: dir, timeout: 30000 });
      timing('nvim: server start → first diagnostics', Date.now() - t0);
      if (r.error) throw new Error(`nvim: ${r.error}`);
      if (r.timedOut) throw new Error('nvim: no diagnostics within 30 s');
      const got = r.diagnostics.map((d) => ({ ruleId: d.code, line: d.lnum, column: d.col, message: d.message, severity: SEVERITY[d.severity], source: d.source }));
      const want = cli.diagnostics;
      const setOf = (ds) => [...new Set(ds.map((d) => `${d.ruleId}@${d.line}`))].sort();
      const a = setOf(got);
      const b = setOf(want);
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        throw new Error(`(rule id, line) sets differ:\n  nvim: ${JSON.stringify(a)}\n  CLI:  ${JSON.stringify(b)}`);
      }
      // Stricter, on the same data: every finding, with its words.
      const full = (ds) => ds.map((d) => `${d.ruleId}@${d.line}:${d.column} ${d.severity} ${d.message}`).sort();
      const fa = full(got);
      const fb = full(want);
      if (JSON.stringify(fa) !== JSON.stringify(fb)) {
        throw new Error(`diagnostics differ beyond (rule, line):\n  nvim: ${JSON.stringify(fa, null, 1)}\n  CLI:  ${JSON.stringify(fb, null, 1)}`);
      }
      if (got.some((d) => d.source !== 'commissioning-lint')) throw new Error('a diagnostic without source "commissioning-lint"');
      log(`  nvim: ${got.length} diagnostics (${r.published} publish${r.published === 1 ? '' : 'es'}): ${a.join(', ')}`);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };
