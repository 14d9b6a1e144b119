// Quick fixes rebuilt from a diagnostic's `data` and the current text alone, so
// an editor keeps no fix cache. Edits use the core's 1-based positions; the
// language server converts them. Inserted skeletons are honest drafts: they use
// placeholders the core reads as "empty" or "unassessed", never as compliant.
import type { Diagnostic, FixData } from '../types';
import { LineIndex } from '../parse/lines';
import { tagText } from '../recognise/wcc-syntax';

export interface Edit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: Edit[];
  /** The fix an editor may apply on its own ("auto fix"). */
  preferred?: boolean;
}

export type FixableDiagnostic = Pick<Diagnostic, 'ruleId' | 'line' | 'column' | 'endLine' | 'endColumn'> & { data?: FixData };

/** Text a waiver's reason starts as; the author replaces it. */
export const REASON_PLACEHOLDER = 'REASON: say why this is acceptable';

/** Rules whose findings cannot be waived by a comment above them. */
const NOT_WAIVABLE: ReadonlySet<string> = new Set(['waiver-invalid', 'front-matter-invalid', 'internal-error']);

export function fixesFor(d: FixableDiagnostic, text: string, lines = new LineIndex(text)): Fix[] {
  const out: Fix[] = [];
  const data = d.data;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const groups = (v: unknown) => (Array.isArray(v) ? v.filter((g): g is { id: string; label: string; name: string } => !!g && typeof g.name === 'string' && typeof g.id === 'string') : []);
  switch (data?.kind) {
    case 'insert-element': {
      const title = str(data.title);
      const id = str(data.element);
      if (!title || !id) break;
      const depth = clampDepth(num(data.depth));
      const body = `${'#'.repeat(depth)} ${title}\n\n<!-- ipc: ${id} -->\n[Insert: ${oneLine(str(data.scaffold) ?? title)}]\n`;
      out.push({ title: `Add a "${title}" section`, edits: [insertBlock(text, lines, num(data.insertLine) ?? lines.lineCount + 1, body)], preferred: true });
      break;
    }
    case 'insert-eqia': {
      const gs = groups(data.groups);
      const depth = clampDepth(num(data.depth));
      const body = `${'#'.repeat(depth)} Equality Impact Assessment\n\n${eqiaTable(gs, str(data.scaffold))}`;
      out.push({ title: 'Add an Equality Impact Assessment with a row for every equality group', edits: [insertBlock(text, lines, lines.lineCount + 1, body)], preferred: true });
      break;
    }
    case 'fill-eqia': {
      // The EqIA heading is there but only holds a placeholder: add the table below the heading.
      const gs = groups(data.groups);
      out.push({ title: 'Add an EqIA table with a row for every equality group', edits: [insertBlock(text, lines, d.line + 1, eqiaTable(gs, str(data.scaffold)))], preferred: true });
      break;
    }
    case 'add-groups': {
      const gs = groups(data.groups);
      if (!gs.length) break;
      const edit = addGroups(lines, gs, num(data.tableEndLine), num(data.columns), num(data.endLine) ?? lines.lineCount, d.line);
      const names = gs.map((g) => g.label).join(', ');
      out.push({ title: `Add ${gs.length === 1 ? 'the missing group' : 'the missing groups'} to the EqIA: ${names}`, edits: [edit], preferred: true });
      break;
    }
    case 'fix-wcc': {
      if (inFrontMatter(lines, d.line)) break;
      const written = slice(text, lines, d);
      const list = Array.isArray(data.candidates) ? data.candidates.filter((c): c is { number: number; name: string } => !!c && num(c.number) !== undefined && typeof c.name === 'string') : [];
      // A table row: the number and the name change in their own cells, keeping the table, or not at all.
      if (data.table && typeof data.table === 'object') {
        const { number, name } = data.table as { number?: unknown; name?: unknown };
        for (const [i, c] of list.entries()) {
          const edits = [cellEdit(number, String(c.number)), cellEdit(name, c.name)].filter((e): e is Edit => !!e && slice(text, lines, e) !== e.newText);
          if (edits.length) out.push({ title: `Change the row to "${tagText(c.number, c.name)}"`, edits, preferred: i === 0 && list.length === 1 });
        }
        break;
      }
      // Items of a numbered WCC box keep their "5." form.
      const item = /^\s*\d{1,3}[.)]\s/.test(written);
      for (const [i, c] of list.entries()) {
        const newText = item ? `${c.number}. ${c.name}` : tagText(c.number, c.name);
        out.push({ title: `Change to "${newText}"`, edits: [{ ...range(d), newText }], preferred: i === 0 && list.length === 1 });
      }
      break;
    }
    case 'replace-act': {
      const replacement = str(data.replacement);
      if (replacement) out.push({ title: `Cite the ${replacement} instead`, edits: [{ ...range(d), newText: replacement }], preferred: true });
      break;
    }
    case 'add-reason': {
      const edit = reasonEdit(lines, d);
      if (edit) out.push({ title: 'Give this waiver a reason', edits: [edit], preferred: true });
      break;
    }
  }
  if (!NOT_WAIVABLE.has(d.ruleId)) {
    const edit = waiverEdit(lines, d);
    if (edit) out.push({ title: `Waive ${d.ruleId} here (with a reason)`, edits: [edit] });
  }
  return out;
}

function clampDepth(depth: number | undefined): number {
  return Math.min(6, Math.max(1, Math.round(depth ?? 2)));
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[[\]]/g, '').trim();
}

/** An edit replacing a cell's part given as `{ line, column, end: { line, column } }` in a diagnostic's data. */
function cellEdit(at: unknown, newText: string): Edit | undefined {
  const p = at as { line?: unknown; column?: unknown; end?: { line?: unknown; column?: unknown } } | undefined;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const [line, column, endLine, endColumn] = [n(p?.line), n(p?.column), n(p?.end?.line), n(p?.end?.column)];
  return line && column && endLine && endColumn ? { line, column, endLine, endColumn, newText } : undefined;
}

function range(d: FixableDiagnostic): Omit<Edit, 'newText'> {
  return { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn };
}

function slice(text: string, lines: LineIndex, d: Omit<Edit, 'newText'>): string {
  return text.slice(lines.lineStart(d.line) + d.column - 1, lines.lineStart(d.endLine) + d.endColumn - 1);
}

/** A table with one row per group and empty cells: the core reads it as "unassessed" until filled in. */
function eqiaTable(groups: Array<{ name: string }>, scaffold: string | undefined): string {
  const guide = scaffold ? `<!-- ${oneLine(scaffold).replace(/--/g, '–')} -->\n` : '';
  const rows = groups.map((g) => `| ${g.name} |  |  |`).join('\n');
  return `${guide}| Group | Impact | Evidence and mitigation |\n|---|---|---|\n${rows}\n`;
}

/** Inserts a block before `line` (or at the end of the text), keeping blank lines around it. */
function insertBlock(text: string, lines: LineIndex, line: number, block: string): Edit {
  if (line > lines.lineCount) {
    // Append: end the last line, then leave one blank line before the block.
    const end = lines.point(text.length);
    const trimmed = text.replace(/\s+$/, '');
    const lead = trimmed.length === 0 ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return { line: end.line, column: end.column, endLine: end.line, endColumn: end.column, newText: lead + block };
  }
  const prevBlank = line <= 1 || lines.lineText(line - 1).trim() === '';
  return { line, column: 1, endLine: line, endColumn: 1, newText: (prevBlank ? '' : '\n') + block + '\n' };
}

/** New group entries in the EqIA's own style: table rows, list items, sub-headings or paragraphs. */
function addGroups(lines: LineIndex, groups: Array<{ name: string }>, tableEndLine: number | undefined, columns: number | undefined, endLine: number, headingLine: number): Edit {
  if (tableEndLine && tableEndLine <= lines.lineCount) {
    const cells = Math.max(2, columns ?? 3);
    const rows = groups.map((g) => `| ${g.name} |${'  |'.repeat(cells - 1)}`).join('\n');
    const at = lines.lineEnd(tableEndLine);
    const p = lines.point(at);
    return { line: p.line, column: p.column, endLine: p.line, endColumn: p.column, newText: '\n' + rows };
  }
  // The section runs from its heading to the next heading (endLine) or the end of the text.
  const nextHeading = endLine <= lines.lineCount && endLine > headingLine && /^ {0,3}#{1,6}(\s|$)/.test(lines.lineText(endLine));
  const last = nextHeading ? endLine - 1 : lines.lineCount;
  let lastText = last;
  while (lastText > headingLine && lines.lineText(lastText).trim() === '') lastText--;
  const body: string[] = [];
  for (let l = headingLine + 1; l <= last; l++) body.push(lines.lineText(l));
  const bullet = [...body].reverse().map((l) => /^(\s*)([-*+]|\d{1,3}[.)])\s/.exec(l)).find(Boolean);
  const sub = body.map((l) => /^ {0,3}(#{2,6})\s/.exec(l)).find(Boolean);
  const pending = 'impact to be assessed.';
  let newText: string;
  if (sub) newText = '\n' + groups.map((g) => `\n${sub[1]} ${g.name}\n\nImpact to be assessed.\n`).join('').replace(/\n$/, '');
  else if (bullet) newText = groups.map((g) => `\n${bullet[1]}${/\d/.test(bullet[2]) ? '1.' : bullet[2]} **${g.name}:** ${pending}`).join('');
  else newText = groups.map((g) => `\n\n**${g.name}:** ${pending}`).join('');
  const at = lines.point(lines.lineEnd(lastText));
  return { line: at.line, column: at.column, endLine: at.line, endColumn: at.column, newText };
}

function inFrontMatter(lines: LineIndex, line: number): boolean {
  if (!/^---\s*$/.test(lines.lineText(1))) return false;
  for (let l = 2; l <= lines.lineCount; l++) if (/^(---|\.\.\.)\s*$/.test(lines.lineText(l))) return line <= l;
  return false;
}

/** Puts a reason into a waiver comment, just before its closing "-->". */
function reasonEdit(lines: LineIndex, d: FixableDiagnostic): Edit | undefined {
  const text = lines.lineText(d.endLine);
  const close = text.lastIndexOf('-->', d.endColumn - 1);
  if (close < 0) return undefined;
  const lead = text.slice(0, close);
  const insert = /\s--\s*$/.test(lead) ? `${/\s$/.test(lead) ? '' : ' '}${REASON_PLACEHOLDER} ` : `${/\s$/.test(lead) ? '' : ' '}-- ${REASON_PLACEHOLDER} `;
  return { line: d.endLine, column: close + 1, endLine: d.endLine, endColumn: close + 1, newText: insert };
}

/**
 * A disable-next-line comment for the diagnostic's line: on its own line when a
 * new line there cannot break a table, list or paragraph; otherwise at the end
 * of the line before, inside the same paragraph. None inside tables or fences.
 */
function waiverEdit(lines: LineIndex, d: FixableDiagnostic): Edit | undefined {
  if (inFrontMatter(lines, d.line)) return undefined;
  const comment = `<!-- commissioning-lint-disable-next-line ${d.ruleId} -- ${REASON_PLACEHOLDER} -->`;
  const here = lines.lineText(d.line);
  const prev = d.line > 1 ? lines.lineText(d.line - 1) : '';
  const startsBlock = d.line === 1 || prev.trim() === '' || /^ {0,3}(#{1,6}(\s|$)|<!--)/.test(here) || /^ {0,3}(#{1,6}(\s|$)|<!--.*-->\s*$)/.test(prev);
  if (/^\s*\|/.test(here) && !startsBlock) return undefined;
  if (startsBlock) return { line: d.line, column: 1, endLine: d.line, endColumn: 1, newText: `${comment}\n` };
  if (/^\s*(\||```|~~~)/.test(prev) || /^\s*[-:| ]+$/.test(prev)) return undefined;
  const end = prev.length + 1;
  return { line: d.line - 1, column: end, endLine: d.line - 1, endColumn: end, newText: ` ${comment}` };
}
