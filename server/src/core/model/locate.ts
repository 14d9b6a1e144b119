// Where an offset is, told the way a reader of the Word document would look
// for it: the heading path down to its section, the paragraph (or table and
// row) within that section, and the start of that block's text. A finding in
// a converted .docx keeps its Markdown line and column and adds this.
import type { Block, DocModel, Section, Span } from './types';

export type LocationKind = 'heading' | 'paragraph' | 'list item' | 'table row' | 'text' | 'property';

export interface Location {
  /** Heading titles from the top down to the section holding the offset (a heading's own title included). */
  headingPath: string[];
  kind: LocationKind;
  /** 1-based, within the section: each paragraph, list item (top level) and other text block counts one, as Word counts paragraphs. */
  paragraph?: number;
  /** 1-based table number within the section, and 1-based row (the header row is row 1). */
  table?: number;
  row?: number;
  /** The start of the block's visible text: at most about 60 characters, cut at a word, no control characters. */
  quote: string;
  /** kind 'property': the front-matter key holding the offset (a Word document's properties become front matter). */
  property?: string;
}

const QUOTE_MAX = 60;

/** Where `offset` is (one offset; the reference for `locator`, which answers many). */
export function describeLocation(model: DocModel, offset: number): Location {
  // The end of the text belongs to the last section.
  const at = Math.max(0, Math.min(offset, model.source.length - 1));
  const fm = model.frontMatter;
  if (fm && at < fm.end) return propertyAt(model, at);
  const section = deepestSection(model.root, at);
  const headingPath = pathOf(section);
  if (section.heading && at < section.heading.end) return { headingPath, kind: 'heading', quote: quote(section.heading.text) };

  let paragraphs = 0;
  let tables = 0;
  for (const b of section.blocks) {
    if (b.kind === 'table') tables++;
    const inside = b.start <= at && at < b.end;
    if (b.kind === 'list' && b.items?.length) {
      // An offset between items belongs to the item before it.
      const i = inside ? Math.max(0, lastIndex(b.items, (it) => it.start <= at)) : -1;
      if (i >= 0) return { headingPath, kind: 'list item', paragraph: paragraphs + i + 1, quote: quote(itemText(model, b.items[i])) };
      paragraphs += b.items.length;
      continue;
    }
    const counted = countsAsParagraph(b);
    if (counted) paragraphs++;
    if (!inside) continue;
    if (b.kind === 'table' && b.rows?.length) {
      // The delimiter row (|---|) sits between row 1 and row 2: it belongs to the header.
      const r = Math.max(0, lastIndex(b.rows, (row) => row.start <= at));
      return { headingPath, kind: 'table row', table: tables, row: r + 1, quote: quote(b.rows[r].cells.map((c) => cellText(model, c)).join(' | ')) };
    }
    if (b.kind === 'paragraph') return { headingPath, kind: 'paragraph', paragraph: paragraphs, quote: quote(b.text) };
    return { headingPath, kind: 'text', paragraph: counted ? paragraphs : undefined, quote: quote(b.text || lineAt(model, at)) };
  }
  return { headingPath, kind: 'text', quote: quote(lineAt(model, at)) };
}

/**
 * describeLocation for many offsets of one model (a document's findings may
 * number thousands): each answer in logarithmic time, sections, blocks, list
 * items and rows found by binary search and paragraph counts taken from a
 * per-section index built on first use. Gives what describeLocation gives
 * (tests/docx/locate.test.js compares them at every offset of real documents).
 */
export function locator(model: DocModel): (offset: number) => Location {
  const indexes = new Map<Section, SectionIndex>();
  return (offset) => {
    const at = Math.max(0, Math.min(offset, model.source.length - 1));
    const fm = model.frontMatter;
    if (fm && at < fm.end) return propertyAt(model, at);
    let section = model.root;
    for (let child = containing(section.children, at); child; child = containing(section.children, at)) section = child;
    const headingPath = pathOf(section);
    if (section.heading && at < section.heading.end) return { headingPath, kind: 'heading', quote: quote(section.heading.text) };
    let index = indexes.get(section);
    if (!index) indexes.set(section, (index = indexSection(section)));
    const k = lastStarting(section.blocks, at);
    const b = k >= 0 ? section.blocks[k] : undefined;
    if (!b || at >= b.end) return { headingPath, kind: 'text', quote: quote(lineAt(model, at)) };
    let paragraphs = index.paragraphsBefore[k];
    if (b.kind === 'list' && b.items?.length) {
      const i = Math.max(0, lastStarting(b.items, at));
      return { headingPath, kind: 'list item', paragraph: paragraphs + i + 1, quote: quote(itemText(model, b.items[i])) };
    }
    const counted = countsAsParagraph(b);
    if (counted) paragraphs++;
    if (b.kind === 'table' && b.rows?.length) {
      const r = Math.max(0, lastStarting(b.rows, at));
      return { headingPath, kind: 'table row', table: index.tablesThrough[k], row: r + 1, quote: quote(b.rows[r].cells.map((c) => cellText(model, c)).join(' | ')) };
    }
    if (b.kind === 'paragraph') return { headingPath, kind: 'paragraph', paragraph: paragraphs, quote: quote(b.text) };
    return { headingPath, kind: 'text', paragraph: counted ? paragraphs : undefined, quote: quote(b.text || lineAt(model, at)) };
  };
}

interface SectionIndex {
  /** Paragraphs (as Word counts them) before each block of the section. */
  paragraphsBefore: number[];
  /** Tables up to and including each block. */
  tablesThrough: number[];
}

function indexSection(section: Section): SectionIndex {
  const paragraphsBefore: number[] = [];
  const tablesThrough: number[] = [];
  let paragraphs = 0;
  let tables = 0;
  for (const b of section.blocks) {
    paragraphsBefore.push(paragraphs);
    if (b.kind === 'table') tables++;
    tablesThrough.push(tables);
    paragraphs += b.kind === 'list' && b.items?.length ? b.items.length : countsAsParagraph(b) ? 1 : 0;
  }
  return { paragraphsBefore, tablesThrough };
}

/** The index of the last span (in document order) starting at or before `at`, or -1. */
function lastStarting(spans: ReadonlyArray<{ start: number }>, at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function containing(sections: Section[], at: number): Section | undefined {
  const k = lastStarting(sections, at);
  return k >= 0 && at < sections[k].end ? sections[k] : undefined;
}

/** One line for a reader: `Equality impact assessment › Table 1, row 4 ("Sexual orientation | Not assessed…")`. */
export function formatLocation(loc: Location): string {
  if (loc.kind === 'property') return `Document properties${loc.property ? ` › ${loc.property}` : ''}${loc.quote ? ` ("${loc.quote}")` : ''}`;
  const path = loc.headingPath.length ? loc.headingPath.join(' › ') : 'Before the first heading';
  if (loc.kind === 'heading') return `${path} (heading)`;
  const place = loc.table !== undefined ? `Table ${loc.table}, row ${loc.row}` : loc.paragraph !== undefined ? `paragraph ${loc.paragraph}` : undefined;
  return `${path}${place ? ` › ${place}` : ''}${loc.quote ? ` ("${loc.quote}")` : ''}`;
}

/**
 * An offset in the front matter: the top-level key whose entry holds it (its
 * line, or the nearest key line above), quoted from that line. In a Word
 * document these are its properties (File › Info › Properties).
 */
function propertyAt(model: DocModel, at: number): Location {
  const lines = model.lines;
  const here = lines.point(at).line;
  const first = Math.max(lines.point(model.frontMatter!.valueStart).line, here - PROPERTY_LOOKBACK);
  // The value is quoted: on the key's own line what follows the colon, on a list line the entry.
  const own = KEY.exec(lines.lineText(here));
  const shown = quote(own ? lines.lineText(here).slice(own[0].length).trim() : lines.lineText(here).trim().replace(/^-\s+/, ''));
  for (let line = here; line >= first; line--) {
    const key = line === here ? own : KEY.exec(lines.lineText(line));
    if (key) return { headingPath: [], kind: 'property', property: clean(key[1].replace(/^['"]|['"]$/g, '')), quote: shown };
  }
  return { headingPath: [], kind: 'property', quote: shown };
}

/** A top-level YAML key at the start of a line (not indented, not a list entry). */
const KEY = /^([^\s#:'"-][^:]*?|'[^']*'|"[^"]*"):(?=\s|$)/;

/** Lines looked back from a front-matter offset for its key (a list under one key is rarely longer). */
const PROPERTY_LOOKBACK = 500;

/** The innermost section whose extent holds the offset (the root when none does). */
function deepestSection(root: Section, at: number): Section {
  let s = root;
  for (;;) {
    const child = s.children.find((c) => c.start <= at && at < c.end);
    if (!child) return s;
    s = child;
  }
}

function pathOf(section: Section): string[] {
  const titles: string[] = [];
  for (let s: Section | undefined = section; s?.heading; s = s.parent) titles.unshift(clean(s.title));
  return titles;
}

/** Blocks a reader sees as a paragraph of their own: not HTML (comments are invisible), not empty rules. */
function countsAsParagraph(b: Block): boolean {
  return b.kind === 'paragraph' || b.kind === 'code' || (b.kind === 'other' && b.text.trim() !== '');
}

function lastIndex<T>(items: T[], test: (x: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

/** A list item's own text (not its nested items), near enough for a quote. */
function itemText(model: DocModel, item: Span): string {
  const own = model.masked.slice(item.start, item.end).split(/\n[ \t]*\n|\n[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/)[0];
  return visible(own.replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/, ''));
}

/**
 * A table cell's text from the masked source (its span includes the pipes):
 * the model's cell text drops inline HTML, so "a<br>b" would read "ab".
 */
function cellText(model: DocModel, cell: Span): string {
  return visible(model.masked.slice(cell.start, cell.end).replace(/^\s*\|/, '').replace(/(?<!\\)\|\s*$/, ''));
}

/** Markdown source (masked: code, HTML and URLs already blanked) as a reader sees it: emphasis, link brackets and escapes taken out. */
function visible(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])|\*\*|__|[`[]|(^|\s)[*_]+|[*_]+(?=\s|$)/g, (_, escaped?: string, before?: string) => escaped ?? before ?? '');
}

function lineAt(model: DocModel, at: number): string {
  return model.lines.lineText(model.lines.point(at).line);
}

function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The start of a text: at most QUOTE_MAX characters, cut at a word boundary, with "…" when cut. */
export function quote(text: string): string {
  const flat = clean(text);
  if (flat.length <= QUOTE_MAX) return flat;
  const cut = flat.slice(0, QUOTE_MAX);
  const space = cut.lastIndexOf(' ');
  return (space > QUOTE_MAX / 2 ? cut.slice(0, space) : cut.slice(0, QUOTE_MAX - 1)).replace(/[\s,;:.–—-]+$/, '') + '…';
}
