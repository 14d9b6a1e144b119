// Twenty successive one-line edits of a 40 KB strategy: after each, the pulled
// diagnostics are those of the text as it now stands (checked against the core
// run directly on the client's copy), never a stale or half-applied version.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startClient, uriOf, ROOT } = require('./lsp-client');
const { makeWorkspace } = require('./fixtures');
const { makeStrategy } = require('../bench/lsp-fixture');

const core = require(path.join(ROOT, 'dist', 'core.js'));

describe('language server: successive edits', function () {
  let dir;
  let c;
  before(async function () {
    dir = makeWorkspace();
    c = await startClient({ folder: dir });
  });
  after(async function () {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives current diagnostics after each of 20 edits of a 40 KB strategy', async function () {
    const text = makeStrategy(40_000);
    assert.ok(text.length >= 40_000 && text.length < 48_000, `${text.length} bytes`);
    const uri = uriOf(path.join(dir, 'big.md'));
    await c.open(uri, text);
    let prev = await c.diagnostics(uri);
    const { policy } = core.loadPolicy({});
    const lines = text.split('\n');
    // Edits that add and remove findings (bad WCC tags, superseded Acts) and plain typing.
    const inserts = ['(WCC 12)', 'the Sex Discrimination Act 1975', 'WCC 5 – Prioritise investment', 'more words here'];
    const seen = new Set();
    for (let i = 0; i < 20; i++) {
      const line = Math.floor(((i + 1) * lines.length) / 22);
      const at = { line, character: 0 };
      const insert = i % 5 === 4 ? '' : `${inserts[i % inserts.length]} `;
      // Every fifth edit deletes the start of a line instead.
      const end = i % 5 === 4 ? { line, character: Math.min(5, c.text(uri).split('\n')[line].length) } : at;
      await c.edit(uri, [{ range: { start: at, end }, newText: insert }]);
      const r = await c.diagnostics(uri, prev.resultId);
      const expected = core.lint(c.text(uri), { policy, fileName: 'big.md' }).diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column}`);
      const got = r.kind === 'unchanged' ? prev.items : r.items;
      assert.deepEqual(got.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`), expected, `edit ${i + 1}`);
      seen.add(expected.join());
      prev = r.kind === 'unchanged' ? prev : r;
    }
    assert.ok(seen.size >= 5, 'the edits changed the findings');
  });
});
