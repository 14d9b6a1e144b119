// Word's tracked changes as CriticMarkup (what a review export or a converter
// leaves in the text): `{--deleted--}`, `{++added++}`, `{~~old~>new~~}`,
// `{==highlighted==}` and `{>>a reviewer's comment<<}`; or as pandoc's spans
// (`[old]{.deletion …}`, `[new]{.insertion …}`, `[a comment]{.comment-start …}`,
// whose text is kept: see pandocSpans). The document is its
// current text: deleted text and comments are not in it, and the marks around
// added or highlighted text are no words of it.
import type { Block } from './types';
import { lastAtOrBefore } from '../sorted';

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
  const pandoc = pandocSpans(source);
  if (!OPENERS.some((o) => source.includes(o))) return pandoc;
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
  if (pandoc) {
    removed.push(...pandoc.removed);
    marks.push(...pandoc.marks);
  }
  return removed.length || marks.length ? { removed, marks } : undefined;
}

/** The most brackets held open at once. */
const OPEN_BRACKETS = 1024;

/** What follows a span's closing bracket in pandoc's tracked changes: `{.deletion author="…" date="…"}`. */
const PANDOC_CHANGE = /^\]\{\.(deletion|insertion|comment-start|comment-end|paragraph-insertion|paragraph-deletion)\b[^}]{0,400}\}/;

/**
 * Word's tracked changes as pandoc writes them (`--track-changes=all`): `[old]{.deletion …}`,
 * `[new]{.insertion …}`, `[a reviewer's comment]{.comment-start …}` (marks only) and the empty marks
 * `[]{.comment-end …}`, `[]{.paragraph-insertion …}`. Brackets are paired in one pass, so a
 * span holding a link's brackets is read whole and no text is scanned twice.
 */
function pandocSpans(source: string): CriticSpans | undefined {
  if (!source.includes(']{.')) return undefined;
  const removed: Array<[number, number]> = [];
  const marks: Array<[number, number]> = [];
  const open: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c !== 0x5b && c !== 0x5d) continue;
    if (i > 0 && source.charCodeAt(i - 1) === 0x5c) continue;
    if (c === 0x5b) {
      // Brackets nest a few deep in prose; a run of thousands is hostile input, and its oldest are let go.
      if (open.length >= OPEN_BRACKETS) open.splice(0, OPEN_BRACKETS / 2);
      open.push(i);
      continue;
    }
    const start = open.pop();
    if (start === undefined || source.charCodeAt(i + 1) !== 0x7b) continue;
    const m = PANDOC_CHANGE.exec(source.slice(i, i + 420));
    if (!m) continue;
    const end = i + m[0].length;
    if (m[1] === 'insertion') marks.push([start, start + 1], [i, end]);
    // A comment's text is kept: pandoc writes it inside the start mark, but a hand-made export may
    // hold the commented text there instead, and a question left in the prose misleads less than lost text.
    else if (m[1] === 'deletion' || i === start + 1) removed.push([start, end]);
    else marks.push([start, start + 1], [i, end]);
  }
  return removed.length || marks.length ? { removed, marks } : undefined;
}

/** The blocks without those wholly deleted (a section deleted with its heading), and headings' titles as they now read. */
export function currentBlocks(blocks: Block[], critic: CriticSpans): Block[] {
  // Sorted by start, with the furthest end so far: a block is deleted when a span starting at or
  // before it reaches past its end (one search a block, however many changes).
  const spans = [...critic.removed].sort((a, b) => a[0] - b[0]);
  const reach: number[] = [];
  spans.forEach(([, e], k) => reach.push(Math.max(e, k ? reach[k - 1] : 0)));
  const deleted = (b: Block) => {
    const k = lastAtOrBefore(spans.length, (i) => spans[i][0], b.start);
    return spans.length > 0 && spans[k][0] <= b.start && reach[k] >= b.end;
  };
  return blocks
    .filter((b) => !deleted(b))
    .map((b) => (b.kind === 'heading' && b.text && /\{(?:--|\+\+|~~|==|>>|\.)/.test(b.text) ? { ...b, text: currentText(b.text) } : b));
}

/** A title as it now reads: "{--5. What works--}{++5. Research and good practice++}" is "5. Research and good practice". */
function currentText(text: string): string {
  return text
    .replace(/\[[^\[\]]*\]\{\.deletion\b[^}]*\}|\[\]\{\.[\w-]+\b[^}]*\}/g, '')
    .replace(/\[([^\[\]]*)\]\{\.(?:insertion|comment-start)\b[^}]*\}/g, '$1')
    .replace(/\{--[\s\S]*?--\}|\{>>[\s\S]*?<<\}|\{~~[\s\S]*?~>/g, '')
    .replace(/\{\+\+|\+\+\}|\{==|==\}|~~\}/g, '')
    .trim();
}
