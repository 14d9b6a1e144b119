// HTML → Markdown on its own (pure; Word conversion and, later, HTML blocks in
// Markdown use it): tables, links, images, lists and what is dropped.
const assert = require('node:assert');
const path = require('node:path');
const { ROOT } = require('../helpers/core');

const { htmlToMarkdown } = require(path.join(ROOT, 'dist', 'docx.js'));

describe('htmlToMarkdown', () => {
  it('renders headings, paragraphs, emphasis and a thematic break', () => {
    assert.strictEqual(htmlToMarkdown('<h1>A</h1><p>One <strong>two</strong> <em>three</em>.</p><hr><h3>B</h3>'), '# A\n\nOne **two** *three*.\n\n---\n\n### B\n');
  });

  it('takes a headless table’s first row as its header (no empty header row)', () => {
    assert.strictEqual(htmlToMarkdown('<table><tr><td>Group</td><td>Impact</td></tr><tr><td>Age</td><td>Positive</td></tr></table>'), '| Group | Impact |\n| - | - |\n| Age | Positive |\n');
  });

  it('keeps a real header and its alignment', () => {
    assert.strictEqual(
      htmlToMarkdown('<table><thead><tr><th>Group</th><th align="right">Score</th></tr></thead><tbody><tr><td>Age</td><td>3</td></tr></tbody></table>'),
      '| Group | Score |\n| - | -: |\n| Age | 3 |\n',
    );
  });

  it('keeps every row on one line: breaks, paragraphs and lists in a cell become <br>; pipes are escaped', () => {
    const html = '<table><tr><th>A</th><th>B</th></tr><tr><td><p>x</p><p>y | z</p></td><td>1<br>2<ol><li>first</li><li>second</li></ol></td></tr></table>';
    assert.strictEqual(htmlToMarkdown(html), '| A | B |\n| - | - |\n| x<br>y \\| z | 1<br>2<br>1. first<br>2. second |\n');
  });

  it('pads ragged rows and spreads merged cells, so every row has every column', () => {
    const html = '<table><tr><td>A</td><td>B</td><td>C</td></tr><tr><td colspan="2">wide</td><td>c</td></tr><tr><td>short</td></tr></table>';
    assert.strictEqual(htmlToMarkdown(html), '| A | B | C |\n| - | - | - |\n| wide | | c |\n| short | | |\n');
  });

  it('flattens a nested table to text in its cell', () => {
    const html = '<table><tr><td>Outer</td></tr><tr><td><table><tr><td>in1</td><td>in2</td></tr></table></td></tr></table>';
    assert.match(htmlToMarkdown(html), /^\| Outer \|\n\| - \|\n\| in1\s+in2 \|\n$/);
  });

  it('drops images, scripts, styles, forms and empty paragraphs', () => {
    const html = '<p>Before</p><p><img src="data:image/png;base64,AAAA" alt="Chart"></p><script>alert(1)</script><style>p{}</style><p> </p><p><input type="checkbox" checked> Done</p><p>After</p>';
    assert.strictEqual(htmlToMarkdown(html), 'Before\n\nDone\n\nAfter\n');
  });

  it('keeps safe links as links and turns others into their text', () => {
    const html = '<p><a href="https://x.org/a b">web</a> <a href="../eqia.md">rel</a> <a href="#_Toc1">toc</a> <a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a> <a name="anchor"></a>end</p>';
    assert.strictEqual(htmlToMarkdown(html), '[web](<https://x.org/a b>) [rel](../eqia.md) toc js data end\n');
  });

  it('escapes text that would otherwise read as Markdown', () => {
    assert.strictEqual(htmlToMarkdown('<p>1. Not a list</p><p># Not a heading</p><p>&lt;!-- not a comment --&gt; *x*</p>'), '1\\. Not a list\n\n\\# Not a heading\n\n\\<!-- not a comment --> \\*x\\*\n');
  });

  it('renders nested lists tight, and an item with two paragraphs loose', () => {
    assert.strictEqual(htmlToMarkdown('<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>'), '- a\n  - b\n  - c\n- d\n');
    assert.strictEqual(htmlToMarkdown('<ol><li><p>one</p><p>more</p></li><li>two</li></ol>'), '1. one\n\n   more\n\n2. two\n');
  });

  it('never throws on malformed HTML', () => {
    for (const html of ['<table><td>x', '<p><b>unclosed', '</p></div>', '<ul><li><table><tr><td>a</ul>', '', '<<<>>>']) assert.strictEqual(typeof htmlToMarkdown(html), 'string');
  });
});
