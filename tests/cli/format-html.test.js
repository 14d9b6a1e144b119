// --format html: one self-contained page with a coverage heatmap across strategies.
const assert = require('node:assert');
const { run } = require('../helpers/cli');
const { strategyWorkspace } = require('./format-workspace');

describe('--format html', () => {
  let html;
  before(() => {
    const dir = strategyWorkspace({ odd: true });
    html = run(['--format', 'html', 'strategies'], { cwd: dir }).stdout;
  });
  const heatmap = () => html.slice(html.indexOf('<table class="heat">'), html.indexOf('</table>', html.indexOf('<table class="heat">')));
  const rowOf = (name) => heatmap().split('<tr>').find((r) => r.includes(`>${name}</a>`));

  it('is one self-contained page: inline styles, no scripts, nothing fetched', () => {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(html, /<meta charset="utf-8">/);
    assert.match(html, /<style>[\s\S]+<\/style>/);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|\ssrc=|url\(|@import/i);
    assert.doesNotMatch(html, /href="(?!#)/, 'only in-page links');
    assert.match(html, /<\/html>\n$/);
  });

  it('has a heatmap row per strategy and a column per check', () => {
    const t = heatmap();
    assert.match(t, /<caption>Strategies in <code>strategies\/<\/code><\/caption>/);
    for (const h of ['IPC elements', 'Equality impact assessment', 'WCC competencies']) assert.ok(t.includes(`scope="colgroup">${h}</th>`), h);
    for (const label of ['Purpose and commitments', 'Sexual orientation', '5 Manage knowledge and assess needs']) assert.ok(t.includes(`<span>${label}</span>`), label);
    const row = rowOf('northvale.md');
    const cells = [...row.matchAll(/<td class="(ok|part|miss)" title="([^"]*)"/g)];
    assert.strictEqual(cells.length, 7 + 1 + 6 + 11);
    assert.deepStrictEqual(cells.filter((c) => c[1] === 'part').map((c) => c[2].replace(/ \(line \d+\)/, '')), ['Sexual orientation: named, not assessed']);
    assert.strictEqual(rowOf('no-eqia.md').match(/<td class="miss" title="Equality impact assessment: missing"/).length, 1);
  });

  it('shades each column by the share of strategies that meet it', () => {
    const foot = heatmap().slice(heatmap().indexOf('<tfoot>'));
    const pct = [...foot.matchAll(/style="background:hsl\((\d+),70%,85%\)" title="([^"]+)">(\d+)%</g)];
    assert.strictEqual(pct.length, 25);
    const eqia = pct.find((p) => p[2].startsWith('EqIA:'));
    assert.strictEqual(eqia[3], '60'); // 3 of the 5 strategies have an EqIA
    assert.strictEqual(eqia[1], '72');
  });

  it('has a section per strategy with checklist, EqIA and WCC tables and findings', () => {
    const sections = html.split('<section id="s').slice(1);
    assert.strictEqual(sections.length, 5);
    const nv = sections.find((s) => s.includes('<h2><code>strategies/northvale.md</code></h2>'));
    assert.match(nv, /<h3>IPC elements<\/h3><ul class="check">/);
    assert.match(nv, /<th scope="row">Sexual orientation<\/th><td class="part">/);
    assert.match(nv, /<td class="n">4<\/td><th scope="row">Collaborate with clinicians<\/th><td class="miss">✗ not tagged/);
    assert.match(nv, /<tr class="warning"><td class="n">\d+<\/td><td>warning<\/td><td><code>eqia-group-unassessed<\/code>/);
    const waived = sections.find((s) => s.includes('strategies/waived.md'));
    assert.match(waived, /<h3>Waived findings<\/h3>[\s\S]*the board agreed to assess this group at the March review/);
  });

  it('escapes file names and text', () => {
    assert.ok(html.includes('draft, v2: &lt;new&gt; &amp; 100%.md'));
    assert.ok(!html.includes('<new>'));
  });
});
