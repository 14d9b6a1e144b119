// Starts the language server (dist/server.js, over node IPC) for Markdown
// documents. Pull diagnostics run on type or on save as each resource's
// `commissioningLint.run` setting says; everything else is the server's. The
// code-lens middleware only tells the lens keeper which fetches completed.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { LensKeeper } from './lens-keeper';

export const CLIENT_ID = 'commissioningLint';

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, lenses: LensKeeper): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
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
  return new LanguageClient(CLIENT_ID, 'Commissioning Lint', serverOptions, clientOptions);
}
