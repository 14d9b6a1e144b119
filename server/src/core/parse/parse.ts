// Parses each chunk, with the fast line-based parser where it is sure of the
// result and remark's parser otherwise (its extensions chosen per flavour), and
// memoises the trees by chunk text, so re-linting an edited document re-parses
// only the chunks that changed.
import { fromMarkdown, type Extension as TreeExtension } from 'mdast-util-from-markdown';
import type { Extension as SyntaxExtension } from 'micromark-util-types';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import type { Root } from 'mdast';
import type { ParseCache } from '../types';
import { chunkDocument, type Chunk } from './chunks';
import { capNesting } from './nesting';
import { fastParse, type FastStats, type Flavour } from './fast';
import { node, shift, type FNode } from './fast/nodes';
import { pieces } from './pieces';
import { defuseEmphasis } from './defuse';

export interface ParsedChunk {
  chunk: Chunk;
  tree: Root;
  /**
   * What the parse cache keeps with the tree: the model builder puts the chunk's
   * part of the model here, so an unchanged chunk of an edited document brings
   * its part back with its tree (see model/build.ts).
   */
  kept: { tree: Root; part?: unknown };
}

export interface ParseOptions {
  /** Use the fast parser where it can answer (default true); false parses every chunk with remark. */
  fast?: boolean;
  /** Counts how chunks were parsed (for tests and benchmarks). */
  stats?: FastStats;
}

/**
 * remark's parser for a flavour: remark-parse is mdast-util-from-markdown given the syntax and tree
 * extensions of the plugins in use, here remark-frontmatter's and remark-gfm's reading halves
 * without their Markdown writers (a lint only reads). Called directly, the same trees, without
 * unified's processor around it (about 8 KB of the browser bundle).
 */
interface Parser {
  parse(text: string): Root;
}
function remarkParser(flavour: Flavour): Parser {
  const extensions: SyntaxExtension[] = [];
  const mdastExtensions: Array<TreeExtension | TreeExtension[]> = [];
  if (flavour.startsWith('fm')) {
    extensions.push(frontmatter(['yaml']));
    mdastExtensions.push(frontmatterFromMarkdown(['yaml']));
  }
  if (flavour.endsWith('gfm')) {
    extensions.push(gfm());
    mdastExtensions.push(gfmFromMarkdown());
  }
  return { parse: (text) => fromMarkdown(text, { extensions, mdastExtensions }) };
}

/**
 * Text up to this long goes to remark whole unless it holds a run micromark reads in
 * quadratic time: a piece may end only at a line break (text with no blank line, as
 * docx2txt writes a whole document), which splits a paragraph the whole text reads as one.
 */
const WHOLE_CHARS = 32 * 1024;
/** How many "[" make a run of brackets micromark matches in quadratic time. */
const BRACKETS = 256;

/** Whether text holds quote lines (lazy lines under a quote) or a run of brackets (emphasis is defused: defuse.ts). */
function quadraticRisk(text: string): boolean {
  if (/^[ \t]{0,3}>/m.test(text)) return true;
  let brackets = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x5b && ++brackets > BRACKETS) return true;
  return false;
}

/**
 * remark over text, in pieces when it is long (see pieces.ts: micromark's cost
 * grows with the square of some runs); only the first piece may hold front matter.
 * Definitions are the chunk's, not a piece's: each piece is parsed again with
 * those of the other pieces after it, as the fast parser's per-block reparse
 * does, so a reference finds its definition wherever it stands.
 */
function remarkInPieces(text: string, flavour: Flavour): Root {
  const parts = text.length <= WHOLE_CHARS && !quadraticRisk(text) ? [[0, text.length] as [number, number]] : pieces(text);
  if (parts.length === 1) return remarkParser(flavour).parse(defuseEmphasis(text));
  const rest: Flavour = flavour === 'fm-gfm' ? 'gfm' : flavour === 'fm' ? 'plain' : flavour;
  const parse = (i: number, tail = '') => remarkParser(i === 0 ? flavour : rest).parse(defuseEmphasis(text.slice(parts[i][0], parts[i][1])) + tail) as unknown as FNode;
  const trees = parts.map((_, i) => parse(i));
  const defs = trees.map(definitionsOf);
  const children: FNode[] = [];
  // micromark does not count a byte-order mark in its offsets: the pieces after the first are placed as it would.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  trees.forEach((tree, i) => {
    const others = defs.filter((_, j) => j !== i).flat();
    const kids = (others.length && withDefinitions(parse(i, `\n\n${others.join('\n')}`), parts[i][1] - parts[i][0], others.length)) || tree.children || [];
    kids.forEach((c, k) => {
      const last = children[children.length - 1];
      shift(c, i ? parts[i][0] - bom : 0);
      if (k === 0 && last && continuesList(text, bom, last, c)) joinLists(text, bom, last, c);
      else children.push(c);
    });
  });
  return node('root', 0, text.length - bom, children) as unknown as Root;
}

/**
 * Whether `next`, the first node of a piece, is more items of `last`, the list the
 * piece before ended with: a piece may start with a numbered item after a blank
 * line ("3.<tab>Who needs support", a Word plain-text export's sections), which
 * the whole text reads as the same list when its delimiter is the same.
 */
function continuesList(text: string, bom: number, last: FNode, next: FNode): boolean {
  const ordered = (n: FNode) => n.type === 'list' && (n as { ordered?: boolean }).ordered === true;
  if (!ordered(last) || !ordered(next)) return false;
  const at = (n: FNode) => n.position.start.offset + bom;
  const delimiter = (n: FNode) => /^\d{1,9}([.)])/.exec(text.slice(at(n), at(n) + 10))?.[1];
  return delimiter(last) !== undefined && delimiter(last) === delimiter(next);
}

/** `next`'s items appended to `last`; a blank line between the two parts makes the list loose. */
function joinLists(text: string, bom: number, last: FNode, next: FNode): void {
  const gap = text.slice(last.position.end.offset + bom, next.position.start.offset + bom);
  const spread = (n: FNode) => (n as { spread?: boolean }).spread === true;
  (last as { spread?: boolean }).spread = spread(last) || spread(next) || /\n[ \t]*\r?\n/.test(gap);
  last.children = [...(last.children ?? []), ...(next.children ?? [])];
  last.position = { start: last.position.start, end: next.position.end };
}

/**
 * A tree's definitions (link and footnote, at any depth), written again as one
 * line each (joined by blank lines: a link definition cannot interrupt a
 * footnote definition's paragraph).
 */
function definitionsOf(tree: FNode): string[] {
  const out: string[] = [];
  const walk = (n: FNode) => {
    const label = (n as { label?: string }).label;
    if (n.type === 'definition' && label !== undefined) out.push(`[${label}]: x\n`);
    else if (n.type === 'footnoteDefinition' && label !== undefined) out.push(`[^${label}]: x\n`);
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return out;
}

/**
 * The piece's own nodes from a parse of the piece followed by `count` added
 * definitions; undefined when the additions did more than add themselves (an
 * open fence took them in, say): the piece then keeps its parse alone.
 */
function withDefinitions(tree: FNode, length: number, count: number): FNode[] | undefined {
  const kids = tree.children ?? [];
  const own = kids.filter((c) => c.position.start.offset < length);
  const added = kids.slice(own.length);
  const isDef = (c: FNode) => c.type === 'definition' || c.type === 'footnoteDefinition';
  if (added.length !== count || !added.every(isDef) || own.some((c) => c.position.end.offset > length)) return undefined;
  return own;
}

/** A remark parse of a slice on its own, for the fast parser's per-block fallback. */
const parseAlone = (text: string, gfm: boolean): Root => remarkInPieces(text, gfm ? 'gfm' : 'plain');

export function parseChunks(src: string, cache?: ParseCache, options: ParseOptions = {}): ParsedChunk[] {
  const fast = options.fast !== false;
  return chunkDocument(capNesting(src)).map((chunk) => {
    const flavour: Flavour = chunk.frontmatter ? (chunk.gfm ? 'fm-gfm' : 'fm') : chunk.gfm ? 'gfm' : 'plain';
    const key = `${fast ? '' : 'remark\u0000'}${flavour}\u0000${chunk.text}`;
    let kept = cache?.get(key) as ParsedChunk['kept'] | undefined;
    if (!kept) {
      // `fast: false` is the reference the tests hold the fast path to: remark, whole.
      const tree = fast ? (fastParse(chunk.text, flavour, parseAlone, options.stats) ?? remarkInPieces(chunk.text, flavour)) : remarkParser(flavour).parse(chunk.text);
      kept = { tree };
      cache?.set(key, kept);
    }
    return { chunk, tree: kept.tree, kept };
  });
}
