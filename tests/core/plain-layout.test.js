// Text laid out by pdftotext -layout or a slide export (core/model/plain-layout.ts,
// and the layout readings in build.ts and text-tables.ts): running headers and
// footers are furniture, short lines standing alone are headings where nothing else
// is, indented text is prose, and a tick centred under its column is that column's.
const assert = require('node:assert');
const { core } = require('../helpers/core');

const model = (src) => core.parseDocument(src, {});
const headings = (src) => model(src).blocks.filter((b) => b.kind === 'heading').map((b) => b.text);

const page = (n, body) => `${body}\n\n\nHarrowfield Strategy                              December 2009\n                                                       Page ${n} of 3\n\n\n`;

describe('plain layout (PDF text and slides)', function () {
  it('drops running headers and footers and reads lone short lines as headings', function () {
    const src =
      page(1, '1.   Our Commitment to Local People\n\nThis strategy sets out how we will commission services for adults.') +
      page(2, '2.   Understanding Local Need\n\nAbout 30,000 adults have a common mental health problem.') +
      page(3, 'Who needs our help?\n\nPeople in the most deprived wards, and people leaving hospital.');
    assert.deepStrictEqual(headings(src), ['1. Our Commitment to Local People', '2. Understanding Local Need', 'Who needs our help?']);
    const m = model(src);
    assert.ok(!m.masked.includes('December 2009'), 'the running header is no prose');
    assert.ok(!m.masked.includes('Page 2'), 'the footer is no prose');
  });

  it('leaves short lines alone in a document with headings of its own', function () {
    const src = '# Strategy\n\n## Needs\n\nShort line here\n\nAnother short line\n\nA third one\n\nAnd a fourth\n\nText.';
    assert.deepStrictEqual(headings(src), ['Strategy', 'Needs']);
  });

  it('reads text indented four spaces as prose, not code, and a fenced block as code', function () {
    const m = model('# A\n\n    No.   Competency                        Where\n    5     Manage knowledge and assess needs Section 3\n    7     Stimulate the market              Section 6\n\n```\nWCC 9\n```\n');
    assert.ok(m.masked.includes('Stimulate the market'));
    assert.ok(!m.masked.includes('WCC 9'));
  });

  it('reads titles that open blocks of text with no blank lines (plain pdftotext)', function () {
    const wrap = 'This paragraph runs to the width of the page as text from a PDF does, and on';
    const src = ['Contents', '1. Purpose ........................ 2', '', `1. Purpose`, wrap, 'to a second line.', '2. Local needs', '2.1 Who we serve', wrap, '2009. Its successor is out for consultation and widens the focus of the', 'framework.', '3. Current services', wrap].join('\n');
    assert.deepStrictEqual(headings(src), ['Contents', '1. Purpose', '2. Local needs', '2.1 Who we serve', '3. Current services']);
    assert.ok(model(src).masked.includes('2009. Its successor'), 'a wrapped line that starts with a year is text');
  });

  it('reads a numbered run inside a section of a numbered list as its text (Word plain text)', function () {
    const wrap = 'This paragraph runs to the width of the page as a Word plain-text export writes it, and on.';
    const src = ['1.\tIntroduction', wrap, 'Over the life of this strategy we will:', '1.\tReduce waiting times for psychological therapies so that nobody waits more than six weeks.', '2.\tProvide a crisis response that can see people at home, day and night.', '', '2.\tThe national picture', wrap, '', '3.\tWho needs support', wrap].join('\n');
    assert.deepStrictEqual(headings(src), ['1. Introduction', '2. The national picture', '3. Who needs support']);
    assert.ok(model(src).masked.includes('Provide a crisis response'));
  });

  it('reads sections inside numbered list items and indented text, with its links', function () {
    const body = 'This assessment considers the likely impact of the strategy on each of the six strands.';
    const src = ['1.   Scope', '', `     ${body}`, '', '2.   Assessment by strand', '', '     Race', '', `     ${body}`, '', '3.   Conclusion', '', `     ${body}`, '     [Equality Impact Assessment](eqia.md)'].join('\n');
    assert.deepStrictEqual(headings(src), ['1. Scope', '2. Assessment by strand', 'Race', '3. Conclusion']);
    assert.deepStrictEqual(model(src).links.map((l) => l.url), ['eqia.md']);
    const indented = model(`Intro.\n\n    ${body}\n\n    CRISIS CARE CLOSER TO HOME\n\n    ${body}\n    [EqIA](e.md)\n`);
    assert.deepStrictEqual(indented.blocks.map((b) => b.kind), ['paragraph', 'paragraph', 'heading', 'paragraph']);
    assert.deepStrictEqual(indented.links.map((l) => l.url), ['e.md']);
  });

  it('reads a tick centred under its column header in an aligned table', function () {
    const src = [
      '  Protected characteristic         Positive   Negative   Neutral      Reason',
      '  Age                                 ✓                               Working-age adults gain',
      '  Sex',
      '  Religion or belief                                        ✓         No impact identified',
    ].join('\n');
    const table = model(src).blocks.find((b) => b.kind === 'table');
    assert.ok(table, 'read as a table');
    const cells = table.rows.map((r) => r.cells.map((c) => c.text.trim()));
    assert.deepStrictEqual(cells[1].slice(0, 2), ['Age', '✓']);
    assert.deepStrictEqual(cells[2], ['Sex', '', '', '', '']);
    assert.strictEqual(cells[3][3], '✓');
  });
});
