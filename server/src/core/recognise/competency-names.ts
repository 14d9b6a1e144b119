// Matches the text written after a competency number ("Prioritise investment",
// "Sound fin. investments", "Engage public & patients") against the policy's
// competency names, allowing recognisable abbreviations.
import type { CompetencyDef } from '../policy/types';

const STOP: ReadonlySet<string> = new Set(['the', 'with', 'and', 'of', 'a', 'an', 'to', 'in', 'for', 'on']);

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** How many leading candidate words abbreviate the name's words in order (0 when they do not). */
function abbreviates(candidate: string[], name: string[]): number {
  const content = name.filter((w) => !STOP.has(w));
  let n = 0;
  let matched = 0;
  for (const c of candidate) {
    if (STOP.has(c)) continue;
    while (n < content.length && !(content[n].startsWith(c) && (c.length >= 3 || c === content[n]))) n++;
    if (n >= content.length) break;
    matched++;
    n++;
  }
  const needed = Math.min(content.length, Math.max(2, Math.ceil(content.length * 0.6)));
  return matched >= needed ? matched : 0;
}

/** The competency a written name refers to, if it clearly refers to one. */
export function competencyForName(text: string, competencies: CompetencyDef[]): CompetencyDef | undefined {
  const cand = tokens(text).slice(0, 8);
  if (!cand.length) return undefined;
  let best: { c: CompetencyDef; score: number } | undefined;
  for (const c of competencies) {
    for (const name of c.names) {
      const score = abbreviates(cand, tokens(name));
      if (score && (!best || score > best.score)) best = { c, score };
    }
  }
  return best?.c;
}
