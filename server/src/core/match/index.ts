// Matches every phrase list of a pack in one pass over a text's tokens, in place
// of phrases.ts (PhraseSet) and phrase-hits.ts (PhraseHitFinder), with the same
// results: each phrase's hits are where, and to where, its own pattern matches.
//
//   const m = compilePhraseLists([signals, headings, …]);  // once per pack
//   const found = m.match(text);                             // once per text
//   found.hits(0); found.spans(1); found.test(1);            // per list, by index
import { Lexicon } from './lexicon';
import { phraseElements } from './phrase-shape';
import { RegexEntries, type Tries } from './regex-entries';
import { tokenise } from './tokens';
import { PhraseTrie } from './trie';

/** One match: the phrase's index in its list and the [start, end) offsets. */
export interface PhraseHit {
  phrase: number;
  start: number;
  end: number;
}

export class PhraseMatcher {
  private readonly lexicon = new Lexicon();
  private readonly trie = new PhraseTrie(this.lexicon);
  private readonly regexes = new RegexEntries(this.lexicon);
  /** The list and the index in it of each phrase in the trie, numbered across lists. */
  private readonly listOf: number[] = [];
  private readonly indexOf: number[] = [];

  constructor(readonly lists: ReadonlyArray<readonly string[]>) {
    lists.forEach((phrases, list) =>
      phrases.forEach((p, phrase) => {
        const elements = phraseElements(p);
        if (!elements) return this.regexes.add(list, phrase, p);
        this.trie.add(elements, this.listOf.length);
        this.listOf.push(list);
        this.indexOf.push(phrase);
      }),
    );
    this.lexicon.seal();
    this.trie.seal();
    this.regexes.seal();
  }

  /** Tokenises the text and finds every hit of every phrase in the trie; regex entries run when their list is asked for. */
  match(text: string): TextMatches {
    const tokens = tokenise(text);
    const classified = this.lexicon.classify(tokens);
    // Per list, made at its first hit (most lists have none in a short text).
    const byList: Array<PhraseHit[] | undefined> = [];
    this.trie.match(tokens, classified, (p, start, end) => (byList[this.listOf[p]] ??= []).push({ phrase: this.indexOf[p], start, end }));
    return new TextMatches(text, byList, this.regexes, this.regexes.tries(tokens, classified));
  }
}

/** Compiles phrase lists (a list's id is its index here) into one matcher. */
export function compilePhraseLists(lists: ReadonlyArray<readonly string[]>): PhraseMatcher {
  return new PhraseMatcher(lists);
}

/** The hits in one text, by list. */
export class TextMatches {
  /** Per list, once its regex entries have run: its hits and any empty matches, by start, then phrase. */
  private readonly found: PhraseHit[][] = [];

  constructor(
    readonly text: string,
    private readonly byList: Array<PhraseHit[] | undefined>,
    private readonly regexes: RegexEntries,
    private readonly tries: Tries,
  ) {}

  /** Every hit of every phrase of the list (what PhraseHitFinder.hits finds), by start, then phrase. */
  hits(list: number): readonly PhraseHit[] {
    const all = this.all(list);
    return all.some((h) => h.end === h.start) ? all.filter((h) => h.end > h.start) : all;
  }

  private all(list: number): readonly PhraseHit[] {
    let out = this.found[list];
    if (out) return out;
    out = this.found[list] = this.byList[list] ?? [];
    this.regexes.run(list, this.text, this.tries, (phrase, start, end) => (out.push({ phrase, start, end }), true));
    out.sort((a, b) => a.start - b.start || a.phrase - b.phrase);
    return out;
  }

  /**
   * The matches of the list as one alternation of its phrases finds them
   * (what PhraseSet.spans returns): the leftmost hit, taking among those that
   * start there the list's FIRST phrase (not the longest), then on from its end.
   */
  leftmost(list: number): PhraseHit[] {
    return leftmostFirst(this.all(list));
  }

  spans(list: number): Array<[number, number]> {
    return this.leftmost(list).map((h) => [h.start, h.end]);
  }

  /** Whether any phrase of the list occurs; an empty match of a /regex/ entry counts (as in PhraseSet.test). */
  test(list: number): boolean {
    if (this.byList[list] || this.found[list]?.length) return true;
    let found = false;
    this.regexes.run(list, this.text, this.tries, () => ((found = true), false));
    return found;
  }
}

/**
 * Leftmost-first selection from matches in start-then-phrase order. An empty
 * match (only a /regex/ entry can make one) is no span, but where it is the
 * first phrase's it wins that start, as in an alternation.
 */
export function leftmostFirst(hits: readonly PhraseHit[]): PhraseHit[] {
  const out: PhraseHit[] = [];
  let from = 0;
  for (const h of hits) {
    if (h.start < from) continue;
    if (h.end > h.start) out.push(h);
    from = h.end > h.start ? h.end : h.start + 1;
  }
  return out;
}
