// An element's required aspect, e.g. what the changes section says will NOT be commissioned.
import type { Rule } from './rule';
import { quote } from './rule';

export const ipcAspectMissing: Rule = {
  id: 'ipc-aspect-missing',
  meta: { description: 'An IPC element covers each of its aspects; the changes section says what will not be commissioned in future.', defaultSeverity: 'warning' },
  check(a, report) {
    for (const f of a.elements) {
      if (f.status === 'missing' || !f.section?.heading) continue;
      for (const aspect of f.element.aspects) {
        if (f.aspects[aspect.id] !== 'missing') continue;
        const h = f.section.heading;
        report({
          start: h.start,
          end: h.end,
          message: `"${quote(h.text)}" does not say ${aspect.title.toLowerCase()}: ${aspect.description}`,
          data: { kind: 'insert-aspect', element: f.element.id, aspect: aspect.id, title: aspect.title, endLine: a.model.lines.point(f.section.end).line },
        });
      }
    }
  },
};
