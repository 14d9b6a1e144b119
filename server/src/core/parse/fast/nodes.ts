// The slice of mdast the fast parser builds: only what buildModel reads
// (type, offsets, value, url, depth, children). Positions carry offsets only.

export interface Pos {
  start: { offset: number };
  end: { offset: number };
}

export interface FNode {
  type: string;
  position: Pos;
  children?: FNode[];
  value?: string;
  url?: string;
  depth?: number;
}

export function node(type: string, start: number, end: number, children?: FNode[]): FNode {
  const n: FNode = { type, position: { start: { offset: start }, end: { offset: end } } };
  if (children) n.children = children;
  return n;
}

export function valueNode(type: string, start: number, end: number, value: string): FNode {
  const n = node(type, start, end);
  n.value = value;
  return n;
}

/** Thrown when the text holds something the fast path does not parse exactly like micromark. */
export const BAIL = { bail: true } as const;

export function bail(): never {
  throw BAIL;
}

/** Shifts every offset in a subtree (a slice parsed on its own). */
export function shift(n: FNode, by: number): FNode {
  if (n.position) n.position = { start: { offset: n.position.start.offset + by }, end: { offset: n.position.end.offset + by } };
  if (n.children) for (const c of n.children) shift(c, by);
  return n;
}

/** How the block parser reads a chunk (shared by blocks.ts and table.ts). */
export interface BlockOptions {
  gfm: boolean;
  frontmatter: boolean;
  /** Identifiers of the chunk's link reference definitions (found before the blocks are parsed, checked after). */
  defined: ReadonlySet<string>;
  /** Identifiers of the chunk's footnote definitions (GFM; found and checked the same way). */
  notes: ReadonlySet<string>;
  /** micromark's nodes for src.slice(start, end) parsed on its own, offsets already in src; undefined to give up. */
  reparse: (start: number, end: number) => FNode[] | undefined;
}
