// A phrase as a regular expression: what a phrase of a pack means, written once.
// A phrase matches case-insensitively on word boundaries; "*" ends a word stem;
// spaces and hyphens are interchangeable; "/.../" entries are raw regular
// expressions. The token matcher (index.ts) finds exactly what this source
// finds (tests/core/phrase-match.test.js holds it to that); the source itself
// serves /regex/ entries, the WCC tag syntax (recognise/wcc-syntax.ts) and the
// tests' oracle. `latin`: the form for text with no letter beyond U+0300 (see
// policy/text-forms.ts).
import { WORD, STEM, LATIN_WORD, LATIN_STEM } from '../policy/text-forms';
import { BoundedRegExp } from './bounded-regex';

export const isRegexEntry = (phrase: string): boolean => /^\/.*\/$/s.test(phrase);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
}

/** Regex source for one phrase, or the raw source of a /regex/ entry. */
export function phraseSource(phrase: string, latin = false): string {
  if (isRegexEntry(phrase)) return wrapSpaces(phrase.slice(1, -1));
  const trimmed = phrase.trim();
  const body = trimmed
    .split(/[\s\-‑–]+/)
    .map((word) => escape(word).replace(/'/g, "['’]").replace(/\\\*/g, latin ? LATIN_STEM : STEM))
    .join('[\\s\\u00a0\\-‑–]+');
  // Word boundaries only where the phrase itself starts or ends with a word character.
  const w = latin ? LATIN_WORD : WORD;
  const pre = /^[\p{L}\p{N}_]/u.test(trimmed) ? `(?<!${w})` : '';
  const post = /[\p{L}\p{N}_]$/u.test(trimmed) ? `(?!${w})` : '';
  return `${pre}(?:${body})${post}`;
}

/**
 * A pattern's literal spaces (outside character classes) match a line break too, with
 * the spaces around it: text from PDFs and Word exports is hard-wrapped ("no differential
 * / impact"), and a pack author writes a space. Never a blank line (a paragraph's end).
 */
function wrapSpaces(source: string): string {
  // One native pass: escapes and classes are kept as they are, each run of spaces outside them replaced.
  return source.replace(/\\[\s\S]?|\[(?:\\[\s\S]?|[^\]\\])*\]?| +/g, (m) => (m[0] === ' ' ? LINE_SPACE : m));
}

/**
 * One or more spaces, or a line break with the spaces around it: a whole run, never part of one
 * (not followed by a space). Hostile input: were a run of spaces splittable between the two space
 * classes, a pattern failing late would try every split of every gap (r^gaps, seconds on 200 bytes of
 * justified text).
 */
const LINE_SPACE = String.raw`(?:(?:[ \t\u00a0]+(?:\r?\n[ \t\u00a0]*)?|\r?\n[ \t\u00a0]*)(?![ \t\u00a0]))`;

/** Checks that a phrase compiles (on the linear-time engine when `bounded`); the message if it does not. */
export function phraseError(phrase: string, bounded = false): string | undefined {
  // "\b" in a double-quoted YAML string is a backspace, not a word boundary: the pattern would never match.
  const control = /[\x00-\x08\x0b\x0c\x0e-\x1f]/.exec(phrase);
  if (control) return `${JSON.stringify(phrase)} holds a control character (U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}): in a double-quoted YAML string "\\b" is a backspace; write "\\\\b", or leave the pattern unquoted`;
  // Plain phrases are escaped, so only /regex/ entries can fail to compile.
  if (!isRegexEntry(phrase)) return undefined;
  if (bounded) {
    const why = BoundedRegExp.error(phrase.slice(1, -1));
    return why && `invalid pattern ${JSON.stringify(phrase)}: ${why}`;
  }
  try {
    new RegExp(phraseSource(phrase), 'iu');
    return undefined;
  } catch (err) {
    return `invalid pattern ${JSON.stringify(phrase)}: ${(err as Error).message}`;
  }
}
