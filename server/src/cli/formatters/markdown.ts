// --format markdown: a review-board report. Over several strategies it opens with
// a strategies × checks matrix; then, per strategy, the IPC checklist, the EqIA
// group matrix, WCC coverage and the findings. Renders on GitHub and passes
// markdownlint (bar line length).
import type { Formatter } from './types';
import { buildReview, plural, type Level, type ReviewFile } from './review';

const SYMBOL: Record<Level, string> = { ok: '✅', part: '⚠️', miss: '❌' };
const STATUS_SYMBOL: Record<string, string> = { present: '✅', covered: '✅', empty: '⚠️', unassessed: '⚠️', missing: '❌' };

export const formatMarkdown: Formatter = (report) => {
  const review = buildReview(report);
  const out: string[] = ['# Commissioning strategy review', ''];
  const t = review.totals;
  out.push(
    `Checked against *${md(review.policyTitle)}* (${code(review.policyId)}) by commissioning-lint ${md(review.version)}: ` +
      `${t.files} ${t.files === 1 ? 'strategy' : 'strategies'}, ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')}.`,
    '',
  );

  if (review.files.length > 1) {
    const cols = review.columns.filter((c) => !c.fullOnly);
    out.push('## Overview', '');
    out.push(row(['Strategy', ...cols.map((c) => md(c.area === 'ipc' ? capitalise(c.id.slice(4)) : c.label)), 'Errors', 'Warnings']));
    out.push(row(['---', ...cols.map(() => ':---:'), '---:', '---:']));
    for (const f of review.files) {
      out.push(row([code(f.path), ...cols.map((c) => cellText(f, c.id)), String(f.counts.errors), String(f.counts.warnings)]));
    }
    const ipc = cols.filter((c) => c.area === 'ipc');
    out.push('', `${SYMBOL.ok} present or covered · ${SYMBOL.part} empty, partial or unassessed · ${SYMBOL.miss} missing.`, '');
    if (ipc.length) out.push(`IPC elements: ${ipc.map((c) => `${md(capitalise(c.id.slice(4)))}: ${md(c.label.toLowerCase())}`).join('; ')}.`, '');
  }

  for (const f of review.files) out.push(...strategy(f));

  if (review.unreadable.length) {
    out.push('## Not checked', '');
    for (const u of review.unreadable) out.push(`- ${code(u.path)}: ${md(u.error)}`);
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');
};

function strategy(f: ReviewFile): string[] {
  const c = f.counts;
  const out = [`## ${code(f.path)}`, '', `**${md(f.summary)}**: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')}.`, ''];

  out.push('### IPC elements', '');
  for (const e of f.ipc) {
    out.push(`- [${e.status === 'present' ? 'x' : ' '}] ${md(e.title)}${e.status === 'present' ? '' : `: ${e.status}`}${at(e.line)}`);
    for (const a of e.aspects) out.push(`  - [${a.status === 'present' ? 'x' : ' '}] ${md(a.title)}${a.status === 'present' ? '' : `: ${a.status}`}`);
  }
  out.push('');

  out.push('### Equality impact assessment', '');
  if (f.eqia.status === 'missing') out.push('No equality impact assessment was found.', '');
  else out.push(`Equality impact assessment ${f.eqia.status}${at(f.eqia.line)}${f.eqia.source && !f.path.endsWith(f.eqia.source) ? ` in ${code(f.eqia.source)}` : ''}.`, '');
  out.push(row(['Group', 'Status', 'Where']), row(['---', '---', '---']));
  for (const g of f.eqia.groups) {
    const where = g.line ? `line ${g.line}${g.source && !f.path.endsWith(g.source) ? ` of ${code(g.source)}` : ''}` : '–';
    out.push(row([md(g.label), `${STATUS_SYMBOL[g.status] ?? ''} ${g.status}`, where]));
  }
  out.push('');

  out.push('### WCC competencies', '', `${f.wcc.covered} of ${f.wcc.total} competencies evidenced.`, '');
  out.push(row(['WCC', 'Competency', 'Evidence']), row(['---:', '---', '---']));
  for (const k of f.wcc.competencies) {
    out.push(row([String(k.number), md(k.name), k.lines.length ? `✅ line ${k.lines.join(', ')}` : '❌ not tagged']));
  }
  out.push('');
  if (f.wcc.invalid.length) {
    out.push('Tags that name no competency:', '');
    for (const i of f.wcc.invalid) out.push(`- line ${i.line}: ${code(i.text)}: ${md(i.reason)}`);
    out.push('');
  }

  out.push('### Findings', '');
  if (!f.diagnostics.length) out.push('None.', '');
  else {
    out.push(row(['Line', 'Severity', 'Rule', 'Message']), row(['---:', '---', '---', '---']));
    for (const d of f.diagnostics) out.push(row([String(d.line), d.severity, code(d.ruleId), md(d.message)]));
    out.push('');
  }
  if (f.waived.length) {
    out.push('### Waived findings', '');
    out.push(row(['Line', 'Rule', 'Message', 'Reason']), row(['---:', '---', '---', '---']));
    for (const d of f.waived) out.push(row([String(d.line), code(d.ruleId), md(d.message), md(d.justification)]));
    out.push('');
  }
  return out;
}

function cellText(f: ReviewFile, id: string): string {
  const cell = f.cells[id];
  if (!cell) return '–';
  return id === 'wcc' ? cell.text : SYMBOL[cell.level];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function at(line: number | undefined): string {
  return line ? ` (line ${line})` : '';
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Text that Markdown shows as written, on one line (safe in a table cell too). */
function md(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|~#]/g, '\\$&');
}

/** A code span, with a fence longer than any run of backticks inside. */
function code(s: string): string {
  const text = s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}
