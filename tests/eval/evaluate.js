// Scores the linter's coverage against the hand-labelled corpus in
// test-fixtures/corpus (each NN-name.md with NN-name.expected.json, labelled as
// a careful reviewer would per shared RUBRIC.md). Used by `npm run eval` and
// by the test suite.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, lintText } = require('../helpers/core');

const DEFAULT_CORPUS = path.join(ROOT, 'test-fixtures', 'corpus');
const GROUPS_2009 = ['ethnicity', 'disability', 'sex', 'sexual-orientation', 'age', 'religion-belief'];
const THRESHOLD = 0.95;

class Tally {
  constructor() {
    this.ok = 0;
    this.n = 0;
    this.misses = [];
  }
  add(ok, miss) {
    this.n++;
    if (ok) this.ok++;
    else this.misses.push(miss);
  }
  get score() {
    return this.n ? this.ok / this.n : 1;
  }
}

function evaluate(CORPUS = DEFAULT_CORPUS) {
  const docs = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.expected.json')).sort();
  const t = {
    ipcStatus: new Tally(),
    ipcLine: new Tally(),
    notCommissioned: new Tally(),
    eqiaStatus: new Tally(),
    groups2010: new Tally(),
    groups2009: new Tally(),
    frontMatter: new Tally(),
  };
  const wcc = { tp: 0, fp: 0, fn: 0, misses: [] };
  const invalid = { tp: 0, fp: 0, fn: 0, misses: [] };
  for (const f of docs) {
    const name = f.replace('.expected.json', '');
    const file = path.join(CORPUS, `${name}.md`);
    const text = fs.readFileSync(file, 'utf8');
    const want = JSON.parse(fs.readFileSync(path.join(CORPUS, f), 'utf8'));
    const r10 = lintText(text, { policyId: 'equality-act-2010', file });
    const r09 = lintText(text, { file });
    const got = r10.coverage;

    for (const [id, exp] of Object.entries(want.ipc)) {
      const act = got.ipc[id] ?? { status: 'missing' };
      t.ipcStatus.add(act.status === exp.status, `${name} ipc.${id}: want ${exp.status}${exp.line ? '@' + exp.line : ''}, got ${act.status}${act.line ? '@' + act.line : ''}`);
      if (exp.status !== 'missing' && act.status === exp.status) t.ipcLine.add(act.line === exp.line, `${name} ipc.${id} line: want ${exp.line}, got ${act.line}`);
      for (const [aspect, st] of Object.entries(exp.aspects ?? {})) {
        const a = act.aspects?.[aspect] ?? 'missing';
        t.notCommissioned.add(a === st, `${name} ipc.${id}.${aspect}: want ${st}, got ${a}`);
      }
    }
    t.eqiaStatus.add(got.eqia.status === want.eqia.status, `${name} eqia: want ${want.eqia.status}, got ${got.eqia.status}`);
    for (const [g, exp] of Object.entries(want.eqia.groups)) {
      const act = got.eqia.groups[g] ?? { status: 'missing' };
      t.groups2010.add(act.status === exp.status, `${name} [2010] ${g}: want ${exp.status}${exp.line ? '@' + exp.line : ''}, got ${act.status}${act.line ? '@' + act.line : ''}`);
    }
    for (const g of GROUPS_2009) {
      const exp = want.eqia2009?.groups?.[g];
      if (!exp) continue;
      const act = r09.coverage.eqia.groups[g] ?? { status: 'missing' };
      t.groups2009.add(act.status === exp, `${name} [2009] ${g}: want ${exp}, got ${act.status}${act.line ? '@' + act.line : ''}`);
    }
    const key = (x) => `${x.line}:${x.number}`;
    const wantTags = new Set((want.wcc?.tags ?? []).map(key));
    const gotTags = new Set(got.wcc.tags.map(key));
    for (const k of gotTags) if (wantTags.has(k)) wcc.tp++; else { wcc.fp++; wcc.misses.push(`${name} wcc false positive ${k}`); }
    for (const k of wantTags) if (!gotTags.has(k)) { wcc.fn++; wcc.misses.push(`${name} wcc missed ${k}`); }
    const wantInv = new Set((want.wcc?.invalid ?? []).map((x) => x.line));
    const gotInv = new Set(got.wcc.invalid.map((x) => x.line));
    for (const k of gotInv) if (wantInv.has(k)) invalid.tp++; else { invalid.fp++; invalid.misses.push(`${name} invalid-tag false positive line ${k}`); }
    for (const k of wantInv) if (!gotInv.has(k)) { invalid.fn++; invalid.misses.push(`${name} invalid-tag missed line ${k}`); }
    if (want.frontMatterErrorLine !== undefined) {
      const d = r10.diagnostics.find((x) => x.ruleId === 'front-matter-invalid');
      const gotLine = d ? d.line : null;
      t.frontMatter.add(gotLine === want.frontMatterErrorLine, `${name} front matter error: want ${want.frontMatterErrorLine}, got ${gotLine}`);
    }
  }
  const f1 = (c) => {
    const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
    const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
    return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  return { docs: docs.length, tallies: t, wcc: { ...f1(wcc), misses: wcc.misses }, invalid: { ...f1(invalid), misses: invalid.misses } };
}

/** The figures the issue asks for, each with the threshold it must meet. */
function scores(res) {
  return [
    ['IPC element status', res.tallies.ipcStatus.score, res.tallies.ipcStatus],
    ['IPC element line (when status agrees)', res.tallies.ipcLine.score, res.tallies.ipcLine],
    ['changes: not-commissioned aspect', res.tallies.notCommissioned.score, res.tallies.notCommissioned],
    ['EqIA status', res.tallies.eqiaStatus.score, res.tallies.eqiaStatus],
    ['EqIA group status (Equality Act 2010, 9 groups)', res.tallies.groups2010.score, res.tallies.groups2010],
    ['EqIA group status (2009 policy, 6 groups)', res.tallies.groups2009.score, res.tallies.groups2009],
    ['WCC reference F1', res.wcc.f1, { misses: res.wcc.misses, n: '', ok: '' }],
    ['WCC invalid-reference F1', res.invalid.f1, { misses: res.invalid.misses, n: '', ok: '' }],
    ['front matter error line', res.tallies.frontMatter.score, res.tallies.frontMatter],
  ];
}

module.exports = { evaluate, scores, THRESHOLD };

if (require.main === module) {
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  const dir = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const res = evaluate(dir ? path.resolve(dir) : DEFAULT_CORPUS);
  console.log(`commissioning-lint evaluation on ${res.docs} labelled strategies in ${path.relative(ROOT, dir ? path.resolve(dir) : DEFAULT_CORPUS)} (threshold ${THRESHOLD})\n`);
  let failed = false;
  for (const [name, score, tally] of scores(res)) {
    const below = score < THRESHOLD;
    failed ||= below;
    const count = tally.n !== '' ? `  (${tally.ok}/${tally.n})` : '';
    console.log(`${below ? '✖' : '✔'} ${name.padEnd(50)} ${score.toFixed(3)}${count}`);
    if (verbose || below) for (const m of tally.misses) console.log(`     ${m}`);
  }
  console.log(`\nWCC references: precision ${res.wcc.precision.toFixed(3)}, recall ${res.wcc.recall.toFixed(3)}`);
  process.exitCode = failed ? 1 : 0;
}
