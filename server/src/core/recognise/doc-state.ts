// What the recognisers share while reading one document: its model and policy,
// the phrase matches in its prose (one match of every list of the policy per
// chunk, kept in the chunk's memo so an edit re-matches only the chunk it
// touched), and per-section memos. Created by analyse() for each lint and
// passed explicitly; nothing is kept elsewhere.
import type { DocModel, ModelPart, Section } from '../model/types';
import type { ElementDef, Matcher, Policy } from '../policy/types';
import type { PhraseHit, TextMatches } from '../match';
import { DistinctCounter } from '../match/distinct';
import { TokenScratch } from '../match/tokens';

/** What a phrase list finds in one text: whether it occurs, and its spans (as PhraseList's `test` and `spans`). */
export interface TextQuery {
  test(list: Matcher): boolean;
  spans(list: Matcher): Array<[number, number]>;
}

/** Spans whose queries `about` keeps: a recogniser's turns between two (a unit's subject and body). */
const RECENT_SPANS = 4;

export class DocState {
  /** Element id and section start → how well the section's prose fits the element. */
  readonly fit = new Map<string, number>();
  readonly empty = new Map<Section, boolean>();
  readonly words = new Map<Section, number>();
  /** Each element's signal hits in document order, near-misses removed. */
  readonly signalHits = new Map<ElementDef, PhraseHit[]>();
  readonly distinct = new DistinctCounter();
  /** The matches of each chunk (or of the whole text, with no chunks) and where it starts. */
  private chunks?: Array<{ start: number; found: TextMatches }>;
  /**
   * On a document's first lint, when no chunk's matches are known yet: one match
   * of the whole text, which the chunks' are cut from, and a span over several
   * chunks (a long section) too, rather than matched afresh.
   */
  private whole?: TextMatches;
  /** `about`'s most recent answers, by span. */
  private readonly recent = new Map<string, TextQuery>();
  /** The document's EqIA sections (eqia.ts), found once for the linked files' look-up and the EqIA's own. */
  eqiaSections?: Section[];

  constructor(
    readonly model: DocModel,
    readonly policy: Policy,
  ) {}

  /**
   * Every hit of a phrase list in the document's prose, in document order. A
   * phrase never spans two chunks (a chunk starts at a heading line), so this
   * finds what one match of the whole text finds.
   */
  hits(list: Matcher): PhraseHit[] {
    return this.collect((found) => found.hits(list.id));
  }

  /** The list's matches as one alternation of its phrases finds them, left to right (see TextMatches.leftmost). */
  leftmost(list: Matcher): PhraseHit[] {
    return this.collect((found) => found.leftmost(list.id));
  }

  /** Whether any phrase of the list occurs in the document's prose. */
  has(list: Matcher): boolean {
    return this.matches().some((c) => c.found.test(list.id));
  }

  /**
   * What the phrase lists find in the masked text of [start, end) (a section, a
   * cell), at offsets from `start`, as `list.test(text)` and `list.spans(text)`
   * of that text would: read off the walk of the chunk holding it where that is
   * exact (TextMatches.cut), else matched afresh. The few most recent spans'
   * are kept, as a recogniser asks several lists about one.
   */
  about(start: number, end: number): TextQuery {
    const key = `${start}:${end}`;
    let q = this.recent.get(key);
    if (q) return q;
    const chunk = this.chunkHolding(start, end);
    const found = chunk ? chunk.found.cut(start - chunk.start, end - chunk.start) : this.whole?.cut(start, end);
    const text = this.model.masked.slice(start, end);
    // Through the list, whose book keeps a long text's answers for the next lint (an editor's).
    q = { test: (list) => list.test(text, found), spans: (list) => list.spans(text, found) };
    if (this.recent.size >= RECENT_SPANS) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(key, q);
    return q;
  }

  /** The matched chunk holding [start, end), if one does. */
  private chunkHolding(start: number, end: number): { start: number; found: TextMatches } | undefined {
    const chunks = this.matches();
    if (!this.model.parts.length) return chunks[0];
    const i = this.partIndex(start, end);
    return i < 0 ? undefined : chunks[i];
  }

  /**
   * A value derived from the masked text of [start, end) alone, kept in the memo
   * of the chunk holding the span, at offsets relative to it: re-linting an
   * edited document derives it again only in the chunks whose text changed.
   * `key` and `kind` name what is derived (`key` an object of the policy, such
   * as the phrase list asked, so another policy's answers are not taken).
   * A span over two chunks, or a model without chunks, is derived each time.
   */
  inChunk<T>(key: object, kind: string, start: number, end: number, derive: (text: string) => T): T {
    const part = this.partHolding(start, end);
    if (!part) return derive(this.model.masked.slice(start, end));
    let memo = part.memo.get(key) as Map<string, T> | undefined;
    if (!memo) part.memo.set(key, (memo = new Map()));
    const at = `${kind} ${start - part.start}:${end - part.start}`;
    let v = memo.get(at);
    if (v === undefined && !memo.has(at)) memo.set(at, (v = derive(this.model.masked.slice(start, end))));
    return v as T;
  }

  /**
   * A value derived from a text alone (a block's flattened text, say), kept in
   * the memo of the chunk holding offset `at` (the text's place), by the text
   * itself: exact whatever the text's provenance, and gone with the chunk.
   */
  byText<T>(key: object, kind: string, at: number, text: string, derive: (text: string) => T): T {
    const part = this.partHolding(at, at + 1);
    if (!part) return derive(text);
    let memo = part.memo.get(key) as Map<string, T> | undefined;
    if (!memo) part.memo.set(key, (memo = new Map()));
    // A space cannot start inChunk's span names ("kind start:end"), so the two never meet.
    const name = `${kind}  ${text}`;
    let v = memo.get(name);
    if (v === undefined && !memo.has(name)) memo.set(name, (v = derive(text)));
    return v as T;
  }

  /** The chunk whose text holds [start, end), if one does. */
  private partHolding(start: number, end: number): ModelPart | undefined {
    const i = this.partIndex(start, end);
    return i < 0 ? undefined : this.model.parts[i];
  }

  /** The index of the chunk whose text holds [start, end), or -1. */
  private partIndex(start: number, end: number): number {
    const { parts } = this.model;
    if (start >= end) return -1;
    let lo = 0;
    let hi = parts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = parts[mid];
      if (start < p.start) hi = mid - 1;
      else if (start >= p.end) lo = mid + 1;
      else return end <= p.end ? mid : -1;
    }
    return -1;
  }

  private collect(of: (found: TextMatches) => readonly PhraseHit[]): PhraseHit[] {
    const out: PhraseHit[] = [];
    for (const { start, found } of this.matches()) {
      for (const h of of(found)) out.push(start ? { phrase: h.phrase, start: h.start + start, end: h.end + start } : h);
    }
    return out;
  }

  private matches(): Array<{ start: number; found: TextMatches }> {
    if (this.chunks) return this.chunks;
    const { model } = this;
    const book = this.policy.derived.book;
    if (!model.parts.length) return (this.chunks = [{ start: 0, found: book.matchOnce(model.masked) }]);
    // One token buffer for every chunk matched now (each chunk's tokens are done with once it is walked).
    const scratch = new TokenScratch();
    // A first lint: one walk of the whole text serves the chunks and the spans over several (measured: a
    // 500 KB strategy's long sections matched afresh cost more than the walk). Edits re-match their chunks alone.
    if (model.parts.length > 1 && model.parts.every((part) => !part.memo.has(book))) this.whole = book.matchOnce(model.masked, scratch);
    return (this.chunks = model.parts.map((part) => {
      let found = part.memo.get(book) as TextMatches | undefined;
      if (!found) part.memo.set(book, (found = this.whole?.cut(part.start, part.end) ?? book.matchOnce(model.masked.slice(part.start, part.end), scratch)));
      return { start: part.start, found };
    }));
  }
}
