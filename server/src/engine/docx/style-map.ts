// Style maps: which Word paragraph and run styles become which Markdown. The
// built-in lines read Word's Title as a top heading and drop a table of
// contents; a template's own heading styles come from the user's lines, each
// checked against a strict pattern so only plain mapping syntax reaches mammoth.

/** Paragraph styles read as preformatted text (a code block). */
export const PREFORMATTED_STYLES: readonly string[] = ['HTML Preformatted', 'Code', 'Macro Text', 'Source Code'];
/** mammoth's preformatted block, with a line break between the paragraphs it joins. */
const PRE = "pre:separator('\\n')";

/** Added after the user's lines (mammoth takes the first match) and before mammoth's own defaults. */
export const BUILTIN_STYLE_MAP: readonly string[] = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  // Word has nine heading levels and Markdown six.
  "p[style-name='Heading 7'] => h6:fresh",
  "p[style-name='Heading 8'] => h6:fresh",
  "p[style-name='Heading 9'] => h6:fresh",
  // A table of contents repeats the headings; it is not content. (Matching is case-blind: Word names them "toc 1".)
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `p[style-name='TOC ${n}'] => !`),
  "p[style-name='TOC Heading'] => !",
  "p[style-name='table of figures'] => !",
  // Word's quotation styles hold someone else's words, as a block quote does in Markdown;
  // consecutive quoted paragraphs make one quote.
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  // Preformatted text (code, listings, data) is a code block, as a fenced block is in Markdown:
  // Word's own styles for it, and pandoc's "Source Code". Consecutive lines join into one block.
  ...PREFORMATTED_STYLES.map((name) => `p[style-name='${name}'] => ${PRE}`),
];

const NAME = String.raw`'[^'\\\u0000-\u001f]{1,100}'`;
/** What to match: a paragraph (p) or run (r), by style id, style name (= or ^=) and, for paragraphs, list level. */
const PARAGRAPH = String.raw`p(?:\.[A-Za-z0-9_-]{1,100})?(?:\[style-name\^?=${NAME}\])?(?::(?:un)?ordered-list\([1-9]\))?`;
const RUN = String.raw`r(?:\.[A-Za-z0-9_-]{1,100})?(?:\[style-name\^?=${NAME}\])?`;
/** What it becomes: headings, a paragraph, a quote, a list item, preformatted text (pre), bold, italic, or nothing (!). */
const TO_BLOCK = String.raw`(?:(?:h[1-6]|p|blockquote)(?::fresh)?|(?:ul|ol) > li(?::fresh)?|pre|!)`;
const TO_INLINE = String.raw`(?:strong|em|!)`;
const LINE = new RegExp(String.raw`^(?:${PARAGRAPH} => ${TO_BLOCK}|${RUN} => ${TO_INLINE})$`);

const MAX_LINES = 200;
const EXAMPLE = "p[style-name='NHS Heading 2'] => h2:fresh";

/** The user's mapping lines, trimmed, blank lines and # comments dropped; or the reason they are refused. */
export function checkStyleMap(lines: readonly string[]): { lines: string[] } | { error: string } {
  const kept: string[] = [];
  if (!Array.isArray(lines)) return { error: `style map must be a list of lines such as ${EXAMPLE}` };
  for (const [i, raw] of lines.entries()) {
    if (typeof raw !== 'string') return { error: `style map line ${i + 1} is not text` };
    const line = raw.trim().replace(/\s*=>\s*/, ' => ');
    if (!line || line.startsWith('#')) continue;
    if (!LINE.test(line)) return { error: `style map line ${i + 1} is not a mapping this tool accepts: "${shown(line)}"; write it like ${EXAMPLE}` };
    // "=> pre" keeps each paragraph a line of its own in the block.
    kept.push(line.endsWith(' => pre') ? `${line.slice(0, -'pre'.length)}${PRE}` : line);
  }
  if (kept.length > MAX_LINES) return { error: `style map has ${kept.length} lines, over the limit of ${MAX_LINES}` };
  return { lines: kept };
}

function shown(line: string): string {
  const flat = line.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return flat.length > 80 ? flat.slice(0, 79) + '…' : flat;
}
