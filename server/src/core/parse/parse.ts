// Runs remark over each chunk (one processor per flavour, built once) and
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

export interface ParsedChunk {
  chunk: Chunk;
  tree: Root;
}

type Flavour = 'plain' | 'gfm' | 'fm' | 'fm-gfm';
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

export function parseChunks(src: string, cache?: ParseCache): ParsedChunk[] {
  return chunkDocument(capNesting(src)).map((chunk) => {
    const flavour: Flavour = chunk.frontmatter ? (chunk.gfm ? 'fm-gfm' : 'fm') : chunk.gfm ? 'gfm' : 'plain';
    const key = `${flavour}\u0000${chunk.text}`;
    let tree = cache?.get(key) as Root | undefined;
    if (!tree) {
      tree = processor(flavour).parse(chunk.text) as Root;
      cache?.set(key, tree);
    }
    return { chunk, tree };
  });
}
