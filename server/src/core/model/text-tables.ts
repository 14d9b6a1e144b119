// Tables drawn with text, as pandoc writes Word tables and as PDF text keeps
// them: Markdown has no such table, so they reach the model as a paragraph (a
// grid table), or as a header paragraph, a "thematic break" and a paragraph of
// rows (a simple table). Read here as table blocks with rows and cells, so an
// EqIA or a WCC table drawn this way counts like a pipe table.
//
//   simple:  Group        Impact        Comments        grid:  +--------+---------+
//            -----------  ------------  ---------               | Group  | Impact  |
//            Race         Positive      BME access…             +========+=========+
//                                                               | Race   | Positive|
//                                                               |        | more…   |
//                                                               +--------+---------+
// A grid cell spread over several lines has one span per line (`parts`).
import type { Block, Cell, Row, Span } from './types';
import { NUMBERED_TITLE } from './outline-number';
import { barredCellsTable } from './barred-cells';
import { gappedTable } from './gapped-table';
import { cellOf, cellOver, linesOf, type Line } from './text-lines';

/** A ruler under a simple table's header: two or more runs of dashes separated by spaces. */
const RULER = /^( {0,3})(-{2,})((?: +-{2,})+) *$/;
/** A grid table's row border: "+----+----+" (or "=" under its header). */
const GRID_BORDER = /^ {0,3}\+(?:[-=:]+\+){1,}\s*$/;
/**
 * A table drawn with box-drawing characters (w3m's and console tools' tables), its border
 * "├────┼────┤" and its bars "│", at any indentation (a web page's column layout).
 */
const BOX_BORDER = /^[ \t]*[┌├└╒╞╘╓╟╙╔╠╚][─━═]+(?:[┬┼┴╤╪╧╥╫╨╦╬╩][─━═]+)*[┐┤┘╕╡╛╖╢╜╗╣╝][ \t]*$/;
const BOX_ROW = /^[ \t]*[│║┃]/;
/** A row's line that is a border under some of its cells: box drawing opening it or a rule within it. */
const PARTIAL_BOX = /^[ \t]*(?:[├╞╟┝]|[│║┃].*[├┼┤╞╪╡][─━═]{2,})/;
const BOX_DRAWING = /[─━═┌┐└┘├┤┬┴┼╒╕╘╛╞╡╤╧╪╓╖╙╜╟╢╥╨╫╔╗╚╝╠╣╦╩╬┝]/;
/** Whether a line is a grid table's border, drawn with "+" and "-" or with box-drawing characters. */
const isBorder = (text: string): boolean => GRID_BORDER.test(text) || BOX_BORDER.test(text);
/** A bar between a grid's cells. */
const isBar = (c: string): boolean => c === '|' || c === '│' || c === '║' || c === '┃';

/** Column ranges [from, to) within a line, from a ruler's dash runs (the last column runs to the line's end). */
function rulerColumns(ruler: string): Array<[number, number]> {
  const cols: Array<[number, number]> = [];
  for (const m of ruler.matchAll(/-+/g)) cols.push([m.index!, m.index! + m[0].length]);
  return cols.map(([a], i) => [a, i + 1 < cols.length ? cols[i + 1][0] : Infinity]);
}

/** A row drawn over lines, its cells between bars at the given columns (a grid's edges). */
function rowBetween(lines: Line[], edges: number[]): Row {
  const cells: Cell[] = [];
  for (let c = 0; c + 1 < edges.length; c++) cells.push(cellOver(lines, edges[c] + 1, edges[c + 1]));
  return { start: lines[0].start, end: lines[lines.length - 1].end, cells };
}

/**
 * Rewrites a chunk's blocks: a simple table (a one-line paragraph, a ruler read
 * as a thematic break, a paragraph of rows, each on the next line) becomes one
 * table block; a paragraph that is a grid table becomes one.
 */
export function readTextTables(source: string, blocks: Block[]): Block[] {
  const out: Block[] = [];
  // The rows a table written a cell per line would have from each line on, kept for the whole pass:
  // paragraphs that each could open one read on through the same lines (see cellLinesTable).
  const runs: RowRuns = new Map();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const barred = barredCellsTable(source, out, blocks, i);
    if (barred) {
      out.length -= barred.drop;
      out.push(barred.table);
      i = barred.last;
      continue;
    }
    const multi = multilineTable(source, blocks, i) ?? ruledTable(source, blocks, i);
    if (multi) {
      out.push(multi.table);
      i = multi.last;
      continue;
    }
    const byLine = b.kind === 'paragraph' ? cellLinesTable(source, blocks, i, runs) : undefined;
    if (byLine) {
      // A merged header's first row, read off the end of the paragraph before (still a paragraph of its own there).
      if (byLine.previous && out[out.length - 1] === blocks[i - 1]) out.splice(out.length - 1, 1, ...byLine.previous);
      for (const x of byLine.blocks) out.push(x);
      i = byLine.last;
      continue;
    }
    const tabbed = b.kind === 'paragraph' ? tabbedTable(source, b) : undefined;
    if (tabbed) {
      for (const x of tabbed) out.push(x);
      continue;
    }
    const underscored = b.kind === 'paragraph' ? underscoredTable(source, b) : undefined;
    if (underscored) {
      for (const x of underscored) out.push(x);
      continue;
    }
    const grid = b.kind === 'paragraph' ? (gridTable(source, b) ?? wikiTable(source, b) ?? raggedTable(source, b) ?? rstTable(source, b)) : undefined;
    if (grid) {
      out.push(grid);
      continue;
    }
    const aligned = b.kind === 'paragraph' ? alignedTableAndProse(source, b) : undefined;
    if (aligned) {
      for (const x of aligned) out.push(x);
      continue;
    }
    const gapped = b.kind === 'paragraph' ? gappedRun(source, blocks, i) : undefined;
    if (gapped) {
      out.push(gapped.table);
      i = gapped.last;
      continue;
    }
    const rulerText = b.kind === 'other' ? source.slice(lineStart(source, b.start), b.end) : '';
    if (RULER.test(rulerText)) {
      const head = out[out.length - 1];
      const body = blocks[i + 1];
      const headLine = head?.kind === 'paragraph' && !source.slice(head.start, head.end).includes('\n') && nextLineStart(source, head.end) === lineStart(source, b.start) ? head : undefined;
      if (body?.kind === 'paragraph' && nextLineStart(source, b.end) === lineStart(source, body.start)) {
        const table = simpleTable(source, rulerText, headLine, body);
        if (table) {
          if (headLine) out.pop();
          out.push(table);
          i++;
          continue;
        }
      }
    }
    out.push(b);
  }
  return out;
}

/** The most paragraphs on consecutive lines read as one borderless table (a header the layout set apart, then its rows). */
const GAPPED_PARTS = 3;

/** A borderless table (`gapped-table.ts`) over paragraph i and the paragraphs on the lines right after it. */
function gappedRun(source: string, blocks: Block[], i: number): { table: Block; last: number } | undefined {
  let last = i;
  while (last + 1 < blocks.length && last + 1 - i < GAPPED_PARTS && blocks[last + 1].kind === 'paragraph' && nextLineStart(source, blocks[last].end) === lineStart(source, blocks[last + 1].start)) last++;
  const table = gappedTable(linesOf(source, lineStart(source, blocks[i].start), blocks[last].end));
  return table && { table, last };
}

/** Where the line holding `offset` starts (blocks start after their indentation; columns count from here). */
function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line after `offset`'s line starts (offset at a line's end, or inside it). */
function nextLineStart(source: string, offset: number): number {
  const nl = source.indexOf('\n', offset);
  return nl < 0 ? source.length : nl + 1;
}

function simpleTable(source: string, rulerText: string, head: Block | undefined, body: Block): Block | undefined {
  const cols = rulerColumns(rulerText);
  const rows: Row[] = [];
  const toRow = (line: Line): Row => ({ start: line.start, end: line.end, cells: cols.map(([a, z]) => cellOf(line, a, z)) });
  if (head) rows.push(toRow(linesOf(source, lineStart(source, head.start), head.end)[0]));
  for (const line of linesOf(source, lineStart(source, body.start), body.end)) if (line.text.trim() && !RULER.test(line.text)) rows.push(toRow(line));
  // A ruler over prose is not a table: most rows must fill more than one column.
  const filled = rows.filter((r) => r.cells.filter((c) => c.text).length >= 2).length;
  if (rows.length < 2 || filled < rows.length / 2) return undefined;
  const start = head ? head.start : rows[0].start;
  return { start, end: body.end, kind: 'table', text: rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' '), rows };
}

/** A reStructuredText simple table's border: "=====  =====". */
const RST_RULE = /^ {0,3}={2,}(?: +={2,})+ *$/;

/**
 * A reStructuredText simple table, which Markdown reads as one paragraph: a border of "="
 * runs, the header, the border again, the rows, and a closing border. The border's runs
 * are its columns.
 */
function rstTable(source: string, b: Block): Block | undefined {
  const lines = linesOf(source, lineStart(source, b.start), b.end);
  if (lines.length < 4 || !RST_RULE.test(lines[0].text) || !RST_RULE.test(lines[2].text)) return undefined;
  const cols = rulerColumns(lines[0].text.replace(/=/g, '-'));
  const rows = lines.filter((l) => l.text.trim() && !RST_RULE.test(l.text)).map((line): Row => ({ start: line.start, end: line.end, cells: cols.map(([a, z]) => cellOf(line, a, z)) }));
  if (rows.length < 2) return undefined;
  return { start: b.start, end: b.end, kind: 'table', text: rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' '), rows };
}

/** A line of dashes alone: the top and bottom border of pandoc's multiline table. */
const FULL_RULE = /^ {0,3}-{3,} *$/;

/**
 * Pandoc's multiline table: a border of dashes, the header (one or more lines), a
 * ruler, then rows of several lines each, separated by blank lines, and a closing
 * border. Markdown reads it as a thematic break, a paragraph, a thematic break,
 * a paragraph per row and a thematic break. Each row paragraph is one row.
 */
function multilineTable(source: string, blocks: Block[], i: number): { table: Block; last: number } | undefined {
  const [top, head, ruler] = [blocks[i], blocks[i + 1], blocks[i + 2]];
  const lineOf = (b: Block) => source.slice(lineStart(source, b.start), b.end);
  if (top.kind !== 'other' || !FULL_RULE.test(lineOf(top)) || head?.kind !== 'paragraph' || ruler?.kind !== 'other') return undefined;
  const rulerText = lineOf(ruler);
  if (!RULER.test(rulerText) || nextLineStart(source, top.end) !== lineStart(source, head.start) || nextLineStart(source, head.end) !== lineStart(source, ruler.start)) return undefined;
  let last = i + 3;
  while (last < blocks.length && blocks[last].kind === 'paragraph') last++;
  const bottom = blocks[last];
  // The last row over the closing border is read as a heading underlined with dashes.
  const underlined = bottom?.kind === 'heading' && bottom.headingStyle === 'setext' && FULL_RULE.test(linesOf(source, bottom.start, bottom.end).pop()?.text ?? '');
  if (!underlined && (last === i + 3 || bottom?.kind !== 'other' || !FULL_RULE.test(lineOf(bottom)))) return undefined;
  const cols = rulerColumns(rulerText);
  const toRow = (b: Block): Row => {
    const lines = linesOf(source, lineStart(source, b.start), b.end).filter((l) => !FULL_RULE.test(l.text));
    return { start: lines[0].start, end: lines[lines.length - 1].end, cells: cols.map(([a, z]) => cellOver(lines, a, z)) };
  };
  const rows = [head, ...blocks.slice(i + 3, underlined ? last + 1 : last)].map(toRow);
  return { table: { start: top.start, end: bottom.end, kind: 'table', text: rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' '), rows }, last };
}

/**
 * A table laid out in columns between rules of dashes, as a scanned or PDF document keeps
 * it: the header, a rule, the rows (a cell wrapped over several lines), and a closing rule.
 * Markdown reads the header and the rows each as a heading underlined with dashes (or the
 * rows as a paragraph, then a thematic break). Read as an aligned table, its rules left out.
 */
function ruledTable(source: string, blocks: Block[], i: number): { table: Block; last: number } | undefined {
  const [head, body] = [blocks[i], blocks[i + 1]];
  const underlined = (b: Block | undefined) => b?.kind === 'heading' && b.headingStyle === 'setext' && FULL_RULE.test(linesOf(source, b.start, b.end).pop()?.text ?? '');
  if (!underlined(head) || !body || nextLineStart(source, head.end) !== lineStart(source, body.start)) return undefined;
  if (cellStarts(linesOf(source, lineStart(source, head.start), head.end)[0].text).length < 2) return undefined;
  let last = i + 1;
  if (body.kind === 'paragraph') {
    const close = blocks[i + 2];
    if (close?.kind === 'other' && FULL_RULE.test(source.slice(lineStart(source, close.start), close.end)) && nextLineStart(source, body.end) === lineStart(source, close.start)) last = i + 2;
  } else if (!underlined(body)) return undefined;
  const table = alignedTable(source, { ...head, end: blocks[last].end, kind: 'paragraph' });
  return table && table.rows!.length >= 3 ? { table, last } : undefined;
}

function gridTable(source: string, b: Block): Block | undefined {
  const lines = linesOf(source, lineStart(source, b.start), b.end);
  if (lines.length < 3 || !isBorder(lines[0].text)) return undefined;
  // Column edges are the "+" (or corners and tees) of the top border.
  const edges = [...lines[0].text.matchAll(/[+┌┬┐╒╤╕╓╥╖╔╦╗]/g)].map((m) => m.index!);
  const rows: Row[] = [];
  let pending: Line[] = [];
  const flush = () => {
    if (!pending.length) return;
    rows.push(rowBetween(pending, edges));
    pending = [];
  };
  for (const line of lines) {
    if (isBorder(line.text)) flush();
    // A border drawn under some cells only ("│ Age  ├──────┼──────┤", "├──────┤ All  │ No impact…"): cells
    // spanning rows (an HTML table's rowspan, as w3m draws it) go on, so the row does, its rules blank.
    else if (PARTIAL_BOX.test(line.text)) pending.push({ ...line, text: line.text.replace(new RegExp(BOX_DRAWING, 'g'), ' ') });
    else if (/^ {0,3}\|/.test(line.text) || BOX_ROW.test(line.text)) pending.push(line);
    else return undefined;
  }
  flush();
  if (rows.length < 2) return undefined;
  return { start: b.start, end: b.end, kind: 'table', text: rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' '), rows };
}

/** A line of a table as Debian's html2text draws one: between bars, at the line's start and end. */
const UNDERSCORED_LINE = /^\|.*\|[ \t]*$/;

/** Where a line's bars are. */
const barsOf = (text: string): number[] => [...text.matchAll(/\|/g)].map((m) => m.index!);

/**
 * A table as Debian's html2text draws one, under a border of underscores (which Markdown
 * reads as a rule): bars between the cells, the same columns on every line, and each row's
 * last line written with underscores for spaces ("|Race____|Positive|among_BME_communities.___|").
 * The underscores are drawing: a cell's text is read with them as spaces. A line that is no
 * row ends the table, and it and the lines after are a paragraph.
 */
function underscoredTable(source: string, b: Block): Block[] | undefined {
  if (source.charCodeAt(lineStart(source, b.start)) !== 124) return undefined;
  const all = linesOf(source, lineStart(source, b.start), b.end);
  const edges = all.length ? barsOf(all[0].text) : [];
  const inTable = (l: Line) => UNDERSCORED_LINE.test(l.text) && edges.every((e) => l.text[e] === '|');
  let n = 0;
  while (n < all.length && inTable(all[n])) n++;
  const lines = all.slice(0, n);
  // A row's last line has no space left in it.
  const closes = (l: Line) => !l.text.slice(0, edges[edges.length - 1]).includes(' ');
  if (edges.length < 3 || lines.length < 2 || lines.filter(closes).length < 2 || !lines.some((l) => l.text.includes('_'))) return undefined;
  const rows: Row[] = [];
  let pending: Line[] = [];
  for (const line of lines) {
    pending.push({ ...line, text: line.text.replace(/_/g, ' ') });
    if (!closes(line) && line !== lines[lines.length - 1]) continue;
    rows.push(rowBetween(pending, edges));
    pending = [];
  }
  const last = lines[lines.length - 1];
  const table: Block = { start: b.start, end: last.end, kind: 'table', text: rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' '), rows };
  return [table, ...(n < all.length ? proseOf(source, all[n].start, b.end) : [])];
}

/** Where each cell of a line starts: text after a run of three or more spaces (or the line's first text). */
function cellStarts(text: string): number[] {
  const out: number[] = [];
  const first = text.search(/\S/);
  if (first >= 0) out.push(first);
  // The line's own indentation is no gap between cells.
  // From a run's first space only (a run tried from each of its spaces was quadratic in its length).
  for (const m of text.matchAll(/(?<! ) {3,}(?=\S)/g)) if (m.index! + m[0].length > first) out.push(m.index! + m[0].length);
  return out;
}

/** The most page breaks a table is read across under its repeated header (bounded: 10,000 repeats is hostile input). */
const PAGES_REPEATED = 20;
/** A header line's words, however a page spaces them (and a form feed before them). */
const headerKey = (text: string): string => text.replace(/[\s\f]+/g, ' ').trim();

/** The longest cell read as a mark (a tick, a cross, "Yes"), which may sit centred under its header. */
const MARK = 3;

/**
 * A paragraph whose lines are columns of text lined up with spaces, as a PDF's
 * table comes out of pdftotext: the first line (the header) splits into two or
 * more cells at runs of three or more spaces, and every cell of every line starts
 * where a column of the header starts. A line starting in the first column opens
 * a row (a row of only its label, "Religion or belief", has empty cells); one
 * starting further right goes on with the row above, cell by cell (text wrapped
 * inside its column). Most rows must hold two cells or more.
 */
export function alignedTable(source: string, b: Block): Block | undefined {
  const read = alignedTableAndProse(source, b);
  return read?.length === 1 ? read[0] : undefined;
}

/** A paragraph holding a table written a cell per line, as its prose and the table. */
export function cellLinesTables(source: string, b: Block): Block[] | undefined {
  return cellLinesTable(source, [b], 0, new Map())?.blocks;
}

/** A paragraph that is aligned tables only: one, or one carried over a page break under its header again. */
export function alignedTables(source: string, b: Block): Block[] | undefined {
  const read = alignedTableAndProse(source, b);
  return read?.every((x) => x.kind === 'table') ? read : undefined;
}

/**
 * The aligned table a paragraph opens with, and the prose after it: a line from the first
 * column that runs across a column's start with words (a sentence after the table with no
 * blank line between: "The closure of Moorside … will require a separate full EqIA") ends
 * the table, and it and the lines after are a paragraph.
 */
function alignedTableAndProse(source: string, b: Block, pages = 0): Block[] | undefined {
  // A rule of dashes between the header and the rows, or closing them, is no line of the table.
  let lines = linesOf(source, lineStart(source, b.start), b.end).filter((l) => l.text.trim() && !FULL_RULE.test(l.text));
  if (lines.length < 3) return undefined;
  const cols = cellStarts(lines[0].text);
  if (cols.length < 2) return undefined;
  // The header repeated over the rows a page break carried on, laid out anew ("\fCharacteristic   Evidence…"):
  // two tables, each read by its own header's columns.
  const key = headerKey(lines[0].text);
  const again = pages < PAGES_REPEATED ? lines.findIndex((l, i) => i >= 3 && l.text.length >= key.length && headerKey(l.text) === key) : -1;
  if (again > 0) {
    const before = alignedTableAndProse(source, { ...b, end: lines[again - 1].end }, PAGES_REPEATED);
    const after = alignedTableAndProse(source, { ...b, start: lines[again].start }, pages + 1);
    if (before?.length === 1 && after) return [...before, ...after];
  }
  // Prose has no gap between cells (a row set a little out of line, "Gender   Suicide highest among men Positive…", has).
  const across = (l: Line) => /^\S/.test(l.text) && cellStarts(l.text).length === 1 && cols.slice(1).some((c) => /\S/.test(l.text[c - 1] ?? '') && /\S/.test(l.text[c] ?? ''));
  const stop = lines.findIndex((l, i) => i >= 3 && across(l));
  const prose = stop > 0 ? proseOf(source, lines[stop].start, b.end) : [];
  if (stop > 0) lines = lines.slice(0, stop);
  const head = lines[0].text;
  const widths = cols.map((c, i) => head.slice(c, cols[i + 1] ?? head.length).trimEnd().length);
  // A cell starts under its header's start, or is a mark centred under the header ("✓" under "Positive").
  const near = (x: number, text = '') => {
    const i = cols.findIndex((c) => Math.abs(c - x) <= 2);
    return i >= 0 || text.slice(x).trimEnd().length > MARK ? i : cols.findIndex((c, k) => x > c && x < c + widths[k]);
  };
  const groups: Line[][] = [];
  let full = 0;
  // A label wrapped in its column goes on in lower case ("Gender", then "reassignment     show high rates…"), where labels open with a capital.
  const capitals = lines.filter((l) => /^\p{Lu}/u.test(l.text)).length >= 2;
  for (const l of lines) {
    const starts = cellStarts(l.text);
    if (starts.some((x, k) => near(x, l.text.slice(0, starts[k + 1] ?? l.text.length)) < 0)) return undefined;
    if ((near(starts[0]) === 0 && !(capitals && /^\p{Ll}/u.test(l.text.slice(starts[0])))) || !groups.length) {
      groups.push([l]);
      if (starts.length >= 2) full++;
    } else groups[groups.length - 1].push(l);
  }
  if (groups.length < 2 || full * 2 < groups.length) return undefined;
  const bounds: Array<[number, number]> = cols.map((c, i) => [c, i + 1 < cols.length ? cols[i + 1] : Infinity]);
  const rows: Row[] = groups.map((g) => ({
    start: g[0].start,
    end: g[g.length - 1].end,
    cells: bounds.map(([a, z]) => cellOver(g, a, z)),
  }));
  const end = prose.length ? lines[lines.length - 1].end : b.end;
  return [{ start: b.start, end, kind: 'table', text: rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' '), rows }, ...prose];
}

/** A line's first cell that marks it as a list item or a numbered heading ("•<tab>…", "8.<tab>Equality analysis"), not a row. */
const ITEM_CELL = /^(?:[•o·▪◦*-]|\d{1,2}(?:\.\d{1,2})*\.?)$/;
/** A contents entry's last cell: a page number. */
const PAGE_CELL = /^\d{1,3}$/;
const TABBED_ROWS = 3;

/**
 * Lines whose cells are set apart by tabs, as Word's "Plain Text" export or a table pasted into
 * an email leaves a table ("Religion or belief<tab><tab>" a row with empty cells): a run of three
 * or more such lines in a paragraph is a table, the text around it paragraphs of their own. Not
 * a run of list items ("•<tab>…"), numbered headings, or contents entries ending in page numbers.
 */
export function tabbedTable(source: string, b: Block): Block[] | undefined {
  if (!source.slice(b.start, b.end).includes('\t')) return undefined;
  const lines = linesOf(source, lineStart(source, b.start), b.end);
  const cellsOf = (l: Line): Cell[] => {
    const out: Cell[] = [];
    let from = 0;
    for (let k = l.text.indexOf('\t'); ; k = l.text.indexOf('\t', from)) {
      const to = k < 0 ? l.text.length : k;
      out.push(cellOf(l, from, to));
      if (k < 0) return out;
      from = k + 1;
    }
  };
  const row = (l: Line) => {
    if (!l.text.includes('\t')) return undefined;
    const cells = cellsOf(l);
    return cells[0].text && !ITEM_CELL.test(cells[0].text) ? cells : undefined;
  };
  let first = -1;
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!row(lines[i])) continue;
    let j = i;
    while (j + 1 < lines.length && row(lines[j + 1])) j++;
    const run = lines.slice(i, j + 1);
    if (run.length >= TABBED_ROWS && !run.every((l) => PAGE_CELL.test(cellsOf(l).filter((c) => c.text).pop()?.text ?? ''))) {
      first = i;
      last = j;
      break;
    }
    i = j;
  }
  if (first < 0) return undefined;
  const rows: Row[] = lines.slice(first, last + 1).map((l) => ({ start: l.start, end: l.end, cells: row(l)! }));
  const table: Block = { start: lines[first].start, end: lines[last].end, kind: 'table', text: rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' '), rows };
  const rest = last + 1 < lines.length ? proseOf(source, lines[last + 1].start, b.end) : [];
  // The text after the table may hold another.
  const after = rest.length ? (tabbedTable(source, rest[0]) ?? rest) : rest;
  return [...(first > 0 ? proseOf(source, b.start, lines[first - 1].end) : []), table, ...after];
}

/** A cell-per-line table's header cell and each row's first cell are labels this short at most. */
const HEADER_CELL = 40;
/** A header cell asking its column's question. */
const QUESTION_CELL = /\?$/;
const LABEL_CELL = 60;
/** The most columns, and the fewest rows, of a table written a cell per line. */
const LINE_COLUMNS = 6;
const LINE_ROWS = 3;
/** The most rows of a table written a cell per line read on past its paragraph's end (bounded: a run of 10,000 paragraphs is hostile input). */
const LINE_ROWS_READ = 200;
/** Two short lines running, each opening with a capital: a cell-per-line table's header might start there. */
const SHORT_LINES = /(?:^|\n)[ \t]*\p{Lu}[^\n]{0,29}\n[ \t]*\p{Lu}[^\n]{0,29}(?:\n|$)/u;
/** A line ending a sentence: a cell-per-line table's header follows one, and no label ends so. */
const SENTENCE_END = /[.:;!?]\)?$/;
/** A cell that is text, not a label: three words or a sentence. */
const TEXT_CELL = /\S+\s+\S+\s+\S|[.!?]$/;

/**
 * A table written a cell per line, as LibreOffice's text export writes a Word table: the header's
 * cells ("Protected characteristic", "Impact", "Comment"), then each row's, an empty cell an empty
 * line ("Marriage and civil partnership", "N/A", ""). Markdown reads the lines as paragraphs, split
 * where a cell is empty. Read where the header follows a sentence or a title (or opens the paragraph), each
 * row opens with a short label, the rows fill three or more whole rows, and half of them hold text
 * beyond their label: the column count that reads the most rows so.
 */
/** For each column count, from each line's start (an offset in the source): the rows of that many cells from there, and how many hold text. */
type RowRuns = Map<number, Map<number, [number, number]>>;

function cellLinesTable(source: string, blocks: Block[], i: number, runs: RowRuns): { blocks: Block[]; last: number; previous?: Block[] } | undefined {
  const b = blocks[i];
  // Most paragraphs have no two short lines running: looked at first, the paragraph's lines split only where one has.
  if (!SHORT_LINES.test(source.slice(b.start, b.end))) return undefined;
  const lines = linesOf(source, lineStart(source, b.start), b.end);
  // Lines on through a run of paragraphs (the table's empty cells split it), read only as far as rows are read.
  const all = linesAhead(source, lineStart(source, b.start), blocks, i, lines.length + LINE_COLUMNS * LINE_ROWS_READ);
  // A numbered title ("C2. Next steps", "Part D  -  Equality impact assessment") is no cell: the table ends before it.
  const label = (l: Line | undefined, max: number) => !!l && l.text.trim().length > 0 && l.text.trim().length <= max && /^\p{Lu}/u.test(l.text.trim()) && !SENTENCE_END.test(l.text.trim()) && !NUMBERED_TITLE.test(l.text.trim());
  // The rows of n cells from line `at` on, and how many of them hold text beyond their label: each
  // line's run is read once per column count, however many headers above it are tried and however many
  // paragraphs read on through it (linear time). Kept by the line's offset in the source.
  const run = (n: number, from: number): [number, number] => {
    let memo = runs.get(n);
    if (!memo) runs.set(n, (memo = new Map()));
    const chain: number[] = [];
    let at = from;
    let tail: [number, number] = [0, 0];
    for (;;) {
      const line = all(at);
      const known = line && memo.get(line.start);
      if (known) {
        tail = known;
        break;
      }
      // No cell of a row is a numbered title: the table ends before it, whichever column it would fall in.
      const titleIn = () => Array.from({ length: n }, (_, c) => all(at + c)!).some((l) => NUMBERED_TITLE.test(l.text.trim()));
      if (!(line && all(at + n - 1) && label(line, LABEL_CELL) && !titleIn())) {
        if (line) memo.set(line.start, tail);
        break;
      }
      chain.push(at);
      at += n;
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      let text = 0;
      for (let c = 1; c < n && !text; c++) if (TEXT_CELL.test(all(chain[k] + c)!.text.trim())) text = 1;
      tail = [tail[0] + 1, tail[1] + text];
      memo.set(all(chain[k])!.start, tail);
    }
    return chain.length ? memo.get(all(from)!.start)! : tail;
  };
  let best: { head: number; n: number; rows: number } | undefined;
  for (let h = 0; h + 1 < lines.length; h++) {
    // After a sentence, or a line that is no label ("4. What we commission now", a title): not inside a run of labels.
    if (h > 0 && !SENTENCE_END.test(lines[h - 1].text.trim()) && label(lines[h - 1], LABEL_CELL)) continue;
    for (let n = 2; n <= LINE_COLUMNS && h + n <= lines.length; n++) {
      // A header's cell may ask its column's question ("Full assessment needed?").
      if (!lines.slice(h, h + n).every((l) => label(l, HEADER_CELL) || (QUESTION_CELL.test(l.text.trim()) && label({ ...l, text: l.text.trim().slice(0, -1) }, HEADER_CELL)))) break;
      const [rows, texts] = run(n, h + n);
      if (rows >= LINE_ROWS && texts * 2 >= rows && (!best || rows > best.rows)) best = { head: h, n, rows };
    }
    if (best) break;
  }
  // A header whose first cell is empty, merged with the cell above it ("Protected characteristic" over two
  // rows, "Impact" over two columns: LibreOffice writes the second header row as an empty line, then
  // "Positive, neutral or negative", "Evidence…"): the paragraph opens with the header's other cells.
  // Read so where the paragraph before ends with that row's cells after a sentence (fewer than the
  // columns: "Protected characteristic", "Impact of the plan"), and where it reads more rows than the
  // paragraph's opening read as a whole header does.
  let shift = 0;
  const firstRow = mergedFirstRow(source, blocks[i - 1], b, label);
  if (firstRow && (!best || best.head === 0)) {
    let merged: typeof best;
    for (let n = Math.max(3, firstRow.cells + 1); n <= LINE_COLUMNS && n - 1 <= lines.length; n++) {
      if (!lines.slice(0, n - 1).every((l) => label(l, HEADER_CELL))) break;
      const [rows, texts] = run(n, n - 1);
      if (rows >= LINE_ROWS && texts * 2 >= rows && (!merged || rows > merged.rows)) merged = { head: 0, n, rows };
    }
    if (merged && (!best || merged.rows > best.rows)) {
      best = merged;
      shift = 1;
    }
  }
  if (!best) return undefined;
  const { head, n } = best;
  const cellAt = (l: Line): Cell => {
    const text = l.text.trim();
    const start = l.start + l.text.indexOf(text[0] ?? '');
    return text ? { start, end: start + text.length, text } : { start: l.start, end: l.start, text: '' };
  };
  const rows: Row[] = [];
  for (let r = 0; r <= best.rows; r++) {
    // Row r's first line: the header's (shorter by the empty cell it lacks), then each row's n.
    const first = r === 0 ? head : head + n - shift + (r - 1) * n;
    const count = r === 0 ? n - shift : n;
    const cells = Array.from({ length: count }, (_, c) => cellAt(all(first + c)!));
    if (r === 0 && shift) cells.unshift({ start: all(first)!.start, end: all(first)!.start, text: '' });
    rows.push({ start: all(first)!.start, end: all(first + count - 1)!.end, cells });
  }
  // Its first row ("Protected characteristic", "Impact of the plan") ends the paragraph before, after a sentence:
  // the table's, its first cell the empty one's (not a title over the table).
  let previous: Block[] | undefined;
  if (shift && firstRow && firstRow.cells < n) {
    const top = firstRow.lines[0];
    rows[0] = { ...rows[0], start: top.start, cells: [cellAt(top), ...rows[0].cells.slice(1)] };
    previous = firstRow.prose;
  }
  const end = rows[rows.length - 1].end;
  const table: Block = { start: rows[0].start, end, kind: 'table', text: rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' '), rows };
  // The paragraph the table ends in may run on past it.
  let last = i;
  while (blocks[last + 1]?.kind === 'paragraph' && blocks[last + 1].start < end) last++;
  return { blocks: [...(head > 0 ? proseOf(source, b.start, lines[head - 1].end) : []), table, ...proseOf(source, end, blocks[last].end)], last, previous };
}

/**
 * A merged header's first row at the end of the paragraph before a table written a cell per line:
 * its last lines, labels after a sentence (or opening it), one blank line (the row's empty cell) before
 * the table's paragraph. `cells`: how many; `prose`: the paragraph without them.
 */
function mergedFirstRow(source: string, before: Block | undefined, b: Block, label: (l: Line, max: number) => boolean): { cells: number; lines: Line[]; prose: Block[] } | undefined {
  if (before?.kind !== 'paragraph' || !oneBlankLine(source, before.end, b.start)) return undefined;
  // Its last lines only (a row's cells and the sentence before them), however long it is.
  let from = lineStart(source, before.end);
  for (let k = 0; k < LINE_COLUMNS && from > before.start; k++) from = lineStart(source, from - 1);
  from = Math.max(from, lineStart(source, before.start));
  const prior = linesOf(source, from, before.end);
  let k = 0;
  while (k < prior.length && k < LINE_COLUMNS && label(prior[prior.length - 1 - k], HEADER_CELL)) k++;
  const rest = prior.length - k;
  if (!k) return undefined;
  // Labels to the paragraph's opening, or after a sentence.
  if (rest === 0 ? from > lineStart(source, before.start) : !SENTENCE_END.test(prior[rest - 1].text.trim())) return undefined;
  return { cells: k, lines: prior.slice(rest), prose: rest ? proseOf(source, before.start, prior[rest - 1].end) : [] };
}

/** Whether only one blank line (an empty cell) stands between two offsets. */
function oneBlankLine(source: string, from: number, to: number): boolean {
  return (source.slice(from, to).match(/\n/g) ?? []).length === 2 && !source.slice(from, to).trim();
}

/**
 * Line k from `from`, read on demand through the run of paragraph blocks from block i (the blank
 * lines between them too), `max` lines at most: a paragraph that opens no table reads only its own.
 */
function linesAhead(source: string, from: number, blocks: Block[], i: number, max: number): (k: number) => Line | undefined {
  const got: Line[] = [];
  let pos = from;
  let j = i;
  return (k) => {
    while (got.length <= k && got.length < max) {
      while (pos > blocks[j].end && blocks[j + 1]?.kind === 'paragraph') j++;
      if (pos > blocks[j].end || pos >= source.length) break;
      let end = source.indexOf('\n', pos);
      if (end < 0) end = source.length;
      const line = linesOf(source, pos, blocks[j + 1]?.kind === 'paragraph' ? end : Math.min(end, blocks[j].end))[0] ?? { start: pos, end: pos, text: '' };
      got.push(line);
      pos = end + 1;
    }
    return got[k];
  };
}

/** The text of source [from, to) around a table, as a paragraph of its own (none when blank). */
function proseOf(source: string, from: number, to: number): Block[] {
  const raw = source.slice(from, to);
  const text = raw.trim();
  if (!text) return [];
  const start = from + raw.indexOf(text[0]);
  return [{ start, end: start + text.length, kind: 'paragraph', text }];
}

/**
 * Rows written between bars with no delimiter row, as a wiki exports a table
 * ("||Group||Impact||" for its header, "|Age|Positive|" for each row): Markdown
 * reads them as a paragraph; every line must open and close with a bar.
 */
function wikiTable(source: string, b: Block): Block | undefined {
  const lines = linesOf(source, lineStart(source, b.start), b.end).filter((l) => l.text.trim());
  if (lines.length < 2 || !lines.every((l) => /^ {0,3}\|.*\|\s*$/.test(l.text))) return undefined;
  const rows: Row[] = lines.map((l) => {
    const cells: Cell[] = [];
    // Bars (one or two) divide the cells; the first and last bars close the row.
    const bars = [...l.text.matchAll(/\|\|?/g)].map((m) => [m.index!, m.index! + m[0].length]);
    for (let k = 0; k + 1 < bars.length; k++) cells.push(cellOf(l, bars[k][1], bars[k + 1][0]));
    return { start: l.start, end: l.end, cells };
  });
  if (rows.some((r) => r.cells.length < 2)) return undefined;
  const read = wrappedRows(rows);
  return { start: b.start, end: b.end, kind: 'table', text: read.map((r) => r.cells.map((c) => c.text).join(' ')).join(' '), rows: read };
}

/**
 * Rows whose cells wrap onto the lines below, as antiword writes a Word table ("|3 – Engage with public and
 * |Service User Forum involved in |", then "|patients |drafting; co-design of recovery |", then "| |service |"):
 * where some line's first cell is empty, a line whose first cell is empty or goes on in lower case continues
 * the row above, cell by cell.
 */
function wrappedRows(rows: Row[]): Row[] {
  if (!rows.slice(1).some((r) => !r.cells[0].text)) return rows;
  const out: Row[] = [];
  for (const r of rows) {
    const prev = out[out.length - 1];
    if (prev && prev.cells.length === r.cells.length && (!r.cells[0].text || /^\p{Ll}/u.test(r.cells[0].text))) {
      out[out.length - 1] = { start: prev.start, end: r.end, cells: prev.cells.map((c, k) => joinCells(c, r.cells[k])) };
    } else out.push(r);
  }
  return out;
}

/** A cell and the same cell's text on the next line, as one cell over both. */
function joinCells(a: Cell, b: Cell): Cell {
  if (!b.text) return a;
  if (!a.text) return b;
  return { start: a.start, end: b.end, text: `${a.text} ${b.text}`, parts: [...cellSpans(a), ...cellSpans(b)] };
}

/** A delimiter row under a pipe table's header ("|---|---|"), whatever its count of cells. */
const PIPE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/;

/**
 * A pipe table Markdown refuses because its delimiter row has more or fewer cells
 * than its header, or whose rows lack their closing bar, as a table pasted in a
 * hurry comes: a paragraph whose lines all open with a bar, the second a delimiter
 * row. A reader sees its rows; read as prose, one row's finding ran into the next.
 */
function raggedTable(source: string, b: Block): Block | undefined {
  const lines = linesOf(source, lineStart(source, b.start), b.end).filter((l) => l.text.trim());
  if (lines.length < 3 || !PIPE_DELIMITER.test(lines[1].text) || !lines.every((l) => /^ {0,3}\|/.test(l.text))) return undefined;
  const rows: Row[] = [lines[0], ...lines.slice(2)].map((l) => {
    const bars = [...l.text.matchAll(/\|/g)].map((m) => m.index!);
    // The last cell runs to the line's end where its closing bar is missing.
    if (l.text.slice(bars[bars.length - 1] + 1).trim()) bars.push(l.text.length);
    const cells: Cell[] = [];
    for (let k = 0; k + 1 < bars.length; k++) cells.push(cellOf(l, bars[k] + 1, bars[k + 1]));
    return { start: l.start, end: l.end, cells };
  });
  if (rows.some((r) => !r.cells.length)) return undefined;
  return { start: b.start, end: b.end, kind: 'table', text: rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' '), rows };
}

/** The grid's drawing (borders and bars) as spans to blank from the prose. */
export function gridMarkup(source: string, table: Block): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const lines = linesOf(source, lineStart(source, table.start), table.end);
  const underscored = lines.every((l) => UNDERSCORED_LINE.test(l.text)) && lines.some((l) => l.text.includes('_'));
  for (const line of lines) {
    if (isBorder(line.text) || RULER.test(line.text) || FULL_RULE.test(line.text) || RST_RULE.test(line.text)) out.push([line.start, line.end]);
    // html2text's underscores, filling a row's last line, are drawing too.
    else for (let i = 0; i < line.text.length; i++) if (isBar(line.text[i]) || (underscored && line.text[i] === '_')) out.push([line.start + i, line.start + i + 1]);
  }
  return out;
}

/** A cell's spans: one per line for a grid cell over several lines. */
export function cellSpans(cell: Cell): Span[] {
  return cell.parts ?? [cell];
}
