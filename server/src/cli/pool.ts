// Lints many files: in this thread for small runs (starting workers would cost
// more than it saves, and cold start matters most there), otherwise in this
// thread and worker threads together, largest files first. Results always come
// back in input order, so the output is the same whatever the number of threads.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Options } from './args';
import { isWordFile, lintFile, type Engine, type FileResult } from '../engine';
import { lintCached } from '../engine/node';
import { progress, type Progress } from './progress';
import { WORKER_FLAG, type WorkerInit, type WorkerTask } from './worker-protocol';

/**
 * Below this much Markdown a run stays in one thread. A worker starts cold (its
 * own V8 isolate, compiled patterns, unoptimised code), which costs more than it
 * saves on a smaller run.
 */
export const SMALL_RUN_BYTES = 1536 * 1024;
/** Each further thread needs this much more work to pay for its start-up. */
const BYTES_PER_THREAD = 768 * 1024;
/** Files queued per worker, so none waits for the main thread between files. */
const IN_FLIGHT = 2;
/**
 * Work per byte of a .docx against a byte of Markdown: a 20 KB strategy is a
 * 13 KB .docx and costs about 6–7 times as much CPU as Word (conversion and
 * lint) as it does as Markdown (tests/bench/word-bench.js).
 */
const WORD_WEIGHT = 8;

export async function lintInParallel(files: string[], opts: Options, engine: Engine): Promise<FileResult[]> {
  if (opts.cache) return lintCached(files, opts.cacheLocation, engine.resolver, (todo) => lintFiles(todo, opts, engine));
  return lintFiles(files, opts, engine);
}

async function lintFiles(files: string[], opts: Options, engine: Engine): Promise<FileResult[]> {
  const sizes = files.map(sizeOf);
  // More threads than cores only costs memory (-j 300 took 6.8 GB).
  const threads = Math.min(opts.jobs === undefined ? autoJobs(sizes) : Math.min(opts.jobs, cores()), files.length);
  const bar = progress(files.length);
  try {
    if (threads <= 1) {
      const results: FileResult[] = [];
      for (const f of files) {
        // Markdown lints synchronously inside; only Word conversion awaits anything.
        results.push(await lintFile(engine, f));
        bar.tick();
      }
      return results;
    }
    return await inThreads(files, sizes, threads, engine, { config: opts.config, policy: opts.policy, cwd: process.cwd() }, bar);
  } finally {
    bar.done();
  }
}

/** One thread per core, but only as many as the amount of Markdown can keep busy. */
export function autoJobs(sizes: number[]): number {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total < SMALL_RUN_BYTES) return 1;
  return Math.max(1, Math.min(cores(), Math.floor(total / BYTES_PER_THREAD)));
}

function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * How much work a file is, in bytes of Markdown: a Word document costs its
 * conversion too, about WORD_WEIGHT times what the same number of Markdown
 * bytes costs to lint (a .docx is also zipped, about a third of its text).
 */
function sizeOf(file: string): number {
  try {
    const size = fs.statSync(file).size;
    return isWordFile(file) ? size * WORD_WEIGHT : size;
  } catch {
    return 0; // lintFile reports the problem
  }
}

/**
 * `threads` threads in all: this one, which is warm and starts at once, and
 * threads − 1 workers, all taking files from one queue, largest first (so a 5 MB
 * strategy does not start last and leave the others idle).
 */
function inThreads(files: string[], sizes: number[], threads: number, engine: Engine, init: WorkerInit, bar: Progress): Promise<FileResult[]> {
  // Required here, not at the top: a one-thread run never loads worker_threads (cold start).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const order = files.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const completed = (index: number, result: FileResult) => {
      results[index] = result;
      bar.tick();
      if (++done === files.length) finish();
    };
    const feed = (w: Worker) => {
      if (next >= order.length) return;
      const index = order[next++];
      w.postMessage({ index, file: files[index] } satisfies WorkerTask);
    };
    // Workers run dist/cli.js (the launcher, with its code cache), flagged as workers.
    const bootstrap = `globalThis[${JSON.stringify(WORKER_FLAG)}] = true; require(${JSON.stringify(path.join(__dirname, 'cli.js'))});`;
    for (let k = 1; k < threads; k++) {
      const w = new Worker(bootstrap, { eval: true, workerData: init });
      workers.push(w);
      w.on('message', (m: { index: number; result: FileResult }) => {
        completed(m.index, m.result);
        feed(w);
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code) => finish(new Error(`a worker thread stopped early (exit code ${code})`)));
      for (let j = 0; j < IN_FLIGHT; j++) feed(w);
    }
    // This thread lints too, one file per turn of the event loop so workers' messages
    // are answered between files.
    const own = () => {
      if (settled || next >= order.length) return;
      const index = order[next++];
      lintFile(engine, files[index]).then((r) => {
        completed(index, r);
        setImmediate(own);
      }, finish);
    };
    setImmediate(own);
  });
}
