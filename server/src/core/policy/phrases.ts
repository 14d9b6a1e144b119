// Compiles a pack's phrase lists into regular expressions. A phrase matches
// case-insensitively on word boundaries; "*" ends a word stem; spaces and
// hyphens are interchangeable; "/.../" entries are raw regular expressions.
// Each pattern has up to three forms (full, latin, caseless): see text-forms.ts.
import { WORD, STEM, LATIN_WORD, LATIN_STEM, needsFullWordClass, fold, folded, caselessText } from './text-forms';
import { BoundedRegExp } from './bounded-regex';

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
 * first. Cheap look-ups in folded text then skip running (and, the first time,
 * compiling) patterns that cannot match. Undefined for /regex/ entries.
 */
function literalsOf(phrase: string): string[] | undefined {
  if (/^\/.*\/$/s.test(phrase)) return undefined;
  const words = phrase.trim().split(/[\s\-‑–]+/);
  const runs = words.map((w) => /^[a-z0-9]+/i.exec(w)?.[0].toLowerCase()).filter((r): r is string => !!r);
  return runs.sort((a, b) => b.length - a.length);
}

/** Whether folded text may hold a match with these literals (none known: it may). */
function holdsAll(folded: string, literals: string[] | undefined): boolean {
  if (!literals) return true;
  for (const l of literals) if (!folded.includes(l)) return false;
  return true;
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

/**
 * A compiled phrase list: one regex for "any of them" (`test`, `spans`). Which of
 * the phrases occur, and where, is phrase-hits.ts's work.
 */
export class PhraseSet {
  private readonly anyRe: DualRegExp;
  private readonly caseless: boolean;
  private caselessAny?: RegExp;
  private readonly literals: Array<string[] | undefined>;
  /** Every phrase has literals, so text holding no phrase's full set cannot match. */
  private readonly prefilter: boolean;
  /** The workspace's /regex/ phrases, run on the linear-time engine, apart from the rest. */
  private readonly boundedRes: BoundedRegExp[];

  /** `bounded`: /regex/ phrases from outside the built-in packs (see bounded-regex.ts). */
  constructor(
    readonly phrases: string[],
    readonly bounded: ReadonlySet<string> = new Set(),
  ) {
    const own = bounded.size ? phrases.filter((p) => !bounded.has(p)) : phrases;
    this.boundedRes = bounded.size ? phrases.filter((p) => bounded.has(p)).map((p) => new BoundedRegExp(p.slice(1, -1))) : [];
    this.anyRe = new DualRegExp((latin) => phraseAlternation(own, latin), 'giu');
    this.caseless = caselessOk(own);
    this.literals = own.map(literalsOf);
    this.prefilter = this.literals.every((l) => l !== undefined && l.length > 0) && !this.boundedRes.length;
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
    if (this.boundedRes.some((b) => b.test(text))) return true;
    if (!this.mayMatch(text)) return false;
    const { re, subject } = this.any(text);
    re.lastIndex = 0;
    return re.test(subject);
  }

  /** Every non-overlapping match, as [start, end) offsets into text. */
  spans(text: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (this.mayMatch(text)) {
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
    }
    if (!this.boundedRes.length) return out;
    // The leftmost of every engine's matches wins, as one alternation would choose.
    const all = [...out, ...this.boundedRes.flatMap((b) => b.spans(text))].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const merged: Array<[number, number]> = [];
    for (const sp of all) if (!merged.length || sp[0] >= merged[merged.length - 1][1]) merged.push(sp);
    return merged;
  }
}

/** Checks that a phrase compiles (on the linear-time engine when `bounded`); the message if it does not. */
export function phraseError(phrase: string, bounded = false): string | undefined {
  // Plain phrases are escaped, so only /regex/ entries can fail to compile.
  if (!/^\/.*\/$/s.test(phrase)) return undefined;
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
