// Hits of a phrase list in a document's prose, found chunk by chunk and kept in
// each chunk's memo: re-linting an edited document searches only the chunks the
// edit touched. A phrase never spans two chunks (a chunk starts at a heading
// line), so this finds what one search of the whole text finds.
import type { DocModel } from '../model/types';
import { scanText, type PhraseHit, type PhraseHitFinder, type TextScan } from '../policy/phrase-hits';

/** Memo key of a chunk's TextScan, shared by every phrase list searched in it. */
const SCAN = {};

/** The whole text's TextScan, for models without parts (one lint, no parse cache). */
const wholeScans = new WeakMap<DocModel, TextScan>();

export function modelHits(model: DocModel, finder: PhraseHitFinder): PhraseHit[] {
  if (!model.parts.length) {
    let scan = wholeScans.get(model);
    if (!scan) {
      scan = scanText(model.masked);
      wholeScans.set(model, scan);
    }
    return finder.hits(model.masked, scan);
  }
  const out: PhraseHit[] = [];
  for (const part of model.parts) {
    let hits = part.memo.get(finder) as PhraseHit[] | undefined;
    if (!hits) {
      let scan = part.memo.get(SCAN) as TextScan | undefined;
      if (!scan) {
        scan = scanText(model.masked.slice(part.start, part.end));
        part.memo.set(SCAN, scan);
      }
      hits = finder.hits(scan.text, scan);
      part.memo.set(finder, hits);
    }
    for (const h of hits) out.push({ phrase: h.phrase, start: h.start + part.start, end: h.end + part.start });
  }
  return out;
}
