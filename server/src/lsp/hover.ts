// Hovers: what a cited Act is (summary, status, successor, legislation.gov.uk
// link), what a WCC reference names, which IPC element a heading was matched
// to and what it still lacks, and an equality group's status in the EqIA. The
// words are the core's (core/editor/explain.ts), shared with the MCP server's
// `explain` tool; this module only finds the thing and its range.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { hoverMarkdown, thingAt } from '../core';
import { offsetsToRange, toOffset } from './positions';
import { safe } from './safe';
import type { ServerState } from './state';

export function registerHover(state: ServerState): void {
  state.connection.onHover(
    safe(state.log, 'hover', null, async (params): Promise<Hover | null> => {
      const l = await state.lintOpen(params.textDocument.uri);
      const a = l && state.service.analysis(l);
      if (!l || !a) return null;
      const found = thingAt(a, toOffset(l.lines, params.position));
      if (!found) return null;
      const value = hoverMarkdown(found, a);
      if (!value) return null;
      return { contents: { kind: state.caps.markdownHover ? MarkupKind.Markdown : MarkupKind.PlainText, value }, range: offsetsToRange(l.lines, found.start, found.end) };
    }),
  );
}
