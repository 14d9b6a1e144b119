// Finds where equality groups are named in prose, leaving out near-misses
// ("race to the bottom", "Age UK", "maternity cover") defined by the policy.
import type { GroupDef } from '../policy/types';

export interface Mention {
  group: GroupDef;
  start: number;
  end: number;
  /** Named only inside another group's strand, e.g. "(including transgender people)". */
  subsumed: boolean;
}

const SUBSUMED_BEFORE = /(\(\s*(including|incl\.?|inc\.?)?|\bincluding|\bincl\.?)\s*$/i;

/** Mentions of groups in text[from, to), offsets relative to text. */
export function findMentions(groups: GroupDef[], text: string, from = 0, to = text.length): Mention[] {
  const slice = text.slice(from, to);
  const out: Mention[] = [];
  for (const group of groups) {
    const misses = group.nearMisses ? group.nearMisses.spans(slice) : [];
    for (const [s, e] of group.synonyms.spans(slice)) {
      if (misses.some(([ms, me]) => s < me && e > ms)) continue;
      out.push({ group, start: from + s, end: from + e, subsumed: false });
    }
  }
  out.sort((a, b) => a.start - b.start);
  // A mention following another group's within "(including …)" belongs to that strand.
  for (let i = 1; i < out.length; i++) {
    const prev = out.slice(0, i).reverse().find((m) => m.group !== out[i].group);
    if (!prev) continue;
    const between = text.slice(prev.end, out[i].start);
    if (between.length < 60 && SUBSUMED_BEFORE.test(between)) out[i].subsumed = true;
  }
  return out;
}
