// A table a text browser drew without borders (`w3m -dump`): its columns are
// set apart only by columns of blank space, often a single one ("Impact Positive
// Positive   Not yet"), its header labels wrapped and centred over their columns,
// and each cell centred in its row, so a row's label can stand lines below the
// row's first line:
//
//                               Gender     Marriage          ← a header over three lines
//          Age    Disability reassignment  and civil
//                                         partnership
// Impact Positive Positive   Not yet      N/A                 ← a row's label and its cells
//                            assessed
//        More                                                 ← the next row, above its label
//  Why   people   people in  No data
//
// Read here as a table block: columns where some line has text, split at the
// columns blank in every line; a row wherever the first column has text; a
// cell the run of lines with text in its column through its row's label line
// (a centred cell is on that line, and so is a top-aligned one), from where the
// row above ended to halfway to the next label.
import type { Block, Cell, Row } from './types';
import { cellOver, type Line } from './text-lines';

/** The fewest lines, columns and rows (a header and two) a borderless table is read from. */
const MIN_LINES = 4;
const MIN_COLUMNS = 3;
const MIN_ROWS = 2;
/** The most lines and the widest line read (bounded: a hostile paragraph of 100,000 lines is no table). */
const MAX_LINES = 400;
const MAX_WIDTH = 400;

/**
 * A borderless table over `lines` (the lines of one paragraph, or of paragraphs on
 * consecutive lines), or undefined. Half its lines or more hold a gap of two spaces
 * or more inside them (prose never does), at least three columns are set apart by
 * blank columns, and its first column labels two rows or more. Its first line is no
 * title (words at the margin with no gap).
 */
export function gappedTable(lines: Line[]): Block | undefined {
  const ls = lines.filter((l) => l.text.trim());
  if (ls.length < MIN_LINES || ls.length > MAX_LINES || ls.some((l) => l.text.length > MAX_WIDTH)) return undefined;
  if (ls.filter((l) => /\S {2,}\S/.test(l.text)).length * 2 < ls.length) return undefined;
  // A line of words at the left margin over it is a title ("Equality impact assessment"), read as one by the layout.
  if (/^\S(?:\S| (?=\S))*\s*$/.test(ls[0].text)) return undefined;
  const cols = columns(ls);
  if (cols.length < MIN_COLUMNS) return undefined;
  const has = (l: Line, c: number) => /\S/.test(l.text.slice(cols[c][0], cols[c][1]));
  // Row labels: lines with text in the first column; one wrapped in it goes on in lower case.
  const anchors: number[] = [];
  ls.forEach((l, k) => {
    if (!has(l, 0)) return;
    const wrapped = anchors.length && anchors[anchors.length - 1] === k - 1 && /^\p{Ll}/u.test(l.text.slice(cols[0][0]).trimStart());
    if (!wrapped) anchors.push(k);
  });
  if (anchors.length < MIN_ROWS) return undefined;
  // Lines above the first label are the header (none: the first labelled row is).
  const headLines = ls.slice(0, anchors[0]);
  const rows: Row[] = [];
  if (headLines.length) rows.push({ start: headLines[0].start, end: headLines[headLines.length - 1].end, cells: cols.map(([a, z]) => cellOver(headLines, a, z)) });
  // A row reaches down from its label at most halfway to the next label; up, to where the row above ended.
  let top = anchors[0];
  anchors.forEach((at, r) => {
    const bottom = r + 1 < anchors.length ? Math.floor((at + anchors[r + 1]) / 2) : ls.length - 1;
    let reached = at;
    const cells: Cell[] = cols.map(([a, z], c) => {
      if (!has(ls[at], c)) return cellOver([ls[at]], a, z);
      let from = at;
      let to = at;
      while (from > top && has(ls[from - 1], c)) from--;
      while (to < bottom && has(ls[to + 1], c)) to++;
      reached = Math.max(reached, to);
      return cellOver(ls.slice(from, to + 1), a, z);
    });
    rows.push({ start: ls[top].start, end: ls[reached].end, cells });
    top = reached + 1;
  });
  // Most rows hold a cell besides their label.
  if (rows.filter((row) => row.cells.filter((x) => x.text).length >= 2).length * 2 < rows.length) return undefined;
  const first = ls[0];
  const last = ls[ls.length - 1];
  return { start: first.start + (first.text.length - first.text.trimStart().length), end: last.end, kind: 'table', text: rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' '), rows };
}

/** Column ranges [from, to): runs of character columns where some line has text, each to the next run's start. */
function columns(ls: Line[]): Array<[number, number]> {
  const width = Math.max(...ls.map((l) => l.text.length));
  const used = new Uint8Array(width);
  for (const l of ls) for (let x = 0; x < l.text.length; x++) if (l.text.charCodeAt(x) > 32) used[x] = 1;
  const starts: number[] = [];
  for (let x = 0; x < width; x++) if (used[x] && (x === 0 || !used[x - 1])) starts.push(x);
  return starts.map((a, i) => [a, i + 1 < starts.length ? starts[i + 1] : Infinity]);
}
