// lint_strategy: a strategy's findings and the JSON contract's `coverage`
// object (DESIGN.md), as structured content, and a short summary an assistant
// can read: the coverage line, the equality groups with no impact statement,
// the IPC elements and WCC competencies still to write, then the findings.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { coverageLine, countSeverities, ruleDocsUrl, plural, statusWord, type Coverage, type Diagnostic, type Policy } from '../core';
import type { FileResult } from '../engine';
import { policyArg, textArg, pathArg } from './schemas';
import { toolHandler, type Doc, type Session } from './session';

/** Findings listed in the text summary; the structured content has them all. */
const LISTED = 40;

const diagnosticShape = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  docsUrl: z.string(),
  data: z.record(z.string(), z.unknown()).optional().describe('what list_fixes needs to rebuild the quick fixes: pass it back unchanged'),
});

const coverageShape = z.object({
  ipc: z.record(z.string(), z.object({ status: z.enum(['present', 'missing', 'empty']), line: z.number().int().optional(), aspects: z.record(z.string(), z.enum(['present', 'missing'])).optional() })),
  eqia: z.object({
    status: z.enum(['present', 'missing', 'empty']),
    line: z.number().int().optional(),
    source: z.string().optional(),
    groups: z.record(z.string(), z.object({ status: z.enum(['covered', 'missing', 'unassessed']), line: z.number().int().optional(), source: z.string().optional() })),
  }),
  wcc: z.object({
    tags: z.array(z.object({ number: z.number().int(), line: z.number().int() })),
    invalid: z.array(z.object({ line: z.number().int(), text: z.string(), reason: z.string() })),
    covered: z.array(z.number().int()),
    missing: z.array(z.number().int()),
  }),
});

export const lintOutput = {
  path: z.string().describe('the document, relative to its root ("untitled.md" for text given without a path)'),
  policy: z.object({ id: z.string() }),
  coverageLine: z.string().describe('e.g. "IPC 6/7 · EqIA 4/6 · WCC 7/11"'),
  coverage: coverageShape.describe('the `coverage` object of the --format json contract'),
  groupsWithoutImpact: z.array(z.object({ id: z.string(), label: z.string(), status: z.enum(['missing', 'unassessed']), line: z.number().int().optional() })).describe('equality groups the EqIA gives no impact statement'),
  diagnostics: z.array(diagnosticShape),
  summary: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
  warnings: z.array(z.string()).optional(),
};

export function registerLintTool(server: McpServer, session: Session): void {
  server.registerTool(
    'lint_strategy',
    {
      title: 'Lint a commissioning strategy',
      description:
        'Checks a UK mental-health commissioning strategy written in Markdown against its policy pack (default: The Commissioning Friend for Mental Health Services, 2009): ' +
        'the seven IPC strategy elements, whether the Equality Impact Assessment states an impact for every equality group, World Class Commissioning competency tags, and cited legislation. ' +
        "Give the draft as `text` (with the `path` it has or will have, so the workspace's .commissioning-lint.yaml and a linked EqIA file count), or the `path` of a saved Markdown file inside the client's roots. " +
        'Returns the coverage (IPC elements present/missing/empty; each equality group covered/unassessed/missing; WCC competencies evidenced), the groups still lacking an impact statement, and every finding with 1-based positions and the `data` that list_fixes takes. Reads no file outside the roots and writes none.',
      inputSchema: { text: textArg, path: pathArg, policy: policyArg },
      outputSchema: lintOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    toolHandler('lint_strategy', async (args: { text?: string; path?: string; policy?: string }) => {
      const doc = await session.document(args);
      const result = await session.lint(doc);
      const policy = doc.engine.resolver.forFile(doc.file).policy!;
      const structured = lintStructured(doc, result, policy);
      return { content: [{ type: 'text', text: lintSummary(structured, policy) }], structuredContent: structured };
    }),
  );
}

type LintStructured = {
  path: string;
  policy: { id: string };
  coverageLine: string;
  coverage: Coverage;
  groupsWithoutImpact: Array<{ id: string; label: string; status: 'missing' | 'unassessed'; line?: number }>;
  diagnostics: Array<Diagnostic & { docsUrl: string }>;
  summary: { errors: number; warnings: number; infos: number };
  warnings?: string[];
};

function lintStructured(doc: Doc, r: FileResult, policy: Policy): LintStructured {
  const coverage = r.coverage!;
  const diagnostics = r.diagnostics!.map((d) => ({ ruleId: d.ruleId, severity: d.severity, message: d.message, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, docsUrl: ruleDocsUrl(d.ruleId, policy), ...(d.data ? { data: d.data } : {}) }));
  const groupsWithoutImpact = policy.groups.flatMap((g) => {
    const c = coverage.eqia.groups[g.id];
    if (!c || c.status === 'covered') return [];
    return [{ id: g.id, label: g.label, status: c.status, ...(c.line ? { line: c.line } : {}) }];
  });
  const { errors, warnings, infos } = countSeverities([{ diagnostics: r.diagnostics }]);
  const notes = [doc.warning, r.warning, ...(doc.engine.resolver.forFile(doc.file).warnings ?? []).map((w) => `${w.file}:${w.line}:${w.column}: ${w.message}`)].filter((w): w is string => !!w);
  return {
    path: doc.display,
    policy: { id: r.policyId ?? policy.id },
    coverageLine: coverageLine(coverage),
    coverage,
    groupsWithoutImpact,
    diagnostics,
    summary: { errors, warnings, infos },
    ...(notes.length ? { warnings: notes } : {}),
  };
}

/** The readable summary: a few lines an assistant can act on. */
export function lintSummary(s: LintStructured, policy: Policy): string {
  const out = [`${printable(s.path)} · policy ${s.policy.id}`, `Coverage: ${s.coverageLine}`];
  const c = s.coverage;
  if (c.eqia.status === 'missing') out.push(`No Equality Impact Assessment: none of the ${policy.groups.length} equality groups has an impact statement (${policy.groups.map((g) => g.label).join(', ')}).`);
  else if (s.groupsWithoutImpact.length) out.push(`Equality groups without an impact statement: ${s.groupsWithoutImpact.map((g) => `${g.label} (${statusWord(g.status)}${g.line ? `; line ${g.line}` : ''})`).join('; ')}.`);
  else out.push(`Every equality group (${policy.groups.length}) has an impact statement.`);
  const gaps = policy.elements.filter((e) => c.ipc[e.id] && c.ipc[e.id].status !== 'present').map((e) => `${e.title} (${c.ipc[e.id].status})`);
  if (gaps.length) out.push(`IPC elements still to write: ${gaps.join('; ')}.`);
  if (c.wcc.missing.length) out.push(`WCC competencies not evidenced: ${c.wcc.missing.join(', ')}.`);
  const n = s.summary;
  const total = n.errors + n.warnings + n.infos;
  out.push(total ? `Findings: ${plural(n.errors, 'error')}, ${plural(n.warnings, 'warning')}, ${plural(n.infos, 'info')}:` : 'No findings.');
  for (const d of s.diagnostics.slice(0, LISTED)) out.push(`- ${d.line}:${d.column} ${d.severity} ${d.ruleId}: ${d.message}`);
  if (s.diagnostics.length > LISTED) out.push(`- … and ${s.diagnostics.length - LISTED} more (all are in the structured content).`);
  for (const w of s.warnings ?? []) out.push(`Note: ${printable(w)}`);
  return out.join('\n');
}

/** A path or note on one line: a file name may hold line breaks or control characters. */
function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
