// The one place where the core's 1-based positions (line, column in UTF-16 code
// units, unist style) meet LSP's 0-based ones, in both directions.
import type { Position, Range } from 'vscode-languageserver';
import type { LineIndex } from '../core';

export interface Span1 {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A core span (1-based) as an LSP range (0-based). */
export function toRange(s: Span1): Range {
  return {
    start: { line: Math.max(0, s.line - 1), character: Math.max(0, s.column - 1) },
    end: { line: Math.max(0, s.endLine - 1), character: Math.max(0, s.endColumn - 1) },
  };
}

/** A source-offset span of an analysed document as an LSP range. */
export function offsetsToRange(lines: LineIndex, start: number, end: number): Range {
  const s = lines.point(start);
  const e = lines.point(end);
  return toRange({ line: s.line, column: s.column, endLine: e.line, endColumn: e.column });
}

/** An LSP position as an offset into an analysed document's source, clamped to its line. */
export function toOffset(lines: LineIndex, p: Position): number {
  const line = Math.min(Math.max(1, p.line + 1), lines.lineCount);
  const start = lines.lineStart(line);
  return Math.min(start + Math.max(0, p.character), lines.lineEnd(line));
}

/** An LSP range as a core span (for matching diagnostics sent back by a client). */
export function fromRange(r: Range): Span1 {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}
