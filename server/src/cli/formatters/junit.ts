// --format junit: one <testsuite> per strategy, one <testcase> per check (IPC
// element, EqIA, each equality group, WCC tags, legislation, …), so CI dashboards
// show which requirements each strategy meets. Warnings and errors fail a check;
// infos are listed in <system-out>; a check whose only findings were waived is
// <skipped> with the reasons; a file that could not be read is an <error>.
import type { Diagnostic } from '../../core';
import type { Formatter } from './types';
import { checksFor, type Check } from './checks';
import { coverageLine, formatLocation, labelsFor } from '../../core';

export const formatJunit: Formatter = (report) => {
  const labels = labelsFor(report.policy, report.policyId);
  const suites: string[] = [];
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const r of report.results) {
    const name = report.display(r.file);
    if (r.error) {
      total.tests++;
      total.errors++;
      suites.push(
        `  <testsuite name="${attr(name)}" tests="1" failures="0" errors="1" skipped="0">\n` +
          `    <testcase classname="${attr(name)}" name="lint">\n      <error message="${attr(r.error)}" type="io"/>\n    </testcase>\n  </testsuite>`,
      );
      continue;
    }
    const checks = checksFor(r, labels);
    const failures = checks.filter((c) => c.outcome === 'fail').length;
    const skipped = checks.filter((c) => c.outcome === 'waived').length;
    total.tests += checks.length;
    total.failures += failures;
    total.skipped += skipped;
    const props = [`      <property name="policy" value="${attr(r.policyId ?? report.policyId)}"/>`];
    if (r.coverage) props.push(`      <property name="coverage" value="${attr(coverageLine(r.coverage))}"/>`);
    suites.push(
      `  <testsuite name="${attr(name)}" tests="${checks.length}" failures="${failures}" errors="0" skipped="${skipped}">\n` +
        `    <properties>\n${props.join('\n')}\n    </properties>\n` +
        checks.map((c) => testcase(c, name, !!r.word)).join('\n') +
        '\n  </testsuite>',
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="commissioning-lint" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}">\n` +
    suites.join('\n') +
    (suites.length ? '\n' : '') +
    '</testsuites>\n'
  );
};

function testcase(c: Check, file: string, word: boolean): string {
  // A Word document's lines are of its Markdown rendering: no line attribute points into the .docx.
  const open = `    <testcase classname="${attr(file)}" name="${attr(c.title)}" file="${attr(file)}"${c.line && !word ? ` line="${c.line}"` : ''}>`;
  const body: string[] = [];
  const failing = c.diagnostics.filter((d) => d.severity !== 'info');
  if (c.outcome === 'fail') {
    body.push(`      <failure message="${attr(failing[0].message)}" type="${attr(failing[0].ruleId)}">${text(failing.map(describe).join('\n'))}</failure>`);
  } else if (c.outcome === 'waived') {
    body.push(`      <skipped message="${attr(`waived: ${c.waived.map((w) => w.justification).join('; ')}`)}"/>`);
  }
  const infos = c.diagnostics.filter((d) => d.severity === 'info');
  if (infos.length) body.push(`      <system-out>${text(infos.map(describe).join('\n'))}</system-out>`);
  return body.length ? `${open}\n${body.join('\n')}\n    </testcase>` : open.replace(/>$/, '/>');
}

function describe(d: Diagnostic): string {
  return `${d.location ? `${formatLocation(d.location)}:` : `${d.line}:${d.column}`} ${d.severity} ${d.message} (${d.ruleId})`;
}

/** Drops characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/F). */
function xmlSafe(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

function text(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
