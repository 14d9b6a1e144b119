// The built server under abuse: garbage on the wire, malformed requests and
// hostile documents leave it alive and answering; and it never writes a file.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startClient, uriOf } = require('./lsp-client');
const { EXAMPLE, makeWorkspace, posOf } = require('./fixtures');

/** Every request a document can get, so a hostile one is tried against each feature. */
async function everyFeature(c, uri, text) {
  const r = await c.diagnostics(uri);
  assert.equal(r.kind, 'full');
  const lines = text.split('\n');
  const mid = { line: Math.floor(lines.length / 2), character: Math.min(3, (lines[Math.floor(lines.length / 2)] ?? '').length) };
  await c.request('textDocument/hover', { textDocument: { uri }, position: mid });
  await c.request('textDocument/completion', { textDocument: { uri }, position: mid });
  await c.request('textDocument/documentSymbol', { textDocument: { uri } });
  await c.request('textDocument/documentLink', { textDocument: { uri } });
  await c.request('textDocument/codeLens', { textDocument: { uri } });
  const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
  await c.request('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: r.items } });
  return r;
}

describe('language server: robustness', function () {
  let dir;
  let c;
  let good;
  before(async function () {
    dir = makeWorkspace();
    c = await startClient({ folder: dir });
    good = uriOf(path.join(dir, 'good.md'));
    await c.open(good, EXAMPLE);
  });
  after(async function () {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const alive = async () => {
    const h = await c.request('textDocument/hover', { textDocument: { uri: good }, position: posOf(EXAMPLE, 'Care Act 2014', 2) });
    assert.match(h.contents.value, /\*\*Care Act 2014\*\*/);
    assert.equal(c.child.exitCode, null);
  };

  it('survives garbage on the wire', async function () {
    const raw = (s) => new Promise((r) => c.child.stdin.write(s, r));
    await raw('Content-Length: 9\r\n\r\n{garbage}');
    await raw('Content-Length: 2\r\n\r\n[]');
    await raw('Content-Length: 4\r\n\r\nnull');
    await raw('X-Nonsense: yes\r\n\r\n');
    await raw('Content-Length: lots\r\n\r\n');
    await raw(Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)));
    await raw('\r\n\r\n');
    // The reader may swallow one message while resynchronising: make it this one.
    await raw('Content-Length: 2\r\n\r\n{}');
    await new Promise((r) => setTimeout(r, 50));
    await alive();
  });

  it('answers malformed requests with an error or an empty result, never by dying', async function () {
    const attempts = [
      ['textDocument/hover', null],
      ['textDocument/hover', { textDocument: { uri: good }, position: { line: 'x', character: null } }],
      ['textDocument/hover', { textDocument: { uri: good }, position: { line: -5, character: 1e12 } }],
      ['textDocument/diagnostic', { textDocument: { uri: 12 } }],
      ['textDocument/diagnostic', { textDocument: { uri: 'file:///no/such/file.md' } }],
      ['textDocument/completion', { textDocument: { uri: good }, position: { line: 1e9, character: 0 } }],
      ['textDocument/codeAction', { textDocument: { uri: good }, range: null, context: null }],
      ['textDocument/codeAction', { textDocument: { uri: good }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [null, 5, { source: 'commissioning-lint', code: 'eqia-missing', range: 'x', data: { kind: 'insert-eqia', groups: [null, { id: 1 }], depth: 'deep' } }] } }],
      ['textDocument/documentSymbol', { textDocument: {} }],
      ['commissioningLint/coverage', 'nonsense'],
      ['commissioningLint/lintWorkspace', { workDoneToken: { not: 'a token' } }],
      ['workspace/diagnostic', { previousResultIds: 'x' }],
      ['no/such/method', {}],
    ];
    for (const [method, params] of attempts) {
      await c.request(method, params).catch((err) => assert.ok(typeof err.code === 'number', `${method}: ${err}`));
    }
    for (const [method, params] of [
      ['textDocument/didOpen', { textDocument: { uri: uriOf(path.join(dir, 'n.md')), languageId: 'markdown', version: 1, text: 42 } }],
      ['textDocument/didChange', { textDocument: { uri: 'file:///never/opened.md', version: 2 }, contentChanges: [{ text: 'x' }] }],
      ['textDocument/didClose', { textDocument: { uri: 'file:///never/opened.md' } }],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 9 }] }],
      ['workspace/didChangeConfiguration', { settings: { commissioningLint: { rules: 'all', run: 42, policy: ['x'] } } }],
    ]) {
      await c.notify(method, params);
    }
    await alive();
  });

  const hostile = {
    'binary bytes': () => Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919 + (i >> 8)) % 256)).toString('latin1'),
    '5,000 nested quotes on one line': () => `${'>'.repeat(5000)} deep\n`,
    '5,000 nested quotes, spaced': () => `${'> '.repeat(5000)}deep\n`,
    '5,000 quote lines under a deep quote': () => `${'>'.repeat(5000)} x\n${Array.from({ length: 5000 }, () => '> y').join('\n')}\n`,
    'lists nested 100 deep': () => Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
    'an unclosed fence and a flood of backticks': () => `# T\n\n\`\`\`\n${'`'.repeat(20000)}\n## WCC 5\n`,
    'a YAML alias bomb in front matter': () => `---\na: &a ["x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c]\nwcc: [*d]\n---\n# T\n`,
    'lone surrogates, NULs and odd line endings': () => `# T\r\r\n\uD800 WCC 5 \uDFFF\u0000\r## Needs\u2028${'\uFFFF'.repeat(100)}\n`,
    'one 300 KB line': () => 'Mental Health Act 1983 WCC 5 '.repeat(10000),
    'an empty document': () => '',
  };
  for (const [name, make] of Object.entries(hostile)) {
    it(`stays up on ${name}`, async function () {
      const uri = uriOf(path.join(dir, `hostile-${name.replace(/\W+/g, '-')}.md`));
      const text = make();
      await c.open(uri, text);
      await everyFeature(c, uri, text);
      // Edit it too: the incremental path must cope as well.
      await c.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'WCC 12 ' }]);
      await c.diagnostics(uri);
      await c.close(uri);
      await alive();
    });
  }
});

describe('language server: writes no file', function () {
  /** Every path under `root` with its size and modification time. */
  function snapshot(root) {
    const out = {};
    const walk = (d) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        const st = fs.lstatSync(p);
        out[path.relative(root, p)] = `${e.isDirectory() ? 'dir' : st.size}:${e.isDirectory() ? '' : st.mtimeMs}`;
        if (e.isDirectory()) walk(p);
      }
    };
    walk(root);
    return out;
  }

  it('leaves the workspace, home and temp directories exactly as they were', async function () {
    const ws = makeWorkspace({ 'strategy.md': EXAMPLE, 'sub/.commissioning-lint.yaml': 'policy: equality-act-2010\n', 'sub/other.md': EXAMPLE });
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-home-'));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-tmp-'));
    const before = [snapshot(ws), snapshot(home), snapshot(tmp)];
    const c = await startClient({ folder: ws, cwd: ws, env: { HOME: home, TMPDIR: tmp, XDG_CACHE_HOME: path.join(home, '.cache') } });
    try {
      const uri = uriOf(path.join(ws, 'strategy.md'));
      await c.open(uri, EXAMPLE);
      const r = await everyFeature(c, uri, EXAMPLE);
      const d = r.items.find((x) => x.code === 'legislation-superseded');
      const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      // The client applies edits; the server only proposes them.
      await c.apply(actions[0].edit);
      await c.save(uri);
      await c.diagnostics(uri);
      await c.request('workspace/diagnostic', { previousResultIds: [] });
      await c.request('commissioningLint/lintWorkspace', {});
    } finally {
      await c.stop();
    }
    assert.deepEqual([snapshot(ws), snapshot(home), snapshot(tmp)], before);
    for (const d of [ws, home, tmp]) fs.rmSync(d, { recursive: true, force: true });
  });
});
