// Core behaviour not tied to one rule: positions under CRLF/BOM/tabs, coverage
// shape, linked EqIA, never throwing on hostile input, and bounded table cost.
const assert = require('node:assert');
const { core, policy, lintText } = require('../helpers/core');

const BASE = require('node:fs').readFileSync(require('node:path').join(__dirname, '../../test-fixtures/rules/ipc-element-missing/complete.md'), 'utf8');

describe('lint()', () => {
  it('gives the same positions for LF, CRLF, BOM and CR input', () => {
    const doc = BASE + '\nSee the Disability Discrimination Act 2005 too.\n';
    const key = (r) => r.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.endLine, d.endColumn].join(':')).join('\n');
    const lf = key(lintText(doc));
    assert.ok(lf.includes('legislation-superseded'));
    assert.strictEqual(key(lintText(doc.replace(/\n/g, '\r\n'))), lf);
    assert.strictEqual(key(lintText('\ufeff' + doc)), lf);
    assert.strictEqual(key(lintText(doc.replace(/\n/g, '\r'))), lf);
  });

  it('finds the same WCC references and Act citations in text with letters beyond Latin', () => {
    // Such text takes the patterns' full Unicode form; everything else their cheaper latin form.
    const refs = '\nWe evidence WCC 5 – Manage knowledge and assess needs, WCC competency 7 and WCC 14. The DDA still applies.\n';
    const key = (r) => [r.coverage.wcc.tags.map((t) => `${t.number}@${t.line}`), r.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.endColumn, d.message].join(':'))];
    const latin = key(lintText(BASE + refs));
    assert.ok(latin[0].includes('5@' + (BASE.split('\n').length + 1)), JSON.stringify(latin));
    assert.ok(latin[1].some((d) => d.startsWith('wcc-tag-invalid')) && latin[1].some((d) => d.startsWith('legislation-superseded')));
    assert.deepStrictEqual(key(lintText(BASE + refs + '\nΣύνοψη: Ωmega. Кратко.\n')), latin);
  });

  it('reads front matter the same with LF, CRLF and CR line endings', () => {
    const doc = '---\ntitle: x\nowner: y\nwcc: [5, 14]\n---\n# Strategy\n\nText.\n';
    const bad = doc.replace('owner: y', 'owner: [unclosed');
    const key = (text) => {
      const r = lintText(text);
      return [r.coverage.wcc.tags.map((t) => `${t.number}@${t.line}`), r.diagnostics.filter((d) => d.ruleId.startsWith('front-matter') || d.ruleId === 'wcc-tag-invalid').map((d) => `${d.ruleId}@${d.line}:${d.column}`)];
    };
    for (const text of [doc, bad]) {
      const lf = key(text);
      assert.ok(lf[0].length + lf[1].length > 0, JSON.stringify(lf));
      assert.deepStrictEqual(key(text.replace(/\n/g, '\r\n')), lf, 'CRLF');
      assert.deepStrictEqual(key(text.replace(/\n/g, '\r')), lf, 'CR');
    }
  });

  it('counts a tab as one column, as editors do', () => {
    const r = lintText(BASE + '\n\tThe DDA applies.\n');
    const d = r.diagnostics.find((x) => x.ruleId === 'legislation-superseded');
    assert.strictEqual(d.column, 6);
  });

  it('returns every element and group in coverage, with exact statuses', () => {
    const r = lintText(BASE);
    assert.deepStrictEqual(Object.keys(r.coverage.ipc), ['purpose', 'legislation', 'needs', 'services', 'evidence', 'changes', 'monitoring']);
    assert.deepStrictEqual(r.coverage.ipc.changes.aspects, { 'not-commissioned': 'present' });
    assert.strictEqual(r.coverage.eqia.status, 'present');
    for (const g of Object.values(r.coverage.eqia.groups)) assert.strictEqual(g.status, 'covered');
    assert.deepStrictEqual(r.coverage.wcc.missing, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('never throws, and reports nothing absurd, for hostile input', () => {
    const p = policy();
    const inputs = ['', '\u0000\u0001\u0002binary\u0000', '>'.repeat(5000) + ' deep', '- '.repeat(3000) + 'x', '\ud800 lone surrogate', '---\n: : :\n---\n', '[x]: <', '|a|\n|-|\n' + '|b|\n'.repeat(50)];
    for (const text of inputs) {
      const r = core.lint(text, { policy: p });
      assert.ok(Array.isArray(r.diagnostics));
      assert.ok(!r.diagnostics.some((d) => d.ruleId === 'internal-error'), text.slice(0, 20));
    }
  });

  it('costs in proportion to length for a strategy of thousands of sections', function () {
    this.timeout(60000);
    // The benchmark's generator grows a document by adding "Localities" sub-sections.
    const { strategy } = require('../bench/generate');
    const pol = policy();
    const cost = (bytes) => {
      const text = strategy(11, bytes);
      core.lint(text, { policy: pol }); // warm up
      // The best of three: a shared machine (CI) adds pauses that are not the algorithm's.
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = process.hrtime.bigint();
        core.lint(text, { policy: pol });
        best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
      }
      return best;
    };
    const small = cost(512 * 1024);
    const large = cost(8 * 512 * 1024);
    // Linear is at most 8× (start-up costs make it less); a cost quadratic in
    // sections (each section's score scanning every hit of the document) was 18×.
    assert.ok(large < 12 * small, `0.5 MB: ${small.toFixed(0)} ms, 4 MB: ${large.toFixed(0)} ms`);
  });

  it('keeps runs that make micromark quadratic fast: emphasis markers, lazy quote lines, brackets', function () {
    this.timeout(60000);
    const hostile = {
      'emphasis markers': `# T\n\n${'a*b_c**d__e '.repeat(20000)}\n`,
      'lazy quote lines': `# T\n\n${'> a\nb\n'.repeat(20000)}`,
      brackets: `# T\n\n${'[a](b [c] ](d) '.repeat(20000)}\n`,
    };
    for (const [name, text] of Object.entries(hostile)) {
      const t0 = Date.now();
      const r = core.lint(text, { policy: policy() });
      const ms = Date.now() - t0;
      // A whole-text remark parse took 6–40 s; in pieces about 1 s.
      assert.ok(ms < 12000, `${name}: ${ms} ms`);
      assert.ok(!r.diagnostics.some((d) => d.ruleId === 'internal-error'));
    }
  });

  it('cuts long text for remark where blocks end, never inside a fence or comment', () => {
    const para = (i) => `Paragraph ${i} ${'word '.repeat(60)}\n`;
    const fence = '```\n' + 'code line\n\nmore code\n'.repeat(300) + '```\n';
    const text = [para(1), '\n', fence, '\n', ...Array.from({ length: 200 }, (_, i) => `${para(i)}\n`)].join('');
    const parts = core.pieces(text, 4096);
    assert.ok(parts.length > 5);
    assert.strictEqual(parts[0][0], 0);
    assert.strictEqual(parts[parts.length - 1][1], text.length);
    const fenceStart = text.indexOf('```');
    const fenceEnd = text.lastIndexOf('```') + 3;
    for (let i = 0; i < parts.length; i++) {
      if (i) assert.strictEqual(parts[i][0], parts[i - 1][1], 'contiguous');
      const cut = parts[i][0];
      if (!i) continue;
      assert.ok(cut <= fenceStart || cut >= fenceEnd, `cut at ${cut} inside the fence`);
      assert.strictEqual(text[cut - 1], '\n', 'cut at a line start');
      assert.match(text[cut], /[A-Za-z0-9]/);
    }
  });

  it('keeps a 10,000-row table fast and reads its rows', () => {
    let table = '## Equality impact assessment\n\n| Group | Impact |\n|---|---|\n';
    for (let i = 0; i < 10000; i++) table += `| Row ${i} | none |\n`;
    table += '| Older people | Positive |\n';
    const t0 = Date.now();
    const r = core.lint('# Strategy\n\n' + table, { policy: policy() });
    const ms = Date.now() - t0;
    assert.ok(ms < 15000, `took ${ms} ms`);
    assert.strictEqual(r.coverage.eqia.groups.age.status, 'covered');
    assert.strictEqual(r.coverage.eqia.groups.age.line, 10007);
  });

  it("does not take a PDF table's label-only row, read as a title, as covered by the rows of other groups under it", () => {
    // pdftotext -layout across a page break: "Religion or belief" (no impact given) alone on its line, then "Sex  Positive  …".
    const text = require('node:fs').readFileSync(require('node:path').join(__dirname, '../../test-fixtures/eqia/pdf-table-label-row-read-as-title.txt'), 'utf8');
    const r = core.lint(text, { policy: policy('equality-act-2010'), fileName: 's.md' });
    assert.strictEqual(r.coverage.eqia.status, 'present');
    assert.deepStrictEqual(r.coverage.eqia.groups['religion-belief'], { status: 'unassessed', line: 115 });
  });

  it('reads a linked EqIA file supplied by the caller', () => {
    const doc = BASE.replace(/## Equality impact assessment[\s\S]*$/, '## Equalities\n\nSee [the EqIA](eqia.md).\n');
    const eqia = '# EqIA\n\n- Age: positive impact for older people.\n- Disability: neutral, no differential impact.\n';
    const r = core.lint(doc, { policy: policy(), fileName: 's.md', readLinked: (rel) => (rel === 'eqia.md' ? { path: 'eqia.md', text: eqia } : undefined) });
    assert.strictEqual(r.coverage.eqia.status, 'present');
    assert.deepStrictEqual(r.coverage.eqia.groups.age, { status: 'covered', line: 3, source: 'eqia.md' });
    assert.deepStrictEqual(r.dependencies, ['eqia.md']);
  });

  it('lints the body in full when front matter is malformed', () => {
    const r = lintText('---\ntitle: "oops\n---\n\n' + BASE);
    assert.ok(r.diagnostics.some((d) => d.ruleId === 'front-matter-invalid' && d.line === 2));
    assert.strictEqual(r.coverage.ipc.needs.status, 'present');
  });

  it('keeps waived findings apart, with their reasons', () => {
    const r = lintText('<!-- commissioning-lint-disable-next-line eqia-missing -- assessed in the ICB-wide EqIA -->\n# Title\n\nShort.\n');
    assert.ok(!r.diagnostics.some((d) => d.ruleId === 'eqia-missing'));
    assert.deepStrictEqual(r.suppressed.filter((d) => d.ruleId === 'eqia-missing').map((d) => d.justification), ['assessed in the ICB-wide EqIA']);
  });

  it('reads an HTML comment that holds tags and runs on into a table (it once recursed for ever)', () => {
    const doc = '<!-- a\n<b>html</b> Needs analysis\n\n| H0 |\n|---|\n| <!-- x --> Needs analysis |  |';
    assert.ok(!lintText(doc).diagnostics.some((d) => d.ruleId === 'internal-error'));
  });
});

describe('coverage shape', () => {
  it('gives missing groups and elements no line', () => {
    const r = lintText('# Strategy\n\n## Equality impact assessment\n\n- Age: positive impact for older people.\n');
    for (const [id, g] of Object.entries(r.coverage.eqia.groups)) if (g.status === 'missing') assert.deepStrictEqual(g, { status: 'missing' }, id);
    for (const [id, e] of Object.entries(r.coverage.ipc)) if (e.status === 'missing') assert.deepStrictEqual(e, { status: 'missing' }, id);
  });
});
