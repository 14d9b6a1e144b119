// Finds citations of the Acts in the policy's legislation catalogue. Aliases of
// all Acts compete in one pass, longest first, so "Equality Act 2006" is not
// read as a bare "Equality Act".
import type { DocModel } from '../model/types';
import type { ActDef, Policy } from '../policy/types';
import { DualRegExp, phraseAlternation } from '../policy/phrases';

export interface Citation {
  act: ActDef;
  start: number;
  end: number;
  text: string;
}

const compiled = new WeakMap<Policy, { re: DualRegExp; acts: ActDef[] }>();

function matcher(policy: Policy): { re: DualRegExp; acts: ActDef[] } {
  let m = compiled.get(policy);
  if (!m) {
    const entries = policy.legislation.flatMap((act) => act.aliasList.map((alias) => ({ act, alias })));
    entries.sort((a, b) => b.alias.length - a.alias.length);
    const re = new DualRegExp((latin) => phraseAlternation(entries.map((e) => e.alias), latin, true), 'giu');
    m = { re, acts: entries.map((e) => e.act) };
    compiled.set(policy, m);
  }
  return m;
}

export function findCitations(model: DocModel, policy: Policy): Citation[] {
  const { re: pattern, acts } = matcher(policy);
  const re = pattern.for(model.masked);
  const out: Citation[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(model.masked))) {
    if (!m[0]) {
      re.lastIndex++;
      continue;
    }
    const idx = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    out.push({ act: acts[idx], start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}
