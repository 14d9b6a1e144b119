// VS Code entry in the browser (dist/web/client.js: vscode.dev, github.dev):
// the same extension as the desktop's (activate.ts), with the language server
// in a Web Worker (dist/web/server.js) and the files it reads supplied by this
// client through vscode.workspace.fs (file-host.ts). Documents of the
// workspace folders' own schemes (vscode-vfs, vscode-test-web…) are linted.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith } from '../activate';
import { CLIENT_ID, clientOptions, documentSchemes } from '../options';
import { serveFiles } from '../file-host';

/** A classic Web Worker (the project type-checks without the DOM library). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[2];

let stop: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  stop = await activateWith(context, (ctx, output, lenses) => {
    const worker = new Worker(vscode.Uri.joinPath(ctx.extensionUri, 'dist/web/server.js').toString(true));
    const client = new LanguageClient(CLIENT_ID, 'Commissioning Lint', worker, clientOptions(output, lenses, documentSchemes()));
    context.subscriptions.push(...serveFiles(client));
    return client;
  });
}

export async function deactivate(): Promise<void> {
  await stop?.();
  stop = undefined;
}
