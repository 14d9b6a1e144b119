// The fast parser (server/src/core/parse/fast) against remark: wherever it
// answers, the document model must be the one the remark path builds. Checked
// over every fixture, every CommonMark spec example (also with CRLF and inside
// a GFM chunk), generated strategy-like documents and the benchmark's generator;
// then how often it answers on real strategies, and how fast it is (printed).
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const fc = require('fast-check');
const spec = require('commonmark-spec');
const { ROOT, core, comparableModel: comparable, oracleFiles } = require('../helpers/core');
const { chunkTrees, firstDifference } = require('../helpers/mdast');


function sameModel(text, label) {
  const stats = { fast: 0, fallback: 0, reparsed: 0 };
  const fast = core.parseDocument(text, {}, { stats });
  const slow = core.parseDocument(text, {}, { fast: false });
  try {
    assert.deepStrictEqual(comparable(fast), comparable(slow));
  } catch (err) {
    err.message = `${label}: fast and remark models differ for ${JSON.stringify(text.slice(0, 400))}\n${err.message}`;
    throw err;
  }
  // Node for node too, not only as far as the model shows.
  const slowTrees = chunkTrees(text, false);
  chunkTrees(text, true).forEach((t, i) => {
    const d = firstDifference(t, slowTrees[i]);
    assert.ok(!d, `${label}: fast and remark trees differ in chunk ${i} (${d}) for ${JSON.stringify(text.slice(0, 400))}`);
  });
  return stats;
}

/**
 * One test per case: alone, with CRLF, and after a table (GFM on); `fast` marks those the fast path
 * must answer itself (after the table, where GFM's constructs are read).
 */
function itEachCase(cases) {
  const table = '| h |\n|---|\n| c |\n\n';
  for (const [i, c] of cases.entries()) {
    it(`case ${i + 1}: ${JSON.stringify(c.md.slice(0, 60))}`, () => {
      sameModel(c.md, `case ${i + 1}`);
      sameModel(c.md.replace(/\n/g, '\r\n'), `case ${i + 1}, CRLF`);
      const stats = sameModel(table + c.md, `case ${i + 1}, GFM`);
      if (c.fast) assert.deepStrictEqual([stats.fallback, stats.reparsed], [0, 0], `case ${i + 1} was left to remark`);
    });
  }
}

function mdFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? mdFiles(p) : e.name.endsWith('.md') ? [p] : [];
  });
}

/** The benchmark's strategy generator. */
const benchGenerator = () => require('../bench/generate').strategy;
/** The benchmark's rich generator (reference links, footnotes, autolinks, HTML, quotes, setext headings…). */
const richGenerator = () => require('../bench/generate-rich').richStrategy;

const fixtures = mdFiles(path.join(ROOT, 'test-fixtures'));
const corpus = fixtures.filter((f) => f.includes(`${path.sep}corpus${path.sep}`));

// Strategy-like Markdown for fast-check: the constructs strategies use, their
// near misses, and whitespace oddities.
const phrase = fc.constantFrom(
  'Needs analysis', 'What works', 'Equality impact assessment', 'TBC', '[Insert text]', 'WCC 5', 'N/A', 'Mental Health Act 1983',
  'older people: positive impact', '<!-- ipc: needs -->', '<!-- commissioning-lint-disable-next-line eqia-missing -- reason -->',
  '**Bold heading**', '**Bold heading**:', '*emphasis*', '_under_', '__strong__', '***both***', '`code`', '``a ` b``',
  '[a link](https://example.org/x)', '[eqia](eqia.md "EqIA")', '[empty]()', '![img](i.png)', '<https://x.org>', 'www.example.org',
  'a@b.org', '~~gone~~', '&amp; &copy; &#163; &bogus;', '\\*not em\\*', 'line end\\', 'trailing  ', 'snake_case_word',
  '5 * 3 * 2', '**unclosed', 'a*b*c', '[not a link]', '[x][y]', '<b>html</b>', '<!--', '-->', '| a | b |', '|---|---|',
  '| --- | :-: |', '```', '~~~', '> quote', '---', '***', '===', '#', '##', '\t', 'é', '😀', '£4.2m', '(WCC 3)',
  '[ref]: https://example.org/r', '[Ref]: /r "Title"', '[Act 1983][ref]', '[ref]', '[REF][]', '![chart][ref]', '[^1]', '[^1]: A note.',
  '![map](m.png "Map")', '<br>', '<br />', '<span class="x">', '</span>', '<a href=\'y\'>', '<details>', '<summary>More</summary>', '</details>',
  '<x@y.org>', '<https://x.org/a_b>', '<mh.c@glan-y-môr.uk>', '<a b="c', '[a [b](c) d](e)', '![a [b](c)](d)', '- [ ] task', '- [x] done',
  '[Act\n1983][ref]', '[a\nb][c\nd]', '[x]\n[ref]', '[ref][\nx]', '[^1]: Office for National Statistics', '[n]: a (b)',
  '[^n1]', '[^N1]', '[^n1]: A *note* [link](https://x.org).\n    Continued.', '\n    Indented paragraph', '[ ]', '[x]', '[X] done', '![^1]', '[^a b]',
);
const inline = fc.array(fc.oneof(phrase, fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 5 }).map((ps) => ps.join(' '));
const prefix = fc.constantFrom('', '', '', '', '# ', '## ', '### ', '- ', '* ', '1. ', '2. ', '  - ', '    - ', '   1. ', '  ', '    ', '> ', '| ', '-', '1.');
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(prefix, inline, fc.constantFrom('', '', '', ' ', '  ', ' |', ' #')).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: fc.constantFrom('', '', '```', '```js', '~~~', '---', '***', '===', '<!-- a', 'b -->', '| a | b |', '|---|---|', '| x | y |') },
);
const block = fc.oneof(
  fc.array(line, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('\n')),
  fc.array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '  - ', '    - ', '   1. ', '      - '), inline), { minLength: 1, maxLength: 6 }).map((ls) => ls.map(([a, b]) => a + b).join('\n')),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(inline, { minLength: 1, maxLength: 4 }), { maxLength: 5 })).map(([n, rows]) =>
    [`| ${Array.from({ length: n }, (_, i) => `H${i}`).join(' | ')} |`, `|${'---|'.repeat(n)}`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'),
  ),
  fc.tuple(inline, inline).map(([a, b]) => `\`\`\`\n${a}\n\n${b}\n\`\`\``),
  // Block quotes holding paragraphs, lists, nested quotes and blank quoted lines.
  fc
    .array(fc.tuple(fc.constantFrom('> ', '> ', '>', '> > ', '>  ', '> - ', '>   - ', '> 1. ', '>> ', '> ```'), fc.oneof(inline, fc.constant(''))), { minLength: 1, maxLength: 7 })
    .map((ls) => ls.map(([a, b]) => a + b).join('\n')),
);
const doc = fc
  .tuple(fc.boolean(), fc.array(block, { maxLength: 10 }), fc.constantFrom('\n\n', '\n', '\n\n\n'), fc.constantFrom('\n', '\r\n'))
  .map(([fm, blocks, sep, eol]) => ((fm ? '---\ntitle: Strategy\nwcc: [1, 2]\n---\n' : '') + blocks.join(sep)).replace(/\n/g, eol));

describe('fast parser', () => {
  describe('gives the remark model', () => {
    it(`for every .md under test-fixtures (${fixtures.length} files)`, () => {
      assert.ok(fixtures.length > 100);
      for (const f of fixtures) sameModel(fs.readFileSync(f, 'utf8'), path.relative(ROOT, f));
    });

    it(`for all ${spec.tests.length} CommonMark spec examples, also with CRLF and after a table`, () => {
      for (const t of spec.tests) {
        const label = `spec example ${t.number} (${t.section})`;
        sameModel(t.markdown, label);
        sameModel(t.markdown.replace(/\n/g, '\r\n'), `${label}, CRLF`);
        // A table switches GFM on for the chunk.
        sameModel(`| a | b |\n|---|---|\n\n${t.markdown}`, `${label}, GFM chunk`);
        sameModel(`# Title\n\n${t.markdown}\n# Next`, `${label}, between headings`);
      }
    });

    it('for generated strategy-like documents', () => {
      const total = { fast: 0, fallback: 0, reparsed: 0 };
      fc.assert(
        fc.property(doc, (text) => {
          const stats = sameModel(text, 'generated');
          for (const k of Object.keys(total)) total[k] += stats[k];
        }),
        { numRuns: 600, seed: 20240611 },
      );
      console.log(`      generated: ${total.fast} chunks fast, ${total.fallback} to remark, ${total.reparsed} blocks reparsed`);
      // The generator must exercise the fast path, not only its fallback.
      assert.ok(total.fast > total.fallback / 2, JSON.stringify(total));
    });

    it('for generated GFM documents with footnotes and task items', () => {
      const label = fc.constantFrom('1', '2', 'n1', 'N1', 'note', 'a b', 'x');
      const note = fc
        .tuple(fc.constantFrom('', ' ', '   '), label, inline, fc.array(fc.tuple(fc.constantFrom('', '', '    ', '    ', '  ', '\n    ', '\n', '- ', '        '), inline), { maxLength: 3 }))
        .map(([ind, l, first, more]) => [`${ind}[^${l}]: ${first}`, ...more.map(([a, b]) => a + b)].join('\n'));
      const task = fc
        .array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', '  - ', '-'), fc.constantFrom('[ ] ', '[x] ', '[X]  ', '[ ]', '[x]\n  ', '[ ]x ', ''), inline), { minLength: 1, maxLength: 5 })
        .map((ls) => ls.map(([a, b, c]) => a + b + c).join('\n'));
      const call = inline.chain((t) => label.map((l) => `${t}[^${l}] ${t}`));
      const gfmDoc = fc
        .tuple(fc.array(fc.oneof(note, task, call, block), { maxLength: 8 }), fc.constantFrom('\n\n', '\n'), fc.constantFrom('\n', '\r\n'))
        .map(([blocks, sep, eol]) => `| a | b |\n|---|---|\n| c | d |\n\n${blocks.join(sep)}`.replace(/\n/g, eol));
      const total = { fast: 0, fallback: 0, reparsed: 0 };
      fc.assert(
        fc.property(gfmDoc, (text) => {
          const stats = sameModel(text, 'generated GFM');
          for (const k of Object.keys(total)) total[k] += stats[k];
        }),
        { numRuns: 600, seed: 20250301 },
      );
      console.log(`      generated GFM: ${total.fast} chunks fast, ${total.fallback} to remark, ${total.reparsed} blocks reparsed`);
      assert.ok(total.fast > total.fallback / 3, JSON.stringify(total));
    });

    it('for documents from the benchmark generator', () => {
      const strategy = benchGenerator();
      for (let seed = 1; seed <= 12; seed++) sameModel(strategy(seed, 12 * 1024, seed === 5 ? 150 : 0), `bench strategy ${seed}`);
    });

    it('for documents from the rich benchmark generator (printed: how they parsed)', () => {
      const strategy = richGenerator();
      const total = { fast: 0, fallback: 0, reparsed: 0 };
      for (let seed = 1; seed <= 24; seed++) {
        const stats = sameModel(strategy(seed, 16 * 1024, seed === 7 ? 120 : 0), `rich strategy ${seed}`);
        for (const k of Object.keys(total)) total[k] += stats[k];
      }
      console.log(`      rich: ${total.fast} chunks fast, ${total.fallback} to remark, ${total.reparsed} blocks reparsed`);
    });
  });

  describe('reads GFM footnotes and task items', () => {
    const cases = [
      { fast: true, md: 'Text[^1] and [^note].\n\n[^1]: One.\n[^note]: Two *em* [link](https://x.org/a).' },
      { fast: true, md: '[^1]: First paragraph\nlazy line\n\n    Second paragraph\n    continued\n\n\n    Third.\n\nAfter[^1].' },
      { fast: true, md: 'A paragraph\n[^1]: interrupts it.\n\nSee [^1].' },
      { fast: true, md: '- a\n[^1]: after a list\n- b\n\n[^2]: then\n- a list\n\n[^3]: and\n2. a lazy line\n\n[^1][^2][^3]' },
      { fast: true, md: '   [^x]: indented three\n\n[^X] is the same label.' },
      { fast: true, md: '[^1]: a\n\n  b is not in it\n\n* nor this list' },
      { fast: true, md: '[^1]: [*Five Year Forward View*](https://www.england.nhs.uk/) (2016), p. 47.\n[^2]: Office for National Statistics, *Survey* (2014).\n\n[care-act]: https://www.legislation.gov.uk/ukpga/2014/23\n\nThe [Care Act][care-act][^2].' },
      { fast: true, md: '[^1]: one\n[^1]: the same again\n\n[^1]' },
      { fast: true, md: '| a | b |\n|---|---|\n| x[^1] | y |\n\n> quoted[^1]\n\nHeading[^1]\n---\n\n[^1]: note' },
      { fast: true, md: 'Calls: [^1](x.md) [[^1]](https://x.org) [x][^1] [^1][x]\n\n[^1]: n\n\n[x]: https://x.org' },
      { fast: false, md: '[^1]: a link definition cannot interrupt it\n[x]: https://x.org\n\n[x]' },
      { fast: false, md: 'Odd: [^nope] [^a b] [^a\\]b] ![^1] [^]\n\n[^1]: n\n[^a\\]b]: m' },
      { fast: true, md: 'Write to <mh@pen-y-dŵr.nhs.uk>, a@b, x@y-z or @home; a@dŵr.uk.' },
      { fast: false, md: 'a@b._ c@d_.e f@_g.h i@j.k_ l&#64;m.n o@p*.*q r@s\\.t u@`v`.w x@y.' },
      { fast: true, md: 'Calls to no note here: [^9] [^a b] [^] [^9](x.md) [^9][x] *[^9]*\n\n[^1]: n\n\n[x]: https://x.org' },
      { fast: false, md: '[^1]: a\n\n        indented code in it' },
      { fast: false, md: '[^1]: a\n\n    - a list in it' },
      { fast: false, md: '[^1]:\n    empty first line\n\n[^2]:   \nlazy' },
      { fast: false, md: '[^1]: [^2]: nested\n\n- [^3]: in a list\n\n> [^4]: in a quote' },
      { fast: false, md: '```\n[^1]: in a fence\n```\n\n[^1]' },
      { fast: false, md: '[^1]: a\n---\n\n[^2]: b\n    ===' },
      { fast: false, md: '| a |\n|---|\n| b |\n[^1]: right after a row' },
      { fast: true, md: '- [ ] a\n- [x] b\n- [X]  c\n* [ ]\n  d\n\n- [ ]\n- [ ]x\n- [x] *em*\n- [ ]  \n  e\n- [x]\n  *f*' },
      { fast: true, md: '- a\n  - [ ] b\n- - [x] c\n\n1. [x] done\n2) [ ] not yet' },
      { fast: true, md: '- a\n\n  [ ] a second paragraph is no task\n-\n  [ ] after an empty first line' },
      { fast: true, md: '[x]: https://x.org\n\n- [x] a task, not a link\n- [y] not a task' },
      { fast: true, md: '- [ ] a task with a note[^1] and `code`\n- [x] [a link](https://x.org)\n\n[^1]: n' },
      { fast: true, md: '[^1]: [ ] no task in a note' },
      { fast: false, md: '- [ ] a setext\n  ---' },
      { fast: false, md: '> - [ ] a task in a quote\n> - [x] done' },
      { fast: false, md: '| a |\n|---|\n- [ ] a task right after a table' },
      { fast: false, md: '- [ ] a task before a table\n| a |\n|---|' },
    ];
    itEachCase(cases);
  });

  describe('reads indented code at the top level', () => {
    // Text laid out by w3m, lynx or pdftotext -layout: every line indented.
    const cases = [
      { fast: true, md: '                      Why we have a strategy\n\n                      WCC and NHS Wexcombe spend £38 million\n                      a year on mental health services.\n\nAfter.' },
      { fast: true, md: 'Para\n\n    code\n      more\n\n\n    again\n    \n   \n    \n\npara' },
      { fast: true, md: '\n    \n    foo\n    \n\n' },
      { fast: true, md: '# H\n    code after a heading\n---\n    after a rule\n- then a list' },
      { fast: true, md: 'Text\n    a lazy line, not code\n\n    code\n# Heading\n> quote' },
      { fast: true, md: '1. item\n\n    its second paragraph, not code' },
      { fast: false, md: '    code\n- \n- item' },
      { fast: false, md: '    code\n\n2. a list from two' },
      { fast: false, md: '    code\n\ttabbed' },
      { fast: false, md: '[x]: /u\n    a title or a paragraph' },
    ];
    itEachCase(cases);
  });

  describe('leaves remark', () => {
    it('long chunks in pieces, each seeing the definitions of the others', () => {
      // Over 32 KB of paragraphs: remark parses the chunk in pieces (a setext heading keeps it from the fast path;
      // up to 32 KB without a quadratic run, remark has it whole).
      const para = (i) => `Paragraph ${i} cites [the Act][act-${i % 3}] and a note[^n${i % 2}], with ${'words '.repeat(30)}here.\n\n`;
      const body = Array.from({ length: 150 }, (_, i) => para(i)).join('');
      const defs = '[act-0]: https://example.org/0\n[Act-1]: <https://example.org/1> "One"\n\n[^n0]: Zero.\n[^n1]: One,\n    over lines.\n\n- [act-2]: /2\n';
      for (const text of [`Title\n===\n\n${body}${defs}`, `Title\n===\n\n| a |\n|---|\n\n${body}${defs}`, `Title\n===\n\n${defs}\n${body}`]) {
        assert.ok(core.pieces(text).length > 2);
        sameModel(text, 'pieces');
      }
    });

    it('a numbered list cut into pieces is still one list, and a byte-order mark is not counted', () => {
      // Word's plain-text export: each section a list item ("3.<tab>Who needs support") with
      // kilobytes of lazy lines, so the pieces are cut before an item (yk1, 34th set). Over 32 KB, as shorter
      // text goes to remark whole.
      const lines = (n) => Array.from({ length: n }, (_, i) => `Sentence ${i} of the section runs on about services and needs.`).join('\n');
      const list = (delim) => Array.from({ length: 6 }, (_, i) => `${i + 1}${delim(i)}\tSection ${i + 1}\n${lines(100)}`).join('\n\n');
      const texts = [list(() => '.'), list(() => ')'), list((i) => (i % 2 ? ')' : '.')), `\uFEFF${list(() => '.').replace(/\n/g, '\r\n')}`];
      for (const [i, text] of texts.entries()) {
        assert.ok(core.pieces(text).length > 1);
        assert.ok(sameModel(text, `list ${i + 1}`).fallback > 0, 'left to remark');
      }
    });
  });

  it('gives remark\'s trees for a chunk opening with a byte-order mark, which micromark does not count', () => {
    for (const text of ['\uFEFFHello *x*\nworld\n', '\uFEFF# Title\n\nText.\n']) sameModel(text, 'BOM');
  });

  describe('answers for most chunks', () => {
    it('of the realistic corpus (test-fixtures/corpus)', () => {
      const stats = { fast: 0, fallback: 0, reparsed: 0 };
      for (const f of corpus) core.parseDocument(fs.readFileSync(f, 'utf8'), {}, { stats });
      const rate = stats.fast / (stats.fast + stats.fallback);
      console.log(`      corpus: ${stats.fast} of ${stats.fast + stats.fallback} chunks parsed fast (${(100 * rate).toFixed(1)} %), ${stats.reparsed} blocks reparsed by remark`);
      assert.ok(rate >= 0.95, `only ${(100 * rate).toFixed(1)} % of the corpus chunks parsed fast`);
    });

    it('of benchmark-generated strategies', () => {
      const strategy = benchGenerator();
      const stats = { fast: 0, fallback: 0, reparsed: 0 };
      for (let seed = 1; seed <= 20; seed++) core.parseDocument(strategy(seed, 20 * 1024), {}, { stats });
      assert.strictEqual(stats.fallback, 0);
      assert.strictEqual(stats.reparsed, 0);
      assert.ok(stats.fast > 100);
    });

    it('and the switch turns it off', () => {
      const stats = { fast: 0, fallback: 0, reparsed: 0 };
      core.parseDocument('# A\n\ntext\n', {}, { fast: false, stats });
      assert.deepStrictEqual(stats, { fast: 0, fallback: 0, reparsed: 0 });
    });
  });

  describe('speed', () => {
    it('is faster than remark (printed: ms per file, warm)', async function () {
      this.timeout(120000);
      const { unified } = await import('unified');
      const remarkParse = (await import('remark-parse')).default;
      const bare = unified().use(remarkParse).freeze();
      const strategy = benchGenerator();
      const sets = {
        corpus: oracleFiles(corpus).map((f) => fs.readFileSync(f, 'utf8')),
        bench: Array.from({ length: 40 }, (_, i) => strategy(i + 1, 20 * 1024)),
      };
      for (const [name, texts] of Object.entries(sets)) {
        const time = (fn) => {
          let best = Infinity;
          for (let r = 0; r < 4; r++) {
            const t = performance.now();
            for (const text of texts) fn(text);
            best = Math.min(best, performance.now() - t);
          }
          return best / texts.length;
        };
        const fast = time((t) => core.parseDocument(t, {}));
        const slow = time((t) => core.parseDocument(t, {}, { fast: false }));
        const floor = time((t) => bare.parse(t));
        console.log(`      ${name}: parseDocument ${fast.toFixed(2)} ms/file fast, ${slow.toFixed(2)} ms with remark; bare remark parse ${floor.toFixed(2)} ms (${(floor / fast).toFixed(1)}× the fast path)`);
        assert.ok(fast < slow, `${name}: the fast path is not faster`);
      }
    });
  });
});
