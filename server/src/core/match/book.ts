// A policy's phrase lists, compiled together into one PhraseMatcher on first use
// (one lexicon and one trie for every list), and each list's handle on it. A
// recogniser asks a list about a text (`headings.test(title)`, `synonyms.spans(cell)`);
// the text is matched once for every list, and the few most recent texts are
// kept, since recognisers ask several lists about one text in turn (every
// group's synonyms and near-misses of one table cell, every element's headings
// of one title). Document-wide hits come from DocState, one match per chunk.
import { PhraseMatcher, type FrozenMatcher, type PhraseHit, type TextMatches } from './index';
import { TokenScratch } from './tokens';

/** Texts whose matches are kept: enough for the recognisers' turns between two texts (a value cell and its header). */
const RECENT = 4;

/**
 * A text this short has every list found at once, its tokens in the book's
 * scratch buffer (see `match`).
 */
const SHORT_TEXT = 256;

/** A text this long is a long one: its `test` and `spans` answers are kept by text (see `answers`). */
const LONG_TEXT = 4096;
/** Characters of long texts whose answers are kept: an editor's re-lint asks about the same few again. */
const LONG_KEPT = 2_000_000;

export class PhraseBook {
  private readonly lists: PhraseList[] = [];
  private matcher?: PhraseMatcher;
  private readonly recent = new Map<string, TextMatches>();
  /**
   * `test` and `spans` answers about long texts (an IPC element's prose, read
   * for its aspects, or a section introduced as the EqIA, searched for groups:
   * hundreds of kilobytes of a 500 KB strategy, tokenised afresh on every
   * re-lint), by text, least recently asked first; under each text, a list's
   * `test` answer by its id, its spans by the id's complement. Re-linting an
   * edited document asks the same texts again wherever the edit did not reach;
   * finding a text here costs a hash and a compare, not a tokenisation.
   */
  private readonly answers = new Map<string, Map<number, boolean | Array<[number, number]>>>();
  private answered = 0;
  /** Room for a short text's tokens, reused from text to text. */
  private readonly scratch = new TokenScratch();

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
  matchOnce(text: string, scratch?: TokenScratch): TextMatches {
    return this.compiled().match(text, true, scratch);
  }

  private compiled(): PhraseMatcher {
    return (this.matcher ??= new PhraseMatcher(this.lists, this.frozen));
  }

  /** The compiled book as data (esbuild.js writes the built-in packs' into the bundle). */
  freeze(): FrozenMatcher {
    return this.compiled().freeze();
  }

  /**
   * Whether a list's phrases occur in a text (a long text's answer kept, see
   * `answers`). `found`: the text's matches, if the caller has them (a slice of
   * a matched chunk, TextMatches.cut).
   */
  test(text: string, list: number, found?: TextMatches): boolean {
    if (text.length < LONG_TEXT) return (found ?? this.match(text)).test(list);
    const known = this.answersAbout(text);
    let yes = known.get(list) as boolean | undefined;
    if (yes === undefined) known.set(list, (yes = (found ?? this.match(text)).test(list)));
    return yes;
  }

  /** A list's spans in a text (a long text's kept, see `answers`: callers only read them); `found` as for `test`. */
  spans(text: string, list: number, found?: TextMatches): Array<[number, number]> {
    if (text.length < LONG_TEXT) return (found ?? this.match(text)).spans(list);
    const known = this.answersAbout(text);
    let spans = known.get(~list) as Array<[number, number]> | undefined;
    if (spans === undefined) known.set(~list, (spans = (found ?? this.match(text)).spans(list)));
    return spans;
  }

  /** What is kept about a long text, made the most recently asked. */
  private answersAbout(text: string): Map<number, boolean | Array<[number, number]>> {
    let known = this.answers.get(text);
    if (known) {
      // Most recently asked last.
      this.answers.delete(text);
      this.answers.set(text, known);
    } else {
      this.answers.set(text, (known = new Map()));
      this.answered += text.length;
      while (this.answered > LONG_KEPT && this.answers.size > 1) {
        const oldest = this.answers.keys().next().value!;
        this.answers.delete(oldest);
        this.answered -= oldest.length;
      }
    }
    return known;
  }

  /**
   * Every list's matches in a text, kept among the most recent. Speed: a short
   * text (a table cell, a label, a front-matter key: thousands a document) has
   * every list walked at once, its tokens in a buffer the book reuses; tokens
   * of its own, for one list's walk, cost more to allocate and collect
   * (typed arrays over a buffer of their own) than walking the rest.
   */
  match(text: string): TextMatches {
    let found = this.recent.get(text);
    if (!found) {
      found = text.length <= SHORT_TEXT ? this.compiled().match(text, true, this.scratch) : this.compiled().match(text);
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

  /** Whether any phrase occurs in the text; `found`: the text's matches, if the caller has them. */
  test(text: string, found?: TextMatches): boolean {
    return this.book.test(text, this.id, found);
  }

  /** The matches one alternation of the phrases finds, left to right (leftmost, then the list's first phrase there), as [start, end); `found` as for `test`. */
  spans(text: string, found?: TextMatches): Array<[number, number]> {
    return this.book.spans(text, this.id, found);
  }

  /** Every hit of every phrase in the text, by start, then phrase. */
  hits(text: string): readonly PhraseHit[] {
    return this.book.match(text).hits(this.id);
  }
}
