// Summarises which WCC competencies the strategy evidences and which it does not.
import type { Rule } from './rule';
import { coveredCompetencies } from '../coverage';

export const wccCoverage: Rule = {
  id: 'wcc-coverage',
  meta: { description: 'Reports which World Class Commissioning competencies the strategy evidences with tags, and which it does not.', defaultSeverity: 'info' },
  check(a, report) {
    const { covered, missing } = coveredCompetencies(a);
    const total = a.policy.competencies.length;
    const message = covered.length
      ? `Evidences WCC competencies ${covered.join(', ')} (${covered.length} of ${total})` + (missing.length ? `; none for ${missing.join(', ')}` : '')
      : `Cites no WCC competencies: tag the sections that evidence them, e.g. "WCC 5 – ${a.policy.competencies.find((c) => c.number === 5)?.names[0] ?? ''}"`;
    report({ ...a.title, message, data: { kind: 'wcc-coverage', covered, missing } });
  },
};
