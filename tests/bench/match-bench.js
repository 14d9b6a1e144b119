// Micro-benchmark (not a test) of the token matcher (server/src/core/match/)
// against today's PhraseHitFinder and PhraseSet, doing the same work for every
// phrase list of the default pack: every hit and the leftmost spans of each list
// in whole documents (the labelled corpus, and generated 20 KB strategies), and
// `test` of each list on single lines. Run after `npm run build`:
//   node tests/bench/match-bench.js [generated-count]
// Times are the best of several rounds, the ways taking turns, so that load from
// elsewhere on the machine falls on all of them alike.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, core, policy } = require('../helpers/core');
const { strategy } = require('./generate');

const KB20 = 20 * 1024;

/** Every PhraseSet of a policy (as tests/core/match.test.js walks it). */
function phraseSets(pol) {
  const out = [];
  const walk = (v) => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v.phrases) && typeof v.spans === 'function') return void out.push(v);
    for (const x of Object.values(v)) walk(x);
  };
  walk(pol);
  return out;
}

const sets = phraseSets(policy());
const lists = sets.map((s) => s.phrases);
let t0 = performance.now();
const matcher = core.compilePhraseLists(lists);
const compileMs = performance.now() - t0;
const finders = lists.map((p) => new core.PhraseHitFinder(p));

const corpusDir = path.join(ROOT, 'test-fixtures', 'corpus');
const corpus = fs
  .readdirSync(corpusDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => core.parseDocument(fs.readFileSync(path.join(corpusDir, f), 'utf8'), {}).masked);
const generated = Array.from({ length: Number(process.argv[2] || 1000) }, (_, i) => core.parseDocument(strategy(i + 1, KB20), {}).masked);
const lines = corpus.flatMap((t) => t.split('\n').filter((l) => l.trim()));

const documentWays = {
  'token matcher: hits + spans': (text) => {
    const found = matcher.match(text);
    let n = 0;
    for (let l = 0; l < lists.length; l++) n += found.hits(l).length + found.spans(l).length;
    return n;
  },
  '  of which tokenise': (text) => core.tokenise(text).count,
  '  of which match() (tokens, trie, regex leads)': (text) => matcher.match(text).text.length,
  'PhraseHitFinder.hits + leftmostSpans': (text) => {
    const scan = core.scanText(text);
    let n = 0;
    for (const f of finders) {
      const hits = core.byStart(f.hits(text, scan));
      n += hits.length + core.leftmostSpans(hits).length;
    }
    return n;
  },
  // Slow (one "iu" alternation per list over the whole text): run on a sample.
  'PhraseSet.spans': { sample: 40, fn: (text) => sets.reduce((n, s) => n + s.spans(text).length, 0) },
};

const lineWays = {
  'token matcher: test': (text) => {
    const found = matcher.match(text);
    let n = 0;
    for (let l = 0; l < lists.length; l++) n += found.test(l) ? 1 : 0;
    return n;
  },
  'PhraseSet.test': (text) => sets.reduce((n, s) => n + (s.test(text) ? 1 : 0), 0),
};

/** Best ms per 20 KB of each way over the texts. */
function times(ways, texts, rounds) {
  const entries = Object.entries(ways).map(([name, w]) => {
    const { fn, sample } = typeof w === 'function' ? { fn: w, sample: texts.length } : w;
    const own = texts.slice(0, sample);
    for (const t of own.slice(0, 20)) fn(t); // warm up: compile patterns, optimise code
    return { name, fn, texts: own, bytes: own.reduce((n, t) => n + t.length, 0), best: Infinity };
  });
  for (let r = 0; r < rounds; r++) {
    for (const e of entries) {
      const start = performance.now();
      for (const t of e.texts) e.fn(t);
      e.best = Math.min(e.best, performance.now() - start);
    }
  }
  return Object.fromEntries(entries.map((e) => [e.name, (e.best * KB20) / e.bytes]));
}

function report(title, ways, texts, rounds, ours, theirs) {
  const kb = texts.reduce((n, t) => n + t.length, 0) / 1024;
  console.log(`\n${title} (${texts.length} texts, ${kb.toFixed(0)} KB): ms per 20 KB, best of ${rounds} rounds`);
  const per = times(ways, texts, rounds);
  for (const [way, ms] of Object.entries(per)) console.log(`  ${way.padEnd(48)} ${ms.toFixed(3)}`);
  console.log(`  token matcher is ${theirs.map((t) => `${(per[t] / per[ours]).toFixed(1)}× quicker than ${t}`).join(', ')}`);
}

console.log(`default pack: ${lists.length} lists, ${lists.flat().length} phrases (${lists.flat().filter((p) => /^\/.*\/$/s.test(p)).length} /regex/ entries); token matcher compiled in ${compileMs.toFixed(1)} ms`);
const docTheirs = ['PhraseHitFinder.hits + leftmostSpans', 'PhraseSet.spans'];
report('corpus documents', documentWays, corpus, 10, 'token matcher: hits + spans', docTheirs);
report('generated 20 KB strategies', documentWays, generated, 3, 'token matcher: hits + spans', docTheirs);
report('corpus lines, one at a time', lineWays, lines, 5, 'token matcher: test', ['PhraseSet.test']);
