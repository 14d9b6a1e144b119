// Builds the DocModel from the parsed chunks: blocks in document order, the
// section tree (ATX, setext and bold-line headings), comments, links and the
// masked prose text. Nothing inside code fences or HTML counts as structure.
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { LineIndex } from '../parse/lines';
import { chunkOffset, type Chunk } from '../parse/chunks';
import type { ParsedChunk } from '../parse/parse';
import type { Block, Comment, DocModel, FrontMatter, Link, ModelPart, Row, Section, Span } from './types';
import { htmlAsMarkdown, markupSpans } from './html';
import { alignedTables, cellLinesTables, gridMarkup, readTextTables, tabbedTable } from './text-tables';
import { readPlainLayout, sideBySide } from './plain-layout';
import { criticSpans, currentBlocks } from './critic-markup';

/** Depth given to a bold-only line used as a sub-heading: below any ATX level. */
export const BOLD_HEADING_DEPTH = 7;
const BOLD_HEADING_MAX = 120;

/** `parts`: give the model its chunks (worth it when a parse cache brings chunks back across edits). */
export function buildModel(source: string, parsed: ParsedChunk[], opts: { parts?: boolean } = {}): DocModel {
  const lines = new LineIndex(source);
  // Spans to blank out of the prose; applied once at the end (a per-character
  // array of a 10 MB document would cost hundreds of MB).
  const blanks: Array<[number, number]> = [];
  const blocks: Block[] = [];
  const comments: Comment[] = [];
  const links: Link[] = [];
  let frontMatter: DocModel['frontMatter'];
  const parts: ModelPart[] = [];
  /** Table blocks this build copied to merge slices into (see chunkPart). */
  const merging = new Set<Block>();

  for (const { chunk, tree, kept } of parsed) {
    // A table slice merges into the block before it, so only whole chunks are kept.
    const keep = !chunk.continuesTable && chunk.headerLength === 0;
    let part = keep ? (kept.part as ChunkPart | undefined) : undefined;
    if (part && part.start !== chunk.start) {
      part = moved(part, chunk.start - part.start);
      kept.part = part;
    }
    if (!part) {
      part = chunkPart(source, chunk, tree, blocks, merging);
      if (keep) kept.part = part;
    }
    for (const b of part.blocks) blocks.push(b);
    for (const c of part.comments) comments.push(c);
    for (const l of part.links) links.push(l);
    for (const x of part.blanks) blanks.push(x);
    if (part.frontMatter) frontMatter = part.frontMatter;
    if (opts.parts) parts.push({ start: chunk.start, end: chunk.start + chunk.text.length - chunk.headerLength, memo: part.memo });
  }

  // Running headers and footers of a PDF's pages; title lines where nothing else is a heading.
  const layout = readPlainLayout(source, forwarded(source) ? blocks.map(unquoted) : blocks, {
    depthOf: boldDepth,
    // A section's text taken out of a list item may hold a table in aligned columns.
    paragraphsOf: (from, to) => {
      const p = paragraphOf(source, from, to);
      const tabbed = tabbedTable(source, p);
      return (tabbed?.length === 1 ? tabbed : undefined) ?? alignedTables(source, p) ?? cellLinesTables(source, p) ?? [p];
    },
  });
  for (const f of layout.furniture) blanks.push([f.start, f.end]);
  // A backslash escaping punctuation ("\\[Insert …\\]", "\\* Race:", "2\\.") is markup: the prose is the character it escapes.
  if (source.includes('\\')) for (const m of source.matchAll(new RegExp(ESCAPE, 'g'))) blanks.push([m.index!, m.index! + 1]);
  // Tracked changes: the document as it now reads.
  const critic = criticSpans(source);
  if (critic) for (const x of [...critic.removed, ...critic.marks]) blanks.push(x);
  const current = critic ? currentBlocks(layout.blocks, critic) : layout.blocks;
  const { root, sections } = buildSections(current, source.length);
  return { source, masked: ocrCapitals(maskSpans(source, blanks)), lines, blocks: current, root, sections, comments, links, frontMatter, parts, footer: footerOf(source, current) };
}

/** A Markdown escape: a backslash before ASCII punctuation. */
const ESCAPE = String.raw`\\(?=[!-/:-@[-\`{-~])`;

/** A quoted line's markers ("> ", "> > "), after the line's start (group 1). */
const QUOTE_MARKS = String.raw`(^|\n)[ \t]{0,3}(?:>[ \t]?){1,32}`;

/** The share of a document's text a quote must hold to be the document itself. */
const FORWARDED_SHARE = 2 / 3;
/** The least text a forwarded document holds (a short reply quoting a line or two is a reply). */
const FORWARDED_CHARS = 600;

/**
 * Whether the document is itself a quote: a strategy forwarded in an email, every line of it
 * after "> " below a short reply. Its quoted headings are then its headings, and its words its own.
 * Measured in characters, not lines, so that it does not hang on how the text is wrapped.
 */
function forwarded(source: string): boolean {
  // Most documents quote nothing, or little: one search says so.
  if (!source.startsWith('>') && !/\n[ \t]{0,3}>/.test(source)) return false;
  let text = 0;
  let quoted = 0;
  for (let at = 0; at < source.length; ) {
    const next = source.indexOf('\n', at);
    const end = next < 0 ? source.length : next;
    const line = source.slice(at, end).trim();
    // A line of the quote with nothing in it (">") is a quoted blank line.
    if (line && line !== '>') {
      text += line.length;
      if (line.startsWith('>')) quoted += line.length;
    }
    at = end + 1;
  }
  return text >= FORWARDED_CHARS && quoted >= text * FORWARDED_SHARE;
}

/** A block of the quote read as the document's own: its headings headings again. */
function unquoted(b: Block): Block {
  if (!b.quoted) return b;
  const { quoted: _q, quotedHeading, ...rest } = b;
  return quotedHeading ? { ...rest, kind: 'heading' } : rest;
}

/** A footer ends a document when a thematic break is followed by this little: a contact line, a version stamp. */
const FOOTER_WORDS = 30;

/**
 * The document's footer: what follows its last thematic break when that is a few
 * words of paragraphs ("*Contact: …*"), not part of the last section's prose.
 */
function footerOf(source: string, blocks: Block[]): Span | undefined {
  let i = blocks.length - 1;
  let words = 0;
  while (i >= 0 && blocks[i].kind === 'paragraph') words += (blocks[i--].text.match(/\S+/g) ?? []).length;
  const rule = blocks[i];
  if (i === blocks.length - 1 || !rule || rule.kind !== 'other' || words > FOOTER_WORDS) return undefined;
  if (!/^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/.test(source.slice(rule.start, rule.end))) return undefined;
  return { start: rule.start, end: source.length };
}

/** What one chunk adds to the model, at offsets for the chunk starting at `start`. */
interface ChunkPart {
  start: number;
  blocks: Block[];
  comments: Comment[];
  links: Link[];
  blanks: Array<[number, number]>;
  frontMatter?: FrontMatter;
  /** See ModelPart: offsets relative to the chunk, so a moved part keeps it. */
  memo: Map<object, unknown>;
}

function moved(part: ChunkPart, d: number): ChunkPart {
  const span = <T extends Span>(x: T): T => ({ ...x, start: x.start + d, end: x.end + d });
  return {
    start: part.start + d,
    blocks: part.blocks.map((b) => {
      const c = span(b);
      if (b.items) c.items = b.items.map(span);
      if (b.rows) c.rows = b.rows.map((r) => ({ ...span(r), cells: r.cells.map(span) }));
      return c;
    }),
    comments: part.comments.map(span),
    links: part.links.map(span),
    blanks: part.blanks.map(([a, b]) => [a + d, b + d]),
    frontMatter: part.frontMatter && { ...span(part.frontMatter), valueStart: part.frontMatter.valueStart + d },
    memo: part.memo,
  };
}

/** A one-line list item ("1. Purpose and scope") with a rule of dashes on the next line: a setext heading, numbered. */
function underlinedItem(source: string, item: Block, rule: Block): Block | undefined {
  if (item.kind !== 'list' || item.items?.length !== 1 || rule.kind !== 'other') return undefined;
  const line = source.slice(item.start, item.end);
  const after = source.indexOf('\n', item.end);
  if (line.includes('\n') || after < 0 || after + 1 !== source.lastIndexOf('\n', rule.start) + 1 || !/^ {0,3}-{3,}[ \t]*$/.test(source.slice(after + 1, rule.end))) return undefined;
  return { start: item.start, end: rule.end, kind: 'heading', text: line.trim(), depth: 2, headingStyle: 'setext' };
}

/**
 * A list whose last item is a title and a line of "=" ("1. INTRODUCTION", then "======", as a
 * plain-text file has it; Markdown takes the line as the item's text, and the item as one more
 * of the list before it, a contents list's): the list without it, and a numbered setext heading.
 */
function doubleUnderlinedItem(source: string, list: Block): Block[] | undefined {
  const last = list.kind === 'list' ? list.items?.[list.items.length - 1] : undefined;
  if (!last) return undefined;
  // Two lines read by offset (an item can be long): the title, the rule, then nothing.
  const first = source.indexOf('\n', last.start);
  if (first < 0 || first >= last.end) return undefined;
  const second = source.indexOf('\n', first + 1);
  const ruleEnd = second < 0 || second > last.end ? last.end : second;
  if (!/^ {0,3}={3,}[ \t]*$/.test(source.slice(first + 1, ruleEnd)) || /\S/.test(source.slice(ruleEnd, last.end))) return undefined;
  const line = source.slice(last.start, first).trim();
  if (!line) return undefined;
  const heading: Block = { start: last.start, end: last.end, kind: 'heading', text: line, depth: 1, headingStyle: 'setext' };
  const items = list.items!.slice(0, -1);
  return items.length ? [{ ...list, end: items[items.length - 1].end, items }, heading] : [heading];
}

/** Google Docs' anchors between a comment's mark in the text and the comment at the end: "#cmnt1", "#cmnt_ref1". */
const COMMENT_ANCHOR = /^#cmnt(?:_ref)?\d+$/;

/** Builds one chunk's part; a table slice is merged into the last block of `before` instead. */
function chunkPart(source: string, chunk: Chunk, tree: Root, before: Block[], merging: Set<Block>): ChunkPart {
  const blocks: Block[] = [];
  const comments: Comment[] = [];
  const links: Link[] = [];
  const blanks: Array<[number, number]> = [];
  let frontMatter: FrontMatter | undefined;

  const blank = (start: number, end: number) => {
    if (end > start) blanks.push([Math.max(0, start), Math.min(end, source.length)]);
  };

  const at = (node: Nodes): Span => ({
    start: chunkOffset(chunk, node.position?.start.offset ?? 0),
    end: chunkOffset(chunk, node.position?.end.offset ?? 0),
  });
  const visitInline = (node: Nodes) => {
    if (node.type === 'code' || node.type === 'yaml') {
      const s = at(node);
      blank(s.start, s.end);
      return;
    }
    if (node.type === 'html') {
      const s = at(node);
      collectComments(node.value, s.start, comments);
      blank(s.start, s.end);
      return;
    }
    if (node.type === 'link' || node.type === 'image' || node.type === 'linkReference' || node.type === 'imageReference') {
      const s = at(node);
      if (node.type === 'link') links.push({ ...s, url: node.url });
      // A word processor's comment mark ("[a]" to #cmnt1) is a call, as a footnote's is: not prose.
      if (node.type === 'link' && COMMENT_ANCHOR.test(node.url)) {
        blank(s.start, s.end);
        return;
      }
      // Blank the URL part, keep the visible link text.
      const kids = (node as Parent).children ?? [];
      const lastKid = kids.length ? at(kids[kids.length - 1] as Nodes).end : s.start + 1;
      if (node.type === 'image') blank(s.start, s.end);
      else blank(lastKid, s.end);
    }
    // Underscores that mark emphasis ("__Disability__", mammoth's "__Race: __Positive") are markup: left in the
    // prose they would join the word ("_" is a word character), and "Disability" would not be read.
    if (node.type === 'strong' || node.type === 'emphasis') {
      const s = at(node);
      const kids = (node as Parent).children;
      if (source.charCodeAt(s.start) === 95 && kids.length) {
        blank(s.start, at(kids[0] as Nodes).start);
        blank(at(kids[kids.length - 1] as Nodes).end, s.end);
      }
    } else if (node.type === 'text') {
      const s = at(node);
      // (Searched within the node: an indexOf from its start would run on to the document's end.)
      if (hasUnderscore(source, s.start, s.end)) for (const m of source.slice(s.start, s.end).matchAll(new RegExp(EDGE_UNDERSCORES, 'gu'))) blank(s.start + m.index!, s.start + m.index! + m[0].length);
    }
    if ('children' in node) for (const c of node.children) visitInline(c as Nodes);
  };

  let top = tree.children as RootContent[];
  if (chunk.continuesTable && top[0]?.type === 'table') {
    // Merge a sliced table back into the one it continues (dropping the repeated header).
    const prev = before[before.length - 1];
    const t = top[0];
    if (prev?.kind === 'table' && prev.rows) {
      // The block may belong to a kept part, so it is copied before the first slice joins it;
      // later slices add to the copy (copying every time made a long table quadratic).
      const merged = merging.has(prev) ? prev : { ...prev, rows: [...prev.rows] };
      merging.add(merged);
      for (const r of tableRows(t, at).slice(1)) merged.rows!.push(r);
      merged.end = at(t).end;
      before[before.length - 1] = merged;
      for (const r of t.children.slice(1)) visitInline(r);
      top = top.slice(1);
    }
  }
  for (const node of top) addBlock(node);
  // Tables drawn with text (pandoc's simple and grid tables) become table blocks.
  const read = readTextTables(source, blocks);
  if (read.length !== blocks.length || read.some((b, i) => b !== blocks[i])) {
    const had = new Set(blocks);
    // Their rulers, borders and bars are drawing, not prose.
    for (const b of read) if (!had.has(b) && b.kind === 'table') for (const [from, to] of gridMarkup(source, b)) blank(from, to);
    blocks.length = 0;
    for (const b of read) blocks.push(b);
  }
  // "1. Purpose and scope" underlined with dashes: Markdown reads a list item and a rule, a reader a numbered
  // heading; underlined with "=", a list item whose second line is the underline.
  for (let i = 0; i < blocks.length; i++) {
    const title = i + 1 < blocks.length ? underlinedItem(source, blocks[i], blocks[i + 1]) : undefined;
    if (title) blocks.splice(i, 2, title);
    const split = title ? undefined : doubleUnderlinedItem(source, blocks[i]);
    if (split) blocks.splice(i, 1, ...split);
  }
  // A contents list's entries ("5. Research evidence ........ 6") are apparatus, not prose.
  for (const b of blocks) if (b.kind === 'paragraph' || b.kind === 'list') for (const [from, to] of contentsEntries(source, b)) blank(from, to);

  function addBlock(node: RootContent, from: 'markdown' | 'html' = 'markdown'): void {
    const s = at(node);
    switch (node.type) {
      case 'yaml':
        frontMatter = { ...s, raw: node.value, valueStart: afterFirstLine(source, s) };
        blank(s.start, s.end);
        return;
      case 'heading': {
        node.children.forEach(visitInline);
        const style = from === 'html' ? 'html' : /^ {0,3}#/.test(source.slice(s.start, s.start + 10)) ? 'atx' : 'setext';
        const rule = style === 'setext' ? proseOverRule(source, s) : undefined;
        if (rule !== undefined) {
          // Lines of prose over a rule of "=" (html2text's <hr>, under an email's greeting): a paragraph, not a title.
          blank(rule, s.end);
          for (const b of splitParagraph(source, { start: s.start, end: rule - 1 }, plain(node).trim())) blocks.push(b);
          return;
        }
        blocks.push({ ...s, kind: 'heading', text: plain(node).trim(), depth: node.depth, headingStyle: style });
        return;
      }
      case 'paragraph': {
        // A comment exported with the text ("[a] Alison Hurst: still waiting on…") is not the document's.
        const first = node.children[0];
        if (first?.type === 'link' && COMMENT_ANCHOR.test(first.url)) {
          blank(s.start, s.end);
          return;
        }
        node.children.forEach(visitInline);
        const text = plain(node).trim();
        // A heading behind Word's bookmarks, as mammoth writes one: `<a id="…"></a># 1\. Introduction`.
        const anchored = ANCHORED_HEADING.exec(source.slice(s.start, s.end));
        if (anchored) {
          blocks.push({ ...s, kind: 'heading', text: text.replace(/^#{1,6}\s+/, '').replace(/[\s#]+$/, ''), depth: anchored[1].length, headingStyle: 'atx' });
          return;
        }
        const bold = boldHeading(node) ?? capitalsHeading(source.slice(s.start, s.end));
        if (bold) blocks.push({ ...s, kind: 'heading', text: bold, depth: boldDepth(bold), headingStyle: 'bold' });
        else for (const b of splitParagraph(source, s, text)) blocks.push(b);
        return;
      }
      case 'list': {
        // "1. INTRODUCTION" alone: a numbered heading in capitals (text from a PDF), not a list.
        const caps = node.children.length === 1 ? capitalsHeading(source.slice(s.start, s.end)) : undefined;
        if (caps) {
          blocks.push({ ...s, kind: 'heading', text: caps, depth: boldDepth(caps), headingStyle: 'bold' });
          return;
        }
        node.children.forEach(visitInline);
        const items = node.children.map((li) => at(li));
        // html2text's heading after a list, run on into its last item (no blank line between): the list ends there.
        const title = starredLineIn(source, s);
        if (title !== undefined) {
          const before = items.filter((i) => i.start < title).map((i) => ({ start: i.start, end: Math.min(i.end, lineEndBefore(source, title)) }));
          if (before.length) blocks.push({ start: s.start, end: before[before.length - 1].end, kind: 'list', text: source.slice(s.start, before[before.length - 1].end), items: before });
          for (const b of splitParagraph(source, { start: title, end: s.end }, source.slice(title, s.end))) blocks.push(b);
          return;
        }
        // docx2txt's text: bullets indented ("   * …") with the paragraphs after them flush left and no blank
        // line between, which Markdown runs on into the item: each flush-left run is text of its own.
        const runs = flushLeftRuns(source, s);
        if (runs) {
          for (const run of runs) {
            if (run.items) blocks.push({ start: run.start, end: run.end, kind: 'list', text: source.slice(run.start, run.end).replace(/^[ \t]*[-*+][ \t]+/gm, '').trim(), items: run.items });
            else for (const b of splitParagraph(source, run, source.slice(run.start, run.end))) blocks.push(b);
          }
          return;
        }
        blocks.push({ ...s, kind: 'list', text: plain(node), items });
        return;
      }
      case 'table':
        node.children.forEach(visitInline);
        blocks.push({ ...s, ...tableText(node, at) });
        return;
      case 'code':
        // Text indented four spaces is a PDF's layout (pdftotext indents a page's tables and
        // insets), not code: a strategy holds no source code. A fenced block stays code.
        if (!node.lang && !/^ {0,3}(`{3,}|~{3,})/.test(source.slice(s.start, s.end)) && /\p{L}{3}/u.test(node.value)) {
          // One paragraph for each run of lines between blank ones; a line in capitals alone is a heading.
          const raw = source.slice(s.start, s.end);
          let from = 0;
          for (const m of [...raw.matchAll(/\n[ \t]*\n\s*/g), { index: raw.length, 0: '' }]) {
            const run = raw.slice(from, m.index);
            if (run.trim()) {
              const caps = capitalsHeading(run);
              const at = s.start + from;
              blocks.push(caps ? { start: at, end: at + run.trimEnd().length, kind: 'heading', text: caps, depth: boldDepth(caps), headingStyle: 'bold' } : paragraphOf(source, at, at + run.length));
            }
            from = m.index! + m[0].length;
          }
          // Its links too ("[Equality Impact Assessment](eqia.md)"), which Markdown left unread in "code".
          for (const m of source.slice(s.start, s.end).matchAll(new RegExp(INDENTED_LINK, 'g'))) {
            const at = s.start + m.index!;
            links.push({ start: at, end: at + m[0].length, url: m[2] });
            blank(at + 1 + m[1].length, at + m[0].length);
          }
          return;
        }
        blank(s.start, s.end);
        blocks.push({ ...s, kind: 'code', text: '' });
        return;
      case 'html': {
        collectComments(node.value, s.start, comments);
        // A block of HTML structure (a <table>, <p><strong>…) counts as the Markdown it stands for.
        // Not again for HTML that came out of HTML (a comment holding tags): it would come out the same, for ever.
        const inner = from === 'markdown' && source.slice(s.start, s.end) === node.value ? htmlAsMarkdown(node.value) : undefined;
        if (!inner) {
          blank(s.start, s.end);
          blocks.push({ ...s, kind: 'html', text: '' });
          return;
        }
        for (const [a, b] of markupSpans(node.value)) blank(s.start + a, s.start + b);
        const offset = node.position?.start.offset ?? 0;
        for (const child of inner) addBlock(shifted(child, offset), 'html');
        return;
      }
      case 'definition':
        blank(s.start, s.end);
        return;
      case 'blockquote': {
        // A quote box: its content counts as prose, its headings do not make sections; its
        // blocks are marked quoted (a law's definition or a person's words, not a finding).
        // Its markers are no prose: a sentence wrapped over "> " lines reads as one.
        const s = at(node);
        for (const m of source.slice(s.start, s.end).matchAll(new RegExp(QUOTE_MARKS, 'g'))) blank(s.start + m.index! + m[1].length, s.start + m.index! + m[0].length);
        const first = blocks.length;
        for (const c of node.children) {
          if (c.type === 'heading') {
            c.children.forEach(visitInline);
            blocks.push({ ...at(c), kind: 'paragraph', text: plain(c), depth: c.depth, headingStyle: 'atx', quotedHeading: true });
          } else addBlock(c, from);
        }
        // A bold line in it is no heading either (an email's quoted draft: "> > **6. What will change (draft v5)**").
        for (let i = first; i < blocks.length; i++) {
          const b = blocks[i];
          blocks[i] = b.kind === 'heading' ? { start: b.start, end: b.end, kind: 'paragraph', text: b.text, quoted: true, depth: b.depth, headingStyle: b.headingStyle, quotedHeading: true } : { ...b, quoted: true };
        }
        return;
      }
      default:
        visitInline(node as Nodes);
        blocks.push({ ...s, kind: 'other', text: plain(node as Nodes) });
    }
  }
  return { start: chunk.start, blocks, comments, links, blanks, frontMatter, memo: new Map() };
}

/** A copy of a node whose positions (offsets only, which is what the model reads) are moved by `d`. */
function shifted<T extends Nodes>(node: T, d: number): T {
  const out = { ...node } as T & { children?: Nodes[] };
  if (node.position) out.position = { start: { ...node.position.start, offset: (node.position.start.offset ?? 0) + d }, end: { ...node.position.end, offset: (node.position.end.offset ?? 0) + d } };
  if ('children' in node) out.children = (node.children as Nodes[]).map((c) => shifted(c, d));
  return out;
}

/** A line that ends in dot leaders and a page number: an entry of a contents list. */
const CONTENTS_ENTRY = /(?:\.{3,}|…{2,}|(?:\. ){3,})[ \t.…]*\d{1,4}[ \t]*$/;

/** The lines of a block that are contents entries (the cheap test first: most blocks have no leaders). */
function contentsEntries(source: string, b: Block): Array<[number, number]> {
  const text = source.slice(b.start, b.end);
  if (!text.includes('...') && !text.includes('……') && !text.includes('. . .')) return [];
  const out: Array<[number, number]> = [];
  let at = b.start;
  for (const line of text.split('\n')) {
    if (CONTENTS_ENTRY.test(line)) out.push([at, at + line.length]);
    at += line.length + 1;
  }
  return out;
}

/** The source with the given spans turned to spaces, line endings kept so offsets and lines still agree. */
/**
 * Text read by OCR from a scan takes a capital I for a lower-case l inside words in capitals
 * ("SEXUAL ORlENTATlON", "RELlGlON"): the prose reads them as the words they are (one
 * character for one, so every offset holds).
 */
function ocrCapitals(masked: string): string {
  if (!OCR_HINT.test(masked)) return masked;
  return masked.replace(new RegExp(String.raw`\b[A-Zl]*[A-Z][A-Zl]*l[A-Zl]*\b|\b[A-Zl]*l[A-Zl]*[A-Z][A-Zl]*\b`, 'g'), (w) => (/[A-Z].*[A-Z]/.test(w) ? w.replace(/l/g, 'I') : w));
}
const OCR_HINT = /[A-Z]l[A-Z]|[A-Z]{2}l\b|\bl[A-Z]{2}/;

function maskSpans(source: string, spans: Array<[number, number]>): string {
  if (!spans.length) return source;
  spans.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let pos = 0;
  for (const [s, e] of spans) {
    const from = Math.max(s, pos);
    if (e <= from) continue;
    const span = source.slice(from, e);
    // Most spans (a URL, inline code, a one-line comment) hold no line break: as many spaces.
    parts.push(source.slice(pos, from), span.includes('\n') || span.includes('\r') ? span.replace(/[^\r\n]/g, ' ') : ' '.repeat(e - from));
    pos = e;
  }
  parts.push(source.slice(pos));
  return parts.join('');
}

/** A table block's text (plain(node)) and rows, each cell's text read once for both. */
function tableText(node: Extract<RootContent, { type: 'table' }>, at: (n: Nodes) => Span): { kind: 'table'; text: string; rows: Row[] } {
  let text = '';
  const rows = node.children.map((row, r) => {
    let line = '';
    const cells = row.children.map((cell, c) => {
      const raw = plain(cell);
      line += c ? ' ' + raw : raw;
      return { ...at(cell), text: raw.trim() };
    });
    text += r ? ' ' + line : line;
    return { ...at(row), cells };
  });
  return { kind: 'table', text, rows };
}

function tableRows(node: Extract<RootContent, { type: 'table' }>, at: (n: Nodes) => Span): Row[] {
  return node.children.map((row) => ({
    ...at(row),
    cells: row.children.map((cell) => ({ ...at(cell), text: plain(cell).trim() })),
  }));
}

/**
 * A bold heading's depth: below any ATX level, and one deeper for each level of
 * its number ("5 Policy context" holds "5.1 National context"), as converted
 * PDFs and Word documents number them.
 */
function boldDepth(title: string): number {
  const number = SECTION_NUMBER.exec(title);
  return BOLD_HEADING_DEPTH + (number ? number[1].split('.').length - 1 : 0);
}

/** "5 ", "5.1 ", "5.1.2. " opening a heading. */
const SECTION_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s/;

/** A whole line that is bold text: "**3. Local needs**", "__Aims__:". */
const BOLD_LINE = /^[ \t]{0,3}(\*\*|__)(?=\S)([^*_\n]{1,120}?)(?<=\S)\1[ \t]*:?[ \t]*$/;

/**
 * A paragraph in which a line is all bold, as text pasted from a PDF has it
 * ("**4 AIMS**" on one line, the section's prose on the next with no blank line
 * between): each such line is a heading, and the lines between are paragraphs.
 * A bold line is a heading only where a sentence could not run on into it.
 */
function splitParagraph(source: string, s: Span, text: string): Block[] {
  const body = source.slice(s.start, s.end);
  if (!body.includes('\n')) {
    const starred = starredTitle(source, s.start, s.end, s.end);
    return [starred ? { ...s, kind: 'heading', text: starred.text, depth: starred.depth, headingStyle: 'bold' } : { ...s, kind: 'paragraph', text }];
  }
  if (!/(\*\*|__)|^[ \t]*[•●▪◦‣∙·][ \t]/m.test(body)) return [{ ...s, kind: 'paragraph', text }];
  const out: Block[] = [];
  let from = s.start;
  let prevEnd = '';
  let pos = s.start;
  while (pos < s.end) {
    let eol = source.indexOf('\n', pos);
    if (eol < 0 || eol > s.end) eol = s.end;
    const line = source.slice(pos, eol).replace(/\r$/, '');
    const m = BOLD_LINE.exec(line);
    const last = out[out.length - 1];
    const starred = starredTitle(source, pos, eol, s.end);
    if (starred) {
      // html2text's headings ("***** What we are trying to achieve *****"), over one line or two.
      if (pos > from) out.push(paragraphOf(source, from, pos));
      out.push({ start: pos, end: starred.end, kind: 'heading', text: starred.text, depth: starred.depth, headingStyle: 'bold' });
      from = Math.min(starred.end + 1, s.end);
      prevEnd = '';
      pos = starred.end + 1;
      continue;
    }
    if (BULLET_LINE.test(line)) {
      // "• Age" lines (a PDF's bullets, which Markdown does not know): a list, one item per bullet.
      if (last?.kind === 'list' && from === pos) {
        last.items!.push({ start: pos, end: pos + line.length });
        last.end = pos + line.length;
      } else {
        if (pos > from) out.push(paragraphOf(source, from, pos));
        out.push({ start: pos, end: pos + line.length, kind: 'list', text: '', items: [{ start: pos, end: pos + line.length }] });
      }
      from = Math.min(eol + 1, s.end);
    } else if (last?.kind === 'list' && from === pos && (/^[ \t]{2,}\S/.test(line) || !/[.;:!?]\s*$/.test(source.slice(last.items![last.items!.length - 1].start, last.end)))) {
      // An indented line goes on with the bullet above it, as does any line after an item whose sentence
      // is not finished (pdftotext wraps an item flush left: "• Commission an Individual Placement and" / "Support…").
      last.items![last.items!.length - 1].end = pos + line.length;
      last.end = pos + line.length;
      from = Math.min(eol + 1, s.end);
    } else if (m && last?.kind === 'heading' && from === pos && last.text.length >= WRAPPED_HEADING && !/^\d/.test(m[2]) && !/:\s*$/.test(last.text)) {
      // A long heading wrapped onto a second bold line ("… IN WEST" / "SUSSEX") is one heading.
      last.text = `${last.text} ${m[2].trim()}`;
      last.end = pos + line.length;
      from = Math.min(eol + 1, s.end);
    } else if (m && (pos === s.start || /[.:;!?)\]]\s*$|^\s*$/.test(prevEnd) || BOLD_LINE.test(prevEnd))) {
      if (pos > from) out.push(paragraphOf(source, from, pos));
      const start = pos + line.indexOf(m[1]);
      out.push({ start, end: pos + line.length, kind: 'heading', text: m[2].trim(), depth: boldDepth(m[2].trim()), headingStyle: 'bold' });
      from = Math.min(eol + 1, s.end);
    }
    prevEnd = line;
    pos = eol + 1;
  }
  if (!out.length) return [{ ...s, kind: 'paragraph', text }];
  if (from < s.end) out.push(paragraphOf(source, from, s.end));
  for (const b of out) if (b.kind === 'list') b.text = source.slice(b.start, b.end).replace(/^[ \t]*[•●▪◦‣∙·][ \t]+/gm, '').trim();
  return out;
}

/**
 * A bullet list whose items are indented two columns or more, with lines flush left inside it (docx2txt
 * writes a Word document's paragraphs a line each, its bullets indented, with no blank lines): its runs
 * of indented items (lists) and of flush-left lines (text), split at blank lines too. Undefined where
 * no line is flush left, or an item is not indented so (a hard-wrapped Markdown item's lazy lines).
 */
function flushLeftRuns(source: string, s: Span): Array<Span & { items?: Span[] }> | undefined {
  const runs: Array<Span & { items?: Span[] }> = [];
  let run: (Span & { items?: Span[] }) | undefined;
  let flushLeft = false;
  let markerIndent = -1;
  for (let pos = source.lastIndexOf('\n', s.start - 1) + 1; pos < s.end; ) {
    let eol = source.indexOf('\n', pos);
    if (eol < 0 || eol > s.end) eol = s.end;
    const line = source.slice(pos, eol);
    const indent = line.length - line.trimStart().length;
    const marker = INDENTED_BULLET.exec(line);
    if (!line.trim()) run = undefined;
    else if (marker && (markerIndent < 0 || indent <= markerIndent)) {
      if (indent < 2) return undefined;
      markerIndent = indent;
      if (!run?.items) runs.push((run = { start: pos + indent, end: eol, items: [] }));
      run.items!.push({ start: pos + indent, end: eol });
      run.end = eol;
    } else if (indent > 0 && run?.items) {
      run.items[run.items.length - 1].end = eol;
      run.end = eol;
    } else {
      if (indent === 0) flushLeft = true;
      if (!run || run.items) runs.push((run = { start: pos, end: eol }));
      run.end = eol;
    }
    pos = eol + 1;
  }
  return flushLeft && runs.some((r) => r.items) ? runs : undefined;
}
const INDENTED_BULLET = /^[ \t]*[-*+][ \t]+\S/;

/** Where a line of a list that is an html2text heading starts, flush left (a list's own lines are indented). */
function starredLineIn(source: string, s: Span): number | undefined {
  for (let pos = source.indexOf('\n', s.start) + 1; pos > 0 && pos < s.end; pos = source.indexOf('\n', pos) + 1) {
    if (source.charCodeAt(pos) !== 42) continue;
    const eol = source.indexOf('\n', pos);
    if (starredTitle(source, pos, eol < 0 || eol > s.end ? s.end : eol, s.end)) return pos;
  }
  return undefined;
}

/** The end of the text before the line at `pos` (its newline, and a carriage return, left out). */
function lineEndBefore(source: string, pos: number): number {
  return source.charCodeAt(pos - 2) === 13 ? pos - 2 : pos - 1;
}

/**
 * A title between runs of three to six asterisks, as html2text writes an HTML heading (six for
 * <h1>, five for <h2>…), on the line at [pos, eol) or wrapped onto the next: its text, depth and end.
 */
function starredTitle(source: string, pos: number, eol: number, end: number): { text: string; depth: number; end: number } | undefined {
  const open = /^(\*{3,6})[ \t]+(?=\S)/.exec(source.slice(pos, Math.min(eol, pos + 8)));
  if (!open) return undefined;
  const close = new RegExp(String.raw`(?<=\S)[ \t]+\*{${open[1].length}}[ \t]*\r?$`);
  const next = source.indexOf('\n', eol + 1);
  const nextEnd = next < 0 || next > end ? end : next;
  for (const to of eol < end ? [eol, nextEnd] : [eol]) {
    const text = source.slice(pos + open[0].length, to);
    const m = close.exec(text);
    if (m && !text.slice(0, m.index).includes('*') && text.length <= 200) return { text: text.slice(0, m.index).replace(/\s+/g, ' ').trim(), depth: 7 - open[1].length, end: to };
  }
  return undefined;
}

/**
 * Where the underline starts, if a setext heading is prose over a rule: three lines of text or more
 * (a title wraps onto two at most), one ending a sentence, underlined by twenty "=" or more.
 */
function proseOverRule(source: string, s: Span): number | undefined {
  const raw = source.slice(s.start, s.end);
  const under = raw.lastIndexOf('\n');
  if (under < 0 || !/^ {0,3}={20,}[ \t]*\r?$/.test(raw.slice(under + 1))) return undefined;
  const lines = raw.slice(0, under).split('\n');
  return lines.length >= 3 && lines.some((l) => /[.!?]\s*$/.test(l)) ? s.start + under + 1 : undefined;
}

function hasUnderscore(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (source.charCodeAt(i) === 95) return true;
  return false;
}

/** A run of underscores at a word's edge that Markdown left as text ("__Race: __Positive"): not inside a word (snake_case). */
const EDGE_UNDERSCORES = String.raw`(?<![\p{L}\p{N}_])_{1,3}(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.,:;!?)])_{1,3}(?![\p{L}\p{N}_])`;

/** A line opening with a bullet character (•, ●, ▪, ◦…), as text from a PDF keeps them. */
const BULLET_LINE = /^[ \t]*[•●▪◦‣∙·][ \t]+\S/;

/**
 * A line in capitals standing alone ("5. WHERE ARE WE NOW?", "EQUALITY IMPACT
 * ASSESSMENT"), as text from a PDF keeps its headings: two words at least, or a
 * section number; lower-case letters, a sentence's full stop, a table's bars or
 * a contents entry's dot leaders make it something else.
 */
function capitalsHeading(raw: string): string | undefined {
  const line = raw.trim();
  if (line.includes('\n') || line.length > BOLD_HEADING_MAX || /[a-z|*_\[\]<>]|\.{3}|…|[.,;]$/.test(line)) return undefined;
  // Two things side by side on a cover ("WESTMOOR COUNTY COUNCIL      NHS WESTMOOR"), not a title.
  if (sideBySide(line)) return undefined;
  const m = CAPITALS_LINE.exec(line);
  if (!m || (!m[1] && m[2].trim().split(/\s+/).length < 2)) return undefined;
  // A colon inside only under a section number: "PRIORITY 1: EARLIER HELP" unnumbered is a label in the prose.
  if (!m[1] && /:./.test(m[2])) return undefined;
  return line.replace(/:$/, '');
}

/** An optional section number, then words in capitals (at least four letters in all; a colon inside after a number: "3. LOCAL NEEDS: THE POPULATION"). */
const CAPITALS_LINE = /^(\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?((?=(?:[^A-Z]*[A-Z]){4})[A-Z][A-Z0-9 '’&(),:\/–-]*[A-Z0-9?)’']\s*:?)$/;

/** An inline link in text indented as a PDF lays it out: its label and its target. */
const INDENTED_LINK = /\[([^\]\n]{1,200})\]\(([^()\s]{1,500})\)/;

/** A bold line this long that runs on to another bold line was wrapped (from a PDF's page width). */
const WRAPPED_HEADING = 50;

/** A paragraph block for source lines [from, to), its text the lines without emphasis marks. */
function paragraphOf(source: string, from: number, to: number): Block {
  let end = to;
  while (end > from && /\s/.test(source[end - 1])) end--;
  return { start: from, end, kind: 'paragraph', text: source.slice(from, end).replace(/(\*\*|__|\*|_)/g, '').trim() };
}

/** Empty anchors, then an ATX heading's marks, on one line (a paragraph to Markdown: the anchors are inline HTML). */
const ANCHORED_HEADING = /^ {0,3}(?:<a\s[^<>\n]{0,200}>[ \t]*<\/a>[ \t]*)+(#{1,6})[ \t]+\S[^\n]*$/i;

/** A paragraph that is only bold text (optionally ending in a colon) reads as a sub-heading. */
function boldHeading(node: Extract<RootContent, { type: 'paragraph' }>): string | undefined {
  const kids = node.children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(c.value)));
  // "<strong>Title</strong>" written in a Markdown paragraph: inline HTML around the text.
  const open = kids[0];
  const close = kids[kids.length - 1];
  if (kids.length === 3 && open.type === 'html' && close.type === 'html' && kids[1].type === 'text' && /^<(strong|b)>$/i.test(open.value) && /^<\/(strong|b)>$/i.test(close.value)) return headingText(kids[1].value);
  // Trailing punctuation, spaces and HTML comments do not stop a bold line being a heading.
  const rest = kids.filter((c) => c.type !== 'html');
  if (rest.length !== 1 || rest[0].type !== 'strong') return undefined;
  return headingText(plain(rest[0]));
}

function headingText(raw: string): string | undefined {
  const text = raw.trim().replace(/:$/, '');
  // A bold caption ("Table 6.1 Changes by service") names the table under it, not a section.
  return text && text.length <= BOLD_HEADING_MAX && !text.includes('\n') && !CAPTION.test(text) ? text : undefined;
}

const CAPTION = /^(?:table|figure|fig\.|chart|graph|diagram)\s+[0-9]+(?:\.[0-9]+)*[a-z]?(?=[\s:.–—-]|$)/i;

/** Offset just past the span's first line ending (\r\n, \r or \n), or its end: where front matter's YAML starts. */
function afterFirstLine(source: string, s: Span): number {
  const m = /\r\n|\r|\n/.exec(source.slice(s.start, s.end));
  return m ? s.start + m.index + m[0].length : s.end;
}

/** `<!-- … -->` comments in an HTML node; an unclosed one ends the search (a lazy regex rescanned to the end from every `<!--`). */
function collectComments(html: string, offset: number, out: Comment[]): void {
  for (let open = html.indexOf('<!--'); open >= 0; open = html.indexOf('<!--', open)) {
    const close = html.indexOf('-->', open + 4);
    if (close < 0) return;
    out.push({ start: offset + open, end: offset + close + 3, body: html.slice(open + 4, close) });
    open = close + 3;
  }
}

/** Flattened text of a node: text, inline code and breaks, nothing of HTML. */
export function plain(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  if (node.type === 'html' || node.type === 'code' || node.type === 'yaml') return '';
  if (!('children' in node)) return '';
  const sep = node.type === 'list' || node.type === 'listItem' || node.type === 'table' || node.type === 'tableRow' || (node as Root).type === 'root' ? ' ' : '';
  // Concatenated, not mapped and joined: an array per node was much of the model's allocation.
  const kids = node.children as Nodes[];
  let out = '';
  for (let i = 0; i < kids.length; i++) out += i ? sep + plain(kids[i]) : plain(kids[i]);
  return out;
}

/** An appendix's heading ("Appendix 1 – Glossary", "Annex B"): a unit of the document, never a numbered chapter's sub-heading. */
const APPENDIX = /^(?:appendix|appendices|annex|annexe)\b/i;

function buildSections(blocks: Block[], length: number): { root: Section; sections: Section[] } {
  const root: Section = { title: '', depth: 0, blocks: [], children: [], start: 0, end: length };
  const sections: Section[] = [];
  let stack: Section[] = [root];
  // Where bold headings are numbered ("1. Background"), an unnumbered bold heading is a sub-heading of the last numbered one.
  let numbered: number | undefined;
  // The last numbered heading written with "#" or underlined: a bold numbered heading that continues its
  // numbering is at its level ("## 6. Commissioning intentions", then "**7. Next steps**", as a Google Docs
  // export writes some chapters), not below every "#" heading as other bold headings are.
  let anchor: { depth: number; parts: number[] } | undefined;
  for (const b of blocks) {
    if (b.kind !== 'heading') {
      stack[stack.length - 1].blocks.push(b);
      continue;
    }
    let depth = b.depth ?? 1;
    const number = SECTION_NUMBER.exec(b.text)?.[1].split('.').map(Number);
    if (b.headingStyle !== 'bold') {
      numbered = undefined;
      anchor = number ? { depth, parts: number } : anchor;
    } else if (number) {
      if (anchor && number[0] >= anchor.parts[0]) depth = Math.max(1, anchor.depth + number.length - anchor.parts.length);
      numbered = depth;
    } else if (numbered !== undefined) depth = APPENDIX.test(b.text) ? numbered : numbered + 1;
    while (stack.length > 1 && stack[stack.length - 1].depth >= depth) {
      stack[stack.length - 1].end = b.start;
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    const section: Section = { heading: b, title: b.text, depth, blocks: [], children: [], parent, start: b.start, end: length };
    parent.children.push(section);
    sections.push(section);
    stack = [...stack, section];
  }
  return { root, sections };
}
