// D. Memory: one 10 MB linked EqIA, linked 160 times under different
// spellings of the same path from one strategy. It is one file: read once,
// the run ends normally within 30 s with its usual linked-file finding or coverage.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./helpers');

const EQIA_TABLE = h.EXAMPLE.slice(h.EXAMPLE.indexOf('| Group |'), h.EXAMPLE.indexOf('\nData on the experience'));

function spellings() {
  const prefixes = ['', './', '././', 'sub/../', './sub/../', 'sub/./../', 'sub/sub2/../../', './././'];
  const out = [];
  for (const p of prefixes) {
    for (let i = 0; out.length < 160 && i < 20; i++) out.push(`${p}e.md${i === 0 ? '' : i === 1 ? '#x' : `#x${i}`}`);
  }
  return out;
}

describe('hostile D: one big EqIA linked 160 times', function () {
  this.timeout(60000);

  it('completes within 30 s with a normal result', async function () {
    const dir = h.tmpdir();
    // The table first, then ~10 MB of prose paragraphs.
    const para = 'The screening panel met monthly with community representatives and reviewed complaints data and service user feedback for this period.\n\n';
    const eqia = `# Equality Impact Assessment\n\n${EQIA_TABLE}\n\n${para.repeat(Math.ceil((10 * 1024 * 1024) / para.length))}`;
    const links = spellings();
    assert.equal(new Set(links).size, 160);
    const strategy = h.withEqia(`The assessment is published in parts:\n\n${links.map((l, i) => `- [EqIA part ${i + 1}](${l})`).join('\n')}\n`);
    h.write(dir, { 'e.md': eqia, 'sub/sub2/keep.txt': '', 'strategy.md': strategy });
    assert.ok(fs.statSync(path.join(dir, 'e.md')).size >= 10 * 1024 * 1024);
    const r = await h.cli(['--format', 'json', 'strategy.md'], { cwd: dir, timeoutMs: 31000, memKillMB: 4096 });
    h.figure(this, h.describeRun(r));
    h.assertFinished(r, 30000);
    assert.ok([0, 1].includes(r.code), h.describeRun(r));
    const out = h.parseJson(r);
    const f = out.files.find((x) => x.path === 'strategy.md');
    assert.ok(f, 'strategy.md reported');
    // Either the linked file counts (EqIA present, groups from its table) or it is refused with a finding about the link.
    const linkFinding = f.diagnostics.some((d) => /^eqia-link/.test(d.ruleId));
    const normal = f.coverage?.eqia?.status === 'present' && f.coverage.eqia.groups?.age?.status === 'covered';
    assert.ok(linkFinding || normal, `neither a linked-file finding nor normal coverage: ${JSON.stringify(f.coverage?.eqia)?.slice(0, 300)}; ${f.diagnostics.map((d) => d.ruleId).join(', ')}`);
  });
});
