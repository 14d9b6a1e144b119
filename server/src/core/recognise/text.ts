// Small text helpers shared by the recognisers: section text, heading
// normalisation, word counts, placeholder detection and sentence splitting.
import type { DocModel, Section, Span } from '../model/types';
import type { Policy } from '../policy/types';

/** Masked prose of a section, from the end of its heading to the end of its own body or whole extent. */
export function sectionText(model: DocModel, s: Section, scope: 'own' | 'full'): string {
  const from = s.heading ? s.heading.end : s.start;
  const end = scope === 'full' || s.children.length === 0 ? s.end : s.children[0].start;
  // The document's footer (a contact line after a rule) belongs to no section.
  const to = model.footer && end > model.footer.start ? model.footer.start : end;
  return model.masked.slice(from, Math.max(from, to));
}

const CONTRACTIONS: Record<string, string> = { ll: 'will', re: 'are', s: 'is', ve: 'have', d: 'would' };

/** Heading text without numbering ("3.2", "Section 4 –", "Part II:") or trailing punctuation. */
export function normaliseHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\b(we|you|they|it|that|what|there|who)'(ll|re|s|ve|d)\b/g, (_m, w: string, c: string) => `${w} ${CONTRACTIONS[c]}`)
    .replace(/[*_`]/g, '')
    .replace(/^\s*((section|part|chapter|appendix|annex)\s+)?([0-9]+(\.[0-9]+)*|[ivx]+|[a-h])(\s*[.):\-–—]|\s)\s*/, '')
    .replace(/^\s*[-–—:.]\s*/, '')
    .replace(/[\s?:.!]+$/, '')
    .trim();
}

const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{N}'’-]*`;

/**
 * Words in text, counting no further than `limit` (callers mostly ask "fewer
 * than n?"). Markup runs never start a word, so this equals the count after
 * `collapse`.
 */
export function wordCount(text: string, limit = Infinity): number {
  let n = 0;
  const word = new RegExp(WORD, 'gu');
  while (n < limit && word.test(text)) n++;
  return n;
}

export function collapse(text: string): string {
  return text.replace(/[#>|*_`\-–—]+(?=\s|$)/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A stub is short: a stock phrase inside longer prose ("… will be completed before tender") is not one. */
const STUB_MAX_WORDS = 40;

/** True when prose is absent or only a stock placeholder ("TBC", "To follow", "[Insert …]"). */
export function isStub(policy: Policy, text: string): boolean {
  const words = wordCount(text, STUB_MAX_WORDS + 1);
  if (words === 0) return true;
  if (words > STUB_MAX_WORDS) return false;
  const flat = collapse(text);
  return policy.placeholders.test(flat) && sentences(flat).length <= 2;
}

/** True when prose is absent, a stock placeholder, a lone filler sentence or only a few words. */
export function isPlaceholder(policy: Policy, text: string): boolean {
  return wordCount(text, policy.minWords) < policy.minWords || isStub(policy, text);
}

const SENTENCE_END = String.raw`[.!?](?=\s+["“(‘'[]?[A-Z0-9*])|\n\s*\n`;

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

/** The deepest section whose extent holds the offset. */
export function sectionAt(model: DocModel, offset: number): Section {
  let best = model.root;
  for (const s of model.sections) if (s.start <= offset && offset < s.end) best = s;
  return best;
}
