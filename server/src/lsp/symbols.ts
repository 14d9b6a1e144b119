// The outline: the strategy's heading tree, each section labelled with the IPC
// element(s) it was matched to, or as the EqIA.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from '../core';
import type { Section } from '../core';
import type { LineIndex } from '../core';
import { offsetsToRange } from './positions';
import { safe } from './safe';
import type { ServerState } from './state';

export function registerSymbols(state: ServerState): void {
  state.connection.onDocumentSymbol(
    safe(state.log, 'document symbols', [] as DocumentSymbol[], async (params) => {
      const l = await state.lintOpen(params.textDocument.uri);
      const a = l && state.service.analysis(l);
      if (!l || !a) return [];
      return a.model.root.children.map((s) => symbolOf(a, l.lines, s));
    }),
  );
}

function symbolOf(a: Analysis, lines: LineIndex, s: Section): DocumentSymbol {
  const labels: string[] = [];
  for (const f of a.elements) if (f.section === s) labels.push(`IPC ${f.element.id}${f.status === 'present' ? '' : ` (${f.status})`}`);
  if (a.eqia.sections.includes(s)) labels.push(`EqIA (${a.eqia.groups.filter((g) => g.status === 'covered').length}/${a.eqia.groups.length} groups)`);
  const heading = s.heading ?? { start: s.start, end: s.start };
  return {
    name: s.title.trim() || '(untitled section)',
    detail: labels.join(' · ') || undefined,
    kind: labels.length ? SymbolKind.Namespace : SymbolKind.String,
    range: offsetsToRange(lines, s.start, Math.max(s.start, s.end)),
    selectionRange: offsetsToRange(lines, heading.start, heading.end),
    children: s.children.map((c) => symbolOf(a, lines, c)),
  };
}
