// The fast path of the parse: a line-based parser for the Markdown strategies
// are written in, giving the same mdast (as far as buildModel reads it) as
// remark-parse would. It answers undefined for a chunk holding anything it is not
// sure to parse exactly like micromark; the caller then runs remark on it.
import type { Root } from 'mdast';
import { parseBlocks } from './blocks';
import { normalizeIdentifier } from './inline';
import { definitionLine } from './lines';
import { BAIL, shift, type FNode } from './nodes';
import { footnoteLabel } from './gfm-notes';

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

/**
 * Lines that may be link reference definitions. Every reference in the chunk
 * depends on all of them (micromark collects definitions before it parses any
 * inline content), so they are found first; the block parser then checks that
 * the definitions it meets are exactly these, or gives up.
 */
const DEFINITION_LINE = /^ {0,3}\[([^\[\]\\\r\n]+)\]:/m;

export function fastParse(text: string, flavour: Flavour, remark: RemarkParse, stats?: FastStats): Root | undefined {
  const gfm = flavour === 'gfm' || flavour === 'fm-gfm';
  const found = text.includes(']:') ? definitionLabels(text, gfm) : { labels: new Map<string, string>(), notes: new Map<string, string>() };
  // A byte-order mark, which micromark leaves out of its offsets: such a chunk (a document's first) goes to remark.
  if (!found || text.includes('\0') || text.charCodeAt(0) === 0xfeff) {
    if (stats) stats.fallback++;
    return undefined;
  }
  const { labels, notes } = found;
  // A block parsed on its own sees the chunk's definitions too: they follow it,
  // after a blank line (and one between each: a link definition cannot
  // interrupt a footnote's paragraph), and are dropped from the answer.
  const defs = [...[...labels.values()].map((l) => `[${l}]: x\n`), ...[...notes.values()].map((l) => `[^${l}]: x\n`)].join('\n');
  const count = labels.size + notes.size;
  let reparsed = 0;
  const reparse = (start: number, end: number): FNode[] | undefined => {
    reparsed++;
    const slice = text.slice(start, end);
    const tree = remark(defs ? `${slice}\n\n${defs}` : slice, gfm) as unknown as FNode;
    let kids = tree.children ?? [];
    if (defs) {
      const own = kids.filter((c) => c.position.start.offset < slice.length);
      const added = kids.slice(own.length);
      const isDef = (c: FNode) => c.type === 'definition' || c.type === 'footnoteDefinition';
      if (added.length !== count || !added.every(isDef) || own.some((c) => c.position.end.offset > slice.length || isDef(c))) return undefined;
      kids = own;
    }
    return kids.map((c) => shift(c, start));
  };
  try {
    const children = parseBlocks(text, { gfm, frontmatter: flavour === 'fm' || flavour === 'fm-gfm', defined: new Set(labels.keys()), notes: new Set(notes.keys()), reparse });
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

/**
 * Identifier → label (the first written) of every line that is a definition
 * wherever it stands, link definitions and (in GFM) footnote definitions
 * apart; undefined when one might be in a form not handled.
 */
function definitionLabels(text: string, gfm: boolean): { labels: Map<string, string>; notes: Map<string, string> } | undefined {
  const labels = new Map<string, string>();
  const notes = new Map<string, string>();
  for (const m of text.matchAll(new RegExp(DEFINITION_LINE, 'gm'))) {
    const from = m.index + m[0].indexOf('[');
    if (gfm && m[1].startsWith('^')) {
      // `[^label]:` is a footnote definition in GFM, a container of its own.
      const note = footnoteLabel(text, from, from + m[1].length + 2);
      if (!note) return undefined;
      const id = normalizeIdentifier(note.label);
      if (!notes.has(id)) notes.set(id, note.label);
      continue;
    }
    if (gfm && m[1].includes('^')) return undefined;
    let to = from;
    while (to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
    const label = definitionLine(text.slice(from, to));
    if (label === undefined) return undefined;
    if (label === 'not') continue;
    const id = normalizeIdentifier(label);
    if (!labels.has(id)) labels.set(id, label);
  }
  return { labels, notes };
}
