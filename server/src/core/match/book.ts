// A policy's phrase lists, compiled together into one PhraseMatcher on first use
// (one lexicon and one trie for every list), and each list's handle on it. A
// recogniser asks a list about a text (`headings.test(title)`, `synonyms.spans(cell)`);
// the text is matched once for every list, and the few most recent texts are
// kept, since recognisers ask several lists about one text in turn (every
// group's synonyms and near-misses of one table cell, every element's headings
// of one title). Document-wide hits come from DocState, one match per chunk.
import { PhraseMatcher, type FrozenMatcher, type PhraseHit, type TextMatches } from './index';

/** Texts whose matches are kept: enough for the recognisers' turns between two texts (a value cell and its header). */
const RECENT = 4;

export class PhraseBook {
  private readonly lists: PhraseList[] = [];
  private matcher?: PhraseMatcher;
  private readonly recent = new Map<string, TextMatches>();

  /** `frozen`: this book compiled before (a built-in pack's, at build time), read back instead of compiling. */
  constructor(private readonly frozen?: FrozenMatcher) {}

  /** A new list in the book; only before the first match. `bounded`: its /regex/ entries from the workspace. */
  list(phrases: readonly string[], bounded: ReadonlySet<string> = new Set()): PhraseList {
    if (this.matcher) throw new Error('phrase lists are added before the first match');
    const list = new PhraseList(phrases, bounded, this, this.lists.length);
    this.lists.push(list);
    return list;
  }

  /** Every list's matches in a text, found at once, compiling the book on first use; not kept here (for a document's chunks, which DocState keeps). */
  matchOnce(text: string): TextMatches {
    return this.compiled().match(text, true);
  }

  private compiled(): PhraseMatcher {
    return (this.matcher ??= new PhraseMatcher(this.lists, this.frozen));
  }

  /** The compiled book as data (esbuild.js writes the built-in packs' into the bundle). */
  freeze(): FrozenMatcher {
    return this.compiled().freeze();
  }

  /** Every list's matches in a text, kept among the most recent. */
  match(text: string): TextMatches {
    let found = this.recent.get(text);
    if (!found) {
      found = this.compiled().match(text);
      if (this.recent.size >= RECENT) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(text, found);
    }
    return found;
  }
}

/**
 * One phrase list of a policy (the `Matcher` of policy/types.ts): its phrases as
 * written, and what the recognisers ask of a text.
 */
export class PhraseList {
  constructor(
    readonly phrases: readonly string[],
    /** Its /regex/ entries from outside the built-in packs, which run on the linear-time engine. */
    readonly bounded: ReadonlySet<string>,
    private readonly book: PhraseBook,
    /** Its index in the book. */
    readonly id: number,
  ) {}

  /** Whether any phrase occurs in the text. */
  test(text: string): boolean {
    return this.book.match(text).test(this.id);
  }

  /** The matches one alternation of the phrases finds, left to right (leftmost, then the list's first phrase there), as [start, end). */
  spans(text: string): Array<[number, number]> {
    return this.book.match(text).spans(this.id);
  }

  /** Every hit of every phrase in the text, by start, then phrase. */
  hits(text: string): readonly PhraseHit[] {
    return this.book.match(text).hits(this.id);
  }
}
