// The phrase trie: every plain phrase of every list as a path of token elements
// (phrase-shape.ts), phrases that open alike sharing a path. One walk from each
// token finds every phrase that matches there, for all lists at once, or for one
// list only (each node knows the lists of the phrases below it).
import type { Lexicon } from './lexicon';
import { APOS, PUNCT, STEM, WORD, type Element, type Kind } from './phrase-shape';
import { ADJACENT, JOINED, type Tokens } from './tokens';

/** A node while phrases are added (see `seal`, which lays the trie out in typed arrays). */
interface BuildNode {
  /** Its number in the sealed trie (the root is 0). */
  id: number;
  /** Children by edge key (see `edge`). */
  next: Map<number, BuildNode>;
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

/** No node (a typed-array slot or a look-up that found none). */
const NONE = -1;

/** Receives a hit: the phrase's number, [start, end) in the text. */
export type HitSink = (phrase: number, start: number, end: number) => void;

/**
 * The sealed trie, in typed arrays: nodes are numbers, every edge is in one
 * open-addressed table keyed by (node, edge key), and each node's ends and
 * lists are runs of one flat array. Speed: the walk loads a node's children,
 * ends and lists for every token; in typed arrays they sit together, where
 * objects and a Map per node were scattered over the heap (and the walk was a
 * tenth of a lint's CPU).
 */
interface Layout {
  /** Edge table: three slots per edge (node, edge key, child); node NONE where free. Its size is a power of two. */
  table: Int32Array;
  /** The table's size minus 1, to wrap a probe. */
  mask: number;
  /** 32 less the table's size in bits: a hash's top bits pick its slot. */
  shift: number;
  /** 1 where a node has children. */
  inner: Uint8Array;
  /** A node's phrases are ends[endsFrom[n] .. endsFrom[n + 1]); its lists likewise. */
  endsFrom: Int32Array;
  ends: Int32Array;
  listsFrom: Int32Array;
  lists: Int32Array;
  /** The root's child by the lexicon node of a whole word (NONE where none). */
  rootWord: Int32Array;
}

export class PhraseTrie {
  private root?: BuildNode = { id: 0, next: new Map(), ends: [], lists: [] };
  private nodes = 1;
  private layout?: Layout;
  /** The list of each phrase. */
  private readonly listOf: number[] = [];
  /**
   * The root's children for phrases opening with a stem that a word starts
   * with, by the lexicon node the word reaches (found on first need). Made as
   * long as the lexicon by `seal`: filled at scattered nodes, an array grown
   * from empty turns into a dictionary, a hash look-up per token.
   */
  private rootStems: Array<number[] | undefined> = [];
  /** Whether an apostrophe opens a phrase (as punctuation that opens none, a token that is neither is not walked). */
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

  /** Adds a phrase by its path (edge keys into a lexicon that has their words); only before `seal`. */
  addPath(path: number[], list: number): number {
    if (!this.root) throw new Error('phrases are added before the trie is sealed');
    const phrase = this.listOf.length;
    this.listOf.push(list);
    this.paths.push(path);
    let node = this.root;
    for (const key of path) {
      const kind = (key % 8) >> 1;
      if (kind === WORD || kind === STEM) this.lexicon.markWord((key - (key % 8)) / 8);
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { id: this.nodes++, next: new Map(), ends: [], lists: [] }));
      node = child;
      if (node.lists[node.lists.length - 1] !== list) node.lists.push(list);
    }
    node.ends.push(phrase);
    return phrase;
  }

  freeze(): number[][] {
    return this.paths.map((p) => [...p]);
  }

  /** Fixes the trie once every phrase is added and the lexicon sealed: lays it out in typed arrays (see Layout). */
  seal(): void {
    const root = this.root!;
    this.root = undefined;
    const n = this.nodes;
    const all: BuildNode[] = [];
    let edges = 0;
    const gather = (node: BuildNode) => {
      all[node.id] = node;
      edges += node.next.size;
      for (const child of node.next.values()) gather(child);
    };
    gather(root);
    // Kept at most half full, so that a look-up (most find nothing) probes one or two slots.
    let shift = 28;
    while (1 << (32 - shift) < edges * 2) shift--;
    const size = 1 << (32 - shift);
    const table = new Int32Array(size * 3).fill(NONE);
    const inner = new Uint8Array(n);
    const endsFrom = new Int32Array(n + 1);
    const listsFrom = new Int32Array(n + 1);
    const ends: number[] = [];
    const lists: number[] = [];
    for (let id = 0; id < n; id++) {
      const node = all[id];
      endsFrom[id] = ends.length;
      ends.push(...node.ends);
      listsFrom[id] = lists.length;
      lists.push(...node.lists);
      inner[id] = node.next.size ? 1 : 0;
      for (const [key, child] of node.next) {
        let slot = hash(id, key, shift);
        while (table[slot * 3] !== NONE) slot = (slot + 1) & (size - 1);
        table[slot * 3] = id;
        table[slot * 3 + 1] = key;
        table[slot * 3 + 2] = child.id;
      }
    }
    endsFrom[n] = ends.length;
    listsFrom[n] = lists.length;
    const rootWord = new Int32Array(this.lexicon.size).fill(NONE);
    this.rootStems = new Array<number[] | undefined>(this.lexicon.size);
    for (const [key, child] of root.next) {
      if (key % 8 === WORD * 2) rootWord[(key - WORD * 2) / 8] = child.id;
      else if (key % 8 === APOS * 2) this.rootApostrophe = true;
    }
    this.layout = { table, mask: size - 1, shift, inner, endsFrom, ends: Int32Array.from(ends), listsFrom, lists: Int32Array.from(lists), rootWord };
  }

  /** The root's children for phrases opening with a stem that a word reaching lexicon node n starts with. */
  private stemsFrom(n: number): number[] {
    let out = this.rootStems[n];
    if (!out) {
      out = [];
      for (const s of this.lexicon.stems(n)) {
        const child = childOf(this.layout!, 0, edge(STEM, s, false));
        if (child !== NONE) out.push(child);
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
    const layout = this.layout!;
    const { inner, endsFrom, ends, listsFrom, lists, rootWord } = layout;
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
    const into = (node: number): boolean => {
      if (node === NONE) return false;
      if (only < 0) return true;
      for (let i = listsFrom[node], to = listsFrom[node + 1]; i < to; i++) if (lists[i] === only) return true;
      return false;
    };
    const report = (node: number, to: number) => {
      for (let i = endsFrom[node], last = endsFrom[node + 1]; i < last; i++) {
        const p = ends[i];
        if ((only >= 0 && listOf[p] !== only) || isReported(p)) continue;
        reported[nReported++] = p;
        found = true;
        hit(p, from, to);
      }
    };
    // A stem in token k runs on through word tokens and apostrophes, touching or across hyphens
    // only: up to token runLast, then over any hyphens, to offset runEnd. Found forward from k
    // when a stem there is reached, and kept for the tokens runFrom..runLast, which share it: a
    // walk asks again at each of them, and seldom of another run before it is done with one (so
    // a long hyphenated run costs about its length, as the pushes after a stem already do).
    let runFrom = -1;
    let runLast = -1;
    let runEnd = 0;
    const runsOn = (k: number) => gap[k] !== JOINED && (code[k] < 0 || isApostrophe(code[k]));
    const runFor = (k: number) => {
      if (k >= runFrom && k <= runLast) return;
      let last = k;
      while (last + 1 < count && runsOn(last + 1)) last++;
      let to = end[last];
      while (text.charCodeAt(to) === 45) to++;
      runFrom = k;
      runLast = last;
      runEnd = to;
    };
    // The walk from one start, depth first, on an explicit stack (what to do, at which node and
    // token): the order a recursive walk would take, so the first end found for a phrase is the
    // regex's, in one loop (which V8 optimises far more cheaply than mutually recursive closures).
    const nodes: number[] = [];
    const at: number[] = [];
    const todo: number[] = [];
    let sp = 0;
    const push = (node: number, k: number, what: number) => {
      nodes[sp] = node;
      at[sp] = k;
      todo[sp++] = what;
    };

    const { rootApostrophe } = this;
    for (let k0 = 0; k0 < count && !(once && found); k0++) {
      from = start[k0];
      nReported = 0;
      if (code[k0] >= 0) {
        if (childOf(layout, 0, edge(PUNCT, key[k0], false)) !== NONE || (rootApostrophe && isApostrophe(code[k0]))) push(0, k0, STEP);
      } else {
        const stems = this.stemsFrom(key[k0]);
        for (let i = stems.length - 1; i >= 0; i--) if (into(stems[i])) push(stems[i], k0, IN_STEM);
        if (whole[k0]) {
          const word = rootWord[key[k0]];
          if (into(word)) push(word, k0, ARRIVE);
        }
      }
      while (sp > 0) {
        const node = nodes[--sp];
        const k = at[sp];
        const what = todo[sp];
        if (what === ARRIVE) {
          // A whole token matched: the element after it is tried on the next token.
          report(node, end[k]);
          if (inner[node] && k + 1 < count) push(node, k + 1, gap[k + 1] !== ADJACENT ? STEP_JOINED : STEP);
        } else if (what === IN_STEM) {
          runFor(k);
          report(node, runEnd);
          // A stem ends a phrase word, so what follows it is joined: each joiner run it can give
          // back to, latest first (on a long run, this is the one cost that grows with its length).
          if (inner[node]) for (let j = k + 1, last = Math.min(runLast + 1, count - 1); j <= last; j++) if (gap[j] !== ADJACENT) push(node, j, STEP_JOINED);
        } else {
          // The element after `node` tried on token k: a word (or stems it starts with), or punctuation.
          const joined = what === STEP_JOINED;
          if (code[k] < 0) {
            const stems = lexicon.stems(key[k]);
            for (let i = stems.length - 1; i >= 0; i--) {
              const child = childOf(layout, node, edge(STEM, stems[i], joined));
              if (into(child)) push(child, k, IN_STEM);
            }
            if (whole[k]) {
              const child = childOf(layout, node, edge(WORD, key[k], joined));
              if (into(child)) push(child, k, ARRIVE);
            }
          } else {
            if (isApostrophe(code[k])) {
              const apostrophe = childOf(layout, node, edge(APOS, 0, joined));
              if (into(apostrophe)) push(apostrophe, k, ARRIVE);
            }
            const child = childOf(layout, node, edge(PUNCT, key[k], joined));
            if (into(child)) push(child, k, ARRIVE);
          }
        }
      }
    }
  }
}

/** The edge table's slot for (node, edge key), before probing: the top bits of a multiplicative hash of both. */
const hash = (node: number, key: number, shift: number): number => (Math.imul(node ^ Math.imul(key, 0x85ebca6b), 0x9e3779b1) >>> shift);

/** A node's child by edge key, or NONE. */
function childOf(layout: Layout, node: number, key: number): number {
  const { table, mask } = layout;
  for (let slot = hash(node, key, layout.shift); ; slot = (slot + 1) & mask) {
    const owner = table[slot * 3];
    if (owner === NONE) return NONE;
    if (owner === node && table[slot * 3 + 1] === key) return table[slot * 3 + 2];
  }
}
