// Reads a plain phrase (not a /regex/ entry) as the tokens it matches, by the
// rules of source.ts: words split on runs of spaces and hyphens match across any
// run of joiners; inside a word, runs of word characters are whole word tokens
// and every other character is one punctuation token, adjacent; "*" at the end of
// a word makes its last run a stem (a prefix of a word token, then as far as
// `[\p{L}\p{N}_'’-]*` reaches); "'" matches "'" or "’"; case folds as under "iu".
import { foldCode, isAsciiWord, isJoiner } from './chars';
import { isRegexEntry } from './source';

export const WORD = 0;
export const STEM = 1;
export const PUNCT = 2;
/** "'" in a phrase: the token "'" or "’". */
export const APOS = 3;
export type Kind = typeof WORD | typeof STEM | typeof PUNCT | typeof APOS;

export interface Element {
  kind: Kind;
  /** WORD, STEM: the word (a stem's prefix), folded. */
  letters: string;
  /** PUNCT: the folded code point. */
  code: number;
  /** Joined to the element before by a run of joiners (else adjacent); false for the first. */
  joined: boolean;
}

/** ASCII words, each maybe a stem ("*" at its end), between spaces or hyphens: read in one go. */
const SIMPLE = /^[A-Za-z0-9_]+\*?(?:[ -]+[A-Za-z0-9_]+\*?)*$/;

/** A word character as `[\p{L}\p{N}_]` matches under "iu" (U+0345 apart: see below). */
const isWordCode = (c: number): boolean => (c < 128 ? isAsciiWord(c) : /^[\p{L}\p{N}_]$/iu.test(String.fromCodePoint(c)));

/**
 * The phrase's elements, or undefined for a phrase the tokens cannot express,
 * which is then matched by its own regular expression: a /regex/ entry, and plain
 * phrases no pack has: "*" anywhere but after the letters ending a word ("a*b",
 * "+*"), a leading or trailing hyphen (an empty word), and U+0345, which "iu"
 * counts as a word character but source.ts does not when it decides where a
 * phrase needs word boundaries.
 *
 * Words are the runs between joiners (what source.ts splits on: \s and the three
 * hyphens). Speed: every phrase of a pack is read on a cold start, when code
 * runs slowly; most are ASCII words (stems) between spaces or hyphens, which
 * native string methods read without a loop over their characters.
 */
export function phraseElements(phrase: string): Element[] | undefined {
  if (isRegexEntry(phrase) || phrase.includes('\u0345')) return undefined;
  const s = phrase.trim();
  if (SIMPLE.test(s)) {
    return s
      .toLowerCase()
      .split(/[ -]+/)
      .map((w, i) => (w.endsWith('*') ? { kind: STEM, letters: w.slice(0, -1), code: -1, joined: i > 0 } : { kind: WORD, letters: w, code: -1, joined: i > 0 }));
  }
  const n = s.length;
  // An empty phrase, or a hyphen at either end, leaves an empty word.
  if (!n || isJoiner(s.charCodeAt(0)) || isJoiner(s.charCodeAt(n - 1))) return undefined;
  const out: Element[] = [];
  let joined = false;
  /** The previous character, in this word, was a word character (its run is out's last element). */
  let inRun = false;
  for (let i = 0; i < n; ) {
    const c = s.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
    if (isJoiner(c)) {
      joined = true;
      inRun = false;
      continue;
    }
    if (c === 42) {
      // "*" ends a word, after its letters.
      if (!inRun || (i < n && !isJoiner(s.charCodeAt(i)))) return undefined;
      out[out.length - 1].kind = STEM;
      inRun = false;
    } else if (isWordCode(c)) {
      const letter = String.fromCodePoint(foldCode(c));
      if (inRun) out[out.length - 1].letters += letter;
      else out.push({ kind: WORD, letters: letter, code: -1, joined });
      inRun = true;
    } else {
      out.push({ kind: c === 39 ? APOS : PUNCT, letters: '', code: foldCode(c), joined });
      inRun = false;
    }
    joined = false;
  }
  return out;
}
