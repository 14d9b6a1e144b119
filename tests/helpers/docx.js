// Test fixtures built at test time: Markdown → .docx with the `docx` package,
// as a person would lay the strategy out in Word (heading styles, bold and
// italic runs, real numbered and bulleted lists, Word tables). No .docx file is
// committed. Extras for the Word-specific cases: CriticMarkup for tracked
// changes ({++inserted++}, {--deleted--}) and comments ({>>comment<<}), a
// header and footer, a table of contents, a custom heading style, and a patch
// over word/document.xml for what the `docx` package cannot write.
// Markdown that only stands for a Word layout is written as that layout (see
// wordLayout): HTML as the paragraphs, tables and bold text it shows, a table
// drawn with text as a Word table.
const d = require('docx');
const { unzipSync, zipSync, strToU8, strFromU8 } = require('fflate');
const { core } = require('./core');

/** A 1×1 PNG, for image runs. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const DATE = '2024-01-01T00:00:00Z';
const HEADINGS = [d.HeadingLevel.HEADING_1, d.HeadingLevel.HEADING_2, d.HeadingLevel.HEADING_3, d.HeadingLevel.HEADING_4, d.HeadingLevel.HEADING_5, d.HeadingLevel.HEADING_6];

async function markdownProcessor() {
  const { unified } = await import('unified');
  const remarkParse = (await import('remark-parse')).default;
  const remarkGfm = (await import('remark-gfm')).default;
  const remarkFrontmatter = (await import('remark-frontmatter')).default;
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
}

async function parseMarkdown(md) {
  return (await markdownProcessor()).parse(md);
}

/**
 * Rewrites, in place, Markdown that stands for a Word layout into the Markdown
 * of that layout, so the builder writes what a person would have in Word:
 * - HTML, as the browser shows it: a block (<table>, <p>, <ul> …) becomes the
 *   tables, paragraphs and lists it holds, inline tags (<strong>, <em>, <br>)
 *   the runs they mark. hast-util-from-html reads it and hast-util-to-mdast
 *   turns it into Markdown nodes, as the linter's model does (core/model/html.ts).
 * - A table drawn with text (pandoc's simple and grid tables), as the Word
 *   table pandoc would have written it from: its rows and cells as the linter
 *   reads them (core/model/text-tables.ts), each cell's text parsed as inline Markdown.
 */
async function wordLayout(tree, md, parse) {
  const { fromHtml } = await import('hast-util-from-html');
  const { toMdast } = await import('hast-util-to-mdast');
  // Both are hast-util-to-mdast's own dependencies: mdast → HTML, keeping inline tags as they are.
  const { toHast } = await import('mdast-util-to-hast');
  const { toHtml } = await import('hast-util-to-html');
  const htmlBlocks = (html) => toMdast(fromHtml(html, { fragment: true })).children;
  const phrasing = (children) => {
    const html = toHtml(toHast({ type: 'paragraph', children }, { allowDangerousHtml: true }), { allowDangerousHtml: true });
    // One paragraph in, so one out; anything else becomes lines of one paragraph.
    return htmlBlocks(html).flatMap((b, i) => [...(i ? [{ type: 'break' }] : []), ...(b.children ?? [])]);
  };
  const visit = (node) => {
    if (!node.children) return;
    if (node.children.some((c) => c.type === 'html')) {
      // HTML among blocks is blocks; among text (a paragraph, heading, cell, bold run …) it marks runs.
      const amongBlocks = ['root', 'blockquote', 'listItem', 'footnoteDefinition'].includes(node.type);
      node.children = amongBlocks ? node.children.flatMap((c) => (c.type === 'html' ? htmlBlocks(c.value) : [c])) : phrasing(node.children);
    }
    node.children.forEach(visit);
  };
  // Text indented four spaces is prose to the linter (a PDF's layout, not code): a Word author has
  // paragraphs; before the titles are read in it, and again for the text between them.
  indentedAsProse(tree, md, parse);
  proseNotTitles(tree, md);
  plainTitles(tree, md, parse);
  indentedAsProse(tree, md, parse);
  textTables(tree, md, (text) => {
    const first = parse(text).children[0];
    return first?.type === 'paragraph' ? first.children : [{ type: 'text', value: text }];
  });
  visit(tree);
}

function indentedAsProse(tree, md, parse) {
  tree.children = tree.children.flatMap((n) => {
    if (n.type !== 'code' || n.lang || /^ {0,3}(`{3,}|~{3,})/.test(md.slice(n.position.start.offset, n.position.end.offset))) return [n];
    // One paragraph for each run of lines between blank ones, as the linter reads it (model/build.ts).
    const s = n.position.start.offset;
    const raw = md.slice(s, n.position.end.offset);
    const out = [];
    let from = 0;
    for (const m of [...raw.matchAll(/\n[ \t]*\n\s*/g), { index: raw.length, 0: '' }]) {
      const run = raw.slice(from, m.index);
      if (run.trim()) {
        const children = run.split('\n').flatMap((l, i) => [...(i ? [{ type: 'break' }] : []), ...(parse(l.trim()).children[0]?.children ?? [])]);
        out.push({ type: 'paragraph', position: { start: { offset: s + from }, end: { offset: s + from + run.length } }, children });
      }
      from = m.index + m[0].length;
    }
    return out;
  });
}

/** A setext heading the linter reads as prose over a rule (an email's greeting over a line of "="): a paragraph in Word. */
function proseNotTitles(tree, md) {
  const headings = new Set(core.parseDocument(md, {}).blocks.filter((b) => b.kind === 'heading').map((b) => b.start));
  tree.children = tree.children.map((n) =>
    n.type === 'heading' && !headings.has(n.position.start.offset) && /\n[ \t]*=+[ \t]*$/.test(md.slice(n.position.start.offset, n.position.end.offset)) ? { type: 'paragraph', position: n.position, children: n.children } : n,
  );
}

/**
 * Text laid out by a PDF with its titles inside blocks of text ("1. Purpose", then the text, no
 * blank line: core/model/plain-layout.ts): a Word author has those titles as headings, so the
 * block is split at each title the linter reads there.
 */
function plainTitles(tree, md, parse) {
  // (A bold run is a run of Word's bold; a title between runs of asterisks, html2text's, is a heading.)
  const titles = core.parseDocument(md, {}).blocks.filter((b) => b.kind === 'heading' && b.headingStyle === 'bold' && !/^\s*(\*\*(?!\**[ \t])|__|#)/.test(md.slice(b.start, b.end)));
  tree.children = tree.children.flatMap((n) => {
    if (!['paragraph', 'list'].includes(n.type)) return [n];
    const s = n.position.start.offset;
    const e = n.position.end.offset;
    const inside = titles.filter((t) => t.start >= s && t.end <= e);
    // A numbered line alone the linter reads as a title ("1. Purpose of this strategy", a list item to
    // Markdown, as antiword writes a numbered heading): a Word heading.
    const alone = inside.length === 1 && /^\d{1,2}(\.\d{1,2})*\.?\s/.test(inside[0].text) && md.slice(s, inside[0].start).trim() === '' && md.slice(inside[0].end, e).trim() === '';
    if (!md.slice(s, e).trim().includes('\n') && !alone) return [n];
    if (!inside.length) return [n];
    const out = [];
    // The text between titles, parsed on its own, with its positions moved to where it stands.
    const text = (from, to) => {
      if (!md.slice(from, to).trim()) return;
      for (const c of parse(md.slice(from, to)).children) out.push(shifted(c, from));
    };
    let at = s;
    for (const t of inside) {
      text(at, t.start);
      out.push({ type: 'heading', depth: Math.min(6, Math.max(2, t.depth - 5)), children: [{ type: 'text', value: t.text }], position: { start: { offset: t.start }, end: { offset: t.end } } });
      at = t.end;
    }
    text(at, e);
    return out;
  });
}

function shifted(node, by) {
  const copy = { ...node };
  if (node.position) copy.position = { start: { ...node.position.start, offset: node.position.start.offset + by }, end: { ...node.position.end, offset: node.position.end.offset + by } };
  if (node.children) copy.children = node.children.map((c) => shifted(c, by));
  return copy;
}

/** Replaces each run of top-level nodes that the linter reads as one text table with an mdast table. */
function textTables(tree, md, inline) {
  const model = core.parseDocument(md, {});
  const start = (n) => n.position.start.offset;
  const end = (n) => n.position.end.offset;
  for (const block of model.blocks) {
    if (block.kind !== 'table') continue;
    const inside = tree.children.filter((n) => start(n) >= block.start && end(n) <= block.end);
    // A paragraph the table opens, with prose after it and no blank line between (a PDF's text):
    // in Word, the table and then a paragraph.
    const over = tree.children.find((n) => n.type === 'paragraph' && start(n) >= block.start && start(n) < block.end && end(n) > block.end);
    const rest = over ? md.slice(block.end, end(over)).trim() : '';
    if (over) inside.push(over);
    // A GFM or HTML table is already a table; a text table is paragraphs (and a ruler read as a break,
    // or as the underline of its header row: pandoc's multiline table).
    if (!inside.length || inside.some((n) => !['paragraph', 'thematicBreak', 'heading'].includes(n.type))) continue;
    // html2text's underscores ("|Religion_or_belief____|N/A___|") are drawing: a Word cell holds the words.
    const drawn = /_\|/.test(md.slice(block.start, block.end));
    const cell = (c) => ({ type: 'tableCell', children: c.text ? inline(drawn ? c.text : (c.parts ?? [c]).map((p) => md.slice(p.start, p.end)).join(' ')) : [] });
    const table = { type: 'table', children: block.rows.map((r) => ({ type: 'tableRow', children: r.cells.map(cell) })), position: inside[0].position };
    const after = rest ? [{ type: 'paragraph', children: inline(rest), position: over.position }] : [];
    tree.children.splice(tree.children.indexOf(inside[0]), inside.length, table, ...after);
  }
}

/**
 * Markdown → .docx bytes (a Buffer).
 * opts.title: the first level-1 heading uses Word's Title style.
 * opts.headingStyle: a template's own heading styles, e.g. 'NHS Heading' → "NHS Heading 1", "NHS Heading 2" …
 * opts.header / opts.footer: text of the page header and footer.
 * opts.toc: 'control' — Word's table of contents (a content control holding TOC-styled entries);
 *           'styles' — TOC-styled paragraphs with no content control; 'plain-control' — a TOC
 *           content control whose entries are in the Normal style.
 * opts.patch: (documentXml) => documentXml, applied last.
 */
async function markdownToDocx(text, opts = {}) {
  // The model's offsets are those of the text without its byte-order mark; a Word document holds none.
  const md = text.replace(/^\uFEFF/, '');
  const processor = await markdownProcessor();
  const tree = processor.parse(md);
  await wordLayout(tree, md, (text) => processor.parse(text));
  const b = new Builder(opts);
  for (const node of tree.children) b.block(node);
  const props = documentProperties(tree);
  const styles = [
    // Word's built-in style for a quotation.
    { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true }, paragraph: { indent: { left: 864, right: 864 } } },
    { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', run: { bold: true } },
    { id: 'SourceCode', name: 'Source Code', basedOn: 'Normal', run: { font: 'Courier New' } },
    ...(opts.headingStyle ? [1, 2, 3, 4, 5, 6].map((n) => ({ id: styleId(opts.headingStyle, n), name: `${opts.headingStyle} ${n}`, basedOn: 'Normal', run: { bold: true, size: 36 - 3 * n } })) : []),
  ];
  const doc = new d.Document({
    creator: props.creator,
    title: props.title,
    customProperties: props.custom,
    styles: { paragraphStyles: styles },
    numbering: { config: b.numberingConfig() },
    comments: { children: b.comments },
    footnotes: b.footnotes,
    sections: [
      {
        headers: opts.header ? { default: new d.Header({ children: [new d.Paragraph(opts.header)] }) } : undefined,
        footers: opts.footer ? { default: new d.Footer({ children: [new d.Paragraph(opts.footer)] }) } : undefined,
        children: [...tocBlocks(opts.toc, b.headings), ...b.out],
      },
    ],
  });
  let bytes = await d.Packer.toBuffer(doc);
  if (opts.toc === 'styles' || opts.toc === 'plain-control' || opts.patch) {
    bytes = patchDocumentXml(bytes, (xml) => {
      if (opts.toc === 'plain-control') xml = wrapInTocControl(xml);
      return opts.patch ? opts.patch(xml) : xml;
    });
  }
  return bytes;
}

/**
 * Front matter as Word document properties, as an author would set them (File ›
 * Info › Properties): `title` the document's title, `author` its author, every
 * other key a custom property. Word's custom properties are flat text, so a map
 * is written as dotted names (eqia.age) and a list as numbered ones (wcc.1, wcc.2).
 */
function documentProperties(tree) {
  const fm = tree.children.find((n) => n.type === 'yaml');
  const out = { creator: '', title: undefined, custom: [] };
  let data;
  try {
    data = fm ? require('yaml').parse(fm.value) : undefined;
  } catch {
    return out; // front matter that is not YAML has no properties to give
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return out;
  const flat = (prefix, value) => {
    if (Array.isArray(value)) value.forEach((v, i) => flat(`${prefix}.${i + 1}`, v));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flat(`${prefix}.${k}`, v);
    else out.custom.push({ name: prefix, value: value === null || value === undefined ? '' : String(value) });
  };
  for (const [key, value] of Object.entries(data)) {
    if (key === 'title' && typeof value !== 'object') out.title = String(value);
    else if (key === 'author' && typeof value !== 'object') out.creator = String(value);
    else flat(key, value);
  }
  return out;
}

function styleId(name, n) {
  return name.replace(/[^A-Za-z0-9]/g, '') + n;
}

/** Rewrites word/document.xml inside a packed .docx. */
function patchDocumentXml(bytes, fn) {
  const files = unzipSync(new Uint8Array(bytes));
  files['word/document.xml'] = strToU8(fn(strFromU8(files['word/document.xml'])));
  return Buffer.from(zipSync(files));
}

/** The table-of-contents blocks put before the body. */
function tocBlocks(kind, headings) {
  if (!kind) return [];
  if (kind === 'control') return [new d.TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3' })];
  const entryStyle = kind === 'styles' ? (n) => `TOC${n}` : () => undefined;
  return [
    new d.Paragraph({ text: 'Contents', style: kind === 'styles' ? 'TOCHeading' : undefined }),
    ...headings.map((h) => new d.Paragraph({ style: entryStyle(Math.min(h.depth, 9)), children: [new d.TextRun(h.text), new d.TextRun({ children: [new d.Tab(), '3'] })] })),
    // Marks where a 'plain-control' TOC ends (see wrapInTocControl).
    ...(kind === 'plain-control' ? [new d.Paragraph({ children: [new d.Bookmark({ id: 'tocEnd', children: [] })] })] : []),
  ];
}

/** Wraps the body's first paragraphs, up to the tocEnd bookmark, in a w:sdt whose gallery is "Table of Contents". */
function wrapInTocControl(xml) {
  const body = xml.indexOf('<w:body>') + '<w:body>'.length;
  const mark = xml.indexOf('w:name="tocEnd"');
  const end = xml.indexOf('</w:p>', mark) + '</w:p>'.length;
  const control = '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>';
  return xml.slice(0, body) + control + xml.slice(body, end) + '</w:sdtContent></w:sdt>' + xml.slice(end);
}

class Builder {
  constructor(opts) {
    this.opts = opts;
    this.out = [];
    this.headings = [];
    this.comments = [];
    this.footnotes = {};
    this.footnoteIds = new Map();
    this.lists = 0;
    this.revision = 1;
    this.titled = false;
  }

  numberingConfig() {
    const levels = (fmt) => [0, 1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({ level, format: fmt, text: fmt === d.LevelFormat.BULLET ? '•' : `%${level + 1}.`, alignment: d.AlignmentType.START, style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } } }));
    const config = [];
    // One numbering instance per list, so each numbered list starts at 1 as in the Markdown.
    for (let i = 0; i < this.lists; i++) {
      config.push({ reference: `ol${i}`, levels: levels(d.LevelFormat.DECIMAL) }, { reference: `ul${i}`, levels: levels(d.LevelFormat.BULLET) });
    }
    return config;
  }

  block(node, ctx = {}) {
    switch (node.type) {
      case 'heading': {
        const text = plain(node);
        this.headings.push({ depth: node.depth, text });
        if (this.opts.title && node.depth === 1 && !this.titled) {
          this.titled = true;
          this.out.push(new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: this.runs(node.children) }));
        } else if (this.opts.headingStyle) {
          this.out.push(new d.Paragraph({ style: styleId(this.opts.headingStyle, node.depth), children: this.runs(node.children) }));
        } else {
          this.out.push(new d.Paragraph({ heading: HEADINGS[node.depth - 1], children: this.runs(node.children) }));
        }
        return;
      }
      case 'paragraph':
        this.out.push(new d.Paragraph({ children: this.runs(node.children), ...ctx.paragraph }));
        return;
      case 'list':
        this.list(node, 0, this.lists++);
        return;
      case 'table':
        this.out.push(this.table(node));
        return;
      case 'blockquote':
        for (const c of node.children) this.block(c, { paragraph: { style: 'Quote' } });
        return;
      case 'code':
        for (const line of node.value.split('\n')) this.out.push(new d.Paragraph({ style: 'SourceCode', children: [new d.TextRun(line)] }));
        return;
      case 'footnoteDefinition':
        this.footnotes[this.footnoteId(node.identifier)] = { children: node.children.map((p) => new d.Paragraph({ children: this.runs(p.children ?? []) })) };
        return;
      // Front matter, HTML comments (what wordLayout leaves of HTML), rules and link definitions have no place in a Word document.
      default:
        return;
    }
  }

  list(node, level, n) {
    const reference = `${node.ordered ? 'ol' : 'ul'}${n}`;
    for (const item of node.children) {
      let first = true;
      for (const c of item.children) {
        if (c.type === 'list') this.list(c, level + 1, n);
        else if (c.type === 'paragraph' && first) {
          this.out.push(new d.Paragraph({ numbering: { reference, level }, children: this.runs(c.children) }));
          first = false;
        } else this.block(c, { paragraph: { indent: { left: 720 * (level + 1) } } });
      }
    }
  }

  table(node) {
    const columns = Math.max(...node.children.map((r) => r.children.length));
    return new d.Table({
      rows: node.children.map(
        (row) =>
          new d.TableRow({
            children: Array.from({ length: columns }, (_, i) => {
              const cell = row.children[i];
              // A <br> in a Markdown cell is a new paragraph in the Word cell.
              const lines = splitAtBreaks(cell ? cell.children : []);
              return new d.TableCell({ children: lines.map((l) => new d.Paragraph({ children: this.runs(l) })) });
            }),
          }),
      ),
    });
  }

  footnoteId(identifier) {
    if (!this.footnoteIds.has(identifier)) this.footnoteIds.set(identifier, this.footnoteIds.size + 1);
    return this.footnoteIds.get(identifier);
  }

  runs(nodes, fmt = {}) {
    const out = [];
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
          out.push(...this.textRuns(n.value, fmt));
          break;
        case 'strong':
          out.push(...this.runs(n.children, { ...fmt, bold: true }));
          break;
        case 'emphasis':
          out.push(...this.runs(n.children, { ...fmt, italics: true }));
          break;
        case 'delete':
          out.push(...this.runs(n.children, { ...fmt, strike: true }));
          break;
        case 'inlineCode':
          out.push(new d.TextRun({ text: n.value, font: 'Courier New', ...fmt }));
          break;
        case 'break':
          out.push(new d.TextRun({ break: 1 }));
          break;
        case 'link':
          out.push(new d.ExternalHyperlink({ link: n.url, children: this.runs(n.children, fmt) }));
          break;
        case 'image':
          out.push(new d.ImageRun({ type: 'png', data: PNG, transformation: { width: 20, height: 20 }, altText: { name: n.alt || 'image', description: n.alt || '', title: n.alt || '' } }));
          break;
        case 'footnoteReference':
          out.push(new d.FootnoteReferenceRun(this.footnoteId(n.identifier)));
          break;
        case 'html':
          if (/^<br\s*\/?>$/i.test(n.value)) out.push(new d.TextRun({ break: 1 }));
          break;
        default:
          if (n.children) out.push(...this.runs(n.children, fmt));
      }
    }
    return out;
  }

  /** Text, with CriticMarkup turned into tracked insertions, deletions and comments. */
  textRuns(value, fmt) {
    const out = [];
    const re = /\{\+\+([\s\S]*?)\+\+\}|\{--([\s\S]*?)--\}|\{>>([\s\S]*?)<<\}/g;
    let pos = 0;
    for (const m of value.matchAll(re)) {
      if (m.index > pos) out.push(new d.TextRun({ text: value.slice(pos, m.index), ...fmt }));
      if (m[1] !== undefined) out.push(new d.InsertedTextRun({ text: m[1], id: this.revision++, author: 'Reviewer', date: DATE, ...fmt }));
      else if (m[2] !== undefined) out.push(new d.DeletedTextRun({ text: m[2], id: this.revision++, author: 'Reviewer', date: DATE, ...fmt }));
      else {
        const id = this.comments.length;
        this.comments.push({ id, author: 'Reviewer', initials: 'R', date: new Date(DATE), children: [new d.Paragraph(m[3])] });
        out.push(new d.CommentRangeStart(id), new d.CommentRangeEnd(id), new d.TextRun({ children: [new d.CommentReference(id)] }));
      }
      pos = m.index + m[0].length;
    }
    if (pos < value.length) out.push(new d.TextRun({ text: value.slice(pos), ...fmt }));
    return out;
  }
}

function splitAtBreaks(nodes) {
  const lines = [[]];
  for (const n of nodes) {
    if (n.type === 'break' || (n.type === 'html' && /^<br\s*\/?>$/i.test(n.value))) lines.push([]);
    else lines[lines.length - 1].push(n);
  }
  return lines;
}

function plain(node) {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return (node.children ?? []).map(plain).join('');
}

module.exports = { markdownToDocx, patchDocumentXml, parseMarkdown };
