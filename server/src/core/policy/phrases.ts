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
// In such text the "i" flag is not needed either: lower-casing keeps its length,
// so a phrase list with no /regex/ entry also has a "caseless" form, lower-cased
// and compiled without "i", that runs on lower-cased text (cheaper to compile
// and to run, same offsets, same matches).

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

/**
 * Characters that can never make the latin form differ, besides those below
 * U+0300: punctuation, currency signs, arrows, box drawing and shapes (none is a
 * letter, digit or mark), so typical text with curly quotes and dashes skips the
 * per-character check below.
 */
const BEYOND_LATIN = /[^\u0000-\u02ff\u2000-\u206f\u20a0-\u20cf\u2190-\u21ff\u2500-\u25ff]/g;
let letterDigitMark: RegExp | undefined;
let lastChecked = '';
let lastNeedsFull = false;

/** Whether text has a letter, digit or mark at or above U+0300 (memoised for the last text). */
export function needsFullWordClass(text: string): boolean {
  if (text === lastChecked) return lastNeedsFull;
  let found = false;
  BEYOND_LATIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (!found && (m = BEYOND_LATIN.exec(text))) {
    letterDigitMark ??= /^[\p{L}\p{N}\p{M}]/u;
    found = letterDigitMark.test(text.slice(m.index, m.index + 2));
  }
  lastChecked = text;
  lastNeedsFull = found;
  return found;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
}

interface Parts {
  pre: string;
  body: string;
  post: string;
}

/**
 * A phrase's pattern, split into the boundary checks it needs and the body between
 * them; `caseless` lower-cases it for the caseless form (latin classes, no "i").
 */
function phraseParts(phrase: string, latin: boolean, caseless = false): Parts {
  const raw = /^\/(.*)\/$/s.exec(phrase);
  if (raw) return { pre: '', body: raw[1], post: '' };
  const trimmed = caseless ? fold(phrase.trim()) : phrase.trim();
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
export function phraseSource(phrase: string, latin = false, caseless = false): string {
  if (/^\/.*\/$/s.test(phrase)) return phraseParts(phrase, latin).body;
  const { pre, body, post } = phraseParts(phrase, latin || caseless, caseless);
  return `${pre}(?:${body})${post}`;
}

/**
 * One alternation for a whole list, in the list's order (so the same alternative
 * still wins). Neighbouring phrases that need the same boundary checks share them:
 * `(?<!w)(?:a(?!w)|b…)`. Besides compiling fewer word classes, this matters for
 * speed: V8 scans quickly for an alternation's possible first characters, but not
 * when every branch starts with a lookbehind (65 Act titles ran 70× slower).
 * With `capture`, each phrase is one capturing group, numbered in list order (any
 * groups inside a /regex/ entry are made non-capturing).
 */
export function phraseAlternation(phrases: string[], latin: boolean, capture = false, caseless = false): string {
  if (!phrases.length) return '(?!)';
  const items = phrases.map((p) => {
    const parts = phraseParts(p, latin || caseless, caseless);
    const raw = /^\/.*\/$/s.test(p);
    const body = capture ? parts.body.replace(/(?<!\\)\((?!\?)/g, '(?:') : parts.body;
    return { ...parts, body: raw ? `(?:${body})` : body };
  });
  const out: string[] = [];
  for (const run of runs(items, (it) => it.pre)) {
    const inner = capture ? run.map((it) => `(${it.body}${it.post})`) : runs(run, (it) => it.post).map((r) => (r.length > 1 ? `(?:${r.map((it) => it.body).join('|')})` : r[0].body) + r[0].post);
    out.push(run[0].pre ? `${run[0].pre}(?:${inner.join('|')})` : inner.join('|'));
  }
  return out.join('|');
}

/** Splits a list into maximal runs of neighbours with the same key. */
function runs<T>(items: T[], key: (item: T) => string): T[][] {
  const out: T[][] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    if (last && key(last[0]) === key(it)) last.push(it);
    else out.push([it]);
  }
  return out;
}

/**
 * Letters and digits every match of a phrase contains: the start of each of its
 * words (up to a "*", an apostrophe or other punctuation), lower-cased, longest
 * first. Cheap substring tests on folded text then skip running (and, the first
 * time, compiling) patterns that cannot match. Undefined for /regex/ entries.
 */
function literalsOf(phrase: string): string[] | undefined {
  if (/^\/.*\/$/s.test(phrase)) return undefined;
  const words = phrase.trim().split(/[\s\-‑–]+/);
  const runs = words.map((w) => /^[a-z0-9]+/i.exec(w)?.[0].toLowerCase()).filter((r): r is string => !!r);
  return runs.sort((a, b) => b.length - a.length);
}

/** Whether folded text holds every literal (none known: it may match). */
function holdsAll(folded: string, literals: string[] | undefined): boolean {
  if (!literals) return true;
  for (const l of literals) if (!folded.includes(l)) return false;
  return true;
}

/** Lower case as the "iu" flags compare letters below U+0300 ("ſ" is an "s"). */
function fold(text: string): string {
  return text.toLowerCase().replace(/ſ/g, 's');
}

let lastText = '';
let lastFolded = '';
/**
 * Text as the "iu" flags see ASCII letters and digits: any character that matches
 * one of them case-insensitively becomes it ("K" and the Kelvin sign become "k";
 * "ſ" becomes "s"). Memoised for the last text, as many sets test the same text.
 */
function folded(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastFolded = fold(text);
  }
  return lastFolded;
}

/**
 * The text caseless patterns run on, or undefined when they may not: the text has
 * a letter, digit or mark at or above U+0300, lower-casing changes its length
 * ("İ", so offsets would not line up), or it has one of the two letters whose
 * lower case lies beyond U+0300 ("Ⱥ", "Ⱦ"). An exhaustive check over every
 * character found no other difference from the "iu" flags.
 */
function caselessText(text: string): string | undefined {
  if (needsFullWordClass(text) || text.includes('\u023a') || text.includes('\u023e')) return undefined;
  const f = folded(text);
  return f.length === text.length ? f : undefined;
}

/** Phrases the caseless form can express: plain ones, all of whose letters lie below U+0300. */
function caselessOk(phrases: string[]): boolean {
  return phrases.every((p) => !/^\/.*\/$/s.test(p) && !needsFullWordClass(p) && fold(p).length === p.length);
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
  private readonly caseless: boolean;
  private caselessAny?: RegExp;
  private caselessParts?: RegExp[];
  private readonly literals: Array<string[] | undefined>;
  /** Every phrase has literals, so text holding no phrase's full set cannot match. */
  private readonly prefilter: boolean;

  constructor(readonly phrases: string[]) {
    this.anyRe = new DualRegExp((latin) => phraseAlternation(phrases, latin), 'giu');
    this.caseless = caselessOk(phrases);
    this.literals = phrases.map(literalsOf);
    this.prefilter = this.literals.every((l) => l !== undefined && l.length > 0);
  }

  private mayMatch(text: string): boolean {
    if (!this.prefilter) return true;
    const f = folded(text);
    return this.literals.some((l) => holdsAll(f, l));
  }

  /** The "any" regex for this text and the string to run it on (same offsets as text). */
  private any(text: string): { re: RegExp; subject: string } {
    const subject = this.caseless ? caselessText(text) : undefined;
    if (subject !== undefined) return { re: (this.caselessAny ??= new RegExp(phraseAlternation(this.phrases, true, false, true), 'gu')), subject };
    return { re: this.anyRe.for(text), subject: text };
  }

  test(text: string): boolean {
    if (!this.mayMatch(text)) return false;
    const { re, subject } = this.any(text);
    re.lastIndex = 0;
    return re.test(subject);
  }

  /** How many different phrases of the set occur in the text. */
  countDistinct(text: string): number {
    const f = folded(text);
    const subject = this.caseless ? caselessText(text) : undefined;
    // Built on first use: only signal counting needs one regex per phrase.
    const parts: RegExp[] | undefined = subject === undefined ? undefined : (this.caselessParts ??= this.phrases.map((p) => new RegExp(phraseSource(p, true, true), 'u')));
    this.partsRe ??= subject === undefined ? this.phrases.map((p) => new DualRegExp((latin) => phraseSource(p, latin), 'iu')) : undefined;
    let n = 0;
    for (let i = 0; i < this.phrases.length; i++) {
      if (!holdsAll(f, this.literals[i])) continue;
      if (parts ? parts[i].test(subject!) : this.partsRe![i].for(text).test(text)) n++;
    }
    return n;
  }

  /** Every non-overlapping match, as [start, end) offsets into text. */
  spans(text: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (!this.mayMatch(text)) return out;
    const { re, subject } = this.any(text);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(subject))) {
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
