// Quick fixes, rebuilt on every request from each diagnostic's `data` and the
// current text (the server keeps no fix cache): insert a missing IPC section,
// add an EqIA or its missing groups, correct a WCC reference, cite an Act's
// successor, give a waiver its reason, or waive a finding with a reason.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { fixesFor, type Fix } from '../core';
import type { FixData } from '../core';
import { SOURCE } from './convert';
import { fromRange, toRange } from './positions';
import { safe } from './safe';
import type { ServerState } from './state';
import { LineIndex } from '../core';

export function registerCodeActions(state: ServerState): void {
  state.connection.onCodeAction(
    safe(state.log, 'code action', [] as CodeAction[], async (params): Promise<CodeAction[]> => {
      const doc = state.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const only = params.context.only;
      if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix))) return [];
      const text = doc.getText();
      // Positions must be read against the text the client sees now.
      const last = state.service.last(doc.uri);
      const lines = last && last.text === text ? last.lines : new LineIndex(text);
      const out: CodeAction[] = [];
      for (const d of params.context.diagnostics) {
        if (d.source !== SOURCE || typeof d.code !== 'string') continue;
        const data = isFixData(d.data) ? d.data : undefined;
        for (const fix of fixesFor({ ruleId: d.code, ...fromRange(d.range), data }, text, lines)) out.push(toAction(state, doc.uri, doc.version, fix, d));
      }
      return out;
    }),
  );
}

function toAction(state: ServerState, uri: string, version: number, fix: Fix, d: Diagnostic): CodeAction {
  const edits: TextEdit[] = fix.edits.map((e) => ({ range: toRange(e), newText: e.newText }));
  // With documentChanges the client refuses edits computed for an older version.
  const edit: WorkspaceEdit = state.caps.documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.preferred || undefined, edit };
}

function isFixData(v: unknown): v is FixData {
  return !!v && typeof v === 'object' && typeof (v as FixData).kind === 'string';
}
