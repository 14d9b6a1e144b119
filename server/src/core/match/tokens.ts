// Splits a text once into the tokens phrases are matched on: words (maximal runs
// of word characters, see chars.ts) and single punctuation characters, with their
// offsets and what lies between each token and the one before. Every character
// that is neither a word character nor a joiner is a punctuation token, so a gap
// between tokens only ever holds joiners (whitespace, NBSP, hyphens). In the same
// pass each word is walked down the lexicon (lexicon.ts), which tells the phrase
// trie all it needs about the word, so a word is never copied or folded into a string.
//
// Speed: one pass over the text's UTF-16 code units into typed arrays (one
// buffer); no allocation per character or token. A non-ASCII character (two or
// three in a thousand in a strategy) costs a sticky regex test, which keeps the
// word class exactly the regular expressions' own, and its case fold.
import { ASCII_CLASS, ASCII_SLOTS, HYPHEN, JOINER, PUNCTUATION, foldCode, isJoiner, wordCharRegExp } from './chars';
import type { Lexicon } from './lexicon';

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
  /** A word's lexicon node (as far as its walk went), a punctuation token's folded code point. */
  readonly key: Int32Array;
  /** 1 where a word was walked to its end (it is a lexicon word or stem prefix). */
  readonly whole: Uint8Array;
}

/**
 * Room for tokens that one caller reuses from text to text (DocState, over a
 * document's chunks), when each text's tokens are done with before the next
 * is tokenised: one buffer grown as needed, not one allocated per text.
 */
export class TokenScratch {
  arrays?: Arrays;
}

/**
 * Tokenises a text, walking each word down the lexicon (without one, `key` and
 * `whole` are left 0). `scratch`: write the tokens there (they are valid until
 * the scratch is next used).
 */
export function tokenise(text: string, lexicon?: Lexicon, scratch?: TokenScratch): Tokens {
  const n = text.length;
  const room = (n >> 2) + 16;
  let t = scratch?.arrays && scratch.arrays.cap >= room ? scratch.arrays : arrays(room);
  let { cap, start, end, code, gap, key, whole } = t;
  const ascii = lexicon ? lexicon.ascii : EMPTY;
  let count = 0;
  let pending = ADJACENT as Gap;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let cls = c < 128 ? ASCII_CLASS[c] : isJoiner(c) ? JOINER : PUNCTUATION;
    if (cls === JOINER || cls === HYPHEN) {
      pending = cls === HYPHEN && pending !== JOINED ? HYPHENS : JOINED;
      i++;
      continue;
    }
    if (count === cap) {
      t = arrays(cap * 2, t);
      ({ cap, start, end, code, gap, key, whole } = t);
    }
    start[count] = i;
    gap[count] = pending;
    pending = ADJACENT;
    // A word: as far as word characters go, walking the lexicon while it has the letters.
    let node = 0;
    let walking = !!lexicon;
    let at = i;
    for (;;) {
      if (c < 128) {
        if (cls < 0) break;
        if (walking) {
          const next = ascii[node * ASCII_SLOTS + cls];
          if (next < 0) walking = false;
          else node = next;
        }
        at++;
      } else {
        const to = wordCharEnd(text, at);
        if (to < 0) break;
        if (walking) {
          const next = lexicon!.child(node, foldCode(text.codePointAt(at)!));
          if (next < 0) walking = false;
          else node = next;
        }
        at = to;
      }
      if (at >= n) break;
      c = text.charCodeAt(at);
      if (c < 128) cls = ASCII_CLASS[c];
    }
    // A word a line's end broke with a hyphen ("commis-" / "sioned", as PDF text and OCR leave it) is one
    // word where the lexicon knows the whole and not the first piece alone ("re-" / "let" stays two).
    if (walking && at > i && c === 45 && !lexicon!.isWord(node)) {
      const joined = brokenWord(text, at, node, lexicon!);
      if (joined) {
        node = joined.node;
        walking = joined.whole;
        at = joined.end;
      }
    }
    if (at > i) {
      code[count] = -1;
      key[count] = node;
      whole[count] = walking ? 1 : 0;
      i = at;
    } else {
      const cp = text.codePointAt(i)!;
      code[count] = cp;
      key[count] = foldCode(cp);
      // (A scratch buffer holds an earlier text's values.)
      whole[count] = 0;
      i += cp > 0xffff ? 2 : 1;
    }
    end[count++] = i;
  }
  if (scratch) scratch.arrays = t;
  return { text, count, start, end, code, gap, key, whole };
}

/**
 * The word run on past a hyphen at a line's end (`at`: the hyphen) into the next line's lowercase
 * word, walked on from `node`: where it ends and the node reached, if that is a phrase's word (or
 * passes a stem the first piece did not reach); undefined otherwise.
 */
function brokenWord(text: string, at: number, node: number, lexicon: Lexicon): { node: number; whole: boolean; end: number } | undefined {
  let p = at + 1;
  while (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9) p++;
  if (text.charCodeAt(p) === 13) p++;
  if (text.charCodeAt(p) !== 10) return undefined;
  p++;
  while (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9) p++;
  const first = text.charCodeAt(p);
  if (first < 97 || first > 122) return undefined;
  const stemsBefore = lexicon.stems(node).length;
  let whole = true;
  for (; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c >= 128) return undefined;
    const slot = ASCII_CLASS[c];
    if (slot < 0) break;
    if (!whole) continue;
    const next = lexicon.ascii[node * ASCII_SLOTS + slot];
    if (next < 0) whole = false;
    else node = next;
  }
  return (whole && lexicon.isWord(node)) || lexicon.stems(node).length > stemsBefore ? { node, whole, end: p } : undefined;
}

/** No lexicon: no word is walked. */
const EMPTY: Readonly<Int32Array> = new Int32Array(0);

/** Where the word character at `at` (not ASCII) ends, or -1 if it is none: the regular expressions' own class decides. */
function wordCharEnd(text: string, at: number): number {
  const word = wordCharRegExp();
  word.lastIndex = at;
  return word.test(text) ? word.lastIndex : -1;
}

interface Arrays {
  cap: number;
  start: Int32Array;
  end: Int32Array;
  code: Int32Array;
  key: Int32Array;
  gap: Uint8Array;
  whole: Uint8Array;
}

/** Room for `cap` tokens, in one buffer (one allocation, not six), with the tokens of `from` copied in. */
function arrays(cap: number, from?: Arrays): Arrays {
  const buffer = new ArrayBuffer(cap * 18);
  const ints = (k: number) => new Int32Array(buffer, k * cap * 4, cap);
  const bytes = (k: number) => new Uint8Array(buffer, cap * 16 + k * cap, cap);
  const out = { cap, start: ints(0), end: ints(1), code: ints(2), key: ints(3), gap: bytes(0), whole: bytes(1) };
  if (from) for (const k of ['start', 'end', 'code', 'key', 'gap', 'whole'] as const) out[k].set(from[k]);
  return out;
}
