// --format github: GitHub Actions workflow commands, one per finding, which the
// runner turns into annotations on the pull request's files:
//   ::error file=a.md,line=8,endLine=8,col=1,endColumn=40,title=eqia-missing::message
import type { Formatter } from './types';
import { formatLocation } from '../../core';

/** Document text in a location is shown on one line. */
// eslint-disable-next-line no-control-regex
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const formatGithub: Formatter = (report) => {
  const lines: string[] = [];
  for (const r of report.results) {
    const file = report.display(r.file);
    if (r.error) {
      lines.push(`::error file=${prop(file)},title=commissioning-lint::${data(r.error)}`);
      continue;
    }
    for (const d of r.diagnostics ?? []) {
      if (d.location) {
        // A Word document has no lines to annotate: the annotation is on the file, saying where in Word.
        lines.push(`::${COMMAND[d.severity]} file=${prop(file)},title=${prop(d.ruleId)}::${data(`${d.message} (in ${oneLine(formatLocation(d.location))})`)}`);
        continue;
      }
      const where = `file=${prop(file)},line=${d.line},endLine=${d.endLine},col=${d.column},endColumn=${d.endColumn}`;
      lines.push(`::${COMMAND[d.severity]} ${where},title=${prop(d.ruleId)}::${data(d.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};

/** Escapes a command's message, as the runner's own toolkit does. */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (which also ends at "," and ":"). */
function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
