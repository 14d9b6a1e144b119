// --format markdown: the review-board report, per strategy and across strategies.
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, run } = require('../helpers/cli');
const { strategyWorkspace } = require('./format-workspace');

describe('--format markdown', () => {
  let dir;
  let many;
  let one;
  before(() => {
    dir = strategyWorkspace({ odd: true });
    many = run(['--format', 'markdown', 'strategies'], { cwd: dir });
    one = run(['--format', 'markdown', 'strategies/northvale.md'], { cwd: dir });
  });
  const section = (md, file) => md.stdout.split(/^## /m).find((s) => s.startsWith(`\`${file}\``));

  it('gives each strategy an IPC checklist', () => {
    const s = section(many, 'strategies/no-eqia.md');
    assert.match(s, /^### IPC elements\n\n\| Element \| Status \| Where \|\n\| --- \| --- \| --- \|\n\| Purpose and commitments \| ✅ present \| line \d+ \|$/m);
    assert.match(s, /^\| Changes needed and commissioning intentions \| ✅ present \| line \d+ \|\n\| ↳ What will not be commissioned \| ✅ present \| — \|$/m);
    const ipc = s.slice(s.indexOf('### IPC elements'), s.indexOf('### Equality impact assessment'));
    assert.strictEqual((ipc.match(/^\| [A-Z][^|]* \| (✅|⚠️|❌) (present|empty|missing) \| (line \d+|—) \|$/gm) ?? []).length, 7);
  });

  it('gives each strategy an EqIA group matrix', () => {
    const s = section(one, 'strategies/northvale.md');
    assert.match(s, /^\| Equality group \| Status \| Where \|$/m);
    assert.match(s, /^\| Sexual orientation \| ⚠️ named, not assessed \| line \d+ \|$/m);
    assert.match(s, /^\| Age \| ✅ covered \| line \d+ \|$/m);
    assert.match(section(many, 'strategies/no-eqia.md'), /No equality impact assessment was found\.[\s\S]*^\| Religion or belief \| ❌ missing \| — \|$/m);
  });

  it('gives each strategy its WCC coverage', () => {
    const s = section(one, 'strategies/northvale.md');
    assert.match(s, /^### WCC competencies\n\n\d+ of 11 competencies evidenced\./m);
    assert.match(s, /^\| 5 \| Manage knowledge and assess needs \| ✅ line \d+/m);
    assert.match(s, /^\| 4 \| Collaborate with clinicians \| — \|$/m);
  });

  it('lists findings, and waived findings with their reason', () => {
    assert.match(section(one, 'strategies/northvale.md'), /^\| \d+ \| warning \| `eqia-group-unassessed` \| Impact on sexual orientation/m);
    assert.match(section(many, 'strategies/waived.md'), /### Waived findings[\s\S]*\| `eqia-group-unassessed` \| Impact on sexual orientation[^\n]*\| the board agreed to assess this group at the March review \|/);
  });

  it('opens a run over many strategies with a strategies × checks matrix', () => {
    assert.match(many.stdout, /^## Overview\n\n\| Strategy \| Purpose \| Legislation \| Needs \| Services \| Evidence \| Changes \| Monitoring \| EqIA \| Ethnic background \| Disability \| Sex \| Sexual orientation \| Age \| Religion or belief \| WCC \| Errors \| Warnings \|$/m);
    assert.match(many.stdout, /^\| `strategies\/no-eqia\.md` \|( ✅ \|){7} ❌ \|( (❌|⚠️) \|){6} \d+\/11 \| 1 \| 0 \|$/m);
    assert.match(many.stdout, /^\| `strategies\/northvale\.md` \|( ✅ \|){11} ⚠️ \| ✅ \| ✅ \| \d+\/11 \| 0 \| 1 \|$/m);
    assert.ok(!/^## Overview/m.test(one.stdout), 'no matrix for a single strategy');
  });

  it('escapes Markdown in file names and text', () => {
    assert.match(many.stdout, /^## `strategies\/draft, v2: <new> & 100%\.md`$/m);
    assert.match(many.stdout, /^\| `strategies\/draft, v2: <new> & 100%\.md` \|/m);
  });

  it('passes markdownlint (bar line length)', function () {
    this.timeout(30000);
    fs.writeFileSync(path.join(dir, 'many.md'), many.stdout);
    fs.writeFileSync(path.join(dir, 'one.md'), one.stdout);
    fs.writeFileSync(path.join(dir, '.markdownlint.json'), JSON.stringify({ MD013: false, MD024: { siblings_only: true } }));
    const lint = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), 'many.md', 'one.md'], { cwd: dir, encoding: 'utf8' });
    assert.strictEqual(lint.status, 0, lint.stdout + lint.stderr);
  });
});
