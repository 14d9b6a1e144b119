// What the recognisers share while reading one document: its model and policy,
// the phrase hits found in it (chunk by chunk, kept in each chunk's memo so an
// edit re-searches only the chunk it touched), and per-section memos. Created
// by analyse() for each lint and passed explicitly; nothing is kept elsewhere.
import type { DocModel, Section } from '../model/types';
import type { ElementDef, Policy } from '../policy/types';
import { DistinctCounter, scanText, type PhraseHit, type PhraseHitFinder, type TextScan } from '../policy/phrase-hits';

export class DocState {
  /** Element id and section start → how well the section's prose fits the element. */
  readonly fit = new Map<string, number>();
  readonly empty = new Map<Section, boolean>();
  readonly words = new Map<Section, number>();
  /** Each element's signal hits in document order, near-misses removed. */
  readonly signalHits = new Map<ElementDef, PhraseHit[]>();
  readonly distinct = new DistinctCounter();
  /** Text scans shared by every phrase list searched in one chunk (or the whole text, with no chunks). */
  private readonly scans = new Map<number, TextScan>();

  constructor(
    readonly model: DocModel,
    readonly policy: Policy,
  ) {}

  /**
   * Every hit of a phrase list in the document's prose. A phrase never spans two
   * chunks (a chunk starts at a heading line), so this finds what one search of
   * the whole text finds.
   */
  hits(finder: PhraseHitFinder): PhraseHit[] {
    const model = this.model;
    if (!model.parts.length) return finder.hits(model.masked, this.scanOf(-1, 0, model.masked.length));
    const out: PhraseHit[] = [];
    for (let i = 0; i < model.parts.length; i++) {
      const part = model.parts[i];
      let hits = part.memo.get(finder) as PhraseHit[] | undefined;
      if (!hits) {
        const scan = this.scanOf(i, part.start, part.end);
        hits = finder.hits(scan.text, scan);
        part.memo.set(finder, hits);
      }
      for (const h of hits) out.push({ phrase: h.phrase, start: h.start + part.start, end: h.end + part.start });
    }
    return out;
  }

  private scanOf(index: number, start: number, end: number): TextScan {
    let scan = this.scans.get(index);
    if (!scan) this.scans.set(index, (scan = scanText(this.model.masked.slice(start, end))));
    return scan;
  }
}
