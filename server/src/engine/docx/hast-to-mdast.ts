// hast → mdast for the trees mammoth writes (hast-writer.ts), giving exactly
// what hast-util-to-mdast gives them, about fifteen times faster (0.25 ms
// against 4 ms for a generated 20 KB strategy, in process). The library is
// general: it clones the tree, runs rehype-minify-whitespace (which tests
// every element against lists of tag names through hast-util-is-element,
// compiling each test at each call), then dispatches on ~150 handlers. A Word
// conversion spent a fifth of its time there.
//
// What this does instead, for trees of the shapes mammoth writes and nothing
// else (`supported` checks the whole tree first; anything else, e.g. a table
// in a table, a pre holding more than text, an attribute mammoth never writes,
// goes to the library untouched): the library's steps, ported one to one for
// those elements, with the tag lists as sets and no clone:
//   1. whitespace minification (hast-util-minify-whitespace 1.0), in place;
//   2. the handlers of hast-util-to-mdast 10.1 for p, h1–h6, ul, ol, li,
//      table, thead, tbody, tfoot, tr, td, th, blockquote, pre, strong, em, s,
//      sub, sup, a, br and input, with the overrides html-to-markdown.ts gives
//      the library (input gives nothing; `a` is a link only when `keepLink`);
//   3. the library's last pass, which joins adjacent texts and trims them.
// The tree passed in is changed (its texts minified), as the library changes
// its clone. tests/docx/hast-to-mdast.test.js holds the result to the
// library's by deep equality over the corpus as Word documents, generated
// strategies and generated trees with awkward whitespace.
import type { Element, ElementContent, Root as HastRoot, RootContent as HastRootContent, Text as HastText } from 'hast';
import type { Nodes, Parents, Root, RootContent, TableCell, TableRow, ListItem, PhrasingContent } from 'mdast';

/** Elements whose content is read here; any other element sends the tree to the library. */
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'blockquote', 'pre']);
/** Phrasing elements (all of them in hast-util-phrasing's list). */
const INLINE = new Set(['strong', 'em', 's', 'sub', 'sup', 'a', 'br', 'input']);
/** The properties hast-writer.ts gives from mammoth's attributes; any other (hidden, align, noWrap, title, dataMdast …) changes what the library does. */
const PROPERTIES = new Set(['href', 'target', 'id', 'colSpan', 'rowSpan', 'type', 'checked', 'start']);
/** Of the elements above, those hast-util-minify-whitespace counts as blocks (its block.js): whitespace next to them collapses. */
const BLOCKLIKE = new Set(['blockquote', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ol', 'p', 'pre', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul']);
/** mdast phrasing types (mdast-util-phrasing) among those made here. */
const PHRASING = new Set(['text', 'break', 'delete', 'emphasis', 'link', 'strong']);

export interface FastOptions {
  /** Whether an `a` becomes a link (else its content alone), as the `a` handler given to the library decides. */
  keepLink(node: Element): boolean;
}

/** The mdast hast-util-to-mdast would give for this tree, or undefined when the tree holds anything this does not read (then use the library; the tree is untouched). */
export function fastToMdast(tree: HastRoot, options: FastOptions): Root | undefined {
  if (!tree.children.every((child) => supported(child, false, false))) return undefined;
  // Only elements and texts from here on (supported refuses comments and doctypes).
  minifyChildren(tree.children as ElementContent[], true, true, false);
  const root: Root = { type: 'root', children: all(tree, options) as RootContent[] };
  if (root.children.some((c) => !PHRASING.has(c.type))) root.children = wrap(root.children) as RootContent[];
  joinTexts(root);
  return root;
}

// --- 0. What is read here -------------------------------------------------

function supported(node: HastRootContent, inline: boolean, inTable: boolean): boolean {
  if (node.type === 'text') return !node.position;
  if (node.type !== 'element' || node.position) return false;
  for (const key in node.properties) if (!PROPERTIES.has(key)) return false;
  const tag = node.tagName;
  if (INLINE.has(tag)) return node.children.every((c) => supported(c, true, inTable));
  if (!BLOCK.has(tag) || inline) return false;
  // The library writes a table in a table as its text (hast-util-to-text).
  if (tag === 'table') return !inTable && node.children.every((c) => supported(c, false, true));
  // A code block's value is the pre's text (hast-util-to-text): read here when that is its texts joined.
  if (tag === 'pre') return node.children.every((c) => c.type === 'text' && !c.position);
  return node.children.every((c) => supported(c, false, inTable));
}

// --- 1. Whitespace (hast-util-minify-whitespace, `newlines: false`) -------

const KEEP = 0;
/** Kept, and a space at the start of what follows may go (the library's `stripAtStart`). */
const KEEP_STRIP = 1;
const REMOVE = 2;

function minifyNode(node: ElementContent, before: boolean, after: boolean | undefined, pre: boolean): number {
  if (node.type === 'text') return pre ? KEEP : minifyText(node, before, after);
  const element = node as Element;
  if (BLOCKLIKE.has(element.tagName)) before = after = true;
  return minifyChildren(element.children, before, after, pre || element.tagName === 'pre');
}

function minifyChildren(children: ElementContent[], before: boolean, after: boolean | undefined, pre: boolean): number {
  for (let index = 0; index < children.length; index++) {
    const result = minifyNode(children[index], before, collapsableAfter(children, index, after), pre);
    if (result === REMOVE) {
      children.splice(index, 1);
      index--;
    } else before = result === KEEP_STRIP;
    // An input contributes content: whitespace after it counts again. (After a removal, the library looks at the previous child.)
    const child = children[index];
    if (child?.type === 'element' && child.tagName === 'input') before = false;
  }
  return before || after ? KEEP_STRIP : KEEP;
}

/** Whether whitespace at the end may go: the next thing that decides is a block (true) or content (false). */
function collapsableAfter(nodes: ElementContent[], index: number, after: boolean | undefined): boolean | undefined {
  while (++index < nodes.length) {
    const node = nodes[index];
    let result: boolean | undefined;
    if (node.type === 'element') {
      if (node.tagName === 'input') result = false;
      else if (BLOCKLIKE.has(node.tagName)) result = true;
      else result = collapsableAfter(node.children, -1, undefined);
    } else if (node.type === 'text') {
      if (!isWhitespace(node.value)) result = false;
    }
    if (typeof result === 'boolean') return result;
  }
  return after;
}

function minifyText(node: HastText, before: boolean, after: boolean | undefined): number {
  const value = /[\t\n\v\f\r]| {2}/.test(node.value) ? node.value.replace(/[\t\n\v\f\r ]+/g, ' ') : node.value;
  let start = 0;
  let end = value.length;
  let strip = false;
  if (before && value.charCodeAt(0) === 32) start++;
  if (start !== end && value.charCodeAt(end - 1) === 32) {
    if (after) end--;
    else strip = true;
  }
  if (start === end) return REMOVE;
  node.value = start === 0 && end === value.length ? value : value.slice(start, end);
  return strip ? KEEP_STRIP : KEEP;
}

/** hast-util-whitespace: only HTML whitespace (not \v). */
function isWhitespace(value: string): boolean {
  return /^[ \t\n\f\r]*$/.test(value);
}

// --- 2. The handlers (hast-util-to-mdast's, for these elements) -----------

type Result = Nodes | Nodes[] | undefined;

function all(parent: HastRoot | Element, options: FastOptions): Nodes[] {
  const results: Nodes[] = [];
  for (const child of parent.children) {
    const result = one(child as ElementContent, options);
    if (Array.isArray(result)) results.push(...result);
    else if (result) results.push(result);
  }
  return results;
}

function one(node: ElementContent, options: FastOptions): Result {
  if (node.type === 'text') return { type: 'text', value: node.value };
  const element = node as Element;
  switch (element.tagName) {
    case 'p': {
      const children = dropSurroundingBreaks(all(element, options));
      return children.length > 0 ? { type: 'paragraph', children: children as PhrasingContent[] } : undefined;
    }
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return { type: 'heading', depth: Number(element.tagName.charAt(1)) as 1, children: dropSurroundingBreaks(all(element, options)) as PhrasingContent[] };
    case 'ul':
    case 'ol':
      return list(element, options);
    case 'li':
      return listItem(element, options);
    case 'table':
      return table(element, options);
    case 'tr':
      return { type: 'tableRow', children: toSpecificContent(all(element, options), createCell) as TableCell[] };
    case 'td':
    case 'th':
      return tableCell(element, options);
    case 'blockquote':
      return { type: 'blockquote', children: wrap(all(element, options)) as never };
    case 'pre':
      return { type: 'code', lang: null, meta: null, value: trimTrailingLines(element.children.map((c) => (c as HastText).value).join('')) };
    case 'strong':
      return { type: 'strong', children: all(element, options) as PhrasingContent[] };
    case 'em':
      return { type: 'emphasis', children: all(element, options) as PhrasingContent[] };
    case 's':
      return { type: 'delete', children: all(element, options) as PhrasingContent[] };
    case 'a':
      // url as the library's `a` resolves it (no <base> in these trees); `title` is never set here.
      return options.keepLink(element) ? { type: 'link', url: String(element.properties.href), title: null, children: all(element, options) as PhrasingContent[] } : all(element, options);
    case 'br':
      return { type: 'break' };
    case 'input':
      return undefined;
    default:
      // thead, tbody, tfoot, sub, sup: their content.
      return all(element, options);
  }
}

function list(node: Element, options: FastOptions): Nodes {
  const ordered = node.tagName === 'ol';
  const children = toSpecificContent(all(node, options), createListItem) as ListItem[];
  let start: number | null = null;
  if (ordered) {
    start = Number.parseInt(String(node.properties.start), 10);
    if (Number.isNaN(start)) start = 1;
  }
  return { type: 'list', ordered, start, spread: children.length > 1 && children.some((c) => c.spread), children };
}

function listItem(node: Element, options: FastOptions): Nodes {
  const { rest, checkbox } = extractLeadingCheckbox(node);
  const checked = checkbox ? Boolean(checkbox.properties.checked) : null;
  return { type: 'listItem', spread: spreadout(rest), checked, children: wrap(all(rest, options)) as never };
}

/** Whether an item holds a p, or two blocks, at any depth (the library's li.js). */
function spreadout(node: Element): boolean {
  let seenFlow = false;
  for (const child of node.children) {
    if (child.type !== 'element' || INLINE.has(child.tagName)) continue;
    if (child.tagName === 'p' || seenFlow || spreadout(child)) return true;
    seenFlow = true;
  }
  return false;
}

function extractLeadingCheckbox(node: Element): { rest: Element; checkbox?: Element } {
  const head = node.children[0];
  if (head?.type === 'element' && head.tagName === 'input' && (head.properties.type === 'checkbox' || head.properties.type === 'radio')) {
    return { checkbox: head, rest: { ...node, children: node.children.slice(1) } };
  }
  if (head?.type === 'element' && head.tagName === 'p') {
    const { checkbox, rest: restHead } = extractLeadingCheckbox(head);
    if (checkbox) return { checkbox, rest: { ...node, children: [restHead, ...node.children.slice(1)] } };
  }
  return { rest: node };
}

function tableCell(node: Element, options: FastOptions): Nodes {
  const result: TableCell = { type: 'tableCell', children: all(node, options) as PhrasingContent[] };
  const { rowSpan, colSpan } = node.properties;
  if (rowSpan || colSpan) {
    const data = (result.data = {}) as Record<string, unknown>;
    if (rowSpan) data.hastUtilToMdastTemporaryRowSpan = rowSpan;
    if (colSpan) data.hastUtilToMdastTemporaryColSpan = colSpan;
  }
  return result;
}

/** The library's table.js: rows and cells as found, spans spread, short rows padded, an empty header row when there is none. */
function table(node: Element, options: FastOptions): Nodes {
  const { align, headless } = inspect(node);
  const rows = toSpecificContent(all(node, options), createRow) as TableRow[];
  if (headless) rows.unshift(createRow());
  for (const row of rows) row.children = toSpecificContent(row.children, createCell) as TableCell[];
  let columns = 1;
  for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
    const cells = rows[rowIndex].children;
    for (let cellIndex = 0; cellIndex < cells.length; cellIndex++) {
      const cell = cells[cellIndex];
      if (!cell.data) continue;
      const fields = cell.data as Record<string, unknown>;
      const colSpan = Number.parseInt(String(fields.hastUtilToMdastTemporaryColSpan), 10) || 1;
      const rowSpan = Number.parseInt(String(fields.hastUtilToMdastTemporaryRowSpan), 10) || 1;
      if (colSpan > 1 || rowSpan > 1) {
        const rowEnd = Math.min(rowIndex + rowSpan, rows.length);
        for (let otherRowIndex = rowIndex; otherRowIndex < rowEnd; otherRowIndex++) {
          for (let colIndex = cellIndex; colIndex < cellIndex + colSpan; colIndex++) {
            if (otherRowIndex !== rowIndex || colIndex !== cellIndex) rows[otherRowIndex].children.splice(colIndex, 0, { type: 'tableCell', children: [] });
          }
        }
      }
      delete fields.hastUtilToMdastTemporaryColSpan;
      delete fields.hastUtilToMdastTemporaryRowSpan;
      if (Object.keys(fields).length === 0) delete cell.data;
    }
    if (cells.length > columns) columns = cells.length;
  }
  for (const row of rows) for (let i = row.children.length; i < columns; i++) row.children.push({ type: 'tableCell', children: [] });
  for (let i = align.length; i < columns; i++) align.push(null);
  return { type: 'table', align, children: rows };
}

/** Column alignment (none in these trees: no `align` is read) and whether the table has a header (a thead, or a th in its first row). */
function inspect(node: Element): { align: null[]; headless: boolean } {
  const align: null[] = [null];
  let headless = true;
  let rowIndex = 0;
  let cellIndex = 0;
  const visit = (parent: Element) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'th' || child.tagName === 'td') {
        align[cellIndex] = null;
        if (headless && rowIndex < 2 && child.tagName === 'th') headless = false;
        cellIndex++;
      } else if (child.tagName === 'thead') headless = false;
      else if (child.tagName === 'tr') {
        rowIndex++;
        cellIndex = 0;
      }
      visit(child);
    }
  };
  visit(node);
  return { align, headless };
}

function createCell(): TableCell {
  return { type: 'tableCell', children: [] };
}
function createRow(): TableRow {
  return { type: 'tableRow', children: [] };
}
function createListItem(): ListItem {
  return { type: 'listItem', spread: false, checked: null, children: [] };
}

/** Nodes of the type `build` makes kept; anything between them goes into the next one (or the last, or a new one). */
function toSpecificContent(nodes: Nodes[], build: () => Parents): Nodes[] {
  const type = build().type;
  const results: Nodes[] = [];
  let queue: Nodes[] = [];
  for (const node of nodes) {
    if (node.type === type) {
      if (queue.length > 0) {
        (node as Parents).children.unshift(...(queue as never[]));
        queue = [];
      }
      results.push(node);
    } else queue.push(node);
  }
  if (queue.length > 0) {
    let node = results[results.length - 1] as Parents | undefined;
    if (!node) {
      node = build();
      results.push(node);
    }
    (node as Parents).children.push(...(queue as never[]));
  }
  return results;
}

/**
 * Runs of phrasing content become paragraphs (unless only whitespace), other
 * nodes stay as they are (the library's util/wrap.js). Its split of a link or
 * delete holding blocks never applies: `supported` lets only phrasing into them.
 */
function wrap(nodes: Nodes[]): Nodes[] {
  const result: Nodes[] = [];
  let queue: Nodes[] = [];
  const flush = () => {
    if (queue.length > 0 && !queue.every((d) => d.type === 'text' && isWhitespace(d.value))) result.push({ type: 'paragraph', children: dropSurroundingBreaks(queue) as PhrasingContent[] });
    queue = [];
  };
  for (const node of nodes) {
    if (PHRASING.has(node.type)) queue.push(node);
    else {
      flush();
      result.push(node);
    }
  }
  flush();
  return result;
}

function dropSurroundingBreaks(nodes: Nodes[]): Nodes[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && nodes[start].type === 'break') start++;
  while (end > start && nodes[end - 1].type === 'break') end--;
  return start === 0 && end === nodes.length ? nodes : nodes.slice(start, end);
}

function trimTrailingLines(value: string): string {
  let end = value.length;
  while (end > 0 && (value.charCodeAt(end - 1) === 10 || value.charCodeAt(end - 1) === 13)) end--;
  return value.slice(0, end);
}

// --- 3. The library's last pass: adjacent texts joined, and trimmed -------

/** As toMdast's final `visit`, in the same order: a text after a text joins it and the joined text is looked at again. */
function joinTexts(parent: Parents): void {
  const children = parent.children as Nodes[];
  const trims = parent.type === 'heading' || parent.type === 'paragraph' || parent.type === 'root';
  let index = 0;
  while (index < children.length) {
    const node = children[index];
    if (node.type !== 'text') {
      if ('children' in node) joinTexts(node);
      index++;
      continue;
    }
    const previous = children[index - 1];
    if (previous && previous.type === 'text') {
      previous.value += node.value;
      children.splice(index, 1);
      index--;
      continue;
    }
    // Each expression only where it can match (a line end; a space or tab at that edge).
    let value = node.value;
    if (value.includes('\n') || value.includes('\r')) value = value.replace(/[\t ]*(\r?\n|\r)[\t ]*/, '$1');
    if (trims) {
      if (!index && isSpaceOrTab(value.charCodeAt(0))) value = value.replace(/^[\t ]+/, '');
      if (index === children.length - 1 && isSpaceOrTab(value.charCodeAt(value.length - 1))) value = value.replace(/[\t ]+$/, '');
    }
    node.value = value;
    if (!node.value) children.splice(index, 1);
    else index++;
  }
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}
