// How many different phrases of a list have a hit inside some spans of a
// document: a section's evidence for an element is a count over hits found once
// per document, not a scan per section and element.
import type { PhraseHit } from './index';

/**
 * Counts how many different phrases have a hit lying wholly inside spans. Its
 * per-phrase marks are valid for one generation, so a count allocates nothing
 * (it runs per section and element); one counter per document.
 */
export class DistinctCounter {
  private marks = new Uint32Array(1024);
  private generation = 0;

  /**
   * `hits` must be in document order (by start): each span costs a binary search
   * and its own hits, so scoring every section of a long document stays linear.
   */
  within(hits: readonly PhraseHit[], spans: ReadonlyArray<{ start: number; end: number }>): number {
    if (++this.generation === 0xffffffff) {
      this.marks.fill(0);
      this.generation = 1;
    }
    let n = 0;
    for (const s of spans) {
      let lo = 0;
      let hi = hits.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (hits[mid].start < s.start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < hits.length && hits[i].start < s.end; i++) {
        const h = hits[i];
        if (h.end > s.end) continue;
        if (h.phrase >= this.marks.length) {
          const grown = new Uint32Array(Math.max(h.phrase + 1, this.marks.length * 2));
          grown.set(this.marks);
          this.marks = grown;
        }
        if (this.marks[h.phrase] === this.generation) continue;
        this.marks[h.phrase] = this.generation;
        n++;
      }
    }
    return n;
  }
}

/** How many different phrases have a hit inside the spans (one-off; see DistinctCounter). */
export function distinctWithin(hits: readonly PhraseHit[], spans: ReadonlyArray<{ start: number; end: number }>): number {
  return new DistinctCounter().within(hits, spans);
}
