// The token matcher (server/src/core/match/) must find exactly what each
// phrase's own regular expression finds: for every phrase list of both packs, on
// every fixture and on generated text, every hit of every phrase equals a scan of
// `new RegExp(phraseSource(p), 'iu')` tried at every start; the leftmost spans
// equal PhraseSet.spans and `test` equals PhraseSet.test. Its character classes
// and case folding are checked against the regex engine over every code point.
// RUNS=3000 SEED=7 npx mocha --no-config tests/core/match.test.js tries more text.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const fc = require('fast-check');
const { ROOT, core, policy } = require('../helpers/core');

/** Every PhraseSet a policy holds (elements, EqIA, groups, WCC, Acts, placeholders), in a stable order. */
function phraseSets(pol) {
  const out = [];
  const walk = (v, name) => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v.phrases) && typeof v.spans === 'function') return void out.push([name, v]);
    for (const [k, x] of Object.entries(v)) walk(x, `${name}.${x && x.id ? x.id : k}`);
  };
  walk(pol, pol.id);
  return out;
}

/**
 * Every non-empty match of a pattern, tried at every start (as the global scan
 * of PhraseHitFinder does, but on by a code point: under "u", V8 reads a
 * lastIndex inside a surrogate pair as the pair's start, so PhraseHitFinder
 * loops for ever on a match that starts at an astral character).
 */
function oracleHits(re, phrase, text, out) {
  re.lastIndex = 0;
  let m;
  while ((m = re.exec(text))) {
    if (m[0].length) out.push({ phrase, start: m.index, end: m.index + m[0].length });
    re.lastIndex = m.index + (text.codePointAt(m.index) > 0xffff ? 2 : 1);
  }
}

function markdownFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (p.endsWith('.md')) out.push(p);
  }
  return out;
}

/**
 * Shapes no pack has yet: stems inside a phrase (which give back what they ran
 * over until the rest matches), stems glued to punctuation, and phrases the
 * tokens cannot express, which run as their own regular expressions.
 */
const SHAPES = [
  ['older* people', 'older*', 'old* people* services', 'young* adult*', 'care* home', "carer* 's", 'self* -harm', 's.75*'],
  ['a*b', 'lgbt+*', '-foo', 'foo-', 'x**', 'foo *', '\u0345a', "men's* x", 'older* *'],
  // An empty match wins its start in an alternation (PhraseSet.spans) though it is no hit.
  ['/x?(?=,)/', ', x', 'x,', ',', '/\\b(?=people)/', 'people'],
  ['people', 'older people', 'older', 'old', 'people*', 'foo_bar', 'snake_case*', '_', 'a_'],
];

/** Text that /regex/ entries of the packs match. */
const REGEX_SAMPLES = ['we will', 'What works', 'in 2024/25', 'is provided', 'we spend', 'over the next five years', 'no known impact', '5%', '£3.2m', 'over-65s',
  'what the law', 'is spent', 'we will commission', 'not yet assessed', 'mitigation', 'trans-pennine', 'older LGBT people', 'agency', 'young people’s services directorate',
  'positively', 'TBC', 'unknown', 'provider', "carers' needs", 'keep track', 'report back', 'contract monitoring', 'standard contracts', 'no longer purchased',
  'what this strategy is for', 'our aims', 'current', 'the money', 'will re-invest', 'benefits', 'Impact: high', 'low impact', 'N/A', 'under development'];

const PhraseSet = Object.getPrototypeOf(policy().placeholders).constructor;

function synthetic() {
  const sets = SHAPES.map((phrases, i) => [`shapes ${i}`, new PhraseSet(phrases)]);
  return { id: 'synthetic', sets };
}

const packs = [...['commissioning-friend-2009', 'equality-act-2010'].map((id) => ({ id, sets: phraseSets(policy(id)) })), synthetic()].map(({ id, sets }) => {
  return {
    id,
    sets,
    matcher: core.compilePhraseLists(sets.map(([, s]) => s.phrases)),
    oracles: sets.map(([, s]) => s.phrases.map((p) => new RegExp(core.phraseSource(p), 'giu'))),
  };
});

function check(text, pack, what) {
  const found = pack.matcher.match(text);
  pack.sets.forEach(([name, set], list) => {
    const want = [];
    pack.oracles[list].forEach((re, i) => oracleHits(re, i, text, want));
    want.sort((a, b) => a.start - b.start || a.phrase - b.phrase);
    const got = found.hits(list);
    if (got.length !== want.length || got.some((h, i) => h.phrase !== want[i].phrase || h.start !== want[i].start || h.end !== want[i].end)) {
      assert.deepStrictEqual(got.map((h) => ({ ...h, text: text.slice(h.start, h.end) })), want.map((h) => ({ ...h, text: text.slice(h.start, h.end) })), `${name} hits in ${what}`);
    }
    assert.deepStrictEqual(found.spans(list), set.spans(text), `${name} spans in ${what}`);
    assert.strictEqual(found.test(list), set.test(text), `${name} test in ${what}`);
  });
}

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
const codePoints = function* () {
  for (let c = 0; c < 0x110000; c++) if (c < 0xd800 || c >= 0xe000) yield c;
};

describe('token matcher', () => {
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
  });

  describe('equals each phrase pattern', () => {
    for (const pack of packs) {
      it(`on every fixture (${pack.id})`, () => {
        if (pack.id === 'synthetic') return;
        const files = markdownFiles(path.join(ROOT, 'test-fixtures'));
        assert.ok(files.length > 100);
        for (const f of files) check(core.parseDocument(fs.readFileSync(f, 'utf8'), {}).masked, pack, path.relative(ROOT, f));
      });

      it(`on generated text (${pack.id})`, () => {
        // Plain phrases as written, with stems grown and run on through hyphens and apostrophes.
        const plain = pack.sets.flatMap(([, s]) => s.phrases.filter((p) => !/^\/.*\/$/s.test(p)));
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
          fc.constantFrom('é', 'É', 'K', '\u212a', 'ſ', 'İ', 'ı', 'Σ', 'ς', 'σ', 'ß', 'Ⓐ', '\u0345', '𝐀', '𐐀', '\ud800'),
          fc.string({ maxLength: 8 }),
          fc.string({ maxLength: 4, unit: 'grapheme' }),
        );
        // Pieces joined by a space or glued together.
        const doc = fc.array(fc.tuple(piece, fc.constantFrom(' ', ' ', '')), { maxLength: 60 }).map((xs) => xs.map(([p, sep]) => p + sep).join(''));
        fc.assert(
          fc.property(doc, (text) => check(text, pack, JSON.stringify(text))),
          { numRuns: Number(process.env.RUNS || 300), seed: Number(process.env.SEED || 4242) },
        );
      });
    }
  });
});
