// Worker threads: any --jobs gives byte-for-byte the output of a sequential run.
const assert = require('node:assert');
const { run } = require('../helpers/cli');

describe('--jobs', () => {
  for (const format of ['json', 'sarif']) {
    it(`--format ${format}: --jobs 2 and 3 match --jobs 1 on the fixture corpus`, function () {
      this.timeout(30000);
      const one = run(['--format', format, '--jobs', '1', 'test-fixtures/corpus', 'test-fixtures/rules']);
      assert.ok(one.stdout.length > 10000);
      for (const jobs of ['2', '3']) {
        const many = run(['--format', format, '--jobs', jobs, 'test-fixtures/corpus', 'test-fixtures/rules']);
        assert.strictEqual(many.code, one.code);
        assert.strictEqual(many.stderr, one.stderr);
        assert.ok(many.stdout === one.stdout, `--jobs ${jobs} output differs`);
      }
    });
  }
});
