// Finds citations of the Acts in the policy's legislation catalogue. Aliases of
// all Acts compete, longest first, so "Equality Act 2006" is not read as a bare
// "Equality Act" (the leftmost citation wins, then the longest alias there).
import type { ActDef } from '../policy/types';
import type { DocState } from './doc-state';
import { leftmostFirst } from '../match';
import { lastAtOrBefore } from '../sorted';

export interface Citation {
  act: ActDef;
  start: number;
  end: number;
  text: string;
}

export function findCitations(doc: DocState): Citation[] {
  const { list, acts } = doc.policy.derived.acts;
  const blocks = doc.model.blocks;
  // Hits across blocks go before the leftmost are chosen, so "Mental Health Act" alone still counts there.
  return leftmostFirst(doc.hits(list).filter((h) => withinOneBlock(blocks, h.start, h.end)))
    .map((h) => ({ act: acts[h.phrase], start: h.start, end: h.end, text: doc.model.masked.slice(h.start, h.end) }));
}

/** A citation never spans blocks: a title ending one paragraph and a year opening the next are two things. */
function withinOneBlock(blocks: DocState['model']['blocks'], start: number, end: number): boolean {
  const b = blocks[lastAtOrBefore(blocks.length, (i) => blocks[i].start, start)];
  // Text outside every block (none in practice) is not held back.
  return !b || start >= b.end || end <= b.end;
}
