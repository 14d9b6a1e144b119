// `npm run bench:lsp`: a benchmark of the built language server, not a test.
// Drives dist/server.js over stdio with a real JSON-RPC client and prints:
//   - one-line edit → fresh pulled diagnostics, p50/p95/p99, for 10 KB, 50 KB and
//     500 KB strategies (the edit is sent, then textDocument/diagnostic, timed
//     until its answer);
//   - what other requests cost on the 500 KB strategy right after an edit;
//   - heap (after a forced GC) and RSS with 200 open strategies;
//   - the targets on 500 KB strategies from three sources (a real strategy
//     lengthened, and the benchmark's plain and rich generators): first
//     diagnostics of a newly opened strategy (didOpen → answer of the first pull,
//     median of several distinct strategies) and the p99 of one-line edits.
// Beside wall times, the server's CPU time (all its threads, from /proc on Linux):
// the steadier figure when the machine is busy.
// Targets: p50 ≤ 20 ms at 50 KB, ≤ 150 ms at 500 KB, heap ≤ 200 MB; first
// diagnostics of a newly opened 500 KB strategy ≤ 100 ms, edit p99 ≤ 50 ms.
//
//   node tests/bench/lsp-bench.js [--quick] [--targets] [--json FILE] [--idle MS]
//     --targets  only the targets section (what `npm run bench` runs)
//     --json     also write the targets' figures to FILE
//     --idle MS  idle time after the warm-up (default 3000)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startClient, uriOf, ROOT } = require('../lsp/lsp-client');
const { makeStrategy } = require('./lsp-fixture');
const { strategy } = require('./generate');
const { richStrategy } = require('./generate-rich');

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const jsonFile = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined;

/** The 500 KB strategies of the targets: the i-th distinct one from each source. */
const SOURCES = {
  // Renumbered headings make every chunk distinct, so nothing is found in the parse cache.
  fixture: (bytes, i) => makeStrategy(bytes).replace(/^(#{1,6} .*)$/gm, `$1 (copy ${i})`),
  plain: (bytes, i) => strategy(5001 + i, bytes),
  rich: (bytes, i) => richStrategy(5001 + i, bytes),
};

/** Idle time given to the server after the warm-up (`--idle MS`; 0 measures a server never left alone). */
const IDLE_MS = argv.includes('--idle') ? Number(argv[argv.indexOf('--idle') + 1]) : 3000;

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;
const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * CPU milliseconds the server process has used so far, all threads: the sum of the
 * first field of /proc/PID/task/*\/schedstat (nanoseconds on a CPU). NaN off Linux.
 */
function cpuOf(pid) {
  try {
    const tasks = fs.readdirSync(`/proc/${pid}/task`);
    let ns = 0;
    for (const t of tasks) {
      try {
        ns += Number(fs.readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread ended between the listing and the read
      }
    }
    return ns / 1e6;
  } catch {
    return NaN;
  }
}

/** Runs `f`, returning its wall and the server's CPU time. */
async function timed(c, f) {
  const cpu = cpuOf(c.child.pid);
  const t = now();
  const result = await f();
  return { wall: now() - t, cpu: cpuOf(c.child.pid) - cpu, result };
}

/** Opens a strategy and times didOpen → the answer of its first diagnostics pull. */
async function firstPull(c, dir, text, name) {
  const uri = uriOf(path.join(dir, `${name}.md`));
  const r = await timed(c, async () => {
    await c.open(uri, text);
    return c.diagnostics(uri);
  });
  return { uri, ...r };
}

/** Times `n` one-line edits of `text`, each followed by a diagnostics pull. */
async function editLatency(c, dir, text, name, n) {
  const open = await firstPull(c, dir, text, name);
  const uri = open.uri;
  let prev = open.result;
  const lines = text.split('\n');
  // Prose lines spread over the document, so edits land in different chunks.
  const prose = lines.map((l, i) => [l, i]).filter(([l]) => /^[A-Z][a-z]/.test(l) && l.length > 40).map(([, i]) => i);
  const times = [];
  const cpus = [];
  for (let i = 0; i < n; i++) {
    const line = prose[Math.floor(((i * 7919) % prose.length))];
    const r = await timed(c, async () => {
      await c.edit(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `Edit ${i}: ` }]);
      return c.diagnostics(uri, prev.resultId);
    });
    times.push(r.wall);
    cpus.push(r.cpu);
    if (r.result.kind === 'full') prev = r.result;
  }
  return { uri, text: c.text(uri), bytes: Buffer.byteLength(text), cold: open.wall, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), max: Math.max(...times), cpuP50: pct(cpus, 50), cpuP99: pct(cpus, 99), n };
}

/** The targets on 500 KB strategies from each source; returns { source: figures }. */
async function targets(c, dir) {
  const out = {};
  const opens = quick ? 3 : 5;
  const edits = quick ? 30 : 100;
  console.log(`500 KB strategies: first diagnostics of a newly opened one (median of ${opens} distinct), then ${edits} one-line edits of another`);
  const rows = [['source', 'first pull', 'max', 'CPU', 'edit p50', 'p99', 'max', 'CPU p50', 'CPU p99']];
  for (const [name, make] of Object.entries(SOURCES)) {
    const pulls = [];
    for (let i = 0; i < opens; i++) {
      const r = await firstPull(c, dir, make(500_000, i), `${name}-open-${i}`);
      pulls.push(r);
      await c.close(r.uri);
    }
    const e = await editLatency(c, dir, make(500_000, opens), `${name}-edits`, edits);
    await c.close(e.uri);
    out[name] = { firstPull: pct(pulls.map((p) => p.wall), 50), firstPullMax: Math.max(...pulls.map((p) => p.wall)), firstPullCpu: pct(pulls.map((p) => p.cpu), 50), p50: e.p50, p99: e.p99, max: e.max, cpuP50: e.cpuP50, cpuP99: e.cpuP99, edits: e.n };
    const f = out[name];
    rows.push([name, ms(f.firstPull), ms(f.firstPullMax), ms(f.firstPullCpu), ms(f.p50), ms(f.p99), ms(f.max), ms(f.cpuP50), ms(f.cpuP99)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(rows.map((r) => r.map((x, i) => (i ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ')).join('\n'));
  console.log('Targets: first diagnostics ≤ 100 ms; edit p99 ≤ 50 ms.');
  return out;
}

async function otherRequests(c, uri, text) {
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  const out = {};
  const time = async (name, f) => {
    const t = now();
    await f();
    out[name] = now() - t;
  };
  // Right after an edit: the first request of a new version pays for the lint.
  await c.edit(uri, [{ range: { start: { line: mid, character: 0 }, end: { line: mid, character: 0 } }, newText: 'x' }]);
  await time('documentSymbol (first after edit)', () => c.request('textDocument/documentSymbol', { textDocument: { uri } }));
  await time('hover', () => c.request('textDocument/hover', { textDocument: { uri }, position: { line: mid, character: 3 } }));
  await time('completion', () => c.request('textDocument/completion', { textDocument: { uri }, position: { line: mid, character: 3 } }));
  await time('documentLink', () => c.request('textDocument/documentLink', { textDocument: { uri } }));
  await time('codeLens', () => c.request('textDocument/codeLens', { textDocument: { uri } }));
  await time('diagnostic (same version)', () => c.diagnostics(uri));
  return out;
}

async function heapWith(dir, count) {
  const c = await startClient({ folder: dir, nodeArgs: ['--expose-gc'] });
  try {
    const corpus = path.join(ROOT, 'test-fixtures', 'corpus');
    const sources = fs.readdirSync(corpus).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(corpus, f), 'utf8'));
    let bytes = 0;
    const base = await c.request('commissioningLint/stats', {});
    for (let i = 0; i < count; i++) {
      // Distinct texts (no two documents share chunk parses): a numbered variant of a corpus strategy.
      // Every heading numbered, so every chunk differs and nothing is shared in the parse cache.
      const text = sources[i % sources.length].replace(/^(#{1,6} .*)$/gm, `$1 (copy ${i})`);
      bytes += text.length;
      const uri = uriOf(path.join(dir, `open-${i}.md`));
      await c.open(uri, text);
      await c.diagnostics(uri);
    }
    const s = await c.request('commissioningLint/stats', {});
    return { count, bytes, base, ...s };
  } finally {
    await c.stop();
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-lsp-bench-'));
  try {
    const c = await startClient({ folder: dir, nodeArgs: process.env.LSP_BENCH_NODE_ARGS ? process.env.LSP_BENCH_NODE_ARGS.split(' ') : [] });
    // Warm the server up (JIT, regex compilation) on a strategy of its own first,
    // then leave it alone a moment, as an editor does between start-up and a strategy
    // opened by hand: the server warms its code on idle (server/src/lsp/warm-up.ts).
    await editLatency(c, dir, makeStrategy(30_000), 'warm-up', 20);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    if (argv.includes('--targets')) {
      const t = await targets(c, dir);
      if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify(t, null, 2));
      await c.stop();
      return;
    }
    const sizes = [
      [10_000, quick ? 15 : 60],
      [50_000, quick ? 15 : 60],
      [500_000, quick ? 8 : 100],
    ];
    console.log('One-line edit → fresh diagnostics (didChange + textDocument/diagnostic), built server over stdio');
    console.log('size        first pull   p50        p95        p99        max        CPU p50    edits');
    let big;
    for (const [bytes, n] of sizes) {
      const r = await editLatency(c, dir, makeStrategy(bytes), `bench-${bytes}`, n);
      console.log(`${(r.bytes / 1000).toFixed(0).padStart(4)} KB  ${ms(r.cold).padStart(10)}  ${[r.p50, r.p95, r.p99, r.max, r.cpuP50].map((x) => ms(x).padStart(9)).join('  ')}  ${r.n}`);
      if (bytes === 500_000) big = r;
    }
    console.log('\nOther requests on the 500 KB strategy (the first after an edit runs the lint):');
    for (const [k, v] of Object.entries(await otherRequests(c, big.uri, big.text))) console.log(`  ${k.padEnd(36)} ${ms(v)}`);
    console.log('');
    const t = await targets(c, dir);
    if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify(t, null, 2));
    await c.stop();

    const h = await heapWith(dir, quick ? 50 : 200);
    const mb = (x) => `${(x / 1048576).toFixed(1)} MB`;
    console.log(`\n${h.count} open strategies (${mb(h.bytes)} of text): heap ${mb(h.heapUsed)} after GC (empty server ${mb(h.base.heapUsed)}), RSS ${mb(h.rss)}; parse cache ${h.parseCacheEntries} chunks, ${mb(h.parseCacheChars * 2)} of keys`);
    console.log('\nTargets: p50 ≤ 20 ms at 50 KB, ≤ 150 ms at 500 KB; heap ≤ 200 MB with 200 open strategies; see above for the 500 KB targets.');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
