// Whether a takeback after a stop speaks of that stop: "From April the café will be funded
// recurrently" takes back "the crisis café will close", but "…the community navigator service,
// which will continue to be commissioned" speaks of another service. Read by what the sentences
// name (aspect-statements.ts asks; the words it reads are the pack's `stops.objects`).
import type { AspectDef } from '../policy/types';
import { sentenceSpans } from './text';
import { lastAtOrBefore } from '../sorted';

/** Words that speak of a stop stated before: "the proposal", "this decision". */
export const REFERS_BACK = /\b(?:the|this|that)\s+(?:proposal|proposed (?:closure|change|decommissioning)|decision|recommendation)\b/i;

/** Whether a takeback in the text after a stop's sentence is in a sentence that speaks of what the stop ends. */
export function laterTakesBack(aspect: AspectDef, later: string, stop: string): boolean {
  const found = aspect.takenBack?.spans(later);
  if (!found?.length) return false;
  const sentences = sentenceSpans(later, { start: 0, end: later.length });
  const named = namesOf(aspect, stop);
  // The stop's names and each sentence's, read once (a later text of a thousand takebacks asks for them a thousand times).
  const stopNames = properNames(stop);
  const sentenceNames = new Map<number, ReadonlySet<string>>();
  const apart = (sentence: { start: number; end: number }) => {
    let theirs = sentenceNames.get(sentence.start);
    if (!theirs) sentenceNames.set(sentence.start, (theirs = properNames(later.slice(sentence.start, sentence.end))));
    return namedApart(stopNames, theirs);
  };
  return found.some(([s]) => {
    const at = sentences.length ? sentences[lastAtOrBefore(sentences.length, (i) => sentences[i].start, s)] : undefined;
    const sentence = at && s >= at.start && s < at.end ? at : { start: 0, end: later.length };
    // Asked of another, not said: "…inviting it to consider whether to continue the service from its own resources".
    if (OPEN_QUESTION.test(later.slice(sentence.start, s))) return false;
    const text = later.slice(sentence.start, sentence.end);
    // A sentence that tells of another ending first, by other names and not by "it" or "the contract" ("Jobcentre
    // Plus has told us that Work Choice will close …; this is a national decision"), takes back that one, not the stop.
    const before = later.slice(sentence.start, s);
    if (aspect.stops?.actions.test(before) && !ENDS_THE_STOPS.test(before) && apart(sentence)) return false;
    if (REFERRING.test(text) || REFERS_BACK.test(text)) return true;
    // Naming something else, not said of the stop ("the intensive community support team will be extended"), it speaks of that,
    // though the two share a noun where each also names its own by name ("The befriending contract with Age UK Eastmoor will
    // continue" after "We will not renew the contract for Hartside Lodge").
    const other = namesOther(aspect, text, stop);
    if ([...namesOf(aspect, text)].some((n) => named.has(n)) && !(other && apart(sentence))) return true;
    return !other;
  });
}

/** Whether two sentences' names (words in capitals) are each some, none the same. */
function namedApart(mine: ReadonlySet<string>, theirs: ReadonlySet<string>): boolean {
  return mine.size > 0 && theirs.size > 0 && ![...theirs].some((n) => mine.has(n));
}

/**
 * The section's text further on from a paragraph, read once however many of its stops ask (a list of
 * 20,000 numbered stops asks 20,000 times): whether a takeback there names a stop by its name (a word
 * in capitals), and whether a sentence there withdraws a numbered item by its number.
 */
export class FurtherOn {
  /** The proper names of the sentences holding a takeback. */
  private names?: ReadonlySet<string>;
  private sentences?: Array<{ start: number; end: number }>;
  private readonly withdrawn = new Map<string, boolean>();

  constructor(
    private readonly aspect: AspectDef,
    private readonly text: string,
  ) {}

  /** Whether a takeback further on names what a stop's statement names by name. */
  namedLater(stop: string): boolean {
    const names = properNames(stop);
    if (!names.size) return false;
    if (!this.names) {
      const found = this.aspect.takenBack?.spans(this.text.replace(/\*\*|__/g, '  ')) ?? [];
      const named = new Set<string>();
      const list = this.sentenceList();
      for (const [s] of found) {
        // Sentences are in order: the one holding s by a binary search, not a walk per takeback.
        const sentence = list.length ? list[lastAtOrBefore(list.length, (i) => list[i].start, s)] : undefined;
        if (sentence && s >= sentence.start && s < sentence.end) for (const n of properNames(this.text.slice(sentence.start, sentence.end))) named.add(n);
      }
      this.names = named;
    }
    for (const n of names) if (this.names.has(n)) return true;
    return false;
  }

  /** Whether a sentence further on withdraws numbered item n ("The Governing Body has therefore withdrawn intention 4"). */
  withdrawnByNumber(n: string): boolean {
    let known = this.withdrawn.get(n);
    if (known === undefined) {
      const named = new RegExp(`\\b(?:intentions?|proposals?|recommendations?|items?|actions?|options?|priorit(?:y|ies)|points?)\\s+${n}\\b`, 'i');
      known = this.sentenceList().some(({ start, end }) => {
        const sentence = this.text.slice(start, end);
        return named.test(sentence) && (WITHDRAWN.test(sentence) || !!this.aspect.takenBack?.test(sentence));
      });
      this.withdrawn.set(n, known);
    }
    return known;
  }

  private sentenceList(): Array<{ start: number; end: number }> {
    return (this.sentences ??= sentenceSpans(this.text, { start: 0, end: this.text.length }));
  }
}

/**
 * A question put to another body, open before a takeback ("…inviting it to consider whether to continue the
 * service"): what it would take back is theirs to decide. A question of our own ("We may consider whether to
 * re-procure it") leaves the ending undecided, and takes it back.
 */
const OPEN_QUESTION = /\b(?:invit|ask|encourag|request|urg)\w*\b[^.;:]{0,80}\bwhether\b[^.;:]*$/i;

/** Words withdrawing a proposal: "withdrawn", "dropped", "not taken forward". */
const WITHDRAWN = /\b(?:withdr[ae]wn?|withdraws|dropped|rejected|not (?:be )?(?:taken forward|pursued|proceeded with|agreed|approved))\b/i;

/** How far past a stop's paragraph a takeback naming it is looked for. */
export const FARTHER_REACH = 4000;

/**
 * A text's names, each as its word in capitals and the word after ("elmfield day", "ashgrove drop-in"): a place's
 * name alone is shared by things that are not the same ("Wexcombe Counselling Service", "Wexcombe Mind").
 */
function properNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.replace(/\*\*|__/g, '').matchAll(/\b(\p{Lu}\p{Ll}{2,}[\p{L}'’-]*)(?=\s+([\p{L}][\p{L}'’-]*))/gu)) {
    if (!COMMON_OPENINGS.has(m[1].toLowerCase())) out.add(`${m[1]} ${m[2]}`.toLowerCase());
  }
  return out;
}

/** Words in capitals that name nothing in particular: a sentence's openings, months and days, and the words of every body's name. */
const COMMON_OPENINGS: ReadonlySet<string> = new Set(
  [
    'the this that these those there then from following after before update we our it its they their and but when where while once if all any some each every no none not new decommission close stop end extend review',
    'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday',
    'board council trust partnership committee cabinet group team service services health mental care commissioning clinical integrated county city borough district primary',
  ]
    .join(' ')
    .split(' '),
);

/** Words that stand for what was just said: "It will be funded…", "both services", "the team based there", "the service". */
/** What, told of before a takeback in its sentence, is the stop's thing again: "it", "the contract" ("Rather than let the contract lapse, we will extend it"). */
const ENDS_THE_STOPS = /\b(?:it|the (?:service|services|contract|contracts|pilot|scheme|grant|team|arrangement|arrangements|agreement|provision))\b/i;
const REFERRING = /\b(?:it|they|them|this|these|that|those|both|there|the same|the (?:service|services|contract|contracts|pilot|scheme|grant|team|arrangement|arrangements|agreement|provision))\b/i;

/** Whether a sentence names a thing a commissioner pays for by words the stop's sentence does not use ("the community navigator service"). */
function namesOther(aspect: AspectDef, text: string, stop: string): boolean {
  const used = new Set(stop.toLowerCase().match(/\p{L}+/gu) ?? []);
  return (aspect.stops?.objects.spans(text) ?? []).some(([s]) => {
    // In lower case (a capital's noun is a name's: "the Joint Commissioning Unit"), after a determiner and its words.
    const q = QUALIFIED.exec(text.slice(Math.max(0, s - QUALIFIER_REACH), s));
    return !/\p{Lu}/u.test(text[s]) && !!q && q[1].toLowerCase().split(/\s+/).some((w) => w.length >= 4 && !PLAIN_WORDS.has(w) && !used.has(w));
  });
}

/** A determiner and up to three words before a noun: "the intensive community support ". */
const QUALIFIED = /\b(?:[Tt]he|[Aa]n?|[Oo]ur|[Ii]ts|[Tt]heir)\s+((?:[\p{Ll}-]+\s+){1,3})$/u;
/** How far before a thing's noun its qualifying words are read. */
const QUALIFIER_REACH = 60;
/** Words before a noun that qualify nothing: "the remaining", "their current". */
const PLAIN_WORDS: ReadonlySet<string> = new Set('other each every some remaining current existing same such whole entire full main first last next former later'.split(' '));

/** What a statement names: the things a commissioner pays for ("café", "contract") and its names' words ("Ashgrove"). */
function namesOf(aspect: AspectDef, text: string): Set<string> {
  const out = new Set<string>();
  for (const [s, e] of aspect.stops?.objects.spans(text) ?? []) out.add(text.slice(s, e).toLowerCase());
  // A name's word: a capital then lower case, not opening the sentence ("The", "From").
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},)][ \t]+)\p{Lu}\p{Ll}[\p{L}'’-]+/gu)) out.add(m[0].toLowerCase());
  return out;
}
