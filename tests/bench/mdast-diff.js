// Compares the fast parser's chunk trees with remark's, node for node, over a
// folder of Markdown (a benchmark corpus): `node tests/bench/mdast-diff.js DIR`.
// Prints the files that differ (first difference of each) and how chunks parsed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { chunkTrees, firstDifference } = require('../helpers/mdast');

const dir = process.argv[2];
if (!dir) throw new Error('usage: node tests/bench/mdast-diff.js DIR');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
const stats = { fast: 0, fallback: 0, reparsed: 0 };
let differ = 0;
for (const f of files) {
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  const fast = chunkTrees(text, true, stats);
  const slow = chunkTrees(text, false);
  for (let i = 0; i < slow.length; i++) {
    const d = firstDifference(fast[i], slow[i]);
    if (!d) continue;
    differ++;
    console.log(`${f} chunk ${i}: ${d}`);
    break;
  }
}
console.log(`${files.length} files, ${differ} differ; chunks: ${stats.fast} fast, ${stats.fallback} to remark, ${stats.reparsed} blocks reparsed`);
