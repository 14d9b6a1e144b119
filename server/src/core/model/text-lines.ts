// Lines of source text and the cells cut from them by column, shared by the
// readers of tables drawn with text (text-tables.ts, gapped-table.ts).
import type { Cell } from './types';

export interface Line {
  start: number;
  end: number;
  text: string;
}

export function linesOf(source: string, from: number, to: number, max = Infinity): Line[] {
  const out: Line[] = [];
  let pos = from;
  while (pos < to && out.length < max) {
    let end = source.indexOf('\n', pos);
    if (end < 0 || end > to) end = to;
    const textEnd = end > pos && source.charCodeAt(end - 1) === 13 ? end - 1 : end;
    // A form feed opening a line (pdftotext's page break) is no column of it.
    const from = source.charCodeAt(pos) === 12 && pos < textEnd ? pos + 1 : pos;
    out.push({ start: from, end: textEnd, text: source.slice(from, textEnd) });
    pos = end + 1;
  }
  return out;
}

/** A cell: the trimmed text of a line's slice, as a span of the source. */
export function cellOf(line: Line, from: number, to: number): Cell {
  const raw = line.text.slice(from, Math.min(to, line.text.length));
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const start = line.start + Math.min(from, line.text.length) + lead;
  return { start, end: start + text.length, text };
}

/** A cell drawn over several lines: its text joined, one span per line that holds some (`parts`). */
export function cellOver(lines: Line[], from: number, to: number): Cell {
  const parts = lines.map((l) => cellOf(l, from, to)).filter((p) => p.text);
  const first = parts[0] ?? cellOf(lines[0], from, to);
  const last = parts[parts.length - 1] ?? first;
  return { start: first.start, end: last.end, text: parts.map((p) => p.text).join(' '), ...(parts.length > 1 ? { parts: parts.map(({ start, end }) => ({ start, end })) } : {}) };
}
