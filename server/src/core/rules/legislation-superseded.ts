// A cited Act that has since been repealed or replaced.
import type { Rule } from './rule';
import { quote } from './rule';

export const legislationSuperseded: Rule = {
  id: 'legislation-superseded',
  meta: { description: 'Cited legislation is current; repealed Acts and enacted Bills are pointed to what replaced them.', defaultSeverity: 'info' },
  check(a, report) {
    for (const c of a.citations) {
      if (!c.act.superseded) continue;
      const successor = a.policy.legislation.find((x) => x.id === c.act.successor);
      report({
        start: c.start,
        end: c.end,
        message: `"${quote(c.text)}" is out of date: ${c.act.status}` + (successor ? ` Cite the ${successor.title} instead.` : ''),
        data: { kind: 'replace-act', act: c.act.id, replacement: successor?.title },
      });
    }
  },
};
