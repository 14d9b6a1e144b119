// The phrase matcher (server/src/core/match/) must find exactly what each
// phrase's own regular expression finds: for every phrase list of both packs,
// of synthetic lists with shapes no pack has yet, and of lists with workspace
// /regex/ entries (which run on RE2), on every fixture (a quarter of the labelled
// corpus, all of it with ORACLE_FULL=1) and on generated text:
//   - every hit of every phrase equals a search with `new RegExp(phraseSource(p), 'iu')`
//     (RE2 for a workspace entry) tried at every start, both when one list is
//     asked about a text and when a document's chunk is matched for all lists at once;
//   - the spans equal one alternation of the list's phrases (leftmost, then the
//     list's first phrase there), and `test` equals that alternation's test;
//   - the distinct phrases hit inside a section equal the phrases whose pattern
//     matches the section's text (what IPC signal counts rely on).
// Its character classes and case folding are checked against the regex engine
// over every code point.
// RUNS=3000 SEED=7 npx mocha --no-config tests/core/phrase-match.test.js tries more text.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const fc = require('fast-check');
const { RE2JS } = require('re2js');
const { ROOT, core, policy, markdownFiles, oracleFiles, builtinRegexEntries } = require('../helpers/core');

const isRegex = (p) => /^\/.*\/$/s.test(p);

/** Every phrase list a policy holds (elements, EqIA, groups, WCC, Acts, placeholders, and the book's own), in a stable order. */
function phraseLists(pol) {
  const out = [];
  const seen = new Set();
  const walk = (v, name) => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v.phrases) && typeof v.spans === 'function') return void out.push([name, v]);
    for (const [k, x] of Object.entries(v)) if (k !== 'derived') walk(x, `${name}.${x && x.id ? x.id : k}`);
  };
  walk(pol, pol.id);
  walk(pol.derived.acts.list, `${pol.id}.acts`);
  walk(pol.derived.wccNames.list, `${pol.id}.wccNames`);
  return out;
}

/**
 * Shapes no pack has yet: stems inside a phrase (which give back what they ran
 * over until the rest matches), stems glued to punctuation, phrases the tokens
 * cannot express (they run as their own regular expressions), and /regex/
 * entries that match empty text or at astral characters.
 */
const SHAPES = [
  ['older* people', 'older*', 'old* people* services', 'young* adult*', 'care* home', "carer* 's", 'self* -harm', 's.75*'],
  ['a*b', 'lgbt+*', '-foo', 'foo-', 'x**', 'foo *', '\u0345a', "men's* x", 'older* *'],
  // An empty match wins its start in an alternation, though it is no hit.
  ['/x?(?=,)/', ', x', 'x,', ',', '/\\b(?=people)/', 'people'],
  ['people', 'older people', 'older', 'old', 'people*', 'foo_bar', 'snake_case*', '_', 'a_'],
  ['/[\\u{1D400}-\\u{1D7FF}]x?/', '/\\bwe will\\b/', '/(?:s|ſ)ervices?/'],
];
/** Lists as a workspace config gives them: /regex/ entries on RE2 beside plain phrases and built-in-style entries. */
const BOUNDED = [
  [['/\\bolder (adult|resident)s?\\b/', 'pensioners', '/(a+)+b/', 'older people', '/x?/'], ['/\\bolder (adult|resident)s?\\b/', '/(a+)+b/', '/x?/']],
  [['/[\\x{1D400}-\\x{1D7FF}]x?/', '/\\bwe will\\b/', 'we will', '/will/'], ['/[\\x{1D400}-\\x{1D7FF}]x?/', '/will/']],
];

/** Text that /regex/ entries of the packs match. */
const REGEX_SAMPLES = ['we will', 'What works', 'in 2024/25', 'is provided', 'we spend', 'over the next five years', 'no known impact', '5%', '£3.2m', 'over-65s',
  'what the law', 'is spent', 'we will commission', 'not yet assessed', 'mitigation', 'trans-pennine', 'older LGBT people', 'agency', 'young people’s services directorate',
  'positively', 'TBC', 'unknown', 'provider', "carers' needs", 'keep track', 'report back', 'contract monitoring', 'standard contracts', 'no longer purchased',
  'what this strategy is for', 'our aims', 'current', 'the money', 'will re-invest', 'benefits', 'Impact: high', 'low impact', 'N/A', 'under development',
  'older adults', 'older resident', 'aaaaab', 'pensioners'];

/** The position after a match starting at `at`: on by one code point (as the matcher steps). */
const next = (text, at) => at + (text.codePointAt(at) > 0xffff ? 2 : 1);

/** A phrase's own pattern, as the oracle: every match (empty ones too) at every start where one starts. */
function oracleOf(phrase, bounded) {
  if (bounded) {
    const re = RE2JS.compile(phrase.slice(1, -1), RE2JS.CASE_INSENSITIVE);
    return (text, on) => {
      const m = re.matcher(text);
      for (let from = 0; from <= text.length && m.find(from); from = next(text, m.start())) on(m.start(), m.end());
    };
  }
  const re = new RegExp(core.phraseSource(phrase), 'giu');
  return (text, on) => {
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(text))) {
      on(m.index, m.index + m[0].length);
      // Under "u", V8 reads a lastIndex inside a surrogate pair as the pair's start: on by a code point.
      re.lastIndex = next(text, m.index);
    }
  };
}

/** The matches one alternation of a list finds, from every phrase's matches at every start (empty ones included). */
function leftmostOf(matches) {
  const out = [];
  let from = 0;
  for (const h of matches) {
    if (h.start < from) continue;
    if (h.end > h.start) out.push([h.start, h.end]);
    from = h.end > h.start ? h.end : h.start + 1;
  }
  return out;
}

/** One alternation of a list's phrases, as a pack's list was once compiled (V8 entries only): its spans and test. */
function alternationOf(phrases) {
  if (!phrases.length) return { spans: () => [], test: () => false };
  const re = new RegExp(phrases.map((p) => `(?:${core.phraseSource(p)})`).join('|'), 'giu');
  return {
    spans(text) {
      const out = [];
      re.lastIndex = 0;
      let m;
      while ((m = re.exec(text))) {
        if (m[0].length) out.push([m.index, m.index + m[0].length]);
        else re.lastIndex = next(text, m.index);
      }
      return out;
    },
    test(text) {
      re.lastIndex = 0;
      return re.test(text);
    },
  };
}

/** A set of lists to check: [name, list, oracles, alternation or undefined], and the book they belong to. */
function checked(named, book) {
  return {
    book,
    lists: named.map(([name, list]) => [name, list, list.phrases.map((p) => oracleOf(p, list.bounded.has(p))), list.bounded.size ? undefined : alternationOf(list.phrases)]),
  };
}

function synthetic() {
  const book = new core.PhraseBook();
  const named = [...SHAPES.map((phrases, i) => [`shapes ${i}`, book.list(phrases)]), ...BOUNDED.map(([phrases, bounded], i) => [`bounded ${i}`, book.list(phrases, new Set(bounded))])];
  return { id: 'synthetic', ...checked(named, book) };
}

const suites = [...['commissioning-friend-2009', 'equality-act-2010'].map((id) => {
  const pol = policy(id);
  return { id, ...checked(phraseLists(pol), pol.derived.book) };
}), synthetic()];

const show = (text, hits) => hits.map((h) => ({ ...h, text: text.slice(h.start, h.end) }));

/**
 * The text with each hyphen at a line's end before a lowercase word followed by a space instead of its
 * line break (the same length): the matcher reads a word so broken whole where its lexicon knows it
 * ("commis-" / "sioned", tokens.ts), which no phrase's own pattern does; checked on its own below.
 */
const unbroken = (text) => text.replace(/-[ \t]*(\r?\n)(?=[ \t]*[a-z])/g, (m, nl) => m.slice(0, m.length - nl.length) + ' '.repeat(nl.length));

/** `alternations`: also hold the spans and test to one alternation of each list's patterns (slow on long text). */
function check(text, suite, what, alternations = false) {
  const all = suite.book.matchOnce(text);
  for (const [name, list, oracles, alternation] of suite.lists) {
    const matches = [];
    oracles.forEach((search, phrase) => search(text, (start, end) => matches.push({ phrase, start, end })));
    matches.sort((a, b) => a.start - b.start || a.phrase - b.phrase);
    const want = matches.filter((h) => h.end > h.start);
    const found = matches.length > 0;
    // `test` first: asked before the list's hits are known, it takes its own path (a walk that stops at the first hit).
    assert.strictEqual(list.test(text), found, `${name} test in ${what}`);
    assert.strictEqual(all.test(list.id), found, `${name} test (all lists) in ${what}`);
    for (const [mode, got] of [['one list', list.hits(text)], ['all lists', all.hits(list.id)]]) {
      if (got.length !== want.length || got.some((h, i) => h.phrase !== want[i].phrase || h.start !== want[i].start || h.end !== want[i].end)) {
        assert.deepStrictEqual(show(text, got), show(text, want), `${name} hits (${mode}) in ${what}`);
      }
    }
    const spans = list.spans(text);
    assert.deepStrictEqual(spans, leftmostOf(matches), `${name} spans in ${what}`);
    assert.deepStrictEqual(all.spans(list.id), spans, `${name} spans (all lists) in ${what}`);
    if (alternation && alternations) {
      assert.deepStrictEqual(spans, alternation.spans(text), `${name} spans, against one alternation, in ${what}`);
      assert.strictEqual(found, alternation.test(text), `${name} test, against one alternation, in ${what}`);
    }
  }
}

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
const codePoints = function* () {
  for (let c = 0; c < 0x110000; c++) if (c < 0xd800 || c >= 0xe000) yield c;
};

describe('phrase matcher', () => {
  describe('characters, against the regex engine', () => {
    it('word characters and joiners are the classes of the phrase patterns, over every code point', () => {
      const word = /^[\p{L}\p{N}_]$/iu;
      const joiner = /^[\s\u00a0\-‑–]$/iu;
      for (const c of codePoints()) {
        const s = String.fromCodePoint(c);
        const t = core.tokenise(`${s}a`);
        assert.strictEqual(t.start[0] === 0 && t.code[0] < 0, word.test(s), `word ${c.toString(16)}`);
        assert.strictEqual(core.isJoiner(c), joiner.test(s), `joiner ${c.toString(16)}`);
      }
    });

    it('folding puts together exactly the characters "iu" compares as equal', function () {
      this.timeout(120000);
      // Characters with any case relation; every other one is equal only to itself under "iu".
      const cased = [...codePoints()].filter((c) => {
        const s = String.fromCodePoint(c);
        return s.toLowerCase() !== s || s.toUpperCase() !== s || core.foldCode(c) !== c;
      });
      const all = cased.map((c) => String.fromCodePoint(c)).join('\u0000');
      for (const c of cased) {
        const re = new RegExp(esc(String.fromCodePoint(c)), 'giu');
        assert.ok(new RegExp(`^${re.source}$`, 'iu').test(String.fromCodePoint(core.foldCode(c))), `${c.toString(16)} ~ its fold`);
        let m;
        while ((m = re.exec(all))) assert.strictEqual(core.foldCode(m[0].codePointAt(0)), core.foldCode(c), `${c.toString(16)} ~ ${m[0].codePointAt(0).toString(16)}`);
      }
    });
  });

  describe('tokens', () => {
    it('splits words and punctuation and records the gaps between them', () => {
      const t = core.tokenise('Older-people’s  café,(1983)\u00a0–x--y');
      const tokens = Array.from({ length: t.count }, (_, k) => [t.text.slice(t.start[k], t.end[k]), t.gap[k]]);
      assert.deepStrictEqual(tokens, [['Older', 0], ['people', 2], ['’', 0], ['s', 0], ['café', 1], [',', 0], ['(', 0], ['1983', 0], [')', 0], ['x', 1], ['y', 2]]);
    });

    it("reads a word a hyphen broke at a line's end whole where the lexicon knows it, and not its first piece alone", () => {
      const pol = policy('commissioning-friend-2009');
      const signals = pol.elements.find((e) => e.id === 'changes').aspects.find((a) => a.id === 'not-commissioned').signals;
      // "commis" is no phrase's word: "commis-" / "sioned" is "commissioned"; across a space it is two pieces.
      assert.strictEqual(signals.test('The unit will not be commis-\n  sioned in future.'), true);
      assert.strictEqual(signals.test('The unit will not be commis- sioned in future.'), false);
      assert.strictEqual(signals.test('The unit will not be commis-\nSioned in future.'), false);
      // "re" is a phrase's word ("re-let"): "re-" / "let" stays two words, which the phrase joins as it does "re- let".
      const hits = signals.hits('The contract will not be re-\nlet.');
      assert.deepStrictEqual(hits.map((h) => 'The contract will not be re-\nlet.'.slice(h.start, h.end)), ['not be re-\nlet']);
    });
  });

  describe('equals each phrase pattern', () => {
    const files = oracleFiles(markdownFiles(path.join(ROOT, 'test-fixtures')));
    for (const suite of suites) {
      it(`on every fixture and a quarter of the labelled corpus (${suite.id})`, function () {
        // Every phrase's own pattern over ~170 documents (~380 with ORACLE_FULL=1).
        this.timeout(180000);
        assert.ok(files.length > 100 && files.some((f) => f.includes(`${path.sep}corpus${path.sep}`)));
        for (const f of files) check(unbroken(core.parseDocument(fs.readFileSync(f, 'utf8'), {}).masked), suite, path.relative(ROOT, f));
      });

      it(`on generated text (${suite.id})`, () => {
        // Plain phrases as written, with stems grown and run on through hyphens and apostrophes.
        const plain = suite.lists.flatMap(([, list]) => list.phrases.filter((p) => !isRegex(p)));
        const grown = fc.tuple(fc.constantFrom(...plain), fc.constantFrom('ing', '', 's', "'s", '’s-', '-people', '--x', '- ', '-- people', 'é', 'ſ', "'", '.', '-.'));
        const piece = fc.oneof(
          fc.constantFrom(...plain),
          grown.map(([p, s]) => p.replace(/\*/g, s)),
          grown.map(([p, s]) => p.replace(/\*/g, s).toUpperCase()),
          grown.map(([p, s]) => p.replace(/\*/g, s).replace(/ /g, '-')),
          grown.map(([p, s]) => p.replace(/\*/g, s).replace(/ /g, '\u00a0').replace(/'/g, '’')),
          fc.constantFrom(...REGEX_SAMPLES),
          // A /regex/ entry's \b also stands inside a word, after a word character that is not \w.
          fc
            .tuple(fc.constantFrom('', 'é', 'ß', 'ſ', '\u212a', '\u0345', '𝐀', 'x'), fc.constantFrom(...REGEX_SAMPLES), fc.boolean())
            .map(([a, b, odd]) => a + (odd ? b.replace(/s/g, 'ſ').replace(/k/g, '\u212a') : b)),
          fc.constantFrom('\n\n## ', '\n- ', '.', ',', '_', 'foo_', '_bar', 'snake_CASE_x', '(', ')', "'", '’', '-', '–', '‑', '\u00a0', ' ', '/', '%', '£'),
          fc.constantFrom('é', 'É', 'K', '\u212a', 'ſ', 'İ', 'ı', 'Σ', 'ς', 'σ', 'ß', 'Ⓐ', '\u0345', '𝐀', '𝐀x', '𐐀', '\ud800'),
          fc.string({ maxLength: 8 }),
          fc.string({ maxLength: 4, unit: 'grapheme' }),
        );
        // Pieces joined by a space or glued together.
        const doc = fc.array(fc.tuple(piece, fc.constantFrom(' ', ' ', '')), { maxLength: 60 }).map((xs) => xs.map(([p, sep]) => p + sep).join(''));
        fc.assert(
          fc.property(doc, (text) => check(unbroken(text), suite, JSON.stringify(text), true)),
          { numRuns: Number(process.env.RUNS || 300), seed: Number(process.env.SEED || 4242) },
        );
      });
    }
  });

  describe('counts what a section scan counts', () => {
    // Anchored /^…$/ entries (placeholders) judge a whole text: a slice and a span differ by design.
    const countable = (pol) => phraseLists(pol).filter(([name, l]) => /\.(signals|headings|nearMisses|synonyms)$|\.aspects\./.test(name) && !l.phrases.some((p) => /^\/.*[$^].*\/$/s.test(p)));
    for (const id of ['commissioning-friend-2009', 'equality-act-2010']) {
      it(`distinct hits inside each section of every fixture (${id})`, () => {
        const lists = countable(policy(id)).map(([name, list]) => [name, list, list.phrases.map((p) => new RegExp(core.phraseSource(p), 'iu'))]);
        for (const f of oracleFiles(markdownFiles(path.join(ROOT, 'test-fixtures')))) {
          const model = core.parseDocument(fs.readFileSync(f, 'utf8'), {});
          const masked = unbroken(model.masked);
          const spans = [...model.sections.map((s) => ({ start: s.heading ? s.heading.end : s.start, end: s.end })), { start: 0, end: masked.length }];
          for (const [name, list, patterns] of lists) {
            const hits = list.hits(masked);
            for (const span of spans) {
              const slice = masked.slice(span.start, span.end);
              assert.strictEqual(core.distinctWithin(hits, [span]), patterns.filter((re) => re.test(slice)).length, `${name} over [${span.start}, ${span.end}) of ${path.relative(ROOT, f)}`);
            }
          }
        }
      });
    }
  });

  it('a /regex/ entry matching at an astral character does not stall (V8 and RE2)', () => {
    // Stepping a global search on by one code unit from an astral match re-finds it for ever (V8, "u").
    const script = `
      const core = require(${JSON.stringify(path.join(ROOT, 'dist', 'core.js'))});
      const book = new core.PhraseBook();
      const v8 = book.list(['/[\\\\u{1D400}-\\\\u{1D7FF}]/']);
      const re2 = book.list(['/[\\\\x{1D400}-\\\\x{1D7FF}]/'], new Set(['/[\\\\x{1D400}-\\\\x{1D7FF}]/']));
      const text = '𝐀𝐁 x 𝐂';
      console.log(JSON.stringify([v8.hits(text), re2.hits(text)]));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20000 });
    assert.strictEqual(r.signal, null, 'the search stalled');
    const expected = [0, 2, 7].map((start) => ({ phrase: 0, start, end: start + 2 }));
    assert.deepStrictEqual(JSON.parse(r.stdout), [expected, expected], r.stderr);
  });
});

describe("a /regex/ entry's starts (regex-entry.ts: checked before its pattern is compiled)", () => {
  const entries = builtinRegexEntries;

  it('are what the pattern as written gives (the built-in books are frozen at build time)', () => {
    for (const id of core.BUILTIN_POLICY_IDS) {
      const book = policy(id).derived.book;
      assert.deepStrictEqual(new core.PhraseMatcher(book.lists).freeze().entries, book.compiled().freeze().entries, id);
    }
    const withStarts = entries().filter((e) => e.starts);
    assert.ok(withStarts.length > 120, `${withStarts.length} entries with starts`);
    for (const e of withStarts) for (const s of e.starts) assert.match(s, /^[a-z0-9]+( ?[a-z0-9]+)* ?$/, e.source);
  });

  it('begin every match of their entry, on every fixture and on the same text hard-wrapped, with no-break spaces, "ſ" and the Kelvin sign', function () {
    this.timeout(120000);
    const files = oracleFiles(markdownFiles(path.join(ROOT, 'test-fixtures')));
    const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
    const sample = texts.join('\n').slice(0, 100000);
    texts.push(sample.replace(/ /g, (_, i) => (i % 7 === 0 ? '\n' : i % 5 === 0 ? '\u00a0 ' : ' ')), sample.replace(/s/g, 'ſ').replace(/k/g, '\u212a'), sample.toUpperCase());
    let checked = 0;
    for (const entry of entries()) {
      if (!entry.starts) continue;
      const re = new RegExp(entry.source, 'giu');
      for (const text of texts) {
        re.lastIndex = 0;
        let m;
        // Every start where a match begins: searched again from the next code unit.
        while ((m = re.exec(text))) {
          checked++;
          assert.ok(core.startsWithOne(text, m.index, entry.starts), `${entry.source} at ${JSON.stringify(text.slice(m.index, m.index + 40))}`);
          re.lastIndex = m.index + 1;
        }
      }
    }
    assert.ok(checked > 1000, `${checked} matches checked`);
  });
});
