// "IPC 6/7 · EqIA 4/6 · WCC 7/11": the one-line coverage summary shown in the
// editor's status bar and code lens and in the CLI's reports.
import type { Coverage } from './types';

export function coverageLine(c: Coverage): string {
  const ipc = Object.values(c.ipc);
  const groups = Object.values(c.eqia.groups);
  const ipcOk = ipc.filter((e) => e.status === 'present').length;
  const eqOk = c.eqia.status === 'missing' ? 0 : groups.filter((g) => g.status === 'covered').length;
  const wccTotal = c.wcc.covered.length + c.wcc.missing.length;
  return `IPC ${ipcOk}/${ipc.length} · EqIA ${eqOk}/${groups.length} · WCC ${c.wcc.covered.length}/${wccTotal}`;
}
