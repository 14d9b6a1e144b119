// Decides, for each IPC element of the policy, which section addresses it and
// whether that section is present or only a placeholder: explicit markers first,
// then headings, then what a section's prose is substantively about.
import type { Block, DocModel, Section, Span } from '../model/types';
import type { AspectDef, ElementDef, Policy } from '../policy/types';
import type { PhraseHit } from '../match';
import type { DocState } from './doc-state';
import type { ElementStatus } from '../types';
import { isPlaceholder, isStub, sectionSpan, sectionText, wordCount } from './text';
import { namesStops, statesAspect } from './aspect-statements';

export interface ElementFinding {
  element: ElementDef;
  status: ElementStatus;
  section?: Section;
  via?: 'marker' | 'heading' | 'content';
  aspects: Record<string, 'present' | 'missing'>;
  /** Every section taken to address the element (aspects are looked for in all of them). */
  sections: Section[];
}

/** How much of its signal threshold an unclaimed section must show to address an otherwise unaddressed element. */
const UNCLAIMED_FIT = 0.6;
/** How many times over its signal threshold a section under another element's heading must evidence an element. */
const SHARED_FIT = 2;

interface Candidate {
  section: Section;
  via: 'marker' | 'heading' | 'content';
  /** Matched only by a generic heading such as "Introduction". */
  weak?: boolean;
  empty: boolean;
  score: number;
}

export function headingMatches(policy: Policy, section: Pick<Section, 'title'>): ElementDef[] {
  return policy.derived.readTitle(section.title).elements;
}

/** `skip`: sections that are never an IPC element (the EqIA). */
export function recogniseElements(doc: DocState, markers: Map<string, Section>, skip: Set<Section>): ElementFinding[] {
  const { model, policy } = doc;
  const readTitle = (title: string) => policy.derived.readTitle(title);
  const byHeading = new Map<Section, ElementDef[]>();
  const byWeakHeading = new Map<Section, ElementDef[]>();
  const byRetelling = new Map<Section, ElementDef[]>();
  // Apparatus with prose of its own (a board's terms of reference) takes in its sub-sections; a bare "Appendices" does not.
  const apparatusAt = (s: Section | undefined, own: boolean): boolean =>
    !!s && ((readTitle(s.title).apparatus && (own || wordCount(sectionText(model, s, 'own'), policy.minWords) >= policy.minWords)) || apparatusAt(s.parent, false));
  // A section that is a list of works cited, whatever its heading ("5. Research" over "Clark D.M. et al. (2009) …"), is apparatus too.
  const apparatus = model.sections.filter((s) => apparatusAt(s, true) || citesOnly(model, s));
  // A plan on a page: a table whose rows are the strategy's parts stands in for the section holding it.
  const rows = partsRows(doc, skip);
  const retold = (s: Section): boolean => !!s.parent?.heading && (policy.retellings.test(readTitle(s.parent.title).normal) || retold(s.parent));
  // The EqIA's sub-sections are the assessment's, not the strategy's ("**Narrative**" under the EqIA is no needs analysis).
  const inSkip = (s: Section | undefined): boolean => !!s && (skip.has(s) || inSkip(s.parent));
  const excluded = new Set([...model.sections.filter((s) => inSkip(s)), ...titleSections(model), ...apparatus, ...rows.map((r) => r.parent!), ...otherTopics(model, policy)]);
  for (const s of [...model.sections, ...rows]) {
    if (excluded.has(s)) continue;
    // A title such as "What works well" names an element only when the prose bears it out.
    const confirmed = readTitle(s.title).confirm.filter((e) => fit(doc, e, s) >= 1);
    // "What will no longer be commissioned": a heading that announces an element's aspect names the element.
    const { announced: stated } = readTitle(s.title);
    const announced = stated.length ? policy.elements.filter((e) => e.aspects.some((a) => stated.includes(a))) : [];
    const m = sharedHeadingFilter(doc, s, [...new Set([...headingMatches(policy, s), ...confirmed, ...announced])]);
    // An easy-read summary's "How will we check?" retells the body's monitoring: it stands in only where the body has none.
    if (m.length && retold(s)) byRetelling.set(s, m);
    else if (m.length) byHeading.set(s, m);
    else {
      const w = readTitle(s.title).weak;
      if (w.length) byWeakHeading.set(s, w);
    }
  }
  const marked = new Set(markers.values());
  const contentBest = contentMatches(doc, byHeading, marked, excluded);

  const candidates = new Map<ElementDef, Candidate[]>();
  for (const element of policy.elements) {
    const cands: Candidate[] = [];
    const m = markers.get(element.id);
    if (m) cands.push({ section: m, via: 'marker', empty: isEmpty(doc, m), score: 3 });
    const headed = [...byHeading].filter(([s, els]) => els.includes(element) && !marked.has(s)).map(([s]) => s);
    const headedSet = new Set(headed);
    for (const s of headed) {
      if (isContainer(s, element, headedSet, byHeading) || nearMissOnly(doc, element, s)) continue;
      cands.push({ section: s, via: 'heading', empty: isEmpty(doc, s), score: 2 + fit(doc, element, s) });
    }
    for (const [s, best] of contentBest) {
      if (best.element === element) cands.push({ section: s, via: 'content', empty: false, score: 1 + best.score / 100 });
    }
    for (const [s, els] of byWeakHeading) {
      if (els.includes(element) && !marked.has(s) && !contentBest.has(s)) cands.push({ section: s, via: 'heading', weak: true, empty: isEmpty(doc, s), score: fit(doc, element, s) });
    }
    candidates.set(element, cands);
  }

  // Second pass, for elements nothing has addressed: the section whose prose fits the
  // element best, whatever its heading says — first among sections no other element
  // claims, then ("Where we are now" holding the needs analysis too) any section whose
  // prose evidences the element twice over.
  const claimed = new Set([...candidates.values()].flat().map((c) => c.section));
  // A section only some other element's runner-up ("Why this matters" read as purpose, which
  // "Our ambition" addresses better) is free for an element nothing addresses.
  const leading = new Set([...candidates.values()].filter((cs) => cs.length).map((cs) => [...cs].sort((a, b) => rank(b) - rank(a) || b.score - a.score || a.section.start - b.section.start)[0].section));
  for (const element of policy.elements) {
    const cands = candidates.get(element)!;
    if (cands.length) continue;
    const eligible = model.sections.filter((s) => !excluded.has(s) && !isWrapper(model, s) && !readTitle(s.title).not.has(element) && !isEmpty(doc, s) && !nearMissOnly(doc, element, s));
    // Judged on the section's own prose and unclaimed sub-sections: a heading over a whole
    // appended strategy would otherwise fit every element its parts address.
    const taken = new Set([...claimed, ...byHeading.keys(), ...marked, ...excluded]);
    const scored = eligible.map((s) => ({ s, f: signalCount(doc, element, claimFreeSpans(model, s, new Map(), taken, new Set())) / element.minSignals, free: !leading.has(s) && !marked.has(s) }));
    const best =
      scored.filter((x) => x.free && x.f >= UNCLAIMED_FIT).sort((a, b) => b.f - a.f || a.s.start - b.s.start)[0] ??
      scored.filter((x) => x.f >= SHARED_FIT).sort((a, b) => b.f - a.f || a.s.start - b.s.start)[0];
    if (best) {
      cands.push({ section: best.s, via: 'content', empty: false, score: 1 + best.f });
      claimed.add(best.s);
    }
  }
  // Last, a retelling's sections, for what the body addresses nowhere.
  for (const element of policy.elements) {
    const cands = candidates.get(element)!;
    if (cands.length) continue;
    for (const [s, els] of byRetelling) if (els.includes(element)) cands.push({ section: s, via: 'heading', weak: true, empty: isEmpty(doc, s), score: fit(doc, element, s) });
  }

  // Which elements claim each section, for a chosen sub-section's chapter (chapterOf).
  const claims = new Map<Section, Set<ElementDef>>();
  for (const [element, cs] of candidates) for (const c of cs) (claims.get(c.section) ?? claims.set(c.section, new Set()).get(c.section)!).add(element);

  return policy.elements.map((element) => {
    const all = candidates.get(element)!;
    // A part and its own sub-section both read as the element by their prose, the part's own
    // prose not enough alone (a line introducing a chapter): the sub-section says it.
    const ownFit = (c: Candidate) => signalCount(doc, element, [sectionSpan(model, c.section, 'own')]) >= element.minSignals;
    const cands = all.filter((c) => c.via !== 'content' || ownFit(c) || !all.some((o) => o.via === 'content' && o.section !== c.section && within(o.section, c.section)));
    // Best first: markers, then headings (the one whose prose fits the element best), then content,
    // then generic headings such as "Introduction".
    const ranked = [...cands].sort((a, b) => rank(b) - rank(a) || b.score - a.score || a.section.start - b.section.start);
    // A generic heading ("Introduction") that touches on the element does not fill it where the
    // element's own heading stands empty ("Vision and commitments" over a lone comment).
    const announced = ranked.find((c) => c.empty && (c.via === 'marker' || (c.via === 'heading' && !c.weak)));
    // Nor does a sub-section of another element's chapter ("**NICE guidance**" under "What works – the evidence")
    // fill it where its own heading stands empty ("National policy context", then "To follow").
    const elsewhere = (x: Section): boolean => {
      for (let p = x.parent; p; p = p.parent) if (byHeading.get(p)?.some((e) => e !== element) && !byHeading.get(p)!.includes(element)) return true;
      return false;
    };
    // Where the element has a chapter heading of its own, a bold label naming it inside another element's
    // chapter ("**What will change**" under "3. Understanding our population's needs", about its forecasts)
    // comes after it.
    const filled = ranked.filter((c) => !c.empty && !(announced && (c.weak || elsewhere(c.section))));
    const [top] = filled;
    const label = top?.via === 'heading' && top.section.heading?.headingStyle === 'bold' && elsewhere(top.section);
    const own = label ? filled.find((c) => c.via === 'heading' && rank(c) === rank(top) && c.section.heading?.headingStyle !== 'bold' && c.section.depth < top.section.depth && !elsewhere(c.section)) : undefined;
    const present = own ? [own, ...filled.filter((c) => c !== own)] : filled;
    const chosen = present[0] ?? announced ?? ranked.find((c) => c.via === 'marker') ?? ranked.find((c) => c.via === 'heading');
    const sections = present.length ? present.map((c) => c.section) : cands.map((c) => c.section);
    const aspects: Record<string, 'present' | 'missing'> = {};
    if (chosen) {
      // A stub says nothing yet, whatever its sub-headings promise: aspects are read in prose,
      // never in a sub-heading's title, and never in a sub-section that is only a placeholder.
      // Nor in a section that is an option appraised ("Option 2: Decommission Ashby ward").
      const read = sections.filter((s) => !OPTION_TITLE.test(s.title));
      const pieces = present.length ? read.flatMap((s) => prosePieces(doc, s, [], true)) : [];
      for (const a of element.aspects) aspects[a.id] = statesAspect(doc, a, pieces) || (present.length > 0 && listsUnderStop(doc, a, read)) ? 'present' : 'missing';
    }
    return {
      element,
      status: !chosen ? 'missing' : chosen.empty ? 'empty' : 'present',
      section: chosen && !chosen.empty && chosen.via !== 'marker' ? chapterOf(doc, chosen.section, element, claims, excluded) : chosen?.section,
      via: chosen?.via,
      aspects,
      sections,
    };
  });
}

/**
 * The document's title block, never a section about one element: a lone
 * top-level heading holding the rest, or the bold lines (organisation, title)
 * standing before every real heading.
 */
/** A wider document's chapters that have this many sub-sections are its topics. */
const TOPIC_PARTS = 2;

/**
 * A wider document (a joint health and wellbeing strategy with chapters on children,
 * mental health, healthy weight and housing) where no heading names the pack's subject
 * but one topic chapter's: that chapter is the strategy, and the
 * other chapters ("Healthy weight: what the evidence tells us") are not its elements.
 */
function otherTopics(model: DocModel, policy: Policy): Section[] {
  const [title] = titleSections(model);
  if (!title?.children.length) return [];
  const topics = title.children.filter((c) => c.children.length >= TOPIC_PARTS);
  const ours = topics.filter((c) => policy.subject.test(c.title));
  if (topics.length < 3 || ours.length !== 1) return [];
  const inside = (s: Section | undefined): boolean => !!s && (s === ours[0] || inside(s.parent));
  // A heading elsewhere that names it ("Adult Mental Health Commissioning Strategy" under the body's name) makes it the whole document's.
  if (model.sections.some((s) => !inside(s) && policy.subject.test(s.title))) return [];
  return model.sections.filter((s) => !inside(s) && s !== title);
}

function titleSections(model: DocModel): Section[] {
  const first = model.sections[0];
  if (!first) return [];
  // Under a lone top-level heading, the bold lines opening it are its title block too (a board paper's
  // "**Community Mental Health Transformation: Year 2 commissioning approach**" over its front sheet).
  if (first.parent === model.root && first.children.length > 0 && model.root.children.length === 1) return [first, ...boldLead(model, first.children)];
  return boldLead(model, model.sections);
}

/**
 * The bold lines standing before every real heading, with (almost) nothing under them but a
 * front sheet: a document whose sections are all bold lines (text from a PDF) has its real
 * sections there.
 */
function boldLead(model: DocModel, sections: readonly Section[]): Section[] {
  const firstReal = sections.findIndex((s) => s.heading?.headingStyle !== 'bold');
  if (firstReal <= 0) return [];
  const lead = sections.slice(0, firstReal);
  const bare = lead.findIndex((s) => {
    const own = sectionText(model, s, 'own');
    return wordCount(own, TITLE_BLOCK_WORDS + 1) > TITLE_BLOCK_WORDS && !frontSheet(own);
  });
  return bare < 0 ? lead : lead.slice(0, bare);
}

/** A title block's lines hold at most a date or a subtitle between them. */
const TITLE_BLOCK_WORDS = 12;

/** A paper's front sheet: short lines each a label and its value ("Report of: Director of …", "Purpose of paper: for approval"). */
function frontSheet(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.length >= FRONT_SHEET_LINES && lines.every((l) => FRONT_SHEET_LINE.test(l));
}
const FRONT_SHEET_LINES = 2;
const FRONT_SHEET_LINE = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?\p{L}[\p{L}\p{N} '’()/&-]{0,40}?:(?:\*\*|__)?[ \t]+\S.{0,160}$/u;

/**
 * Whether a section's own text is a list of works cited: most of its entries (list items, or
 * paragraphs where each reference is one) are short and carry a year in brackets before a title
 * ("Clark D.M. et al. (2009) Improving access…", "NICE (2011) *Common mental health disorders*"),
 * and its other prose is a line introducing them.
 */
function citesOnly(model: DocModel, s: Section): boolean {
  const isCited = (e: Span) => {
    const text = model.source.slice(e.start, e.end);
    return CITED_YEAR.test(text) && wordCount(text, CITED_WORDS + 1) <= CITED_WORDS;
  };
  // Every list item is an entry; a paragraph is one only where it reads as a reference, else it is prose.
  const entries: Span[] = s.blocks.flatMap((b) => (b.kind === 'list' ? (b.items ?? []) : b.kind === 'paragraph' && isCited(b) ? [b] : []));
  const cited = entries.filter(isCited).length;
  if (cited < CITED_ITEMS) return false;
  const listed = new Set(entries);
  const prose = s.blocks.filter((b) => b.kind !== 'list' && b.kind !== 'heading' && !listed.has(b)).map((b) => model.masked.slice(b.start, b.end)).join(' ');
  return cited * 4 >= entries.length * 3 && wordCount(prose, CITES_INTRO_WORDS + 1) <= CITES_INTRO_WORDS;
}

/** A year in brackets before a title, as an author–date reference has it: "(2009) Improving…", "(2011a) *Talking Therapies*" (not "(2015) set the national ambition"). */
const CITED_YEAR = /\((?:19|20)\d\d[a-z]?\)[.,:]?\s+[*_"“‘]?\p{Lu}/u;
/** A reference is a line or two: an item longer is prose about the work. */
const CITED_WORDS = 40;
const CITED_ITEMS = 3;
const CITES_INTRO_WORDS = 30;

/**
 * Whether a section under the element's heading holds only its near-miss: near-misses in its
 * prose and none of what the element is about (the pack's `anchors`): "7. Monitoring" over
 * "quarterly contract review meetings … the NHS Standard Contract …" is contract management.
 */
function nearMissOnly(doc: DocState, element: ElementDef, s: Section): boolean {
  if (!element.anchors || !element.nearMisses) return false;
  // Asked of every section: both questions read the section's own span (a scan of the document's hits would be quadratic).
  const found = doc.about(s.heading ? s.heading.end : s.start, s.end);
  return found.test(element.nearMisses) && !found.test(element.anchors);
}

/** A chapter's title that says where it stands in the document, not what it is about. */
const GENERIC_CHAPTER = /\b(?:introduction|background|overview|summary|delivering|delivery|implementation|implementing|next steps|the strategy|this strategy|our strategy|appendix|annex|part|chapter|section|context|agenda|contents|slides?)\b/i;

/** The most words a chapter heading's own prose holds to stand over its sub-sections as their location. */
const CHAPTER_OWN_WORDS = 40;

/**
 * Where an element found in a sub-section is located: its chapter ("4. Understanding mental health
 * need" over "4.1 Our population", "4.2 Prevalence"), when the chapter says little of its own and no
 * section inside it is another element's; otherwise the sub-section itself.
 */
function chapterOf(doc: DocState, s: Section, element: ElementDef, claims: Map<Section, Set<ElementDef>>, excluded: Set<Section>): Section {
  const { model } = doc;
  const p = s.parent;
  if (!p?.heading || p === model.root || excluded.has(p) || isWrapper(model, p)) return s;
  // A generic chapter ("1. Introduction", "7. Delivering the strategy") holds its sub-sections; it is not about them.
  const title = doc.policy.derived.readTitle(p.title);
  if (!p.title.trim() || title.weak.length || GENERIC_CHAPTER.test(title.normal)) return s;
  // Another element's claim keeps the sub-section, unless the chapter's heading names both ("3. Where we
  // are now: need and supply" over "3.1 Who needs help", "3.2 What we fund today"): it is the location of both.
  const other = (e: ElementDef) => e !== element && !(title.elements.includes(element) && title.elements.includes(e));
  if ([...(claims.get(p) ?? [])].some(other)) return s;
  if (wordCount(sectionText(model, p, 'own'), CHAPTER_OWN_WORDS + 1) > CHAPTER_OWN_WORDS) return s;
  const inside = (x: Section) => x.start >= p.start && x.end <= p.end;
  for (const [x, els] of claims) if (inside(x) && [...els].some(other)) return s;
  return p;
}

/** A top-level part or appendix heading holding sub-sections: too broad to be about one element by its prose. */
function isWrapper(model: DocModel, s: Section): boolean {
  return s.parent === model.root && s.depth === 1 && s.children.length > 0;
}

/**
 * A part heading ("Part three: what we will do") that holds a more specific
 * heading for the same element, beside sections about other elements, gives
 * way to that more specific heading.
 */
function isContainer(s: Section, element: ElementDef, headed: ReadonlySet<Section>, byHeading: Map<Section, ElementDef[]>): boolean {
  // Its own sub-sections, walked (not every headed section asked whether it is inside: 10,000 "JSNA" headings are linear).
  let same = 0;
  let other = 0;
  const walk = (x: Section) => {
    for (const c of x.children) {
      if (headed.has(c)) same++;
      const els = byHeading.get(c);
      if (els && !els.includes(element)) other++;
      walk(c);
    }
  };
  walk(s);
  if (!same) return false;
  // A parent mostly about this element keeps the location ("Commissioning intentions" over its
  // sub-sections); one mostly about others gives way to its specific sub-section.
  // Sub-sections no heading claims ("What we will no longer buy") are the parent's own.
  const unclaimed = s.children.filter((c) => !byHeading.has(c)).length;
  return other >= same + unclaimed;
}

function rank(c: Candidate): number {
  if (c.via === 'marker') return 4;
  if (c.via === 'heading') return c.weak ? 1 : 3;
  return 2;
}

/** How well a section's prose fits an element: distinct signals over the number it needs. */
function fit(doc: DocState, element: ElementDef, s: Section): number {
  const key = `${element.id}@${s.start}`;
  let f = doc.fit.get(key);
  if (f === undefined) {
    f = signalCount(doc, element, [{ start: s.heading ? s.heading.end : s.start, end: s.end }]) / element.minSignals;
    doc.fit.set(key, f);
  }
  return f;
}

/** Distinct signals of an element within the spans of prose, not counting its near-misses ("contract monitoring"). */
function signalCount(doc: DocState, element: ElementDef, spans: Span[]): number {
  if (!doc.signalHits.size) {
    // One match of the document (chunk by chunk) finds every element's signals.
    for (const e of doc.policy.elements) {
      let hits = doc.hits(e.signals);
      if (e.nearMisses) {
        const misses = doc.leftmost(e.nearMisses);
        if (misses.length) hits = withoutOverlaps(hits, misses);
      }
      doc.signalHits.set(e, hits);
    }
  }
  return doc.distinct.within(doc.signalHits.get(element) ?? [], spans);
}

/** Hits (in document order) that overlap none of the spans (in document order, not overlapping each other). */
function withoutOverlaps(hits: PhraseHit[], spans: PhraseHit[]): PhraseHit[] {
  let k = 0;
  return hits.filter((h) => {
    while (k < spans.length && spans[k].end <= h.start) k++;
    // Spans ending before this hit's start are done; a span that starts before its end overlaps it.
    return !(k < spans.length && spans[k].start < h.end);
  });
}

/**
 * A heading naming two elements ("Who needs our services?") keeps only those
 * its prose supports, when the prose clearly belongs to one of them.
 */
function sharedHeadingFilter(doc: DocState, s: Section, els: ElementDef[]): ElementDef[] {
  if (els.length < 2) return els;
  // "Evidence and what we will change": the author joined two topics on purpose.
  if (/\s(and|&)\s|,\s/.test(doc.policy.derived.readTitle(s.title).normal)) return els;
  const fits = els.map((e) => fit(doc, e, s));
  if (Math.max(...fits) < 1) return els;
  return els.filter((_, i) => fits[i] >= 0.5);
}

/**
 * Empty: a placeholder, judged on prose alone (sub-heading titles are not
 * content) — too few words in the whole section, or nothing but blanks and stock
 * stubs ("To follow") in it and every sub-section. Memoised per section: every
 * candidate asks, and nested sections share their sub-sections.
 */
/** Whether section `s` lies inside `part`. */
function within(s: Section, part: Section): boolean {
  for (let p = s.parent; p; p = p.parent) if (p === part) return true;
  return false;
}

/** A parts table needs this many rows that name distinct elements ("| **Our purpose** | … |"). */
const PARTS_ROWS = 3;
/** A plan on a page fits on a page: a longer table (an EqIA's, a data table of 10,000 rows) is not read as one. */
const PARTS_MAX_ROWS = 40;

/**
 * The rows of a "plan on a page", each as a section of its own: a table whose
 * first column names the strategy's parts, the row's other cells their prose.
 * An EqIA's table names groups, not elements, so it is never one.
 */
function partsRows(doc: DocState, skip: Set<Section>): Section[] {
  const { model, policy } = doc;
  const out: Section[] = [];
  for (const s of [model.root, ...model.sections]) {
    if (skip.has(s)) continue;
    for (const b of s.blocks) {
      if (b.kind !== 'table' || !b.rows || b.rows.length <= PARTS_ROWS || b.rows.length > PARTS_MAX_ROWS) continue;
      const named = b.rows.slice(1).filter((r) => r.cells.length >= 2 && policy.derived.readTitle(r.cells[0].text).elements.length);
      if (new Set(named.flatMap((r) => policy.derived.readTitle(r.cells[0].text).elements)).size < PARTS_ROWS) continue;
      // Its rows hold prose; a summary of a document's sections ("| 7 Monitoring | Under review |") does not.
      const prose = named.filter((r) => wordCount(r.cells.slice(1).map((c) => c.text).join(' '), policy.minWords) >= policy.minWords);
      if (prose.length * 2 < named.length) continue;
      for (const r of named) {
        const label = r.cells[0];
        const heading: Block = { kind: 'heading', start: label.start, end: label.end, text: label.text, headingStyle: 'bold', depth: s.depth + 1 };
        out.push({ heading, title: label.text, depth: s.depth + 1, blocks: [], children: [], parent: s, start: r.start, end: r.end });
      }
    }
  }
  return out;
}

function isEmpty(doc: DocState, s: Section): boolean {
  const { policy } = doc;
  let v = doc.empty.get(s);
  if (v === undefined) {
    if (!s.children.length) v = placeholderProse(doc, s);
    else v = proseWords(doc, s, policy.minWords) < policy.minWords || isStubTree(doc, s);
    doc.empty.set(s, v);
  }
  return v;
}

/** Words of prose in a section and its sub-sections, excluding their headings (counted up to `limit` each). */
function proseWords(doc: DocState, s: Section, limit: number): number {
  let n = doc.words.get(s);
  if (n === undefined) {
    n = wordCount(sectionText(doc.model, s, 'own'), limit) + s.children.reduce((t, c) => t + proseWords(doc, c, limit), 0);
    doc.words.set(s, n);
  }
  return n;
}

/**
 * A section's prose and that of its sub-sections which are not placeholders,
 * without their headings: the pieces, in order, that joined by line breaks make
 * it (one join of the whole, not a join at every level of nesting).
 */
function prosePieces(doc: DocState, s: Section, out: Span[], decided = false): Span[] {
  out.push(sectionSpan(doc.model, s, 'own'));
  for (const c of s.children) if (!isEmpty(doc, c) && !(decided && OPTION_TITLE.test(c.title))) prosePieces(doc, c, out, decided);
  return out;
}

/**
 * An option of an appraisal, by its label ("Option 2: Decommission Ashby ward", "Scenario B –"):
 * what it describes is not decided, unless the heading says it was chosen ("Option 3 (preferred)").
 */
const OPTION_TITLE = /^\W*(?:options?|scenarios?|alternatives?)\s+(?:[a-z]|\d{1,2}|one|two|three|four|five|six)\b(?!.*\b(?:preferred|chosen|agreed|recommended|approved|selected|adopted)\b)/i;

function isStubTree(doc: DocState, s: Section): boolean {
  const { start, end } = sectionSpan(doc.model, s, 'own');
  return doc.inChunk(doc.policy.placeholders, 'stub', start, end, (text) => isStub(doc.policy, text)) && s.children.every((c) => isStubTree(doc, c));
}

/** isPlaceholder of a section's own prose (asked of every leaf section: kept per chunk). */
function placeholderProse(doc: DocState, s: Section): boolean {
  const { start, end } = sectionSpan(doc.model, s, 'own');
  return doc.inChunk(doc.policy.placeholders, 'placeholder', start, end, (text) => isPlaceholder(doc.policy, text));
}

/** For sections no heading or marker claims: the one element their prose most clearly addresses. */
function contentMatches(
  doc: DocState,
  byHeading: Map<Section, ElementDef[]>,
  marked: Set<Section>,
  excluded: Set<Section>,
): Map<Section, { element: ElementDef; score: number }> {
  const { model, policy } = doc;
  const out = new Map<Section, { element: ElementDef; score: number }>();
  for (const s of model.sections) {
    if (byHeading.has(s) || marked.has(s) || excluded.has(s)) continue;
    if (isWrapper(model, s)) continue;
    // A part heading with sub-sections and (almost) no prose of its own: its sub-sections speak for themselves.
    if (s.children.length && wordCount(sectionText(model, s, 'own'), policy.minWords) < policy.minWords) continue;
    if (hasClaimedAncestor(s, byHeading, marked)) continue;
    const spans = claimFreeSpans(model, s, byHeading, marked, excluded);
    if (isPlaceholder(policy, spans.map((x) => model.masked.slice(x.start, x.end)).join('\n'))) continue;
    let best: { element: ElementDef; score: number } | undefined;
    const { not } = policy.derived.readTitle(s.title);
    for (const e of policy.elements) {
      if (not.has(e) || nearMissOnly(doc, e, s)) continue;
      const n = signalCount(doc, e, spans);
      if (n < e.minSignals) continue;
      const score = Math.round((100 * n) / e.minSignals);
      if (!best || score > best.score) best = { element: e, score };
    }
    if (best) out.set(s, best);
  }
  return out;
}

function hasClaimedAncestor(s: Section, byHeading: Map<Section, ElementDef[]>, marked: Set<Section>): boolean {
  for (let p = s.parent; p; p = p.parent) if (byHeading.has(p) || marked.has(p)) return true;
  return false;
}

/** A section's prose, plus the headings and prose of subsections nothing else claims. */
function claimFreeSpans(model: DocModel, s: Section, byHeading: Map<Section, ElementDef[]>, marked: Set<Section>, excluded: Set<Section>): Span[] {
  const from = s.heading ? s.heading.end : s.start;
  const spans: Span[] = [{ start: from, end: Math.max(from, s.children.length ? s.children[0].start : s.end) }];
  for (const c of s.children) {
    if (byHeading.has(c) || marked.has(c) || excluded.has(c)) continue;
    if (c.heading) spans.push({ start: c.heading.start, end: c.heading.end });
    for (const x of claimFreeSpans(model, c, byHeading, marked, excluded)) spans.push(x);
  }
  return spans;
}

/**
 * A sub-heading that announces a stop ("What we will decommission", "Stopping")
 * over prose naming what is stopped ("The assertive outreach team as a separate
 * service (March 2014)"): the heading carries the verb, the items its objects.
 */
function listsUnderStop(doc: DocState, aspect: AspectDef, sections: Section[]): boolean {
  if (!aspect.stops) return false;
  const announces = (title: string) => doc.policy.derived.readTitle(title).announced.includes(aspect);
  const under = (s: Section): boolean => {
    if (s.heading && announces(s.title) && !isEmpty(doc, s)) {
      // A sub-section announcing it too ("6.2 Decommissioning intentions" under "Investment and decommissioning
      // intentions") takes the stop from the heading's other topics: "6.1 Investment intentions" stops nothing.
      const split = s.children.some((c) => !!c.heading && announces(c.title));
      const pieces = split ? [sectionSpan(doc.model, s, 'own')] : prosePieces(doc, s, []);
      if (namesStops(aspect, pieces.map((p) => doc.model.masked.slice(p.start, p.end)).join('\n'))) return true;
    }
    return s.children.some(under);
  };
  return sections.some(under);
}
