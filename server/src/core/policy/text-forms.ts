// The two forms of a pattern built on phrase sources (the WCC tag syntax), and
// the word classes of each.
//
// Speed: a word character is a Unicode letter or digit (or "_"). That class is
// by far the costliest part of these patterns to build and compile (about
// 0.4 ms per use with the "iu" flags), so each pattern also exists in a "latin"
// form whose word class holds only the word characters below U+0300. The two
// forms find exactly the same matches in any text without a letter, digit or
// mark at or above U+0300, which is nearly every strategy; the full form is
// built only for text that has one (checked exhaustively, character by
// character, against the "iu" flags of V8's regular expressions).
//
// The latin form is compiled without the "u" flag too ("narrow", about three
// times cheaper to compile) for text that also has no surrogate pair, no "ſ"
// (U+017F) and no Kelvin sign, which "iu" folds to "s" and "k": there, with a
// pattern whose characters beyond ASCII are caseless (its word classes apart),
// "i" and "iu" find the same matches (tests/core/text-forms.test.js checks
// every BMP character against every part of the built-in packs' patterns).

export const WORD = '[\\p{L}\\p{N}_]';
export const STEM = `[\\p{L}\\p{N}_'’-]*`;

// The word characters below U+0300 of each class, as class ranges: what V8's
// "[^\p{L}\p{N}_]" (and the rest) leaves of U+0000-U+02FF, written out here
// rather than computed at start (three Unicode classes compiled and 768 characters
// tested: ~1.5 ms of a cold start); tests/core/text-forms.test.js computes them again.
const LATIN_RANGES = String.raw`\u0030-\u0039\u0041-\u005a\u005f\u0061-\u007a\u00aa\u00b2-\u00b3\u00b5\u00b9-\u00ba\u00bc-\u00be\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02c1\u02c6-\u02d1\u02e0-\u02e4\u02ec\u02ee`;
export const LATIN_WORD = `[${LATIN_RANGES}]`;
/** Letters and digits below U+0300 (no "_"), as class ranges. */
export const LATIN_LETTERS_DIGITS = String.raw`\u0030-\u0039\u0041-\u005a\u0061-\u007a\u00aa\u00b2-\u00b3\u00b5\u00b9-\u00ba\u00bc-\u00be\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02c1\u02c6-\u02d1\u02e0-\u02e4\u02ec\u02ee`;
/** Letters below U+0300, as class ranges. */
export const LATIN_LETTERS = String.raw`\u0041-\u005a\u0061-\u007a\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02c1\u02c6-\u02d1\u02e0-\u02e4\u02ec\u02ee`;
export const LATIN_STEM = `[${LATIN_RANGES}'’-]*`;

/**
 * Characters that can never make the latin form differ, besides those below
 * U+0300: punctuation, currency signs, arrows, box drawing and shapes (none is a
 * letter, digit or mark), so typical text with curly quotes and dashes skips the
 * per-character check below.
 */
const BEYOND_LATIN = String.raw`[^\u0000-\u02ff\u2000-\u206f\u20a0-\u20cf\u2190-\u21ff\u2500-\u25ff]`;
/** (V8 compiles a pattern on its first use, so this Unicode class costs nothing until text needs it.) */
const LETTER_DIGIT_MARK = /^[\p{L}\p{N}\p{M}]/u;

/** Whether text has a letter, digit or mark at or above U+0300. */
export function needsFullWordClass(text: string): boolean {
  // A fresh global pattern per call (V8 shares its compiled code), so no lastIndex outlives the call.
  const beyond = new RegExp(BEYOND_LATIN, 'g');
  let m: RegExpExecArray | null;
  while ((m = beyond.exec(text))) if (LETTER_DIGIT_MARK.test(text.slice(m.index, m.index + 2))) return true;
  return false;
}

/** What a text needs of a pattern: the full form, the latin one, or the latin one without "u" (see above). */
export type TextForm = 'full' | 'latin' | 'narrow';

/**
 * Whether text has a character on which "i" and "iu" can differ for a narrowable
 * pattern: a surrogate, "ſ" or the Kelvin sign (which "iu" folds to "s" and "k").
 */
export const needsUnicode = (text: string): boolean => /[\ud800-\udfff\u017f\u212a]/.test(text);

export function textForm(text: string): TextForm {
  return needsFullWordClass(text) ? 'full' : needsUnicode(text) ? 'latin' : 'narrow';
}

/** The form that serves every text of a set, given each one's. */
export const widestForm = (forms: readonly TextForm[]): TextForm => (forms.includes('full') ? 'full' : forms.includes('latin') ? 'latin' : 'narrow');

const caseless = (c: string): boolean => c.toLowerCase() === c && c.toUpperCase() === c;

/**
 * Whether a source means the same without "u" on text needsUnicode() passes: no
 * \p or \u{} escape, and no literal beyond ASCII that has a case (a workspace's
 * WCC words may hold one). `escapes`: nor a \u or \x escape of one (a latin
 * form's word classes are escapes of letters below U+0300, right for its text alone).
 */
export function narrowable(source: string, escapes = false): boolean {
  if (/\\[pP]\{|\\u\{|[\ud800-\udfff]/.test(source)) return false;
  // The few characters beyond ASCII found natively (a loop over 13 KB of pattern was ~2 ms of a cold start).
  for (const [c] of source.matchAll(/[^\x00-\x7f]/g)) if (!caseless(c)) return false;
  if (escapes) for (const m of source.matchAll(/\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))/g)) if (!caseless(String.fromCharCode(parseInt(m[1] ?? m[2], 16)))) return false;
  return true;
}

/** A pattern in its latin and full forms (each built on first use); `for(text)` picks the one to run. */
export class DualRegExp {
  private latin?: RegExp;
  private narrow?: RegExp;
  private full?: RegExp;

  constructor(
    private readonly source: (latin: boolean) => string,
    private readonly flags: string,
  ) {}

  for(text: string): RegExp {
    return this.form(textForm(text));
  }

  /** The pattern in a form (what textForm says of the text, found by the caller). */
  form(form: TextForm): RegExp {
    if (form === 'full') return (this.full ??= new RegExp(this.source(false), this.flags));
    if (form === 'narrow' && !this.narrow) {
      const source = this.source(true);
      this.narrow = narrowable(source) ? new RegExp(source, this.flags.replace('u', '')) : this.form('latin');
    }
    return form === 'narrow' ? this.narrow! : (this.latin ??= new RegExp(this.source(true), this.flags));
  }
}
