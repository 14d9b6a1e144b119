// Micro-benchmark (not a test) of the phrase matcher (server/src/core/match/),
// for every phrase list of the default pack:
//   - whole documents (the labelled corpus, and generated 20 KB strategies):
//     one match of every list at once (as a document's chunk is matched), then
//     every list's hits and leftmost spans;
//   - `test` of every list on single lines, through the lists as recognisers call them;
//   - a lint's own matching: every call a lint of the document makes on the
//     policy's phrase lists, recorded once and replayed (chunks matched for all
//     lists, then titles, cells and sentences asked of one list at a time).
// Run after `npm run build`:
//   node tests/bench/match-bench.js [generated-count]
// Times are the best of several rounds, the ways taking turns, so that load from
// elsewhere on the machine falls on all of them alike.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, core, policy } = require('../helpers/core');
const { strategy } = require('./generate');

const KB20 = 20 * 1024;

/** Every phrase list of a policy (as tests/core/phrase-match.test.js walks it). */
function phraseLists(pol) {
  const out = [];
  const walk = (v) => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v.phrases) && typeof v.spans === 'function') return void out.push(v);
    for (const [k, x] of Object.entries(v)) if (k !== 'derived') walk(x);
  };
  walk(pol);
  return [...out, pol.derived.acts.list, pol.derived.wccNames.list];
}

/** A fresh policy (its phrase book not yet compiled), with the time its first match takes to compile the book. */
function fresh() {
  const pol = core.loadPolicy({}).policy;
  const t0 = performance.now();
  pol.derived.book.matchOnce('');
  return { pol, lists: phraseLists(pol), compileMs: performance.now() - t0 };
}

const { lists, compileMs } = fresh();
const { pol: book0 } = fresh();
const book = book0.derived.book;
const ids = phraseLists(book0).map((l) => l.id);

const corpusDir = path.join(ROOT, 'test-fixtures', 'corpus');
const corpusFiles = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.md'));
const corpusText = corpusFiles.map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8'));
const corpus = corpusText.map((t) => core.parseDocument(t, {}).masked);
const generatedText = Array.from({ length: Number(process.argv[2] || 1000) }, (_, i) => strategy(i + 1, KB20));
const generated = generatedText.map((t) => core.parseDocument(t, {}).masked);
const lines = corpus.flatMap((t) => t.split('\n').filter((l) => l.trim()));

/**
 * The calls one lint makes on the policy's phrase lists, in order: a list asked
 * about a text, or a text matched for every list (a chunk) and lists asked of it.
 */
const recordingPolicy = core.loadPolicy({}).policy;
function record(text) {
  // One policy for every document, as a run over many files has (titles are read once per policy).
  const pol = recordingPolicy;
  const events = [];
  const List = Object.getPrototypeOf(pol.placeholders);
  const Book = Object.getPrototypeOf(pol.derived.book);
  const Found = core.TextMatches.prototype;
  const saved = [];
  const patch = (proto, name, wrap) => {
    saved.push([proto, name, proto[name]]);
    proto[name] = wrap(proto[name]);
  };
  let inList = false;
  const found = new Map();
  for (const op of ['test', 'spans', 'hits']) {
    patch(List, op, (f) => function (t) {
      events.push({ op, id: this.id, text: t });
      inList = true;
      try {
        return f.call(this, t);
      } finally {
        inList = false;
      }
    });
  }
  patch(Book, 'matchOnce', (f) => function (t) {
    const r = f.call(this, t);
    found.set(r, events.length);
    events.push({ op: 'matchOnce', text: t });
    return r;
  });
  for (const op of ['test', 'spans', 'hits', 'leftmost']) {
    patch(Found, op, (f) => function (id) {
      if (!inList && found.has(this)) events.push({ op, of: found.get(this), id });
      return f.call(this, id);
    });
  }
  try {
    core.lint(text, { policy: pol });
  } finally {
    for (const [proto, name, f] of saved) proto[name] = f;
  }
  return events;
}

const size = (r) => (typeof r === 'boolean' ? Number(r) : r.length);

/** Replays recorded calls on the book. */
function replay(events) {
  const made = [];
  let n = 0;
  events.forEach((e, i) => {
    if (e.op === 'matchOnce') made[i] = book.matchOnce(e.text);
    else if (e.of !== undefined) n += size(made[e.of][e.op](e.id));
    else n += size(listsById[e.id][e.op](e.text));
  });
  return n;
}
const listsById = [];
for (const l of phraseLists(book0)) listsById[l.id] = l;

const documentWays = {
  'every list at once: hits + spans': (text) => {
    const found = book.matchOnce(text);
    let n = 0;
    for (const id of ids) n += found.hits(id).length + found.spans(id).length;
    return n;
  },
  '  of which the match (tokens, trie, regex leads)': (text) => book.matchOnce(text).text.length,
};

const lineWays = {
  'test of every list': (text) => lists.reduce((n, l) => n + (listsById[l.id].test(text) ? 1 : 0), 0),
};

/** Best ms per 20 KB of each way over the texts (`bytes`: what a text stands for, if not its own length). */
function times(ways, texts, rounds, bytes = (t) => t.length) {
  const entries = Object.entries(ways).map(([name, fn]) => {
    for (const t of texts.slice(0, 20)) fn(t); // warm up: compile patterns, optimise code
    return { name, fn, bytes: texts.reduce((n, t) => n + bytes(t), 0), best: Infinity };
  });
  for (let r = 0; r < rounds; r++) {
    for (const e of entries) {
      const start = performance.now();
      for (const t of texts) e.fn(t);
      e.best = Math.min(e.best, performance.now() - start);
    }
  }
  return Object.fromEntries(entries.map((e) => [e.name, (e.best * KB20) / e.bytes]));
}

function report(title, ways, texts, rounds, bytes) {
  const kb = texts.reduce((n, t) => n + (bytes ? bytes(t) : t.length), 0) / 1024;
  console.log(`\n${title} (${texts.length} texts, ${kb.toFixed(0)} KB): ms per 20 KB, best of ${rounds} rounds`);
  for (const [way, ms] of Object.entries(times(ways, texts, rounds, bytes))) console.log(`  ${way.padEnd(52)} ${ms.toFixed(3)}`);
}

const all = lists.flatMap((l) => l.phrases);
console.log(`default pack: ${lists.length} lists, ${all.length} phrases (${all.filter((p) => /^\/.*\/$/s.test(p)).length} /regex/ entries); the book compiled in ${compileMs.toFixed(1)} ms (first match, this process warm)`);
report('corpus documents', documentWays, corpus, 10);
report('generated 20 KB strategies', documentWays, generated, 3);
report('corpus lines, one at a time', lineWays, lines, 5);
const recorded = (texts) => texts.map((t) => Object.assign(record(t), { size: t.length }));
const calls = (events) => `${events.filter((e) => e.op === 'matchOnce').length} chunk matches, ${events.filter((e) => e.text !== undefined && e.op !== 'matchOnce').length} texts asked of one list`;
const corpusCalls = recorded(corpusText);
console.log(`\na lint's matching, per corpus document: ${calls(corpusCalls.flat())} over ${corpusCalls.length} documents`);
report("a lint's matching (corpus, per 20 KB of document)", { replay }, corpusCalls, 10, (e) => e.size);
report("a lint's matching (generated, per 20 KB of document)", { replay }, recorded(generatedText.slice(0, 200)), 5, (e) => e.size);
