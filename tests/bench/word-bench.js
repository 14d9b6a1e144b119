// `npm run bench` (its Word section) or `node tests/bench/word-bench.js`: Word
// (.docx) strategies, a benchmark, not a test. The corpus is the benchmark's
// own (tests/bench/generate.js, the same seeds as bench.js), each strategy
// written both as Markdown and as a Word document built from that Markdown
// (tests/helpers/docx.js: front matter as document properties), under the OS
// temp folder. It measures, with the commands alternating:
//   - the CLI over the Word corpus and over the same strategies as Markdown
//     (files per second, CPU of all threads, peak RSS; target: Word within 3×);
//   - --cache on the unchanged Word corpus;
//   - one 20-page strategy (60 KB of Markdown) linted warm, in process, through
//     the same steps as the engine (convert, lint, locate; target ≤ 150 ms),
//     and cold through the CLI.
//
//   node tests/bench/word-bench.js [--rounds N] [--quick]
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { strategy } = require('./generate');

const ROOT = path.resolve(__dirname, '..', '..');
/** Bump when the generator or the Word builder changes, so an old corpus is not reused. */
const CORPUS_VERSION = 1;
/** A 20-page strategy: about 3 KB of Markdown a page. */
const PAGES_20 = 60 * 1024;

async function corpus(quick) {
  const dir = path.join(os.tmpdir(), `commissioning-lint-word-bench-v${CORPUS_VERSION}${quick ? '-quick' : ''}`);
  const count = quick ? 200 : 1000;
  const layout = {
    dir,
    word: path.join(dir, 'word'),
    markdown: path.join(dir, 'markdown'),
    count,
    twenty: path.join(dir, 'twenty-pages.docx'),
    twentyMd: path.join(dir, 'twenty-pages.md'),
  };
  if (fs.existsSync(path.join(dir, 'manifest.json'))) return layout;
  process.stderr.write(`generating ${count} Word strategies in ${dir} (once; a few minutes) …\n`);
  const { markdownToDocx } = require('../helpers/docx');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(layout.word, { recursive: true });
  fs.mkdirSync(layout.markdown, { recursive: true });
  for (let i = 0; i < count; i++) {
    // The seeds and size of bench.js's corpus: the same strategies.
    const md = strategy(i + 1, 20 * 1024);
    const name = `strategy-${String(i + 1).padStart(4, '0')}`;
    fs.writeFileSync(path.join(layout.markdown, `${name}.md`), md);
    fs.writeFileSync(path.join(layout.word, `${name}.docx`), await markdownToDocx(md));
    if (i % 100 === 99) process.stderr.write(`  ${i + 1}\n`);
  }
  const big = strategy(60001, PAGES_20);
  fs.writeFileSync(layout.twentyMd, big);
  fs.writeFileSync(layout.twenty, await markdownToDocx(big));
  fs.writeFileSync(path.join(dir, 'rss-hook.js'), "if (require('node:worker_threads').isMainThread && process.env.BENCH_RSS_FILE) process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`); });\n");
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: CORPUS_VERSION, count }));
  return layout;
}

function measure(layout, args) {
  const rssFile = path.join(layout.dir, `rss-${process.pid}.txt`);
  fs.rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', path.join(layout.dir, 'rss-hook.js'), ...args], { cwd: layout.dir, env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [rssKb, cpuUs] = fs.readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { ms, rss: rssKb / 1024, cpu: cpuUs / 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtMs = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

function alternate(layout, commands, rounds) {
  const runs = commands.map(() => []);
  for (const c of commands) if (c.prime) measure(layout, c.args);
  for (let r = 0; r < rounds; r++) {
    commands.forEach((c, i) => {
      runs[i].push(measure(layout, c.args));
      process.stderr.write('.');
    });
  }
  process.stderr.write('\n');
  return commands.map((c, i) => ({ name: c.name, ms: median(runs[i].map((x) => x.ms)), cpu: median(runs[i].map((x) => x.cpu)), rss: Math.max(...runs[i].map((x) => x.rss)) }));
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')).join('\n');
}

/**
 * One Word strategy through the engine's steps in this process (convert, lint,
 * locate each finding), warm: the median of `n` runs after `warm` unmeasured ones.
 */
async function warmLint(dist, file, n = 21, warm = 8) {
  const { docxToMarkdown } = require(path.join(dist, 'docx.js'));
  const core = require(path.join(dist, 'core.js'));
  const { policy } = core.loadPolicy({});
  const bytes = fs.readFileSync(file);
  const once = async () => {
    const t = process.hrtime.bigint();
    const r = await docxToMarkdown(bytes);
    const ctx = { fileName: path.basename(file), policy };
    const a = core.analyse(r.markdown, ctx);
    const result = core.lintAnalysis(a, ctx);
    for (const d of result.diagnostics) core.describeLocation(a.model, a.model.lines.lineStart(d.line) + d.column - 1);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  for (let i = 0; i < warm; i++) await once();
  const times = [];
  for (let i = 0; i < n; i++) times.push(await once());
  return median(times);
}

async function main(opts = {}) {
  const argv = process.argv.slice(2);
  const quick = opts.quick ?? argv.includes('--quick');
  const rounds = opts.rounds ?? (Number(argv[argv.indexOf('--rounds') + 1]) || (quick ? 2 : 3));
  let cli = opts.cli;
  const layout = await corpus(quick);
  if (!cli) {
    // A private copy of dist/, so a rebuild mid-run cannot change what is measured.
    const copy = path.join(layout.dir, 'dist');
    fs.rmSync(copy, { recursive: true, force: true });
    fs.cpSync(path.join(ROOT, 'dist'), copy, { recursive: true, preserveTimestamps: true });
    cli = path.join(copy, 'cli.js');
  }
  const dist = path.dirname(cli);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const sum = (d) => fs.readdirSync(d).reduce((a, f) => a + fs.statSync(path.join(d, f)).size, 0) / 1048576;
  console.log(`## Word documents (.docx) · node ${process.version} · ${cores} cores · load average ${os.loadavg()[0].toFixed(2)} at start\n`);
  console.log(`corpus: ${layout.count} strategies as Word (${sum(layout.word).toFixed(1)} MB of .docx) and as Markdown (${sum(layout.markdown).toFixed(1)} MB), in ${layout.dir}\n`);

  const cacheDir = path.join(layout.dir, 'cache');
  fs.rmSync(cacheDir, { recursive: true, force: true });
  const runs = alternate(layout, [
    { name: 'Word (.docx)', args: [cli, layout.word] },
    { name: 'Markdown, same strategies', args: [cli, layout.markdown] },
    { name: 'Word --cache (unchanged)', args: [cli, '--cache', '--cache-location', cacheDir, layout.word], prime: true },
  ], rounds);
  const [word, md, cached] = runs;
  console.log(`### ${layout.count} strategies (median of ${rounds} runs, threads: ${cores})\n`);
  console.log(table([
    ['command', 'wall', 'files/s', 'CPU (all threads)', 'peak RSS'],
    ...runs.map((m) => [m.name, fmtMs(m.ms), Math.round(layout.count / (m.ms / 1000)), fmtMs(m.cpu), `${Math.round(m.rss)} MB`]),
  ]));
  console.log('');
  console.log(`Word / Markdown: ${(word.ms / md.ms).toFixed(2)}× wall, ${(word.cpu / md.cpu).toFixed(2)}× CPU (target ≤ 3×)`);
  console.log(`--cache on the unchanged Word corpus: ${fmtMs(cached.ms)}, ${(word.ms / cached.ms).toFixed(1)}× faster\n`);

  const warm = await warmLint(dist, layout.twenty);
  const warmMd = await (async () => {
    const core = require(path.join(dist, 'core.js'));
    const { policy } = core.loadPolicy({});
    const text = fs.readFileSync(layout.twentyMd, 'utf8');
    const times = [];
    for (let i = 0; i < 29; i++) {
      const t = process.hrtime.bigint();
      core.lint(text, { fileName: 'twenty-pages.md', policy });
      if (i >= 8) times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return median(times);
  })();
  const cold = alternate(layout, [
    { name: 'CLI, 20-page Word strategy', args: [cli, layout.twenty] },
    { name: 'CLI, the same as Markdown', args: [cli, layout.twentyMd] },
  ], quick ? 5 : 11);
  console.log(`### One 20-page strategy (${Math.round(PAGES_20 / 1024)} KB of Markdown; ${Math.round(fs.statSync(layout.twenty).size / 1024)} KB .docx)\n`);
  console.log(table([
    ['measure', 'Word', 'Markdown'],
    ['warm, in process (median of 21)', fmtMs(warm), fmtMs(warmMd)],
    [`cold, the CLI (median of ${quick ? 5 : 11})`, fmtMs(cold[0].ms), fmtMs(cold[1].ms)],
    ['peak RSS, the CLI', `${Math.round(cold[0].rss)} MB`, `${Math.round(cold[1].rss)} MB`],
  ]));
  console.log(`\nwarm 20-page Word strategy: ${fmtMs(warm)} (target ≤ 150 ms)`);
  console.log(`load average ${os.loadavg()[0].toFixed(2)} at the end\n`);
}

module.exports = { main };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
