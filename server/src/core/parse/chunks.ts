// Splits a document into independently parseable chunks at top-level ATX
// headings, so an edit re-parses only the chunk it touches (chunk texts are
// cache keys), and GFM is switched on only for chunks that hold a table.
// Long tables are sliced into pieces that repeat the header row, because
// micromark's table parsing grows faster than linearly with row count.

import { VerbatimTracker } from './verbatim';

export interface Chunk {
  text: string;
  /** Source offset of text[headerLength]. */
  start: number;
  /** Length of a repeated table header at the start of a table slice (0 otherwise). */
  headerLength: number;
  /** Source offset of that repeated header. */
  headerStart: number;
  gfm: boolean;
  frontmatter: boolean;
  /** This chunk continues a table sliced off the previous chunk. */
  continuesTable: boolean;
}

export const TABLE_SLICE_ROWS = 100;

const ATX = /^#{1,6}(?:[ \t]|$)/;
// Each run of spaces belongs to one place (a bar owns the spaces after it): a failed match of a long run stays linear.
const DELIMITER_ROW = /^ {0,3}(?:\|[ \t]*)?:?-+:?(?:[ \t]*\|[ \t]*:?-+:?)*[ \t]*(?:\|[ \t]*)?$/;
const TABLE_END = /^ {0,3}(#|`{3}|~{3}|>|<)/;

interface Line {
  start: number;
  end: number; // exclusive, including its line ending
  text: string; // without line ending
}

function splitLines(src: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  if (!src.includes('\r')) {
    // Speed: line feeds alone (most texts) are found by indexOf, several times quicker than the regex.
    for (let at = src.indexOf('\n'); at >= 0; at = src.indexOf('\n', pos)) {
      out.push({ start: pos, end: at + 1, text: src.slice(pos, at) });
      pos = at + 1;
    }
  } else {
    const re = /\r\n|\r|\n/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(src))) {
      out.push({ start: pos, end: m.index + m[0].length, text: src.slice(pos, m.index) });
      pos = m.index + m[0].length;
    }
  }
  if (pos < src.length || out.length === 0) out.push({ start: pos, end: src.length, text: src.slice(pos) });
  return out;
}

/** Index of the line that closes front matter opened on line 0, or -1. */
function frontMatterEnd(lines: Line[]): number {
  if (lines.length < 2 || !/^---[ \t]*$/.test(lines[0].text)) return -1;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)[ \t]*$/.test(lines[i].text)) return i;
  return -1;
}

export function chunkDocument(src: string): Chunk[] {
  const lines = splitLines(src);
  const chunks: Chunk[] = [];
  let first = 0; // first line of the chunk being collected
  let gfm = false;
  const verbatim = new VerbatimTracker();
  const fmEnd = frontMatterEnd(lines);

  const emit = (from: number, to: number, extra: Partial<Chunk> = {}) => {
    if (to <= from) return;
    const start = lines[from].start;
    chunks.push({
      text: src.slice(start, lines[to - 1].end),
      start,
      headerLength: 0,
      headerStart: start,
      gfm,
      frontmatter: from === 0 && fmEnd >= 0,
      continuesTable: false,
      ...extra,
    });
  };

  for (let i = fmEnd + 1; i < lines.length; i++) {
    const text = lines[i].text;
    if (verbatim.line(text)) continue;
    if (ATX.test(text) && i > first && !/^ {0,3}</.test(lines[i - 1].text)) {
      emit(first, i);
      first = i;
      gfm = false;
      continue;
    }
    if (i > 0 && text.includes('-') && DELIMITER_ROW.test(text) && lines[i - 1].text.includes('|')) {
      gfm = true;
      i = sliceTable(i);
    }
  }
  emit(first, lines.length);
  return chunks;

  /** Handles a table whose delimiter row is line d; returns the last line index it consumed. */
  function sliceTable(d: number): number {
    let end = d + 1;
    while (end < lines.length && lines[end].text.trim() !== '' && !TABLE_END.test(lines[end].text)) end++;
    if (end - (d + 1) <= TABLE_SLICE_ROWS) return end - 1;
    const header = src.slice(lines[d - 1].start, lines[d].end);
    const headerStart = lines[d - 1].start;
    // The first slice stays with the text before the table.
    let cut = d + 1 + TABLE_SLICE_ROWS;
    emit(first, cut);
    while (cut < end) {
      const to = Math.min(end, cut + TABLE_SLICE_ROWS);
      const start = lines[cut].start;
      chunks.push({
        text: header + src.slice(start, lines[to - 1].end),
        start,
        headerLength: header.length,
        headerStart,
        gfm: true,
        frontmatter: false,
        continuesTable: true,
      });
      cut = to;
    }
    first = end;
    gfm = false;
    return end - 1;
  }
}

/** Source offset of an offset inside a chunk's text. */
export function chunkOffset(chunk: Chunk, offset: number): number {
  if (offset < chunk.headerLength) return chunk.headerStart + offset;
  return chunk.start + offset - chunk.headerLength;
}
