// A WCC reference must name a real competency, and the name must fit the number.
import type { Rule } from './rule';
import { quote } from './rule';

export const wccTagInvalid: Rule = {
  id: 'wcc-tag-invalid',
  meta: { description: 'WCC competency references use a number from 1 to 11, with that competency\'s own name if a name is given.', defaultSeverity: 'error' },
  check(a, report) {
    for (const t of a.wcc.invalid) {
      const span = t.start === t.end ? { start: a.model.lines.lineStart(t.line), end: a.model.lines.lineEnd(t.line) } : t;
      const byNumber = t.number ? a.policy.competencies.find((c) => c.number === t.number) : undefined;
      // The competencies the author may have meant: the one the name belongs to, the one the number is.
      const candidates = [t.named, byNumber].filter((c) => !!c).map((c) => ({ number: c!.number, name: c!.names[0] }));
      // In a table row the fix changes the number and the name in their own cells, keeping the table.
      const at = (p?: { start: number; end: number }) => p && { ...a.model.lines.point(p.start), end: a.model.lines.point(p.end) };
      const table = t.cells && { number: at(t.cells.number), name: at(t.cells.name) };
      report({
        ...span,
        message: `Invalid WCC reference "${quote(t.text)}": ${t.reason}`,
        data: { kind: 'fix-wcc', candidates, ...(table && { table }) },
      });
    }
  },
};
