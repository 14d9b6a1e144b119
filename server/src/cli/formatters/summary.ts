// Counts and one-line coverage summaries shared by the human-readable formats.
import type { FileResult } from '../../engine';

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

export { coverageLine } from '../../core';
