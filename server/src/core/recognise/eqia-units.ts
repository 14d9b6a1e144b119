// The EqIA's units: each stretch of an assessment that can hold one group's
// determination (a table's row or column, a list item and its nested lines, a
// sub-section, a labelled paragraph, a sentence), read from the many shapes an
// EqIA takes in Markdown and in text a converter wrote (tables a cell per line
// or per paragraph, rows flattened into lines, labels opening lines), and each
// group's mentions in them. eqia.ts judges each group in these units.
import type { Block, Cell, DocModel, Row, Section, Span } from '../model/types';
import { cellSpans } from '../model/text-tables';
import type { Policy } from '../policy/types';
import { findMentions, type Mention } from './groups';
import type { DocState } from './doc-state';
import { keyBefore, type RatingKey } from './rating-key';
import { sentenceSpans, wordCount } from './text';
import { lastAtOrBefore } from '../sorted';

/** A stretch of the EqIA that can hold one determination: a row, item, sub-section or sentence. */
export interface Unit {
  model: DocModel;
  source?: string;
  /** Where its subject groups are named. */
  subject: Span;
  /** The subject's lines when it is a text-table cell drawn over several (the subject then runs over its neighbours). */
  subjectParts?: Span[];
  /** Where its determination is looked for. */
  body: Span[];
  /** Table rows and columns are one unit per group even when a cell names several. */
  structured: boolean;
  /** For tables: each value cell with the header cell of its column (or row). */
  pairs?: Array<{ header?: Cell; value: Cell }>;
  /** Judge the body without its blanket sentences ("no group will be disadvantaged"). */
  blanketFree?: boolean;
  subjects?: Mention[];
  /** For a table rated in colours or symbols: the key above it. */
  key?: RatingKey;
  /** Each body span is a cell of the subject's row (a table a cell per paragraph): each opens with its own statement. */
  cells?: boolean;
}

/**
 * Every group's mentions in a model's masked text [from, to): for the
 * document's own text, kept in the memo of the chunk holding the span (a
 * search of the span's text alone finds them, at offsets from its start); every
 * EqIA cell, sentence and sub-heading is searched on every lint.
 */
export function mentionsIn(doc: DocState | undefined, model: DocModel, policy: Policy, from: number, to: number): Mention[] {
  if (doc?.model !== model) return findMentions(policy, policy.groups, model.masked, from, to);
  const local = doc.inChunk(policy.groups, 'mentions', from, to, (text) => findMentions(policy, policy.groups, text, 0, text.length, doc.about(from, to)));
  return from ? local.map((m) => ({ ...m, start: m.start + from, end: m.end + from })) : local;
}

/**
 * Group mentions in text drawn over several lines (a text-table cell): found in
 * the lines joined, so a name wrapped across them ("Gender / reassignment")
 * still reads as one, then placed back on the source.
 */
export function mentionsInParts(policy: Policy, masked: string, parts: Span[]): Mention[] {
  let joined = '';
  const starts: number[] = [];
  for (const p of parts) {
    starts.push(joined.length);
    joined += masked.slice(p.start, p.end) + ' ';
  }
  const toSource = (i: number) => {
    let k = starts.length - 1;
    while (k > 0 && starts[k] > i) k--;
    return Math.min(parts[k].start + (i - starts[k]), parts[k].end);
  };
  return findMentions(policy, policy.groups, joined).map((m) => ({ ...m, start: toSource(m.start), end: toSource(Math.max(m.start, m.end - 1)) + 1, text: joined.slice(m.start, m.end) }));
}

/** A list item as its own line and each item nested in it ("- Gender", "  - Evidence: …", "  - Impact: …"). */
function subItems(model: DocModel, it: Span): Span[] {
  const out: Span[] = [];
  let from = it.start;
  for (let at = model.source.indexOf('\n', it.start) + 1; at > 0 && at < it.end; at = model.source.indexOf('\n', at) + 1) {
    if (!NESTED_ITEM.test(model.source.slice(at, Math.min(at + NESTED_REACH, it.end)))) continue;
    out.push({ start: from, end: at - 1 });
    from = at;
  }
  out.push({ start: from, end: it.end });
  return out;
}

/** A nested item's opening: indented, then a bullet or a number. */
const NESTED_ITEM = /^[ \t]+(?:[-*+•]|\d{1,2}[.)])[ \t]/;
const NESTED_REACH = 24;

/** Splits an EqIA section into units: table rows or columns, list items, group sub-sections, sentences. */
/**
 * Where a sub-section's text about its heading's groups ends: at a paragraph that opens by naming another
 * group (a table laid out one cell to a line and read as short titles: "Marriage and civil partnership
 * Not applicable – –", then "Pregnancy and maternity Positive …", a finding not the heading's).
 */
function ownEnd(doc: DocState | undefined, model: DocModel, policy: Policy, s: Section, heading: Span): number {
  const named = new Set(mentionsIn(doc, model, policy, heading.start, heading.end).map((m) => m.group));
  for (const b of s.blocks) {
    // A paragraph, or a table by its first row's label (a PDF table's label-only row read as a title,
    // "Religion or belief", over the rest of the table: "Sex | Positive | …").
    const opening = b.kind === 'paragraph' ? b : b.kind === 'table' ? b.rows?.[0]?.cells[0] : undefined;
    if (!opening || b.start < heading.end) continue;
    // One that opens with another group but names this one too ("Women in the perinatal period…" under
    // "Pregnancy and maternity") is still this one's.
    const mentions = mentionsIn(doc, model, policy, opening.start, opening.end);
    const first = mentions[0];
    if (first && first.start - opening.start <= OPENS_WITHIN && !mentions.some((m) => named.has(m.group))) return b.start;
  }
  return s.end;
}

/** A section titled by a line of plain text read as a title (no "#", "**" or tag: a cell of a converted table may be one). */
export function textTitle(model: DocModel, s: Section): boolean {
  return s.heading?.headingStyle === 'bold' && /^[ \t]*[\p{L}\p{N}]/u.test(model.source.slice(s.heading.start, s.heading.end));
}

/** How many group-titled sections in a row make a table flattened into titles, and how many titles after a group's are its cells. */
const FLATTENED_ROWS = 3;
export const CELLS_AFTER = 4;
/** The most words a cell read as a title has ("Community engagement with the Polish and Roma communities in"). */
export const CELL_WORDS = 12;

/** How far into a paragraph a group named "opens" it (a bullet, a bold mark). */
const OPENS_WITHIN = 4;

export function sectionUnits(model: DocModel, policy: Policy, section: Section, source: string | undefined, doc?: DocState): Unit[] {
  const units: Unit[] = [];
  // Per run of sibling sections: how many are headed by a group's name (a table flattened into titles has three or more).
  const namedIn = new Map<Section[], number>();
  const groupTitled = (x: Section) => !!x.heading && mentionsIn(doc, model, policy, x.heading.start, x.heading.end).length > 0;
  const visit = (s: Section, siblings: Section[] = [], k = 0) => {
    // Most of the section's paragraphs open with a bold label naming a group: it is written one paragraph per characteristic.
    // Or by a plain label naming a group ("Pregnancy and maternity: the perinatal pathway … for women …").
    const leads = s.blocks.filter((b) => b.kind === 'paragraph').map((b) => boldLeadIn(model, b)).filter((l): l is Span => !!l);
    const names = (l: Span) => mentionsIn(doc, model, policy, l.start, l.end).length > 0;
    const plainLeads = s.blocks.filter((b) => b.kind === 'paragraph').map((b) => plainLeadIn(model, b)).filter((l): l is Span => !!l && names(l));
    const labelled = leads.length >= 3 && leads.filter(names).length * 2 > leads.length;
    const plainLabelled = !labelled && plainLeads.length >= 3;
    // A sub-heading naming a group makes the whole sub-section its unit.
    const heading = s.heading && s !== section && mentionsIn(doc, model, policy, s.heading.start, s.heading.end).length ? s.heading : undefined;
    if (heading) {
      let end = ownEnd(doc, model, policy, s, heading);
      // A table a cell per paragraph, every short cell read as a title (`odt2txt`: "Race", then "Positive", then
      // its notes): a group's section with nothing of its own takes the titles after it up to the next group's.
      if (end === s.end && !s.blocks.length && !s.children.length && textTitle(model, s)) {
        if (!namedIn.has(siblings)) namedIn.set(siblings, siblings.filter(groupTitled).length);
        if (namedIn.get(siblings)! >= FLATTENED_ROWS) for (let j = k + 1; j < siblings.length && j <= k + CELLS_AFTER && !siblings[j].children.length && textTitle(model, siblings[j]) && !groupTitled(siblings[j]); j++) end = siblings[j].end;
      }
      units.push({ model, source, subject: heading, body: [{ start: heading.start, end }], structured: true });
    }
    s.blocks.forEach((b, i) => {
      // A quotation in the EqIA (a law's definition, a person's words) determines nothing.
      if (b.quoted) return;
      if (b.kind === 'table' && b.rows) {
        const key = keyBefore(model, policy, s.blocks, i);
        for (const u of tableUnits(model, policy, continuedRows(s.blocks, i, b.rows), source, doc)) units.push(key ? { ...u, key } : u);
        for (const u of labelSentences(model, policy, b.rows, source, doc)) units.push(u);
      }
      else if (b.kind === 'list' && b.items) {
        for (const it of b.items) units.push({ model, source, subject: labelOf(model, it), body: subItems(model, it), structured: false });
        // A nested list written flat (LibreOffice's text: "    • Age", then "        ◦ Impact: Positive. …"): a group's
        // item takes the items indented deeper after it as its own.
        for (const [k, deeper] of flatNesting(model, b.items)) {
          const label = labelOf(model, b.items[k]);
          if (mentionsIn(doc, model, policy, label.start, label.end).length) units.push({ model, source, subject: label, body: deeper, structured: true });
        }
        // A group alone in a list, then, past pandoc's "<!-- -->" that keeps two lists apart, a list of its
        // labelled lines ("Evidence: …", "Impact: Positive…"): a nested list the conversion flattened.
        let j = i + 1;
        while (s.blocks[j]?.kind === 'html') j++;
        const after = s.blocks[j];
        const [only] = b.items;
        if (b.items.length === 1 && after?.kind === 'list' && after.items?.length && after.start > b.end && mentionsIn(doc, model, policy, only.start, only.end).length) {
          const label = labelOf(model, after.items[0]);
          if (label !== after.items[0] && !mentionsIn(doc, model, policy, label.start, label.end).length) units.push({ model, source, subject: only, body: [after], structured: true });
        }
      } else if (b.kind === 'paragraph' || b.kind === 'other') {
        // A label alone in italics over its paragraph ("*Disability*", then "Impact: Positive. …"), as Word's
        // italic sub-headings convert: the label is the subject of the paragraph after it.
        // So is a paragraph that is a group's name and nothing else ("Age", then "Positive. Younger adults…"),
        // a table's cells one per paragraph as a PDF's text gives them, unless the next is another such name.
        const next = s.blocks[i + 1];
        if (next && (next.kind === 'paragraph' || next.kind === 'list') && ITALIC_LABEL.test(model.source.slice(b.start, b.end)) && !nameAlone(model, next) && mentionsIn(doc, model, policy, b.start, b.end).length) {
          units.push({ model, source, subject: b, body: [next], structured: true });
          return;
        }
        // A table a cell per paragraph, as `mutool` gives a PDF's (a cell's lines wrapped: "Gender" over
        // "reassignment"; a one-line label run into the paragraph of the cell after it, "Religion or belief"
        // over "Census 2021: …"): the row is the label and the paragraphs after it, up to the next label.
        const label = nameAlone(model, b) ? b : labelLine(model, b);
        if (label && next && (next.kind === 'paragraph' || next.kind === 'list' || label !== b) && !nameAlone(model, next) && mentionsIn(doc, model, policy, label.start, label.end).length) {
          // The paragraph after a name alone is its cell whatever its layout; the row goes on only through paragraphs that are cells.
          const body: Span[] = label === b ? [next] : [{ start: label.end, end: b.end }];
          // A paragraph opening with another group's name is that group's row ("Race Positive Black British men…").
          const mine = new Set(mentionsIn(doc, model, policy, label.start, label.end).map((m) => m.group.id));
          const othersOpen = (x: Block) => mentionsIn(doc, model, policy, x.start, Math.min(x.end, x.start + ROW_OPENING)).some((m) => !mine.has(m.group.id) && m.start - x.start <= ROW_OPENING_AT);
          const cell = (x: Block) => (x.kind === 'paragraph' || x.kind === 'list') && !nameAlone(model, x) && !labelLine(model, x) && !LAYOUT_GAP.test(model.masked.slice(x.start, x.end)) && !othersOpen(x);
          for (let j = label === b ? i + 2 : i + 1; j < s.blocks.length && j <= i + ROW_CELLS && cell(s.blocks[j]); j++) body.push(s.blocks[j]);
          units.push({ model, source, subject: label, body, structured: true, cells: true });
          return;
        }
        const lead = boldLeadIn(model, b);
        // Paragraphs labelled one per characteristic ("**Pregnancy and maternity.** Positive: women in
        // the perinatal period…"): the label alone is the subject (a paragraph whose label names none
        // of this policy's groups assesses none of them), whatever group words its sentences use.
        if (lead && labelled) {
          if (!mentionsIn(doc, model, policy, lead.start, lead.end).length) return;
          // A label and a question answered in the paragraph after ("**Q3.2 Disability.** Could the
          // framework affect disabled people differently?", then "Yes – positive impact. …").
          const answer = s.blocks[i + 1];
          if (answer?.kind === 'paragraph' && /\?\s*$/.test(model.masked.slice(lead.end, b.end))) units.push({ model, source, subject: { start: b.start, end: b.end }, body: [answer], structured: true });
          else units.push({ model, source, subject: lead, body: [{ start: lead.end, end: b.end }], structured: true });
          return;
        }
        // Its first sentence is the label's; later ones speak for themselves ("… Transgender people: no differential impact expected.").
        const plain = plainLabelled ? plainLeadIn(model, b) : undefined;
        if (plain) {
          if (names(plain)) units.push({ model, source, subject: plain, body: [{ start: plain.end, end: b.end }], structured: true });
          for (const sen of sentenceSpans(model.masked, b).slice(1)) units.push({ model, source, subject: sen, body: [sen], structured: false });
          return;
        }
        // A table a text browser flattened into lines ("Race Negative (mitigated) A digital front door…"):
        // each row is its own unit, and the prose before the rows the only sentences read, so a row left
        // blank ("Religion or belief") never borrows the verdict of the row under it.
        const rows = groupRows(model, policy, b, doc);
        if (rows.length) {
          for (const r of rows) units.push({ model, source, subject: r.label, body: r.start !== undefined ? [{ start: r.start, end: r.label.start }, { start: r.label.end, end: r.end }] : [{ start: r.label.end, end: r.end }], structured: true });
          const first = rows[0].start ?? rows[0].label.start;
          for (const sen of sentenceSpans(model.masked, { start: b.start, end: first })) units.push({ model, source, subject: sen, body: [sen], structured: false });
          return;
        }
        // A row whose label wraps, its two columns interleaved line by line (OCR, a PDF's plain text).
        const woven = interleavedLabel(model, b);
        if (woven) {
          units.push({ model, source, subject: woven.parts[0], subjectParts: woven.parts, body: woven.body, structured: true });
          for (const sen of sentenceSpans(model.masked, { start: woven.parts[1].end, end: b.end })) units.push({ model, source, subject: sen, body: [sen], structured: false });
          return;
        }
        // Lines that each open with a group's label, in one paragraph (a PDF's text with no blank lines:
        // "Race. Adverse impact identified, …", "Religion or belief. Neutral. …"): each label's lines are its unit.
        for (const run of labelledLines(model, policy, b, doc)) units.push({ model, source, subject: run.label, body: [{ start: run.label.end, end: run.end }], structured: true });
        const statements = sentenceSpans(model.masked, b).flatMap((sen) => clauseSpans(model, policy, sen, doc));
        for (const sen of statements) units.push({ model, source, subject: sen, body: [sen], structured: false });
        // A paragraph that names its group first and judges the impact later ("Black and minority
        // ethnic older people are under-diagnosed. … so we judge the impact to be positive.").
        const first = statements[0];
        if (first) units.push({ model, source, subject: first, body: [b], structured: false, blanketFree: true });
        // "**Trans and non-binary people.** … Positive impact: …": the label names the group, the paragraph assesses it.
        if (lead) units.push({ model, source, subject: lead, body: [{ start: lead.end, end: b.end }], structured: true });
      }
    });
    s.children.forEach((c, j) => visit(c, s.children, j));
  };
  visit(section);
  return withNotes(model, units);
}

/** The block holding an offset (blocks are in the document's order): one search, however many notes. */
function blockAt(blocks: Block[], at: number): Block | undefined {
  const b = blocks[lastAtOrBefore(blocks.length, (i) => blocks[i].start, at)];
  return b && b.start <= at && at < b.end ? b : undefined;
}

/** A footnote's call ("See note.[^12]") and a note's definition opening a line ("[^12]: The analysis found…"). */
const NOTE_CALL = String.raw`\[\^([^\]\s]{1,40})\](?!:)`;
const NOTE_DEFINITION = String.raw`(?:^|\n)\[\^([^\]\s]{1,40})\]:`;

/**
 * Units that call a footnote read its note too: a Word file's finding may stand in an endnote
 * ("**Religion or belief.** See note.[^12]"), which converts to a definition at the document's end.
 */
function withNotes(model: DocModel, units: Unit[]): Unit[] {
  if (!model.source.includes('[^')) return units;
  const notes = new Map<string, Span>();
  for (const m of model.source.matchAll(new RegExp(NOTE_DEFINITION, 'g'))) {
    const at = m.index! + m[0].length;
    const block = blockAt(model.blocks, at);
    if (block && !notes.has(m[1])) notes.set(m[1], { start: at, end: block.end });
  }
  if (!notes.size) return units;
  return units.map((u) => {
    if (u.pairs) return u;
    const called = u.body.flatMap((b) => [...model.source.slice(b.start, b.end).matchAll(new RegExp(NOTE_CALL, 'g'))].map((m) => notes.get(m[1])).filter((n): n is Span => !!n));
    return called.length ? { ...u, body: [...u.body, ...called] } : u;
  });
}

/**
 * A table continued from the one before it across a page break (the same header row, only a
 * caption or a page's footer between): a first row with no label carries on the row the page
 * broke ("Disability | 21% of … people with a", then "| | visual impairment … | Positive – …"),
 * so it is read under that row's label.
 */
function continuedRows(blocks: Block[], i: number, rows: Row[]): Row[] {
  const first = rows[1];
  if (!first || first.cells[0]?.text.trim() !== '' || first.cells.length < 2) return rows;
  let j = i - 1;
  while (j >= 0 && i - j <= PAGE_BREAK_BLOCKS && blocks[j].kind === 'paragraph') j--;
  const before = j >= 0 && blocks[j].kind === 'table' ? blocks[j].rows : undefined;
  const header = (r: Row) => r.cells.map((c) => c.text.trim().toLowerCase()).join('|');
  if (!before || before.length < 2 || header(before[0]) !== header(rows[0])) return rows;
  return [rows[0], { ...first, cells: [before[before.length - 1].cells[0], ...first.cells.slice(1)] }, ...rows.slice(2)];
}

/** What a page break leaves between a table and its continuation: a footer, a page number, a caption. */
const PAGE_BREAK_BLOCKS = 3;

/**
 * Sentences inside table cells that open with a group as a label ("Transgender
 * people: no specific impact identified."), so a group folded into another's
 * row can still get its own statement.
 */
function labelSentences(model: DocModel, policy: Policy, rows: Row[], source: string | undefined, doc?: DocState): Unit[] {
  const out: Unit[] = [];
  for (const r of rows.slice(1)) {
    for (const c of r.cells) {
      for (const sen of cellSpans(c).flatMap((part) => sentenceSpans(model.masked, part))) {
        const text = model.masked.slice(sen.start, sen.end);
        const label = /^\s*([^:;.]{3,50})[:–—]/.exec(text);
        if (!label) continue;
        const subject = { start: sen.start, end: sen.start + label[0].length };
        if (mentionsIn(doc, model, policy, subject.start, subject.end).length) out.push({ model, source, subject, body: [sen], structured: false });
      }
    }
  }
  return out;
}

/** A label in bold or italics opening a paragraph: "**Age.** …", "*Disability:* positive impact." */
export const LEAD_IN = /^\s*(\*\*|__|\*(?!\*)|_(?!_))([^*_\n]{2,80}?)\1/;

/** A bold or italic label opening a paragraph ("**Age.** …", "*Faith and belief:* …"), if there is one. */
function boldLeadIn(model: DocModel, b: Span): Span | undefined {
  const m = LEAD_IN.exec(model.source.slice(b.start, Math.min(b.end, b.start + 90)));
  return m ? { start: b.start + m.index, end: b.start + m[0].length } : undefined;
}

/**
 * A sentence that runs through the groups in clauses joined by semicolons, each a statement of
 * its own ("… we have therefore judged the impact on Black and minority ethnic people to be
 * positive; around 18% of … report a limiting long-term illness or disability; …"): each clause
 * is read alone, so one group's verdict is not another's. A list after a verdict ("Positive
 * impact: older people; women; BME communities") has short items and stays one statement.
 */
function clauseSpans(model: DocModel, policy: Policy, sen: Span, doc?: DocState): Span[] {
  const text = model.masked.slice(sen.start, sen.end);
  if (!text.includes(';')) return [sen];
  const parts: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(/;\s+/g)) {
    parts.push({ start: sen.start + from, end: sen.start + m.index! });
    from = m.index! + m[0].length;
  }
  parts.push({ start: sen.start + from, end: sen.end });
  const long = parts.every((p) => wordCount(model.masked.slice(p.start, p.end), CLAUSE_WORDS) >= CLAUSE_WORDS);
  const naming = parts.filter((p) => mentionsIn(doc, model, policy, p.start, p.end).length).length;
  return long && naming >= 2 ? parts : [sen];
}

/** The fewest words in each clause of a sentence read clause by clause. */
const CLAUSE_WORDS = 8;

/** An answer opening with yes or no, not "No data …". */
export const YES_NO = /^\W*(?:yes|no)\b(?!\s+(?:data|information|evidence|assessment|analysis|local|figures))/i;

/** A paragraph that is only a short label in italics: "*Gender reassignment*". */
const ITALIC_LABEL = /^\s*([*_])(?![*_\s])[^*_\n]{2,60}(?<!\s)\1\s*$/;

/** A plain label opening a paragraph ("Religion or belief: we found no differential impact."), if there is one. */
function plainLeadIn(model: DocModel, b: Span): Span | undefined {
  const m = /^\s*[\p{Lu}][^:\n.;]{1,70}:(?=\s)/u.exec(model.masked.slice(b.start, Math.min(b.end, b.start + 80)));
  return m && wordCount(m[0], PLAIN_LABEL_WORDS + 1) <= PLAIN_LABEL_WORDS ? { start: b.start + m.index, end: b.start + m[0].length } : undefined;
}

/**
 * A two-column row whose label wraps, as OCR or a PDF's plain text interleaves the columns: "Gender (men
 * and women, including No differential impact identified for" / "transgender people) men and women. …".
 * The bracket the label opens closes at the next line's start, and its first line's words after the
 * label run into a capital: the label is the two pieces, the finding what lies between and after.
 */
function interleavedLabel(model: DocModel, b: Span): { parts: Span[]; body: Span[] } | undefined {
  const m = WOVEN_LABEL.exec(model.masked.slice(b.start, Math.min(b.end, b.start + WOVEN_REACH)));
  if (!m) return undefined;
  const close = b.start + m[0].length;
  const opens = close - m[3].length;
  const finding = opens - 1 - m[2].length;
  return { parts: [{ start: b.start, end: b.start + m[1].length }, { start: opens, end: close }], body: [{ start: finding, end: finding + m[2].length }, { start: close, end: b.end }] };
}

/** A label opening a bracket ("Gender (men and women, including"), a finding from a capital, the bracket closed on the next line. */
const WOVEN_LABEL = /^([ \t]*\p{Lu}[^\n()]{0,40}\(\p{Ll}[^\n()]{0,60}?)[ \t]+(\p{Lu}[^\n()]*)\n([^\n()]{1,60}\))/u;
/** How far into a paragraph such a label is looked for. */
const WOVEN_REACH = 400;

/** A plain label is short: "Trans people and lesbian, gay and bisexual people:". */
const PLAIN_LABEL_WORDS = 10;

/** A line opening with a short label and a full stop or colon: "Race. Adverse impact…", "Age: positive". */
const LINE_LABEL = String.raw`(?:^|\n)[ \t]*(\p{Lu}[^.:;\n]{1,60})[.:](?=[ \t])`;
/** How many labelled lines make a paragraph one written label by label. */
const LABELLED_LINES = 3;
const LINE_LABEL_WORDS = 6;

/**
 * A paragraph whose lines open with labels naming groups, three or more: each label with the
 * lines up to the next (a PDF's text run together: "Age. Positive impact. …", "Race. Adverse …").
 */
function labelledLines(model: DocModel, policy: Policy, b: Span, doc?: DocState): Array<{ label: Span; end: number }> {
  const text = model.masked.slice(b.start, b.end);
  if (!text.includes('\n')) return [];
  const labels: Span[] = [];
  for (const m of text.matchAll(new RegExp(LINE_LABEL, 'gu'))) {
    const start = b.start + m.index! + m[0].length - m[1].length - 1;
    const label = { start, end: start + m[1].length + 1 };
    // "Sexual orientation – impact not known." is a label and its finding, not a label.
    if (!/\s[-–—]\s/.test(m[1]) && wordCount(m[1], LINE_LABEL_WORDS + 1) <= LINE_LABEL_WORDS && mentionsIn(doc, model, policy, label.start, label.end).length) labels.push(label);
  }
  if (labels.length < LABELLED_LINES) return [];
  return labels.map((label, k) => ({ label, end: k + 1 < labels.length ? labels[k + 1].start : b.end }));
}

/** A paragraph of a few words, capitalised, with no punctuation: a label's cell ("Age", "Religion or belief"), not prose. */
function nameAlone(model: DocModel, b: Block): boolean {
  const text = model.masked.slice(b.start, b.end).trim();
  return b.kind === 'paragraph' && NAME.test(text) && wordCount(text, FLAT_LABEL_WORDS + 1) <= FLAT_LABEL_WORDS;
}

/** A short capitalised name (wrapped over lines, as a narrow cell wraps it), no stop or colon in it. */
const NAME = /^\p{Lu}[\p{L}\s’'/&-]*$/u;

/** A paragraph's first line where it is a name alone and more lines follow ("Religion or belief" over "Census 2021: …"). */
function labelLine(model: DocModel, b: Block): Span | undefined {
  if (b.kind !== 'paragraph') return undefined;
  const text = model.masked.slice(b.start, b.end);
  const nl = text.indexOf('\n');
  if (nl < 0 || !text.slice(nl).trim()) return undefined;
  const first = text.slice(0, nl).trim();
  // The next cell opens anew ("Census 2021: …"); a line going on in lower case is the same cell's text wrapped.
  if (!/^\s*[\p{Lu}\p{N}]/u.test(text.slice(nl))) return undefined;
  return NAME.test(first) && wordCount(first, FLAT_LABEL_WORDS + 1) <= FLAT_LABEL_WORDS ? { start: b.start, end: b.start + nl } : undefined;
}

/** A line with a layout's gap in it (`pdftotext -layout`): columns side by side, not a cell a paragraph. */
const LAYOUT_GAP = /\S[ \t]{3,}\S/;

/** How far into a paragraph another group's name opens a row of its own: its first words. */
const ROW_OPENING = 40;
const ROW_OPENING_AT = 3;

/** The most cells after its label a row written a cell per paragraph holds (evidence, impact, mitigation, lead…). */
const ROW_CELLS = 5;

/** A line ending a row: a sentence's end or a cell's dash, then the line break. */
const ROW_ENDED = /(?:[.!?)]|\s[–—-])[ \t]*\n$/;
const ROW_END_REACH = 8;

/** How many rows, naming as many groups, make a paragraph a flattened table. */
const FLAT_ROWS = 4;
/**
 * A row's first cell: a capitalised name up to the next capitalised cell, a bracket, a gap of two
 * spaces or more (a layout's column) or the line's end, with no stop, colon or dash in it ("Age – positive impact. The …" is a label and its finding).
 */
const FLAT_LABEL = /^\p{Lu}[^\n.:;–—]*?(?=[ \t]+[\p{Lu}(]|[ \t]{2,}|[ \t]*(?:\n|$))(?<!\s-\s.*)/u;
export const FLAT_LABEL_WORDS = 5;
const FLAT_LABEL_REACH = 120;

/**
 * The rows of a table flattened into a paragraph, cells run together with single spaces as
 * `lynx -dump` writes one ("Age Positive All-age approach…", "Religion or belief", "Sex
 * Positive …"): lines opening with a short capitalised label that a group's name opens,
 * four or more naming four groups or more; each row runs to the next (its cells may wrap).
 */
function groupRows(model: DocModel, policy: Policy, b: Span, doc?: DocState): Array<{ label: Span; start?: number; end: number }> {
  const text = model.masked.slice(b.start, b.end);
  if (!text.includes('\n')) return [];
  const opening = new Map<number, Mention>();
  for (const m of mentionsIn(doc, model, policy, b.start, b.end)) if (!m.subsumed && !opening.has(m.start)) opening.set(m.start, m);
  const labels: Span[] = [];
  const groups = new Set<string>();
  // Rows labelled by no group of the policy ("Carers Positive More support…"): where the row above ends.
  const others: number[] = [];
  for (let at = 0; at < text.length; ) {
    const eol = text.indexOf('\n', at);
    const lineEnd = eol < 0 ? text.length : eol;
    const indent = /^[ \t]*/.exec(text.slice(at, lineEnd))![0].length;
    const m = opening.get(b.start + at + indent);
    // A label is a few words: reading a bounded prefix keeps a hostile long line linear.
    const prefix = text.slice(at + indent, Math.min(lineEnd, at + indent + FLAT_LABEL_REACH));
    const label = m && FLAT_LABEL.exec(prefix);
    // A label wrapped at the margin ("Marriage and" / "civil partnership") is one too.
    const wraps = !!m && !indent && b.start + lineEnd < m.end && /^\S/.test(text.slice(lineEnd + 1, lineEnd + 2));
    if (m && label && (b.start + at + indent + label[0].length >= m.end || wraps) && wordCount(label[0], FLAT_LABEL_WORDS + 1) <= FLAT_LABEL_WORDS) {
      labels.push({ start: b.start + at + indent, end: b.start + at + indent + label[0].length });
      groups.add(m.group.id);
    } else if (!m && /^\p{Lu}/u.test(prefix)) {
      const verdict = policy.eqia.verdicts.spans(prefix)[0];
      const before = verdict ? prefix.slice(0, verdict[0]) : '';
      if (verdict && before.trim() && !/[.:;,]/.test(before) && wordCount(before, FLAT_LABEL_WORDS + 1) <= FLAT_LABEL_WORDS) others.push(b.start + at + indent);
      // Or a group the pack lists beside the characteristics ("Carers Carers asked for…"), after a row that has ended.
      else if (ROW_ENDED.test(text.slice(Math.max(0, at - ROW_END_REACH), at)) && policy.eqia.otherGroups.spans(prefix).some(([s]) => s === 0)) others.push(b.start + at + indent);
    }
    at = lineEnd + 1;
  }
  if (labels.length < FLAT_ROWS || groups.size < FLAT_ROWS) return [];
  const centred = centredRows(text, b.start, labels);
  if (centred) return centred;
  // Both in the text's order: one walk.
  let o = 0;
  return labels.map((label, k) => {
    const next = k + 1 < labels.length ? labels[k + 1].start : b.end;
    while (o < others.length && others[o] <= label.start) o++;
    return { label, end: o < others.length && others[o] < next ? others[o] : next };
  });
}

/**
 * Rows whose labels stand in the middle of them, as `pdftotext -layout` sets a table whose label cells
 * are centred: the first row's cells open above its label (indented lines between the header and it).
 * The lines between two labels are split between the two rows, so a row left empty ("Marriage and" /
 * "civil partnership") takes none of the next row's ("Perinatal team data: 38 Positive …" above
 * "Pregnancy and"). Undefined where the first label's line has no indented line above it (labels at
 * their rows' tops).
 */
function centredRows(text: string, offset: number, labels: Span[]): Array<{ label: Span; start: number; end: number }> | undefined {
  const lines: Array<{ start: number; end: number; indented: boolean }> = [];
  for (let at = 0; at <= text.length; ) {
    const eol = text.indexOf('\n', at);
    const end = eol < 0 ? text.length : eol;
    lines.push({ start: offset + at, end: offset + end, indented: /^[ \t]+\S/.test(text.slice(at, end)) });
    at = end + 1;
  }
  const lineOf = (pos: number) => lastAtOrBefore(lines.length, (k) => lines[k].start, pos);
  // Labels at the margin only: a group's word opening an indented cell ("Perinatal team data: …") is a cell's.
  labels = labels.filter((l) => !lines[lineOf(l.start)].indented);
  if (labels.length < FLAT_ROWS) return undefined;
  const firsts = labels.map((l) => lineOf(l.start));
  let above = 0;
  for (let k = firsts[0] - 1; k >= 0 && lines[k].indented; k--) above++;
  if (!above || above === firsts[0]) return undefined;
  const out: Array<{ label: Span; start: number; end: number }> = [];
  let from = firsts[0] - above;
  for (let r = 0; r < labels.length; r++) {
    const next = r + 1 < labels.length ? firsts[r + 1] : lines.length;
    // The label's own lines: it and the lines at the margin that carry it on ("civil partnership"), cells between.
    let last = firsts[r];
    for (let k = firsts[r] + 1; k < next; k++) if (!lines[k].indented && lines[k].end > lines[k].start) last = k;
    // The lines between two labels are split between their rows, the odd one to the lower: a row left
    // empty takes none of the verdict standing just above the next row's label.
    const below = next === lines.length ? lines.length - 1 : last + Math.floor((next - last - 1) / 2);
    out.push({ label: labels[r], start: lines[from].start, end: lines[below].end });
    from = below + 1;
  }
  return out;
}

/** For each item of a flat list followed by items indented deeper than it, those items (linear: each item is read once). */
function flatNesting(model: DocModel, items: Span[]): Array<[number, Span[]]> {
  const indent = items.map((it) => {
    const from = model.source.lastIndexOf('\n', it.start - 1) + 1;
    return /^[ \t]*/.exec(model.source.slice(from, Math.min(it.end, from + INDENT_REACH)))![0].length;
  });
  const out: Array<[number, Span[]]> = [];
  for (let k = 0; k < items.length; ) {
    let j = k + 1;
    while (j < items.length && indent[j] > indent[k]) j++;
    if (j > k + 1) out.push([k, items.slice(k + 1, j)]);
    k = j > k + 1 ? j : k + 1;
  }
  return out;
}
const INDENT_REACH = 40;

/** The part of a list item naming its subject: before a colon or dash if there is one. */
function labelOf(model: DocModel, item: Span): Span {
  const text = model.masked.slice(item.start, item.end);
  const m = /^[^\n]{2,80}?(:|\s[–—-]\s)/.exec(text);
  return m ? { start: item.start, end: item.start + m[0].length } : item;
}

function tableUnits(model: DocModel, policy: Policy, rows: Row[], source: string | undefined, doc?: DocState): Unit[] {
  const [head, ...body] = rows;
  if (!head) return [];
  const names = (c: Cell) => (c.parts ? mentionsInParts(policy, model.masked, c.parts) : mentionsIn(doc, model, policy, c.start, c.end)).length > 0;
  if (head.cells.slice(1).filter(names).length >= 2) {
    // One column per group: the header cell names it, the cells below assess it.
    return head.cells.slice(1).map((cell, i) => {
      const pairs = body.filter((r) => r.cells[i + 1]).map((r) => ({ header: r.cells[0], value: r.cells[i + 1] }));
      return { model, source, subject: cell, subjectParts: cell.parts, body: pairs.flatMap((p) => cellSpans(p.value)), structured: true, pairs };
    });
  }
  // One row per group: the first cell naming a group is the subject, the rest assess it. Where
  // most rows are labelled by their first cell, a row whose label names none of this policy's
  // groups is about something else (a characteristic the policy does not list, an inclusion-health
  // group): "Pregnancy and maternity | Positive | Perinatal women…" assesses no impact on sex.
  const labelled = body.filter((r) => r.cells[0] && names(r.cells[0])).length * 2 > body.length;
  return body.map((r) => {
    const idx = labelled ? (r.cells[0] && names(r.cells[0]) ? 0 : -1) : r.cells.findIndex(names);
    const subject: Cell = idx >= 0 ? r.cells[idx] : (r.cells[0] ?? { ...r, text: '' });
    const pairs = r.cells.map((value, i) => ({ header: head.cells[i], value })).filter((_, i) => i !== idx);
    return { model, source, subject, subjectParts: subject.parts, body: pairs.flatMap((p) => cellSpans(p.value)), structured: true, pairs };
  });
}
