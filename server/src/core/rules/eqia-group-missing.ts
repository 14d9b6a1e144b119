// Every equality group of the policy must be assessed in the EqIA.
import type { Rule } from './rule';
import { lastAtOrBefore } from '../sorted';
import { listEnglish } from './rule';

export const eqiaGroupMissing: Rule = {
  id: 'eqia-group-missing',
  meta: { description: 'The EqIA assesses the impact on every equality group the policy requires; groups never named are listed.', defaultSeverity: 'warning' },
  check(a, report) {
    if (a.eqia.status === 'missing' || !a.eqia.at) return;
    const missing = a.eqia.groups.filter((g) => g.status === 'missing').map((g) => g.group);
    if (!missing.length) return;
    const table = eqiaTable(a);
    report({
      ...a.eqia.at,
      message: `EqIA does not assess impact on: ${missing.map((g) => g.label).join(', ')}`,
      data: {
        kind: 'add-groups',
        groups: missing.map((g) => ({ id: g.id, label: g.label, name: g.names[0] ?? g.label })),
        summary: listEnglish(missing.map((g) => g.label)),
        ...table,
        endLine: a.eqia.sections[0] ? a.model.lines.point(a.eqia.sections[0].end).line : undefined,
      },
    });
  },
};

/** If the EqIA holds a table with one row per group, where new rows go and how many columns they need. */
function eqiaTable(a: import('../analyse').Analysis): { tableEndLine?: number; columns?: number } {
  const { blocks } = a.model;
  for (const s of a.eqia.sections) {
    // The section's blocks by a binary search for its first (10,000 EqIA sections and blocks are read in linear time).
    let t: (typeof blocks)[number] | undefined;
    for (let i = blocks.length ? lastAtOrBefore(blocks.length, (k) => blocks[k].start, s.start) : 0; i < blocks.length && blocks[i].start < s.end && !t; i++) {
      const b = blocks[i];
      if (b.kind === 'table' && b.start >= s.start && b.end <= s.end && b.rows && b.rows.length > 1) t = b;
    }
    if (t?.rows) {
      const last = t.rows[t.rows.length - 1];
      return { tableEndLine: a.model.lines.point(last.end).line, columns: t.rows[0].cells.length };
    }
  }
  return {};
}
