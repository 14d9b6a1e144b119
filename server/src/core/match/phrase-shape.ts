// Reads a plain phrase (not a /regex/ entry) as the tokens it matches, by the
// rules of phrases.ts: words split on runs of spaces and hyphens match across any
// run of joiners; inside a word, runs of word characters are whole word tokens
// and every other character is one punctuation token, adjacent; "*" at the end of
// a word makes its last run a stem (a prefix of a word token, then as far as
// `[\p{L}\p{N}_'’-]*` reaches); "'" matches "'" or "’"; case folds as under "iu".
import { foldCode, isAsciiWord } from './chars';

export const WORD = 0;
export const STEM = 1;
export const PUNCT = 2;
/** "'" in a phrase: the token "'" or "’". */
export const APOS = 3;
export type Kind = typeof WORD | typeof STEM | typeof PUNCT | typeof APOS;

export interface Element {
  kind: Kind;
  /** WORD, STEM: the folded code points of the word (a stem's prefix). */
  letters: number[];
  /** PUNCT: the folded code point. */
  code: number;
  /** Joined to the element before by a run of joiners (else adjacent); false for the first. */
  joined: boolean;
}

const isRegexEntry = (phrase: string): boolean => /^\/.*\/$/s.test(phrase);
const isWordChar = (ch: string): boolean => isAsciiWord(ch.charCodeAt(0)) || (ch.charCodeAt(0) >= 128 && /^[\p{L}\p{N}_]$/iu.test(ch));

/**
 * The phrase's elements, or undefined for a phrase the tokens cannot express,
 * which is then matched by its own regular expression: a /regex/ entry, and plain
 * phrases no pack has: "*" anywhere but after the letters ending a word ("a*b",
 * "+*"), a leading or trailing hyphen (an empty word), and U+0345, which "iu"
 * counts as a word character but phrases.ts does not when it decides where a
 * phrase needs word boundaries.
 */
export function phraseElements(phrase: string): Element[] | undefined {
  if (isRegexEntry(phrase) || phrase.includes('\u0345')) return undefined;
  const words = phrase.trim().split(/[\s\-‑–]+/);
  const out: Element[] = [];
  for (const [w, word] of words.entries()) {
    if (!word) return undefined;
    const chars = [...word];
    let joined = w > 0;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const last = out[out.length - 1];
      if (ch === '*') {
        if (i !== chars.length - 1 || i === 0 || last.kind !== WORD || !isWordChar(chars[i - 1])) return undefined;
        last.kind = STEM;
      } else if (isWordChar(ch)) {
        // Word characters extend the run the previous character started.
        if (i > 0 && isWordChar(chars[i - 1])) last.letters.push(foldCode(ch.codePointAt(0)!));
        else out.push({ kind: WORD, letters: [foldCode(ch.codePointAt(0)!)], code: -1, joined });
      } else {
        out.push({ kind: ch === "'" ? APOS : PUNCT, letters: [], code: foldCode(ch.codePointAt(0)!), joined });
      }
      joined = false;
    }
  }
  return out;
}
