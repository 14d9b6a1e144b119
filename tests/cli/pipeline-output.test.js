// --output writes the report to a file (any format) and leaves stdout empty;
// progress never reaches a pipe.
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { CLI, run } = require('../helpers/cli');
const { strategyWorkspace, PATHS } = require('./format-workspace');

describe('--output and progress', () => {
  let dir;
  before(() => {
    dir = strategyWorkspace();
  });

  for (const format of ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'html']) {
    it(`--format ${format} --output writes the report, not stdout`, () => {
      const expected = run(['--format', format, ...PATHS], { cwd: dir });
      const out = path.join('reports', format, `report.${format}`);
      const r = run(['--format', format, '--output', out, ...PATHS], { cwd: dir });
      assert.strictEqual(r.stdout, '');
      assert.strictEqual(r.code, expected.code);
      assert.strictEqual(fs.readFileSync(path.join(dir, out), 'utf8'), expected.stdout);
    });
  }

  it('exits 2 with a reason when the report cannot be written', () => {
    fs.writeFileSync(path.join(dir, 'blocker'), '');
    const r = run(['--format', 'json', '-o', 'blocker/report.json', ...PATHS], { cwd: dir });
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /cannot write "blocker\/report\.json"/);
  });

  it('shows no progress when stderr is not a terminal', () => {
    const r = run(['--format', 'json', 'strategies'], { cwd: dir });
    assert.strictEqual(r.stderr, '');
  });

  // `script` gives the CLI a terminal; progress appears only once a run is long
  // enough, so force one with a slow-looking run of many files.
  it('shows progress on a terminal for a long run, and clears it', function () {
    this.timeout(30000);
    const which = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (which.status !== 0) this.skip();
    const many = fs.mkdtempSync(path.join(dir, 'many-'));
    // Enough work to outlast the progress line's first delay (400 ms) on a fast machine.
    const text = fs.readFileSync(path.join(dir, PATHS[0]), 'utf8').repeat(4);
    for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(many, `s${String(i).padStart(3, '0')}.md`), text);
    // Only stderr goes to the terminal; the report goes to a file.
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --jobs 1 --format json -o out.json ${JSON.stringify(many)} 2>/dev/tty`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.match(r.stdout, /commissioning-lint: linting \d+\/400 files \(\d+%\)/);
    assert.match(r.stdout, /\r\u001b\[K$/);
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).files.length, 400);
  });
});
