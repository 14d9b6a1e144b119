// The floors of the benchmark: a bare parse of the same files with no rules, over
// the same number of threads as the tool — the least a linter built on that parser
// could cost. Two parsers, so the tool is held to the faster one too:
//   remark      remark-parse with no extensions (mdast, what the tool's core builds);
//   markdown-it markdown-it's default preset, tokens only (`md.parse`, no render).
//
//   node tests/bench/floor.js remark|markdown-it JOBS FILE|DIR…
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Worker, isMainThread, workerData } = require('node:worker_threads');

/** A function text → parse result, for each floor. */
const PARSERS = {
  remark: async () => {
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const processor = unified().use(remarkParse).freeze();
    return (text) => processor.parse(text);
  },
  'markdown-it': async () => {
    const md = require('markdown-it')();
    return (text) => md.parse(text, {});
  },
};

/** Parses files[next()] until the shared queue runs out. */
async function parseAll(parser, files, next) {
  const parse = await PARSERS[parser]();
  for (let i = next(); i < files.length; i = next()) parse(fs.readFileSync(files[i], 'utf8'));
}

async function main(args) {
  const [parser, jobsArg, ...paths] = args;
  if (!PARSERS[parser]) throw new Error(`floor.js: unknown parser ${parser}; one of ${Object.keys(PARSERS).join(', ')}`);
  const jobs = Number(jobsArg);
  const files = paths.flatMap((p) => (fs.statSync(p).isDirectory() ? fs.readdirSync(p).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(p, f)) : [p]));
  if (jobs <= 1) {
    let i = 0;
    return parseAll(parser, files, () => i++);
  }
  // Workers take files from one counter, as the tool's threads take them from one queue.
  const counter = new SharedArrayBuffer(4);
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, () => new Promise((resolve, reject) => new Worker(__filename, { workerData: { parser, files, counter } }).on('exit', resolve).on('error', reject))));
}

if (isMainThread) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err);
    process.exit(2);
  });
} else {
  const counter = new Int32Array(workerData.counter);
  parseAll(workerData.parser, workerData.files, () => Atomics.add(counter, 0, 1));
}
