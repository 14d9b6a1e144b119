// Parses each chunk, with the fast line-based parser where it is sure of the
// result and remark otherwise (one processor per flavour, built once), and
// memoises the trees by chunk text, so re-linting an edited document re-parses
// only the chunks that changed.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import type { ParseCache } from '../types';
import { chunkDocument, type Chunk } from './chunks';
import { capNesting } from './nesting';
import { fastParse, type FastStats, type Flavour } from './fast';

export interface ParsedChunk {
  chunk: Chunk;
  tree: Root;
}

export interface ParseOptions {
  /** Use the fast parser where it can answer (default true); false parses every chunk with remark. */
  fast?: boolean;
  /** Counts how chunks were parsed (for tests and benchmarks). */
  stats?: FastStats;
}

const processors = new Map<Flavour, Processor<Root>>();

function processor(flavour: Flavour): Processor<Root> {
  let p = processors.get(flavour);
  if (!p) {
    let proc = unified().use(remarkParse) as unknown as Processor<Root>;
    if (flavour.startsWith('fm')) proc = proc.use(remarkFrontmatter, ['yaml']) as unknown as Processor<Root>;
    if (flavour.endsWith('gfm')) proc = proc.use(remarkGfm) as unknown as Processor<Root>;
    p = proc.freeze() as unknown as Processor<Root>;
    processors.set(flavour, p);
  }
  return p;
}

/** A remark parse of a slice on its own, for the fast parser's per-block fallback. */
const parseAlone = (text: string, gfm: boolean): Root => processor(gfm ? 'gfm' : 'plain').parse(text) as Root;

export function parseChunks(src: string, cache?: ParseCache, options: ParseOptions = {}): ParsedChunk[] {
  const fast = options.fast !== false;
  return chunkDocument(capNesting(src)).map((chunk) => {
    const flavour: Flavour = chunk.frontmatter ? (chunk.gfm ? 'fm-gfm' : 'fm') : chunk.gfm ? 'gfm' : 'plain';
    const key = `${fast ? '' : 'remark\u0000'}${flavour}\u0000${chunk.text}`;
    let tree = cache?.get(key) as Root | undefined;
    if (!tree) {
      tree = (fast ? fastParse(chunk.text, flavour, parseAlone, options.stats) : undefined) ?? (processor(flavour).parse(chunk.text) as Root);
      cache?.set(key, tree);
    }
    return { chunk, tree };
  });
}
