// The web extension's bundles (dist/web/server.js, a Web Worker, and
// dist/web/client.js, in VS Code's browser extension host) hold nothing that
// needs Node: no node: module, no require of a built-in (fs, path, child_process…),
// so the CLI, its workers, the cache, the guarded reader and the folder walk
// stayed out. Also their sizes: the server is to stay under 1 MB minified.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');

const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLES = ['dist/web/server.js', 'dist/web/client.js'];
const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

describe('web extension bundles', function () {
  for (const rel of BUNDLES) {
    describe(rel, function () {
      const text = () => fs.readFileSync(path.join(ROOT, rel), 'utf8');

      it('references no node: module', function () {
        const hits = text().match(/["'`]node:[\w/]+["'`]/g) ?? [];
        assert.deepEqual(hits, []);
      });

      it('requires no Node built-in (fs, path, url, child_process, worker_threads…)', function () {
        const required = [...text().matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
        const builtins = required.filter((m) => BUILTINS.has(m) || BUILTINS.has(m.split('/')[0]));
        assert.deepEqual(builtins, []);
        // The client may require only the editor's own API; the worker nothing at all (ajv's code generator names its runtime in strings).
        const others = required.filter((m) => m !== 'vscode' && !m.startsWith('ajv/dist/runtime/'));
        assert.deepEqual(others, []);
      });

      it('leaves out the engine\'s Node side (guarded reader, folder walk, cache, CLI)', function () {
        for (const marker of ['O_NONBLOCK', 'readdirSync', 'cli-main', '--max-warnings', 'worker_threads']) assert.ok(!text().includes(marker), marker);
      });
    });
  }

  it('keeps the Web Worker server under 1 MB minified', function () {
    const size = fs.statSync(path.join(ROOT, 'dist/web/server.js')).size;
    assert.ok(size <= 1024 * 1024, `dist/web/server.js is ${size} bytes`);
  });
});
