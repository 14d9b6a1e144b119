// Maps core findings to LSP diagnostics: one shape everywhere (source, code =
// rule id, codeDescription = the rule's docs page, data = what a fix needs).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { formatLocation, ruleDocsUrl, type Diagnostic as CoreDiagnostic, type Policy, type PolicyProblem } from '../core';
import { toRange } from './positions';
import type { Linted } from './lint-service';

export const SOURCE = 'commissioning-lint';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(d: CoreDiagnostic, policy: Policy | undefined): Diagnostic {
  const out: Diagnostic = {
    // A Word document shows as binary in an editor: the finding is at its start and says where it is in Word.
    range: toRange(d.location ? { line: 1, column: 1, endLine: 1, endColumn: 1 } : d),
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Warning,
    source: SOURCE,
    code: d.ruleId,
    codeDescription: { href: ruleDocsUrl(d.ruleId, policy) },
    message: d.location ? `${d.message} (in ${formatLocation(d.location).replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')})` : d.message,
  };
  if (d.data) out.data = d.data;
  return out;
}

/** A config or pack that cannot be loaded is shown on the document it stops from being linted. */
function problemDiagnostic(p: PolicyProblem): Diagnostic {
  return {
    range: toRange({ line: 1, column: 1, endLine: 1, endColumn: 1 }),
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'config-invalid',
    message: `Cannot load the commissioning-lint policy: ${p.file}:${p.line}:${p.column}: ${p.message}`,
  };
}

/** Part of the config left out (a regex in an untrusted workspace): a warning on each document it applies to. */
function warningDiagnostic(p: PolicyProblem): Diagnostic {
  return { ...problemDiagnostic(p), severity: DiagnosticSeverity.Warning, message: `${p.file}:${p.line}:${p.column}: ${p.message}` };
}

/** A workspace file that could not be read (binary, too large, not a regular file): why, on its first line. */
export function unreadableDiagnostic(reason: string): Diagnostic {
  return { range: toRange({ line: 1, column: 1, endLine: 1, endColumn: 1 }), severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'file-unreadable', message: `This file was not linted: ${reason}` };
}

export function diagnosticsOf(l: Linted): Diagnostic[] {
  if (!l.enabled) return [];
  if (!l.result) return l.problems.slice(0, 5).map(problemDiagnostic);
  return [...(l.warnings ?? []).slice(0, 5).map(warningDiagnostic), ...l.result.diagnostics.map((d) => toLspDiagnostic(d, l.policy))];
}
