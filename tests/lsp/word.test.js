// Word documents in the built language server: the workspace sweep reports
// .docx strategies (each finding at the file's start, saying where it is in
// Word), a template's heading styles through the config's style map, a file it
// cannot read as one line; the lintWordDocuments setting turns them off; an
// open Markdown strategy follows a linked Word EqIA; and the conversion the
// client's "Import Word Strategy as Markdown" command asks for.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startClient, uriOf } = require('./lsp-client');
const { EXAMPLE, makeWorkspace, withoutSection } = require('./fixtures');
const { markdownToDocx } = require('../helpers/docx');

const BODY = EXAMPLE.replace(/^---\n[\s\S]*?\n---\n/, '');
const EQIA = `# Equality Impact Assessment\n\n${EXAMPLE.slice(EXAMPLE.indexOf('| Group |'), EXAMPLE.indexOf('\nData on the experience'))}`;
const LINKING = `${withoutSection(EXAMPLE, 'Equality Impact Assessment')}\n## Equality Impact Assessment\n\nSee [the full assessment](eqia.docx).\n`;

describe('language server: Word documents', function () {
  this.timeout(60000);
  let dir;
  let c;
  before(async () => {
    dir = makeWorkspace({
      'strategy.md': EXAMPLE,
      'word/strategy.docx': await markdownToDocx(EXAMPLE),
      'word/~$rategy.docx': 'owner file',
      'word/scan.docx': 'not a Word document',
      'linking/strategy.md': LINKING,
      'linking/eqia.docx': await markdownToDocx(EQIA),
      'templated/.commissioning-lint.yaml': "docx:\n  styleMap:\n    - \"p[style-name='NHS Heading 1'] => h1:fresh\"\n    - \"p[style-name='NHS Heading 2'] => h2:fresh\"\n",
      'templated/strategy.docx': await markdownToDocx(BODY, { headingStyle: 'NHS Heading' }),
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => c?.stop());

  const pullWorkspace = async () => {
    const r = await c.request('workspace/diagnostic', { previousResultIds: [] });
    return Object.fromEntries(r.items.map((x) => [path.relative(dir, new URL(x.uri).pathname), x.items]));
  };

  it('reports .docx strategies in the workspace, each finding saying where it is in Word', async () => {
    c = await startClient({ folder: dir });
    const byFile = await pullWorkspace();
    assert.deepEqual(Object.keys(byFile).sort(), ['linking/eqia.docx', 'linking/strategy.md', 'strategy.md', 'templated/strategy.docx', 'word/scan.docx', 'word/strategy.docx']);
    const word = byFile['word/strategy.docx'];
    assert.deepEqual(word.map((d) => d.code), byFile['strategy.md'].map((d) => d.code));
    for (const d of word) assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const unassessed = word.find((d) => d.code === 'eqia-group-unassessed');
    assert.match(unassessed.message, / \(in Northvale Adult Mental Health Commissioning Strategy 2025–2030 › Equality Impact Assessment › Table 1, row 7 \("Sexual orientation \| \|"\)\)$/);
    // The config's style map makes the template's headings headings: no element is missing.
    assert.ok(!byFile['templated/strategy.docx'].some((d) => d.code === 'ipc-element-missing'), JSON.stringify(byFile['templated/strategy.docx']));
    assert.deepEqual(byFile['word/scan.docx'].map((d) => [d.code, d.message]), [['file-unreadable', 'This file was not linted: is not a Word document (.docx)']]);
    // The Word EqIA a strategy links is part of that strategy, not one of its own.
    assert.deepEqual(byFile['linking/eqia.docx'], []);
    assert.ok(!byFile['linking/strategy.md'].some((d) => d.code === 'eqia-link-invalid' || d.code === 'eqia-group-missing'), JSON.stringify(byFile['linking/strategy.md']));
  });

  it('leaves .docx out with lintWordDocuments off', async () => {
    c = await startClient({ folder: dir, settings: { lintWordDocuments: false } });
    const byFile = await pullWorkspace();
    assert.deepEqual(Object.keys(byFile).sort(), ['linking/strategy.md', 'strategy.md']);
  });

  it('follows a linked Word EqIA from an open Markdown strategy', async () => {
    c = await startClient({ folder: dir });
    const uri = uriOf(path.join(dir, 'linking', 'strategy.md'));
    await c.open(uri, LINKING);
    const r = await c.diagnostics(uri);
    const codes = r.items.map((d) => d.code);
    assert.ok(!codes.includes('eqia-link-invalid') && !codes.includes('eqia-group-missing'), JSON.stringify(r.items));
    assert.ok(codes.includes('eqia-group-unassessed'), 'the EqIA table leaves sexual orientation unassessed');
  });

  it('converts a .docx for the import command (and writes nothing)', async () => {
    c = await startClient({ folder: dir });
    const before = fs.readdirSync(path.join(dir, 'word')).sort();
    const ok = await c.request('commissioningLint/convertWord', { uri: uriOf(path.join(dir, 'word', 'strategy.docx')) });
    assert.match(ok.markdown, /^---\ntitle: Northvale Adult Mental Health Commissioning Strategy 2025–2030\n[\s\S]*\n---\n\n# Northvale Adult Mental Health Commissioning Strategy 2025–2030\n/);
    const mapped = await c.request('commissioningLint/convertWord', { uri: uriOf(path.join(dir, 'templated', 'strategy.docx')) });
    assert.match(mapped.markdown, /^# Northvale Adult Mental Health Commissioning Strategy 2025–2030\n\n## Our vision and commitments\n/);
    assert.deepEqual(await c.request('commissioningLint/convertWord', { uri: uriOf(path.join(dir, 'word', 'scan.docx')) }), { error: 'is not a Word document (.docx)' });
    assert.deepEqual(await c.request('commissioningLint/convertWord', { uri: uriOf(path.join(dir, 'strategy.md')) }), { error: 'is not a Word document (.docx)' });
    assert.deepEqual(await c.request('commissioningLint/convertWord', { uri: 42 }), { error: 'is not a file on disk' });
    assert.deepEqual(fs.readdirSync(path.join(dir, 'word')).sort(), before);
  });
});
