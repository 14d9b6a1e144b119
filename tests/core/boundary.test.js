// Architecture invariant: the core is pure. No file in server/src/core imports
// fs, the VS Code API, the language server, or touches `process`.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('../helpers/core');

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('core boundary', () => {
  const files = walk(path.join(ROOT, 'server', 'src', 'core')).filter((f) => f.endsWith('.ts'));
  it('has source files to check', () => assert.ok(files.length > 20));
  for (const f of files) {
    it(path.relative(ROOT, f), () => {
      const text = fs.readFileSync(f, 'utf8');
      const imports = [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
      for (const i of imports) {
        assert.ok(!/^(node:)?(fs|fs\/promises|child_process|worker_threads|net|http|https|os)$/.test(i), `${i} imported`);
        assert.ok(!/^vscode/.test(i), `${i} imported`);
        assert.ok(!i.includes('/cli/') && !i.includes('/lsp/'), `${i} imported`);
      }
      const code = text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      assert.ok(!/\bprocess\./.test(code), 'uses process');
    });
  }
});
