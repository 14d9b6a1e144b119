// The commissioning-lint command: parse options, expand inputs, lint, format,
// exit 0 (no errors), 1 (lint errors / too many warnings) or 2 (usage, config,
// policy or I/O error, with a one-line reason on stderr). Writes no file unless
// --output or --cache asks it to.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseOptions, UsageError, USAGE, type Options } from './args';
import { expandInputs } from './inputs';
import { ConfigResolver } from './config';
import { lintFile, type FileResult } from './lint-file';
import { decode } from './decode';
import { formatterFor } from './formatters';
import { countSeverities } from './formatters/summary';
import { lintInParallel } from './pool';
import { isWorker, runWorker } from './worker';
import { DEFAULT_POLICY_ID } from '../core';
import pkg from '../../../package.json';

export const VERSION: string = pkg.version;

function fail(message: string): number {
  process.stderr.write(`commissioning-lint: ${message}\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  let opts: Options;
  try {
    opts = parseOptions(argv);
  } catch (err) {
    if (err instanceof UsageError) return fail(`${err.message}\n${USAGE.split('\n')[0]}  (see --help)`);
    throw err;
  }
  if (opts.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (opts.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  const cwd = process.cwd();
  if (opts.config && !fs.existsSync(path.resolve(cwd, opts.config))) return fail(`cannot read config "${opts.config}": no such file`);
  const resolver = new ConfigResolver({ config: opts.config, policy: opts.policy, cwd });

  let results: FileResult[];
  const problems: string[] = [];
  if (opts.stdin) {
    const file = path.resolve(cwd, opts.stdinFilename ?? 'stdin.md');
    const d = decode(fs.readFileSync(0));
    if (d.problem) return fail(`standard input: ${d.problem}`);
    results = [{ ...lintFile(file, resolver, d.text), file }];
    if (d.warning) results[0].warning = d.warning;
  } else {
    if (!opts.inputs.length) return fail(`no files given\n${USAGE.split('\n')[0]}  (see --help)`);
    const inputs = expandInputs(opts.inputs, cwd);
    problems.push(...inputs.problems);
    results = await lintInParallel(inputs.files, opts, resolver);
    // A file linked as another strategy's EqIA is part of that strategy, not one of its own.
    const deps = new Set(results.flatMap((r) => r.dependencies ?? []));
    results = results.filter((r) => !(inputs.discovered.has(r.file) && deps.has(r.file)));
  }

  // --quiet reports errors only: drop the rest before any format or count sees them.
  if (opts.quiet) for (const r of results) if (r.diagnostics) r.diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
  for (const r of results) {
    if (r.error) problems.push(`${display(r.file, cwd)}: ${r.error}`);
    else if (r.warning) process.stderr.write(`commissioning-lint: warning: ${display(r.file, cwd)} ${r.warning}\n`);
  }
  const first = results.find((r) => r.policyId);
  const policyId = first?.policyId ?? opts.policy ?? DEFAULT_POLICY_ID;
  const policy = first ? resolver.forFile(first.file).policy : undefined;
  const report = { results, display: (f: string) => display(f, cwd), policyId, policy, version: VERSION, color: opts.color, quiet: opts.quiet, cwd };
  const formatter = formatterFor(opts.format) ?? (await loadExtraFormatter(opts.format));
  const out = formatter(report);
  if (opts.output) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(cwd, opts.output)), { recursive: true });
      fs.writeFileSync(path.resolve(cwd, opts.output), out);
    } catch (err) {
      return fail(`cannot write "${opts.output}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  } else {
    await new Promise<void>((resolve) => process.stdout.write(out, () => resolve()));
  }

  for (const p of problems) process.stderr.write(`commissioning-lint: ${p}\n`);
  if (problems.length) return 2;
  const n = countSeverities(results);
  if (n.errors > 0) return 1;
  if (opts.maxWarnings !== undefined && n.warnings > opts.maxWarnings) {
    process.stderr.write(`commissioning-lint: ${n.warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return 0;
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
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.exitCode = fail(`internal error: ${(err as Error)?.message ?? err}`);
    },
  );
}
