// The Word converter's text handler (engine/docx/markdown-text.ts), which skips
// mdast-util-to-markdown's escaping for texts no pattern can touch, against the
// library's own handler: the same Markdown for the labelled corpus (a quarter;
// all with ORACLE_FULL=1) as Word
// documents, for generated strategies (tests/bench/generate.js), and for
// generated hast trees of the shapes mammoth writes, their texts drawn from
// the characters Markdown escapes. A differential test: any difference is a fault.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, corpusDocs } = require('../helpers/core');
const { markdownToDocx } = require('../helpers/docx');
const { strategy } = require('../bench/generate');

const { docxToHast, hastToMarkdown, hastToMarkdownReference } = require(path.join(ROOT, 'dist', 'docx.js'));

/** Both renderings of one tree (each gets its own copy: the rendering marks table headers in place). */
function both(hast) {
  return [hastToMarkdown(structuredClone(hast)), hastToMarkdownReference(structuredClone(hast))];
}

/** Pieces of text: letters, the characters Markdown escapes, line ends, tabs, and what a pattern looks for around them. */
const PIECES = ['a', 'b', 'W', 'w', ' ', '  ', '.', '1', '2', '*', '_', '#', '-', '+', '>', '<', '[', ']', '(', ')', '!', '\\', '`', '~', '|', ':', '&', 'amp;', '=', '\t', '\n', '\r', '@', '/', 'p', 's', 'www', 'http', '"', "'", '\u00a0', 'é', '1.', '1)', '- ', '# ', '&#x20;'];

/** A small deterministic generator (a linear congruential one), so a failure can be replayed. */
function generator(seed) {
  const next = (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const text = () => {
    let value = '';
    for (let i = 1 + next(8); i > 0; i--) value += PIECES[next(PIECES.length)];
    return { type: 'text', value };
  };
  const el = (tagName, children, properties = {}) => ({ type: 'element', tagName, properties, children });
  const phrasing = (depth = 0) => {
    const out = [];
    for (let i = 1 + next(4); i > 0; i--) {
      const k = next(10);
      if (k < 5 || depth > 1) out.push(text());
      else if (k === 5) out.push(el('strong', phrasing(depth + 1)));
      else if (k === 6) out.push(el('em', phrasing(depth + 1)));
      else if (k === 7) out.push(el('br', []));
      else if (k === 8) out.push(el('a', phrasing(depth + 1), { href: ['https://example.org/a', 'eqia.md', '#b', 'a b', 'https://example.org/?a=1&b=2'][next(5)] }));
      else out.push(el('sup', phrasing(depth + 1)));
    }
    return out;
  };
  const block = () => {
    const k = next(7);
    if (k === 0) return el(`h${1 + next(6)}`, phrasing());
    if (k === 1) return el('ul', [el('li', phrasing()), el('li', phrasing())]);
    if (k === 2) return el('table', [el('tbody', [el('tr', [el('td', [el('p', phrasing())]), el('td', [el('p', phrasing())])]), el('tr', [el('td', [el('p', phrasing())])])])]);
    if (k === 3) return el('ol', [el('li', [...phrasing(), el('ul', [el('li', phrasing())])])]);
    if (k === 4) return el('blockquote', [el('p', phrasing())]);
    return el('p', phrasing());
  };
  return () => ({ type: 'root', children: [block(), block(), block()] });
}

describe('Word text handler (markdown-text.ts)', function () {
  this.timeout(300000);

  it('gives the library\'s Markdown for the corpus and generated strategies as Word documents', async () => {
    const corpus = path.join(ROOT, 'test-fixtures', 'corpus');
    const docs = corpusDocs(corpus);
    for (let i = 1; i <= 10; i++) docs.push([`generated ${i}`, strategy(i, 20 * 1024)]);
    for (const [name, md] of docs) {
      const read = await docxToHast(await markdownToDocx(md));
      assert.ok(!read.error, `${name}: ${read.error}`);
      const [fast, reference] = both(read.body);
      assert.strictEqual(fast, reference, name);
    }
  });

  it('gives the library\'s Markdown for 5,000 generated trees of texts Markdown escapes', () => {
    const tree = generator(1);
    let escaped = 0;
    for (let i = 0; i < 5000; i++) {
      const hast = tree();
      const [fast, reference] = both(hast);
      assert.strictEqual(fast, reference, JSON.stringify(hast));
      if (/\\[^\n]|&#x/.test(reference)) escaped++;
    }
    // The trees exercise the escaping, not only the shortcut.
    assert.ok(escaped > 2500, `${escaped} of 5000 renderings escape something`);
  });
});
