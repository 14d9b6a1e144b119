// GFM tables at the top level, as micromark-extension-gfm-table splits them:
// a row runs from its first non-space character to the end of its line; a cell
// starts at its leading pipe (the first cell at the row start) and the last cell
// takes the rest of the line, closing pipe and trailing spaces included.
import { parseInline } from './inline';
import { bail, node, type BlockOptions, type FNode } from './nodes';
import { delimiterCells, isSetextLike, isThematicBreak, type Lines } from './lines';

/** The table whose header row is line `li`; throws BAIL when unsure. */
export function parseTable(src: string, lines: Lines, li: number, opts: BlockOptions): { node: FNode; last: number } {
  const LS = lines.start;
  const LE = lines.end;
  const head = row(src, LS[li], LE[li]);
  // A lone pipe is no header row for micromark.
  if (head.cells.length !== delimiterCells(src, LS[li + 1], LE[li + 1]) || /^ *\| *$/.test(src.slice(LS[li], LE[li]))) bail();
  const rows = [head];
  let last = li + 1;
  for (let i = li + 2; i < LS.length; i++) {
    const ls = LS[i];
    const le = LE[i];
    let q = ls;
    while (q < le && src.charCodeAt(q) === 32) q++;
    if (q === le) break;
    // A line that could start another block (or be anything but a row) is left to micromark.
    if (q - ls > 3 || /^(?:[#>`~<]|\[\^|(?:[-+*]|\d{1,9}[.)])(?: |$))/.test(src.slice(q, le)) || isThematicBreak(src, q, le) || isSetextLike(src, q, le)) bail();
    rows.push(row(src, ls, le));
    last = i;
  }
  const start = head.node.position.start.offset;
  // With no body rows the table ends with its delimiter row.
  const end = rows.length > 1 ? rows[rows.length - 1].node.position.end.offset : LE[li + 1];
  let ok = true;
  for (const r of rows) {
    for (const c of r.cells) {
      if (c.ce <= c.cs) continue;
      const text = src.slice(c.cs, c.ce);
      const kids = text.includes('`') && text.includes('\\|') ? undefined : parseInline(src, [c.cs, c.ce], true, opts.defined, opts.notes);
      if (!kids) ok = false;
      else c.node.children = kids;
    }
  }
  if (!ok) {
    // Some cell is beyond the fast inline parser: micromark parses the table alone.
    const again = opts.reparse(start, end);
    const only = again?.length === 1 ? again[0] : undefined;
    if (!only || only.type !== 'table' || only.position.start.offset !== start || only.position.end.offset !== end) bail();
    return { node: only, last };
  }
  return { node: node('table', start, end, rows.map((r) => r.node)), last };
}

interface Cell {
  node: FNode;
  /** Content range, spaces trimmed. */
  cs: number;
  ce: number;
}

/** A row's cells. */
function row(src: string, ls: number, le: number): { node: FNode; cells: Cell[] } {
  let rs = ls;
  while (rs < le && src.charCodeAt(rs) === 32) rs++;
  let re = le;
  while (re > rs && src.charCodeAt(re - 1) === 32) re--;
  if (src.slice(rs, le).includes('\t')) bail();
  // Unescaped pipes (micromark's row data takes \\ and \| as pairs).
  const pipes: number[] = [];
  for (let i = rs; i < re; i++) {
    const c = src.charCodeAt(i);
    if (c === 92 && (src.charCodeAt(i + 1) === 92 || src.charCodeAt(i + 1) === 124)) i++;
    else if (c === 124) pipes.push(i);
  }
  const trailing = pipes.length > 0 && pipes[pipes.length - 1] === re - 1 && re - 1 > rs;
  const bounds = pipes[0] === rs ? pipes.slice() : [rs, ...pipes];
  if (trailing) bounds.pop();
  const cells: Cell[] = bounds.map((s, k) => {
    const e = k + 1 < bounds.length ? bounds[k + 1] : le;
    let cs = src.charCodeAt(s) === 124 ? s + 1 : s;
    let ce = k + 1 < bounds.length ? e : trailing ? re - 1 : re;
    while (cs < ce && src.charCodeAt(cs) === 32) cs++;
    while (ce > cs && src.charCodeAt(ce - 1) === 32) ce--;
    return { node: node('tableCell', s, e, []), cs, ce };
  });
  return { node: node('tableRow', rs, le, cells.map((c) => c.node)), cells };
}
