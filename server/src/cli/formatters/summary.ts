// Counts and one-line coverage summaries shared by the human-readable formats.
import type { Coverage } from '../../core';
import type { FileResult } from '../lint-file';

export function countSeverities(results: FileResult[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    for (const d of r.diagnostics ?? []) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { errors, warnings, infos };
}

/** "IPC 6/7 · EqIA 4/6 · WCC 7/11", the summary shown in editors and reports. */
export function coverageLine(c: Coverage): string {
  const ipc = Object.values(c.ipc);
  const groups = Object.values(c.eqia.groups);
  const ipcOk = ipc.filter((e) => e.status === 'present').length;
  const eqOk = c.eqia.status === 'missing' ? 0 : groups.filter((g) => g.status === 'covered').length;
  const wccTotal = c.wcc.covered.length + c.wcc.missing.length;
  return `IPC ${ipcOk}/${ipc.length} · EqIA ${eqOk}/${groups.length} · WCC ${c.wcc.covered.length}/${wccTotal}`;
}
