// The MCP server's trust model (DESIGN.md): a path is read only when, with
// every symlink resolved, it is a Markdown file inside one of the client's
// roots (or the server's working directory when the client offers none);
// linked EqIAs only inside the workspace; anything outside, unreadable or too
// big is a clear tool error with nothing of it returned; and no file is ever
// written. A secret outside the roots is matched by a workspace synonym, so
// any of it that was read would be quoted back.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { pathToFileURL } = require('node:url');
const { EXAMPLE, AS_NOBODY, startMcp, textOf, workspace, snapshot } = require('./mcp-client');
const { variants } = require('../lsp/fixtures');

const SECRET = 'SECRET-TOKEN-4711';
const BODY = variants.noEqia.slice(variants.noEqia.indexOf('\n---\n', 4) + 5);

/** A tool result says nothing of the secret. */
function noSecret(r) {
  assert.ok(!JSON.stringify(r).includes(SECRET), `secret in the result: ${JSON.stringify(r).slice(0, 300)}`);
}

async function refused(s, args, why, tool = 'lint_strategy') {
  const r = await s.call(tool, args);
  assert.equal(r.isError, true, `${JSON.stringify(args)} was not refused: ${textOf(r).slice(0, 200)}`);
  assert.match(textOf(r), why);
  assert.equal(r.structuredContent, undefined);
  noSecret(r);
  return r;
}

describe('MCP server: roots and safety', function () {
  let top;
  let ws;
  let s;
  let before0;

  before(async function () {
    top = workspace({
      'outside/secret.md': `# Equality Impact Assessment\n\n${SECRET} is the deploy key.\n`,
      'outside/strategy.md': EXAMPLE,
      'ws/strategy.md': EXAMPLE,
      'ws/.commissioning-lint.yaml': `synonyms:\n  groups:\n    age: ['/SECRET-TOKEN-\\d+/']\n`,
      'ws/leaky.md': `---\neqia: ../outside/secret.md\n---\n${BODY}`,
      'ws/.git/notes.md': EXAMPLE,
      'ws/notes.txt': 'not Markdown',
      'ws/binary.md': Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02]),
    });
    ws = path.join(top, 'ws');
    fs.symlinkSync(path.join(top, 'outside', 'secret.md'), path.join(ws, 'link.md'));
    fs.symlinkSync(path.join(top, 'outside'), path.join(ws, 'linkdir'));
    fs.symlinkSync(path.join(ws, 'notes.txt'), path.join(ws, 'notes-link.md'));
    fs.mkdirSync(path.join(ws, 'folder.md'));
    execFileSync('mkfifo', [path.join(ws, 'pipe.md')]);
    // Sparse: 51 MB on paper, nothing on disk; refused by its size before a byte is read.
    fs.writeFileSync(path.join(ws, 'huge.md'), '');
    fs.truncateSync(path.join(ws, 'huge.md'), 51 * 1024 * 1024);
    before0 = snapshot(top);
    s = await startMcp({ roots: () => [ws] });
  });
  after(async function () {
    await s.stop();
    fs.rmSync(top, { recursive: true, force: true });
  });

  it('reads a strategy inside the root', async function () {
    const r = await s.call('lint_strategy', { path: 'strategy.md' });
    assert.ok(!r.isError, textOf(r));
    noSecret(r);
  });

  it('refuses a path outside the roots: absolute, relative, as a file: URI, or given with text', async function () {
    const outside = path.join(top, 'outside', 'secret.md');
    await refused(s, { path: outside }, /^".*secret\.md" is outside the client's roots \(symlinks resolved\)$/);
    await refused(s, { path: '../outside/secret.md' }, /is outside the client's roots/);
    await refused(s, { path: pathToFileURL(outside).href }, /is outside the client's roots/);
    await refused(s, { text: EXAMPLE, path: path.join(top, 'outside', 'new.md') }, /is outside the client's roots/);
    await refused(s, { path: '../outside/strategy.md', finding: { ruleId: 'wcc-coverage', line: 1, column: 1, endLine: 1, endColumn: 1 } }, /is outside the client's roots/, 'list_fixes');
  });

  it('refuses a symlink that leads outside the roots, to a file or through a folder', async function () {
    await refused(s, { path: 'link.md' }, /"link\.md" is outside the client's roots/);
    await refused(s, { path: 'linkdir/secret.md' }, /is outside the client's roots/);
    await refused(s, { text: EXAMPLE, path: 'linkdir/draft.md' }, /is outside the client's roots/);
  });

  it('does not follow a linked EqIA out of the workspace: an eqia-link-invalid finding, nothing of the file', async function () {
    const r = await s.call('lint_strategy', { path: 'leaky.md' });
    assert.ok(!r.isError, textOf(r));
    noSecret(r);
    const d = r.structuredContent.diagnostics.find((x) => x.ruleId === 'eqia-link-invalid');
    assert.ok(d, 'a finding on the link');
    assert.equal(d.line, 2);
    assert.match(d.message, /outside the workspace/);
  });

  it('refuses what is not a Markdown file inside the workspace: .git, another extension, a link to one', async function () {
    await refused(s, { path: '.git/notes.md' }, /is inside a \.git folder/);
    await refused(s, { path: 'notes.txt' }, /is not a Markdown file/);
    await refused(s, { path: 'notes-link.md' }, /is a link to a file that is not Markdown/);
  });

  it('refuses what cannot be read, with the reason: missing, a folder, a FIFO, binary, too big', async function () {
    await refused(s, { path: 'absent.md' }, /^cannot read "absent\.md": no such file$/);
    await refused(s, { path: 'folder.md' }, /^cannot read "folder\.md": not a regular file \(a directory\)$/);
    const t = Date.now();
    await refused(s, { path: 'pipe.md' }, /^cannot read "pipe\.md": not a regular file \(a FIFO\)$/);
    assert.ok(Date.now() - t < 5000, 'a FIFO does not stall the server');
    await refused(s, { path: 'binary.md' }, /^cannot read "binary\.md": not a text file \(it contains NUL bytes\)$/);
    await refused(s, { path: 'huge.md' }, /^cannot read "huge\.md": is 51 MB, over the 50 MB limit$/);
    await refused(s, { path: 'huge.md', finding: { ruleId: 'wcc-coverage', line: 1, column: 1, endLine: 1, endColumn: 1 } }, /over the 50 MB limit/, 'list_fixes');
  });

  it('wrote no file', function () {
    assert.deepEqual(snapshot(top), before0);
  });

  describe('a client that offers no roots', function () {
    let bare;
    before(async function () {
      bare = await startMcp({ cwd: ws });
    });
    after(async function () {
      await bare.stop();
    });

    it('gets the server’s working directory as its one root', async function () {
      const r = await bare.call('lint_strategy', { path: 'strategy.md' });
      assert.ok(!r.isError, textOf(r));
      await refused(bare, { path: '../outside/strategy.md' }, /is outside the client's roots/);
      await refused(bare, { path: 'link.md' }, /is outside the client's roots/);
    });
  });

  describe('a client whose roots are not folders on this machine', function () {
    let remote;
    let listed;
    before(async function () {
      listed = [{ uri: 'file:///nonexistent/commissioning-lint-root', name: 'elsewhere' }];
      remote = await startMcp({ roots: () => [] });
      const { ListRootsRequestSchema } = require('@modelcontextprotocol/sdk/types.js');
      remote.client.removeRequestHandler('roots/list');
      remote.client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: listed }));
    });
    after(async function () {
      await remote.stop();
    });

    it('can read no path, yet lints text', async function () {
      await refused(remote, { path: path.join(ws, 'strategy.md') }, /the client shares no folder on this machine as a root/);
      const r = await remote.call('lint_strategy', { text: `---\neqia: ${path.join(top, 'outside', 'secret.md')}\n---\n${BODY}` });
      assert.ok(!r.isError, textOf(r));
      noSecret(r);
      assert.ok(r.structuredContent.diagnostics.some((d) => d.ruleId === 'eqia-link-invalid'));
    });

    it('says so, on one line, when the client answers roots/list with something that is not roots', async function () {
      listed = [{ uri: 'https://example.org/repo', name: 'remote' }];
      await remote.client.sendRootsListChanged();
      let r;
      for (let i = 0; i < 50 && !/did not list/.test(textOf(r ?? {})); i++) r = await remote.call('lint_strategy', { path: 'strategy.md' });
      assert.equal(r.isError, true);
      assert.match(textOf(r), /^the client did not list its roots: [^\n]*must start with \\?"file:\/\/\\?"/);
      // Still serving.
      assert.equal((await remote.client.listTools()).tools.length, 3);
    });
  });

  describe('a file the server may not read (chmod 000; the server runs as nobody when we are root)', function () {
    let locked;
    let dir;
    before(async function () {
      dir = workspace({ 'strategy.md': EXAMPLE, 'locked.md': EXAMPLE });
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(path.join(dir, 'strategy.md'), 0o644);
      fs.chmodSync(path.join(dir, 'locked.md'), 0o000);
      locked = await startMcp({ roots: () => [dir], asNobody: AS_NOBODY });
    });
    after(async function () {
      await locked.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('is refused with the reason; the readable one is linted', async function () {
      await refused(locked, { path: 'locked.md' }, /^cannot read "locked\.md": EACCES$/);
      const r = await locked.call('lint_strategy', { path: 'strategy.md' });
      assert.ok(!r.isError, textOf(r));
    });
  });
});
