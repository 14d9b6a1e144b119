// Small text helpers shared by the recognisers: section text, heading
// normalisation, word counts, placeholder detection and sentence splitting.
import type { DocModel, Section, Span } from '../model/types';
import type { Policy } from '../policy/types';
import { lastAtOrBefore } from '../sorted';

/** Masked prose of a section, from the end of its heading to the end of its own body or whole extent. */
export function sectionText(model: DocModel, s: Section, scope: 'own' | 'full'): string {
  const { start, end } = sectionSpan(model, s, scope);
  return model.masked.slice(start, end);
}

/** Where sectionText's text lies in the document. */
export function sectionSpan(model: DocModel, s: Section, scope: 'own' | 'full'): Span {
  const from = s.heading ? s.heading.end : s.start;
  const end = scope === 'full' || s.children.length === 0 ? s.end : s.children[0].start;
  // The document's footer (a contact line after a rule) belongs to no section.
  const to = model.footer && end > model.footer.start ? model.footer.start : end;
  return { start: from, end: Math.max(from, to) };
}

/**
 * A copy of `text` that holds nothing else. V8 makes a substring a view of the
 * string it was cut from, so a heading title or a quote kept past its lint (a
 * policy's memo, a file's result) would keep the whole document alive: 1,000
 * strategies' texts, ~40 MB, in a CLI run. For what outlives a lint only.
 */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

const CONTRACTIONS: Record<string, string> = { ll: 'will', re: 'are', s: 'is', ve: 'have', d: 'would' };

/** Heading text without numbering ("3.2", "Section 4 –", "Part II:", "Slide 7:") or trailing punctuation. */
export function normaliseHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\b(we|you|they|it|that|what|there|who)'(ll|re|s|ve|d)\b/g, (_m, w: string, c: string) => `${w} ${CONTRACTIONS[c]}`)
    .replace(/[*_`]/g, '')
    .replace(/^\s*((section|part|chapter|appendix|annex|slide)\s+)?([0-9]+(\.[0-9]+)*|[ivx]+|[a-h])(\s*[.):\-–—]|\s)\s*/, '')
    .replace(/^\s*[-–—:.]\s*/, '')
    .replace(/[\s?:.!]+$/, '')
    // A question reads as the statement it asks about: "What will we stop doing?" as "what we will stop doing".
    .replace(QUESTION_MODAL, '$1$2 $4 $3')
    .replace(QUESTION_DO, '$1$2 $3')
    .trim();
}

const QUESTION_MODAL = /^(what|how|where|when|who|why|which)((?: \w+)?) (will|shall|can|should|would|could|must) (we|you|they)\b/;
const QUESTION_DO = /^(what|how|where|when|who|why|which)((?: \w+)?) (?:do|does|did) (we|you|they)\b/;

/**
 * Words in text, counting no further than `limit` (callers mostly ask "fewer
 * than n?"). A word is a match of `[\p{L}\p{N}][\p{L}\p{N}'’-]*` (flags "gu"),
 * one after another. Markup runs never start a word, so this equals the count
 * after `collapse`.
 *
 * Speed: a scan of code units, not a regex test per word (called for every
 * section of a 500 KB strategy on every lint, that was 10% of a re-lint). ASCII
 * is decided by a table; any other character by a sticky regex of the same
 * class, made only when one is met.
 */
export function wordCount(text: string, limit = Infinity): number {
  let n = 0;
  let i = 0;
  const len = text.length;
  let other: NonAsciiWord | undefined;
  while (i < len && n < limit) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (WORD_CHAR[c] !== 1) {
        i++;
        continue;
      }
      i++;
    } else {
      other ??= nonAsciiWord();
      const to = other.start(text, i);
      if (to < 0) {
        // No word starts here: on to the next code point, as a "u" regex searches.
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < len && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
        continue;
      }
      i = to;
    }
    n++;
    // The rest of the word: letters, digits, apostrophes and hyphens.
    while (i < len) {
      const d = text.charCodeAt(i);
      if (d < 128) {
        if (WORD_CHAR[d] === 0) break;
        i++;
      } else {
        other ??= nonAsciiWord();
        const to = other.rest(text, i);
        if (to < 0) break;
        i = to;
      }
    }
  }
  return n;
}

/** By ASCII code unit: 1 a letter or digit (starts a word), 2 an apostrophe or hyphen (continues one), 0 neither. A constant table. */
const WORD_CHAR: Readonly<Uint8Array> = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : c === 39 || c === 45 ? 2 : 0,
);

interface NonAsciiWord {
  /** Where a word starting at `at` has its first character's end, or -1. */
  start(text: string, at: number): number;
  /** Where the word character continuing at `at` ends, or -1. */
  rest(text: string, at: number): number;
}

/** Sticky regexes of the word's classes, fresh per wordCount call (a RegExp carries its lastIndex). */
function nonAsciiWord(): NonAsciiWord {
  const first = /[\p{L}\p{N}]/uy;
  const more = /[\p{L}\p{N}'’-]/uy;
  const at = (re: RegExp, text: string, i: number) => {
    re.lastIndex = i;
    return re.test(text) ? re.lastIndex : -1;
  };
  return { start: (text, i) => at(first, text, i), rest: (text, i) => at(more, text, i) };
}

export function collapse(text: string): string {
  return text.replace(/[#>|*_`\-–—]+(?=\s|$)/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The most words a placeholder marker on its own has ("[To be confirmed]"). */
const MARKER_WORDS = 3;
const CLAUSE_NUMBER = /^\d{1,3}(?:\.\d{1,3})*\.?\s+/;

/** A stub is short: a stock phrase inside longer prose ("… will be completed before tender") is not one. */
const STUB_MAX_WORDS = 50;

/** True when prose is absent or only a stock placeholder ("TBC", "To follow", "[Insert …]"). */
export function isStub(policy: Policy, text: string): boolean {
  return stubByCount(policy, text, wordCount(text, STUB_MAX_WORDS + 1));
}

/** isStub, given the text's words counted to at least STUB_MAX_WORDS + 1. */
function stubByCount(policy: Policy, text: string, words: number): boolean {
  if (words === 0) return true;
  if (words > STUB_MAX_WORDS) return false;
  // A clause's number is no content ("6.1 [Insert summary of NICE guidance]").
  const flat = collapse(text).replace(CLAUSE_NUMBER, '');
  // A marker alone ("[To follow]", "TBC") is no sentence of prose.
  if (policy.placeholders.test(flat) && sentences(flat).filter((x) => wordCount(x, MARKER_WORDS + 1) > MARKER_WORDS || !policy.placeholders.test(x)).length <= 2) return true;
  // Line by line: a list of markers ("- KPIs: TBC", "- [Insert dashboard …]") with a note or two about them.
  const units = text.split('\n').flatMap((line) => sentences(collapse(line).replace(CLAUSE_NUMBER, '')));
  const marks = units.filter((u) => policy.placeholders.test(u)).length;
  return marks > 0 && units.length - marks <= 2;
}

/** True when prose is absent, a stock placeholder, a lone filler sentence or only a few words. */
export function isPlaceholder(policy: Policy, text: string): boolean {
  // One count serves both questions.
  const words = wordCount(text, Math.max(policy.minWords, STUB_MAX_WORDS + 1));
  return words < policy.minWords || stubByCount(policy, text, words);
}

// A line opening with a bullet drawn as a character opens a sentence too (Word's "•" kept as text by a
// conversion, often with no-break spaces after it), as does a bullet after a sentence's end on its line.
const SENTENCE_END = String.raw`[.!?](?=\s+(?:["“(‘'[]?[A-Z0-9*]|[•▪●■]\s))|\n\s*\n|\n(?=[^\S\n]*[•▪●■][^\S\n])`;

/** Sentence spans of a prose span (offsets into the same string as the span). */
export function sentenceSpans(text: string, span: Span): Span[] {
  const slice = text.slice(span.start, span.end);
  const out: Span[] = [];
  let last = 0;
  const ender = new RegExp(SENTENCE_END, 'g');
  let m: RegExpExecArray | null;
  while ((m = ender.exec(slice))) {
    const end = m.index + m[0].length;
    if (slice.slice(last, end).trim()) out.push({ start: span.start + last, end: span.start + end });
    last = end;
  }
  if (slice.slice(last).trim()) out.push({ start: span.start + last, end: span.end });
  return out;
}

export function sentences(text: string): string[] {
  return sentenceSpans(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));
}

/** The section opening at an offset, if one does (a binary search over the sections in document order). */
export function sectionStarting(model: DocModel, offset: number): Section | undefined {
  const { sections } = model;
  if (!sections.length || sections[sections.length - 1].start < offset) return undefined;
  const k = offset <= sections[0].start ? 0 : lastAtOrBefore(sections.length, (x) => sections[x].start, offset - 1) + 1;
  return sections[k]?.start === offset ? sections[k] : undefined;
}

/** The deepest section whose extent holds the offset. */
export function sectionAt(model: DocModel, offset: number): Section {
  // The last section opening at or before the offset, or the nearest of its parents holding it
  // (sections are in document order: a binary search, not a walk of all of them for each offset).
  const { sections } = model;
  if (!sections.length || sections[0].start > offset) return model.root;
  let s: Section | undefined = sections[lastAtOrBefore(sections.length, (k) => sections[k].start, offset)];
  while (s && !(s.start <= offset && offset < s.end)) s = s.parent;
  return s ?? model.root;
}
