// Any HTML string to the Markdown this project lints: a real HTML parser
// (hast-util-from-html), hast → mdast (hast-util-to-mdast) and mdast →
// Markdown with GFM tables. Pure, no I/O. Word conversion uses it, and so will
// HTML blocks inside Markdown. What it settles beyond the libraries' defaults:
// images give nothing, links stay links only when they lead somewhere safe,
// a table's first row is its header, and a table cell stays on one line.
import { fromHtml } from 'hast-util-from-html';
import { toMdast, defaultHandlers, type Handle } from 'hast-util-to-mdast';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { Element, Root as HastRoot } from 'hast';
import type { List, Nodes, Parent, PhrasingContent, Root, TableCell } from 'mdast';
import { text } from './markdown-text';
import { fastToMdast } from './hast-to-mdast';

const MARKDOWN: ToMarkdownOptions = {
  // Compact rows: padding every row to the widest cell would make a long EqIA table far wider.
  extensions: [gfmToMarkdown({ tablePipeAlign: false })],
  bullet: '-',
  listItemIndent: 'one',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fences: true,
  incrementListMarker: true,
  // The library's text handler, without running its escaping over a text it cannot touch (markdown-text.ts).
  handlers: { text },
};

/** Links kept as links: the web, mail, and relative paths (a linked EqIA). Fragments lead nowhere in Markdown. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

export function htmlToMarkdown(html: string): string {
  return hastToMarkdown(fromHtml(html, { fragment: true }));
}

/**
 * The same from a hast tree already built (mammoth writes one directly:
 * hast-writer.ts). The tree is changed (table headers marked, whitespace
 * minified): pass a copy to keep it.
 */
export function hastToMarkdown(hast: HastRoot): string {
  return toMarkdown(tidy(toMdastOf(hast, false).mdast), MARKDOWN);
}

/**
 * The same through the libraries alone (hast-util-to-mdast, and
 * mdast-util-to-markdown's own text handler): the reference the tests hold
 * hast-to-mdast.ts and markdown-text.ts to.
 */
export function hastToMarkdownReference(hast: HastRoot): string {
  return toMarkdown(tidy(toMdastOf(hast, true).mdast), { ...MARKDOWN, handlers: {} });
}

/**
 * hast → mdast before tidying: hast-to-mdast.ts for the trees it reads (those
 * mammoth writes), else, or as the `reference`, hast-util-to-mdast. For the
 * differential test (tests/docx/hast-to-mdast.test.js), which also wants to
 * know whether the fast path was taken.
 */
export function toMdastOf(hast: HastRoot, reference: boolean): { mdast: Root; fast: boolean } {
  headTables(hast);
  dropNoteLinks(hast);
  headNotes(hast);
  const fast = reference ? undefined : fastToMdast(hast, { keepLink });
  return { mdast: fast ?? (toMdast(hast, { handlers: { img: ignore, image: ignore, a: link, input: ignore } }) as Root), fast: Boolean(fast) };
}

const ignore: Handle = () => undefined;

/** An `a` is a Markdown link when its href is safe and leads out of the page; otherwise its text alone. */
function keepLink(node: Element): boolean {
  const href = String(node.properties?.href ?? '').trim();
  const scheme = SCHEME.exec(href)?.[1].toLowerCase();
  return Boolean(href && !href.startsWith('#') && (!scheme || SAFE_SCHEMES.has(scheme)));
}

const link: Handle = (state, node) => (keepLink(node) ? defaultHandlers.a(state, node) : state.all(node));

/**
 * A table without a header (Word marks one only when "Repeat as header row" is
 * set) gets its first row as the header, as a reader sees it; otherwise
 * hast-util-to-mdast would add an empty header row above it.
 */
/**
 * A note's marker in the text ("[1]", linking to "#footnote-1") and its way back ("↑", to
 * "#footnote-ref-1"): the notes themselves stay, as mammoth lists them at the end.
 */
function dropNoteLinks(node: HastRoot | Element): void {
  node.children = node.children.filter((child) => !(child.type === 'element' && child.tagName === 'a' && NOTE_LINK.test(String(child.properties?.href ?? ''))));
  for (const child of node.children) if (child.type === 'element') dropNoteLinks(child);
  // The superscript that held a marker, now empty.
  node.children = node.children.filter((child) => !(child.type === 'element' && child.tagName === 'sup' && child.children.length === 0));
}
const NOTE_LINK = /^#(?:foot|end)note-(?:ref-)?\d+$/;

/**
 * The notes mammoth appends (a list whose items are "footnote-1", "endnote-1"…) get a heading of
 * their own, "Notes": apparatus, so they join no element's section and no EqIA (the last section
 * is often the EqIA).
 */
function headNotes(root: HastRoot): void {
  root.children = root.children.flatMap((child) => {
    const first = child.type === 'element' && child.tagName === 'ol' ? child.children.find((c) => c.type === 'element') : undefined;
    const note = first?.type === 'element' && /^(foot|end)note-\d+$/.exec(String(first.properties?.id ?? ''));
    if (!note) return [child];
    const title = note[1] === 'end' ? 'Endnotes' : 'Notes';
    return [{ type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: title }] } as Element, child];
  });
}

function headTables(node: HastRoot | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'table' && !hasHead(child)) {
      const first = rows(child)[0];
      if (first) for (const cell of first.children) if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
    }
    headTables(child);
  }
}

function hasHead(table: Element): boolean {
  return table.children.some((c) => c.type === 'element' && c.tagName === 'thead') || (rows(table)[0]?.children.some((c) => c.type === 'element' && c.tagName === 'th') ?? false);
}

/** The table's own rows, directly or in thead/tbody/tfoot (not those of nested tables). */
function rows(table: Element): Element[] {
  const out: Element[] = [];
  for (const c of table.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === 'tr') out.push(c);
    else if (/^t(head|body|foot)$/.test(c.tagName)) for (const r of c.children) if (r.type === 'element' && r.tagName === 'tr') out.push(r);
  }
  return out;
}

/** Fixes what mdast-util-to-markdown would write badly: block content in table cells, loose lists, empty blocks, breaks in headings. */
function tidy<T extends Nodes>(node: T): T {
  if (!('children' in node)) return node;
  const parent = node as Parent;
  parent.children = parent.children.filter((c) => !isEmptyBlock(c as Nodes));
  for (const child of parent.children as Nodes[]) {
    if (child.type === 'tableCell') flattenCell(child);
    else if (child.type === 'list') tighten(child);
    else if (child.type === 'heading') child.children = child.children.map((c) => (c.type === 'break' ? { type: 'text', value: ' ' } : c));
    tidy(child);
  }
  return node;
}

/**
 * Lists are tight unless an item holds two blocks of its own: hast-util-to-mdast
 * loosens an item whose nested list has two items, which Word never means.
 */
function tighten(list: List): void {
  for (const item of list.children) item.spread = item.children.filter((c) => c.type !== 'list').length > 1;
  list.spread = list.children.some((item) => item.spread);
}

/** A paragraph or heading with no visible text (a run of spaces, an unwrapped empty link). */
function isEmptyBlock(node: Nodes): boolean {
  return (node.type === 'paragraph' || node.type === 'heading') && !visibleText(node).trim();
}

function visibleText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(visibleText).join('') : '';
}

/**
 * A cell's blocks become lines joined by <br>, so a row stays one line of the
 * pipe table: paragraphs and headings as they are, list items after "• ".
 */
function flattenCell(cell: TableCell): void {
  const lines: PhrasingContent[][] = [];
  let line: PhrasingContent[] = [];
  const endLine = () => {
    if (line.some((c) => visibleText(c).trim())) lines.push(trimLine(line));
    line = [];
  };
  const add = (nodes: Nodes[]) => {
    for (const n of nodes) {
      if (n.type === 'break') endLine();
      else if (n.type === 'list') {
        endLine();
        n.children.forEach((item, i) => {
          // The marker goes on the item's first line; anything after that starts lines of its own.
          line.push({ type: 'text', value: n.ordered ? `${(n.start ?? 1) + i}. ` : '• ' });
          const [first, ...rest] = item.children;
          if (first) add(first.type === 'paragraph' ? first.children : [first]);
          endLine();
          add(rest);
          endLine();
        });
      } else if (isBlock(n)) {
        endLine();
        if ('children' in n) add(n.children as Nodes[]);
        else if ('value' in n) line.push({ type: 'text', value: String(n.value) });
        endLine();
      } else line.push(n as PhrasingContent);
    }
  };
  add(cell.children as Nodes[]);
  endLine();
  cell.children = lines.flatMap((l, i) => (i ? [{ type: 'html', value: '<br>' } as PhrasingContent, ...l] : l));
}

const BLOCKS = new Set<string>(['paragraph', 'heading', 'blockquote', 'listItem', 'table', 'tableRow', 'tableCell', 'code', 'thematicBreak']);
function isBlock(node: Nodes): boolean {
  return BLOCKS.has(node.type);
}

/** Leading and trailing spaces off a cell line, so "<br>" never sits next to a space. */
function trimLine(line: PhrasingContent[]): PhrasingContent[] {
  return line.map((n, i) => {
    if (n.type !== 'text') return n;
    let value = n.value;
    if (i === 0) value = value.replace(/^\s+/, '');
    if (i === line.length - 1) value = value.replace(/\s+$/, '');
    return { ...n, value };
  });
}
