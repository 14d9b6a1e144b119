// Worker threads: any --jobs gives byte-for-byte the output of a sequential run.
const assert = require('node:assert');
const { run, workspace } = require('../helpers/cli');
const { strategies } = require('./format-workspace');

describe('--jobs', () => {
  let dir;
  before(() => {
    // A dozen strategies of different sizes and findings, so threads finish out of order.
    const base = strategies({ binary: true });
    const files = { ...base };
    for (const [i, [name, text]] of Object.entries(Object.entries(base)).slice(0, 4)) {
      if (typeof text !== 'string') continue;
      files[`more/copy-${i}.md`] = text.repeat(1 + Number(i));
      files[`more/short-${i}.md`] = text.slice(0, 2000 * (1 + Number(i)));
    }
    dir = workspace(files);
  });

  // More threads than the machine has cores is fine: the pool still splits the work.
  for (const [format, jobs] of [['json', '3'], ['sarif', '2'], ['junit', '2']]) {
    it(`--format ${format}: --jobs ${jobs} matches --jobs 1`, function () {
      this.timeout(30000);
      const one = run(['--format', format, '--jobs', '1', '.'], { cwd: dir });
      const many = run(['--format', format, '--jobs', jobs, '.'], { cwd: dir });
      assert.ok(one.stdout.length > 10000);
      assert.strictEqual(many.code, one.code);
      assert.strictEqual(many.stderr, one.stderr);
      assert.ok(many.stdout === one.stdout, `--jobs ${jobs} output differs`);
    });
  }
});
