// --format json: the stable, versioned contract of DESIGN.md. A finding in a
// Word document also has `location` (heading path, paragraph or table row,
// quote): an optional field added within version 1, so readers of version 1
// that ignore fields they do not know are unaffected.
import type { Formatter } from './types';
import { countSeverities } from '../../core';

export const JSON_FORMAT_VERSION = 1;

export const formatJson: Formatter = (report) => {
  // Every input appears: one that could not be linted says why instead of its findings.
  const files = report.results.map((r) =>
    r.error
      ? { path: report.display(r.file), error: r.error }
      : {
          path: report.display(r.file),
          diagnostics: (r.diagnostics ?? [])
            .filter((d) => !report.quiet || d.severity === 'error')
            .map((d) => ({ ruleId: d.ruleId, severity: d.severity, message: d.message, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, ...(d.location ? { location: d.location } : {}) })),
          coverage: r.coverage,
        },
  );
  const out = { version: JSON_FORMAT_VERSION, policy: { id: report.policyId }, files, summary: { files: files.length, ...countSeverities(report.results) } };
  return JSON.stringify(out, null, 2) + '\n';
};
