// The strategy needs an Equality Impact Assessment (a section or a linked file).
import type { Rule } from './rule';
import { quote } from './rule';
import { insertionPoint } from './ipc-element-missing';

export const eqiaMissing: Rule = {
  id: 'eqia-missing',
  meta: { description: 'The strategy has an Equality Impact Assessment, as a section or a linked file, with real content.', defaultSeverity: 'error' },
  check(a, report) {
    const groups = a.policy.groups.map((g) => ({ id: g.id, label: g.label, name: g.names[0] ?? g.label }));
    if (a.eqia.status === 'missing') {
      report({
        ...a.title,
        message: 'Strategy has no Equality Impact Assessment: add a section that states the impact on each equality group',
        data: { kind: 'insert-eqia', groups, scaffold: a.policy.eqia.scaffold, insertLine: a.model.lines.lineCount + 1, depth: insertionPoint(a, '').depth },
      });
    } else if (a.eqia.status === 'empty' && a.eqia.at) {
      const h = a.eqia.sections[0]?.heading;
      report({
        ...a.eqia.at,
        message: `Equality Impact Assessment "${quote(h?.text ?? '')}" is only a placeholder: state the impact on each equality group`,
        data: { kind: 'fill-eqia', groups, scaffold: a.policy.eqia.scaffold },
      });
    }
  },
};
