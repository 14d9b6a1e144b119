// The coverage report a commissioner reads ("Show coverage report"): each IPC
// element, each equality group and each WCC competency with where it was found,
// in Markdown, worded from the policy pack.
import * as path from 'node:path';
import type { Analysis } from '../core';
import { coverageLine } from '../core';
import type { Linted } from './lint-service';
import { uriToPath } from './uris';

// Plain symbols that every editor font has (emoji are missing from many).
const MARK = { present: '✓ present', empty: '– empty', missing: '✗ missing', covered: '✓ covered', unassessed: '– named, not assessed' } as const;

export function coverageReport(l: Linted, a: Analysis | undefined): string {
  const c = l.result!.coverage;
  const policy = l.policy!;
  const file = uriToPath(l.uri);
  const name = file ? path.basename(file) : l.uri;
  const at = (line?: number, source?: string) => (line ? `${source && source !== name ? `${source} ` : ''}line ${line}` : '');
  const out: string[] = [];
  out.push(`# Coverage of ${name}`, '', `Checked against *${policy.title}*.`, '', `**${coverageLine(c)}**`, '');

  out.push('## IPC strategy elements', '', '| Element | Status | Where |', '|---|---|---|');
  for (const e of policy.elements) {
    const ec = c.ipc[e.id];
    if (!ec) continue;
    const heading = a?.elements.find((f) => f.element.id === e.id)?.section?.title;
    const where = [at(ec.line), heading ? `“${heading.replace(/\|/g, "\\|")}”` : ''].filter(Boolean).join(' ');
    out.push(`| ${e.title} (\`${e.id}\`) | ${MARK[ec.status]} | ${where} |`);
    for (const asp of e.aspects) {
      const st = ec.aspects?.[asp.id];
      if (st) out.push(`| ↳ ${asp.title} | ${MARK[st]} | |`);
    }
  }

  out.push('', '## Equality Impact Assessment', '', `Status: ${MARK[c.eqia.status]}${c.eqia.line ? ` (${at(c.eqia.line, c.eqia.source)})` : c.eqia.source && c.eqia.source !== name ? ` (${c.eqia.source})` : ''}`, '');
  out.push('| Equality group | Status | Where |', '|---|---|---|');
  for (const g of policy.groups) {
    const gc = c.eqia.groups[g.id];
    if (gc) out.push(`| ${g.label} | ${MARK[gc.status]} | ${at(gc.line, gc.source)} |`);
  }

  out.push('', '## World Class Commissioning competencies', '', '| # | Competency | Evidenced at |', '|---|---|---|');
  for (const comp of policy.competencies) {
    const lines = c.wcc.tags.filter((t) => t.number === comp.number).map((t) => t.line);
    out.push(`| ${comp.number} | ${comp.names[0]} | ${lines.length ? `line${lines.length > 1 ? 's' : ''} ${[...new Set(lines)].join(', ')}` : '—'} |`);
  }
  if (c.wcc.invalid.length) {
    out.push('', 'Invalid references:', '');
    for (const t of c.wcc.invalid) out.push(`- line ${t.line}: “${t.text}” — ${t.reason}`);
  }
  return out.join('\n') + '\n';
}
