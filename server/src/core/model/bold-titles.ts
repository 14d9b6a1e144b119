// Numbered titles in bold that open a line inside a paragraph, the chapter's text run on after
// them: what Word's RTF becomes through unrtf's HTML and pandoc, which keeps a document's
// paragraphs in one and wraps each title in the span of its font size
// ("**<span style="font-size:16pt">2. The legal and policy framework  \n</span>**<span…>WCC's
// responsibilities…"). Read only where no heading found is numbered (plain-layout.ts).
import type { Block, LayoutTools } from './types';

/**
 * A line opening with bold around a section number and a title (after the tags closing the text
 * before it, if any; a PDF's text may hold a no-break space after the number), which may wrap
 * onto the next line and hold HTML tags: group 2 is the title with its tags. Bounded: a title is short.
 */
const BOLD_TITLE = /(?<=^|\n)[ \t]*(?:<\/[a-z]{1,10}>)*(\*\*|__)((?:<[^>\n]{0,200}>)*[^\S\n]*\d{1,2}(?:\.\d{1,2}){0,2}\.?[^\S\n]+\p{Lu}(?:[^*_<\n]|<[^>\n]{0,200}>|\n(?![ \t]*\n)){1,300}?)\1/u;
const TITLE_WORDS = 12;
/** A line break inside a bold title, then a sub-section's number: "\n6.1 Crisis…". */
const SUB_TITLE = /\n(?:<[^>\n]{0,200}>)*[^\S\n]*\d{1,2}(?:\.\d{1,2})+\.?[^\S\n]/u;
/** How many such titles make the document one written so. */
const TITLES = 3;

/** The paragraphs holding such titles, each as its text before, its titles as headings and the text after each; undefined unless there are enough. */
export function boldTitleSections(source: string, blocks: Block[], tools: LayoutTools): Map<Block, Block[]> | undefined {
  const found = new Map<Block, Array<{ start: number; end: number; text: string }>>();
  let count = 0;
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    const own = source.slice(b.start, b.end);
    if (!own.includes('**') && !own.includes('__')) continue;
    const titles = [];
    for (const m of own.matchAll(new RegExp(BOLD_TITLE, 'gu'))) {
      let raw = m[2];
      let end = b.start + m.index! + m[0].length;
      // A sub-section's run-in title inside the same bold ("6. Our commissioning intentions" / "6.1 Crisis
      // and urgent care."): the title is the first line, the run-in one the text's.
      const sub = SUB_TITLE.exec(raw);
      if (sub) {
        // Where the title's text starts in the source (after the opening marks), then past its first line.
        end = b.start + m.index! + m[0].length - m[2].length - m[1].length + sub.index + 1;
        raw = raw.slice(0, sub.index);
      }
      const text = raw.replace(/<[^>]*>/g, ' ').replace(/\\$|\\\n/g, ' ').replace(/\s+/g, ' ').trim();
      if (text.split(' ').length > TITLE_WORDS || /[.,;:]$/.test(text)) continue;
      const start = b.start + m.index! + m[0].length - m[0].trimStart().length;
      titles.push({ start, end, text });
    }
    if (titles.length) {
      found.set(b, titles);
      count += titles.length;
    }
  }
  if (count < TITLES) return undefined;
  const out = new Map<Block, Block[]>();
  for (const [b, titles] of found) {
    const parts: Block[] = [];
    let from = b.start;
    for (const t of titles) {
      if (source.slice(from, t.start).trim()) parts.push(...tools.paragraphsOf(from, t.start));
      parts.push({ start: t.start, end: t.end, kind: 'heading', text: t.text, depth: tools.depthOf(t.text), headingStyle: 'bold' });
      from = t.end;
    }
    if (source.slice(from, b.end).trim()) parts.push(...tools.paragraphsOf(from, b.end));
    out.set(b, parts);
  }
  return out;
}
