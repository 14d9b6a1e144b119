// Lints one file from disk (or stdin text): decode, find its policy, supply
// linked EqIA files to the core. Shared by the main thread and the workers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, type LintResult } from '../core';
import type { ConfigResolver } from './config';
import { decode, MAX_BYTES, readTextFile } from './decode';

export interface FileResult extends Partial<LintResult> {
  /** Absolute path. */
  file: string;
  policyId?: string;
  /** Why the file could not be linted (I/O, encoding, config). */
  error?: string;
  warning?: string;
  /** Every linked file the core asked for, read or not (the cache re-checks them all). */
  links?: string[];
}

export function lintFile(file: string, resolver: ConfigResolver, text?: string): FileResult {
  const resolved = resolver.forFile(file);
  if (!resolved.policy) {
    const p = resolved.problems[0];
    return { file, error: p ? `${p.file}:${p.line}:${p.column}: ${p.message}` : 'cannot load the policy' };
  }
  let warning: string | undefined;
  if (text === undefined) {
    let bytes: Buffer;
    try {
      const st = fs.statSync(file);
      if (st.size > MAX_BYTES) return { file, error: `file is ${(st.size / 1048576).toFixed(0)} MB, over the ${MAX_BYTES / 1048576} MB limit` };
      bytes = fs.readFileSync(file);
    } catch (err) {
      return { file, error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    }
    const d = decode(bytes);
    if (d.problem) return { file, error: d.problem };
    text = d.text!;
    warning = d.warning;
  }
  const dir = path.dirname(file);
  const links: string[] = [];
  const result = lint(text, {
    fileName: path.basename(file),
    policy: resolved.policy,
    readLinked: (rel) => {
      const target = path.resolve(dir, rel);
      links.push(target);
      const linked = readTextFile(target);
      return linked === undefined ? undefined : { path: rel, text: linked };
    },
  });
  return { file, policyId: resolved.policy.id, warning, ...result, dependencies: result.dependencies.map((d) => path.resolve(dir, d)), links };
}
