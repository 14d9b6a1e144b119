// The built language server driven over stdio by a real JSON-RPC client:
// every capability the issue lists, answered from the Northvale example and
// variants of it. One server serves the whole file (start-up is the slow part).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { startClient, uriOf } = require('./lsp-client');
const { EXAMPLE, variants, makeWorkspace, posOf } = require('./fixtures');

const SETTINGS_OFF = { enable: false };
const SETTINGS_STRICT = { rules: { 'wcc-coverage': 'off', 'legislation-superseded': 'error' } };

describe('language server: capabilities over stdio', function () {
  let dir;
  let c;
  const settingsByFolder = { off: SETTINGS_OFF, strict: SETTINGS_STRICT };
  const open = async (name, text) => {
    const uri = uriOf(path.join(dir, name));
    await c.open(uri, text);
    return uri;
  };
  const codes = (report) => report.items.map((d) => d.code);

  before(async function () {
    dir = makeWorkspace({ 'strategy.md': EXAMPLE });
    c = await startClient({
      folder: dir,
      // Settings are asked per resource: the sub-folder decides.
      settings: (scopeUri) => {
        const parts = scopeUri ? path.relative(dir, new URL(scopeUri).pathname).split(path.sep) : [];
        const sub = parts.length > 1 ? parts[0] : '';
        return settingsByFolder[sub] ?? {};
      },
    });
  });
  after(async function () {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('advertises pull diagnostics, workspace diagnostics and every feature', async function () {
    const caps = c.initializeResult.capabilities;
    assert.deepEqual(caps.diagnosticProvider, { identifier: 'commissioning-lint', interFileDependencies: true, workspaceDiagnostics: true });
    for (const k of ['hoverProvider', 'completionProvider', 'codeActionProvider', 'documentLinkProvider', 'documentSymbolProvider', 'codeLensProvider']) assert.ok(caps[k], k);
    assert.equal(caps.textDocumentSync.change, 2, 'incremental sync');
    assert.equal(c.initializeResult.serverInfo.name, 'commissioning-lint');
    // Settings changes and file events are registered dynamically, once initialised.
    for (let i = 0; i < 100 && c.registrations.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    const methods = c.registrations.map((r) => r.method);
    assert.ok(methods.includes('workspace/didChangeConfiguration'));
    assert.ok(methods.includes('workspace/didChangeWatchedFiles'));
  });

  it('pulls diagnostics with source, rule code, docs link and fix data; unchanged when nothing changed', async function () {
    const uri = await open('strategy.md', EXAMPLE);
    const r = await c.diagnostics(uri);
    assert.equal(r.kind, 'full');
    assert.deepEqual(codes(r), ['wcc-coverage', 'legislation-superseded', 'eqia-group-unassessed']);
    for (const d of r.items) {
      assert.equal(d.source, 'commissioning-lint');
      assert.match(d.codeDescription.href, new RegExp(`/docs/rules/${d.code}\\.md$`));
      assert.ok(d.data && typeof d.data.kind === 'string');
    }
    const dda = r.items.find((d) => d.code === 'legislation-superseded');
    // 1-based core positions arrive 0-based: "Disability Discrimination Act 2005" on line 37, column 37.
    assert.deepEqual(dda.range, { start: { line: 36, character: 36 }, end: { line: 36, character: 70 } });
    assert.equal(dda.severity, 3);
    const again = await c.diagnostics(uri, r.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: r.resultId });
  });

  describe('hover', function () {
    const hover = async (uri, text, needle, delta = 1) => {
      const h = await c.request('textDocument/hover', { textDocument: { uri }, position: posOf(text, needle, delta) });
      return h?.contents.value ?? '';
    };
    let uri;
    before(async function () {
      uri = uriOf(path.join(dir, 'strategy.md'));
    });

    it('explains a cited Act: summary, status, link to legislation.gov.uk', async function () {
      const v = await hover(uri, EXAMPLE, 'Mental Capacity Act 2005');
      assert.match(v, /\*\*Mental Capacity Act 2005\*\*/);
      assert.match(v, /best interests/);
      assert.match(v, /Status:\* In force/);
      assert.match(v, /https:\/\/www\.legislation\.gov\.uk\/ukpga\/2005\/9/);
    });

    it('names the successor of a superseded Act', async function () {
      const v = await hover(uri, EXAMPLE, 'Disability Discrimination Act 2005');
      assert.match(v, /Repealed in Great Britain by the Equality Act 2010/);
      assert.match(v, /Superseded by the \[Equality Act 2010\]\(https:\/\/www\.legislation\.gov\.uk\/ukpga\/2010\/15\)/);
    });

    it('gives a WCC tag its number, name and description', async function () {
      const v = await hover(uri, EXAMPLE, 'WCC 7 – Stimulate');
      assert.match(v, /WCC competency 7: Stimulate the market/);
      assert.match(v, /range of providers/);
    });

    it('says which IPC element a heading was matched to', async function () {
      const v = await hover(uri, EXAMPLE, '## What the JSNA tells us', 4);
      assert.match(v, /IPC element: Needs analysis\*\* \(`needs`\), matched by its heading; present/);
    });

    it('gives an equality group in the EqIA its status', async function () {
      assert.match(await hover(uri, EXAMPLE, '| Disability |', 3), /Equality group: disability\*\*\n\nEqIA status: covered/);
      assert.match(await hover(uri, EXAMPLE, '| Sexual orientation |', 3), /EqIA status: named but not assessed/);
    });

    it('has nothing to say about plain prose', async function () {
      assert.equal(await hover(uri, EXAMPLE, 'Several Acts and'), '');
    });
  });

  describe('completion', function () {
    const complete = async (uri, position, context) => (await c.request('textDocument/completion', { textDocument: { uri }, position, context })).items;

    it('offers the eleven competencies after "WCC "', async function () {
      const text = EXAMPLE.replace('(WCC 1 – Locally lead the NHS)', '(WCC ');
      const uri = await open('complete-wcc.md', text);
      const items = await complete(uri, posOf(text, '(WCC ', 5), { triggerKind: 2, triggerCharacter: ' ' });
      assert.equal(items.length, 11);
      assert.equal(items[4].label, '5 – Manage knowledge and assess needs');
      assert.match(items[4].documentation.value, /JSNA/);
      assert.equal(items[10].textEdit.newText, '11 – Make sound financial investments');
    });

    it('offers headings for the IPC elements the strategy lacks, with a marker where the title alone is not recognised', async function () {
      const text = variants.noEvidence.replace('## Where are we now?', '## Where are we now?').replace('## How we will know', '## \n\n## How we will know');
      const uri = await open('complete-heading.md', text);
      const items = await complete(uri, posOf(text, '## \n', 3), { triggerKind: 2, triggerCharacter: ' ' });
      assert.deepEqual(items.map((i) => i.label), ['Research and good practice']);
      assert.equal(items[0].textEdit.newText, 'Research and good practice');
    });

    it('offers the missing groups as rows below an EqIA table', async function () {
      const text = variants.missingGroup.replace('| Religion or belief | Neutral | No differential impact identified; faith groups will be consulted on the crisis house design. |\n', (row) => `${row}\n`);
      const uri = await open('complete-eqia.md', text);
      const lines = text.split('\n');
      const blank = lines.findIndex((l, i) => l === '' && lines[i - 1]?.startsWith('| Religion'));
      const items = await complete(uri, { line: blank, character: 0 }, { triggerKind: 1 });
      assert.deepEqual(items.map((i) => i.label), ['lesbian, gay and bisexual people']);
      assert.equal(items[0].textEdit.newText, '| lesbian, gay and bisexual people |  |  |');
    });

    it('completes Act titles as they are typed, current Acts first', async function () {
      const text = EXAMPLE.replace('Several Acts and national policies', 'Mental Cap');
      const uri = await open('complete-act.md', text);
      const items = await complete(uri, posOf(text, 'Mental Cap', 10), { triggerKind: 1 });
      assert.deepEqual(items.map((i) => i.label), ['Mental Capacity Act 2005']);
      const eq = await complete(uri, posOf(text, 'Mental Cap', 10), { triggerKind: 2, triggerCharacter: ' ' });
      assert.deepEqual(eq, [], 'typing a space never pops up Act titles');
    });
  });

  describe('code actions', function () {
    /** Opens a variant, applies the preferred fix for `rule`, and returns the diagnostics after it. */
    const fixAndRelint = async (name, text, rule, pick = (a) => a.isPreferred, which = () => true) => {
      const uri = await open(`${name}.md`, text);
      const before = await c.diagnostics(uri);
      const d = before.items.find((x) => x.code === rule && which(x));
      assert.ok(d, `${rule} reported for ${name}: ${codes(before)}`);
      const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const action = actions.find(pick);
      assert.ok(action, `a fix for ${rule}: ${actions.map((a) => a.title)}`);
      assert.equal(action.kind, 'quickfix');
      await c.apply(action.edit);
      const after = await c.diagnostics(uri, before.resultId);
      assert.equal(after.kind, 'full');
      return { action, before, after, text: c.text(uri), d };
    };

    it('inserts a missing IPC section skeleton before the next element, as an honest draft', async function () {
      const { action, after, text } = await fixAndRelint('fix-element', variants.noEvidence, 'ipc-element-missing');
      assert.equal(action.title, 'Add a "Research and good practice" section');
      assert.ok(!codes(after).includes('ipc-element-missing'));
      // The new section sits before "What we will do differently" and still needs writing.
      assert.ok(text.indexOf('## Research and good practice') < text.indexOf('## What we will do differently'));
      assert.ok(codes(after).includes('ipc-element-empty'));
    });

    it('adds the missing EqIA groups as table rows', async function () {
      const { after, text } = await fixAndRelint('fix-groups', variants.missingGroup, 'eqia-group-missing');
      assert.ok(!codes(after).includes('eqia-group-missing'));
      assert.match(text, /\| Religion or belief \|[^\n]*\|\n\| lesbian, gay and bisexual people \| {2}\| {2}\|/);
    });

    it('adds a whole EqIA when there is none, and fills a placeholder one', async function () {
      const a = await fixAndRelint('fix-eqia', variants.noEqia, 'eqia-missing');
      assert.ok(!codes(a.after).includes('eqia-missing'));
      assert.match(a.text, /## Equality Impact Assessment\n\n<!--[^\n]*-->\n\| Group \| Impact \|/);
      const b = await fixAndRelint('fix-eqia-placeholder', variants.placeholderEqia, 'eqia-missing');
      assert.ok(!codes(b.after).includes('eqia-missing'));
      assert.ok(!codes(b.after).includes('eqia-group-missing'));
    });

    it('corrects a WCC tag to the right number for its name, or the right name for its number', async function () {
      const { action, after } = await fixAndRelint('fix-wcc', variants.badWcc, 'wcc-tag-invalid', (a) => a.title.startsWith('Change to'), (d) => d.data.candidates.length > 0);
      assert.equal(action.title, 'Change to "WCC 6 – Prioritise investment"');
      assert.equal(codes(after).filter((x) => x === 'wcc-tag-invalid').length, 1, 'only "WCC 12" is left');
    });

    it('replaces a superseded Act with its successor', async function () {
      const { after, text } = await fixAndRelint('fix-act', EXAMPLE, 'legislation-superseded');
      assert.ok(!codes(after).includes('legislation-superseded'));
      assert.match(text, /cited the Equality Act 2010; that/);
    });

    it('gives a reasonless waiver a reason prompt, which waives nothing until the author fills it in', async function () {
      const { after, text } = await fixAndRelint('fix-reason', variants.reasonlessWaiver, 'waiver-invalid');
      assert.match(text, /-- REASON: /);
      assert.ok(codes(after).includes('waiver-invalid'), 'the prompt is still reported as a missing reason');
      assert.ok(codes(after).includes('legislation-superseded'), 'a placeholder waives nothing');
    });

    it('waives a finding through a reason prompt placed without breaking the paragraph', async function () {
      const { after, text } = await fixAndRelint('fix-waive', EXAMPLE, 'legislation-superseded', (a) => a.title.startsWith('Waive'));
      assert.match(text, /Earlier <!-- commissioning-lint-disable-next-line legislation-superseded -- REASON: [^>]*-->\n {2}commissioning documents/);
      assert.ok(codes(after).includes('waiver-invalid'), 'the inserted waiver asks for its reason');
    });

    it('answers nothing for diagnostics of other tools and for stale or bogus data', async function () {
      const uri = uriOf(path.join(dir, 'strategy.md'));
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
      const foreign = await c.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [{ range, message: 'x', source: 'markdownlint', code: 'MD001' }] } });
      assert.deepEqual(foreign, []);
      const bogus = await c.request('textDocument/codeAction', {
        textDocument: { uri },
        range,
        context: { diagnostics: [{ range: { start: { line: 9999, character: 5 }, end: { line: -3, character: 0 } }, message: 'x', source: 'commissioning-lint', code: 'eqia-group-missing', data: { kind: 'add-groups', groups: 'nope', tableEndLine: 'x' } }] },
      });
      assert.ok(Array.isArray(bogus));
    });
  });

  it('links each cited Act to legislation.gov.uk', async function () {
    const uri = uriOf(path.join(dir, 'strategy.md'));
    const links = await c.request('textDocument/documentLink', { textDocument: { uri } });
    const targets = links.map((l) => l.target);
    assert.ok(targets.includes('https://www.legislation.gov.uk/ukpga/1983/20'));
    assert.ok(targets.includes('https://www.legislation.gov.uk/ukpga/2005/9'));
    const mha = links.find((l) => l.target.endsWith('1983/20'));
    assert.deepEqual(mha.range.start, posOf(EXAMPLE, 'Mental Health Act 1983'));
  });

  it('outlines the strategy with the element each section was matched to', async function () {
    const uri = uriOf(path.join(dir, 'strategy.md'));
    const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    const [title] = symbols;
    assert.equal(title.name, 'Northvale Adult Mental Health Commissioning Strategy 2025–2030');
    const byName = Object.fromEntries(title.children.map((s) => [s.name, s.detail]));
    assert.equal(byName['What the JSNA tells us'], 'IPC needs');
    assert.equal(byName['Where are we now?'], 'IPC services');
    assert.equal(byName['Equality Impact Assessment'], 'EqIA (5/6 groups)');
  });

  it('shows coverage in a code lens at the title, in a notification and on request', async function () {
    const uri = uriOf(path.join(dir, 'strategy.md'));
    const lenses = await c.request('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].command.title, 'IPC 7/7 · EqIA 5/6 · WCC 9/11');
    assert.equal(lenses[0].command.command, 'commissioningLint.showCoverageReport');
    assert.equal(lenses[0].range.start.line, posOf(EXAMPLE, '# Northvale').line);
    const note = await c.waitFor((n) => n.method === 'commissioningLint/coverage' && n.params.uri === uri);
    assert.equal(note.params.summary, 'IPC 7/7 · EqIA 5/6 · WCC 9/11');
    const info = await c.request('commissioningLint/coverage', { uri });
    assert.equal(info.summary, 'IPC 7/7 · EqIA 5/6 · WCC 9/11');
    assert.match(info.report, /# Coverage of strategy\.md/);
    assert.match(info.report, /\| Sexual orientation \| – named, not assessed \| line 131 \|/);
    assert.match(info.report, /\| Needs analysis \| ✓ present \| line \d+ “What the JSNA tells us” \|/);
    assert.match(info.report, /\| 4 \| Collaborate with clinicians \| — \|/);
  });

  describe('settings per resource', function () {
    it('honours enable and rules for the folder a file is in', async function () {
      const off = await open('off/strategy.md', EXAMPLE);
      assert.deepEqual((await c.diagnostics(off)).items, []);
      const strict = await open('strict/strategy.md', EXAMPLE);
      const r = await c.diagnostics(strict);
      assert.deepEqual(codes(r), ['legislation-superseded', 'eqia-group-unassessed']);
      assert.equal(r.items[0].severity, 1);
    });

    it('re-lints with new settings after didChangeConfiguration, asking the client to refresh', async function () {
      const uri = await open('settings-change.md', EXAMPLE);
      const before = await c.diagnostics(uri);
      const refreshes = c.refreshes;
      settingsByFolder[''] = { rules: { 'eqia-group-unassessed': 'off' } };
      try {
        await c.notify('workspace/didChangeConfiguration', { settings: null });
        await c.waitFor((n) => n.method === 'workspace/diagnostic/refresh', { since: c.notes.length - 0 }).catch(() => {});
        assert.ok(c.refreshes > refreshes, 'refresh requested');
        const after = await c.diagnostics(uri, before.resultId);
        assert.equal(after.kind, 'full');
        assert.ok(!codes(after).includes('eqia-group-unassessed'));
      } finally {
        delete settingsByFolder[''];
        await c.notify('workspace/didChangeConfiguration', { settings: null });
      }
    });

    it('keeps the last diagnostics while typing when run is onSave, and lints on save', async function () {
      settingsByFolder.onsave = { run: 'onSave' };
      const uri = await open('onsave/strategy.md', EXAMPLE);
      const first = await c.diagnostics(uri);
      await c.edit(uri, [{ range: { start: posOf(EXAMPLE, '(WCC 6'), end: posOf(EXAMPLE, '(WCC 6') }, newText: 'WCC 12 ' }]);
      const typing = await c.diagnostics(uri, first.resultId);
      assert.equal(typing.kind, 'unchanged');
      await c.save(uri);
      const saved = await c.diagnostics(uri, first.resultId);
      assert.ok(codes(saved).includes('wcc-tag-invalid'));
    });
  });
});
