// hast → mdast for the trees mammoth writes (engine/docx/hast-to-mdast.ts)
// against hast-util-to-mdast: the same mdast, by deep equality, for the
// labelled corpus (a quarter; all with ORACLE_FULL=1) as Word documents, for generated strategies (plain and rich),
// and for generated trees of the shapes mammoth writes with awkward whitespace
// (spaces at the edges, around breaks and inline elements, tabs, line ends,
// whitespace-only texts and paragraphs, nested inline), and for trees it must
// leave to the library. A differential test: any difference is a fault.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, corpusDocs } = require('../helpers/core');
const { markdownToDocx } = require('../helpers/docx');
const { strategy } = require('../bench/generate');
const { richStrategy, mulberry32 } = require('../bench/generate-rich');

const { docxToHast, toMdastOf, hastToMarkdown, hastToMarkdownReference } = require(path.join(ROOT, 'dist', 'docx.js'));

/** Both conversions of one tree, each from its own copy (both change the tree they are given). */
function both(hast) {
  const fast = toMdastOf(structuredClone(hast), false);
  const reference = toMdastOf(structuredClone(hast), true);
  return { fast: fast.mdast, taken: fast.fast, reference: reference.mdast };
}

/** Every Word feature the converter reads, as the test builder lays it out. */
const FEATURES = `# Strategy {++inserted++}{--deleted--}

Text with **bold**, *italic*, ~~struck~~, ***both***, a [link](https://example.org/a?b=1&c=2), a [local one](#x) & a note.[^1]{>>a comment<<}  
A line break, <angle> brackets, 1. not a list, # not a heading, | a pipe |.

1. one
   - nested **bold**
     1. deeper
2. two

- [x] done
- [ ] to do

| Group | Impact | Notes |
|---|---|---|
| Age | Positive<br>second line | - a<br>- b |
| Sex | | Neutral |

> quoted
>
> twice

\`\`\`
code & <things>
  indented
\`\`\`

![an image](x.png)

[^1]: The note.
`;

describe('Word hast → mdast (hast-to-mdast.ts)', function () {
  this.timeout(300000);

  it('gives hast-util-to-mdast\'s mdast for the corpus and generated strategies as Word documents', async () => {
    const corpus = path.join(ROOT, 'test-fixtures', 'corpus');
    const docs = [['features', FEATURES], ...corpusDocs(corpus)];
    for (let i = 1; i <= 10; i++) docs.push([`generated ${i}`, strategy(i, 20 * 1024)]);
    for (let i = 1; i <= 10; i++) docs.push([`rich ${i}`, richStrategy(i, 20 * 1024)]);
    let taken = 0;
    for (const [name, md] of docs) {
      for (const build of [{}, { title: true }]) {
        const read = await docxToHast(await markdownToDocx(md, build));
        assert.ok(!read.error, `${name}: ${read.error}`);
        const r = both(read.body);
        assert.deepStrictEqual(r.fast, r.reference, name);
        if (r.taken) taken++;
      }
    }
    // The corpus takes the fast path (else it would test nothing).
    assert.strictEqual(taken, docs.length * 2, `${taken} of ${docs.length * 2} documents took the fast path`);
  });

  it('gives hast-util-to-mdast\'s mdast (and Markdown) for 5,000 generated trees with awkward whitespace', () => {
    const tree = generator(7);
    let taken = 0;
    for (let i = 0; i < 5000; i++) {
      const hast = tree();
      const r = both(hast);
      assert.deepStrictEqual(r.fast, r.reference, JSON.stringify(hast));
      if (r.taken) taken++;
      assert.strictEqual(hastToMarkdown(structuredClone(hast)), hastToMarkdownReference(structuredClone(hast)), JSON.stringify(hast));
    }
    // Most trees are of the shapes read here; a few hold a table in a table or a formatted code block, left to the library.
    assert.ok(taken > 4000, `${taken} of 5000 trees took the fast path`);
  });

  it('leaves to the library what it does not read, the tree untouched', () => {
    const el = (tagName, children = [], properties = {}) => ({ type: 'element', tagName, properties, children });
    const t = (value) => ({ type: 'text', value });
    const cases = [
      el('table', [el('tbody', [el('tr', [el('td', [el('table', [el('tr', [el('td', [t('inner')])])])])])])]),
      el('pre', [t('a'), el('strong', [t('b')])]),
      el('p', [el('span', [t(' a ')])]),
      el('p', [el('img', [], { src: 'x.png', alt: 'x' })]),
      el('table', [el('tr', [el('td', [t('a')], { align: 'center' })])]),
      el('p', [t('a')], { hidden: true }),
      el('p', [el('a', [t('a')], { href: 'https://example.org', title: ' t ' })]),
      el('strong', [el('p', [t('a')])]),
      { type: 'comment', value: 'c' },
    ];
    for (const node of cases) {
      const hast = { type: 'root', children: [el('p', [t(' x ')]), node] };
      const r = both(hast);
      assert.strictEqual(r.taken, false, JSON.stringify(node));
      assert.deepStrictEqual(r.fast, r.reference, JSON.stringify(node));
      // Nothing was changed before the library was called: the tree is as the library alone leaves it.
      const given = structuredClone(hast);
      toMdastOf(given, false);
      const byLibrary = structuredClone(hast);
      toMdastOf(byLibrary, true);
      assert.deepStrictEqual(given, byLibrary, JSON.stringify(node));
    }
  });
});

/** Pieces of text: letters, spaces of every kind HTML and the minifier tell apart, line ends, and nothing at all. */
const PIECES = ['a', 'b', 'Word', ' ', ' ', '  ', '\t', '\n', '\r\n', '\r', '\v', '\f', ' \n ', '\u00a0', '\u200b', '1.', '*', '\\', ''];

/** A deterministic generator (mulberry32: a linear congruential one's low bits repeat too soon), so a failure can be replayed from its seed. */
function generator(seed) {
  const random = mulberry32(seed);
  const next = (n) => Math.floor(random() * n);
  const text = () => {
    let value = '';
    for (let i = 1 + next(4); i > 0; i--) value += PIECES[next(PIECES.length)];
    return { type: 'text', value };
  };
  /** Whitespace alone, as a writer might leave between blocks. */
  const space = () => ({ type: 'text', value: [' ', '\n', '  \n\t', '\v'][next(4)] });
  const el = (tagName, children, properties = {}) => ({ type: 'element', tagName, properties, children });
  const phrasing = (depth = 0) => {
    const out = [];
    for (let i = next(5); i > 0; i--) {
      const k = next(14);
      if (k < 6 || depth > 2) out.push(text());
      else if (k === 6) out.push(el('strong', phrasing(depth + 1)));
      else if (k === 7) out.push(el('em', phrasing(depth + 1)));
      else if (k === 8) out.push(el('br', []));
      else if (k === 9) out.push(el('a', phrasing(depth + 1), next(4) ? { href: ['https://example.org/a', 'eqia.md', '#b', ' ', 'javascript:x', 'mailto:a@b.c'][next(6)] } : {}));
      else if (k === 10) out.push(el(['sup', 'sub', 's'][next(3)], phrasing(depth + 1)));
      else if (k === 11) out.push(el('input', [], next(2) ? { type: 'checkbox', checked: true } : { type: 'checkbox' }));
      else if (k === 12) out.push(el('br', []), el('br', []));
      else out.push(space());
    }
    return out;
  };
  const cell = (tag) => {
    const props = {};
    if (!next(6)) props.colSpan = 1 + next(3);
    if (!next(6)) props.rowSpan = 1 + next(3);
    const kids = [];
    for (let i = next(3); i > 0; i--) kids.push(next(4) ? el('p', phrasing()) : next(2) ? el('ul', [el('li', phrasing())]) : text());
    return el(tag, kids, props);
  };
  const row = (tag) => {
    const cells = [];
    for (let i = next(4); i > 0; i--) cells.push(cell(tag));
    if (!next(5)) cells.splice(next(cells.length + 1), 0, space());
    return el('tr', cells);
  };
  const table = (depth) => {
    const body = [];
    for (let i = next(4); i > 0; i--) body.push(row(next(5) ? 'td' : 'th'));
    const parts = [];
    if (!next(3)) parts.push(el('thead', [row('th')]));
    if (next(4)) parts.push(el('tbody', body));
    else parts.push(...body);
    // Rarely, a table in a cell: left to the library.
    if (depth === 0 && !next(60)) parts.push(el('tr', [el('td', [table(1)])]));
    return el('table', parts);
  };
  const item = (depth) => {
    const kids = [];
    const k = next(6);
    if (k === 0) kids.push(el('p', phrasing()));
    else if (k === 1) kids.push(el('input', [], { type: 'checkbox', checked: true }), ...phrasing());
    else if (k === 2) kids.push(el('p', [el('input', [], { type: 'checkbox' }), ...phrasing()]));
    else kids.push(...phrasing());
    if (depth < 3 && next(3) === 0) kids.push(list(depth + 1));
    if (!next(8)) kids.push(el('p', phrasing()));
    return el('li', kids);
  };
  const list = (depth) => {
    const items = [];
    for (let i = 1 + next(3); i > 0; i--) items.push(item(depth));
    if (!next(6)) items.splice(next(items.length + 1), 0, space());
    return el(next(2) ? 'ul' : 'ol', items, next(6) ? {} : { start: [3, '2', 'x'][next(3)] });
  };
  const block = () => {
    const k = next(12);
    if (k === 0) return el(`h${1 + next(6)}`, phrasing());
    if (k === 1 || k === 2) return list(0);
    if (k === 3) return table(0);
    if (k === 4) return el('blockquote', next(3) ? [el('p', phrasing())] : [el('p', phrasing()), space(), el('p', phrasing()), ...phrasing()]);
    if (k === 5) return el('pre', next(12) ? [text(), ...(next(2) ? [text()] : [])] : [text(), el('strong', [text()])]);
    if (k === 6) return space();
    if (k === 7) return el('p', []);
    if (k === 8) return phrasing()[0] ?? text();
    return el('p', phrasing());
  };
  return () => {
    const children = [];
    for (let i = 1 + next(5); i > 0; i--) children.push(block());
    return { type: 'root', children };
  };
}
