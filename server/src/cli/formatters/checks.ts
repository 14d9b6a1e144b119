// Turns one file's result into the checks a reviewer ticks off: one per IPC
// element, the EqIA, one per equality group, WCC tags, legislation, front matter
// and waivers. JUnit makes a testcase of each; the reports build their matrix
// from them. Which checks exist comes from the coverage (that is, the policy).
import type { Diagnostic, SuppressedDiagnostic } from '../../core';
import type { FileResult } from '../../engine';
import type { Labels } from '../../core';

export type Outcome = 'pass' | 'fail' | 'waived';

export interface Check {
  /** "ipc:needs", "eqia", "eqia:age", "wcc", "legislation", "front-matter", "waivers" (or a rule id). */
  id: string;
  title: string;
  /** Coverage status where the check has one: present|missing|empty, covered|missing|unassessed. */
  status?: string;
  line?: number;
  outcome: Outcome;
  /** Findings that decide the outcome or are informational (infos never fail a check). */
  diagnostics: Diagnostic[];
  waived: SuppressedDiagnostic[];
}

/** The checks a finding bears on. A finding about several groups bears on each of them. */
export function checkIdsFor(d: Diagnostic): string[] {
  const data = (d.data ?? {}) as { element?: unknown; group?: unknown; groups?: unknown };
  const ids: string[] = [];
  if (typeof data.element === 'string') ids.push(`ipc:${data.element}`);
  if (typeof data.group === 'string') ids.push(`eqia:${data.group}`);
  if (Array.isArray(data.groups)) for (const g of data.groups) if (g && typeof (g as { id?: unknown }).id === 'string') ids.push(`eqia:${(g as { id: string }).id}`);
  // "No EqIA at all" fails the EqIA check as well as every group it leaves unassessed.
  if (!ids.length || d.ruleId === 'eqia-missing') ids.push(familyOf(d.ruleId));
  return ids;
}

/** The check a rule belongs to when its finding names no element or group. */
function familyOf(ruleId: string): string {
  for (const [prefix, id] of FAMILIES) if (ruleId.startsWith(prefix)) return id;
  return ruleId;
}

const FAMILIES: Array<[string, string]> = [
  ['ipc-', 'ipc'],
  ['eqia-', 'eqia'],
  ['wcc-', 'wcc'],
  ['legislation-', 'legislation'],
  ['front-matter-', 'front-matter'],
  ['waiver-', 'waivers'],
];

export function checksFor(r: FileResult, labels: Labels): Check[] {
  const checks = new Map<string, Check>();
  const add = (id: string, title: string, status?: string, line?: number) => {
    checks.set(id, { id, title, status, line, outcome: 'pass', diagnostics: [], waived: [] });
  };
  const cov = r.coverage;
  if (cov) {
    for (const [id, e] of Object.entries(cov.ipc)) add(`ipc:${id}`, `IPC element: ${labels.element(id)}`, e.status, e.line);
    add('eqia', 'Equality impact assessment', cov.eqia.status, cov.eqia.line);
    for (const [id, g] of Object.entries(cov.eqia.groups)) add(`eqia:${id}`, `EqIA group: ${labels.group(id)}`, g.status, g.line);
    add('wcc', 'WCC competency tags');
  }
  add('legislation', 'Legislation cited is current');
  add('front-matter', 'Front matter');
  add('waivers', 'Waivers give a reason');

  const place = (d: Diagnostic, into: (c: Check) => void) => {
    for (const id of checkIdsFor(d)) {
      if (!checks.has(id)) add(id, id);
      into(checks.get(id)!);
    }
  };
  for (const d of r.diagnostics ?? []) place(d, (c) => c.diagnostics.push(d));
  for (const d of r.suppressed ?? []) place(d, (c) => c.waived.push(d));
  for (const c of checks.values()) {
    if (c.diagnostics.some((d) => d.severity !== 'info')) c.outcome = 'fail';
    else if (c.waived.length) c.outcome = 'waived';
  }
  return [...checks.values()];
}
