#!/usr/bin/env node
'use strict';
// `npm run test:e2e`: the extension in a real VS Code (code-server + headless
// Chromium) in Restricted Mode and trusted, and the language server under a
// real Neovim, against tests/e2e/fixtures/strategy.md.
//
//   node tests/e2e/run.js [nvim] [restricted] [trusted] [web]   (default: all four;
//   web: the web extension in code-server's browser extension host)
//     --skip-setup     don't run setup.sh (or E2E_SKIP_SETUP=1)
//     --update-docs    copy the trusted run's README crops to docs/images/
//
// Phases: install (setup.sh, idempotent, caches outside the clone) → build and
// package the .vsix if any input is newer → Neovim → code-server per mode.
// Prints each check and phase timing; exits 1 with a summary on any failure.
// Screenshots and logs: tests/e2e/.artifacts/e2e/.

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..', '..');
const VSIX = path.join(ROOT, 'dist', 'commissioning-lint.vsix');
const SUITES = ['nvim', 'restricted', 'trusted', 'web'];

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const chosen = args.filter((a) => !a.startsWith('--'));
for (const a of chosen) if (!SUITES.includes(a)) usage(`unknown suite "${a}"`);
for (const f of flags) if (!['--skip-setup', '--update-docs', '--help'].includes(f)) usage(`unknown option ${f}`);
if (flags.has('--help')) usage();
const suites = chosen.length ? SUITES.filter((s) => chosen.includes(s)) : SUITES;

function usage(problem) {
  if (problem) console.error(`run.js: ${problem}`);
  console.error('usage: node tests/e2e/run.js [nvim] [restricted] [trusted] [web] [--skip-setup] [--update-docs]');
  process.exit(problem ? 2 : 0);
}

const results = []; // { suite, name, ok, ms, error, shot }
const timings = []; // { suite, phase, ms }
const T0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

function timing(suite, phase, ms) {
  if (typeof ms !== 'number') return;
  timings.push({ suite, phase, ms });
  console.log(`  ⏱  ${phase}: ${secs(ms)}`);
}

/** Run one check; record and print its outcome. Resolves true if it passed. */
async function record(suite, name, fn, { soft = false } = {}) {
  const t0 = Date.now();
  try {
    const shot = await fn();
    const ms = Date.now() - t0;
    results.push({ suite, name, ok: true, soft, ms, shot });
    console.log(`  ✓ ${name} (${secs(ms)})${typeof shot === 'string' ? `  ${path.relative(ROOT, shot)}` : ''}`);
    return true;
  } catch (e) {
    const ms = Date.now() - t0;
    results.push({ suite, name, ok: false, soft, ms, error: e });
    console.log(`  ${soft ? '⚠ (not fatal)' : '✗'} ${name} (${secs(ms)})\n${String((e && e.stack) || e).replace(/^/gm, '      ')}`);
    return false;
  }
}

/** Time a synchronous phase (a child process with inherited output). */
function phase(name, cmd, cmdArgs, opts = {}) {
  console.log(`\n== ${name}: ${cmd} ${cmdArgs.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  const ms = Date.now() - t0;
  timings.push({ suite: 'setup', phase: name, ms });
  if (r.error || r.status !== 0) {
    fail(`${name} failed (${r.error ? r.error.message : `exit ${r.status}`}); its output is above.`);
  }
  console.log(`== ${name}: ${secs(ms)}`);
}

function fail(message) {
  console.error(`\nE2E FAILED: ${message}`);
  process.exit(1);
}

// ---- build ------------------------------------------------------------------

/** Newest mtime under the .vsix's inputs (sources, packs, snippets, manifest). */
function newestInput() {
  let newest = 0;
  const walk = (p) => {
    let st;
    try { st = fs.statSync(p); } catch { return; }
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['client', 'server/src', 'policies', 'snippets', 'grammars', 'package.json', 'esbuild.js', '.vscodeignore', 'README.md', 'CHANGELOG.md']) {
    walk(path.join(ROOT, p));
  }
  return newest;
}

function ensureBuilt() {
  const outputs = [VSIX, 'dist/cli.js', 'dist/cli-main.js', 'dist/server.js', 'dist/client.js'].map((p) => path.resolve(ROOT, p));
  const oldest = Math.min(...outputs.map((p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0)));
  if (oldest > newestInput()) {
    console.log(`\n== build: dist/ and ${path.relative(ROOT, VSIX)} are up to date`);
    timings.push({ suite: 'setup', phase: 'build + package (up to date)', ms: 0 });
    return;
  }
  // `npm run package` runs esbuild (all of dist/) and then vsce.
  phase('build + package', 'npm', ['run', '--silent', 'package']);
  if (!fs.existsSync(VSIX)) fail(`npm run package did not produce ${VSIX}`);
}

// ---- main --------------------------------------------------------------------

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    try { require('./lib/codeserver').killStarted(); } catch { /* not loaded */ }
    console.error(`\nE2E interrupted (${sig})`);
    process.exit(130);
  });
}

(async () => {
  console.log(`commissioning-lint e2e: ${suites.join(', ')}`);
  if (flags.has('--skip-setup') || process.env.E2E_SKIP_SETUP === '1') {
    console.log('\n== install: skipped (--skip-setup)');
  } else {
    phase('install (setup.sh)', 'bash', [path.join(__dirname, 'setup.sh')]);
  }
  ensureBuilt();

  const cs = require('./lib/codeserver');
  const out = path.join(cs.ARTIFACTS, 'e2e');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  // The harness's own leftovers from earlier runs (timeout screenshots, code-server logs).
  for (const f of fs.readdirSync(cs.ARTIFACTS)) {
    if (/^(timeout-\d+\.png|start-failed-\d+\.png|code-server-\d+\.log)$/.test(f)) fs.rmSync(path.join(cs.ARTIFACTS, f), { force: true });
  }
  // A backstop for CI: every wait is bounded, but a hung browser or process is not.
  const deadline = Number(process.env.E2E_DEADLINE_MS || 15 * 60 * 1000);
  setTimeout(() => {
    cs.killStarted();
    fail(`the suites did not finish within ${secs(deadline)} (E2E_DEADLINE_MS); see the output above and ${path.relative(process.cwd(), out)}/`);
  }, deadline).unref();

  for (const suite of suites) {
    const t0 = Date.now();
    const ctx = {
      mode: suite,
      vsix: VSIX,
      record: (name, fn, opts) => record(suite, name, fn, opts),
      timing: (p, ms) => timing(suite, p, ms),
      log: (...a) => console.log(...a),
    };
    if (suite === 'nvim') {
      console.log('\n== Neovim (built-in LSP client) ⇄ node dist/server.js --stdio');
      await require('./suites/neovim').run(ctx);
    } else {
      console.log(`\n== VS Code (code-server ${{ trusted: 'trusted workspace', restricted: 'Restricted Mode', web: 'web extension in the browser extension host, trusted' }[suite]})`);
      await require('./suites/vscode').run(ctx).catch((e) => record(suite, 'suite', () => { throw e; }));
    }
    timing(suite, `${suite} total`, Date.now() - t0);
  }

  if (flags.has('--update-docs')) {
    const docs = path.join(ROOT, 'docs', 'images');
    fs.mkdirSync(docs, { recursive: true });
    // The README's images (the quick-fix crop stays in the artifacts).
    for (const name of ['problems', 'status-bar', 'hover', 'completion']) {
      const from = path.join(out, `trusted-readme-${name}.png`);
      if (!fs.existsSync(from)) { console.log(`docs: no ${path.relative(ROOT, from)} (did the trusted suite run and pass?)`); continue; }
      const to = path.join(docs, `e2e-${name}.png`);
      fs.copyFileSync(from, to);
      console.log(`docs: ${path.relative(ROOT, to)} (${Math.round(fs.statSync(to).size / 1024)} KB)`);
    }
  }

  // ---- summary -----------------------------------------------------------------
  console.log('\n== Timings');
  for (const t of timings) console.log(`  ${t.suite.padEnd(10)} ${t.phase.padEnd(44)} ${secs(t.ms).padStart(7)}`);
  console.log(`  ${'all'.padEnd(10)} ${'e2e wall clock'.padEnd(44)} ${secs(Date.now() - T0).padStart(7)}`);
  console.log('\n== Results');
  for (const s of suites) {
    const rs = results.filter((r) => r.suite === s && !r.soft);
    const passed = rs.filter((r) => r.ok).length;
    const soft = results.filter((r) => r.suite === s && r.soft && !r.ok).length;
    console.log(`  ${s.padEnd(10)} ${passed}/${rs.length} checks passed${rs.length && passed === rs.length ? '' : ' ✗'}${soft ? `; ${soft} soft check(s) failed ⚠` : ''}`);
  }
  for (const r of results.filter((x) => x.soft && !x.ok)) {
    console.log(`  ⚠ [${r.suite}] ${r.name}: ${String((r.error && r.error.message) || r.error).split('\n')[0]}`);
  }
  const failed = results.filter((r) => !r.ok && !r.soft);
  const empty = suites.filter((s) => !results.some((r) => r.suite === s));
  if (failed.length || empty.length) {
    const lines = failed.map((r) => `  [${r.suite}] ${r.name}: ${String((r.error && r.error.message) || r.error).split('\n')[0]}`);
    for (const s of empty) lines.push(`  [${s}] ran no checks`);
    fail(`${failed.length} check(s) failed:\n${lines.join('\n')}\nScreenshots and logs: ${path.relative(process.cwd(), out) || out}/`);
  }
  console.log(`\nE2E PASSED (${results.filter((r) => !r.soft).length} checks, ${secs(Date.now() - T0)})`);
})().catch((e) => fail(e.stack || String(e)));
