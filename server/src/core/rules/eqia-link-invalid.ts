// A link to the EqIA (a Markdown link in the EqIA section, or front matter
// `eqia:`) that was not followed: outside the workspace, not a Markdown or Word file,
// unreadable or malformed. Its content is never used or quoted.
import type { Rule } from './rule';
import { quote } from './rule';

export const eqiaLinkInvalid: Rule = {
  id: 'eqia-link-invalid',
  meta: { description: 'A linked Equality Impact Assessment can be read: a Markdown or Word file inside the workspace, with a valid link target.', defaultSeverity: 'warning' },
  check(a, report) {
    for (const r of a.refusedLinks) {
      report({ ...r.at, message: `Linked EqIA "${quote(r.path)}" ${r.reason}, so it was not read` });
    }
  },
};
