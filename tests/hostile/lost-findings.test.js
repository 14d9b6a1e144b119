// F. Lost findings: inputs that make the tool drop findings or die quietly —
// unreadable folders, odd link targets, binary files, a closed pipe, an
// output file that is an input, a tampered cache. Every other file is still
// reported; refusals are findings or one-line errors with exit 2.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./helpers');

const NO_EVIDENCE = h.withoutSection(h.EXAMPLE, 'What works');
const BOUND_MS = 15000;

/** A folder `docs/` with three good strategies (one missing a section). */
function docs(extra = {}) {
  return h.write(h.tmpdir(), { 'docs/a.md': h.EXAMPLE, 'docs/b.md': NO_EVIDENCE, 'docs/ok/c.md': h.EXAMPLE, ...extra });
}

/** Asserts the three good files are in the JSON report with their findings. */
function assertGoodFiles(out) {
  const paths = out.files.map((f) => f.path);
  for (const p of ['docs/a.md', 'docs/b.md', 'docs/ok/c.md']) assert.ok(paths.includes(p), `${p} missing from ${JSON.stringify(paths)}`);
  assert.ok(out.files.find((f) => f.path === 'docs/b.md').diagnostics.some((d) => d.ruleId === 'ipc-element-missing'));
}

describe('hostile F: lost findings', function () {
  this.timeout(60000);

  it('an unreadable subfolder (chmod 000, run as nobody when root): exit 2 naming it, the readable files reported', async function () {
    const dir = docs({ 'docs/locked/d.md': h.EXAMPLE });
    const locked = path.join(dir, 'docs/locked');
    h.openUp(dir);
    fs.chmodSync(locked, 0o000);
    const r = await h.cli(['--format', 'json', 'docs'], { cwd: dir, timeoutMs: BOUND_MS, asUser: h.unprivileged() });
    fs.chmodSync(locked, 0o755);
    h.figure(this, h.describeRun(r));
    h.assertFinished(r, BOUND_MS);
    assert.equal(r.code, 2, h.describeRun(r));
    const lines = h.assertStderrLines(r.stderr);
    assert.ok(lines.some((l) => l.includes('locked')), r.stderr);
    assertGoodFiles(h.parseJson(r));
  });

  it('an unreadable file (chmod 000, run as nobody when root): exit 2 naming it, the readable files reported', async function () {
    const dir = docs({ 'docs/secret.md': h.EXAMPLE });
    const file = path.join(dir, 'docs/secret.md');
    h.openUp(dir);
    fs.chmodSync(file, 0o000);
    const r = await h.cli(['--format', 'json', 'docs'], { cwd: dir, timeoutMs: BOUND_MS, asUser: h.unprivileged() });
    h.figure(this, h.describeRun(r));
    h.assertFinished(r, BOUND_MS);
    assert.equal(r.code, 2, h.describeRun(r));
    assert.ok(h.assertStderrLines(r.stderr).some((l) => l.includes('secret.md')), r.stderr);
    assertGoodFiles(h.parseJson(r));
  });

  // Symbolic links to folders are never followed (a link could lead outside the workspace), so a loop cannot trap the walk.
  it('a directory symlink loop (loop-a → loop-b → loop-a): the walk ends, the readable files reported', async function () {
    const dir = docs();
    fs.symlinkSync('loop-b', path.join(dir, 'docs/loop-a'));
    fs.symlinkSync('loop-a', path.join(dir, 'docs/loop-b'));
    const r = await h.cli(['--format', 'json', 'docs'], { cwd: dir, timeoutMs: BOUND_MS });
    h.figure(this, h.describeRun(r));
    h.assertFinished(r, BOUND_MS);
    assert.ok([0, 1].includes(r.code), h.describeRun(r));
    h.assertStderrLines(r.stderr);
    assertGoodFiles(h.parseJson(r));
  });

  it('[EqIA](eqia-50%.md) in the EqIA section: no internal-error, the other findings kept, a link finding on its line', async function () {
    const text = h.withEqia('The assessment is published separately: see the [EqIA](eqia-50%.md).');
    const dir = h.write(h.tmpdir(), { 's.md': text, 'eqia-50%.md': '# EqIA\n\nAge: positive impact.\n' });
    const line = text.split('\n').findIndex((l) => l.includes('eqia-50%.md')) + 1;
    const r = await h.cli(['--format', 'json', 's.md'], { cwd: dir, timeoutMs: BOUND_MS });
    h.figure(this, h.describeRun(r));
    h.assertFinished(r, BOUND_MS);
    const out = h.parseJson(r);
    const d = out.files[0].diagnostics;
    h.figure(this, `findings: ${d.map((x) => `${x.ruleId}@${x.line}`).join(', ')}`);
    assert.ok(!d.some((x) => /internal/.test(x.ruleId)), `internal error: ${JSON.stringify(d.find((x) => /internal/.test(x.ruleId)))}`);
    assert.ok(d.some((x) => x.ruleId === 'legislation-superseded'), 'the other findings are kept');
    assert.ok(
      d.some((x) => /^eqia-link/.test(x.ruleId) && x.line === line),
      `no eqia-link finding on line ${line}`,
    );
  });

  it('a binary (NUL bytes) .md among 3 good files, --format json: all 4 in files, the binary one with an error, summary.files 4', async function () {
    const bin = Buffer.concat([Buffer.from('# Strategy\n\n'), Buffer.alloc(4096), Buffer.from([0xff, 0xfe, 0x00, 0x01]), Buffer.alloc(4096)]);
    const dir = docs({ 'docs/binary.md': bin });
    const r = await h.cli(['--format', 'json', 'docs'], { cwd: dir, timeoutMs: BOUND_MS });
    h.figure(this, h.describeRun(r));
    h.assertFinished(r, BOUND_MS);
    const out = h.parseJson(r);
    assertGoodFiles(out);
    const b = out.files.find((f) => f.path === 'docs/binary.md');
    h.figure(this, `binary.md ${b ? `reported${b.error ? ` with error "${b.error}"` : ` without an error field, findings ${b.diagnostics?.map((x) => x.ruleId).join(', ')}`}` : 'missing'}; summary.files ${out.summary?.files}`);
    assert.ok(b, 'binary.md missing from files');
    assert.ok(b.error, 'binary.md has no error field');
    assert.equal(out.files.length, 4);
    assert.equal(out.summary.files, 4);
  });

  it('`cli … | head -1`: no EPIPE trace on stderr, the CLI exits 0 or 1', async function () {
    // 3,000 invalid WCC tags: far more report than a pipe buffer holds.
    const dir = h.write(h.tmpdir(), { 'many.md': `# Strategy\n\n${Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} cites WCC 12.\n`).join('\n')}` });
    const results = [];
    for (const format of ['stylish', 'json']) {
      // bash for PIPESTATUS: the CLI's own exit status, not head's. The CLI's stderr passes through.
      const script = `"${process.execPath}" "${h.CLI}" --format ${format} many.md | head -1 >/dev/null; echo "status=\${PIPESTATUS[0]}"`;
      const r = await h.runProcess('/bin/bash', ['-c', script], { cwd: dir, timeoutMs: BOUND_MS });
      const status = Number((r.stdout.match(/status=(\d+)/) ?? [])[1]);
      results.push({ format, status, r });
      h.figure(this, `${format}: status ${status}, stderr ${JSON.stringify(r.stderr.slice(0, 120))}`);
    }
    for (const { format, status, r } of results) {
      h.assertFinished(r, BOUND_MS);
      assert.doesNotMatch(r.stderr, /EPIPE|Error:|\bat /, `${format}: ${r.stderr.slice(0, 300)}`);
      assert.ok([0, 1].includes(status), `${format}: CLI exit status ${status}`);
    }
  });

  it('-o naming an input file: exit 2, the input unchanged', async function () {
    const dir = h.write(h.tmpdir(), { 's.md': h.EXAMPLE, 'other.md': NO_EVIDENCE });
    const r = await h.cli(['-o', 's.md', 's.md', 'other.md'], { cwd: dir, timeoutMs: BOUND_MS });
    h.figure(this, h.describeRun(r));
    h.assertFinished(r, BOUND_MS);
    const now = fs.readFileSync(path.join(dir, 's.md'), 'utf8');
    assert.ok(now === h.EXAMPLE, `s.md was overwritten; it now starts ${JSON.stringify(now.slice(0, 80))}`);
    assert.equal(r.code, 2, h.describeRun(r));
    h.assertStderrLines(r.stderr);
  });

  it('a tampered --cache (links null, a forged result): the next run ends normally with the same findings as without cache', async function () {
    const dir = docs();
    const cacheFile = path.join(dir, 'node_modules/.cache/commissioning-lint/cache.json');
    const fresh = await h.cli(['--format', 'json', 'docs'], { cwd: dir, timeoutMs: BOUND_MS });
    const first = await h.cli(['--format', 'json', '--cache', 'docs'], { cwd: dir, timeoutMs: BOUND_MS });
    h.assertFinished(first, BOUND_MS);
    assert.ok(fs.existsSync(cacheFile), 'no cache written');
    const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    const keys = Object.keys(cache.entries).sort();
    assert.ok(keys.length >= 2, `cache entries: ${keys}`);
    cache.entries[keys[0]].links = null;
    cache.entries[keys[1]].result = { diagnostics: 'x' };
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
    const r = await h.cli(['--format', 'json', '--cache', 'docs'], { cwd: dir, timeoutMs: BOUND_MS });
    h.figure(this, h.describeRun(r));
    h.assertFinished(r, BOUND_MS);
    assert.equal(r.code, fresh.code, h.describeRun(r));
    assert.deepEqual(h.parseJson(r), h.parseJson(fresh));
  });
});

