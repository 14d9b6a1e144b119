// Decides, for each IPC element of the policy, which section addresses it and
// whether that section is present or only a placeholder: explicit markers first,
// then headings, then what a section's prose is substantively about.
import type { DocModel, Section } from '../model/types';
import type { ElementDef, Policy } from '../policy/types';
import type { ElementStatus } from '../types';
import { isPlaceholder, normaliseHeading, sectionText } from './text';

export interface ElementFinding {
  element: ElementDef;
  status: ElementStatus;
  section?: Section;
  via?: 'marker' | 'heading' | 'content';
  aspects: Record<string, 'present' | 'missing'>;
  /** Every section taken to address the element (aspects are looked for in all of them). */
  sections: Section[];
}

interface Candidate {
  section: Section;
  via: 'marker' | 'heading' | 'content';
  empty: boolean;
  score: number;
}

export function headingMatches(policy: Policy, section: Section): ElementDef[] {
  const title = normaliseHeading(section.title);
  if (!title) return [];
  return policy.elements.filter((e) => e.headings.test(title) && !e.notHeadings?.test(title));
}

export function recogniseElements(model: DocModel, policy: Policy, markers: Map<string, Section>, excluded: Set<Section>): ElementFinding[] {
  const byHeading = new Map<Section, ElementDef[]>();
  for (const s of model.sections) {
    if (excluded.has(s)) continue;
    const m = headingMatches(policy, s);
    if (m.length) byHeading.set(s, m);
  }
  const marked = new Set(markers.values());
  const contentBest = contentMatches(model, policy, byHeading, marked, excluded);

  return policy.elements.map((element) => {
    const cands: Candidate[] = [];
    const m = markers.get(element.id);
    if (m) cands.push({ section: m, via: 'marker', empty: isEmpty(model, policy, m), score: 3 });
    for (const [s, els] of byHeading) {
      if (els.includes(element) && !marked.has(s)) cands.push({ section: s, via: 'heading', empty: isEmpty(model, policy, s), score: 2 });
    }
    for (const [s, best] of contentBest) {
      if (best.element === element) cands.push({ section: s, via: 'content', empty: false, score: 1 + best.score / 100 });
    }
    const present = cands.filter((c) => !c.empty);
    const chosen = (present.find((c) => c.via === 'marker') ?? present.find((c) => c.via === 'heading') ?? present.sort((a, b) => b.score - a.score)[0]) ?? cands.find((c) => c.via === 'marker') ?? cands[0];
    const sections = present.length ? present.map((c) => c.section) : cands.map((c) => c.section);
    const aspects: Record<string, 'present' | 'missing'> = {};
    if (chosen) {
      const text = sections.map((s) => sectionText(model, s, 'full')).join('\n');
      for (const a of element.aspects) aspects[a.id] = a.signals.test(text) ? 'present' : 'missing';
    }
    return {
      element,
      status: !chosen ? 'missing' : chosen.empty ? 'empty' : 'present',
      section: chosen?.section,
      via: chosen?.via,
      aspects,
      sections,
    };
  });
}

function isEmpty(model: DocModel, policy: Policy, s: Section): boolean {
  return isPlaceholder(policy, sectionText(model, s, 'full'));
}

/** For sections no heading or marker claims: the one element their prose most clearly addresses. */
function contentMatches(
  model: DocModel,
  policy: Policy,
  byHeading: Map<Section, ElementDef[]>,
  marked: Set<Section>,
  excluded: Set<Section>,
): Map<Section, { element: ElementDef; score: number }> {
  const out = new Map<Section, { element: ElementDef; score: number }>();
  const topLevel = model.sections.filter((s) => s.parent === model.root);
  for (const s of model.sections) {
    if (byHeading.has(s) || marked.has(s) || excluded.has(s)) continue;
    // A lone top-level title holding the whole document is not a section about one element.
    if (s.parent === model.root && topLevel.length === 1 && s.children.length) continue;
    if (hasClaimedAncestor(s, byHeading, marked)) continue;
    const text = claimFreeText(model, s, byHeading, marked, excluded);
    if (isPlaceholder(policy, text)) continue;
    let best: { element: ElementDef; score: number } | undefined;
    for (const e of policy.elements) {
      const n = e.signals.countDistinct(text);
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

/** A section's prose plus that of subsections nothing else claims. */
function claimFreeText(model: DocModel, s: Section, byHeading: Map<Section, ElementDef[]>, marked: Set<Section>, excluded: Set<Section>): string {
  let text = sectionText(model, s, 'own');
  for (const c of s.children) {
    if (byHeading.has(c) || marked.has(c) || excluded.has(c)) continue;
    text += `\n${c.title}\n${claimFreeText(model, c, byHeading, marked, excluded)}`;
  }
  return text;
}
