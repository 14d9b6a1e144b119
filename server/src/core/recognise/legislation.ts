// Finds citations of the Acts in the policy's legislation catalogue. Aliases of
// all Acts compete, longest first, so "Equality Act 2006" is not read as a bare
// "Equality Act" (the leftmost citation wins, then the longest alias there).
import type { ActDef } from '../policy/types';
import { leftmostHits } from '../policy/phrase-hits';
import type { DocState } from './doc-state';

export interface Citation {
  act: ActDef;
  start: number;
  end: number;
  text: string;
}

export function findCitations(doc: DocState): Citation[] {
  const { finder, acts } = doc.policy.derived.acts;
  return leftmostHits(doc.hits(finder)).map((h) => ({ act: acts[h.phrase], start: h.start, end: h.end, text: doc.model.masked.slice(h.start, h.end) }));
}
