// Reads YAML front matter. A YAML error is reported at the line it occurs on in
// the file, and the rest of the document is linted as usual.
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { DocModel } from './model/types';
import type { ParseCache } from './types';
import { readSimpleYaml, type SimpleYaml } from './simple-yaml';
import { duplicateKeyErrors } from './yaml-keys';

export interface FrontMatterData {
  data: Record<string, unknown>;
  /** Maps a top-level key's list/map entry to its file line. */
  lineOf: (key: string, index?: number | string) => number | undefined;
  error?: { line: number; column: number; endColumn: number; message: string };
}

/** Front matter of a document; parsed once per distinct text when the caller keeps a cache. */
export function readFrontMatter(model: DocModel, cache?: ParseCache): FrontMatterData | undefined {
  const fm = model.frontMatter;
  if (!fm) return undefined;
  const base = model.lines.point(fm.valueStart).line;
  const key = `frontmatter\u0000${base}\u0000${fm.raw}`;
  const hit = cache?.get(key) as FrontMatterData | undefined;
  if (hit) return hit;
  const parsed = parseFrontMatter(model, fm, base);
  if (parsed) cache?.set(key, parsed);
  return parsed;
}

function parseFrontMatter(model: DocModel, fm: NonNullable<DocModel['frontMatter']>, base: number): FrontMatterData | undefined {
  const simple = readSimpleYaml(fm.raw);
  if (simple) return { data: simple.data, lineOf: simpleLineOf(simple, base) };
  const counter = new LineCounter();
  // The YAML parser's line counter knows only \n: a lone \r (old Mac line endings)
  // becomes \n, the same length, so offsets and lines still agree with the source.
  const doc = parseDocument(fm.raw.replace(/\r(?!\n)/g, '\n'), { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  if (!doc.errors.length) for (const e of duplicateKeyErrors(doc)) doc.errors.push(e);
  const lineOf = (key: string, index?: number | string): number | undefined => {
    const node = (index === undefined ? doc.get(key, true) : doc.getIn([key, index], true)) as { range?: number[] } | undefined;
    const off = node?.range?.[0];
    return off === undefined ? undefined : base + counter.linePos(off).line - 1;
  };
  if (doc.errors.length) {
    const line = base + errorLine(fm.raw, doc.errors, counter) - 1;
    const text = model.lines.lineText(line);
    const message = doc.errors[0].message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { data: {}, lineOf: () => undefined, error: { line, column: 1, endColumn: Math.max(2, text.length + 1), message } };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return { data: {}, lineOf: () => undefined, error: { line: base, column: 1, endColumn: 2, message: (err as Error).message.split('\n')[0] } };
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) return { data: data as Record<string, unknown>, lineOf };
  if (data === null || data === undefined) return { data: {}, lineOf };
  return { data: {}, lineOf, error: { line: base, column: 1, endColumn: 2, message: 'front matter must be a map of keys to values' } };
}

/** lineOf for front matter the simple reader read, as the library's nodes would answer it (a list's item by its index, or a string of digits). */
function simpleLineOf({ valueLine, itemLines }: SimpleYaml, base: number): FrontMatterData['lineOf'] {
  return (key, index) => {
    if (index === undefined) {
      const line = valueLine.get(key);
      return line === undefined ? undefined : base + line;
    }
    // As the library reads an index into a list (asItemIndex): a number, or a non-empty string of one.
    const i = typeof index === 'string' && index ? Number(index) : index;
    const line = typeof i === 'number' && Number.isInteger(i) && i >= 0 ? itemLines.get(key)?.[i] : undefined;
    return line === undefined ? undefined : base + line;
  };
}

/**
 * The YAML line a person would point at. The parser reports where it gave up,
 * which for an unclosed quote or bracket is after the fact: point at the
 * opening instead, and at the over-indented line of a broken mapping.
 */
function errorLine(raw: string, errors: YAMLError[], counter: LineCounter): number {
  const e = errors[0];
  const at = counter.linePos(e.pos[0]).line;
  const lines = raw.split(/\r\n|\r|\n/);
  if (e.code === 'MISSING_CHAR' && /quote/i.test(e.message)) {
    // Only the kind of quote left open counts: an apostrophe inside a double-quoted title ("Young People's") is text.
    const kind = /'quote/.test(e.message) ? "'" : /"quote/.test(e.message) ? '"' : undefined;
    for (let i = Math.min(at, lines.length) - 1; i >= 0; i--) {
      const doubles = (lines[i].replace(/\\./g, '').match(/"/g) ?? []).length;
      const singles = (lines[i].replace(/''/g, '').match(/'/g) ?? []).length;
      const quotes = kind === '"' ? doubles : kind === "'" ? singles : doubles + singles;
      if (quotes % 2 === 1) return i + 1;
    }
  }
  if (/flow (sequence|mapping)/i.test(e.message)) {
    for (let i = Math.min(at, lines.length) - 1; i >= 0; i--) if (/[[{][^\]}]*$/.test(lines[i])) return i + 1;
  }
  const multi = errors.find((x) => x.code === 'MULTILINE_IMPLICIT_KEY');
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && multi) return counter.linePos(multi.pos[1]).line;
  return at;
}

/**
 * The front-matter key that means something to us, however it is spelt:
 * `eqia`, `equality_impact_assessment`, `wcc_competencies`… A key is read with
 * underscores and hyphens as spaces and tested against the policy's vocabulary.
 */
export function frontMatterKey(fm: FrontMatterData | undefined, exact: string, vocabulary: { test(text: string): boolean }): string | undefined {
  if (!fm) return undefined;
  if (exact in fm.data) return exact;
  return Object.keys(fm.data).find((k) => vocabulary.test(k.replace(/[_-]+/g, ' ')));
}
