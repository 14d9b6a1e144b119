// Line boundaries of a chunk, and the small line-level recognisers the block
// parser shares with the table parser. Tabs are never guessed at: any tab where
// it could count as indentation or separation makes the caller give up.
import { bail } from './nodes';

export interface Lines {
  /** Offset of each line's first character. */
  start: number[];
  /** Offset just past each line's last character, before its line ending. */
  end: number[];
}

/** Splits at \n, \r\n and \r; a text ending in a line ending has a last, empty line (as in micromark). */
export function splitLines(src: string): Lines {
  const start: number[] = [];
  const end: number[] = [];
  let pos = 0;
  // The next \r is looked for again only once passed: searching from every line
  // made a long text with no \r quadratic.
  let cr = src.indexOf('\r');
  for (;;) {
    const nl = src.indexOf('\n', pos);
    if (cr >= 0 && cr < pos) cr = src.indexOf('\r', pos);
    if (cr >= 0 && (nl < 0 || cr < nl)) {
      start.push(pos);
      end.push(cr);
      pos = src.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      continue;
    }
    if (nl < 0) break;
    start.push(pos);
    end.push(nl);
    pos = nl + 1;
  }
  start.push(pos);
  end.push(src.length);
  return { start, end };
}

/** Number of spaces from `at`; a tab among them gives up. */
export function spaces(src: string, at: number, end: number): number {
  let n = 0;
  while (at + n < end && src.charCodeAt(at + n) === 32) n++;
  if (src.charCodeAt(at + n) === 9 && at + n < end) bail();
  return n;
}

/** A thematic break from `at` to `end` (three or more of one of * - _, spaces between). */
export function isThematicBreak(src: string, at: number, end: number): boolean {
  const c = src.charCodeAt(at);
  if (c !== 42 && c !== 45 && c !== 95) return false;
  let count = 0;
  for (let i = at; i < end; i++) {
    const d = src.charCodeAt(i);
    if (d === c) count++;
    else if (d === 9) bail();
    else if (d !== 32) return false;
  }
  return count >= 3;
}

/** A line that could underline a setext heading (=== or ---), which the fast path does not parse. */
export function isSetextLike(src: string, at: number, end: number): boolean {
  const c = src.charCodeAt(at);
  if (c !== 61 && c !== 45) return false;
  let i = at;
  while (i < end && src.charCodeAt(i) === c) i++;
  while (i < end && (src.charCodeAt(i) === 32 || src.charCodeAt(i) === 9)) i++;
  return i === end;
}

export interface Marker {
  ordered: boolean;
  /** Bullet character, or the delimiter (. or )) of an ordered marker. */
  ch: number;
  /** An ordered marker that is exactly `1`: the only one that may interrupt a paragraph. */
  one: boolean;
  /** Nothing but spaces after the marker. */
  empty: boolean;
  /** Offset of the content (for an empty item: the end of the line). */
  content: number;
  /** Column where the item's content and continuation lines start. */
  col: number;
}

/** A list item marker at `at` (line starts at `ls`, ends at `le`), or null. */
export function listMarker(src: string, ls: number, at: number, le: number): Marker | null {
  const c = src.charCodeAt(at);
  let me: number;
  let ordered = false;
  let one = false;
  let ch = c;
  if (c === 45 || c === 43 || c === 42) {
    me = at + 1;
  } else if (c >= 48 && c <= 57) {
    let k = at;
    while (k < le && k - at < 10 && src.charCodeAt(k) >= 48 && src.charCodeAt(k) <= 57) k++;
    if (k - at > 9) return null;
    ch = src.charCodeAt(k);
    if (ch !== 46 && ch !== 41) return null;
    ordered = true;
    one = k - at === 1 && c === 49;
    me = k + 1;
  } else {
    return null;
  }
  if (me < le) {
    const d = src.charCodeAt(me);
    if (d === 9) bail();
    if (d !== 32) return null;
  }
  let n = 0;
  while (me + n < le && src.charCodeAt(me + n) === 32) n++;
  if (me + n < le && src.charCodeAt(me + n) === 9) bail();
  if (me + n === le) return { ordered, ch, one, empty: true, content: le, col: me - ls + 1 };
  // Five or more spaces: the content is indented code, which the fast path leaves alone.
  if (n > 4) bail();
  return { ordered, ch, one, empty: false, content: me + n, col: me + n - ls };
}

/**
 * A GFM table delimiter row (|---|:-:| and the like), as micromark-extension-gfm-table
 * needs it: cells of :?-+:? split by pipes, with at least one pipe or colon.
 * Returns its cell count, or 0.
 */
export function delimiterCells(src: string, at: number, end: number): number {
  const line = src.slice(at, end);
  // "- |---" is a list item before it is a delimiter row.
  if (/^ {0,3}[-*+] /.test(line)) return 0;
  if (!/^ {0,3}\|?(?: *:?-+:? *\|)*(?: *:?-+:? *)\|? *$/.test(line) && !/^ {0,3}\|?(?: *:?-+:? *\|)+ *$/.test(line)) return 0;
  if (!/[|:]/.test(line)) return 0;
  return (line.match(/-+/g) ?? []).length;
}

/** Whether a line looks anything like a delimiter row (to give up on tables we do not parse). */
export function delimiterLike(src: string, at: number, end: number): boolean {
  const line = src.slice(at, end);
  return line.includes('-') && /[|:]/.test(line) && /^[ \t|:-]+$/.test(line);
}

/** A one-line link reference definition: `[label]: destination`, optionally a title in quotes or parentheses. */
const DEFINITION = /^\[([^[\]\\\r\n]{1,900})\]:[ \t]*[^\s()<>\\\x00-\x1f\x7f][^\s()\\\x00-\x1f\x7f]*(?:[ \t]+(?:"[^"\\\r\n]*"|'[^'\\\r\n]*'|\([^()\\\r\n]*\)))?[ \t]*$/;
/** The same label and destination, then text that cannot start a title: micromark's definition fails there, whatever follows. */
const NOT_DEFINITION = /^\[([^[\]\\\r\n]{1,900})\]:[ \t]*[^\s()<>\\\x00-\x1f\x7f][^\s()\\\x00-\x1f\x7f]*[ \t]+[^ \t"'(]/;

/**
 * Whether a line starting with `[` (indentation removed) is a link reference
 * definition: its label when it is one in the one-line form, 'not' when it
 * surely is none ("[^1]: Office for National Statistics…" outside GFM),
 * undefined when it might be one in a form not handled here (over lines, with
 * escapes, `<…>` or parentheses in the destination…).
 */
export function definitionLine(line: string): string | 'not' | undefined {
  const def = DEFINITION.exec(line);
  const m = def ?? NOT_DEFINITION.exec(line);
  if (!m || !/[^ \t]/.test(m[1])) return undefined;
  return def ? def[1] : 'not';
}
