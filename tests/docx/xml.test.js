// The fast XML reader (engine/docx/xml.ts) against mammoth's own (xmldom, then
// mammoth's tree): the same tree for every part mammoth reads while converting
// real documents (recorded from mammoth itself), the same verdict on malformed
// XML, and linear time on hostile input.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const mammoth = require('mammoth');
const mammothXml = require('mammoth/lib/xml');
const nodes = require('mammoth/lib/xml/nodes');
const { ROOT } = require('../helpers/core');
const { markdownToDocx } = require('../helpers/docx');

const { readXml, collapseAlternateContent, FAST_XML, FAST_ALTERNATE_CONTENT } = require(path.join(ROOT, 'dist', 'docx.js'));
const officeXmlReader = require('mammoth/lib/docx/office-xml-reader');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS = { [W]: 'w', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r' };

const FEATURES = `---
title: "Features & <escapes>"
wcc: [2, 5]
---

# Strategy {++inserted++}{--deleted--}

Text with **bold**, *italic*, a [link](https://example.org/a?b=1&c=2) and a note.[^1]{>>a comment<<}

1. one
   - nested
2. two

| Group | Impact |
|---|---|
| Age | Positive<br>second line |

\`\`\`
code & <things>
\`\`\`

[^1]: The note.
`;

/** Every (xml, namespace map) mammoth's reader is given while converting `bytes`, and its tree. */
async function recorded(bytes) {
  const original = mammothXml.readString;
  const calls = [];
  mammothXml.readString = (xml, map) => original(xml, map).then((tree) => (calls.push({ xml, map, tree }), tree));
  try {
    await mammoth.convertToHtml({ buffer: bytes });
  } finally {
    mammothXml.readString = original;
  }
  return calls;
}

describe('fast XML reader', function () {
  this.timeout(120000);

  it('is the reader the bundled converter uses', () => {
    assert.strictEqual(FAST_XML, true);
    assert.strictEqual(FAST_ALTERNATE_CONTENT, true);
  });

  it("collapses mc:AlternateContent as mammoth's office-xml-reader does", async () => {
    const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
    const map = { [W]: 'w', [MC]: 'mc' };
    const doc = (body) => `<w:document xmlns:w="${W}" xmlns:mc="${MC}"><w:body>${body}</w:body></w:document>`;
    const alt = (fallbacks, choice = '<mc:Choice Requires="x"><w:p><w:r><w:t>choice</w:t></w:r></w:p></mc:Choice>') => `<mc:AlternateContent>${choice}${fallbacks}</mc:AlternateContent>`;
    const p = (t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const cases = [
      doc(p('plain')),
      doc(p('a') + alt(`<mc:Fallback>${p('fallback')}${p('two')}</mc:Fallback>`) + p('b')),
      doc(alt('<mc:Fallback>text<w:p/></mc:Fallback><mc:Fallback>' + p('second') + '</mc:Fallback>')),
      doc(alt('') + alt('<mc:Fallback/>') + p('after')),
      // A fallback holding another AlternateContent: mammoth does not look into it again.
      doc(alt(`<mc:Fallback>${alt(`<mc:Fallback>${p('inner')}</mc:Fallback>`)}</mc:Fallback>`)),
      doc(`<w:p><w:r>${alt(`<mc:Fallback><w:t>in a run</w:t></mc:Fallback>`)}<w:t>x</w:t></w:r></w:p>${alt('<mc:Fallback/>')}`),
      alt(`<mc:Fallback>${p('root')}</mc:Fallback>`).replace('<mc:AlternateContent>', `<mc:AlternateContent xmlns:w="${W}" xmlns:mc="${MC}">`),
    ];
    for (const xml of cases) {
      const expected = await officeXmlReader.read(xml);
      const tree = await mammothXml.readString(xml, map);
      assert.deepStrictEqual(collapseAlternateContent(tree)[0], expected, xml);
    }
  });

  it("gives mammoth's tree for every part of real documents", async () => {
    const corpus = path.join(ROOT, 'test-fixtures', 'corpus');
    const docs = [FEATURES, ...fs.readdirSync(corpus).filter((f) => f.endsWith('.md') && f !== 'README.md').sort().filter((_, i) => i % 8 === 0).map((f) => fs.readFileSync(path.join(corpus, f), 'utf8'))];
    let parts = 0;
    for (const md of docs) {
      for (const opts of [{}, { title: true, toc: 'control', header: 'OFFICIAL', footer: 'Page' }]) {
        for (const call of await recorded(await markdownToDocx(md, opts))) {
          assert.deepStrictEqual(readXml(call.xml, call.map, nodes), call.tree);
          parts++;
        }
      }
    }
    assert.ok(parts > 100, `${parts} parts`);
  });

  it('reads what mammoth reads, and refuses what it refuses', async () => {
    const doc = (body, extra = '') => `<w:document xmlns:w="${W}"${extra}>${body}</w:document>`;
    const cases = {
      'an unbound prefix': doc('<x:p a="1"/>'),
      CDATA: doc('<w:t>a<![CDATA[b<c]]>d</w:t>'),
      'line ends': doc('<w:t a="x\r\ny\tz">a\r\nb\rc</w:t>'),
      references: doc('<w:t>&lt;&#65;&#x42;&amp;&quot;&apos;&gt;</w:t>'),
      'a raw ampersand and >': doc('<w:t>a & b > c</w:t>'),
      'xml:space': doc('<w:t xml:space="preserve"> a </w:t>'),
      'a default namespace': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Target="a&amp;b"/></Relationships>',
      'a redeclared prefix': doc('<w:p xmlns:w="urn:other"><w:r/></w:p>'),
      'comments, processing instructions, a prolog': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!-- c -->${doc('<!-- d --><w:t>x</w:t><?pi x?>')}`,
      'white space around the root and trailing text': `  ${doc('')}  junk`,
      'single-quoted and spaced attributes': doc(`<w:p w:a = 'v' w:b="x'y"/>`),
      'an unknown entity': doc('<w:t>&nbsp;</w:t>'),
      'a mismatched end tag': doc('<w:p></w:r>'),
      'an unclosed element': `<w:document xmlns:w="${W}"><w:p>`,
      'two roots': '<a/><b/>',
      'an unquoted attribute': '<a x=1/>',
      'a repeated attribute': '<a x="1" x="2"/>',
      'nothing at all': '',
    };
    for (const [what, xml] of Object.entries(cases)) {
      let theirs;
      let ours;
      try {
        theirs = { tree: await mammothXml.readString(xml, NS) };
      } catch (err) {
        theirs = { error: true };
      }
      try {
        ours = { tree: readXml(xml, NS, nodes) };
      } catch (err) {
        ours = { error: true, message: err.message };
      }
      if (theirs.error) assert.ok(ours.error, `${what}: mammoth refuses it, the fast reader gave ${JSON.stringify(ours.tree)}`);
      else assert.deepStrictEqual(ours, theirs, what);
    }
  });

  it('says what is malformed, and never expands an entity', () => {
    assert.throws(() => readXml('<a><b></a>', NS, nodes), /the XML is not well-formed \(<\/a> closes <b>, at character 6\)/);
    const lol = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;">]><a>&lol1;</a>';
    assert.throws(() => readXml(lol, NS, nodes), /entity not found: &lol1;/);
    // Nesting no Word document has is refused before it costs anything.
    assert.throws(() => readXml('<a>'.repeat(5000) + '</a>'.repeat(5000), NS, nodes), /elements are nested more than 1000 deep/);
  });

  it('takes time in proportion to the text, on hostile input too', () => {
    const cost = (make) => {
      const small = make(20000);
      const big = make(160000);
      const t = (x) => {
        const s = process.hrtime.bigint();
        try {
          readXml(x, NS, nodes);
        } catch {
          // refused is fine: only the time matters
        }
        return Number(process.hrtime.bigint() - s) / 1e6;
      };
      t(small);
      // Best of three: one run can meet a collection or a busy machine (783 ms once, under load).
      const best = (x) => Math.min(t(x), t(x), t(x));
      return [Math.max(best(small), 0.5), best(big)];
    };
    for (const [what, make] of Object.entries({
      'many attributes on one tag': (n) => `<a ${Array.from({ length: n }, (_, i) => `x${i}="1"`).join(' ')}/>`,
      'deep nesting': (n) => '<a>'.repeat(n) + '</a>'.repeat(n),
      'many references': (n) => `<a>${'&amp;'.repeat(n)}</a>`,
      'an unclosed comment': (n) => `<a>${'<!-'.repeat(n)}`,
      'a long DOCTYPE': (n) => `<!DOCTYPE a [${'['.repeat(n)}`,
      'lone ampersands': (n) => `<a>${'& '.repeat(n)}</a>`,
    })) {
      const [small, big] = cost(make);
      assert.ok(big < small * 8 * 4 + 50, `${what}: ${small.toFixed(1)} ms for 20k, ${big.toFixed(1)} ms for 160k`);
    }
  });
});
