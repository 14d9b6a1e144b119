// The title's code lens (the coverage line) and what keeps it shown.
//
// Server side, over stdio: a lens asked for before the settings arrived is
// still answered in full, and workspace/codeLens/refresh goes out when a
// document's coverage line becomes known or changes.
//
// Client side: VS Code's code-lens controller (vs/editor/contrib/codelens/
// browser/codelensController.ts, as in code-server 4.139 / VS Code 1.139)
// debounces each fetch (250 ms or more), schedules it on a provider change, a
// focus or an edit, and cancels it when the editor loses focus. A strategy
// opened and left at once (focus to the Problems panel) therefore kept no lens
// though the server had sent its refresh: the e2e's Restricted Mode flake. The
// extension's LensKeeper (client/src/lens-keeper.ts) signals the change again
// until a fetch has completed; it is tested here against a model of that
// controller on a fake clock (client/src is bundled on the fly: it has no
// `vscode` import).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const { startClient, uriOf, ROOT } = require('./lsp-client');
const { EXAMPLE, makeWorkspace, withoutSection } = require('./fixtures');

const SUMMARY = 'IPC 7/7 · EqIA 5/6 · WCC 9/11';

async function until(test, what, timeout = 10000) {
  const end = Date.now() + timeout;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('code lens: the server', function () {
  let dir;
  let c;
  before(async function () {
    dir = makeWorkspace({});
  });
  afterEach(async function () {
    await c?.stop();
    c = undefined;
  });
  after(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a lens asked for before the client answered workspace/configuration, once it does', async function () {
    c = await startClient({ folder: dir, codeLensRefresh: true });
    let release;
    const gate = new Promise((r) => (release = r));
    let asked = 0;
    // Hold every settings answer until the lens request is in.
    c.conn.onRequest('workspace/configuration', async (p) => {
      asked++;
      await gate;
      return p.items.map(() => ({}));
    });
    const uri = uriOf(path.join(dir, 'early.md'));
    await c.open(uri, EXAMPLE);
    const lenses = c.request('textDocument/codeLens', { textDocument: { uri } });
    await until(() => asked > 0, 'the server to ask for settings');
    release();
    const got = await lenses;
    assert.equal(got.length, 1);
    assert.equal(got[0].command.title, SUMMARY);
  });

  it('asks for a lens refresh when a coverage line becomes known or changes, not on every lint', async function () {
    c = await startClient({ folder: dir, codeLensRefresh: true });
    const uri = uriOf(path.join(dir, 'refresh.md'));
    const refreshes = () => c.notes.filter((n) => n.method === 'workspace/codeLens/refresh').length;
    const coverage = (since) => c.waitFor((n) => n.method === 'commissioningLint/coverage' && n.params.uri === uri, { since });
    let since = c.notes.length;
    await c.open(uri, EXAMPLE);
    await c.diagnostics(uri);
    assert.equal((await coverage(since)).params.summary, SUMMARY);
    await until(() => refreshes() === 1, 'the first refresh');

    // A new version with the same coverage line: a coverage notification, no refresh.
    since = c.notes.length;
    await c.replace(uri, `${EXAMPLE}\n`);
    await c.diagnostics(uri);
    assert.equal((await coverage(since)).params.summary, SUMMARY);
    // The refresh would have gone out with the notification; a lens request is one more round trip.
    await c.request('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(refreshes(), 1);

    // The line changes: a refresh, and the lens says so.
    since = c.notes.length;
    await c.replace(uri, withoutSection(EXAMPLE, 'What works'));
    await c.diagnostics(uri);
    const changed = (await coverage(since)).params.summary;
    assert.notEqual(changed, SUMMARY);
    await until(() => refreshes() === 2, 'a second refresh');
    assert.equal((await c.request('textDocument/codeLens', { textDocument: { uri } }))[0].command.title, changed);
  });
});

// ---- the client's lens keeper against a model of VS Code's controller ---------

function loadKeeper() {
  const out = esbuild.buildSync({ entryPoints: [path.join(ROOT, 'client', 'src', 'lens-keeper.ts')], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'silent' });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  return mod.exports;
}

/** Timers on a fake clock: advance() runs what falls due, in order. */
class Clock {
  constructor() {
    this.now = 0;
    this.timers = new Map();
    this.next = 0;
  }
  set(fn, ms) {
    const id = ++this.next;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  }
  clear(id) {
    this.timers.delete(id);
  }
  advance(ms) {
    const end = this.now + ms;
    for (;;) {
      let due;
      for (const [id, t] of this.timers) if (t.at <= end && (!due || t.at < due[1].at)) due = [id, t];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = end;
  }
}

/**
 * One editor showing one document, scheduling lens fetches as VS Code's
 * CodeLensContribution does: a debounced RunOnceScheduler, scheduled on a
 * provider change (onDidChangeCodeLenses), on focus and on an edit; cancelled
 * on blur. A fetch asks the "server" and tells the keeper (the client's
 * provideCodeLenses middleware does that in the extension).
 */
class Editor {
  constructor(clock, server, { debounce = 250, keeper, lensesEnabled = true } = {}) {
    Object.assign(this, { clock, server, debounce, keeper, lensesEnabled });
    this.uri = 'file:///w/strategy.md';
    this.fetches = 0;
    this.lens = undefined;
    this.pending = undefined;
  }
  schedule() {
    if (!this.lensesEnabled) return;
    this.clock.clear(this.pending);
    this.pending = this.clock.set(() => {
      this.pending = undefined;
      const done = this.keeper?.fetching(this.uri);
      this.fetches++;
      this.lens = this.server.summary;
      done?.();
    }, this.debounce);
  }
  providerChanged() {
    this.schedule();
  }
  focus() {
    this.schedule();
  }
  blur() {
    this.clock.clear(this.pending);
    this.pending = undefined;
  }
}

/** The extension's wiring: the server's refresh and coverage notification, the keeper's host. */
function setup({ withKeeper = true, shown = () => true, debounce, lensesEnabled } = {}) {
  const { LensKeeper, RETRY_DELAYS_MS } = loadKeeper();
  const clock = new Clock();
  const server = { summary: undefined };
  const fired = [];
  let editor;
  const keeper = withKeeper
    ? new LensKeeper({
      shown: (uri) => shown(uri),
      fire: (uris) => {
        fired.push(clock.now);
        if (uris.includes(editor.uri)) editor.providerChanged();
      },
      setTimeout: (fn, ms) => clock.set(fn, ms),
      clearTimeout: (h) => clock.clear(h),
    })
    : undefined;
  editor = new Editor(clock, server, { debounce, keeper, lensesEnabled });
  /** The server's first lint: coverage notification, then workspace/codeLens/refresh. */
  const lint = (summary) => {
    server.summary = summary;
    keeper?.changed(editor.uri);
    editor.providerChanged();
  };
  return { clock, editor, keeper, lint, fired, RETRY_DELAYS_MS };
}

describe('code lens: the client keeps it shown (LensKeeper)', function () {
  it('the model reproduces the flake: a refresh while focused, then a blur within the debounce, and no lens ever', function () {
    const { clock, editor, lint } = setup({ withKeeper: false });
    editor.focus(); // opened with Quick Open: the editor has focus
    clock.advance(50);
    lint(SUMMARY); // the server's refresh: a fetch is scheduled…
    clock.advance(150);
    editor.blur(); // …and cancelled: focus went to the Problems panel
    clock.advance(60000);
    assert.equal(editor.fetches, 0);
    assert.equal(editor.lens, undefined);
  });

  it('the keeper signals again until VS Code has fetched: the lens shows', function () {
    const { clock, editor, lint, fired, keeper } = setup();
    editor.focus();
    clock.advance(50);
    lint(SUMMARY);
    clock.advance(150);
    editor.blur();
    clock.advance(60000);
    assert.equal(editor.lens, SUMMARY);
    assert.equal(editor.fetches, 1);
    assert.deepEqual(fired, [1050], 'one signal, a second after the coverage notification');
    assert.deepEqual(keeper.stale(), []);
  });

  it('stays quiet when VS Code fetches by itself (focus kept, or the fetch came first)', function () {
    const { clock, editor, lint, fired } = setup();
    editor.focus();
    clock.advance(50);
    lint(SUMMARY);
    clock.advance(60000);
    assert.equal(editor.lens, SUMMARY);
    assert.equal(editor.fetches, 1);
    assert.deepEqual(fired, []);
  });

  it('copes with a slow editor (debounce longer than its first wait): it fetches, and the keeper stops', function () {
    const { clock, editor, lint, fired } = setup({ debounce: 1500 });
    editor.focus();
    clock.advance(50);
    lint(SUMMARY);
    clock.advance(100);
    editor.blur();
    clock.advance(60000);
    assert.equal(editor.lens, SUMMARY);
    assert.ok(fired.length >= 1 && fired.length <= 2, `signals at ${fired}`);
  });

  it('counts only fetches that started after the change', function () {
    const { clock, editor, lint, fired } = setup({ debounce: 300 });
    editor.server.summary = 'IPC 6/7 · EqIA 5/6 · WCC 9/11';
    // A fetch that had started before the coverage changed, completing after it.
    const done = editor.keeper.fetching(editor.uri);
    lint(SUMMARY);
    done();
    editor.blur(); // the fetch the refresh scheduled is dropped
    clock.advance(60000);
    assert.equal(fired.length, 1);
    assert.equal(editor.lens, SUMMARY);
  });

  it('does not signal for a document no editor shows, and does once it is shown', function () {
    let visible = false;
    const { clock, editor, lint, fired, keeper } = setup({ shown: () => visible });
    lint(SUMMARY);
    editor.blur();
    clock.advance(60000);
    assert.deepEqual(fired, []);
    // Shown (onDidChangeVisibleTextEditors): VS Code's own fetch is dropped by a quick blur again.
    visible = true;
    editor.focus();
    keeper.watch();
    clock.advance(100);
    editor.blur();
    clock.advance(60000);
    assert.equal(fired.length, 1);
    assert.equal(editor.lens, SUMMARY);
  });

  it('gives up after its last retry if the editor never fetches', function () {
    const { clock, lint, fired, RETRY_DELAYS_MS } = setup({ lensesEnabled: false });
    lint(SUMMARY);
    clock.advance(10 * 60000);
    assert.equal(fired.length, RETRY_DELAYS_MS.length);
    assert.equal(clock.timers.size, 0, 'no timer left running');
  });

  it('forgets a closed document', function () {
    const { clock, editor, lint, fired, keeper } = setup();
    lint(SUMMARY);
    editor.blur();
    keeper.forget(editor.uri);
    clock.advance(60000);
    assert.deepEqual(fired, []);
  });
});
