// The server never blocks for long: a 10 MB strategy is linted off the main
// thread (lsp/offload.ts), so a hover on another document is answered within a
// second while it runs, and the large document still gets its diagnostics.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startClient, uriOf } = require('./lsp-client');
const { makeWorkspace, EXAMPLE } = require('./fixtures');
const { strategy } = require('../bench/generate');

describe('language server: a 10 MB strategy', function () {
  this.timeout(120000);

  it('is linted while other requests are answered within a second', async () => {
    const big = strategy(424242, 10 * 1024 * 1024);
    const dir = makeWorkspace({ 'big.md': big, 'small.md': EXAMPLE });
    const c = await startClient({ folder: dir });
    try {
      const bigUri = uriOf(path.join(dir, 'big.md'));
      const smallUri = uriOf(path.join(dir, 'small.md'));
      await c.open(smallUri, EXAMPLE);
      await c.diagnostics(smallUri);
      await c.open(bigUri, big);
      let done = false;
      const pull = c.request('textDocument/diagnostic', { textDocument: { uri: bigUri } }).then((r) => ((done = true), r));
      const line = EXAMPLE.split('\n').findIndex((l) => l.includes('Mental Health Act 1983'));
      const character = EXAMPLE.split('\n')[line].indexOf('Mental Health Act 1983') + 3;
      let worst = 0;
      let hovers = 0;
      while (!done) {
        const t = Date.now();
        const h = await c.request('textDocument/hover', { textDocument: { uri: smallUri }, position: { line, character } });
        worst = Math.max(worst, Date.now() - t);
        hovers++;
        assert.match(h.contents.value, /Mental Health Act 1983/);
        await new Promise((r) => setTimeout(r, 50));
      }
      const report = await pull;
      assert.ok(report.items.length > 0, 'the large document has its diagnostics');
      assert.ok(hovers > 0);
      assert.ok(worst < 1000, `a hover waited ${worst} ms while the large document was linted`);
    } finally {
      await c.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
