// --format github: workflow commands the Actions runner turns into annotations.
const assert = require('node:assert');
const { run } = require('../helpers/cli');
const { strategyWorkspace } = require('./format-workspace');

const COMMAND = /^::(error|warning|notice) file=([^,]+),line=(\d+),endLine=(\d+),col=(\d+),endColumn=(\d+),title=([a-z-]+)::(.+)$/;

describe('--format github', () => {
  let r;
  let lines;
  before(() => {
    const dir = strategyWorkspace({ odd: true });
    r = run(['--format', 'github', 'strategies'], { cwd: dir });
    lines = r.stdout.trimEnd().split('\n');
  });

  it('prints only workflow commands, one per finding', () => {
    assert.strictEqual(r.code, 1);
    assert.ok(lines.length > 8);
    for (const l of lines) assert.match(l, COMMAND);
  });

  it('maps severities to error, warning and notice, with the rule as title', () => {
    const eqia = lines.find((l) => l.startsWith('::error file=strategies/no-eqia.md,'));
    assert.match(eqia, /,title=eqia-missing::Strategy has no Equality Impact Assessment/);
    assert.ok(lines.some((l) => /^::warning file=strategies\/northvale\.md,line=\d+,.*title=eqia-group-unassessed::Impact on sexual orientation/.test(l)));
    assert.ok(lines.some((l) => /^::notice file=strategies\/northvale\.md,.*title=legislation-superseded::/.test(l)));
  });

  it('escapes commas, colons and percent signs in file names', () => {
    const odd = lines.filter((l) => l.includes('draft'));
    assert.ok(odd.length);
    for (const l of odd) assert.ok(l.includes('file=strategies/draft%2C v2%3A <new> & 100%25.md,'), l);
  });

  it('leaves waived findings out', () => {
    assert.ok(!lines.some((l) => l.includes('file=strategies/waived.md,') && l.includes('eqia-group-unassessed')));
  });
});
