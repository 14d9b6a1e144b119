// Measurement (not a test): would choosing, at the leftmost start, the LONGEST
// hit instead of the list's FIRST phrase (what one alternation of the list finds,
// and the phrase matcher keeps) change any span of any phrase list of either pack on the
// labelled corpus? Prints each difference. Run after `npm run build`:
//   node tests/bench/leftmost-longest.js [folder]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, core, policy } = require('../helpers/core');

/** Every phrase list of a policy with its place in the pack, as tests/core/phrase-match.test.js walks it. */
function phraseLists(pol) {
  const out = [];
  const walk = (v, name) => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v.phrases) && typeof v.spans === 'function') return void out.push([name, v]);
    for (const [k, x] of Object.entries(v)) if (k !== 'derived') walk(x, `${name}.${x && x.id ? x.id : k}`);
  };
  walk(pol, pol.id);
  return out;
}

/** Leftmost-longest: at the leftmost start, the hit reaching furthest (the first phrase among equals). */
function leftmostLongest(hits) {
  const out = [];
  let from = 0;
  for (let i = 0; i < hits.length; ) {
    const at = hits[i].start;
    let best = hits[i];
    for (; i < hits.length && hits[i].start === at; i++) if (hits[i].end > best.end) best = hits[i];
    if (at < from) continue;
    out.push(best);
    from = best.end;
  }
  return out;
}

const dir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(ROOT, 'test-fixtures', 'corpus');
const docs = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
let compared = 0;
let differing = 0;
for (const id of ['commissioning-friend-2009', 'equality-act-2010']) {
  const pol = policy(id);
  const lists = phraseLists(pol);
  for (const f of docs) {
    const text = core.parseDocument(fs.readFileSync(path.join(dir, f), 'utf8'), {}).masked;
    const found = pol.derived.book.matchOnce(text);
    lists.forEach(([name, set]) => {
      const first = found.leftmost(set.id);
      const longest = leftmostLongest(found.hits(set.id));
      compared += first.length;
      const key = (h) => `${h.start}:${h.end}`;
      const onlyFirst = first.filter((h) => !longest.some((g) => key(g) === key(h)));
      const onlyLongest = longest.filter((h) => !first.some((g) => key(g) === key(h)));
      if (!onlyFirst.length && !onlyLongest.length) return;
      differing += onlyFirst.length;
      const show = (hs) => hs.map((h) => `"${text.slice(h.start, h.end)}" (${JSON.stringify(set.phrases[h.phrase])})`).join(', ');
      console.log(`${f} ${name}\n  first:   ${show(onlyFirst)}\n  longest: ${show(onlyLongest)}`);
    });
  }
}
console.log(`\n${docs.length} documents, both packs: ${differing} of ${compared} leftmost-first spans differ under leftmost-longest`);
