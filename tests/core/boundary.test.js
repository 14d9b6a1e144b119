// Architecture invariants of the core, read off its source: it is pure (no file
// in server/src/core imports fs, the VS Code API, the engine or an adapter, or
// touches `process`) and it keeps no module-level mutable state (no top-level
// `let`, no memo Map or Set, no global or sticky regular expression, no typed
// array): what outlives a call lives in an object someone passes in (a compiled
// policy, a DocState, a parse cache).
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('../helpers/core');

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Top-level declarations that hold state between calls. */
const MODULE_STATE = [
  [/^(export\s+)?(let|var)\s/, 'a top-level let/var'],
  [/^(export\s+)?const\s+\w+\s*(:\s*(?!Readonly)\S[^=]*)?=\s*new\s+(Map|WeakMap|Set|WeakSet|Array|Uint\w*Array|Int\w*Array)\b/, 'a top-level Map, Set or array object (type it Readonly… if it is a constant table)'],
  [/^(export\s+)?const\s+\w+[^=]*=\s*\/.*\/[a-z]*[gy][a-z]*;/, 'a top-level global or sticky regular expression (its lastIndex is state)'],
  [/^(export\s+)?const\s+\w+[^=]*=\s*new RegExp\([^;]*,\s*['"`][a-z]*[gy][a-z]*['"`]\)/, 'a top-level global or sticky regular expression (its lastIndex is state)'],
];

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
        assert.ok(!/\/(cli|lsp|engine|mcp|web)\//.test(i), `${i} imported`);
      }
      const code = text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      assert.ok(!/\bprocess\./.test(code), 'uses process');
      for (const line of code.split('\n')) {
        for (const [re, what] of MODULE_STATE) assert.ok(!re.test(line), `${what}: ${line.trim()}`);
      }
    });
  }
});
