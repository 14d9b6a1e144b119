// list_fixes: the quick fixes the editor offers for a finding, rebuilt from the
// finding's `data` and the text alone (core fixesFor), as text edits with
// 1-based ranges; optionally one of them applied to give the fixed text.
// Nothing is written: the assistant decides what to do with the edits.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { fixesFor, LineIndex, type Edit, type FixData, type FixableDiagnostic } from '../core';
import { findingArg, pathArg, policyArg, textArg } from './schemas';
import { ToolError, toolHandler, type Session } from './session';

interface Args {
  text?: string;
  path?: string;
  policy?: string;
  finding: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; data?: Record<string, unknown> };
  apply?: boolean | number;
}

const editShape = z.object({ line: z.number().int(), column: z.number().int(), endLine: z.number().int(), endColumn: z.number().int(), newText: z.string() });

export function registerFixesTool(server: McpServer, session: Session): void {
  server.registerTool(
    'list_fixes',
    {
      title: 'List the quick fixes for a finding',
      description:
        'Lists the quick fixes the editor offers for one finding of lint_strategy (insert a missing IPC section or EqIA, add the missing equality groups in the EqIA’s own style, correct a WCC tag, cite an Act’s successor, give a waiver its reason, or waive the finding with a reason), each as a title and text edits with 1-based line/column ranges (columns in UTF-16 code units; end exclusive) and the new text. ' +
        'Give the same `text` or `path` that was linted and the finding as lint_strategy returned it. With `apply` (true: the preferred fix; a number: that fix’s index) it also returns the whole text with that fix applied. Writes no file.',
      inputSchema: {
        text: textArg,
        path: pathArg,
        policy: policyArg.describe('the policy the finding was linted under, if `policy` was given to lint_strategy (used only when `data` is left out)'),
        finding: findingArg,
        apply: z.union([z.boolean(), z.number().int().min(0)]).optional().describe('true: apply the preferred fix; a number: apply the fix with that index; the result is `fixedText`'),
      },
      outputSchema: {
        fixes: z.array(z.object({ index: z.number().int(), title: z.string(), preferred: z.boolean(), edits: z.array(editShape) })),
        applied: z.number().int().optional(),
        fixedText: z.string().optional(),
      },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    toolHandler('list_fixes', async (args: Args) => {
      const doc = await session.document(args);
      const lines = new LineIndex(doc.text);
      const f = args.finding;
      const bad = outOfRange(f, lines);
      if (bad) throw new ToolError(`the finding's range ${f.line}:${f.column}–${f.endLine}:${f.endColumn} ${bad}; lint the same text again for current positions`);
      let data = f.data && typeof f.data.kind === 'string' ? (f.data as FixData) : undefined;
      if (!f.data) {
        // Left out: the finding as the same text lints now (same rule and range, else same rule and line).
        const ds = (await session.lint(doc)).diagnostics!.filter((d) => d.ruleId === f.ruleId);
        const same = ds.find((d) => d.line === f.line && d.column === f.column && d.endLine === f.endLine && d.endColumn === f.endColumn) ?? ds.find((d) => d.line === f.line);
        data = same?.data;
      }
      const finding: FixableDiagnostic = { ruleId: f.ruleId, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, data };
      const fixes = fixesFor(finding, doc.text, lines).map((x, index) => ({ index, title: x.title, preferred: !!x.preferred, edits: x.edits }));
      const out: { fixes: typeof fixes; applied?: number; fixedText?: string } = { fixes };
      if (args.apply !== undefined && args.apply !== false) {
        if (!fixes.length) throw new ToolError(`there is no quick fix for this ${f.ruleId} finding`);
        const i = args.apply === true ? Math.max(0, fixes.findIndex((x) => x.preferred)) : args.apply;
        if (i >= fixes.length) throw new ToolError(`there is no fix ${i}: this finding has ${fixes.length} (0–${fixes.length - 1})`);
        out.applied = i;
        out.fixedText = applyEdits(doc.text, lines, fixes[i].edits);
      }
      const content = [{ type: 'text' as const, text: describe(f.ruleId, f.line, out) }];
      if (out.fixedText !== undefined) content.push({ type: 'text', text: out.fixedText });
      return { content, structuredContent: out };
    }),
  );
}

/** Why a range does not fit the text, if it does not. */
function outOfRange(f: Args['finding'], lines: LineIndex): string | undefined {
  const n = lines.lineCount;
  if (f.line > n || f.endLine > n) return `is past the text's last line (${n})`;
  if (f.endLine < f.line || (f.endLine === f.line && f.endColumn < f.column)) return 'ends before it starts';
  const width = (l: number) => lines.lineEnd(l) - lines.lineStart(l) + 1;
  if (f.column > width(f.line) || f.endColumn > width(f.endLine)) return 'runs past the end of its line';
  return undefined;
}

/** The text with the edits made (they never overlap: each fix edits one place). */
export function applyEdits(text: string, lines: LineIndex, edits: Edit[]): string {
  const at = (line: number, column: number) => lines.lineStart(line) + column - 1;
  const spans = edits.map((e) => ({ start: at(e.line, e.column), end: at(e.endLine, e.endColumn), newText: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

function describe(ruleId: string, line: number, out: { fixes: Array<{ index: number; title: string; preferred: boolean; edits: Edit[] }>; applied?: number }): string {
  if (!out.fixes.length) return `No quick fix for this ${ruleId} finding (line ${line}).`;
  const lines = [`${out.fixes.length === 1 ? '1 quick fix' : `${out.fixes.length} quick fixes`} for ${ruleId} at line ${line}:`];
  for (const x of out.fixes) {
    lines.push(`${x.index}. ${x.title}${x.preferred ? ' (preferred)' : ''}`);
    for (const e of x.edits) {
      const where = e.line === e.endLine && e.column === e.endColumn ? `insert at ${e.line}:${e.column}` : `replace ${e.line}:${e.column}–${e.endLine}:${e.endColumn}`;
      lines.push(`   ${where}: ${JSON.stringify(e.newText)}`);
    }
  }
  if (out.applied !== undefined) lines.push('', `Fix ${out.applied} applied; the fixed text follows (and is \`fixedText\` in the structured content). No file was written.`);
  return lines.join('\n');
}
