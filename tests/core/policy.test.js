// Policy packs and workspace config: the built-in packs validate against the
// schema, bad packs and configs give problems with file and line, never a throw.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv').default;
const YAML = require('yaml');
const { ROOT, core } = require('../helpers/core');

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'policies/schema/policy.schema.json'), 'utf8'));
const configSchema = JSON.parse(fs.readFileSync(path.join(ROOT, 'policies/schema/config.schema.json'), 'utf8'));

describe('policy packs', () => {
  for (const id of ['commissioning-friend-2009', 'equality-act-2010']) {
    it(`${id} validates against the schema`, () => {
      const data = YAML.parse(fs.readFileSync(path.join(ROOT, 'policies', `${id}.yaml`), 'utf8'));
      const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
      assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
    });
  }

  it('the 2009 pack has the seven IPC elements, six groups, eleven competencies', () => {
    const { policy } = core.loadPolicy();
    assert.deepStrictEqual(policy.elements.map((e) => e.id), ['purpose', 'legislation', 'needs', 'services', 'evidence', 'changes', 'monitoring']);
    assert.deepStrictEqual(policy.groups.map((g) => g.id), ['ethnicity', 'disability', 'sex', 'sexual-orientation', 'age', 'religion-belief']);
    assert.deepStrictEqual(policy.competencies.map((c) => c.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.deepStrictEqual(policy.competencies[10].names, ['Make sound financial investments', 'Efficiency and effectiveness of spend']);
    assert.deepStrictEqual(policy.elements.find((e) => e.id === 'changes').aspects.map((a) => a.id), ['not-commissioned']);
  });

  it('the 2010 pack extends 2009 with the nine protected characteristics in order', () => {
    const { policy } = core.loadPolicy({ policy: 'equality-act-2010' });
    assert.deepStrictEqual(policy.groups.map((g) => g.id), ['ethnicity', 'disability', 'sex', 'gender-reassignment', 'sexual-orientation', 'age', 'religion-belief', 'marriage-civil-partnership', 'pregnancy-maternity']);
    assert.strictEqual(policy.elements.length, 7);
  });

  it('every Act links to legislation.gov.uk and superseded Acts name an existing successor', () => {
    const { policy } = core.loadPolicy();
    for (const a of policy.legislation) {
      if (a.url) assert.match(a.url, /^https:\/\/www\.legislation\.gov\.uk\/ukpga\/\d{4}\/\d+$/, a.id);
      if (a.superseded) assert.ok(policy.legislation.some((b) => b.id === a.successor), a.id);
    }
    const byId = Object.fromEntries(policy.legislation.map((a) => [a.id, a]));
    assert.strictEqual(byId['mha-1983'].url, 'https://www.legislation.gov.uk/ukpga/1983/20');
    assert.strictEqual(byId['equality-act-2010'].url, 'https://www.legislation.gov.uk/ukpga/2010/15');
    assert.strictEqual(byId['dda-2005'].superseded, true);
  });

  it('reports an unknown policy id without throwing', () => {
    const r = core.loadPolicy({ policy: 'no-such-pack' });
    assert.strictEqual(r.policy, undefined);
    assert.match(r.problems[0].message, /unknown policy "no-such-pack"/);
  });

  it('reports schema violations at the line of the offending value', () => {
    const text = 'id: local\nextends: commissioning-friend-2009\nrules:\n  eqia-missing: loud\n';
    const r = core.loadPolicy({ policy: { text, file: 'local.yaml' } });
    assert.strictEqual(r.policy, undefined);
    assert.deepStrictEqual([r.problems[0].file, r.problems[0].line], ['local.yaml', 4]);
    assert.match(r.problems[0].message, /must be one of: error, warning, info, off/);
  });

  it('reports unknown properties and YAML syntax errors with lines', () => {
    let r = core.loadPolicy({ policy: { text: 'id: local\ncolour: red\n', file: 'p.yaml' } });
    assert.strictEqual(r.problems[0].line, 2);
    assert.match(r.problems[0].message, /unknown property "colour"/);
    r = core.loadPolicy({ policy: { text: 'id: local\ngroups: [\n', file: 'p.yaml' } });
    assert.ok(r.problems.length && r.problems[0].file === 'p.yaml');
  });

  it('refuses a YAML alias bomb quickly', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 12; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`);
    const t0 = Date.now();
    const r = core.loadPolicy({ config: { text: bomb.join('\n') + '\n', file: '.commissioning-lint.yaml' } });
    assert.ok(Date.now() - t0 < 2000);
    assert.strictEqual(r.policy, undefined);
    assert.ok(r.problems.length > 0);
  });

  it('reports an invalid regular expression in a pack', () => {
    const r = core.loadPolicy({ policy: { text: 'id: local\nextends: commissioning-friend-2009\nplaceholders: ["/(unclosed/"]\n', file: 'p.yaml' } });
    assert.strictEqual(r.policy, undefined);
    assert.match(r.problems[0].message, /placeholders: invalid pattern/);
  });

  it('reports a "\\b" that YAML read as a backspace (a double-quoted pattern that could never match)', () => {
    const r = core.loadPolicy({ policy: { text: 'id: local\nextends: commissioning-friend-2009\nplaceholders: ["/^pending\\b/"]\n', file: 'p.yaml' } });
    assert.strictEqual(r.policy, undefined);
    assert.match(r.problems[0].message, /holds a control character \(U\+0008\)/);
  });

  describe('an invalid /regex/ phrase is reported at its entry', () => {
    // A bad signal on line 9 and a bad prefix on line 12.
    const text = [
      'id: local', // 1
      'extends: commissioning-friend-2009', // 2
      'elements:', // 3
      '  - id: needs', // 4
      '    title: Local needs', // 5
      '  - id: monitoring', // 6
      '    signals:', // 7
      '      - dashboard', // 8
      '      - "/(?<=x/"', // 9
      'wcc:', // 10
      '  prefixes:', // 11
      '    - "/(World Class/"', // 12
      '    - WCC', // 13
      '',
    ].join('\n');

    it('in the pack file: its file, line and column, for every bad entry', () => {
      const r = core.loadPolicy({ policy: { text, file: 'local.pack.yaml' } });
      assert.strictEqual(r.policy, undefined);
      const at = r.problems.map((p) => [p.file, p.line, p.column, p.message.split(':')[0]]);
      assert.deepStrictEqual(at, [
        ['local.pack.yaml', 9, 9, 'elements.monitoring.signals'],
        ['local.pack.yaml', 12, 7, 'wcc.prefixes'],
      ]);
      assert.match(r.problems[1].message, /invalid pattern "\/\(World Class\/"/);
    });

    it('in a flow list, at the entry\'s column', () => {
      const r = core.loadPolicy({ policy: { text: 'id: local\nextends: commissioning-friend-2009\n\nwcc:\n  prefixes: ["WCC", "/(World Class/"]\n', file: 'p.yaml' } });
      assert.deepStrictEqual([r.problems[0].line, r.problems[0].column], [5, 21]);
      // A regular expression where the WCC syntax takes plain words, also at its line.
      const e = core.loadPolicy({ policy: { text: 'id: local\nextends: commissioning-friend-2009\nwcc:\n  introducers:\n    - refs\n    - "/(?:x)?/"\n', file: 'p.yaml' } });
      assert.deepStrictEqual([e.problems[0].line, e.problems[0].column], [6, 7]);
      assert.match(e.problems[0].message, /is a regular expression/);
    });

    it('through `extends`: in the file the entry was written in', () => {
      const files = {
        'top.yaml': 'id: top\nextends: base.yaml\nwcc:\n  context: [wcc]\n',
        'base.yaml': text.replace('id: local', 'id: base'),
      };
      const r = core.loadPolicy({ policy: { text: files['top.yaml'], file: 'top.yaml' }, readPack: (ref) => ({ text: files[ref], file: ref }) });
      assert.deepStrictEqual(r.problems.map((p) => [p.file, p.line]), [['base.yaml', 9], ['base.yaml', 12]]);
      // A pack that overrides the list is where its entries are.
      files['top.yaml'] = 'id: top\nextends: base.yaml\nwcc:\n  prefixes: ["/[/"]\nelements:\n  - id: monitoring\n    title: Monitoring\n';
      const o = core.loadPolicy({ policy: { text: files['top.yaml'], file: 'top.yaml' }, readPack: (ref) => ({ text: files[ref], file: ref }) });
      assert.deepStrictEqual(o.problems.map((p) => [p.file, p.line, p.message.split(':')[0]]), [['base.yaml', 9, 'elements.monitoring.signals'], ['top.yaml', 4, 'wcc.prefixes']]);
    });

    it('in a config: its synonyms and local elements at their lines', () => {
      const config = ['rules:', '  wcc-coverage: off', 'synonyms:', '  elements:', '    needs: ["Our borough", "/(Our/"]', '  eqia: ["/[/"]', 'elements:', '  - id: carers', '    title: Carers', '    headings: ["carers", "/(carers/"]', ''].join('\n');
      const r = core.loadPolicy({ config: { text: config, file: '.commissioning-lint.yaml' } });
      assert.deepStrictEqual(r.problems.map((p) => [p.file, p.line, p.column]), [
        ['.commissioning-lint.yaml', 5, 28],
        ['.commissioning-lint.yaml', 10, 26],
        ['.commissioning-lint.yaml', 6, 10],
      ]);
    });

    it('an Act\'s unknown successor, at its line', () => {
      const r = core.loadPolicy({ policy: { text: 'id: local\nextends: commissioning-friend-2009\nlegislation:\n  - id: dda-2005\n    successor: nope\n', file: 'p.yaml' } });
      assert.deepStrictEqual([r.problems[0].line, r.problems[0].message], [5, 'legislation.dda-2005.successor: no Act with id "nope"']);
    });
  });

  it('detects a cycle of packs extending each other', () => {
    const files = { 'a.yaml': 'id: a\nextends: b.yaml\n', 'b.yaml': 'id: b\nextends: a.yaml\n' };
    const r = core.loadPolicy({ policy: { text: files['a.yaml'], file: 'a.yaml' }, readPack: (ref) => ({ text: files[ref], file: ref }) });
    assert.match(r.problems.map((p) => p.message).join('\n'), /cycle/);
  });
});

describe('workspace config', () => {
  it('validates against the config schema', () => {
    const validate = new Ajv({ strict: false }).compile(configSchema);
    assert.ok(validate({ policy: 'equality-act-2010', rules: { 'wcc-coverage': 'off' }, synonyms: { elements: { needs: ['Our borough'] } } }));
  });

  it('changes severities, adds synonyms and local required elements', () => {
    const text = [
      'policy: equality-act-2010',
      'rules:',
      '  wcc-coverage: off',
      '  eqia-group-missing: error',
      'synonyms:',
      '  elements:',
      '    needs: ["Our borough today"]',
      '  groups:',
      '    ethnicity: ["Windrush generation"]',
      'elements:',
      '  - id: carers',
      '    title: Support for carers',
      '    headings: ["carers"]',
    ].join('\n');
    const { policy, problems } = core.loadPolicy({ config: { text, file: '.commissioning-lint.yaml' } });
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(policy.id, 'equality-act-2010');
    assert.strictEqual(policy.rules['wcc-coverage'], 'off');
    assert.strictEqual(policy.rules['eqia-group-missing'], 'error');
    assert.ok(policy.elements.find((e) => e.id === 'needs').headings.test('our borough today'));
    assert.ok(policy.groups.find((g) => g.id === 'ethnicity').synonyms.test('the Windrush generation'));
    assert.ok(policy.elements.some((e) => e.id === 'carers'));
  });

  it('reports an unknown element or group in synonyms', () => {
    const r = core.loadPolicy({ config: { text: 'synonyms:\n  groups:\n    pets: [dogs]\n', file: 'c.yaml' } });
    assert.strictEqual(r.policy, undefined);
    assert.match(r.problems[0].message, /unknown equality group "pets"/);
  });

  it('reports an unknown element or group in synonyms at its line', () => {
    const r = core.loadPolicy({ config: { text: 'rules: {}\nsynonyms:\n  groups:\n    pets: [dogs]\n', file: 'c.yaml' } });
    assert.deepStrictEqual([r.problems[0].file, r.problems[0].line], ['c.yaml', 4]);
  });

  it('reports a broken config at its line', () => {
    const r = core.loadPolicy({ config: { text: 'rules:\n  wcc-coverage: sometimes\n', file: 'c.yaml' } });
    assert.strictEqual(r.problems[0].line, 2);
  });
});
