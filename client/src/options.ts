// The language client's options, the same for the desktop (client.ts) and the
// web extension (web/extension.ts): pull diagnostics on type or on save as
// each resource's `commissioningLint.run` setting says, and the code-lens
// middleware that tells the lens keeper which fetches completed.
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import type { LensKeeper } from './lens-keeper';

export const CLIENT_ID = 'commissioningLint';

/** Documents linted: saved files, untitled ones, and those of the workspace folders' own schemes (vscode-vfs…). */
export function documentSchemes(): string[] {
  return [...new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])];
}

/** The client's options; `schemes` are the URI schemes of the documents it lints. */
export function clientOptions(output: vscode.LogOutputChannel, lenses: LensKeeper, schemes: string[]): LanguageClientOptions {
  return {
    documentSelector: schemes.map((scheme) => ({ language: 'markdown', scheme })),
    outputChannel: output,
    // In Restricted Mode the server runs no pattern a workspace config or pack supplies.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      // Skip the pull the resource's `run` setting does not want (read per resource, never cached).
      filter: (document, mode) => {
        const run = vscode.workspace.getConfiguration('commissioningLint', document.uri).get<string>('run', 'onType');
        return (mode === 'onType' && run === 'onSave') || (mode === 'onSave' && run === 'onType');
      },
    },
    // The server registers its own file watchers and settings section.
    markdown: { isTrusted: false, supportHtml: false },
    middleware: {
      // Tell the lens keeper which fetches VS Code completed (see lens-keeper.ts).
      provideCodeLenses: async (document, token, next) => {
        const done = lenses.fetching(document.uri.toString());
        const result = await next(document, token);
        if (!token.isCancellationRequested) done();
        return result;
      },
    },
  };
}
