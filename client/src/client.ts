// Starts the language server (dist/server.js, over node IPC) for Markdown
// documents. Pull diagnostics run on type or on save as each resource's
// `commissioningLint.run` setting says; everything else is the server's. The
// code-lens middleware only tells the lens keeper which fetches completed
// (options.ts, shared with the web extension). In a virtual workspace (Remote
// Repositories) the server asks this client for the files it cannot read from
// disk (file-host.ts), as the web extension's does.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import type { LensKeeper } from './lens-keeper';
import { CLIENT_ID, clientOptions, documentSchemes } from './options';
import { serveFiles } from './file-host';

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, lenses: LensKeeper): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  const client = new LanguageClient(CLIENT_ID, 'Commissioning Lint', serverOptions, clientOptions(output, lenses, documentSchemes()));
  context.subscriptions.push(...serveFiles(client));
  return client;
}
