// HTML inside Markdown, as Word and pandoc exports leave it: an EqIA written as
// a <table>, a heading written as <p><strong>…</strong></p>, lists as <ul>.
// A real HTML parser (hast-util-from-html) reads such a block and
// hast-util-to-mdast turns it into the same Markdown tree the model is built
// from, so its tables, paragraphs, headings and lists count like Markdown's.
// The same path reads converted Word documents. Positions stay those of the
// source, so findings point into the HTML.
import type { Root, RootContent } from 'mdast';

/** Tags that make a block worth reading as structure (a lone <div> or comment is not). */
const STRUCTURE = /<(table|tr|td|th|p|h[1-6]|ul|ol|li|strong|b|br|dl|blockquote)[\s>/]/i;

type FromHtml = typeof import('hast-util-from-html').fromHtml;
type ToMdast = typeof import('hast-util-to-mdast').toMdast;

/**
 * The Markdown nodes an HTML block holds, positions relative to the block's
 * text, or undefined when it holds no structure to read.
 */
export function htmlAsMarkdown(html: string): RootContent[] | undefined {
  if (!STRUCTURE.test(html)) return undefined;
  // Loaded on first use: most strategies have no HTML, and the parser is the biggest part of the bundle.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { fromHtml } = require('hast-util-from-html') as { fromHtml: FromHtml };
  const { toMdast } = require('hast-util-to-mdast') as { toMdast: ToMdast };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const tree = toMdast(fromHtml(html, { fragment: true })) as Root;
  return tree.children.length ? tree.children : undefined;
}

/** The spans of tags and comments in HTML text: blanked from the prose, the text between them kept. */
export function markupSpans(html: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // A scan, not a regex: every "<" searched for its ">" once, so a run of "<" with no ">" stays linear.
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i)) {
    const comment = html.startsWith('<!--', i);
    const close = comment ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 1);
    if (close < 0) break;
    const end = close + (comment ? 3 : 1);
    if (comment || /[A-Za-z/!?]/.test(html[i + 1] ?? '')) out.push([i, end]);
    i = end;
  }
  return out;
}
