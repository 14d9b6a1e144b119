// C. Reads outside the workspace: a strategy's linked EqIA (front matter or a
// Markdown link) that points outside the workspace folder, into .git, or
// through a symlink that leaves it. A config synonym regex matches the
// secrets, so any content read would be quoted in a finding; no output may
// ever hold it, and each refused link is an eqia-link-invalid finding on its line.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./helpers');

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'];
const LINK_MESSAGE = /outside the workspace|not a Markdown file/;
const NO_EQIA = h.withoutSection(h.EXAMPLE, 'Equality Impact Assessment');
/** The example's body, front matter cut off. */
const BODY = NO_EQIA.slice(NO_EQIA.indexOf('\n---\n', 4) + 5);

function secretWorkspace() {
  const root = h.tmpdir();
  const ws = path.join(root, 'ws');
  const secret = path.join(root, 'outside', 'secret.md');
  // The secret names no impact, so a reader that followed the link would report it as "named but not assessed", quoting it.
  h.write(root, {
    'outside/secret.md': '# Equality Impact Assessment\n\nSECRET-TOKEN-4711 is the deploy key.\n',
    'ws/.git/config': '[core]\n\trepositoryformatversion = 0\n[secret]\n\ttoken = SECRET-TOKEN-4712\n',
    'ws/.commissioning-lint.yaml': "synonyms:\n  groups:\n    age: ['/SECRET-TOKEN-\\d+/']\n",
    'ws/git-config.md': `---\neqia: .git/config\n---\n${BODY}`,
    'ws/absolute.md': `---\neqia: ${secret}\n---\n${BODY}`,
    'ws/symlinked.md': `${NO_EQIA.trimEnd()}\n\n## Equality Impact Assessment\n\nThe assessment is published separately: see the [EqIA](eqia.md).\n`,
    'ws/parent.md': `---\neqia: ../outside/secret.md\n---\n${BODY}`,
  });
  fs.symlinkSync(secret, path.join(ws, 'eqia.md'));
  const linkLine = fs.readFileSync(path.join(ws, 'symlinked.md'), 'utf8').split('\n').findIndex((l) => l.includes('](eqia.md)')) + 1;
  /** File → 1-based line the finding belongs on. */
  const expected = { 'git-config.md': 2, 'absolute.md': 2, 'symlinked.md': linkLine, 'parent.md': 2 };
  return { ws, expected };
}

describe('hostile C: reads outside the workspace (CLI)', function () {
  this.timeout(60000);
  let ws;
  let expected;
  before(function () {
    ({ ws, expected } = secretWorkspace());
  });

  for (const format of FORMATS) {
    it(`--format ${format}: no secret in the output`, async function () {
      const r = await h.cli(['--format', format, ...Object.keys(expected)], { cwd: ws, timeoutMs: 15000 });
      h.assertFinished(r, 15000);
      const leaked = `${r.stdout}\n${r.stderr}`.match(/.{0,60}SECRET-TOKEN.{0,20}/);
      h.figure(this, `${h.describeRun(r)}${leaked ? `; leaked: ${JSON.stringify(leaked[0])}` : ''}`);
      assert.ok(!leaked, `secret in the ${format} output: ${leaked?.[0]}`);
    });
  }

  it('--format json: an eqia-link-invalid finding on each refused link line', async function () {
    const r = await h.cli(['--format', 'json', ...Object.keys(expected)], { cwd: ws, timeoutMs: 15000 });
    h.assertFinished(r, 15000);
    const out = h.parseJson(r);
    const missing = [];
    for (const [file, line] of Object.entries(expected)) {
      const f = out.files.find((x) => x.path === file);
      assert.ok(f, `${file} not reported`);
      const d = (f.diagnostics ?? []).find((x) => x.ruleId === 'eqia-link-invalid' && x.line === line && LINK_MESSAGE.test(x.message));
      if (!d) missing.push(`${file}:${line} (has ${(f.diagnostics ?? []).map((x) => `${x.ruleId}@${x.line}`).join(', ')})`);
    }
    h.figure(this, missing.length ? `missing: ${missing.join('; ')}` : 'all present');
    assert.deepEqual(missing, []);
  });
});

describe('hostile C: reads outside the workspace (language server)', function () {
  this.timeout(60000);

  it('no secret in diagnostics, workspace diagnostics or coverage reports; eqia-link-invalid on each link line', async function () {
    const { ws, expected } = secretWorkspace();
    const c = await h.session(ws);
    const leaks = [];
    const missing = [];
    try {
      for (const [file, line] of Object.entries(expected)) {
        const uri = h.uriOf(path.join(ws, file));
        await c.open(uri, fs.readFileSync(path.join(ws, file), 'utf8'));
        const d = await c.timed('textDocument/diagnostic', { textDocument: { uri } }, 5000);
        const cov = await c.timed('commissioningLint/coverage', { uri }, 5000);
        for (const [what, value] of [['diagnostics', d.value], ['coverage', cov.value]]) {
          const m = JSON.stringify(value).match(/.{0,60}SECRET-TOKEN.{0,20}/);
          if (m) leaks.push(`${file} ${what}: ${m[0]}`);
        }
        const hit = d.value.items.find((x) => x.code === 'eqia-link-invalid' && x.range.start.line === line - 1 && LINK_MESSAGE.test(x.message));
        if (!hit) missing.push(`${file}:${line} (has ${d.value.items.map((x) => `${x.code}@${x.range.start.line + 1}`).join(', ')})`);
      }
      const w = await c.timed('workspace/diagnostic', { previousResultIds: [] }, 10000);
      const m = JSON.stringify(w.value).match(/.{0,60}SECRET-TOKEN.{0,20}/);
      if (m) leaks.push(`workspace diagnostics: ${m[0]}`);
    } finally {
      await c.end();
    }
    h.figure(this, `leaks: ${leaks.length ? leaks.join(' | ') : 'none'}; missing findings: ${missing.length ? missing.join('; ') : 'none'}`);
    assert.deepEqual(leaks, []);
    assert.deepEqual(missing, []);
  });
});
