// The snippets are generated from the default pack: the committed file must be
// what the generator makes of the pack today, must cover every element, group
// and competency, and a skeleton left as inserted must read as an honest draft
// (sections empty, groups unassessed) rather than as a compliant strategy.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./lsp-client');
const { render, OUT } = require('../../snippets/build');

const core = require(path.join(ROOT, 'dist', 'core.js'));
const { policy } = core.loadPolicy({});

/** A snippet body as VS Code inserts it when every placeholder is left alone (choices take their first option). */
function expand(body) {
  return body
    .join('\n')
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\,|])/g, '$1');
}

describe('snippets', function () {
  const snippets = JSON.parse(fs.readFileSync(OUT, 'utf8'));

  it('are exactly what snippets/build.js makes of the default pack (run `npm run build` after changing the pack)', function () {
    assert.equal(fs.readFileSync(OUT, 'utf8'), render(policy));
  });

  it('offer a skeleton, an EqIA table, a WCC tag and one snippet per IPC element', function () {
    const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
    for (const p of ['strategy', 'eqia', 'wcc', ...policy.elements.map((e) => `ipc-${e.id}`)]) assert.ok(prefixes.includes(p), p);
  });

  it('name every IPC element, equality group and competency of the pack', function () {
    const skeleton = expand(snippets['Commissioning strategy skeleton'].body);
    for (const e of policy.elements) {
      assert.ok(skeleton.includes(`## ${e.title}`), e.title);
      assert.ok(skeleton.includes(`<!-- ipc: ${e.id} -->`), e.id);
    }
    const table = expand(snippets['Equality Impact Assessment table'].body);
    for (const g of policy.groups) assert.ok(table.includes(`| ${g.names[0]} |`), g.id);
    const choice = snippets['WCC competency tag'].body[0];
    for (const c of policy.competencies) assert.ok(choice.includes(`${c.number} – ${c.names[0]}`), `WCC ${c.number}`);
  });

  it('make a skeleton the core reads as a draft: every section there but empty, every group named but unassessed', function () {
    const text = expand(snippets['Commissioning strategy skeleton'].body);
    const r = core.lint(text, { policy, fileName: 'skeleton.md' });
    for (const e of policy.elements) assert.equal(r.coverage.ipc[e.id].status, 'empty', e.id);
    assert.notEqual(r.coverage.eqia.status, 'missing');
    for (const g of policy.groups) assert.equal(r.coverage.eqia.groups[g.id].status, 'unassessed', g.id);
    // The WCC tags in the headings are the pack's suggestions for each element.
    assert.deepEqual(r.coverage.wcc.covered, [...new Set(policy.elements.flatMap((e) => e.wcc))].sort((a, b) => a - b));
    assert.deepEqual(r.coverage.wcc.invalid, []);
    const codes = new Set(r.diagnostics.map((d) => d.ruleId));
    for (const gone of ['ipc-element-missing', 'eqia-missing', 'eqia-group-missing', 'wcc-tag-invalid']) assert.ok(!codes.has(gone), gone);
  });

  it('give each IPC section snippet a section the core matches to its element', function () {
    for (const e of policy.elements) {
      const text = `# Strategy\n\n${expand(snippets[`IPC section: ${e.title}`].body)}`;
      const a = core.analyse(text, { policy });
      const f = a.elements.find((x) => x.element.id === e.id);
      assert.equal(f.status, 'empty', e.id);
      assert.equal(f.via, 'marker', e.id);
    }
  });
});
