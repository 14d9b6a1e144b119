// An inline waiver must name real rules and give a reason.
import type { Rule } from './rule';
import { quote } from './rule';
import { RULE_IDS } from './ids';

export const waiverInvalid: Rule = {
  id: 'waiver-invalid',
  meta: { description: 'Inline waivers (commissioning-lint-disable…) name known rules and give a reason after "--"; a waiver without a reason waives nothing.', defaultSeverity: 'warning' },
  check(a, report) {
    for (const w of a.waivers) {
      const unknown = w.rules.filter((r) => !RULE_IDS.includes(r));
      if (unknown.length) {
        report({ start: w.start, end: w.end, message: `Waiver names unknown rule${unknown.length > 1 ? 's' : ''}: ${quote(unknown.join(', '))}` });
      } else if (w.kind !== 'enable' && !w.reason) {
        report({
          start: w.start,
          end: w.end,
          message: 'Waiver gives no reason, so it waives nothing: add one after "--", e.g. <!-- commissioning-lint-disable-next-line RULE -- why this is acceptable -->',
          data: { kind: 'add-reason' },
        });
      }
    }
  },
};
