// The document-wide phrase index must count exactly what a regex scan of each
// section's text counts: for every phrase list of both packs, every section of
// every fixture and generated text, distinct hits inside the section's span equal
// the number of phrases whose own pattern (full Unicode form, "iu") matches the
// section's text.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const fc = require('fast-check');
const { ROOT, core, policy } = require('../helpers/core');

const packs = [policy(), policy('equality-act-2010')];

/** Every phrase list of a policy, named for the failure message. */
function phraseSets(pol) {
  const sets = [];
  for (const e of pol.elements) {
    sets.push([`${e.id}.signals`, e.signals], [`${e.id}.headings`, e.headings]);
    if (e.nearMisses) sets.push([`${e.id}.nearMisses`, e.nearMisses]);
    for (const a of e.aspects) sets.push([`${e.id}.${a.id}`, a.signals]);
  }
  for (const g of pol.groups) sets.push([`group ${g.id}`, g.synonyms]);
  sets.push(['placeholders', pol.placeholders]);
  // Anchored /^…$/ entries (placeholders) judge a whole text: a slice and a span differ by design.
  return sets.filter(([, s]) => s && Array.isArray(s.phrases) && !s.phrases.some((p) => /^\/.*[$^].*\/$/s.test(p)));
}

/** Each phrase's own pattern, in the full form every other form must agree with. */
const compiled = new Map();
function patterns(set) {
  if (!compiled.has(set)) compiled.set(set, set.phrases.map((p) => new RegExp(core.phraseSource(p), 'iu')));
  return compiled.get(set);
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

function check(text, pol, finders) {
  const model = core.parseDocument(text, {});
  const spans = model.sections.map((s) => ({ start: s.heading ? s.heading.end : s.start, end: s.end }));
  spans.push({ start: 0, end: model.masked.length });
  for (const [name, set, finder] of finders) {
    const hits = core.byStart(finder.hits(model.masked));
    assert.deepStrictEqual(core.leftmostSpans(hits), set.spans(model.masked), `${name} spans of ${JSON.stringify(text.slice(0, 60))}`);
    for (const span of spans) {
      const slice = model.masked.slice(span.start, span.end);
      const want = patterns(set).filter((re) => re.test(slice)).length;
      const got = core.distinctWithin(hits, [span]);
      assert.strictEqual(got, want, `${name} over [${span.start}, ${span.end}) of ${JSON.stringify(text.slice(0, 60))}`);
    }
  }
}

describe('document-wide phrase hits', () => {
  for (const pol of packs) {
    const finders = phraseSets(pol).map(([name, set]) => [name, set, new core.PhraseHitFinder(set.phrases)]);

    it(`count what a section scan counts on every fixture (${pol.id})`, () => {
      const files = markdownFiles(path.join(ROOT, 'test-fixtures'));
      assert.ok(files.length > 100);
      for (const f of files) check(fs.readFileSync(f, 'utf8'), pol, finders);
    });

    it(`count what a section scan counts on generated text (${pol.id})`, () => {
      // Phrases from the lists themselves (upper-cased, hyphenated, glued to punctuation), odd letters and headings.
      const all = finders.flatMap(([, set]) => set.phrases.filter((p) => !/^\/.*\/$/s.test(p)).map((p) => p.replace(/\*/g, 'ing')));
      const piece = fc.oneof(
        fc.constantFrom(...all),
        fc.constantFrom(...all).map((p) => p.toUpperCase()),
        fc.constantFrom(...all).map((p) => p.replace(/ /g, '-')),
        fc.constantFrom('we will', 'What works', 'in 2024/25', 'is provided', 'we spend', 'over the next five years', 'move the money'),
        fc.constantFrom('\n\n## ', '\n- ', '.', ',', '_', '(', 'é', 'K', 'ſ', 'İ', 'Ⱥ', '\u00a0', '’', 'Σ', ' '),
        fc.string({ maxLength: 8 }),
      );
      const doc = fc.array(piece, { maxLength: 80 }).map((xs) => `# Strategy\n\n${xs.join(' ')}`);
      fc.assert(fc.property(doc, (text) => check(text, pol, finders)), { numRuns: 150, seed: 4242 });
    });
  }
});
