// The core entry point: lint(text, context) → { diagnostics, coverage }.
// Pure (no I/O, no globals) and total: it never throws.
import type { Diagnostic, LintContext, LintResult, Severity, SuppressedDiagnostic } from './types';
import { analyse, type Analysis } from './analyse';
import { RULES } from './rules';
import { waiverFor } from './recognise/waivers';
import { buildCoverage } from './coverage';

export function lint(text: string, ctx: LintContext): LintResult {
  try {
    return lintUnsafe(analyse(text, ctx), ctx);
  } catch (err) {
    return failed(err, ctx);
  }
}

/** lint() over an Analysis the caller already holds (an editor shares one per document version with hovers and outlines). Never throws. */
export function lintAnalysis(a: Analysis, ctx: LintContext): LintResult {
  try {
    return lintUnsafe(a, ctx);
  } catch (err) {
    return failed(err, ctx);
  }
}

// A bug must never take down an editor or a pipeline: report it as a finding.
function failed(err: unknown, ctx: LintContext): LintResult {
  return {
    diagnostics: [{ ruleId: 'internal-error', severity: 'error', message: `commissioning-lint failed on this document: ${(err as Error)?.message ?? err}`, line: 1, column: 1, endLine: 1, endColumn: 1 }],
    suppressed: [],
    coverage: emptyCoverage(ctx),
    dependencies: [],
  };
}

function lintUnsafe(a: Analysis, ctx: LintContext): LintResult {
  const diagnostics: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const rule of RULES) {
    const setting = ctx.policy.rules[rule.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    const severity: Severity = setting;
    rule.check(a, (f) => {
      const d = toDiagnostic(a, rule.id, severity, f.start, f.end, f.message, f.data);
      const w = rule.id === 'waiver-invalid' ? undefined : waiverFor(a.waivers, rule.id, d.line);
      if (w) suppressed.push({ ...d, justification: w.reason });
      else diagnostics.push(d);
    });
  }
  diagnostics.sort(byPosition);
  return { diagnostics, suppressed, coverage: buildCoverage(a), dependencies: [...a.linked.map((l) => l.path), ...a.refusedLinks.map((r) => r.path)] };
}

function toDiagnostic(a: Analysis, ruleId: string, severity: Severity, start: number, end: number, message: string, data?: Diagnostic['data']): Diagnostic {
  const s = a.model.lines.point(start);
  // A finding ends on the last visible character of its span, never past a line ending.
  let e = a.model.lines.point(Math.max(start, end));
  if (e.line > s.line && e.column === 1) e = a.model.lines.point(a.model.lines.lineEnd(e.line - 1));
  const d: Diagnostic = { ruleId, severity, message, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  if (data) d.data = data;
  return d;
}

function emptyCoverage(ctx: LintContext): LintResult['coverage'] {
  return {
    ipc: Object.fromEntries(ctx.policy.elements.map((e) => [e.id, { status: 'missing' as const }])),
    eqia: { status: 'missing', groups: Object.fromEntries(ctx.policy.groups.map((g) => [g.id, { status: 'missing' as const }])) },
    wcc: { tags: [], invalid: [], covered: [], missing: ctx.policy.competencies.map((c) => c.number) },
  };
}

/**
 * Diagnostics by line, column, then rule id. Rule ids are lower-case ASCII and
 * hyphens, where code-unit order is what localeCompare gives; localeCompare's
 * first call builds ICU's collator, 10–25 ms of a CLI run's cold start.
 */
function byPosition(x: { line: number; column: number; ruleId: string }, y: { line: number; column: number; ruleId: string }): number {
  return x.line - y.line || x.column - y.column || (x.ruleId < y.ruleId ? -1 : x.ruleId > y.ruleId ? 1 : 0);
}
