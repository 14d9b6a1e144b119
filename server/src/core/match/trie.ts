// The phrase trie: every plain phrase of every list as a path of token elements
// (phrase-shape.ts), phrases that open alike sharing a path. One walk from each
// token finds every phrase that matches there, for all lists at once.
import type { Classified, Lexicon } from './lexicon';
import { APOS, PUNCT, STEM, WORD, type Element, type Kind } from './phrase-shape';
import { ADJACENT, JOINED, type Tokens } from './tokens';

interface TrieNode {
  /** Children by edge key (see `edge`). */
  next: Map<number, TrieNode>;
  /** Phrases (numbered across all lists) that end here. */
  ends: number[];
}

/** An edge: a lexicon node (WORD, STEM), a folded code point (PUNCT) or 0 (APOS), and how it joins the element before. */
const edge = (kind: Kind, id: number, joined: boolean): number => id * 8 + kind * 2 + (joined ? 1 : 0);

const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

/** Receives a hit: the phrase's number, [start, end) in the text. */
export type HitSink = (phrase: number, start: number, end: number) => void;

export class PhraseTrie {
  private readonly root: TrieNode = { next: new Map(), ends: [] };
  private phrases = 0;
  /**
   * The root's children by the lexicon node a word token reaches, filled by
   * `seal`: the phrase opening with that whole word, and those opening with a
   * stem it starts with. Speed: every token is tried at the root, and a third
   * of a strategy's words open some phrase; arrays beat Map look-ups there.
   */
  private readonly rootWord: Array<TrieNode | undefined> = [];
  private readonly rootStems: TrieNode[][] = [];

  constructor(private readonly lexicon: Lexicon) {}

  add(elements: readonly Element[], phrase: number): void {
    let node = this.root;
    for (const e of elements) {
      const id = e.kind === WORD || e.kind === STEM ? this.lexicon.add(e.letters, e.kind === STEM) : e.kind === PUNCT ? e.code : 0;
      const key = edge(e.kind, id, e.joined);
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map(), ends: [] }));
      node = child;
    }
    node.ends.push(phrase);
    this.phrases = Math.max(this.phrases, phrase + 1);
  }

  /** Fixes the trie once every phrase is added and the lexicon sealed. */
  seal(): void {
    const none: TrieNode[] = [];
    for (let n = 0; n < this.lexicon.size; n++) {
      this.rootWord.push(this.root.next.get(edge(WORD, n, false)));
      const stems = this.lexicon.stems(n);
      this.rootStems.push(stems.length ? stems.flatMap((s) => this.root.next.get(edge(STEM, s, false)) ?? []) : none);
    }
  }

  /**
   * Reports every phrase that matches from each token, where its own regular
   * expression would end, in order of start. At each start a phrase is reported
   * once: a stem can end at several places (a greedy `[…]*` gives back
   * characters until the rest matches), which the walk tries longest first, as
   * the regex does, so the first end found is the regex's.
   */
  match(tokens: Tokens, classified: Classified, hit: HitSink): void {
    const { text, count, start, end, code, gap } = tokens;
    const { key, whole } = classified;
    const lexicon = this.lexicon;
    const seen = new Int32Array(this.phrases);
    let from = 0;
    let stamp = 0;

    const report = (node: TrieNode, to: number) => {
      for (const p of node.ends) {
        if (seen[p] === stamp) continue;
        seen[p] = stamp;
        hit(p, from, to);
      }
    };
    // The element after `node` tried on token k.
    const step = (node: TrieNode, k: number, joined: boolean) => {
      if (code[k] < 0) {
        if (whole[k]) {
          const child = node.next.get(edge(WORD, key[k], joined));
          if (child) arrive(child, k);
        }
        for (const s of lexicon.stems(key[k])) {
          const child = node.next.get(edge(STEM, s, joined));
          if (child) stem(child, k);
        }
        return;
      }
      const child = node.next.get(edge(PUNCT, key[k], joined));
      if (child) arrive(child, k);
      const apostrophe = isApostrophe(code[k]) ? node.next.get(edge(APOS, 0, joined)) : undefined;
      if (apostrophe) arrive(apostrophe, k);
    };
    const arrive = (node: TrieNode, k: number) => {
      report(node, end[k]);
      if (node.next.size && k + 1 < count) step(node, k + 1, gap[k + 1] !== ADJACENT);
    };
    // A stem in token k runs on through word tokens and apostrophes, touching or across hyphens
    // only: up to token runLast[k], then over any hyphens, to offset runEnd[k]. Found in one pass
    // from the end, so that a long hyphenated run costs no more than its length.
    const runsOn = (k: number) => gap[k] !== JOINED && (code[k] < 0 || isApostrophe(code[k]));
    const runLast = new Int32Array(count);
    const runEnd = new Int32Array(count);
    for (let k = count - 1; k >= 0; k--) {
      if (k + 1 < count && runsOn(k + 1)) {
        runLast[k] = runLast[k + 1];
        runEnd[k] = runEnd[k + 1];
        continue;
      }
      let to = end[k];
      while (text.charCodeAt(to) === 45) to++;
      runLast[k] = k;
      runEnd[k] = to;
    }
    const stem = (node: TrieNode, k: number) => {
      report(node, runEnd[k]);
      // A stem ends a phrase word, so what follows it is joined: try each joiner run it can give
      // back to, latest first (on a long run, this is the one cost that grows with its length).
      if (node.next.size) for (let j = Math.min(runLast[k] + 1, count - 1); j > k; j--) if (gap[j] !== ADJACENT) step(node, j, true);
    };

    const { root, rootWord, rootStems } = this;
    for (let k = 0; k < count; k++) {
      from = start[k];
      stamp = k + 1;
      if (code[k] >= 0) {
        step(root, k, false);
        continue;
      }
      const word = whole[k] ? rootWord[key[k]] : undefined;
      if (word) arrive(word, k);
      for (const child of rootStems[key[k]]) stem(child, k);
    }
  }
}
