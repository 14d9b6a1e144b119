// Bad input to docxToMarkdown: every refusal is a one-line reason (the CLI puts
// the file name before it), nothing throws, nothing hangs. Crafted zips declare
// what a test chooses, independently of what they hold.
const assert = require('node:assert');
const path = require('node:path');
const zlib = require('node:zlib');
const { ROOT } = require('../helpers/core');
const { markdownToDocx } = require('../helpers/docx');
const { makeZip, deflateBomb } = require('../helpers/zip');

const { docxToMarkdown } = require(path.join(ROOT, 'dist', 'docx.js'));
const MB = 1024 * 1024;

/** Converts and insists on a refusal: one line, returned well within `ms`. */
async function refusal(bytes, ms = 2000) {
  const t = Date.now();
  const r = await docxToMarkdown(bytes);
  const took = Date.now() - t;
  assert.ok(r.error, `expected a refusal, got ${JSON.stringify(r).slice(0, 200)}`);
  assert.ok(!/[\r\n]/.test(r.error), 'one line');
  assert.ok(took < ms, `took ${took} ms`);
  return r.error;
}

/** An OLE compound file: its signature, then the stream names given, as UTF-16LE, in a directory sector. */
function compoundFile(...streams) {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const dir = streams.map((s) => Buffer.concat([Buffer.from(s, 'utf16le'), Buffer.alloc(128 - s.length * 2)]));
  return Buffer.concat([head, Buffer.alloc(504), ...dir, Buffer.alloc(512)]);
}

const DOC_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>';

describe('docx guards: not a Word document', () => {
  it('refuses a file over 50 MB before looking inside', async () => {
    const big = Buffer.alloc(73 * MB);
    big.write('PK\u0003\u0004', 'latin1');
    assert.strictEqual(await refusal(big), 'is 73 MB, over the 50 MB limit');
    assert.strictEqual(await refusal(Buffer.alloc(50 * MB + 300 * 1024)), 'is 50.3 MB, over the 50 MB limit');
  });

  it('refuses an empty file, text, RTF and a PDF', async () => {
    assert.strictEqual(await refusal(Buffer.alloc(0)), 'is empty');
    assert.strictEqual(await refusal(Buffer.from('# A Markdown file saved as .docx\n')), 'is not a Word document (.docx)');
    assert.strictEqual(await refusal(Buffer.from('%PDF-1.7\n')), 'is not a Word document (.docx)');
    assert.match(await refusal(Buffer.from('{\\rtf1\\ansi Hello}')), /^is a Rich Text \(RTF\) file, not a Word document \(\.docx\); save it as \.docx$/);
  });

  it('refuses an old binary .doc', async () => {
    assert.strictEqual(await refusal(compoundFile('Root Entry', 'WordDocument', '1Table')), 'is an old binary Word document (.doc); save it as .docx');
  });

  it('refuses a password-protected .docx (an encrypted package in a compound file)', async () => {
    assert.strictEqual(await refusal(compoundFile('Root Entry', 'EncryptionInfo', 'EncryptedPackage')), 'is password-protected; remove the password to lint it');
    assert.strictEqual(await refusal(compoundFile('Root Entry', 'EncryptedPackage')), 'is password-protected; remove the password to lint it');
  });

  it('refuses another old Office file', async () => {
    assert.strictEqual(await refusal(compoundFile('Root Entry', 'Workbook')), 'is an old binary Office file, not a Word document (.docx)');
  });

  it('refuses a zip that is not a Word document', async () => {
    assert.strictEqual(await refusal(makeZip([{ name: 'notes.txt', data: Buffer.from('hello') }])), 'is a zip file but not a Word document (.docx): it has no word/document.xml');
    assert.strictEqual(await refusal(makeZip([])), 'is a zip file but not a Word document (.docx): it has no word/document.xml');
    assert.strictEqual(await refusal(makeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }])), 'is an Excel workbook, not a Word document (.docx)');
    assert.strictEqual(await refusal(makeZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text'), method: 0 }, { name: 'content.xml', data: Buffer.from('<x/>') }])), 'is an OpenDocument file, not a Word document (.docx)');
  });
});

describe('docx guards: zip bombs, checked before and while inflating', () => {
  it('stops a 1 KB zip whose document declares 100 bytes and inflates to 900 KB (DEFLATE caps a 1 KB stream near 1 MB)', async () => {
    const stream = deflateBomb(3500);
    const zip = makeZip([{ name: 'word/document.xml', raw: stream, size: 100 }]);
    assert.ok(zip.length < 1100, `${zip.length} bytes`);
    assert.strictEqual(zlib.inflateRawSync(stream).length, 1 + 258 * 3500);
    assert.strictEqual(await refusal(zip), 'is not a safe zip: word/document.xml unpacks to more than the 100 bytes it declares (a zip bomb?)');
  });

  it('stops a 4 MB zip whose document declares 1 KB and would inflate to 4 GB, at once', async () => {
    const stream = deflateBomb(Math.ceil((4 * 1024 * MB) / 258));
    const zip = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
      { name: 'word/document.xml', raw: stream, size: 1024 },
    ]);
    assert.match(await refusal(zip, 1000), /^is not a safe zip: word\/document\.xml unpacks to more than the 1,024 bytes it declares/);
  });

  it('refuses, before inflating, a part declaring more than 100 MB', async () => {
    const zip = makeZip([{ name: 'word/document.xml', raw: deflateBomb(10), size: 150 * MB }]);
    assert.strictEqual(await refusal(zip, 200), 'has a part (word/document.xml) that unpacks to 150 MB, over the 100 MB limit for one part');
  });

  it('refuses, before converting, a document whose text declares more than 20 MB (conversion time grows with it)', async () => {
    const zip = makeZip([{ name: 'word/document.xml', raw: deflateBomb(10), size: 25 * MB }]);
    assert.strictEqual(await refusal(zip, 200), 'is too large to read: its text (word/document.xml) unpacks to 25 MB, over the 20 MB limit');
    const styles = makeZip([
      { name: 'word/document.xml', data: Buffer.from(DOC_XML) },
      { name: 'word/styles.xml', raw: deflateBomb(10), size: 21 * MB },
    ]);
    assert.strictEqual(await refusal(styles, 1000), 'is too large to read: a part (word/styles.xml) unpacks to 21 MB, over the 20 MB limit');
  });

  it('refuses, before inflating, parts declaring more than 200 MB together', async () => {
    const zip = makeZip([
      { name: 'word/document.xml', data: Buffer.from(DOC_XML) },
      ...[1, 2, 3].map((i) => ({ name: `word/media/image${i}.png`, raw: Buffer.alloc(10), size: 90 * MB })),
    ]);
    assert.strictEqual(await refusal(zip, 200), 'would unpack to more than 200 MB, over the limit');
  });

  it('refuses 100,000 entries, whether the count wraps past 65,535 or is given as ZIP64', async () => {
    const entries = Array.from({ length: 100000 }, (_, i) => ({ name: `word/p${i}.xml`, method: 0 }));
    entries[0] = { name: 'word/document.xml', data: Buffer.from(DOC_XML) };
    const message = 'has more than 5,000 parts, over the limit (a Word document has a few hundred at most)';
    assert.strictEqual(await refusal(makeZip(entries), 1000), message);
    assert.strictEqual(await refusal(makeZip(entries, { count: 0xffff }), 1000), message);
  });
});

describe('docx guards: damaged files', () => {
  let good;
  before(async () => {
    good = await markdownToDocx('# Strategy\n\n## Needs\n\n' + 'The population is growing and ageing. '.repeat(200));
  });

  it('reads the intact file (the baseline for the cases below)', async () => {
    const r = await docxToMarkdown(good);
    assert.ok(r.markdown && r.markdown.startsWith('# Strategy'), r.error);
  });

  it('refuses a truncated file', async () => {
    for (const keep of [0.1, 0.5, 0.9, 0.999]) {
      assert.match(await refusal(good.subarray(0, Math.floor(good.length * keep))), /^is damaged or incomplete \(no zip directory found: was the file cut short\?\)$/);
    }
  });

  it('refuses a file whose document part is cut short or garbled', async () => {
    const zip = makeZip([{ name: 'word/document.xml', raw: zlib.deflateRawSync(Buffer.from(DOC_XML.repeat(50))).subarray(0, 40), size: DOC_XML.length * 50 }]);
    assert.match(await refusal(zip), /^is damaged or incomplete \(word\/document\.xml cannot be unpacked: /);
    const junk = makeZip([{ name: 'word/document.xml', raw: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), size: 100 }]);
    assert.match(await refusal(junk), /^is damaged or incomplete \(word\/document\.xml cannot be unpacked: /);
  });

  it('refuses a document part that is not XML', async () => {
    const zip = makeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document><w:body><w:p>unclosed') }]);
    assert.match(await refusal(zip), /^could not be read as a Word document \(/);
  });

  it('refuses zip encryption, duplicate parts, and an unknown compression method', async () => {
    assert.strictEqual(await refusal(makeZip([{ name: 'word/document.xml', data: Buffer.from(DOC_XML), flags: 1 }])), 'uses zip encryption, which Word documents do not; it cannot be read');
    assert.strictEqual(await refusal(makeZip([{ name: 'word/document.xml', data: Buffer.from(DOC_XML) }, { name: 'word/document.xml', data: Buffer.from(DOC_XML) }])), 'is damaged or incomplete (the part word/document.xml appears twice)');
    assert.strictEqual(await refusal(makeZip([{ name: 'word/document.xml', raw: Buffer.from('BZh9'), method: 12, size: 100 }])), 'uses a compression method Word does not (12, for word/document.xml)');
  });

  it('refuses a directory that points outside the file', async () => {
    const zip = Buffer.from(makeZip([{ name: 'word/document.xml', data: Buffer.from(DOC_XML) }]));
    zip.writeUInt32LE(0x7fffffff, zip.length - 6);
    assert.strictEqual(await refusal(zip), 'is damaged or incomplete (its zip directory lies outside the file)');
  });

  it('does not expand XML entities (a "billion laughs" document)', async () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') + ']>';
    const xml = lol + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>';
    const t = Date.now();
    const r = await docxToMarkdown(makeZip([{ name: 'word/document.xml', data: Buffer.from(xml) }]));
    assert.ok(Date.now() - t < 2000);
    assert.match(r.error ?? '', /^could not be read as a Word document \(.*entity not found/, 'the entity is refused, not expanded');
  });

  it('never throws or hangs on damaged bytes (300 seeded corruptions of a real file)', async function () {
    this.timeout(60000);
    let seed = 7;
    const rand = (n) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    const started = Date.now();
    for (let i = 0; i < 300; i++) {
      const bad = Buffer.from(good);
      for (let k = 0, n = 1 + rand(8); k < n; k++) bad[rand(bad.length)] = rand(256);
      const t = Date.now();
      const r = await docxToMarkdown(bad);
      assert.ok(typeof r.markdown === 'string' || (typeof r.error === 'string' && !/[\r\n]/.test(r.error)), JSON.stringify(r).slice(0, 200));
      assert.ok(Date.now() - t < 3000, `corruption ${i} took ${Date.now() - t} ms`);
    }
    assert.ok(Date.now() - started < 30000);
  });
});
