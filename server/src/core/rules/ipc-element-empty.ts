// A heading that announces an IPC element but holds only a placeholder.
import type { Rule } from './rule';
import { quote } from './rule';

export const ipcElementEmpty: Rule = {
  id: 'ipc-element-empty',
  meta: { description: 'A section announced for an IPC element holds real content, not a placeholder such as "TBC" or "[Insert …]".', defaultSeverity: 'warning' },
  check(a, report) {
    for (const f of a.elements) {
      if (f.status !== 'empty' || !f.section?.heading) continue;
      const h = f.section.heading;
      report({
        start: h.start,
        end: h.end,
        message: `"${quote(h.text)}" announces ${f.element.title.toLowerCase()} (IPC element "${f.element.id}") but has no content yet: ${f.element.scaffold}`,
        data: { kind: 'fill-element', element: f.element.id, scaffold: f.element.scaffold },
      });
    }
  },
};
