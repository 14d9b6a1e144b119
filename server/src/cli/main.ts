// The commissioning-lint command: parse options, expand inputs, lint, format,
// exit 0 (no errors), 1 (lint errors / too many warnings) or 2 (usage, config,
// policy or I/O error, with a one-line reason on stderr per problem; every
// readable file is still reported). Writes no file unless --output or --cache
// asks it to, and never over one of its inputs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseOptions, UsageError, USAGE, type Options } from './args';
import { convertWord, decode, isWordFile, linkedEqiaFiles, lintFile, readWordDocument, styleWarning, STDIN_MAX_BYTES, type Engine, type FileResult } from '../engine';
import { expandInputs, nodeHost, readStdin } from '../engine/node';
import { isReadError } from '../engine';
import { formatterFor } from './formatters';
import { countSeverities } from '../core';
import { lintInParallel } from './pool';
import { isWorker, runWorker } from './worker';
import { makeEngine } from './worker-protocol';
import { fail, say } from './say';
import { DEFAULT_POLICY_ID } from '../core';
import { version } from '../../../package.json';

export const VERSION: string = version;

async function main(argv: string[]): Promise<number> {
  let opts: Options;
  try {
    opts = parseOptions(argv);
  } catch (err) {
    if (err instanceof UsageError) return fail(`${err.message} — ${USAGE.split('\n')[0]}  (see --help)`);
    throw err;
  }
  if (opts.help) return print(USAGE + '\n', 0);
  if (opts.version) return print(VERSION + '\n', 0);
  const cwd = process.cwd();
  if (opts.config && !nodeHost.exists(path.resolve(cwd, opts.config))) return fail(`cannot read config "${opts.config}": no such file`);
  if (opts.mcp) return serveMcp(opts, cwd);
  const engine = makeEngine({ config: opts.config, policy: opts.policy, cwd });
  if (opts.toMarkdown) return toMarkdown(opts, engine, cwd);

  let results: FileResult[];
  const problems: string[] = [];
  let inputs: string[] = [];
  if (opts.stdin) {
    const file = path.resolve(cwd, opts.stdinFilename ?? 'stdin.md');
    const r = await readStdin(STDIN_MAX_BYTES);
    if (isReadError(r)) return fail(`standard input ${r.error}`);
    if (isWordFile(file)) {
      // --stdin-filename x.docx: the bytes are a Word document.
      results = [{ ...(await lintFile(engine, file, r.bytes)), file }];
    } else {
      const d = decode(r.bytes);
      if (d.problem) return fail(`standard input: ${d.problem}`);
      results = [{ ...(await lintFile(engine, file, d.text)), file }];
      if (d.warning) results[0].warning = d.warning;
    }
  } else {
    if (!opts.inputs.length) return fail(`no files given — ${USAGE.split('\n')[0]}  (see --help)`);
    const expanded = expandInputs(opts.inputs, cwd, engine.resolver);
    for (const x of expanded.problems) problems.push(x);
    inputs = expanded.files;
    results = await lintInParallel(expanded.files, opts, engine);
    // A file linked as another strategy's EqIA is part of that strategy, not one of its own.
    const linked = linkedEqiaFiles(results);
    results = results.filter((r) => !(expanded.discovered.has(r.file) && linked.has(r.file)));
  }

  // --quiet reports errors only: drop the rest before any format or count sees them.
  if (opts.quiet) for (const r of results) if (r.diagnostics) r.diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
  for (const r of results) {
    if (r.error) problems.push(`${display(r.file, cwd)}: ${r.error}`);
    else if (r.warning) say(`warning: ${display(r.file, cwd)} ${r.warning}`);
  }
  const warned = new Set<string>();
  for (const r of results) {
    for (const w of r.error ? [] : (engine.resolver.forFile(r.file).warnings ?? [])) {
      const line = `warning: ${w.file}:${w.line}:${w.column}: ${w.message}`;
      if (!warned.has(line)) say(line);
      warned.add(line);
    }
  }
  const first = results.find((r) => r.policyId);
  const policyId = first?.policyId ?? opts.policy ?? DEFAULT_POLICY_ID;
  const policy = first ? engine.resolver.forFile(first.file).policy : undefined;
  const report = { results, display: (f: string) => display(f, cwd), policyId, policy, version: VERSION, color: opts.color, quiet: opts.quiet, cwd };
  const formatter = formatterFor(opts.format) ?? (await loadExtraFormatter(opts.format));
  const out = formatter(report);
  if (opts.output) {
    const target = path.resolve(cwd, opts.output);
    if (isInput(target, inputs)) return fail(`will not write the report over "${opts.output}", one of the files being linted`);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, out);
    } catch (err) {
      return fail(`cannot write "${opts.output}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  } else await write(out);

  for (const p of problems) say(p);
  return exitCode(results, problems, opts);
}

/**
 * --to-markdown: one Word document's Markdown rendering, the text the linter
 * reads, to standard output or to -o <file> (never over an existing file
 * without --force, never over the document itself). The style map of the
 * document's config applies. Exit 0, or 2 with the reason.
 */
async function toMarkdown(opts: Options, engine: Engine, cwd: string): Promise<number> {
  const input = opts.stdin ? (opts.stdinFilename ?? 'stdin.docx') : opts.inputs[0];
  const file = path.resolve(cwd, input);
  if (!isWordFile(file)) return fail(`--to-markdown reads a Word document (.docx), not "${input}"`);
  const resolved = engine.resolver.forFile(file);
  if (!resolved.policy && resolved.problems.length) {
    const p = resolved.problems[0];
    return fail(`${p.file}:${p.line}:${p.column}: ${p.message}`);
  }
  let read;
  if (opts.stdin) {
    const r = await readStdin(STDIN_MAX_BYTES);
    if (isReadError(r)) return fail(`standard input ${r.error}`);
    read = await convertWord(r.bytes, resolved.styleMap);
  } else read = await readWordDocument(nodeHost, file, resolved.styleMap);
  const shown = opts.stdin ? 'standard input' : display(file, cwd);
  if ('error' in read) return fail(`${shown}: ${read.error}`);
  const warning = styleWarning(read.warnings);
  if (warning) say(`warning: ${shown} ${warning}`);
  if (!opts.output) {
    await write(read.text);
    return 0;
  }
  const target = path.resolve(cwd, opts.output);
  if (target === file || (nodeHost.realpath(target) ?? target) === (nodeHost.realpath(file) ?? file)) return fail(`will not write the Markdown over "${opts.output}", the document being converted`);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // 'wx' fails if the file exists: nothing is replaced unless --force says so.
    fs.writeFileSync(target, read.text, { flag: opts.force ? 'w' : 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return fail(`will not write over "${opts.output}", which exists; add --force to replace it`);
    return fail(`cannot write "${opts.output}": ${code ?? (err as Error).message}`);
  }
  return 0;
}

function exitCode(results: FileResult[], problems: string[], opts: Options): number {
  if (problems.length) return 2;
  const n = countSeverities(results);
  if (n.errors > 0) return 1;
  if (opts.maxWarnings !== undefined && n.warnings > opts.maxWarnings) {
    say(`${n.warnings} warnings, more than --max-warnings ${opts.maxWarnings}`);
    return 1;
  }
  return 0;
}

/** Writes to stdout; false when the reader has gone (`| head`), which ends nothing but the report. */
function write(text: string): Promise<boolean> {
  return new Promise((resolve) => {
    process.stdout.once('error', () => resolve(false));
    process.stdout.write(text, (err) => resolve(!err));
  });
}

async function print(text: string, code: number): Promise<number> {
  await write(text);
  return code;
}

/** Whether `target` is (the real file of) one of the inputs. */
function isInput(target: string, inputs: string[]): boolean {
  const real = nodeHost.realpath(target) ?? target;
  return inputs.some((f) => f === target || (nodeHost.realpath(f) ?? f) === real);
}

/**
 * --mcp: the MCP server is its own bundle (dist/mcp.js, beside this one), loaded
 * only here: bundled in, the SDK and zod made this file 37% larger (1.67 → 2.28 MB)
 * for every lint run to read.
 */
async function serveMcp(opts: Options, cwd: string): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mcp = require(path.join(__dirname, 'mcp.js')) as typeof import('../mcp/main');
  return mcp.runMcpServer({ policy: opts.policy, config: opts.config, cwd });
}

async function loadExtraFormatter(format: string) {
  const mod = await import('./formatters/extra');
  return mod.extraFormatter(format);
}

function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

// The pool's worker threads run this same bundle (see worker.ts).
if (isWorker()) {
  runWorker();
} else {
  // A reader that goes away (`| head -1`) is not an error of this run.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') say(`cannot write the report: ${err.code ?? err.message}`);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.exitCode = fail(`internal error: ${(err as Error)?.message ?? err}`);
    },
  );
}
