// The TextMate injection grammar is generated from the default pack and must
// agree with the core: over real strategies (a quarter of the corpus, all of it
// with ORACLE_FULL=1, and the example) and a
// fixture of edge cases, its WCC, Act, waiver and marker patterns find what the
// core's recognisers find. When the e2e cache holds VS Code's own Oniguruma and
// TextMate engines, the grammar is also tokenised inside Markdown with them.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT } = require('./lsp-client');
const { corpusDocs } = require('../helpers/core');
const { render, toRegExp, OUT, SCOPE } = require('../../grammars/build');

const core = require(path.join(ROOT, 'dist', 'core.js'));
const { policy } = core.loadPolicy({});
const grammar = JSON.parse(fs.readFileSync(OUT, 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const EDGE_CASES = `# Edge cases

<!-- ipc: needs -->
<!-- IPC: services, evidence -->
<!-- commissioning-lint-disable-next-line wcc-coverage -- agreed with the board -->
<!-- commissioning-lint-disable eqia-group-missing -- the EqIA is published separately -->
<!-- commissioning-lint-enable eqia-group-missing -->
<!-- commissioning-lint-disable-next-line legislation-superseded -->

Tags: WCC 5, WCC-6, wcc 7, [WCC 8], WCC competency 9, WCC no. 10, World Class Commissioning 11,
WCC 5 and 6, WCC 3/4, WCC 12, WCC 0, WCC5, WCC 5 – Prioritise investment, XWCC 5 (not a tag).
WCC 1–3, WCC 10-13, WCC competency three, WCC competencies five and seven, WCC C5, WCCs 2/5/7,
(WCC: 2, 5 & 7), WCC 1, 3, and 4; not the WCC 2010/11 budget, WCC 09/10, WCC 20%, WCC 5m, WCC 3-year plan.

Acts: the Mental Health Act 1983, the MHA, the Mental Health Act 2007, the Mental Capacity Act,
DoLS, the NHS Act 2006 section 75 and s.242, the Equality Act 2006 and the Equality Act 2010, the
Equality Bill, the Race Relations (Amendment) Act 2000, the DDA, the Care Act 2014, and the
Health and Care Act 2022; not the Mental Healthy Act or the "Careless Act".
`;

function documents() {
  const dir = path.join(ROOT, 'test-fixtures', 'corpus');
  const docs = corpusDocs(dir).map(([, text]) => text);
  docs.push(fs.readFileSync(path.join(ROOT, 'test-fixtures', 'examples', 'northvale-adult-mental-health-strategy.md'), 'utf8'));
  docs.push(EDGE_CASES);
  return docs;
}

function spans(pattern, text) {
  return [...text.matchAll(toRegExp(pattern))].map((m) => [m.index, m.index + m[0].length]);
}

/** Matches line by line, as TextMate runs a grammar. */
function spansByLine(pattern, text) {
  const out = [];
  let at = 0;
  for (const line of text.split('\n')) {
    for (const [s, e] of spans(pattern, line)) out.push([at + s, at + e]);
    at += line.length + 1;
  }
  return out;
}

describe('grammar', function () {
  const docs = documents().map((text) => ({ text, a: core.analyse(text, { policy }) }));

  it('is exactly what grammars/build.js makes of the default pack (run `npm run build` after changing the pack)', function () {
    assert.equal(fs.readFileSync(OUT, 'utf8'), render(policy));
  });

  it('is injected into Markdown by package.json', function () {
    const g = pkg.contributes.grammars.find((x) => x.scopeName === SCOPE);
    assert.ok(g, 'contributed');
    assert.deepEqual(g.injectTo, ['text.html.markdown']);
    assert.equal(path.resolve(ROOT, g.path), OUT);
    assert.match(grammar.injectionSelector, /^L:text\.html\.markdown /);
  });

  it('finds exactly the Acts the core cites', function () {
    // About 1 s alone; about 60 s in the whole suite, where V8 runs the grammar's Act alternation
    // far slower once the phrase matcher's oracle test has compiled thousands of "iu" patterns in
    // the same process (seen, not explained: a profile shows only that regex running).
    this.timeout(240000);
    let total = 0;
    for (const { a } of docs) {
      // The core reads prose only (code, HTML and URLs blanked): so does this comparison.
      const got = spans(grammar.repository.act.match, a.model.masked);
      const want = a.citations.map((c) => [c.start, c.end]);
      assert.deepEqual(got, want);
      total += want.length;
    }
    assert.ok(total > 100, `${total} citations compared`);
  });

  it('starts a WCC tag wherever the core reads a "WCC …" reference, and nowhere else', function () {
    let total = 0;
    for (const { a } of docs) {
      const found = [...a.wcc.tags, ...a.wcc.invalid].filter((t) => t.end > t.start);
      const got = spansByLine(grammar.repository['wcc-tag'].match, a.model.masked);
      // A reference split over two lines is beyond a line-by-line grammar.
      const want = [...new Set(found.filter((t) => /^(WCC|World)[^\n]*$/i.test(a.model.masked.slice(t.start, t.end))).map((t) => t.start))];
      const starts = new Set(got.map(([s]) => s));
      for (const s of want) assert.ok(starts.has(s), `core tag at ${s} not highlighted: ${a.model.masked.slice(s, s + 30)}`);
      // The core keeps one tag per number and line: a highlighted repeat must name numbers it found on that line.
      for (const [s, e] of got) {
        if (want.includes(s)) continue;
        const line = a.model.lines.point(s).line;
        // A contents line's page number ("Fit with World Class Commissioning 23") needs the line's
        // context, which a grammar does not have: highlighted, not read as a tag.
        // Read in the prose (a link's target blanked), so a contents entry written as a link counts too.
        const prose = a.model.masked.slice(a.model.lines.lineStart(line), a.model.lines.lineEnd(line)).replace(/[\])(\[]/g, ' ');
        if (/^\s*\S[^\n]*\s\d{1,3}\s*$/.test(prose) && prose.trim().endsWith(a.model.masked.slice(s, e).trim())) continue;
        const nums = (a.model.masked.slice(s, e).match(/\d+/g) ?? []).map(Number);
        assert.ok(nums.every((n) => found.some((t) => t.line === line && t.number === n)), `highlighted but not a tag: ${a.model.masked.slice(s, e)}`);
      }
      total += want.length;
    }
    assert.ok(total > 50, `${total} tags compared`);
  });

  it('matches every waiver the core reads, with its rules and reason', function () {
    const { text, a } = docs[docs.length - 1];
    const re = toRegExp(grammar.repository.waiver.match);
    const got = [...text.matchAll(re)].map((m) => ({ start: m.index, rules: m[3].trim().split(/[\s,]+/).filter(Boolean), reason: (m[5] ?? '').trim() }));
    const want = a.waivers.map((w) => ({ start: w.start, rules: w.rules, reason: w.reason }));
    assert.deepEqual(got, want);
    assert.equal(want.length, 4);
  });

  it('matches the IPC markers the core honours', function () {
    const { text, a } = docs[docs.length - 1];
    const ids = [...text.matchAll(toRegExp(grammar.repository['ipc-marker'].match))].flatMap((m) => m[4].split(',').map((s) => s.trim().toLowerCase()));
    const marked = a.elements.filter((f) => f.via === 'marker').map((f) => f.element.id);
    assert.deepEqual(ids.sort(), marked.sort());
  });

  // VS Code's own engines, when the e2e set-up has installed code-server (tests/e2e/setup.sh).
  const cache = process.env.COMMISSIONING_LINT_E2E_CACHE || path.join(os.homedir(), '.cache', 'commissioning-lint-e2e');
  const vscodeModules = path.join(cache, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode');
  const engines = fs.existsSync(path.join(vscodeModules, 'node_modules', 'vscode-textmate')) && fs.existsSync(path.join(vscodeModules, 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json'));
  (engines ? it : it.skip)('highlights tags, Acts, markers and waivers inside Markdown with VS Code’s TextMate engine', async function () {
    const onig = require(path.join(vscodeModules, 'node_modules', 'vscode-oniguruma'));
    const tm = require(path.join(vscodeModules, 'node_modules', 'vscode-textmate'));
    await onig.loadWASM(fs.readFileSync(path.join(vscodeModules, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer);
    const registry = new tm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
      loadGrammar: async (scope) => {
        if (scope === 'text.html.markdown') return tm.parseRawGrammar(fs.readFileSync(path.join(vscodeModules, 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json'), 'utf8'), 'markdown.json');
        if (scope === SCOPE) return tm.parseRawGrammar(fs.readFileSync(OUT, 'utf8'), OUT);
        return null;
      },
      getInjections: (scope) => (scope === 'text.html.markdown' ? [SCOPE] : undefined),
    });
    const md = await registry.loadGrammar('text.html.markdown');
    const scopesOf = (lines) => {
      let state = tm.INITIAL;
      const out = [];
      for (const line of lines) {
        const r = md.tokenizeLine(line, state);
        for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.join(' ') });
        state = r.ruleStack;
      }
      return out;
    };
    const toks = scopesOf(['# Needs (WCC 5)', '', 'Under the Mental Health Act 1983 (WCC 10, 11).', '<!-- ipc: needs -->', '<!-- commissioning-lint-disable-next-line wcc-coverage -- agreed -->', '', '```', 'WCC 5 in code is not a tag', '```']);
    const find = (text) => toks.filter((t) => t.text.trim() === text).map((t) => t.scopes);
    assert.ok(find('WCC 5')[0].includes('constant.other.wcc-tag.commissioning-lint'), 'tag in a heading');
    assert.ok(find('WCC 10, 11')[0].includes('constant.other.wcc-tag.commissioning-lint'), 'tag list');
    assert.ok(find('Mental Health Act 1983')[0].includes('support.type.legislation.commissioning-lint'), 'Act');
    assert.ok(find('needs').some((s) => s.includes('entity.name.tag.ipc-element.commissioning-lint')), 'marker');
    assert.ok(find('wcc-coverage').some((s) => s.includes('variable.parameter.rule.commissioning-lint')), 'waiver rule');
    assert.ok(find('agreed').some((s) => s.includes('string.unquoted.reason.commissioning-lint')), 'waiver reason');
    assert.ok(!toks.some((t) => t.scopes.includes('markup.fenced_code') && t.scopes.includes('wcc-tag')), 'nothing inside code');
  });
});
