// Running commands for the benchmark: each in a fresh node process, alternating
// with the others so a change in the machine's load falls on all of them alike.
// A preload reports each process's peak RSS and CPU time (all its threads).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** The folder of this run's private files (dist copy, hook, caches); set by bench.js. */
let runDir;

/** Writes the preload that reports peak RSS and CPU time when a process exits. */
function setRunDir(dir) {
  runDir = dir;
  fs.writeFileSync(
    path.join(dir, 'rss-hook.js'),
    "if (require('node:worker_threads').isMainThread && process.env.BENCH_RSS_FILE) process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`); });\n",
  );
}

/**
 * Runs `node ...args` once: wall ms, CPU ms and peak RSS in MB. `hook: false` leaves
 * the preload out (for the cold start, where loading it would be measured too).
 */
function measure(args, opts = {}) {
  const rssFile = path.join(runDir, `rss-${process.pid}.txt`);
  fs.rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...(opts.hook === false ? [] : ['-r', path.join(runDir, 'rss-hook.js')]), ...args], {
    cwd: opts.cwd ?? runDir,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // 1 is a lint finding, not a failure.
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ').slice(0, 300)} exited ${r.status}: ${r.stderr}`);
  const [rssKb, cpuUs] = fs.existsSync(rssFile) ? fs.readFileSync(rssFile, 'utf8').split(' ').map(Number) : [NaN, NaN];
  return { ms, rss: rssKb / 1024, cpu: cpuUs / 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs each command `rounds` times, alternating; returns per command the median
 * wall and CPU time and the largest peak RSS. A command marked `prime` runs once
 * unmeasured first (to fill its cache).
 */
function alternate(commands, rounds) {
  const runs = commands.map(() => []);
  for (const c of commands) if (c.prime) measure(c.args, c);
  for (let r = 0; r < rounds; r++) {
    commands.forEach((c, i) => {
      runs[i].push(measure(c.args, c));
      process.stderr.write('.');
    });
  }
  process.stderr.write('\n');
  return commands.map((c, i) => ({ ...c, ms: median(runs[i].map((x) => x.ms)), cpu: median(runs[i].map((x) => x.cpu)), rss: Math.max(...runs[i].map((x) => x.rss)), n: runs[i].length }));
}

const fmtMs = (ms) => (Number.isNaN(ms) ? '–' : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtMb = (mb) => (Number.isNaN(mb) ? '–' : `${Math.round(mb)} MB`);
const fmtX = (x, digits = 2) => (Number.isFinite(x) ? `${x.toFixed(digits)}×` : '–');

/** A plain-text table: the first `left` columns left-aligned, the others right-aligned. */
function table(rows, left = 1) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (i < left ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd()).join('\n');
}

module.exports = { setRunDir, measure, alternate, median, fmtMs, fmtMb, fmtX, table };
