// Human names for policy ids (element titles, group labels, competency names),
// taken from the run's policy, falling back to the id when a file used another.
import type { Policy } from '../policy/types';

export interface Labels {
  element(id: string): string;
  aspect(elementId: string, aspectId: string): string;
  group(id: string): string;
  competency(n: number): string;
  policyTitle: string;
}

export function labelsFor(policy: Policy | undefined, policyId: string): Labels {
  const elements = new Map(policy?.elements.map((e) => [e.id, e]) ?? []);
  const groups = new Map(policy?.groups.map((g) => [g.id, g.label]) ?? []);
  const competencies = new Map(policy?.competencies.map((c) => [c.number, c.names[0] ?? '']) ?? []);
  return {
    element: (id) => elements.get(id)?.title ?? id,
    aspect: (el, id) => elements.get(el)?.aspects.find((a) => a.id === id)?.title ?? id,
    // Group labels are written for running text ("ethnic background"); a label heads a row.
    group: (id) => capitalise(groups.get(id) ?? id),
    competency: (n) => competencies.get(n) || `Competency ${n}`,
    policyTitle: policy?.title ?? policyId,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
