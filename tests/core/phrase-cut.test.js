// A slice of a matched text (a section, a line, a cell of a document's chunk)
// read off the text's walk (TextMatches.cut) must find exactly what matching
// the slice itself finds, for every phrase list of both packs and of lists
// with shapes that run to a slice's edges (stems over hyphens, phrases over a
// line break, /regex/ entries with ^, $ and look-behinds): its hits, spans and
// test. Where it cannot be exact (an edge inside a token), `cut` answers
// undefined and the caller matches the slice itself.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const fc = require('fast-check');
const { ROOT, core, policy, markdownFiles, oracleFiles } = require('../helpers/core');

/** Every phrase list of a policy, as tests/core/phrase-match.test.js walks them. */
function phraseLists(pol) {
  const out = [];
  const seen = new Set();
  const walk = (v) => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v.phrases) && typeof v.spans === 'function') return void out.push(v);
    for (const [k, x] of Object.entries(v)) if (k !== 'derived') walk(x);
  };
  walk(pol);
  walk(pol.derived.acts.list);
  walk(pol.derived.wccNames.list);
  return out;
}

/** Lists whose phrases meet a slice's edges: stems that run on, phrases over line breaks, anchored and look-behind entries. */
function edgeBook() {
  const book = new core.PhraseBook();
  const lists = [
    ['older* people', 'older*', 'care* home', 'mental health', 'health services', 'self* -harm', 'we will'],
    ['/^we will\\b/', '/\\bservices$/', '/(?<=\\S) will\\b/', '/x?(?=\\n)/', '/\\bwill be mainstreamed\\b/', 'people'],
  ].map((phrases) => book.list(phrases));
  return { book, lists };
}

const suites = [
  ...['commissioning-friend-2009', 'equality-act-2010'].map((id) => {
    const pol = policy(id);
    return { id, book: pol.derived.book, lists: phraseLists(pol) };
  }),
  { id: 'edges', ...edgeBook() },
];

/** Checks every list's answers about text.slice(from, to), read off `whole`, against the slice matched by itself. */
function checkCut(whole, text, from, to, suite, what) {
  const cut = whole.cut(from, to);
  if (!cut) return false;
  const slice = text.slice(from, to);
  const own = suite.book.matchOnce(slice);
  for (const list of suite.lists) {
    // `test` first, as a recogniser asks it before any hits are known.
    assert.strictEqual(cut.test(list.id), own.test(list.id), `test of ${list.phrases.slice(0, 3)} in ${what} [${from}, ${to})`);
    assert.deepStrictEqual(cut.hits(list.id), own.hits(list.id), `hits of ${list.phrases.slice(0, 3)} in ${what} [${from}, ${to})`);
    assert.deepStrictEqual(cut.spans(list.id), own.spans(list.id), `spans of ${list.phrases.slice(0, 3)} in ${what} [${from}, ${to})`);
  }
  return true;
}

describe('a slice read off its text\'s walk', () => {
  const files = oracleFiles(markdownFiles(path.join(ROOT, 'test-fixtures')));
  for (const suite of suites) {
    it(`equals the slice matched by itself: every section and some lines of every fixture (${suite.id})`, function () {
      this.timeout(180000);
      let cuts = 0;
      for (const f of files) {
        const model = core.parseDocument(fs.readFileSync(f, 'utf8'), {});
        const text = model.masked;
        const whole = suite.book.matchOnce(text);
        const spans = model.sections.flatMap((s) => [{ start: s.heading ? s.heading.end : s.start, end: s.end }, { start: s.start, end: s.end }]);
        // Every 7th line, and pairs of lines (a phrase may run over the break between them).
        const lines = text.split('\n');
        let at = 0;
        lines.forEach((line, i) => {
          if (i % 7 === 0) spans.push({ start: at, end: at + line.length }, { start: at, end: Math.min(text.length, at + line.length + 1 + (lines[i + 1] ?? '').length) });
          at += line.length + 1;
        });
        for (const { start, end } of spans) if (checkCut(whole, text, start, end, suite, path.relative(ROOT, f))) cuts++;
      }
      assert.ok(cuts > 1000, `only ${cuts} slices could be read off`);
    });
  }

  it('equals the slice matched by itself on generated text, at any edge', () => {
    const suite = suites[2];
    const pieces = fc.constantFrom('older', 'older-', 'people', 'care', 'home', 'homes', 'self', '-harm', 'mental', 'health', 'services', 'we', 'will', 'be', 'mainstreamed', 'x', 'é', '’s', "'", ',', '.');
    const doc = fc.array(fc.tuple(pieces, fc.constantFrom(' ', '\n', '\n\n', '-', '', ' \t')), { maxLength: 40 }).map((xs) => xs.map(([p, s]) => p + s).join(''));
    fc.assert(
      fc.property(doc, fc.nat(), fc.nat(), (text, a, b) => {
        const whole = suite.book.matchOnce(text);
        const from = text.length ? a % (text.length + 1) : 0;
        const to = from + (text.length - from ? b % (text.length - from + 1) : 0);
        checkCut(whole, text, from, to, suite, JSON.stringify(text));
      }),
      { numRuns: Number(process.env.RUNS || 2000), seed: Number(process.env.SEED || 4242) },
    );
  });

  it('matches the slice itself where a hit runs on past its end', () => {
    // "care* home" ends at the last "home" in the text, but at the first in the slice.
    const suite = suites[2];
    const text = 'care-home-x home';
    assert.ok(checkCut(suite.book.matchOnce(text), text, 0, 12, suite, text));
    assert.deepStrictEqual(suite.book.matchOnce(text).cut(0, 12).spans(suite.lists[0].id), [[0, 9]]);
  });

  it('refuses an edge inside a word', () => {
    const whole = suites[2].book.matchOnce('older people');
    assert.strictEqual(whole.cut(2, 12), undefined);
    assert.ok(whole.cut(6, 12));
  });
});
