// The entry of dist/cli.js. Runs the CLI bundle (dist/cli-main.js) from V8's code
// cache when one made by this Node.js exists (dist/cli-main.cache, written by
// esbuild.js after each build): it holds the compiled code of a typical run, so a
// cold start does not compile ~1 MB of JavaScript again. V8 rejects a cache from
// another Node.js or build, and the bundle is then compiled as require() would.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as v8 from 'node:v8';
import { createRequire, wrap } from 'node:module';
import { isAscii } from 'node:buffer';

// Patterns compile straight to native code: the interpreter tier only pays off for
// patterns run a few times, and the policy's run on every section. (Set before any
// compile, so it is part of the flags the code cache was made under.)
v8.setFlagsFromString('--no-regexp-tier-up');
// A smaller young generation for the worker threads started after this (the main
// thread's heap is already sized): a lint allocates fast and briefly, and the default
// lets each worker's heap swell (peak RSS over 1,000 strategies: ~310 → ~265 MB, same time).
v8.setFlagsFromString('--max-semi-space-size=8');
// Old space grown to 2.5 times what a full collection leaves, in every thread (V8 lets
// a heap that collects quickly grow to 4 times): between two lints a thread holds only
// its results, the policy and the code, and a lint's leftovers are garbage. 1,000
// strategies on 2 threads, peak RSS (with detached() in the core): rich ~300-345 ->
// ~245-255 MB, plain ~230-240 -> ~200 MB; CPU within noise. 100 (twice) gave ~225
// and ~180 MB but ~15-20% more CPU in collections.
v8.setFlagsFromString('--heap-growing-percent=150');

const file = path.join(__dirname, 'cli-main.js');
const cacheFile = path.join(__dirname, 'cli-main.cache');
const writing = process.env.COMMISSIONING_LINT_WRITE_CODE_CACHE === '1';

let cachedData: Buffer | undefined;
if (!writing) {
  try {
    // V8 checks a cache's Node.js version and flags but, for the source, only its
    // length: a bundle rebuilt after the cache (esbuild --watch) must not use it.
    if (fs.statSync(cacheFile).mtimeMs >= fs.statSync(file).mtimeMs) cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache: compile normally
  }
}
// The bundle is ASCII (esbuild.js: asciiSources; tests/cli/cli.test.js): read as Latin-1 it
// is the same text, decoded in half the time of UTF-8 (~2.5 ms of 1.5 MB); checked, as isAscii
// costs a fraction of either.
const bytes = fs.readFileSync(file);
const script = new vm.Script(wrap(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')), { filename: file, cachedData });
if (writing) process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
const mod = { exports: {}, filename: file, id: file };
(script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, __dirname);
