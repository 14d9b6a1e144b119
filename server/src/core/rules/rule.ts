// What a rule is: an id (= file name = docs page = fixture folder), metadata,
// and a check that reads the Analysis and reports findings by source offset.
import type { Analysis } from '../analyse';
import type { FixData, Severity } from '../types';

export interface Finding {
  start: number;
  end: number;
  message: string;
  data?: FixData;
}

export interface RuleMeta {
  /** One line: what the rule checks, for docs, SARIF and the README table. */
  description: string;
  defaultSeverity: Severity;
}

export interface Rule {
  id: string;
  meta: RuleMeta;
  check(a: Analysis, report: (f: Finding) => void): void;
}

/** Joins labels as plain English: "a, b and c". */
export function listEnglish(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
