// mammoth writing hast directly (engine/docx/hast-writer.ts) against writing
// HTML and parsing it again (hast-util-from-html, as phase 1 did): the same
// Markdown for a quarter of the labelled corpus (all of it with ORACLE_FULL=1) and for a document with
// every Word feature the converter reads.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const mammoth = require('mammoth');
const { ROOT, corpusDocs } = require('../helpers/core');
const { markdownToDocx } = require('../helpers/docx');

const { docxToMarkdown, htmlToMarkdown, mammothOptions, HAST_WRITER } = require(path.join(ROOT, 'dist', 'docx.js'));

const FEATURES = `# Strategy {++inserted++}{--deleted--}

Text with **bold**, *italic*, ~~struck~~, a [link](https://example.org/a?b=1&c=2 "t") & a note.[^1]{>>a comment<<}  
A line break, <angle> brackets, 1. not a list, # not a heading, | a pipe |.

1. one
   - nested **bold**
     1. deeper
2. two

- [x] done

| Group | Impact | Notes |
|---|---|---|
| Age | Positive<br>second line | - a<br>- b |
| Sex | | Neutral |

> quoted

\`\`\`
code & <things>
  indented
\`\`\`

![an image](x.png)

[^1]: The note.
`;

describe('hast writer', function () {
  this.timeout(300000);

  it('is the writer the bundled converter uses', () => {
    assert.strictEqual(HAST_WRITER, true);
  });

  it('gives the Markdown that parsing mammoth\'s HTML gives, over a quarter of the corpus', async () => {
    const corpus = path.join(ROOT, 'test-fixtures', 'corpus');
    const docs = [['features', FEATURES], ...corpusDocs(corpus)];
    for (const [name, md] of docs) {
      for (const build of [{}, { title: true, headingStyle: undefined }]) {
        const bytes = await markdownToDocx(md, build);
        const viaHtml = htmlToMarkdown((await mammoth.convertToHtml({ buffer: bytes }, mammothOptions([]))).value);
        const direct = (await docxToMarkdown(bytes)).markdown.replace(/^---\n[\s\S]*?\n---\n\n/, '');
        assert.strictEqual(direct, viaHtml, name);
      }
    }
  });
});
