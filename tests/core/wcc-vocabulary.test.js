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
    assert.deepStrictEqual(w.prefixes.phrases, ['WCC', 'World Class Commissioning']);
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
