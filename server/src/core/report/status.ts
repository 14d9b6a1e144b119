// The one set of status words and levels every report uses (the Markdown and
// HTML review-board reports, the editor's coverage report): what a coverage
// status is called, and whether it is met (ok), half met (part) or not (miss).
/** ok = present/covered, part = empty/unassessed (or some competencies), miss = missing. */
export type Level = 'ok' | 'part' | 'miss';

const STATUS: Readonly<Record<string, { level: Level; word: string }>> = {
  present: { level: 'ok', word: 'present' },
  covered: { level: 'ok', word: 'covered' },
  empty: { level: 'part', word: 'empty' },
  unassessed: { level: 'part', word: 'named, not assessed' },
  missing: { level: 'miss', word: 'missing' },
};

export function statusLevel(status: string): Level {
  return STATUS[status]?.level ?? 'miss';
}

export function statusWord(status: string): string {
  return STATUS[status]?.word ?? status;
}

/** The legend every matrix shows, in these words. */
export const LEGEND: Readonly<Record<Level, string>> = { ok: 'present or covered', part: 'empty, partial or named but not assessed', miss: 'missing' };

/** Plural helper for the reports' sentences. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function countSeverities(results: Iterable<{ diagnostics?: Array<{ severity: string }> }>): { errors: number; warnings: number; infos: number } {
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
