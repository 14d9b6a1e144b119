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

/** Emphasis delimiters ("*", and "_" not between two letters or digits, which never delimits). */
function delimiters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 || (c === 95 && !(isAlnum(text.charCodeAt(i - 1)) && isAlnum(text.charCodeAt(i + 1))))) n++;
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
  for (let i = out.length; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') lineStart = true;
    else if (ch !== ' ' && ch !== '\t' && ch !== '>') {
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
