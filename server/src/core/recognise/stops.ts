// Reads a stop as a verb with what it stops: "the Moorside grant will lapse",
// "terminate the supported employment contract", "closure of the day hospital".
// A verb of ending on its own says nothing about services ("close the gap", "end
// stigma", "stop people falling through the gaps"), and one in the past or denied
// states no plan ("since the closure of the hospital in 1994", "no ward will close").
// The words are the pack's (`stops.actions`, `stops.objects`); this module holds
// only English syntax: where a noun phrase ends, auxiliaries, negation.
import type { AspectDef, StopWords } from '../policy/types';
import { lastAtOrBefore } from '../sorted';

interface Word {
  start: number;
  end: number;
  lower: string;
  /** It opens with a capital (a name's word). */
  capital: boolean;
}

// A number with its decimal point or thousands' commas is one word ("0.4 people a night", "£180,000").
const WORD = String.raw`\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}][\p{L}\p{N}'’-]*|[^\s\p{L}\p{N}]`;

/** Words that end a noun phrase: prepositions, conjunctions, relatives (and any punctuation). */
const PHRASE_END: ReadonlySet<string> = new Set(
  'in on at by from to for with within into onto beyond when after before once until following as and or but so because which that who whom whose where while of during over under between through than if unless via across against since is are was were will shall would could may might can be been being has have had do does did'.split(' '),
);
/** Words that may sit between an auxiliary and its verb without changing the tense. */
const ADVERBS: ReadonlySet<string> = new Set('already recently now also previously then just formally finally effectively largely all both been not entirely completely fully altogether permanently gradually early originally initially'.split(' '));
const PAST_AUX: ReadonlySet<string> = new Set('was were has have had'.split(' '));
/** Verbs of a decision made: what they decide is still to come. */
const DECISION: ReadonlySet<string> = new Set('decided agreed chosen resolved determined confirmed opted elected'.split(' '));
/** A title that is a question answered yes or no: it opens with an auxiliary. */
const YES_NO_QUESTION = /^\W*(?:will|are|is|do|does|did|can|could|should|would|has|have|shall|was|were)\b[^?]*\?\W*$/i;
/** Words that join two verbs of one subject ("…will not transfer and will be decommissioned"), and the words that open the second. */
const JOINS: ReadonlySet<string> = new Set(['and', 'but']);
const MODAL: ReadonlySet<string> = new Set('will shall would is are was were be has have had can could may might must'.split(' '));
const DETERMINERS: ReadonlySet<string> = new Set('the a an this that these those its our their his her any each every'.split(' '));
/** Words that open a clause of time: what ends in it is when something else happens ("nine months before its contract ends"). */
const TIME_CLAUSE: ReadonlySet<string> = new Set('when whenever until while before'.split(' '));
/** Words before a participle that make it no simple past. */
const FUTURE: ReadonlySet<string> = new Set('be is are will shall to being get gets would should must can may might not and or'.split(' '));
const NEGATION: ReadonlySet<string> = new Set('no not never none neither nor nothing nobody cannot'.split(' '));
/** A sentence whose subject is a pronoun, and the pronouns that may stand for a service ("this service" names one itself). */
const PRONOUN_OPENING = /^\W*(?:it|they|both)\b/i;
const PRONOUN: ReadonlySet<string> = new Set(['it', 'they', 'both']);
const EFFECTIVE = /^\s*(?:with effect|effective)\b/i;
const PAST_TIME = /^\s*(?:in|during)\s+(?:19|20)\d\d\b(?![/–-]\d)|^\s*(?:last|previous)\s+year\b|^\s*\w+\s+years?\s+ago\b|^\s*ago\b/i;
/** A month and year after a verb in the past ("ended in March 2014"); after "ends" or "close" it is a plan. */
const PAST_MONTH = /^\s*(?:in|during)\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:19|20)\d\d\b/i;
const CLOCK_TIME = /^\s+(?:at|after|by|from)\s+(?:midnight|midday|noon|night|weekends?|\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|o'clock)\b)|^\s+(?:overnight|daily|each (?:day|night|evening))\b|^\s+early\s+(?:on|at|in|each|every)\b(?!\s+\d)/i;
/** How far a denial reaches back ("no existing acute ward will be closed"). */
const DENIAL_REACH = 7;
/** The longest noun phrase read as what is stopped. */
const PHRASE_REACH = 7;

function words(text: string): Word[] {
  return [...text.matchAll(new RegExp(WORD, 'gu'))].map((m) => ({ start: m.index!, end: m.index! + m[0].length, lower: m[0].toLowerCase(), capital: /^\p{Lu}/u.test(m[0]) }));
}

/** The index of the first word starting at or after `offset` (-1 if none): a binary search, as verbs are many. */
function wordFrom(ws: Word[], offset: number): number {
  if (!ws.length || ws[ws.length - 1].start < offset) return -1;
  return offset <= ws[0].start ? 0 : lastAtOrBefore(ws.length, (k) => ws[k].start, offset - 1) + 1;
}

const ends = (w: Word | undefined) => !w || PHRASE_END.has(w.lower) || !/[\p{L}\p{N}]/u.test(w.lower[0]);

/**
 * Whether a statement (one sentence, clause or list item) says that something a
 * commissioner pays for will stop: a verb of ending with an object after it, or,
 * where nothing follows the verb, with what it ends before it ("the befriending
 * grant will lapse", "the day services, which close in March").
 */
export function statesStop(stops: StopWords, unit: string, misses: ReadonlyArray<[number, number]> = [], prior = ''): boolean {
  const actions = stops.actions.spans(unit).filter(([s, e]) => !misses.some(([ms, me]) => s < me && e > ms));
  // A pronoun subject ("It will be sunset") stands for what the sentence before names.
  const referent = PRONOUN_OPENING.test(unit) && stops.objects.test(prior);
  if (!actions.length || (!referent && !stops.objects.test(unit))) return false;
  const ws = words(unit);
  // The last "will" or "shall": whether one follows a word, without reading on from each (a statement of 10,000 verbs).
  let lastModal = -1;
  for (let k = ws.length - 1; k >= 0 && lastModal < 0; k--) if (ws[k].lower === 'will' || ws[k].lower === 'shall') lastModal = k;
  // Read in the statement, not cut out of it: an object's own context counts ("from home treatment" is no home).
  const objects = stops.objects.spans(unit);
  const holdsObject = (p: { start: number; end: number } | undefined) =>
    !!p && (objects.some(([s, e]) => s >= p.start && e <= p.end) || (referent && PRONOUN.has(unit.slice(p.start, p.end).toLowerCase())));
  return actions.some(([s, e]) => {
    // Part of a compound ("stop-smoking service", "step-down beds", "end-of-life care"): it names a thing.
    if (unit[s - 1] === '-' || (unit[e] === '-' && /\p{L}/u.test(unit[e + 1] ?? ''))) return false;
    // A hyphened verb is a modifier ("step-down beds"), unless a noun of ending ("the phase-out of").
    if (unit.slice(s, e).includes('-') && !/^\s+of\b/.test(unit.slice(e, e + 4)) && !/\bof$/.test(unit.slice(s, e))) return false;
    const first = wordFrom(ws, s);
    // Part of a name, as a capital after a capitalised word shows ("the Tuesday Club in Marsh End", "Maple Close").
    if (first > 0 && /\p{Lu}/u.test(unit[ws[first].start]) && /^\p{Lu}\p{Ll}+$/u.test(unit.slice(ws[first - 1].start, ws[first - 1].end)) && !DETERMINERS.has(ws[first - 1].lower)) return false;
    // "replaced by": the tense is the participle's, before its preposition ("was decommissioned and replaced by flexible breaks").
    const last = first < 0 ? -1 : lastWord(ws, e);
    const tensed = last > first && (ws[last].lower === 'by' || ws[last].lower === 'with') ? last - 1 : last;
    if (first < 0 || deniedOrPast(unit, ws, first, tensed, e) || inTimeClause(ws, first)) return false;
    // A noun of ending takes its tense from the clause's verb: "The closure of the long-stay wards … in 2007 was a major step".
    if (/\bof$/.test(unit.slice(s, e)) && nominalPast(unit.slice(e, e + NOMINAL_REACH))) return false;
    // People, not services, are what "who" stands for ("people who withdraw from social contact").
    if (first > 0 && ws[first - 1].lower === 'who') return false;
    // After a determiner a verb is a noun ("the stop smoking service", "at the end of"); "the closure of" is meant so.
    if (first > 0 && DETERMINERS.has(ws[first - 1].lower) && !/\bof$/i.test(unit.slice(s, e))) return false;
    // Opening hours, not an ending: "crisis care stops at midnight", "the café closes at 4pm".
    if (CLOCK_TIME.test(unit.slice(e, e + 24))) return false;
    // "All contracts ending during 2011/12 will be reviewed": a participle after its noun says what the noun is;
    // the clause's own verb, later, says what will happen.
    // So does one after a noun taken as a class ("the position for each contract expiring during the strategy period").
    if (/ing$/.test(ws[first].lower) && first > 0 && /^\p{L}/u.test(ws[first - 1].lower) && !PHRASE_END.has(ws[first - 1].lower) && !ADVERBS.has(ws[first - 1].lower) && (lastModal > first || quantified(ws, first - 1))) return false;
    let next = wordFrom(ws, e);
    if (next < 0) next = ws.length;
    while (next < ws.length && ADVERBS.has(ws[next].lower)) next++;
    // A label's colon ("Stopping: the day group at Linden House"): what stops follows it.
    if (ws[next]?.lower === ':' && next === first + 1) next++;
    // An aside after the verb ("the Ward 4 closure (Appendix G) found…") is passed over.
    if (ws[next]?.lower === '(') {
      const close = ws.slice(next + 1, next + 2 + ASIDE_WORDS).findIndex((w) => w.lower === ')') + next + 1;
      if (close > next && close - next <= ASIDE_WORDS) next = close + 1;
    }
    // "the day centres will be replaced by recovery hubs": what stops is the subject, not what replaces it.
    if (/\s(?:by|with)$/.test(unit.slice(s, e))) return holdsObject(subjectBefore(ws, first - 1));
    // "will no longer be awarded": a passive, whose subject is what stops.
    if (/\bbe$/.test(unit.slice(s, e)) && ws[next] && /^\p{L}+(?:ed|en|wn)$/u.test(ws[next].lower)) next++;
    // "cease to purchase places at…": what is stopped follows the infinitive; "withdraw from
    // direct provision", "cease to exist as a separate team": after the preposition. "Handed back
    // to the council's estates team" is no infinitive: a determiner follows.
    // "cease to purchase spot rehabilitation placements": a verb of buying ends what it buys, whatever its name.
    if (ws[next]?.lower === 'to' && BUYING.has(ws[next + 1]?.lower ?? '') && nounPhrase(ws, next + 2)) return true;
    if (ws[next]?.lower === 'to' && ws[next + 1] && /\p{L}/u.test(ws[next + 1].lower[0]) && !DETERMINERS.has(ws[next + 1].lower)) next += 2;
    // "as" leads to what is ended only after "exist" ("cease to exist as a separate team"); "will end as the hub opens" is a time.
    const through = ws[next] && THROUGH.has(ws[next].lower) && (ws[next].lower !== 'as' || AS_WHAT.has(ws[next - 1]?.lower ?? ''));
    // "paper case notes will be withdrawn from all teams": in a passive, what is stopped is its subject.
    if (through && isPassive(ws, first)) return holdsObject(subjectBefore(ws, first - 1));
    if (through) next++;
    // "retire the single point of access telephone line": past an "of", the phrase goes on to what is stopped.
    // "two bus routes stop outside the Hub": a place where something stops, not a thing stopped.
    if (ws[next] && PLACE_AFTER.has(ws[next].lower)) return false;
    const after = nounPhrase(ws, next, (p) => holdsObject(p));
    // "stop smoking", "end placing people out of area": an activity stopped, unless it is what is bought ("stop funding")
    // or the service's own running ("the minibus service … will stop running"), which ends what comes before.
    if (after && /ing$/.test(ws[next].lower) && !stops.objects.test(ws[next].lower)) return OWN_RUNNING.has(ws[next].lower) && holdsObject(subjectBefore(ws, first - 1));
    if (after && holdsObject(after)) return true;
    // A date after the verb is when, not what ("ends 30/09/25"): what ends is before it.
    if (after && !through && !/^\d/.test(ws[next].lower) && !MONTHS.has(ws[next].lower)) return false;
    // Nothing stopped after the verb: it ends what comes before it (a passive, or "will close").
    return holdsObject(subjectBefore(ws, first - 1));
  });
}

/** A month's name, whole or short, opening a date after a verb ("close Mar 2013"). */
const MONTHS: ReadonlySet<string> = new Set('jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august september october november december'.split(' '));

/** Whether the noun phrase ending at word k opens with a word taking its noun as a class ("each", "every", "any", "all"). */
function quantified(ws: Word[], k: number): boolean {
  for (let i = k; i >= 0 && i > k - PHRASE_REACH && !ends(ws[i]); i--) if (CLASS_WORDS.has(ws[i].lower)) return true;
  return false;
}

const CLASS_WORDS: ReadonlySet<string> = new Set('each every any all'.split(' '));

/** The most words an aside in brackets after a verb of ending holds to be passed over. */
const ASIDE_WORDS = 12;

/** Whether word `i` sits in a clause of time ("when the current contract ends in March, the house moves to a new provider"). */
function inTimeClause(ws: Word[], i: number): boolean {
  for (let j = i - 1; j >= 0 && /^\p{L}/u.test(ws[j].lower); j--) if (TIME_CLAUSE.has(ws[j].lower)) return true;
  return false;
}

/** The last word that starts before `end`. */
function lastWord(ws: Word[], end: number): number {
  // A binary search: a statement of thousands of verbs asks for each.
  return lastAtOrBefore(ws.length, (k) => ws[k].start, end - 1);
}

/**
 * Whether an ending (words `first`..`i`) is denied ("no service will close", "will not be
 * decommissioned") or already happened ("was closed", "has been decommissioned",
 * "closed in 2008"): neither plans a stop.
 */
function deniedOrPast(unit: string, ws: Word[], first: number, i: number, end: number): boolean {
  for (let j = first - 1; j >= 0 && j >= first - DENIAL_REACH; j--) {
    if (!/[\p{L}]/u.test(ws[j].lower[0]) && ws[j].lower !== '-') break;
    // "It will not transfer and will be decommissioned": the denial is the other verb's.
    if (JOINS.has(ws[j].lower) && j + 1 < first && MODAL.has(ws[j + 1].lower)) break;
    if (NEGATION.has(ws[j].lower) || ws[j].lower.endsWith("n't")) return true;
  }
  // A subject opened by a denial, however long: "No part of either team's service is being withdrawn".
  // A list's commas are the subject's own ("no ward, bed or team is being closed").
  if (first > 0 && first <= SUBJECT_REACH && NEGATION.has(ws[0].lower)) {
    const subject = ws.slice(1, first);
    const listed = subject.some((w) => w.lower === 'or' || w.lower === 'and' || w.lower === 'nor');
    if (subject.every((w) => (/^\p{L}/u.test(w.lower) && !CLAUSE_OPEN.has(w.lower)) || (listed && w.lower === ','))) return true;
  }
  // "has been withdrawn with effect from 1 April": a decision with the date it takes effect, not a past event.
  if (EFFECTIVE.test(unit.slice(end, end + 24))) return false;
  let j = i - 1;
  while (j >= 0 && ADVERBS.has(ws[j].lower)) j--;
  if (j >= 0 && ((PAST_AUX.has(ws[j].lower) && !futurePerfect(ws, j)) || ws[j].lower === 'since' || plannedInPast(ws, j))) return true;
  // An ending of several words takes its tense from before its first ("had come to an end", "was brought to an end"),
  // unless it opens with the decision ("has decided not to renew" plans a stop; the decision is what is past).
  if (i > first && !DECISION.has(ws[first].lower)) {
    let k = first - 1;
    while (k >= 0 && ADVERBS.has(ws[k].lower)) k--;
    if (k >= 0 && ((PAST_AUX.has(ws[k].lower) && !futurePerfect(ws, k)) || plannedInPast(ws, k))) return true;
  }
  if (j >= 1 && ws[j].lower === 'the' && ws[j - 1].lower === 'since') return true;
  // A participle denied in a note ("Arrangement with Brookvale not renewed", "day centre no longer funded from
  // April") is a passive: a simple past denied takes "did" ("did not renew") or an object ("no longer funded the café").
  const denied = ws[first].lower === 'no' ? ws[first + 1]?.lower === 'longer' : NEGATION.has(ws[first].lower);
  if (/ed$/.test(ws[i].lower) && denied && !DETERMINERS.has(ws[i + 1]?.lower ?? '')) return pastTimeAfter(unit, ws, i, end);
  // A simple past after its subject ("the PCT closed the ward", "the service ceased"); a
  // participle after "be", "will", "to" or a table's bar is no past.
  // The word before must be outside the ending itself ("no longer funded" is no "X funded").
  // Unless the participle's own auxiliary is inside it ("neither … nor … will be renewed").
  if (/ed$/.test(ws[i].lower) && j >= first && j < i && !FUTURE.has(ws[j].lower)) j = first - 1;
  // (Its subject may end in a number: "the pilot that ran in 2018/19 ended", "Ward 7 closed".)
  if (/ed$/.test(ws[i].lower) && j >= 0 && /^[\p{L}\p{N}]/u.test(ws[j].lower) && !FUTURE.has(ws[j].lower) && !futurePerfect(ws, j)) return true;
  // "the CCG's predecessor, Harbourne PCT, decommissioned the beds": a verb after a subject set off by
  // commas, with its object after it, is a simple past (a participle after a comma takes no object).
  if (/ed$/.test(ws[i].lower) && j >= 1 && ws[j].lower === ',' && /^\p{L}/u.test(ws[j - 1].lower) && DETERMINERS.has(ws[i + 1]?.lower ?? '')) return true;
  // "… and in 2021 closed the Beech Ward": a year just before a verb in the past dates it.
  if (/ed$/.test(ws[i].lower) && j >= 1 && /^(?:19|20)\d\d$/.test(ws[j].lower) && (ws[j - 1].lower === 'in' || ws[j - 1].lower === 'during')) return true;
  // "…closed two wards and decommissioned the day hospital", "we have stopped X, closed Y": a verb joined to another takes its tense.
  if (/ed$/.test(ws[i].lower) && j >= 0 && (ws[j].lower === 'and' || ws[j].lower === 'or' || ws[j].lower === ',') && pastBefore(ws, j)) return true;
  return pastTimeAfter(unit, ws, i, end);
}

/** Whether a time in the past follows the ending ("in 2008", "last year"), unless a "will" or "to" before it makes it a plan. */
function pastTimeAfter(unit: string, ws: Word[], i: number, end: number): boolean {
  return (PAST_TIME.test(unit.slice(end, end + 40)) || (/ed$/.test(ws[i].lower) && PAST_MONTH.test(unit.slice(end, end + 40)))) && !/\b(?:will|shall|to|be|being)\s+(?:\w+\s+){0,2}$/i.test(unit.slice(Math.max(0, ws[i].start - 30), ws[i].start));
}

/** Whether the "have" at word `j` follows "will" or "shall": a future perfect ("will have decommissioned", "will by then have closed"). */
function futurePerfect(ws: Word[], j: number): boolean {
  if (ws[j].lower !== 'have') return false;
  let k = j - 1;
  while (k >= 0 && ADVERBS.has(ws[k].lower)) k--;
  return k >= 0 && (ws[k].lower === 'will' || ws[k].lower === 'shall');
}

/** Whether the nearest verb before word `j` is in the past ("was", "had", "the Trust closed"), not future or passive. */
function pastBefore(ws: Word[], j: number, joined = 0): boolean {
  for (let k = j - 1; k >= 0 && k >= j - SUBJECT_REACH; k--) {
    const w = ws[k].lower;
    // A word may open with a digit ("the 20-bed Fernlea ward").
    if (!/^[\p{L}\p{N}]/u.test(w) && w !== ',') return false;
    if (PAST_AUX.has(w)) return true;
    if (FUTURE.has(w) && w !== 'and' && w !== 'or' && w !== 'not') return false;
    if (/ed$/.test(w) && k > 0 && /^\p{L}/u.test(ws[k - 1].lower) && !FUTURE.has(ws[k - 1].lower) && !DETERMINERS.has(ws[k - 1].lower)) return true;
    // A verb joined in its turn ("have decommissioned the wards, closed the day hospital and ended the contract"):
    // its tense is the one before it.
    if (/ed$/.test(w) && k > 0 && (ws[k - 1].lower === ',' || ws[k - 1].lower === 'and') && joined < JOINED_VERBS) return pastBefore(ws, k - 1, joined + 1);
  }
  return false;
}

/** How many verbs joined in a row are read back for their tense (bounded: "X, closed Y, closed Z, …" is hostile input). */
const JOINED_VERBS = 3;

/** Whether the verb at word `i` is a participle after a form of "be" ("will be withdrawn", "is being closed"). */
function isPassive(ws: Word[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && ADVERBS.has(ws[j].lower) && !BE.has(ws[j].lower)) j--;
  return j >= 0 && BE.has(ws[j].lower) && /^\p{L}+(?:ed|en|wn)$|^brought$/u.test(ws[i].lower);
}

const BE: ReadonlySet<string> = new Set('be been being is are was were'.split(' '));
/** Words that, between "was" and "to", make a plan of the past ("was due to end", "were scheduled to close"). */
const PLANNED: ReadonlySet<string> = new Set('due planned scheduled set expected intended meant going supposed'.split(' '));

/** Whether word `j` is the "to" of a plan made in the past: "the pilot was originally due to end". */
function plannedInPast(ws: Word[], j: number): boolean {
  if (j < 1 || ws[j].lower !== 'to' || !PLANNED.has(ws[j - 1].lower)) return false;
  let k = j - 2;
  while (k >= 0 && ADVERBS.has(ws[k].lower)) k--;
  return k >= 0 && (ws[k].lower === 'was' || ws[k].lower === 'were' || ws[k].lower === 'had');
}

/** A service's own running, which a verb of ending may take as an object ("will stop running", "cease operating"). */
const OWN_RUNNING: ReadonlySet<string> = new Set('running operating functioning trading'.split(' '));
/** The first verb after a noun of ending, and how far it is looked for. */
const NEXT_VERB = /\b(was|were|had|has|have|is|are|will|would|shall|can|could|may|might)\b/i;
const NOMINAL_REACH = 120;
/**
 * Whether the clause after a noun of ending is in the past: "was", "were", "had", or a perfect of a
 * deed done ("Following the closure of Willow Ward in 2016, care has been consolidated at…"), not
 * of a decision ("the closure of the ward has been agreed").
 */
function nominalPast(after: string): boolean {
  // Dated, then a verb in the past: "The closure of Highfield Hospital in 1995 moved most care into the community".
  const dated = DATED_PAST.exec(after);
  if (dated && !PLANS.has(dated[1].toLowerCase())) return true;
  const m = NEXT_VERB.exec(after);
  if (!m) return false;
  if (/^(?:was|were|had)$/i.test(m[1])) return true;
  const perfect = /^(?:has|have)$/i.test(m[1]) ? /^\s+been\s+(\p{L}+)/u.exec(after.slice(m.index + m[0].length)) : null;
  return !!perfect && /ed$/i.test(perfect[1]) && !PLANS.has(perfect[1].toLowerCase());
}
/** A year after the thing ended, then a verb in the simple past: the ending is history. */
const DATED_PAST = /^[^.;:]{0,80}?\b(?:in|during)\s+(?:19|20)\d\d\b,?\s+(\p{L}+ed|led|meant|brought|left|saw|made|took|gave|cut|began|allowed)\b/iu;
/** Participles of a plan or a decision: after them the ending is still to come. */
const PLANS: ReadonlySet<string> = new Set('agreed approved decided confirmed proposed planned scheduled recommended endorsed supported requested consulted delayed deferred postponed announced'.split(' '));

/** Prepositions of place after a verb of ending: where it stops ("stop outside the Hub"), not what. */
const PLACE_AFTER: ReadonlySet<string> = new Set(['outside', 'opposite', 'beside', 'near', 'nearby']);
/** Verbs of buying: after "cease to", what they take is bought no more. */
const BUYING: ReadonlySet<string> = new Set('purchase buy fund commission procure'.split(' '));
/** Prepositions between a verb of ending and what it ends ("withdraw from", "cease to exist as"). */
const THROUGH: ReadonlySet<string> = new Set(['from', 'as']);
/** Verbs after which "as" names what ends ("cease to exist as", "stop operating as"). */
const AS_WHAT: ReadonlySet<string> = new Set(['exist', 'operate', 'operating', 'function', 'functioning', 'trade', 'trading']);

/** Words that open a clause: a subject is not read back past them. */
const CLAUSE_OPEN: ReadonlySet<string> = new Set('that which who whom whose when whenever because if unless while although though whereas so but'.split(' '));
const ARROW: ReadonlySet<string> = new Set(['→', '⇒', '➔', '➜', '>', '=', '-', '–', '—', ':']);
/** Words linking a verb to its infinitive: "allowed to expire", "due to end", "set to close". */
const TO_LINKS: ReadonlySet<string> = new Set('allowed permitted left let set due expected planned scheduled going'.split(' '));
/** The furthest a subject is read back from a verb. */
const SUBJECT_REACH = 12;

/**
 * What comes before a verb ending at word `i`, over its auxiliaries, back to the
 * clause's start or a comma: "the Council's grant to the Association will taper…".
 * Where the verb itself follows a comma (", which close in March", "…, provided
 * under a grant agreement, will end") the words before that comma are read too:
 * the subject stands before the relative clause or the aside.
 */
function subjectBefore(ws: Word[], i: number, clauses = RELATIVE_CLAUSES): { start: number; end: number } | undefined {
  let commas = 0;
  // An arrow or a colon stands for the verb's link in notes ("Safe haven (Eastbrook) → ends 30/09/25",
  // "Generic counselling (Relate): expires 31/03/13").
  // A verb's link to its infinitive is of the verb ("It will be allowed to expire", "the grant is due to end").
  while (i >= 0 && (PHRASE_END.has(ws[i].lower) || NEGATION.has(ws[i].lower) || ADVERBS.has(ws[i].lower) || ARROW.has(ws[i].lower) || ws[i].lower === ',' || ws[i].lower === ')' || (TO_LINKS.has(ws[i].lower) && ws[i + 1]?.lower === 'to'))) {
    if (ws[i].lower === ',') commas = 1;
    i--;
  }
  let k = i;
  // A list of names ("the day centres at Carlton, Mill Lane and Hawthorn") runs on past its commas.
  let listed = false;
  // Words count toward the reach; a list's commas do not ("at Mill Lane, Station Road, Kingsmead, Ashby and Park Parade").
  let read = 0;
  while (k >= 0 && read < SUBJECT_REACH && !CLAUSE_OPEN.has(ws[k].lower) && (/^[\p{L}\p{N}'()/&]/u.test(ws[k].lower) || (ws[k].lower === ',' && (listed || commas-- > 0)))) {
    if (ws[k].lower === 'and' || ws[k].lower === 'or') listed = true;
    if (ws[k].lower !== ',') read++;
    k--;
  }
  if (k === i) return undefined;
  // A relative clause between the subject and its verb ("the day programme, which covers two mornings a week,
  // will be withdrawn", "the minibus service that takes people … will stop"): the subject stands before it.
  if (k >= 1 && clauses > 0 && RELATIVE.has(ws[k].lower)) {
    const before = subjectBefore(ws, ws[k - 1].lower === ',' ? k - 2 : k - 1, clauses - 1);
    if (before) return { start: before.start, end: ws[i].end };
  }
  return { start: ws[k + 1].start, end: ws[i].end };
}

const RELATIVE: ReadonlySet<string> = new Set(['which', 'who', 'that']);
/** How many relative clauses a subject is read back over (bounded: a statement of "a that a that …" is hostile input). */
const RELATIVE_CLAUSES = 2;

/** The noun phrase that starts at word `i`, up to a word that ends it. */
function nounPhrase(ws: Word[], i: number, holds?: (p: { start: number; end: number }) => boolean, names = 0): { start: number; end: number } | undefined {
  let k = i;
  while (k < ws.length && k - i < PHRASE_REACH && !ends(ws[k])) k++;
  if (k === i) return undefined;
  const phrase = { start: ws[i].start, end: ws[k - 1].end };
  if (!holds || holds(phrase)) return phrase;
  // Names joined before what they are ("close the Riverside and Clarke Street day centres"): on past the "and".
  if ((ws[k]?.lower === 'and' || ws[k]?.lower === '&') && ws[k + 1]?.capital && names < NAMES_JOINED) {
    const rest = nounPhrase(ws, k + 1, holds, names + 1);
    return rest ? { start: phrase.start, end: rest.end } : phrase;
  }
  if (ws[k]?.lower !== 'of') return phrase;
  const rest = nounPhrase(ws, k + 1);
  return rest ? { start: phrase.start, end: rest.end } : phrase;
}

/** How many names joined by "and" a noun phrase runs on over (bounded: "A and B and C …" is hostile input). */
const NAMES_JOINED = 3;

/** Whether a table line's label counts something stopped: its first noun phrase holds one ("Hostel places (Milton House)", not "People waiting for the service"). */
export function countsObject(stops: StopWords, label: string): boolean {
  const phrase = nounPhrase(words(label), 0);
  return !!phrase && stops.objects.test(label.slice(phrase.start, phrase.end));
}

/** Whether the signal at [start, end) of a statement is denied or in the past ("no service will be decommissioned"). */
export function endingDeniedOrPast(unit: string, start: number, end: number): boolean {
  const ws = words(unit);
  const first = ws.findIndex((w) => w.start >= start);
  // The denial is read before the ending, its tense on its last word ("has decided not to renew" plans a stop).
  return first >= 0 && deniedOrPast(unit, ws, first, lastWord(ws, end), end);
}

/**
 * Whether a heading announces a stop ("Stopping", "Services we will decommission",
 * "Closure of the day centres"): a verb of ending with nothing after it, or with
 * what it ends. "End of life care", "Closing the gap" and "Stop smoking" name
 * other things.
 */
export function announcesStop(stops: StopWords, title: string): boolean {
  const ws = words(title);
  return stops.actions.spans(title).some(([s, e]) => {
    if (title[s - 1] === '-' || title[e] === '-') return false;
    // A hyphened verb names a thing ("Step-down provision"), unless a noun of ending ("Phase-out of …").
    if (title.slice(s, e).includes('-') && !/^\s+of\b/.test(title.slice(e, e + 4))) return false;
    const first = ws.findIndex((w) => w.start >= s);
    if (first < 0 || deniedOrPast(title, ws, first, lastWord(ws, e), e)) return false;
    const rest = title.slice(e);
    // A present tense closing a label says when, not what will stop: a table's header "… Contract ends",
    // a heading "When the lease expires".
    if (!/\p{L}/u.test(rest) && PRESENT_ENDING.test(title.slice(s, e))) return false;
    return !/\p{L}/u.test(rest) || (stops.objects.test(rest) && !/^\s*\p{L}+ing\b/u.test(rest));
  });
}

/** A verb of ending in the present tense, third person: "ends", "expires". */
const PRESENT_ENDING = /^(?:ends|expires|closes|finishes|ceases|stops|lapses|terminates)$/i;

/** Whether a heading announces an aspect ("What will no longer be commissioned", "Stopping"). */
export function announcesAspect(aspect: AspectDef, title: string): boolean {
  if (!aspect.stops || !title) return false;
  // A yes/no question asks, and its answer says ("Will any services close?" over "No. Every service…").
  if (YES_NO_QUESTION.test(title)) return false;
  if (aspect.headings?.test(title.trim().replace(/[\s?:.!]+$/, ''))) return true;
  const misses = aspect.nearMisses?.spans(title) ?? [];
  return aspect.signals.spans(title).some(([s, e]) => !misses.some(([ms, me]) => s < me && e > ms) && !endingDeniedOrPast(title, s, e)) || announcesStop(aspect.stops, title);
}
