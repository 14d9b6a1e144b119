// Splits a text once into the tokens phrases are matched on: words (maximal runs
// of word characters, see chars.ts) and single punctuation characters, with their
// offsets and what lies between each token and the one before. Every character
// that is neither a word character nor a joiner is a punctuation token, so a gap
// between tokens only ever holds joiners (whitespace, NBSP, hyphens).
//
// Speed: one pass over the text's UTF-16 code units into typed arrays; no
// allocation per character or token. A non-ASCII character (two or three in a
// thousand in a strategy) costs a sticky regex test, which keeps the word class
// exactly the regular expressions' own.
import { isAsciiWord, isJoiner, wordCharRegExp } from './chars';

/** No gap: the token touches the one before (or starts the text). */
export const ADJACENT = 0;
/** Joiners only, at least one not an ASCII hyphen-minus. */
export const JOINED = 1;
/** Only ASCII hyphen-minus characters (which a stem "older*" runs through). */
export const HYPHENS = 2;
export type Gap = typeof ADJACENT | typeof JOINED | typeof HYPHENS;

export interface Tokens {
  readonly text: string;
  readonly count: number;
  /** Offsets into text, [start, end) in UTF-16 code units. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** A punctuation token's code point (unfolded); -1 for a word. */
  readonly code: Int32Array;
  /** The Gap before each token. */
  readonly gap: Uint8Array;
}

export function tokenise(text: string): Tokens {
  const n = text.length;
  let cap = (n >> 2) + 16;
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let code = new Int32Array(cap);
  let gap = new Uint8Array(cap);
  const word = wordCharRegExp();
  // Length in code units of the word character at i, or 0.
  const wordAt = (i: number, c: number): number => {
    if (c < 128) return isAsciiWord(c) ? 1 : 0;
    word.lastIndex = i;
    return word.test(text) ? word.lastIndex - i : 0;
  };
  let count = 0;
  let pending = ADJACENT as Gap;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isJoiner(c)) {
      pending = c === 45 && pending !== JOINED ? HYPHENS : JOINED;
      i++;
      continue;
    }
    if (count === cap) {
      cap *= 2;
      start = grow(start, cap);
      end = grow(end, cap);
      code = grow(code, cap);
      gap = grow(gap, cap);
    }
    start[count] = i;
    gap[count] = pending;
    pending = ADJACENT;
    let w = wordAt(i, c);
    if (w) {
      do i += w;
      while (i < n && (w = wordAt(i, text.charCodeAt(i))));
      code[count] = -1;
    } else {
      const cp = text.codePointAt(i)!;
      code[count] = cp;
      i += cp > 0xffff ? 2 : 1;
    }
    end[count++] = i;
  }
  return { text, count, start, end, code, gap };
}

/** A copy of a typed array with room for `cap` items. */
function grow<T extends Int32Array | Uint8Array>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}
