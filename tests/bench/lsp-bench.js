// `npm run bench:lsp`: a benchmark of the built language server, not a test.
// Drives dist/server.js over stdio with a real JSON-RPC client and prints:
//   - one-line edit → fresh pulled diagnostics, p50/p95, for 10 KB, 50 KB and
//     500 KB strategies (the edit is sent, then textDocument/diagnostic, timed
//     until its answer);
//   - what other requests cost on the 500 KB strategy right after an edit;
//   - heap (after a forced GC) and RSS with 200 open strategies.
// Targets (issue 4): p50 ≤ 20 ms at 50 KB, ≤ 150 ms at 500 KB, heap ≤ 200 MB.
//
//   node tests/bench/lsp-bench.js [--quick]
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startClient, uriOf, ROOT } = require('../lsp/lsp-client');
const { makeStrategy } = require('./lsp-fixture');

const quick = process.argv.includes('--quick');

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Times `n` one-line edits of a strategy of `bytes`, each followed by a diagnostics pull. */
async function editLatency(c, dir, bytes, n) {
  const text = makeStrategy(bytes);
  const uri = uriOf(path.join(dir, `bench-${bytes}.md`));
  await c.open(uri, text);
  let t = now();
  let prev = await c.diagnostics(uri);
  const cold = now() - t;
  const lines = text.split('\n');
  // Prose lines spread over the document, so edits land in different chunks.
  const prose = lines.map((l, i) => [l, i]).filter(([l]) => /^[A-Z][a-z]/.test(l) && l.length > 40).map(([, i]) => i);
  const times = [];
  for (let i = 0; i < n; i++) {
    const line = prose[Math.floor(((i * 7919) % prose.length))];
    t = now();
    await c.edit(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `Edit ${i}: ` }]);
    const r = await c.diagnostics(uri, prev.resultId);
    times.push(now() - t);
    if (r.kind === 'full') prev = r;
  }
  return { uri, text: c.text(uri), bytes: text.length, cold, p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times), n };
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
    // Warm the server up (JIT, regex compilation) on a strategy of its own first.
    await editLatency(c, dir, 30_000, 20);
    const sizes = [
      [10_000, quick ? 15 : 60],
      [50_000, quick ? 15 : 60],
      [500_000, quick ? 8 : 30],
    ];
    console.log('One-line edit → fresh diagnostics (didChange + textDocument/diagnostic), built server over stdio');
    console.log('size        cold first pull   p50        p95        max        edits');
    let big;
    for (const [bytes, n] of sizes) {
      const r = await editLatency(c, dir, bytes, n);
      console.log(`${(r.bytes / 1000).toFixed(0).padStart(4)} KB     ${ms(r.cold).padStart(10)}     ${ms(r.p50).padStart(9)}  ${ms(r.p95).padStart(9)}  ${ms(r.max).padStart(9)}  ${r.n}`);
      if (bytes === 500_000) big = r;
    }
    console.log('\nOther requests on the 500 KB strategy (the first after an edit runs the lint):');
    for (const [k, v] of Object.entries(await otherRequests(c, big.uri, big.text))) console.log(`  ${k.padEnd(36)} ${ms(v)}`);
    await c.stop();

    const h = await heapWith(dir, quick ? 50 : 200);
    const mb = (x) => `${(x / 1048576).toFixed(1)} MB`;
    console.log(`\n${h.count} open strategies (${mb(h.bytes)} of text): heap ${mb(h.heapUsed)} after GC (empty server ${mb(h.base.heapUsed)}), RSS ${mb(h.rss)}; parse cache ${h.parseCacheEntries} chunks, ${mb(h.parseCacheChars * 2)} of keys`);
    console.log('\nTargets: p50 ≤ 20 ms at 50 KB, ≤ 150 ms at 500 KB; heap ≤ 200 MB with 200 open strategies.');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
