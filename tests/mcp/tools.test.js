// The MCP server's tools and resources on real strategies (the Northvale
// example and variants), through the SDK's own client over stdio: what is
// listed, what lint_strategy returns against the CLI's JSON contract, what
// explain and list_fixes say, the policy resources, and that roots changes
// are followed. One server for the file (start-up is the slow part).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, EXAMPLE, startMcp, textOf, workspace, snapshot } = require('./mcp-client');
const { variants } = require('../lsp/fixtures');
const { run } = require('../helpers/cli');

const SPLIT_EQIA = '# Equality Impact Assessment\n\n| Group | Impact | Evidence |\n|---|---|---|\n| Ethnicity | Positive | Outreach. |\n| Disability | Positive | Access. |\n| Sex | Neutral | None found. |\n| Sexual orientation | Neutral | None found. |\n| Age | Positive | Memory clinics. |\n| Religion or belief | Neutral | None found. |\n';

describe('MCP server: tools and resources', function () {
  let ws;
  let roots;
  let s;
  let before0;

  before(async function () {
    ws = workspace({
      'strategy.md': EXAMPLE,
      'missing-group.md': variants.missingGroup,
      'ea/.commissioning-lint.yaml': 'policy: equality-act-2010\n',
      'ea/strategy.md': EXAMPLE,
      'split/strategy.md': variants.noEqia.trimEnd() + '\n\n## Equality Impact Assessment\n\nThe assessment is published separately: see the [EqIA](strategy-eqia.md).\n',
      'split/strategy-eqia.md': SPLIT_EQIA,
      'bad/.commissioning-lint.yaml': 'rules:\n  wcc-coverage: sometimes\n',
      'bad/strategy.md': EXAMPLE,
    });
    before0 = snapshot(ws);
    roots = [ws];
    s = await startMcp({ roots: () => roots });
  });
  after(async function () {
    await s.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('lists three tools, each with a title, a description and input and output schemas', async function () {
    const { tools } = await s.client.listTools();
    assert.deepEqual(tools.map((t) => t.name), ['lint_strategy', 'explain', 'list_fixes']);
    for (const t of tools) {
      assert.ok(t.title, t.name);
      assert.ok(t.description.length > 200, `${t.name}: a description an assistant can choose by`);
      assert.equal(t.inputSchema.type, 'object');
      assert.ok(Object.keys(t.inputSchema.properties).length >= 2, t.name);
      for (const [k, v] of Object.entries(t.inputSchema.properties)) assert.ok(v.description, `${t.name}.${k} is described`);
      assert.equal(t.outputSchema.type, 'object');
      assert.equal(t.annotations.readOnlyHint, true);
    }
    assert.deepEqual(tools[1].inputSchema.required, ['topic']);
    assert.deepEqual(tools[2].inputSchema.required, ['finding']);
    assert.deepEqual(tools[0].inputSchema.properties.policy.enum, ['commissioning-friend-2009', 'equality-act-2010']);
  });

  describe('lint_strategy', function () {
    it('lints a path inside the roots: the coverage is the CLI JSON contract’s, the groups without an impact statement named', async function () {
      const r = await s.call('lint_strategy', { path: 'strategy.md' });
      assert.ok(!r.isError, textOf(r));
      const sc = r.structuredContent;
      const cli = JSON.parse(run(['--format', 'json', 'strategy.md'], { cwd: ws }).stdout).files[0];
      assert.deepEqual(sc.coverage, cli.coverage);
      assert.deepEqual(sc.diagnostics.map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({ ruleId, severity, message, line, column, endLine, endColumn })), cli.diagnostics);
      assert.equal(sc.path, 'strategy.md');
      assert.deepEqual(sc.policy, { id: 'commissioning-friend-2009' });
      assert.match(sc.coverageLine, /^IPC 7\/7 · EqIA 5\/6 · WCC \d+\/11$/);
      assert.deepEqual(sc.groupsWithoutImpact.map((g) => [g.id, g.status]), [['sexual-orientation', 'unassessed']]);
      for (const d of sc.diagnostics) assert.match(d.docsUrl, new RegExp(`^https://.*/docs/rules/${d.ruleId}\\.md$`));
      assert.ok(sc.diagnostics.find((d) => d.ruleId === 'eqia-group-unassessed').data.kind);
      const text = textOf(r);
      assert.match(text, /^strategy\.md · policy commissioning-friend-2009\nCoverage: IPC 7\/7 · EqIA 5\/6 · WCC \d+\/11\n/);
      assert.match(text, /Equality groups without an impact statement: sexual orientation \(named, not assessed; line \d+\)\./);
      assert.match(text, /\d+:\d+ info legislation-superseded: /);
    });

    it('lints text given without a path, as a draft in the first root', async function () {
      const r = await s.call('lint_strategy', { text: variants.missingGroup });
      assert.ok(!r.isError, textOf(r));
      assert.equal(r.structuredContent.path, 'untitled.md');
      assert.deepEqual(r.structuredContent.groupsWithoutImpact.map((g) => [g.id, g.status]), [['sexual-orientation', 'missing']]);
      assert.match(textOf(r), /sexual orientation \(missing\)/);
      assert.match(textOf(r), /\d+:\d+ warning eqia-group-missing: /);
    });

    it('applies the workspace config of the path given with the text; `policy` overrides it', async function () {
      const r = await s.call('lint_strategy', { text: EXAMPLE, path: 'ea/draft.md' });
      assert.ok(!r.isError, textOf(r));
      assert.equal(r.structuredContent.policy.id, 'equality-act-2010');
      assert.equal(Object.keys(r.structuredContent.coverage.eqia.groups).length, 9);
      assert.match(r.structuredContent.coverageLine, /EqIA \d\/9/);
      const other = await s.call('lint_strategy', { path: 'ea/strategy.md', policy: 'commissioning-friend-2009' });
      assert.equal(other.structuredContent.policy.id, 'commissioning-friend-2009');
      assert.equal(Object.keys(other.structuredContent.coverage.eqia.groups).length, 6);
    });

    it('follows a linked EqIA inside the root', async function () {
      const r = await s.call('lint_strategy', { path: path.join(ws, 'split', 'strategy.md') });
      assert.ok(!r.isError, textOf(r));
      for (const g of Object.values(r.structuredContent.coverage.eqia.groups)) assert.equal(g.source, 'strategy-eqia.md');
      assert.deepEqual(r.structuredContent.groupsWithoutImpact, []);
      assert.match(textOf(r), /Every equality group \(6\) has an impact statement/);
    });

    it('says why when the workspace config cannot be loaded (file, line, what is wrong)', async function () {
      const r = await s.call('lint_strategy', { path: 'bad/strategy.md' });
      assert.equal(r.isError, true);
      assert.match(textOf(r), /^cannot lint bad\/strategy\.md: .*\.commissioning-lint\.yaml:2:\d+: .*wcc-coverage/);
    });

    it('says when there is no EqIA at all', async function () {
      const r = await s.call('lint_strategy', { text: variants.noEqia });
      assert.equal(r.structuredContent.coverage.eqia.status, 'missing');
      assert.equal(r.structuredContent.groupsWithoutImpact.length, 6);
      assert.match(textOf(r), /No Equality Impact Assessment: none of the 6 equality groups has an impact statement/);
      assert.match(textOf(r), /1 error/);
    });
  });

  describe('explain', function () {
    const explain = async (args) => {
      const r = await s.call('explain', args);
      assert.ok(!r.isError, textOf(r));
      return r.structuredContent.explanations;
    };

    it('explains a rule from its registry entry, with its docs link', async function () {
      const [e] = await explain({ topic: 'eqia-group-unassessed' });
      assert.equal(e.kind, 'rule');
      assert.match(e.markdown, /^\*\*Rule `eqia-group-unassessed`\*\* \(warning\)\n\nEach equality group the strategy names gets its own impact determination/);
      assert.deepEqual(e.links.map((l) => l.url), ['https://github.com/commissioning-lint/commissioning-lint/blob/main/docs/rules/eqia-group-unassessed.md']);
    });

    it('explains an IPC element, an equality group (by id or label) and a competency (by number, tag or name)', async function () {
      const [needs] = await explain({ topic: 'needs' });
      assert.match(needs.markdown, /^\*\*IPC element: Needs analysis\*\* \(`needs`\)\n\n/);
      const [byId] = await explain({ topic: 'sexual-orientation' });
      const [byLabel] = await explain({ topic: 'Sexual orientation' });
      assert.deepEqual(byId, byLabel);
      assert.match(byId.markdown, /^\*\*Equality group: sexual orientation\*\*/);
      assert.match(byId.markdown, /named but not assessed: no positive, negative or neutral impact is stated for this group/);
      const five = await explain({ topic: '5' });
      assert.deepEqual(await explain({ topic: 'WCC 5' }), five);
      assert.deepEqual(await explain({ topic: 'manage knowledge and assess needs' }), five);
      assert.match(five[0].markdown, /^\*\*WCC competency 5: Manage knowledge and assess needs\*\*/);
      assert.match(five[0].markdown, /`WCC 5 – Manage knowledge and assess needs`/);
    });

    it('explains an Act by id, title or a citation the policy recognises, with legislation.gov.uk links', async function () {
      const [dda] = await explain({ topic: 'DDA 2005' });
      assert.equal(dda.id, 'dda-2005');
      assert.deepEqual(await explain({ topic: 'Disability Discrimination Act 2005' }), [dda]);
      assert.deepEqual(await explain({ topic: 'dda-2005', kind: 'act' }), [dda]);
      assert.match(dda.markdown, /Superseded by the \[Equality Act 2010\]\(https:\/\/www\.legislation\.gov\.uk\/ukpga\/2010\/15\)/);
      assert.deepEqual(dda.links.map((l) => l.url), ['https://www.legislation.gov.uk/ukpga/2005/13', 'https://www.legislation.gov.uk/ukpga/2010/15']);
      const [s75] = await explain({ topic: 's.75' });
      assert.equal(s75.id, 'nhs-act-2006');
    });

    it('uses the policy asked for: the 2010 pack knows gender reassignment', async function () {
      const r = await s.call('explain', { topic: 'gender reassignment' });
      assert.equal(r.isError, true);
      const [g] = await explain({ topic: 'gender reassignment', policy: 'equality-act-2010' });
      assert.equal(g.id, 'gender-reassignment');
    });

    it('lists what it can explain when the topic names nothing', async function () {
      const r = await s.call('explain', { topic: 'carers' });
      assert.equal(r.isError, true);
      assert.match(textOf(r), /Nothing in the policy commissioning-friend-2009 is called "carers"\. It can explain:\n- rules: ipc-element-missing, /);
      assert.match(textOf(r), /- equality groups: ethnicity, disability, /);
      const wrongKind = await s.call('explain', { topic: 'needs', kind: 'group' });
      assert.equal(wrongKind.isError, true);
    });
  });

  describe('list_fixes', function () {
    let finding;
    before(async function () {
      const r = await s.call('lint_strategy', { path: 'missing-group.md' });
      finding = r.structuredContent.diagnostics.find((d) => d.ruleId === 'eqia-group-missing');
      assert.ok(finding);
    });

    it('lists the editor’s quick fixes as 1-based text edits, and writes nothing', async function () {
      const r = await s.call('list_fixes', { path: 'missing-group.md', finding });
      assert.ok(!r.isError, textOf(r));
      const { fixes, fixedText } = r.structuredContent;
      assert.equal(fixedText, undefined);
      assert.deepEqual(fixes.map((f) => f.title), ['Add the missing group to the EqIA: sexual orientation', 'Waive eqia-group-missing here (with a reason)']);
      assert.equal(fixes[0].preferred, true);
      const [edit] = fixes[0].edits;
      assert.match(edit.newText, /^\n\| lesbian, gay and bisexual people \|/);
      assert.ok(edit.line > 100 && edit.column > 1);
      assert.match(textOf(r), /^2 quick fixes for eqia-group-missing at line \d+:\n0\. Add the missing group to the EqIA: sexual orientation \(preferred\)\n   insert at \d+:\d+: /);
      assert.deepEqual(snapshot(ws), before0);
    });

    it('applies the preferred fix to give the fixed text, which then lints as the editor would after it', async function () {
      const r = await s.call('list_fixes', { text: variants.missingGroup, path: 'missing-group.md', finding, apply: true });
      assert.ok(!r.isError, textOf(r));
      assert.equal(r.structuredContent.applied, 0);
      const fixed = r.structuredContent.fixedText;
      assert.equal(r.content[1].text, fixed);
      // The inserted row has empty cells: the group is now named but still not assessed.
      const again = await s.call('lint_strategy', { text: fixed });
      assert.deepEqual(again.structuredContent.groupsWithoutImpact.map((g) => [g.id, g.status]), [['sexual-orientation', 'unassessed']]);
      const waived = await s.call('list_fixes', { text: variants.missingGroup, finding, apply: 1 });
      assert.match(waived.structuredContent.fixedText, /<!-- commissioning-lint-disable-next-line eqia-group-missing -- REASON: say why this is acceptable -->/);
      assert.deepEqual(snapshot(ws), before0);
    });

    it('finds the data again when the finding comes without it', async function () {
      const { data, ...bare } = finding;
      const r = await s.call('list_fixes', { path: 'missing-group.md', finding: { ruleId: bare.ruleId, line: bare.line, column: bare.column, endLine: bare.endLine, endColumn: bare.endColumn } });
      assert.equal(r.structuredContent.fixes.length, 2);
      assert.ok(data);
    });

    it('refuses a range outside the text, and a fix index it does not have', async function () {
      const far = await s.call('list_fixes', { text: '# Short\n', finding: { ...finding } });
      assert.equal(far.isError, true);
      assert.match(textOf(far), /past the text's last line \(2\)/);
      const none = await s.call('list_fixes', { path: 'missing-group.md', finding, apply: 7 });
      assert.equal(none.isError, true);
      assert.match(textOf(none), /there is no fix 7: this finding has 2 \(0–1\)/);
    });
  });

  describe('resources', function () {
    it('lists each built-in pack (YAML as shipped, and a summary) and the active policy', async function () {
      const { resources } = await s.client.listResources();
      assert.deepEqual(resources.map((r) => r.uri).sort(), [
        'commissioning-lint://policy/active',
        'commissioning-lint://policy/commissioning-friend-2009',
        'commissioning-lint://policy/commissioning-friend-2009/summary',
        'commissioning-lint://policy/equality-act-2010',
        'commissioning-lint://policy/equality-act-2010/summary',
      ]);
      for (const r of resources) assert.ok(r.description && r.mimeType, r.uri);
      const yaml = await s.client.readResource({ uri: 'commissioning-lint://policy/equality-act-2010' });
      assert.equal(yaml.contents[0].text, fs.readFileSync(path.join(ROOT, 'policies', 'equality-act-2010.yaml'), 'utf8'));
      const summary = JSON.parse((await s.client.readResource({ uri: 'commissioning-lint://policy/equality-act-2010/summary' })).contents[0].text);
      assert.equal(summary.equalityGroups.length, 9);
      assert.equal(summary.elements.length, 7);
      assert.equal(summary.competencies.length, 11);
      assert.ok(summary.legislation.find((a) => a.id === 'dda-2005').superseded);
      assert.equal(summary.rules.length, 12);
    });

    it('gives the active policy of the first root, following the client’s roots when they change', async function () {
      const read = async () => JSON.parse((await s.client.readResource({ uri: 'commissioning-lint://policy/active' })).contents[0].text);
      assert.equal((await read()).id, 'commissioning-friend-2009');
      const asked = s.client.rootsAsked;
      roots = [path.join(ws, 'ea'), ws];
      await s.client.sendRootsListChanged();
      let active;
      for (let i = 0; i < 50 && active?.id !== 'equality-act-2010'; i++) active = await read();
      assert.equal(active.id, 'equality-act-2010');
      assert.equal(active.configFile, '.commissioning-lint.yaml');
      assert.ok(s.client.rootsAsked > asked);
      // A relative path now starts in the new first root.
      const r = await s.call('lint_strategy', { path: 'strategy.md' });
      assert.equal(r.structuredContent.policy.id, 'equality-act-2010');
      roots = [ws];
      await s.client.sendRootsListChanged();
    });
  });
});
