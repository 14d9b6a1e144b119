// Word documents (.docx) through the CLI, as a process: a folder of Word and
// Markdown strategies linted together, in every format, with workers and
// --cache; a linked Word EqIA; a template's heading styles through the
// config's docx.styleMap; --to-markdown; and bad input, each one line naming
// the file with every other file still reported. Fixtures are built at test
// time from Markdown (tests/helpers/docx.js); no .docx is committed.
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, run, workspace, snapshot } = require('../helpers/cli');
const { markdownToDocx } = require('../helpers/docx');
const { makeZip, deflateBomb } = require('../helpers/zip');

const EXAMPLE = fs.readFileSync(path.join(ROOT, 'test-fixtures/examples/northvale-adult-mental-health-strategy.md'), 'utf8');
const BODY = EXAMPLE.replace(/^---\n[\s\S]*?\n---\n/, '');
const EQIA_SECTION = EXAMPLE.slice(EXAMPLE.indexOf('## Equality Impact Assessment'));
const NO_EQIA = BODY.slice(0, BODY.indexOf('## Equality Impact Assessment'));
const MB = 1024 * 1024;

/** The same strategy, its EqIA in a separate Word file named by the document property `eqia`. */
const LINKED = `---\neqia: northvale-eqia.docx\n---\n${NO_EQIA}## Equality Impact Assessment\n\nThe full assessment is published separately.\n`;
const LINKED_EQIA = `# Equality Impact Assessment\n\n${EQIA_SECTION.split('\n').slice(1).join('\n')}`;
/** A Markdown strategy linking the Word EqIA from its text. */
const MD_LINKING_WORD = `${NO_EQIA}## Equality Impact Assessment\n\nSee [the equality impact assessment](linked/northvale-eqia.docx).\n`;
const STYLE_MAP = ['# NHS England template', "p[style-name='NHS Heading 1'] => h1:fresh", "p[style-name='NHS Heading 2'] => h2:fresh"];

const PASSWORD_PROTECTED = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(512)]);
const OLD_DOC = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(512)]);

const byPath = (json) => Object.fromEntries(json.files.map((f) => [f.path, f]));
const statuses = (coverage) => JSON.stringify({ ipc: Object.fromEntries(Object.entries(coverage.ipc).map(([k, v]) => [k, v.status])), eqia: Object.fromEntries(Object.entries(coverage.eqia.groups).map(([k, v]) => [k, v.status])), wcc: coverage.wcc.covered });

describe('Word documents through the CLI', function () {
  this.timeout(120000);
  let dir;
  let docx;

  before(async () => {
    docx = {
      northvale: await markdownToDocx(EXAMPLE),
      template: await markdownToDocx(BODY, { headingStyle: 'NHS Heading' }),
      linked: await markdownToDocx(LINKED),
      eqia: await markdownToDocx(LINKED_EQIA),
    };
    dir = workspace({
      'board-papers/northvale.md': EXAMPLE,
      'board-papers/northvale.docx': docx.northvale,
      // Word's owner file while the document is open: never a strategy.
      'board-papers/~$rthvale.docx': Buffer.from('\u0005Jo Bloggs'),
      'board-papers/linked/strategy.docx': docx.linked,
      'board-papers/linked/northvale-eqia.docx': docx.eqia,
      'board-papers/links-word.md': MD_LINKING_WORD,
      'templated/.commissioning-lint.yaml': `docx:\n  styleMap:\n${STYLE_MAP.map((l) => `    - "${l}"`).join('\n')}\n`,
      'templated/strategy.docx': docx.template,
      'unmapped/strategy.docx': docx.template,
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const json = (...args) => {
    const r = run(['--format', 'json', ...args], { cwd: dir });
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
    return { ...r, json: JSON.parse(r.stdout) };
  };

  describe('a folder of Word and Markdown strategies', () => {
    let r;
    before(() => {
      r = json('board-papers/');
    });

    it('lints *.docx beside *.md, skipping Word owner files and the EqIA another strategy links', () => {
      assert.deepStrictEqual(Object.keys(byPath(r.json)).sort(), ['board-papers/linked/strategy.docx', 'board-papers/links-word.md', 'board-papers/northvale.docx', 'board-papers/northvale.md']);
      assert.strictEqual(r.stderr, '');
    });

    it('gives the Word version of a strategy the coverage of its Markdown (front matter as document properties)', () => {
      const f = byPath(r.json);
      assert.strictEqual(statuses(f['board-papers/northvale.docx'].coverage), statuses(f['board-papers/northvale.md'].coverage));
      assert.deepStrictEqual(f['board-papers/northvale.docx'].diagnostics.map((d) => d.ruleId), f['board-papers/northvale.md'].diagnostics.map((d) => d.ruleId));
    });

    it('keeps line and column (of the Markdown rendering) and adds a location to each Word finding only', () => {
      const f = byPath(r.json);
      for (const d of f['board-papers/northvale.md'].diagnostics) assert.strictEqual(d.location, undefined);
      const word = f['board-papers/northvale.docx'].diagnostics;
      assert.ok(word.length >= 3);
      for (const d of word) {
        assert.ok(Number.isInteger(d.line) && Number.isInteger(d.column), JSON.stringify(d));
        assert.ok(Array.isArray(d.location.headingPath) && typeof d.location.quote === 'string' && typeof d.location.kind === 'string', JSON.stringify(d));
      }
      const unassessed = word.find((d) => d.ruleId === 'eqia-group-unassessed');
      assert.deepStrictEqual(unassessed.location, { headingPath: ['Northvale Adult Mental Health Commissioning Strategy 2025–2030', 'Equality Impact Assessment'], kind: 'table row', table: 1, row: 7, quote: 'Sexual orientation | |' });
      const wcc = word.find((d) => d.ruleId === 'wcc-coverage');
      assert.strictEqual(wcc.location.kind, 'heading');
    });

    it('follows a Word EqIA named by a document property, and one a Markdown strategy links', () => {
      const f = byPath(r.json);
      for (const name of ['board-papers/linked/strategy.docx', 'board-papers/links-word.md']) {
        const eqia = f[name].coverage.eqia;
        assert.strictEqual(eqia.groups.ethnicity.source, name.endsWith('.md') ? 'linked/northvale-eqia.docx' : 'northvale-eqia.docx', name);
        assert.strictEqual(statuses(f[name].coverage).includes('"sexual-orientation":"unassessed"'), true, name);
        assert.ok(!f[name].diagnostics.some((d) => d.ruleId === 'eqia-link-invalid'), JSON.stringify(f[name].diagnostics));
      }
    });

    it('takes .docx through a glob, and a Word file named on its own', () => {
      const g = json('board-papers/**/*.docx');
      assert.deepStrictEqual(g.json.files.map((x) => x.path).sort(), ['board-papers/linked/strategy.docx', 'board-papers/northvale.docx']);
      const one = json('board-papers/northvale.docx');
      assert.deepStrictEqual(one.json.files.map((x) => x.path), ['board-papers/northvale.docx']);
      assert.strictEqual(statuses(one.json.files[0].coverage), statuses(byPath(r.json)['board-papers/northvale.docx'].coverage));
    });

    it('gives the same result with two worker threads and with --cache (cold and warm)', () => {
      const jobs = run(['--format', 'json', '-j', '2', 'board-papers/'], { cwd: dir });
      assert.strictEqual(jobs.stdout, r.stdout);
      const cacheDir = path.join(dir, '.cache-test');
      const cold = run(['--format', 'json', '--cache', '--cache-location', cacheDir, 'board-papers/'], { cwd: dir });
      assert.strictEqual(cold.stdout, r.stdout);
      const entries = JSON.parse(fs.readFileSync(path.join(cacheDir, 'cache.json'), 'utf8')).entries;
      assert.ok(Object.keys(entries).some((k) => k.endsWith('northvale.docx')));
      const warm = run(['--format', 'json', '--cache', '--cache-location', cacheDir, 'board-papers/'], { cwd: dir });
      assert.strictEqual(warm.stdout, r.stdout);
      assert.strictEqual(warm.code, r.code);
    });

    it('re-lints a strategy whose linked Word EqIA changed (--cache)', async () => {
      const ws = workspace({ 'p/strategy.docx': docx.linked, 'p/northvale-eqia.docx': docx.eqia });
      try {
        const args = ['--format', 'json', '--cache', '--cache-location', path.join(ws, 'c'), 'p'];
        const before = JSON.parse(run(args, { cwd: ws }).stdout).files[0].coverage.eqia.groups['sexual-orientation'].status;
        fs.writeFileSync(path.join(ws, 'p/northvale-eqia.docx'), await markdownToDocx(LINKED_EQIA.replace('| Sexual orientation | |', '| Sexual orientation | Neutral: no differential impact for LGB people |')));
        const after = JSON.parse(run(args, { cwd: ws }).stdout).files[0].coverage.eqia.groups['sexual-orientation'].status;
        assert.deepStrictEqual([before, after], ['unassessed', 'covered']);
      } finally {
        fs.rmSync(ws, { recursive: true, force: true });
      }
    });
  });

  describe('every format', () => {
    it('stylish: the location under each Word finding', () => {
      const r = run(['board-papers/northvale.docx', 'board-papers/northvale.md'], { cwd: dir });
      const word = r.stdout.slice(0, r.stdout.indexOf('board-papers/northvale.md'));
      const md = r.stdout.slice(r.stdout.indexOf('board-papers/northvale.md'));
      assert.match(word, /warning +Impact on sexual orientation is not assessed.*\n +in Northvale Adult Mental Health Commissioning Strategy 2025–2030 › Equality Impact Assessment › Table 1, row 7 \("Sexual orientation \| \|"\)/);
      assert.doesNotMatch(md, /\n +in /);
    });

    it('sarif: the .docx artifact, a snippet and the heading path, and the official validator passes it', function () {
      const r = run(['--format', 'sarif', 'board-papers/'], { cwd: dir });
      const log = JSON.parse(r.stdout);
      const run0 = log.runs[0];
      const docxArtifact = run0.artifacts.find((a) => a.location.uri === 'board-papers/northvale.docx');
      assert.strictEqual(docxArtifact.mimeType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      assert.strictEqual(run0.artifacts.find((a) => a.location.uri === 'board-papers/northvale.md').mimeType, 'text/markdown');
      const res = run0.results.find((x) => x.ruleId === 'eqia-group-unassessed' && x.locations[0].physicalLocation.artifactLocation.uri === 'board-papers/northvale.docx');
      const loc = res.locations[0];
      // Lines and columns of the Markdown rendering, as in the JSON, and the quote.
      const json = byPath(JSON.parse(run(['--format', 'json', 'board-papers/northvale.docx'], { cwd: dir }).stdout))['board-papers/northvale.docx'].diagnostics.find((d) => d.ruleId === 'eqia-group-unassessed');
      assert.deepStrictEqual(loc.physicalLocation.region, { startLine: json.line, startColumn: json.column, endLine: json.endLine, endColumn: json.endColumn, snippet: { text: 'Sexual orientation | |' } });
      assert.deepStrictEqual(loc.logicalLocations, [{ name: 'Equality Impact Assessment', fullyQualifiedName: 'Northvale Adult Mental Health Commissioning Strategy 2025–2030 › Equality Impact Assessment' }]);
      assert.strictEqual(res.properties.location, 'Northvale Adult Mental Health Commissioning Strategy 2025–2030 › Equality Impact Assessment › Table 1, row 7 ("Sexual orientation | |")');
      const file = path.join(dir, 'word.sarif');
      const report = path.join(os.tmpdir(), `cl-word-sarif-${process.pid}.sarif`);
      fs.writeFileSync(file, r.stdout);
      const v = spawnSync(require('@microsoft/sarif-multitool'), ['validate', file, '--output', report, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
      assert.strictEqual(v.status, 0, v.stdout + v.stderr);
      const findings = JSON.parse(fs.readFileSync(report, 'utf8')).runs.flatMap((x) => x.results ?? []);
      assert.deepStrictEqual(findings.filter((f) => f.level === 'error' || f.level === 'warning').map((f) => `${f.ruleId}: ${JSON.stringify(f.message)}`), []);
      fs.rmSync(report, { force: true });
    });

    it('github: Word findings annotate the file and say where in Word; Markdown ones keep their lines', () => {
      const r = run(['--format', 'github', 'board-papers/northvale.docx', 'board-papers/northvale.md'], { cwd: dir });
      const word = r.stdout.split('\n').filter((l) => l.includes('file=board-papers/northvale.docx'));
      assert.ok(word.length >= 3);
      for (const l of word) assert.doesNotMatch(l, /line=/);
      assert.ok(word.some((l) => l.includes('(in Northvale Adult Mental Health Commissioning Strategy 2025–2030 › Equality Impact Assessment › Table 1, row 7')));
      assert.ok(r.stdout.split('\n').filter((l) => l.includes('file=board-papers/northvale.md')).every((l) => /line=\d+/.test(l)));
    });

    it('junit: no line attributes into a .docx; failures say where in Word', () => {
      const r = run(['--format', 'junit', 'board-papers/northvale.docx'], { cwd: dir });
      assert.match(r.stdout, /<testsuite name="board-papers\/northvale.docx"/);
      assert.doesNotMatch(r.stdout, / line="\d+"/);
      assert.match(r.stdout, /Northvale Adult Mental Health Commissioning Strategy 2025–2030 › Equality Impact Assessment › Table 1, row 7 \("Sexual orientation \| \|"\): warning Impact on sexual orientation/);
    });

    it('markdown and html: a "Where" column for Word findings', () => {
      const md = run(['--format', 'markdown', 'board-papers/northvale.docx', 'board-papers/northvale.md'], { cwd: dir }).stdout;
      assert.match(md, /\| Where \| Severity \| Rule \| Message \|/);
      assert.match(md, /\| Line \| Severity \| Rule \| Message \|/);
      assert.match(md, /\| Northvale Adult Mental Health Commissioning Strategy 2025–2030 › Equality Impact Assessment › Table 1, row 7 \("Sexual orientation \\\| \\\|"\) \| warning \|/);
      const html = run(['--format', 'html', 'board-papers/northvale.docx'], { cwd: dir }).stdout;
      assert.match(html, /<th scope="col">Where<\/th>/);
      assert.match(html, /<td>Northvale Adult Mental Health Commissioning Strategy 2025–2030 › Equality Impact Assessment › Table 1, row 7 \(&quot;Sexual orientation \| \|&quot;\)<\/td>/);
    });
  });

  describe("a template's own heading styles", () => {
    it('reads them as headings through the config\'s docx.styleMap', () => {
      const mapped = json('templated/strategy.docx').json.files[0];
      const plain = json('unmapped/strategy.docx');
      assert.deepStrictEqual(Object.values(mapped.coverage.ipc).map((e) => e.status), ['present', 'present', 'present', 'present', 'present', 'present', 'present']);
      // Unmapped, the styled headings come out as paragraphs; short lines standing alone in a
      // document without headings are then read as headings anyway (core/model/plain-layout.ts),
      // so the findings agree, but the tool still says what it could not map.
      assert.deepStrictEqual(plain.json.files[0].coverage.ipc, mapped.coverage.ipc);
      assert.match(plain.stderr, /^commissioning-lint: warning: unmapped\/strategy\.docx has the paragraph styles 'NHS Heading 1', 'NHS Heading 2', read as paragraphs: if they are headings, map them in the config's docx\.styleMap, e\.g\. p\[style-name='NHS Heading 1'\] => h1:fresh\n$/);
    });

    it('refuses a style-map line that is not a plain mapping, at its line in the config', () => {
      const ws = workspace({ '.commissioning-lint.yaml': 'policy: equality-act-2010\ndocx:\n  styleMap:\n    - "p[style-name=\'A\'] => h2:fresh"\n    - "p => script"\n', 's.docx': docx.northvale, 's.md': EXAMPLE });
      try {
        const r = run(['.'], { cwd: ws });
        assert.strictEqual(r.code, 2);
        assert.match(r.stderr, /\.commissioning-lint\.yaml:5:1: docx\.styleMap: line 2 is not a mapping this tool accepts: "p => script"/);
      } finally {
        fs.rmSync(ws, { recursive: true, force: true });
      }
    });

    it('is checked by the config schema (a list of lines)', () => {
      const ws = workspace({ '.commissioning-lint.yaml': 'docx:\n  styleMap: "p => h1"\n', 's.docx': docx.northvale });
      try {
        const r = run(['.'], { cwd: ws });
        assert.strictEqual(r.code, 2);
        assert.match(r.stderr, /\.commissioning-lint\.yaml:2:\d+: .*styleMap.*must be array/);
      } finally {
        fs.rmSync(ws, { recursive: true, force: true });
      }
    });
  });

  describe('--to-markdown', () => {
    it('writes the Markdown rendering to standard output, front matter from the document properties', () => {
      const r = run(['--to-markdown', 'board-papers/northvale.docx'], { cwd: dir });
      assert.strictEqual(r.code, 0, r.stderr);
      assert.match(r.stdout, /^---\ntitle: Northvale Adult Mental Health Commissioning Strategy 2025–2030\nowner: .*\nstatus: Consultation draft\nwcc:\n {2}- "2"\n {2}- "3"\n---\n\n# Northvale Adult Mental Health Commissioning Strategy 2025–2030\n\n## Our vision and commitments\n/);
      // What is linted is this text: its lines are the findings' lines.
      const lint = json('board-papers/northvale.docx').json.files[0];
      const d = lint.diagnostics.find((x) => x.ruleId === 'eqia-group-unassessed');
      assert.match(r.stdout.split('\n')[d.line - 1], /^\| Sexual orientation \|/);
    });

    it('writes to -o <file>, never over an existing file without --force, never over the document', () => {
      const ws = workspace({ 's.docx': docx.northvale, 'existing.md': 'mine\n' });
      try {
        assert.strictEqual(run(['--to-markdown', 's.docx', '-o', 'out/s.md'], { cwd: ws }).code, 0);
        assert.match(fs.readFileSync(path.join(ws, 'out/s.md'), 'utf8'), /^---\ntitle: Northvale/);
        const refused = run(['--to-markdown', 's.docx', '-o', 'existing.md'], { cwd: ws });
        assert.strictEqual(refused.code, 2);
        assert.strictEqual(refused.stderr, 'commissioning-lint: will not write over "existing.md", which exists; add --force to replace it\n');
        assert.strictEqual(fs.readFileSync(path.join(ws, 'existing.md'), 'utf8'), 'mine\n');
        assert.strictEqual(run(['--to-markdown', 's.docx', '-o', 'existing.md', '--force'], { cwd: ws }).code, 0);
        assert.match(fs.readFileSync(path.join(ws, 'existing.md'), 'utf8'), /^---\ntitle: Northvale/);
        const self = run(['--to-markdown', 's.docx', '-o', 's.docx', '--force'], { cwd: ws });
        assert.strictEqual(self.code, 2);
        assert.match(self.stderr, /will not write the Markdown over "s\.docx", the document being converted/);
      } finally {
        fs.rmSync(ws, { recursive: true, force: true });
      }
    });

    it('applies the config\'s style map, reads standard input, and refuses what it cannot convert', () => {
      const mapped = run(['--to-markdown', 'templated/strategy.docx'], { cwd: dir });
      assert.match(mapped.stdout, /^# Northvale Adult Mental Health Commissioning Strategy 2025–2030\n\n## Our vision and commitments\n/);
      const stdin = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--to-markdown', '--stdin'], { cwd: dir, input: docx.northvale, encoding: 'utf8' });
      assert.strictEqual(stdin.status, 0, stdin.stderr);
      assert.strictEqual(stdin.stdout, run(['--to-markdown', 'board-papers/northvale.docx'], { cwd: dir }).stdout);
      const md = run(['--to-markdown', 'board-papers/northvale.md'], { cwd: dir });
      assert.deepStrictEqual([md.code, md.stderr], [2, 'commissioning-lint: --to-markdown reads a Word document (.docx), not "board-papers/northvale.md"\n']);
      const two = run(['--to-markdown', 'board-papers/northvale.docx', 'templated/strategy.docx'], { cwd: dir });
      assert.strictEqual(two.code, 2);
      const force = run(['--force', 'board-papers/'], { cwd: dir });
      assert.strictEqual(force.code, 2);
    });
  });

  describe('bad input: one line naming the file, exit 2, every other file still reported', () => {
    let ws;
    const BAD = {
      'truncated.docx': (good) => good.subarray(0, Math.floor(good.length / 2)),
      'not-word.docx': () => makeZip([{ name: 'notes.txt', data: Buffer.from('hello') }]),
      'protected.docx': () => PASSWORD_PROTECTED,
      'old.docx': () => OLD_DOC,
      'bomb.docx': () => makeZip([{ name: 'word/document.xml', raw: deflateBomb(Math.ceil((1024 * MB) / 258)), size: 1024 }]),
      'huge-text.docx': () => makeZip([{ name: 'word/document.xml', raw: deflateBomb(10), size: 30 * MB }]),
      'corrupt.docx': () => Buffer.from('PK\u0003\u0004 this is not really a zip'),
    };
    const EXPECTED = {
      'truncated.docx': 'is damaged or incomplete (no zip directory found: was the file cut short?)',
      'not-word.docx': 'is a zip file but not a Word document (.docx): it has no word/document.xml',
      'protected.docx': 'is password-protected; remove the password to lint it',
      'old.docx': 'is an old binary Word document (.doc); save it as .docx',
      'bomb.docx': 'is not a safe zip: word/document.xml unpacks to more than the 1,024 bytes it declares (a zip bomb?)',
      'huge-text.docx': 'is too large to read: its text (word/document.xml) unpacks to 30 MB, over the 20 MB limit',
      'corrupt.docx': 'is damaged or incomplete (no zip directory found: was the file cut short?)',
      'large.docx': 'cannot read: is 51 MB, over the 50 MB limit',
    };
    before(() => {
      const files = { 'good.docx': docx.northvale, 'good.md': EXAMPLE };
      for (const [name, make] of Object.entries(BAD)) files[`bad/${name}`] = make(docx.northvale);
      ws = workspace(files);
      // Sparse: 51 MB on disk costs nothing.
      const fd = fs.openSync(path.join(ws, 'bad', 'large.docx'), 'w');
      fs.ftruncateSync(fd, 51 * MB);
      fs.closeSync(fd);
    });
    after(() => fs.rmSync(ws, { recursive: true, force: true }));

    it('says why each file was refused, one line each, and reports the rest (stylish and json)', () => {
      const started = Date.now();
      const r = run(['.'], { cwd: ws });
      assert.ok(Date.now() - started < 30000);
      assert.strictEqual(r.code, 2);
      const lines = r.stderr.trim().split('\n');
      assert.deepStrictEqual(lines.sort(), Object.entries(EXPECTED).map(([f, why]) => `commissioning-lint: bad/${f}: ${why}`).sort());
      assert.match(r.stdout, /^good\.docx\n/m);
      assert.match(r.stdout, /^good\.md\n/m);
      const j = run(['--format', 'json', '.'], { cwd: ws });
      assert.strictEqual(j.code, 2);
      const files = byPath(JSON.parse(j.stdout));
      for (const [f, why] of Object.entries(EXPECTED)) assert.strictEqual(files[`bad/${f}`].error, why);
      assert.ok(files['good.docx'].coverage && files['good.md'].coverage);
    });

    it('reports them the same with workers and with --cache, and caches no refusal', () => {
      const plain = run(['--format', 'json', '.'], { cwd: ws });
      const jobs = run(['--format', 'json', '-j', '2', '.'], { cwd: ws });
      assert.strictEqual(jobs.stdout, plain.stdout);
      assert.strictEqual(jobs.code, 2);
      const cacheDir = path.join(os.tmpdir(), `cl-word-cache-${process.pid}`);
      try {
        for (let i = 0; i < 2; i++) {
          const c = run(['--format', 'json', '--cache', '--cache-location', cacheDir, '.'], { cwd: ws });
          assert.strictEqual(c.stdout, plain.stdout);
          assert.strictEqual(c.code, 2);
        }
        const entries = Object.keys(JSON.parse(fs.readFileSync(path.join(cacheDir, 'cache.json'), 'utf8')).entries);
        assert.deepStrictEqual(entries.map((e) => path.basename(e)).sort(), ['good.docx', 'good.md']);
      } finally {
        fs.rmSync(cacheDir, { recursive: true, force: true });
      }
    });

    it('lints a Word document given on standard input (--stdin-filename x.docx), and refuses a bad one', () => {
      const ok = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', '--stdin', '--stdin-filename', 'in.docx'], { cwd: ws, input: docx.northvale, encoding: 'utf8' });
      assert.strictEqual(ok.status, 0, ok.stderr);
      const f = JSON.parse(ok.stdout).files[0];
      assert.strictEqual(f.path, 'in.docx');
      assert.ok(f.diagnostics.every((d) => d.location));
      const bad = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--stdin', '--stdin-filename', 'in.docx'], { cwd: ws, input: OLD_DOC, encoding: 'utf8' });
      assert.deepStrictEqual([bad.status, bad.stderr], [2, 'commissioning-lint: in.docx: is an old binary Word document (.doc); save it as .docx\n']);
    });

    it('writes nothing', () => {
      const before = snapshot(ws);
      run(['.'], { cwd: ws });
      assert.deepStrictEqual(snapshot(ws), before);
    });
  });
});
