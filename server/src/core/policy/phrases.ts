// Compiles a pack's phrase lists into regular expressions. A phrase matches
// case-insensitively on word boundaries; "*" ends a word stem; spaces and
// hyphens are interchangeable; "/.../" entries are raw regular expressions.
//
// Speed: a word character is a Unicode letter or digit (or "_"). That class is
// by far the costliest part of these patterns to build and compile (about
// 0.4 ms per use with the "iu" flags, and a pack uses it hundreds of times), so
// each pattern also exists in a "latin" form whose word class holds only the
// word characters below U+0300. The two forms find exactly the same matches in
// any text without a letter, digit or mark at or above U+0300, which is nearly
// every strategy; the full form is built only for text that has one.

const WORD = '[\\p{L}\\p{N}_]';
const STEM = `[\\p{L}\\p{N}_'’-]*`;

/** The word characters below U+0300, as class ranges (computed, not hand-written). */
const LATIN_RANGES = (() => {
  const word = /[\p{L}\p{N}_]/u;
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  let out = '';
  for (let c = 0; c < 0x300; c++) {
    if (!word.test(String.fromCharCode(c))) continue;
    let end = c;
    while (end + 1 < 0x300 && word.test(String.fromCharCode(end + 1))) end++;
    out += end > c ? `${hex(c)}-${hex(end)}` : hex(c);
    c = end;
  }
  return out;
})();
const LATIN_WORD = `[${LATIN_RANGES}]`;
const LATIN_STEM = `[${LATIN_RANGES}'’-]*`;

/** Text where the latin form could differ: a letter, digit or mark at or above U+0300. */
const BEYOND_LATIN = /[^\u0000-\u02ff]/;
let exotic: RegExp | undefined;
export function needsFullWordClass(text: string): boolean {
  if (!BEYOND_LATIN.test(text)) return false;
  exotic ??= /(?=[^\u0000-\u02ff])[\p{L}\p{N}\p{M}]/u;
  return exotic.test(text);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
}

interface Parts {
  pre: string;
  body: string;
  post: string;
}

/** A phrase's pattern, split into the boundary checks it needs and the body between them. */
function phraseParts(phrase: string, latin: boolean): Parts {
  const raw = /^\/(.*)\/$/s.exec(phrase);
  if (raw) return { pre: '', body: raw[1], post: '' };
  const trimmed = phrase.trim();
  const body = trimmed
    .split(/[\s\-‑–]+/)
    .map((word) => escape(word).replace(/'/g, "['’]").replace(/\\\*/g, latin ? LATIN_STEM : STEM))
    .join('[\\s\\u00a0\\-‑–]+');
  // Word boundaries only where the phrase itself starts or ends with a word character.
  const w = latin ? LATIN_WORD : WORD;
  const pre = /^[\p{L}\p{N}_]/u.test(trimmed) ? `(?<!${w})` : '';
  const post = /[\p{L}\p{N}_]$/u.test(trimmed) ? `(?!${w})` : '';
  return { pre, body, post };
}

/** Regex source for one phrase, or the raw source of a /regex/ entry. */
export function phraseSource(phrase: string, latin = false): string {
  if (/^\/.*\/$/s.test(phrase)) return phraseParts(phrase, latin).body;
  const { pre, body, post } = phraseParts(phrase, latin);
  return `${pre}(?:${body})${post}`;
}

/**
 * One alternation for a whole list. Runs of neighbouring phrases that need the
 * same boundaries share one pair of lookarounds (fewer word classes to compile);
 * the phrase order is kept, so the same alternative still wins.
 */
function alternation(phrases: string[], latin: boolean): string {
  if (!phrases.length) return '(?!)';
  const runs: Array<{ pre: string; post: string; bodies: string[] }> = [];
  for (const p of phrases) {
    const { pre, body, post } = phraseParts(p, latin);
    const last = runs[runs.length - 1];
    if (last && last.pre === pre && last.post === post && (pre || post)) last.bodies.push(body);
    else runs.push({ pre, post, bodies: [body] });
  }
  return runs.map((r) => `${r.pre}(?:${r.bodies.join('|')})${r.post}`).join('|');
}

/** A pattern in its latin and full forms (each built on first use); `for(text)` picks the one to run. */
export class DualRegExp {
  private latin?: RegExp;
  private full?: RegExp;

  constructor(
    private readonly source: (latin: boolean) => string,
    private readonly flags: string,
  ) {}

  for(text: string): RegExp {
    return needsFullWordClass(text) ? (this.full ??= new RegExp(this.source(false), this.flags)) : (this.latin ??= new RegExp(this.source(true), this.flags));
  }
}

/** A compiled phrase list: one regex for "any of them", one per phrase for counting. */
export class PhraseSet {
  private readonly anyRe: DualRegExp;
  private partsRe?: DualRegExp[];

  constructor(readonly phrases: string[]) {
    this.anyRe = new DualRegExp((latin) => alternation(phrases, latin), 'giu');
  }

  test(text: string): boolean {
    const re = this.anyRe.for(text);
    re.lastIndex = 0;
    return re.test(text);
  }

  /** How many different phrases of the set occur in the text. */
  countDistinct(text: string): number {
    // Built on first use: only signal counting needs one regex per phrase.
    this.partsRe ??= this.phrases.map((p) => new DualRegExp((latin) => phraseSource(p, latin), 'iu'));
    let n = 0;
    for (const r of this.partsRe) if (r.for(text).test(text)) n++;
    return n;
  }

  /** Every non-overlapping match, as [start, end) offsets into text. */
  spans(text: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const re = this.anyRe.for(text);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push([m.index, m.index + m[0].length]);
    }
    return out;
  }
}

/** Checks that every phrase compiles; returns the message for the first that does not. */
export function phraseError(phrase: string): string | undefined {
  // Plain phrases are escaped, so only /regex/ entries can fail to compile.
  if (!/^\/.*\/$/s.test(phrase)) return undefined;
  try {
    new RegExp(phraseSource(phrase), 'iu');
    return undefined;
  } catch (err) {
    return `invalid pattern ${JSON.stringify(phrase)}: ${(err as Error).message}`;
  }
}
