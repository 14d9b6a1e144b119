// Tests for generate-rich.js: determinism, size accuracy, feature coverage,
// non-degenerate large output, and speed. A plain script, not a mocha test (it
// takes ~6 s of CPU, too slow for `npm test`): node tests/bench/generate-rich.check.js
'use strict';
const assert = require('node:assert');
const fs = require('node:fs');
const crypto = require('node:crypto');
const { richStrategy } = require('./generate-rich.js');

const bytes = (s) => Buffer.byteLength(s);
const sha = (s) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 16);

// ---- Determinism ------------------------------------------------------------
const src = fs.readFileSync(require.resolve('./generate-rich.js'), 'utf8').replace(/\/\/.*$/gm, '');
assert.ok(!/Math\.random|\bDate\b|performance\.now|process\.hrtime/.test(src), 'generator must not use Math.random or clocks');
for (const [seed, size, rows] of [[1, 2000, 0], [7, 20000, 0], [42, 200000, 300], [3, 640000, 0]]) {
  const a = richStrategy(seed, size, rows), b = richStrategy(seed, size, rows);
  assert.strictEqual(a, b, `seed ${seed} size ${size} is not deterministic`);
}
assert.notStrictEqual(richStrategy(1, 20000), richStrategy(2, 20000), 'different seeds must differ');
// Generating other documents in between must not change a document (no shared state).
const first = richStrategy(5, 20000);
richStrategy(6, 50000, 40);
assert.strictEqual(richStrategy(5, 20000), first, 'output depends on earlier calls');
// Golden fingerprints: the same output on every machine. If you change the
// generator on purpose, update these (and note that benchmark corpora change).
const GOLDEN = { '1,2000,0': '0bf13fcb3e4a9a57', '7,20000,0': '43e404f0512b933b', '3,640000,500': '51ec4ebee1f77206' };
for (const [args, want] of Object.entries(GOLDEN)) assert.strictEqual(sha(richStrategy(...args.split(',').map(Number))), want, `fingerprint of richStrategy(${args}) changed`);
console.log('determinism ok (golden fingerprints match)');

// ---- Size accuracy (±10%) -----------------------------------------------------
const sizeCases = [[2000, 50], [20000, 50], [640000, 10], [5000000, 3]];
for (const [target, seeds] of sizeCases) {
  let lo = Infinity, hi = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const n = bytes(richStrategy(seed, target));
    lo = Math.min(lo, n / target); hi = Math.max(hi, n / target);
    assert.ok(Math.abs(n - target) <= target * 0.1, `seed ${seed}: ${n} bytes for target ${target}`);
  }
  console.log(`size ${target}: ratio ${lo.toFixed(3)}–${hi.toFixed(3)} over ${seeds} seeds`);
}
// Smooth scaling across the whole range, and the long table with tableRows.
for (let target = 2000; target <= 10e6; target *= 2.3) {
  const n = bytes(richStrategy(11, Math.round(target)));
  assert.ok(Math.abs(n - target) <= target * 0.1, `scaling: ${n} bytes for target ${Math.round(target)}`);
}
for (const [seed, target, rows] of [[1, 640000, 2000], [2, 100000, 50], [3, 20000, 10], [4, 5000000, 20000]]) {
  const doc = richStrategy(seed, target, rows), n = bytes(doc);
  assert.strictEqual((doc.match(/^\|? ?SR-\d{4,}/gm) || []).length, rows, `tableRows ${rows}`);
  assert.ok(Math.abs(n - target) <= target * 0.1, `tableRows ${rows}: ${n} bytes for target ${target}`);
}

// ---- Large documents stay varied ----------------------------------------------
{
  const doc = richStrategy(9, 5000000);
  const paras = doc.split(/\n\n+/).filter((p) => p.length > 300);
  const unique = new Set(paras).size / paras.length;
  assert.ok(unique > 0.98, `only ${(unique * 100).toFixed(1)}% of long blocks are distinct`);
  const headings = doc.match(/^#{2,3} .+$/gm);
  assert.ok(new Set(headings).size / headings.length > 0.9, 'headings repeat');
}

// ---- Feature coverage across seeds 1..50 --------------------------------------
// Seeds 1..50 at 20 KB and at 150 KB (small documents rarely need sub-sub-sections).
const docs = Array.from({ length: 50 }, (_, i) => richStrategy(i + 1, 20000));
docs.push(...Array.from({ length: 50 }, (_, i) => richStrategy(i + 1, 150000)));
const headingText = (doc) => {
  const out = [];
  const lines = doc.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<!--[\s\S]*?-->|^(```|~~~)[\s\S]*?^\1$/gm, '').split('\n');
  lines.forEach((l, i) => {
    const atx = /^#{1,6} (.*?)(?: #+)?$/.exec(l);
    if (atx) out.push(atx[1]);
    else if (/^(=+|-+)$/.test(l) && i > 0 && lines[i - 1].trim() && (i < 2 || !lines[i - 2].trim())) out.push(lines[i - 1]);
  });
  return out.join('\n');
};
const paraWords = (doc) => doc.split(/\n\n+/).filter((p) => /^[A-Z*]/.test(p)).map((p) => p.split(/\s+/).length);
const wordsPerLine = (l) => l.split(' ').length;
const FEATURES = {
  'front matter': /^---\ntitle: .+\nauthor: .+\ndate: \d{4}-\d\d-\d\d\nversion: .+\nstatus: .+\napproved_by: .+\nreview_date: \d{4}-\d\d-\d\d\ntags:/,
  'front matter tags (flow list)': /^tags: \[[\w-]+(, [\w-]+)+\]$/m,
  'front matter tags (block list)': /^tags:\n {2}- [\w-]+/m,
  'front matter wcc list': /^wcc: \[\d+(, \d+)+\]$/m,
  'front matter eqia link': /^eqia: \.\/equality-impact\.md$/m,
  'legislation inline link': /\[Mental Health Act 1983\]\(https:\/\/www\.legislation\.gov\.uk\/ukpga\/1983\/20\)/,
  'reference-style link': /\[[^\]\n]+\]\[[a-zA-Z0-9-]+\]/,
  'reference definition': /^\[[a-z0-9-]+\]: https?:\/\/\S+/m,
  'reference definition with title': /^\[[a-z0-9-]+\]: https?:\/\/\S+ ".+"$/m,
  'URL autolink': /<https:\/\/[^>\s]+>/,
  'email autolink': /<[\w.]+@[\w.-]+\.uk>/,
  'footnote reference': /\S\[\^\w+\]/,
  'footnote definition': /^\[\^\w+\]: \S/m,
  image: /!\[[^\]\n]*\]\([^)\s]+(?: "[^"]*")?\)|<img /,
  'block quote': /^> \S/m,
  'multi-paragraph block quote': /^> .+\n>\n> \S/m,
  'list inside block quote': /^> - \S/m,
  'bold paragraph label': /^\*\*[A-Z][^*\n]+:\*\* \S/m,
  italics: /(^|[\s(])\*[A-Z][^*\n]+\*(?=[\s).,])/m,
  'inline code': /[^`]`[^`\n]+`[^`]/,
  'smart quotes': /[“”’]/,
  'en dash': /–/,
  'em dash': /—/,
  'non-ASCII é': /é/, 'non-ASCII ö/ø': /[öø]/, 'non-ASCII ł': /ł/, 'Welsh ŵ': /ŵ/,
  '£ figures': /£\d[\d,.]*(?: million|m|k)?/,
  percentages: /\d%|\d per cent/,
  'WCC n': /WCC \d+\b(?![–:])/,
  'WCC n – name': /WCC \d+ – [A-Z][a-z]+/,
  'competency n': /\bcompetency \d+/,
  'WCC competency in words': /WCC competency (one|two|three|four|five|six|seven|eight|nine|ten|eleven)\b/,
  'WCC range': /WCC \d+–\d+/,
  'WCC list': /WCC: \d+, \d+ & \d+/,
  'Act citation': /\b[A-Z][a-z]+(?: [A-Za-z()]+)* Act (?:19|20)\d\d\b/,
  'EqIA table (all nine characteristics)': /Protected characteristic \| Impact \| Evidence \| Mitigation[\s\S]*Pregnancy and maternity[\s\S]*Sexual orientation/,
  'EqIA table (2009 strands)': /\*\*Gender \(including transgender people\)\*\*/,
  'finance table with alignment row': /^\|? ?:--- \| ---: \| ---: \| :---: \|?$/m,
  'finance total row': /\*\*Total\*\* \| \*\*[\d,]+\*\*/,
  'action plan (4 columns)': /^\|? ?(?:#|No\.) \| Action \| Lead \| By when \|?$/m,
  'action plan (5 columns)': /^\|? ?(?:#|No\.) \| Action \| Lead \| By when \| Measure of success \|?$/m,
  'action plan (6 columns)': /^\|? ?(?:#|No\.) \| Action \| Lead \| By when \| Measure of success \| RAG \|?$/m,
  'KPI table': /Indicator \| Baseline \| Target \| Source \| Frequency/,
  'table without outer pipes': /^[A-Z#][^|\n]* \| [^\n]+\n-{3} \|/m,
  'escaped pipe in table': /\\\|/,
  'ordered list': /^\d+\. \S/m,
  'ordered list with )': /^\d+\) \S/m,
  'unordered list': /^[-*+] (?!\[)\S/m,
  'nested list (2 levels)': /^(?:[-*+]|\d+[.)]) .+\n {2,3}(?:[-*+]|\d+[.)]) \S/m,
  'nested list (3 levels)': /^ {2,3}(?:[-*+]|\d+[.)]) .+\n {4,6}(?:[-*+]|\d+[.)]) \S/m,
  'loose list': /^(?:[-*+]|\d+[.)]) .+\n\n(?:[-*+]|\d+[.)]) \S/m,
  'task list (done and open)': /^[-*+] \[x\] .+$[\s\S]*^[-*+] \[ \] /m,
  'setext H1': /\n={3,}\n/,
  'setext H2': /\n\n[^\n-][^\n]*\n-{3,}\n/,
  'numbered ATX heading': /^#{2} \d+\.? [A-Z]/m,
  'sub-numbered heading (3.2 …)': /^#{3} \d+\.\d+ [A-Z]/m,
  'heading with closing #s': /^#{1,6} .+ #+$/m,
  'bold-line sub-heading': /\n\n\*\*\d+\.\d+\.\d+ [^*\n]+\*\*\n\n/,
  'HTML comment': /^<!--[\s\S]*?-->$/m,
  'multi-line HTML comment': /^<!--\n[\s\S]*?\n-->$/m,
  'details block': /^<details>\n<summary>.+<\/summary>\n\n[\s\S]+?\n\n<\/details>$/m,
  '<br>': /<br>/,
  'thematic break': /\n\n(?:---|\*\*\*|\* \* \*|___|- - -)\n\n/,
  'fenced code block': /^(?:```|~~~)\w+\n[\s\S]*?\n(?:```|~~~)$/m,
  'hard line break (two spaces)': / {2}\n/,
  'decommissioning': /decommission|will not be re-let|will close|stop funding|will not renew/,
  'contents list (linked)': /^(?:#+ )?(?:Contents|Table of contents)[\s\S]{0,80}?\n1\. \[[^\]]+\]\(#[\p{L}\p{N}-]+\)/mu,
  'contents list (plain text)': /\.{3,} \d+\n/,
  appendix: /Appendix [A-C]: /,
  glossary: /^(?:#+ )?(?:Appendix [A-C]: )?(?:Glossary|Glossary of terms|Abbreviations)(?: #+)?$/m,
  references: /^(?:#+ )?(?:Appendix [A-C]: )?(?:References|Further reading|Key documents)(?: #+)?$/m,
  'Notes heading for footnotes': /^## Notes\n\n\[\^/m,
};
const ELEMENTS = {
  purpose: /Introduction|Purpose of this strategy|Our vision and commitments|Why we need a new strategy|About this strategy|Our ambition for/,
  legislation: /national and legal context|Legislation and national policy|legislative framework|What the law requires|Statutory duties/,
  needs: /What the JSNA tells us|Local needs|Understanding need in|Who needs support|Population and prevalence/,
  services: /Where are we now\?|Current services|Current provision and spend|services we commission today|Mapping current provision/,
  evidence: /What works|Evidence and good practice|Research evidence|Learning from elsewhere|What the evidence says/,
  changes: /What we will do differently|Commissioning intentions|Changes we will make|Investment and disinvestment|Where we want to be/,
  monitoring: /How we will know we have succeeded|Monitoring and review|Measuring success|Governance and accountability|Outcomes framework/,
};
const seen = Object.fromEntries(Object.keys(FEATURES).map((k) => [k, 0]));
let longOneLine = 0, wrapped = 0, longParas = 0, allSeven = 0;
for (const doc of docs) {
  for (const [k, re] of Object.entries(FEATURES)) if (re.test(doc)) seen[k]++;
  const lines = doc.split('\n');
  if (lines.some((l) => /^[A-Z*]/.test(l) && wordsPerLine(l) >= 150)) longOneLine++;
  if (/(?:^|\n\n)[A-Z*][^\n]{55,80}\n[^\n]{55,80}\n[^\n]{55,80}\n/.test(doc)) wrapped++;
  if (paraWords(doc).some((w) => w >= 150 && w <= 400)) longParas++;
  const h = headingText(doc);
  const found = Object.values(ELEMENTS).filter((re) => re.test(h)).length;
  if (found === 7) allSeven++;
  assert.ok(doc.length < 5000 || found >= 5, `only ${found} of the seven elements have headings`);
}
const missing = Object.entries(seen).filter(([, n]) => n === 0).map(([k]) => k);
assert.deepStrictEqual(missing, [], `features never generated: ${missing.join(', ')}`);
assert.ok(longOneLine > 0 && wrapped > 0 && longParas > 0, 'long one-line, hard-wrapped and 150–400-word paragraphs');
assert.ok(allSeven >= 70, `all seven elements in only ${allSeven} documents`);
const per = docs.slice(0, 50).map((d) => Object.values(FEATURES).filter((re) => re.test(d)).length);
console.log(`features: all ${Object.keys(FEATURES).length} present across seeds 1..50; per document ${Math.min(...per)}–${Math.max(...per)}; all seven elements in ${allSeven}/${docs.length}`);
console.log('rarest:', Object.entries(seen).sort((a, b) => a[1] - b[1]).slice(0, 6).map(([k, n]) => `${k} ${n}`).join(', '));

// ---- Speed ---------------------------------------------------------------------
let t = process.hrtime.bigint();
for (let i = 1; i <= 1000; i++) richStrategy(i, 20000);
const ms20k = Number(process.hrtime.bigint() - t) / 1e6;
t = process.hrtime.bigint();
richStrategy(1, 10e6);
const ms10m = Number(process.hrtime.bigint() - t) / 1e6;
console.log(`speed: 1,000 × 20 KB in ${ms20k.toFixed(0)} ms; one 10 MB document in ${ms10m.toFixed(0)} ms`);
console.log('all tests passed');
