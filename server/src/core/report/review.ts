// The review-board report as data, shared by --format markdown and --format html:
// per strategy an IPC checklist, the EqIA group matrix and WCC coverage; across
// strategies a matrix of strategies × checks. Only the rendering differs.
import type { Coverage, Diagnostic, SuppressedDiagnostic } from '../types';
import type { Policy } from '../policy/types';
import { labelsFor, type Labels } from './labels';
import { countSeverities, statusLevel, statusWord, type Level } from './status';
import { coverageLine } from '../coverage-line';

/** What a review is built from: each file's result as the engine gives it, and how to show its path. */
export interface ReviewInput {
  results: Array<{ file: string; coverage?: Coverage; diagnostics?: Diagnostic[]; suppressed?: SuppressedDiagnostic[]; error?: string; word?: boolean }>;
  display: (file: string) => string;
  policy?: Policy;
  policyId: string;
  version: string;
}

export interface Cell {
  level: Level;
  /** Short text for the cell: a status word or "7/11". */
  text: string;
  /** One line explaining the cell (tooltips, screen readers). */
  detail: string;
}

export interface Column {
  id: string;
  area: 'ipc' | 'eqia' | 'wcc';
  label: string;
  /** Only in the full matrix (the HTML heatmap): one column per competency. */
  fullOnly?: boolean;
  /** Only in the compact matrix (Markdown): the "7/11" WCC column. */
  compactOnly?: boolean;
}

export interface ReviewFile {
  path: string;
  summary: string;
  counts: { errors: number; warnings: number; infos: number };
  ipc: Array<{ id: string; title: string; status: string; line?: number; /** The heading of the section taken for it, when the caller knows it (the editor). */ heading?: string; aspects: Array<{ title: string; status: string }> }>;
  eqia: { status: string; line?: number; source?: string; groups: Array<{ id: string; label: string; status: string; line?: number; source?: string }> };
  wcc: { total: number; covered: number; competencies: Array<{ number: number; name: string; lines: number[] }>; invalid: Coverage['wcc']['invalid'] };
  diagnostics: Diagnostic[];
  waived: SuppressedDiagnostic[];
  cells: Record<string, Cell>;
  /** A Word document: lines are of its Markdown rendering; findings say where they are in Word. */
  word?: boolean;
}

export interface Review {
  policyTitle: string;
  policyId: string;
  version: string;
  totals: { files: number; errors: number; warnings: number; infos: number };
  columns: Column[];
  files: ReviewFile[];
  unreadable: Array<{ path: string; error: string }>;
}

export function buildReview(report: ReviewInput): Review {
  const labels = labelsFor(report.policy, report.policyId);
  const files: ReviewFile[] = [];
  const unreadable: Review['unreadable'] = [];
  for (const r of report.results) {
    if (r.error || !r.coverage) unreadable.push({ path: report.display(r.file), error: r.error ?? 'not linted' });
    else files.push({ ...reviewFile(report.display(r.file), r.coverage, r.diagnostics ?? [], r.suppressed ?? [], labels), ...(r.word ? { word: true } : {}) });
  }
  return {
    policyTitle: labels.policyTitle,
    policyId: report.policyId,
    version: report.version,
    totals: { files: files.length, ...countSeverities(report.results) },
    columns: columnsOf(files, labels),
    files,
    unreadable,
  };
}

function reviewFile(path: string, cov: Coverage, diagnostics: Diagnostic[], waived: SuppressedDiagnostic[], labels: Labels): ReviewFile {
  const total = cov.wcc.covered.length + cov.wcc.missing.length;
  const f: ReviewFile = {
    path,
    summary: coverageLine(cov),
    counts: countSeverities([{ diagnostics }]),
    ipc: Object.entries(cov.ipc).map(([id, e]) => ({
      id,
      title: labels.element(id),
      status: e.status,
      line: e.line,
      aspects: Object.entries(e.aspects ?? {}).map(([a, s]) => ({ title: labels.aspect(id, a), status: s })),
    })),
    eqia: {
      status: cov.eqia.status,
      line: cov.eqia.line,
      source: cov.eqia.source,
      groups: Object.entries(cov.eqia.groups).map(([id, g]) => ({ id, label: labels.group(id), status: g.status, line: g.line, source: g.source })),
    },
    wcc: {
      total,
      covered: cov.wcc.covered.length,
      competencies: [...cov.wcc.covered, ...cov.wcc.missing]
        .sort((a, b) => a - b)
        .map((n) => ({ number: n, name: labels.competency(n), lines: [...new Set(cov.wcc.tags.filter((t) => t.number === n).map((t) => t.line))] })),
      invalid: cov.wcc.invalid,
    },
    diagnostics,
    waived,
    cells: {},
  };
  for (const e of f.ipc) {
    const aspectsMissing = e.aspects.filter((a) => a.status === 'missing');
    let level = statusLevel(e.status);
    if (level === 'ok' && aspectsMissing.length) level = 'part';
    const detail = `${e.title}: ${statusWord(e.status)}${e.line ? ` (line ${e.line})` : ''}` + (aspectsMissing.length ? `; missing ${aspectsMissing.map((a) => a.title.toLowerCase()).join(', ')}` : '');
    f.cells[`ipc:${e.id}`] = { level, text: aspectsMissing.length && e.status === 'present' ? 'partial' : statusWord(e.status), detail };
  }
  f.cells.eqia = { level: statusLevel(f.eqia.status), text: statusWord(f.eqia.status), detail: `Equality impact assessment: ${statusWord(f.eqia.status)}${where(f.eqia.line, f.eqia.source, path)}` };
  for (const g of f.eqia.groups) {
    f.cells[`eqia:${g.id}`] = { level: statusLevel(g.status), text: statusWord(g.status), detail: `${g.label}: ${statusWord(g.status)}${where(g.line, g.source, path)}` };
  }
  for (const c of f.wcc.competencies) {
    const ok = c.lines.length > 0;
    f.cells[`wcc:${c.number}`] = { level: ok ? 'ok' : 'miss', text: ok ? 'tagged' : 'none', detail: `WCC ${c.number} ${c.name}: ${ok ? `tagged (line ${c.lines.join(', ')})` : 'not tagged'}` };
  }
  f.cells.wcc = {
    level: total && f.wcc.covered === total ? 'ok' : f.wcc.covered ? 'part' : 'miss',
    text: `${f.wcc.covered}/${total}`,
    detail: `WCC competencies evidenced: ${f.wcc.covered} of ${total}`,
  };
  return f;
}

function where(line: number | undefined, source: string | undefined, file: string): string {
  if (!line) return '';
  return source && !file.endsWith(source) ? ` (line ${line} of ${source})` : ` (line ${line})`;
}

/** Matrix columns in policy order; a file linted under another policy adds its own ids. */
function columnsOf(files: ReviewFile[], labels: Labels): Column[] {
  const cols = new Map<string, Column>();
  const add = (c: Column) => cols.has(c.id) || cols.set(c.id, c);
  for (const f of files) for (const e of f.ipc) add({ id: `ipc:${e.id}`, area: 'ipc', label: e.title });
  add({ id: 'eqia', area: 'eqia', label: 'EqIA' });
  for (const f of files) for (const g of f.eqia.groups) add({ id: `eqia:${g.id}`, area: 'eqia', label: g.label });
  add({ id: 'wcc', area: 'wcc', label: 'WCC', compactOnly: true });
  const numbers = [...new Set(files.flatMap((f) => f.wcc.competencies.map((c) => c.number)))].sort((a, b) => a - b);
  for (const n of numbers) add({ id: `wcc:${n}`, area: 'wcc', label: `${n} ${labels.competency(n)}`, fullOnly: true });
  return [...cols.values()];
}

