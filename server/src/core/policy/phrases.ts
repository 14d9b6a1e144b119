// Compiles a pack's phrase lists into regular expressions. A phrase matches
// case-insensitively on word boundaries; "*" ends a word stem; spaces and
// hyphens are interchangeable; "/.../" entries are raw regular expressions.

const WORD = '[\\p{L}\\p{N}_]';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
}

/** A phrase's parts: the boundary checks it needs and the body between them. */
function phraseParts(phrase: string): { pre: string; body: string; post: string } {
  const raw = /^\/(.*)\/$/s.exec(phrase);
  if (raw) return { pre: '', body: raw[1], post: '' };
  const trimmed = phrase.trim();
  const stem = `[\\p{L}\\p{N}_'’-]*`;
  const body = trimmed
    .split(/[\s\-‑–]+/)
    .map((word) => escape(word).replace(/'/g, "['’]").replace(/\\\*/g, stem))
    .join('[\\s\\u00a0\\-‑–]+');
  // Word boundaries only where the phrase itself starts or ends with a word character.
  const pre = /^[\p{L}\p{N}_]/u.test(trimmed) ? `(?<!${WORD})` : '';
  const post = /[\p{L}\p{N}_]$/u.test(trimmed) ? `(?!${WORD})` : '';
  return { pre, body, post };
}

/** Regex source for one phrase, or the raw source of a /regex/ entry. */
export function phraseSource(phrase: string): string {
  if (/^\/.*\/$/s.test(phrase)) return phraseParts(phrase).body;
  const { pre, body, post } = phraseParts(phrase);
  return `${pre}(?:${body})${post}`;
}

/**
 * One alternation for a whole list. Runs of neighbouring phrases that need the
 * same boundaries share one pair of lookarounds: the Unicode word class is by far
 * the most expensive thing in these patterns to build and compile ("iu" flags),
 * and sharing it keeps the phrase order, so the same alternative still wins.
 */
function alternation(phrases: string[]): string {
  const runs: Array<{ pre: string; post: string; bodies: string[] }> = [];
  for (const p of phrases) {
    const { pre, body, post } = phraseParts(p);
    const last = runs[runs.length - 1];
    if (last && last.pre === pre && last.post === post && (pre || post)) last.bodies.push(body);
    else runs.push({ pre, post, bodies: [body] });
  }
  return runs.map((r) => (r.pre || r.post ? `${r.pre}(?:${r.bodies.join('|')})${r.post}` : `(?:${r.bodies[0]})`)).join('|');
}

/** A compiled phrase list: one regex for "any of them", one per phrase for counting. */
export class PhraseSet {
  readonly any: RegExp;
  private partsCache?: RegExp[];

  constructor(readonly phrases: string[]) {
    this.any = new RegExp(phrases.length ? alternation(phrases) : '(?!)', 'giu');
  }

  /** One regex per phrase, built on first use (only signal counting needs them). */
  get parts(): RegExp[] {
    return (this.partsCache ??= this.phrases.map((p) => new RegExp(phraseSource(p), 'iu')));
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
  // Plain phrases are escaped, so only /regex/ entries can fail to compile.
  if (!/^\/.*\/$/s.test(phrase)) return undefined;
  try {
    new RegExp(phraseSource(phrase), 'iu');
    return undefined;
  } catch (err) {
    return `invalid pattern ${JSON.stringify(phrase)}: ${(err as Error).message}`;
  }
}
