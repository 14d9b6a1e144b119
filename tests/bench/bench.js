// `npm run bench`: a benchmark, not a test. On two generated corpora side by side
// (corpus.js: 'plain', the shape the fast parser was built on, and 'rich', written
// without reading it) it measures, with the commands alternating:
//   - ours:   the built CLI (a private copy of dist/), on 2 threads and on 1;
//   - floors: a bare markdown-it parse and a bare remark parse of the same files
//             over the same threads (floor.js) — what any tool built on them pays;
//   - markdownlint-cli2 with its defaults (what a review team runs today);
// then the --cache speed-up, the cold start against `node -e 0`, how the cost grows
// with document size, table length and file count (1×, 2×, 4×, 8×), the language
// server's latency on a 500 KB strategy (lsp-bench.js --targets), and last the
// issue's targets with ✓/✗ for each corpus (targets.js); then the same strategies
// as Word documents (word-bench.js).
//
//   node tests/bench/bench.js [--quick] [--rounds N] [--threads N] [--no-markdownlint] [--no-lsp] [--no-word]
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { CORPORA, prepare } = require('./corpus');
const { setRunDir, alternate, fmtMs, fmtMb, fmtX, table } = require('./measure');
const { printTargets } = require('./targets');

const ROOT = path.resolve(__dirname, '..', '..');
const FLOOR = path.join(__dirname, 'floor.js');
const MARKDOWNLINT = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

function options(argv) {
  const number = (name, dflt) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt);
  const quick = argv.includes('--quick');
  return {
    quick,
    // --quick (about 2 minutes on an idle machine): 200 files instead of 1,000, one
    // round, scaling steps 1×, 2×, 4× only, and the markdown-it floor only in them.
    count: quick ? 200 : 1000,
    rounds: number('--rounds', quick ? 1 : 3),
    steps: quick ? 3 : 4,
    stepFloors: quick ? ['markdown-it'] : ['markdown-it', 'remark'],
    coldRounds: quick ? 9 : 21,
    threads: String(number('--threads', 2)),
    markdownlint: !argv.includes('--no-markdownlint'),
    lsp: !argv.includes('--no-lsp'),
    word: !argv.includes('--no-word'),
  };
}

/** Per corpus, what the targets table reads; filled in as the sections run. */
const results = Object.fromEntries(CORPORA.map((c) => [c.name, { rss: { mb: 0, where: '' } }]));

/** Keeps the largest peak RSS of any run of ours on a corpus, and which run it was. */
function noteRss(corpus, mb, where) {
  const r = results[corpus].rss;
  if (mb > r.mb) Object.assign(r, { mb, where });
}

// ------------------------------------------------------------ 1. the corpus

function corpusSection(cli, layouts, o, runDir) {
  const j = o.threads;
  const commands = layouts.flatMap((l) => [
    { corpus: l.name, role: 'ours', name: `commissioning-lint -j ${j}`, args: [cli, '-j', j, l.corpus] },
    { corpus: l.name, role: 'ours1', name: 'commissioning-lint -j 1', args: [cli, '-j', '1', l.corpus] },
    { corpus: l.name, role: 'mdit', name: `markdown-it parse, ${j} threads`, args: [FLOOR, 'markdown-it', j, l.corpus] },
    { corpus: l.name, role: 'mdit1', name: 'markdown-it parse, 1 thread', args: [FLOOR, 'markdown-it', '1', l.corpus] },
    { corpus: l.name, role: 'remark', name: `remark parse, ${j} threads`, args: [FLOOR, 'remark', j, l.corpus] },
    ...(o.markdownlint ? [{ corpus: l.name, role: 'mdl', name: 'markdownlint-cli2', args: [MARKDOWNLINT, `${path.basename(l.corpus)}/*.md`], cwd: l.dir }] : []),
    // Primed: the measured runs find an unchanged corpus and a filled cache.
    { corpus: l.name, role: 'cached', name: `commissioning-lint -j ${j} --cache`, args: [cli, '-j', j, '--cache', '--cache-location', path.join(runDir, `cache-${l.name}`), l.corpus], prime: true },
  ]);
  const runs = alternate(commands, o.rounds);
  const mb = Object.fromEntries(layouts.map((l) => [l.name, l.mb]));
  const of = (corpus, role) => runs.find((r) => r.corpus === corpus && r.role === role);
  console.log(`## ${o.count.toLocaleString('en-GB')} strategies × 20 KB (median of ${o.rounds}; ours and the floors on ${j} threads unless marked)\n`);
  console.log(table([
    ['corpus', 'command', 'wall', 'MB/s', 'CPU (all threads)', 'peak RSS', 'wall vs ours', 'CPU vs ours'],
    ...runs.map((m) => {
      const ours = of(m.corpus, 'ours');
      return [m.corpus, m.name, fmtMs(m.ms), (mb[m.corpus] / (m.ms / 1000)).toFixed(1), fmtMs(m.cpu), fmtMb(m.rss), fmtX(m.ms / ours.ms), fmtX(m.cpu / ours.cpu)];
    }),
  ], 2));
  // Ratios, one column per corpus. CPU is the steadier figure on a busy machine; wall is what a user waits for.
  const ratio = (a, b) => (a && b ? `${fmtX(a.ms / b.ms)} wall, ${fmtX(a.cpu / b.cpu)} CPU` : '–');
  const rows = [
    ['markdownlint-cli2 / ours', (c) => ratio(of(c, 'mdl'), of(c, 'ours'))],
    ['ours / markdown-it floor', (c) => ratio(of(c, 'ours'), of(c, 'mdit'))],
    ['ours / remark floor', (c) => ratio(of(c, 'ours'), of(c, 'remark'))],
    ['ours -j 1 / markdown-it, 1 thread', (c) => ratio(of(c, 'ours1'), of(c, 'mdit1'))],
    ['--cache, unchanged corpus', (c) => `${fmtMs(of(c, 'cached').ms)}, ${fmtX(of(c, 'ours').ms / of(c, 'cached').ms, 1)} faster`],
  ];
  console.log(`\n${table([['', ...layouts.map((l) => l.name)], ...rows.map(([label, f]) => [label, ...layouts.map((l) => f(l.name))])], 3)}\n`);
  for (const l of layouts) {
    const r = results[l.name];
    const mdl = of(l.name, 'mdl');
    if (mdl) r.mdlWall = mdl.ms / of(l.name, 'ours').ms;
    r.cpuVsMarkdownIt = of(l.name, 'ours1').cpu / of(l.name, 'mdit1').cpu;
    r.cache = of(l.name, 'ours').ms / of(l.name, 'cached').ms;
    noteRss(l.name, of(l.name, 'ours').rss, `${o.count} files, -j ${j}`);
    noteRss(l.name, of(l.name, 'ours1').rss, `${o.count} files, -j 1`);
  }
}

// ------------------------------------------------------------ 2. cold start

function coldSection(cli, layouts, o) {
  const cold = alternate([
    { name: 'node -e 0', args: ['-e', '0'], hook: false },
    ...layouts.map((l) => ({ corpus: l.name, name: `commissioning-lint ${l.name}/small.md (${(fs.statSync(l.small).size / 1024).toFixed(0)} KB)`, args: [cli, l.small], hook: false })),
  ], o.coldRounds);
  console.log(`## Cold start, one small strategy (median of ${o.coldRounds})\n`);
  console.log(table([['command', 'wall', 'vs node -e 0'], ...cold.map((c) => [c.name, fmtMs(c.ms), fmtX(c.ms / cold[0].ms)])]));
  console.log('');
  for (const c of cold.slice(1)) results[c.corpus].cold = c.ms / cold[0].ms;
}

// ------------------------------------------------------------ 3. scaling

/**
 * One scaling section: for each corpus and step (1×, 2×, 4×, 8×), ours and the
 * floors. "added per 1×" is the CPU time a step adds per 1× added, against the
 * average over all steps: start-up cancels out, so it stays near 1.00 while the cost
 * is linear (n log n gives 0.58, 0.88, 1.17; n² 0.33, 0.67, 1.33). The target
 * compares the last step with all before it (linearity() below).
 */
function stepsSection(title, key, cli, layouts, o, stepsOf, label) {
  const floors = o.stepFloors;
  const commands = layouts.flatMap((l) => stepsOf(l).flatMap((it, i) => {
    const at = { corpus: l.name, step: i };
    return [
      { ...at, role: 'ours', args: [cli, ...(it.jobs ? ['-j', it.jobs] : []), ...it.args] },
      ...floors.map((f) => ({ ...at, role: f, args: [FLOOR, f, it.jobs ?? '1', ...it.args] })),
    ];
  }));
  const runs = alternate(commands, o.rounds);
  console.log(`## ${title} (median of ${o.rounds}; "added per 1×" is CPU time, against the average over the steps)\n`);
  const rows = [['corpus', 'step', 'ours wall', 'ours CPU', 'added per 1×', 'peak RSS', ...floors.map((f) => `ours/${f} wall, CPU`)]];
  for (const l of layouts) {
    const items = stepsOf(l);
    const get = (i, role) => runs.find((r) => r.corpus === l.name && r.step === i && r.role === role);
    const cpu = items.map((_, i) => get(i, 'ours').cpu);
    const last = items.length - 1;
    const average = (cpu[last] - cpu[0]) / (items[last].k - items[0].k);
    items.forEach((it, i) => {
      const ours = get(i, 'ours');
      const added = i === 0 ? '–' : ((cpu[i] - cpu[i - 1]) / (it.k - items[i - 1].k) / average).toFixed(2);
      const vs = (f) => `${(ours.ms / f.ms).toFixed(2)}, ${(ours.cpu / f.cpu).toFixed(2)}`;
      rows.push([l.name, label(it), fmtMs(ours.ms), fmtMs(ours.cpu), added, fmtMb(ours.rss), ...floors.map((f) => vs(get(i, f)))]);
      noteRss(l.name, ours.rss, `${title.toLowerCase()} ${it.k}×`);
    });
    results[l.name][key] = linearity(items.map((it) => it.k), cpu);
  }
  console.log(`${table(rows, 2)}\n`);
}

/**
 * The cost per 1× added by the last step, against that of all the steps before it
 * (4×→8× against 1×→4×): 1.0 when linear, 1.5 for n log n, 2.4 for n².
 */
function linearity(ks, cost) {
  const n = ks.length - 1;
  const before = (cost[n - 1] - cost[0]) / (ks[n - 1] - ks[0]);
  // Noise larger than the earlier steps' cost leaves nothing to compare with.
  return before > 0 ? (cost[n] - cost[n - 1]) / (ks[n] - ks[n - 1]) / before : NaN;
}

function scalingSections(cli, layouts, o) {
  const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;
  const ks = [1, 2, 4, 8].slice(0, o.steps);
  stepsSection('Document size', 'size', cli, layouts, o, (l) => l.sizes.slice(0, o.steps).map((s) => ({ k: s.k, args: [s.file], bytes: s.bytes })), (it) => `${it.k}× (${mb(it.bytes)})`);
  stepsSection('Table length', 'tables', cli, layouts, o, (l) => l.tables.slice(0, o.steps).map((t) => ({ k: t.k, args: [t.file], rows: t.rows, bytes: t.bytes })), (it) => `${it.k}× (${it.rows} rows, ${mb(it.bytes)})`);
  // The largest step is the whole corpus.
  const files = (l, k) => l.files.slice(0, (l.files.length / ks[ks.length - 1]) * k);
  stepsSection('File count', 'files', cli, layouts, o, (l) => ks.map((k) => ({ k, args: files(l, k), jobs: o.threads })), (it) => `${it.k}× (${it.args.length} files)`);
}

// ------------------------------------------------------------ 4. the language server

/** Runs lsp-bench.js --targets against the private dist copy and reads its figures. */
function lspSection(distCopy, o, runDir) {
  const json = path.join(runDir, 'lsp.json');
  const r = spawnSync(process.execPath, [path.join(__dirname, 'lsp-bench.js'), '--targets', '--json', json, ...(o.quick ? ['--quick'] : [])], {
    env: { ...process.env, COMMISSIONING_LINT_SERVER: path.join(distCopy, 'server.js') },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  console.log(`## Language server, 500 KB strategies (lsp-bench.js --targets)\n\n${r.stdout}`);
  if (r.status !== 0) return console.log(`lsp-bench.js exited ${r.status}\n`);
  const lsp = JSON.parse(fs.readFileSync(json, 'utf8'));
  for (const name of Object.keys(results)) if (lsp[name]) results[name].lsp = lsp[name];
}

// ------------------------------------------------------------ main

async function main() {
  const o = options(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `node esbuild.js` first');
  const layouts = CORPORA.map((c) => prepare(c, o.count));
  // A private folder per run: a copy of dist/ (a rebuild mid-run cannot change what
  // is measured; timestamps kept, as the launcher uses its code cache only if it is
  // not older than the bundle), the RSS hook and the --cache files.
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'commissioning-lint-bench-run-'));
  try {
    setRunDir(runDir);
    const distCopy = path.join(runDir, 'dist');
    fs.cpSync(path.join(ROOT, 'dist'), distCopy, { recursive: true, preserveTimestamps: true });
    const cli = path.join(distCopy, 'cli.js');
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    const started = Date.now();
    console.log(`commissioning-lint benchmark${o.quick ? ' (--quick)' : ''} · node ${process.version} · ${cores} cores · ${os.cpus()[0]?.model ?? ''} · load average ${os.loadavg()[0].toFixed(2)} at start`);
    for (const l of layouts) console.log(`corpus ${l.name}: ${l.files.length} strategies, ${l.mb.toFixed(1)} MB, in ${l.dir}`);
    console.log('');
    corpusSection(cli, layouts, o, runDir);
    coldSection(cli, layouts, o);
    scalingSections(cli, layouts, o);
    if (o.lsp) lspSection(distCopy, o, runDir);
    // Word (.docx): a section of its own (tests/bench/word-bench.js); --no-word leaves it out.
    if (o.word) await require('./word-bench').main({ quick: o.quick, rounds: o.rounds, cli });
    printTargets(results, layouts.map((l) => l.name), { threads: o.threads, count: o.count });
    console.log(`\nload average ${os.loadavg().map((x) => x.toFixed(2)).join(', ')} at the end (1, 5, 15 min); ${((Date.now() - started) / 60000).toFixed(1)} min in all`);
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
