// Compiles a pack's phrase lists into regular expressions. A phrase matches
// case-insensitively on word boundaries; "*" ends a word stem; spaces and
// hyphens are interchangeable; "/.../" entries are raw regular expressions.

const WORD = '[\\p{L}\\p{N}_]';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
}

/** Regex source for one phrase, or the raw source of a /regex/ entry. */
export function phraseSource(phrase: string): string {
  const raw = /^\/(.*)\/$/s.exec(phrase);
  if (raw) return raw[1];
  const trimmed = phrase.trim();
  const stem = `[\\p{L}\\p{N}_'’-]*`;
  const body = trimmed
    .split(/[\s\-‑–]+/)
    .map((word) => escape(word).replace(/'/g, "['’]").replace(/\\\*/g, stem))
    .join('[\\s\\u00a0\\-‑–]+');
  // Word boundaries only where the phrase itself starts or ends with a word character.
  const pre = /^[\p{L}\p{N}_]/u.test(trimmed) ? `(?<!${WORD})` : '';
  const post = /[\p{L}\p{N}_]$/u.test(trimmed) ? `(?!${WORD})` : '';
  return `${pre}(?:${body})${post}`;
}

/** A compiled phrase list: one regex for "any of them", one per phrase for counting. */
export class PhraseSet {
  readonly any: RegExp;
  readonly parts: RegExp[];

  constructor(readonly phrases: string[]) {
    const sources = phrases.map(phraseSource);
    this.parts = sources.map((s) => new RegExp(s, 'iu'));
    this.any = new RegExp(sources.length ? sources.map((s) => `(?:${s})`).join('|') : '(?!)', 'giu');
  }

  test(text: string): boolean {
    this.any.lastIndex = 0;
    return this.any.test(text);
  }

  /** How many different phrases of the set occur in the text. */
  countDistinct(text: string): number {
    let n = 0;
    for (const r of this.parts) if (r.test(text)) n++;
    return n;
  }

  /** Every non-overlapping match, as [start, end) offsets into text. */
  spans(text: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const re = this.any;
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
  try {
    new RegExp(phraseSource(phrase), 'iu');
    return undefined;
  } catch (err) {
    return `invalid pattern ${JSON.stringify(phrase)}: ${(err as Error).message}`;
  }
}
