// Every IPC element of the policy needs a section that addresses it.
import type { Rule } from './rule';
import type { Analysis } from '../analyse';

export const ipcElementMissing: Rule = {
  id: 'ipc-element-missing',
  meta: { description: 'Each IPC strategy element (purpose, legislation, needs, services, evidence, changes, monitoring) has a section that addresses it.', defaultSeverity: 'error' },
  check(a, report) {
    for (const f of a.elements) {
      if (f.status !== 'missing') continue;
      const e = f.element;
      report({
        ...a.title,
        message: `Strategy has no section on ${e.title.toLowerCase()} (IPC element "${e.id}"): ${e.description}`,
        data: { kind: 'insert-element', element: e.id, title: e.title, scaffold: e.scaffold, ...insertionPoint(a, e.id) },
      });
    }
  },
};

/**
 * Where a missing element's section belongs: before the section of the next
 * element (in policy order) that the strategy has, else at the end.
 */
export function insertionPoint(a: Analysis, elementId: string): { insertLine: number; depth: number } {
  const order = a.policy.elements.map((e) => e.id);
  const later = a.elements.filter((f) => order.indexOf(f.element.id) > order.indexOf(elementId) && f.section?.heading && f.section.depth < 7);
  const next = later.sort((x, y) => x.section!.start - y.section!.start)[0];
  const anyDepth = a.elements.find((f) => f.section?.heading && f.section.depth < 7)?.section?.depth ?? 2;
  if (next?.section?.heading) return { insertLine: a.model.lines.point(next.section.heading.start).line, depth: next.section.depth };
  return { insertLine: a.model.lines.lineCount + 1, depth: anyDepth };
}
