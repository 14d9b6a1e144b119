// Where long text given to remark is cut into pieces parsed one by one.
// micromark's cost grows with the square of some runs: emphasis markers in one
// paragraph (234 KB of "a*b_c**d__e " took 37 s) or lazy lines under a block
// quote (117 KB took 40 s). No real strategy has such a run, but one hostile
// file could hold the language server for a minute. Pieces end where a block
// most likely ends: at a blank line, else a line break, else a space, always
// before a letter or digit (so a piece never starts as a list, quote or
// heading) or a quote after a blank line, and never inside a code fence or an
// HTML comment.
import { VerbatimTracker } from './verbatim';

/** Text up to this long goes to remark whole (a longer run than any paragraph or list of a real strategy). */
export const PIECE_CHARS = 8 * 1024;

/** [start, end) pieces covering text, each about `max` long or less where a cut can be found. */
export function pieces(text: string, max = PIECE_CHARS): Array<[number, number]> {
  if (text.length <= max) return [[0, text.length]];
  const out: Array<[number, number]> = [];
  let from = 0;
  while (text.length - from > max) {
    const cut = cutPoint(text, from, from + max);
    if (cut >= text.length) break;
    out.push([from, cut]);
    from = cut;
  }
  out.push([from, text.length]);
  return out;
}

/**
 * Where to end the piece starting at `from`: the last blank line before `limit`
 * followed by a line starting with a letter or digit, else the last such line
 * break; within a single line longer than a piece, the last space before a word;
 * failing all those, the first cut after `limit` (a long table or code block
 * stays whole).
 */
function cutPoint(text: string, from: number, limit: number): number {
  let blank = -1;
  let line = -1;
  const verbatim = new VerbatimTracker();
  let pos = from;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    if (end > limit && blank < 0 && line < 0 && end - pos > limit - from && !verbatim.inside && !opensVerbatim(text, pos, limit)) {
      // One huge line (no real strategy has one): cut at a space before a word. Decided before
      // the line is copied or read, so a text of megabytes on one line stays linear.
      return spaceCut(text, Math.max(pos, from), limit, Math.min(end, limit + (limit - from)));
    }
    const lineText = text.slice(pos, end);
    verbatim.line(lineText);
    if (end >= limit && (blank > from || line > from)) return blank > from ? blank : line;
    if (nl < 0) break;
    const next = end + 1;
    // A quote opening after a blank line starts a block of its own as surely: a forwarded email's quote
    // of many pages leaves no other blank line to cut at, and a cut inside the paragraph before it splits it.
    const quote = lineText.trim() === '' && text.charCodeAt(next) === 0x3e;
    if (!verbatim.inside && (startsWord(text, next) || quote)) {
      if (next > limit) return next;
      if (!quote) line = next;
      if (lineText.trim() === '') blank = next;
    }
    pos = next;
  }
  return text.length;
}

/**
 * In one huge line: the last space before a letter in (from, limit], else before
 * inline punctuation ("[", "&", "`"…, never a block marker such as "#", ">" or
 * "-"), else the first such space in (limit, end); failing all, limit itself.
 * `end` bounds the search to about one more piece, so each cut costs a piece.
 */
function spaceCut(text: string, from: number, limit: number, end: number): number {
  // Plain loops, not (last)indexOf: those run on past the window when there is no space at all.
  for (const ok of [isLetter, isInlineStart]) {
    for (let i = limit - 1; i > from; i--) if (text.charCodeAt(i) === 32 && ok(text.charCodeAt(i + 1))) return i + 1;
    for (let i = limit; i < end; i++) if (text.charCodeAt(i) === 32 && ok(text.charCodeAt(i + 1))) return i + 1;
  }
  return limit;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isInlineStart = (c: number) => c === 0x5b || c === 0x28 || c === 0x26 || c === 0x60 || c === 0x5f || c === 0x21 || c === 0x22 || c === 0x27 || c === 0x5c;

/** Whether the line at `pos` opens a fence or comment within its first piece (then it is not cut inside). */
function opensVerbatim(text: string, pos: number, limit: number): boolean {
  return new VerbatimTracker().line(text.slice(pos, limit));
}

function startsWord(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
