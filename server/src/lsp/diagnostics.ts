// Document diagnostics: answered on request (pull, textDocument/diagnostic) for
// clients that can ask, pushed (publishDiagnostics) for those that cannot.
// Both re-lint only what changed; a refresh is asked for when settings, a
// config file, a pack or a linked EqIA change.
import { DocumentDiagnosticReportKind, type DocumentDiagnosticReport } from 'vscode-languageserver';
import { diagnosticsOf } from './convert';
import type { Linted } from './lint-service';
import { safe, safeNotify } from './safe';
import type { ServerState } from './state';
import { sendCoverage } from './coverage';
import { uriToPath } from './uris';

/** Delay before pushing diagnostics after typing (push clients only). */
const PUSH_DELAY_MS = 150;
/** Delay before asking the client to re-pull after a linked file changed. */
const REFRESH_DELAY_MS = 100;

export function registerDiagnostics(state: ServerState): { refresh: () => void } {
  const { connection, documents, log } = state;
  const pushTimers = new Map<string, NodeJS.Timeout>();
  let refreshTimer: NodeJS.Timeout | undefined;

  connection.languages.diagnostics.on(
    safe(log, 'diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, async (params): Promise<DocumentDiagnosticReport> => {
      const uri = params.textDocument.uri;
      const linted = await state.lintOpen(uri);
      if (!linted) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      afterLint(linted);
      // A file linked as another strategy's EqIA is part of that strategy, not one of its own
      // (reported clean under a resultId of its own, so unlinking it shows its findings again).
      const linked = state.isLinkedEqia(uri);
      const resultId = linked ? `${linted.resultId}L` : linted.resultId;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: linked ? [] : diagnosticsOf(linted) };
    }),
  );

  /** Publishes an open document's diagnostics (push clients). */
  const push = async (uri: string) => {
    const linted = await state.lintOpen(uri);
    if (!linted || !documents.get(uri)) return;
    afterLint(linted);
    const items = state.isLinkedEqia(uri) ? [] : diagnosticsOf(linted);
    await connection.sendDiagnostics({ uri, version: linted.version, diagnostics: items });
  };
  const schedulePush = (uri: string, delay: number) => {
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(
      uri,
      setTimeout(() => {
        pushTimers.delete(uri);
        push(uri).catch((err) => log('push diagnostics', err));
      }, delay),
    );
  };

  /** Coverage for the status bar, and a re-lint of strategies whose linked EqIA just changed. */
  const lastSent = new Map<string, string>();
  function afterLint(l: Linted): void {
    if (lastSent.get(l.uri) === l.resultId) return;
    lastSent.set(l.uri, l.resultId);
    sendCoverage(state, l);
    // An open file that just became some strategy's EqIA loses its own diagnostics.
    if (l.dependencies.some((f) => state.openUrisOf(f).length)) refresh();
  }

  const refresh = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      if (state.caps.pull) {
        if (state.caps.refresh) connection.languages.diagnostics.refresh().catch((err) => log('diagnostic refresh', err));
      } else for (const d of documents.all()) schedulePush(d.uri, 0);
    }, REFRESH_DELAY_MS);
  };

  documents.onDidOpen(
    safeNotify(log, 'open', (e) => {
      state.savedVersion.set(e.document.uri, e.document.version);
      if (!state.caps.pull) schedulePush(e.document.uri, 0);
    }),
  );
  documents.onDidChangeContent(
    safeNotify(log, 'change', async (e) => {
      const uri = e.document.uri;
      // Strategies that link this file as their EqIA must be linted again.
      const file = uriToPath(uri);
      const dependents = file ? state.service.dependents(file).filter((u) => u !== uri) : [];
      if (dependents.length) {
        state.service.invalidate(dependents);
        refresh();
      }
      if (state.caps.pull) return;
      const settings = await state.settingsFor(uri);
      if (settings.run === 'onType') schedulePush(uri, PUSH_DELAY_MS);
    }),
  );
  documents.onDidSave(
    safeNotify(log, 'save', (e) => {
      state.savedVersion.set(e.document.uri, e.document.version);
      if (!state.caps.pull) schedulePush(e.document.uri, 0);
    }),
  );
  documents.onDidClose(
    safeNotify(log, 'close', (e) => {
      const uri = e.document.uri;
      clearTimeout(pushTimers.get(uri));
      pushTimers.delete(uri);
      state.savedVersion.delete(uri);
      state.service.forget(uri);
      state.settings.forget(uri);
      lastSent.delete(uri);
      if (!state.caps.pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
      // A closed EqIA is read from disk again by the strategies that link it.
      const file = uriToPath(uri);
      if (file && state.service.dependents(file).length) {
        state.service.invalidate(state.service.dependents(file));
        refresh();
      }
    }),
  );

  return { refresh };
}
