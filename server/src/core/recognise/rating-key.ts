// An EqIA table rated in colours or symbols, with a key above it that says what
// each rating means ("RAG key: Green = positive impact; Amber = neutral / no
// differential impact; Red = negative impact, mitigation required; Grey = not yet
// rated"): a cell holding only a rating ("🟢 Green") determines an impact when
// the key defines it as one. The key is the nearest one above the table, so a
// second table rated on other terms ("Green = over 90% recorded") reads its own.
import type { Block, DocModel } from '../model/types';
import type { Policy } from '../policy/types';

/** A rating word's meaning under a key: true where it states an impact. */
export type RatingKey = ReadonlyMap<string, boolean>;

/** "Green = positive impact", "**Amber**: neutral", "Red – negative impact". */
// (The meaning is looked ahead at, not taken: "RAG key: Green = …" holds the entry for Green after "key:".)
const ENTRY = String.raw`(?:^|[;,.(\n]|\s)[*_ ]*([\p{L}]{2,12})[*_ ]*\s*(?:=|:|–|—|-)(?=\s*([^;\n]{3,80}))`;

/** How many blocks above a table a key may stand (its lead-in sentence between them). */
const KEY_REACH = 3;

/** The rating key of a paragraph, if it defines two ratings or more. */
export function readKey(policy: Policy, text: string): RatingKey | undefined {
  const key = new Map<string, boolean>();
  for (const m of text.matchAll(new RegExp(ENTRY, 'gu'))) {
    const meaning = m[2];
    const states = (policy.eqia.impact.test(meaning) || policy.eqia.verdicts.test(meaning)) && !policy.eqia.unassessed.test(meaning);
    key.set(m[1].toLowerCase(), (key.get(m[1].toLowerCase()) ?? false) || states);
  }
  return key.size >= 2 ? key : undefined;
}

/** The key nearest above blocks[i] (a table), within a few blocks and not past another table. */
export function keyBefore(model: DocModel, policy: Policy, blocks: Block[], i: number): RatingKey | undefined {
  for (let k = i - 1; k >= 0 && k >= i - KEY_REACH; k--) {
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
  const word = cell.replace(/[^\p{L}\s]/gu, ' ').trim().toLowerCase();
  return /^\p{L}+$/u.test(word) ? key.get(word) : undefined;
}
