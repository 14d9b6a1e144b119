// Every match of every phrase of a list in one document, found once, so that
// "how many different signals does this section hold?" becomes a look-up over
// offsets instead of a regex scan per section, element and phrase.
//
// Speed: a plain phrase starting with a letter or digit can only match where a
// word of the folded text starts with its first word's leading letters (its
// pattern opens with a word boundary). The folded text's word starts are indexed
// once by their first three characters, and each phrase's pattern is run, sticky,
// only at those starts. /regex/ entries and other phrases are scanned in full.
import { phraseSource } from './phrases';
import { BoundedRegExp } from './bounded-regex';
import { caselessText, fold, needsFullWordClass } from './text-forms';

/** One match: the phrase's index in its list and the [start, end) offsets. */
export interface PhraseHit {
  phrase: number;
  start: number;
  end: number;
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Key of a word's first one, two or three (folded, ASCII) characters. */
const key = (a: number, b = 0, c = 0) => a | (b << 7) | (c << 14);

/** Offsets where a run of [a-z0-9] starts in folded text, by the run's first 1, 2 and 3 characters. */
function wordStarts(subject: string): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const add = (k: number, at: number) => {
    const list = out.get(k);
    if (list) list.push(at);
    else out.set(k, [at]);
  };
  const n = subject.length;
  for (let i = 0; i < n; i++) {
    const a = subject.charCodeAt(i);
    if (!isWordChar(a)) continue;
    add(key(a), i);
    const b = subject.charCodeAt(i + 1);
    if (isWordChar(b)) {
      add(key(a, b), i);
      const c = subject.charCodeAt(i + 2);
      if (isWordChar(c)) add(key(a, b, c), i);
    }
    while (i + 1 < n && isWordChar(subject.charCodeAt(i + 1))) i++;
  }
  return out;
}

/** What every phrase list's search of one text shares: its folded form and word-start index. */
export interface TextScan {
  text: string;
  /** The folded text caseless patterns run on, or undefined when they may not. */
  subject?: string;
  starts?: Map<number, number[]>;
  /** The text has a letter beyond U+0300: patterns need their full Unicode form. */
  full: boolean;
  /** \b in a /regex/ entry ("iu") treats U+017F and U+212A as word characters; the index does not. */
  rawOk: boolean;
}

export function scanText(text: string): TextScan {
  const subject = caselessText(text);
  return { text, subject, starts: subject === undefined ? undefined : wordStarts(subject), full: needsFullWordClass(text), rawOk: !/[\u017f\u212a]/.test(text) };
}

/**
 * The leading letters every match of a phrase starts with, folded: for a plain
 * phrase its first word's leading [a-z0-9] run; for a /regex/ entry opening with
 * \b, the literal run after it or one per branch of an opening (a|b|c) group.
 * Undefined when no match is sure to start at a word with known letters.
 */
function leadsOf(phrase: string): string[] | undefined {
  const raw = /^\/(.*)\/$/s.exec(phrase);
  if (!raw) {
    const lead = /^[a-z0-9]+/.exec(fold(phrase.trim()))?.[0];
    return lead ? [lead] : undefined;
  }
  const body = raw[1];
  if (!body.startsWith('\\b') || hasTopLevelBar(body)) return undefined;
  const group = /^\\b\((?:\?:)?([^()]*)\)(?![?*{])/.exec(body);
  const branches = group ? group[1].split('|') : [body.slice(2)];
  const leads = branches.map(literalStart);
  return leads.every((l): l is string => !!l) ? leads : undefined;
}

/** Whether a pattern has a "|" outside any group or class (then not every match starts as its start does). */
function hasTopLevelBar(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** The literal letters a pattern starts with (a letter made optional by a quantifier does not count). */
function literalStart(pattern: string): string | undefined {
  const m = /^[a-z0-9]+/i.exec(pattern);
  if (!m) return undefined;
  const run = /^[?*{]/.test(pattern.slice(m[0].length)) ? m[0].slice(0, -1) : m[0];
  return run ? run.toLowerCase() : undefined;
}

/** The characters \s matches, plus the no-break space and the hyphens that join a phrase's words. */
function isJoiner(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 45 || c === 0xa0 || c === 0x2011 || c === 0x2013 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * For a plain phrase whose first word is all letters and digits: that word, and
 * the leading letters of the next word ("" for a one-word phrase). A cheap check
 * of both, before running the pattern, skips most word starts that share a lead.
 */
function nextWordOf(phrase: string): { first: string; next: string } | undefined {
  if (/^\/.*\/$/s.test(phrase)) return undefined;
  const words = fold(phrase.trim()).split(/[\s\-‑–]+/);
  if (!/^[a-z0-9]+$/.test(words[0])) return undefined;
  if (words.length === 1) return { first: words[0], next: '' };
  const next = /^[a-z0-9]+/.exec(words[1])?.[0];
  return next ? { first: words[0], next } : undefined;
}

const isWordAt = (s: string, i: number) => isWordChar(s.charCodeAt(i));

/** Whether the phrase's first word, then (after joiners) its next word's letters, stand at p. */
function wordsFit(subject: string, p: number, w: { first: string; next: string }): boolean {
  let q = p + w.first.length;
  if (!w.next) return !isWordAt(subject, q);
  if (!isJoiner(subject.charCodeAt(q))) return false;
  while (isJoiner(subject.charCodeAt(q))) q++;
  return subject.startsWith(w.next, q);
}

const keyOf = (l: string) => key(l.charCodeAt(0), l.length > 1 ? l.charCodeAt(1) : 0, l.length > 2 ? l.charCodeAt(2) : 0);

/** Finds all hits of one phrase list (not for /^…$/ entries, which judge a whole text); reused for every document. */
export class PhraseHitFinder {
  private readonly leads: Array<string[] | undefined>;
  private readonly raw: boolean[];
  /** wordStarts keys of each phrase's leads. */
  private readonly keys: Array<number[] | undefined>;
  private readonly words: Array<{ first: string; next: string } | undefined>;
  /** Sticky patterns on folded text (caseless form), or on the text itself ("iu"), by phrase; built on first use. */
  private readonly caseless: Array<RegExp | undefined> = [];
  private readonly sticky: Array<{ latin?: RegExp; full?: RegExp }> = [];
  private readonly global: Array<{ latin?: RegExp; full?: RegExp }> = [];
  /** The workspace's /regex/ phrases, on the linear-time engine, by phrase. */
  private readonly boundedRes: Array<BoundedRegExp | undefined>;

  /** `bounded`: /regex/ phrases from outside the built-in packs (see bounded-regex.ts). */
  constructor(
    readonly phrases: string[],
    bounded: ReadonlySet<string> = new Set(),
  ) {
    this.boundedRes = phrases.map((p) => (bounded.has(p) ? new BoundedRegExp(p.slice(1, -1)) : undefined));
    this.leads = phrases.map((p, i) => (this.boundedRes[i] ? undefined : leadsOf(p)));
    this.raw = phrases.map((p) => /^\/.*\/$/s.test(p));
    this.words = phrases.map(nextWordOf);
    this.keys = this.leads.map((ls) => ls?.map(keyOf));
  }

  /** Every match of every phrase in the text (pass a `scanText` of it to share the work between lists), grouped by phrase. */
  hits(text: string, scan: TextScan = scanText(text)): PhraseHit[] {
    const out: PhraseHit[] = [];
    const { subject, starts, full, rawOk } = scan;
    for (let i = 0; i < this.phrases.length; i++) {
      const leads = this.leads[i];
      if (!starts || !leads || (this.raw[i] && !rawOk)) {
        this.scan(i, text, full, out);
        continue;
      }
      const words = this.words[i];
      const keys = this.keys[i]!;
      let sticky: { re: RegExp; on: string } | undefined;
      for (let k = 0; k < leads.length; k++) {
        const at = starts.get(keys[k]);
        if (!at) continue;
        const lead = leads[k];
        for (const p of at) {
          if (lead.length > 3 && !subject!.startsWith(lead, p)) continue;
          if (words && !wordsFit(subject!, p, words)) continue;
          sticky ??= this.stickyFor(i, text, subject!, full);
          sticky.re.lastIndex = p;
          if (sticky.re.test(sticky.on)) out.push({ phrase: i, start: p, end: sticky.re.lastIndex });
        }
      }
    }
    return out;
  }

  private stickyFor(i: number, text: string, subject: string, full: boolean): { re: RegExp; on: string } {
    const p = this.phrases[i];
    if (this.raw[i]) {
      const forms = (this.sticky[i] ??= {});
      return { re: (forms.full ??= new RegExp(phraseSource(p), 'iuy')), on: text };
    }
    // The caseless form fits phrases whose letters all lie below U+0300 and keep their length when folded.
    if (!needsFullWordClass(p) && fold(p).length === p.length) {
      return { re: (this.caseless[i] ??= new RegExp(phraseSource(p, true, true), 'uy')), on: subject };
    }
    const forms = (this.sticky[i] ??= {});
    const re = full ? (forms.full ??= new RegExp(phraseSource(p, false), 'iuy')) : (forms.latin ??= new RegExp(phraseSource(p, true), 'iuy'));
    return { re, on: text };
  }

  /** A whole-text scan for phrases with no leading word to index (and text the index cannot serve). */
  private scan(i: number, text: string, full: boolean, out: PhraseHit[]): void {
    const bounded = this.boundedRes[i];
    if (bounded) {
      for (const [start, end] of bounded.everyStart(text)) out.push({ phrase: i, start, end });
      return;
    }
    const forms = (this.global[i] ??= {});
    const re = full ? (forms.full ??= new RegExp(phraseSource(this.phrases[i], false), 'giu')) : (forms.latin ??= new RegExp(phraseSource(this.phrases[i], true), 'giu'));
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ phrase: i, start: m.index, end: m.index + m[0].length });
      // Every start, not only non-overlapping matches: a span may begin inside a match.
      re.lastIndex = m.index + 1;
    }
  }
}

/**
 * The matches one alternation of the whole list finds, scanning left to right:
 * the leftmost hit, the list's first phrase among those starting there, then on
 * from its end (what `PhraseSet.spans` returns).
 */
export function leftmostSpans(hits: PhraseHit[]): Array<[number, number]> {
  return leftmostHits(hits).map((h) => [h.start, h.end]);
}

/** The hits `leftmostSpans` keeps, with their phrases. */
export function leftmostHits(hits: PhraseHit[]): PhraseHit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || a.phrase - b.phrase);
  const out: PhraseHit[] = [];
  let from = 0;
  for (const h of sorted) {
    if (h.start < from) continue;
    out.push(h);
    from = h.end > h.start ? h.end : h.start + 1;
  }
  return out;
}

/** Hits in document order (what distinctWithin needs). */
export function byStart(hits: PhraseHit[]): PhraseHit[] {
  return [...hits].sort((a, b) => a.start - b.start || a.phrase - b.phrase);
}

/**
 * Counts how many different phrases have a hit lying wholly inside spans. Its
 * per-phrase marks are valid for one generation, so a count allocates nothing
 * (it runs per section and element); one counter per document.
 */
export class DistinctCounter {
  private marks = new Uint32Array(1024);
  private generation = 0;

  /**
   * `hits` must be in document order (byStart): each span costs a binary search
   * and its own hits, so scoring every section of a long document stays linear.
   */
  within(hits: PhraseHit[], spans: Array<{ start: number; end: number }>): number {
    if (++this.generation === 0xffffffff) {
      this.marks.fill(0);
      this.generation = 1;
    }
    let n = 0;
    for (const s of spans) {
      let lo = 0;
      let hi = hits.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (hits[mid].start < s.start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < hits.length && hits[i].start < s.end; i++) {
        const h = hits[i];
        if (h.end > s.end) continue;
        if (h.phrase >= this.marks.length) {
          const grown = new Uint32Array(Math.max(h.phrase + 1, this.marks.length * 2));
          grown.set(this.marks);
          this.marks = grown;
        }
        if (this.marks[h.phrase] === this.generation) continue;
        this.marks[h.phrase] = this.generation;
        n++;
      }
    }
    return n;
  }
}

/** How many different phrases have a hit inside the spans (one-off; see DistinctCounter). */
export function distinctWithin(hits: PhraseHit[], spans: Array<{ start: number; end: number }>): number {
  return new DistinctCounter().within(hits, spans);
}
