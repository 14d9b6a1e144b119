// The web extension's language server (dist/web/server.js) in a real browser:
// headless Chromium loads it as a Web Worker from a loopback HTTP server, and
// a small page speaks LSP to it with postMessage (plain JSON-RPC objects, as
// vscode-languageclient/browser does). The page plays VS Code's part: it
// answers workspace/configuration and the file requests of the client-host
// protocol (commissioningLint/readFiles, /findFiles) from an in-memory
// workspace at vscode-test-web://mount — so the config file, the ignore file
// and the linked EqIA reach the server only through the client, as in
// vscode.dev. Skipped, saying why, only when Chromium is not installed
// (tests/e2e/setup.sh installs it; .ci/run runs that first).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const { STRATEGY, WORKSPACE } = require('./fixtures');

const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'web', 'server.js');
const CHROMIUM = process.env.COMMISSIONING_LINT_CHROMIUM || '/usr/bin/chromium';
const FOLDER = 'vscode-test-web://mount';

/** The page: starts the worker, routes its messages, answers the client's side of the protocol. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>commissioning-lint web worker</title><script>
const worker = new Worker('server.js');
const pending = new Map();
let nextId = 0;
window.files = {};
window.asked = [];
window.notifications = [];
window.workerErrors = [];
worker.onerror = (e) => workerErrors.push(String(e.message || e));
const utf8 = (s) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
function answer(m) {
  switch (m.method) {
    case 'workspace/configuration': return m.params.items.map(() => ({}));
    case 'commissioningLint/readFiles': return { files: m.params.files.map(({ uri, cap }) => {
      window.asked.push(uri);
      const text = files[uri];
      if (text === undefined) return Object.keys(files).some((k) => k.startsWith(uri + '/')) ? { uri, type: 'directory' } : { uri, type: 'missing' };
      const size = new TextEncoder().encode(text).length;
      return size > cap ? { uri, type: 'file', size, mtime: 1 } : { uri, type: 'file', size, mtime: 1, data: utf8(text) };
    }) };
    case 'commissioningLint/findFiles': return { uris: Object.keys(files).filter((k) => k.startsWith(m.params.folder + '/') && /\\.(md|markdown)$/.test(k)) };
    default: return null;
  }
}
worker.onmessage = (e) => {
  const m = e.data;
  if (m.method && m.id !== undefined) worker.postMessage({ jsonrpc: '2.0', id: m.id, result: answer(m) });
  else if (m.method) notifications.push(m);
  else if (pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); }
};
window.request = (method, params) => new Promise((resolve) => {
  const id = ++nextId;
  pending.set(id, resolve);
  worker.postMessage({ jsonrpc: '2.0', id, method, params });
});
window.notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
</script>`;

const CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { didSave: true },
    diagnostic: { dynamicRegistration: false },
    publishDiagnostics: { codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true } },
  },
};

/** 0-based position just after `needle` (or `delta` characters into it). */
function posOf(text, needle, delta = needle.length) {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not in text: ${needle}`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('web extension: the language server as a Web Worker in Chromium', function () {
  this.timeout(60000);
  let server;
  let browser;
  let page;
  const rpc = async (method, params) => {
    const m = await page.evaluate(([method, params]) => window.request(method, params), [method, params]);
    if (m.error) throw new Error(`${method}: ${m.error.message}`);
    return m.result;
  };
  const notify = (method, params) => page.evaluate(([method, params]) => window.notify(method, params), [method, params]);
  const open = (name) => notify('textDocument/didOpen', { textDocument: { uri: `${FOLDER}/${name}`, languageId: 'markdown', version: 1, text: WORKSPACE[name] } });
  const diagnostics = async (name) => (await rpc('textDocument/diagnostic', { textDocument: { uri: `${FOLDER}/${name}` } })).items;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      // Mocha's skip takes no reason: say it here.
      console.log(`      SKIPPED: Chromium is not installed at ${CHROMIUM} (apt-get install chromium, or tests/e2e/setup.sh): the web extension's server was not run in a browser`);
      this.skip();
    }
    assert.ok(fs.existsSync(BUNDLE), 'dist/web/server.js is built (npm run build)');
    server = http.createServer((req, res) => {
      if (req.url === '/server.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(fs.readFileSync(BUNDLE));
      } else if (req.url === '/' || req.url === '/index.html') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(PAGE);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.evaluate((files) => (window.files = files), Object.fromEntries(Object.entries(WORKSPACE).map(([k, v]) => [`${FOLDER}/${k}`, v])));
    const t0 = Date.now();
    const init = await rpc('initialize', { processId: null, rootUri: FOLDER, workspaceFolders: [{ uri: FOLDER, name: 'mount' }], capabilities: CAPABILITIES, initializationOptions: { workspaceTrusted: true } });
    console.log(`      initialize answered in ${Date.now() - t0} ms (worker start and bundle load included)`);
    assert.equal(init.serverInfo.name, 'commissioning-lint');
    await notify('initialized', {});
  });

  after(async function () {
    await browser?.close();
    server?.close();
  });

  afterEach(async function () {
    if (page) assert.deepEqual(await page.evaluate(() => window.workerErrors), [], 'no uncaught error in the worker');
  });

  it('reports a missing IPC element and an unassessed group, with the config read through the client', async function () {
    await open('strategy.md');
    const t0 = Date.now();
    const items = await diagnostics('strategy.md');
    console.log(`      first diagnostics in ${Date.now() - t0} ms: ${items.map((d) => d.code).join(', ')}`);
    const missing = items.filter((d) => d.code === 'ipc-element-missing').map((d) => d.message);
    assert.ok(missing.some((m) => /research and good practice/i.test(m)), missing.join(' | '));
    assert.ok(missing.some((m) => /changes needed/i.test(m)), missing.join(' | '));
    const unassessed = items.filter((d) => d.code === 'eqia-group-unassessed');
    assert.ok(unassessed.some((d) => /religion or belief/.test(d.message)), unassessed.map((d) => d.message).join(' | '));
    assert.ok(!items.some((d) => d.code === 'wcc-coverage'), 'the workspace config turned wcc-coverage off');
    assert.ok(items.every((d) => d.codeDescription?.href.startsWith('https://')));
    const asked = await page.evaluate(() => window.asked);
    assert.ok(asked.includes(`${FOLDER}/.commissioning-lint.yaml`), `config asked for: ${asked.join(', ')}`);
    assert.ok(!asked.some((u) => !u.startsWith(`${FOLDER}/`)), `nothing outside the workspace folder asked for: ${asked.join(', ')}`);
  });

  it('explains a cited Act on hover, with its legislation.gov.uk link', async function () {
    const h = await rpc('textDocument/hover', { textDocument: { uri: `${FOLDER}/strategy.md` }, position: posOf(STRATEGY, 'Mental Health Act 1983', 3) });
    const text = typeof h.contents === 'string' ? h.contents : h.contents.value;
    assert.match(text, /Mental Health Act 1983/);
    assert.match(text, /https:\/\/www\.legislation\.gov\.uk\/ukpga\/1983\/20/);
  });

  it('completes the eleven WCC competencies after "WCC "', async function () {
    const r = await rpc('textDocument/completion', { textDocument: { uri: `${FOLDER}/strategy.md` }, position: posOf(STRATEGY, 'Tagged for the board: WCC ') });
    const labels = (Array.isArray(r) ? r : r.items).map((i) => i.label);
    assert.equal(labels.length, 11, labels.join(' | '));
    assert.equal(labels[0], '1 – Locally lead the NHS');
    assert.equal(labels[4], '5 – Manage knowledge and assess needs');
  });

  it('follows a linked EqIA the client supplies', async function () {
    await open('linked.md');
    const items = await diagnostics('linked.md');
    const codes = items.map((d) => d.code);
    assert.ok(!codes.includes('eqia-missing') && !codes.includes('eqia-link-invalid'), codes.join(', '));
    const missing = items.filter((d) => d.code === 'eqia-group-missing').map((d) => d.message);
    assert.equal(missing.length, 1, codes.join(', '));
    assert.match(missing[0], /sexual orientation/);
    assert.doesNotMatch(missing[0], /religion|disab|age|sex,/);
    assert.ok((await page.evaluate(() => window.asked)).includes(`${FOLDER}/eqia/assessment.md`));
  });

  it('sweeps the workspace through the client listing, honouring the ignore file', async function () {
    const r = await rpc('workspace/diagnostic', { previousResultIds: [] });
    const byName = Object.fromEntries(r.items.map((i) => [i.uri.slice(FOLDER.length + 1), i]));
    assert.deepEqual(Object.keys(byName).sort(), ['closed.md', 'eqia/assessment.md', 'linked.md', 'strategy.md']);
    assert.ok(byName['closed.md'].items.some((d) => d.code === 'ipc-element-missing' && /population's needs|needs/i.test(d.message)));
    assert.deepEqual(byName['eqia/assessment.md'].items, [], 'a linked EqIA is part of its strategy');
  });
});
