// A real JSON-RPC client for the built server (dist/server.js over stdio):
// spawns it, answers what a client must (configuration, registrations,
// progress), keeps documents in sync with incremental edits, and records
// notifications. Used by the LSP tests and the LSP benchmark.
const path = require('node:path');
const cp = require('node:child_process');
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { pathToFileURL } = require('node:url');

const ROOT = path.resolve(__dirname, '..', '..');
// The benchmark points this at its private copy of dist/ (so a rebuild mid-run changes nothing).
const SERVER = process.env.COMMISSIONING_LINT_SERVER || path.join(ROOT, 'dist', 'server.js');

/** Client capabilities like VS Code's, trimmed to what the server looks at; `pull: false` mimics Neovim 0.7. */
function capabilities({ pull = true, configuration = true, watchers = true, codeLensRefresh = false } = {}) {
  return {
    workspace: {
      configuration,
      codeLens: codeLensRefresh ? { refreshSupport: true } : undefined,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: watchers },
      workspaceEdit: { documentChanges: true },
      diagnostics: pull ? { refreshSupport: true } : undefined,
    },
    window: { workDoneProgress: true },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      diagnostic: pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true, deprecatedSupport: true, tagSupport: { valueSet: [1] } } },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true, isPreferredSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      documentLink: { tooltipSupport: true },
      codeLens: {},
    },
  };
}

function uriOf(file) {
  return pathToFileURL(file).href;
}

/**
 * Starts the server and initialises it.
 * opts: { folder, folderUri, handlers, settings (global or function(scopeUri) → settings), pull, configuration, watchers, codeLensRefresh, cwd, env, args, nodeArgs }
 */
async function startClient(opts = {}) {
  const args = opts.args ?? ['--stdio'];
  const child = cp.spawn(process.execPath, [...(opts.nodeArgs ?? []), SERVER, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...(opts.env ?? {}) }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const client = new Client(conn, child, opts);
  client.exited = exited;
  client.stderr = () => stderr;
  conn.listen();
  const folder = opts.folder;
  // folderUri: a workspace folder that is not on disk (vscode-vfs://…); opts.handlers answer the server's own requests.
  const folderUri = opts.folderUri ?? (folder ? uriOf(folder) : null);
  for (const [method, handler] of Object.entries(opts.handlers ?? {})) conn.onRequest(method, handler);
  client.initializeResult = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: folderUri ? [{ uri: folderUri, name: path.basename(folderUri) }] : null,
    capabilities: capabilities(opts),
    initializationOptions: opts.initializationOptions,
  });
  await conn.sendNotification('initialized', {});
  return client;
}

class Client {
  constructor(conn, child, opts) {
    this.conn = conn;
    this.child = child;
    this.opts = opts;
    this.docs = new Map();
    this.notes = [];
    this.waiters = [];
    this.refreshes = 0;
    this.registrations = [];
    this.progress = [];
    this.logs = [];
    this.settings = opts.settings ?? {};
    conn.onRequest('workspace/configuration', (p) => p.items.map((it) => (typeof this.settings === 'function' ? this.settings(it.scopeUri) : this.settings)));
    conn.onRequest('client/registerCapability', (p) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.record({ method: 'workspace/diagnostic/refresh' });
      return null;
    });
    conn.onRequest('workspace/codeLens/refresh', () => {
      this.record({ method: 'workspace/codeLens/refresh' });
      return null;
    });
    conn.onNotification('$/progress', (p) => this.progress.push(p));
    conn.onNotification('window/logMessage', (p) => this.logs.push(p.message));
    conn.onNotification((method, params) => this.record({ method, params }));
  }

  record(n) {
    this.notes.push(n);
    for (const w of [...this.waiters]) {
      if (w.test(n)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(n);
      }
    }
  }

  /** Resolves with the first notification (past or future, after `since`) that passes `test`. */
  waitFor(test, { timeout = 10000, since = 0 } = {}) {
    const past = this.notes.slice(since).find(test);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const w = { test, resolve };
      this.waiters.push(w);
      setTimeout(() => {
        const i = this.waiters.indexOf(w);
        if (i >= 0) {
          this.waiters.splice(i, 1);
          reject(new Error('timed out waiting for a notification'));
        }
      }, timeout).unref();
    });
  }

  request(method, params) {
    return this.conn.sendRequest(method, params);
  }

  notify(method, params) {
    return this.conn.sendNotification(method, params);
  }

  open(uri, text, languageId = 'markdown') {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  text(uri) {
    return this.docs.get(uri).getText();
  }

  /** Applies LSP text edits locally and sends them as one incremental change. */
  edit(uri, edits) {
    const doc = this.docs.get(uri);
    const version = doc.version + 1;
    // Send changes last-first so each range is read against the text before it.
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    const next = TextDocument.update(doc, sorted.map((e) => ({ range: e.range, text: e.newText })), version);
    this.docs.set(uri, next);
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })) });
  }

  /** Replaces the whole text (a full-document change). */
  replace(uri, text) {
    const doc = this.docs.get(uri);
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.create(uri, doc.languageId, version, text));
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  save(uri) {
    return this.notify('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri) {
    this.docs.delete(uri);
    return this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  diagnostics(uri, previousResultId) {
    return this.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  }

  /** Applies a WorkspaceEdit (changes or documentChanges) to the client's copy and syncs it. */
  async apply(edit) {
    const groups = edit.documentChanges ? edit.documentChanges.map((c) => [c.textDocument.uri, c.edits]) : Object.entries(edit.changes ?? {});
    for (const [uri, edits] of groups) await this.edit(uri, edits);
  }

  async stop() {
    try {
      await Promise.race([this.request('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.notify('exit');
    } catch {
      // already gone
    }
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(killer);
    this.conn.dispose();
  }
}

module.exports = { startClient, uriOf, ROOT, SERVER, capabilities };
