// What sits at an offset of an analysed strategy: a cited Act, a WCC reference,
// a section heading (and the IPC elements it was matched to) or an equality
// group named in the EqIA. Pure lookups over an Analysis, for hovers.
import type { Analysis } from '../analyse';
import type { Section } from '../model/types';
import type { CompetencyDef } from '../policy/types';
import type { Citation } from '../recognise/legislation';
import type { InvalidTagFinding, TagFinding } from '../recognise/wcc';
import type { ElementFinding } from '../recognise/ipc';
import type { GroupFinding } from '../recognise/eqia';
import { findMentions } from '../recognise/groups';

export type Found =
  | { kind: 'act'; start: number; end: number; citation: Citation }
  | { kind: 'wcc'; start: number; end: number; tag: TagFinding; competency: CompetencyDef }
  | { kind: 'wcc-invalid'; start: number; end: number; tag: InvalidTagFinding }
  | { kind: 'heading'; start: number; end: number; section: Section; elements: ElementFinding[]; eqia: boolean }
  | { kind: 'group'; start: number; end: number; finding: GroupFinding };

const inside = (offset: number, s: { start: number; end: number }) => s.start <= offset && offset <= s.end && s.start < s.end;

/** The most specific thing at an offset of the strategy's source, if any. */
export function thingAt(a: Analysis, offset: number): Found | undefined {
  return citationAt(a, offset) ?? wccAt(a, offset) ?? groupAt(a, offset) ?? headingAt(a, offset);
}

export function citationAt(a: Analysis, offset: number): Found | undefined {
  const c = a.citations.find((x) => inside(offset, x));
  return c && { kind: 'act', start: c.start, end: c.end, citation: c };
}

export function wccAt(a: Analysis, offset: number): Found | undefined {
  // Front-matter tags carry no span (start = end = 0): match them by line instead.
  const line = a.model.lines.point(offset).line;
  const inFrontMatter = !!a.model.frontMatter && inside(offset, a.model.frontMatter);
  const hit = <T extends { start: number; end: number; line: number }>(t: T) => inside(offset, t) || (inFrontMatter && t.start === t.end && t.line === line);
  const bad = a.wcc.invalid.find(hit);
  if (bad) return { kind: 'wcc-invalid', ...span(a, bad), tag: bad };
  const tag = a.wcc.tags.find(hit);
  const competency = tag && a.policy.competencies.find((c) => c.number === tag.number);
  return tag && competency ? { kind: 'wcc', ...span(a, tag), tag, competency } : undefined;
}

/** An equality group named inside the EqIA section(s), with its coverage finding. */
export function groupAt(a: Analysis, offset: number): Found | undefined {
  if (!a.eqia.sections.some((s) => s.start <= offset && offset < s.end)) return undefined;
  const line = a.model.lines.point(offset).line;
  const from = a.model.lines.lineStart(line);
  const to = a.model.lines.lineEnd(line);
  const m = findMentions(a.policy, a.policy.groups, a.model.masked, from, to).find((x) => inside(offset, x));
  const finding = m && a.eqia.groups.find((g) => g.group === m.group);
  return m && finding ? { kind: 'group', start: m.start, end: m.end, finding } : undefined;
}

/** A section heading, with every IPC element that section was taken to address. */
export function headingAt(a: Analysis, offset: number): Found | undefined {
  const section = a.model.sections.find((s) => s.heading && inside(offset, s.heading));
  if (!section?.heading) return undefined;
  const elements = a.elements.filter((f) => f.section === section || f.sections.includes(section));
  return { kind: 'heading', start: section.heading.start, end: section.heading.end, section, elements, eqia: a.eqia.sections.includes(section) };
}

/** Front-matter findings have no span of their own: use their whole line. */
function span(a: Analysis, t: { start: number; end: number; line: number }): { start: number; end: number } {
  if (t.start !== t.end) return { start: t.start, end: t.end };
  return { start: a.model.lines.lineStart(t.line), end: a.model.lines.lineEnd(t.line) };
}
