// The regex entries of every list (regex-entry.ts), and where in a text each is
// tried. Speed: a built-in entry runs sticky, only where a match can start. Most open
// with \b and known letters ("\bwhat the law", "\b(is|are) spent"), so a match
// starts where a run of \w begins with those letters: at a word token the
// lexicon walks to them (their letters are stems there), or, rarely, inside a
// word ("é" is a word character but not \w). The rest are found by their probe,
// and a workspace's entries (RE2) from every start its own search finds.
import { cachedFold, isAsciiWord, wordCharRegExp } from './chars';
import type { Lexicon } from './lexicon';
import { BoundedEntry, V8Entry, type FrozenEntry, type RegexEntry } from './regex-entry';
import type { Tokens } from './tokens';

/** Receives a match of a list's entry: the phrase's index in its list and [start, end); returns false to stop. */
export type EntrySink = (phrase: number, start: number, end: number) => boolean;

/**
 * (entry, offset) pairs pairs[lo..hi) (lo and hi even), each offset less `shift`
 * in the text they are run on: a slice of a text's pairs is read in place, not copied.
 */
export interface PairSlice {
  readonly pairs: ArrayLike<number>;
  readonly lo: number;
  readonly hi: number;
  readonly shift: number;
}

/**
 * Where in one text some entry with leads may match: (lexicon node, offset)
 * pairs; sorted into each list's (entry, offset) pairs when a list is first
 * run, as most texts asked about have none of their lists' entries run.
 */
export interface Tries {
  readonly at: number[];
  /**
   * Every list's (entry, offset) pairs in one array, grouped by list: list l's
   * are pairs[from[l] .. from[l + 1]). Sorted by counting, so that nothing is
   * grown (a chunk's pairs, grown list by list, were the lint's largest allocation).
   */
  byList?: { pairs: Int32Array; from: Int32Array };
}

export class RegexEntries {
  private readonly entries: Array<{ list: number; phrase: number; entry: RegexEntry }> = [];
  private readonly byLead = new Map<number, number[]>();
  /** Per list, its entries. */
  private readonly ofList: number[][] = [];
  /** Per list, its entries with no leads (found by their probe). */
  private readonly probed: number[][] = [];
  /**
   * Per lexicon node, the entries with a lead on its path (found on first need);
   * made lexicon-long by `seal`, as an array grown from empty at scattered
   * nodes turns into a dictionary.
   */
  private entriesOn: Array<number[] | undefined> = [];
  /** Each entry's list, by entry id (made on first need, once every entry is added). */
  private listOf?: Int32Array;

  constructor(private readonly lexicon: Lexicon) {}

  /** `bounded`: a workspace's pattern, run on the linear-time engine; `frozen`: a built-in entry's leads, read back. */
  add(list: number, phrase: number, text: string, bounded: boolean, frozen?: FrozenEntry): void {
    const id = this.entries.length;
    const entry = bounded ? new BoundedEntry(text) : new V8Entry(text, frozen);
    this.entries.push({ list, phrase, entry });
    (this.ofList[list] ??= []).push(id);
    if (!entry.leads) (this.probed[list] ??= []).push(id);
    for (const lead of entry.leads ?? []) {
      const node = this.lexicon.add(lead, true);
      this.byLead.set(node, [...(this.byLead.get(node) ?? []), id]);
    }
  }

  /** Fixes the entries once every list is added and the lexicon sealed. */
  seal(): void {
    this.entriesOn = new Array<number[] | undefined>(this.lexicon.size);
  }

  /** Each entry's leads, in the order added (a built-in pack's book: no workspace entries). */
  freeze(): FrozenEntry[] {
    return this.entries.map(({ entry }) => {
      if (!(entry instanceof V8Entry)) throw new Error('a book with workspace patterns is not frozen');
      return entry.freeze();
    });
  }

  /** Whether a list has regex entries. */
  has(list: number): boolean {
    return !!this.ofList[list];
  }

  /** The entries with a lead on the path to a lexicon node. */
  private entriesAt(node: number): number[] {
    let out = this.entriesOn[node];
    if (!out) this.entriesOn[node] = out = this.lexicon.stems(node).flatMap((s) => this.byLead.get(s) ?? []);
    return out;
  }

  /**
   * Where entries with leads may match in a text, by offset: word tokens, and
   * runs of \w inside words, that start with a lead. (By offset, so that the
   * tries in a slice of the text are found by a binary search: TextMatches.cut.)
   */
  tries(tokens: Tokens): Tries {
    const out: number[] = [];
    if (!this.byLead.size) return { at: out };
    const consider = (node: number, at: number) => {
      if (this.lexicon.stems(node).length && this.entriesAt(node).length) out.push(node, at);
    };
    const inner = innerRunStarts(tokens.text);
    const walked = { node: 0, pos: 0 };
    const fold = cachedFold();
    const innerRun = (p: number) => {
      this.lexicon.walk(tokens.text, p, tokens.text.length, fold, walked);
      consider(walked.node, p);
    };
    // A run inside a word starts after the word's start, and before the next word's.
    let j = 0;
    for (let k = 0; k < tokens.count; k++) {
      if (tokens.code[k] >= 0) continue;
      while (j < inner.length && inner[j] < tokens.start[k]) innerRun(inner[j++]);
      consider(tokens.key[k], tokens.start[k]);
    }
    while (j < inner.length) innerRun(inner[j++]);
    return { at: out };
  }

  /** A list's (entry, offset) pairs of the tries, in their order (by offset). */
  pairs(tries: Tries, list: number): PairSlice {
    const { pairs, from } = (tries.byList ??= this.sorted(tries.at));
    return list + 1 < from.length ? { pairs, lo: from[list], hi: from[list + 1], shift: 0 } : { pairs, lo: 0, hi: 0, shift: 0 };
  }

  /** Every list's pairs of the tries, grouped by list (see Tries.byList): counted, then written in place. */
  private sorted(at: readonly number[]): { pairs: Int32Array; from: Int32Array } {
    const listOf = (this.listOf ??= Int32Array.from(this.entries, (e) => e.list));
    const from = new Int32Array(this.ofList.length + 1);
    // Indexed loops over each node's ids (once per try, kept for the second pass): the lint's
    // hottest loop after tokenising, and for…of over arrays cost it a third more.
    const ids: number[][] = new Array(at.length >> 1);
    for (let i = 0; i < at.length; i += 2) {
      const here = (ids[i >> 1] = this.entriesAt(at[i]));
      for (let k = 0; k < here.length; k++) from[listOf[here[k]] + 1] += 2;
    }
    for (let l = 1; l < from.length; l++) from[l] += from[l - 1];
    const pairs = new Int32Array(from[from.length - 1]);
    const next = from.slice(0, -1);
    for (let i = 0; i < at.length; i += 2) {
      const here = ids[i >> 1];
      const offset = at[i + 1];
      for (let k = 0; k < here.length; k++) {
        const id = here[k];
        const l = listOf[id];
        pairs[next[l]++] = id;
        pairs[next[l]++] = offset;
      }
    }
    return { pairs, from };
  }

  /** Runs a list's entries over the text (at its pairs, or by their probes), until `on` returns false; `narrow`: see RegexEntry. */
  run(list: number, text: string, at: PairSlice, on: EntrySink, narrow = false): void {
    const { pairs, hi, shift } = at;
    for (let i = at.lo; i < hi; i += 2) {
      const { phrase, entry } = this.entries[pairs[i]];
      const start = pairs[i + 1] - shift;
      const end = entry.matchAt(text, start, narrow);
      if (end >= 0 && !on(phrase, start, end)) return;
    }
    for (const id of this.probed[list] ?? []) {
      const { phrase, entry } = this.entries[id];
      let more = true;
      entry.scan(text, (start, end) => (more = on(phrase, start, end)), narrow);
      if (!more) return;
    }
  }
}

/** \w under "iu": ASCII letters, digits, "_", and "ſ" and the Kelvin sign, which fold to "s" and "k". */
const isRegexWord = (c: number): boolean => isAsciiWord(c) || c === 0x17f || c === 0x212a;

/**
 * Where a run of \w starts inside a word token: after a word character that is
 * not \w ("é" in "éwhat"). Rare, so found from the text's non-ASCII characters.
 */
export function innerRunStarts(text: string): number[] {
  const out: number[] = [];
  const word = wordCharRegExp();
  // Without "u": V8 scans for this class several times quicker.
  const nonAscii = /[^\u0000-\u007f]/g;
  while (nonAscii.test(text)) {
    const at = nonAscii.lastIndex - 1;
    const c = text.codePointAt(at)!;
    const p = at + (c > 0xffff ? 2 : 1);
    nonAscii.lastIndex = p;
    if (isRegexWord(c) || !isRegexWord(text.charCodeAt(p))) continue;
    word.lastIndex = at;
    if (word.test(text)) out.push(p);
  }
  return out;
}
