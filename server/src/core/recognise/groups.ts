// Finds where equality groups are named in prose, leaving out near-misses
// ("race to the bottom", "Age UK", "maternity cover") defined by the policy.
import type { GroupDef, Matcher, Policy } from '../policy/types';
import type { DocState, TextQuery } from './doc-state';
import type { Block, Span } from '../model/types';
import { cellSpans } from '../model/text-tables';
import { apart } from '../sorted';

export interface Mention {
  group: GroupDef;
  start: number;
  end: number;
  /** Named only inside another group's strand, e.g. "(including transgender people)". */
  subsumed: boolean;
  /** Its words, where they are not the source between start and end (a table cell's lines, other columns between). */
  text?: string;
}

/** The words after a group word, over a "-led" ("BME-led charities"): up to two. */
const KIND_AFTER = /^\+?(?:[ \t]*-[ \t]*led|[ \t]+led)?[ \t]+(\p{L}[\p{L}-]*(?:[ \t]+\p{L}[\p{L}-]*)?)/u;

/** "including" just before a mention. */
const INCLUDED_BEFORE = /\b(?:including|incl\.?|inc\.)\s*$/i;
/** A bracket closed just after a mention, past a word or two ("transgender people)"). */
const CLOSES_AFTER = /^(?:[ \t]+[\p{L}'’-]+){0,2}[ \t]*\)/u;
const SUBSUMED_BEFORE = /(\(\s*(including|incl\.?|inc\.?)?|\bincluding|\bincl\.?)\s*$/i;

/**
 * A capitalised group word opening an organisation's name names a provider, not
 * the group: "Hartwell Women's Centre", "Older People's Forum" (possessive), or
 * "Hartwell Women Centre" (a proper name before it). The name's last word is one
 * of the pack's `eqia.organisations`.
 */
function namesOrganisation(policy: Policy, slice: string, s: number, e: number): boolean {
  // A kind of organisation, in any case: "local LGBTQ+ organisations", "BME-led charities".
  const kind = KIND_AFTER.exec(slice.slice(e, e + 40));
  if (kind && policy.eqia.providers.test(kind[1])) return true;
  if (!/^\p{Lu}/u.test(slice.slice(s, s + 1))) return false;
  // The name's words after the group word: up to three capitalised words, the last an organisation's ("Marriage Guidance Council").
  // A hard-wrapped name may run onto the next line.
  const after = /^(['’]s?)?((?:(?:[ \t]+|[ \t]*\n[ \t]*)\p{Lu}[\p{L}'’-]*){1,3})/u.exec(slice.slice(e, e + 80));
  if (!after || !after[2].trim().split(/\s+/).some((word) => policy.eqia.organisations.test(word))) return false;
  if (after[1]) return true;
  // A name of several parts ("Mental Health and Learning Disability Commissioning Team") joins them with "and".
  return /\p{Lu}[\p{L}'’-]*[ \t]+(?:(?:and|&)[ \t]+)?$/u.test(slice.slice(Math.max(0, s - 40), s)) && !/(^|[.!?:]\s*)\S+[ \t]+$/.test(slice.slice(Math.max(0, s - 40), s));
}

/**
 * Mentions of groups in text[from, to), offsets relative to text. `found`: the
 * phrase lists' answers about that slice, if the caller has them (DocState.about).
 */
export function findMentions(policy: Policy, groups: GroupDef[], text: string, from = 0, to = text.length, found?: TextQuery): Mention[] {
  const slice = text.slice(from, to);
  const spans = found ? (list: Matcher) => found.spans(list) : (list: Matcher) => list.spans(slice);
  const out: Mention[] = [];
  let acts: Array<[number, number]> | undefined;
  for (const group of groups) {
    const found = spans(group.synonyms);
    if (!found.length) continue;
    // An Act named after a group ("the Disability Discrimination Act 1995") is a citation, not a mention.
    acts ??= spans(policy.derived.acts.list);
    for (const [s, e] of apart(apart(found, group.nearMisses ? spans(group.nearMisses) : []), acts)) {
      if (namesOrganisation(policy, slice, s, e)) continue;
      out.push({ group, start: from + s, end: from + e, subsumed: false });
    }
  }
  out.sort((a, b) => a.start - b.start);
  // A mention following another group's within "(including …)" belongs to that strand; so does one
  // that closes such a bracket, wherever the strand's name went ("the including transgender people)",
  // a label's line from a table whose columns a conversion ran together).
  // prev: the nearest mention before i of another group, carried along (a run of one group's mentions is linear, not quadratic).
  let prev: Mention | undefined;
  for (let i = 0; i < out.length; i++) {
    if (i > 0 && out[i - 1].group !== out[i].group) prev = out[i - 1];
    const between = prev ? text.slice(prev.end, out[i].start) : '';
    if (prev && between.length < 60 && SUBSUMED_BEFORE.test(between)) out[i].subsumed = true;
    else if (INCLUDED_BEFORE.test(text.slice(Math.max(0, out[i].start - 20), out[i].start)) && CLOSES_AFTER.test(text.slice(out[i].end, out[i].end + 40))) out[i].subsumed = true;
  }
  return out;
}

/** The cells of tables' columns naming who provides ("Provider": "Local faith groups and volunteers"), whose group words name organisations. */
function providerCells(policy: Policy, blocks: Block[]): Span[] {
  const out: Span[] = [];
  for (const b of blocks) {
    if (b.kind !== 'table' || !b.rows || b.rows.length < 2) continue;
    const columns = b.rows[0].cells.flatMap((c, i) => (policy.eqia.providerColumns.test(c.text) ? [i] : []));
    for (const r of b.rows.slice(1)) for (const i of columns) if (r.cells[i]) for (const s of cellSpans(r.cells[i])) out.push(s);
  }
  return out;
}

/** A group's first mention anywhere in a document's prose (what `findMentions(policy, [group], masked)[0]` finds), from the document's matches. */
export function firstMention(doc: DocState, group: GroupDef): Mention | undefined {
  const { policy, model } = doc;
  const misses = group.nearMisses ? doc.leftmost(group.nearMisses) : [];
  const acts = doc.leftmost(policy.derived.acts.list);
  const providers = providerCells(policy, model.blocks);
  const first = apart(apart(doc.leftmost(group.synonyms), misses), acts).find((s) => !namesOrganisation(policy, model.masked, s.start, s.end) && !providers.some((c) => s.start >= c.start && s.end <= c.end));
  return first && { group, start: first.start, end: first.end, subsumed: false };
}
