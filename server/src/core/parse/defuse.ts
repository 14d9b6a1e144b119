// micromark resolves emphasis by comparing every delimiter with every earlier
// one in its paragraph: a piece of text such as "*a*a*a…" (8 KB held 4,096
// delimiters) took a third of a second, and 128 KB five seconds — on every
// keystroke in the editor. No real strategy comes near: above a few hundred
// delimiters in one piece, emphasis marks that cannot start a line's block
// (list markers, thematic breaks) are read as plain characters, so the piece
// parses in linear time. Offsets are unchanged; only that piece's emphasis is lost.
const MAX_DELIMITERS = 512;
/** Same length, no Markdown meaning. */
const PLAIN_STAR = '\u2217';
const PLAIN_UNDERSCORE = '\u2017';

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Where a line's thematic-break-shaped tail starts (three or more of one of * _,
 * spaces between, at the line's start or after a space: "____…", "* * *",
 * "- ***"), else the line's end. Such a run has whitespace on both sides, so it
 * can neither open nor close emphasis: it is not counted, and it stays as
 * written (defused, a rule of underscores became a paragraph remark never reads).
 */
function breakTail(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  const c = text.charCodeAt(e - 1);
  if (e === from || (c !== 42 && c !== 95)) return to;
  let s = e;
  let count = 0;
  for (; s > from; s--) {
    const d = text.charCodeAt(s - 1);
    if (d === c) count++;
    else if (d !== 32 && d !== 9) break;
  }
  if (count < 3 || (s > from && text.charCodeAt(s) !== 32 && text.charCodeAt(s) !== 9)) return to;
  return s;
}

/** The end of the line from `from` (before its \n or \r). */
function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** Emphasis delimiters ("*", and "_" not between two letters or digits, which never delimits), thematic-break tails apart. */
function delimiters(text: string): number {
  let n = 0;
  for (let ls = 0; ls <= text.length; ) {
    const le = lineEnd(text, ls);
    const keep = breakTail(text, ls, le);
    for (let i = ls; i < keep; i++) {
      const c = text.charCodeAt(i);
      if (c === 42 || (c === 95 && !(isAlnum(text.charCodeAt(i - 1)) && isAlnum(text.charCodeAt(i + 1))))) n++;
    }
    ls = le + 1;
  }
  return n;
}

/** The text, or a copy with its mid-line emphasis marks made plain when there are too many to resolve quickly. */
export function defuseEmphasis(text: string): string {
  if (delimiters(text) <= MAX_DELIMITERS) return text;
  // Front matter is YAML, where "*" names an alias: it stays as written.
  const fm = /^---[ \t]*\r?\n[\s\S]*?\n(---|\.\.\.)[ \t]*(\r?\n|$)/.exec(text);
  let out = fm ? fm[0] : '';
  let lineStart = true;
  let keep = breakTail(text, out.length, lineEnd(text, out.length));
  for (let i = out.length; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      lineStart = true;
      keep = breakTail(text, i + 1, lineEnd(text, i + 1));
    } else if (i >= keep) {
      out += ch;
      continue;
    } else if (ch !== ' ' && ch !== '\t' && ch !== '>') {
      // The first mark of a line may open a list or a thematic break: it stays.
      if (!lineStart && ch === '*') out += PLAIN_STAR;
      else if (!lineStart && ch === '_') out += PLAIN_UNDERSCORE;
      else out += ch;
      lineStart = false;
      continue;
    }
    out += ch;
  }
  return out;
}
