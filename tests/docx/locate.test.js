// describeLocation / formatLocation over the core's document model: the
// heading path, paragraph or table row, and quote a Word reader can follow.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { core, ROOT } = require('../helpers/core');

/** The location of the first occurrence of `needle` in `md` (offset + `skip`). */
function where(md, needle, skip = 0) {
  const offset = md.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const loc = core.describeLocation(core.parseDocument(md, {}), offset + skip);
  return { loc, text: core.formatLocation(loc) };
}

const STRATEGY = [
  '---',
  'title: Test',
  '---',
  '',
  'Draft for the Board.',
  '',
  '# Adult mental health strategy',
  '',
  'Our purpose is to commission recovery-focused care.',
  '',
  '## Local needs',
  '',
  'The JSNA shows need rising by 12 per cent.',
  '',
  '<!-- ipc: needs -->',
  '',
  'A second paragraph about needs that goes on for quite a while, longer than any quote should be allowed to run.',
  '',
  '- Older people',
  '- People in **crisis**, including those seen by [street triage](https://example.org)',
  '  - nested detail',
  '- Carers',
  '',
  'After the list.',
  '',
  '## Equality impact assessment',
  '',
  '| Group | Impact |',
  '| --- | --- |',
  '| Age | Positive |',
  '| Disability | Neutral |',
  '| Sex | Neutral |',
  '| Sexual orientation | Not assessed: survey data awaited from the 2024 residents survey |',
  '',
  'Between the tables.',
  '',
  '| Action | Lead |',
  '| --- | --- |',
  '| Monitor uptake | CCG |',
  '',
  '**What we will stop**',
  '',
  'The day centre closes.',
].join('\n');

describe('describeLocation', () => {
  it('gives a heading its own path', () => {
    const { loc, text } = where(STRATEGY, '## Local needs', 3);
    assert.deepStrictEqual(loc, { headingPath: ['Adult mental health strategy', 'Local needs'], kind: 'heading', quote: 'Local needs' });
    assert.strictEqual(text, 'Adult mental health strategy › Local needs (heading)');
  });

  it('numbers paragraphs within their section, not counting comments', () => {
    assert.strictEqual(where(STRATEGY, 'Our purpose').text, 'Adult mental health strategy › paragraph 1 ("Our purpose is to commission recovery-focused care.")');
    assert.strictEqual(where(STRATEGY, 'The JSNA').text, 'Adult mental health strategy › Local needs › paragraph 1 ("The JSNA shows need rising by 12 per cent.")');
    const { loc } = where(STRATEGY, 'A second paragraph', 20);
    assert.strictEqual(loc.kind, 'paragraph');
    assert.strictEqual(loc.paragraph, 2);
  });

  it('cuts a long quote at a word, with an ellipsis', () => {
    const { loc } = where(STRATEGY, 'A second paragraph');
    assert.strictEqual(loc.quote, 'A second paragraph about needs that goes on for quite a…');
    assert.ok(loc.quote.length <= 61);
  });

  it('counts each top-level list item as a paragraph, as Word does, and quotes the item alone', () => {
    assert.deepStrictEqual(where(STRATEGY, 'Older people').loc, { headingPath: ['Adult mental health strategy', 'Local needs'], kind: 'list item', paragraph: 3, quote: 'Older people' });
    assert.strictEqual(where(STRATEGY, 'street triage').text, 'Adult mental health strategy › Local needs › paragraph 4 ("People in crisis, including those seen by street triage")');
    assert.strictEqual(where(STRATEGY, 'nested detail').loc.paragraph, 4);
    assert.strictEqual(where(STRATEGY, 'Carers').loc.paragraph, 5);
    assert.strictEqual(where(STRATEGY, 'After the list').loc.paragraph, 6);
  });

  it('gives a table row by table and row number, the header being row 1', () => {
    assert.strictEqual(where(STRATEGY, 'Sexual orientation').text, 'Adult mental health strategy › Equality impact assessment › Table 1, row 5 ("Sexual orientation | Not assessed: survey data awaited from…")');
    assert.deepStrictEqual(where(STRATEGY, '| Group').loc, { headingPath: ['Adult mental health strategy', 'Equality impact assessment'], kind: 'table row', table: 1, row: 1, quote: 'Group | Impact' });
    assert.strictEqual(where(STRATEGY, '| --- | --- |\n| Age', 2).loc.row, 1, 'the delimiter row belongs to the header');
    assert.deepStrictEqual(where(STRATEGY, 'Monitor uptake').loc, { headingPath: ['Adult mental health strategy', 'Equality impact assessment'], kind: 'table row', table: 2, row: 2, quote: 'Monitor uptake | CCG' });
    assert.strictEqual(where(STRATEGY, 'Between the tables').loc.paragraph, 1);
  });

  it('treats a bold line as a sub-heading in the path', () => {
    assert.strictEqual(where(STRATEGY, 'The day centre').text, 'Adult mental health strategy › Equality impact assessment › What we will stop › paragraph 1 ("The day centre closes.")');
  });

  it('places text before the first heading, front matter and blank lines', () => {
    assert.strictEqual(where(STRATEGY, 'Draft for the Board').text, 'Before the first heading › paragraph 1 ("Draft for the Board.")');
    // Front matter is where a Word document's properties go.
    const property = where(STRATEGY, 'title: Test');
    assert.deepStrictEqual(property.loc, { headingPath: [], kind: 'property', property: 'title', quote: 'Test' });
    assert.strictEqual(property.text, 'Document properties › title ("Test")');
    const blank = where(STRATEGY, 'Our purpose', -1).loc;
    assert.deepStrictEqual(blank, { headingPath: ['Adult mental health strategy'], kind: 'text', quote: '' });
    assert.strictEqual(core.formatLocation(blank), 'Adult mental health strategy');
  });

  it('clamps offsets outside the text', () => {
    const model = core.parseDocument(STRATEGY, {});
    assert.strictEqual(core.describeLocation(model, -5).headingPath.length, 0);
    assert.deepStrictEqual(core.describeLocation(model, 1e9).headingPath, ['Adult mental health strategy', 'Equality impact assessment', 'What we will stop']);
  });

  it('removes control characters from quotes and headings', () => {
    const md = '# Needs\u0007 today\n\nText\u0001with\u001b[31m escapes.';
    assert.strictEqual(where(md, 'Text').text, 'Needs today › paragraph 1 ("Text with [31m escapes.")');
  });

  it('locates a finding in Markdown converted from Word the same way', () => {
    const md = '# Strategy\n\n## Equality impact assessment\n\n| Group | Impact |\n| - | - |\n| Age | Positive |\n| Sex | Neutral |\n| Religion or belief | Neutral |\n| Sexual orientation | Not assessed<br>data awaited |\n';
    assert.strictEqual(where(md, 'Sexual orientation').text, 'Strategy › Equality impact assessment › Table 1, row 5 ("Sexual orientation | Not assessed data awaited")');
  });

  it('answers as describeLocation does at every offset of real documents, through locator', () => {
    const corpus = path.join(ROOT, 'test-fixtures', 'corpus');
    const docs = [STRATEGY, ...fs.readdirSync(corpus).filter((f) => f.endsWith('.md') && f !== 'README.md').sort().filter((_, i) => i % 10 === 0).map((f) => fs.readFileSync(path.join(corpus, f), 'utf8'))];
    let offsets = 0;
    for (const md of docs) {
      const model = core.parseDocument(md, {});
      const where = core.locator(model);
      for (let at = -1; at <= model.source.length; at++) {
        assert.deepStrictEqual(where(at), core.describeLocation(model, at), `offset ${at}`);
        offsets++;
      }
    }
    assert.ok(offsets > 50000, `${offsets} offsets`);
  });

  it('locates 20,000 findings in one section in well under a second', () => {
    const md = '# T\n\n## Section\n\n' + Array.from({ length: 20000 }, (_, i) => `Paragraph ${i} cites WCC 12 here.`).join('\n\n') + '\n';
    const model = core.parseDocument(md, {});
    const where = core.locator(model);
    const offsets = [];
    for (let i = 0, pos = 0; i < 20000; i++) offsets.push((pos = md.indexOf(`Paragraph ${i} `, pos)));
    const t = Date.now();
    let last;
    for (const at of offsets) last = where(at);
    assert.ok(Date.now() - t < 1000, `${Date.now() - t} ms`);
    assert.deepStrictEqual(last, { headingPath: ['T', 'Section'], kind: 'paragraph', paragraph: 20000, quote: 'Paragraph 19999 cites WCC 12 here.' });
  });
});
