// The words of a WCC reference are policy data (`wcc.prefixes`, `wcc.introducers`,
// `wcc.standalone`): a pack that changes them changes what lint() reads as a tag
// and what the editor grammar highlights; a bad entry is a load problem with its
// file, never a throw.
const assert = require('node:assert');
const { core, policy: builtin } = require('../helpers/core');
const { buildGrammar, toRegExp } = require('../../grammars/build');

/** A pack extending the default one, from YAML lines. */
function load(...lines) {
  return core.loadPolicy({ policy: { text: ['id: local', 'extends: commissioning-friend-2009', ...lines, ''].join('\n'), file: 'local.pack.yaml' } });
}

function pack(...lines) {
  const { policy, problems } = load(...lines);
  assert.deepStrictEqual(problems, []);
  return policy;
}

/** The competencies lint() finds tagged, and the lines of its wcc-tag-invalid findings. */
function wcc(text, policy = builtin()) {
  const r = core.lint(`# Strategy\n\n${text}\n`, { fileName: 'strategy.md', policy });
  return {
    covered: r.coverage.wcc.covered,
    invalid: r.diagnostics.filter((d) => d.ruleId === 'wcc-tag-invalid').map((d) => d.line),
  };
}

/** The text the generated grammar highlights as WCC tags. */
function highlighted(policy, text) {
  return [...text.matchAll(toRegExp(buildGrammar(policy).repository['wcc-tag'].match))].map((m) => m[0]);
}

describe('WCC vocabulary from the pack', () => {
  it('the 2009 pack names the framework, the introducers and the standalone words', () => {
    const { wcc: w } = builtin();
    assert.deepStrictEqual(w.prefixes.phrases, ['WCC', 'WCCs', 'World Class Commissioning']);
    assert.ok(w.introducers.phrases.includes('competency') && w.introducers.phrases.includes('refs'));
    assert.deepStrictEqual(w.standalone.phrases, ['competency', 'competencies']);
    assert.deepStrictEqual(builtin('equality-act-2010').wcc.prefixes.phrases, w.prefixes.phrases);
  });

  it('keeps the syntax around the words: glued numbers, lists, emphasis, no tag inside a word', () => {
    assert.deepStrictEqual(wcc('WCC5, _WCC 6_, WCC competency 7 and 8, WCC refs 9/10, XWCC 11.').covered, [5, 6, 7, 8, 9, 10]);
    assert.deepStrictEqual(wcc('World Class Commissioning evidence: 3 & 4.').covered, [3, 4]);
  });

  it('a pack that adds a prefix makes it open references, in lint() and in the grammar', () => {
    const text = 'This evidences Competency framework 5 and competency framework 6; Competency framework 12.';
    assert.deepStrictEqual(wcc(text), { covered: [], invalid: [] });
    const local = pack('wcc:', '  prefixes: ["WCC", "World Class Commissioning", "Competency framework"]');
    assert.deepStrictEqual(wcc(text, local), { covered: [5, 6], invalid: [3] });
    assert.deepStrictEqual(highlighted(local, text), ['Competency framework 5', 'competency framework 6', 'Competency framework 12']);
    assert.deepStrictEqual(highlighted(builtin(), text), []);
  });

  it('a pack that removes "World Class Commissioning" no longer reads it as a reference', () => {
    const text = 'We evidence World Class Commissioning 5, World Class Commissioning 12 and WCC 6.';
    assert.deepStrictEqual(wcc(text), { covered: [5, 6], invalid: [3] });
    const local = pack('wcc:', '  prefixes: ["WCC"]');
    assert.deepStrictEqual(wcc(text, local), { covered: [6], invalid: [] });
    assert.deepStrictEqual(highlighted(local, text), ['WCC 6']);
    // The other lists are inherited unchanged.
    assert.deepStrictEqual(local.wcc.introducers.phrases, builtin().wcc.introducers.phrases);
  });

  it('introducers and standalone words come from the pack', () => {
    const text = 'World Class Commissioning: WCC domain 5. Competency 6.';
    assert.deepStrictEqual(wcc(text).covered, [6]);
    const local = pack('wcc:', '  introducers: [domain, domains]', '  standalone: []');
    assert.deepStrictEqual(wcc(text, local).covered, [5]);
    assert.deepStrictEqual(highlighted(local, text), ['WCC domain 5']);
  });

  it('standalone words count only in a document that names the framework by a prefix', () => {
    assert.deepStrictEqual(wcc('Competency 5 matters.').covered, []);
    assert.deepStrictEqual(wcc('Under WCC, Competency 5 matters.').covered, [5]);
    const local = pack('wcc:', '  prefixes: ["Commissioning Framework"]');
    assert.deepStrictEqual(wcc('Under WCC, Competency 5 matters.', local).covered, []);
    assert.deepStrictEqual(wcc('Under the Commissioning Framework, Competency 5 matters.', local).covered, [5]);
  });

  it('a pack\'s prefixes may hold dots and several words, numbers and names read after them', () => {
    const local = pack('wcc:', '  prefixes: ["W.C.C.", "Competency framework"]');
    assert.deepStrictEqual(wcc('W.C.C. 3 and 4; Competency framework 6 – Stimulate the market.', local), { covered: [3, 4], invalid: [3] });
  });

  it('an empty list switches references by prefix off', () => {
    const local = pack('wcc:', '  prefixes: []');
    assert.deepStrictEqual(wcc('WCC 5 and World Class Commissioning 6.', local).covered, []);
    assert.deepStrictEqual(highlighted(local, 'WCC 5'), []);
  });
});

describe('WCC references in the forms people use', () => {
  /** The invalid findings' messages. */
  const messages = (text, policy = builtin()) => core.lint(`# Strategy\n\n${text}\n`, { fileName: 'strategy.md', policy }).diagnostics.filter((d) => d.ruleId === 'wcc-tag-invalid').map((d) => d.message);

  it('a range references every number in it, written with a dash, a hyphen or "to"', () => {
    assert.deepStrictEqual(wcc('WCC 1–3. WCC 4-5. Under WCC, competencies 6 to 8. WCC 9 — 10.').covered, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Backwards, it is the two numbers written.
    assert.deepStrictEqual(wcc('WCC 7–2.').covered, [2, 7]);
  });

  it('a range reaching past the last competency is one invalid reference, its numbers that exist still count', () => {
    assert.deepStrictEqual(wcc('WCC 10–14.'), { covered: [10, 11], invalid: [3] });
    assert.deepStrictEqual(messages('WCC 10–14.'), ['Invalid WCC reference "WCC 10–14": there are no WCC competencies 12–14 (they are numbered 1–11)']);
    assert.deepStrictEqual(messages('WCC 11 to 12.'), ['Invalid WCC reference "WCC 11 to 12": there is no WCC competency 12 (they are numbered 1–11)']);
  });

  it('numbers in words count after an introducer or a standalone word, one to eleven (and beyond, as invalid)', () => {
    assert.deepStrictEqual(wcc('WCC competency three; WCC competencies five and seven; under WCC, competency eleven.').covered, [3, 5, 7, 11]);
    assert.deepStrictEqual(wcc('WCC competency twelve.'), { covered: [], invalid: [3] });
    // Not after the prefix alone, not as the start of a word or of "one of".
    assert.deepStrictEqual(wcc('WCC three new posts; WCC competency one-off; a WCC competency one of many; WCC competency seventeen-year-olds; WCC evidence two years old.'), { covered: [], invalid: [] });
  });

  it('numbers in words are syntax: they follow a pack\'s own introducers', () => {
    const local = pack('wcc:', '  introducers: [domain]');
    assert.deepStrictEqual(wcc('WCC domain four.', local).covered, [4]);
    assert.deepStrictEqual(highlighted(local, 'WCC domain four.'), ['WCC domain four']);
  });

  it('"C" before a number: "WCC C5", and in lists', () => {
    assert.deepStrictEqual(wcc('The PCT\'s WCC C5 work programme; WCC c8 and C9; WCC competency C2.').covered, [2, 5, 8, 9]);
    assert.deepStrictEqual(wcc('WCC C12.'), { covered: [], invalid: [3] });
    assert.deepStrictEqual(wcc('WCC Cabinet, WCC CQC report, WCC C-suite.'), { covered: [], invalid: [] });
  });

  it('lists joined by commas, "&", "and", "or", "+" and "/", with or without the Oxford comma', () => {
    assert.deepStrictEqual(wcc('(WCC: 2, 5 & 7)').covered, [2, 5, 7]);
    assert.deepStrictEqual(wcc('WCC 1, 3, and 4; WCC 6 or 8; WCC 9 + 10; WCCs 2/5/11.').covered, [1, 2, 3, 4, 5, 6, 8, 9, 10, 11]);
  });

  it('"&" for "and" in a name, after a number and on its own', () => {
    assert.deepStrictEqual(wcc('WCC 3 – Engage public & patients. WCC 5 – Manage knowledge & assess needs.'), { covered: [3, 5], invalid: [] });
    assert.deepStrictEqual(wcc('WCC 8 – Manage knowledge & assess needs.'), { covered: [], invalid: [3] });
    assert.deepStrictEqual(wcc('This work evidences Promote Improvement & Innovation.').covered, [8]);
  });

  it('"WCC" for a council is no reference: its Cabinet, its teams, its years, its money and its dates', () => {
    const text = [
      'Westmarch County Council (WCC) Cabinet approved the WCC\'s housing plan. The WCC 2010/11 budget,',
      'the WCC 09/10 outturn, the WCC 10/11 savings of £2m (WCC £1.5m, WCC 5m, WCC 1.5 m, WCC 2bn, WCC 20%,',
      'WCC 20 per cent, WCC 3-year plan, WCC 12-month review, WCC 1,200 staff, WCC 3 years, WCC 12 March,',
      'WCC 5 May 2010, WCC 1st quarter) are the council\'s.',
    ].join('\n');
    assert.deepStrictEqual(wcc(text), { covered: [], invalid: [] });
    assert.deepStrictEqual(highlighted(builtin(), text), []);
    // Beside a competency number or the word "competency", WCC is the framework even there.
    assert.deepStrictEqual(wcc(`${text}\nIt supports WCC competency 2 and the PCT's WCC C5 programme; WCC 5 may follow.`).covered, [2, 5]);
  });

  it('a page number in a plain-text contents list is no reference', () => {
    const doc = 'Contents\n\nAppendix A – World Class Commissioning 23\n\nWCC 14\n\n## Appendix A – World Class Commissioning {#appendix-a}\n\nText.';
    assert.deepStrictEqual(wcc(doc), { covered: [], invalid: [7] });
  });

  it('the grammar highlights each form the core reads', () => {
    assert.deepStrictEqual(highlighted(builtin(), 'WCC 1–3, WCC competency three, WCC C5, WCCs 2/5/7, (WCC: 2, 5 & 7), WCC 2010/11.'), ['WCC 1–3', 'WCC competency three', 'WCC C5', 'WCCs 2/5/7', 'WCC: 2, 5 & 7']);
  });

  it('a table is about WCC when its header, lead-in or caption uses a `wcc.context` word of the pack', () => {
    const table = ['| Framework | Name |', '| --- | --- |', '| 5 | Manage knowledge and assess needs |', '| 6 | Stimulate the market |', '| 12 | Clinical engagement |'].join('\n');
    // Elsewhere a name in a cell is a reference by name alone, and the numbers are nothing.
    assert.deepStrictEqual(wcc(table), { covered: [5, 7], invalid: [] });
    assert.deepStrictEqual(wcc(`Our fit with World Class Commissioning:\n\n${table}`), { covered: [5], invalid: [8, 9] });
    assert.deepStrictEqual(wcc(`${table}\n\n: Table 4 – WCC competencies`), { covered: [5], invalid: [6, 7] });
    const local = pack('wcc:', '  context: ["framework"]');
    assert.deepStrictEqual(wcc(table, local), { covered: [5], invalid: [6, 7] });
  });

  it('the fix for an invalid table row changes its number or its name in their cells, keeping the table', () => {
    const text = '# Strategy\n\nWCC competencies:\n\n| WCC | Competency |\n| --- | --- |\n| 8 | Secure procurement skills |\n';
    const d = core.lint(text, { fileName: 'strategy.md', policy: builtin() }).diagnostics.find((x) => x.ruleId === 'wcc-tag-invalid');
    const fixes = core.fixesFor(d, text);
    assert.deepStrictEqual(fixes.filter((f) => f.title.startsWith('Change')).map((f) => f.title), ['Change the row to "WCC 9 – Secure procurement skills"', 'Change the row to "WCC 8 – Promote improvement and innovation"']);
    const apply = (e) => {
      const lines = text.split('\n');
      const l = lines[e.line - 1];
      lines[e.line - 1] = l.slice(0, e.column - 1) + e.newText + l.slice(e.endColumn - 1);
      return lines.join('\n');
    };
    for (const f of fixes.filter((x) => x.title.startsWith('Change'))) {
      assert.strictEqual(f.edits.length, 1);
      const fixed = apply(f.edits[0]);
      assert.match(fixed, /^\| (9 \| Secure procurement skills|8 \| Promote improvement and innovation) \|$/m);
      assert.deepStrictEqual(wcc(fixed.replace('# Strategy\n\n', '')).invalid, []);
    }
  });
});

describe('WCC vocabulary validation', () => {
  it('reports an invalid /regex/ prefix with its file, without throwing', () => {
    const r = load('wcc:', '  prefixes: ["WCC", "/(World Class/"]');
    assert.strictEqual(r.policy, undefined);
    assert.strictEqual(r.problems.length, 1);
    assert.strictEqual(r.problems[0].file, 'local.pack.yaml');
    assert.ok(r.problems[0].line >= 1);
    assert.match(r.problems[0].message, /^wcc\.prefixes: invalid pattern "\/\(World Class\/"/);
    assert.doesNotMatch(r.problems[0].message, /\n\s+at /);
  });

  it('reports an entry that would match empty text, and a regular expression from outside the built-in packs', () => {
    let r = load('wcc:', '  introducers: ["/(?:refs)?/"]');
    assert.strictEqual(r.policy, undefined);
    assert.match(r.problems[0].message, /^wcc\.introducers: "\/\(\?:refs\)\?\/" is a regular expression: WCC vocabulary from outside the built-in packs takes plain words/);
    r = load('wcc:', '  standalone: [" "]');
    assert.match(r.problems[0].message, /^wcc\.standalone: " " matches empty text/);
    r = load('wcc:', '  prefixes: ["/(W)\\\\1C/"]');
    assert.match(r.problems[0].message, /^wcc\.prefixes: invalid pattern/);
  });

  it('reports schema violations in the wcc section at their line', () => {
    let r = load('wcc:', '  prefixes: WCC');
    assert.strictEqual(r.policy, undefined);
    assert.deepStrictEqual([r.problems[0].file, r.problems[0].line], ['local.pack.yaml', 4]);
    assert.match(r.problems[0].message, /^wcc\.prefixes: must be array/);
    r = load('wcc:', '  introducers: [refs]', '  prefix: [WCC]');
    assert.deepStrictEqual([r.problems[0].line, r.problems[0].message], [5, 'wcc.prefix: unknown property "prefix"']);
    r = load('wcc:', '  prefixes:', '    - WCC', '    - ""');
    assert.deepStrictEqual([r.problems[0].line, r.problems[0].message.split(':')[0]], [6, 'wcc.prefixes.1']);
  });
});
