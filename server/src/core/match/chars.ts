// The character classes and case folding the phrase matcher shares with the
// phrases' own regular expressions (source.ts, under the "iu" flags), so
// that both find exactly the same matches.

/**
 * A word character as `[\p{L}\p{N}_]` matches under "iu": a letter, digit or "_",
 * and U+0345 (a combining mark whose case fold is a letter). Sticky; a fresh one
 * per caller, since a RegExp carries its lastIndex.
 */
export const wordCharRegExp = (): RegExp => /[\p{L}\p{N}_]/iuy;

/** ASCII letters, digits and "_". */
export const isAsciiWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** Slots of the ASCII word characters, folded (see Lexicon): digits 0–9, "_" 10, letters 11–36 whatever their case. */
export const ASCII_SLOTS = 37;
export const asciiSlot = (c: number): number => (c <= 57 ? c - 48 : c === 95 ? 10 : c >= 97 ? c - 86 : c - 54);


/**
 * What joins a phrase's words: `[\s\u00a0\-‑–]`, that is "\s" (ASCII and Unicode
 * spaces, line breaks, U+FEFF), the hyphen-minus, U+2011 and U+2013.
 */
export function isJoiner(c: number): boolean {
  if (c < 128) return c === 32 || c === 45 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2011 || c === 0x2013 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** What an ASCII character is to the tokeniser: a word character's slot (0–36), or one of these. */
export const JOINER = -1;
export const HYPHEN = -2;
export const PUNCTUATION = -3;
/** A constant table, by code unit below 128 (one look-up per character instead of several tests). */
export const ASCII_CLASS: Readonly<Int8Array> = Int8Array.from({ length: 128 }, (_, c) => (c === 45 ? HYPHEN : isJoiner(c) ? JOINER : isAsciiWord(c) ? asciiSlot(c) : PUNCTUATION));

/**
 * Code points that "iu" compares as equal get the same fold here: simple case
 * folding, as the regex engine does (no diacritic folding: "é" is not "e" there).
 * Upper- then lower-casing finds it for all but four characters (checked
 * against the regex engine for every code point with a case by
 * tests/core/phrase-match.test.js): dotless "ı" folds to itself, and two Greek letters
 * and a ligature fold to a sibling (recent additions to Unicode case folding).
 */
const SPECIAL_FOLDS: ReadonlyMap<number, number> = new Map([
  [0x131, 0x131],
  [0x1fd3, 0x390],
  [0x1fe3, 0x3b0],
  [0xfb05, 0xfb06],
]);

export function foldCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const special = SPECIAL_FOLDS.get(c);
  if (special !== undefined) return special;
  const s = String.fromCodePoint(c);
  const upper = s.toUpperCase();
  const lower = (single(upper) ? upper : s).toLowerCase();
  // Characters whose case changes length ("İ" lower-cases to two) fold to themselves.
  return single(lower) ? lower.codePointAt(0)! : c;
}

const single = (s: string): boolean => s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);

/** foldCode with a cache, for one text's non-ASCII characters (a few distinct ones, met many times). */
export function cachedFold(): (c: number) => number {
  const cache = new Map<number, number>();
  return (c) => {
    if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
    let f = cache.get(c);
    if (f === undefined) cache.set(c, (f = foldCode(c)));
    return f;
  };
}
