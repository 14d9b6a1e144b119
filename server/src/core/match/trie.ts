// The phrase trie: every plain phrase of every list as a path of token elements
// (phrase-shape.ts), phrases that open alike sharing a path. One walk from each
// token finds every phrase that matches there, for all lists at once, or for one
// list only (each node knows the lists of the phrases below it).
import type { Lexicon } from './lexicon';
import { APOS, PUNCT, STEM, WORD, type Element, type Kind } from './phrase-shape';
import { ADJACENT, JOINED, type Tokens } from './tokens';

interface TrieNode {
  /** Children by edge key (see `edge`). */
  next: Map<number, TrieNode>;
  /** Phrases (numbered across all lists) that end here. */
  ends: number[];
  /** The lists of the phrases that end here or below. */
  lists: number[];
}

/** An edge: a lexicon node (WORD, STEM), a folded code point (PUNCT) or 0 (APOS), and how it joins the element before. */
const edge = (kind: Kind, id: number, joined: boolean): number => id * 8 + kind * 2 + (joined ? 1 : 0);

const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

/** What the walk does at a node: the whole token matched, a stem matched (in the token), or the next element is tried (after joiners or not). */
const ARRIVE = 0;
const IN_STEM = 1;
const STEP = 2;
const STEP_JOINED = 3;

/** Receives a hit: the phrase's number, [start, end) in the text. */
export type HitSink = (phrase: number, start: number, end: number) => void;

export class PhraseTrie {
  private readonly root: TrieNode = { next: new Map(), ends: [], lists: [] };
  /** The list of each phrase. */
  private readonly listOf: number[] = [];
  /**
   * The root's children by the lexicon node a word token reaches: the phrase
   * opening with that whole word (filled by `seal`), and those opening with a
   * stem it starts with (found on first need). Speed: every token is tried at
   * the root, and a third of a strategy's words open some phrase; arrays beat
   * Map look-ups there.
   */
  private readonly rootWord: Array<TrieNode | undefined> = [];
  private readonly rootStems: Array<TrieNode[] | undefined> = [];
  /** The punctuation (folded) that opens a phrase, and whether an apostrophe does: a token opening none is not walked. */
  private readonly rootPunct = new Set<number>();
  private rootApostrophe = false;

  constructor(private readonly lexicon: Lexicon) {}

  /** Each phrase's path, as edge keys (what `freeze` writes). */
  private readonly paths: number[][] = [];

  /** Adds a phrase of a list (lists in order: a list's phrases after those of lists before it); returns its number. */
  add(elements: readonly Element[], list: number): number {
    return this.addPath(
      elements.map((e) => edge(e.kind, e.kind === WORD || e.kind === STEM ? this.lexicon.add(e.letters, e.kind === STEM) : e.kind === PUNCT ? e.code : 0, e.joined)),
      list,
    );
  }

  /** Adds a phrase by its path (edge keys into a lexicon that has their words). */
  addPath(path: number[], list: number): number {
    const phrase = this.listOf.length;
    this.listOf.push(list);
    this.paths.push(path);
    let node = this.root;
    for (const key of path) {
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map(), ends: [], lists: [] }));
      node = child;
      if (node.lists[node.lists.length - 1] !== list) node.lists.push(list);
    }
    node.ends.push(phrase);
    return phrase;
  }

  freeze(): number[][] {
    return this.paths.map((p) => [...p]);
  }

  /** Fixes the trie once every phrase is added and the lexicon sealed. */
  seal(): void {
    for (const [key, child] of this.root.next) {
      if (key % 8 === WORD * 2) this.rootWord[(key - WORD * 2) / 8] = child;
      else if (key % 8 === PUNCT * 2) this.rootPunct.add((key - PUNCT * 2) / 8);
      else if (key % 8 === APOS * 2) this.rootApostrophe = true;
    }
  }

  /** The root's children for phrases opening with a stem that a word reaching lexicon node n starts with. */
  private stemsFrom(n: number): TrieNode[] {
    let out = this.rootStems[n];
    if (!out) {
      out = [];
      for (const s of this.lexicon.stems(n)) {
        const child = this.root.next.get(edge(STEM, s, false));
        if (child) out.push(child);
      }
      this.rootStems[n] = out;
    }
    return out;
  }

  /**
   * Reports every phrase that matches from each token, where its own regular
   * expression would end, in order of start. At each start a phrase is reported
   * once: a stem can end at several places (a greedy `[…]*` gives back
   * characters until the rest matches), which the walk tries longest first, as
   * the regex does, so the first end found is the regex's. `only`: the phrases
   * of that list alone; `once`: stop after the first start with a hit.
   */
  match(tokens: Tokens, hit: HitSink, only = -1, once = false): void {
    const { text, count, start, end, code, gap, key, whole } = tokens;
    const { lexicon, listOf } = this;
    /** The phrases reported at the current start, the first `nReported` (a few at most: a table per phrase cost more to clear than to search). */
    const reported: number[] = [];
    let nReported = 0;
    const isReported = (p: number) => {
      for (let i = 0; i < nReported; i++) if (reported[i] === p) return true;
      return false;
    };
    let from = 0;
    let found = false;

    // Whether the walk goes into a node: it leads to a phrase of the list asked for.
    const into = (node: TrieNode | undefined): node is TrieNode => node !== undefined && (only < 0 || node.lists.includes(only));
    const report = (node: TrieNode, to: number) => {
      const { ends } = node;
      for (let i = 0; i < ends.length; i++) {
        const p = ends[i];
        if ((only >= 0 && listOf[p] !== only) || isReported(p)) continue;
        reported[nReported++] = p;
        found = true;
        hit(p, from, to);
      }
    };
    // A stem in token k runs on through word tokens and apostrophes, touching or across hyphens
    // only: up to token runLast[k], then over any hyphens, to offset runEnd[k]. Found in one pass
    // from the end (when a walk first reaches a stem), so a long hyphenated run costs no more than its length.
    let runLast: Int32Array | undefined;
    let runEnd: Int32Array | undefined;
    const runs = () => {
      const last = (runLast = new Int32Array(count));
      const to = (runEnd = new Int32Array(count));
      const runsOn = (k: number) => gap[k] !== JOINED && (code[k] < 0 || isApostrophe(code[k]));
      for (let k = count - 1; k >= 0; k--) {
        if (k + 1 < count && runsOn(k + 1)) {
          last[k] = last[k + 1];
          to[k] = to[k + 1];
          continue;
        }
        let at = end[k];
        while (text.charCodeAt(at) === 45) at++;
        last[k] = k;
        to[k] = at;
      }
    };
    // The walk from one start, depth first, on an explicit stack (what to do, at which node and
    // token): the order a recursive walk would take, so the first end found for a phrase is the
    // regex's, in one loop (which V8 optimises far more cheaply than mutually recursive closures).
    const nodes: TrieNode[] = [];
    const at: number[] = [];
    const todo: number[] = [];
    let sp = 0;
    const push = (node: TrieNode, k: number, what: number) => {
      nodes[sp] = node;
      at[sp] = k;
      todo[sp++] = what;
    };

    const { root, rootWord, rootPunct } = this;
    for (let k0 = 0; k0 < count && !(once && found); k0++) {
      from = start[k0];
      nReported = 0;
      if (code[k0] >= 0) {
        if (rootPunct.has(key[k0]) || (this.rootApostrophe && isApostrophe(code[k0]))) push(root, k0, STEP);
      } else {
        if (lexicon.stems(key[k0]).length) {
          const stems = this.stemsFrom(key[k0]);
          for (let i = stems.length - 1; i >= 0; i--) if (into(stems[i])) push(stems[i], k0, IN_STEM);
        }
        const word = whole[k0] ? rootWord[key[k0]] : undefined;
        if (into(word)) push(word, k0, ARRIVE);
      }
      while (sp > 0) {
        const node = nodes[--sp];
        const k = at[sp];
        const what = todo[sp];
        if (what === ARRIVE) {
          // A whole token matched: the element after it is tried on the next token.
          report(node, end[k]);
          if (node.next.size && k + 1 < count) push(node, k + 1, gap[k + 1] !== ADJACENT ? STEP_JOINED : STEP);
        } else if (what === IN_STEM) {
          if (!runLast) runs();
          report(node, runEnd![k]);
          // A stem ends a phrase word, so what follows it is joined: each joiner run it can give
          // back to, latest first (on a long run, this is the one cost that grows with its length).
          if (node.next.size) for (let j = k + 1, last = Math.min(runLast![k] + 1, count - 1); j <= last; j++) if (gap[j] !== ADJACENT) push(node, j, STEP_JOINED);
        } else {
          // The element after `node` tried on token k: a word (or stems it starts with), or punctuation.
          const joined = what === STEP_JOINED;
          if (code[k] < 0) {
            const stems = lexicon.stems(key[k]);
            for (let i = stems.length - 1; i >= 0; i--) {
              const child = node.next.get(edge(STEM, stems[i], joined));
              if (into(child)) push(child, k, IN_STEM);
            }
            const child = whole[k] ? node.next.get(edge(WORD, key[k], joined)) : undefined;
            if (into(child)) push(child, k, ARRIVE);
          } else {
            const apostrophe = isApostrophe(code[k]) ? node.next.get(edge(APOS, 0, joined)) : undefined;
            if (into(apostrophe)) push(apostrophe, k, ARRIVE);
            const child = node.next.get(edge(PUNCT, key[k], joined));
            if (into(child)) push(child, k, ARRIVE);
          }
        }
      }
    }
  }
}
