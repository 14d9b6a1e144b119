// Builds the `coverage` object of the JSON contract (DESIGN.md) from an Analysis.
import type { Analysis } from './analyse';
import type { Coverage, ElementCoverage, GroupCoverage } from './types';
import { detached } from './recognise/text';

export function coveredCompetencies(a: Analysis): { covered: number[]; missing: number[] } {
  const covered = [...new Set(a.wcc.tags.map((t) => t.number))].sort((x, y) => x - y);
  const missing = a.policy.competencies.map((c) => c.number).filter((n) => !covered.includes(n));
  return { covered, missing };
}

export function buildCoverage(a: Analysis): Coverage {
  const line = (o: number) => a.model.lines.point(o).line;
  const ipc: Record<string, ElementCoverage> = {};
  for (const f of a.elements) {
    const c: ElementCoverage = { status: f.status };
    if (f.section?.heading) c.line = line(f.section.heading.start);
    if (f.status !== 'missing' && f.element.aspects.length) c.aspects = { ...f.aspects };
    ipc[f.element.id] = c;
  }
  const groups: Record<string, GroupCoverage> = {};
  for (const g of a.eqia.groups) {
    const c: GroupCoverage = { status: g.status };
    if (g.at) {
      c.line = g.at.model.lines.point(g.at.start).line;
      if (g.at.source) c.source = g.at.source;
    }
    groups[g.group.id] = c;
  }
  const eqia: Coverage['eqia'] = { status: a.eqia.status, groups };
  if (a.eqia.at) eqia.line = line(a.eqia.at.start);
  if (a.eqia.status !== 'missing') eqia.source = a.eqia.source ?? a.fileName;
  const { covered, missing } = coveredCompetencies(a);
  return {
    ipc,
    eqia: { status: eqia.status, ...(eqia.line ? { line: eqia.line } : {}), ...(eqia.source ? { source: eqia.source } : {}), groups },
    wcc: {
      tags: a.wcc.tags.map((t) => ({ number: t.number, line: t.line })),
      // A result outlives its document (the CLI keeps every file's until the report).
      invalid: a.wcc.invalid.map((t) => ({ line: t.line, text: detached(t.text), reason: t.reason })),
      covered,
      missing,
    },
  };
}
