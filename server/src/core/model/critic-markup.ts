// Word's tracked changes as CriticMarkup (what a review export or a converter
// leaves in the text): `{--deleted--}`, `{++added++}`, `{~~old~>new~~}`,
// `{==highlighted==}` and `{>>a reviewer's comment<<}`. The document is its
// current text: deleted text and comments are not in it, and the marks around
// added or highlighted text are no words of it.
import type { Block } from './types';

/** The longest change read as one (a deleted section runs to a few pages). */
const CHANGE_REACH = 40_000;

export interface CriticSpans {
  /** Deleted text and comments, with their marks. */
  removed: Array<[number, number]>;
  /** The marks around added, substituted-in and highlighted text. */
  marks: Array<[number, number]>;
}

const OPENERS = ['{--', '{++', '{>>', '{~~', '{=='];

export function criticSpans(source: string): CriticSpans | undefined {
  if (!OPENERS.some((o) => source.includes(o))) return undefined;
  const removed: Array<[number, number]> = [];
  const marks: Array<[number, number]> = [];
  const reach = `[\\s\\S]{0,${CHANGE_REACH}}?`;
  for (const m of source.matchAll(new RegExp(`\\{--${reach}--\\}|\\{>>${reach}<<\\}`, 'g'))) removed.push([m.index!, m.index! + m[0].length]);
  for (const m of source.matchAll(new RegExp(`\\{~~(${reach})~>(${reach})~~\\}`, 'g'))) {
    const start = m.index!;
    const end = start + m[0].length;
    removed.push([start, start + 3 + m[1].length + 2]);
    marks.push([end - 3, end]);
  }
  for (const m of source.matchAll(new RegExp(`\\{\\+\\+(${reach})\\+\\+\\}|\\{==(${reach})==\\}`, 'g'))) {
    marks.push([m.index!, m.index! + 3], [m.index! + m[0].length - 3, m.index! + m[0].length]);
  }
  return removed.length || marks.length ? { removed, marks } : undefined;
}

/** The blocks without those wholly deleted (a section deleted with its heading), and headings' titles as they now read. */
export function currentBlocks(blocks: Block[], critic: CriticSpans): Block[] {
  const deleted = (b: Block) => critic.removed.some(([s, e]) => s <= b.start && b.end <= e);
  return blocks
    .filter((b) => !deleted(b))
    .map((b) => (b.kind === 'heading' && b.text && /\{(?:--|\+\+|~~|==|>>)/.test(b.text) ? { ...b, text: currentText(b.text) } : b));
}

/** A title as it now reads: "{--5. What works--}{++5. Research and good practice++}" is "5. Research and good practice". */
function currentText(text: string): string {
  return text
    .replace(/\{--[\s\S]*?--\}|\{>>[\s\S]*?<<\}|\{~~[\s\S]*?~>/g, '')
    .replace(/\{\+\+|\+\+\}|\{==|==\}|~~\}/g, '')
    .trim();
}
