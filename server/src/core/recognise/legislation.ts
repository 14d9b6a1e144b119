// Finds citations of the Acts in the policy's legislation catalogue. Aliases of
// all Acts compete, longest first, so "Equality Act 2006" is not read as a bare
// "Equality Act" (the leftmost citation wins, then the longest alias there).
import type { DocModel } from '../model/types';
import type { ActDef, Policy } from '../policy/types';
import { PhraseHitFinder, leftmostHits } from '../policy/phrase-hits';
import { modelHits } from './hits';

export interface Citation {
  act: ActDef;
  start: number;
  end: number;
  text: string;
}

const compiled = new WeakMap<Policy, { finder: PhraseHitFinder; acts: ActDef[] }>();

function matcher(policy: Policy): { finder: PhraseHitFinder; acts: ActDef[] } {
  let m = compiled.get(policy);
  if (!m) {
    const entries = policy.legislation.flatMap((act) => act.aliasList.map((alias) => ({ act, alias })));
    entries.sort((a, b) => b.alias.length - a.alias.length);
    m = { finder: new PhraseHitFinder(entries.map((e) => e.alias)), acts: entries.map((e) => e.act) };
    compiled.set(policy, m);
  }
  return m;
}

export function findCitations(model: DocModel, policy: Policy): Citation[] {
  const { finder, acts } = matcher(policy);
  return leftmostHits(modelHits(model, finder)).map((h) => ({ act: acts[h.phrase], start: h.start, end: h.end, text: model.masked.slice(h.start, h.end) }));
}
