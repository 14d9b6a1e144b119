// The performance targets, checked at the end of `npm run bench` for each
// corpus and printed as one table with ✓/✗ (– where the figure was not measured,
// e.g. with --no-markdownlint or --no-lsp).
'use strict';
const { table } = require('./measure');

/**
 * Linear: the cost per 1× added by the last step is at most this many times that of
 * the steps before it (bench.js linearity(): n log n gives 1.5, n² 2.4, and noise on
 * a busy machine ±0.2).
 */
const LINEAR_LIMIT = 1.3;
const linear = (label, key) => ({
  label: `${label}: last step's cost per 1× ≤ ${LINEAR_LIMIT}× the earlier steps'`,
  value: (r) => r[key],
  show: (x) => `${x.toFixed(2)}×`,
  ok: (x) => x <= LINEAR_LIMIT,
});

/** Each target: what it says, where its figure is in a corpus's results, how to show and judge it. */
function targets({ threads, count }) {
  return [
    { label: `wall ≥ 6× markdownlint-cli2 (${count.toLocaleString('en-GB')} × 20 KB, ${threads} threads)`, value: (r) => r.mdlWall, show: (x) => `${x.toFixed(2)}×`, ok: (x) => x >= 6 },
    { label: 'single-threaded CPU (-j 1) ≤ 3× a bare markdown-it parse', value: (r) => r.cpuVsMarkdownIt, show: (x) => `${x.toFixed(2)}×`, ok: (x) => x <= 3 },
    { label: 'peak RSS ≤ 250 MB (largest of any run of ours)', value: (r) => (r.rss.mb ? r.rss : undefined), show: (x) => `${Math.round(x.mb)} MB (${x.where})`, ok: (x) => x.mb <= 250 },
    { label: 'cold start, one small file ≤ 2× node -e 0', value: (r) => r.cold, show: (x) => `${x.toFixed(2)}×`, ok: (x) => x <= 2 },
    linear('cost linear in size (steps of 640 KB)', 'size'),
    linear('cost linear in table rows (steps of 1,250)', 'tables'),
    linear('cost linear in file count', 'files'),
    { label: 'LSP: first diagnostics of a newly opened 500 KB strategy ≤ 100 ms', value: (r) => r.lsp?.firstPull, show: (x) => `${x.toFixed(0)} ms`, ok: (x) => x <= 100 },
    { label: 'LSP: one-line edit → diagnostics, p99 ≤ 50 ms (500 KB)', value: (r) => r.lsp?.p99, show: (x) => `${x.toFixed(0)} ms`, ok: (x) => x <= 50 },
  ];
}

function printTargets(results, corpora, opts) {
  const cell = (t, r) => {
    const v = t.value(r);
    return v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? '–' : `${t.ok(v) ? '✓' : '✗'} ${t.show(v)}`;
  };
  console.log('## Targets\n');
  console.log(table([['target', ...corpora], ...targets(opts).map((t) => [t.label, ...corpora.map((c) => cell(t, results[c]))])], corpora.length + 1));
}

module.exports = { printTargets };
