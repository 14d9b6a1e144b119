// Reads YAML front matter. A YAML error is reported at the line it occurs on in
// the file, and the rest of the document is linted as usual.
import { LineCounter, parseDocument } from 'yaml';
import type { DocModel } from './model/types';

export interface FrontMatterData {
  data: Record<string, unknown>;
  /** Maps a top-level key's list/map entry to its file line. */
  lineOf: (key: string, index?: number | string) => number | undefined;
  error?: { line: number; column: number; endColumn: number; message: string };
}

export function readFrontMatter(model: DocModel): FrontMatterData | undefined {
  const fm = model.frontMatter;
  if (!fm) return undefined;
  const base = model.lines.point(fm.valueStart).line; // file line of the YAML's first line
  const counter = new LineCounter();
  const doc = parseDocument(fm.raw, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (key: string, index?: number | string): number | undefined => {
    const node = (index === undefined ? doc.get(key, true) : doc.getIn([key, index], true)) as { range?: number[] } | undefined;
    const off = node?.range?.[0];
    return off === undefined ? undefined : base + counter.linePos(off).line - 1;
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = counter.linePos(e.pos[0]);
    const line = base + pos.line - 1;
    const text = model.lines.lineText(line);
    return {
      data: {},
      lineOf: () => undefined,
      error: { line, column: 1, endColumn: Math.max(2, text.length + 1), message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') },
    };
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
