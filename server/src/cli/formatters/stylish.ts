// --format stylish: the default, for people at a terminal.
import type { Formatter } from './types';
import { countSeverities, coverageLine, formatLocation } from '../../core';

const paint = (on: boolean, code: number, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
/** Text from documents and paths never reaches the terminal with control characters (escape sequences) in it. */
// eslint-disable-next-line no-control-regex
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');

export const formatStylish: Formatter = (report) => {
  const c = report.color;
  const lines: string[] = [];
  for (const r of report.results) {
    if (r.error) continue;
    const diags = (r.diagnostics ?? []).filter((d) => !report.quiet || d.severity === 'error');
    lines.push(paint(c, 4, clean(report.display(r.file))));
    const width = diags.reduce((w, d) => Math.max(w, `${d.line}:${d.column}`.length), 0);
    for (const d of diags) {
      const sev = d.severity === 'error' ? paint(c, 31, 'error  ') : d.severity === 'warning' ? paint(c, 33, 'warning') : paint(c, 36, 'info   ');
      lines.push(`  ${`${d.line}:${d.column}`.padEnd(width)}  ${sev}  ${clean(d.message)}  ${paint(c, 2, clean(d.ruleId))}`);
      // A Word document: where to look in Word (the line is of its Markdown rendering).
      if (d.location) lines.push(`  ${' '.repeat(width)}  ${paint(c, 2, `in ${clean(formatLocation(d.location))}`)}`);
    }
    if (r.coverage) lines.push(`  ${paint(c, 1, 'coverage')}  ${coverageLine(r.coverage)}` + (r.suppressed?.length ? `  (${r.suppressed.length} waived)` : ''));
    lines.push('');
  }
  const n = countSeverities(report.results);
  const total = n.errors + n.warnings + n.infos;
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  const files = report.results.filter((r) => !r.error).length;
  const counts = report.quiet ? plural(n.errors, 'error') : `${plural(total, 'problem')} (${plural(n.errors, 'error')}, ${plural(n.warnings, 'warning')}, ${plural(n.infos, 'info')})`;
  const summary = `${total ? '✖' : '✔'} ${counts} in ${plural(files, 'file')}`;
  lines.push(paint(c, n.errors ? 31 : n.warnings ? 33 : 32, summary));
  return lines.join('\n') + '\n';
};
