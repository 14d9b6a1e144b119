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

/** Longest quote of document text a message carries. */
const QUOTE_MAX = 80;

/**
 * Document text as a message quotes it: on one line, without control characters
 * (a heading holding terminal escapes must not reach a terminal), and cut to a
 * readable length at a word (a paragraph taken for a heading is not quoted whole).
 */
export function quote(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_MAX) return flat;
  const cut = flat.lastIndexOf(' ', QUOTE_MAX - 1);
  return `${flat.slice(0, cut > QUOTE_MAX / 2 ? cut : QUOTE_MAX - 1)}…`;
}
