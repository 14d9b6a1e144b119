// An EqIA table rated in colours or symbols, with a key above it that says what
// each rating means ("RAG key: Green = positive impact; Amber = neutral / no
// differential impact; Red = negative impact, mitigation required; Grey = not yet
// rated"): a cell holding only a rating ("🟢 Green") determines an impact when
// the key defines it as one. The key is the nearest one above the table, so a
// second table rated on other terms ("Green = over 90% recorded") reads its own;
// where none stands above, one just below it ("Key to scores: +2 significant
// positive impact; +1 positive impact; 0 neutral; ? not yet assessed"). Scores
// and signs are ratings as words are.
import type { Block, DocModel } from '../model/types';
import type { Policy } from '../policy/types';

/** A rating word's meaning under a key: true where it states an impact. */
export type RatingKey = ReadonlyMap<string, boolean>;

/** "Green = positive impact", "**Amber**: neutral", "Red – negative impact". */
// (The meaning is looked ahead at, not taken: "RAG key: Green = …" holds the entry for Green after "key:".)
const ENTRY = String.raw`(?:^|[;,.(\n]|\s)[*_ ]*([\p{L}]{2,12})[*_ ]*\s*(?:=|:|–|—|-)(?=\s*([^;\n]{3,80}))`;
/** "+2 significant positive impact", "0 = neutral", "? impact not yet assessed": a score or sign, then its meaning. */
const SCORE_ENTRY = String.raw`(?:^|[;,(\n]|\s)(${String.raw`[+−–-]?\d|[+−–-]|\?`})(?=\s*(?:=|:)?\s+(\p{L}[^;\n]{2,80}))`;

/** A cell that is only a score or sign. */
const SCORE = /^\s*(?:[+−–-]?\d|[+−–-]|\?)\s*$/;

/** How many blocks above a table a key may stand (its lead-in sentence between them). */
const KEY_REACH = 3;

/** The rating key of a paragraph, if it defines two ratings or more. */
export function readKey(policy: Policy, text: string): RatingKey | undefined {
  const key = new Map<string, boolean>();
  for (const entry of [ENTRY, SCORE_ENTRY]) {
    for (const m of text.matchAll(new RegExp(entry, 'gu'))) {
      const meaning = m[2];
      const states = (policy.eqia.impact.test(meaning) || policy.eqia.verdicts.test(meaning)) && !policy.eqia.unassessed.test(meaning);
      const rating = entry === SCORE_ENTRY ? score(m[1]) : m[1].toLowerCase();
      key.set(rating, (key.get(rating) ?? false) || states);
    }
  }
  return key.size >= 2 ? key : undefined;
}

/** A score or sign as a key's entry: minus signs and dashes as one, "+" kept ("+1" and "1" alike). */
function score(text: string): string {
  return text.trim().replace(/^[−–-]/, '-').replace(/^\+(?=\d)/, '');
}

/** The key nearest above blocks[i] (a table), or else just below it, within a few blocks and not past another table. */
export function keyBefore(model: DocModel, policy: Policy, blocks: Block[], i: number): RatingKey | undefined {
  return keyWithin(model, policy, blocks, i, -1) ?? keyWithin(model, policy, blocks, i, 1);
}

function keyWithin(model: DocModel, policy: Policy, blocks: Block[], i: number, step: -1 | 1): RatingKey | undefined {
  for (let k = i + step; k >= 0 && k < blocks.length && Math.abs(k - i) <= KEY_REACH; k += step) {
    const b = blocks[k];
    if (b.kind === 'table' || b.kind === 'heading') return undefined;
    if (b.kind !== 'paragraph' && b.kind !== 'list') continue;
    const key = readKey(policy, model.masked.slice(b.start, b.end));
    if (key) return key;
  }
  return undefined;
}

/** Whether a cell that is only a rating ("🟢 Green", "Amber") states an impact under the key; undefined if it is no rating. */
export function ratedImpact(key: RatingKey | undefined, cell: string): boolean | undefined {
  if (!key) return undefined;
  if (SCORE.test(cell)) return key.get(score(cell));
  const word = cell.replace(/[^\p{L}\s]/gu, ' ').trim().toLowerCase();
  return /^\p{L}+$/u.test(word) ? key.get(word) : undefined;
}
