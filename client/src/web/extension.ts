// VS Code entry in the browser (dist/web/client.js: vscode.dev, github.dev):
// the same extension as the desktop's (activate.ts), with the language server
// in a Web Worker (dist/web/server.js) and the files it reads supplied by this
// client through vscode.workspace.fs (file-host.ts). Documents of the
// workspace folders' own schemes (vscode-vfs, vscode-test-web…) are linted.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateWith } from '../activate';
import { CLIENT_ID, clientOptions, documentSchemes } from '../options';
import { serveFiles } from '../file-host';

type WorkerLike = Exclude<ConstructorParameters<typeof LanguageClient>[2], () => unknown>;
/** A classic Web Worker (the project type-checks without the DOM library). */
declare const Worker: new (url: string) => WorkerLike;

let stop: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  stop = await activateWith(context, (ctx, output, lenses) => {
    const server = vscode.Uri.joinPath(ctx.extensionUri, 'dist/web/server.js');
    // Transports made here: the client's own `instanceof Worker` fails for the Worker
    // VS Code's extension host hands out (its constructor is wrapped).
    const transports = async (): Promise<MessageTransports> => {
      const worker = await startWorker(server);
      return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
    };
    const client = new LanguageClient(CLIENT_ID, 'Commissioning Lint', transports, clientOptions(output, lenses, documentSchemes()));
    context.subscriptions.push(...serveFiles(client));
    return client;
  });
}

export async function deactivate(): Promise<void> {
  await stop?.();
  stop = undefined;
}

/**
 * The server's Worker. VS Code's browser extension host refuses a worker whose
 * script lies with a remote extension ("Creating workers from remote extensions
 * is currently not supported": code-server, where extensions live on the
 * server); then the script is read through VS Code and started from a blob.
 */
async function startWorker(server: vscode.Uri): Promise<WorkerLike> {
  try {
    return new Worker(server.toString(true));
  } catch {
    const bytes = await vscode.workspace.fs.readFile(server);
    return new Worker(URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })));
  }
}
