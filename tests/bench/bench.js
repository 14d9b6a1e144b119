// `npm run bench`: a benchmark, not a test. Generates a deterministic corpus of
// strategies under the OS temp folder (never in the repository) and measures, in
// one run with the commands alternating:
//   - ours:  the built CLI (dist/cli.js), default options;
//   - floor: a bare remark parse (no extensions) of the same files, spread over
//            the same number of threads — what any remark-based tool must pay;
//   - markdownlint-cli2 with its defaults (what a review team runs today);
// then the --cache speed-up, the cold start against `node -e 0`, and how the cost
// grows with document size, table length and file count (1×, 2×, 4×, 8×); then
// the same strategies as Word documents (word-bench.js).
// Prints wall time, peak RSS (maxRSS of the process, threads included) and ratios.
//
//   node tests/bench/bench.js [--rounds N] [--quick] [--no-markdownlint] [--no-word]
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
/** The CLI under test: a private copy of dist/ (see main), so a rebuild mid-run cannot change it. */
let CLI = path.join(ROOT, 'dist', 'cli.js');
const MARKDOWNLINT = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
/** Bump when the generator changes, so an old corpus is not reused. */
const CORPUS_VERSION = 2;

// ---------------------------------------------------------------- the corpus

const { strategy } = require('./generate');

/** Writes the corpus once per CORPUS_VERSION; returns its paths. */
function corpus(quick) {
  const dir = path.join(os.tmpdir(), `commissioning-lint-bench-v${CORPUS_VERSION}${quick ? '-quick' : ''}`);
  const count = quick ? 200 : 1000;
  const step = 640 * 1024;
  const rows = [1250, 2500, 5000, 10000];
  const layout = {
    dir,
    corpus: path.join(dir, 'corpus'),
    files: Array.from({ length: count }, (_, i) => path.join(dir, 'corpus', `strategy-${String(i + 1).padStart(4, '0')}.md`)),
    sizes: [1, 2, 4, 8].map((k) => ({ k, file: path.join(dir, 'sizes', `strategy-${k}x.md`) })),
    tables: rows.map((n, i) => ({ k: 2 ** i, rows: n, file: path.join(dir, 'tables', `table-${n}-rows.md`) })),
    small: path.join(dir, 'small.md'),
  };
  if (fs.existsSync(path.join(dir, 'manifest.json'))) {
    writeHook(dir);
    return layout;
  }
  process.stderr.write(`generating the corpus in ${dir} …\n`);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const d of ['corpus', 'sizes', 'tables']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  layout.files.forEach((f, i) => fs.writeFileSync(f, strategy(i + 1, 20 * 1024)));
  for (const s of layout.sizes) fs.writeFileSync(s.file, strategy(90001 + s.k, s.k * step));
  for (const t of layout.tables) fs.writeFileSync(t.file, strategy(80001, 8 * 1024, t.rows));
  fs.writeFileSync(layout.small, strategy(70001, 6 * 1024));
  writeHook(dir);
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: CORPUS_VERSION, count }));
  return layout;
}

/** A preload that reports a process's peak RSS and CPU time (all its threads) when it exits. */
function writeHook(dir) {
  fs.writeFileSync(
    path.join(dir, 'rss-hook.js'),
    "if (require('node:worker_threads').isMainThread && process.env.BENCH_RSS_FILE) process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`); });\n",
  );
}

// ---------------------------------------------------------------- the floor

/** `bench.js --floor JOBS FILE|DIR…`: bare remark parses of the files over JOBS threads. */
async function floor(args) {
  const { Worker, isMainThread, workerData } = require('node:worker_threads');
  const parseAll = async (files, next) => {
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const processor = unified().use(remarkParse).freeze();
    for (let i = next(); i < files.length; i = next()) processor.parse(fs.readFileSync(files[i], 'utf8'));
  };
  if (!isMainThread) {
    const counter = new Int32Array(workerData.counter);
    return parseAll(workerData.files, () => Atomics.add(counter, 0, 1));
  }
  const jobs = Number(args[0]);
  const files = args.slice(1).flatMap((p) => (fs.statSync(p).isDirectory() ? fs.readdirSync(p).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(p, f)) : [p]));
  if (jobs <= 1) {
    let i = 0;
    return parseAll(files, () => i++);
  }
  const counter = new SharedArrayBuffer(4);
  await Promise.all(Array.from({ length: jobs }, () => new Promise((resolve, reject) => new Worker(__filename, { argv: ['--floor'], workerData: { files, counter } }).on('exit', resolve).on('error', reject))));
}

// ---------------------------------------------------------------- measuring

function measure(layout, args, opts = {}) {
  const rssFile = path.join(layout.dir, `rss-${process.pid}.txt`);
  fs.rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...(opts.hook === false ? [] : ['-r', path.join(layout.dir, 'rss-hook.js')]), ...args], {
    cwd: opts.cwd ?? layout.dir,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [rssKb, cpuUs] = fs.existsSync(rssFile) ? fs.readFileSync(rssFile, 'utf8').split(' ').map(Number) : [NaN, NaN];
  return { ms, rss: rssKb / 1024, cpu: cpuUs / 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtMs = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtMb = (mb) => `${Math.round(mb)} MB`;

/** Runs each command `rounds` times, alternating; returns median wall time and peak RSS per command. */
function alternate(layout, commands, rounds) {
  const runs = commands.map(() => []);
  // A command marked `prime` runs once unmeasured first (to fill the cache).
  for (const c of commands) if (c.prime) measure(layout, c.args, c);
  for (let r = 0; r < rounds; r++) {
    commands.forEach((c, i) => {
      runs[i].push(measure(layout, c.args, c));
      process.stderr.write('.');
    });
  }
  process.stderr.write('\n');
  return commands.map((c, i) => ({ name: c.name, ms: median(runs[i].map((x) => x.ms)), cpu: median(runs[i].map((x) => x.cpu)), rss: Math.max(...runs[i].map((x) => x.rss)), n: runs[i].length }));
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')).join('\n');
}

function main() {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const rounds = Number(argv[argv.indexOf('--rounds') + 1]) || (quick ? 2 : 3);
  const withMarkdownlint = !argv.includes('--no-markdownlint');
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node esbuild.js` first');
  const layout = corpus(quick);
  const copy = path.join(layout.dir, 'dist');
  fs.rmSync(copy, { recursive: true, force: true });
  // Timestamps kept: the launcher uses the code cache only if it is not older than the bundle.
  fs.cpSync(path.join(ROOT, 'dist'), copy, { recursive: true, preserveTimestamps: true });
  CLI = path.join(copy, 'cli.js');
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const mb = layout.files.reduce((a, f) => a + fs.statSync(f).size, 0) / 1048576;
  console.log(`commissioning-lint benchmark · node ${process.version} · ${cores} cores · ${os.cpus()[0]?.model ?? ''} · load average ${os.loadavg()[0].toFixed(2)} at start`);
  console.log(`corpus: ${layout.files.length} strategies, ${mb.toFixed(1)} MB, in ${layout.dir}\n`);

  // 1. The corpus: ours, the floor and markdownlint-cli2, alternating.
  const cacheDir = path.join(layout.dir, 'cache');
  fs.rmSync(cacheDir, { recursive: true, force: true });
  const runs = alternate(layout, [
    { name: 'commissioning-lint', args: [CLI, layout.corpus] },
    { name: 'bare remark parse (floor)', args: [__filename, '--floor', String(cores), layout.corpus] },
    ...(withMarkdownlint ? [{ name: 'markdownlint-cli2', args: [MARKDOWNLINT, 'corpus/*.md'] }] : []),
    // Primed: the runs measure an unchanged corpus against a filled cache.
    { name: 'commissioning-lint --cache', args: [CLI, '--cache', '--cache-location', cacheDir, layout.corpus], prime: true },
  ], rounds);
  const [ours, base, mdl] = runs;
  const cached = runs[runs.length - 1];
  console.log(`## ${layout.files.length} strategies × 20 KB (median of ${rounds} runs, threads: ${cores})\n`);
  console.log(table([
    ['command', 'wall', 'MB/s', 'CPU (all threads)', 'peak RSS', 'wall vs ours', 'CPU vs ours'],
    ...runs.map((m) => [m.name, fmtMs(m.ms), (mb / (m.ms / 1000)).toFixed(2), fmtMs(m.cpu), fmtMb(m.rss), `${(m.ms / ours.ms).toFixed(2)}×`, `${(m.cpu / ours.cpu).toFixed(2)}×`]),
  ]));
  console.log('');
  // CPU time is the steadier figure on a busy machine; wall time is what a user waits.
  if (mdl?.name === 'markdownlint-cli2') console.log(`markdownlint-cli2 / ours: ${(mdl.ms / ours.ms).toFixed(2)}× wall, ${(mdl.cpu / ours.cpu).toFixed(2)}× CPU (target ≥ 3×)`);
  console.log(`ours / bare remark parse: ${(ours.ms / base.ms).toFixed(2)}× wall, ${(ours.cpu / base.cpu).toFixed(2)}× CPU (target ≤ 1.5×)`);
  console.log(`peak RSS of ours: ${fmtMb(ours.rss)} (target ≤ 300 MB)`);
  console.log(`--cache on an unchanged corpus: ${fmtMs(cached.ms)}, ${(ours.ms / cached.ms).toFixed(1)}× faster (target ≥ 20×)\n`);

  // 2. Cold start: one small strategy against `node -e 0`.
  const cold = alternate(layout, [
    { name: 'node -e 0', args: ['-e', '0'], hook: false },
    { name: 'commissioning-lint small.md', args: [CLI, layout.small], hook: false },
  ], quick ? 9 : 21);
  console.log(`## Cold start (median of ${cold[0].n})\n`);
  console.log(table([['command', 'wall'], ...cold.map((c) => [c.name, fmtMs(c.ms)])]));
  console.log(`\nratio: ${(cold[1].ms / cold[0].ms).toFixed(2)}× node -e 0 (target ≤ 2.5×)\n`);

  // 3. Scaling: cost per step should stay flat (linear cost).
  const steps = (name, items, label, withFloor) => {
    const commands = items.flatMap((it) => [
      { name: `ours ${label(it)}`, args: [CLI, ...it.args] },
      ...(withFloor ? [{ name: `floor ${label(it)}`, args: [__filename, '--floor', String(it.jobs ?? 1), ...it.args] }] : []),
    ]);
    const res = alternate(layout, commands, rounds);
    console.log(`## ${name} (median of ${rounds})\n`);
    const per = withFloor ? 2 : 1;
    const base1 = res[0].ms / items[0].k;
    // The added cost of each step, per 1× added, against the average over all steps:
    // start-up cancels out, so this stays near 1.00 when the cost is linear, and the
    // last steps rise above it if not. (Against the first step alone, a step that is
    // nearly all start-up made the ratio meaningless.)
    const ours = (i) => res[i * per].ms;
    const last = items.length - 1;
    const firstAdded = last > 0 ? (ours(last) - ours(0)) / (items[last].k - items[0].k) : NaN;
    const rows = items.map((it, i) => {
      const o = res[i * per];
      const f = withFloor ? res[i * per + 1] : undefined;
      const added = i === 0 ? '–' : ((ours(i) - ours(i - 1)) / (it.k - items[i - 1].k) / firstAdded).toFixed(2);
      return [label(it), fmtMs(o.ms), fmtMs(o.cpu), `${(o.ms / it.k / base1).toFixed(2)}`, added, fmtMb(o.rss), ...(f ? [fmtMs(f.ms), `${(o.ms / f.ms).toFixed(2)}×`, `${(o.cpu / f.cpu).toFixed(2)}×`] : [])];
    });
    console.log(table([['step', 'ours', 'ours CPU', 'per 1×', 'added per 1×', 'peak RSS', ...(withFloor ? ['floor', 'ours/floor', 'CPU ours/floor'] : [])], ...rows]));
    console.log('');
  };
  steps('Document size', layout.sizes.map((s) => ({ k: s.k, args: [s.file], size: fs.statSync(s.file).size })), (it) => `${it.k}× (${(it.size / 1048576).toFixed(2)} MB)`, true);
  steps('Table length', layout.tables.map((t) => ({ k: t.k, args: [t.file], rows: t.rows })), (it) => `${it.k}× (${it.rows} rows)`, true);
  const n = layout.files.length;
  steps('File count', [1, 2, 4, 8].map((k) => ({ k, args: layout.files.slice(0, (n / 8) * k), jobs: cores })), (it) => `${it.k}× (${it.args.length} files)`, true);
  console.log(`load average ${os.loadavg()[0].toFixed(2)} at the end (other work on the machine slows every command alike, but adds noise)`);
  // Word (.docx): a section of its own (tests/bench/word-bench.js); --no-word leaves it out.
  if (!argv.includes('--no-word')) return require('./word-bench').main({ quick, rounds, cli: CLI });
}

// Dispatch last: the generator's constants above must exist first.
if (process.argv[2] === '--floor') {
  floor(process.argv.slice(3));
} else if (require.main === module) {
  main();
}
