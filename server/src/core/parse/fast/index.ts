// The fast path of the parse: a line-based parser for the Markdown strategies
// are written in, giving the same mdast (as far as buildModel reads it) as
// remark-parse would. It answers undefined for a chunk holding anything it is not
// sure to parse exactly like micromark; the caller then runs remark on it.
import type { Root } from 'mdast';
import { parseBlocks } from './blocks';
import { BAIL, shift, type FNode } from './nodes';

export type Flavour = 'plain' | 'gfm' | 'fm' | 'fm-gfm';

/** Parses a text with remark in the given flavour (the fallback for one block). */
export type RemarkParse = (text: string, gfm: boolean) => Root;

export interface FastStats {
  /** Chunks the fast path answered. */
  fast: number;
  /** Chunks left to remark. */
  fallback: number;
  /** Blocks inside answered chunks that remark parsed on their own. */
  reparsed: number;
}

/** Definitions (and GFM footnote definitions) change how every bracket parses: not ours. */
const DEFINITION = /\]:/;

export function fastParse(text: string, flavour: Flavour, remark: RemarkParse, stats?: FastStats): Root | undefined {
  const gfm = flavour === 'gfm' || flavour === 'fm-gfm';
  if (DEFINITION.test(text) || text.includes('\0')) {
    if (stats) stats.fallback++;
    return undefined;
  }
  let reparsed = 0;
  const reparse = (start: number, end: number): FNode[] | undefined => {
    reparsed++;
    const tree = remark(text.slice(start, end), gfm) as unknown as FNode;
    return tree.children?.map((c) => shift(c, start));
  };
  try {
    const children = parseBlocks(text, { gfm, frontmatter: flavour === 'fm' || flavour === 'fm-gfm', reparse });
    if (stats) {
      stats.fast++;
      stats.reparsed += reparsed;
    }
    return { type: 'root', children, position: { start: { offset: 0 }, end: { offset: text.length } } } as unknown as Root;
  } catch (err) {
    if (err !== BAIL) throw err;
    if (stats) stats.fallback++;
    return undefined;
  }
}
