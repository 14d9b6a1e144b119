// One document through the engine, the same for the CLI, its workers and the
// language server: read it with the guarded reader and decode it, find its
// policy, and give the core the one way to read linked EqIAs.
//
// The core lints synchronously; Word conversion is asynchronous. So a Word
// document is converted first and its rendering linted after, and a strategy
// linking a Word EqIA is linted once, the links it wanted converted, and
// linted again. A Markdown document linking only Markdown is one synchronous
// lint, as before: nothing Word is loaded for it.
import * as path from 'node:path';
import { analyse, lint, lintAnalysis, type LintContext, type LintResult, type ParseCache, type Policy } from '../core';
import type { ConfigResolver } from './config';
import { isReadError, type FileHost } from './host';
import { DOCUMENT_MAX_BYTES } from './limits';
import { decode } from './decode';
import { isWordFile } from './documents';
import type { LinkedFiles } from './linked';
import { convertWord, locateFindings, readWordDocument, styleWarning } from './word';

export interface FileResult extends Partial<LintResult> {
  /** Absolute path. */
  file: string;
  policyId?: string;
  /** Why the file could not be linted (I/O, encoding, config): one line. */
  error?: string;
  warning?: string;
  /** Every linked file the core asked for, absolute, read or not (the cache re-checks them all). */
  links?: string[];
  /** A Word document: findings are at lines of its Markdown rendering and carry a `location`. */
  word?: boolean;
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

/** What the core needs to lint a document at `file` under `policy`; `asked` collects linked paths, `wanted` Word links to convert. */
export function contextFor(linked: LinkedFiles, file: string, policy: Policy, opts: { asked?: string[]; cache?: ParseCache; wanted?: Set<string> } = {}): LintContext {
  return { fileName: path.basename(file), policy, cache: opts.cache, readLinked: linked.readerFor(file, opts.asked, opts.wanted) };
}

/**
 * Lints a document from disk, Markdown or Word by its extension; or what is
 * given for it (stdin): Markdown text, or a Word document's bytes.
 */
export async function lintFile(engine: Engine, file: string, given?: string | Uint8Array): Promise<FileResult> {
  const resolved = engine.resolver.forFile(file);
  if (!resolved.policy) {
    const p = resolved.problems[0];
    return { file, error: p ? `${p.file}:${p.line}:${p.column}: ${p.message}` : 'cannot load the policy' };
  }
  let text: string;
  let warning: string | undefined;
  const word = given instanceof Uint8Array || (given === undefined && isWordFile(file));
  if (typeof given === 'string') text = given;
  else if (word) {
    const read = given instanceof Uint8Array ? await convertWord(given, resolved.styleMap) : await readWordDocument(engine.resolver.host, file, resolved.styleMap);
    if ('error' in read) return { file, error: read.error };
    text = read.text;
    warning = styleWarning(read.warnings);
  } else {
    const read = readDocument(engine.resolver.host, file);
    if ('error' in read) return { file, error: read.error };
    text = read.text;
    warning = read.warning;
  }
  let pass = lintText(engine, file, text, resolved.policy, word);
  if (pass.wanted.size) {
    await engine.linked.words.convert(pass.wanted);
    pass = lintText(engine, file, text, resolved.policy, word);
  }
  const { result, links } = pass;
  const dir = path.dirname(file);
  return { file, policyId: resolved.policy.id, warning, ...result, dependencies: result.dependencies.map((d) => path.resolve(dir, d)), links, ...(word ? { word } : {}) };
}

/** One synchronous lint; a Word rendering's findings get their locations. */
function lintText(engine: Engine, file: string, text: string, policy: Policy, word: boolean): { result: LintResult; links: string[]; wanted: Set<string> } {
  const links: string[] = [];
  const wanted = new Set<string>();
  const ctx = contextFor(engine.linked, file, policy, { asked: links, wanted });
  if (!word) return { result: lint(text, ctx), links, wanted };
  let result: LintResult;
  try {
    const a = analyse(text, ctx);
    result = lintAnalysis(a, ctx);
    locateFindings(result, a.model);
  } catch {
    // lint() turns a failure into an internal-error finding rather than throwing.
    result = lint(text, ctx);
  }
  return { result, links, wanted };
}
