// Word specifics of docx → Markdown: heading and Title styles, template styles
// through a style map, lists, tables (both EqIA orientations), bold lines,
// tracked changes, what is not content, images, links and determinism. Each
// "not content" case first shows mammoth itself would have kept the thing.
const assert = require('node:assert');
const path = require('node:path');
const mammoth = require('mammoth');
const { unzipSync, strFromU8, zipSync } = require('fflate');
const { ROOT, core, lintText } = require('../helpers/core');
const { markdownToDocx } = require('../helpers/docx');

const { docxToMarkdown } = require(path.join(ROOT, 'dist', 'docx.js'));

async function convert(md, build = {}, opts = {}) {
  const r = await docxToMarkdown(await markdownToDocx(md, build), opts);
  assert.ok(!r.error, r.error);
  return r;
}

/** mammoth's own HTML for the bytes, with its defaults: proof that a fixture holds what is dropped. */
async function mammothHtml(bytes) {
  return (await mammoth.convertToHtml({ buffer: bytes })).value;
}

describe('docx → Markdown: headings', () => {
  it('reads Heading 1–6 as # to ######', async () => {
    const md = [1, 2, 3, 4, 5, 6].map((n) => `${'#'.repeat(n)} Level ${n}\n\nText ${n}.`).join('\n\n');
    const { markdown } = await convert(md);
    assert.strictEqual(markdown, [1, 2, 3, 4, 5, 6].map((n) => `${'#'.repeat(n)} Level ${n}\n\nText ${n}.`).join('\n\n') + '\n');
  });

  it("reads Word's Title style as a top heading", async () => {
    const bytes = await markdownToDocx('# Mental health strategy 2024\n\n## Purpose\n\nText.', { title: true });
    assert.match(await mammothHtml(bytes), /<p>Mental health strategy 2024<\/p>/, 'mammoth alone reads Title as a paragraph');
    const { markdown, warnings } = await docxToMarkdown(bytes);
    assert.strictEqual(markdown, '# Mental health strategy 2024\n\n## Purpose\n\nText.\n');
    assert.deepStrictEqual(warnings, []);
  });

  it("reads a template's own heading styles through a style map", async () => {
    const md = '# Strategy\n\n## Local needs\n\nThe JSNA shows rising need.\n\n### Older people\n\nMore.';
    const bytes = await markdownToDocx(md, { headingStyle: 'NHS Heading' });
    const plain = await docxToMarkdown(bytes);
    assert.strictEqual(plain.markdown, 'Strategy\n\nLocal needs\n\nThe JSNA shows rising need.\n\nOlder people\n\nMore.\n');
    assert.ok(plain.warnings.some((w) => w.includes("'NHS Heading 2'") && w.includes("p[style-name='NHS Heading 2'] => h2:fresh")), plain.warnings.join('\n'));
    const styleMap = ['# NHS England template', '', "p[style-name='NHS Heading 1'] => h1:fresh", "p[style-name='NHS Heading 2'] => h2:fresh", "p[style-name='NHS Heading 3'] => h3:fresh"];
    const mapped = await docxToMarkdown(bytes, { styleMap });
    assert.strictEqual(mapped.markdown, md + '\n');
    assert.deepStrictEqual(mapped.warnings, []);
  });

  it('accepts style-map lines by style id, prefix, list level, runs and drops', async () => {
    const ok = [
      "p.NHSHeading2 => h2:fresh",
      "p[style-name^='NHS Heading'] => h3",
      "p[style-name='Box bullet']:unordered-list(1) => ul > li:fresh",
      "r[style-name='Key term'] => strong",
      "p[style-name='Drafting note'] => !",
      "p[style-name='Pull quote'] => blockquote",
    ];
    const r = await docxToMarkdown(await markdownToDocx('# A\n\nB'), { styleMap: ok });
    assert.ok(!r.error, r.error);
  });

  it('refuses a style-map line that is not plain mapping syntax, naming the line', async () => {
    const bytes = await markdownToDocx('# A');
    const bad = [
      "p[style-name='X'] => script",
      "p[style-name='X'] => a[href='javascript:alert(1)']",
      "p[style-name='X'] => h1.evil",
      "p[style-name='X' => h1",
      'p => h7',
      "r[style-name='X'] => h1",
      "p[style-name='X\\'] => h1",
      'hello',
    ];
    for (const line of bad) {
      const r = await docxToMarkdown(bytes, { styleMap: ["p[style-name='Fine'] => h2", line] });
      assert.ok(r.error, line);
      assert.match(r.error, /^style map line 2 is not a mapping this tool accepts: ".*"; write it like p\[style-name='NHS Heading 2'\] => h2:fresh$/, r.error);
    }
    assert.match((await docxToMarkdown(bytes, { styleMap: 'p => h1' })).error, /list of lines/);
  });
});

describe('docx → Markdown: lists, tables, bold lines', () => {
  it('keeps bulleted and numbered lists, nested', async () => {
    const md = '- Crisis line\n  - Out of hours\n  - Text service\n- Street triage\n\n1. Review the pathway\n   1. Map demand\n2. Commission the service';
    const { markdown } = await convert(md);
    assert.strictEqual(markdown, md + '\n');
  });

  it('keeps a row-per-group EqIA table as a pipe table, header first, each row one line', async () => {
    const md = [
      '## Equality impact assessment',
      '',
      '| Group | Impact | Mitigation |',
      '| --- | --- | --- |',
      '| Age | Positive: earlier help for young people | None needed |',
      '| Sexual orientation | Neutral<br>no differential impact identified | Monitor access |',
      '| Disability | Adverse, mitigated | Reasonable adjustments |',
    ].join('\n');
    const { markdown } = await convert(md);
    assert.strictEqual(
      markdown,
      [
        '## Equality impact assessment',
        '',
        '| Group | Impact | Mitigation |',
        '| - | - | - |',
        '| Age | Positive: earlier help for young people | None needed |',
        '| Sexual orientation | Neutral<br>no differential impact identified | Monitor access |',
        '| Disability | Adverse, mitigated | Reasonable adjustments |',
        '',
      ].join('\n'),
    );
    const groups = lintText(markdown, { policyId: 'equality-act-2010' }).coverage.eqia.groups;
    assert.strictEqual(groups.age.status, 'covered');
    assert.strictEqual(groups['sexual-orientation'].status, 'covered');
    assert.strictEqual(groups.disability.status, 'covered');
  });

  it('keeps a column-per-group EqIA table the same way', async () => {
    const md = [
      '## Equality impact assessment',
      '',
      '| | Age | Disability | Religion or belief |',
      '| --- | --- | --- | --- |',
      '| Impact | Positive | Neutral | Not assessed |',
      '| Reason | Younger people reached | No difference found | No data |',
    ].join('\n');
    const { markdown } = await convert(md);
    assert.ok(markdown.includes('| | Age | Disability | Religion or belief |\n| - | - | - | - |\n| Impact | Positive | Neutral | Not assessed |\n'), markdown);
    const groups = lintText(markdown, { policyId: 'equality-act-2010' }).coverage.eqia.groups;
    assert.strictEqual(groups.age.status, 'covered');
    assert.strictEqual(groups.disability.status, 'covered');
    assert.strictEqual(groups['religion-belief'].status, 'unassessed');
  });

  it('flattens block content in a cell (paragraphs, lists) to one line with <br>', async () => {
    const patch = (xml) =>
      xml.replace(
        /(<w:tc>(?:(?!<\/w:tc>).)*?)<w:p>((?:(?!<\/w:p>).)*?Split here(?:(?!<\/w:p>).)*?)<\/w:p>/s,
        (_, before) =>
          `${before}<w:p><w:r><w:t>First paragraph</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>a listed point</w:t></w:r></w:p><w:p><w:r><w:t>Line one</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>line two</w:t></w:r></w:p>`,
      );
    const { markdown } = await convert('- a list, for its numbering\n\n| Group | Impact |\n| --- | --- |\n| Age | Split here |', { patch });
    assert.ok(markdown.includes('| Age | First paragraph<br>• a listed point<br>Line one<br>line two |\n'), markdown);
  });

  it('keeps a paragraph that is only bold as **…**, which the linter reads as a sub-heading', async () => {
    const { markdown } = await convert('## Changes\n\n**What we will stop commissioning**\n\nThe day centre will close.');
    assert.strictEqual(markdown, '## Changes\n\n**What we will stop commissioning**\n\nThe day centre will close.\n');
    const model = core.parseDocument(markdown, {});
    const bold = model.sections.find((s) => s.title === 'What we will stop commissioning');
    assert.ok(bold && bold.heading.headingStyle === 'bold');
    assert.strictEqual(bold.parent.title, 'Changes');
  });

  it('keeps bold and italic runs inside prose', async () => {
    const { markdown } = await convert('We **will** commission *two* services.');
    assert.strictEqual(markdown, 'We **will** commission *two* services.\n');
  });

  it("reads Word's Quote style as a block quote, which the linter reads as someone else's words", async () => {
    const bytes = await markdownToDocx('The Act says:\n\n> A person has a disability if …\n>\n> (Equality Act 2010, section 6)');
    assert.match(await mammothHtml(bytes), /<p>A person has a disability if …<\/p>/, 'mammoth alone reads Quote as a paragraph');
    const { markdown } = await docxToMarkdown(bytes);
    assert.strictEqual(markdown, 'The Act says:\n\n> A person has a disability if …\n>\n> (Equality Act 2010, section 6)\n');
    assert.ok(core.parseDocument(markdown, {}).blocks.find((b) => b.text.startsWith('A person')).quoted);
  });
});

describe('the test builder (helpers/docx.js) writes what Word would hold', () => {
  it('HTML as the table, paragraphs and bold runs it shows; a table drawn with text as a Word table', async () => {
    const md = [
      '<p><strong>Equality</strong></p>',
      '<table><tr><th>Group</th><th>Impact</th></tr><tr><td>Age</td><td>Positive<br>for <em>all</em></td></tr></table>',
      '<strong>Monitoring</strong>',
      '+-------+----------+\n| Group | Impact   |\n+=======+==========+\n| Sex   | Neutral, |\n|       | reviewed |\n+-------+----------+',
      '  Group   Impact\n  ------- ----------\n  Race    **Positive**',
    ].join('\n\n');
    const { markdown } = await convert(md);
    assert.strictEqual(
      markdown,
      ['**Equality**', '| Group | Impact |\n| - | - |\n| Age | Positive<br>for *all* |', '**Monitoring**', '| Group | Impact |\n| - | - |\n| Sex | Neutral, reviewed |', '| Group | Impact |\n| - | - |\n| Race | **Positive** |'].join('\n\n') + '\n',
    );
  });
});

describe('docx → Markdown: tracked changes read as if accepted', () => {
  it('keeps insertions and drops deletions (w:ins, w:del)', async () => {
    const bytes = await markdownToDocx('We will {--not --}commission {++a crisis café and ++}street triage.');
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);
    assert.match(xml, /<w:ins /);
    assert.match(xml, /<w:del /);
    const { markdown } = await docxToMarkdown(bytes);
    assert.strictEqual(markdown, 'We will commission a crisis café and street triage.\n');
  });

  it('keeps moved-to text and drops moved-from text (w:moveTo, w:moveFrom)', async () => {
    const mv = (tag, text) => `<w:${tag} w:id="9" w:author="R" w:date="2024-01-01T00:00:00Z"><w:r><w:${tag === 'moveFrom' ? 'delText' : 't'} xml:space="preserve">${text}</w:${tag === 'moveFrom' ? 'delText' : 't'}></w:r></w:${tag}>`;
    const patch = (xml) => xml.replace('<w:t xml:space="preserve">FIRST</w:t></w:r>', `<w:t xml:space="preserve">FIRST</w:t></w:r>${mv('moveFrom', ' moved sentence.')}`).replace('<w:t xml:space="preserve">SECOND</w:t></w:r>', `<w:t xml:space="preserve">SECOND</w:t></w:r>${mv('moveTo', ' moved sentence.')}`);
    const { markdown } = await convert('FIRST\n\nSECOND', { patch });
    assert.strictEqual(markdown, 'FIRST\n\nSECOND moved sentence.\n');
  });

  it('joins paragraphs whose mark was deleted, and drops a deleted table row', async () => {
    const patch = (xml) =>
      xml
        .replace(/<w:p>(<w:r><w:t xml:space="preserve">Part one)/, '<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="R" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>$1')
        .replace(/<w:tr>((?:(?!<\/w:tr>).)*?Dropped row)/s, '<w:tr><w:trPr><w:del w:id="8" w:author="R" w:date="2024-01-01T00:00:00Z"/></w:trPr>$1');
    const { markdown } = await convert('Part one\n\nand part two.\n\n| A | B |\n| --- | --- |\n| Kept row | 1 |\n| Dropped row | 2 |', { patch });
    assert.strictEqual(markdown, 'Part oneand part two.\n\n| A | B |\n| - | - |\n| Kept row | 1 |\n');
  });
});

describe('docx → Markdown: what is not content', () => {
  it('drops comments (the commented text stays)', async () => {
    const bytes = await markdownToDocx('The service{>>Check with finance before the Board<<} will close.');
    assert.ok(strFromU8(unzipSync(new Uint8Array(bytes))['word/comments.xml']).includes('Check with finance'));
    assert.match(await mammoth.convertToHtml({ buffer: bytes }, { styleMap: ['comment-reference => sup'] }).then((r) => r.value), /Check with finance/);
    const { markdown } = await docxToMarkdown(bytes);
    assert.strictEqual(markdown, 'The service will close.\n');
  });

  it('drops page headers and footers', async () => {
    const bytes = await markdownToDocx('# Strategy\n\nBody text.', { header: 'OFFICIAL – SENSITIVE', footer: 'Page footer: version 1.3' });
    const files = unzipSync(new Uint8Array(bytes));
    assert.ok(Object.keys(files).some((f) => /header\d*\.xml$/.test(f) && strFromU8(files[f]).includes('OFFICIAL')));
    const { markdown } = await docxToMarkdown(bytes);
    assert.strictEqual(markdown, '# Strategy\n\nBody text.\n');
  });

  it('keeps footnotes as a list under "Notes" at the end (apparatus, as Markdown keeps its note definitions), without their markers and back-links', async () => {
    const bytes = await markdownToDocx('# Strategy\n\nThe Mental Health Act 1983 applies.[^1]\n\n## Equality\n\nText.\n\n[^1]: As amended in 2007; it also evidences WCC competencies 2, 5 & 7.');
    assert.match(await mammothHtml(bytes), /As amended in 2007/);
    const { markdown } = await docxToMarkdown(bytes);
    assert.strictEqual(markdown, '# Strategy\n\nThe Mental Health Act 1983 applies.\n\n## Equality\n\nText.\n\n## Notes\n\n1. As amended in 2007; it also evidences WCC competencies 2, 5 & 7.\n');
  });

  for (const [toc, how] of [
    ['control', "Word's References › Table of Contents (a content control, TOC-styled entries)"],
    ['styles', 'TOC-styled paragraphs outside a content control'],
    ['plain-control', 'a Table of Contents content control holding Normal paragraphs'],
  ]) {
    it(`drops a table of contents: ${how}`, async () => {
      const md = '# Strategy\n\n## Purpose\n\nWhy.\n\n## Local needs\n\nWhat.';
      const bytes = await markdownToDocx(md, { toc });
      assert.match(await mammothHtml(bytes), /Local needs(<\/a>)?\t|Local needs\t/, 'mammoth alone keeps the entries');
      const { markdown } = await docxToMarkdown(bytes);
      assert.strictEqual(markdown, md + '\n');
    });
  }

  it('never inlines an image: no base64, no image syntax, no alt text', async () => {
    const bytes = await markdownToDocx('Referrals rose.\n\n![Chart of referrals by age](chart.png)\n\nText ![icon](i.png) after.');
    assert.match(await mammothHtml(bytes), /src="data:image\/png;base64,/, 'mammoth alone inlines the image');
    const { markdown } = await docxToMarkdown(bytes);
    assert.strictEqual(markdown, 'Referrals rose.\n\nText after.\n');
  });

  it('ignores a style map embedded in the document (data in a document chooses nothing)', async () => {
    const bytes = await markdownToDocx('Plain paragraph.');
    const embedded = await mammoth.embedStyleMap({ buffer: bytes }, "p[style-name='Normal'] => h1:fresh\np => h1:fresh");
    const withMap = embedded.toBuffer();
    assert.match(await mammothHtml(withMap), /<h1>Plain paragraph/, 'mammoth alone applies it');
    const { markdown } = await docxToMarkdown(withMap);
    assert.strictEqual(markdown, 'Plain paragraph.\n');
  });
});

describe('docx → Markdown: links', () => {
  it('keeps web, mail and relative links; a bookmark link or unsafe scheme becomes text', async () => {
    const md = 'See [the Act](https://www.legislation.gov.uk/ukpga/1983/20), [the EqIA](eqia.md), [mail](mailto:team@example.org), [bad](javascript:alert(1)) and [file](file:///etc/passwd).';
    const { markdown } = await convert(md);
    assert.strictEqual(markdown, 'See [the Act](https://www.legislation.gov.uk/ukpga/1983/20), [the EqIA](eqia.md), [mail](mailto:team@example.org), bad and file.\n');
    const patch = (xml) => xml.replace(/<w:r>(<w:t xml:space="preserve">Back to top<\/w:t><\/w:r>)/, '<w:hyperlink w:anchor="_Top"><w:r>$1</w:hyperlink>');
    const r = await convert('Back to top', { patch });
    assert.strictEqual(r.markdown, 'Back to top\n');
  });
});

describe('docx → Markdown: determinism', () => {
  it('gives the same Markdown for the same bytes, and for the same document built twice', async () => {
    const md = '# S\n\n## EqIA\n\n| Group | Impact |\n| --- | --- |\n| Age | Positive |\n\n- a\n- b';
    const a = await markdownToDocx(md);
    const b = await markdownToDocx(md);
    const [x, y, z] = await Promise.all([docxToMarkdown(a), docxToMarkdown(a), docxToMarkdown(b)]);
    assert.strictEqual(x.markdown, y.markdown);
    assert.strictEqual(x.markdown, z.markdown);
  });

  it('reads a docx that was re-zipped by another tool (stored entries, other order)', async () => {
    const files = unzipSync(new Uint8Array(await markdownToDocx('# Strategy\n\nText.')));
    const reordered = Object.fromEntries(Object.entries(files).reverse().map(([k, v]) => [k, [v, { level: 0 }]]));
    const { markdown } = await docxToMarkdown(zipSync(reordered));
    assert.strictEqual(markdown, '# Strategy\n\nText.\n');
  });
});
