// Decides what may be completed at an offset: a competency after "WCC ", the
// heading of an IPC element the strategy still lacks, a missing equality group
// in an EqIA table, or the title of an Act being typed. Pure over the Analysis.
import type { Analysis } from '../analyse';
import type { ActDef, ElementDef, GroupDef } from '../policy/types';
import { headingMatches } from '../recognise/ipc';

export type CompletionContext =
  /** Replace [from, offset) with a competency number and name. */
  | { kind: 'wcc'; from: number }
  /** Replace [from, offset) with a heading for one of `elements`. */
  | { kind: 'heading'; from: number; elements: Array<{ element: ElementDef; recognised: boolean }> }
  /** Replace [from, offset) with a group; `row` means write the whole table row of `columns` cells. */
  | { kind: 'eqia-group'; from: number; groups: GroupDef[]; row: boolean; columns: number }
  /** Replace [from, offset) with one of `acts`, whose titles start with what was typed. */
  | { kind: 'act'; from: number; acts: ActDef[] };

const HEADING_BEFORE = /^ {0,3}#{1,6}[ \t]+([^#\n]*)$/;
const TABLE_ROW = /^\s*\|/;

export function completionContext(a: Analysis, offset: number): CompletionContext | undefined {
  const lines = a.model.lines;
  const line = lines.point(offset).line;
  const before = a.model.source.slice(lines.lineStart(line), offset);
  const wcc = a.policy.derived.wccBeforeNumber.exec(before);
  if (wcc) return { kind: 'wcc', from: offset - wcc[1].length };
  const heading = HEADING_BEFORE.exec(before);
  if (heading) return headingContext(a, offset - heading[1].length);
  const eqia = eqiaContext(a, offset, line, before);
  if (eqia) return eqia;
  return actContext(a, offset, before);
}

/** IPC elements with no section yet; `recognised` says whether the title alone would be matched to it. */
function headingContext(a: Analysis, from: number): CompletionContext | undefined {
  const missing = a.elements.filter((f) => f.status === 'missing').map((f) => f.element);
  if (!missing.length) return undefined;
  const elements = missing.map((element) => {
    const matched = headingMatches(a.policy, { title: element.title });
    return { element, recognised: matched.length === 1 && matched[0] === element };
  });
  return { kind: 'heading', from, elements };
}

/** Inside an EqIA section, on a table row being written or on a blank line just below the table. */
function eqiaContext(a: Analysis, offset: number, line: number, before: string): CompletionContext | undefined {
  const inEqia = a.eqia.sections.some((s) => s.start <= offset && (offset < s.end || s.end === a.model.source.length));
  if (!inEqia) return undefined;
  const lines = a.model.lines;
  const prev = line > 1 ? lines.lineText(line - 1) : '';
  const onRow = TABLE_ROW.test(before);
  const belowTable = before.trim() === '' && lines.lineText(line).trim() === '' && TABLE_ROW.test(prev);
  if (!onRow && !belowTable) return undefined;
  const groups = a.eqia.groups.filter((g) => g.status === 'missing').map((g) => g.group);
  if (!groups.length) return undefined;
  // The header row is the first of the run of table rows above.
  let header = line - 1;
  while (header > 1 && TABLE_ROW.test(lines.lineText(header - 1))) header--;
  const columns = Math.max(2, cells(lines.lineText(header)).length);
  if (belowTable) return { kind: 'eqia-group', from: offset - before.length, groups, row: true, columns };
  // Only the first cell names the group; complete it while it is being typed.
  const typed = /^\s*\|\s*([^|]*)$/.exec(before);
  if (!typed) return undefined;
  return { kind: 'eqia-group', from: offset - typed[1].length, groups, row: false, columns };
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
}

/** The longest run of words before the offset that starts some Act's title. */
function actContext(a: Analysis, offset: number, before: string): CompletionContext | undefined {
  const tail = /(?:[\p{L}\p{N}()]+[ \t]+){0,7}[\p{L}\p{N}()]*$/u.exec(before)?.[0] ?? '';
  // Each word start in the tail, longest candidate first.
  const starts = [0, ...[...tail.matchAll(/[ \t]+(?=\S)/g)].map((m) => m.index + m[0].length)];
  for (const s of starts) {
    const typed = tail.slice(s).toLowerCase();
    if (typed.trim().length < 2) continue;
    const acts = a.policy.legislation.filter((act) => act.title.toLowerCase().startsWith(typed) && act.title.toLowerCase() !== typed);
    if (acts.length) return { kind: 'act', from: offset - (tail.length - s), acts };
  }
  return undefined;
}
