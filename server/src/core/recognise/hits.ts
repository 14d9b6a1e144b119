// Hits of a phrase list in a document's prose, found chunk by chunk and kept in
// each chunk's memo: re-linting an edited document searches only the chunks the
// edit touched. A phrase never spans two chunks (a chunk starts at a heading
// line), so this finds what one search of the whole text finds.
import type { DocModel } from '../model/types';
import { scanText, type PhraseHit, type PhraseHitFinder, type TextScan } from '../policy/phrase-hits';

/**
 * Text scans, shared by every phrase list searched in one chunk (or the whole
 * text, for models without parts), held only as long as the model: a chunk keeps
 * its hits, not its word index.
 */
const scans = new WeakMap<DocModel, Map<number, TextScan>>();

function scanOf(model: DocModel, index: number, start: number, end: number): TextScan {
  let byPart = scans.get(model);
  if (!byPart) scans.set(model, (byPart = new Map()));
  let scan = byPart.get(index);
  if (!scan) {
    scan = scanText(model.masked.slice(start, end));
    byPart.set(index, scan);
  }
  return scan;
}

export function modelHits(model: DocModel, finder: PhraseHitFinder): PhraseHit[] {
  if (!model.parts.length) return finder.hits(model.masked, scanOf(model, -1, 0, model.masked.length));
  const out: PhraseHit[] = [];
  for (let i = 0; i < model.parts.length; i++) {
    const part = model.parts[i];
    let hits = part.memo.get(finder) as PhraseHit[] | undefined;
    if (!hits) {
      const scan = scanOf(model, i, part.start, part.end);
      hits = finder.hits(scan.text, scan);
      part.memo.set(finder, hits);
    }
    for (const h of hits) out.push({ phrase: h.phrase, start: h.start + part.start, end: h.end + part.start });
  }
  return out;
}
