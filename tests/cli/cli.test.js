// The CLI as a process: exit codes, stdin, directories, globs, ignore files,
// config discovery, stylish and JSON output, and that it writes nothing.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, run, workspace, snapshot } = require('../helpers/cli');

const COMPLETE = fs.readFileSync(path.join(ROOT, 'test-fixtures/rules/ipc-element-missing/complete.md'), 'utf8');
const NO_EQIA = COMPLETE.replace(/## Equality impact assessment[\s\S]*$/, '');
const EXAMPLE = 'test-fixtures/examples/northvale-adult-mental-health-strategy.md';

describe('CLI', () => {
  it('lints the bundled example: warnings and infos, no errors, exit 0', () => {
    const r = run([EXAMPLE]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /eqia-group-unassessed/);
    assert.match(r.stdout, /legislation-superseded/);
    assert.match(r.stdout, /coverage\s+IPC 7\/7 · EqIA 5\/6 · WCC \d+\/11/);
    assert.strictEqual(r.stderr, '');
  });

  it('is bundled in ASCII alone, which V8 holds one byte a character in every thread (esbuild.js)', () => {
    const bundle = fs.readFileSync(path.join(ROOT, 'dist/cli-main.js'), 'latin1');
    const at = bundle.search(/[^\x00-\x7f]/);
    assert.strictEqual(at, -1, `a byte beyond ASCII at ${at}: ${JSON.stringify(bundle.slice(at - 60, at + 10))}`);
  });

  it('exits 1 on lint errors', () => {
    const dir = workspace({ 'a.md': NO_EQIA });
    const r = run(['a.md'], { cwd: dir });
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /a\.md\n.*error\s+Strategy has no Equality Impact Assessment/);
  });

  it('prints the JSON contract, version 1', () => {
    const dir = workspace({ 'strategy.md': NO_EQIA });
    const r = run(['--format', 'json', 'strategy.md'], { cwd: dir });
    assert.strictEqual(r.code, 1);
    const j = JSON.parse(r.stdout);
    assert.strictEqual(j.version, 1);
    assert.deepStrictEqual(j.policy, { id: 'commissioning-friend-2009' });
    assert.strictEqual(j.files[0].path, 'strategy.md');
    const d = j.files[0].diagnostics.find((x) => x.ruleId === 'eqia-missing');
    assert.deepStrictEqual(Object.keys(d), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
    assert.deepStrictEqual(Object.keys(j.files[0].coverage), ['ipc', 'eqia', 'wcc']);
    assert.deepStrictEqual(j.files[0].coverage.eqia.status, 'missing');
    assert.deepStrictEqual(Object.keys(j.files[0].coverage.wcc), ['tags', 'invalid', 'covered', 'missing']);
    assert.deepStrictEqual(j.summary, { files: 1, errors: 1, warnings: 0, infos: 1 });
  });

  it('reads stdin, using --stdin-filename for the path and config', () => {
    const dir = workspace({ 'sub/.commissioning-lint.yaml': 'rules:\n  wcc-coverage: off\n' });
    const r = run(['--stdin', '--stdin-filename', 'sub/piped.md', '--format', 'json'], { cwd: dir, input: COMPLETE });
    assert.strictEqual(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.strictEqual(j.files[0].path, 'sub/piped.md');
    assert.deepStrictEqual(j.files[0].diagnostics, []);
  });

  it('recurses into directories for Markdown, honouring .gitignore and .commissioning-lint-ignore', () => {
    const dir = workspace({
      'docs/a.md': COMPLETE,
      'docs/nested/b.markdown': COMPLETE,
      'docs/notes.txt': 'not markdown',
      'docs/drafts/old.md': NO_EQIA,
      'docs/.commissioning-lint-ignore': 'drafts/\n',
      '.gitignore': 'build/\n',
      'build/gen.md': NO_EQIA,
      'node_modules/pkg/readme.md': NO_EQIA,
    });
    const r = run(['--format', 'json', '.'], { cwd: dir });
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout).files.map((f) => f.path), ['docs/a.md', 'docs/nested/b.markdown']);
  });

  it('expands globs and keeps a stable order', () => {
    const dir = workspace({ 'b.md': COMPLETE, 'a.md': COMPLETE, 'c.txt': 'x' });
    const r = run(['--format', 'json', '*.md'], { cwd: dir });
    assert.deepStrictEqual(JSON.parse(r.stdout).files.map((f) => f.path), ['a.md', 'b.md']);
  });

  it('does not lint an EqIA file found in a directory as a strategy of its own', () => {
    const dir = workspace({
      'strategy.md': NO_EQIA + '\n## Equalities\n\nSee [the EqIA](strategy-eqia.md).\n',
      'strategy-eqia.md': '# EqIA\n\n- Age: positive impact for older people.\n',
    });
    const r = run(['--format', 'json', '.'], { cwd: dir });
    const j = JSON.parse(r.stdout);
    assert.deepStrictEqual(j.files.map((f) => f.path), ['strategy.md']);
    assert.deepStrictEqual(j.files[0].coverage.eqia.groups.age, { status: 'covered', line: 3, source: 'strategy-eqia.md' });
  });

  it('finds .commissioning-lint.yaml up the tree and applies it', () => {
    const dir = workspace({ '.commissioning-lint.yaml': 'policy: equality-act-2010\nrules:\n  eqia-group-missing: error\n', 'team/s.md': COMPLETE });
    const r = run(['--format', 'json', 'team/s.md'], { cwd: dir });
    assert.strictEqual(r.code, 1);
    const j = JSON.parse(r.stdout);
    assert.strictEqual(j.policy.id, 'equality-act-2010');
    assert.strictEqual(Object.keys(j.files[0].coverage.eqia.groups).length, 9);
    assert.match(j.files[0].diagnostics.find((d) => d.ruleId === 'eqia-group-missing').message, /gender reassignment, marriage and civil partnership, pregnancy and maternity/);
  });

  it('--config and --policy override discovery', () => {
    const dir = workspace({ '.commissioning-lint.yaml': 'rules:\n  wcc-coverage: error\n', 'other.yaml': 'rules:\n  wcc-coverage: off\n', 's.md': COMPLETE });
    assert.strictEqual(run(['s.md'], { cwd: dir }).code, 1);
    assert.strictEqual(run(['--config', 'other.yaml', 's.md'], { cwd: dir }).code, 0);
    const j = JSON.parse(run(['--config', 'other.yaml', '--policy', 'equality-act-2010', '--format', 'json', 's.md'], { cwd: dir }).stdout);
    assert.strictEqual(j.policy.id, 'equality-act-2010');
  });

  it('accepts a policy pack file that extends a built-in pack', () => {
    const dir = workspace({ 'local-pack.yaml': 'id: local\nextends: commissioning-friend-2009\nrules:\n  wcc-coverage: off\n', 's.md': COMPLETE });
    const r = run(['--policy', 'local-pack.yaml', '--format', 'json', 's.md'], { cwd: dir });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(JSON.parse(r.stdout).policy.id, 'local');
  });

  it('--max-warnings and --quiet', () => {
    const dir = workspace({ 's.md': COMPLETE.replace('will not be re-let', 'will be extended') });
    const base = run(['s.md'], { cwd: dir });
    assert.strictEqual(base.code, 0);
    const over = run(['--max-warnings', '0', 's.md'], { cwd: dir });
    assert.strictEqual(over.code, 1);
    assert.match(over.stderr, /more than --max-warnings 0/);
    const quiet = run(['--quiet', 's.md'], { cwd: dir });
    assert.doesNotMatch(quiet.stdout, /warning|info/);
  });

  describe('exit 2 with a one-line reason', () => {
    const cases = [
      ['a missing file', ['nope.md'], /cannot read "nope.md"/],
      ['an unknown policy', ['--policy', 'no-such-policy', 'x.md'], /unknown policy "no-such-policy"/],
      ['an unknown format', ['--format', 'pdf', 'x.md'], /unknown format "pdf"/],
      ['an unknown option', ['--frobnicate', 'x.md'], /frobnicate/],
      ['a bad --max-warnings', ['--max-warnings', 'lots', 'x.md'], /--max-warnings takes a whole number/],
      ['a broken config', ['--config', 'broken.yaml', 'x.md'], /broken\.yaml:2:\d+: .*must be one of/],
      ['a missing config', ['--config', 'absent.yaml', 'x.md'], /cannot read config "absent.yaml"/],
      ['a glob matching nothing', ['*.nothing'], /no files match the pattern/],
      ['no inputs', [], /no files given/],
    ];
    for (const [name, args, re] of cases) {
      it(name, () => {
        const dir = workspace({ 'x.md': COMPLETE, 'broken.yaml': 'rules:\n  wcc-coverage: loudly\n' });
        const r = run(args, { cwd: dir });
        assert.strictEqual(r.code, 2, r.stdout + r.stderr);
        assert.match(r.stderr, re);
        assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      });
    }
  });

  it('names the file, line and column of an invalid /regex/ in a pack, given or named by a config', () => {
    const pack = ['id: local', 'extends: commissioning-friend-2009', 'rules:', '  wcc-coverage: off', 'elements:', '  - id: needs', '    headings:', '      - Local needs', 'wcc:', '  prefixes:', '    - WCC', '    - "/(World Class/"', ''].join('\n');
    const dir = workspace({ 'packs/bad.pack.yaml': pack, '.commissioning-lint.yaml': 'policy: packs/bad.pack.yaml\n', 's.md': COMPLETE });
    for (const args of [['--policy', 'packs/bad.pack.yaml', 's.md'], ['s.md']]) {
      const r = run(args, { cwd: dir });
      assert.strictEqual(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /^commissioning-lint: s\.md: \S*packs[\\/]bad\.pack\.yaml:12:7: wcc\.prefixes: invalid pattern "\/\(World Class\/"/m);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('refuses a binary file, still lints the others, and exits 2', () => {
    const dir = workspace({ 'bin.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]), 'ok.md': COMPLETE });
    const r = run(['--format', 'json', 'bin.md', 'ok.md'], { cwd: dir });
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /bin\.md: not a text file/);
    // Every input appears in the JSON; the one that could not be linted says why.
    const j = JSON.parse(r.stdout);
    assert.deepStrictEqual(j.files.map((f) => f.path), ['bin.md', 'ok.md']);
    assert.match(j.files[0].error, /not a text file/);
    assert.strictEqual(j.files[0].diagnostics, undefined);
    assert.strictEqual(j.summary.files, 2);
  });

  it('reads UTF-16 and invalid UTF-8, empty files, and warns about bad bytes', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(COMPLETE, 'utf16le')]);
    const bad = Buffer.concat([Buffer.from(COMPLETE), Buffer.from([0xc3, 0x28])]);
    const dir = workspace({ 'u16.md': utf16, 'bad.md': bad, 'empty.md': '' });
    const r = run(['--format', 'json', 'u16.md', 'bad.md', 'empty.md'], { cwd: dir });
    const j = JSON.parse(r.stdout);
    assert.strictEqual(j.files.find((f) => f.path === 'u16.md').coverage.ipc.needs.status, 'present');
    assert.match(r.stderr, /bad\.md contains bytes that are not valid UTF-8/);
    assert.strictEqual(j.files.find((f) => f.path === 'empty.md').coverage.eqia.status, 'missing');
  });

  it('writes no file', () => {
    const dir = workspace({ 's.md': NO_EQIA, 'sub/t.md': COMPLETE });
    const before = snapshot(dir);
    run(['--format', 'json', '.'], { cwd: dir });
    run(['.'], { cwd: dir });
    assert.deepStrictEqual(snapshot(dir), before);
  });

  it('prints --help and --version', () => {
    assert.match(run(['--help']).stdout, /Usage: commissioning-lint/);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
