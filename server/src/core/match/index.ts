// Matches every phrase list of a pack in one pass over a text's tokens: each
// phrase's hits are where, and to where, its own pattern (source.ts) matches.
//
//   const m = new PhraseMatcher([{ phrases: signals }, …]);  // once per pack
//   const found = m.match(text);                              // once per text
//   found.hits(0); found.spans(1); found.test(1);             // per list, by index
//
// A policy holds one (book.ts), and each of its lists is a PhraseList there.
import { Lexicon, type FrozenLexicon } from './lexicon';
import { phraseElements, type Element } from './phrase-shape';
import { RegexEntries, type EntrySink, type PairSlice, type Tries } from './regex-entries';
import type { FrozenEntry } from './regex-entry';
import { tokenise, type TokenScratch, type Tokens } from './tokens';
import { PhraseTrie } from './trie';
import { needsUnicode } from '../policy/text-forms';

/** One match: the phrase's index in its list and the [start, end) offsets. */
export interface PhraseHit {
  phrase: number;
  start: number;
  end: number;
}

/** A phrase list to compile: its phrases, and which of its /regex/ entries are the workspace's (bounded-regex.ts). */
export interface ListSpec {
  readonly phrases: readonly string[];
  readonly bounded?: ReadonlySet<string>;
}

/**
 * A compiled matcher as data, for a built-in pack made at build time (see
 * policy/phrase-books.ts): reading it back skips the per-character work of
 * compiling, most of a cold start's matching cost.
 */
export interface FrozenMatcher {
  /** How many phrases each list has (a check that the lists are the ones frozen). */
  sizes: number[];
  /** Which phrases (numbered across lists) are regex entries; the rest are the trie's, in order. */
  regex: number[];
  /** Each regex entry's leads and starts (regex-entry.ts), in the order of `regex`. */
  entries: FrozenEntry[];
  lexicon: FrozenLexicon;
  /** Each trie phrase's path, as edge keys. */
  paths: number[][];
}

export class PhraseMatcher {
  private readonly lexicon: Lexicon;
  private readonly trie: PhraseTrie;
  private readonly regexes: RegexEntries;
  /** The list and the index in it of each phrase in the trie, numbered across lists. */
  private readonly listOf: number[] = [];
  private readonly indexOf: number[] = [];
  /** Which phrases (numbered across lists) are regex entries. */
  private readonly regex: number[] = [];
  private readonly sizes: number[];

  /** `frozen`: the same lists compiled before (at build time); used if the lists fit it. */
  constructor(lists: readonly ListSpec[], frozen?: FrozenMatcher) {
    this.sizes = lists.map((l) => l.phrases.length);
    const fits = !!frozen && frozen.sizes.length === lists.length && frozen.sizes.every((n, i) => n === this.sizes[i]);
    this.lexicon = fits ? Lexicon.thaw(frozen!.lexicon) : new Lexicon();
    this.trie = new PhraseTrie(this.lexicon);
    this.regexes = new RegexEntries(this.lexicon);
    const regex = new Set(fits ? frozen!.regex : []);
    // A phrase in several lists (an Act's aliases, in its own list and all Acts') is read once.
    const shapes = new Map<string, Element[] | undefined>();
    let n = 0;
    lists.forEach(({ phrases, bounded }, list) =>
      phrases.forEach((p, phrase) => {
        const at = n++;
        let elements = shapes.get(p);
        if (!fits && !shapes.has(p)) shapes.set(p, (elements = phraseElements(p)));
        if (fits ? regex.has(at) : !elements) {
          this.regex.push(at);
          return this.regexes.add(list, phrase, p, !!bounded?.has(p), fits ? frozen!.entries[this.regex.length - 1] : undefined);
        }
        if (fits) this.trie.addPath(frozen!.paths[this.listOf.length], list);
        else this.trie.add(elements!, list);
        this.listOf.push(list);
        this.indexOf.push(phrase);
      }),
    );
    this.lexicon.seal();
    this.trie.seal();
    this.regexes.seal();
  }

  /** The matcher as data (what a built-in pack's is at build time). */
  freeze(): FrozenMatcher {
    return { sizes: [...this.sizes], regex: [...this.regex], entries: this.regexes.freeze(), lexicon: this.lexicon.freeze(), paths: this.trie.freeze() };
  }

  /**
   * Tokenises the text; each list's phrases are then found when the list is
   * first asked for. `all`: find every list's now, in one walk (a document's
   * chunk, where many lists are asked for), with the tokens in `scratch` if given.
   */
  match(text: string, all = false, scratch?: TokenScratch): TextMatches {
    // Tokens in a scratch buffer serve only a walk of every list now, after which they are dropped.
    return new TextMatches(text, this, tokenise(text, this.lexicon, all ? scratch : undefined), all);
  }

  /** A text's tokens. */
  tokens(text: string): Tokens {
    return tokenise(text, this.lexicon);
  }

  /** The trie's hits in tokens: every list's (by list), or one list's (`only`), or whether it has one (`once`). */
  walk(tokens: Tokens, only = -1, once = false): Array<PhraseHit[] | undefined> {
    const byList: Array<PhraseHit[] | undefined> = [];
    this.trie.match(tokens, (p, start, end) => (byList[this.listOf[p]] ??= []).push({ phrase: this.indexOf[p], start, end }), only, once);
    return byList;
  }

  /** The regex entries' work: where to try them in tokens, and running a list's. */
  get entries(): RegexEntries {
    return this.regexes;
  }
}

/**
 * The hits in one text, by list. The first list asked about a text is walked
 * alone (a title asked of its headings, a sentence of its verdicts); a second
 * walks every list at once (a table cell asked of each group's synonyms and
 * near-misses), and the rest are read off that walk.
 */
export class TextMatches {
  /** Per list, once asked for: its hits and any empty matches of its regex entries, by start, then phrase. */
  private readonly found: Array<PhraseHit[] | undefined> = [];
  /** Every list's trie hits, once found in one walk. */
  private walked?: Array<PhraseHit[] | undefined>;
  /** The list walked alone, if one was. */
  private alone = -1;
  /** Where the regex entries with leads are tried, found when a list first needs them. */
  private tries?: Tries;
  /** Whether the regex entries may run without "u" here (see RegexEntry), found on first need. */
  private narrow?: boolean;
  /**
   * For a text cut from another whose lists were all walked (a section or a
   * cell of a document's chunk; see `cut`): that text, and where this one
   * starts in it. Its hits are read off that walk instead of tokenising and
   * walking this text again. That is exact where the cut's edges are clean
   * (`cleanEdge`): this text's tokens are then the other's between them, so a
   * walk from each start here takes the same steps as the other's, only
   * fewer past the end. A hit that ends by the end is then this text's own;
   * where one starting here runs on past it (a phrase over the last line
   * break), this text might end that phrase elsewhere, and is tokenised and
   * walked after all, for that list. The regex entries run on this text itself
   * (their ^, $ and look-behinds see its edges), where the other's tries say.
   */
  private whole?: TextMatches;
  private from = 0;

  constructor(
    readonly text: string,
    private readonly matcher: PhraseMatcher,
    /** Kept while a walk or the regex entries may still need them. */
    private tokens: Tokens | undefined,
    all: boolean,
  ) {
    if (!all) return;
    this.walked = matcher.walk(tokens!);
    this.tries = matcher.entries.tries(tokens!);
    this.tokens = undefined;
  }

  /** Every hit of every phrase of the list (a match of its pattern at each start where one starts), by start, then phrase. */
  hits(list: number): readonly PhraseHit[] {
    const all = this.all(list);
    return all.some((h) => h.end === h.start) ? all.filter((h) => h.end > h.start) : all;
  }

  private all(list: number): readonly PhraseHit[] {
    let out = this.found[list];
    if (out) return out;
    out = this.found[list] = this.trieHits(list, false) ?? [];
    this.run(list, (phrase, start, end) => (out.push({ phrase, start, end }), true));
    // Trie hits come by start; at one start, and with the regex entries', they may need sorting.
    if (!inOrder(out)) out.sort((a, b) => a.start - b.start || a.phrase - b.phrase);
    return out;
  }

  /** The trie's hits of a list (`once`: only whether it has one), walking the tokens as the class comment says. */
  private trieHits(list: number, once: boolean): PhraseHit[] | undefined {
    if (this.whole) {
      const hits = this.whole.trieHitsIn(list, this.from, this.from + this.text.length);
      if (hits) return hits.length ? hits : undefined;
      this.tokens ??= this.matcher.tokens(this.text);
    }
    if (!this.walked) {
      if (this.alone < 0) {
        this.alone = list;
        return this.matcher.walk(this.tokens!, list, once)[list];
      }
      this.walked = this.matcher.walk(this.tokens!);
      if (this.tries) this.tokens = undefined;
    }
    return this.walked[list];
  }

  /** Runs a list's regex entries. */
  private run(list: number, on: EntrySink): void {
    const { entries } = this.matcher;
    if (!entries.has(list)) return;
    entries.run(list, this.text, this.entryPairs(list), on, this.isNarrow());
  }

  /** Whether the regex entries may run without "u" here: a cut of a text that may is a text that may. */
  private isNarrow(): boolean {
    return (this.narrow ??= this.whole?.isNarrow() || !needsUnicode(this.text));
  }

  /** Where the list's regex entries with leads are tried: (entry, offset) pairs; a cut's are its whole's within it. */
  private entryPairs(list: number): PairSlice {
    if (this.whole) {
      const { pairs, lo, hi, shift } = this.whole.entryPairs(list);
      const from = this.from + shift;
      return { pairs, lo: firstPairFrom(pairs, lo, hi, from), hi: firstPairFrom(pairs, lo, hi, from + this.text.length), shift: from };
    }
    if (!this.tries) {
      this.tries = this.matcher.entries.tries(this.tokens!);
      if (this.walked) this.tokens = undefined;
    }
    return this.matcher.entries.pairs(this.tries, list);
  }

  /**
   * The matches in text.slice(from, to), read off this text's walk of every
   * list where that finds what matching the slice itself would (see `whole`);
   * undefined where it may not.
   */
  cut(from: number, to: number): TextMatches | undefined {
    // A cut of a cut is read off the same walk (a chunk's matches cut from a whole document's).
    if (this.whole) return this.whole.cut(this.from + from, this.from + to);
    if (!this.walked || !cleanEdge(this.text, from) || !cleanEdge(this.text, to)) return undefined;
    const cut = new TextMatches(this.text.slice(from, to), this.matcher, undefined, false);
    cut.whole = this;
    cut.from = from;
    return cut;
  }

  /**
   * The trie's hits of a list that start in [from, to), at offsets from `from`,
   * if all of them end by `to` (so that a walk of the slice alone finds the same:
   * see `whole`); null if one runs on past it. Only after a walk of every list.
   */
  private trieHitsIn(list: number, from: number, to: number): PhraseHit[] | null {
    const hits = this.walked![list];
    const out: PhraseHit[] = [];
    if (!hits) return out;
    // The first hit starting at `from` or after (hits are by start).
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid].start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < hits.length && hits[i].start < to; i++) {
      const h = hits[i];
      if (h.end > to) return null;
      out.push({ phrase: h.phrase, start: h.start - from, end: h.end - from });
    }
    return out;
  }

  /**
   * The matches of the list as one alternation of its phrases finds them: the
   * leftmost hit, taking among those that start there the list's FIRST phrase
   * (not the longest), then on from its end.
   */
  leftmost(list: number): PhraseHit[] {
    return leftmostFirst(this.all(list));
  }

  spans(list: number): Array<[number, number]> {
    return this.leftmost(list).map((h) => [h.start, h.end]);
  }

  /** Whether any phrase of the list occurs; an empty match of a /regex/ entry counts (as a regex test would). */
  test(list: number): boolean {
    const known = this.found[list];
    if (known) return known.length > 0;
    if (this.trieHits(list, true)) return true;
    // The regex entries tried as for hits, up to the first match. Speed: V8 compiles a
    // pattern on first use, and only the entries whose leads a text holds are compiled
    // (a list-wide alternation was 30-40 ms of a one-file run's compiling).
    let found = false;
    this.run(list, () => ((found = true), false));
    return found;
  }
}

/** The index of the first (entry, offset) pair in pairs[lo..hi) with an offset at `at` or after (pairs are by offset). */
function firstPairFrom(pairs: ArrayLike<number>, lo: number, hi: number, at: number): number {
  let a = lo >> 1;
  let b = hi >> 1;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (pairs[2 * mid + 1] < at) a = mid + 1;
    else b = mid;
  }
  return 2 * a;
}

/**
 * Whether a text may be cut at `at` without changing a token on either side:
 * at either end, or beside a space or line break (no token holds one, and a
 * stem's run of hyphenated words stops at one).
 */
function cleanEdge(text: string, at: number): boolean {
  return at <= 0 || at >= text.length || isSpace(text.charCodeAt(at - 1)) || isSpace(text.charCodeAt(at));
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** Whether hits are by start, then phrase. */
function inOrder(hits: readonly PhraseHit[]): boolean {
  for (let i = 1; i < hits.length; i++) {
    const a = hits[i - 1];
    const b = hits[i];
    if (a.start > b.start || (a.start === b.start && a.phrase > b.phrase)) return false;
  }
  return true;
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
