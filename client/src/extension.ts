// VS Code entry (dist/client.js): starts the language server for Markdown,
// shows coverage in the status bar, and offers the extension's commands. No
// lint logic lives here; the server does it all.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerCommands } from './commands';
import { CoverageStatus } from './status-bar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Commissioning Lint', { log: true });
  const status = new CoverageStatus(() => client);
  let listening: vscode.Disposable | undefined;

  const start = async () => {
    client = createClient(context, output);
    await client.start();
    listening = status.attach(client);
    await status.refresh();
  };
  const restart = async () => {
    listening?.dispose();
    const old = client;
    client = undefined;
    await old?.stop().catch(() => undefined);
    await start();
  };

  context.subscriptions.push(output, status, ...registerCommands(() => client, restart), { dispose: () => listening?.dispose() });
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
