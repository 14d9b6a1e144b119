// Every word and stem prefix of every phrase, as a character trie over folded
// code points. Walking a word token down it once tells the phrase trie all it
// needs about the word: which phrase word it is (if it ends on one) and which
// stems it starts with (the stem prefixes on its path), so the token itself is
// never copied or folded into a string.
import { ASCII_SLOTS as SLOTS, asciiSlot as slot, isAsciiWord } from './chars';

/** Where a walk stopped: the node reached and the offset after the last character taken. */
export interface WalkEnd {
  node: number;
  pos: number;
}

/** A lexicon as data (see PhraseMatcher's `frozen`): each node's parent and the folded code point into it, and the stem nodes. */
export interface FrozenLexicon {
  parent: number[];
  code: number[];
  stems: number[];
}

export class Lexicon {
  /** Each node's parent (node 0, the empty prefix, has none) and the folded code point into it; a child is numbered after its parent. */
  private readonly parent: number[] = [-1];
  private readonly code: number[] = [-1];
  private readonly isStem: boolean[] = [false];
  /**
   * Edges by a folded ASCII letter, digit or "_": SLOTS a node, -1 where there
   * is none. Speed: a walk takes a few edges per word of a text, nearly all
   * ASCII, and a typed array is several times quicker than a Map there. Made
   * 16-bit by `seal` where the nodes fit (a built-in pack has ~3,400): the
   * tokeniser reads it at every letter, and half the table stays in cache
   * (the tokeniser's share of a rich lint 10.6% -> 8.7%).
   */
  ascii: Int32Array | Int16Array = new Int32Array(SLOTS * 256).fill(-1);
  /** Other edges, by node * 0x110000 + folded code point. */
  private readonly other = new Map<number, number>();
  /** The node of each word added. */
  private readonly words = new Map<string, number>();
  /** Nodes that end a phrase's word or stem (marked by the phrase trie as it adds each path). */
  private readonly wordEnds = new Set<number>();
  /** For each node, the stem prefixes on its path from the root (itself included, longest first), filled on first need after `seal`. */
  private stemsOn: Array<number[] | undefined> = [[]];

  /** The node for a word (or a stem prefix), folded, added if new; only before `seal`. */
  add(letters: string, stem: boolean): number {
    // Speed: most words recur across a pack's phrases (700 distinct in 1,900), and a cold start reads them all.
    let node = this.words.get(letters);
    if (node === undefined) this.words.set(letters, (node = this.insert(letters)));
    if (stem) this.isStem[node] = true;
    return node;
  }

  private insert(letters: string): number {
    let node = 0;
    for (let i = 0; i < letters.length; ) {
      const c = letters.codePointAt(i)!;
      i += c > 0xffff ? 2 : 1;
      let next = this.child(node, c);
      if (next < 0) next = this.node(node, c, false);
      node = next;
    }
    return node;
  }

  /** A new node under `parent` by folded code point c. */
  private node(parent: number, c: number, stem: boolean): number {
    const next = this.parent.length;
    this.parent.push(parent);
    this.code.push(c);
    this.isStem.push(stem);
    if (c >= 128) this.other.set(parent * 0x110000 + c, next);
    else {
      // Only before `seal`, while the table is 32-bit.
      if (this.ascii.length < (next + 1) * SLOTS) this.ascii = grown(this.ascii as Int32Array);
      this.ascii[parent * SLOTS + slot(c)] = next;
    }
    return next;
  }

  freeze(): FrozenLexicon {
    return { parent: [...this.parent], code: [...this.code], stems: this.isStem.flatMap((s, node) => (s ? [node] : [])) };
  }

  /** The lexicon a `freeze` wrote (no per-character work: nodes come in order, each after its parent); not yet sealed. */
  static thaw(data: FrozenLexicon): Lexicon {
    const lexicon = new Lexicon();
    const stems = new Set(data.stems);
    lexicon.ascii = new Int32Array(SLOTS * data.parent.length).fill(-1);
    for (let node = 1; node < data.parent.length; node++) lexicon.node(data.parent[node], data.code[node], stems.has(node));
    return lexicon;
  }

  /**
   * Fixes the lexicon once every phrase is added. Each node's stems are listed on
   * first need (a one-file run asks for a few hundred of ~3,300 nodes: ~1 ms of a
   * cold start to list them all).
   */
  seal(): void {
    this.stemsOn = new Array<number[] | undefined>(this.parent.length);
    this.stemsOn[0] = [];
    if (this.parent.length <= 0x7fff) this.ascii = Int16Array.from(this.ascii.subarray(0, this.parent.length * SLOTS));
  }

  /** Marks a node as ending a phrase's word or stem. */
  markWord(node: number): void {
    this.wordEnds.add(node);
  }

  /** Whether a node ends a phrase's word or stem (a regex entry's lead alone does not). */
  isWord(node: number): boolean {
    return this.wordEnds.has(node);
  }

  /** How many nodes there are (numbered from 0). */
  get size(): number {
    return this.parent.length;
  }

  /** The stem prefixes a word token that reached `node` starts with, longest first. */
  stems(node: number): readonly number[] {
    return this.stemsOn[node] ?? this.listStems(node);
  }

  private listStems(node: number): number[] {
    const above = this.stems(this.parent[node]);
    return (this.stemsOn[node] = this.isStem[node] ? [node, ...above] : (above as number[]));
  }

  /** A node's child by a folded word character, or -1. */
  child(node: number, c: number): number {
    return c < 128 ? this.ascii[node * SLOTS + slot(c)] : (this.other.get(node * 0x110000 + c) ?? -1);
  }

  /** Walks the word characters from `from` (up to `to`) as far as the lexicon goes; sets `at` (no allocation). */
  walk(text: string, from: number, to: number, fold: (c: number) => number, at: WalkEnd): void {
    let node = 0;
    let i = from;
    while (i < to) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00) c = text.codePointAt(i)!;
      // ASCII inline (the lexicon holds word characters only, so any other character ends the walk).
      const next = c >= 128 ? this.child(node, fold(c)) : isAsciiWord(c) ? this.ascii[node * SLOTS + slot(c)] : -1;
      if (next < 0) break;
      node = next;
      i += c > 0xffff ? 2 : 1;
    }
    at.node = node;
    at.pos = i;
  }
}

/** A copy of the table with twice the room, the new room empty. */
function grown(table: Int32Array): Int32Array {
  const out = new Int32Array(table.length * 2).fill(-1);
  out.set(table);
  return out;
}
