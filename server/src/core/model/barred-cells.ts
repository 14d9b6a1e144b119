// A table whose cells are paragraphs, as Python's html2text writes an HTML table
// whose cells hold paragraphs (LibreOffice's HTML export): each cell a paragraph
// of its own, a paragraph of one bar between cells, a row's last cell followed by
// the next row's first, and the delimiter row alone in the middle:
//
//   **Equality strand**          ← the header's cells (bold: read as headings)
//   |
//   **Positive or adverse?**
//   ---|---                      ← the delimiter: two columns
//   Race and ethnicity           ← a row: its cells between bars
//   |
//   Positive
//   Disability                   ← the next row
//
// Markdown reads a run of paragraphs; read here as one table block.
import type { Block, Cell, Row } from './types';

/** A delimiter row alone: runs of dashes between bars, at least two columns. */
// Each run of spaces belongs to one place (a bar owns the spaces after it): a failed match of a long run stays linear.
const DELIMITER = /^\s*(?:\|\s*)?:?-{3,}:?(?:\s*\|\s*:?-{3,}:?)+\s*(?:\|\s*)?$/;
/** The most rows read (bounded: a hostile run of 100,000 bars is read in linear time anyway, and is no table). */
const MAX_ROWS = 2000;

/**
 * The table whose delimiter row is block i: its header the 2n - 1 blocks before it in
 * `out` (cells and bars, n the delimiter's columns), its rows read from block i + 1.
 * `drop`: how many blocks at the end of `out` the table takes; `last`: its last block.
 */
export function barredCellsTable(source: string, out: Block[], blocks: Block[], i: number): { table: Block; drop: number; last: number } | undefined {
  const delimiter = blocks[i];
  if (delimiter.kind !== 'paragraph' || !DELIMITER.test(source.slice(delimiter.start, delimiter.end))) return undefined;
  const n = source.slice(delimiter.start, delimiter.end).match(/-{3,}/g)!.length;
  const isBar = (b: Block | undefined) => b?.kind === 'paragraph' && source.slice(b.start, b.end).trim() === '|';
  const isCell = (b: Block | undefined) => !!b && (b.kind === 'paragraph' || b.kind === 'heading') && !isBar(b);
  const drop = 2 * n - 1;
  const head = out.slice(out.length - drop);
  if (head.length !== drop || !head.every((b, k) => (k % 2 ? isBar(b) : isCell(b)))) return undefined;
  const cellOf = (b: Block): Cell => ({ start: b.start, end: b.end, text: b.text ?? source.slice(b.start, b.end).trim() });
  const rows: Row[] = [{ start: head[0].start, end: head[drop - 1].end, cells: head.filter((_, k) => k % 2 === 0).map(cellOf) }];
  let j = i + 1;
  while (rows.length <= MAX_ROWS && isCell(blocks[j]) && isBar(blocks[j + 1])) {
    const cells: Cell[] = [cellOf(blocks[j])];
    j++;
    // A bar, then a cell; two bars running together hold an empty cell between them.
    while (cells.length < n && isBar(blocks[j])) {
      const bar = blocks[j];
      if (isCell(blocks[j + 1])) {
        cells.push(cellOf(blocks[j + 1]));
        j += 2;
      } else {
        cells.push({ start: bar.end, end: bar.end, text: '' });
        j++;
      }
    }
    rows.push({ start: cells[0].start, end: cells[cells.length - 1].end, cells });
  }
  if (rows.length < 2) return undefined;
  const last = j - 1;
  const table: Block = { start: head[0].start, end: blocks[last].end, kind: 'table', text: rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' '), rows };
  return { table, drop, last };
}
