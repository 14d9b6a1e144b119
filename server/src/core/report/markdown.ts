// The review rendered as Markdown: the review-board report (--format markdown)
// and the editor's coverage report are this one rendering of one model. Every
// piece of document text is escaped, so a heading holding HTML or Markdown
// shows as written and never renders.
import { LEGEND, plural, statusLevel, statusWord, type Level } from './status';
import type { Review, ReviewFile } from './review';
import type { Diagnostic } from '../types';
import { formatLocation } from '../model/locate';

/** Emoji read well on GitHub; the editor's fonts lack many, so it uses plain symbols. */
export type Symbols = Readonly<Record<Level, string>>;
export const EMOJI: Symbols = { ok: '✅', part: '⚠️', miss: '❌' };
export const PLAIN: Symbols = { ok: '✓', part: '–', miss: '✗' };

/** The whole review: an overview matrix over several strategies, then each strategy, then what was not checked. */
export function reviewMarkdown(review: Review, symbols: Symbols = EMOJI): string {
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
      out.push(row([code(f.path), ...cols.map((c) => cellText(f, c.id, symbols)), String(f.counts.errors), String(f.counts.warnings)]));
    }
    const ipc = cols.filter((c) => c.area === 'ipc');
    out.push('', `${symbols.ok} ${LEGEND.ok} · ${symbols.part} ${LEGEND.part} · ${symbols.miss} ${LEGEND.miss}.`, '');
    if (ipc.length) out.push(`IPC elements: ${ipc.map((c) => `${md(capitalise(c.id.slice(4)))}: ${md(c.label.toLowerCase())}`).join('; ')}.`, '');
  }
  for (const f of review.files) out.push(`## ${code(f.path)}`, '', ...strategyMarkdown(f, symbols, 3));
  if (review.unreadable.length) {
    out.push('## Not checked', '');
    for (const u of review.unreadable) out.push(`- ${code(u.path)}: ${md(u.error)}`);
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

/** One strategy: summary, IPC checklist, EqIA group table, WCC table, findings; its sub-headings at `depth`. */
export function strategyMarkdown(f: ReviewFile, symbols: Symbols, depth: number): string[] {
  const h = '#'.repeat(depth);
  const c = f.counts;
  const mark = (status: string) => symbols[statusLevel(status)];
  const out = [`**${md(f.summary)}**: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')}.`, ''];

  out.push(`${h} IPC elements`, '');
  out.push(row(['Element', 'Status', 'Where']), row(['---', '---', '---']));
  for (const e of f.ipc) {
    out.push(row([md(e.title), `${mark(e.status)} ${statusWord(e.status)}`, where(e.line, e.heading)]));
    for (const a of e.aspects) out.push(row([`↳ ${md(a.title)}`, `${mark(a.status)} ${statusWord(a.status)}`, '—']));
  }
  out.push('');

  out.push(`${h} Equality impact assessment`, '');
  if (f.eqia.status === 'missing') out.push('No equality impact assessment was found.', '');
  else out.push(`Equality impact assessment ${statusWord(f.eqia.status)}${f.eqia.line ? ` (line ${f.eqia.line})` : ''}${f.eqia.source && !f.path.endsWith(f.eqia.source) ? ` in ${code(f.eqia.source)}` : ''}.`, '');
  out.push(row(['Equality group', 'Status', 'Where']), row(['---', '---', '---']));
  for (const g of f.eqia.groups) {
    const at = g.line ? `line ${g.line}${g.source && !f.path.endsWith(g.source) ? ` of ${code(g.source)}` : ''}` : '—';
    out.push(row([md(g.label), `${mark(g.status)} ${statusWord(g.status)}`, at]));
  }
  out.push('');

  out.push(`${h} WCC competencies`, '', `${f.wcc.covered} of ${f.wcc.total} competencies evidenced.`, '');
  out.push(row(['#', 'Competency', 'Evidenced at']), row(['---:', '---', '---']));
  for (const k of f.wcc.competencies) {
    out.push(row([String(k.number), md(k.name), k.lines.length ? `${symbols.ok} line${k.lines.length > 1 ? 's' : ''} ${k.lines.join(', ')}` : '—']));
  }
  out.push('');
  if (f.wcc.invalid.length) {
    out.push('Tags that name no competency:', '');
    for (const i of f.wcc.invalid) out.push(`- line ${i.line}: ${code(i.text)}: ${md(i.reason)}`);
    out.push('');
  }

  out.push(`${h} Findings`, '');
  if (!f.diagnostics.length) out.push('None.', '');
  else {
    out.push(row([place(f), 'Severity', 'Rule', 'Message']), row([f.word ? '---' : '---:', '---', '---', '---']));
    for (const d of f.diagnostics) out.push(row([at(d), d.severity, code(d.ruleId), md(d.message)]));
    out.push('');
  }
  if (f.waived.length) {
    out.push(`${h} Waived findings`, '');
    out.push(row([place(f), 'Rule', 'Message', 'Reason']), row([f.word ? '---' : '---:', '---', '---', '---']));
    for (const d of f.waived) out.push(row([at(d), code(d.ruleId), md(d.message), md(d.justification)]));
    out.push('');
  }
  return out;
}

/** A finding's place: its line, or in a Word document where a reader finds it. */
function at(d: Diagnostic): string {
  return d.location ? md(formatLocation(d.location)) : String(d.line);
}

function place(f: ReviewFile): string {
  return f.word ? 'Where' : 'Line';
}

function cellText(f: ReviewFile, id: string, symbols: Symbols): string {
  const cell = f.cells[id];
  if (!cell) return '–';
  return id === 'wcc' ? cell.text : symbols[cell.level];
}

function where(line: number | undefined, heading: string | undefined): string {
  return [line ? `line ${line}` : '', heading ? `“${md(heading)}”` : ''].filter(Boolean).join(' ') || '—';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Text that Markdown shows as written, on one line (safe in a table cell too); control characters dropped. */
export function md(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '').replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|~#&]/g, '\\$&');
}

/** A code span, with a fence longer than any run of backticks inside. */
export function code(s: string): string {
  // eslint-disable-next-line no-control-regex
  const text = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '').replace(/\s*[\r\n]+\s*/g, ' ').replace(/\|/g, '\\|');
  const longest = (text.match(/`+/g) ?? []).reduce((n, m) => Math.max(n, m.length), 0);
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}
