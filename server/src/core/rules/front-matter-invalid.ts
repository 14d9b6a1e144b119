// Malformed YAML front matter, reported at the line of the YAML error.
import type { Rule } from './rule';
import { quote } from './rule';

export const frontMatterInvalid: Rule = {
  id: 'front-matter-invalid',
  meta: { description: 'YAML front matter parses; the error is shown on its own line and the rest of the strategy is still checked.', defaultSeverity: 'error' },
  check(a, report) {
    const e = a.frontMatter?.error;
    if (!e) return;
    const start = a.model.lines.lineStart(e.line);
    report({ start, end: a.model.lines.lineEnd(e.line), message: `Front matter is not valid YAML: ${quote(e.message)}` });
  },
};
