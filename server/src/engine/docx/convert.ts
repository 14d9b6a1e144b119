// A Word document (.docx) to the Markdown the linter reads: guards on the
// bytes and the zip directory, mammoth (docx → HTML, reading parts only
// through package.ts), then html-to-markdown.ts; the document's properties
// become its front matter (properties.ts). Never throws; refusals and
// failures come back as one-line reasons the caller prefixes with the file name.
import type mammothModule from 'mammoth';
import { DocxInputError, oneLine } from './errors';
import { hastToMarkdown, htmlToMarkdown } from './html-to-markdown';
import { HAST_FORMAT, useHastWriter } from './hast-writer';
import type { Root as HastRoot } from 'hast';
import { mammothOptions } from './mammoth-options';
import { openPackage, type MammothFile } from './package';
import { refuse } from './sniff';
import { checkStyleMap } from './style-map';
import { frontMatterOf } from './properties';
import { collapseAlternateContent, readXml, useFastAlternateContent, useFastXmlReader } from './xml';
import { useStyleCache } from './style-cache';

/* eslint-disable @typescript-eslint/no-require-imports */
/** Whether mammoth reads XML with xml.ts (twice as fast as its own reader); see there. */
export const FAST_XML = useFastXmlReader(require('mammoth/lib/xml/index.js'), require('mammoth/lib/xml/nodes.js'));
/** Whether mammoth collapses mc:AlternateContent in place (xml.ts); before mammoth itself is required (docx-reader.js takes the reader when it loads). */
export const FAST_ALTERNATE_CONTENT = useFastAlternateContent(require('mammoth/lib/docx/office-xml-reader.js'), require('mammoth/lib/xml/index.js'));
/** Whether mammoth writes hast directly (hast-writer.ts) rather than HTML to be parsed again. */
export const HAST_WRITER = useHastWriter(require('mammoth/lib/writers/index.js'));
/** Whether mammoth parses the fixed style-map lines once (style-cache.ts); before mammoth itself is required. */
export const STYLE_CACHE = useStyleCache(require('mammoth/lib/style-reader.js'), require('mammoth/lib/options-reader.js')._defaultStyleMap);
/** mammoth itself, required after the patches above (its index.js takes `readStyle` when it loads). */
const mammoth = require('mammoth') as typeof mammothModule;
/* eslint-enable @typescript-eslint/no-require-imports */

export interface DocxOptions {
  /** mammoth style-map lines for a template's own styles, e.g. `p[style-name='NHS Heading 2'] => h2:fresh`. */
  styleMap?: string[];
}

export type DocxResult = { markdown: string; warnings: string[] } | { error: string };

export async function docxToMarkdown(bytes: Uint8Array, opts: DocxOptions = {}): Promise<DocxResult> {
  const read = await docxToHast(bytes, opts);
  if ('error' in read) return read;
  try {
    // A hast tree when mammoth took the hast writer, else its HTML.
    const body = typeof read.body === 'string' ? htmlToMarkdown(read.body) : hastToMarkdown(read.body);
    return { markdown: read.frontMatter + body, warnings: warningsOf(read.messages) };
  } catch (err) {
    return failure(err);
  }
}

/** What mammoth read: the body as hast (its HTML if the hast writer is not in place), the front matter, mammoth's messages. */
export type DocxRead = { body: HastRoot | string; frontMatter: string; messages: Array<{ type: string; message: string }> } | { error: string };

/** The steps before the Markdown is written; docxToMarkdown's, and the tests' that compare Markdown writers. Never throws. */
export async function docxToHast(bytes: Uint8Array, opts: DocxOptions = {}): Promise<DocxRead> {
  try {
    const styleMap = checkStyleMap(opts.styleMap ?? []);
    if ('error' in styleMap) return styleMap;
    const refused = refuse(bytes);
    if (refused) return { error: refused };
    const file = openPackage(bytes);
    // mammoth reads a `{ file }` input through the object's exists/read, as it does its own JSZip wrapper.
    const input = { file } as unknown as Parameters<typeof mammothModule.convertToHtml>[0] & { file: MammothFile };
    const result = (await mammoth.convertToHtml(input, { ...mammothOptions(styleMap.lines), outputFormat: HAST_FORMAT } as Parameters<typeof mammothModule.convertToHtml>[1])) as { value: string | HastRoot; messages: Array<{ type: string; message: string }> };
    return { body: result.value, frontMatter: frontMatterOf(file.part), messages: result.messages };
  } catch (err) {
    return failure(err);
  }
}

function failure(err: unknown): { error: string } {
  if (err instanceof DocxInputError) return { error: err.message };
  const message = oneLine(err);
  if (/could not find main document part/i.test(message)) return { error: 'is a zip file but not a Word document (.docx): it has no main document' };
  return { error: `could not be read as a Word document (${message})` };
}

/** mammoth's messages, each once, in order; an unknown paragraph style gets a hint at the style map. */
function warningsOf(messages: Array<{ type: string; message: string }>): string[] {
  const out = new Set<string>();
  for (const m of messages) {
    const message = oneLine(m.message);
    const style = /^Unrecognised paragraph style: '([^']*)'/.exec(message);
    out.add(style ? `${message}: read as a paragraph; if it is a heading, map it with a style-map line such as p[style-name='${style[1]}'] => h2:fresh` : message);
  }
  return [...out];
}

export { htmlToMarkdown, hastToMarkdown, hastToMarkdownReference, toMdastOf } from './html-to-markdown';
export { readXml, collapseAlternateContent, mammothOptions };
