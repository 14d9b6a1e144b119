// Reads a document laid out as plain lines, as `pdftotext` and slide exports
// leave it: running headers and footers on every page ("Harrowfield Strategy
// December 2009", "page 3") are furniture, not prose; and where the document
// has next to no headings, a short title line ("Who needs our help?", "1.   Our
// Commitment to Local People") standing alone or opening a block of text is a
// heading. Markdown reads such a numbered title as a list item, with the
// section's text inside it when indented ("1.   Introduction", then the text
// indented five spaces), or run on as a lazy continuation line.
import type { Block, LayoutTools, Span } from './types';
import { boldTitleSections } from './bold-titles';
import { OUTLINE_NUMBER } from './outline-number';

/** A page's mark on a line of its own or with the running title: "page 3", "Page 3 of 6", "- 3 -", "12". */
const PAGE_MARK = /\bpage\s+\d+\b|\b\d+\s+of\s+\d+\b|(?:^|\n)\W*\d{1,4}\W*(?:$|\n)/i;
/** Text set apart on one line by a wide gap: a header's title and its date. */
const LAYOUT_GAP = /\S[ \t]{4,}\S/;
/** How often a line must recur, digits aside, to be a running header or footer. */
const RUNNING = 3;
/** The most lines a running header or footer takes. */
const RUNNING_LINES = 3;

/** A line that can stand as a heading: an optional number, a capital, few words, no closing stop or colon. */
const TITLE_LINE = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?\p{Lu}[^\n]{1,78}$/u;
const TITLE_WORDS = 12;
/** A title opening a block of text is short beside the text's lines, which run to the page's width. */
const OPENING_TITLE = 60;
const WIDER_BY = 20;
/** A title this short opens text twice its width, however narrow the column, if the text is a column's line (not a table's cell, one per line: "Age", "Positive"). */
const SHORT_TITLE = 24;
const COLUMN_LINE = 30;
/** In a narrow column, a line shorter than this share of its column's width ends a paragraph, whatever its last character. */
const ENDED_SHORT = 0.6;
/** The widest line of text set in a narrow column (a page of two). */
const NARROW_COLUMN = 60;
/** A line this share of its column's width or more fills it. */
const FULL_LINE = 0.7;
/** How many times wider than a wrapped title's lines the text under it is. */
const WRAPPED_TITLE_UNDER = 1.5;
/** The share of a text's lines within its column's width. */
const COLUMN_SHARE = 0.8;
/** A column this wide is no page's: each line is a whole paragraph, as LibreOffice's text export writes one. */
const UNWRAPPED = 110;
/** One line this long is no page's either (a cover sheet's short cells around it). */
const UNWRAPPED_LINE = 160;
/** A document needs this many titles to be read as laid out by them. */
const TITLE_LINES = 3;
const NUMBER = /^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+/;
/** A line that ends a sentence (or a bracket after one). */
const ENDS_SENTENCE = /[.:;!?]\)?$/;
/** An appendix's title, numbered by its letter or number: "Appendix A: Equality Impact Assessment". */
const APPENDIX_TITLE = /^(?:appendix|annexe?)\s+[A-Z0-9]{1,3}\b/i;

/** The blocks with running headers and footers dropped (their spans to blank) and, in a document with next to no headings, title lines made headings. */
export function readPlainLayout(source: string, blocks: Block[], tools: LayoutTools): { blocks: Block[]; furniture: Span[] } {
  const furniture = runningLines(source, blocks);
  let out = furniture.size ? blocks.filter((b) => !furniture.has(b)) : blocks;
  const headings = out.filter((b) => b.kind === 'heading').length;
  const spans = () => [...furniture].map((b) => ({ start: b.start, end: b.end }));
  // Numbered bold titles inside paragraphs are the chapters where no heading found is numbered (a
  // table's header cells, one per paragraph, read as bold headings are no chapters).
  const numberedHeading = out.some((b) => b.kind === 'heading' && NUMBER.test(b.text));
  const bold = numberedHeading ? undefined : boldTitleSections(source, out, tools);
  if (bold) return { blocks: out.flatMap((b) => bold.get(b) ?? [b]), furniture: spans() };
  // Paragraphs numbered by clause, each chapter's first titled in bold ("2.1 **What we are trying to achieve.** …"):
  // a board paper's chapters, whatever its cover's bold lines.
  const clauses = numberedHeading ? undefined : clauseTitleSections(source, out, tools);
  if (clauses) return { blocks: out.flatMap((b) => clauses.get(b) ?? [b]), furniture: spans() };
  // A cover line or a broken front matter read as a heading does not make the layout one of headings.
  if (headings < TITLE_LINES) {
    const runIn = runInSections(source, out, tools);
    if (runIn) return { blocks: out.flatMap((b) => runIn.get(b) ?? [b]), furniture: [...furniture].map((b) => ({ start: b.start, end: b.end })) };
    const page: Page = { indent: textIndent(source, out), running: recurringLines(source) };
    // A line whose sentence goes on in the paragraph after it, in lower case (a numbered item `mutool` set
    // apart: "1. By March 2026 all eight neighbourhoods will have an integrated", then "community mental…"), is no title.
    const read = out.map((b, i) => (goesOn(source, b, out[i + 1]) ? undefined : titled(source, b, out[i + 1], page, tools)));
    const count = read.reduce((n, r) => n + (r ? r.filter((x) => x.kind === 'heading').length : 0), 0);
    if (count >= TITLE_LINES && count >= TITLE_LINES * headings) out = inTurn(source, out.flatMap((b, i) => read[i] ?? [b]), tools);
  }
  return { blocks: out, furniture: [...furniture].map((b) => ({ start: b.start, end: b.end })) };
}

/**
 * Blocks with each line of a paragraph that is numbered like a title, its number following the last
 * title's ("4 Evidence base", then "5 Commissioning intentions" over a short "We will:"), read as that
 * title, however short the line after it; inside a paragraph only after a finished sentence.
 */
function inTurn(source: string, blocks: Block[], tools: LayoutTools): Block[] {
  let last = -1;
  // Past an appendix the chapters are over: a numbered line there is its table's or list's ("9 Promote improvement…").
  let appendix = false;
  return blocks.flatMap((b) => {
    if (b.kind === 'heading') {
      const n = TOP_NUMBER.exec(b.text);
      if (n) last = Number(n[1]);
      if (APPENDIX_TITLE.test(b.text)) appendix = true;
    }
    if (b.kind !== 'paragraph') return [b];
    const out: Block[] = [];
    let from = b.start;
    let previous = '';
    for (let at = b.start; at < b.end; ) {
      const eol = source.indexOf('\n', at);
      const end = eol < 0 || eol > b.end ? b.end : eol;
      const line = source.slice(at, end).trim();
      const m = TOP_NUMBER.exec(line);
      // A chapter numbered with its word ("Section 1: Our vision") needs no sentence's end before it; an
      // appendix after the chapters ("Appendix A: Equality Impact Assessment") is one in turn too.
      const placed = at === b.start || ENDS_SENTENCE.test(previous) || NAMED_NUMBER.test(line);
      const next = m ? !appendix && (Number(m[1]) === last + 1 || (last < 0 && Number(m[1]) === 1 && NAMED_NUMBER.test(line))) : last >= 0 && APPENDIX_TITLE.test(line);
      const title = next && placed ? titleText(unescaped(line)) : undefined;
      if (title) {
        if (at > from) for (const p of paragraphs(source, from, at - 1, tools)) out.push(p);
        out.push(headingOf({ start: at, end }, title, tools));
        if (m) last = Number(m[1]);
        else appendix = true;
        from = end + 1;
      }
      previous = line;
      at = end + 1;
    }
    if (!out.length) return [b];
    if (from < b.end) for (const p of paragraphs(source, from, b.end, tools)) out.push(p);
    return out;
  });
}

const numbered = (text: string) => NUMBER.test(text) || OUTLINE_NUMBER.test(text);

/** Whether a one-line paragraph's (or one-item list's) sentence goes on in the next paragraph, which opens in lower case. */
function goesOn(source: string, b: Block, next: Block | undefined): boolean {
  const one = b.kind === 'paragraph' || (b.kind === 'list' && b.items?.length === 1);
  if (!one || next?.kind !== 'paragraph' || source.slice(b.start, b.end).trim().includes('\n')) return false;
  return /^\p{Ll}/u.test(source.slice(next.start, Math.min(next.end, next.start + 2)));
}

/** A chapter's number after its word: "Section 5", "Part 2". */
const NAMED_NUMBER = /^(?:section|chapter|part)\s+\d{1,2}\b/i;
/** A chapter's number alone opening a line: "5 ", "5. ", "Section 5: " (not "5.1"). */
const TOP_NUMBER = /^(?:(?:section|chapter|part)\s+)?(\d{1,2})[.:]?\s/i;

/** A numbered item opening with a bold run-in title: "1. **Purpose of this paper.** This paper sets out…". */
const RUN_IN = /^[ \t]{0,3}(\d{1,2})[.)][ \t]+(\*\*|__)([^*_\n]{2,80}?)\2[ \t]*/;
const NUMBERED = /^[ \t]{0,3}(\d{1,2})[.)][ \t]+/;

/**
 * A paper written in numbered paragraphs with no headings ("1. **Purpose of this paper.** …",
 * "1.1 …", "2. **Policy and legislation.** …"): each top-level numbered paragraph opens a
 * section, titled by its bold lead phrase. One without a title between two titled ones
 * ("5. There is a substantial body of research…") opens an untitled section, read by its prose.
 * Undefined unless a few are titled so.
 */
function runInSections(source: string, blocks: Block[], tools: LayoutTools): Map<Block, Block[]> | undefined {
  const items = blocks.flatMap((b) =>
    b.kind === 'list' && b.items?.length
      ? b.items.map((item) => {
          const text = source.slice(item.start, item.end);
          const m = RUN_IN.exec(text);
          const n = NUMBERED.exec(text);
          return { block: b, item, number: Number(n?.[1] ?? NaN), title: m ? m[3].replace(/[.:]\s*$/, '') : undefined, length: (m ?? n)?.[0].length ?? 0 };
        })
      : [],
  );
  const titled = new Set(items.filter((x) => x.title).map((x) => x.number));
  if (titled.size < TITLE_LINES) return undefined;
  const out = new Map<Block, Block[]>();
  for (const b of new Set(items.map((x) => x.block))) {
    const own = items.filter((x) => x.block === b);
    if (!own.every((x) => x.title || (titled.has(x.number - 1) && titled.has(x.number + 1)))) continue;
    out.set(
      b,
      own.flatMap((x) => {
        const at = { start: x.item.start, end: x.item.start + x.length };
        const text = x.title ? `${x.number}. ${x.title}` : `${x.number}.`;
        return [headingOf(at, text, tools), ...paragraphs(source, at.end, x.item.end, tools)];
      }),
    );
  }
  return out.size ? out : undefined;
}

/** A paragraph numbered by clause with a bold run-in title: "2.1 **What we are trying to achieve.** NHS …". */
const CLAUSE_RUN_IN = /^[ \t]{0,3}(\d{1,2})\.(\d{1,2})[ \t]+(\*\*|__)([^*_\n]{2,80}?)\3[ \t]*/;

/**
 * A paper written in numbered clauses ("1.1", "1.2", "2.1" …) whose chapters open with a clause
 * titled in bold ("2.1 **What we are trying to achieve.** …"): each such first clause opens its
 * chapter, titled by its lead phrase, and a later clause with one opens a sub-section
 * ("2.2 **Our commitments to older people.**"). Undefined unless three chapters or more open so.
 */
function clauseTitleSections(source: string, blocks: Block[], tools: LayoutTools): Map<Block, Block[]> | undefined {
  const found: Array<{ block: Block; chapter: number; clause: number; title: string; length: number }> = [];
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    const m = CLAUSE_RUN_IN.exec(source.slice(b.start, Math.min(b.end, b.start + 120)));
    if (m) found.push({ block: b, chapter: Number(m[1]), clause: Number(m[2]), title: m[4].replace(/[.:]\s*$/, ''), length: m[0].length });
  }
  if (new Set(found.filter((x) => x.clause === 1).map((x) => x.chapter)).size < TITLE_LINES) return undefined;
  const out = new Map<Block, Block[]>();
  for (const x of found) {
    const at = { start: x.block.start, end: x.block.start + x.length };
    const text = x.clause === 1 ? `${x.chapter}. ${x.title}` : `${x.chapter}.${x.clause} ${x.title}`;
    out.set(x.block, [headingOf(at, text, tools), ...paragraphs(source, at.end, x.block.end, tools)]);
  }
  return out;
}

/** A line long enough to be running text, not a title. */
const TEXT_LINE = 50;
/** Text indented as a page's is next to never at the margin: one long line in this many. */
const AT_MARGIN = 10;

/**
 * How far the running text is indented where it is and its titles stand at the margin, as a text
 * browser draws a page (`lynx`: "What we commission now", then "   Service Provider Annual cost"); else 0.
 */
function textIndent(source: string, blocks: Block[]): number {
  const counts = new Map<number, number>();
  let long = 0;
  let margin = 0;
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    for (let at = source.lastIndexOf('\n', b.start - 1) + 1; at < b.end; ) {
      const eol = source.indexOf('\n', at);
      const end = eol < 0 || eol > b.end ? b.end : eol;
      const line = source.slice(at, end);
      const text = line.trim();
      const indent = line.length - line.trimStart().length;
      if (text.length >= TEXT_LINE) {
        long++;
        counts.set(indent, (counts.get(indent) ?? 0) + 1);
        // A page's titles are not numbered: a numbered outline's chapters at the margin may have titles under them indented.
      } else if (indent === 0 && titleText(text)) margin += NUMBER.test(text) ? -1 : 1;
      at = end + 1;
    }
  }
  // The text's own indent, its lists' deeper; next to none of it at the margin.
  const indent = [...counts].reduce((a, c) => (c[1] > a[1] ? c : a), [0, 0])[0];
  return indent > 0 && (counts.get(0) ?? 0) * AT_MARGIN <= long && margin >= TITLE_LINES ? indent : 0;
}

/** Whether a text has more than `n` lines (counted up to n + 1, no array made). */
function lineCountOver(text: string, n: number): boolean {
  let at = -1;
  for (let lines = 1; lines <= n; lines++) if ((at = text.indexOf('\n', at + 1)) < 0) return false;
  return true;
}

/** LAYOUT_GAP's test, after the cheap one every match passes (four spaces, or a tab): most paragraphs have neither. */
const hasLayoutGap = (text: string): boolean => (text.includes('    ') || text.includes('\t')) && LAYOUT_GAP.test(text);

/** Paragraphs of a few lines that recur, digits aside, and carry a page mark or a layout gap. */
function runningLines(source: string, blocks: Block[]): ReadonlySet<Block> {
  const groups = new Map<string, Block[]>();
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    const raw = source.slice(b.start, b.end);
    if (lineCountOver(raw, RUNNING_LINES) || !(PAGE_MARK.test(raw) || hasLayoutGap(raw))) continue;
    const key = runningKey(raw);
    const group = groups.get(key);
    if (group) group.push(b);
    else groups.set(key, [b]);
  }
  return new Set([...groups.values()].filter((g) => g.length >= RUNNING).flat());
}

/**
 * A block read as titled text: a title line alone (not the document's last
 * block), or lines of text among which title lines stand (a PDF's text without
 * blank lines: "1. Purpose", then its text), or a numbered list each of whose
 * items opens with a title ("1.   Introduction", then its text indented).
 */
function titled(source: string, b: Block, next: Block | undefined, page: Page, tools: LayoutTools): Block[] | undefined {
  const last = !next;
  if (b.kind === 'paragraph') return titledLines(source, b.start, b.end, !last, false, page, tools, next && firstLine(source, next));
  if (b.kind !== 'list' || !b.items?.length || !/^[ \t]{0,3}\d{1,2}[.)]/.test(source.slice(b.start, b.end))) return undefined;
  const numbers = b.items.map((item) => Number(/^\s*(\d+)/.exec(source.slice(item.start, item.end))?.[1]));
  // Items that are text: a numbered run inside a section ("1. Introduction", then "1. Reduce
  // waiting times…", "2. Provide…": Markdown makes them items of the sections' list).
  const prose: boolean[] = [];
  const items = b.items.map((item, k) => {
    const read = titledLines(source, item.start, item.end, !last || k < b.items!.length - 1, true, page, tools);
    // A wrapped line that starts with a year ("2009. Its successor…") is text Markdown took for an
    // item, and a contents entry ("1. Purpose ........ 2") a line of the contents.
    const outOfTurn = k > 0 && (numbers[k] >= YEARS || numbers[k] !== numbers[k - 1] + 1);
    const eol = source.indexOf('\n', item.start);
    const contents = /\.{3}|…/.test(source.slice(item.start, eol < 0 || eol > item.end ? item.end : eol));
    prose[k] = !read && (outOfTurn || contents || (k > 0 && prose[k - 1] && numbers[k] === numbers[k - 1] + 1));
    return read ?? (prose[k] ? paragraphs(source, item.start, item.end, tools) : undefined);
  });
  return items.every(Boolean) ? (items.flat() as Block[]) : undefined;
}

/** How the page is laid out: the running text's indent (textIndent), and the lines that recur on every page (recurringLines). */
interface Page {
  indent: number;
  running: ReadonlySet<string>;
}

/** A line as its page's running header or footer repeats it: numbers (pages, dates) aside, spaces and case ignored. */
const runningKey = (line: string): string => line.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Lines that recur three times or more, long and ending no sentence: a PDF's running header or footer
 * where the converter set no blank line around it ("NHS Kestrelmoor CCG - Governing Body 14 October 2015 -
 * Item 9 - …"), so that the title after it is read as following the text before it. One pass over the lines.
 */
function recurringLines(source: string): ReadonlySet<string> {
  const counts = new Map<string, number>();
  for (const m of source.matchAll(/^[^\n]{30,200}$/gm)) {
    if (ENDS_SENTENCE.test(m[0].trimEnd())) continue;
    const key = runningKey(m[0]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= RUNNING).map(([k]) => k));
}

/** An item's number from which it is a year, not a section. */
const YEARS = 100;

/** A list's marker on a line of its own, its item's text set apart below (`pdftotext` of a list: "•", "1."). */
const MARKER_LINE = /^(?:[•●▪◦‣∙–]|\d{1,2}[.)])$/u;

/** A line alone that marks a page: "Page 2 of 11", "- 3 -", "12". */
const PAGE_LINE = /^\W*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\W*$/i;

/**
 * Source [from, to) as its title lines made headings and the text between them
 * paragraphs (pages' numbers on lines of their own dropped), if it opens with a
 * title. A title is short beside the text after it, which runs to the page's
 * width, or stands over another title ("2. Needs", then "2.1 Local context");
 * one not numbered follows a finished sentence or another title. `item`: the
 * text is a numbered list's item, which a numbered title opens whatever follows.
 */
function titledLines(source: string, from: number, to: number, alone: boolean, item: boolean, page: Page, tools: LayoutTools, after = ''): Block[] | undefined {
  const { indent } = page;
  const lines: Array<{ start: number; end: number; text: string; row: boolean; indent: number; width?: number }> = [];
  for (let at = from; at < to; ) {
    const nl = source.indexOf('\n', at);
    const end = nl < 0 || nl > to ? to : nl;
    // A table's row whose cells are split by tabs is no title, though its empty cells trim away ("Religion or belief<tab><tab>").
    const raw = source.slice(at, end);
    // Read without Markdown's escapes: pandoc writes a numbered title "1\. Introduction" so it is no list.
    // Its indent from the line's own start (a block may start past its first line's indent).
    const lineStart = at === from ? source.lastIndexOf('\n', at - 1) + 1 : at;
    const indent = source.slice(lineStart, end).length - source.slice(lineStart, end).trimStart().length;
    lines.push({ start: at, end, text: unescaped(raw.trim()), row: /\S\t/.test(raw.trimStart().replace(NUMBER, '')), indent });
    at = end + 1;
  }
  // A page's running header inside the text (`pdftotext -raw`: no blank line around it) is no line of it.
  const filled = wrappedTitles(lines.filter((l) => l.text && !PAGE_LINE.test(l.text) && !MARKER_LINE.test(l.text) && !page.running.has(runningKey(l.text))));
  if (!filled.length) return undefined;
  // A title wrapped over two lines, standing alone over text wider than both ("Our commitment to women,"
  // over "babies and families", a narrow column's heading): one title. (Not a table's label a cell per
  // paragraph, "Marriage and civil" over "partnership", over a cell as narrow.)
  if (alone && filled.length === 2 && wrapsTitle(filled[0], filled[1]) && after.length >= Math.max(COLUMN_LINE, WRAPPED_TITLE_UNDER * filled[0].text.length, WRAPPED_TITLE_UNDER * filled[1].text.length)) {
    const text = titleText(`${filled[0].text} ${filled[1].text}`);
    if (text) return [headingOf({ start: filled[0].start, end: filled[1].end }, text, tools)];
  }
  if (filled.length === 1) {
    const text = filled[0].row ? undefined : titleText(filled[0].text);
    return text && alone ? [headingOf(filled[0], text, tools)] : undefined;
  }
  // The column's width: what four lines in five stay within (a cover's or a contact's long line apart).
  const lengths = filled.map((l) => l.text.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * COLUMN_SHARE)] ?? 0;
  // Lines no page wraps: each is a paragraph, ended whatever its last character (a list's item, a cover's line).
  // (Not a page laid out in columns side by side, whose lines run as wide.)
  const unwrapped = filled.filter((l) => sideBySide(l.text)).length <= 1 && (width >= UNWRAPPED || filled.some((l) => l.text.length >= UNWRAPPED_LINE && !sideBySide(l.text)));
  // A title-like line opens text when the line after it is longer, or opens text itself (a title
  // over a sub-title): read from the end. One not numbered must also follow a sentence or a title.
  // Where the text is indented and its titles are not (a text browser's page), a line indented as the text is none (a table's header row).
  const like = filled.map((l) => (l.text.length <= OPENING_TITLE && !l.row && !(indent && l.indent >= indent) ? titleText(l.text) : undefined));
  const opens: boolean[] = [];
  for (let k = filled.length - 1; k >= 0; k--) {
    const next = filled[k + 1];
    // Over another title only where one of the two is numbered ("2. Needs" over "2.1 Local context",
    // "2. Assessment by strand" over "Race"): a table's cells one per line ("KPI", "Measure") are none.
    const over = opens[k + 1] && (numbered(filled[k].text) || numbered(next.text));
    const own = filled[k].width ?? filled[k].text.length;
    // A short title over a short line (a narrow column's "What will change" / "Over the next five years we will:"): twice as wide.
    // A title wrapped over two lines was read so against the text under it (wrappedTitles).
    const wider = next && (filled[k].width !== undefined || next.text.length >= own + WIDER_BY || (own <= SHORT_TITLE && next.text.length >= Math.max(2 * own, COLUMN_LINE)));
    // Or over one sentence that ends the text ("Equality impact assessment", then "To be completed following
    // consultation."; "Commissioning intentions", then "We will:" over a list set apart), or any where each line is a paragraph.
    const sentence = next && (unwrapped || k === filled.length - 2) && /^\p{Lu}/u.test(next.text) && ENDS_SENTENCE.test(next.text);
    // A term over its indented description is a definition list's, as a text browser draws one ("Disability",
    // then "    Positive impact. …"; "Mental Capacity Act 2005", then "    Requires care…"), not a title.
    // In lines no page wraps the indented line is a list's item (LibreOffice: "What we will do differently", "    1. Reorganise…").
    const term = !item && !unwrapped && next && next.indent > filled[k].indent && !NUMBER.test(filled[k].text);
    // A numbered title may end the text, its own text in the block after ("…in the forecast.", "5. What works"),
    // as may any where each line is a paragraph ("Where we are now", then a list).
    opens[k] = !!like[k] && !term && (next ? wider || over || sentence : alone && k > 0 && (unwrapped || NUMBER.test(filled[k].text)));
  }
  // In a list whose every item opens with one, a numbered title opens its item whatever follows ("6. KPIs", then a table).
  if (item && like[0] && NUMBER.test(filled[0].text)) opens[0] = true;
  // A narrow column of running text: a third of its lines fill it or more (a table's cells one per line are ragged).
  const narrow = width <= NARROW_COLUMN && filled.filter((l) => l.text.length >= FULL_LINE * width).length * 3 >= filled.length;
  const titles: Array<string | undefined> = [];
  const short = (l: (typeof filled)[number] | undefined) => !!l && l.text.length <= OPENING_TITLE;
  for (let k = 0; k < filled.length; k++) {
    // Or a line that stops well short of the column, where a paragraph ended ("– Let's Talk participant").
    // In lines no page wraps, a short line amid short ones, after two that end no sentence and are no titles, is a
    // table's cell a line, as LibreOffice's text writes a header row ("Evidence and consultation", "What we will do",
    // then the first row's "Race: adverse impact identified."); a title after a cover's short lines has text under it.
    const inCells = unwrapped && k >= 2 && short(filled[k + 1]) && !titles[k - 1] && !titles[k - 2] && [filled[k - 1], filled[k - 2]].every((l) => short(l) && !ENDS_SENTENCE.test(l.text));
    const follows =
      k === 0 || (unwrapped && !inCells) || NUMBER.test(filled[k].text) || !!titles[k - 1] || ENDS_SENTENCE.test(filled[k - 1].text) || (narrow && k >= 2 && filled[k - 1].text.length < ENDED_SHORT * width && filled[k - 2].text.length >= FULL_LINE * width);
    titles.push(opens[k] && follows ? like[k] : undefined);
  }
  // Text that does not open with a title is read where a numbered title follows in it (text with no
  // blank lines, as docx2txt writes it: "…in 2008/09.", then "2. The policy and legislative context",
  // then its text), or any title in a narrow column (pdftotext -raw of a page in two columns) or in lines
  // no page wraps; a wrapped text's short lines may be a table's rows run into it ("Religion or belief"
  // between two rows).
  if (!titles[0]) {
    if (!narrow && !unwrapped) for (let k = 1; k < titles.length; k++) if (!NUMBER.test(filled[k].text) && !APPENDIX_TITLE.test(filled[k].text) && !TOP_NUMBER.test(filled[k].text)) titles[k] = undefined;
    if (!titles.some(Boolean)) return undefined;
  }
  const out: Block[] = [];
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run) for (const p of paragraphs(source, run.start, run.end, tools)) out.push(p);
    run = undefined;
  };
  filled.forEach((l, k) => {
    const text = titles[k];
    if (text) {
      flush();
      out.push(headingOf(l, text, tools));
    } else if (run) run.end = l.end;
    else run = { start: l.start, end: l.end };
  });
  flush();
  return out;
}

/**
 * Lines with a title wrapped over two of them joined: a short line after a finished sentence, then a
 * short one opening in lower case, then text wider than both ("…workplan.", "What the law and
 * national", "policy say", "The strategy responds to…"), as a narrow column wraps a heading.
 */
function wrappedTitles<L extends { start: number; end: number; text: string; row: boolean; indent: number; width?: number }>(lines: L[]): L[] {
  const out: L[] = [];
  for (let k = 0; k < lines.length; k++) {
    const [a, b, c] = [lines[k], lines[k + 1], lines[k + 2]];
    const wrapped =
      b && c && !a.row && !b.row && (k === 0 || ENDS_SENTENCE.test(lines[k - 1].text)) && /^\p{Lu}/u.test(a.text) && /^\p{Ll}/u.test(b.text) && !/[.,;:!?]$/.test(a.text) &&
      a.text.length + b.text.length < OPENING_TITLE && c.text.length >= Math.max(COLUMN_LINE, WRAPPED_TITLE_UNDER * Math.max(a.text.length, b.text.length)) && titleText(`${a.text} ${b.text}`);
    if (wrapped) {
      // Its width is its wider line's, against which the text under it is wider.
      out.push({ ...a, end: b.end, text: `${a.text} ${b.text}`, width: Math.max(a.text.length, b.text.length) });
      k++;
    } else out.push(a);
  }
  return out;
}

/** A block's first line, trimmed. */
function firstLine(source: string, b: Block): string {
  const nl = source.indexOf('\n', b.start);
  return source.slice(b.start, nl < 0 || nl > b.end ? b.end : nl).trim();
}

/** Whether line b carries on a title begun on line a: a capital opens a, b opens in lower case, a ends no sentence, and both are short. */
function wrapsTitle(a: { text: string; row: boolean }, b: { text: string; row: boolean }): boolean {
  return !a.row && !b.row && /^\p{Lu}/u.test(a.text) && /^\p{Ll}/u.test(b.text) && !ENDS_SENTENCE.test(a.text) && a.text.length + b.text.length < OPENING_TITLE;
}

/** Text without Markdown's backslash escapes of punctuation. */
const unescaped = (text: string): string => (text.includes('\\') ? text.replace(/\\([!-/:-@[-`{-~])/g, '$1') : text);

function headingOf(l: { start: number; end: number }, text: string, tools: LayoutTools): Block {
  return { start: l.start, end: l.end, kind: 'heading', text, depth: tools.depthOf(text), headingStyle: 'bold' };
}

/** The paragraphs of source [from, to), split at blank lines, without lines that only number a page. */
function paragraphs(source: string, from: number, to: number, tools: LayoutTools): Block[] {
  const out: Block[] = [];
  const text = source.slice(from, to);
  let start = 0;
  const push = (a: number, z: number) => {
    if (text.slice(a, z).split('\n').some((l) => l.trim() && !PAGE_LINE.test(l.trim()))) for (const p of tools.paragraphsOf(from + a, from + z)) out.push(p);
  };
  for (const m of text.matchAll(/\n[ \t]*\n\s*/g)) {
    push(start, m.index!);
    start = m.index! + m[0].length;
  }
  push(start, text.length);
  return out;
}

/** A date alone ("30 Sept 2018", a table's cell), no numbered title. */
const DATE_LINE = /^\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d$/i;

/** An amount alone (a table's cell a line, as docx2txt writes "£610,000": "Pound610,000"), no title. */
const AMOUNT_LINE = /^(?:pounds?|£|€|\$)?\s?\d[\d.,]*\s?(?:k|m|bn|million|thousand)?$/i;

/** A sentence's end, after a word longer than an abbreviation ("Dr.", "St."), then the next one's capital. */
const TWO_SENTENCES = /\p{L}{4}[.!?]\s+\p{Lu}\p{Ll}/u;
const OPEN_END = /\s(?:and|or|nor|but|of|the|a|an|our|their|its|that|which|from|into)$/;

/** The heading a line would be as a title, if it is one. */
function titleText(line: string): string | undefined {
  const text = line.replace(/\s+/g, ' ');
  // A contents entry ("Introduction ......... 2") names a heading, it is none.
  if (!TITLE_LINE.test(text) || /[.,;:!…]$|[*_|<>\[\]]|https?:|@|\.{3}|…/.test(text) || text.split(' ').length > TITLE_WORDS || DATE_LINE.test(text) || AMOUNT_LINE.test(text)) return undefined;
  // A line that stops on a word the sentence needs more after ("We will use the market to secure IPS and") is wrapped
  // prose, as is one where a sentence ends and the next begins ("Positive. The strategy increases choice for").
  return sideBySide(line) || OPEN_END.test(text) || TWO_SENTENCES.test(text) ? undefined : text;
}

/**
 * Whether a line sets things side by side with a wide gap (a table's row, a cover's two names,
 * a header's title and date); a section number's own gap does not count ("1.   Our Commitment").
 */
export function sideBySide(line: string): boolean {
  // Or by a tab after its text: a row of a table whose cells are split by tabs ("Religion or belief<tab><tab>").
  const rest = line.replace(NUMBER, '');
  return LAYOUT_GAP.test(rest) || /\S\t/.test(rest);
}
