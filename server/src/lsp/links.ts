// Document links: each cited Act links to its text on legislation.gov.uk.
import type { DocumentLink } from 'vscode-languageserver';
import { offsetsToRange } from './positions';
import { safe } from './safe';
import type { ServerState } from './state';

export function registerLinks(state: ServerState): void {
  state.connection.onDocumentLinks(
    safe(state.log, 'document links', [] as DocumentLink[], async (params) => {
      const l = await state.lintOpen(params.textDocument.uri);
      const a = l && state.service.analysis(l);
      if (!l || !a) return [];
      return a.citations
        .filter((c) => c.act.url)
        .map((c) => ({ range: offsetsToRange(l.lines, c.start, c.end), target: c.act.url, tooltip: `${c.act.title} on legislation.gov.uk` }));
    }),
  );
}
