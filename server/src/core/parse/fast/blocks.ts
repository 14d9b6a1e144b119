// Block structure of one chunk, line by line, the way micromark's document and
// flow tokenizers see it, for the subset strategies use: paragraphs, ATX and
// setext headings, thematic breaks, fenced code, HTML comment blocks and blocks
// of block-level tags (<details>, <div>…) at the top level, one-line link
// reference definitions at the top level, lists (any nesting, tight or loose,
// lazy lines), YAML front matter, GFM tables, task list items and footnote
// definitions at the top level holding paragraphs. Top-level block quotes go to
// micromark one by one. Other block quotes, indented code, other HTML blocks,
// definitions anywhere else, tabs in the structure and a few irregular corners
// of micromark's offsets (open fences in list items, lazy setext underlines)
// throw BAIL: the whole chunk goes to micromark.
import { normalizeIdentifier, parseInline } from './inline';
import { BAIL, bail, node, valueNode, type BlockOptions, type FNode } from './nodes';
import { definitionLine, delimiterLike, isSetextLike, isThematicBreak, listMarker, spaces, splitLines, type Lines } from './lines';
import { parseTable } from './table';
import { dropTaskCheck, footnoteStart, isTaskCheck } from './gfm-notes';
import { lastAtOrBefore } from '../../sorted';

interface Item {
  node: FNode;
  list: FNode;
  ordered: boolean;
  marker: number;
  /** Column where the item's content starts. */
  col: number;
  /** micromark's initialBlankLine / furtherBlankLines: an item that began with a blank line. */
  initialBlank: boolean;
  furtherBlank: boolean;
  /** A GFM footnote definition (continued by lines indented four spaces), not a list item. */
  note?: boolean;
}

type Leaf =
  | {
      kind: 'p';
      node: FNode;
      segs: number[];
      inItem: boolean;
      /** It follows a definition, whose content a setext heading would take in. */
      afterDef: boolean;
      /** The first content of a list item, where GFM reads a task check. */
      first: boolean;
    }
  | { kind: 'code'; node: FNode; ch: number; size: number; inItem: boolean }
  /** Indented code at the top level (text laid out by w3m, lynx or pdftotext -layout comes so). */
  | { kind: 'icode'; node: FNode }
  | { kind: 'html'; node: FNode; lines: number; /** A block of block-level tags, which ends at a blank line (not at `-->`). */ tags: boolean };

/** Parses a chunk's blocks (`inQuote`: the content of a block quote, its markers removed). */
export function parseBlocks(src: string, opts: BlockOptions, inQuote = false): FNode[] {
  const lines: Lines = splitLines(src);
  const LS = lines.start;
  const LE = lines.end;
  const n = LS.length;
  const root: FNode[] = [];
  const items: Item[] = [];
  let leaf: Leaf | undefined;
  let tabAt = src.indexOf('\t');
  /** Identifiers of the definitions met, which must be those the inline parser was given. */
  const defined = new Set<string>();
  /** The same for footnote definitions. */
  const notes = new Set<string>();
  let lastDefinition = -2;

  const container = (): FNode[] => (items.length ? items[items.length - 1].node.children! : root);

  /** Indented code's text (the model reads whether it holds words: a PDF's or a web page's layout, not code). */
  const closeIndented = (code: FNode) => {
    code.value = src.slice(code.position.start.offset, code.position.end.offset);
    leaf = undefined;
  };
  const closeLeaf = () => {
    if (leaf?.kind === 'icode') return closeIndented(leaf.node);
    if (leaf?.kind === 'p') finishParagraph(src, leaf.node, leaf.segs, leaf.inItem, leaf.first, opts);
    if (leaf?.kind === 'html' && leaf.tags) closeHtml(src, leaf.node);
    // A comment block left open, or a fence left open in a list item: micromark's
    // offsets around them are irregular.
    else if (leaf?.kind === 'html' || (leaf?.kind === 'code' && leaf.inItem)) bail();
    leaf = undefined;
  };

  const openItem = (list: FNode | undefined, m: ReturnType<typeof listMarker> & object, at: number, le: number) => {
    // A footnote definition holds paragraphs only here.
    if (items.length && items[0].note) bail();
    if (!list) {
      list = node('list', at, at, []);
      container().push(list);
    }
    // An item with no content ends with its marker line.
    const item = node('listItem', at, le, []);
    list.children!.push(item);
    items.push({ node: item, list, ordered: m.ordered, marker: m.ch, col: m.col, initialBlank: m.empty, furtherBlank: false });
  };

  let li = 0;
  if (opts.frontmatter) li = frontMatter(src, lines, root);

  for (; li < n; li++) {
    const ls = LS[li];
    const le = LE[li];
    if (tabAt >= 0 && tabAt < ls) tabAt = src.indexOf('\t', ls);
    const lineTab = tabAt >= 0 && tabAt < le;
    let ind = 0;
    while (ls + ind < le && src.charCodeAt(ls + ind) === 32) ind++;
    const blank = ls + ind === le || (lineTab && /^[ \t]*$/.test(src.slice(ls, le)));
    // The line after indented code (blank lines between or not): micromark reads an empty item or one
    // numbered from 2 there as text or as a list depending on what came before the code.
    let afterCode = false;
    if (leaf?.kind === 'icode' && !blank) {
      // Indented code goes on while lines are indented four spaces or more (blank lines inside it
      // are its own, those after it not); a tab in its indentation counts to the next tab stop.
      if (lineTab) bail();
      if (ind >= 4) {
        leaf.node.position.end.offset = le;
        continue;
      }
      closeIndented(leaf.node);
      afterCode = true;
    }
    if (lineTab && !(leaf && leaf.kind !== 'p' && items.length === 0)) bail();

    // 1. Which open list items does the line continue?
    let matched = 0;
    let col = 0;
    if (blank) {
      matched = items.length;
      for (const it of items) it.furtherBlank = it.furtherBlank || it.initialBlank;
    } else {
      while (matched < items.length) {
        const it = items[matched];
        const further = it.furtherBlank;
        it.furtherBlank = false;
        it.initialBlank = false;
        if (further || ind < it.col) break;
        col = it.col;
        matched++;
      }
    }
    let p = ls + Math.min(col, ind);

    // 2. A sibling item of the first list item not continued.
    let opened = false;
    let interrupt = false;
    if (!blank && matched < items.length) {
      const it = items[matched];
      if (ind - col <= 3) {
        const m = listMarker(src, ls, ls + ind, le);
        if (m && m.ordered === it.ordered && m.ch === it.marker && !(!m.ordered && isThematicBreak(src, ls + ind, le))) {
          closeLeaf();
          items.length = matched;
          openItem(it.list, m, ls + ind, le);
          opened = true;
          p = m.content;
        }
      }
    } else if (!blank) {
      interrupt = leaf?.kind === 'p';
    }

    // 3. New list items (several on one line: "- 1. a").
    const concrete = !opened && matched === items.length && leaf !== undefined && leaf.kind !== 'p';
    if (!blank && !concrete && !(opened && p === le)) {
      for (;;) {
        const r = spaces(src, p, le);
        if (r >= 4) break;
        const q = p + r;
        const c = src.charCodeAt(q);
        if (opts.gfm && c === 91 && src.charCodeAt(q + 1) === 94) {
          // A footnote definition: a container micromark opens before it looks at laziness.
          const note = footnoteStart(src, q, le);
          if (note === undefined) bail();
          if (note) {
            if (matched > 0 || opened || inQuote) bail();
            closeLeaf();
            items.length = 0;
            const def = node('footnoteDefinition', q, le, []);
            root.push(def);
            items.push({ node: def, list: def, ordered: false, marker: -1, col: 4, initialBlank: false, furtherBlank: false, note: true });
            notes.add(normalizeIdentifier(note.label));
            opened = true;
            p = note.content;
            // What it holds opening with a container (a list, a quote, another note) is not followed.
            const d = src.charCodeAt(p);
            if (d === 62 || listMarker(src, ls, p, le) || (d === 91 && src.charCodeAt(p + 1) === 94 && footnoteStart(src, p, le) !== null)) bail();
            break;
          }
        }
        if (c === 62) {
          // A block quote: only at the top level, where startLeaf hands it to micromark.
          if (matched > 0 || opened) bail();
          break;
        }
        const m = listMarker(src, ls, q, le);
        if (!m || (!m.ordered && isThematicBreak(src, q, le))) break;
        if (afterCode && (m.empty || (m.ordered && !m.one))) bail();
        if (interrupt && (m.empty || (m.ordered && !m.one))) break;
        if (!opened) {
          closeLeaf();
          items.length = matched;
        }
        openItem(undefined, m, q, le);
        opened = true;
        p = m.content;
        if (m.empty) break;
      }
    }

    // 4. Unmatched items: a lazy paragraph line keeps them open, anything else closes them.
    if (!opened && matched < items.length) {
      if (!blank && leaf?.kind === 'p') {
        const q = ls + ind;
        if (opts.gfm && li + 1 < n && delimiterLike(src, LS[li + 1], LE[li + 1])) bail();
        if (ind - col >= 4 || !interruptsParagraph(src, q, le, opts.gfm)) {
          leaf.segs.push(q, le);
          continue;
        }
      }
      closeLeaf();
      items.length = matched;
    }

    if (blank) {
      if (leaf?.kind === 'p' || (leaf?.kind === 'html' && leaf.tags)) closeLeaf();
      else if (leaf?.kind === 'icode') {
        // A line of four spaces or more is indented code's own, though it holds nothing.
        if (lineTab) bail();
        if (ind >= 4) leaf.node.position.end.offset = le;
      } else if (leaf) {
        // Blank lines belong to an open fence or comment.
        leaf.node.position.end.offset = le;
        if (leaf.kind === 'html' && ++leaf.lines > 1 && items.length) bail();
      }
      continue;
    }

    // 5. The open leaf continues, or a new leaf starts at p.
    if (leaf && leaf.kind !== 'p' && !opened) {
      leaf.node.position.end.offset = le;
      if (leaf.kind === 'code') {
        if (lineTab && src.slice(ls, le).trimStart().charCodeAt(0) === leaf.ch) bail();
        if (!lineTab && ind - col < 4 && closesFence(src, ls + ind, le, leaf.ch, leaf.size)) leaf = undefined;
      } else if (leaf.kind === 'html' && !leaf.tags) {
        if (++leaf.lines > 1 && items.length) bail();
        if (src.slice(ls, le).includes('-->')) {
          closeHtml(src, leaf.node);
          leaf = undefined;
        }
      }
      continue;
    }
    const r = spaces(src, p, le);
    const q = p + r;
    if (q === le) continue; // only an empty list item on this line
    if (leaf?.kind === 'p' && !opened) {
      if (r < 4 && isSetextLike(src, q, le)) {
        // micromark starts such a heading at the definitions before it.
        if (leaf.afterDef) bail();
        // The paragraph was a setext heading's content.
        setextHeading(src, leaf.node, leaf.segs, leaf.inItem, leaf.first, src.charCodeAt(q) === 61 ? 1 : 2, le, opts);
        leaf = undefined;
        continue;
      }
      // Paragraph continuation, unless the line starts a block that interrupts it.
      if (r < 4 && interruptsParagraph(src, q, le, opts.gfm)) closeLeaf();
      else if (opts.gfm && li + 1 < n && delimiterLike(src, LS[li + 1], LE[li + 1])) {
        // A table interrupts the paragraph: this line is its header row.
        if (items.length || r >= 4) bail();
        closeLeaf();
        li = table(li);
        continue;
      } else {
        leaf.segs.push(q, le);
        continue;
      }
    }
    if (r >= 4) {
      // Indented code, at the top level only, and not after a definition (whose title it may be).
      if (items.length || inQuote || lineTab || lastDefinition === li - 1) bail();
      const code = valueNode('code', ls, le, '');
      root.push(code);
      leaf = { kind: 'icode', node: code };
      continue;
    }
    li = startLeaf(li, p, q, le);
  }
  closeLeaf();
  finishContainers(root);
  // References were resolved against the definitions found beforehand (see index.ts).
  if (inQuote) return root;
  if (defined.size !== opts.defined.size || notes.size !== opts.notes.size) bail();
  for (const d of defined) if (!opts.defined.has(d)) bail();
  for (const d of notes) if (!opts.notes.has(d)) bail();
  return root;

  /** Starts the block at q (its container's content at p) on line li; returns the last line it consumed. */
  function startLeaf(li: number, p: number, q: number, le: number): number {
    const c = src.charCodeAt(q);
    const kids = container();
    if (c === 35) {
      const h = atxHeading(src, q, le);
      if (h) {
        kids.push(heading(src, q, le, h, opts));
        return li;
      }
    }
    if (c === 96 || c === 126) {
      const f = fenceOpen(src, q, le);
      if (f) {
        const code = node('code', q, le);
        kids.push(code);
        leaf = { kind: 'code', node: code, ch: c, size: f, inItem: items.length > 0 };
        return li;
      }
    }
    if (c === 60) {
      if (src.startsWith('<!--', q)) {
        // An HTML block keeps its indentation.
        const html = valueNode('html', p, le, '');
        kids.push(html);
        leaf = { kind: 'html', node: html, lines: 1, tags: false };
        if (src.slice(q + 2, le).includes('-->')) {
          closeHtml(src, html);
          leaf = undefined;
        }
        return li;
      }
      if (items.length === 0 && blockTag(src, q, le)) {
        const html = valueNode('html', p, le, '');
        kids.push(html);
        leaf = { kind: 'html', node: html, lines: 1, tags: true };
        return li;
      }
      if (/[A-Za-z/?!]/.test(src[q + 1] ?? '')) bail(); // another kind of HTML block
    }
    if (c === 91 && items.length === 0) {
      const end = definitionEnd(src, q, le);
      if (end) {
        // What could continue it (a title on the next line) or turn it into a
        // setext heading's content or a table's header is not ours.
        if (li + 1 < n) {
          const next = src.slice(LS[li + 1], LE[li + 1]).trimStart();
          const at = LS[li + 1] + spaces(src, LS[li + 1], LE[li + 1]);
          if (/^["'(]/.test(next) || isSetextLike(src, at, LE[li + 1])) bail();
          // A list item that cannot interrupt a paragraph cannot follow a definition either (micromark reads both as content).
          const m = at - LS[li + 1] < 4 ? listMarker(src, LS[li + 1], at, LE[li + 1]) : null;
          if (m && (m.empty || (m.ordered && !m.one))) bail();
          if (opts.gfm && (delimiterLike(src, LS[li + 1], LE[li + 1]) || (li + 2 < n && delimiterLike(src, LS[li + 2], LE[li + 2])))) bail();
        }
        kids.push(node('definition', q, le));
        lastDefinition = li;
        defined.add(normalizeIdentifier(src.slice(q + 1, end)));
        return li;
      }
    }
    if (c === 62) {
      if (items.length) bail();
      return blockQuote(li, q);
    }
    if (isThematicBreak(src, q, le)) {
      kids.push(node('thematicBreak', q, le));
      return li;
    }
    if (opts.gfm && delimiterLike(src, q, le)) bail();
    if (opts.gfm && li + 1 < n && delimiterLike(src, LS[li + 1], LE[li + 1])) {
      if (items.length) bail();
      return table(li);
    }
    const para = node('paragraph', q, le);
    const first = items.length > 0 && !items[items.length - 1].note && kids.length === 0;
    kids.push(para);
    leaf = { kind: 'p', node: para, segs: [q, le], inItem: items.length > 0, afterDef: lastDefinition === li - 1, first };
    return li;
  }

  /**
   * A top-level block quote from line li (its `>` at q) is parsed by micromark on
   * its own: it runs over the lines that start with `>`, and when a blank line or
   * the end follows (no lazy line) it parses alone exactly as in place.
   */
  function blockQuote(li: number, q: number): number {
    let last = li;
    while (last + 1 < n && /^ {0,3}>/.test(src.slice(LS[last + 1], LE[last + 1]))) last++;
    if (last + 1 < n && !/^ *$/.test(src.slice(LS[last + 1], LE[last + 1]))) bail();
    if (src.slice(q, LE[last]).includes('\t')) bail();
    // A definition inside would change how the chunk's other brackets parse.
    if (src.slice(q, LE[last]).includes(']:')) bail();
    // After a paragraph line micromark still treats a list opening the quote as
    // interrupting that paragraph; alone it would not.
    if (li > 0 && !/^ *$/.test(src.slice(LS[li - 1], LE[li - 1])) && /^[ >]*(?:\d{1,9}[.)]|[-+*])(?: |$)/.test(src.slice(q, LE[li]))) bail();
    const quote = quoteContent(li, last);
    if (quote) {
      root.push(node('blockquote', q, LE[last], quote));
      return last;
    }
    // The blank line after it goes along: what ends an open fence or comment in
    // the quote must be the same alone as in place.
    const end = last + 1 < n ? LE[last + 1] : LE[last];
    const again = opts.reparse(q, end);
    const only = again?.length === 1 ? again[0] : undefined;
    if (!only || only.type !== 'blockquote' || only.position.start.offset !== q) bail();
    root.push(only);
    return last;
  }

  /**
   * The blocks of a quote over lines li…last, none lazy: its lines with their
   * `>` and the one space after it removed are parsed as a document of their
   * own (which is what a block quote's content is), and mapped back; undefined
   * when that parse is unsure (the quote then goes to micromark).
   */
  function quoteContent(li: number, last: number): FNode[] | undefined {
    const parts: string[] = [];
    const innerStart: number[] = [];
    const srcStart: number[] = [];
    const blankAt: boolean[] = [];
    let len = 0;
    for (let i = li; i <= last; i++) {
      let k = src.indexOf('>', LS[i]) + 1;
      if (src.charCodeAt(k) === 32) k++;
      const to = i < last ? LS[i + 1] : LE[i];
      innerStart.push(len);
      srcStart.push(k);
      blankAt.push(/^ *$/.test(src.slice(k, LE[i])));
      parts.push(src.slice(k, to));
      len += to - k;
    }
    // A blank quoted line at the very end: an open fence does not take it in there.
    if (blankAt[blankAt.length - 1] && LE[last] === src.length) return undefined;
    // A quote nested straight after other content: micromark ends a list before
    // it at its `>`, a corner not followed here.
    for (let j = 1; j < parts.length; j++) if (!blankAt[j - 1] && /^ {0,3}>/.test(parts[j]) && !/^ {0,3}>/.test(parts[j - 1])) return undefined;
    let kids: FNode[];
    try {
      // Nothing in it is reparsed alone: a reparse would need offsets in this text.
      kids = parseBlocks(parts.join(''), { ...opts, frontmatter: false, reparse: () => undefined }, true);
    } catch (err) {
      if (err !== BAIL) throw err;
      return undefined;
    }
    // An empty item's list ends after the next line's `>`: another corner not followed here.
    const emptyItem = (x: FNode): boolean => (x.type === 'listItem' && !x.children!.length) || !!x.children?.some(emptyItem);
    if (kids.some(emptyItem)) return undefined;
    const lineIn = (k: number): number => lastAtOrBefore(innerStart.length, (i) => innerStart[i], k);
    const at = (k: number): number => {
      const j = lineIn(k);
      return srcStart[j] + (k - innerStart[j]);
    };
    const move = (x: FNode) => {
      const { start, end } = x.position;
      // An end at a line's start is that of a blank line (a fence or comment left
      // open runs over it): after its `>`. Any other end (a hard break's, which
      // takes in its line ending, too) is mapped from the character before it,
      // so one after a line ending stays before the next `>`: a text's that runs
      // to its line's end before emphasis opening the next line ("> a\n> **b**") too.
      const e = end.offset;
      const afterPrefix = innerStart[lineIn(e)] === e && x.type !== 'break' && x.type !== 'text';
      x.position = { start: { offset: at(start.offset) }, end: { offset: afterPrefix ? at(e) : at(e - 1) + 1 } };
      if (x.children) for (const c of x.children) move(c);
    };
    for (const c of kids) move(c);
    // In a quote micromark ends a list after the blank lines that follow it
    // (their `>` included), and an item with it when the list is its last child.
    // Only lists that blank lines (or the quote's end) follow are taken.
    const extend = (x: FNode): number => {
      if (!x.children) return x.position.end.offset;
      let end = x.position.end.offset;
      for (const c of x.children) end = extend(c);
      // (Never back: a quote nested in this one has extended its own lists already.)
      if ((x.type === 'listItem' || x.type === 'list') && x.children.length) x.position.end.offset = Math.max(end, x.position.end.offset);
      if (x.type === 'list') {
        let j = lineOf(x.position.end.offset);
        // A list closed by the next line (another list, a nested quote…) ends
        // after that line's `>` or not, depending on what the line opens: not followed here.
        if (j < 0 || (j + 1 < blankAt.length && !blankAt[j + 1])) unsure = true;
        else if (LE[li + j] === x.position.end.offset) {
          while (j + 1 < blankAt.length && blankAt[j + 1]) j++;
          x.position.end.offset = LE[li + j];
          // After them a nested quote takes the list's end past its own line's `>`; another list, unknown.
          const next = j + 1 < parts.length ? parts[j + 1] : '';
          if (/^ {0,3}>/.test(next)) x.position.end.offset = srcStart[j + 1];
          else if (/^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.test(next)) unsure = true;
        }
      }
      return x.position.end.offset;
    };
    /** The quote's line (0 = line li) holding an offset, or -1. */
    const lineOf = (offset: number): number => {
      const lo = lastAtOrBefore(blankAt.length, (i) => LS[li + i], offset);
      return offset >= LS[li + lo] && offset <= LE[li + lo] ? lo : -1;
    };
    let unsure = false;
    for (const c of kids) extend(c);
    return unsure ? undefined : kids;
  }

  /** A GFM table whose header row is line li (at the top level); returns its last line. */
  function table(li: number): number {
    const t = parseTable(src, lines, li, opts);
    root.push(t.node);
    return t.last;
  }
}

/** Whether the line at q starts a block that ends an open paragraph (list items are handled before). */
function interruptsParagraph(src: string, q: number, le: number, gfm: boolean): boolean {
  const c = src.charCodeAt(q);
  if (c === 35) return atxHeading(src, q, le) !== null;
  if (c === 96 || c === 126) return fenceOpen(src, q, le) !== 0;
  if (c === 60) {
    if (src.startsWith('<!--', q) || blockTag(src, q, le)) return true;
    if (/[A-Za-z/?!]/.test(src[q + 1] ?? '')) bail();
    return false;
  }
  if (c === 62) return true;
  if (isSetextLike(src, q, le)) bail();
  if (gfm && delimiterLike(src, q, le)) bail();
  return isThematicBreak(src, q, le);
}

interface Atx {
  depth: number;
  start: number;
  end: number;
}

/** An ATX heading at q: its depth and content range (closing sequence and spaces removed), or null. */
function atxHeading(src: string, q: number, le: number): Atx | null {
  let k = q;
  while (k < le && src.charCodeAt(k) === 35) k++;
  const depth = k - q;
  if (depth > 6) return null;
  if (k < le) {
    const d = src.charCodeAt(k);
    if (d === 9) bail();
    if (d !== 32) return null;
  }
  let start = k;
  while (start < le && src.charCodeAt(start) === 32) start++;
  let end = le;
  while (end > start && src.charCodeAt(end - 1) === 32) end--;
  let h = end;
  while (h > start && src.charCodeAt(h - 1) === 35) h--;
  if (h === start) end = start;
  else if (h < end && src.charCodeAt(h - 1) === 32) {
    end = h;
    while (end > start && src.charCodeAt(end - 1) === 32) end--;
  }
  if (src.slice(start, end).includes('\t')) bail();
  return { depth, start, end };
}

function heading(src: string, q: number, le: number, h: Atx, opts: BlockOptions): FNode {
  const n = node('heading', q, le, []);
  n.depth = h.depth;
  if (h.end > h.start) {
    const kids = parseInline(src, [h.start, h.end], opts.gfm, opts.defined, opts.notes);
    if (kids) n.children = kids;
    else {
      const again = opts.reparse(q, le);
      const only = again?.length === 1 ? again[0] : undefined;
      if (!only || only.type !== 'heading' || only.position.start.offset !== q || only.position.end.offset !== le) bail();
      n.children = only.children;
    }
  }
  return n;
}

/** Length of the opening code fence at q, or 0. */
function fenceOpen(src: string, q: number, le: number): number {
  const c = src.charCodeAt(q);
  let k = q;
  while (k < le && src.charCodeAt(k) === c) k++;
  if (k - q < 3) return 0;
  if (c === 96 && src.slice(k, le).includes('`')) return 0;
  return k - q;
}

function closesFence(src: string, q: number, le: number, ch: number, size: number): boolean {
  let k = q;
  while (k < le && src.charCodeAt(k) === ch) k++;
  if (k - q < size) return false;
  while (k < le && src.charCodeAt(k) === 32) k++;
  if (k < le && src.charCodeAt(k) === 9) bail();
  return k === le;
}

/**
 * The names of CommonMark's HTML block kind 6 (micromark's htmlBlockNames): a
 * line opening with one of these tags starts an HTML block that runs to the
 * next blank line. Kind 1 (pre, script, style, textarea) is not among them.
 */
const BLOCK_NAMES: ReadonlySet<string> = new Set(
  ('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form ' +
    'frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section ' +
    'summary table tbody td tfoot th thead title tr track ul').split(' '),
);

/** Whether the line at q (which holds `<`) opens an HTML block of kind 6: `<name` or `</name`, then a space, `>`, `/>` or the line's end. */
function blockTag(src: string, q: number, le: number): boolean {
  let k = q + 1;
  if (src.charCodeAt(k) === 47) k++;
  const from = k;
  while (k < le && /[A-Za-z0-9]/.test(src[k])) k++;
  if (k === from || !BLOCK_NAMES.has(src.slice(from, k).toLowerCase())) return false;
  if (k === le) return true;
  const c = src.charCodeAt(k);
  if (c === 9) bail();
  return c === 32 || c === 62 || (c === 47 && src.charCodeAt(k + 1) === 62);
}

/**
 * The end of a link reference definition's label when the line at q (which
 * holds `[`) is one (see definitionLine), 0 when it surely is none; BAIL when
 * it might be one in a form not handled here.
 */
function definitionEnd(src: string, q: number, le: number): number {
  // With no `]:` on its line it may still open one over lines: notOurs() looks at that paragraph.
  if (!src.slice(q, le).includes(']:')) return 0;
  const label = definitionLine(src.slice(q, le));
  if (label === undefined) bail();
  return label === 'not' ? 0 : q + 1 + label.length;
}

/** An HTML block's value is its source (only top-level blocks span lines here). */
function closeHtml(src: string, html: FNode): void {
  html.value = src.slice(html.position.start.offset, html.position.end.offset);
}

/**
 * A paragraph that opens with `[` and holds `]:` may be a definition in a form
 * not handled here; in GFM, a setext heading opening a list item with `[ ]` or
 * `[x]` would lose its task check, a corner not followed.
 */
function notOurs(src: string, segs: number[], heading: boolean, gfm: boolean): void {
  if (src.charCodeAt(segs[0]) !== 91) return;
  if (src.slice(segs[0], segs[segs.length - 1]).includes(']:') && definitionLine(src.slice(segs[0], segs[1])) !== 'not') bail();
  if (gfm && heading && /^\[[ \txX]\]/.test(src.slice(segs[0], segs[0] + 3))) bail();
}

function finishParagraph(src: string, para: FNode, segs: number[], inItem: boolean, first: boolean, opts: BlockOptions): void {
  notOurs(src, segs, false, opts.gfm);
  para.position.end.offset = segs[segs.length - 1];
  if (opts.gfm && first && isTaskCheck(src, segs[0], segs[1], segs.length > 2)) {
    // A task item: its paragraph's text starts after the check (no reparse alone: it would be no task there).
    const kids = parseInline(src, [segs[0] + 3, ...segs.slice(1)], true, opts.defined, opts.notes);
    if (!kids) bail();
    para.children = dropTaskCheck(para, kids);
    return;
  }
  para.children = inlineOf(src, para, segs, inItem, opts);
}

function setextHeading(src: string, para: FNode, segs: number[], inItem: boolean, first: boolean, depth: number, le: number, opts: BlockOptions): void {
  notOurs(src, segs, first, opts.gfm);
  para.type = 'heading';
  para.depth = depth;
  para.position.end.offset = le;
  para.children = inlineOf(src, para, segs, inItem, opts);
}

/** Inline content of a paragraph or setext heading (its node spans start…end). */
function inlineOf(src: string, block: FNode, segs: number[], inItem: boolean, opts: BlockOptions): FNode[] {
  const start = block.position.start.offset;
  const end = block.position.end.offset;
  const kids = parseInline(src, segs, opts.gfm, opts.defined, opts.notes);
  if (kids) return kids;
  // Beyond the fast inline parser: micromark parses this paragraph alone. Not
  // when it spans lines in a list item: alone, its continuation lines would lose
  // the item's indentation, which micromark strips differently inside the item.
  if (inItem && segs.length > 2) bail();
  const again = opts.reparse(start, end);
  const only = again?.length === 1 ? again[0] : undefined;
  if (!only || only.type !== block.type || only.depth !== block.depth || only.position.start.offset !== start || only.position.end.offset !== end) bail();
  return only.children!;
}

/** Front matter from line 0 to the first closing `---`; returns the next line. */
function frontMatter(src: string, lines: Lines, root: FNode[]): number {
  const fence = (i: number) => /^---[ \t]*$/.test(src.slice(lines.start[i], lines.end[i]));
  if (!fence(0)) bail();
  for (let i = 1; i < lines.start.length; i++) {
    if (!fence(i)) continue;
    const value = i === 1 ? '' : src.slice(lines.start[1], lines.end[i - 1]);
    root.push(valueNode('yaml', 0, lines.end[i], value));
    return i + 1;
  }
  return bail();
}

/** Lists and items end where their last child ends (an empty item: its marker line). */
function finishContainers(nodes: FNode[]): void {
  for (const n of nodes) {
    if (n.type === 'footnoteDefinition') {
      // Paragraphs only (anything else in one is not followed here); it ends with the last.
      const kids = n.children!;
      if (!kids.length || kids.some((k) => k.type !== 'paragraph')) bail();
      n.position.end.offset = kids[kids.length - 1].position.end.offset;
    }
    if (n.type !== 'list') continue;
    for (const item of n.children!) {
      finishContainers(item.children!);
      const kids = item.children!;
      if (kids.length) item.position.end.offset = kids[kids.length - 1].position.end.offset;
        }
    const items = n.children!;
    n.position.end.offset = items[items.length - 1].position.end.offset;
  }
}
