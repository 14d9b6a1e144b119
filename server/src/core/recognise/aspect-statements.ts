// Whether a section's prose states an aspect of its element ("what will not be
// commissioned"): read statement by statement — a sentence, a clause after a
// semicolon, a list item, a table row — each by the pack's signals or by a verb
// of ending read with what it ends (stops.ts), unless the pack says the
// statement states nothing (a condition, an option, a denial) or a later
// sentence takes it back. A table's header row is labels, not a statement.
import type { Span } from '../model/types';
import type { AspectDef, Matcher, Policy } from '../policy/types';
import type { DocState } from './doc-state';
import { sentenceSpans } from './text';
import { countsObject, endingDeniedOrPast, statesStop } from './stops';
import { FARTHER_REACH, FurtherOn, laterTakesBack, REFERS_BACK } from './takeback-reference';

/**
 * Whether prose states an aspect: a sentence holds one of its signals and is not
 * itself a deferral ("which services will be decommissioned will be confirmed
 * following consultation" promises the decision, it does not make it), nor one
 * the pack's `notStated` says states nothing (a condition, a hypothetical, a denial),
 * nor one it, a later sentence of its paragraph or the next takes back (the pack's `takenBack`:
 * "This is not a decision of the CCG", "From April it will be funded recurrently").
 */
export function statesAspect(doc: DocState, aspect: AspectDef, pieces: Span[]): boolean {
  const { policy } = doc;
  // "This strategy does not itself make any decision to decommission a service": the framework it describes decides nothing here.
  const denied = aspect.deniedThroughout;
  if (denied && pieces.some(({ start, end }) => doc.about(start, end).test(denied))) return false;
  return pieces.some(({ start, end }) => {
    const text = doc.model.masked.slice(start, end);
    const split = text.split(PARAGRAPH_BREAK);
    const paragraphs = acrossPages(split);
    // The document's matches, unless a sentence a page cut is rejoined (its words are read together).
    const joined = paragraphs.join('\n\n');
    const found = paragraphs.length === split.length ? doc.about(start, end) : { test: (list: Matcher) => list.test(joined) };
    if (!found.test(aspect.signals) && !(aspect.stops && (found.test(aspect.stops.actions) || ZERO_CELL.test(text)))) return false;
    const before = () => doc.model.masked.slice(Math.max(0, start - CAPTION_REACH), start).split(PARAGRAPH_BREAK).filter((x) => x.trim()).pop() ?? '';
    // Each paragraph's last filled one before it, worked out once (a run of 100,000 empty paragraphs before a list is linear).
    let filled: Array<string | undefined> | undefined;
    const lastFilled = (p: number) => (filled ??= filledBefore(paragraphs))[p];
    return paragraphs.some((paragraph, p) => {
      // A glossary's entries define words ("**Decommissioning** – the process of…"): under its label, or opened by it.
      if (apparatus(policy, paragraph) || (p > 0 && apparatus(policy, paragraphs[p - 1], true))) return false;
      // A page's running line set out to its number ("Section 8: Investment and Decommissioning      27") says nothing.
      if (PAGE_HEADER.test(paragraph)) return false;
      const sentences = sentenceSpans(paragraph, { start: 0, end: paragraph.length });
      // A paragraph with a run-in label or a clause number of its own ("*Street triage pilot.* …", "8.4 …")
      // speaks of its own subject; the paragraph after takes the stop back in its opening sentence, later ones
      // speak of other things ("The Council will continue to fund … The personal budgets pilot will be
      // extended"), and one that opens on a condition speaks of that case ("Where a service is re-tendered,
      // there will be no break in the service").
      const next = (paragraphs[p + 1] ?? '').slice(0, FARTHER_REACH);
      // A numbered one still takes it back where it speaks of the stop ("6.2 … agreed not to proceed with the proposal").
      const opening = RUN_IN_LABEL.test(next) || (CLAUSE_NUMBER.test(next) && !REFERS_BACK.test(openingSentence(next))) ? '' : openingSentence(next);
      const after = CONDITION_OPENING.test(opening) ? '' : opening;
      const table = TABLE_ROW.test(paragraph.trimStart());
      // The section further on, read once for the paragraph (a takeback naming the stop by its name).
      let further: FurtherOn | undefined;
      return sentences.some(({ start, end }, k) => {
        // The paragraph (or the heading) before is a table's caption ("**Planned reinvestment (recurrent, £k)**");
        // the sentence before says what "it" is ("The crisis text service … It will be sunset on 31 March").
        const prior = k > 0 ? paragraph.slice(sentences[k - 1].start, sentences[k - 1].end) : '';
        // A list's items are what its lead says they are: "The options in the consultation are:", "If the bid fails we will:".
        const above = () => lastFilled(p) ?? before();
        if (LIST_LINE.test(paragraph.slice(start, end)) && leadStatesNothing(aspect, paragraph, above)) return false;
        const at = statementStates(policy, aspect, paragraph.slice(start, end), above, prior);
        if (at === undefined) return false;
        // The sentence itself ("…ends in March and we intend to extend it"), what follows in the
        // paragraph, and the paragraph after it ("From April the café will be funded recurrently").
        // A list item's own text only: the next item is a statement of its own. A table's rows
        // take themselves back (says), and the paragraph after the table may take them back.
        // From the statement that states it: a clause before it, after a semicolon, speaks of something else
        // ("…Ashgrove will remain open…; but the Church Street drop-in … will close").
        // Read only a few sentences past the stop (LATER_SENTENCES): a paragraph of 10,000 stops and takebacks is read in linear time.
        const reach = Math.min(sentences[Math.min(k + LATER_SENTENCES, sentences.length - 1)].end, end + FARTHER_REACH);
        const own = paragraph.slice(start + at, reach);
        const item = LIST_ITEM.exec(own);
        // Its own sentence takes it back whatever it speaks of; a later one only where it speaks of what stops
        // (ap23: "…the community navigator service, which will continue to be commissioned at its current level").
        const mine = own.slice(0, Math.min(end - start - at, item ? item.index : Infinity));
        const rest = own.slice(mine.length, item ? item.index : Infinity);
        const later = item ? rest : table ? after : `${rest}\n${after}`;
        const stop = table ? paragraph.slice(start, end) : mine;
        if ((!table && aspect.takenBack?.test(mine)) || laterTakesBack(aspect, later, stop)) return false;
        // Further on in the section, a sentence taking back what it names by its name ("*Update:* … Elmfield day
        // hospital will **not** close") takes it back too.
        further ??= new FurtherOn(aspect, following(paragraphs, p, FARTHER_REACH));
        // Or withdrawing it by its number in a list ("4. Decommission …", then "… has therefore withdrawn intention 4").
        const number = itemNumber(paragraph, start);
        return !further.namedLater(stop) && !(number && further.withdrawnByNumber(number));
      });
    });
  });
}

/** The number of the list item a statement opens, if it opens one ("4. Decommission …"): read only around the statement's start. */
function itemNumber(paragraph: string, start: number): string | undefined {
  const from = Math.max(0, start - ITEM_REACH);
  const m = ITEM_NUMBER.exec(paragraph.slice(from, start + ITEM_REACH));
  // At the paragraph's start or after a line break, not mid-line where the window happens to open.
  return m && (m.index > 0 || from === 0 || paragraph[from] === '\n') ? m[1] : undefined;
}
const ITEM_NUMBER = /(?:^|\n)[ \t]*(\d{1,2})[.)][ \t]/;
const ITEM_REACH = 8;
/** How many sentences after a stop, in its paragraph, may take it back ("…will close. However, following consultation, it will remain open"). */
const LATER_SENTENCES = 6;

/** The last paragraph before the p-th with any text (walking back, not filtering all of them for each sentence). */
/** For each paragraph, the last one before it with text (undefined for none). */
function filledBefore(paragraphs: string[]): Array<string | undefined> {
  const out: Array<string | undefined> = [];
  let last: string | undefined;
  for (const paragraph of paragraphs) {
    out.push(last);
    if (paragraph.trim()) last = paragraph;
  }
  return out;
}

/** The paragraphs after the p-th, joined, up to `reach` characters (only as many as it takes). */
function following(paragraphs: string[], p: number, reach: number): string {
  let out = '';
  for (let i = p + 1; i < paragraphs.length && out.length < reach; i++) out += (i > p + 1 ? '\n\n' : '') + paragraphs[i];
  return out.slice(0, reach);
}

/**
 * Paragraphs with a sentence a page break cut rejoined: one ending mid-sentence ("…the contract for
 * the day service will not be") runs on into the next that opens in lowercase ("renewed after 31
 * March 2011."), past the page's number and running title between (short lines, no sentence's end).
 */
function acrossPages(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    let paragraph = paragraphs[i];
    if (MID_SENTENCE.test(paragraph)) {
      let j = i + 1;
      while (j < paragraphs.length && j <= i + PAGE_FURNITURE && !RESUMES.test(paragraphs[j]) && isFurniture(paragraphs[j])) j++;
      if (j < paragraphs.length && j <= i + PAGE_FURNITURE && RESUMES.test(paragraphs[j])) {
        paragraph = `${paragraph.trimEnd()} ${paragraphs[j].trimStart()}`;
        i = j;
      }
    }
    out.push(paragraph);
  }
  return out;
}

/** A line alone, set out with a wide gap to a page's number at its end. */
const PAGE_HEADER = /^\s*[^\n]{3,120}?\S[ \t]{6,}\d{1,4}\s*$/;
/** A paragraph that stops mid-sentence: on a lowercase word or a comma. */
const MID_SENTENCE = /[\p{Ll},][ \t]*$/u;
/** A paragraph that goes on with a sentence: it opens in lowercase. */
const RESUMES = /^\s*\p{Ll}/u;
/** The most paragraphs a page break leaves between a sentence's two halves (a page number, a running title, a blank). */
const PAGE_FURNITURE = 3;
/** A page's furniture: blank (a running line already dropped), or one short line with no sentence's end. */
const isFurniture = (x: string): boolean => !x.trim() || (!x.trim().includes('\n') && x.trim().length <= FURNITURE_LENGTH && !/[.:;!?]$/.test(x.trim()));
const FURNITURE_LENGTH = 100;

/** A paragraph's first sentence (all of it, if it has one sentence or none). */
function openingSentence(paragraph: string): string {
  const first = sentenceSpans(paragraph, { start: 0, end: paragraph.length })[0];
  return first ? paragraph.slice(0, first.end) : paragraph;
}

/** A clause number opening a paragraph: "8.4 Psychiatric liaison will…", "4.3.2 The contract…". */
const CLAUSE_NUMBER = /^\s*\d{1,3}(?:\.\d{1,3})+\.?[ \t]/;
/** A sentence that opens on a condition: "Where a service is to be re-tendered, …", "If …", "Unless …". */
const CONDITION_OPENING = /^\W*(?:if|unless|where|wherever|should|in the event)\b/i;

/** A run-in label in bold or italics opening a paragraph: "**Crisis house.** …", "*Street triage pilot.* …". */
const RUN_IN_LABEL = /^\s*(\*\*|__|\*|_)(?=\S)[^*_\n]{2,80}?[.:]\1(?=\s)/;

/**
 * Whether a paragraph's first line is a label naming the document's apparatus ("**Glossary of terms used in
 * this section**"); `alone`: the label is all the paragraph holds.
 */
function apparatus(policy: Policy, paragraph: string, alone = false): boolean {
  const text = paragraph.trim();
  const nl = text.indexOf('\n');
  if (alone && nl >= 0) return false;
  const label = /^(\*\*|__)([^*_\n]{3,80})\1\s*$/.exec(nl < 0 ? text : text.slice(0, nl).trim());
  return !!label && policy.apparatus.test(label[2].trim().toLowerCase());
}

/** A lead describing the things its list names by a relative clause: "… services that …:". */
const CLASS_LEAD = /\b(?:services?|contracts?|schemes?)\s+(?:that|which|whose|where)\b.*:\s*$/is;

/** How far back from its colon a list's lead is read. */
const LEAD_REACH = 300;

/**
 * Whether the lead into the list a paragraph holds says its items state nothing ("The options in
 * the consultation document are:"): the paragraph's text before its first item, or the paragraph
 * before, when it ends in a colon; read from its last full stop.
 */
function leadStatesNothing(aspect: AspectDef, paragraph: string, before: () => string): boolean {
  const first = paragraph.search(LIST_LINE);
  const lead = (first > 0 ? paragraph.slice(0, first) : before()).trimEnd();
  if (!lead.endsWith(':')) return false;
  const tail = lead.slice(-LEAD_REACH);
  const stop = Math.max(tail.lastIndexOf('. '), tail.lastIndexOf('? '), tail.lastIndexOf('! '), tail.lastIndexOf('\n\n'));
  const said = tail.slice(stop + 1).trim();
  // A lead naming a class of services, then listing them ("we will decommission services that … are no longer the
  // best use of resources:"), says its items are those services: no policy with none named.
  if (CLASS_LEAD.test(said) && aspect.signals.test(said)) return false;
  return !!aspect.notStated?.test(said);
}

/**
 * Where in one sentence a statement states the aspect, if one does: a list's items, a table's rows
 * and a sentence's clauses after a semicolon are statements of their own. A table's header row is
 * labels: a column headed "Decommission" says so, but "| Service | Contract end |" is no ending.
 */
function statementStates(policy: Policy, aspect: AspectDef, sentence: string, caption: () => string = () => '', prior = ''): number | undefined {
  const lines = sentence.split('\n');
  const head = (i: number) => DELIMITER_ROW.test(lines[i + 1] ?? '');
  const heads = lines.flatMap((_line, i) => (head(i) ? [i] : []));
  // A table by year whose line for something commissioned falls to nothing: money ("Day services | 240 | 120 | 0"),
  // or places, beds or hours, where what the line counts is what it names ("Hostel places (Milton House) | 24 | 12 | 0";
  // not "People waiting for the service | 40 | 20 | 0").
  const years = heads.length && aspect.stops ? yearColumns(lines[heads[0]]) : undefined;
  if (years?.size) {
    const stops = aspect.stops!;
    const rows = lines.filter((line, i) => TABLE_ROW.test(line) && !DELIMITER_ROW.test(line) && !head(i));
    // Money by its caption or header ("Planned reinvestment (£k)"), or by its cells' currency ("| £40,000 | £20,000 | £0 |").
    const money = MONEY.test(`${caption()}\n${lines[heads[0]]}`) || rows.some((row) => CURRENCY.test(row));
    const names = (label: string) => (money ? stops.objects.test(label) : countsObject(stops, label));
    if (rows.some((row) => fallsToNothing(row, years) && names(row.replace(/^[\s|]*/, '').split('|')[0]) && !aspect.takenBack?.test(row))) return 0;
  }
  // Under a header that says the rows state nothing ("| Option | Description | Outcome |"), neither do they.
  const options = heads.some((i) => aspect.notStated?.test(lines[i].replace(/^[\s|*]+/, '')));
  const body = heads.length ? lines.filter((line, i) => !DELIMITER_ROW.test(line) && !head(i) && !(options && TABLE_ROW.test(line))).join('\n') : sentence;
  // A column whose every cell is an activity ("| Stop |": "Asking people to repeat their history…") or names
  // nothing a commissioner pays for ("Paper referrals and faxed letters") stops practices, not services.
  const activity = (cell: string) => {
    const first = ACTIVITY.exec(cell);
    return first ? !aspect.stops?.objects.test(first[1]) : !AMOUNT.test(cell) && !aspect.stops?.objects.test(cell);
  };
  // Each header over its own rows, up to the next table's header (tables run together are read in linear time).
  if (heads.some((i, h) => aspect.signals.test(lines[i]) && says(policy, aspect, filledColumns(lines[i], lines.slice(i + 2, heads[h + 1] ?? lines.length), activity), false))) return 0;
  // Only the statements where the text holds a signal or a verb of ending are read (a table of 100,000 rows is 100,000 statements).
  const hits = [...aspect.signals.spans(body), ...(aspect.stops?.actions.spans(body) ?? [])];
  if (!hits.length) return undefined;
  // By end, walked once as the statements go on (a sentence of 40,000 clauses is linear).
  hits.sort((a, b) => a[1] - b[1]);
  let h = 0;
  const breaks = new RegExp(STATEMENT_BREAK.source, 'g');
  let from = 0;
  for (const m of [...body.matchAll(breaks), undefined]) {
    const to = m ? m.index! : body.length;
    while (h < hits.length && hits[h][1] <= from) h++;
    // A hard-wrapped line ("will not be / continued") is one line of words; a word a hyphen broke at the
    // line's end ("commis-" / "sioned") keeps its break, where the phrase matcher reads it whole.
    // (Its place in the sentence where the body is the sentence: a table's is read from its start.)
    // A hit ending past the statement's start and starting before its end (hits end in order; a few start late).
    let held = false;
    for (let k = h; k < hits.length && !held && k < h + HITS_LOOKED; k++) held = hits[k][0] < to;
    if (held && says(policy, aspect, body.slice(from, to).replace(/(?<!-)[ \t]*\r?\n[ \t]*/g, ' '), true, from === 0 ? prior : '')) return body === sentence ? from : 0;
    if (m) from = m.index! + m[0].length;
  }
  return undefined;
}

/** Whether one statement states the aspect: by a signal, or (`read`) by a verb of ending read with what it ends. */
function says(policy: Policy, aspect: AspectDef, said: string, read: boolean, prior = ''): boolean {
  // Struck-through text ("~~Decommission from 31 March~~") is deleted: it says nothing.
  const unit = said.includes('~~') ? said.replace(new RegExp(STRUCK.source, 'g'), (m) => ' '.repeat(m.length)) : said;
  if (!aspect.signals.test(unit) && !(read && aspect.stops?.actions.test(unit))) return false;
  // A placeholder's words in a clause giving the reason ("…, because its functions will be carried out by the
  // neighbourhood team") defer nothing: the statement before them stands.
  if (policy.placeholders.spans(unit).some(([p]) => !REASON_BEFORE.test(unit.slice(0, p))) || aspect.notStated?.test(unit)) return false;
  // A row whose every value says none ("| Disinvestment | None planned | None planned |") states nothing.
  if (TABLE_ROW.test(unit)) {
    const values = valueCells(unit).filter((c) => c.trim());
    if (values.length && values.every((c) => NONE_CELL.test(c))) return false;
    // A template's row, its fields still to fill ("| Decommission | [Insert service name] | [Provider] | [dd/mm/yyyy] |").
    const fields = values.filter((c) => FIELD_CELL.test(c) || policy.placeholders.test(c));
    if (fields.length >= 2 && fields.length * 2 >= values.length) return false;
    // A row takes itself back ("| Current contract expires | Reprocure |"); a later row does not take it back.
    if (aspect.takenBack?.test(unit)) return false;
  }
  const misses = aspect.nearMisses?.spans(unit) ?? [];
  // A run-in label's word ("**Disinvestment.** … we have not found any service that should be decommissioned")
  // is the topic; where the words after it miss, it states nothing either.
  const label = misses.length ? LEAD_LABEL.exec(unit) : null;
  const signalled = aspect.signals.spans(unit).some(([s, e]) => !misses.some(([ms, me]) => s < me && e > ms) && !(label && e <= label[0].length) && !endingDeniedOrPast(unit, s, e));
  // Emphasis is no word of the statement ("We will **stop** paying…", "**Riverside Resource Centre** will close"): blanked, offsets kept.
  return signalled || (read && !!aspect.stops && statesStop(aspect.stops, unit.includes('**') || unit.includes('__') ? unit.replace(/\*\*|__/g, '  ') : unit, misses, prior));
}

/** How many hits ending past a statement's start are looked at for one starting inside it (bounded). */
const HITS_LOOKED = 64;

/** A clause giving a reason, open before a point in a statement: "…, because its functions will be…". */
const REASON_BEFORE = /\b(?:because|since|given that|now that)\b[^.;:]*$/i;
/** A run-in label in bold opening a statement: "**Disinvestment.** ". */
const LEAD_LABEL = /^\s*(?:\*\*|__)[^*_\n]{1,60}(?:\*\*|__)/;
/** A run of struck-through text. */
const STRUCK = /~~[^~\n]+~~/;

const CURRENCY = /[£$€]/;
/** Money, in a table's caption or header: a currency sign or a word for a budget. */
const MONEY = /[£$€]|\b(?:budgets?|funding|(?:re|dis)?investments?|spend|allocations?|costs?)\b/i;
/** How far before a piece its caption is looked for. */
const CAPTION_REACH = 200;
/** A row's cells after its label. */
const valueCells = (line: string): string[] => line.trim().replace(/^\||\|$/g, '').split('|').slice(1);

/** The value columns headed by a period ("2015/16", "Year 2") and not by a change ("Change (£m)"). */
function yearColumns(header: string): ReadonlySet<number> {
  return new Set(valueCells(header).flatMap((h, k) => (PERIOD.test(h) && !CHANGE_COLUMN.test(h) ? [k] : [])));
}

/** A cell of nothing, for a quick look before the rows are read: a zero anywhere ("| £0 | Funding released… |"), or at a row's end "Closed (0)", "nil", "None – …", "✗". */
const ZERO_CELL = /\|[ \t]*[£$€]?0[ \t]*[km]?[ \t]*(?:\||$)|\|[^|\n\d]*\(0\)[^|\n\d]*\|?[ \t]*$|\|[ \t]*(?:(?:nil|none|zero)\b|[✗✘])[^|\n]*\|?[ \t]*$/im;
/** A column of a time: a year, "Year 2", "Q3", or the state now and to come ("Current", "Future"). */
const PERIOD = /\b(?:19|20)\d\d\b|\b\d{2}\/\d{2}\b|\byears?\b|\byr\b|\bq[1-4]\b|\b(?:current|existing|future|proposed)\b/i;
const CHANGE_COLUMN = /\b(?:change|difference|variance|increase|decrease|savings?|growth|movement|net)\b|[±]|\+\s*\/\s*[-−–]/i;
/** An amount: money or a count, with its unit ("£1.2m", "18 beds", "2 teams (North/South)"), or a tick. */
const AMOUNT = /^\s*\(?[£$€]?\s*\d[\d,]*(?:\.\d+)?\s*[km]?\)?(?:\s+\p{L}+){0,2}(?:\s*\([^()]*\))?\s*$|^\s*[✓✔]\s*$/iu;
/**
 * Nothing: "0", "£0k", "nil", a cross, a note with a nought in brackets ("Phase-out complete (0)"),
 * or "None" with a note after it ("None – funding transferred to crisis house").
 */
const NOTHING = /^\s*[£$€]?\s*0+(?:\.0+)?\s*[km]?\s*$|^\s*(?:nil|none|zero)\s*(?:[–—:;-].*)?$|^\s*[✗✘]\s*$|^[^\d]*\(0\)[^\d]*$/i;

/**
 * Whether a table row's amounts, year by year, end at nothing after something: "| Day services |
 * 240 | 120 | 0 |" under "2015/16 | 2016/17 | 2017/18". Only columns headed by a period count:
 * "Investment | Released" are no years, and a column of changes ("Change (£m)", "+/−") holds
 * differences, not amounts ("| 2.4 | 2.4 | 0.0 |" ends nothing).
 */
function fallsToNothing(row: string, years: ReadonlySet<number>): boolean {
  const cells = valueCells(row).filter((_, k) => years.has(k));
  const amounts = cells.filter((c) => AMOUNT.test(c) || NOTHING.test(c));
  return amounts.length >= 2 && NOTHING.test(amounts[amounts.length - 1]) && amounts.slice(0, -1).some((c) => !NOTHING.test(c));
}

const PARAGRAPH_BREAK = /\n[ \t]*\n/;
/**
 * A list item's marker: a bullet (Word's kept as characters too: its second level's "o" before a
 * capital, its Symbol font's "\uF0B7"), a number, or a letter or roman numeral in brackets ("(c)").
 */
const MARKER = String.raw`(?:[-*+•▪●◦\uF0B7]|o(?=[ \t]+[A-Z])|\d{1,3}[.)]|\(?[a-h]\)|\((?:i{1,3}|iv|vi{0,3})\))[ \t]`;
/** A list item's marker at a line's start. */
const ITEM_MARK = String.raw`[ \t]*${MARKER}`;
/** Where the next list item starts. */
const LIST_ITEM = new RegExp(`\n${ITEM_MARK}`);
/** Where a list starts in a paragraph. */
const LIST_LINE = new RegExp(`(?:^|\n)${ITEM_MARK}`);

/**
 * Whether a sub-heading's prose names what its heading stops ("The assertive outreach team
 * as a separate service (March 2014)"): items naming something a commissioner pays for,
 * none of them denying it ("no service will close") or leaving it open, and no item denying
 * the aspect itself ("Disinvestment: none planned").
 */
export function namesStops(aspect: AspectDef, prose: string): boolean {
  const items = sentenceSpans(prose, { start: 0, end: prose.length }).flatMap(({ start, end }) => prose.slice(start, end).split(STATEMENT_BREAK));
  const named = items.filter((u) => aspect.stops!.objects.test(u));
  // An item that names the aspect and denies it ("| Disinvestment | None planned |") says the heading stops nothing.
  if (items.some((u) => aspect.signals.test(u) && DENIAL.test(u))) return false;
  return named.length > 0 && !named.some((u) => DENIAL.test(u) || aspect.notStated?.test(u));
}

/** A template's field: a cell that is one bracketed name ("[Provider]", "[dd/mm/yyyy]", "[£k]"). */
const FIELD_CELL = /^\s*\[[^\]\n]{1,40}\]\s*$/;

/** A cell that says there is none: "None planned", "nil", "n/a". */
const NONE_CELL = /^\W*(?:none|nil|nothing|zero|n\/a)\b/i;
const DENIAL = /\b(?:no|not|none|never|nothing)\b|n't\b/i;

/** Where a sentence holds more than one statement: a semicolon, or a new list item. */
// A semicolon inside a table's cell is the row's own ("| Decommissioned; funding moved | Completed – closed 2016 |").
const STATEMENT_BREAK = new RegExp(`;\\s+(?![^\\n|]{0,400}\\|)|\\n(?=${ITEM_MARK}|[ \\t]*\\|)`);
const TABLE_ROW = /^[ \t]*\|/;
/** A cell that holds nothing: "—", "-", "No" (under "Decommission?"), "n/a", "none", "None identified for 2025/26", "0", or a deferral ("TBC following review"). */
const BLANK_CELL = /^[\s—–\-.*_]*$|^\W*no\W*$|^\W*(?:n\/?a|none|nil|nothing)(?:\W*$|\s+(?:identified|planned|proposed|agreed|expected|known|yet|currently|at present)\b|\s*[–—:;]\s)|^\s*[£$€]?\s*0+(?:\.0+)?\s*[km]?\s*$|^\W*(?:tbc|tbd|tba|to be (?:confirmed|agreed|decided|determined))\b/i;

/**
 * A table's header row with only the columns something is written under: a "Stop"
 * column whose every cell is "—" stops nothing. `body`: the lines after the delimiter row.
 */
function filledColumns(header: string, body: string[], activity: (cell: string) => boolean): string {
  const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|');
  const rows = body.filter((line) => TABLE_ROW.test(line)).map(cells);
  if (!rows.length) return header;
  // A column of sums ("Disinvest 2014/15 | £12.8k") cuts budgets; it stops something only where a sum is the row's whole.
  const stated = (k: number) => {
    const filled = rows.filter((r) => r[k] !== undefined && !BLANK_CELL.test(r[k]));
    return filled.length > 0 && (!filled.every((r) => AMOUNT.test(r[k])) || filled.some((r) => wholeSum(r, k))) && !filled.every((r) => activity(r[k]));
  };
  return cells(header)
    .filter((_, k) => stated(k))
    .map((c) => `| ${c.trim()} |`)
    .join(' ');
}

/** A cell opening with a verb's "-ing" form: an activity ("Asking people to…", "Using separate forms"), unless it names what is bought ("Funding…"). */
const ACTIVITY = /^[\s*_]*(\p{L}+ing)\b/u;

/** Whether a row's sum in column k is its whole: marked so ("£310k (full)") or equal to another sum in the row. */
function wholeSum(row: string[], k: number): boolean {
  if (WHOLE.test(row[k])) return true;
  const value = sumOf(row[k]);
  return value !== undefined && value > 0 && row.some((c, j) => j !== k && sumOf(c) === value);
}

const WHOLE = /\b(?:full|all|whole|entire|total)\b|\b100\s*%/i;

/** A cell's sum of money in units ("£1.53m" is 1,530,000), if it holds one. */
function sumOf(cell: string): number | undefined {
  const m = /^\s*\(?[£$€]?\s*(\d[\d,]*(?:\.\d+)?)\s*([km]?)\)?\s*$/i.exec(cell);
  if (!m) return undefined;
  const scale = { k: 1e3, m: 1e6 }[m[2].toLowerCase()] ?? 1;
  return Math.round(Number(m[1].replace(/,/g, '')) * scale);
}
/** A pipe table's delimiter row ("|---|:--:|"). */
// Each run of spaces belongs to one place (a bar owns the spaces after it): a failed match of a long run stays linear.
const DELIMITER_ROW = /^[ \t]*(?:\|[ \t]*)?:?-+:?(?:[ \t]*\|[ \t]*:?-+:?)+[ \t]*(?:\|[ \t]*)?$/;

