// A group named in or around the EqIA with no impact determination of its own.
import type { Rule } from './rule';
import { quote } from './rule';

export const eqiaGroupUnassessed: Rule = {
  id: 'eqia-group-unassessed',
  meta: { description: 'Each equality group the strategy names gets its own impact determination (positive, negative, neutral or none, with mitigation), not just a mention.', defaultSeverity: 'warning' },
  check(a, report) {
    if (a.eqia.status === 'missing') return;
    for (const g of a.eqia.groups) {
      if (g.status !== 'unassessed' || !g.at) continue;
      const inThisFile = g.at.model === a.model;
      const span = inThisFile ? { start: g.at.start, end: g.at.end } : a.eqia.at ?? a.title;
      const named = g.at.named ?? g.at.model.source.slice(g.at.start, g.at.end);
      const where = inThisFile ? '' : ` (in ${g.at.source})`;
      report({
        ...span,
        message: `Impact on ${g.group.label} is not assessed: "${quote(named)}"${where} is named but no positive, negative or neutral impact is stated for this group`,
        data: { kind: 'assess-group', group: g.group.id, label: g.group.label },
      });
    }
  },
};
