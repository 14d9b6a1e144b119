// One document through the engine, the same for the CLI, its workers and the
// language server: read it with the guarded reader and decode it, find its
// policy, and give the core the one way to read linked EqIAs.
import * as path from 'node:path';
import { lint, type LintContext, type LintResult, type ParseCache, type Policy } from '../core';
import type { ConfigResolver } from './config';
import { isReadError, type FileHost } from './host';
import { DOCUMENT_MAX_BYTES } from './limits';
import { decode } from './decode';
import type { LinkedFiles } from './linked';

export interface FileResult extends Partial<LintResult> {
  /** Absolute path. */
  file: string;
  policyId?: string;
  /** Why the file could not be linted (I/O, encoding, config): one line. */
  error?: string;
  warning?: string;
  /** Every linked file the core asked for, absolute, read or not (the cache re-checks them all). */
  links?: string[];
}

export interface Engine {
  resolver: ConfigResolver;
  linked: LinkedFiles;
}

/** A document's text as an editor would show it, or why it cannot be read. */
export function readDocument(host: FileHost, file: string): { text: string; warning?: string } | { error: string } {
  const r = host.read(file, DOCUMENT_MAX_BYTES);
  if (isReadError(r)) return { error: r.missing ? 'cannot read: no such file' : r.error.startsWith('cannot') ? r.error : `cannot read: ${r.error}` };
  const d = decode(r.bytes);
  if (d.text === undefined) return { error: d.problem ?? 'cannot decode' };
  return { text: d.text, warning: d.warning };
}

/** What the core needs to lint a document at `file` under `policy`; `asked` collects linked paths. */
export function contextFor(linked: LinkedFiles, file: string, policy: Policy, opts: { asked?: string[]; cache?: ParseCache } = {}): LintContext {
  return { fileName: path.basename(file), policy, cache: opts.cache, readLinked: linked.readerFor(file, opts.asked) };
}

/** Lints a file from disk, or `text` given for it (stdin). */
export function lintFile(engine: Engine, file: string, text?: string): FileResult {
  const resolved = engine.resolver.forFile(file);
  if (!resolved.policy) {
    const p = resolved.problems[0];
    return { file, error: p ? `${p.file}:${p.line}:${p.column}: ${p.message}` : 'cannot load the policy' };
  }
  let warning: string | undefined;
  if (text === undefined) {
    const read = readDocument(engine.resolver.host, file);
    if ('error' in read) return { file, error: read.error };
    text = read.text;
    warning = read.warning;
  }
  const links: string[] = [];
  const result = lint(text, contextFor(engine.linked, file, resolved.policy, { asked: links }));
  const dir = path.dirname(file);
  return { file, policyId: resolved.policy.id, warning, ...result, dependencies: result.dependencies.map((d) => path.resolve(dir, d)), links };
}
