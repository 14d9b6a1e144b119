// Workspace-wide behaviour of the built server: workspace diagnostics with
// progress and partial results, the lint-workspace command, config files and
// linked EqIAs changing, push diagnostics for clients that cannot pull, and the
// node-ipc transport.
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { createProtocolConnection, IPCMessageReader, IPCMessageWriter } = require('vscode-languageserver-protocol/node');
const { startClient, uriOf, SERVER, capabilities } = require('./lsp-client');
const { EXAMPLE, variants, makeWorkspace, withoutSection } = require('./fixtures');

const EQIA_TABLE = EXAMPLE.slice(EXAMPLE.indexOf('| Group |'), EXAMPLE.indexOf('\nData on the experience'));
const LINKED_STRATEGY = withoutSection(EXAMPLE, 'Equality Impact Assessment') + '\n## Equality Impact Assessment\n\nThe equality impact assessment is published separately: see the [full assessment](eqia.md).\n';
const LINKED_EQIA = `# Equality Impact Assessment\n\n${EQIA_TABLE}`;

function files() {
  return {
    'a/strategy.md': EXAMPLE,
    'a/other.md': variants.noEvidence,
    'b/.commissioning-lint.yaml': 'policy: equality-act-2010\n',
    'b/strategy.md': EXAMPLE,
    'linked/strategy.md': LINKED_STRATEGY,
    'linked/eqia.md': LINKED_EQIA,
    'c/.commissioning-lint.yaml': 'ignore:\n  - "drafts/**"\n',
    'c/strategy.md': EXAMPLE,
    'c/drafts/draft.md': variants.noEqia,
    'node_modules/pkg/readme.md': '# not a strategy\n',
  };
}

const codes = (items) => items.map((d) => d.code);

describe('language server: workspace', function () {
  let dir;
  let c;
  beforeEach(async function () {
    dir = makeWorkspace(files());
    c = await startClient({ folder: dir });
  });
  afterEach(async function () {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** workspace/diagnostic with progress and partial-result tokens; returns every report. */
  const pullWorkspace = async (previousResultIds = []) => {
    const token = `ws-${Math.random()}`;
    const partialToken = `partial-${Math.random()}`;
    const from = c.progress.length;
    const result = await c.request('workspace/diagnostic', { previousResultIds, workDoneToken: token, partialResultToken: partialToken });
    const mine = c.progress.slice(from);
    const items = [...result.items, ...mine.filter((p) => p.token === partialToken).flatMap((p) => p.value.items)];
    return { items, work: mine.filter((p) => p.token === token).map((p) => p.value.kind), byFile: Object.fromEntries(items.map((r) => [path.relative(dir, new URL(r.uri).pathname), r])) };
  };

  it('reports every strategy of the workspace, open or not, with progress and partial results', async function () {
    const r = await pullWorkspace();
    assert.deepEqual(Object.keys(r.byFile).sort(), ['a/other.md', 'a/strategy.md', 'b/strategy.md', 'c/strategy.md', 'linked/eqia.md', 'linked/strategy.md']);
    assert.deepEqual(r.work[0], 'begin');
    assert.deepEqual(r.work[r.work.length - 1], 'end');
    assert.ok(codes(r.byFile['a/other.md'].items).includes('ipc-element-missing'));
    // b/ uses the Equality Act 2010 pack from its config file: more groups to assess.
    assert.ok(r.byFile['b/strategy.md'].items.some((d) => d.code === 'eqia-group-missing' && /gender reassignment/.test(d.message)));
    // The linked EqIA is part of its strategy, not a strategy of its own.
    assert.deepEqual(r.byFile['linked/eqia.md'].items, []);
    assert.ok(!codes(r.byFile['linked/strategy.md'].items).includes('eqia-missing'));

    // Asked again with the result ids: nothing changed. Then a file changes on disk.
    const prev = r.items.map((x) => ({ uri: x.uri, value: x.resultId }));
    const again = await pullWorkspace(prev);
    assert.ok(again.items.every((x) => x.kind === 'unchanged'));
    fs.writeFileSync(path.join(dir, 'a/other.md'), EXAMPLE);
    const changed = await pullWorkspace(prev);
    assert.equal(changed.byFile['a/other.md'].kind, 'full');
    assert.ok(!codes(changed.byFile['a/other.md'].items).includes('ipc-element-missing'));
    assert.equal(changed.byFile['a/strategy.md'].kind, 'unchanged');
  });

  it('lints the workspace on demand with progress, even with lintWorkspace off', async function () {
    c.settings = { lintWorkspace: false };
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    const none = await pullWorkspace();
    assert.deepEqual(none.items, []);
    const from = c.progress.length;
    const summary = await c.request('commissioningLint/lintWorkspace', { workDoneToken: 'lint-ws' });
    assert.equal(summary.files, 6);
    assert.equal(summary.errors, 1, 'the one missing IPC element of a/other.md');
    const kinds = c.progress.slice(from).filter((p) => p.token === 'lint-ws').map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.includes('report'));
    assert.equal(kinds[kinds.length - 1], 'end');
    // Its results are now served by the workspace pull.
    const after = await pullWorkspace();
    assert.equal(after.items.length, 6);
    const all = after.items.flatMap((r) => r.items);
    assert.deepEqual([summary.errors, summary.warnings, summary.infos], [1, 2, 3].map((sev) => all.filter((d) => d.severity === sev).length));
  });

  it('reloads the policy when a config file changes on disk, and asks the client to refresh', async function () {
    const uri = uriOf(path.join(dir, 'b/strategy.md'));
    await c.open(uri, EXAMPLE);
    const lens = async () => (await c.request('textDocument/codeLens', { textDocument: { uri } }))[0].command.title;
    assert.equal(await lens(), 'IPC 7/7 · EqIA 5/9 · WCC 9/11');
    const first = await c.diagnostics(uri);
    const config = path.join(dir, 'b/.commissioning-lint.yaml');
    fs.writeFileSync(config, 'policy: commissioning-friend-2009\nrules:\n  wcc-coverage: "off"\n');
    const since = c.notes.length;
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
    await c.waitFor((n) => n.method === 'workspace/diagnostic/refresh', { since });
    const second = await c.diagnostics(uri, first.resultId);
    assert.equal(second.kind, 'full');
    assert.ok(!codes(second.items).includes('wcc-coverage'));
    assert.equal(await lens(), 'IPC 7/7 · EqIA 5/6 · WCC 9/11');
  });

  it('uses a pack file named by the policy setting, relative to the workspace folder', async function () {
    fs.mkdirSync(path.join(dir, 'packs'));
    fs.writeFileSync(path.join(dir, 'packs/local.pack.yaml'), 'id: local\nextends: equality-act-2010\nrules:\n  wcc-coverage: "off"\n');
    c.settings = { policy: 'packs/local.pack.yaml' };
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    const uri = uriOf(path.join(dir, 'a/strategy.md'));
    await c.open(uri, EXAMPLE);
    const r = await c.diagnostics(uri);
    assert.ok(!codes(r.items).includes('wcc-coverage'));
    const info = await c.request('commissioningLint/coverage', { uri });
    assert.equal(info.policy, 'local');
    assert.match(info.summary, /EqIA \d\/9/);
  });

  it('shows a broken config as an error on the strategy it stops from being linted', async function () {
    fs.writeFileSync(path.join(dir, 'b/.commissioning-lint.yaml'), 'policy: no-such-pack\n');
    const uri = uriOf(path.join(dir, 'b/strategy.md'));
    await c.open(uri, EXAMPLE);
    const r = await c.diagnostics(uri);
    assert.equal(r.items.length, 1);
    assert.equal(r.items[0].code, 'config-invalid');
    assert.match(r.items[0].message, /unknown policy "no-such-pack"/);
  });

  it('re-lints a strategy when its linked EqIA is edited, and keeps the EqIA file itself clean', async function () {
    const strategy = uriOf(path.join(dir, 'linked/strategy.md'));
    const eqia = uriOf(path.join(dir, 'linked/eqia.md'));
    await c.open(strategy, LINKED_STRATEGY);
    const first = await c.diagnostics(strategy);
    assert.ok(!codes(first.items).includes('eqia-group-missing'));
    await c.open(eqia, LINKED_EQIA);
    assert.deepEqual((await c.diagnostics(eqia)).items, []);
    const since = c.notes.length;
    const row = LINKED_EQIA.split('\n').findIndex((l) => l.startsWith('| Age |'));
    await c.edit(eqia, [{ range: { start: { line: row, character: 0 }, end: { line: row + 1, character: 0 } }, newText: '' }]);
    await c.waitFor((n) => n.method === 'workspace/diagnostic/refresh', { since });
    const second = await c.diagnostics(strategy, first.resultId);
    assert.equal(second.kind, 'full');
    // Age is still named elsewhere in the strategy, so it is now unassessed rather than covered.
    assert.ok(second.items.some((d) => d.code.startsWith('eqia-group-') && /\bage\b/.test(d.message)), codes(second.items).join());
  });
});

describe('language server: clients without pull diagnostics', function () {
  let dir;
  let c;
  before(async function () {
    dir = makeWorkspace(files());
    c = await startClient({ folder: dir, pull: false });
  });
  after(async function () {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pushes diagnostics on open and after edits, with the document version', async function () {
    assert.equal(c.initializeResult.capabilities.diagnosticProvider, undefined);
    const uri = uriOf(path.join(dir, 'a/strategy.md'));
    await c.open(uri, EXAMPLE);
    const first = await c.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
    assert.equal(first.params.version, 1);
    assert.deepEqual(codes(first.params.diagnostics), ['wcc-coverage', 'legislation-superseded', 'eqia-group-unassessed']);
    await c.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '' }]);
    await c.replace(uri, variants.noEvidence);
    const next = await c.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === 3);
    assert.ok(codes(next.params.diagnostics).includes('ipc-element-missing'));
  });

  it('pushes the diagnostics of closed files when asked to lint the workspace', async function () {
    const since = c.notes.length;
    const summary = await c.request('commissioningLint/lintWorkspace', {});
    assert.equal(summary.files, 6);
    const other = uriOf(path.join(dir, 'a/other.md'));
    const note = await c.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === other, { since });
    assert.ok(codes(note.params.diagnostics).includes('ipc-element-missing'));
  });
});

describe('language server: node-ipc transport', function () {
  it('answers over node-ipc as over stdio', async function () {
    const child = cp.fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    conn.onRequest('client/registerCapability', () => null);
    conn.listen();
    try {
      const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: capabilities() });
      assert.ok(init.capabilities.diagnosticProvider);
      await conn.sendNotification('initialized', {});
      const uri = 'untitled:Untitled-1';
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: EXAMPLE } });
      const r = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(codes(r.items), ['wcc-coverage', 'legislation-superseded', 'eqia-group-unassessed']);
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
    } finally {
      conn.dispose();
      await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
    }
  });
});
